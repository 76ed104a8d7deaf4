"""Bylines: the line reader (labels, names, dates) and the page-level choice of the byline.

Tables, one pattern per row: what must become an author, what must never become one, what
must stay in the body.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from conftest import BODY, FIXTURES, HEADLINE
from newsclean.credits import (
    _DATE_LEAD,
    _LABELS,
    _NOT_AUTHOR,
    _TAIL_CUT,
    _ascii_label_re,
    _date_re,
    _label_re,
    _may_hold,
    _phrase_keys,
    _split_at_label,
    deglue,
    is_agency,
    is_agency_or_box_label,
    is_box_label,
    is_date_line,
    is_name,
    iso_date,
    label_split,
    read_names,
)
from newsclean.model import Block, Document, Kind
from newsclean.passes.byline import (
    _AGENCY,
    _BUTTON_OR_ROLE,
    _CREDIT,
    _DATE,
    _JOINER,
    _OTHER,
    _SEPARATED,
    _SEPARATOR,
    Credit,
    _candidates,
    _Lines,
    _lines,
    _may_credit,
    _reach,
    _searched,
    _side,
    parse_credit,
)
from newsclean.text import load_phrases, words


def page(*head: str, tail: tuple[str, ...] = (), chrome: tuple[str, ...] = ("Home", "News", "Sport")) -> str:
    """A flattened page: menu blocks, the headline, ``head`` blocks, the body, ``tail``."""
    return "\n\n".join([*chrome, HEADLINE, *head, *BODY, *tail]) + "\n"


def authors(text: str) -> list[str]:
    return list(newsclean.parse(text).byline.authors)


# --- one byline text on its own ------------------------------------------------------------

CREDITS = [
    ("By Jane Doe", ["Jane Doe"], None),
    ("BY JANE DOE", ["JANE DOE"], None),
    ("by Jane Doe and John Roe", ["Jane Doe", "John Roe"], None),
    ("By Jane Doe, John Roe and Ann Lee", ["Jane Doe", "John Roe", "Ann Lee"], None),
    ("Written by Jane Doe", ["Jane Doe"], None),
    ("Words by Jane Doe", ["Jane Doe"], None),
    ("Posted by Jane Doe", ["Jane Doe"], None),
    ("Reporting by Jane Doe; Editing by John Roe", ["Jane Doe"], None),
    ("Jane Doe | Staff Writer", ["Jane Doe"], None),
    ("By Jane Doe, Reuters", ["Jane Doe"], "Reuters"),
    ("By Jane Doe\nMarch 18, 2019 at 3:57 PM", ["Jane Doe"], None),
    ("By\nJane Doe\nand\nJohn Roe", ["Jane Doe", "John Roe"], None),
    ("By Jane Doe, Senior Staff Technologist, Speech Project", ["Jane Doe"], None),
    ("By Jane Doe Follow @janedoe", ["Jane Doe"], None),
    ("By Jane Doe (reporting) and John Roe (photography)", ["Jane Doe"], None),
    ("By Michiel B. de Jong", ["Michiel B. de Jong"], None),
    ("By Anne-Marie O'Neil", ["Anne-Marie O'Neil"], None),
    ("// By Jane Doe • Nov 11, 2020", ["Jane Doe"], None),
    ("Tuesday 15 October 2019 by Jane Doe", ["Jane Doe"], None),
    ("Posted on Tuesday 15 October 2019 at 09:11 by Jane Doe.", ["Jane Doe"], None),
    ("AFP\nWritten By", [], "AFP"),
    ("By AFP", [], "AFP"),
    ("Von Hans Müller und Eva Schmidt", ["Hans Müller", "Eva Schmidt"], None),
    (
        "Par Martin Dupont (avec Claire Petit et Luc Moreau)",
        ["Martin Dupont", "Claire Petit", "Luc Moreau"],
        None,
    ),
    (
        "Par Alexandre Martin et Jérémy Roux — 24 novembre 2017 à 18:42",
        ["Alexandre Martin", "Jérémy Roux"],
        None,
    ),
    ("Por César Salazar", ["César Salazar"], None),
    ("Di Mario Rossi e Giulia Bianchi", ["Mario Rossi", "Giulia Bianchi"], None),
    ("Por Ana Souza e João Lima", ["Ana Souza", "João Lima"], None),
    ("Door Jan de Vries en Eva Bakker", ["Jan de Vries", "Eva Bakker"], None),
    ("Przez Anna Kowalska", ["Anna Kowalska"], None),
    ("Autor: Anna Kowalska", ["Anna Kowalska"], None),
    ("Le Monde | 04.05.2015 à 13h36 | Par Martin Dupont", ["Martin Dupont"], None),
]


@pytest.mark.parametrize(("text", "names", "agency"), CREDITS)
def test_parse_credit(text: str, names: list[str], agency: str | None) -> None:
    credit = parse_credit(text)
    assert credit is not None
    assert credit.authors == names
    assert credit.agency == agency


NOT_BYLINES = [
    "By the end of the year, prices rose.",
    "By Monday, the council had agreed to hold a public hearing.",
    "Photo by Jane Doe",
    "Edited by John Roe",
    "Reviewed by John Roe, MD",
    "Powered by WordPress",
    "Sponsored by Acme Corp",
    "Shot by police officers on Tuesday night",
]


@pytest.mark.parametrize("text", NOT_BYLINES)
def test_not_a_byline(text: str) -> None:
    credit = parse_credit(text)
    assert credit is None or credit.authors == []


# --- names are names ----------------------------------------------------------------------

NON_NAMES = [
    "Follow",
    "Email the author",
    "View profile",
    "More articles by Jane Doe",
    "March 18, 2019",
    "3:57 PM",
    "Staff Writer",
    "jane.doe@example.com",
    "@janedoe",
    "The Washington Post",
    "Share on Facebook",
    "Sign in",
    "Getty Images",
    "Updated",
    "Health News",
]


@pytest.mark.parametrize("text", NON_NAMES)
def test_never_a_name(text: str) -> None:
    assert not is_name(text)


@pytest.mark.parametrize("text", NON_NAMES)
def test_never_an_author_after_a_label(text: str) -> None:
    found = read_names(text)
    assert found is None or text not in found.names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Jane Doe Follow", ["Jane Doe"]),
        ("Jane Doe, @janedoe", ["Jane Doe"]),
        ("Jane Doe jane.doe@example.com", ["Jane Doe"]),
        ("Jane Doe March 18 at 3:57 PM", ["Jane Doe"]),
        ("Jane Doe and Jane Doe", ["Jane Doe"]),
        ("ABBY GOODNOUGH", ["ABBY GOODNOUGH"]),
        ("Jane Doe View profile", ["Jane Doe"]),
    ],
)
def test_names_are_cleaned(text: str, names: list[str]) -> None:
    found = read_names(text)
    assert found is not None
    assert found.names == names


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe", ("", "By", "Jane Doe")),
        ("Written by Jane Doe", ("", "Written by", "Jane Doe")),
        ("Tuesday 15 October 2019 by Jane Doe", ("Tuesday 15 October 2019", "by", "Jane Doe")),
        ("The road was built by Jane Doe", None),
        ("Photo by Jane Doe", None),
    ],
)
def test_label_split(line: str, expected: tuple[str, str, str] | None) -> None:
    assert label_split(line) == expected


# --- dates ----------------------------------------------------------------------------------

DATES = [
    ("March 18, 2019 at 3:57 PM", "2019-03-18T15:57"),
    ("JAN. 13, 2017", "2017-01-13"),
    ("Sept. 25, 2018", "2018-09-25"),
    ("Published Thu 27 Jul 2017", "2017-07-27"),
    ("2013-09-29", "2013-09-29"),
    ("05.05.2015 à 20h13", "2015-05-05T20:13"),
    ("1 de diciembre de 2017", "2017-12-01"),
    ("24 novembre 2017 à 18:42", "2017-11-24T18:42"),
    ("27. März 2019", "2019-03-27"),
    ("3 maggio 2020", "2020-05-03"),
    ("12 de março de 2021", "2021-03-12"),
    ("4 mei 2018", "2018-05-04"),
    ("7 lipca 2016", "2016-07-07"),
    ("25/12/2015", "2015-12-25"),
    ("12/25/2015", "2015-12-25"),
    ("04/05/2015", None),  # day and month could be either way round
    ("March 18 at 3:57 PM", None),  # no year
    ("9/11/13 10:00AM", None),  # two-digit year
    ("yesterday", None),
    ("February 30, 2019", None),  # no such day
]


@pytest.mark.parametrize(("text", "iso"), DATES)
def test_iso_date(text: str, iso: str | None) -> None:
    assert iso_date(text) == iso


# --- bylines on whole pages -----------------------------------------------------------------

PAGES = [
    ("labelled", page("By Jane Doe"), ["Jane Doe"]),
    ("bare by, name on the next line", page("By\nJane Doe\nMarch 18, 2019"), ["Jane Doe"]),
    ("bare by, name in the next block", page("By", "Jane Doe", "March 18, 2019"), ["Jane Doe"]),
    ("split over lines with and", page("By\nJane Doe\nand\nJohn Roe"), ["Jane Doe", "John Roe"]),
    ("name with a date under the headline", page("Jane Doe", "March 18, 2019"), ["Jane Doe"]),
    ("name with a role under the headline", page("Jane Doe", "Staff Writer"), ["Jane Doe"]),
    ("name and date on one line", page("Jane Doe - Apr 16, 2015 8:02 pm UTC"), ["Jane Doe"]),
    ("name with a follow button", page("Jane Doe\nFollow"), ["Jane Doe"]),
    ("name and handle", page("Jane Doe, @janedoe"), ["Jane Doe"]),
    ("pipe role", page("Jane Doe | Staff Writer"), ["Jane Doe"]),
    ("name and agency", page("Jane Doe, Reuters"), ["Jane Doe"]),
    ("two names and a date", page("Jane Doe and John Roe", "March 3, 2020"), ["Jane Doe", "John Roe"]),
    ("posted by … on date", page("Posted by Jane Doe on March 3, 2020"), ["Jane Doe"]),
    ("par … le date", page("Par Jean Dupont le 3 mars 2020"), ["Jean Dupont"]),
    ("words by", page("Words by Jane Doe"), ["Jane Doe"]),
    ("all caps", page("By\nABBY GOODNOUGH\nJAN. 13, 2017"), ["ABBY GOODNOUGH"]),
    ("german", page("Von Hans Müller"), ["Hans Müller"]),
    (
        "french",
        page("Par\nMartin Dupont\n(avec Claire Petit et Luc Moreau)"),
        ["Martin Dupont", "Claire Petit", "Luc Moreau"],
    ),
    ("spanish", page("por", "César Salazar", "1 de diciembre de 2017"), ["César Salazar"]),
    ("italian", page("Di Mario Rossi"), ["Mario Rossi"]),
    ("portuguese", page("Por Ana Souza"), ["Ana Souza"]),
    ("dutch", page("Door Jan de Vries"), ["Jan de Vries"]),
    ("polish", page("Autor: Anna Kowalska"), ["Anna Kowalska"]),
    ("at the end", page(tail=("Reporting by Jane Doe; Editing by John Roe",)), ["Jane Doe"]),
    (
        "author box at the end",
        page(tail=("About the author", "Jane Doe", "Jane Doe is a reporter covering housing.")),
        ["Jane Doe"],
    ),
]


@pytest.mark.parametrize(("text", "names"), [pytest.param(t, n, id=i) for i, t, n in PAGES])
def test_byline_on_a_page(text: str, names: list[str]) -> None:
    assert authors(text) == names


def test_agency_alone_goes_to_agency_not_authors() -> None:
    article = newsclean.parse(page(tail=("AFP",)))
    assert article.byline.authors == ()
    assert article.byline.agency == "AFP"


def test_agency_next_to_a_person_is_kept_apart() -> None:
    article = newsclean.parse(page("By Jane Doe, Reuters"))
    assert article.byline.authors == ("Jane Doe",)
    assert article.byline.agency == "Reuters"


def test_date_next_to_the_byline() -> None:
    article = newsclean.parse(page("By Jane Doe", "Published March 18, 2019 at 3:57 PM"))
    assert article.byline.date == "Published March 18, 2019 at 3:57 PM"
    assert article.byline.date_iso == "2019-03-18T15:57"


def test_date_without_year_has_no_iso_form() -> None:
    article = newsclean.parse(page("By\nJane Doe\nMarch 18 at 3:57 PM"))
    assert article.byline.date == "March 18 at 3:57 PM"
    assert article.byline.date_iso is None


def test_the_byline_nearest_the_article_wins() -> None:
    teasers = ("Other story about the weather today", "By Ann Lee", "Another story on sport", "By Bob Stone")
    text = page("By Jane Doe", tail=teasers)
    assert authors(text) == ["Jane Doe"]


def test_bio_after_the_body() -> None:
    bio = "Jane Doe is a housing reporter for the Daily Example and covers city hall."
    article = newsclean.parse(page("By Jane Doe", tail=(bio,)))
    assert article.byline.bio == bio
    assert bio not in article.body


@pytest.mark.parametrize(
    "line",
    [
        "Palm Bay (1-0):\nTolivert 25 points. Davis 17 points. Burgher 10 points.",  # a results list
        "Jane Doe (2019):\nThe minister said the plan would go ahead.",
    ],
)
def test_a_name_that_introduces_a_list_is_not_a_byline(line: str) -> None:
    assert authors(page(line)) == []


def test_names_in_menus_and_captions_are_not_authors() -> None:
    text = page("Jane Doe / Getty Images", chrome=("Home", "Donald Trump", "Boris Johnson", "Weather"))
    assert authors(text) == []


@pytest.mark.parametrize(
    "paragraph",
    [
        "By Monday, the council had agreed to hold a public hearing on the plans for the road.",
        "Written by hand, the letters were found in a box in the attic of the old house.",
        "Jane Doe is a housing campaigner who has opposed the plan for years, she said on Friday.",
    ],
)
def test_body_paragraphs_are_never_eaten(paragraph: str) -> None:
    text = "\n\n".join([HEADLINE, BODY[0], paragraph, *BODY[1:]]) + "\n"
    assert paragraph in newsclean.clean(text)


def test_byline_blocks_are_recorded_with_their_credit() -> None:
    doc = newsclean.parse(page("By\nJane Doe\nMarch 18, 2019")).document
    change = next(c for c in doc.changes if c.reason == "byline")
    assert change.step == "split_byline"
    assert "Jane Doe" in change.detail


# --- flattener artefacts and fallbacks -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("by Jane Doe22 Dec 2016651", ["Jane Doe"]),  # text nodes glued together
        ("By Jane Doe@janedoe Updated Jul 24, 2018, 2:15pm EDT", ["Jane Doe"]),
        ("Jane Doe 1 day ago", ["Jane Doe"]),
    ],
)
def test_glued_and_relative(text: str, names: list[str]) -> None:
    found = read_names(text.removeprefix("by ").removeprefix("By "), labelled=False)
    assert found is not None
    assert found.names == names


def test_name_with_a_glued_agency_and_date_under_the_headline() -> None:
    assert authors(page("JANE DOE", "Associated PressDecember 2, 2016")) == ["JANE DOE"]


def test_name_with_a_relative_time_in_another_language() -> None:
    assert authors(page("Jana Nováková", "před 2 hodinami")) == ["Jana Nováková"]


def test_name_and_date_signing_the_end_of_the_body() -> None:
    assert authors(page(tail=("Jane Doe\n—\n2013-09-29",))) == ["Jane Doe"]


@pytest.mark.parametrize(
    ("credit", "names"),
    [
        ("© Jane Doe 2016-2020", ["Jane Doe"]),
        ("© 2019 Example Media Ltd. All rights reserved.", []),
        ("Copyright 2019 Agence France-Presse. All rights reserved.", []),
    ],
)
def test_copyright_owner_when_no_byline(credit: str, names: list[str]) -> None:
    assert authors(page(tail=(credit,))) == names


def test_copyright_owner_does_not_override_a_byline() -> None:
    assert authors(page("By John Roe", tail=("© Jane Doe 2016-2020",))) == ["John Roe"]


# --- golden pages: fixtures/bylines/<name>.input.txt -> <name>.expected.json ------------------

GOLDEN = sorted((FIXTURES / "bylines").glob("*.input.txt"))


@pytest.mark.parametrize("path", GOLDEN, ids=[p.name.removesuffix(".input.txt") for p in GOLDEN])
def test_golden_byline(path: Path) -> None:
    expected = json.loads(
        path.with_name(path.name.replace(".input.txt", ".expected.json")).read_text("utf-8")
    )
    article = newsclean.parse(path.read_text(encoding="utf-8"))
    byline = article.to_dict()["byline"]
    got = {key: byline[key] for key in ("authors", "agency", "date", "date_iso")}
    assert {**got, "title": article.title} == expected


def test_golden_pages_exist() -> None:
    assert len(GOLDEN) >= 5


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t-|,/•·ab—–", max_size=16))
def test_linear_separator_patterns_match_their_plain_definitions(text: str) -> None:
    """The possessive, run-anchored patterns split and cut exactly like the plain ones."""
    assert _SEPARATED.split(text) == regex.split(r"\s*(?:[|•·/—–,]|\s-\s)\s*", text)
    assert _TAIL_CUT.sub("", text) == regex.sub(r"\s+(?:[|•·/—–]|-\s|//)\s*.*$", "", text)


_LEAD_PARTS = [" ", "\t", "on", "le", "a", "o", "dnia", "de", "del", "x", "Jane", "à"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LEAD_PARTS), max_size=12))
def test_date_lead_matched_from_the_end_cuts_like_the_plain_pattern(parts: list[str]) -> None:
    text = "".join(parts)
    plain = r"(?:\s+(?:on|at|le|am|um|el|il|em|op|w|dnia|de|del|du|den|à|a|o))+$"
    assert _DATE_LEAD.sub("", text) == regex.sub(plain, "", text)


_DATE_PARTS = [" ", "  ", "\t", ".", ",", "de", "1", "18", "2019", "st", "ﬆ", "th", "x", "AUGUﬆ", "März"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*_DATE_PARTS, "march", "MARCH", "Sept", "juin", "ma"]), max_size=10))
def test_date_pattern_finds_what_it_finds_without_its_lookahead(parts: list[str]) -> None:
    """The lookahead that turns words down before the month names are tried changes no
    match (case-folded spellings and ligatures included)."""
    text = "".join(parts)
    pattern = _date_re().compiled
    plain = regex.compile(pattern.pattern.replace(r"(?=\p{L}+\.?\s+\d)", ""), pattern.flags)
    assert plain.pattern != pattern.pattern
    found, expected = pattern.search(text), plain.search(text)
    assert (found and found.regs) == (expected and expected.regs)


_LABEL_PARTS = [
    *(w for p in load_phrases(_LABELS) for w in p.split()),
    *(p.upper() for p in load_phrases(_LABELS)[:10]),
    *" \t\x0b\x1c:@.'-|",
    "Jane",
    "x",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LABEL_PARTS), max_size=8))
def test_the_ascii_label_pattern_finds_what_the_label_pattern_finds(parts: list[str]) -> None:
    line = " ".join(parts) if len(parts) % 2 else "".join(parts)
    if line.isascii():
        found = [(m.span(), m["label"]) for m in _ascii_label_re().finditer(line)]
        assert found == [(m.span(), m["label"]) for m in _label_re().finditer(line)]


# --- fast paths find what the plain definitions find ---------------------------------------

_LINES = [
    "By",
    "By Jane Doe",
    "Jane Doe",
    "John Roe",
    "and",
    "|",
    "AFP",
    "March 18, 2019",
    "8h ago",
    "Staff Writer",
    "Follow",
    "(with Ann Lee)",
    "About the author",
    "World News",
    "Tuesday 15 October 2019 by Jane Doe",
    "The committee met on Tuesday and agreed on the budget.",
]
_KINDS = [Kind.BODY, Kind.BODY, Kind.BODY, Kind.TEASER, Kind.TITLE, Kind.CHROME]


@st.composite
def _documents(draw: st.DrawFn) -> Document:
    blocks = draw(
        st.lists(
            st.tuples(st.lists(st.sampled_from(_LINES), min_size=1, max_size=3), st.sampled_from(_KINDS)),
            max_size=45,
        )
    )
    return Document(tuple(Block(n, "\n".join(lines), kind) for n, (lines, kind) in enumerate(blocks)))


@settings(max_examples=300, deadline=None)
@given(_documents(), st.data())
def test_candidates_read_from_the_reachable_blocks_only_are_the_same(
    doc: Document, data: st.DataObject
) -> None:
    """Reading only the blocks a candidate in ``within`` can reach (``_reach``) finds the
    candidates that reading every searched block finds, on the same lines."""
    searched = _searched(doc)
    within = set(data.draw(st.lists(st.sampled_from(searched)) if searched else st.just([])))

    def found(lines: _Lines) -> list[tuple[str, list[tuple[int, int]], Credit, bool]]:
        return [
            (c.kind, [(lines.pos[i], lines.n[i]) for i in c.lines], c.credit, c.supported)
            for c in _candidates(lines, within)
        ]

    assert found(_lines(doc, _reach(within, searched))) == found(_lines(doc, searched))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["by", "By", "par", "İ", "ı", "von", " ", "|", "Jane", "Doe", "2019", "ſ"])))
def test_label_split_answers_like_its_worker(parts: list[str]) -> None:
    """The cheap label-word test only answers lines where the full reading finds no label."""
    line = " ".join(parts)
    assert label_split(line) == _split_at_label(line)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("and", _JOINER),
        ("&", _JOINER),
        ("|", _SEPARATOR),
        ("March 18, 2019", _DATE),
        ("AFP", _AGENCY),
        ("Follow", _BUTTON_OR_ROLE),
        ("Staff Writer", _BUTTON_OR_ROLE),
        ("World News", _OTHER),
    ],
)
def test_side_of_a_line_under_a_candidate(text: str, side: int) -> None:
    assert _side(text) == side


_CREDIT_PARTS = ["copyright", "Copyright", "COPYRIGHT", "©", "(c) ", "(C)", "c", "x"]
_CREDIT_PARTS += [" ", "\n", "\t", "\xa0", "\x1c", "\u2003"]  # spaces, one that regex's \s is not


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_CREDIT_PARTS), max_size=5).map("".join), max_size=6))
def test_blocks_a_credit_may_start_hold_every_credit_line(texts: list[str]) -> None:
    """The C-level scan keeps every block that the credit pattern matches, in order."""
    blocks = tuple(Block(n, text) for n, text in enumerate(texts))
    kept = list(_may_credit(blocks))
    assert kept == sorted(kept)
    assert {p for p, text in enumerate(texts) if _CREDIT.match(text)} <= set(kept)


# characters that case-insensitive matching relates to the letters of the phrase words
_CASED = ["İ", "ı", "ß", "ẞ", "ſ", "\u212a", "ﬆ", "ﬅ", "Ł", "É", "Ó", "Ü", "Ę", "Ç", "Ã", "\u0307", "X", "é"]


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from([_LABELS, _NOT_AUTHOR]),
    st.data(),
    st.lists(st.tuples(st.integers(0, 12), st.integers(1, 2), st.sampled_from(_CASED)), max_size=3),
)
def test_phrase_word_test_lets_through_every_match(
    name: str, data: st.DataObject, swaps: list[tuple[int, int, str]]
) -> None:
    """A text that the phrase-word regex matches passes the cheap test, whatever characters
    that fold to the word's letters it is written with."""
    word = data.draw(st.sampled_from(sorted(_phrase_keys(name)[0])))
    for at, width, char in swaps:
        word = word[:at] + char + word[at + width :]
    text = f"é {word.upper()} x"
    if _phrase_keys(name)[1].search(text):
        assert _may_hold(text, name)
    if _phrase_keys(name)[1].search(word):
        assert _may_hold(word, name)


@pytest.mark.parametrize("line", ["AFP", "(Reuters)", "About the author", "Über den Autor", "Jane Doe", ""])
def test_agency_or_box_label_in_one_look_up(line: str) -> None:
    assert is_agency_or_box_label(line) == (is_agency(line) is not None or is_box_label(line))


_GLUE_PARTS = ["Jane", "DoeDec", "May", "22", "aB", "ab", "é", ".", "\n", " ", "'", "’s"]


@given(st.lists(st.sampled_from(_GLUE_PARTS), max_size=20))
def test_deglue_keeps_what_is_date_line_tests_before_it(parts: list[str]) -> None:
    """is_date_line turns a line down before deglue when it has a line break, a final
    period or too many words: deglue keeps the first two and never lowers the word count."""
    text = "".join(parts)
    glued = deglue(text)
    assert ("\n" in glued, glued.endswith(".")) == ("\n" in text, text.endswith("."))
    assert len(words(glued)) >= len(words(text))


def test_a_long_line_with_a_digit_is_no_date_line() -> None:
    assert is_date_line("Updated March 18, 2019 at 3:57 PM")
    assert not is_date_line("Jane Doe wrote 3 books about the long war and its aftermath over many years")
