"""When a build may fork a helper process: the one decision the exporters and the engine share.

A forked child starts at once and shares the parent's memory (the graph, the records), so
a build hands work to one when a second core can run it: writing half of the output
formats, or loading the spaCy pipeline while the corpus is still being read. Forking is
only safe where the platform forks cleanly (Linux) and no other thread runs: a thread
holding a lock at the fork would leave the child waiting for it forever.
"""

from __future__ import annotations

import os
import sys
import threading


def can_fork() -> bool:
    """Whether a forked helper can run beside this process: Linux, a second core, no other
    thread."""
    return (sys.platform.startswith("linux") and (os.cpu_count() or 1) > 1
            and threading.active_count() == 1)
