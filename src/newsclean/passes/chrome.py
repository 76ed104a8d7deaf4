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
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

import regex

from ..config import Config
from ..features import (
    capitalised_share,
    is_separator,
    is_truncated,
    length_units,
    sentence_marks,
    stopword_density,
)
from ..language import page_language, stopwords
from ..lexicon import Lexicon, lexicon
from ..model import Document, Kind
from ..text import fold, per_text
from .teasers import split_header

__all__ = ["Signals", "chrome_reason", "classify", "main_region", "remove_chrome", "signals"]

NAME = "remove_chrome"

# Possessive quantifiers (``*+``): the two space runs cannot trade characters, so a long run
# of spaces that fails to match costs linear time, not quadratic (tests/test_adversarial.py).
_CREDIT_LINE = regex.compile(
    r"^\s*(?:image|images|photo|photos|picture|pictures|photograph|illustration|credit|source|video|"
    r"foto|fotos|bild|bilder|imagem|imagen|immagine|zdjęcie|фото|источник)"
    r"(?:\s+(?:credit|credits|by|source))?\s*:\s*\S",
    regex.I,
)
_CREDIT_MAX_CHARS = 80
_TAG_LINE = regex.compile(
    r"^\W*+(?:tags?|tagged|tagi|etiquetas?|schlagw[öo]rter|schlagworte|mots[- ]cl[ée]s|parole chiave|"
    r"trefwoorden|теги|метки|categor(?:y|ies|ia|ias|ie|ía|ías)|kategorien?|kategorie|catégories?|"
    r"рубрик[аи]|категори[ия])\s*+:(?:\s*+[^\s.!?]++){0,12}\s*$",
    regex.I,
)
"""A tag or category line ("Tags: budget, council", "Categoria:"): a label, a colon and at
most twelve words without a sentence end."""
_DATE_LINE = regex.compile(r"^\s*+(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})\s*$")
"""A line that is only a numeric date ("05/10/2018", "2019-11-20"): page metadata."""
_COUNT = regex.compile(
    r"^\s*+\(?\d[\d,.]*+\s*+[kKmM]?\)?\s*+(?:comments?|shares?|views?|likes?|reactions?|replies|"
    r"min(?:ute)?s?\s+read|min)\s*$",
    regex.I,
)

UNPUNCTUATED_UNITS = 15
UNPUNCTUATED_STOP = 0.3
"""A one-line block of 15 or more words with the function words of running text is a
sentence that lost its full stop (or ends in a number or a link), not a menu."""
LIST_LINES = 3
LIST_UNITS = 20
LIST_LINE_UNITS = 4
"""A block of three or more lines of four or more words each (20 or more in all) is a list
or table of the article (a calendar, results, steps); menus have one to three words a line."""
GOOD_UNITS = 25
"""Words from which a block with sentence ends and function words is running text."""
NEAR_UNITS = 8
"""Words from which a block that ends like a sentence may be text."""
STOP_GOOD = 0.25
"""Stopword share of running text: 30-50 % in every stoplist language; menus and lists of
names are far below."""
STOP_NEAR = 0.15
REPEAT_COST = 50.0
"""What a repeated short block (see ``REPEATED``) costs the region: two paragraphs' worth,
so a list of quotes or cards separated by the same button is not read as one article.
UI phrases ("Share", "Advertisement") are exempt: they repeat inside articles too."""
SHORT_COST = 4.0
"""What a short block costs the main region, on top of its own words. A body split by an
advertisement, a caption or an image credit is rejoined (a few blocks cost less than one
paragraph), while a footer or a comment thread after a long menu gap is not."""
COST_CAP = 15
"""A non-text block costs at most this many words on top of ``SHORT_COST``: a long
newsletter pitch or notice between two paragraphs must not cut the article in two."""
NEAR_WEIGHT = 0.75
MAX_SHORT_RUN = 2
LIST_ITEM_COST = 1.0
LIST_INTRO_UNITS = 3
"""A short block in a list that a text block introduces with a colon costs the region
almost nothing: "The diet allows these foods:" and five items stay with the article. Three
words are enough for an introduction: languages without articles say it in three ("Zakazane
produkty to:", "Что нужно купить:"), while a label ("Publish date:") has one or two."""
"""Inside the region, a short block is the article's (a subheading, a one-line quotation,
a list item) when it sits between text blocks in a run of at most two short blocks; a
longer run of short blocks is a share row, a metadata box or a link list."""
TITLE_BONUS = 30.0
TITLE_REACH = 8
"""What the headline adds to the first text block at most 8 blocks below it: the body
hangs under the headline, so a cookie notice or a comment thread elsewhere on the page
must be longer than the article by this much to be taken for it."""
BOILERPLATE_MIN_HITS = 2
BOILERPLATE_WORDS_PER_HIT = 15
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


@dataclass(frozen=True, slots=True)
class Signals:
    """The plain-text signals of one block."""

    units: float
    marks: int
    ends: bool
    stop: float | None
    caps: float
    lines: int = 1
    colon: bool = False
    """Whether the block is a few words or more ending with a colon: it introduces what
    follows (a list), unlike a label such as "Publish date:"."""


# Searched from the end (``(?r)``), where the match must be.
_COMMENT_AUTHOR = regex.compile(
    r"(?r)\s(?:says|said|wrote|replied|disse|escreveu|dice|scrive|ha scritto|schreibt|schrieb|"
    r"dit|a écrit|dijo|escribió|zei|schreef|napisał|пишет|написал|написала|говорит):?\s*$",
    regex.I,
)
COMMENT_AUTHOR_MAX_WORDS = 12
SNIPPET_MAX_WORDS = 60
"""A block of up to 60 words that ends in "..." or "…" is a teaser snippet cut off by the
site, not a paragraph of the article."""
REPEATED = 3
"""A short block seen this often on one page ("Reply", "Download", "Read more") is the
button of a list's items; between such repeats lie list items, not paragraphs of one
article."""
COMMENT_LOOKAHEAD = 6
"""A comments header ("Comments", "34 responses to ...") ends the article only when a
comment author line ("jane says:") follows within this many blocks: a bare "Comments"
button in a share row is not a thread."""
_AUTHOR_LINE = "comment author line"
_TEASER_HEADER = "teaser list header"
_AFTER_TEASERS = "after a teaser list header"
_COMMENTS_HEADER = regex.compile(
    r"^\W*(?:\d+\s+)?(?:top rated |most recent |reader )?"
    r"(?:comments?|responses?|replies|thoughts? on|reactions?|"
    r"leave a (?:reply|comment)|post a comment|add a comment|join the (?:conversation|discussion)|"
    r"reader comments|kommentare?|commentaires?|comentarios?|comentários|commenti|reacties|"
    r"komentarze|комментари[ийя]\w*)\b",
    regex.I,
)


def _is_comments_header(text: str) -> bool:
    """Whether a UI block opens a comment thread ("34 comments", "Leave a reply").

    >>> _is_comments_header("34 Comments"), _is_comments_header("Share")
    (True, False)
    """
    return "\n" not in text.strip() and bool(_COMMENTS_HEADER.match(text))


# Searched from the end (``(?r)``): the match is at the end of the text, so a long block is
# not scanned from its start.
_ENDS = regex.compile(r"(?r)[.!?…。！？:;][\p{Pf}\"')\]]*\s*$")


def signals(text: str, stops: frozenset[str]) -> Signals:
    """Measure one block. Blocks shorter than ``NEAR_UNITS`` are short whatever their
    words are, so their stopword and capital shares are not measured (``None`` and 0).

    >>> stops = frozenset({"the", "on", "that"})
    >>> s = signals("The minister said on Friday that the plan would go ahead.", stops)
    >>> s.units, s.marks, s.ends, round(s.stop or 0, 2)
    (11.0, 1, True, 0.36)
    """
    return _signals(text, stops, every=True)


def _signals(text: str, stops: frozenset[str], *, every: bool) -> Signals:
    """:func:`signals`; unless ``every``, the capital share is measured only where
    :func:`classify` reads it (0 elsewhere, as for a short block): a one-line block of
    ``UNPUNCTUATED_UNITS`` words or more, with no sentence end and stopwords of running
    text. The share scans the whole text, and most long blocks are paragraphs."""
    units = length_units(text)
    brief = units < NEAR_UNITS
    marks = sentence_marks(text)
    ends = bool(_ENDS.search(text))
    stop = stopword_density(text, stops) if stops and not brief else None
    lines = text.count("\n") + 1 if brief else sum(1 for line in text.split("\n") if line.strip())
    unpunctuated = units >= UNPUNCTUATED_UNITS and lines == 1 and not (marks or ends)
    read = unpunctuated and stop is not None and stop >= UNPUNCTUATED_STOP
    return Signals(
        units=units,
        marks=marks,
        ends=ends,
        stop=stop,
        caps=capitalised_share(text) if not brief and (every or read) else 0.0,
        lines=lines,
        colon=units >= LIST_INTRO_UNITS and text.rstrip().endswith(":"),
    )


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
        return Class.GOOD, f"{sig.units:g} words; {sig.marks} sentence end(s)"
    if sig.units >= NEAR_UNITS and (sig.ends or sig.marks >= 1) and stop_near:
        return Class.NEAR, f"{sig.units:g} words; ends like a sentence"
    unpunctuated = sig.units >= UNPUNCTUATED_UNITS and sig.lines == 1 and sig.caps < 0.5
    if unpunctuated and sig.stop is not None and sig.stop >= UNPUNCTUATED_STOP:
        return Class.NEAR, f"{sig.units:g} words; stopwords {sig.stop:.0%} without a sentence end"
    if sig.lines >= LIST_LINES and sig.units >= LIST_UNITS and sig.units >= LIST_LINE_UNITS * sig.lines:
        return Class.NEAR, f"{sig.units:g} words; a list of {sig.lines} lines"
    why = [f"{sig.units:g} words"]
    if not sig.marks and not sig.ends:
        why.append("no sentence punctuation")
    elif sig.units < NEAR_UNITS:
        why.append("too short for a sentence")
    if sig.stop is not None and not stop_near:
        why.append(f"few function words ({sig.stop:.0%})")
    return Class.SHORT, "; ".join(why)


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


_UI_LINES = (
    (_COUNT, "chrome_count", "a count of comments, shares or reading time"),
    (_DATE_LINE, "date_line", "a bare date"),
    (_TAG_LINE, "tag_line", "a tag or category list"),
)


@per_text
def chrome_reason(line: str, phrases: Lexicon) -> tuple[str, str] | None:
    """``(reason, detail)`` when ``line`` is UI text, else ``None``.

    >>> chrome_reason("Connect with us", Lexicon(("connect with us",)))
    ('chrome_phrase', "UI phrase 'connect with us'")
    >>> chrome_reason("  |  ", Lexicon(()))
    ('separator', 'punctuation only')
    """
    if is_separator(line):
        return ("separator", "punctuation only")
    if _CREDIT_LINE.match(line) and len(line) <= _CREDIT_MAX_CHARS:
        return ("image_credit", "an image or photo credit")
    for pattern, reason, detail in _UI_LINES:
        if pattern.match(line):
            return (reason, detail)
    if phrase := phrases.match(line):
        return ("chrome_phrase", f"UI phrase {phrase!r}")
    return None


_FIXED_SCORES: dict[Class, float | None] = {
    Class.THREAD: None,
    Class.TITLE: 0.0,
    Class.REPEATED: -REPEAT_COST,
}


def _score(cls: Class, sig: Signals) -> float | None:
    """What a block adds to (or costs) the main region; ``None`` for a block no region takes."""
    if cls in _FIXED_SCORES:
        return _FIXED_SCORES[cls]
    if cls is Class.TEASER:
        return -(SHORT_COST + sig.units / 2)
    if cls is Class.GOOD:
        return sig.units
    if cls is Class.NEAR:
        return sig.units * NEAR_WEIGHT
    return -(SHORT_COST + min(sig.units, COST_CAP))


def remove_chrome(doc: Document, config: Config) -> Document:
    """Mark UI blocks and everything outside the main prose region as chrome."""
    language = page_language(doc, config.language)
    languages = (language or "en",)
    phrases = lexicon("chrome", languages, config.extra_chrome)
    stops = stopwords(language)
    boilerplate = _boilerplate(languages)
    candidates = [pos for pos, block in enumerate(doc.blocks) if block.kind in _CANDIDATES]
    measures = [_measure(doc.blocks[pos].text, stops, phrases, boilerplate) for pos in candidates]
    chrome, edits = _ui_lines(doc, candidates, measures)
    if edits:
        doc = doc.edit(NAME, edits)
        edited = {pos for pos, *_ in edits}
        measures = [
            _measure(doc.blocks[pos].text, stops, phrases, boilerplate) if pos in edited else measure
            for pos, measure in zip(candidates, measures, strict=True)
        ]
    ui_blocks = {pos for pos, *_ in chrome}
    blocks = doc.blocks
    repeats = Counter([m.shape for m in measures])
    judged = []
    for pos, (sig, shape, verdict, _ui) in zip(candidates, measures, strict=True):
        block = blocks[pos]
        if block.kind is Kind.TITLE:
            cls, why = Class.TITLE, "headline"
        elif block.kind is Kind.TEASER:
            bare = split_header(block.text, languages)
            cls, why = Class.TEASER, (_TEASER_HEADER if bare and not bare[1] else "teaser")
        elif pos in ui_blocks:
            cls, why = _judge(block.text, sig, ui=True, boilerplate=boilerplate)
        elif _is_repeat(block.text, shape, sig, repeats):
            cls, why = Class.REPEATED, f"short block repeated {repeats[shape]} times on the page"
        else:
            cls, why = verdict
        judged.append((pos, cls, why, sig))
    done = ui_blocks | {pos for pos in candidates if blocks[pos].kind is not Kind.BODY}
    judged = _author_boxes(judged, doc, lexicon("chrome/author_box", languages))
    chrome.extend(_outside_region(_cut_comments(_cut_off_text(judged), ui_blocks), done))
    return doc.reclassify(NAME, chrome)


class _Measure(NamedTuple):
    """What the classifier learns from a block's text alone, whatever page it is on."""

    sig: Signals
    shape: str
    """The text with case, punctuation and numbers folded, to find repeated blocks (:func:`_shape`)."""
    verdict: tuple[Class, str]
    """The class of the text as a body block that is not a UI block (:func:`_judge`)."""
    ui_lines: tuple[tuple[str, str] | None, ...]
    """For each line, why it is UI text (:func:`chrome_reason`), or ``None``."""


@per_text
def _measure(
    text: str, stops: frozenset[str], phrases: Lexicon, boilerplate: _Boilerplate | None
) -> _Measure:
    """Signals, shape, class and UI lines of a block text: everything about a block that
    its neighbours do not change, measured once however often the text comes back."""
    sig = _signals(text, stops, every=False)
    return _Measure(
        sig,
        _shape(text),
        _judge(text, sig, ui=False, boilerplate=boilerplate),
        tuple([chrome_reason(line, phrases) for line in text.split("\n")]),
    )


_CANDIDATES = (Kind.BODY, Kind.TITLE, Kind.TEASER)
"""The kinds of block the classifier looks at: body blocks, teasers, which count for the
region, and the title, its anchor."""


_TEXT = (Class.GOOD, Class.NEAR)
Judged = tuple[int, Class, str, Signals]
"""``(position, class, why, signals)`` of one block the classifier looked at."""
Decision = tuple[int, Kind, str, str]
"""``(position, kind, reason, detail)``, as :meth:`Document.reclassify` takes it."""
Edit = tuple[int, str, str, str]
"""``(position, new text, reason, detail)``, as :meth:`Document.edit` takes it."""


def _ui_lines(
    doc: Document, candidates: list[int], measures: list[_Measure]
) -> tuple[list[Decision], list[Edit]]:
    """Step 1: UI blocks become chrome, UI lines are edited out of mixed blocks.

    Returns the chrome decisions and the edits, for the body blocks among ``candidates``.
    """
    chrome = []
    edits = []
    for pos, measure in zip(candidates, measures, strict=True):
        found = measure.ui_lines
        if not any(found) or doc.blocks[pos].kind is not Kind.BODY:
            continue
        lines = doc.blocks[pos].text.split("\n")
        if all(found):
            reason, detail = found[0] or ("", "")
            if len(lines) > 1:
                detail = f"{len(lines)} UI lines, first: {detail}"
            chrome.append((pos, Kind.CHROME, reason, detail))
        else:
            kept = [line for line, why in zip(lines, found, strict=True) if why is None]
            dropped = [line for line, why in zip(lines, found, strict=True) if why is not None]
            edits.append((pos, "\n".join(kept), "chrome_line", "removed UI line(s): " + " | ".join(dropped)))
    return chrome, edits


def _judge(text: str, sig: Signals, *, ui: bool, boilerplate: _Boilerplate | None) -> tuple[Class, str]:
    """The class of one body block: comment structure and boilerplate first, then signals."""
    if sig.units <= COMMENT_AUTHOR_MAX_WORDS and _is_comments_header(text):
        # Scored like a UI block unless a thread follows (see _cut_comments).
        return Class.BARRIER, "opens the comments"
    if ui:
        return Class.BAD, "UI phrase"
    if sig.units <= COMMENT_AUTHOR_MAX_WORDS and _COMMENT_AUTHOR.search(text):
        return Class.BAD, _AUTHOR_LINE
    if sig.units <= SNIPPET_MAX_WORDS and is_truncated(text):
        return Class.SNIPPET, f"snippet cut off with an ellipsis; {sig.units:g} words"
    if hits := _boilerplate_hits(text, boilerplate, sig.units):
        return Class.BAD, "site boilerplate: " + ", ".join(dict.fromkeys(hits))
    return classify(sig)


AUTHOR_BIO_REACH = 30
"""An author box's bio names the author within its first 30 words."""
_NAME_WORD = regex.compile(r"^\p{Lu}[\p{L}'’.-]*$")


def _author_boxes(judged: list[Judged], doc: Document, headers: Lexicon) -> list[Judged]:
    """An author box after the article is boilerplate: a header "About Jane Doe" (a phrase
    of ``chrome/author_box`` and a name of two to four capitalised words) and the next block
    when its first words name the same person ("Jane Doe is a reporter ...")."""
    out = list(judged)
    for i, (pos, cls, _why, sig) in enumerate(judged[:-1]):
        bio_pos, bio_cls, _bio_why, bio_sig = judged[i + 1]
        if cls is not Class.SHORT or bio_cls not in _TEXT:
            continue
        text = doc.blocks[pos].text.strip()
        if "\n" in text or headers.match(text) is None:
            continue
        tokens = text.split()
        names = (tokens[k:] for k in (1, 2, 3) if 2 <= len(tokens) - k <= 4)
        name = next((n for n in names if all(map(_NAME_WORD.match, n))), None)
        if name is None:
            continue
        opening = " ".join(doc.blocks[bio_pos].text.split()[:AUTHOR_BIO_REACH])
        if " ".join(name) in opening:
            who = " ".join(name)
            out[i] = (pos, Class.BAD, f"author box header ({who})", sig)
            out[i + 1] = (bio_pos, Class.BAD, f"author box: a bio of {who}", bio_sig)
    return out


def _cut_off_text(judged: list[Judged]) -> list[Judged]:
    """Snippets that continue the article are text: the first text block under the headline,
    or a cut-off block right after a text block (a paywall shows the opening that way)."""
    out = list(judged)
    for i, (pos, cls, why, sig) in enumerate(judged):
        if cls is not Class.SNIPPET:
            continue
        after_text = i > 0 and judged[i - 1][1] in _TEXT
        window = judged[max(0, i - TITLE_REACH) : i]
        under_title = any(c is Class.TITLE for _p, c, _w, _s in window) and not any(
            c in _TEXT for _p, c, _w, _s in window
        )
        if after_text or under_title:
            out[i] = (pos, Class.NEAR, f"{why}; continues the text above", sig)
    return out


def _region_scores(judged: list[Judged], listed: list[bool]) -> list[float | None]:
    """Each block's score for the region, the first text block under the headline raised;
    ``listed`` flags the items of introduced lists (see :func:`_introduced`)."""
    scores = [
        -LIST_ITEM_COST if item else _score(cls, sig)
        for (_, cls, _, sig), item in zip(judged, listed, strict=True)
    ]
    for t, (_pos, cls, _why, _sig) in enumerate(judged):
        if cls is not Class.TITLE:
            continue
        reach = range(t + 1, min(len(judged), t + 1 + TITLE_REACH))
        first = next((j for j in reach if judged[j][1] in _TEXT), None)
        if first is not None:
            scores[first] = (scores[first] or 0.0) + TITLE_BONUS
    return scores


def _outside_region(judged: list[Judged], done: set[int]) -> list[Decision]:
    """Chrome decisions for the classified body blocks: the region, then smoothing.

    Blocks in ``done`` are already chrome (UI phrases); they count for the region only.
    """
    if not any(cls in _TEXT for _, cls, _, _ in judged):
        return []
    listed = _introduced(judged)
    span = main_region(_region_scores(judged, listed))
    if span is None:
        return []
    start, end = span
    runs = _short_runs(judged)
    out = []
    for i, (pos, cls, why, _sig) in enumerate(judged):
        if pos in done:
            continue
        if cls is Class.THREAD:
            reason = "teaser_list" if why.startswith(_AFTER_TEASERS) else "comments"
            out.append((pos, Kind.CHROME, reason, why))
        elif i < start or i > end:
            out.append((pos, Kind.CHROME, "outside_main_region", f"outside main prose region; {why}"))
        elif cls in _INSIDE_REASON:
            out.append((pos, Kind.CHROME, _INSIDE_REASON[cls], why))
        elif cls is Class.SHORT:
            if _nearest(judged, i, -1, start) is None or _nearest(judged, i, 1, end) is None:
                out.append((pos, Kind.CHROME, "short_block", f"short block at the region's edge; {why}"))
            elif runs[i] > MAX_SHORT_RUN and not (listed[i] or _opens_list(judged, listed, i)):
                out.append((pos, Kind.CHROME, "short_run", f"one of {runs[i]} short blocks in a row; {why}"))
    return out


_INSIDE_REASON = {
    Class.BAD: "boilerplate",
    Class.REPEATED: "repeated_block",
    Class.SNIPPET: "snippet",
    Class.BARRIER: "comments_header",
}


def _introduced(judged: list[Judged]) -> list[bool]:
    """For each block, whether it is a short block after a text or short block ending in a
    colon ("The diet allows these foods:") with no text between: a list of the article, not
    a link row. One pass, left to right."""
    flags = []
    intro = False
    for _pos, cls, _why, sig in judged:
        if cls in _TEXT:
            flags.append(False)
            intro = sig.colon
            continue
        flags.append(intro and cls is Class.SHORT)
        intro = intro or (cls is Class.SHORT and sig.colon)
    return flags


def _opens_list(judged: list[Judged], listed: list[bool], i: int) -> bool:
    """Whether block ``i`` ends in a colon and the block after it is a listed item."""
    return judged[i][3].colon and i + 1 < len(judged) and listed[i + 1]


def _short_runs(judged: list[Judged]) -> list[int]:
    """For each block, the length of the run of consecutive non-text blocks it is in (0 for text).

    >>> s = Signals(units=1, marks=0, ends=False, stop=None, caps=1.0)
    >>> classes = (Class.GOOD, Class.SHORT, Class.BAD, Class.NEAR)
    >>> _short_runs([(i, c, "", s) for i, c in enumerate(classes)])
    [0, 2, 2, 0]
    """
    runs = [0] * len(judged)
    i = 0
    while i < len(judged):
        if judged[i][1] in _TEXT:
            i += 1
            continue
        j = i
        while j < len(judged) and judged[j][1] not in _TEXT:
            j += 1
        for k in range(i, j):
            runs[k] = j - i
        i = j
    return runs


_DIGITS = regex.compile(r"\d+")
_SENTENCE_END = regex.compile(r"\p{L}[.!?。！？][\p{Pf}\"')\]]*\s*$")
REPEAT_SENTENCE_UNITS = 4
"""A repeated block of four or more words ending in a full stop, "?" or "!" is a sentence
of the article (see :func:`_is_repeat`), not a button."""


def _shape(text: str) -> str:
    """A block's text with case, punctuation and numbers folded ("Rating: 36 Votes" -> "rating 0 votes").

    >>> _shape("Rating:\\n36 Votes") == _shape("Rating: 7 votes")
    True
    """
    return _DIGITS.sub("0", fold(text))


def _is_repeat(text: str, shape: str, sig: Signals, repeats: Counter[str]) -> bool:
    """Whether a short block's ``shape`` recurs ``REPEATED`` times on the page.

    A sentence of several words is exempt: a question or a sentence that recurs ("What
    inspired you?" before each answer of an interview series) is the article's own
    structure, while buttons and labels ("Reply", "Rating: 36 votes") carry no full stop.
    """
    if sig.units >= NEAR_UNITS or not shape or repeats[shape] < REPEATED:
        return False
    return sig.units < REPEAT_SENTENCE_UNITS or not _SENTENCE_END.search(text)


def _cut_comments(judged: list[Judged], ui_blocks: set[int]) -> list[Judged]:
    """Everything after a comments header that follows prose is the thread, not the article;
    so is everything after a teaser list header ("You may also like") that follows prose.

    The header only counts when a thread or list follows it within ``COMMENT_LOOKAHEAD``
    blocks: a comment author line ("jane says:"), or two blocks of a repeated shape ("2 days
    ago", "Rating: 36 votes", the same share row under every card) that are not UI buttons.
    A "Related" box inside the article, followed by one or two links, does not cut it.
    """
    seen_prose = False
    for i, (_pos, cls, why, _sig) in enumerate(judged):
        opens_list = cls is Class.TEASER and why == _TEASER_HEADER
        if (cls is Class.BARRIER or opens_list) and seen_prose:
            ahead = judged[i + 1 : i + 1 + COMMENT_LOOKAHEAD]
            authors = sum(why == _AUTHOR_LINE for _p, _c, why, _s in ahead)
            repeated = sum(c is Class.REPEATED and p not in ui_blocks for p, c, _w, _s in ahead)
            if authors or repeated >= 2 or (opens_list and _cards(ahead)):
                after = _AFTER_TEASERS if opens_list else "after the comments header"
                return judged[: i + 1] + [
                    (pos, Class.THREAD, f"{after}; {why}", sig) for pos, _cls, why, sig in judged[i + 1 :]
                ]
        seen_prose = seen_prose or cls in (Class.GOOD, Class.NEAR)
    return judged


CARD_LABEL_UNITS = 4
"""A card of a teaser list is a name of at most four words and a blurb shorter than a
paragraph of running text (``GOOD_UNITS``)."""


def _cards(ahead: list[Judged]) -> bool:
    """Whether the blocks after a teaser list header are cards: two or more short names and
    two or more short blurbs, with no full paragraph among them ("Related" inside an article
    is followed by one link and then the article's paragraphs)."""
    if any(cls is Class.GOOD for _p, cls, _w, _s in ahead):
        return False
    names = sum(cls is Class.SHORT and sig.units <= CARD_LABEL_UNITS for _p, cls, _w, sig in ahead)
    blurbs = sum(cls is Class.NEAR and sig.units < GOOD_UNITS for _p, cls, _w, sig in ahead)
    return names >= 2 and blurbs >= 2


def _nearest(judged: list[Judged], i: int, step: int, limit: int) -> Class | None:
    """The class of the nearest non-short block from ``i`` towards ``limit``."""
    j = i + step
    while (j <= limit) if step > 0 else (j >= limit):
        cls = judged[j][1]
        if cls is Class.THREAD:
            return None
        if cls not in (Class.SHORT, Class.TITLE):
            return cls
        j += step
    return None


@dataclass(frozen=True, slots=True, eq=False)
class _Boilerplate:
    """The ``chrome/words`` terms of a page's languages (and English)."""

    pattern: regex.Pattern[str]
    """One alternation of the terms, longest first, each a run of whole words."""
    first_words: frozenset[str]
    """The first word of every term. A term is folded words, so a hit in a folded text
    starts at a word that is a term's first word, and hits do not overlap: the words of a
    text that are first words bound its hits from above, and a block with too few of them
    needs no search."""


@lru_cache(maxsize=32)
def _boilerplate(languages: tuple[str, ...]) -> _Boilerplate | None:
    """The boilerplate terms of ``languages`` (and English), ``None`` when there are none."""
    terms = sorted(set(lexicon("chrome/words", languages).exact), key=len, reverse=True)
    if not terms:
        return None
    pattern = regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(t) for t in terms) + r")(?!\w)")
    return _Boilerplate(pattern, frozenset(t.partition(" ")[0] for t in terms))


def _boilerplate_hits(text: str, boilerplate: _Boilerplate | None, units: float) -> list[str]:
    """The boilerplate terms in ``text`` when they are dense enough to call it site text."""
    if boilerplate is None:
        return []
    key = fold(text)
    bound = sum(map(boilerplate.first_words.__contains__, key.split(" ")))
    if bound < BOILERPLATE_MIN_HITS or bound * BOILERPLATE_WORDS_PER_HIT < units:
        return []
    hits = boilerplate.pattern.findall(key)
    if len(hits) >= BOILERPLATE_MIN_HITS and len(hits) * BOILERPLATE_WORDS_PER_HIT >= units:
        return list(hits)
    return []
