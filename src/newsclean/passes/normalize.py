"""Pass 1, ``normalize_text``: repair and normalise each block's characters.

ftfy repairs mojibake ("Ã©", "â€™"), HTML entities and control characters and, unless
``Config.keep_quotes`` is set, straightens curly quotes and apostrophes. Then odd spaces
become plain spaces, invisible characters go, and runs of spaces collapse. Zero-width
joiners and non-joiners (U+200D, U+200C) are kept: they spell words in Persian and Indic
scripts and build emoji, so removing them would change text, not clean it.

Speed: most blocks need nothing from ftfy but straight quotes, and calling
``ftfy.fix_and_explain`` on every block costs more than the rest of the pipeline. So
:func:`repair` first asks whether ftfy *can* change the block at all and calls it only
when it can; the answer comes from ftfy's own tables and patterns (see :func:`_triggers`),
so it follows the installed ftfy, and ``tests/test_fastpath.py`` checks the result against
plain ftfy on a generated mojibake and entity corpus.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Iterable
from typing import Any, Final

import ftfy
import regex
from ftfy import chardata, fixes
from ftfy.badness import BADNESS_RE

from ..config import Config
from ..model import Document
from ..patterns import Pattern
from ..text import CACHE_MAX_CHARS, Memo, per_text

__all__ = ["normalize_block", "normalize_spaces", "normalize_text", "repair"]

NAME: Final = "normalize_text"

# Spaces other than U+0020 (NBSP, the U+2000 block, narrow NBSP, ideographic space, tab...).
_ODD_SPACE: Final = Pattern(r"[^\S\n\u0020]")
# Invisible characters that carry no text: zero-width space, word joiner, BOM, soft hyphen.
_INVISIBLE_CHARS: Final = "\u200b\u2060\ufeff\u00ad"
_INVISIBLE: Final = Pattern(f"[{_INVISIBLE_CHARS}]")
_RUN_OF_SPACES: Final = Pattern(r" {2,}")


def _odd_spaces() -> str:
    """Every space but the line break and U+0020, escaped for a character class: the
    regex module's ``\\s`` (what _ODD_SPACE replaces) and what ``str.strip`` removes
    (which also counts U+001C-U+001F). No space lies outside the BMP."""
    bmp = "".join(map(chr, range(0x10000)))
    spaces = {c for c in bmp if c.isspace()} | set(regex.findall(r"\s", bmp))
    return "".join(f"\\u{ord(c):04x}" for c in sorted(spaces - {"\n", " "}))


_ODD: Final = _odd_spaces()
# Characters normalize_spaces replaces or removes wherever they stand: odd spaces and
# invisible characters. (The standard library's ``re`` scans a class many times faster
# than ``regex``.)
_ODD_OR_INVISIBLE: Final = re.compile(f"[{_ODD}{_INVISIBLE_CHARS}]")


def _needs_spacing(text: str) -> bool:
    """Whether :func:`normalize_spaces` has anything to do: an odd space or an invisible
    character, or plain spaces and line breaks to tidy (see :func:`_untidy`)."""
    return _ODD_OR_INVISIBLE.search(text) is not None or _untidy(text)


def _untidy(text: str) -> bool:
    """Whether ``text`` has two spaces, a space at the start or end of a line, or an empty
    line: what :func:`normalize_spaces` does besides replacing characters.

    (An odd space at a line's start or end is an odd space; the plain ones are looked for
    as substrings, which is faster than one pattern of all the cases.)
    """
    return (
        "  " in text
        or " \n" in text
        or "\n " in text
        or "\n\n" in text
        or text.startswith((" ", "\n"))
        or text.endswith((" ", "\n"))
    )


def normalize_spaces(text: str) -> str:
    """Odd spaces to plain spaces, invisible characters removed, lines stripped, empty
    lines dropped (a block has none; only a repaired line break can make one).

    >>> normalize_spaces("a\\u00a0 b\\u200bc \\n  d\\n\\u2009\\n")
    'a bc\\nd'
    """
    if not _needs_spacing(text):
        return text
    text = _INVISIBLE.sub("", _ODD_SPACE.sub(" ", text))
    lines = (_RUN_OF_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _char_sets(items: Iterable[tuple[Any, Any]], parser: Any) -> list[frozenset[str]]:
    """Sets of characters a match of the parsed sequence ``items`` must each draw from.

    A match of the sequence contains at least one character of every returned set. Items
    whose characters cannot be listed (``\\w``, ``.``, negated classes) give no set.
    """
    consts = parser
    sets: list[frozenset[str]] = []
    for op, av in items:
        if op is consts.LITERAL:
            sets.append(frozenset(chr(av)))
        elif op is consts.IN:
            chars: set[str] = set()
            for member_op, member in av:
                if member_op is consts.LITERAL:
                    chars.add(chr(member))
                elif member_op is consts.RANGE:
                    chars.update(map(chr, range(member[0], member[1] + 1)))
                else:  # NEGATE, CATEGORY: not a finite list
                    break
            else:
                sets.append(frozenset(chars))
        elif op in (consts.MAX_REPEAT, consts.MIN_REPEAT) and av[0] >= 1:
            sets.extend(_char_sets(av[2], parser))
        elif op is consts.SUBPATTERN:
            sets.extend(_char_sets(av[-1], parser))
        elif op is consts.BRANCH:
            chosen = [_cheapest(_char_sets(alt, parser)) for alt in av[1]]
            if all(c is not None for c in chosen):
                sets.append(frozenset().union(*(c for c in chosen if c is not None)))
    return sets


def _cheapest(sets: list[frozenset[str]]) -> frozenset[str] | None:
    """The set whose characters news text uses least: never ASCII, rarely typography."""

    def cost(chars: frozenset[str]) -> int:
        return sum(10_000 if c.isascii() else 100 if c in _COMMON else 1 for c in chars)

    return min(sets, key=cost, default=None)


# Typographic characters frequent in clean news text; a pre-check built on them would send
# most blocks to ftfy for nothing.
_COMMON: Final = frozenset("\u00a0\u00b7\u00a9\u00ae\u00b0\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026")


def _badness_items() -> tuple[Any, Any] | None:
    """ftfy's ``BADNESS_RE`` parsed, and the parser module; ``None`` when it cannot be read."""
    try:
        parser = importlib.import_module("re._parser")
    except ImportError:  # Python 3.10
        parser = importlib.import_module("sre_parse")
    if BADNESS_RE.flags & re.IGNORECASE:
        return None
    try:
        return parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags).data, parser
    except Exception:  # an ftfy or Python version whose pattern we cannot read
        return None


_BADNESS: Final = _badness_items()


def _mojibake_chars() -> frozenset[str] | None:
    """Characters of which every match of ftfy's ``BADNESS_RE`` holds at least one.

    ``None`` when the pattern cannot be read that way (then every non-ASCII text goes to
    ftfy). Text without any of them is not "bad", so ftfy's encoding fixer leaves it alone.
    """
    parsed = _BADNESS
    if parsed is None:
        return None
    try:
        found = _char_sets(*parsed)
    except Exception:  # a pattern item we cannot read
        return None
    chosen = _cheapest(found)
    if chosen is None or any(c.isascii() for c in chosen):
        return None
    return chosen


def _triggers() -> tuple[str, str, str]:
    """Character classes of what ftfy can act on: in ASCII text, in any text, and the
    characters without which ftfy's mojibake detector cannot fire.

    Besides mojibake and entities (checked apart, see :func:`_has_entity`): C1 controls,
    line and paragraph separators and CR, surrogates, the escape character, the control
    characters ftfy removes, Latin ligatures and full- and half-width forms. Quotes are
    straightened by ftfy's own ``uncurl_quotes``; Unicode normalisation is checked with ``unicodedata``.
    """
    ascii_chars = {"\r", "\x1b"} | {chr(c) for c in chardata.CONTROL_CHARS if c < 0x80}
    other = ascii_chars | {"\u2028", "\u2029"}
    other |= {chr(c) for c in chardata.CONTROL_CHARS} | {chr(c) for c in chardata.LIGATURES}
    other |= {chr(c) for c in chardata.WIDTH_MAP}
    mojibake = _mojibake_chars()

    def klass(chars: Iterable[str], ranges: str = "") -> str:
        return "[" + "".join(f"\\U{ord(c):08x}" for c in sorted(chars)) + ranges + "]"

    return (
        klass(ascii_chars),
        klass(other, r"\x80-\x9f\ud800-\udfff"),
        klass(mojibake) if mojibake else r"[\x80-\U0010ffff]",
    )


_ASCII_CLASS, _ANY_CLASS, _MOJIBAKE_CLASS = _triggers()
# The standard library's ``re`` scans a character class many times faster than ``regex``.
_ASCII_TRIGGER: Final = re.compile(_ASCII_CLASS)
_TRIGGER: Final = re.compile(_ANY_CLASS)
_MOJIBAKE: Final = re.compile(_MOJIBAKE_CLASS)
_NOT_PLAIN: Final = re.compile(
    "[^"
    + "".join(
        re.escape(c)
        for c in map(chr, range(128))
        if c != "&" and _ASCII_TRIGGER.match(c) is None and _ODD_OR_INVISIBLE.match(c) is None
    )
    + "]"
)
"""Any character but the ASCII ones that neither ftfy nor :func:`normalize_spaces` acts on
wherever they stand ("&" may start an entity)."""
_FIXERS: Final = {
    uncurl: ftfy.TextFixerConfig(uncurl_quotes=uncurl, explain=True) for uncurl in (False, True)
}


def _has_entity(text: str) -> bool:
    """Whether ftfy's ``unescape_html`` has an entity to look at."""
    return "&" in text and chardata.HTML_ENTITY_RE.search(text) is not None


def _alternatives() -> tuple[dict[str, int], tuple[int, ...]] | None:
    """What each alternative of ftfy's ``BADNESS_RE`` needs, as bits: each character's bits,
    and for each alternative the bits of the sets a match of it holds a character of each of.

    ``None`` when the pattern is not one alternation whose sets can be read. (An
    alternative without any set needs no bit, and then every text may be bad.)
    """
    parsed = _BADNESS
    if parsed is None or len(parsed[0]) != 1:
        return None
    items, parser = parsed
    op, av = items[0]
    if op is not parser.BRANCH:
        return None
    bits: dict[str, int] = {}
    needs = []
    bit = 0
    try:
        for alternative in av[1]:
            need = 0
            for chars in _char_sets(alternative, parser):
                for char in chars:
                    bits[char] = bits.get(char, 0) | 1 << bit
                need |= 1 << bit
                bit += 1
            needs.append(need)
    except Exception:  # a pattern item we cannot read
        return None
    return bits, tuple(needs)


_ALTERNATIVES = _alternatives()  # not Final: mypyc 2.4 emits C for it that does not compile


def _may_be_bad(text: str) -> bool:
    """Whether some alternative of ``BADNESS_RE`` finds all it needs in ``text``.

    Most texts with accented or Cyrillic letters hold characters of some alternative
    but not of all its parts (nine in ten of those on the dev pages), and this test costs
    a tenth of a search with the pattern.
    """
    if _ALTERNATIVES is None:
        return True
    bits, needs = _ALTERNATIVES
    have = 0
    for char in bits.keys() & set(text):
        have |= bits[char]
    return any(need & have == need for need in needs)


def _could_be_mojibake(text: str) -> bool:
    """ftfy's ``is_bad``, skipped when ``text`` lacks the characters it needs."""
    return _MOJIBAKE.search(text) is not None and _may_be_bad(text) and BADNESS_RE.search(text) is not None


def repair(text: str, *, uncurl: bool) -> tuple[str, list[str]]:
    """``ftfy.fix_and_explain(text, TextFixerConfig(uncurl_quotes=uncurl))``: the fixed
    text and the names of ftfy's steps, calling ftfy only when it can change something.

    When ``text`` holds nothing ftfy acts on (see :func:`_triggers`), does not look like
    mojibake to ftfy and is in NFC, ftfy's only possible change is ``uncurl_quotes``,
    done here with ftfy's own function.

    >>> repair("It’s “fine”", uncurl=True)
    ('It\\'s "fine"', ['uncurl_quotes'])
    >>> repair("caf\\u00c3\\u00a9 &amp; bar", uncurl=True)
    ('café & bar', ['unescape_html', 'latin-1', 'utf-8'])
    """
    if text.isascii():
        if _ASCII_TRIGGER.search(text) is None and not _has_entity(text):
            return text, []
    elif _TRIGGER.search(text) is None and not _has_entity(text) and not _could_be_mojibake(text):
        straight = fixes.uncurl_quotes(text) if uncurl else text
        if straight == text:
            if unicodedata.is_normalized("NFC", text):
                return text, []
        elif not _could_be_mojibake(straight) and unicodedata.is_normalized("NFC", straight):
            return straight, ["uncurl_quotes"]
    fixed, steps = ftfy.fix_and_explain(text, _FIXERS[uncurl])
    return fixed, [param for _, param in steps or []]


_MAX_ROUNDS: Final = 5


def normalize_block(text: str, *, uncurl: bool) -> tuple[str, list[str]]:
    """Repair ``text`` with ftfy and normalise its spacing, repeated until nothing changes
    (ftfy can leave mojibake that only shows once spacing is normalised, and cleaning a
    cleaned text must change nothing); the text and the names of the steps taken.

    >>> normalize_block("caf\u00c3\u00a9\u00a0 au lait", uncurl=True)
    ('café au lait', ['ftfy.decode_inconsistent_utf8', 'normalize_spaces'])
    """
    if _is_plain(text):
        return text, []
    fixed, names = _normalized(text, uncurl)
    return fixed, list(names)


def _is_plain(text: str) -> bool:
    """Whether normalising ``text`` certainly leaves it as it is: it is ASCII without a
    character that ftfy or :func:`normalize_spaces` acts on, and tidy (see :func:`_untidy`).

    Most blocks are like this (five in six on the dev pages), and this test is cheaper
    than looking their result up in the cache of :func:`_normalized`.
    """
    return _NOT_PLAIN.search(text) is None and not _untidy(text)


_TYPOGRAPHY: Final = "".join(
    c
    for c in "\u2018\u2019\u201c\u201d\u2013\u2014\u2026"
    if _TRIGGER.match(c) is None and _MOJIBAKE.match(c) is None and _ODD_OR_INVISIBLE.match(c) is None
)
"""Curly quotes, dashes and the ellipsis, the typography of most English text: characters
that ftfy acts on only to straighten quotes, that its mojibake detector never needs, and
that :func:`normalize_spaces` leaves alone (each checked with the patterns above)."""


def _typeset(text: str) -> bool:
    """Whether ``text`` is plain (see :func:`_is_plain`) but for :data:`_TYPOGRAPHY`, and in
    NFC: then repairing it straightens its quotes, if asked to, and does nothing else.

    Such a text skips the five scans and calls of :func:`repair` and the spacing check.
    """
    probe = text
    for char in _TYPOGRAPHY:
        probe = probe.replace(char, "x")  # a letter: the spacing stays as it is
    return _is_plain(probe) and unicodedata.is_normalized("NFC", text)


@per_text
def _normalized(text: str, uncurl: bool) -> tuple[str, tuple[str, ...]]:
    """:func:`normalize_block` of a text that is not plain (its callers test
    :func:`_is_plain` first, without a cache look-up), with the step names as a tuple.
    Cached: every settling round normalises the body again, mostly the very texts the first
    round saw. A text it gives that normalising leaves as it is goes in :data:`_SETTLED`.

    The typeset text's straightened quotes are typeset text without curly quotes. ftfy's
    output is its own fixed point (``fix_and_explain`` repeats its steps until they change
    nothing, and :func:`repair` calls it for any text it could change), so a repaired text
    whose spacing is normal repairs and spaces to itself: every text given but one still
    changing after ``_MAX_ROUNDS`` rounds."""
    if _typeset(text):  # what the loop gives too: ftfy can only straighten the quotes
        straight = fixes.uncurl_quotes(text) if uncurl else text
        _settle(text, straight, uncurl)
        return straight, ("ftfy.uncurl_quotes",) if straight != text else ()
    names: list[str] = []
    for _ in range(_MAX_ROUNDS):
        fixed, steps = repair(text, uncurl=uncurl)
        names.extend(f"ftfy.{param}" for param in steps)
        spaced = normalize_spaces(fixed)
        # ftfy's output is its own fixed point (it repeats its steps until nothing
        # changes), so only a change of spacing can give it more to do.
        if spaced == fixed:
            _settle(text, fixed, uncurl)
            return fixed, tuple(names)
        names.append("normalize_spaces")
        text = spaced
    return text, tuple(names)


_SETTLED: Final = (Memo(), Memo())
"""Texts that :func:`_normalized` gave and that normalising leaves as they are, without
and with ``uncurl``: the settling round normalises the body again, whose texts are mostly
the ones the first round gave, and passes over these without a look-up of their answer or
a measure (which would not be the same answer: ftfy names a step it took without a change,
such as ``fix_c1_controls`` on an undefined C1 control)."""


def _settle(text: str, fixed: str, uncurl: bool) -> None:
    """Keep ``fixed``, the normalised ``text``, in :data:`_SETTLED` when it is a new text."""
    if fixed != text and len(fixed) <= CACHE_MAX_CHARS:
        settled = _SETTLED[uncurl]
        settled.make_room(len(fixed))
        settled.answers[fixed] = True


def normalize_text(doc: Document, config: Config) -> Document:
    """Repair each block with ftfy, then normalise its spacing; record what changed."""
    uncurl = not config.keep_quotes
    settled = _SETTLED[uncurl].answers
    updates = []
    for pos, block in enumerate(doc.blocks):
        if _is_plain(block.text) or block.text in settled:
            continue
        text, names = _normalized(block.text, uncurl)
        if text != block.text:
            updates.append((pos, text, "normalize", ", ".join(names)))
    return doc.edit(NAME, updates)
