"""Pass 4, ``find_title``: the headline and the section label above it.

The headline is the line the body hangs under. Candidates are one-line blocks above the
page's main text (:func:`newsclean.layout.main_span`) that read like a headline (a few words,
no sentence-final period, not a caption, a date, a byline or UI text), and those that open
the main text under a short notice when a byline or a date confirms them. Each scores for
what marks an article heading on a flattened page:

* a byline starts just under it, or else a date line;
* a longer headline-shaped line (the standfirst) follows it;
* the page prints it twice (the page title and the article heading, or a shortened or
  split reprint just under it): the first copy is labelled, the second stays a duplicate;
* it is a real sentence-length line rather than a menu item, and it is not one of a run of
  headline-shaped lines (a teaser list or a menu);
* it stands close to the body;
* it is not an entry of a table of contents (printed again as a heading in the main text);
* it is not one of a list of teaser cards (another headline close by has its byline the
  same distance under it), nor a short line the page prints again and again (a button
  under every comment).

A short label directly above it is the section ("World", "Tech & Science"). A breadcrumb
trail on the headline's line ("Site > News > 2015 > Headline") is edited off the title, the
trail kept in the change's detail.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Final

import regex

from ..config import Config
from ..credits import is_agency, is_date_line, label_split, read_names
from ..features import is_label, is_separator, sentence_marks
from ..layout import HEADLINE_CHARS, HEADLINE_WORDS, looks_like_headline, main_span, prose_words
from ..lexicon import Lexicon, lexicon
from ..model import Document, Kind
from ..patterns import Pattern
from ..text import WORD, fold, load_words, per_text, word_count, words
from .byline import byline_blocks
from .chrome import chrome_reason
from .teasers import split_header

__all__ = ["find_title", "looks_like_headline", "main_span"]

NAME: Final = "find_title"

# a copyright line, or a caption that opens with its date ("March 18, 2015 Police secure …")
_NOT_A_HEADLINE: Final = Pattern(
    r"^\s*(?:©|\(c\)\s|copyright\b|(?:\p{L}+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4})\b)",
    regex.I,
)
_TRAIL: Final = Pattern(r"\s[>›»]\s")  # "Site > News > 2015 > Headline": a breadcrumb trail ...
_TRAIL_STEPS: Final = 2  # ... of at least this many steps before the headline ("Before > after" is none)
_TEASER_LANGUAGES: Final = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")  # teaser headers are never titles
_LOOK_BACK: Final = 60  # blocks above the main text searched for the headline ...
_FAR_LOOK_BACK: Final = 150  # ... or for one with its byline right under it
_BYLINE_BELOW: Final = 4  # blocks under a headline where its byline starts
_COST_WORDS: Final = 24  # a code listing or a table costs the main text no more than a block of 24 words
# blocks between two cards of a teaser list (headline, byline, date, ...)
_CARD_REACH: Final = 2 * _BYLINE_BELOW
_COPIES: Final = 5  # a page prints its headline up to this many times (title, heading, trail, share text)
_REPRINT_REACH: Final = 3  # blocks under a headline where a shortened reprint of it may stand
_NEAR: Final = 10  # blocks above the main text that count as close to it
_INSIDE: Final = 8  # blocks at the start of the main text where a confirmed headline may sit ...
_INSIDE_PROSE: Final = 20  # ... under at most a notice's words of prose ...
_INSIDE_FAR: Final = 16  # ... or, with both a byline and a date under it, this far into it
_SITE_SUFFIX: Final = 40  # characters of " - Site Name" after a headline in the page's title line
_MAX_LINES: Final = 3  # lines of a headline block (split at inline links)
_LONG: Final = 5  # words from which a line reads like a headline rather than a menu item
_SHORT: Final = 3  # fewer words: a possible heading ("New Zealand"), weakly ...
_SHORT_REACH: Final = 3  # ... only this close above the main text
_WEIGHTS: Final = {
    "byline": 5.0,  # a byline starts right under it ...
    "byline_step": 1.0,  # ... less for each block between
    "dated": 3.0,  # a date line starts right under it (when no byline does) ...
    "twice": 3.0,
    "long": 1.5,
    "short": -1.5,
    "split": -0.5,
    "near": 1.0,
    "in_run": -2.0,
    "listed": -5.0,  # it is printed again as a heading in the main text: a table of contents
    "repeated": -5.0,  # a short line printed more than _COPIES times: a button or a menu entry
    "cards": -5.0,  # another headline close by has its byline the same distance under it
    "deck": 2.0,  # a longer headline-shaped line (the standfirst) right under it
    "far": -0.03,  # per block above the main text
    "about": 6.0,  # times the share of its words that the main text uses
}
_BODY, _SHOWN = Kind.BODY, (Kind.BODY, Kind.DUPLICATE)
"""The kinds the loops over blocks test, looked up once: an enum member is a slow attribute
lookup. A headline is looked for among the shown blocks, the body and its duplicates."""
_CONTENT_CHARS: Final = 4  # shorter words are mostly function words in the languages covered


def _is_byline(text: str) -> bool:
    split = label_split(text)
    return is_agency(text) is not None or (split is not None and read_names(split[2]) is not None)


def _is_headline(text: str, chrome: Lexicon) -> bool:
    """A line shaped like a headline (:func:`_headline_shaped`: not a byline, a date line
    or a teaser header) that is not UI text or a credit or caption line."""
    return _headline_shaped(text) and chrome_reason(text, chrome) is None and not _NOT_A_HEADLINE.match(text)


def _headline_text(text: str) -> str:
    """A block's text as one line: a flattener may split a headline at an inline link."""
    return " ".join(text.split())


@per_text
def _candidate(text: str, chrome: Lexicon) -> bool:
    """A block that reads like a headline, or like a two-word heading, on at most
    :data:`_MAX_LINES` lines.

    The word count picks the one of the two tests that can hold, and turns down a menu
    item's single word or a paragraph before the text is even joined into one line.
    """
    count = word_count(text)  # the one line's words: joining it changes only the spaces
    if count != 2 and count not in HEADLINE_WORDS:
        return False
    joined = _headline_text(text)
    if len(joined) > HEADLINE_CHARS:  # never a headline, even with a word added: no more tests
        return False
    shaped = _is_short_headline(joined, chrome) if count == 2 else _is_headline(joined, chrome)
    return (
        shaped
        and len([line for line in text.split("\n") if line.strip()]) <= _MAX_LINES
        and fold(joined).split()[-1] not in load_words("byline/headline_dangling.txt")
    )


def _is_short_headline(text: str, chrome: Lexicon) -> bool:
    """A two-word heading ("New Zealand") that is not UI text."""
    return looks_like_headline(f"{text} x") and chrome_reason(text, chrome) is None


@per_text
def _content_words(text: str) -> frozenset[str]:
    """A candidate's folded words that are not function words or numbers (what the main
    text's blocks are searched for)."""
    return frozenset(w for w in fold(text).split() if len(w) >= _CONTENT_CHARS and not w.isdigit())


@dataclass(frozen=True, slots=True)
class _Score:
    """A candidate's score in two parts around what stands under it (a byline or a date),
    so that the byline search, which comes later, only adds its term: ``lead`` is summed
    first and ``rest`` after, in the order the weights are listed."""

    lead: float
    dated: int | None  # how many blocks under it a date line starts (within _BYLINE_BELOW)
    rest: tuple[float, ...]

    def total(self, byline: float | None = None) -> float:
        """The score, with the byline's term, or else the date line's."""
        under = byline if byline is not None else _under(_WEIGHTS["dated"], self.dated)
        score = self.lead + (0.0 if under is None else under)
        for term in self.rest:
            score += term
        return score


def _under(weight: float, distance: int | None) -> float | None:
    """What a byline or a date line ``distance`` blocks under a headline adds (``weight``
    right under it, less for each block between); ``None`` when there is none."""
    return None if distance is None else weight - _WEIGHTS["byline_step"] * (distance - 1)


@dataclass(frozen=True, slots=True)
class _Page:
    """What every candidate's score reads of the page, gathered once a page."""

    doc: Document
    start: int  # the first block of the main text
    copies: dict[str, list[int]]  # a candidate's folded text -> the blocks that print it
    vocabulary: dict[str, int]  # a candidate's content word -> the blocks of the main text using it
    title: str  # the page's first line, folded: the page title, when the page starts with it


def _score(page: _Page, pos: int) -> _Score:
    doc, start, copies = page.doc, page.start, page.copies
    text = _headline_text(doc.blocks[pos].text)
    mine = _content_words(text)
    # a line inside the main text is one of the blocks the vocabulary counts: not itself
    least = 2 if pos >= start and doc.blocks[pos].kind is _BODY else 1
    about = sum(page.vocabulary.get(w, 0) >= least for w in mine) / len(mine) if mine else 0.0
    lead = _WEIGHTS["far"] * max(0, start - pos) + _WEIGHTS["about"] * about
    dated = _date_below(doc, pos)
    rest: list[float] = []
    count = word_count(text)
    key = fold(text)
    if count >= _SHORT + 1 and (  # printed twice
        len(copies.get(key, ())) > 1
        or doc.blocks[pos].kind is Kind.DUPLICATE
        or (pos > 0 and page.title.startswith(key + " ") and len(page.title) - len(key) <= _SITE_SUFFIX)
        or _reprinted_below(doc, pos)
    ):
        rest.append(_WEIGHTS["twice"])
    if count < _LONG and len(copies.get(key, ())) > _COPIES:
        rest.append(_WEIGHTS["repeated"])
    if count >= _LONG:
        rest.append(_WEIGHTS["long"])
    elif count < _SHORT:
        rest.append(_WEIGHTS["short"])
    if "\n" in doc.blocks[pos].text.strip():
        rest.append(_WEIGHTS["split"])
    if start - pos <= _NEAR:
        rest.append(_WEIGHTS["near"])
    if count > _SHORT and _has_deck(doc, pos):
        rest.append(_WEIGHTS["deck"])
    else:
        neighbours = [p for p in (pos - 1, pos + 1) if 0 <= p < len(doc.blocks)]
        if neighbours and all(_headline_shaped(doc.blocks[p].text) for p in neighbours):
            rest.append(_WEIGHTS["in_run"])
    return _Score(lead, dated, tuple(rest))


@per_text
def _word_set(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in words(text))


def _reprinted_below(doc: Document, pos: int) -> bool:
    """The headline printed again just under it, split or shortened ("Name" / "rest of it").

    A block under it is read word by word, found one at a time, until one is not the
    headline's (most blocks: the first or second word of a paragraph); the words read
    are its word set when none is, a subset of the headline's, so shorter is smaller."""
    mine = _word_set(doc.blocks[pos].text)
    for p in range(pos + 1, min(len(doc.blocks), pos + _REPRINT_REACH + 1)):
        theirs: set[str] = set()
        for word in WORD.finditer(doc.blocks[p].text):
            if (folded := word[0].casefold()) not in mine:
                break
            theirs.add(folded)
        else:
            if _SHORT <= len(theirs) < len(mine):
                return True
    return False


@per_text
def _headline_shaped(text: str) -> bool:
    """A line shaped like a headline that is not its byline, its date ("Tuesday 15 May 2019 by
    X") or the header of a teaser list under it ("You may also like")."""
    return (
        looks_like_headline(text)
        and not is_date_line(text)
        and not _is_byline(text)
        and split_header(text, _TEASER_LANGUAGES) is None
    )


def _date_below(doc: Document, pos: int) -> int | None:
    """How many blocks under ``pos`` the first block that holds a date line is ("Last
    updated:" / "March 18, 2019"; "at 11:29 a.m."), within :data:`_BYLINE_BELOW`; else ``None``."""
    for step, block in enumerate(doc.blocks[pos + 1 : pos + 1 + _BYLINE_BELOW], 1):
        if block.kind is _BODY and _has_date_line(block.text):
            return step
    return None


@per_text
def _has_date_line(text: str) -> bool:
    return any(is_date_line(line.rstrip(".")) for line in text.split("\n")[:_MAX_LINES])


def _has_deck(doc: Document, pos: int) -> bool:
    """A standfirst right under the line: a longer headline-shaped line that ends a run.

    Headline, standfirst, then the byline or the body; a teaser list repeats the pair, so the
    line after the standfirst must not read like a headline again.
    """
    blocks = doc.blocks
    if pos + 1 >= len(blocks):
        return False
    deck = blocks[pos + 1].text.strip()
    return (
        len(deck) > len(blocks[pos].text.strip())
        and _headline_shaped(deck)
        and (pos + 2 >= len(blocks) or not looks_like_headline(blocks[pos + 2].text))
    )


def _inside(doc: Document, span: tuple[int, int], chrome: Lexicon) -> tuple[list[int], list[int]]:
    """Headline-shaped lines that open the main text: under at most a notice's prose, and
    further down (under a cookie notice, a sign-in box).

    A short line of prose ("Your post has been published.") can start the run of prose that
    the headline then sits in; the first lines count only when a byline or a date confirms
    them, the later ones only when both do.
    """
    near: list[int] = []
    late: list[int] = []
    prose = 0
    for p, block in enumerate(doc.blocks[span[0] : min(span[1], span[0] + _INSIDE_FAR)], span[0]):
        text = block.text
        if (
            block.kind in _SHOWN
            and word_count(text) >= _SHORT  # no two-word heading: its test is not run
            and _candidate(text, chrome)  # cached, and false for the prose
            and not sentence_marks(text.rstrip(" .!?…"))  # a caption: "… vote. (Photo Agency)"
        ):
            (near if prose <= _INSIDE_PROSE and p < span[0] + _INSIDE else late).append(p)
        elif block.kind is _BODY:
            prose += prose_words(text)
    return near, late


def _listed(
    doc: Document,
    span: tuple[int, int],
    candidates: list[int],
    gaps: dict[int, int | None],
    copies: dict[str, list[int]],
) -> Iterator[tuple[int, float]]:
    """Candidates that are entries of a list: of a table of contents (printed again as a
    heading in the main text) or of teaser cards (each a headline with its byline the same
    distance under it: ``gaps``), with the penalty for each."""
    blocks = doc.blocks
    for p in candidates:
        if p < span[0] and any(
            span[0] <= q <= span[1] and blocks[q].kind in _SHOWN for q in copies.get(fold(blocks[p].text), ())
        ):
            yield p, _WEIGHTS["listed"]
    for p in candidates:
        if gaps[p] is not None and any(
            gaps[q] == gaps[p] for q in candidates if q != p and abs(q - p) <= _CARD_REACH
        ):
            yield p, _WEIGHTS["cards"]


def _page(doc: Document, span: tuple[int, int], candidates: list[int]) -> _Page:
    """What the scores of ``candidates`` read of the page: only their own texts are looked
    up in the copies, and only their words in the main text's vocabulary.

    Speed: an ASCII text's key is no longer than the text, so a shorter block is no copy
    and is not folded (most blocks: menu items, buttons). The main text's folded words are
    intersected with the candidates' words through ``map`` and counted by ``Counter``, each
    a C-level call over the blocks, not a Python loop a block; a block's words are not made
    a set first (a cached set of every paragraph's words cost more to build than its reuse
    in the next round saved).
    """
    blocks = doc.blocks
    texts = [block.text for block in blocks]
    keys = {fold(texts[p]) for p in candidates}
    shortest = min(map(len, keys))
    copies: dict[str, list[int]] = {}
    for p, text in enumerate(texts):
        if (
            (len(text) >= shortest or not text.isascii())
            and text.count("\n") < _MAX_LINES
            and (key := fold(text)) in keys
        ):
            copies.setdefault(key, []).append(p)
    wanted = frozenset().union(*(_content_words(_headline_text(texts[p])) for p in candidates))
    main = [block.text for block in blocks[span[0] : span[1] + 1] if block.kind is _BODY]
    # the candidates' words that each block uses, once a block
    vocabulary = Counter(chain.from_iterable(map(wanted.intersection, map(str.split, map(fold, main)))))
    return _Page(doc, span[0], copies, vocabulary, fold(texts[0].split("\n", 1)[0]))


def find_title(doc: Document, config: Config) -> Document:
    """Mark the headline as the title and the label above it as the section."""
    blocks = doc.blocks
    span = main_span(doc, cost_words=_COST_WORDS)
    if span is None:
        return doc
    start = span[0]
    chrome = lexicon("chrome", (config.language,) if config.language else ("en",), config.extra_chrome)
    first = max(0, start - _FAR_LOOK_BACK)
    inside, late = _inside(doc, span, chrome)
    candidates = (
        [
            p
            for p, block in enumerate(blocks[first:start], first)
            if block.kind in _SHOWN
            # a two-word heading only close to the main text: its test is not run further up
            and (start - p <= _SHORT_REACH or word_count(block.text) >= _SHORT)
            and _candidate(block.text, chrome)
        ]
        + inside
        + late
    )
    if not candidates:
        return doc
    page = _page(doc, span, candidates)
    # Score without bylines first; only candidates a byline could still lift to the top are
    # searched for one (the result is the same, the byline search is the costly part).
    plain = [p for p in candidates if "\n" not in blocks[p].text.strip() and 0 < start - p <= _LOOK_BACK]
    parts = {p: _score(page, p) for p in candidates}
    scores = {p: part.total() for p, part in parts.items()}
    floor = max((scores[p] for p in plain), default=float("-inf")) - _WEIGHTS["byline"]
    bylines = byline_blocks(doc, [p for p in candidates if scores[p] >= floor], _BYLINE_BELOW)
    # a headline split over lines, or far above the main text, only when its byline
    # confirms it (else it may be a list or a teaser)
    # how many blocks under each candidate its byline starts (None: no byline)
    gaps = {p: min((b - p for b in bylines if 0 < b - p <= _BYLINE_BELOW), default=None) for p in candidates}
    signed = {p for p, gap in gaps.items() if gap is not None}
    dated = {p for p in inside + late if parts[p].dated is not None}
    confirmed = (signed - set(late)) | (dated & set(inside)) | (dated & signed)
    candidates = sorted(set(plain) | set(confirmed))
    if not candidates:
        return doc
    scores = {p: parts[p].total(_under(_WEIGHTS["byline"], gaps[p])) for p in candidates}
    for p, penalty in _listed(doc, span, candidates, gaps, page.copies):
        scores[p] += penalty
    best = max(candidates, key=lambda p: (scores[p], p))
    # a headline printed twice: label the copy that is still a body block
    body_copies = [p for p in page.copies.get(fold(blocks[best].text), []) if blocks[p].kind is _BODY]
    title = body_copies[0] if body_copies else best
    where = "at the start of" if best >= start else "above"
    detail = f"headline {where} the main text (block {start}), score {scores[best]:.1f}"
    updates = [(title, Kind.TITLE, "headline", detail)]
    above = next(
        (p for p in range(title - 1, -1, -1) if blocks[p].kind is _BODY and not is_separator(blocks[p].text)),
        None,
    )
    if (
        above is not None
        and title - above <= 2
        and is_label(blocks[above].text, max_words=3)
        and chrome_reason(blocks[above].text, chrome) is None
    ):
        updates.append((above, Kind.SECTION, "section_label", f"short label above the title (block {title})"))
    doc = doc.reclassify(NAME, updates)
    trail = [part.strip() for part in _TRAIL.split(_headline_text(blocks[title].text))]
    if len(trail) > _TRAIL_STEPS and _is_headline(trail[-1], chrome):
        where = " > ".join(trail[:-1])
        doc = doc.edit(NAME, [(title, trail[-1], "breadcrumb", f"the trail '{where}' before the headline")])
    return doc
