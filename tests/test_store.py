"""Added articles survive a restart, once each, and bad files change nothing."""

import os

import pytest

from geo.reading import ReadError
from geo.store import safe_filename, save, save_text, sha256, stored_hashes

TEXT = "Bei Plekhovo in der Region Kursk wurde gekämpft.\n".encode()


def test_save_keeps_file_and_recognises_duplicates(tmp_path):
    first = save("bericht.txt", TEXT, tmp_path)
    assert not first.duplicate and first.path == tmp_path / "bericht.txt"
    assert first.path.read_bytes() == TEXT and first.article.id == "bericht"
    again = save("other-name.md", TEXT, tmp_path)
    assert again.duplicate and again.path == first.path
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bericht.txt"]
    assert stored_hashes(tmp_path) == {sha256(TEXT): first.path}


def test_seed_hashes_count_as_duplicates(tmp_path):
    assert save("x.txt", TEXT, tmp_path, known={sha256(TEXT)}).duplicate
    assert list(tmp_path.iterdir()) == []


def test_same_name_other_content_gets_its_own_file(tmp_path):
    save("bericht.txt", TEXT, tmp_path)
    other = save("bericht.txt", TEXT + b"Noch ein Satz.\n", tmp_path)
    assert other.path.name.startswith("bericht-") and len(list(tmp_path.iterdir())) == 2


@pytest.mark.parametrize("name,data,words", [
    ("empty.txt", b"  \n", "empty"),
    ("bin.txt", bytes(range(256)) * 10, "binary"),
    ("huge.txt", b"a" * (5 * 1024 * 1024 + 1), "limit"),
])
def test_bad_upload_writes_nothing(tmp_path, name, data, words):
    save("good.txt", TEXT, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(ReadError, match=words):
        save(name, data, tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_hostile_names_stay_inside_the_folder(tmp_path):
    assert safe_filename("../../etc/passwd", "ab" * 32, tmp_path) == "passwd.txt"
    assert safe_filename("C:\\x\\<img src=x>.html", "ab" * 32, tmp_path) == "img_src_x.html"
    assert safe_filename("...", "ab" * 32, tmp_path) == "article.txt"


def test_pasted_text_is_kept_as_utf8(tmp_path):
    saved = save_text("Kiew verkündete neue Zahlen.", tmp_path)
    assert saved.path.suffix == ".txt" and saved.path.read_text("utf-8").startswith("Kiew")
    assert save_text("Kiew verkündete neue Zahlen.", tmp_path).duplicate


def test_failed_write_leaves_no_temp_file(tmp_path, monkeypatch):
    def boom(*_):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        save("a.txt", TEXT, tmp_path)
    assert list(tmp_path.iterdir()) == []
