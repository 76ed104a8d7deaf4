"""Pass 6, ``split_byline``: who wrote the article, for whom, and when.

Whole flattened pages hold many name-like lines (menus, teasers, comments); the byline is
the one next to the article. The pass reads the body lines around the article's start and
end (and under its headline), collects byline candidates, and keeps the best placed one:

* labelled: "By Jane Doe", a bare "By" with the names on the next lines (even in the next
  block), "Written by", "Posted by", "Reporting by …; Editing by …", "Par", "von", "por",
  "di", "door", "przez" (labels are data: ``data/byline/labels.txt``), with "X and Y",
  "X, Y and Z", roles, handles, button labels and dates cut off the names;
* an agency alone ("AFP", "Reuters");
* an unlabelled name line under the headline with a date, a role, a handle or a button
  label next to it ("Jane Doe" / "March 18, 2019");
* an author box ("About the author" / "Jane Doe") and a bio ("Jane Doe is a reporter …").

Labelled candidates just above the body (or in its first blocks) win, then unlabelled
names there, then labelled candidates right after the body, author boxes, and bios. The
chosen lines' blocks become ``byline`` blocks; a block that also holds other text has the
byline lines cut out (an edit). The first change carries the credit as structured detail
(``authors: … | agency: … | date: …``) that :func:`credit_of` reads back, so the article
never re-guesses. Dates next to the byline, bios and author boxes of the chosen authors and
"Copyright …" / "©" credits are labelled too.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import compress
from operator import attrgetter, itemgetter
from typing import Final

import regex

from ..config import Config
from ..credits import (
    deglue,
    find_date,
    has_joiner,
    is_agency,
    is_agency_or_box_label,
    is_box_label,
    is_date_line,
    is_joiner,
    is_name,
    is_role,
    is_side_line,
    is_ui,
    label_split,
    phrase_pattern,
    read_names,
)
from ..features import is_prose, is_separator
from ..layout import looks_like_headline, main_span
from ..model import Block, Document, Kind
from ..patterns import Pattern
from ..text import fold, per_text, word_count

__all__ = ["Credit", "byline_blocks", "credit_of", "is_date_line", "parse_credit", "split_byline"]

NAME: Final = "split_byline"

_CREDIT: Final = Pattern(r"^\s*(?:copyright\b|©|\(c\)\s)", regex.I)
_YEARS: Final = Pattern(r"\b\d{4}(?:\s*[-–]\s*\d{4})?\b|\ball rights reserved\b", regex.I)
_TEXT: Final = attrgetter("text")
_CREDIT_STARTS: Final = frozenset("cC©(")  # where a text that _CREDIT matches starts, after its spaces
_FIRST: Final = itemgetter(slice(0, 1))
_DETAIL: Final = Pattern(
    r"^authors: (?P<authors>.*?) \| agency: (?P<agency>.*?) \| date: (?P<date>.*)$", regex.S
)
_NUMERIC_CHARS: Final = 30  # a short line with a number under a name: a relative time ("vor 2 Stunden")
_FOLLOW: Final = Pattern(r"^(?:follow\b|@\w+$)", regex.I)
# Linear on long runs of spaces: a match starts where the last one ended or where a run of
# spaces starts, and runs are taken possessively (same splits as \s*(?:[|•·/—–,]|\s-\s)\s*).
_SEPARATED: Final = Pattern(r"(?:\G|(?<!\s))(?:\s*+[|•·/—–,]\s*|\s++-\s++)")
_DIGIT: Final = Pattern(r"\d")
_TWO_CAPITALS: Final = Pattern(r"^\p{Lu}[\p{L}.'’-]*\s+(?:\p{Ll}+\s+)?\p{Lu}")
_NAME_LINE_SPACES: Final = 6
_NAME_LINE_CHARS: Final = 90  # longer lines are never an unlabelled name with its date
_LABEL_LINE_CHARS: Final = 240  # longer lines are never a byline
_LOOK_AHEAD: Final = 8  # lines after a label that may still hold its names, dates and roles
# blocks after its first one where a candidate may read a line: it reads at most
# _LOOK_AHEAD lines after its first, each at most two blocks after the last one it took
_READ_AFTER: Final = 2 * _LOOK_AHEAD
_UNDER_HEADLINE: Final = 3  # blocks under a headline where its byline sits
_HEAD_BEFORE: Final = 14  # blocks above the body's first prose block searched for an unlabelled name
_LABEL_BEFORE: Final = 40  # and for a labelled byline
_HEAD_INSIDE: Final = 4  # blocks into the body
_LABEL_INSIDE: Final = 15  # blocks into the body for a labelled byline (cookie or login text may lead it)
_TAIL_AFTER: Final = 10  # blocks after the body's last prose block
_BOX_AFTER: Final = 30  # blocks after the body searched for an author box
_NAME_AFTER: Final = 2  # blocks after the body where a name with a date may sign it
_TAIL_INSIDE: Final = 3  # and its last blocks (a bio after the byline ends the span)


@dataclass(slots=True)
class _Lines:
    """Non-blank lines of some blocks, stripped, in order: line ``i`` is ``text[i]``, line
    ``n[i]`` of the block at position ``pos[i]``.

    Speed: three parallel lists, not an object per line. The pass reads tens of thousands of
    lines a page set, mostly to find that none starts a candidate, and building a tuple for
    each cost more than the reading.
    """

    pos: list[int] = field(default_factory=list)
    n: list[int] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def add(self, pos: int, text: str) -> None:
        """Append the non-blank lines, stripped, of ``text``, the block at ``pos``."""
        if "\n" not in text:  # most blocks hold one line
            if text := text.strip():
                self.pos.append(pos)
                self.n.append(0)
                self.text.append(text)
            return
        for n, line in enumerate(text.split("\n")):
            if line := line.strip():
                self.pos.append(pos)
                self.n.append(n)
                self.text.append(line)


@dataclass(slots=True)
class Credit:
    """What a byline says: person names, an agency, the date text next to it."""

    authors: list[str] = field(default_factory=list)
    agency: str | None = None
    date: str | None = None


@dataclass(slots=True)
class _Candidate:
    kind: str  # "label", "name", "agency", "box"
    lines: list[int]  # indices into the page's lines
    credit: Credit
    supported: bool = True  # an unlabelled name with a date, role or handle next to it


def _searched(doc: Document, positions: Iterable[int] | None = None) -> list[int]:
    """Positions of the blocks whose lines may hold the byline, ascending, among
    ``positions`` (default: every block): the body blocks, and teaser blocks with text right
    under the title (a name with a time such as "Jane Doe • 8h" looks like a teaser item to
    the teaser pass)."""
    blocks = doc.blocks
    body, teaser = Kind.BODY, Kind.TEASER  # locals: an enum member is a slow attribute lookup
    among = range(len(blocks)) if positions is None else sorted(positions)
    under = set()
    if any(blocks[p].kind is teaser for p in among):
        under = _below(t for t, b in enumerate(blocks) if b.kind is Kind.TITLE)
    return [
        p
        for p in among
        if blocks[p].kind is body or (blocks[p].kind is teaser and p in under and blocks[p].text.strip())
    ]


def _below(tops: Iterable[int]) -> set[int]:
    """Positions at most :data:`_UNDER_HEADLINE` blocks under one of ``tops``."""
    return {t + d for t in tops for d in range(1, _UNDER_HEADLINE + 1)}


def _lines(doc: Document, positions: Iterable[int]) -> _Lines:
    """Every non-blank line of the blocks at ``positions`` (ascending), stripped."""
    blocks = doc.blocks
    lines = _Lines()
    for pos in positions:
        lines.add(pos, blocks[pos].text)
    return lines


def _reach(within: Iterable[int], searched: list[int]) -> list[int]:
    """The ``searched`` positions (ascending) that a candidate starting in a block of
    ``within`` can read: that block and the :data:`_READ_AFTER` blocks after it.

    Reading the lines of these blocks only finds the same candidates as reading all of
    them: a reader reads its own line, the line before it in its block and lines after it
    up to :data:`_READ_AFTER` blocks away (see :func:`_collect` and :func:`_name_line`),
    all of them kept here with every line between; where a reader stops at a line too far
    away (:func:`_near`), the line kept in its place is at least as far.
    """
    kept: list[int] = []
    runs: list[tuple[int, int]] = []
    for pos in sorted(within):
        if runs and pos <= runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], pos + _READ_AFTER)
        else:
            runs.append((pos, pos + _READ_AFTER))
    for lo, hi in runs:
        kept += searched[bisect_left(searched, lo) : bisect_right(searched, hi)]
    return kept


def _near(lines: _Lines, a: int, b: int) -> bool:
    """Lines ``a`` and ``b`` are in the same block or in blocks at most two apart."""
    return lines.pos[b] - lines.pos[a] <= 2


def _date_part(text: str) -> str | None:
    match = find_date(text)
    return text[match.start() :].strip(" |•·-–—,") if match else None


def _collect(lines: _Lines, start: int, credit: Credit, taken: list[int], *, open_end: bool) -> None:
    """Extend a candidate with the names, dates, roles and buttons on the lines after it."""
    j = start
    while j < len(lines.text) and j - start < _LOOK_AHEAD and _near(lines, taken[-1], j):
        text = lines.text[j]
        expecting = open_end or not credit.authors
        side = _side(text)
        if side in (_SEPARATOR, _JOINER):
            open_end = open_end or side == _JOINER
        elif (expecting or text.startswith("(")) and (found := read_names(text, labelled=True)):
            credit.authors += found.names
            credit.agency = credit.agency or found.agency
            open_end = found.open_end
            credit.date = credit.date or _date_part(text)
        elif side == _DATE:
            credit.date = credit.date or text
        elif not (credit.authors or credit.agency):
            return
        elif side == _AGENCY:
            credit.agency = credit.agency or is_agency(text)
        elif side != _BUTTON_OR_ROLE:
            return
        taken.append(j)
        j += 1


# What a line under a candidate's first line is to it (:func:`_side`).
_SEPARATOR, _JOINER, _DATE, _AGENCY, _BUTTON_OR_ROLE, _OTHER = range(6)


@per_text
def _side(text: str) -> int:
    """What the line ``text`` is to the candidate above it, by the tests of :func:`_collect`
    in its order: a joiner ("and"), another separator, a date, an agency, a button label
    or a role, or none of them. Cached, as the lines under name-like menu items are asked
    on every page of a site and in every round."""
    if is_joiner(text):
        return _JOINER
    if is_separator(text):
        return _SEPARATOR
    if is_date_line(text):
        return _DATE
    if is_agency(text):
        return _AGENCY
    return _BUTTON_OR_ROLE if is_ui(text) or is_role(text) else _OTHER


def _labelled(lines: _Lines, i: int) -> _Candidate | None:  # noqa: PLR0911 (one exit per rejected shape)
    if len(lines.text[i]) > _LABEL_LINE_CHARS:
        return None
    split = label_split(lines.text[i])
    if split is None:
        return None
    before, _label, rest = split
    credit = Credit(date=_date_part(before) if before else None)
    if rest:
        found = read_names(rest, labelled=True)
        if found is None:
            return None
        credit.authors += found.names
        credit.agency = found.agency
        credit.date = credit.date or _date_part(rest)
        open_end = found.open_end
    else:
        prev = i - 1
        if prev >= 0 and lines.pos[prev] == lines.pos[i] and word_count(lines.text[prev]) > 6:
            return None  # a bare "by" inside running text
        open_end = True
    taken = [i]
    _collect(lines, i + 1, credit, taken, open_end=open_end)
    if not (credit.authors or credit.agency):
        # "AFP" over "Written By": the name comes first
        prev = i - 1
        if prev >= 0 and lines.pos[prev] == lines.pos[i]:
            found = read_names(lines.text[prev], labelled=True, strict=True)
            if found is not None:
                return _Candidate("label", [prev, *taken], Credit(found.names, found.agency, credit.date))
        return None
    return _Candidate("label", taken, credit)


def _box(lines: _Lines, i: int) -> _Candidate | None:
    if not is_box_label(lines.text[i]):
        return None
    credit = Credit()
    taken = [i]
    _collect(lines, i + 1, credit, taken, open_end=True)
    return _Candidate("box", taken, credit) if credit.authors else None


def _agency_line(lines: _Lines, i: int) -> _Candidate | None:
    agency = is_agency(lines.text[i])
    if agency is None:
        return None
    credit = Credit(agency=agency)
    taken = [i]
    _collect(lines, i + 1, credit, taken, open_end=False)
    return _Candidate("agency", taken, credit)


def _supports(text: str) -> bool:
    """A line (or a name's tail) that vouches for the name next to it: a date, a role, an
    agency, a handle or a follow button; not any button ("Subscribe" follows menu items)."""
    text = text.strip(" ,|•·/—–-")
    return bool(text) and (
        is_date_line(text)
        or is_role(text)
        or is_agency(text) is not None
        or bool(_FOLLOW.match(text))
        or bool(len(text) <= _NUMERIC_CHARS and word_count(text) <= 4 and _DIGIT.search(text))
    )


@per_text
def _vouches(text: str) -> bool:
    """:func:`_supports` of a line whose text nodes a flattener may have glued (see
    :func:`deglue`). Cached: the line under every name-like line is asked."""
    return _supports(deglue(text))


def _name_line(lines: _Lines, i: int) -> _Candidate | None:
    """An unlabelled name; ``supported`` when a date, role, handle or follow button sits
    beside or below it (else only its place right under the headline can make it a byline)."""
    head = _name_head(lines.text[i])
    if head is None:
        return None
    names, agency, date, beside = head
    credit = Credit(list(names), agency, date)
    taken = [i]
    _collect(lines, i + 1, credit, taken, open_end=False)
    below = any(_supports(lines.text[j]) for j in taken[1:])
    after = max(taken) + 1
    if not below and after < len(lines.text) and _near(lines, i, after) and _vouches(lines.text[after]):
        taken.append(after)  # "před 2 hodinami": a date in a language without month data
        below = True
    return _Candidate("name", taken, credit, supported=beside or below)


def _name_head(text: str) -> tuple[tuple[str, ...], str | None, str | None, bool] | None:
    """What :func:`_name_line` reads from its own line: ``(names, agency, date, beside)``,
    ``beside`` when a date, role or handle follows the names; ``None`` when the line is no
    unlabelled name."""
    if len(text) > _NAME_LINE_CHARS or not _TWO_CAPITALS.match(text):
        return None  # most lines: answered without a cache entry
    if text.endswith(":"):
        return None  # "Palm Bay (1-0):", "Jane Doe:": introduces a list or a quotation
    return _read_name_head(text)


@per_text
def _read_name_head(text: str) -> tuple[tuple[str, ...], str | None, str | None, bool] | None:
    """Cached worker of :func:`_name_head` (its texts are short: at most a name line, and
    start with two capitalised words)."""
    plain = not _SEPARATED.search(text) and "@" not in text and not any(map(str.isdigit, text))
    if plain and (text.count(" ") > _NAME_LINE_SPACES or not (is_name(text) or has_joiner(text))):
        return None  # nothing beside the words, and they are not a name
    found = read_names(text, labelled=False, strict=True)
    if found is None or not found.names or len(found.names) > 3:
        return None
    last = found.names[-1]
    rest = text[text.find(last) + len(last) :] if last in text else ""
    beside = bool(rest.strip(" ,|•·/—–-")) and _supports(deglue(rest))
    if rest.strip(" ,|•·/—–-") and not beside:
        return None  # "Jane Doe / Getty Images": a photo credit, or a sentence
    return tuple(found.names), found.agency, _date_part(text), beside


@per_text
def _opens(text: str) -> bool:
    """Whether a candidate may start at a line of ``text``: one of the readers of
    :func:`_candidates` accepts its first line (the lines after it decide the rest).

    The line tests of :func:`_labelled`, :func:`_box`, :func:`_agency_line` and
    :func:`_name_line`, cheapest first (they share the line's folded key). Most lines start
    none, and a page's lines are read again by the title pass, by the pipeline's next round
    and, for menus, by the site's other pages, so the answer is cached.
    """
    return (
        is_agency_or_box_label(text)
        or _name_head(text) is not None
        or (len(text) <= _LABEL_LINE_CHARS and label_split(text) is not None)
    )


def _candidates(lines: _Lines, within: Container[int] | None = None) -> list[_Candidate]:
    """Every byline candidate whose first line's block position is ``within`` (default any)."""
    texts = lines.text
    starts: Iterable[int] = range(len(texts))
    if within is not None:  # the lines in those blocks, picked by C-level calls
        starts = compress(starts, map(within.__contains__, lines.pos))
    found = []
    i = 0  # the lines before this are read already
    for start in starts:
        if start < i or not _opens(texts[start]):
            continue
        for reader in (_labelled, _box, _agency_line, _name_line):
            if (cand := reader(lines, start)) is not None:
                found.append(cand)
                i = max(cand.lines) + 1
                break
    return found


@cache
def _bio_re() -> Pattern:
    verbs = phrase_pattern("byline/bio_verbs.txt")
    return Pattern(rf"^(?P<name>(?:\S+\s+){{1,4}}?)(?:{verbs})\b", regex.I | regex.V1)


@cache
def _bio_words_re() -> Pattern:
    work = "|".join(
        filter(None, (phrase_pattern("byline/bio_words.txt"), phrase_pattern("byline/roles.txt")))
    )
    return Pattern(rf"\b(?:{work})\b", regex.I | regex.V1)


def _bio_name(text: str) -> str | None:
    """The subject of a bio sentence ("Jane Doe is a reporter for …"), else ``None``."""
    return _bio_subject(text.split("\n", 1)[0])


@per_text
def _bio_subject(first: str) -> str | None:
    """:func:`_bio_name` of a block's first line; cached, as the blocks after the body are
    read again in every round."""
    match = _bio_re().match(first)
    if match is None or not _bio_words_re().search(" ".join(first.split()[:20])):
        return None
    name = match["name"].strip()
    return name if is_name(name) else None


def _rank(cand: _Candidate, lines: _Lines, where: _Where) -> tuple[int, int] | None:
    """``(class, distance)``, lower is better; ``None`` when the candidate is out of place.

    Distances to the body count body blocks only (``where.order``), so a duplicated body
    or a teaser list between the article and its byline does not push the byline away.
    """
    start, end = where.order[where.span[0]], where.order[where.span[1]]
    block = lines.pos[cand.lines[0]]
    pos = where.order[block]
    # how far under a headline that stands above the body ("h + 1": headlines are not body)
    under = [
        block - h
        for h in where.headlines
        if 0 < block - h <= _UNDER_HEADLINE and where.order.get(h + 1, start) <= start + _HEAD_INSIDE
    ]
    headline = min(under) if under else None
    distance = start - pos if pos <= start else 3 * (pos - start)
    labelled = cand.kind == "label" and bool(cand.credit.authors)
    near = cand.kind in ("name", "agency", "label") and cand.supported
    credit_kind = cand.kind in ("label", "box", "agency")
    tail = start + _HEAD_INSIDE < pos and end - _TAIL_INSIDE <= pos <= end + _TAIL_AFTER
    rules = (
        (labelled and headline is not None, headline),
        (labelled and start - _LABEL_BEFORE <= pos <= start + _LABEL_INSIDE, distance),
        (near and headline is not None, headline),
        (near and start - _HEAD_BEFORE <= pos <= start + _HEAD_INSIDE, distance),
        (credit_kind and tail, pos - end),
        (near and tail and pos <= end + _NAME_AFTER, pos - end),
        (cand.kind == "box" and start < pos <= end + _BOX_AFTER, pos - end),
    )
    return next(((cls, d) for cls, (ok, d) in enumerate(rules) if ok and d is not None), None)


@dataclass(frozen=True, slots=True)
class _Where:
    """Where the article sits: its main text, its headline(s), body blocks in order."""

    span: tuple[int, int]
    headlines: tuple[int, ...]
    order: dict[int, int]


def _headlines(doc: Document) -> tuple[int, ...]:
    """The title block and later copies of a headline-like line (the article's own heading
    repeating the page title)."""
    title, duplicate = Kind.TITLE, Kind.DUPLICATE  # locals: enum members are slow attribute lookups
    return tuple(
        p
        for p, b in enumerate(doc.blocks)
        if b.kind is title or (b.kind is duplicate and looks_like_headline(b.text))
    )


def _detail(credit: Credit) -> str:
    return f"authors: {'; '.join(credit.authors)} | agency: {credit.agency or ''} | date: {credit.date or ''}"


def byline_blocks(doc: Document, under: Iterable[int], reach: int) -> list[int]:
    """Positions of blocks at most ``reach`` blocks below one of ``under`` where a labelled
    byline or a name with a date, role or handle beside it starts (the title pass asks this
    about its headline candidates)."""
    size = len(doc.blocks)
    wanted = {p for u in under for p in range(u + 1, u + reach + 1) if p < size}
    read = wanted | {p + 1 for p in wanted if p + 1 < size}
    lines = _lines(doc, _searched(doc, read))
    return [
        lines.pos[c.lines[0]]
        for c in _candidates(lines, wanted)
        if (c.kind == "label" and c.credit.authors) or (c.kind == "name" and c.supported)
    ]


def split_byline(doc: Document, config: Config) -> Document:
    """Find the article's byline (names, agency, date), its bio and credit lines."""
    del config
    span = main_span(doc)
    chosen: _Candidate | None = None
    lines = _Lines()
    if span is not None:
        searched = _searched(doc)
        order = dict(zip(searched, range(len(searched)), strict=True))
        start, end = order[span[0]], order[span[1]]
        headlines = _headlines(doc)
        under = _below(headlines)
        within = set(searched[max(start - _LABEL_BEFORE, 0) : start + _LABEL_INSIDE + 1])
        within.update(searched[max(end - _TAIL_INSIDE, 0) : end + _BOX_AFTER + 1])
        within.update(under.intersection(order))
        where = _Where(span, headlines, order)
        lines = _lines(doc, _reach(within, searched))
        found = _candidates(lines, within)
        ranked = [(r, c) for c in found if (r := _rank(c, lines, where)) is not None]
        if ranked:
            chosen = min(ranked, key=lambda rc: rc[0])[1]
    reclass: list[tuple[int, Kind, str, str]] = []
    edits: list[tuple[int, str, str, str]] = []
    names: list[str] = []
    if chosen is not None:
        chosen.credit.authors = list(dict.fromkeys(chosen.credit.authors))
        names = [*chosen.credit.authors, *([chosen.credit.agency] if chosen.credit.agency else [])]
        _mark(doc, lines, chosen, reclass, edits)
    after = lines.pos[chosen.lines[-1]] + 1 if chosen is not None else None
    bio_pos = _bio(doc, span, names, after)
    if chosen is None and bio_pos is not None and (name := _bio_name(doc.blocks[bio_pos].text)):
        credit = Credit([name])
        reclass.append((bio_pos, Kind.BYLINE, "byline", _detail(credit)))
    elif bio_pos is not None:
        reclass.append((bio_pos, Kind.BYLINE, "byline_bio", "about the author"))
    marked = {pos for pos, *_ in reclass}
    reclass += _credit_lines(doc, span, names, marked, owner_wanted=chosen is None and bio_pos is None)
    doc = doc.edit(NAME, edits)
    return doc.reclassify(NAME, reclass)


def _credit_lines(
    doc: Document,
    span: tuple[int, int] | None,
    names: list[str],
    marked: Container[int],
    *,
    owner_wanted: bool,
) -> list[tuple[int, Kind, str, str]]:
    """Copyright lines and, after the body, author boxes of the credited ``names``, among
    the body blocks not ``marked`` yet. With ``owner_wanted`` (the page has no byline), the
    first copyright line that names a person credits that person."""
    reclass: list[tuple[int, Kind, str, str]] = []
    keys = {fold(n) for n in names}
    blocks = doc.blocks
    body = Kind.BODY  # a local: an enum member is a slow attribute lookup in a loop over blocks
    credited = {p for p in _may_credit(blocks) if _CREDIT.match(blocks[p].text)}
    boxed = range(span[1] + 1, len(blocks)) if span is not None and names else range(0)
    for pos in sorted(credited.union(boxed)):
        block = blocks[pos]
        if pos in marked or block.kind is not body:
            continue
        if pos in credited and word_count(block.text) <= 20:
            owner = _copyright_owner(block.text) if owner_wanted else None
            if owner is not None:  # "© 2016-2020 Jane Doe" on a page without a byline
                owner_wanted = False
                reclass.append((pos, Kind.BYLINE, "byline", _detail(Credit([owner]))))
            else:
                reclass.append((pos, Kind.BYLINE, "copyright_credit", "copyright line"))
        elif pos in boxed and _is_box(block.text, keys):
            reclass.append((pos, Kind.BYLINE, "author_box", "the author's name and links"))
    return reclass


def _may_credit(blocks: tuple[Block, ...]) -> Iterator[int]:
    """The positions of the blocks that :data:`_CREDIT` may match (ascending), found by
    C-level calls alone: a text it matches starts with one of :data:`_CREDIT_STARTS` once
    its spaces are stripped (``str.strip`` takes every space that ``regex``'s ``\\s`` does).
    Most blocks start otherwise, and a ``regex`` call costs more than these few."""
    starts = map(_CREDIT_STARTS.__contains__, map(_FIRST, map(str.lstrip, map(_TEXT, blocks))))
    return compress(range(len(blocks)), starts)


def _copyright_owner(text: str) -> str | None:
    """The person a copyright line names ("© 2016-2020 Jane Doe"), not a company."""
    rest = _CREDIT.sub("", text.split("\n", 1)[0])
    rest = _YEARS.sub(" ", rest).split(".", 1)[0].split("|", 1)[0]
    found = read_names(rest.strip(" ,-–—"), labelled=False, strict=True)
    return found.names[0] if found is not None and len(found.names) == 1 and not found.agency else None


def _is_box(text: str, keys: Container[str]) -> bool:
    """A block of one of the credited names (folded: ``keys``) and side lines (links, roles)."""
    first = text.lstrip().split("\n", 1)[0]
    if not first or fold(first) not in keys:  # most blocks: one line of other text
        return False
    rows = [r.strip() for r in text.split("\n") if r.strip()]
    return all(is_side_line(r) or fold(r) in keys for r in rows[1:])


def _mark(
    doc: Document,
    lines: _Lines,
    chosen: _Candidate,
    reclass: list[tuple[int, Kind, str, str]],
    edits: list[tuple[int, str, str, str]],
) -> None:
    """Label the chosen candidate's blocks; cut its lines out of blocks that hold more."""
    taken: dict[int, set[int]] = {}
    for i in chosen.lines:
        taken.setdefault(lines.pos[i], set()).add(lines.n[i])
    first = True
    for pos, numbers in sorted(taken.items()):
        block = doc.blocks[pos]
        rest = [line for n, line in enumerate(block.lines) if n not in numbers and line.strip()]
        reason = "byline" if first else "byline_part"
        detail = _detail(chosen.credit) if first else "continues the byline"
        if not first and all(is_date_line(line) for line in block.lines if line.strip()):
            reason, detail = "byline_date", "date of the byline"
        if all(is_side_line(r) for r in rest):
            reclass.append((pos, Kind.BYLINE, reason, detail))
        else:
            edits.append((pos, "\n".join(rest), reason, detail))
        first = False
    # a date line just above or below the byline
    lo, hi = min(taken), max(taken)
    for near in (lo - 2, lo - 1, hi + 1, hi + 2):
        if 0 <= near < len(doc.blocks) and near not in taken:
            block = doc.blocks[near]
            if block.kind is Kind.BODY and "\n" not in block.text.strip() and is_date_line(block.text):
                reclass.append((near, Kind.BYLINE, "byline_date", f"date next to the byline (block {lo})"))


def _bio(doc: Document, span: tuple[int, int] | None, names: list[str], after: int | None) -> int | None:
    """The bio block: a sentence about the credited author or agency, right after the
    byline or after the body."""
    if span is None:
        return None
    start, end = span
    if after is not None and start + _HEAD_INSIDE < after < len(doc.blocks):
        block = doc.blocks[after]
        if block.kind is Kind.BODY and is_prose(block.text, min_words=8):
            text = fold(block.text)
            if any(fold(n) in text for n in names) or _bio_name(block.text):
                return after
    for pos in range(max(start + 1, end - 1), min(len(doc.blocks), end + _TAIL_AFTER)):
        block = doc.blocks[pos]
        if block.kind is not Kind.BODY or not is_prose(block.text.split("\n", 1)[0], min_words=6):
            continue
        subject = _bio_name(block.text)
        head = fold(" ".join(block.text.split(maxsplit=6)[:6])) if names else ""
        mentioned = any(fold(n) and fold(n) in head for n in names)
        if (subject and (not names or mentioned)) or (
            mentioned and pos > end and _bio_words_re().search(block.text)
        ):
            return pos
    return None


def credit_of(doc: Document) -> Credit:
    """The credit :func:`split_byline` recorded for ``doc`` (empty when it found none)."""
    for change in doc.changes:
        if change.step == NAME and change.reason == "byline" and (m := _DETAIL.match(change.detail)):
            authors = [a for a in m["authors"].split("; ") if a]
            return Credit(authors, m["agency"] or None, m["date"] or None)
    return Credit()


def parse_credit(text: str) -> Credit | None:
    """Read one byline text on its own; ``None`` when it is not one.

    >>> c = parse_credit("By Jane Doe and John Roe, Reuters")
    >>> c.authors, c.agency
    (['Jane Doe', 'John Roe'], 'Reuters')
    >>> parse_credit("AFP\\nWritten By").agency
    'AFP'
    >>> parse_credit("By the end of the year, prices rose.") is None
    True
    """
    lines = _Lines()
    lines.add(0, text)
    for cand in _candidates(lines):
        if cand.kind in ("label", "agency", "box") or cand.supported:
            cand.credit.authors = list(dict.fromkeys(cand.credit.authors))
            return cand.credit
    return None
