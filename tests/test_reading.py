"""Reading: every kind of bad input gets a one-line message; offsets stay in the file."""

from __future__ import annotations

import pytest

from geo.text.reading import MAX_BYTES, ReadError, article_from_text, read_bytes, read_paths


def test_missing_path_is_a_message_not_an_error(tmp_path):
    articles, messages = read_paths([tmp_path / "nope.txt"])
    assert articles == [] and messages == [f"{tmp_path / 'nope.txt'}: no such file or folder"]


@pytest.mark.parametrize("data, words", [
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"a" * (MAX_BYTES + 1), "limit"),
])
def test_bad_bytes_raise_one_line_messages(data, words):
    with pytest.raises(ReadError) as err:
        read_bytes("upload.txt", data)
    assert words in str(err.value) and "\n" not in str(err.value)


def test_windows_1252_is_decoded_and_said():
    article = read_bytes("alt.txt", "Truppen in Köln – „Grüße“.".encode("cp1252"))
    assert "Köln" in article.text and "„Grüße“" in article.text
    assert any("Windows-1252" in n for n in article.notes)


def test_furniture_lines_are_left_out_but_offsets_point_into_the_file():
    text = ("zum Hauptinhalt\nKämpfe in der Region Kursk.\n\n© dpa/Foto\nZur Startseite\n"
            "showPaywall:\nfalse\nconsole.debug({ userId: \"\" })\n")
    article = article_from_text("a.txt", text)
    prose = [text[s.start:s.end] for s in article.segments]
    assert prose == ["Kämpfe in der Region Kursk."]


def test_html_page_gives_body_prose_with_source_offsets():
    page = ("<html><head><title>Kiew</title><script>var city = 'Berlin';</script></head>"
            "<body><nav>Startseite Hamburg</nav><p>Soldaten in <b>Kursk</b> gesichtet.</p>"
            "<footer>Impressum</footer></body></html>")
    article = read_bytes("page.html", page.encode())
    assert len(article.segments) == 1
    seg = article.segments[0]
    assert article.text[seg.start:seg.end] == "Soldaten in <b>Kursk</b> gesichtet."
    assert " ".join(article.prose[seg.start:seg.end].split()) == "Soldaten in Kursk gesichtet."
    assert "HTML" in article.notes[0]


def test_folder_reads_only_article_files_sorted(tmp_path):
    (tmp_path / "b.txt").write_text("Zweiter Text über Kiew.", encoding="utf-8")
    (tmp_path / "a.md").write_text("Erster Text über Moskau.", encoding="utf-8")
    (tmp_path / "img.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / "empty.txt").write_bytes(b"")
    articles, messages = read_paths([tmp_path])
    assert [a.id for a in articles] == ["a", "b"]
    assert messages == [f"{tmp_path / 'empty.txt'}: empty file"]


def test_an_article_on_one_line_is_prose_whatever_it_starts_or_ends_with():
    from geo.text.reading import read_bytes

    body = ("Laut Berichten kämpfen 400 Männer in Laschkar Gah. Die Lage in Helmand bleibt "
            "angespannt. Auch in Kandahar gab es Gefechte. ") * 5
    for text in ("Bild: ISAF " + body, body + "Ende;", "Foto: dpa " + body):
        article = read_bytes("one_line.txt", text.encode("utf-8"))
        covered = sum(s.end - s.start for s in article.segments)
        assert covered > 0.9 * len(text)
    credit = read_bytes("credit.txt", "Bild: dpa/Max Muster\nIn Kiew fielen Schüsse.\n".encode())
    assert [credit.text[s.start:s.end] for s in credit.segments] == ["In Kiew fielen Schüsse."]
