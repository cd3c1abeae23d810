"""The exceptions graphbuild raises; the CLI turns them into one-line messages, each kind
with its own exit status (``exit_code``) so scripts can tell failures apart."""

from __future__ import annotations


class GraphbuildError(Exception):
    """Base class for every error graphbuild reports to its users."""

    exit_code = 1


class CorpusError(GraphbuildError):
    """The corpus path is missing, empty or unreadable."""

    exit_code = 3


class ModelNotFoundError(GraphbuildError):
    """The requested spaCy pipeline is not installed."""

    exit_code = 4


class GraphFormatError(GraphbuildError):
    """A graph file cannot be read or has an unknown format."""

    exit_code = 5


class GoldFormatError(GraphbuildError):
    """A gold reference file does not follow the expected format."""

    exit_code = 6


class AliasFileError(GraphbuildError):
    """A user alias file cannot be read or is malformed."""

    exit_code = 7


class UnknownEntityError(GraphbuildError, KeyError):
    """A name matches no entity in the graph."""

    exit_code = 8

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown entity"


class OutputError(GraphbuildError):
    """The output folder cannot be written, or another build is writing to it."""

    exit_code = 9


class SchedulerError(GraphbuildError):
    """The Dask scheduler cannot be reached, or Dask is not installed."""

    exit_code = 11


# The exit status of an error graphbuild did not foresee (a full disk, no memory), which
# ``--debug`` shows with its traceback.
UNEXPECTED_EXIT_CODE = 10

# The exit status of a build stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report).
INTERRUPTED_EXIT_CODE = 130
