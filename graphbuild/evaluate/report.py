"""The plain-text report ``graphbuild evaluate`` prints."""

from __future__ import annotations

from graphbuild.evaluate.results import Evaluation
from graphbuild.evaluate.scoring import ROLE_RELATION

_EVIDENCE_WIDTH = 160


def format_evaluation(evaluation: Evaluation) -> str:
    """Human report: false hits, misses and alignment first, an 8-line summary last.

    The summary is the candidates line, the roles line, a header and one row
    each for entities, meetings, both together, core and extended relations.
    """
    lines = [f"Evaluation against {evaluation.gold_source or 'gold'}"]
    lines.append(f"False hits ({len(evaluation.false_hits)}):")
    for f in evaluation.false_hits:
        evidence = f.evidence
        if len(evidence) > _EVIDENCE_WIDTH:
            evidence = evidence[: _EVIDENCE_WIDTH - 1] + "…"
        lines.append(f"  [{f.category}] {f.text} -- {f.reason}"
                     + (f' | "{evidence}"' if evidence else ""))
    lines.append(f"Misses ({len(evaluation.misses)}):")
    lines.extend(f"  [{f.category}] {f.text}" for f in evaluation.misses)
    lines.append("Meeting alignment (gold <- predicted):")
    for a in evaluation.alignments:
        target = f"{a.predicted_label} [{a.predicted}]" if a.predicted else "(none)"
        note = "" if a.required else ", optional only"
        lines.append(f"  {a.gold_id} <- {target}: shared tuples {a.shared}, "
                     f"candidates {a.candidates}{note}")
    disagreements = [r for r in evaluation.roles if not r.agrees]
    if disagreements:
        lines.append("Role disagreements:")
        lines.extend(f"  {r.subject} -> {r.object}: gold {r.gold_role!r}, "
                     f"predicted {r.predicted_role or '(none)'!r}" for r in disagreements)

    counted = [a for a in evaluation.alignments if a.required]
    lines.append("meeting candidates (target 1 each): "
                 + (" ".join(f"{a.gold_id}={a.candidates}" for a in counted) or "(none)"))
    agree = sum(r.agrees for r in evaluation.roles)
    lines.append(f"roles: {agree}/{len(evaluation.roles)} matched {ROLE_RELATION} edges agree "
                 "with gold (not scored)")
    lines.append(f"{'':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
    names = ("person/country/org", "meetings", "entities+meetings", "core relations",
             "extended relations")
    for name, (_, s) in zip(names, evaluation._rows(), strict=True):
        lines.append(f"{name:<20}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                     f"{s.tp:>5}{s.fp:>5}{s.fn:>5}")
    return "\n".join(lines)
