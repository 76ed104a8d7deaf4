"""language: script detection, stopword overlap, the cached page guess, stoplist data."""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsclean import Config, parse
from newsclean.language import (
    _LATIN,
    _NON_LATIN_SCRIPT,
    _NOT_CYRILLIC,
    _NOT_HAN,
    _NOT_HANGUL,
    _NOT_KANA,
    _NOT_LATIN,
    _OUTSIDE_LATIN_PAGES,
    _SAMPLE_CHARS,
    STOPLIST_LANGUAGES,
    _guess_blocks,
    _other_script,
    _running_letters,
    _running_lines,
    _running_texts,
    _stop_counts,
    _unpacked,
    _unquoted,
    guess_language,
    is_cjk,
    page_language,
    page_languages,
    stopwords,
    tokens,
)
from newsclean.segment import segment
from newsclean.text import PUNCTUATION


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The government said on Tuesday that it would not change the law before the election.", "en"),
        ("Die Regierung hat am Dienstag erklärt, dass sie das Gesetz nicht vor der Wahl ändern wird.", "de"),
        ("Le gouvernement a déclaré mardi qu'il ne changerait pas la loi avant les élections.", "fr"),
        ("El gobierno dijo el martes que no cambiará la ley antes de las elecciones, según el diario.", "es"),
        ("Il governo ha detto martedì che non cambierà la legge prima delle elezioni, dice.", "it"),
        ("O governo disse na terça-feira que não vai mudar a lei antes das eleições, disse.", "pt"),
        ("De regering zei dinsdag dat zij de wet niet voor de verkiezingen zal veranderen.", "nl"),
        ("Rząd poinformował we wtorek, że nie zmieni prawa przed wyborami, ale to nie jest pewne.", "pl"),
        ("Правительство заявило во вторник, что не будет менять закон до выборов, и это не шутка.", "ru"),
        ("Pemerintah mengatakan pada hari Selasa bahwa mereka tidak akan mengubah undang-undang itu.", "id"),
        ("政府は火曜日、選挙前に法律を変更しないと発表した。", "ja"),
        ("政府周二表示，在选举前不会修改法律。", "zh"),
        ("정부는 화요일 선거 전에 법을 바꾸지 않겠다고 밝혔다.", "ko"),
    ],
)
def test_guesses_the_language_of_running_text(text: str, expected: str) -> None:
    assert guess_language(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "12 345 678", "Home | World | Sport | Login", "• — |"])
def test_no_guess_without_running_text(text: str) -> None:
    assert guess_language(text) is None


def test_prose_outweighs_an_english_menu() -> None:
    menu = "\n".join(["Home", "News", "Sport", "Contact us", "Login", "Subscribe"] * 20)
    prose = (
        "Die Regierung hat am Dienstag erklärt, dass sie das Gesetz nicht vor der Wahl ändern wird. "
        "Die Opposition kritisierte die Entscheidung und sprach von einem Fehler, der sich rächen werde."
    )
    assert guess_language(f"{menu}\n\n{prose}") == "de"


def test_tokens_split_apostrophes_and_drop_digits() -> None:
    assert tokens("L'homme a dit: 2 fois!") == ["l", "homme", "a", "dit", "fois"]


def test_every_stoplist_language_has_a_stoplist() -> None:
    for lang in STOPLIST_LANGUAGES:
        words = stopwords(lang)
        assert len(words) >= 60, lang
        assert all(" " not in w and w == w.casefold() for w in words), lang


def test_unknown_language_has_an_empty_stoplist() -> None:
    assert stopwords(None) == frozenset()
    assert stopwords("xx") == frozenset()


@pytest.mark.parametrize(
    ("text", "expected"), [("政府は発表した。", True), ("Tokyo (東京)", False), ("", False)]
)
def test_is_cjk(text: str, expected: bool) -> None:
    assert is_cjk(text) is expected


def test_config_language_wins_over_the_guess() -> None:
    doc = segment("The government said on Tuesday that it would not change the law before the vote.")
    assert page_language(doc) == "en"
    assert page_language(doc, "de") == "de"
    assert page_languages(doc, "de") == ("de",)


def test_page_languages_falls_back_to_english() -> None:
    assert page_languages(segment("12 | 34")) == ("en",)


def test_parse_accepts_a_configured_language() -> None:
    text = "Die Regierung hat am Dienstag erklärt, dass sie das Gesetz nicht ändern wird, sagte er."
    assert parse(text, Config(language="de")).body == text


def test_the_latin_page_shortcut_skips_no_letter_of_another_script() -> None:
    # guess_language skips counting scripts when no character lies outside these ranges.
    inside = "".join(chr(c) for c in range(0x2C00) if not _OUTSIDE_LATIN_PAGES.match(chr(c)))
    assert len(inside) > 0x1000
    assert _NON_LATIN_SCRIPT.search(inside) is None


def test_line_counts_add_up_to_the_page_guess() -> None:
    lines = ["The minister said the plan would be delayed until the spring.", "Der Plan wird verschoben."]
    page = "\n".join(lines * 5)
    assert guess_language(page) == guess_language(page + "\n" + page) == "en"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZé ,.\n1日本語ひらカナ한국어Русский\u0301\u3000", max_size=40))
def test_removing_the_other_characters_counts_a_scripts_letters(text: str) -> None:
    for others, letters in [
        (_NOT_HAN, r"\p{Han}"),
        (_NOT_KANA, r"[\p{Hiragana}\p{Katakana}]"),
        (_NOT_HANGUL, r"\p{Hangul}"),
        (_NOT_CYRILLIC, r"\p{Cyrillic}"),
        (_NOT_LATIN, r"\p{Latin}"),
    ]:
        assert len(others.sub("", text)) == len(regex.findall(letters, text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_tokens_of_ascii_text_are_the_letter_runs(text: str) -> None:
    everything = "".join(map(chr, range(128)))
    for ascii_text in (text, everything, " ".join(everything)):
        assert tokens(ascii_text) == regex.findall(r"[\p{L}\p{M}]+", ascii_text.casefold())


def test_the_punctuation_read_the_ascii_way_is_no_part_of_a_token() -> None:
    assert regex.search(r"[\p{L}\p{M}]", PUNCTUATION + PUNCTUATION.casefold()) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZé ,.'\n1\u0301" + PUNCTUATION, max_size=60))
def test_tokens_are_the_letter_runs(text: str) -> None:
    assert tokens(text) == regex.findall(r"[\p{L}\p{M}]+", text.casefold())


_SOME_STOPWORDS = sorted(set().union(*(sorted(stopwords(lang))[:15] for lang in STOPLIST_LANGUAGES)))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_SOME_STOPWORDS, "zebra", "Der", "42", "’", "—"]), max_size=200))
def test_packed_counts_are_each_stoplists_count(pieces: list[str]) -> None:
    line = " ".join(pieces)
    total, packed = _stop_counts(line)
    found = tokens(line)
    assert total == len(found)
    assert _unpacked(packed) == [sum(w in stopwords(lang) for w in found) for lang in STOPLIST_LANGUAGES]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "word",
                "Wörter",
                "слово",
                "日本",
                "l'été",
                '"',
                "'",
                " ",
                "\n",
                "\r\n",
                "\u2028",
                "2",
                *PUNCTUATION,
            ]
        ),
        max_size=80,
    )
)
@example(pieces=["2 ", "\u2014"] * 15)  # a long line without a letter
def test_the_running_measure_of_the_unquoted_text_is_what_the_guess_reads(pieces: list[str]) -> None:
    # the guess measures the unquoted text, which must read as the guess reads the text
    # itself: its lines of running text, their tokens and stopword counts, their scripts
    text = "".join(pieces) * 3
    lines = [line for line in text.splitlines() if len(line) >= 60]
    counts = [_stop_counts(line) for line in lines]
    expected = (
        len(lines),
        sum(map(len, lines)),
        sum(count for count, _ in counts),
        sum(packed for _, packed in counts),
        any(_LATIN.search(line) for line in lines),
        any(map(_other_script, lines)),
    )
    assert tuple(_running_lines.__wrapped__(_unquoted(text))) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["word ", "слово ", "日本", "ひらがな", "한국어", "l'été", "“", "\n", "\u2028", "2"]),
        max_size=80,
    )
)
def test_a_blocks_script_letters_are_those_of_its_running_lines(pieces: list[str]) -> None:
    # what the page guess adds up a block at a time: the letters of each script in the
    # block's lines of running text, read from its unquoted text
    text = "".join(pieces) * 3
    running = "\n".join(line for line in text.splitlines() if len(line) >= 60)
    expected = tuple(
        len(regex.findall(letters, running))
        for letters in (
            r"\p{Hangul}",
            r"[\p{Hiragana}\p{Katakana}]",
            r"\p{Han}",
            r"\p{Cyrillic}",
            r"\p{Latin}",
        )
    )
    assert _running_letters.__wrapped__(_unquoted(text)) == expected


_LINES = [
    "The minister said on Tuesday that the plan would be delayed until the spring.",
    "Der Minister sagte am Dienstag, dass der Plan bis zum Frühjahr verschoben werde.",
    "Министр заявил во вторник, что план будет отложен до весны, и это не шутка.",
    "“It’s not over,” she said — and the crowd, which had waited for hours, cheered…",
    "Home | News | Sport",
    "日本語の文章がここにあります。日本語の文章がここにあります。日本語の文章です。",
    "x" * 70,
    "",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_LINES), max_size=4).flatmap(
            lambda lines: st.sampled_from(["\n", "\r\n", "\u2028", "\r"]).map(lambda br: br.join(lines))
        ),
        max_size=12,
    ),
    st.integers(min_value=1, max_value=40),
)
def test_the_page_guess_is_the_guess_of_the_joined_blocks(texts: list[str], repeats: int) -> None:
    # Summing what each block holds (lines of running text, their counts and scripts) gives
    # what guess_language reads of the page; repeating the blocks also passes the sample's
    # length bound, where the page is read as one text.
    for blocks in (texts, texts * repeats * 20):
        assert _guess_blocks.__wrapped__(tuple(blocks)) == guess_language("\n".join(blocks))
    # the length of the sample, which decides how the page is read, is counted exactly
    running = [line for text in texts for line in text.splitlines() if len(line) >= 60]
    counts = list(map(_running_lines, _running_texts(texts)))
    assert sum(c.lines for c in counts) == len(running)
    assert sum(c.chars for c in counts) == sum(map(len, running))
    assert len("\n".join(_LINES) * 40 * 20) > _SAMPLE_CHARS  # the repeats pass the bound
