"""newsclean: turn the plain text a scraper got from a news page into a clean article.

>>> import newsclean
>>> newsclean.clean("Menu\\n\\nThe council approved the budget on Monday after a long debate.")
'The council approved the budget on Monday after a long debate.'
"""

from __future__ import annotations

from .article import Article, Byline, Teaser, body_text
from .batch import clean_many, clean_records, parse_many
from .config import Config
from .explain import explain
from .model import Block, Change, Document, Kind
from .passes import PASSES, Pass
from .pipeline import run

__all__ = [
    "PASSES",
    "Article",
    "Block",
    "Byline",
    "Change",
    "Config",
    "Document",
    "Kind",
    "Pass",
    "Teaser",
    "__version__",
    "clean",
    "clean_many",
    "clean_records",
    "explain",
    "parse",
    "parse_many",
]

__version__ = "0.1.0"

_DEFAULT = Config()


def parse(text: str, config: Config | None = None) -> Article:
    """Clean ``text`` and return the structured :class:`Article`.

    Raises ``TypeError`` for anything but ``str`` (decode bytes first).
    """
    return Article.from_document(run(text, config or _DEFAULT))


def clean(text: str, config: Config | None = None) -> str:
    """The article body of ``text``: paragraphs separated by one blank line (the ``body``
    of :func:`parse`, without reading the rest of the article off the document)."""
    return body_text(run(text, config or _DEFAULT))
