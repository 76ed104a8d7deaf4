"""Reading one byline line: labels, person names, agencies, dates, roles and button labels.

This module measures and parses single lines; :mod:`newsclean.passes.byline` decides which
lines of a page form its byline. Every language-specific word (labels such as "By", "par",
"von"; joiners such as "and", "et"; month names; roles; button labels) is data under
``newsclean/data/byline/``.

>>> read_names("Jane Doe and JOHN ROE, Staff Writers")
Names(names=['Jane Doe', 'JOHN ROE'], agency=None, open_end=False)
>>> iso_date("JAN. 13, 2017"), iso_date("March 18 at 3:57 PM"), iso_date("04/05/2015")
('2017-01-13', None, None)
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Final, NamedTuple

import regex

from .features import is_separator
from .patterns import Pattern
from .text import ASCII_SPACE, fold, key_words, load_phrases, load_words, per_text, word_count

__all__ = [
    "Names",
    "deglue",
    "find_date",
    "has_joiner",
    "is_agency",
    "is_agency_or_box_label",
    "is_box_label",
    "is_date_line",
    "is_joiner",
    "is_name",
    "is_role",
    "is_ui",
    "iso_date",
    "label_split",
    "phrase_pattern",
    "read_names",
]

_MAX_NAME_TOKENS: Final = 5
_MAX_NAME_CHARS: Final = 48
_LABELS: Final = "byline/labels.txt"
_ROLES: Final = "byline/roles.txt"
_NOT_AUTHOR: Final = "byline/not_author_labels.txt"


class Names(NamedTuple):
    """Person names and an agency read from a byline's names part.

    ``open_end`` is true when the text ends with a joiner ("Jane Doe and"), so the next
    line continues the list.
    """

    names: list[str]
    agency: str | None
    open_end: bool


def phrase_pattern(name: str) -> str:
    """A regex alternation of the phrases in data file ``name`` (longest first, any spacing)."""
    return _alternation(load_phrases(name))


def _alternation(phrases: tuple[str, ...], space: str = r"\s") -> str:
    ordered = sorted({p.rstrip(" *") for p in phrases}, key=len, reverse=True)
    return "|".join(f"{space}+".join(regex.escape(w) for w in p.split()) for p in ordered)


_LABEL: Final = r"(?<![\w@.'’-])(?P<label>{labels})(?![\w'’-]){space}*:?{space}*"


@cache
def _label_re() -> Pattern:
    labels = _alternation(load_phrases(_LABELS))
    return Pattern(_LABEL.format(labels=labels, space=r"\s"), regex.I | regex.V1)


@cache
def _ascii_label_re() -> re.Pattern[str]:
    """:func:`_label_re` for an ASCII line, in the standard library's ``re``, which finds
    the labels of the lines :func:`label_split` reads four times faster.

    On ASCII text the two find the same: the phrases are casefolded, so ``regex``'s full
    case folding matches an ASCII text where it lower-cases to a phrase, as ``re.I``
    does; a phrase with a letter beyond ASCII matches no ASCII text, and is left out; the
    word characters of ASCII are the same in both, and the spaces are spelled out.
    """
    ascii_phrases = tuple(p for p in load_phrases(_LABELS) if p.isascii())
    labels = _alternation(ascii_phrases, ASCII_SPACE)
    return re.compile(_LABEL.format(labels=labels, space=ASCII_SPACE), re.I)


@cache
def _phrase_keys(name: str) -> tuple[frozenset[str], Pattern, re.Pattern[str]]:
    """The longest word of every phrase in data file ``name``: as a set, as a regex with
    the flags of the phrase regexes, and as a plain regex for a casefolded text (see
    :func:`_may_hold`)."""
    keys = key_words(load_phrases(name))
    ordered = sorted(keys, key=len, reverse=True)
    pattern = "|".join(map(regex.escape, ordered))
    inside = re.compile("|".join(map(re.escape, ordered)))
    return keys, Pattern(rf"\b(?:{pattern})\b", regex.I | regex.V1), inside


def _may_hold(text: str, name: str) -> bool:
    """A cheap test, true for every text where a phrase of data file ``name`` matches in a
    phrase regex (:func:`_alternation`, ignoring case, whole words at both ends).

    Such a match holds each word of its phrase as a whole word, its longest one too. On an
    ASCII text that is a word of the folded key. Other texts are searched with the phrase
    regexes' own flags: their full case folding matches where ``str.casefold`` differs ("İ"
    matches "i"), so a test on the folded key could miss a match. They are searched only
    when the casefolded text holds a key word anywhere, once the combining dot that
    casefolding adds to "İ" is dropped: a match is a key word once casefolded so, and a
    ``re`` search of the casefolded text costs a fraction of the ``regex`` one.
    """
    keys, pattern, inside = _phrase_keys(name)
    if text.isascii():
        return not keys.isdisjoint(fold(text).split())
    if inside.search(text.casefold().replace("\u0307", "")) is None:
        return False
    return pattern.search(text) is not None


@cache
def _not_author_re() -> Pattern:
    labels = _alternation(load_phrases(_NOT_AUTHOR))
    return Pattern(rf"(?:^|[\s;,.|(•])(?:{labels})\b.*$", regex.I | regex.V1)


@cache
def _joiner_re() -> Pattern:
    joiners = _alternation(load_phrases("byline/joiners.txt"))
    return Pattern(rf"\s*(?:,|;|&|\+|\b(?:{joiners})\b)\s*", regex.I | regex.V1)


@cache
def _months() -> dict[str, int]:
    table = {}
    for entry in load_phrases("byline/months.txt"):
        name, number = entry.rsplit(" ", 1)
        table[name] = int(number)
    return table


@cache
def _date_re() -> Pattern:
    months = "|".join(sorted(map(regex.escape, _months()), key=len, reverse=True))
    month = rf"(?P<m>{months})\.?"
    month2 = rf"(?P<m2>{months})\.?"
    # A date that opens with its month ("March 18") is a run of letters, a space and a
    # digit: the lookahead turns down every other word before the month names are tried
    # at it, case-folded one by one (it cut the time of a search by three fifths).
    return Pattern(
        r"(?:\b(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})\b"
        r"|\b(?P<na>\d{1,2})(?P<sep>[./])(?P<nb>\d{1,2})(?P=sep)(?P<ny>\d{2,4})\b"
        rf"|\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+)?{month}(?:,?\s*(?:de\s+)?(?P<y>\d{{4}}))?\b"
        rf"|\b(?=\p{{L}}+\.?\s+\d){month2}\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?)",
        regex.I | regex.V1,
    )


_TIME: Final = Pattern(r"\b(?P<h>\d{1,2})(?:[:h](?P<min>\d{2}))\s*(?P<ampm>[ap]\.?\s?m\.?)?(?!\d)", regex.I)
_RELATIVE: Final = Pattern(
    r"^(?:\d+\s*(?:s|m|h|d|w|min|mins|minutes?|hours?|hrs?|days?|weeks?|months?|years?)"
    r"(?:\s+ago)?(?:\s+read)?|\d+\s+min(?:ute)?s?\s+read|yesterday|today|just now)$",
    regex.I,
)
_HANDLE: Final = Pattern(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b|@\w+|https?://\S+|\bwww\.\S+")
_AGO: Final = Pattern(
    r"\b\d+\s*(?:s|m|h|d|w|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b", regex.I
)
# the word a cut-off date leaves behind ("Jane Doe on", "Jean Dupont le", "Hans Müller am");
# matched from the end (``(?r)``), so a long run of such words or spaces costs linear time
_DATE_LEAD: Final = Pattern(r"(?r)(?:\s+(?:on|at|le|am|um|el|il|em|op|w|dnia|de|del|du|den|à|a|o))+$")
_DIGIT: Final = Pattern(r"\d")
# Every shape of :func:`is_date_line` holds a digit but the whole-line words of _RELATIVE,
# at most this long ("yesterday"; _RELATIVE folds case one character to one, and deglue
# only adds spaces, so a longer line without a digit cannot be one of them).
_DIGITLESS_DATE_CHARS: Final = len("yesterday")
_DATE_WORDS: Final = 12  # words of a date line at most, with its filler words
_GLUED_DIGIT: Final = Pattern(r"(?<=\p{L})(?=\d)")
_GLUED: Final = Pattern(r"(?<=\p{L})(?=\d)|(?<=\p{Ll}{2})(?=\p{Lu}\p{Ll}{2})")
_NAME_TOKEN: Final = Pattern(
    r"^(?:\p{Lu}[\p{L}'’\-]*\.?|\p{Lu}\.(?:-?\p{Lu}\.)*|\p{Lu}\p{Ll}*-\p{Lu}[\p{L}]*)$"
)


def is_agency(text: str) -> str | None:
    """The agency ``text`` names ("AFP", "(Reuters)", "Associated Press"), else ``None``."""
    # fold(text) == fold(stripped): the strip takes only non-word characters off the ends,
    # and the key of the whole line is the one its other tests have already cached.
    return text.strip(" ()[]-–—/|,.:") if fold(text) in load_words("byline/agencies.txt") else None


def _particle(token: str) -> bool:
    return token.islower() and fold(token) in load_words("byline/particles.txt")


def is_name(text: str, *, single: bool = False) -> bool:
    """Whether ``text`` is one person's name as bylines print it.

    Two to five capitalised tokens ("Jane Doe", "ABBY GOODNOUGH", "Michiel B. de Jong"),
    lowercase particles allowed inside; no digits, no function, site or button words.
    ``single`` also accepts one capitalised token (only after an explicit label).

    >>> is_name("Nelson D. Schwartz"), is_name("The Deck"), is_name("View Profile")
    (True, False, False)
    """
    return _is_name(text, single)


@per_text
def _is_name(text: str, single: bool) -> bool:
    """Cached worker of :func:`is_name`: a name line is read as a whole and again as the
    one part of its names (:func:`read_names`), in both passes that look for bylines."""
    text = text.strip()
    tokens = text.split()
    if not tokens or len(text) > _MAX_NAME_CHARS or any(map(str.isdigit, text)):
        return False
    if not (2 <= len(tokens) <= _MAX_NAME_TOKENS or (single and len(tokens) == 1 and len(text) >= 3)):
        return False
    if _particle(tokens[0]) and len(tokens) < 3:
        return False
    banned = _not_name_words()
    for token in tokens:
        if _particle(token):
            continue
        if not _NAME_TOKEN.match(token) or fold(token) in banned:
            return False
    return not is_ui(text) and is_agency(text) is None


@cache
def _not_name_words() -> frozenset[str]:
    """Words that are never part of a name: site and button words, and roles (built once,
    not on every :func:`is_name` call)."""
    return load_words("byline/not_name_words.txt") | load_words(_ROLES)


def is_role(text: str) -> bool:
    """A short line naming a job, not a person ("Games Editor", "Journaliste au Monde")."""
    if word_count(text) > 8:
        return False
    folded = fold(text)
    if _phrase_keys(_ROLES)[0].isdisjoint(folded.split()):
        return False  # a role is whole words of the key, so its key word must be there
    key = f" {folded} "
    return any(f" {role} " in key for role in load_words(_ROLES))


@cache
def _ui_phrases() -> tuple[frozenset[str], frozenset[str]]:
    """(exact phrases, stems that allow more words after them) from ``ui.txt``."""
    phrases = load_phrases("byline/ui.txt")
    return (
        frozenset(p for p in phrases if not p.endswith(" *")),
        frozenset(p[:-2] for p in phrases if p.endswith(" *")),
    )


def _may_hold_handle(text: str) -> bool:
    """False when :data:`_HANDLE` cannot match ``text`` (every match holds one of these
    literals), so the many lines without one skip the regex."""
    return "@" in text or "http" in text or "www." in text


@cache
def _ui_first_words() -> frozenset[str]:
    """The first words of the button labels: :func:`is_ui` holds only for a text with a
    handle or whose folded key (handles removed) starts with one of these."""
    exact, stems = _ui_phrases()
    return frozenset(p.split()[0] for p in exact | stems)


def is_ui(text: str) -> bool:
    """A button or link label that sits next to bylines ("Follow", "View profile")."""
    handles = _may_hold_handle(text)
    key = fold(_HANDLE.sub(" ", text) if handles else text)
    if not key:
        return handles and _HANDLE.search(text) is not None
    if key.partition(" ")[0] not in _ui_first_words():
        return False  # neither a label nor a stem starts with this word: most texts
    exact, stems = _ui_phrases()
    if key in exact:
        return True
    tokens = key.split()
    return any(" ".join(tokens[:n]) in stems for n in range(1, min(len(tokens), 4) + 1))


def has_joiner(text: str) -> bool:
    """Whether ``text`` joins parts with a comma or a joiner word ("Jane Doe and John Roe")."""
    return _joiner_re().search(text) is not None


def is_joiner(text: str) -> bool:
    """A line that only joins names ("and", "et", ",")."""
    stripped = text.strip()
    return bool(stripped) and _joiner_re().fullmatch(stripped) is not None


def is_box_label(text: str) -> bool:
    """The header of an author box ("About the author", "Über den Autor")."""
    return fold(text) in load_words("byline/box_labels.txt")


def is_agency_or_box_label(text: str) -> bool:
    """``is_agency(text) is not None or is_box_label(text)``, with one look-up of the key."""
    return fold(text) in _agencies_and_box_labels()


@cache
def _agencies_and_box_labels() -> frozenset[str]:
    return load_words("byline/agencies.txt") | load_words("byline/box_labels.txt")


def find_date(text: str) -> regex.Match[str] | None:
    """The first date in ``text`` ("March 18, 2019", "18.03.2019", "1 de diciembre de 2017")."""
    if _DIGIT.search(text) is None:
        return None  # every date shape holds a digit; most lines have none
    return _date_re().search(text)


def deglue(text: str) -> str:
    """Put back the space a flattener dropped between two text nodes before a digit or a
    capitalised word ("Associated PressDecember 2, 2016", "Jane Doe22 Dec").

    >>> deglue("Associated PressDecember 2, 2016")
    'Associated Press December 2, 2016'
    """
    return _GLUED.sub(" ", text)


@per_text
def is_date_line(text: str) -> bool:
    """A short line that is a date, a time or a relative time, with its filler words.

    >>> is_date_line("Updated March 18, 2019 at 3:57 PM"), is_date_line("8h")
    (True, True)
    """
    stripped = text.strip(" |•·-–—,")
    if len(stripped) > _DIGITLESS_DATE_CHARS and _DIGIT.search(stripped) is None:
        return False  # most lines: too long for a date word, and no digit for any other shape
    # deglue only puts spaces between letters: it keeps a line break and a final period,
    # and adds words, so a line that fails these tests before it fails them after
    if "\n" in stripped or stripped.endswith(".") or word_count(stripped) > _DATE_WORDS:
        return False
    stripped = deglue(stripped)
    if word_count(stripped) > _DATE_WORDS:
        return False
    if _RELATIVE.match(stripped):
        return True
    return bool(find_date(stripped) or _TIME.search(stripped))


def label_split(line: str) -> tuple[str, str, str] | None:
    """``(before, label, rest)`` when ``line`` holds a byline label, else ``None``.

    The label starts the line, or follows a separator ("Le Monde | Par Jane Doe"), a date
    ("Tuesday 15 October 2019 by Jane Doe") or a verb such as "Posted".

    >>> label_split("By Jane Doe")
    ('', 'By', 'Jane Doe')
    >>> label_split("Tuesday 15 October 2019 by Bradley M. Kuhn.")
    ('Tuesday 15 October 2019', 'by', 'Bradley M. Kuhn.')
    >>> label_split("Photo by Jane Doe") is None
    True
    """
    # most lines hold no label word: they are answered without a cache entry
    return _split_at_label(line) if _may_hold(line, _LABELS) else None


@per_text
def _split_at_label(line: str) -> tuple[str, str, str] | None:
    """Cached worker of :func:`label_split`, for lines that may hold a label."""
    if _not_author_re().match(line.strip()):
        return None
    for match in (_ascii_label_re() if line.isascii() else _label_re()).finditer(line):
        raw_before = line[: match.start()]
        before = raw_before.strip(" |•·/—–-:")
        rest = line[match.end() :].strip()
        if not before:
            return before, match["label"], rest
        if (
            _ENDS_WITH_SEPARATOR.search(raw_before)
            or is_date_line(before)
            or fold(before).split()[-1:] in (["posted"], ["published"], ["written"], ["updated"])
        ) and not _not_author_re().search(raw_before + match["label"]):
            return before, match["label"], rest
    return None


_PAREN: Final = Pattern(r"\(([^()]*)\)|\[[^\[\]]*\]")
# Matches start only where a run of spaces starts, and the run is taken possessively, so a
# long run of spaces without a separator costs one scan, not one scan per space.
_ENDS_WITH_SEPARATOR: Final = Pattern(r"[|•·/—–]\s*$|\s-\s*$")
_TAIL_CUT: Final = Pattern(r"(?<!\s)\s++(?:[|•·/—–]|-\s|//)\s*.*$")


def _cut_tail(text: str) -> str:
    """Drop what follows a name: separators with dates or roles, handles, e-mails, times."""
    if _may_hold(text, _NOT_AUTHOR):
        text = _not_author_re().sub("", text)
    text = _TAIL_CUT.sub("", text)
    if _may_hold_handle(text):
        text = _HANDLE.sub(" ", text)
    if _DIGIT.search(text) is not None:  # a glued digit, an "ago", a date and a time hold one
        text = _GLUED_DIGIT.sub(" ", text)  # "Jane Doe22 Dec 2016": a flattener joined two nodes
        if (ago := _AGO.search(text)) is not None:
            text = text[: ago.start()]
        if (date := find_date(text)) is not None:
            text = text[: date.start()]
        if (time := _TIME.search(text)) is not None:
            text = text[: time.start()]
    return _DATE_LEAD.sub("", text.strip(" ,;:.-–—|")).strip(" ,;:.-–—|")


def _expand_parens(text: str) -> str:
    """Keep "(with X and Y)" as more names; drop other asides ("(reporting)", "(Henrique)")."""
    if "(" not in text and "[" not in text:
        return text  # most texts: no aside for _PAREN to match

    def repl(match: regex.Match[str]) -> str:
        inner = match[1] or ""
        if fold(inner) in load_words("byline/not_author_asides.txt"):
            return " \x00 "
        joined = _joiner_re().match(inner)
        return f", {inner[joined.end() :]}" if joined and joined.start() == 0 and joined.end() else " "

    return _PAREN.sub(repl, text)


def _strip_ui(part: str) -> str:
    """Drop button labels around a name ("Jane Doe View profile", "Follow Jane Doe")."""
    tokens = part.split()
    if not _may_hold_handle(part) and _ui_first_words().isdisjoint(fold(part).split()):
        return " ".join(tokens)  # no button label starts at any of its words: is_ui is false on all
    changed = True
    while tokens and changed:
        changed = False
        for n in (3, 2, 1):
            if len(tokens) > n and is_ui(" ".join(tokens[-n:])):
                del tokens[-n:]
                changed = True
                break
            if len(tokens) > n and is_ui(" ".join(tokens[:n])) and not is_ui(" ".join(tokens[n:])):
                del tokens[:n]
                changed = True
                break
    return " ".join(tokens)


def read_names(text: str, *, labelled: bool = True, strict: bool = False) -> Names | None:
    """Read the names part of a byline ("Jane Doe and John Roe, Reuters").

    Parts are split at commas and joiners ("and", "et", "y", "und", ...). Reading stops at
    the first part that is not a name or an agency (a role, a date, "Senior Staff
    Technologist"); ``None`` when the first part is neither, so a sentence is never read
    as names. ``labelled`` (the text followed a "By" label) also accepts one-word names;
    ``strict`` (no label: the line must be names only) rejects any other part.
    """
    found = _read_names(text, labelled, strict)
    return None if found is None else Names(list(found[0]), found[1], found[2])


@per_text
def _read_names(text: str, labelled: bool, strict: bool) -> tuple[tuple[str, ...], str | None, bool] | None:
    """Cached worker of :func:`read_names` (pages repeat their menus and bylines)."""
    text = _expand_parens(text.replace("\n", " "))
    text = _cut_tail(text)
    if not text:
        return None
    names: list[str] = []
    agency = None
    joiner = _joiner_re()
    parts = joiner.split(text)
    tail = joiner.search(text[-8:] + " ")
    open_end = tail is not None and tail.end() == len(text[-8:]) + 1
    for raw in parts:
        if "\x00" in raw:  # "Adrian Malloch (photography)": credited, but not as an author
            continue
        part = _strip_ui(raw.strip(" .:'\"")) if raw.strip() else ""
        if not part:
            continue
        if found := is_agency(part):
            agency = agency or found
        elif is_name(part, single=labelled and not names and len(parts) == 1):
            names.append(part)
        elif is_name(part.rstrip("."), single=labelled and not names and len(parts) == 1):
            names.append(part.rstrip("."))
        else:
            if strict or (not names and agency is None):
                return None
            break
    if not names and agency is None:
        return None
    return tuple(dict.fromkeys(names)), agency, open_end


def iso_date(text: str) -> str | None:  # noqa: PLR0911 (one early exit per unreadable case)
    """The ISO 8601 form of the first date in ``text`` when it is unambiguous, else ``None``.

    A date needs a year; numeric dates with slashes are read only when one part is above 12
    (or both agree); dotted dates are day-first. A clock time after the date is added.

    >>> iso_date("Published March 18, 2019 at 3:57 PM")
    '2019-03-18T15:57'
    >>> iso_date("1 de diciembre de 2017"), iso_date("05.05.2015 à 20h13")
    ('2017-12-01', '2015-05-05T20:13')
    """
    match = find_date(text)
    if match is None:
        return None
    try:
        day = _ymd(match)
    except ValueError:
        return None
    if day is None:
        return None
    time = _TIME.search(text, match.end())
    if time is None or time.start() - match.end() > 12:
        return day.isoformat()
    hour, minute = int(time["h"]), int(time["min"])
    if time["ampm"]:
        if not 1 <= hour <= 12:
            return day.isoformat()
        hour = hour % 12 + (12 if time["ampm"].lower().startswith("p") else 0)
    if hour > 23 or minute > 59:
        return day.isoformat()
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def _ymd(match: regex.Match[str]) -> dt.date | None:  # noqa: PLR0911 (one exit per date shape)
    if match["iy"]:
        return dt.date(int(match["iy"]), int(match["im"]), int(match["id"]))
    if match["na"]:
        if len(match["ny"]) != 4:
            return None
        a, b, year = int(match["na"]), int(match["nb"]), int(match["ny"])
        if match["sep"] == "." or a > 12 or a == b:
            return dt.date(year, b, a)
        if b > 12:
            return dt.date(year, a, b)
        return None
    months = _months()
    if match["m"]:
        if not match["y"]:
            return None
        return dt.date(int(match["y"]), months[fold(match["m"])], int(match["d"]))
    if not match["y2"]:
        return None
    return dt.date(int(match["y2"]), months[fold(match["m2"])], int(match["d2"]))


def is_side_line(text: str) -> bool:
    """A line that may sit inside a byline block without being a name: a date, a role, a
    button label, a handle, an agency, a joiner or a separator."""
    stripped = text.strip()
    return (
        not stripped
        or is_separator(stripped)
        or is_joiner(stripped)
        or is_date_line(stripped)
        or is_ui(stripped)
        or is_role(stripped)
        or is_agency(stripped) is not None
    )
