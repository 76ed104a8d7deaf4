"""Guess a page's language from its text alone: writing system first, then stopwords.

No model, no network: the script of the letters decides the non-Latin languages (Hangul
is Korean, kana Japanese, Han alone Chinese, Cyrillic Russian), and among Latin-script
languages the one whose stoplist covers most of the page's tokens wins. A page whose
tokens no stoplist covers well is reported as ``None`` and the passes fall back to
language-free signals (punctuation and length).

>>> guess_language("Der Bundestag hat am Freitag über das neue Gesetz abgestimmt, das ist nicht neu.")
'de'
>>> guess_language("Правительство заявило, что это не так и что решение уже принято.")
'ru'
>>> guess_language("정부는 오늘 새로운 정책을 발표했다.")
'ko'
"""

from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache

import regex

from .model import Document
from .text import load_phrases

__all__ = [
    "CJK_LANGUAGES",
    "STOPLIST_LANGUAGES",
    "guess_language",
    "is_cjk",
    "page_language",
    "page_languages",
    "stopwords",
    "tokens",
]

STOPLIST_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "id")
"""Languages with a stoplist in ``newsclean/data/stopwords``."""

CJK_LANGUAGES = frozenset({"ja", "ko", "zh"})
"""Languages written without spaces between words (or with few): counted in characters."""

_SAMPLE_CHARS = 60_000
_MIN_SHARE = 0.06
"""A Latin-script page whose best stoplist covers fewer of its tokens than this has no
stoplist language: running text in any of the stoplist languages is 30-50 % function
words, a menu or a page in another language is far below."""

_MIN_LINE_CHARS = 60

_TOKEN = regex.compile(r"[\p{L}\p{M}]+")
_HANGUL = regex.compile(r"\p{Hangul}")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HAN = regex.compile(r"\p{Han}")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_LATIN = regex.compile(r"\p{Latin}")
_CJK_CHAR = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def tokens(text: str) -> list[str]:
    """Casefolded letter runs; apostrophes and digits split them ("l'homme" -> l, homme).

    >>> tokens("L'homme a dit: 2 fois!")
    ['l', 'homme', 'a', 'dit', 'fois']
    """
    return _TOKEN.findall(text.casefold())


@cache
def stopwords(language: str | None) -> frozenset[str]:
    """The stoplist of ``language`` (empty for a language without one, or ``None``)."""
    if not language:
        return frozenset()
    return frozenset(word for entry in load_phrases(f"stopwords/{language}.txt") for word in entry.split())


def is_cjk(text: str) -> bool:
    """Whether most letters of ``text`` are Chinese, Japanese or Korean characters.

    >>> is_cjk("政府は新しい政策を発表した。"), is_cjk("Tokyo (東京)")
    (True, False)
    """
    cjk = len(_CJK_CHAR.findall(text))
    return cjk > 0 and cjk * 2 >= sum(1 for c in text if c.isalpha())


def _running_text(text: str) -> str:
    """The lines of ``text`` that look like running text (menus are short lines), or all."""
    lines = [line for line in text.splitlines() if len(line) >= _MIN_LINE_CHARS]
    sample = "\n".join(lines)[:_SAMPLE_CHARS]
    return sample if len(sample) >= _MIN_LINE_CHARS * 3 else text[:_SAMPLE_CHARS]


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of the language most of ``text`` is in, or ``None`` when unsure.

    >>> guess_language("The president said on Tuesday that he would not run again.")
    'en'
    >>> guess_language("Home | Sport | Login") is None
    True
    """
    sample = _running_text(text)
    hangul = len(_HANGUL.findall(sample))
    kana = len(_KANA.findall(sample))
    han = len(_HAN.findall(sample))
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    script = max(
        (
            ("ko", hangul),
            ("ja", kana + han if kana else 0),
            ("zh", han if not kana else 0),
            ("ru", cyrillic),
            ("latin", latin),
        ),
        key=lambda item: item[1],
    )
    if script[1] == 0:
        return None
    if script[0] in CJK_LANGUAGES:
        return script[0]
    words = tokens(sample)
    if not words:
        return None
    counts = Counter(words)
    candidates = ("ru",) if script[0] == "ru" else tuple(x for x in STOPLIST_LANGUAGES if x != "ru")
    best, share = None, 0.0
    for lang in candidates:
        stops = stopwords(lang)
        hits = sum(n for word, n in counts.items() if word in stops)
        if hits / len(words) > share:
            best, share = lang, hits / len(words)
    return best if share >= _MIN_SHARE else None


@lru_cache(maxsize=16)
def _guess_cached(text: str) -> str | None:
    return guess_language(text)


def page_language(doc: Document, configured: str | None = None) -> str | None:
    """The page's language: ``configured`` (``Config.language``) when set, else a guess.

    The guess reads the blocks as segmented (``Block.original``), which no pass edits, so
    every pass that asks gets the same answer and the guess is made once per page.
    """
    if configured:
        return configured
    return _guess_cached("\n".join(b.original or b.text for b in doc.blocks))


def page_languages(doc: Document, configured: str | None = None) -> tuple[str, ...]:
    """The languages whose lexicons apply to ``doc`` (English when none is known).

    English is always added by the lexicon loader too, since English UI text appears on
    pages in every language.
    """
    language = page_language(doc, configured)
    return (language,) if language else ("en",)
