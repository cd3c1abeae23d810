"""The exceptions graphbuild raises; the CLI turns them into one-line messages."""

from __future__ import annotations


class GraphbuildError(Exception):
    """Base class for every error graphbuild reports to its users."""


class CorpusError(GraphbuildError):
    """The corpus path is missing, empty or unreadable."""


class ModelNotFoundError(GraphbuildError):
    """The requested spaCy pipeline is not installed."""


class GraphFormatError(GraphbuildError):
    """A graph file cannot be read or has an unknown format."""


class GoldFormatError(GraphbuildError):
    """A gold reference file does not follow the expected format."""


class AliasFileError(GraphbuildError):
    """A user alias file cannot be read or is malformed."""


class UnknownEntityError(GraphbuildError, KeyError):
    """A name matches no entity in the graph."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown entity"


class OutputError(GraphbuildError):
    """The output folder cannot be written, or another build is writing to it."""
