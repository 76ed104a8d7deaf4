"""Run the pass registry over a text. Knows the order, none of the passes' details."""

from __future__ import annotations

from .config import Config
from .model import Document
from .passes import PASSES
from .segment import segment

__all__ = ["run"]


def run(text: str, config: Config) -> Document:
    """Segment ``text`` and apply every pass not in ``config.skip``, in registry order."""
    if not isinstance(text, str):
        if isinstance(text, (bytes, bytearray, memoryview)):
            raise TypeError(
                "newsclean takes str, not bytes: decode the input first, e.g. data.decode('utf-8')"
            )
        raise TypeError(f"newsclean takes str, not {type(text).__name__}")
    unknown = config.skip - {p.name for p in PASSES}
    if unknown:
        names = ", ".join(p.name for p in PASSES)
        raise ValueError(f"unknown pass(es) to skip: {', '.join(sorted(unknown))} (passes: {names})")
    doc = segment(text)
    for step in PASSES:
        if step.name not in config.skip:
            doc = step.run(doc, config)
    return doc
