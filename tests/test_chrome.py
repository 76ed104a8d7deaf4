"""remove_chrome: UI lines, the block classifier, the main prose region and its reasons."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Config, Kind
from newsclean.features import is_plain, is_truncated, length_units, sentence_marks
from newsclean.language import stopwords, tokens
from newsclean.lexicon import Lexicon, lexicon
from newsclean.passes import chrome
from newsclean.passes.chrome import (
    _COMMENT_AUTHOR,
    _COMMENTS_HEADER,
    _UI_LINES,
    BOILERPLATE_MIN_HITS,
    BOILERPLATE_WORDS_PER_HIT,
    Class,
    Signals,
    _boilerplate,
    _boilerplate_hits,
    _indices,
    _is_comment_author,
    _is_comments_header,
    _signals,
    chrome_reason,
    classify,
    main_region,
    signals,
)
from newsclean.text import fold

P1 = (
    "The city council approved the new budget on Monday after a debate that lasted six hours, "
    "and the mayor said the vote showed that the plan had broad support across the parties."
)
P2 = (
    "Under the plan, spending on schools will rise by four percent next year, while the money for "
    "roads and bridges will stay at the level of this year, the finance office said in a statement."
)
P3 = (
    "Critics said the budget did not do enough for housing, and one member of the council said she "
    "would bring the question back to the chamber in the spring, when the first figures are known."
)
MENU = "\n\n".join(["Home", "News", "Local", "Politics", "Business", "Sport", "Weather", "Opinion"])
FOOTER = "\n\n".join(["About us", "Contact", "Careers", "Privacy Policy", "Terms of Use", "© 2019 The Daily"])


def _reasons(text: str, config: Config | None = None) -> dict[str, tuple[str, str]]:
    """Each block's text -> (reason, detail) of its last reclassification, for chrome blocks."""
    article = newsclean.parse(text, config)
    out = {}
    for block in article.document.blocks:
        change = article.document.last_change(block.index)
        if block.kind is Kind.CHROME and change is not None:
            out[block.text] = (change.reason, change.detail)
    return out


def test_menu_and_footer_around_the_article_are_chrome() -> None:
    text = f"{MENU}\n\nBudget passes after long debate\n\n{P1}\n\n{P2}\n\n{P3}\n\n{FOOTER}"
    assert newsclean.clean(text) == f"{P1}\n\n{P2}\n\n{P3}"


def test_a_decision_names_the_signals_that_made_it() -> None:
    text = f"{MENU}\n\n{P1}\n\n{P2}"
    reason, detail = _reasons(text)["Politics"]
    assert reason == "outside_main_region"
    assert "outside main prose region" in detail
    assert "1 words" in detail and "no sentence punctuation" in detail


def test_cookie_notice_is_boilerplate_even_in_sentences() -> None:
    notice = (
        "This website uses cookies to improve your experience. We'll assume you're ok with this, "
        "but you can opt out if you wish. Read our cookie policy and privacy policy."
    )
    text = f"{P1}\n\n{notice}\n\n{P2}"
    reasons = _reasons(text)
    assert reasons[notice][0] == "boilerplate"
    assert "cookies" in reasons[notice][1]
    assert newsclean.clean(text) == f"{P1}\n\n{P2}"


def test_comment_thread_after_the_article_is_cut() -> None:
    comments = "\n\n".join(
        [
            "34 Comments",
            "jane_doe says:",
            "November 19, 2019 at 6:34 am",
            "I think the council got this one right, and the schools really needed the money this year.",
            "citizen42 says:",
            "November 19, 2019 at 6:44 am",
            "Nobody asked the people who actually live here what they wanted from this budget, as usual.",
        ]
    )
    text = f"{P1}\n\n{P2}\n\n{comments}"
    assert newsclean.clean(text) == f"{P1}\n\n{P2}"
    reason, detail = _reasons(text)[
        "Nobody asked the people who actually live here what they wanted from this budget, as usual."
    ]
    assert reason == "comments"
    assert "after the comments header" in detail


SHARE_ROW = "Facebook\nTwitter\nSave"
CARDS = [
    "Our neighbourhood park will get new benches, a fountain and a small stage for concerts in the "
    "summer, and the works start in March if the weather allows it, the parks office said today.",
    "The old market hall reopens after two years of repairs, with more room for local farmers and a "
    "cafe on the upper floor, and the first market day is planned for the last Saturday of the month.",
]


def test_cards_after_a_teaser_list_header_are_cut() -> None:
    # Full-length cards, each under the same share row: the region must not run into them.
    cards = "\n\n".join(f"{SHARE_ROW}\n\n{card}" for card in [*CARDS, P3])
    text = f"{P1}\n\n{P2}\n\nYou may also like\n\n{cards}\n\n{SHARE_ROW}"
    assert newsclean.clean(text) == f"{P1}\n\n{P2}"
    reason, detail = _reasons(text)[CARDS[1]]
    assert reason == "teaser_list"
    assert "after a teaser list header" in detail


def test_cards_after_a_portuguese_teaser_header_are_cut() -> None:
    intro = (
        "A prefeitura anunciou nesta segunda-feira que as obras na praça central vão começar em março, "
        "e que o trânsito na região será desviado durante os quatro meses de trabalho, segundo a nota."
    )
    card = (
        "O mercado municipal volta a abrir depois de dois anos de reformas, com mais espaço para os "
        "produtores da região e um café no andar de cima, e a primeira feira será no último sábado do mês."
    )
    other = (
        "A biblioteca da cidade vai abrir também aos domingos a partir do próximo mês, com uma sala nova "
        "para as crianças e mais computadores para quem precisa estudar ou procurar um emprego."
    )
    row = "Whatsapp\nFacebook\nBaixar\nPin"
    cards = "\n\n".join(f"{row}\n\n{item}" for item in (card, other, card))
    text = f"{intro}\n\nVocê pode gostar...\n\n{cards}\n\n{row}"
    assert newsclean.clean(text, Config(language="pt")) == intro


def test_name_and_blurb_cards_after_a_teaser_list_header_are_cut() -> None:
    cards = [
        "Lemon Tart",
        "A sharp and sweet dessert that takes an hour. Ready in time for dinner.",
        "Pea Soup",
        "A cheap winter soup for a family of four. Freezes well for a week.",
        "Apple Crumble",
        "The classic bake with oats and butter. Serve it warm with cream.",
    ]
    text = f"{P1}\n\n{P2}\n\nMost popular\n\n" + "\n\n".join(cards)
    assert newsclean.clean(text) == f"{P1}\n\n{P2}"
    assert _reasons(text)[cards[3]][0] == "teaser_list"


def test_cards_after_a_russian_teaser_header_are_cut() -> None:
    intro = (
        "Городской совет в понедельник утвердил новый бюджет после долгих споров, и мэр сказал, что "
        "голосование показало широкую поддержку плана среди депутатов всех партий и жителей города."
    )
    cards = [
        "Летний парк",
        "В парке поставят новые скамейки и фонтан. Работы начнутся весной.",
        "Старый рынок",
        "Рынок снова откроется после ремонта. Места хватит всем фермерам.",
        "Новая школа",
        "Школу на окраине достроят к осени. В ней будет большой бассейн.",
    ]
    text = f"{intro}\n\nСамые популярные новости\n\n" + "\n\n".join(cards)
    assert newsclean.clean(text, Config(language="ru")) == intro
    assert _reasons(text, Config(language="ru"))[cards[3]][0] == "teaser_list"


def test_a_related_link_inside_the_article_does_not_cut_it() -> None:
    text = f"{P1}\n\nRelated\n\nCouncil delays vote on parking fees\n\n{P2}\n\n{P3}"
    assert newsclean.clean(text) == f"{P1}\n\n{P2}\n\n{P3}"


def test_a_bare_comments_button_in_a_share_row_does_not_cut_the_article() -> None:
    text = f"{P1}\n\nComments\n\nPrint\n\nEmail\n\n{P2}\n\n{P3}"
    assert newsclean.clean(text) == f"{P1}\n\n{P2}\n\n{P3}"


def test_short_block_between_paragraphs_is_kept() -> None:
    text = f"{P1}\n\nWhat happens next\n\n{P2}"
    assert newsclean.clean(text) == f"{P1}\n\nWhat happens next\n\n{P2}"


def test_a_run_of_short_blocks_inside_the_region_is_chrome() -> None:
    row = "\n\n".join(["Order Reprints", "Print Article", "Text size"])
    text = f"{P1}\n\n{row}\n\n{P2}\n\n{P3}"
    reasons = _reasons(text)
    assert reasons["Print Article"][0] == "short_run"
    assert newsclean.clean(text) == f"{P1}\n\n{P2}\n\n{P3}"


def test_repeated_short_blocks_mark_a_list_not_an_article() -> None:
    items = "\n\n".join(
        f"Quote {i}: be kind to yourself and others, because life is short and love is all.\n\nDownload"
        for i in range(6)
    )
    text = f"{items}\n\n{P1}\n\n{P2}"
    reasons = _reasons(text)
    assert reasons["Download"][0] in {"repeated_block", "outside_main_region"}
    assert newsclean.clean(text) == f"{P1}\n\n{P2}"


def test_truncated_snippets_are_teasers_unless_they_continue_the_text() -> None:
    snippet = "Apple recently launched the new AirPods Pro for $250, but it is already possible to..."
    other = snippet.replace("Apple", "Google")
    text = f"{P1}\n\n{P2}\n\nMore news\n\n{snippet}\n\nAnother headline here\n\n{other}"
    assert newsclean.clean(text) == f"{P1}\n\n{P2}"
    paywalled = f"{P1}\n\n{P2[:-1]}..."
    assert newsclean.clean(f"{paywalled}\n\nSubscribe to read more") == paywalled


def test_a_page_without_sentences_is_left_alone() -> None:
    text = "Rent increases\n\nDeposits\n\nNotice periods"
    assert newsclean.clean(text) == text


@pytest.mark.parametrize("words", [40, 60])
def test_a_prose_paragraph_of_40_words_never_comes_out_empty(words: int) -> None:
    para = " ".join(["the council met again and"] * (words // 5)) + "."
    menus = "\n\n".join(f"Menu item {i}" for i in range(300))
    assert para in newsclean.clean(f"{menus}\n\n{para}\n\n{menus}")


def test_cjk_page_keeps_its_article() -> None:
    body = "政府は火曜日、選挙前に法律を変更しないと発表した。野党はこの決定を批判し、説明を求めた。" * 3
    text = f"ホーム\n\nニュース\n\nスポーツ\n\n{body}\n\nお問い合わせ\n\nプライバシーポリシー"
    assert newsclean.clean(text) == body


def test_language_specific_ui_phrases() -> None:
    body = (
        "Die Regierung hat am Dienstag erklärt, dass sie das Gesetz nicht vor der Wahl ändern wird, "
        "und die Opposition hat die Entscheidung scharf kritisiert, wie aus dem Bericht hervorgeht."
    )
    text = f"Startseite\n\nTeilen\n\n{body}\n\nImpressum\n\nDatenschutz"
    assert newsclean.clean(text) == body
    assert _reasons(text)["Teilen"][0] == "chrome_phrase"


@pytest.mark.parametrize(
    ("units", "marks", "ends", "stop", "expected"),
    [
        (40, 3, True, 0.4, Class.GOOD),
        (40, 3, True, None, Class.GOOD),
        (40, 3, True, 0.05, Class.SHORT),
        (12, 1, True, 0.3, Class.NEAR),
        (12, 0, False, 0.3, Class.SHORT),
        (3, 0, False, 0.0, Class.SHORT),
    ],
)
def test_classify(units: float, marks: int, ends: bool, stop: float | None, expected: Class) -> None:
    cls, why = classify(Signals(units=units, marks=marks, ends=ends, stop=stop, caps=0.1))
    assert cls is expected
    assert f"{units:g} words" in why


def test_classify_reads_a_list_as_text() -> None:
    cls, why = classify(Signals(units=30, marks=0, ends=False, stop=0.1, caps=0.5, lines=5))
    assert cls is Class.NEAR
    assert "list of 5 lines" in why


def test_signals() -> None:
    stops = frozenset({"the", "on", "that"})
    sig = signals("The minister said on Friday that the plan would go ahead.", stops)
    assert (sig.units, sig.marks, sig.ends, sig.lines) == (11.0, 1, True, 1)
    assert sig.stop == pytest.approx(4 / 11)


_PHRASE_WORDS = st.sampled_from(["The", "the", "of", "Home", "News", "and", "2019", "plan", "Sport", "."])


@given(
    words=st.lists(_PHRASE_WORDS, max_size=40),
    end=st.sampled_from(["", ".", ":", "\nMore"]),
)
def test_the_classifier_measures_capitals_and_marks_where_they_decide(words: list[str], end: str) -> None:
    """The classifier's own signals leave out the capital share and the sentence marks
    where they cannot change the class; the class and its detail are those of the full
    signals."""
    stops = frozenset({"the", "of", "and"})
    text = " ".join(words) + end
    measured = _signals(text, fold(text), tokens(fold(text)), length_units(text), stops, every=False)
    assert classify(measured) == classify(signals(text, stops))


_Row = tuple[int, Class, str, float, bool]
_TEXT = (Class.GOOD, Class.NEAR)


def _scores_by_definition(judged: list[_Row]) -> tuple[list[float | None], list[bool]]:
    """The list items and the region scores as the docs define them, one list a step."""
    listed, intro = [], False
    for _p, cls, _w, _u, colon in judged:
        listed.append(intro and cls is Class.SHORT)
        intro = colon if cls in _TEXT else intro or (cls is Class.SHORT and colon)
    fixed = {Class.THREAD: None, Class.TITLE: 0.0, Class.REPEATED: -chrome.REPEAT_COST}
    scores: list[float | None] = []
    for (_p, cls, _w, units, _c), item in zip(judged, listed, strict=True):
        if item:
            scores.append(-chrome.LIST_ITEM_COST)
        elif cls in fixed:
            scores.append(fixed[cls])
        elif cls is Class.TEASER:
            scores.append(-(chrome.SHORT_COST + units / 2))
        elif cls in _TEXT:
            scores.append(units if cls is Class.GOOD else units * chrome.NEAR_WEIGHT)
        else:
            scores.append(-(chrome.SHORT_COST + min(units, chrome.COST_CAP)))
    classes = [cls for _p, cls, _w, _u, _c in judged]
    for t in (t for t, cls in enumerate(classes) if cls is Class.TITLE):
        reach = range(t + 1, min(len(classes), t + 1 + chrome.TITLE_REACH))
        first = next((j for j in reach if classes[j] in _TEXT), None)
        if first is not None:
            scores[first] = (scores[first] or 0.0) + chrome.TITLE_BONUS
    return scores, listed


def _run(classes: list[Class], i: int) -> int:
    """The length of the run of non-text blocks that block ``i`` is in."""
    j, k = i, i
    while j > 0 and classes[j - 1] not in _TEXT:
        j -= 1
    while k + 1 < len(classes) and classes[k + 1] not in _TEXT:
        k += 1
    return k - j + 1


def _has_neighbour(classes: list[Class], i: int, step: int, limit: int) -> bool:
    """Whether a block neither short nor the title lies from ``i`` towards ``limit``, before any thread."""
    j = i + step
    while (j <= limit) if step > 0 else (j >= limit):
        if classes[j] is Class.THREAD:
            return False
        if classes[j] not in (Class.SHORT, Class.TITLE):
            return True
        j += step
    return False


def _region_by_definition(judged: list[_Row], done: set[int]) -> list[tuple[int, Kind, str, str]]:
    """The region's decisions as its docs define them: the scores, the region, and for each
    short block in it its neighbours and the run of non-text blocks it is in."""
    classes = [cls for _p, cls, _w, _u, _c in judged]
    scores, listed = _scores_by_definition(judged)
    span = main_region(scores) if any(cls in _TEXT for cls in classes) else None
    if span is None:
        return []
    start, end = span
    inside = {Class.BAD: "boilerplate", Class.REPEATED: "repeated_block", Class.SNIPPET: "snippet"}
    inside[Class.BARRIER] = "comments_header"
    out = []
    for i, (pos, cls, why, _u, colon) in enumerate(judged):
        if pos in done:
            continue
        if cls is Class.THREAD:
            out.append(
                (pos, Kind.CHROME, "teaser_list" if why.startswith("after a teaser") else "comments", why)
            )
        elif i < start or i > end:
            out.append((pos, Kind.CHROME, "outside_main_region", f"outside main prose region; {why}"))
        elif cls in inside:
            out.append((pos, Kind.CHROME, inside[cls], why))
        elif cls is not Class.SHORT:
            continue
        elif not (_has_neighbour(classes, i, -1, start) and _has_neighbour(classes, i, 1, end)):
            out.append((pos, Kind.CHROME, "short_block", f"short block at the region's edge; {why}"))
        elif _run(classes, i) > chrome.MAX_SHORT_RUN and not (
            listed[i] or (colon and i + 1 < len(judged) and listed[i + 1])
        ):
            out.append(
                (pos, Kind.CHROME, "short_run", f"one of {_run(classes, i)} short blocks in a row; {why}")
            )
    return out


_BLOCKS = st.tuples(
    st.sampled_from(list(Class)),
    st.sampled_from([0.0, 1.0, 3.0, 7.0, 12.5, 20.0, 40.0, 90.0]),
    st.booleans(),
    st.booleans(),
)


@settings(max_examples=500)
@given(blocks=st.lists(_BLOCKS, max_size=30))
def test_the_region_in_one_pass_decides_as_its_definition(
    blocks: list[tuple[Class, float, bool, bool]],
) -> None:
    """The region's steps, fused into two passes over the page (scores, then decisions),
    decide what the definition decides, with the same details."""
    judged = [(pos, cls, f"why {pos}", units, colon) for pos, (cls, units, colon, _done) in enumerate(blocks)]
    done = {pos for pos, (*_rest, is_done) in enumerate(blocks) if is_done}
    columns = chrome._Judged(*(list(column) for column in zip(*judged, strict=True))) if judged else None
    got = chrome._outside_region(columns, done) if columns else []
    assert got == _region_by_definition(judged, done)


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([-1, -1, 5, -2, 4, -9, 3], (2, 4)),
        ([3, None, 1, 1], (0, 0)),
        ([1, None, 5], (2, 2)),
        ([-1, -2], None),
        ([], None),
        ([0.0, 2.0], (1, 1)),
    ],
)
def test_main_region(scores: list[float | None], expected: tuple[int, int] | None) -> None:
    assert main_region(scores) == expected


def test_extra_chrome_phrases_apply() -> None:
    text = f"{P1}\n\nBuy our mugs\n\n{P2}"
    assert "Buy our mugs" not in newsclean.clean(text, Config(extra_chrome=("buy our mugs",)))


def test_skipping_the_pass_keeps_everything() -> None:
    text = f"{MENU}\n\n{P1}"
    assert newsclean.clean(text, Config(skip=frozenset({"remove_chrome"}))).startswith("Home")


def test_a_list_introduced_by_a_colon_is_kept_however_long() -> None:
    items = "\n\n".join(["any fish", "any poultry", "eggs of any kind", "hard cheese", "green vegetables"])
    text = f"{P1}\n\nThe diet allows the following foods:\n\n{items}\n\n{P2}"
    assert newsclean.clean(text) == text


def test_a_three_word_colon_intro_keeps_its_list() -> None:
    # Russian says "What you need to buy:" in three words; the short items after it are the article's.
    intro = (
        "Перед тем как начать готовить, проверьте, что все продукты есть дома, потому что в магазин "
        "посреди работы бегать совсем не хочется, а некоторые из них нужно заранее достать из морозилки."
    )
    items = ["свежая рыба", "две луковицы", "сливочное масло", "немного соли", "пучок укропа"]
    after = (
        "Рыбу нужно промыть и обсушить, лук нарезать кольцами, а масло растопить на сковороде, после чего "
        "всё выложить слоями в форму и поставить в разогретую духовку примерно на сорок минут."
    )
    text = f"{intro}\n\nЧто нужно купить:\n\n" + "\n\n".join(items) + f"\n\n{after}"
    out = newsclean.clean(text, Config(language="ru"))
    assert all(item in out for item in items)


def test_a_question_repeated_before_each_answer_is_kept() -> None:
    question = "What made you start cooking at home?"
    answers = [
        "My grandmother taught me to bake bread when I was a child, and I never stopped, because the smell "
        "of a fresh loaf in the morning is still the best thing I know about any kitchen in the world.",
        "I moved to a town without a single good restaurant, so I had to learn, and after a year of burned "
        "pans and cold soups I found that I liked the work more than the food itself, to be honest.",
        "My doctor told me to eat less salt, and the only way to know what was in my food was to make it "
        "myself, so I bought a cheap pan and a book of simple recipes and just started from the first page.",
    ]
    text = "\n\n".join(f"{question}\n\n{answer}" for answer in answers)
    out = newsclean.clean(f"{P1}\n\n{text}")
    assert out.count(question) == 3
    assert all(answer in out for answer in answers)


PT_BODY = (
    "A prefeitura anunciou nesta segunda-feira que as obras na praça central vão começar em março, e que o "
    "trânsito na região será desviado durante os quatro meses de trabalho, segundo a nota da secretaria.\n\n"
    "Os comerciantes da região disseram que temem perder clientes durante as obras, mas a prefeitura "
    "afirmou que as calçadas vão continuar abertas e que haverá placas para orientar os moradores."
)
DE_BODY = (
    "Der Stadtrat hat am Montag nach einer langen Debatte den neuen Haushalt beschlossen, und der "
    "Bürgermeister sagte, dass die Abstimmung eine breite Unterstützung für den Plan gezeigt habe.\n\n"
    "Nach dem Plan steigen die Ausgaben für die Schulen im nächsten Jahr um vier Prozent, während das "
    "Geld für Straßen und Brücken auf dem Stand dieses Jahres bleibt, wie die Verwaltung mitteilte."
)
PT_BIO = "Jornalista desde 2005, Ana Souza escreve sobre educação e cidades."
DE_BIO = "Als Redakteur schreibt Paul Weber seit Jahren über Politik und Wirtschaft."


# English author boxes are the byline pass's (a bio of the credited author); this rule
# catches the "About <name>" box in every language, byline or not.
@pytest.mark.parametrize(
    ("language", "body", "header", "bio"),
    [("pt", PT_BODY, "Sobre Ana Souza", PT_BIO), ("de", DE_BODY, "Über Paul Weber", DE_BIO)],
)
def test_an_author_box_after_the_article_is_chrome(language: str, body: str, header: str, bio: str) -> None:
    text = f"{body}\n\n{header}\n\n{bio}"
    assert newsclean.clean(text, Config(language=language)) == body
    assert "author box" in _reasons(text, Config(language=language))[bio][1]


def test_about_a_subject_that_the_next_paragraph_does_not_name_is_kept() -> None:
    text = f"{P1}\n\nAbout Green Park\n\n{P2}\n\n{P3}"
    assert newsclean.clean(text) == f"{P1}\n\nAbout Green Park\n\n{P2}\n\n{P3}"


@pytest.mark.parametrize(
    ("line", "is_tags"),
    [
        ("Tags: budget, council, schools", True),
        ("- Tags:", True),
        ("Categoria: Saúde", True),
        ("Теги: бюджет, школы", True),
        ("Schlagwörter: Haushalt, Stadtrat", True),
        ("Tags: the council said on Monday that the plan would go ahead.", False),
        ("Tagged in the photo were the mayor and two members of the council", False),
    ],
)
def test_tag_and_category_lines_are_ui(line: str, is_tags: bool) -> None:
    found = chrome_reason(line, Lexicon(()))
    assert (found is not None and found[0] == "tag_line") is is_tags


@pytest.mark.parametrize(
    ("line", "is_date"),
    [("05/10/2018", True), ("2019-11-20", True), ("20.11.19", True), ("2019", False), ("10/2018 x", False)],
)
def test_a_bare_date_line_is_ui(line: str, is_date: bool) -> None:
    found = chrome_reason(line, Lexicon(()))
    assert (found is not None and found[0] == "date_line") is is_date


_LINE_WORDS = [
    "Photo",
    "IMAGE",
    "source",
    "credit",
    "by",
    "Tags",
    "Теги",
    "category",
    "comments",
    "MIN",
    "min read",
]
_LINE_PARTS = st.sampled_from([*_LINE_WORDS, "k", "12", "3", "2019", "x" * 40, *":()./-|•!? \n\t\u00a0"])


@settings(max_examples=500)
@given(parts=st.lists(_LINE_PARTS, max_size=10))
def test_ui_line_patterns_in_one_alternation_match_as_one_by_one(parts: list[str]) -> None:
    """The one alternation of the UI line patterns names the first pattern that matches,
    as trying them in order does; a credit line is one of at most 80 characters."""
    line = "".join(parts)
    expected = None
    for reason, (detail, pattern) in _UI_LINES.items():
        if regex.match(pattern, line):
            expected = (reason, detail)
            break
    assert chrome_reason(line, Lexicon(())) == expected
    if expected is not None and expected[0] == "image_credit":
        assert len(line) <= 80
    # the credit pattern counts a line's length only after its first word: the same lines
    credit = bool(regex.match(_UI_LINES["image_credit"][1], line))
    assert credit == (len(line) <= 80 and bool(regex.match(f"(?i:{chrome._CREDIT_LINE})", line)))


def test_a_tag_line_is_edited_out_of_the_first_paragraph() -> None:
    text = f"Tags: budget, council\n{P1}\n\n{P2}"
    assert newsclean.clean(text) == f"{P1}\n\n{P2}"


def test_a_trademark_notice_is_boilerplate() -> None:
    notice = (
        "Acme and the Acme logo are registered trademarks of Acme Inc. Other product names are trademarks "
        "of their respective owners and are used here for informational purposes only."
    )
    text = f"{P1}\n\n{P2}\n\n{notice}"
    assert newsclean.clean(text) == f"{P1}\n\n{P2}"
    assert _reasons(text)[notice][0] in ("boilerplate", "outside_main_region")
    assert "site boilerplate" in _reasons(text)[notice][1]


_TERM_WORDS = st.sampled_from(
    [
        "cookie",
        "cookies",
        "policy",
        "privacy",
        "sign",
        "up",
        "in",
        "opt",
        "out",
        "our",
        "site",
        "the",
        "Cookie-",
        "3",
        ".",
        "privacy2",  # one word, but the run of letters "privacy"
        "our_site",
    ]
)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_TERM_WORDS, max_size=40), units=st.integers(min_value=0, max_value=60))
def test_boilerplate_bound_changes_no_hit(words: list[str], units: int) -> None:
    """Skipping the search when too few words start a term gives what the search gives."""
    text = " ".join(words)
    terms = _boilerplate(("en",))
    assert terms is not None
    hits = terms.pattern.findall(fold(text))
    dense = len(hits) >= BOILERPLATE_MIN_HITS and len(hits) * BOILERPLATE_WORDS_PER_HIT >= units
    assert _boilerplate_hits(fold(text), terms, units) == (hits if dense else [])
    # the key's letter tokens stand in for its words
    assert _boilerplate_hits(fold(text), terms, units, tokens(fold(text))) == (hits if dense else [])


def test_every_boilerplate_key_word_is_one_run_of_letters() -> None:
    # what lets a text's letter tokens stand in for its words in the boilerplate bound
    shipped = resources.files("newsclean") / "data" / "chrome" / "words"
    languages = [entry.name.removesuffix(".txt") for entry in shipped.iterdir()]
    assert "en" in languages and len(languages) > 5
    for language in languages:
        terms = _boilerplate((language,))
        assert terms is not None
        assert [word for word in terms.key_words if tokens(word) != [word]] == []


_BLOCK_WORDS = st.sampled_from(
    ["Reply", "2", "days", "ago", "don't", "a'b'c'd", "a", "b", "c", "d", "the", "19"]
)


@settings(max_examples=300, deadline=None)
@given(
    blocks=st.lists(st.lists(_BLOCK_WORDS, max_size=14).map(" ".join), max_size=12), teasers=st.integers(0, 3)
)
@example(blocks=["Reply 2", "a b c d a b c d", "a'b'c'd a'b'c'd", "Reply 19"], teasers=1)
def test_repeats_count_every_shape_a_short_block_has(blocks: list[str], teasers: int) -> None:
    """The shapes of long blocks, teasers and the title are made only where their spaces
    match a short block's shape; every short block's count is that of all shapes."""
    stops = frozenset({"the"})
    measures = [chrome._measure(text, stops, Lexicon(()), None) for text in blocks]
    measures[:teasers] = [None] * min(teasers, len(measures))  # as a teaser or the title
    repeats = chrome._repeats(blocks, measures)
    every = Counter(chrome._shape(fold(text)) for text in blocks)
    for measure in measures:
        if measure is not None and measure.shape is not None:
            assert repeats[measure.shape] == every[measure.shape]


@settings(max_examples=300)
@given(text=st.text(st.sampled_from("aB9 .…!?:;。\"')»\n\u00a0\u2029é日_"), max_size=20))
@example(text="World News")
@example(text="said...  ")
def test_the_shortcuts_of_the_signals_hold(text: str) -> None:
    """A text of letters and spaces holds no sentence mark or end, UI line pattern or
    digit (``_measure_brief`` skips the searches), and a text cut off with an ellipsis
    ends like a sentence (``_judge_text`` looks for the ellipsis only there)."""
    if is_plain(text):
        assert sentence_marks(text) == 0
        assert not chrome._ENDS.search(text)
        assert not chrome._UI_LINE.match(text)
        assert chrome._shape(fold(text)) == fold(text)
    if is_truncated(text):
        assert chrome._ENDS.search(text)


_PLAIN_WORDS = st.sampled_from(
    [
        "Home",
        "World",
        "news",
        "comments",
        "Jane",
        "says",
        "cookies",
        "privacy",
        "policy",
        "ß",
        "Σας",
        "日本",
        "İ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_PLAIN_WORDS, min_size=1, max_size=7), language=st.sampled_from(["en", "de", "ja"]))
@example(words=["Leave", "a", "reply"], language="en")
@example(words=["jane", "says"], language="en")
@example(words=["cookies", "privacy", "policy"], language="en")
def test_a_few_plain_words_are_measured_as_any_text(words: list[str], language: str) -> None:
    """The measure of a few words of letters and spaces, which leaves out the searches they
    cannot match, is the measure of the signals."""
    _assert_measured_as_any_text(" ".join(words), language)


def _assert_measured_as_any_text(text: str, language: str) -> None:
    phrases = lexicon("chrome", (language,))
    boilerplate = chrome._boilerplate((language,))
    stops = stopwords(language)
    units = length_units(text)
    expected = chrome._measure_signals(text, fold(text), stops, phrases, boilerplate, units=units)
    assert chrome._measure(text, stops, phrases, boilerplate) == expected


_BRIEF_PARTS = st.one_of(
    _PLAIN_WORDS,
    st.sampled_from(["Said", "2019", "12", "U.S.", "Photo:", "Tags:", "3 min read", "05/10/2018", "says:"]),
    st.sampled_from([" ", "\n", "...", "…", ".", "!", "?", ":", ";", "|", "-", "(", ")", '"']),
)


@settings(max_examples=500, deadline=None)
@given(parts=st.lists(_BRIEF_PARTS, max_size=16), language=st.sampled_from(["en", "de"]))
@example(parts=["Top", " ", "10", ":"], language="en")
@example(parts=["He", " ", "left", "."], language="en")
@example(parts=["Read", " ", "more", "…"], language="en")
@example(parts=["Photo:", " ", "Jane"], language="en")
def test_a_few_words_are_measured_as_any_text(parts: list[str], language: str) -> None:
    """The measure of a text of fewer than NEAR_UNITS words, which leaves out what cannot
    change its class, is the measure of the signals."""
    text = "".join(parts)
    if length_units(text) < chrome.NEAR_UNITS:
        _assert_measured_as_any_text(text, language)


def _cut_by_definition(judged: chrome._Judged, ui_blocks: set[int]) -> None:
    """The comments cut as its docs define it: the first header after prose that a thread
    or a list follows makes the rest of the page its thread."""
    classes, whys = judged.classes, judged.whys
    seen_prose = False
    for i, (cls, why) in enumerate(zip(classes, whys, strict=True)):
        opens_list = cls is Class.TEASER and why == "teaser list header"
        if (cls is Class.BARRIER or opens_list) and seen_prose:
            ahead = range(i + 1, min(len(classes), i + 1 + chrome.COMMENT_LOOKAHEAD))
            authors = sum(whys[j] == "comment author line" for j in ahead)
            repeated = sum(
                classes[j] is Class.REPEATED and judged.positions[j] not in ui_blocks for j in ahead
            )
            if authors or repeated >= 2 or (opens_list and chrome._cards(judged, ahead)):
                after = "after a teaser list header" if opens_list else "after the comments header"
                for j in range(i + 1, len(classes)):
                    classes[j], whys[j] = Class.THREAD, f"{after}; {whys[j]}"
                return
        seen_prose = seen_prose or cls in _TEXT


@settings(max_examples=500)
@given(
    blocks=st.lists(
        st.tuples(
            st.sampled_from(
                [Class.GOOD, Class.NEAR, Class.SHORT, Class.BARRIER, Class.TEASER, Class.REPEATED]
            ),
            st.sampled_from(["x", "teaser list header", "comment author line"]),
            st.sampled_from([1.0, 4.0, 20.0, 30.0]),
            st.booleans(),
        ),
        max_size=25,
    )
)
def test_the_comments_cut_finds_the_headers_as_a_scan_does(
    blocks: list[tuple[Class, str, float, bool]],
) -> None:
    """The cut looks only at the headers after the first text block (found by list.index),
    and cuts where a scan of every block does."""
    ui = {i for i, (*_rest, is_ui) in enumerate(blocks) if is_ui}

    def judged() -> chrome._Judged:
        return chrome._Judged(
            list(range(len(blocks))),
            [cls for cls, *_ in blocks],
            [why for _c, why, *_ in blocks],
            [units for _c, _w, units, _u in blocks],
            [False] * len(blocks),
        )

    got, expected = judged(), judged()
    chrome._cut_comments(got, ui)
    _cut_by_definition(expected, ui)
    assert got == expected


_COMMENT_PIECES = st.sampled_from(
    [
        *("34", "Comments", "comment", "Top rated", "READER", "Leave a reply", "Replies", "_", "-", "#", ":"),
        *("Jane", "says", "SAID", "wrote:", "ha scritto", "dit", "a écrit", "Комментарии", "пишет", "Share"),
        *(" ", "  ", "\n", "\t", "\x0b", "\x1c", "\u00a0"),
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_COMMENT_PIECES, max_size=8).map("".join))
@example("34 Comments")
@example("- Jane SAID:\x0b")
def test_the_comment_tests_skip_only_what_the_patterns_reject(text: str) -> None:
    # an ASCII block whose first or last word rules a match out is told without a search
    assert _is_comments_header(text) == (bool(_COMMENTS_HEADER.match(text)) and "\n" not in text.strip())
    assert _is_comment_author(text) == bool(_COMMENT_AUTHOR.search(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*Class, True, False]), max_size=30), st.sampled_from([*Class, True]))
def test_indices_are_every_place_of_the_value(items: list[Class | bool], value: Class | bool) -> None:
    assert list(_indices(items, value)) == [i for i, item in enumerate(items) if item == value]
