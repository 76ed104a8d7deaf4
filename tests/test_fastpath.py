"""The speed paths change no result: each is checked against the slow, obviously right code.

* :func:`newsclean.passes.normalize.repair` against plain ``ftfy.fix_and_explain`` (and
  ``ftfy.fix_text`` for one-line texts) on a generated corpus of mojibake, entities,
  control characters and ftfy-style cases, and on random strings of risky characters;
* the mojibake pre-check against ftfy's ``BADNESS_RE`` itself;
* ``normalize_spaces`` and ``fold`` against their original definitions;
* :func:`newsclean.text.per_text` caches short texts only.
"""

from __future__ import annotations

import html
import itertools
import random

import ftfy
import ftfy.bad_codecs  # registers the sloppy-windows-* codecs
import pytest
import regex
from ftfy.badness import BADNESS_RE
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import text as text_module
from newsclean.passes import normalize
from newsclean.passes.normalize import normalize_spaces, repair

# Clean text in many scripts, with the typography news pages use.
BASES = [
    "The Kremlin on Wednesday confirmed that Kim will visit “soon”, officials said.",
    "It’s the company’s ‘best’ quarter — revenue rose 12% to €4.5bn (£3.9bn) … analysts said.",
    "Temperatures hit 40°C; the index fell ±2½ points × 3. © 2024 Reuters™ • All rights reserved",
    "Le président a déclaré à l’Élysée : « C’est une journée très spéciale », août, hôtel, où.",
    "Die Bundesstraße in München wurde für Fußgänger gesperrt, sagte Jürgen Müller.",
    "El niño pidió una canción en español; ¿dónde está? ¡Qué año!",
    "Zażółć gęślą jaźń — Łódź, Kraków i Gdańsk; ŁÓDŹ.",
    "Přílišně žluťoučký kůň úpěl ďábelské ódy. Šťastný nový rok.",
    "Москва заявила, что переговоры «продолжатся», — сообщил Пётр Иванов. ВІКІ",
    "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία. ΑΘΗΝΑ",
    "Türkiye’de İstanbul ve Ağrı’da şiddetli yağış bekleniyor; ÇĞİÖŞÜ.",
    "Hà Nội: Thủ tướng yêu cầu các bộ, ngành khẩn trương triển khai.",
    "東京都は新型ウイルスの対策を発表した。「安全が第一だ」と述べた。",
    "北京市政府周三表示，将加强空气质量监测。",
    "قال المتحدث باسم الحكومة إن الاجتماع سيعقد الأسبوع المقبل.",
    "נתניהו אמר כי הממשלה תדון בהצעה בשבוע הבא.",
    "प्रधानमंत्री ने कहा कि सरकार किसानों की मदद करेगी।",
    "서울시는 새로운 교통 정책을 발표했다.",
    "Family: 👨\u200d👩\u200d👧 and flags 🇫🇷 — emoji ✔ ❤️ 🎉",
    "HÅØYA ER BLÅØYD; AHÅ™ sofa; a radius of 10 Å—; NICIODATĂ™ and TRANSFORMATORIŲ™.",
    "I'm not such a fan of Charlotte Brontë…” said the 3½-year-old; !YO SÉ¡",
    "Prices: 5¢, ¥300, ₧, 10‰, ¶ 3 § 4, ª º, ¬ ¦ ¤ ¨ ¯ ¸ ˆ ˇ ˘ ˛ ˜ † ‡ ◊ ƒ",
    "Box │┌┐┘├┤┬┼═║╔╗╚╝ ▀▄█▌▐░▒▓ and math √ ∞ ≈ ≠ ≤ ≥ ∂ ∆ ∏ ∑ ∩ ∫ № ⁄",
    "Ō¬o (kaomoji) ПоздравЂаво and Ã’s in mojibake text",
    "plain ascii text with no problems at all, 2024-05-01.",
]

ENCODINGS = [
    "latin-1",
    "sloppy-windows-1252",
    "windows-1252",
    "sloppy-windows-1250",
    "sloppy-windows-1251",
    "sloppy-windows-1253",
    "sloppy-windows-1257",
    "mac_roman",
    "cp437",
    "iso-8859-2",
]

EXTRAS = [
    "&amp; &lt;tag&gt; &eacute; &EACUTE; P&EACUTE;REZ &nTILDE; &#8217; &#x2019; &hellip; &nbsp;",
    "AT&T; this&not that; &unknownentity; &#; &#99999999; &#xD800; &amp",
    "<b>bold</b> &amp; entities stay when there is a tag",
    "ctrl\x00\x01\x02\x07\x08 tab\tvt\x0b ff\x0c cr\r lf esc\x1b[31mred\x1b[0m del\x7f",
    "c1 \x80\x81\x85\x8d\x91\x92\x93\x94\x96\x97\x9f end",
    "arabic controls \u206a\u206f bom\ufeff annotations \ufff9\ufffa\ufffb obj\ufffc",
    "line\u2028separator\u2029paragraph\r\nwindows\rmac",
    "ligatures ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ and æ œ Œ",
    "fullwidth ＬＯＵＤ　ＮＯＩＳＥＳ and halfwidth ｶﾀｶﾅ",
    "surrogates \ud83d\udca9 lone \ud800 and \udc00 reversed \udca9\ud83d",
    "combining e\u0301 a\u0308 n\u0303 Å vs A\u030a, Hangul \u1100\u1161",
    "replacement � and ? in â€œlossy decodingâ€� and Ã? and Ã",
    "voilÃ  le travail, voilÃ le travail, Ã¥klagarmyndighets, HÃ”TEL, CÃ™IS, OÃ™ ET QUAND?",
    "quotes \u02bc \u2018 \u2019 \u201a \u201b \u201c \u201d \u201e \u201f \u2032 \u00b4 `",
    "spaces a\u00a0b\u2009c\u202fd\u3000e\u200bf\u00adg\u2060h",
    "",
    " ",
    "\n\n",
]


def _wrongly_decoded(text: str, encoding: str) -> str | None:
    try:
        return text.encode("utf-8").decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def corpus() -> list[str]:
    """Clean texts, their mojibake in every encoding (once and twice), entity-escaped and
    control-character variants, mixtures, and hand-made ftfy-style cases."""
    rng = random.Random(20240501)
    texts: list[str] = [*BASES, *EXTRAS]
    for base in BASES:
        for enc in ENCODINGS:
            once = _wrongly_decoded(base, enc)
            if once is None:
                continue
            texts.append(once)
            twice = _wrongly_decoded(once, enc)
            if twice is not None:
                texts.append(twice)
            # Mojibake next to correct text, and with a byte lost to a space or "?".
            texts.append(base + " " + once)
            texts.append(once.replace("\u00a0", " "))
            if len(once) > 10:
                cut = rng.randrange(len(once))
                texts.append(once[:cut] + "?" + once[cut + 1 :])
        texts.append(html.escape(base))
        texts.append(base.encode("ascii", "xmlcharrefreplace").decode("ascii"))
        texts.append(html.escape(base).upper())
        texts.append(base.replace(" ", "\u00a0"))
        texts.append(base + "\n" + base.upper() + "\r\n" + base.lower())
    for _ in range(300):
        picked = rng.sample(texts, 2)
        mixed = picked[0][: rng.randrange(1, 80)] + rng.choice(["", " ", "\n", "&"]) + picked[1][:60]
        texts.append(mixed)
    return list(dict.fromkeys(texts))


CORPUS = corpus()


def _reference(text: str, *, uncurl: bool) -> tuple[str, list[str]]:
    fixed, steps = ftfy.fix_and_explain(text, ftfy.TextFixerConfig(uncurl_quotes=uncurl))
    return fixed, [param for _, param in steps or []]


def test_corpus_is_large_and_mostly_broken() -> None:
    assert len(CORPUS) > 900
    changed = sum(ftfy.fix_text(t) != t for t in CORPUS)
    assert changed > len(CORPUS) // 2


@pytest.mark.parametrize("uncurl", [True, False])
def test_repair_is_ftfy_fix_and_explain(uncurl: bool) -> None:
    mismatches = [t for t in CORPUS if repair(t, uncurl=uncurl) != _reference(t, uncurl=uncurl)]
    assert mismatches == []


@pytest.mark.parametrize("uncurl", [True, False])
def test_repair_is_ftfy_fix_text_on_one_line(uncurl: bool) -> None:
    config = ftfy.TextFixerConfig(uncurl_quotes=uncurl)
    lines = [t for t in CORPUS if not regex.search(r"[\n\r\u2028\u2029\x85\x0b\x0c\x1c-\x1e]", t)]
    assert len(lines) > 500
    assert [t for t in lines if repair(t, uncurl=uncurl)[0] != ftfy.fix_text(t, config)] == []


# Characters around every branch of the pre-check: ASCII, entities, quotes, mojibake
# categories, controls, ligatures, widths, combining marks, surrogates.
_RISKY = (
    "aZ09 .,;:!?'\"&#x;<>\n\t\r\x00\x1b\x7f\x80\x85\x9d\xa0\xad"
    "ÂÃÎÐØÙàâãéêëïôöüßñÀÉÈÑ×÷°±²³µ¶·»«¡¿©®™€£¥¢¤¦§¨¬¯¸ºª"
    "‘’‚‛“”„‟′″´`ʼ–—―…•‰†‡ƒˆ˜ŒœŠšŽžŸ"
    "ВГРСвЂΒΓΞΟβ√≈∂◊ﬁﬂＡ　ｶ\u0301\u0308\u2028\u206a\ufeff\ufffd\ud83d\udca9"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_RISKY, max_size=40), st.booleans())
def test_repair_is_ftfy_on_risky_strings(text: str, uncurl: bool) -> None:
    assert repair(text, uncurl=uncurl) == _reference(text, uncurl=uncurl)


def test_mojibake_precheck_reads_ftfys_pattern() -> None:
    chars = normalize._mojibake_chars()
    assert chars is not None, "the installed ftfy's BADNESS_RE could not be read"
    assert not any(c.isascii() for c in chars)
    # Common news typography is not in the set, so clean text skips BADNESS_RE.
    assert not chars & set("’“”–—…")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_RISKY, max_size=30))
def test_text_without_mojibake_chars_is_never_bad(text: str) -> None:
    chars = normalize._mojibake_chars() or frozenset()
    safe = "".join(c for c in text if c not in chars)
    assert BADNESS_RE.search(safe) is None


def test_badness_needs_a_listed_char_on_every_two_char_sequence() -> None:
    """Exhaustive over pairs of the characters BADNESS_RE mentions, with a letter after."""
    chars = normalize._mojibake_chars() or frozenset()
    mentioned = {c for c in BADNESS_RE.pattern if not c.isascii()} | set("aA .")
    others = sorted(mentioned - chars)
    hits = [a + b for a, b in itertools.product(others, repeat=2) if BADNESS_RE.search(a + b + "a")]
    assert hits == []


def test_badness_alternatives_are_read() -> None:
    assert normalize._ALTERNATIVES is not None, "the installed ftfy's BADNESS_RE could not be read"
    for clean in ("Die Bundesstraße in München wurde für Fußgänger gesperrt.", "Москва заявила, что это так"):
        assert normalize._MOJIBAKE.search(clean) and not normalize._may_be_bad(clean)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_RISKY, max_size=30))
def test_a_text_no_alternative_fits_is_never_bad(text: str) -> None:
    assert normalize._may_be_bad(text) or BADNESS_RE.search(text) is None


def test_every_bad_two_char_sequence_fits_an_alternative() -> None:
    """Exhaustive over pairs of the characters BADNESS_RE mentions, with a letter after."""
    mentioned = sorted({c for c in BADNESS_RE.pattern if not c.isascii()} | set("aA .-"))
    pairs = (a + b + "a" for a, b in itertools.product(mentioned, repeat=2))
    assert [p for p in pairs if BADNESS_RE.search(p) and not normalize._may_be_bad(p)] == []


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="ab .,'\"&\n\t\r\x07" + normalize._TYPOGRAPHY + "é\u00a0\u0301«", max_size=30),
    st.booleans(),
)
def test_typeset_text_only_has_its_quotes_straightened(text: str, uncurl: bool) -> None:
    if normalize._typeset(text):
        fixed, steps = _reference(text, uncurl=uncurl)
        assert normalize_spaces(fixed) == fixed
        assert normalize.normalize_block(text, uncurl=uncurl) == (fixed, [f"ftfy.{step}" for step in steps])


def _unsettled(texts: list[str], uncurl: bool) -> list[str]:
    """The texts whose normalisation marks a text settled that normalising changes."""
    wrong = []
    for text in texts:
        text_module.clear_caches()
        normalize.normalize_block(text, uncurl=uncurl)
        settled = list(normalize._SETTLED[uncurl].answers)
        text_module.clear_caches()
        if any(normalize.normalize_block(s, uncurl=uncurl)[0] != s for s in settled):
            wrong.append(text)
    return wrong


@pytest.mark.parametrize("uncurl", [True, False])
def test_a_normalised_text_is_settled(uncurl: bool) -> None:
    assert _unsettled(CORPUS, uncurl) == []
    changed = [t for t in CORPUS if normalize.normalize_block(t, uncurl=uncurl)[0] != t]
    assert len(changed) > 500  # so as many texts were marked settled and checked


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_RISKY + "  ", max_size=40), st.booleans())
def test_a_normalised_risky_string_is_settled(text: str, uncurl: bool) -> None:
    assert _unsettled([text], uncurl) == []


def test_english_typography_is_typeset() -> None:
    assert normalize._TYPOGRAPHY == "‘’“”–—…"
    assert normalize._typeset("It’s “fine” — really…")
    assert not normalize._typeset("It’s  “fine”") and not normalize._typeset("café “fine”")


def test_plain_text_does_not_call_ftfy(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = ftfy.fix_and_explain

    def spy(text: str, *args: object, **kwargs: object) -> object:
        calls.append(text)
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ftfy, "fix_and_explain", spy)
    assert repair("Plain text, 100% fine.", uncurl=True) == ("Plain text, 100% fine.", [])
    assert repair("It’s “fine” — really…", uncurl=True) == ('It\'s "fine" — really…', ["uncurl_quotes"])
    assert repair("Müller in Zürich & Genève", uncurl=False) == ("Müller in Zürich & Genève", [])
    assert calls == []
    assert repair("caf\u00c3\u00a9", uncurl=True)[0] == "café"
    assert calls == ["caf\u00c3\u00a9"]


# normalize_spaces and fold against their definitions before the fast paths.
_ODD_SPACE = regex.compile(r"[^\S\n\u0020]")
_INVISIBLE = regex.compile("[\u200b\u2060\ufeff\u00ad]")
_RUN_OF_SPACES = regex.compile(r" {2,}")


def _spaces_reference(text: str) -> str:
    text = _INVISIBLE.sub("", _ODD_SPACE.sub(" ", text))
    lines = (_RUN_OF_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


_SPACES = "ab \n\t\u00a0\u2009\u3000\u200b\u2060\ufeff\u00ad\x1c\x1d\x1e\x1f\x85\x0b\x0c\r\u2028"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_SPACES, max_size=30))
def test_normalize_spaces_is_its_definition(text: str) -> None:
    assert normalize_spaces(text) == _spaces_reference(text)


_NOT_WORD = regex.compile(r"[^\w]+")
_QUOTES = str.maketrans(
    {
        **{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4`"},
        **{c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"},
    }
)


def _fold_reference(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.translate(_QUOTES).casefold()).split())


def test_fold_is_its_definition_on_every_code_point() -> None:
    chars = [chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000]
    for sep in ("x", " "):
        text = sep.join(chars)
        assert " ".join(text_module._WORD_RUN.findall(text.casefold())) == _fold_reference(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_fold_and_words_cached_or_not(text: str) -> None:
    long = text * (text_module.CACHE_MAX_CHARS // max(1, len(text)) + 1)
    assert text_module.fold(text) == _fold_reference(text)
    assert text_module.fold(long) == _fold_reference(long)
    assert text_module.words(text) == text_module.WORD.findall(text)
    assert text_module.words(long) == text_module.WORD.findall(long)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_fold_of_ascii_text_is_its_definition(text: str) -> None:
    everything = "".join(map(chr, range(128)))
    for ascii_text in (text, everything, " ".join(everything), text + everything.upper()):
        assert text_module.fold(ascii_text) == _fold_reference(ascii_text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ9_ .'\n\u00e9\u0130\u00df\ufb06" + text_module.PUNCTUATION, max_size=60))
def test_fold_of_text_ascii_but_for_its_typography_is_its_definition(text: str) -> None:
    assert text_module.fold(text) == _fold_reference(text)


# word characters, apostrophes, spaces; Latin-1 letters, a superscript, a feminine ordinal,
# a sign; a combining accent, Cyrillic; Windows-1252's letters, modifier, tilde, sign and a
# C1 control it lacks; typography
_WORDISH = "aZ9_ .'\n\u00e9\u00b2\u00aa\u00d7\u0301\u0416\u0160\u02c6\u02dc\u2122\u0081"


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(alphabet=_WORDISH + text_module.PUNCTUATION), st.text(max_size=60)))
def test_word_count_counts_the_words(text: str) -> None:
    assert text_module.word_count(text) == len(text_module.WORD.findall(text))


def test_word_count_on_every_windows_1252_character() -> None:
    everything = "".join(map(chr, range(256))) + bytes(range(128, 256)).decode("cp1252", errors="ignore")
    for text in (everything, " ".join(everything), "'".join(everything), "''".join(everything)):
        assert text_module.word_count(text) == len(text_module.WORD.findall(text))


def test_words_returns_a_fresh_list() -> None:
    first = text_module.words("one two")
    first.append("three")
    assert text_module.words("one two") == ["one", "two"]


def test_normalize_spaces_on_every_bmp_character() -> None:
    """Each character alone, inside a word, doubled and at a line's ends."""
    for code in range(0x10000):
        c = chr(code)
        for text in (f"a{c}b", f"{c}a\nb{c}", f"a {c}{c}\n{c}"):
            assert normalize_spaces(text) == _spaces_reference(text), hex(code)


def test_per_text_remembers_short_texts_only() -> None:
    calls: list[str] = []

    @text_module.per_text
    def measure(text: str, extra: int) -> int:
        calls.append(text)
        return len(text) + extra

    short, long = "a" * 10, "b" * (text_module.CACHE_MAX_CHARS + 1)
    for _ in range(2):
        assert measure(short, 1) == 11
        assert measure(long, 1) == len(long) + 1
    assert measure(short, 2) == 12  # the other arguments are part of the key
    assert calls == [short, long, long, short]


def test_per_text_keys_every_argument_keeps_none_and_stays_bounded() -> None:
    calls: list[tuple[str, int, bool]] = []

    @text_module.per_text
    def measure(text: str, extra: int = 0, *, none: bool = False) -> int | None:
        calls.append((text, extra, none))
        return None if none else len(text) + extra

    assert measure("ab", 1) == measure("ab", 1) == 3
    assert measure("ab", extra=1) == 3  # a keyword is part of the key, apart from the positions
    assert measure("ab", 1, none=True) is None
    assert measure("ab", 1, none=True) is None  # a None answer is remembered too
    assert calls == [("ab", 1, False), ("ab", 1, False), ("ab", 1, True)]
    # at most CACHE_SIZE answers: one more distinct text and the first is measured again
    for number in range(text_module.CACHE_SIZE + 1):
        measure(str(number))
    calls.clear()
    measure("0")
    assert calls == [("0", 0, False)]
    # the bound counts the answers for every set of other arguments together
    for number in range(text_module.CACHE_SIZE // 2 + 1):
        measure(str(number), 1)
        measure(str(number), 2)
    calls.clear()
    measure("0", 1)
    assert calls == [("0", 1, False)]


def test_per_text_holds_at_most_cache_chars_of_text() -> None:
    calls: list[str] = []

    @text_module.per_text
    def measure(text: str) -> int:
        calls.append(text[0])
        return len(text)

    longest = text_module.CACHE_MAX_CHARS
    # just enough texts of the longest kept length to hold more than CACHE_CHARS
    texts = [f"{n:06d}".ljust(longest, "x") for n in range(text_module.CACHE_CHARS // longest + 1)]
    for text in texts:
        measure(text)
    calls.clear()
    measure(texts[-1])  # the text that emptied the cache is kept
    measure(texts[0])  # the first is gone
    assert calls == ["0"]
    measure(texts[0] + "x")  # longer than CACHE_MAX_CHARS: never kept
    measure(texts[0] + "x")
    assert calls == ["0", "0", "0"]


def test_clear_caches_empties_every_per_text_cache() -> None:
    calls: list[str] = []

    @text_module.per_text
    def measure(text: str) -> int:
        calls.append(text)
        return len(text)

    assert measure("abc") == measure("abc") == 3
    assert calls == ["abc"]
    page = "Menu\n\nThe council approved the budget on Monday after a long debate."
    before = newsclean.parse(page).to_dict()
    text_module.clear_caches()
    assert measure("abc") == 3
    assert calls == ["abc", "abc"]
    assert newsclean.parse(page).to_dict() == before


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(alphabet="aZ9_ '’.-\u00e9\u0301x", max_size=40), st.text(max_size=40)))
def test_word_initials_are_the_first_characters_of_the_words(text: str) -> None:
    assert text_module.word_initials(text) == [w[0] for w in text_module.words(text)]
