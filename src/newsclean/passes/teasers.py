"""Pass 5, ``split_teasers``: "You may also like", "Related", "Read more" lists.

A teaser header is a block or line that is a phrase of the ``teasers`` lexicon, alone or
followed by ":" and an item ("Read more: Honda to go electric by 2040"). A header with an
item on the same block is one teaser. A bare header starts a list: the blocks after it are
teasers while they look like items, that is a short section label, a snippet cut off with
an ellipsis, or a short headline-like block; the first block that is none of these (a
paragraph of the article that continues after an inline "Related" box) ends the list.
"""

from __future__ import annotations

from typing import Final

from ..config import Config
from ..features import ends_sentence, is_label, is_separator, is_truncated
from ..language import page_languages
from ..lexicon import Lexicon, lexicon
from ..model import Document, Kind
from ..text import first_key_word, word_count

__all__ = ["split_header", "split_teasers"]

NAME: Final = "split_teasers"

_MAX_ITEM_WORDS: Final = 60
_MAX_HEADLINE_WORDS: Final = 25


def split_header(text: str, languages: tuple[str, ...] = ("en",)) -> tuple[str, str] | None:
    """``(header, rest)`` when ``text`` starts with a teaser header line, else ``None``.

    >>> split_header("You may also like:")
    ('You may also like:', '')
    >>> split_header("Read more: Honda to go electric")
    ('Read more', 'Honda to go electric')
    >>> split_header("Read more about the plan in our report.") is None
    True
    """
    headers = lexicon("teasers", languages)
    return _split_header(text, headers)


def _split_header(text: str, headers: Lexicon) -> tuple[str, str] | None:
    """:func:`split_header` with the lexicon at hand."""
    first, _, rest = text.partition("\n")
    # The label before a colon starts as its line does (or has no word, and matches nothing).
    if first_key_word(first) not in headers.first_words:
        return None
    if headers.match(first):
        return first, rest
    label, colon, item = first.partition(":")
    if colon and item.strip() and headers.match(label):
        return label, (item.strip() + ("\n" + rest if rest else ""))
    return None


def _is_item(text: str, label: bool) -> bool:
    """Whether ``text`` (an :func:`is_label` when ``label``) reads like a list item."""
    count = word_count(text)
    if label or (is_truncated(text) and count <= _MAX_ITEM_WORDS):
        return True
    return (
        count <= _MAX_HEADLINE_WORDS and not ends_sentence(text.rsplit("\n", maxsplit=1)[-1])
    ) or count <= 8


def _item(pos: int, header: str, *, label: bool, above_snippet: bool) -> tuple[int, Kind, str, str]:
    """A list item: a section label when a snippet follows it, else a snippet."""
    if label and above_snippet:
        return (pos, Kind.TEASER, "teaser_section", f"section label of the next item under {header!r}")
    return (pos, Kind.TEASER, "teaser_item", f"listed under {header!r}")


def split_teasers(doc: Document, config: Config) -> Document:
    """Mark teaser headers and the items listed after them."""
    headers = lexicon("teasers", page_languages(doc, config.language))
    body = Kind.BODY  # a local: an enum member looked up on its class costs a property call
    updates = []
    blocks = doc.blocks
    listed = 0  # the blocks before this are items of a list already
    for pos, block in enumerate(blocks):
        if pos < listed or block.kind is not body:
            continue
        header = _split_header(block.text, headers)
        if header is None:
            continue
        name, rest = header
        if rest:
            updates.append((pos, Kind.TEASER, "teaser_inline", f"teaser after header {name!r}"))
            continue
        updates.append((pos, Kind.TEASER, "teaser_header", f"teaser list header {name!r}"))
        listed = pos + 1
        # whether each block of the list is a label, asked once: as an item, and as the
        # block after the one above it
        label = listed < len(blocks) and is_label(blocks[listed].text)
        while listed < len(blocks):
            text = blocks[listed].text
            following = blocks[listed + 1].text if listed + 1 < len(blocks) else ""
            next_label = is_label(following)
            if blocks[listed].kind is body:
                if not (is_separator(text) or _is_item(text, label)):
                    break
                snippet = bool(following) and not next_label
                updates.append(_item(listed, name, label=label, above_snippet=snippet))
            listed += 1
            label = next_label
    return doc.reclassify(NAME, updates)
