"""Fuzzing reading, sentence splitting and the matching view: whatever arrives, the only
exception is ReadError, every offset slices the file, and the output grows with the input."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.model import Article
from geo.text.clean import ZERO_WIDTH
from geo.text.normalise import View
from geo.text.reading import HTML_NOTE, ReadError, article_from_text, read_bytes
from geo.text.sentences import MAX_CHARS, split_sentences

FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that hit the readers' edge cases, joined at random.
PIECES = [
    "<p>", "</p>", "<div class='a>b'>", "</div>", "<script>", "</script>", "<code>", "</code>",
    "<!--", "-->", "<!doctype html>", "<a href=\"http://x.de:9\">", "</a>", "<", "</", "<b", ">",
    "&ouml;", "&amp;", "&#228;", "&#x2F;", "&", ";", "Kursk", "Ko\u0308ln", "Char\u00adkiw",
    "\u200b", "\ufeff", " 500 Soldaten ", "get&ouml;tet", "getötet", ". ", "? ", "...", "z. B.",
    "am 4. November", "http://example.com:9", "www.x.de", "a@b.de", "alert(5)", "\n", "  ",
    "Gefangene", "\u0301", "\u1100\u1161", "\u212b", "ß", "„", "“", "\x00", "\x07", "\r\n",
]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
any_text = st.one_of(texts, st.text(max_size=300))


def _check_article(article: Article) -> None:
    n = len(article.text)
    assert len(article.prose) == n
    last = 0
    for seg in article.segments:
        assert last <= seg.start < seg.end <= n
        last = seg.end
    sentences = split_sentences(article)
    assert len(sentences) <= max(1, n)
    last = 0
    for s in sentences:
        assert last <= s.start < s.end <= n and s.end - s.start <= MAX_CHARS
        assert any(g.start <= s.start and s.end <= g.end for g in article.segments)
        assert len(s.text) <= s.end - s.start
        last = s.end


@FUZZ
@given(st.binary(max_size=400))
def test_fuzz_bytes_read_or_refuse(data):
    try:
        article = read_bytes("fuzz.txt", data)
    except ReadError as err:
        assert "\n" not in str(err)
        return
    _check_article(article)


CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "mac_roman", "cp850"]


@FUZZ
@given(texts, st.sampled_from(CODECS), st.sampled_from(["f.html", "f.txt"]))
def test_fuzz_pieces_read_or_refuse(text, codec, name):
    data = text.encode(codec, "replace")
    try:
        article = read_bytes(name, data)
    except ReadError as err:
        assert "\n" not in str(err)
        return
    _check_article(article)


@FUZZ
@given(any_text, st.sampled_from(["f.html", "f.txt"]))
def test_fuzz_text_sentences_slice_exactly(text, name):
    article = article_from_text(name, text)
    _check_article(article)
    if HTML_NOTE not in article.notes:
        for s in split_sentences(article):  # the display text is the slice, tidied
            tidy = " ".join(text[s.start:s.end].split()).translate(dict.fromkeys(map(ord, ZERO_WIDTH)))
            assert s.text == unicodedata.normalize("NFC", tidy)


@FUZZ
@given(any_text)
def test_fuzz_view_is_nfc_without_zero_width_and_maps_back(text):
    article = article_from_text("v.txt", text)
    if HTML_NOTE in article.notes:
        return  # an HTML view also decodes entities
    view = View(article)
    visible = text.translate(dict.fromkeys(map(ord, ZERO_WIDTH)))
    assert view.article.text == unicodedata.normalize("NFC", visible)
    assert len(view.article.prose) == len(view.article.text)
    n = len(view.article.text)
    starts = [view.original_start(v) for v in range(n + 1)]
    ends = [view.original_end(v) for v in range(n + 1)]
    assert starts == sorted(starts) and ends == sorted(ends)
    # a quote [v, w) of the view is a non-empty quote of the original
    assert all(s < e for s, e in zip(starts, ends[1:]))
    assert starts[0] >= 0 and text[ends[-1]:].strip(ZERO_WIDTH) == ""


@pytest.fixture(scope="module")
def analyse():
    from geo.pipeline import analyse

    analyse([])  # loads the gazetteer once
    return analyse


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(texts, st.sampled_from(["f.html", "f.txt"]))
def test_fuzz_pipeline_offsets_slice_exactly(analyse, text, name):
    try:
        article = read_bytes(name, text.encode("utf-8", "surrogatepass"))
    except ReadError:
        return
    result = analyse([article])
    for m in result.mentions:
        assert article.text[m.start:m.end] == m.surface
        assert m.sentence.start <= m.start and m.end <= m.sentence.end
    for f in result.figures:
        assert article.text[f.start:f.end] == f.text
    for a in result.actors:
        assert article.text[a.start:a.end] == a.surface
    assert len(result.mentions) + len(result.figures) <= len(article.text)


CODE_PIECES = ["(", ")", "alert", "x.y", "$", "_", " ", "Kiew ", "(dpa)", "ä", "5", ";", "{", "}",
               "=", "a", "B", ":", "\t", "foo = 1;", "Satz. Noch ein Satz. "]


@FUZZ
@given(st.lists(st.sampled_from(CODE_PIECES), max_size=30).map("".join))
def test_fuzz_cheap_tests_never_hide_code(text):
    """The tests asked before the code patterns are only shortcuts: wherever a pattern would
    match, its test passes."""
    from geo.text.clean import _CODE, _CODE_ENDS, _NON_PROSE

    for needed, pattern in _NON_PROSE:
        assert needed(text) or pattern.search(text) is None
    stripped = text.strip()
    if stripped and _CODE.match(stripped):
        assert "a" <= stripped[0] <= "z" or stripped[-1] in _CODE_ENDS
