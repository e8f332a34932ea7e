"""The CLI contract: GeoJSON shape, offsets, bad input and failed writes in one line each.
Run in-process through ``main(argv)`` (the gazetteer loads once per test session); one test
runs the real ``python -m geo`` to prove the entry point."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from geo.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLD_MENTIONS = sum(len(a["mentions"]) for a in json.loads(
    (ROOT / "tests" / "gold" / "places_seeds.json").read_text(encoding="utf-8"))["articles"]
    .values())


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)

    def _run(*args: str) -> Done:
        code = main(list(args))
        out, err = capsys.readouterr()
        return Done(code, out, err)

    return _run


@pytest.fixture(scope="module")
def seeds_fc(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("cli") / "seeds.geojson"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        assert main(["extract", "seeds", "-o", str(out)]) == 0
    finally:
        os.chdir(cwd)
    return json.loads(out.read_text(encoding="utf-8"))


def test_feature_collection_shape(seeds_fc):
    assert seeds_fc["type"] == "FeatureCollection"
    assert [a["id"] for a in seeds_fc["articles"]] == sorted(p.stem for p in (ROOT / "seeds").iterdir())
    required = {"place_id", "geonameid", "name", "name_de", "feature_code", "country_code",
                "precision", "confidence", "mentions"}
    for feat in seeds_fc["features"]:
        assert feat["type"] == "Feature" and feat["geometry"]["type"] == "Point"
        lon, lat = feat["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert required <= feat["properties"].keys()
        gid = feat["properties"]["geonameid"]
        assert gid is None or feat["properties"]["place_id"] == f"geonames:{gid}"


def test_every_mention_points_at_its_surface_in_the_file(seeds_fc):
    texts = {a["id"]: Path(ROOT / a["path"]).read_text(encoding="utf-8")
             for a in seeds_fc["articles"]}
    n = 0
    for feat in seeds_fc["features"]:
        for m in feat["properties"]["mentions"]:
            assert texts[m["article"]][m["start"]:m["end"]] == m["surface"]
            assert m["role"] in ("place", "speaker")
            n += 1
    assert n >= GOLD_MENTIONS  # the hand-made gold has this many; extras are speakers etc.


def test_figures_point_at_their_text_and_known_places(seeds_fc):
    texts = {a["id"]: Path(ROOT / a["path"]).read_text(encoding="utf-8")
             for a in seeds_fc["articles"]}
    ids = {f["properties"]["place_id"] for f in seeds_fc["features"]}
    assert seeds_fc["figures"]
    for fig in seeds_fc["figures"]:
        assert texts[fig["article"]][fig["start"]:fig["end"]] == fig["text"]
        assert set(fig["place_ids"]) <= ids


def test_stdout_when_no_output_file(run):
    done = run("extract", "seeds/004_bc9a927a736966c8.txt")
    assert done.returncode == 0
    names = {f["properties"]["name"] for f in json.loads(done.stdout)["features"]}
    assert {"Plekhovo", "Vorobzha", "Martynovka", "Pokrovsk"} <= names


def test_bad_inputs_get_one_line_each_and_no_traceback(tmp_path, run):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "latin.txt").write_bytes("Angriffe bei Charkiw und in Köln.".encode("cp1252"))
    (tmp_path / "page.html").write_text(
        "<html><body><nav>Berlin</nav><p>Gefechte nahe Sudscha.</p></body></html>",
        encoding="utf-8")
    done = run("extract", str(tmp_path), str(tmp_path / "missing.txt"))
    assert done.returncode == 0  # some files could be read
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert any("empty.txt: empty file" in line for line in lines)
    assert any("binary.txt: binary data" in line for line in lines)
    assert any("latin.txt" in line and "Windows-1252" in line for line in lines)
    assert any("missing.txt: no such file" in line for line in lines)
    names = {f["properties"]["name"] for f in json.loads(done.stdout)["features"]}
    assert {"Kharkiv", "Sudzha"} <= names and "Berlin" not in names


def test_nothing_readable_exits_non_zero(tmp_path, run):
    (tmp_path / "empty.txt").write_bytes(b"")
    done = run("extract", str(tmp_path / "empty.txt"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "nothing could be read" in done.stderr


def test_figures_csv_is_written(tmp_path, run):
    out = tmp_path / "figures.csv"
    done = run("extract", "seeds", "-o", str(tmp_path / "x.geojson"), "--figures-csv", str(out))
    assert done.returncode == 0, done.stderr
    import csv

    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    fc = json.loads((tmp_path / "x.geojson").read_text(encoding="utf-8"))
    assert len(rows) == 1 + len(fc["figures"]) and len(fc["figures"]) > 0
    header = rows[0]
    assert len(set(header)) == len(header) and "category" in header


def test_the_entry_point_runs_as_a_program(tmp_path):
    out = tmp_path / "one.geojson"
    done = subprocess.run([sys.executable, "-m", "geo", "extract",
                           "seeds/004_bc9a927a736966c8.txt", "-o", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["features"]


def test_output_naming_a_folder_is_one_line(tmp_path, run):
    done = run("extract", "seeds", "-o", str(tmp_path))
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "is a folder" in done.stderr and "Traceback" not in done.stderr


def test_unwritable_output_is_one_line(tmp_path, run):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):  # root may write anyway: make the write itself fail
            target = Path("/proc/version/out.geojson")
        else:
            target = locked / "out.geojson"
        done = run("extract", "seeds", "-o", str(target))
    finally:
        locked.chmod(0o700)
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr and str(target) in done.stderr


def test_disk_full_leaves_no_file(tmp_path, run, monkeypatch):
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / "out.geojson"
    done = run("extract", "seeds", "-o", str(out))
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert done.returncode == 1 and "disk full" in done.stderr
    assert done.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []  # neither the file nor its temporary


def test_ctrl_c_exits_130_and_leaves_no_file(tmp_path, run, monkeypatch):
    from geo.corpus import collection

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(collection, "from_tables", interrupted)
    out = tmp_path / "out.geojson"
    done = run("extract", "seeds", "-o", str(out))
    assert done.returncode == 130 and done.stderr.strip() == "lagebild: interrupted"
    assert list(tmp_path.iterdir()) == []


def test_interrupt_while_writing_leaves_no_partial_file(tmp_path):
    from geo.cli import write_atomic

    out = tmp_path / "out.geojson"

    def chunks():
        yield b"{" * 1000
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(out, chunks())
    assert list(tmp_path.iterdir()) == []


def test_date_given_dates_every_figure_and_mention(tmp_path, run):
    out = tmp_path / "dated.geojson"
    assert run("extract", "seeds", "--date", "2024-11-05", "-o", str(out)).returncode == 0
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert {(a["published"], a["published_source"]) for a in fc["articles"]} == \
        {("2024-11-05", "user")}
    texts = {a["id"]: (ROOT / a["path"]).read_text(encoding="utf-8") for a in fc["articles"]}
    whens = [f["when"] for f in fc["figures"]] + [
        m["when"] for feat in fc["features"] for m in feat["properties"]["mentions"]]
    assert whens and all(w is not None for w in whens)
    sources = {w["time_source"] for w in whens}
    assert sources == {"text", "article"}
    for fig in fc["figures"]:
        w = fig["when"]
        if w["time_source"] == "text":
            assert texts[fig["article"]][w["start_offset"]:w["end_offset"]] == w["text"]
        else:
            assert (w["start"], w["end"]) == ("2024-11-05", "2024-11-05")


def test_a_bad_date_is_refused(run, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["extract", "seeds", "--date", "5.11.2024"])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and "not a date" in err and err.count("\n") == 1


@pytest.mark.parametrize("fc", [
    {"type": "FeatureCollection", "features": [], "articles": [{"id": "ä"}], "messages": []},
    {"type": "FeatureCollection", "schema_version": 2, "features": [{"a": [1, "ß"]}] * 3},
    {"features": []},
])
def test_json_written_in_pieces_is_the_same_json(fc):
    from geo.cli import json_chunks

    assert json.loads(b"".join(json_chunks(fc))) == fc


def test_an_unreachable_scheduler_is_one_line(tmp_path, run):
    (tmp_path / "a.txt").write_text("In Kiew wurde gekämpft.\n", encoding="utf-8")
    done = run("ingest", "--store", str(tmp_path / "store"), "--scheduler", "tcp://127.0.0.1:1",
               str(tmp_path / "a.txt"))
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "cannot reach the Dask scheduler" in done.stderr


def test_articles_are_labelled_by_title_or_first_words(seeds_fc):
    from geo.corpus.collection import LABEL_CHARS, article_label

    for article in seeds_fc["articles"]:
        text = " ".join((ROOT / article["path"]).read_text(encoding="utf-8").split())
        label = article["label"].removesuffix(" …")
        assert label and label in text and len(label) <= LABEL_CHARS  # page furniture skipped
    assert article_label("Lage im Osten", "Bei Kiew …", "x") == "Lage im Osten"
    assert article_label(None, "", "x") == "x"


def test_extract_of_a_utf8_file_imports_nothing_heavy(tmp_path):
    """Start-up: extract needs no charset detector for UTF-8 input, nor the app's libraries."""
    text = tmp_path / "one.txt"
    text.write_text("In Kiew sagte der Bürgermeister, 12 Menschen seien verletzt worden.\n",
                    encoding="utf-8")
    probe = ("import sys\nfrom geo.cli import main\n"
             f"code = main(['extract', {str(text)!r}, '-o', {str(tmp_path / 'out.json')!r}])\n"
             "heavy = {'charset_normalizer', 'folium', 'pandas', 'pyarrow', 'jinja2', 'duckdb'}\n"
             "print(code, sorted(heavy & {m.split('.')[0] for m in sys.modules}))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.stdout.split() == ["0", "[]"], done.stdout + done.stderr
