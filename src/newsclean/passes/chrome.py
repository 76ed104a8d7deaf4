"""Pass 7, ``remove_chrome``: everything on the page that is not the article.

Two steps, both on plain text.

**UI lines.** A block is chrome when every one of its lines is a UI phrase of the
``chrome`` lexicon (plus ``Config.extra_chrome``), a count ("12 comments", "3 min read") or
a separator of punctuation only ("-", "|", "•"). In a kept block that mixes such lines with
text, the UI lines are edited out and the edit is recorded. Phrases match whole lines only,
so a body sentence that says "connect with us" stays.

**The block classifier.** A flattened page is mostly menus, footers, comment threads,
cookie banners and link lists; the article is one contiguous run of prose in it. Every
remaining body block gets context-free signals (:class:`Signals`: length in words, or in
characters for Chinese, Japanese and Korean; sentence ends; stopword density for the
page's language; share of capitalised tokens) and a class, as in jusText:

* ``good``: long running text (many words, sentence ends, function words);
* ``near``: a shorter sentence-like block, a long line dense with function words, or a
  list of several lines of several words (a calendar, results, steps);
* ``short``: a few words without the marks of a sentence (a menu item, a date, a name);
* ``bad``: a UI phrase, a comment author line ("jane says:"), or a block dense with site
  boilerplate terms (``data/chrome/words``: cookies, privacy policy, newsletter);
* ``repeated``: a short block whose shape (numbers folded) recurs three or more times on
  the page, the button or label of a list's items ("Download", "Rating: 36 votes");
* ``snippet``: text cut off with an ellipsis, unless it continues the text above it.

The article is then the *main prose region*: the run of blocks with the highest sum of
``good`` and ``near`` lengths minus a cost for every other block inside it (a maximum-sum
subarray, linear time). The first text block under the headline found by ``find_title``
gets a bonus; a comments header followed by a thread, and a teaser list header ("You may
also like") followed by cards that repeat one shape, are barriers the region never
crosses. Blocks outside it are chrome ("outside main prose region"); inside it, short
blocks are smoothed by their neighbours: a short block between two text blocks in a run of
at most two is part of the article (a subheading, a one-line quotation), as are the items
of a list a sentence introduces with a colon; longer runs and blocks at the edge are
chrome. A page without a single sentence-like block is left as it is, so short inputs
never lose their text, and a page with a text block always has a non-empty region, so a
page with a prose paragraph never comes out empty. Each decision's detail names the signals
that decided it ("outside main prose region; 3 words; no sentence punctuation").

The thresholds below are hand-set and named; changing any of them by a quarter to a half
moves dev-set F1 by less than 0.01 (``benchmarks/quality.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from itertools import pairwise
from typing import Final, NamedTuple, TypeVar

import regex

from ..config import Config
from ..features import (
    SEPARATOR_LINE,
    capitalised_share,
    is_plain,
    is_truncated,
    length_units,
    sentence_marks,
    stop_share,
)
from ..language import page_language, stopwords, tokens
from ..lexicon import Lexicon, lexicon
from ..model import Block, Document, Kind
from ..patterns import Pattern
from ..text import ASCII_SPACES, fold, key_words, per_text
from .teasers import split_header

__all__ = ["Signals", "chrome_reason", "classify", "main_region", "remove_chrome", "signals"]

NAME: Final = "remove_chrome"

_T = TypeVar("_T")

# The UI line patterns, one alternation each (see ``_UI_LINE``). Possessive quantifiers
# (``*+``): the two space runs cannot trade characters, so a long run of spaces that fails
# to match costs linear time, not quadratic (tests/test_adversarial.py).
_CREDIT_WORD: Final = (
    r"\s*(?:image|images|photo|photos|picture|pictures|photograph|illustration|credit|source|video|"
    r"foto|fotos|bild|bilder|imagem|imagen|immagine|zdjęcie|фото|источник)"
)
_CREDIT_LINE: Final = rf"^{_CREDIT_WORD}(?:\s+(?:credit|credits|by|source))?\s*:\s*\S"
_CREDIT_MAX_CHARS: Final = 80
_TAG_LINE: Final = (
    r"^\W*+(?:tags?|tagged|tagi|etiquetas?|schlagw[öo]rter|schlagworte|mots[- ]cl[ée]s|parole chiave|"
    r"trefwoorden|теги|метки|categor(?:y|ies|ia|ias|ie|ía|ías)|kategorien?|kategorie|catégories?|"
    r"рубрик[аи]|категори[ия])\s*+:(?:\s*+[^\s.!?]++){0,12}\s*$"
)
"""A tag or category line ("Tags: budget, council", "Categoria:"): a label, a colon and at
most twelve words without a sentence end."""
_DATE_LINE: Final = r"^\s*+(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})\s*$"
"""A line that is only a numeric date ("05/10/2018", "2019-11-20"): page metadata."""
_COUNT: Final = (
    r"^\s*+\(?\d[\d,.]*+\s*+[kKmM]?\)?\s*+(?:comments?|shares?|views?|likes?|reactions?|replies|"
    r"min(?:ute)?s?\s+read|min)\s*$"
)
_UI_LINES: Final = {
    "separator": ("punctuation only", SEPARATOR_LINE.pattern),
    "image_credit": (
        "an image or photo credit",
        rf"(?i:^(?={_CREDIT_WORD})(?=[\s\S]{{0,{_CREDIT_MAX_CHARS}}}\Z){_CREDIT_LINE})",
    ),
    "chrome_count": ("a count of comments, shares or reading time", f"(?i:{_COUNT})"),
    "date_line": ("a bare date", _DATE_LINE),
    "tag_line": ("a tag or category list", f"(?i:{_TAG_LINE})"),
}
"""The reason, detail and pattern of each kind of UI line that is not a lexicon phrase, in
the order :func:`chrome_reason` tries them. A credit line is one of at most
``_CREDIT_MAX_CHARS`` characters (the lookahead), which is counted only on a line that opens
with a credit word: the count walks the whole of a long line (a paragraph) before it fails.
Both lookaheads sit behind ``^``: unanchored, a search would walk a run of spaces for the
credit word from every position of the run, in quadratic time."""
_UI_LINE: Final = Pattern("|".join(f"(?P<{reason}>{pattern})" for reason, (_, pattern) in _UI_LINES.items()))
"""The patterns of ``_UI_LINES`` as one alternation, tried in order at the start of a line:
one call finds the first that matches (``lastgroup`` names it; no pattern has a group of
its own) where trying them one by one took five."""

UNPUNCTUATED_UNITS: Final = 15
UNPUNCTUATED_STOP: Final = 0.3
"""A one-line block of 15 or more words with the function words of running text is a
sentence that lost its full stop (or ends in a number or a link), not a menu."""
LIST_LINES: Final = 3
LIST_UNITS: Final = 20
LIST_LINE_UNITS: Final = 4
"""A block of three or more lines of four or more words each (20 or more in all) is a list
or table of the article (a calendar, results, steps); menus have one to three words a line."""
GOOD_UNITS: Final = 25
"""Words from which a block with sentence ends and function words is running text."""
NEAR_UNITS: Final = 8
"""Words from which a block that ends like a sentence may be text."""
STOP_GOOD: Final = 0.25
"""Stopword share of running text: 30-50 % in every stoplist language; menus and lists of
names are far below."""
STOP_NEAR: Final = 0.15
REPEAT_COST: Final = 50.0
"""What a repeated short block (see ``REPEATED``) costs the region: two paragraphs' worth,
so a list of quotes or cards separated by the same button is not read as one article.
UI phrases ("Share", "Advertisement") are exempt: they repeat inside articles too."""
SHORT_COST: Final = 4.0
"""What a short block costs the main region, on top of its own words. A body split by an
advertisement, a caption or an image credit is rejoined (a few blocks cost less than one
paragraph), while a footer or a comment thread after a long menu gap is not."""
COST_CAP: Final = 15
"""A non-text block costs at most this many words on top of ``SHORT_COST``: a long
newsletter pitch or notice between two paragraphs must not cut the article in two."""
NEAR_WEIGHT: Final = 0.75
MAX_SHORT_RUN: Final = 2
LIST_ITEM_COST: Final = 1.0
LIST_INTRO_UNITS: Final = 3
"""A short block in a list that a text block introduces with a colon costs the region
almost nothing: "The diet allows these foods:" and five items stay with the article. Three
words are enough for an introduction: languages without articles say it in three ("Zakazane
produkty to:", "Что нужно купить:"), while a label ("Publish date:") has one or two."""
"""Inside the region, a short block is the article's (a subheading, a one-line quotation,
a list item) when it sits between text blocks in a run of at most two short blocks; a
longer run of short blocks is a share row, a metadata box or a link list."""
TITLE_BONUS: Final = 30.0
TITLE_REACH: Final = 8
"""What the headline adds to the first text block at most 8 blocks below it: the body
hangs under the headline, so a cookie notice or a comment thread elsewhere on the page
must be longer than the article by this much to be taken for it."""
BOILERPLATE_MIN_HITS: Final = 2
BOILERPLATE_WORDS_PER_HIT: Final = 15
"""A block with at least two site-boilerplate terms ("cookies", "privacy policy",
"newsletter"), one per 15 words or denser, is a notice about the site, not the article."""


class Class(str, Enum):
    """The context-free class of a block."""

    GOOD = "good"
    NEAR = "near"
    SHORT = "short"
    BAD = "bad"
    BARRIER = "barrier"
    """A UI block that opens the comments: the article never continues past it."""
    REPEATED = "repeated"
    """A short block that recurs on the page: the button or label of a list's items."""
    SNIPPET = "snippet"
    """Text cut off with an ellipsis: a teaser, unless it is the first text under the
    headline (a paywalled article shows its opening that way)."""
    TEASER = "teaser"
    """A block ``split_teasers`` took: it costs the region like a short block of no words,
    since an inline "Related" box may sit between two paragraphs of the article."""
    THREAD = "thread"
    """A block after a comments header that is followed by comment author lines."""
    TITLE = "title"
    """Not a body block: the headline found by ``find_title``, an anchor for the region."""


# Python 3.11 looks an enum member up on its class through a descriptor, ten times slower
# than a global: the loops of this module, which compare a class or a kind per block, name the
# members they compare with through these constants.
_GOOD, _NEAR, _SHORT, _BAD = Class.GOOD, Class.NEAR, Class.SHORT, Class.BAD
_BARRIER, _REPEATED, _SNIPPET = Class.BARRIER, Class.REPEATED, Class.SNIPPET
_TEASER, _THREAD, _TITLE = Class.TEASER, Class.THREAD, Class.TITLE
_BODY, _CHROME, _TITLE_BLOCK = Kind.BODY, Kind.CHROME, Kind.TITLE
_TEXT: Final = (_GOOD, _NEAR)


class Signals(NamedTuple):
    """The plain-text signals of one block (a tuple: the classifier builds one a block text)."""

    units: float
    marks: int
    ends: bool
    stop: float | None
    caps: float
    lines: int = 1
    colon: bool = False
    """Whether the block is a few words or more ending with a colon: it introduces what
    follows (a list), unlike a label such as "Publish date:"."""


_SAYS: Final = (
    *("says", "said", "wrote", "replied", "disse", "escreveu", "dice", "scrive", "ha scritto"),
    *("schreibt", "schrieb", "dit", "a écrit", "dijo", "escribió", "zei", "schreef", "napisał"),
    *("пишет", "написал", "написала", "говорит"),
)
"""The words a comment's author line ends with ("jane says:"), a colon after them or not."""
# Searched from the end (``(?r)``), where the match must be.
_COMMENT_AUTHOR: Final = Pattern(rf"(?r)\s(?:{'|'.join(_SAYS)}):?\s*$", regex.I)
_ASCII_SAYS: Final = tuple(word for word in _SAYS if word.isascii())
COMMENT_AUTHOR_MAX_WORDS: Final = 12
SNIPPET_MAX_WORDS: Final = 60
"""A block of up to 60 words that ends in "..." or "…" is a teaser snippet cut off by the
site, not a paragraph of the article."""
REPEATED: Final = 3
"""A short block seen this often on one page ("Reply", "Download", "Read more") is the
button of a list's items; between such repeats lie list items, not paragraphs of one
article."""
COMMENT_LOOKAHEAD: Final = 6
"""A comments header ("Comments", "34 responses to ...") ends the article only when a
comment author line ("jane says:") follows within this many blocks: a bare "Comments"
button in a share row is not a thread."""
_AUTHOR_LINE: Final = "comment author line"
_TEASER_HEADER: Final = "teaser list header"
_AFTER_TEASERS: Final = "after a teaser list header"
_COMMENTS_OPENERS: Final = ("top rated ", "most recent ", "reader ")
_COMMENTS_WORDS: Final = (
    *("comments?", "responses?", "replies", "thoughts? on", "reactions?", "leave a (?:reply|comment)"),
    *("post a comment", "add a comment", "join the (?:conversation|discussion)", "reader comments"),
    *("kommentare?", "commentaires?", "comentarios?", "comentários", "commenti", "reacties"),
    *("komentarze", "комментари[ийя]\\w*"),
)
_COMMENTS_HEADER: Final = Pattern(
    rf"^\W*(?:\d+\s+)?(?:{'|'.join(_COMMENTS_OPENERS)})?(?:{'|'.join(_COMMENTS_WORDS)})\b", regex.I
)
_COMMENTS_FIRST: Final = frozenset(
    "0123456789" + "".join(word[0] for word in _COMMENTS_OPENERS + _COMMENTS_WORDS)
)
"""What a comments header's first word starts with, in lower case: a digit or the first
letter of a word it can open with (see :func:`_is_comments_header`)."""
_ASCII_NOT_WORD: Final = "".join(c for c in map(chr, range(128)) if not (c.isalnum() or c == "_"))
"""The ASCII characters that ``\\W`` matches."""


def _is_comments_header(text: str) -> bool:
    """Whether a UI block opens a comment thread ("34 comments", "Leave a reply").

    Most short blocks are ASCII, and their first word starts with neither a digit nor a
    letter a header's first word can start with (:data:`_COMMENTS_FIRST`: "Home", "Share"):
    they are told without a match. A property test holds it to the pattern.

    >>> _is_comments_header("34 Comments"), _is_comments_header("Share")
    (True, False)
    """
    if text.isascii() and text.lstrip(_ASCII_NOT_WORD)[:1].lower() not in _COMMENTS_FIRST:
        return False
    return bool(_COMMENTS_HEADER.match(text)) and "\n" not in text.strip()


def _is_comment_author(text: str) -> bool:
    """Whether a short block is a comment's author line ("jane says:", "Jane Doe said").

    An ASCII text is searched only when it ends with one of :data:`_SAYS` (and a colon
    and spaces), which few blocks do. A property test holds it to the pattern.

    >>> _is_comment_author("Jane Doe says:"), _is_comment_author("Jane Doe")
    (True, False)
    """
    if text.isascii() and not text.rstrip(ASCII_SPACES).removesuffix(":").lower().endswith(_ASCII_SAYS):
        return False
    return _COMMENT_AUTHOR.search(text) is not None


# Searched from the end (``(?r)``): the match is at the end of the text, so a long block is
# not scanned from its start.
_ENDS: Final = Pattern(r"(?r)[.!?…。！？:;][\p{Pf}\"')\]]*\s*$")


def signals(text: str, stops: frozenset[str]) -> Signals:
    """Measure one block. Blocks shorter than ``NEAR_UNITS`` are short whatever their
    words are, so their stopword and capital shares are not measured (``None`` and 0).

    >>> stops = frozenset({"the", "on", "that"})
    >>> s = signals("The minister said on Friday that the plan would go ahead.", stops)
    >>> s.units, s.marks, s.ends, round(s.stop or 0, 2)
    (11.0, 1, True, 0.36)
    """
    key = fold(text)
    return _signals(text, key, tokens(key), length_units(text), stops, every=True)


def _signals(
    text: str, key: str, found: list[str], units: float, stops: frozenset[str], *, every: bool
) -> Signals:
    """:func:`signals` of a text, its folded ``key``, the key's letter tokens (``found``, see
    :func:`~newsclean.language.tokens`) and its :func:`length_units`; unless
    ``every``, the capital share and the sentence marks are measured only where
    :func:`classify` reads them. The capital share (0 elsewhere, as for a short block) only
    on :func:`_unpunctuated_prose` without a sentence end: the share scans the whole text,
    and most long blocks are paragraphs. The marks (0 elsewhere) not on a text of fewer
    than ``GOOD_UNITS`` words that ends like a sentence: only a good block's why counts
    them, and below that length classify asks only whether the text has marks or an end,
    which the end answers."""
    brief = units < NEAR_UNITS
    ends = bool(_ENDS.search(text))
    # Below GOOD_UNITS, classify reads the marks only as "marks or ends".
    marks = sentence_marks(text) if every or units >= GOOD_UNITS or not ends else 0
    stop = stop_share(found, stops) if stops and not brief else None
    # A block of NEAR_UNITS words or more has a line that is not blank.
    if brief or "\n" not in text:
        lines = text.count("\n") + 1
    else:
        lines = sum(1 for line in text.split("\n") if line.strip())
    read = not (marks or ends) and _unpunctuated_prose(units, lines, stop)
    return Signals(
        units=units,
        marks=marks,
        ends=ends,
        stop=stop,
        caps=capitalised_share(text) if not brief and (every or read) else 0.0,
        lines=lines,
        colon=units >= LIST_INTRO_UNITS and text.rstrip().endswith(":"),
    )


def _unpunctuated_prose(units: float, lines: int, stop: float | None) -> bool:
    """A one-line block of ``UNPUNCTUATED_UNITS`` words or more with the stopwords of
    running text: a sentence without its full stop, unless it is mostly capitalised."""
    return units >= UNPUNCTUATED_UNITS and lines == 1 and stop is not None and stop >= UNPUNCTUATED_STOP


def classify(sig: Signals) -> tuple[Class, str]:
    """The context-free class of a block and the signals that decided it.

    >>> classify(Signals(units=40, marks=3, ends=True, stop=0.4, caps=0.1))[0]
    <Class.GOOD: 'good'>
    >>> classify(Signals(units=3, marks=0, ends=False, stop=None, caps=1.0))
    (<Class.SHORT: 'short'>, '3 words; no sentence punctuation')
    """
    stop_ok = sig.stop is None or sig.stop >= STOP_GOOD
    stop_near = sig.stop is None or sig.stop >= STOP_NEAR
    if sig.units >= GOOD_UNITS and sig.marks >= 1 and stop_ok:
        return _GOOD, f"{sig.units:g} words; {sig.marks} sentence end(s)"
    if sig.units >= NEAR_UNITS and (sig.ends or sig.marks >= 1) and stop_near:
        return _NEAR, f"{sig.units:g} words; ends like a sentence"
    if _unpunctuated_prose(sig.units, sig.lines, sig.stop) and sig.caps < 0.5:
        return _NEAR, f"{sig.units:g} words; stopwords {sig.stop:.0%} without a sentence end"
    if sig.lines >= LIST_LINES and sig.units >= LIST_UNITS and sig.units >= LIST_LINE_UNITS * sig.lines:
        return _NEAR, f"{sig.units:g} words; a list of {sig.lines} lines"
    return _SHORT, _short_why(sig.units, bool(sig.marks or sig.ends), sig.stop if not stop_near else None)


def _short_why(units: float, punctuated: bool, few: float | None) -> str:
    """Why a block is short: its length, whether it has sentence punctuation, and its
    stopword share when that is ``few``.

    >>> _short_why(3, False, None), _short_why(12, True, 0.05)
    ('3 words; no sentence punctuation', '12 words; few function words (5%)')
    """
    why = [f"{units:g} words"]
    if not punctuated:
        why.append("no sentence punctuation")
    elif units < NEAR_UNITS:
        why.append("too short for a sentence")
    if few is not None:
        why.append(f"few function words ({few:.0%})")
    return "; ".join(why)


def main_region(scores: list[float | None]) -> tuple[int, int] | None:
    """``(start, end)`` (inclusive) of the run with the highest score sum, or ``None``.

    A ``None`` score is a barrier that no run crosses.

    >>> main_region([-1, -1, 5, -2, 4, -9, 3])
    (2, 4)
    >>> main_region([3, None, 1, 1])
    (0, 0)
    >>> main_region([-1, -2]) is None
    True
    """
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for pos, score in enumerate(scores):
        if score is None:
            total, start = 0.0, pos + 1
            continue
        if total <= 0:
            total, start = 0.0, pos
        total += score
        if total > best:
            best, best_span = total, (start, pos)
    return best_span


def chrome_reason(line: str, phrases: Lexicon) -> tuple[str, str] | None:
    """``(reason, detail)`` when ``line`` is UI text, else ``None``.

    >>> chrome_reason("Connect with us", Lexicon(("connect with us",)))
    ('chrome_phrase', "UI phrase 'connect with us'")
    >>> chrome_reason("  |  ", Lexicon(()))
    ('separator', 'punctuation only')
    """
    # Every UI line pattern needs a colon, or a digit, a bracket, punctuation or a space
    # to open the line: most lines, which open with a letter and hold no colon, are none.
    if (not line[:1].isalpha() or ":" in line) and (found := _UI_LINE.match(line)):
        reason = found.lastgroup or ""
        return (reason, _UI_LINES[reason][0])
    return _ui_phrase(line, phrases)


def _ui_phrase(line: str, phrases: Lexicon) -> tuple[str, str] | None:
    """:func:`chrome_reason` of a line that is a UI phrase or nothing of the kind."""
    if phrase := phrases.match(line):
        return ("chrome_phrase", f"UI phrase {phrase!r}")
    return None


def remove_chrome(doc: Document, config: Config) -> Document:
    """Mark UI blocks and everything outside the main prose region as chrome."""
    language = page_language(doc, config.language)
    languages = (language or "en",)
    phrases = lexicon("chrome", languages, config.extra_chrome)
    stops = stopwords(language)
    boilerplate = _boilerplate(languages)
    candidates = [pos for pos, block in enumerate(doc.blocks) if block.kind in _CANDIDATES]
    if not candidates:
        return doc
    texts = [doc.blocks[pos].text for pos in candidates]
    measures = [
        _measure(text, stops, phrases, boilerplate) if doc.blocks[pos].kind is _BODY else None
        for pos, text in zip(candidates, texts, strict=True)
    ]
    ui, mixed = _ui_lines(measures)
    chrome = [_ui_block(candidates[i], texts[i], found) for i, found in ui]
    if mixed:
        edits = [_ui_edit(candidates[i], texts[i], found) for i, found in mixed]
        doc = doc.edit(NAME, edits)
        for (i, _), (_, text, *_) in zip(mixed, edits, strict=True):
            texts[i] = text
            measures[i] = _measure(text, stops, phrases, boilerplate)
    ui_blocks = {candidates[i] for i, _ in ui}
    judged = _judge_blocks(
        doc.blocks, candidates, texts, measures, ui=[i for i, _ in ui], languages=languages
    )
    _author_boxes(judged, texts, lexicon("chrome/author_box", languages))
    _cut_off_text(judged)
    _cut_comments(judged, ui_blocks)
    done = ui_blocks | {pos for pos, measure in zip(candidates, measures, strict=True) if measure is None}
    chrome.extend(_outside_region(judged, done))
    return doc.reclassify(NAME, chrome)


_Row = tuple[Class, str, float, bool]
"""A block's class, why, length and whether it introduces what follows (see :class:`_Judged`)."""


class _Measure(NamedTuple):
    """What the classifier learns from a body block's text alone, whatever page it is on."""

    shape: str | None
    """For a short block (fewer than ``NEAR_UNITS`` words), the text with case, punctuation
    and numbers folded, to find repeated blocks (:func:`_shape`); ``None`` for a longer one,
    whose shape is made only where it could be a short block's (:func:`_repeats`)."""
    spaces: int
    """The number of spaces in the folded text, which its shape has too."""
    row: _Row
    """The class of the text as a body block that is neither a UI block nor repeated
    (:func:`_judge`), why, its length and whether it introduces what follows: its entries
    of :class:`_Judged`, which most blocks take as they are."""
    ui_lines: _Found
    """For each line, why it is UI text (:func:`chrome_reason`), or ``None``; empty when no
    line is (most blocks), so that a block without UI lines is told by its truthiness."""


@per_text
def _measure(
    text: str, stops: frozenset[str], phrases: Lexicon, boilerplate: _Boilerplate | None
) -> _Measure:
    """Signals, shape, class and UI lines of a block text: everything about a body block
    that its neighbours do not change, measured once however often the text comes back.
    The text is folded once for all of them (a long text's key is not cached).

    A text of a few words, the most frequent block (menu items, buttons, labels), is
    measured by :func:`_measure_brief`, which leaves out what cannot change its class.
    """
    key = fold(text)
    if (units := length_units(text)) < NEAR_UNITS:
        return _measure_brief(text, key, units, phrases, boilerplate)
    return _measure_signals(text, key, stops, phrases, boilerplate, units=units)


def _measure_brief(
    text: str, key: str, units: float, phrases: Lexicon, boilerplate: _Boilerplate | None
) -> _Measure:
    """:func:`_measure_signals` of a text (folded ``key``) of fewer than ``NEAR_UNITS`` words
    (``units``). :func:`classify` has no class but short for it, and tells why from whether
    it has sentence punctuation alone: it is short unless its text decides otherwise
    (:func:`_judge_text`), and its stopwords, capitals and lines are not read.

    A text of letters and spaces only (:func:`is_plain`, most menu items: "World News") has
    no sentence mark or end, no ellipsis, colon, line break or digit, so it needs no search:
    its shape is its key, and its one line can be UI text only as a UI phrase (every pattern
    of ``_UI_LINE`` needs a character that is neither a letter nor a space). A property
    test holds both to :func:`_measure_signals`."""
    if is_plain(text):
        ends = punctuated = colon = False
        shape = key
        found = _ui_phrase(text, phrases)
        ui_lines: _Found = (found,) if found else ()
    else:
        ends = bool(_ENDS.search(text))
        punctuated = ends or sentence_marks(text) > 0
        colon = units >= LIST_INTRO_UNITS and text.rstrip().endswith(":")
        shape = _shape(key)
        ui_lines = _line_reasons(text, phrases)
    verdict = _judge_text(text, key, units, boilerplate, ends=ends) or (
        _SHORT,
        _short_why(units, punctuated, None),
    )
    return _Measure(shape, key.count(" "), (*verdict, units, colon), ui_lines)


def _measure_signals(
    text: str,
    key: str,
    stops: frozenset[str],
    phrases: Lexicon,
    boilerplate: _Boilerplate | None,
    *,
    units: float,
) -> _Measure:
    """:func:`_measure` of a text, its folded ``key`` and its length (``units``), from its
    :class:`Signals`."""
    found = tokens(key)  # for the stopword share and the boilerplate's bound
    sig = _signals(text, key, found, units, stops, every=False)
    return _Measure(
        _shape(key) if sig.units < NEAR_UNITS else None,
        key.count(" "),
        (*_judge(text, key, sig, boilerplate, found), sig.units, sig.colon),
        _line_reasons(text, phrases),
    )


def _line_reasons(text: str, phrases: Lexicon) -> _Found:
    """For each line of ``text``, why it is UI text (:func:`chrome_reason`), or ``None``;
    empty when no line is (see :attr:`_Measure.ui_lines`)."""
    if "\n" not in text:  # most blocks
        return (reason,) if (reason := chrome_reason(text, phrases)) else ()
    found = tuple([chrome_reason(line, phrases) for line in text.split("\n")])
    return found if any(found) else ()


_CANDIDATES: Final = (Kind.BODY, Kind.TITLE, Kind.TEASER)
"""The kinds of block the classifier looks at: body blocks, teasers, which count for the
region, and the title, its anchor. Only body blocks are measured (:func:`_measure`): the
title and the teasers have classes of their own, and the region reads a teaser's length
alone."""

_Found = tuple[tuple[str, str] | None, ...]
"""For each line of a block, why it is UI text (:func:`chrome_reason`), or ``None``."""
Decision = tuple[int, Kind, str, str]
"""``(position, kind, reason, detail)``, as :meth:`Document.reclassify` takes it."""
Edit = tuple[int, str, str, str]
"""``(position, new text, reason, detail)``, as :meth:`Document.edit` takes it."""


def _ui_lines(measures: list[_Measure | None]) -> tuple[list[tuple[int, _Found]], list[tuple[int, _Found]]]:
    """Step 1: the UI blocks (every line UI text) and the blocks that mix UI lines with
    text among the blocks with ``measures`` (body blocks; ``None`` for others), each as its
    index and why each of its lines is UI text. UI blocks become chrome
    (:func:`_ui_block`), mixed blocks lose their UI lines (:func:`_ui_edit`). Most blocks
    have no UI line, and are passed over without a call."""
    flagged = [
        (i, measure.ui_lines)
        for i, measure in enumerate(measures)
        if measure is not None and measure.ui_lines
    ]
    return [f for f in flagged if all(f[1])], [f for f in flagged if not all(f[1])]


def _ui_block(pos: int, text: str, found: _Found) -> Decision:
    """The chrome decision for a block of UI lines, named after its first line."""
    reason, detail = found[0] or ("", "")
    if lines := text.count("\n"):
        detail = f"{lines + 1} UI lines, first: {detail}"
    return (pos, _CHROME, reason, detail)


def _ui_edit(pos: int, text: str, found: _Found) -> Edit:
    """The edit that removes the UI lines of a block that mixes them with text."""
    lines = text.split("\n")
    kept = [line for line, why in zip(lines, found, strict=True) if why is None]
    dropped = [line for line, why in zip(lines, found, strict=True) if why is not None]
    return (pos, "\n".join(kept), "chrome_line", "removed UI line(s): " + " | ".join(dropped))


def _judge(
    text: str, key: str, sig: Signals, boilerplate: _Boilerplate | None, found: list[str]
) -> tuple[Class, str]:
    """The class of one body block with the folded ``key`` (its letter tokens ``found``):
    comment structure and boilerplate first, then signals."""
    return _judge_text(text, key, sig.units, boilerplate, ends=sig.ends, found=found) or classify(sig)


def _judge_text(
    text: str,
    key: str,
    units: float,
    boilerplate: _Boilerplate | None,
    *,
    ends: bool,
    found: list[str] | None = None,
) -> tuple[Class, str] | None:
    """The class of a body block of ``units`` words that its text decides before its
    signals: a comments header, a comment author line, a snippet (only a text that ends
    like a sentence, ``ends``, can be cut off with an ellipsis) or site boilerplate
    (``found``: the key's letter tokens, when the caller has them)."""
    if units <= COMMENT_AUTHOR_MAX_WORDS and _is_comments_header(text):
        # Scored like a UI block unless a thread follows (see _cut_comments).
        return _BARRIER, "opens the comments"
    if units <= COMMENT_AUTHOR_MAX_WORDS and _is_comment_author(text):
        return _BAD, _AUTHOR_LINE
    if ends and units <= SNIPPET_MAX_WORDS and is_truncated(text):
        return _SNIPPET, f"snippet cut off with an ellipsis; {units:g} words"
    if hits := _boilerplate_hits(key, boilerplate, units, found):
        return _BAD, "site boilerplate: " + ", ".join(dict.fromkeys(hits))
    return None


class _Judged(NamedTuple):
    """The blocks the classifier looked at, in page order, one list a field: ``classes[i]``
    is the class of the block at ``positions[i]``. The steps after the classifier read a
    field or two across the page, or change a few entries in place."""

    positions: list[int]
    classes: list[Class]
    whys: list[str]
    """The signals that decided each class, for the change's detail."""
    units: list[float]
    """Each block's length (:attr:`Signals.units`; 0 for the title, whose length no step reads)."""
    colons: list[bool]
    """Whether each body block introduces what follows (:attr:`Signals.colon`)."""


def _judge_blocks(
    blocks: tuple[Block, ...],
    candidates: list[int],
    texts: list[str],
    measures: list[_Measure | None],
    *,
    ui: list[int],
    languages: tuple[str, ...],
) -> _Judged:
    """Step 2: the class of every block the classifier looks at (at ``candidates``, with
    their ``texts`` and, for body blocks, ``measures``), and why.

    A body block takes the row its measure holds unless it is a UI block (at the indices
    ``ui``) or a repeated short block: the page's rows are its measures' rows, and only
    those few blocks are looked at one by one.
    """
    rows = [
        measure.row if measure is not None else _row(blocks[pos], text, languages)
        for pos, text, measure in zip(candidates, texts, measures, strict=True)
    ]
    classes, whys, units, colons = map(list, zip(*rows, strict=True))
    for i in ui:  # a block of UI lines: it opens the comments (as _judge found) or is UI
        if classes[i] is not _BARRIER:
            classes[i], whys[i] = _BAD, "UI phrase"
    repeats = _repeats(texts, measures)
    # the shapes seen REPEATED times; an empty shape (no word) never counts as repeated
    if frequent := {shape for shape, count in repeats.items() if count >= REPEATED and shape}:
        skip = set(ui)
        found = [
            (i, m.shape, m.row[2]) for i, m in enumerate(measures) if m is not None and m.shape in frequent
        ]
        for i, shape, length in found:
            if i not in skip and shape is not None and _is_repeat(texts[i], length):
                classes[i], whys[i] = _REPEATED, f"short block repeated {repeats[shape]} times on the page"
    return _Judged(candidates, classes, whys, units, colons)


def _row(block: Block, text: str, languages: tuple[str, ...]) -> _Row:
    """The row of the title or a teaser (blocks that are not measured)."""
    return _HEADLINE if block.kind is _TITLE_BLOCK else _teaser(text, languages)


_HEADLINE: Final = (_TITLE, "headline", 0.0, False)


@per_text
def _teaser(text: str, languages: tuple[str, ...]) -> _Row:
    """The row of a teaser: a header that opens a list, or an item. Cached like a body
    block's measure: a site's teaser headers ("Related", "Read more") recur on its pages."""
    bare = split_header(text, languages)
    return (_TEASER, _TEASER_HEADER if bare and not bare[1] else "teaser", length_units(text), False)


AUTHOR_BIO_REACH: Final = 30
"""An author box's bio names the author within its first 30 words."""
_NAME_WORD: Final = Pattern(r"^\p{Lu}[\p{L}'’.-]*$")


def _author_boxes(judged: _Judged, texts: list[str], headers: Lexicon) -> None:
    """An author box after the article is boilerplate: a header "About Jane Doe" (a phrase
    of ``chrome/author_box`` and a name of two to four capitalised words) and the next block
    when its first words name the same person ("Jane Doe is a reporter ...").

    ``texts`` are the blocks' texts. A header is a short block and its bio a text block,
    so no block is both, and changing a pair in place leaves the next pairs as they were.
    """
    classes, whys = judged.classes, judged.whys
    pairs = [i for i, (cls, after) in enumerate(pairwise(classes)) if cls is _SHORT and after in _TEXT]
    for i in pairs:
        text = texts[i].strip()
        if "\n" in text or headers.match(text) is None:
            continue
        tokens = text.split()
        names = (tokens[k:] for k in (1, 2, 3) if 2 <= len(tokens) - k <= 4)
        name = next((n for n in names if all(map(_NAME_WORD.match, n))), None)
        if name is None:
            continue
        opening = " ".join(texts[i + 1].split()[:AUTHOR_BIO_REACH])
        if " ".join(name) in opening:
            who = " ".join(name)
            classes[i], whys[i] = _BAD, f"author box header ({who})"
            classes[i + 1], whys[i + 1] = _BAD, f"author box: a bio of {who}"


def _cut_off_text(judged: _Judged) -> None:
    """Snippets that continue the article are text: the first text block under the headline,
    or a cut-off block right after a text block (a paywall shows the opening that way).

    Each snippet is judged by the classes as they were before any snippet became text.
    """
    classes, whys = judged.classes, judged.whys
    if _SNIPPET not in classes:
        return
    continued = []
    for i, cls in enumerate(classes):
        if cls is not _SNIPPET:
            continue
        after_text = i > 0 and classes[i - 1] in _TEXT
        window = classes[max(0, i - TITLE_REACH) : i]
        if after_text or (_TITLE in window and _GOOD not in window and _NEAR not in window):
            continued.append(i)
    for i in continued:
        classes[i], whys[i] = _NEAR, f"{whys[i]}; continues the text above"


_FIXED_SCORES: Final[dict[Class, float | None]] = {_REPEATED: -REPEAT_COST, _THREAD: None, _TITLE: 0.0}
"""The region's score of the classes whose length does not count (``None``: a barrier)."""


def _region_scores(judged: _Judged) -> tuple[list[float | None], list[bool]]:
    """Each block's score for the region, and whether it is an item of a list that a text
    or short block ending in a colon introduces ("The diet allows these foods:") with no
    text between: a list of the article, not a link row, which costs the region almost
    nothing. The first text block under the headline is raised by ``TITLE_BONUS``.

    A block's score is its class's and length's, but for the list items and the text
    blocks under a headline, which are found from the few blocks that end in a colon and
    the headlines (searched for by ``list.index``) and scored again.
    """
    classes, colons = judged.classes, judged.colons
    scores: list[float | None] = []
    for cls, units in zip(classes, judged.units, strict=True):
        if cls is _GOOD:
            scores.append(units)
        elif cls is _NEAR:
            scores.append(units * NEAR_WEIGHT)
        elif cls is _TEASER:
            scores.append(-(SHORT_COST + units / 2))
        elif cls in _FIXED_SCORES:
            scores.append(_FIXED_SCORES[cls])
        else:  # short, bad, a barrier or a snippet: what its length costs
            scores.append(-(SHORT_COST + min(units, COST_CAP)))
    listed = [False] * len(classes)
    i = 0  # the blocks before this are in a list already
    # A short or text block ending in a colon introduces the short blocks after it up to the next text block.
    for intro in _indices(colons, True):
        if intro < i or (classes[intro] is not _SHORT and classes[intro] not in _TEXT):
            continue
        i = intro + 1
        while i < len(classes) and classes[i] not in _TEXT:
            if classes[i] is _SHORT:
                listed[i], scores[i] = True, -LIST_ITEM_COST
            i += 1
    # Each headline raises the first text block after it, if that is near enough.
    for title in _indices(classes, _TITLE):
        reach = range(title + 1, min(len(classes), title + 1 + TITLE_REACH))
        text = next((j for j in reach if classes[j] in _TEXT), None)
        if text is not None:
            scores[text] = (scores[text] or 0.0) + TITLE_BONUS
    return scores, listed


def _indices(items: list[_T], value: _T) -> Iterator[int]:
    """Where ``value`` is in ``items``, found by ``list.count`` and ``list.index`` (loops
    in C): the values looked for are rare, and most pages have none. Counted first, so
    that no search fails: a failed ``index`` raises an exception, which cost more than the
    rest of the chrome pass on a text of a few blocks."""
    i = -1
    for _ in range(items.count(value)):
        i = items.index(value, i + 1)
        yield i


def _outside_region(judged: _Judged, done: set[int]) -> list[Decision]:
    """Chrome decisions for the classified body blocks: the region, then smoothing.

    Blocks in ``done`` (UI blocks, the title, teasers) are decided already; they count for
    the region only.
    """
    classes = judged.classes
    if _GOOD not in classes and _NEAR not in classes:
        return []
    scores, listed = _region_scores(judged)
    span = main_region(scores)
    if span is None:
        return []
    start, end = span
    positions, whys = judged.positions, judged.whys
    out = _outside(positions[:start], classes[:start], whys[:start], done)
    # The region starts and ends with a text block (the only blocks that score above 0), so
    # a short block in it is at its edge unless it is strictly between the two.
    last_text = next_text = -1  # the text blocks either side of the run of non-text blocks i is in
    for i in range(start, end + 1):
        cls, pos = classes[i], positions[i]
        if cls is _GOOD or cls is _NEAR:
            last_text = i
        elif pos in done:
            continue
        elif cls in _INSIDE_REASON:
            out.append((pos, _CHROME, _INSIDE_REASON[cls], whys[i]))
        elif cls is _SHORT:
            if not start < i < end:
                out.append((pos, _CHROME, "short_block", f"short block at the region's edge; {whys[i]}"))
                continue
            if next_text < i:
                next_text = next((j for j in range(i + 1, len(classes)) if classes[j] in _TEXT), len(classes))
            run = next_text - last_text - 1
            if run > MAX_SHORT_RUN and not (listed[i] or _opens_list(judged, listed, i)):
                out.append((pos, _CHROME, "short_run", f"one of {run} short blocks in a row; {whys[i]}"))
    out.extend(_outside(positions[end + 1 :], classes[end + 1 :], whys[end + 1 :], done))
    return out


def _outside(positions: list[int], classes: list[Class], whys: list[str], done: set[int]) -> list[Decision]:
    """The decisions for blocks outside the region (at ``positions``, with their ``classes``
    and ``whys``) that are not in ``done``: a comment thread or a teaser list after its
    header, or chrome outside the region."""
    return [
        (pos, _CHROME, "outside_main_region", f"outside main prose region; {why}")
        if cls is not _THREAD
        else (pos, _CHROME, "teaser_list" if why.startswith(_AFTER_TEASERS) else "comments", why)
        for pos, cls, why in zip(positions, classes, whys, strict=True)
        if pos not in done
    ]


_INSIDE_REASON: Final = {
    Class.BAD: "boilerplate",
    Class.REPEATED: "repeated_block",
    Class.SNIPPET: "snippet",
    Class.BARRIER: "comments_header",
}


def _opens_list(judged: _Judged, listed: list[bool], i: int) -> bool:
    """Whether block ``i`` ends in a colon and the block after it is a listed item."""
    return judged.colons[i] and i + 1 < len(listed) and listed[i + 1]


_DIGITS: Final = Pattern(r"\d+")
_SENTENCE_END: Final = Pattern(r"\p{L}[.!?。！？][\p{Pf}\"')\]]*\s*$")
REPEAT_SENTENCE_UNITS: Final = 4
"""A repeated block of four or more words ending in a full stop, "?" or "!" is a sentence
of the article (see :func:`_is_repeat`), not a button."""


def _shape(key: str) -> str:
    """A block's folded text (``key``) with numbers folded too ("Rating: 36 Votes" -> "rating 0 votes").

    >>> _shape(fold("Rating:\\n36 Votes")) == _shape(fold("Rating: 7 votes"))
    True
    """
    return _DIGITS.sub("0", key)


def _repeats(texts: list[str], measures: list[_Measure | None]) -> Counter[str]:
    """How often the shape of each short body block occurs among the blocks the classifier
    looks at (``texts``, with ``measures`` for body blocks).

    Only a short body block's count is read (:func:`_is_repeat`), so only shapes equal to
    one of theirs need counting. Folding numbers leaves a key's spaces as they are: a block
    whose folded text has another number of spaces than every short block's shape shares
    none of them, and its shape is not made (most long blocks: folding their numbers is the
    costly part of a shape).
    """
    repeats = Counter([m.shape for m in measures if m is not None and m.shape is not None])
    spaces = {shape.count(" ") for shape in repeats}
    if not spaces:
        return repeats
    keys = [
        fold(text)
        for text, m in zip(texts, measures, strict=True)
        if m is None or (m.shape is None and m.spaces in spaces)
    ]
    repeats.update([_shape(key) for key in keys if key.count(" ") in spaces])
    return repeats


def _is_repeat(text: str, units: float) -> bool:
    """Whether a short block whose shape recurs ``REPEATED`` times on the page is repeated
    (only short blocks have a shape: see :class:`_Measure`).

    A sentence of several (``units``) words is exempt: a question or a sentence that recurs ("What
    inspired you?" before each answer of an interview series) is the article's own
    structure, while buttons and labels ("Reply", "Rating: 36 votes") carry no full stop.
    """
    return units < REPEAT_SENTENCE_UNITS or not _SENTENCE_END.search(text)


def _cut_comments(judged: _Judged, ui_blocks: set[int]) -> None:
    """Everything after a comments header that follows prose is the thread, not the article;
    so is everything after a teaser list header ("You may also like") that follows prose.

    The header only counts when a thread or list follows it within ``COMMENT_LOOKAHEAD``
    blocks: a comment author line ("jane says:"), or two blocks of a repeated shape ("2 days
    ago", "Rating: 36 votes", the same share row under every card) that are not UI buttons.
    A "Related" box inside the article, followed by one or two links, does not cut it.
    """
    classes, whys = judged.classes, judged.whys
    if _BARRIER not in classes and _TEASER not in classes:
        return
    # The headers after the first text block, in page order (found by list.index).
    prose = min(next(_indices(classes, _GOOD), len(classes)), next(_indices(classes, _NEAR), len(classes)))
    teasers = (i for i in _indices(classes, _TEASER) if whys[i] == _TEASER_HEADER)
    for i in sorted([*_indices(classes, _BARRIER), *teasers]):
        if i < prose:
            continue
        opens_list = classes[i] is _TEASER
        ahead = range(i + 1, min(len(classes), i + 1 + COMMENT_LOOKAHEAD))
        authors = sum(whys[j] == _AUTHOR_LINE for j in ahead)
        repeated = sum(classes[j] is _REPEATED and judged.positions[j] not in ui_blocks for j in ahead)
        if authors or repeated >= 2 or (opens_list and _cards(judged, ahead)):
            after = _AFTER_TEASERS if opens_list else "after the comments header"
            for j in range(i + 1, len(classes)):
                classes[j], whys[j] = _THREAD, f"{after}; {whys[j]}"
            return


CARD_LABEL_UNITS: Final = 4
"""A card of a teaser list is a name of at most four words and a blurb shorter than a
paragraph of running text (``GOOD_UNITS``)."""


def _cards(judged: _Judged, ahead: range) -> bool:
    """Whether the blocks ``ahead`` after a teaser list header are cards: two or more short
    names and two or more short blurbs, with no full paragraph among them ("Related" inside
    an article is followed by one link and then the article's paragraphs)."""
    classes, units = judged.classes, judged.units
    if any(classes[j] is _GOOD for j in ahead):
        return False
    names = sum(classes[j] is _SHORT and units[j] <= CARD_LABEL_UNITS for j in ahead)
    blurbs = sum(classes[j] is _NEAR and units[j] < GOOD_UNITS for j in ahead)
    return names >= 2 and blurbs >= 2


@dataclass(frozen=True, slots=True, eq=False)
class _Boilerplate:
    """The ``chrome/words`` terms of a page's languages (and English)."""

    pattern: Pattern
    """One alternation of the terms, longest first, each a run of whole words."""
    key_words: frozenset[str]
    """One word of every term, its longest (the last of equally long ones): the rarest in
    running text ("website" of "this website", "reserved" of "all rights reserved"). A
    term is folded words, so a hit in a folded text is a run of its whole words that spells
    a term, and hits do not overlap: each hit holds an occurrence of its term's key word
    that no other hit holds. The key words of a text bound its hits from above, and a
    block with too few of them needs no search.

    Every key word of the shipped terms is one run of letters (its own :func:`tokens`; a
    test checks every language's): so the letter tokens of a folded text hold each key
    word its words hold (a word of letters only is one run), and bound its hits as well."""


@lru_cache(maxsize=32)
def _boilerplate(languages: tuple[str, ...]) -> _Boilerplate | None:
    """The boilerplate terms of ``languages`` (and English), ``None`` when there are none."""
    terms = sorted(set(lexicon("chrome/words", languages).exact), key=len, reverse=True)
    if not terms:
        return None
    pattern = Pattern(r"(?<!\w)(?:" + "|".join(regex.escape(t) for t in terms) + r")(?!\w)")
    return _Boilerplate(pattern, key_words(terms))


def _boilerplate_hits(
    key: str, boilerplate: _Boilerplate | None, units: float, found: list[str] | None = None
) -> list[str]:
    """The boilerplate terms in a folded text (``key``) when they are dense enough to call
    it site text. The key's letter tokens (``found``), when given, stand in for its words
    (see :attr:`_Boilerplate.key_words`): the classifier has them from the stopword share,
    and so splits a long block's key once."""
    if boilerplate is None:
        return []
    pieces = key.split(" ") if found is None else found
    if boilerplate.key_words.isdisjoint(pieces):  # most blocks, tested without a call a token
        return []

    def dense(count: int) -> bool:
        return count >= BOILERPLATE_MIN_HITS and count * BOILERPLATE_WORDS_PER_HIT >= units

    # each hit holds its term's key word: their count bounds the hits
    if not dense(sum(map(boilerplate.key_words.__contains__, pieces))):
        return []
    hits = boilerplate.pattern.findall(key)
    return list(hits) if dense(len(hits)) else []
