"""Name normalisation shared by extraction, resolution and the graph ids.

Pure string functions (no spaCy): different stages must agree on when two
spellings are the same name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from graphbuild.lexicon import name_rules, public_figure_forms, words

_NAME_CHARS = re.compile(r"[^\w\s.'’-]")
_LEADING_THE = re.compile(r"^(?:the )+")
_POSSESSIVE = re.compile(r"['’]s\b")
_DROPPED = re.compile(r"[.\"“”‘’']")
_SEPARATORS = re.compile(r"[\W_]+")
_JOINERS = re.compile(r"[-‐–.]")
# The same few thousand names are compared hundreds of thousands of times in a large build.
_REMEMBERED = 1 << 16

# Letters NFKD does not decompose into ASCII.
_TRANSLITERATION = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "ð": "d", "Ð": "D",
                                  "þ": "th", "Þ": "Th", "ß": "ss", "ł": "l", "Ł": "L",
                                  "đ": "d", "Đ": "D", "œ": "oe", "Œ": "Oe", "ı": "i"})


@lru_cache(maxsize=_REMEMBERED)
def fold(text: str, *, lower: bool = True) -> str:
    """ASCII (and by default lower-case) form of a name for comparisons and ids.

    >>> fold("Kjærgaard") == fold("Kjaergaard")
    True
    """
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    return ascii_text.lower() if lower else ascii_text


def clean_person_name(text: str) -> str:
    """Strip honorifics, possessives and stray punctuation from a name.

    >>> clean_person_name("Adm. Sir Tony Radakin")
    'Tony Radakin'
    >>> clean_person_name("Joe Biden’s")
    'Joe Biden'
    >>> clean_person_name("Lt-Gen Kofi Mensah-Arthur")
    'Kofi Mensah-Arthur'
    """
    honorifics = words("people", "honorifics")
    text = re.sub(r"(['’]s|['’])$", "", text.strip())
    parts = _NAME_CHARS.sub(" ", text).split()
    while len(parts) > 1 and all(piece.rstrip(".") in honorifics
                                 for piece in parts[0].lower().split("-")):
        parts.pop(0)
    return " ".join(parts)


@lru_cache(maxsize=_REMEMBERED)
def normalise_name(text: str) -> str:
    """The one comparison form of a name, for resolution, look-up and evaluation alike.

    Case, accents, dots, quotes, a possessive "'s", other punctuation and a leading "the"
    are ignored, so that what a user types, what a gold file says and what an article
    wrote compare equal. Letters of other scripts are kept.

    >>> normalise_name("the U.K.")
    'uk'
    >>> normalise_name("  Sébastien-LECORNU’s ")
    'sebastien lecornu'
    >>> normalise_name("Москва")
    'москва'
    """
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = _DROPPED.sub("", _POSSESSIVE.sub("", text))
    return _LEADING_THE.sub("", _SEPARATORS.sub(" ", text).strip())


@lru_cache(maxsize=_REMEMBERED)
def name_key(name: str) -> str:
    """Accents, case and hyphens ignored: "Kofi Mensah-Arthur" == "Kofi Mensah Arthur"."""
    return " ".join(_JOINERS.sub(" ", fold(name)).split())


def same_name(a: str, b: str) -> bool:
    """One name written two ways: hyphens, accents, or a split surname.

    >>> same_name("Dewi Kartika Sari", "Dewi Kartikasari")
    True
    >>> same_name("Dewi Sari", "Dewi Kartika")
    False
    """
    key_a, key_b = name_key(a), name_key(b)
    return key_a == key_b or (key_a.split()[:1] == key_b.split()[:1]
                              and key_a.replace(" ", "") == key_b.replace(" ", ""))


def honorific_sexes(text: str) -> frozenset[str]:
    """The sexes the honorifics before a person's name say ("female", "male"), so that a
    "Mrs Howard" is never taken for a man.

    >>> sorted(honorific_sexes("Mrs. Howard"))
    ['female']
    >>> honorific_sexes("Dr Howard")
    frozenset()
    """
    sexes = _sex_of_honorific()
    found = set()
    for piece in text.split()[:-1]:
        word = piece.lower().rstrip(".")
        if word not in words("people", "honorifics"):
            break
        if word in sexes:
            found.add(sexes[word])
    return frozenset(found)


@cache
def _sex_of_honorific() -> dict[str, str]:
    """The sex each honorific says ("mrs" -> "female"), read once: a build asks for the
    honorifics of every person's mention."""
    return {word: sex for sex, listed in name_rules()["honorifics"].items() for word in listed}


@lru_cache(maxsize=_REMEMBERED)
def party_words(name: str) -> frozenset[str] | None:
    """The words that tell a party name from another ("the Labour Party" -> labour); None
    when the name is not a party's or names none in particular ("the party").

    >>> sorted(party_words("the Labour Party"))
    ['labour']
    >>> party_words("Party") is None, party_words("Labour") is None
    (True, True)
    """
    rules = name_rules()["parties"]
    tokens = normalise_name(name).split()
    if not tokens or tokens[-1] not in rules["heads"]:
        return None
    distinctive = frozenset(tokens[:-1]) - set(rules["generic"])
    return distinctive or None


def known_person_name(name: str) -> str:
    """The name ``data/people.json`` gives a person written another way ("Mohammed Bin
    Zayed", "MBZ" -> "Mohamed bin Zayed"; "Zelenskyy" -> "Zelensky" when no one else
    is called so), so that every form of one person makes one key; any other name as it
    is.

    >>> known_person_name("MBZ"), known_person_name("Jane Doe")
    ('Mohamed bin Zayed', 'Jane Doe')
    >>> known_person_name("Sébastien Lecornu")
    'Sébastien Lecornu'
    """
    known = _known_names().get(normalise_name(name), name)
    # a form the resolver joins anyway keeps its accents and case ("Sébastien Lecornu")
    return name if normalise_name(known) == normalise_name(name) else known


def surname_owner(surname: str) -> str | None:
    """The person ``data/people.json`` says the news means by a surname alone ("Trump" ->
    "Donald Trump"), when only one person there is called so.

    >>> surname_owner("Trump"), surname_owner("Doe")
    ('Donald Trump', None)
    """
    return _surname_owners().get(normalise_name(surname))


def public_figure_surname(name: str) -> str | None:
    """The surname ``data/people.json`` says the news uses alone for a person named in
    full ("Xi Jinping" -> "Xi", "Abdel Fattah al-Sisi" -> "al-Sisi"), or None.

    >>> public_figure_surname("Xi Jinping"), public_figure_surname("Jane Doe")
    ('Xi', None)
    """
    return _own_surnames().get(normalise_name(name))


@cache
def _own_surnames() -> dict[str, str]:
    """Each full name and other spelling of a person with surnames -> their own one (as
    the full name ends, else the first listed)."""
    found: dict[str, str] = {}
    for name, aliases, short in public_figure_forms():
        if short:
            for form in (name, *aliases):
                found.setdefault(normalise_name(form), _own_surname(name, short))
    return found


def _own_surname(name: str, short: tuple[str, ...]) -> str:
    """The surname as the full name ends ("al-Sisi"), else the first one listed ("Xi")."""
    last = name.split()[-1]
    return last if normalise_name(last) in {normalise_name(s) for s in short} else short[0]


@cache
def _surname_owners() -> dict[str, str]:
    owners: dict[str, set[str]] = {}
    for name, _, short in public_figure_forms():
        for surname in short:
            owners.setdefault(normalise_name(surname), set()).add(name)
    return {surname: names.pop() for surname, names in owners.items() if len(names) == 1}


@cache
def _known_names() -> dict[str, str]:
    known = {normalise_name(alias): name for name, aliases, _ in public_figure_forms()
             for alias in aliases}
    surnames: dict[str, set[str]] = {}
    for name, _, short in public_figure_forms():
        if not short:
            continue
        own = _own_surname(name, short)
        for surname in {normalise_name(surname) for surname in short}:
            surnames.setdefault(surname, set()).add(own)
    known.update({surname: next(iter(owners)) for surname, owners in surnames.items()
                  if len(owners) == 1 and surname not in known})
    return known
