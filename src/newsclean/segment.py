"""Text to blocks and back: one block per blank-line paragraph, nothing lost."""

from __future__ import annotations

from .model import Block, Document

__all__ = ["join", "segment"]


def segment(text: str) -> Document:
    """Split ``text`` into blocks at blank lines.

    Every non-blank line lands in exactly one block, in order, so joining the blocks gives
    back the input up to whitespace.

    >>> [b.text for b in segment("Title\\n\\nFirst line\\nsecond line\\n\\n\\n").blocks]
    ['Title', 'First line\\nsecond line']
    """
    blocks: list[Block] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip():
            current.append(line)
        elif current:
            body = "\n".join(current)
            blocks.append(Block(len(blocks), body, original=body))
            current = []
    if current:
        body = "\n".join(current)
        blocks.append(Block(len(blocks), body, original=body))
    return Document(tuple(blocks))


def join(blocks: list[Block]) -> str:
    """The texts of ``blocks`` separated by one blank line."""
    return "\n\n".join(b.text for b in blocks if b.text)
