#!/usr/bin/env python3
"""Set up and run graphbuild with nothing but Python 3.11.

    python3 dev.py run    # create .venv if needed, build corpus/ into outputs/
    python3 dev.py test   # create .venv and test tools if needed, run the whole test suite

The virtual environment is (re)installed when pyproject.toml changes. The test
command also makes sure the browser test, XSD validation and graphology loader
have what they need: Debian's chromium and libxml2-utils (installed with
apt-get when running as root) and the npm packages pinned in tests/js.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".graphbuild-installed"
DEBIAN_TEST_PACKAGES = {"chromium": "/usr/bin/chromium", "xmllint": "/usr/bin/xmllint",
                        "node": "/usr/bin/node", "npm": "/usr/bin/npm"}
DEBIAN_NAMES = {"chromium": "chromium", "xmllint": "libxml2-utils", "node": "nodejs",
                "npm": "npm"}


def say(message: str) -> None:
    print(f"[dev.py] {message}", flush=True)


def run(*command: str | Path, cwd: Path = ROOT) -> None:
    result = subprocess.run([str(c) for c in command], cwd=cwd)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_venv() -> None:
    """Create .venv and install graphbuild with its test extras when needed."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not (BIN / "python").exists():
        say(f"creating virtual environment in {VENV}")
        venv.create(VENV, with_pip=True)
    say("installing graphbuild and its dependencies (first run takes a few minutes)")
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(BIN / "python", "-m", "pip", "install", "--quiet", "-e", ".[test]")
    STAMP.write_text(wanted + "\n")


def ensure_test_tools() -> None:
    """Chromium, xmllint and node for the export tests; graphology from tests/js."""
    missing = [name for name, path in DEBIAN_TEST_PACKAGES.items()
               if shutil.which(name) is None and not Path(path).exists()]
    if missing:
        packages = sorted({DEBIAN_NAMES[name] for name in missing})
        if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
            say(f"installing Debian packages: {' '.join(packages)}")
            run("apt-get", "update", "-qq")
            install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages]
            quiet = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
            result = subprocess.run(install, env=quiet)
            if result.returncode != 0:
                sys.exit(result.returncode)
        else:
            say(f"missing test tools: {', '.join(missing)}. Install the Debian packages "
                f"{' '.join(packages)} (or run as root); their tests are skipped until then")
    npm = shutil.which("npm")
    if npm and not (ROOT / "tests" / "js" / "node_modules").exists():
        say("installing graphology parsers into tests/js")
        run(npm, "ci", "--no-audit", "--no-fund", "--prefix", ROOT / "tests" / "js")


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__.strip())
        sys.exit(2)
    ensure_venv()
    if argv[0] == "run":
        run(BIN / "graphbuild", "build", "corpus", "-o", "outputs", *argv[1:])
    else:
        ensure_test_tools()
        run(BIN / "python", "-m", "pytest", *argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
