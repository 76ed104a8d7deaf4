"""Every public object pickles and comes back equal, so it ships to workers and cluster nodes."""

from __future__ import annotations

import pickle

import pytest

import newsclean
from conftest import FIXTURES

SEED = (FIXTURES / "golden" / "seed.input.txt").read_text(encoding="utf-8")
CONFIG = newsclean.Config(
    keep_quotes=True,
    duplicate_threshold=None,
    language="en",
    skip=frozenset({"split_teasers"}),
    extra_chrome=("Follow us*",),
)


def _objects() -> list[object]:
    article = newsclean.parse(SEED)
    document = article.document
    changes = document.changes
    assert changes, "the seed page should record changes"
    return [
        newsclean.Config(),
        CONFIG,
        article,
        newsclean.parse(SEED, CONFIG),
        article.byline,
        *article.teasers[:1],
        document,
        document.blocks[0],
        changes[0],
        newsclean.Kind.CHROME,
        newsclean.PASSES,
        newsclean.PASSES[0],
    ]


@pytest.mark.parametrize("protocol", [pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL])
def test_public_objects_round_trip(protocol: int) -> None:
    for obj in _objects():
        copy = pickle.loads(pickle.dumps(obj, protocol=protocol))
        assert copy == obj, type(obj).__name__
        assert type(copy) is type(obj)


def test_the_functions_and_a_revived_pipeline_work() -> None:
    for fn in (newsclean.clean, newsclean.parse, newsclean.clean_many, newsclean.clean_records):
        assert pickle.loads(pickle.dumps(fn)) is fn
    passes = pickle.loads(pickle.dumps(newsclean.PASSES))
    assert [p.run for p in passes] == [p.run for p in newsclean.PASSES]
    config = pickle.loads(pickle.dumps(CONFIG))
    assert newsclean.clean(SEED, config) == newsclean.clean(SEED, CONFIG)
    article = pickle.loads(pickle.dumps(newsclean.parse(SEED)))
    assert article.to_dict() == newsclean.parse(SEED).to_dict()
