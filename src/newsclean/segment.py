"""Text to blocks and back: one block per blank-line paragraph, nothing lost."""

from __future__ import annotations

from .model import Block, Document, Kind

__all__ = ["is_block_text", "join", "segment"]


def segment(text: str) -> Document:
    """Split ``text`` into blocks at blank lines.

    Every non-blank line lands in exactly one block, in order, so joining the blocks gives
    back the input up to whitespace.

    >>> [b.text for b in segment("Title\\n\\nFirst line\\nsecond line\\n\\n\\n").blocks]
    ['Title', 'First line\\nsecond line']
    """
    blocks: list[Block] = []
    current: list[str] = []
    body = Kind.BODY
    for line in text.splitlines():
        if line.strip():
            current.append(line)
        elif current:
            paragraph = "\n".join(current)
            blocks.append(Block(len(blocks), paragraph, body, paragraph))
            current = []
    if current:
        paragraph = "\n".join(current)
        blocks.append(Block(len(blocks), paragraph, body, paragraph))
    return Document(tuple(blocks))


def join(blocks: list[Block]) -> str:
    """The texts of ``blocks`` separated by one blank line."""
    return "\n\n".join(b.text for b in blocks if b.text)


def is_block_text(text: str) -> bool:
    """Whether ``text`` segments into one block of exactly this text: it is not empty and
    its lines are not blank and end in ``\\n`` alone. Blocks of such texts join and
    segment back into themselves, so a caller holding them need not do either.

    >>> is_block_text("First line\\nsecond line"), is_block_text("a\\n\\nb"), is_block_text("a\\r\\nb")
    (True, False, False)
    """
    lines = text.splitlines()
    return bool(lines) and "\n".join(lines) == text and all(line.strip() for line in lines)
