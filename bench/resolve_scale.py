"""Time the resolve stage on synthetic corpora of one-paragraph articles (no parsing), to
check that it grows about linearly with the number of articles.

    .venv/bin/python bench/resolve_scale.py 1000 2000 4000

Each article names two of 60 countries, one of 300 people and one meeting on one of the
weekdays, so meetings share participants and dates the way a year of news does. Prints
figures; it asserts nothing (benchmarks are scripts, not tests).
"""

from __future__ import annotations

import random
import sys
import time

from graphbuild.lexicon import gazetteer
from graphbuild.resolve import resolve
from graphbuild.types import ArticleExtraction, Claim, Evidence, Mention

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def article(index: int, rng: random.Random, countries: list[tuple[str, str]]
            ) -> ArticleExtraction:
    article_id = f"a{index:05d}"
    mentions: list[Mention] = []
    offset = 0

    def mention(text: str, type_: str, key: str, **fields: object) -> Mention:
        nonlocal offset
        found = Mention(article_id, offset, offset + len(text), text, type_, key,
                        **fields)  # type: ignore[arg-type]
        offset += len(text) + 1
        mentions.append(found)
        return found

    people = [mention(f"Person{rng.randrange(300)} Surname{rng.randrange(300)}", "person",
                      f"person:P{rng.randrange(300)}")]
    states = [mention(name, "country", key) for name, key in rng.sample(countries, 2)]
    meeting = mention("the meeting", "meeting", f"{article_id}#meeting-0",
                      date=rng.choice(WEEKDAYS), kind="meeting")
    claims = tuple(Claim(actor, "attends", meeting,
                         Evidence(article_id, "x", 0, offset, "attends"))
                   for actor in [*people, *states])
    return ArticleExtraction(article_id, tuple(mentions), claims)


def main() -> None:
    countries = [(p.name, p.key) for p in gazetteer() if p.type == "country"][:60]
    for size in [int(a) for a in sys.argv[1:]] or [1000, 2000, 4000]:
        rng = random.Random(size)
        extractions = [article(i, rng, countries) for i in range(size)]
        start = time.perf_counter()
        resolution = resolve(extractions)
        seconds = time.perf_counter() - start
        meetings = sum(e.type == "meeting" for e in resolution.entities)
        print(f"{size:6d} articles: resolve {seconds:6.2f} s "
              f"({seconds / size * 1000:.2f} ms per article), {meetings} meeting nodes")


if __name__ == "__main__":
    main()
