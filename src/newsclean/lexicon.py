"""Phrase lexicons kept as data (``newsclean/data``) and the matching rules for them.

A phrase matches a whole line, never text inside a sentence: the line is folded (case,
quotes, punctuation, spacing) and compared with the folded phrase. A phrase ending in
``*`` also matches when up to three more words follow it ("share on *" matches "Share on
WhatsApp"). Lexicons are per language; English is always loaded, since English UI text
appears on pages in every language.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from .text import fold, load_phrases

__all__ = ["Lexicon", "lexicon"]

_WILDCARD_WORDS: Final = 3


class Lexicon:
    """A set of folded phrases, exact and prefix-with-wildcard."""

    def __init__(self, phrases: tuple[str, ...]) -> None:
        self.exact = frozenset(p for p in phrases if not p.endswith(" *"))
        self.prefixes = frozenset(p[:-2] for p in phrases if p.endswith(" *"))
        self.first_words = frozenset(p.partition(" ")[0] for p in self.exact | self.prefixes)
        """The first word of every phrase: a line whose folded first word is none of them
        matches no phrase, so most lines are turned down with one look-up."""

    def __len__(self) -> int:
        return len(self.exact) + len(self.prefixes)

    def match(self, line: str) -> str | None:
        """The phrase that ``line`` is, or ``None``.

        >>> Lexicon(("share on *", "menu")).match("Share on WhatsApp")
        'share on *'
        >>> Lexicon(("share on *",)).match("Share on the news that the king has died") is None
        True
        """
        key = fold(line)
        if not key:
            return None
        if key.partition(" ")[0] not in self.first_words:
            return None
        if key in self.exact:
            return key
        tokens = key.split()
        for size in range(max(1, len(tokens) - _WILDCARD_WORDS), len(tokens) + 1):
            head = " ".join(tokens[:size])
            if head in self.prefixes:
                return head + " *"
        return None


@lru_cache(maxsize=64)
def lexicon(kind: str, languages: tuple[str, ...] = ("en",), extra: tuple[str, ...] = ()) -> Lexicon:
    """The ``kind`` lexicon ("chrome", "teasers", ...) for ``languages`` plus ``extra``."""
    phrases: list[str] = []
    for lang in dict.fromkeys(("en", *languages)):
        phrases.extend(load_phrases(f"{kind}/{lang}.txt"))
    phrases.extend(fold(p.rstrip("*")) + (" *" if p.endswith("*") else "") for p in extra)
    return Lexicon(tuple(phrases))
