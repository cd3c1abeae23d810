"""What an evaluation finds: scores, misses and false hits, the meeting alignment."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Score:
    """True positives, false positives and false negatives of one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, float]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class Finding:
    """One miss or false hit: ``category`` is entity, meeting, core or extended."""

    category: str
    reason: str
    text: str
    evidence: str = ""


@dataclass(frozen=True)
class MeetingAlignment:
    """The predicted meeting aligned to one gold meeting (``None`` when unaligned)."""

    gold_id: str
    gold_name: str
    required: int
    predicted: str | None
    predicted_label: str | None
    shared: int
    candidates: int


@dataclass(frozen=True)
class RoleCheck:
    """Gold and predicted role of one matched ``affiliated_with`` edge."""

    subject: str
    object: str
    gold_role: str
    predicted_role: str
    agrees: bool


@dataclass(frozen=True)
class Evaluation:
    """Everything :func:`evaluate` found; ``to_dict`` gives the JSON form."""

    entities: Score
    meetings: Score
    core: Score
    extended: Score
    alignments: tuple[MeetingAlignment, ...]
    misses: tuple[Finding, ...]
    false_hits: tuple[Finding, ...]
    roles: tuple[RoleCheck, ...]
    matches: tuple[tuple[str, str], ...] = ()
    gold_source: str = ""

    @property
    def entities_and_meetings(self) -> Score:
        """Entities and meetings together (what the issue calls "entities")."""
        return self.entities + self.meetings

    def to_dict(self) -> dict[str, object]:
        return {
            "gold": self.gold_source,
            "scores": {name: score.to_dict() for name, score in self._rows()},
            "meetings": [asdict(a) for a in self.alignments],
            "roles": [asdict(r) for r in self.roles],
            "misses": [asdict(f) for f in self.misses],
            "false_hits": [asdict(f) for f in self.false_hits],
            "matches": [list(pair) for pair in self.matches],
        }

    def _rows(self) -> list[tuple[str, Score]]:
        return [("entities", self.entities), ("meetings", self.meetings),
                ("entities_and_meetings", self.entities_and_meetings),
                ("core_relations", self.core), ("extended_relations", self.extended)]
