"""What an article has told of its meetings so far, and which meeting told before a new
mention may be: the clusters ``meeting_mentions`` builds, one per meeting."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from graphbuild.lexicon import place_by_key
from graphbuild.meeting_identity import Facts, better_date, dates_agree, may_be_one
from graphbuild.types import Mention


@dataclass
class Cluster:
    """The mentions of one article read so far as one meeting."""

    kind: str
    mentions: list[Mention] = field(default_factory=list)
    date: str | None = None
    venue: str | None = None
    group: str | None = None
    participants: set[str] = field(default_factory=set)
    contrasted: bool = False
    names: set[str] = field(default_factory=set)


def told_in_headline(clusters: list[Cluster], facts: Facts, headline_end: int
                     ) -> int | None:
    """A meeting only the headline has named so far that may be this one: of its kind,
    with a party in common or of the same body ("G-7 summit" over "a meeting of the
    Group of Seven")."""
    return next((i for i, c in enumerate(clusters)
                 if all(m.start < headline_end for m in c.mentions) and not c.contrasted
                 and (c.kind == facts.kind or c.participants & facts.participants
                      or (c.group is not None and c.group == facts.group))
                 and may_be_one(c, facts)), None)


def in_person_focus(clusters: list[Cluster], strong_focus: dict[str, int],
                    facts: Facts) -> list[int]:
    """The summit and the meeting in focus that nothing said of this mention contradicts,
    whatever noun each uses."""
    return [i for i in (strong_focus.get(k) for k in ("summit", "meeting"))
            if i is not None and may_be_one(clusters[i], replace(facts, kind=clusters[i].kind))]


def same_people_before(clusters: list[Cluster], facts: Facts) -> int | None:
    """The latest unnamed meeting of two or three people that already has every person
    this one names, and nothing said against it (not "the SCO summit" where Modi met Xi)."""
    people = {p for p in facts.participants if p.startswith("person:")}
    if not people:
        return None
    for index in reversed(range(len(clusters))):
        cluster = clusters[index]
        told = {p for p in cluster.participants if p.startswith("person:")}
        if cluster.kind == facts.kind and not cluster.contrasted and not cluster.names \
                and people <= told and len(told) <= 3 and may_be_one(cluster, facts):
            return index
    return None


def body_beside_pair(group: str | None, told: Cluster) -> bool:
    """'the G20 Summit' after Erdogan's talks with Sisi: a known body's meeting is not the
    meeting of one or two people told before."""
    return bool(group in place_by_key() and not told.group and told.participants
                and len(told.participants) <= 2
                and all(p.startswith("person:") for p in told.participants))


def choose_cluster(clusters: list[Cluster], focus: dict[str, int], kind: str,
                   date: str | None, *, contrastive: bool, weak: bool = False) -> int | None:
    """The meeting told before that a mention of ``kind`` and ``date`` joins: the nearest
    one of that date, else the one in focus (none for a mention set against it)."""
    if date:
        # The nearest meeting of that kind and date: two calls on Sunday are told in turn;
        # "talks" on the day of a call may be that call.
        for index in reversed(range(len(clusters))):
            cluster = clusters[index]
            if (cluster.kind == kind or weak) and cluster.date \
                    and dates_agree(cluster.date, date) == "same":
                return index
        if kind in focus and clusters[focus[kind]].date is None and not contrastive:
            return focus[kind]
        return None
    if contrastive:
        return None
    if kind in focus:
        return focus[kind]
    return None


def add_mention(cluster: Cluster, mention: Mention) -> None:
    """Count a mention in a meeting, keeping the better date and the first venue and body
    told."""
    cluster.mentions.append(mention)
    cluster.date = better_date(cluster.date, mention.date)
    cluster.venue = cluster.venue or mention.venue
    cluster.group = cluster.group or mention.group


def finalise(article_id: str, clusters: list[Cluster],
             assigned: dict[int, tuple[int, Mention]]) -> dict[int, Mention]:
    """Give every mention its cluster's key, date, venue and group."""
    result: dict[int, Mention] = {}
    for token_index, (cluster_index, mention) in sorted(assigned.items()):
        cluster = clusters[cluster_index]
        result[token_index] = replace(
            mention, key=f"{article_id}#meeting-{cluster_index}", date=cluster.date,
            venue=cluster.venue, group=cluster.group, kind=cluster.kind,
            contrasted=cluster.contrasted)
    return result
