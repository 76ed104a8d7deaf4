"""One frozen, keyword-only configuration object holding every default and its reason."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Config"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Every setting newsclean has. ``None`` means "off" wherever it is allowed.

    Attributes:
        keep_quotes: keep curly quotes and apostrophes in the output. Off by default because
            scraped text mixes both styles, and downstream tokenisers and deduplicators
            treat ``'`` and ``’`` as different characters. Comparison keys are folded
            either way.
        duplicate_threshold: rapidfuzz ``ratio`` (0-100) at or above which a block is a
            near-duplicate of an earlier one. 90 catches a body re-printed with other
            quotes, dashes or a fixed typo, while two different sentences about the same
            event rarely reach it. ``None`` turns near-duplicate search off (exact copies are
            still found).
        duplicate_min_chars: blocks whose folded text is shorter than this are never
            treated as duplicates: section labels ("World"), short quotations and one-line
            answers legitimately repeat inside an article.
        language: ISO 639-1 code of the page's language, or ``None`` to guess it from the
            text.
        skip: names of passes not to run (see ``newsclean.PASSES``).
        extra_chrome: additional UI phrases, matched like the built-in lexicon (whole
            short blocks or lines, case and punctuation folded; a trailing ``*`` allows up
            to three more words).
    """

    keep_quotes: bool = False
    duplicate_threshold: float | None = 90.0
    duplicate_min_chars: int = 40
    language: str | None = None
    skip: frozenset[str] = field(default_factory=frozenset)
    extra_chrome: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.duplicate_threshold is not None and not 0 < self.duplicate_threshold <= 100:
            raise ValueError("duplicate_threshold must be in (0, 100] or None")
        if self.duplicate_min_chars < 1:
            raise ValueError("duplicate_min_chars must be at least 1")
        if not isinstance(self.skip, frozenset):
            object.__setattr__(self, "skip", frozenset(self.skip))
        if not isinstance(self.extra_chrome, tuple):
            object.__setattr__(self, "extra_chrome", tuple(self.extra_chrome))
