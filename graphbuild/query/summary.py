"""Plain-text renderings of a graph's counts and meetings, as the build summary prints them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from graphbuild.query.records import GraphSummary, Meeting


def meeting_lines(meetings: Iterable[Meeting]) -> list[str]:
    """Meeting labels, each one told apart from the meetings of the same label by its day,
    else its node id: a list of "Summit" twice says nothing.

    >>> meeting_lines([Meeting("meeting:summit", "Summit", None, None, iso_date="2025-04-03"),
    ...                Meeting("meeting:summit-2", "Summit", None, None),
    ...                Meeting("meeting:talks", "Talks", None, None)])
    ['Summit [2025-04-03]', 'Summit [meeting:summit-2]', 'Talks']
    """
    listed = list(meetings)
    twins = Counter(m.label for m in listed)
    days = Counter((m.label, m.iso_date) for m in listed)
    lines = []
    for meeting in listed:
        if twins[meeting.label] == 1:
            lines.append(meeting.label)
        elif meeting.iso_date and days[(meeting.label, meeting.iso_date)] == 1:
            lines.append(f"{meeting.label} [{meeting.iso_date}]")
        else:
            lines.append(f"{meeting.label} [{meeting.id}]")
    return lines


def format_summary(summary: GraphSummary) -> str:
    """Render a :class:`GraphSummary` as a few lines of plain text.

    Parameters
    ----------
    summary : GraphSummary
        Counts from :meth:`KnowledgeGraph.summary`.

    Returns
    -------
    str
        Text without a trailing newline.

    Examples
    --------
    >>> print(format_summary(GraphSummary(2, 3, 1, (("country", 2), ("meeting", 1)),
    ...                                   (("hosts", 1),))))
    2 articles, 3 entities, 1 relation
    entities:  country 2, meeting 1
    relations: hosts 1
    """
    def counts(pairs: tuple[tuple[str, int], ...]) -> str:
        return ", ".join(f"{name} {count}" for name, count in pairs) or "none"

    return "\n".join([
        ", ".join([plural(summary.articles, "article"), plural(summary.entities, "entity"),
                   plural(summary.relations, "relation")]),
        f"entities:  {counts(summary.entities_by_type)}",
        f"relations: {counts(summary.relations_by_type)}",
    ])


def plural(count: int, noun: str) -> str:
    if count == 1:
        return f"1 {noun}"
    return f"{count} {noun[:-1]}ies" if noun.endswith("y") else f"{count} {noun}s"
