"""Issue 9/14, reading side: hostile and huge input is read in linear time, bad input gets a
one-line message, and text written oddly (encodings, combining marks, invisible characters,
entities, addresses, code) neither hides places nor invents figures."""

from __future__ import annotations

import time

import pytest

from geo.text.normalise import View
from geo.text.reading import MAX_BYTES, ReadError, article_from_text, read_bytes, read_paths
from geo.text.sentences import MAX_CHARS, split_sentences

NO_STOP = "die Soldaten in Kursk und Bachmut kämpften bei Charkiw "


def _seconds(fn, *args, repeats: int = 1) -> float:
    """CPU seconds of the quickest of ``repeats`` calls: CPU, not the wall clock, because the
    machines that run the tests are shared, and what these tests catch is work that grows too
    fast (seconds where milliseconds are due), not a few percent."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        fn(*args)
        best = min(best, time.process_time() - start)
    return best


def _read_or_refuse(name: str, data: bytes) -> None:
    try:
        split_sentences(read_bytes(name, data))
    except ReadError as err:
        assert "\n" not in str(err)


# --- finding 1: a "sentence" without a full stop -----------------------------------------

def test_sentence_without_full_stop_is_cut_to_bounded_length():
    text = NO_STOP * (1_000_000 // len(NO_STOP))
    sentences = split_sentences(article_from_text("long.txt", text))
    assert len(sentences) > 500
    assert max(s.end - s.start for s in sentences) <= MAX_CHARS
    for s in sentences:  # cut between words, and nothing lost between the pieces
        assert s.end == len(text.rstrip()) or text[s.end].isspace() or text[s.end - 1] == ","
    assert sum(len(s.text) for s in sentences) >= len(text.strip()) - len(sentences)


def test_sentence_splitting_is_linear_in_time():
    small = article_from_text("s.txt", NO_STOP * 5_000)
    large = article_from_text("l.txt", NO_STOP * 20_000)
    split_sentences(small)  # warm up
    ratio = (_seconds(split_sentences, large, repeats=3)
             / max(_seconds(split_sentences, small, repeats=3), 1e-3))
    assert ratio < 10  # four times the text: about four times the time, never sixteen


def test_run_of_full_stops_is_linear():
    # the end-of-sentence pattern used to retry the whole run from every dot: 20k dots, 4.5 s
    article = article_from_text("dots.txt", "Kursk " + "." * 500_000 + "Ende")
    assert _seconds(split_sentences, article) < 2


def test_word_without_spaces_is_cut_hard():
    sentences = split_sentences(article_from_text("w.txt", "x" * 10_000))
    assert [s.end - s.start for s in sentences] == [MAX_CHARS] * 6 + [1_000]


# --- finding 2: HTML full of "<" -----------------------------------------------------------

@pytest.mark.parametrize("unit", [b"<", b"</", b"<a ", b"<!", b"<a b='"])
def test_html_full_of_lt_reads_in_linear_time(unit):
    data = b"<html><body><p>Kursk</p>" + unit * ((MAX_BYTES - 100) // len(unit))
    assert _seconds(_read_or_refuse, "page.html", data) < 5  # was 51 s for 80 kB of "<"


def test_html_of_lt_keeps_the_text_and_exact_offsets():
    page = "<html><body><p>Soldaten 3 < 5 in <b>Kursk</b> &amp; Sudscha.</p></body></html>"
    article = read_bytes("p.html", page.encode())
    [seg] = article.segments
    assert article.text[seg.start:seg.end] == "Soldaten 3 < 5 in <b>Kursk</b> &amp; Sudscha."
    assert " ".join(article.prose[seg.start:seg.end].split()) == "Soldaten 3 < 5 in Kursk &amp; Sudscha."
    [sentence] = split_sentences(article)
    assert sentence.text == "Soldaten 3 < 5 in Kursk & Sudscha."


def test_html_attributes_with_gt_and_comments_are_not_prose():
    page = ('<html><body><p title="a > 5 Tote">Im Text <!-- 7 Tote --> bei Kursk.</p>'
            "<p>Zweiter <img alt='>'> Absatz.</p></body></html>")
    article = read_bytes("p.html", page.encode())
    prose = [" ".join(article.prose[s.start:s.end].split()) for s in article.segments]
    assert prose == ["Im Text bei Kursk.", "Zweiter Absatz."]


# --- finding 6: encodings and Unicode --------------------------------------------------------

@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig"])
def test_utf16_and_utf32_with_bom_are_decoded(codec):
    data = "Truppen in Köln getötet.".encode(codec)
    if codec.endswith("-be"):
        data = ("\ufeff" + "Truppen in Köln getötet.").encode(codec)
    article = read_bytes("bom.txt", data)
    assert article.text.lstrip("\ufeff") == "Truppen in Köln getötet."


def test_mac_roman_is_not_garbled_as_cp1252():
    text = "Bei Kursk wurden 500 Soldaten getötet, die Kämpfe dauern an.\n"
    article = read_bytes("mac.txt", text.encode("mac_roman"))
    assert article.text == text
    assert any("Mac Roman" in n for n in article.notes)


def test_mixed_utf8_and_cp1252_lines_are_both_read():
    data = "Soldaten in Köln.\n".encode() + "Größere Verluste bei Kursk.\n".encode("cp1252")
    article = read_bytes("mixed.txt", data)
    assert article.text == "Soldaten in Köln.\nGrößere Verluste bei Kursk.\n"
    assert any("lines already in UTF-8 kept as UTF-8: 1" in n for n in article.notes)


def test_byte_cp1252_lacks_does_not_break_reading():
    data = "„Größere“ Verluste bei Kursk.\n".encode("cp1252") * 3_000 + b"Ende \x81 hier.\n"
    article = read_bytes("gap.txt", data)
    assert article.text.startswith("„Größere“") and article.text.endswith("Ende \ufffd hier.\n")


def test_unknown_code_page_gets_a_guess_note():
    article = read_bytes("odd.txt", "Text ¤¤¤¤ ¦¦ ¨¨ Ende.".encode("cp1252"))
    assert any("guess" in n for n in article.notes)


@pytest.mark.parametrize("codec", ["utf-8", "utf-16"])
def test_nul_byte_anywhere_is_binary(codec):
    with pytest.raises(ReadError) as err:
        read_bytes("late.txt", ("Soldaten bei Kursk.\n" * 2_000 + "\x00").encode(codec))
    assert str(err.value) == "late.txt: binary data, not text (NUL at position 40000)"


def test_combining_diaeresis_koeln_is_found_as_place():
    from geo.pipeline import analyse

    text = "Soldaten wurden nach Ko\u0308ln verlegt."
    result = analyse([read_bytes("nfd.txt", text.encode())])
    [mention] = [m for m in result.mentions if m.place.name_de == "Köln"]
    assert text[mention.start:mention.end] == mention.surface == "Ko\u0308ln"
    assert mention.sentence.text == "Soldaten wurden nach Köln verlegt."


def test_soft_hyphen_and_zero_width_do_not_hide_a_place():
    from geo.pipeline import analyse

    text = "Kämpfe bei Char\u00adkiw und in \u200bKur\u200dsk\u200b gemeldet."
    result = analyse([read_bytes("zw.txt", text.encode())])
    surfaces = [text[m.start:m.end] for m in result.mentions]
    assert surfaces == [m.surface for m in result.mentions]
    assert "Char\u00adkiw" in surfaces and "Kur\u200dsk" in surfaces


def test_view_offsets_map_back_exactly():
    text = "a\u00adb K&ouml;ln o\u0308 x\u200b\u200by"
    view = View(article_from_text("v.html", text))
    assert view.article.text == "ab Köln ö xy"
    assert text[view.original_start(3):view.original_end(7)] == "K&ouml;ln"
    assert view.original_end(11) == 18 and view.original_start(11) == 20  # around the "\u200b"s
    assert [view.view_start(0), view.view_end(len(text))] == [0, len(view.article.text)]


# --- finding 7: figures from markup and code ----------------------------------------------

def _figures(name: str, text: str) -> list[tuple[str, str]]:
    from geo.pipeline import analyse

    result = analyse([read_bytes(name, text.encode())])
    return [(f.text, f.category) for f in result.figures]


def test_html_entity_is_decoded_before_reading_figures():
    page = "<html><body><p>Bei Kursk wurden 5 Soldaten get&ouml;tet.</p></body></html>"
    assert _figures("e.html", page) == [("5", "killed")]  # was ("5", "troops")


def test_url_port_is_not_a_figure():
    assert _figures("u.txt", "Bei Kursk: siehe http://example.com:9 Getötete.") == []
    page = "<html><body><p>Bei Kursk <a href='x'>www.example.com:9</a> Tote.</p></body></html>"
    assert _figures("u.html", page) == []


def test_script_code_addresses_are_blank_in_prose():
    page = ("<html><body><p>Russland meldet <script>alert(5)</script><code>x(7)</code> "
            "Gefangene, Mail an presse@example.com 8 Tote; console.log(9) bei Kursk.</p>"
            "</body></html>")
    article = read_bytes("s.html", page.encode())
    prose = " ".join(article.prose.split())
    for code in ("alert", "(5)", "x(7)", "presse@", "console", "(9)"):
        assert code not in prose
    assert article.text[article.segments[0].start:].startswith("Russland meldet <script>")


# --- bad input: one line, never a traceback -------------------------------------------------

@pytest.mark.parametrize("data, words", [
    (b"\xff\xfeK\x00\xf6", "broken UTF-16"),
    (b"\xef\xbb\xbf   \n", "empty"),
    (b"\xff\xfe" + " \n".encode("utf-16-le"), "empty"),
    (b"<html><body><nav>Nur Navigation</nav></body></html>", "no article text"),
    (bytes(range(1, 32)) * 10, "binary"),
])
def test_bad_bytes_get_one_line_messages(data, words):
    with pytest.raises(ReadError) as err:
        read_bytes("bad.html", data)
    assert words in str(err.value) and "\n" not in str(err.value)


def test_unreadable_path_is_a_message(tmp_path):
    folder = tmp_path / "a.txt"
    folder.mkdir()
    (folder / "b.txt").write_bytes(b"\x00\x01")
    articles, messages = read_paths([folder, tmp_path / "c.txt"])
    assert articles == []
    assert messages == [f"{folder / 'b.txt'}: binary data, not text (NUL at position 0)",
                        f"{tmp_path / 'c.txt'}: no such file or folder"]
