"""The CLI contract of issue 2: GeoJSON shape, offsets, and bad input handled in one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geo", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def seeds_fc(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("cli") / "seeds.geojson"
    done = _run("extract", "seeds", "-o", str(out))
    assert done.returncode == 0, done.stderr
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
    assert n > 50


def test_figures_point_at_their_text_and_known_places(seeds_fc):
    texts = {a["id"]: Path(ROOT / a["path"]).read_text(encoding="utf-8")
             for a in seeds_fc["articles"]}
    ids = {f["properties"]["place_id"] for f in seeds_fc["features"]}
    assert seeds_fc["figures"]
    for fig in seeds_fc["figures"]:
        assert texts[fig["article"]][fig["start"]:fig["end"]] == fig["text"]
        assert set(fig["place_ids"]) <= ids


def test_stdout_when_no_output_file():
    done = _run("extract", "seeds/004_bc9a927a736966c8.txt")
    assert done.returncode == 0
    names = {f["properties"]["name"] for f in json.loads(done.stdout)["features"]}
    assert {"Plekhovo", "Vorobzha", "Martynovka", "Pokrovsk"} <= names


def test_bad_inputs_get_one_line_each_and_no_traceback(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "latin.txt").write_bytes("Angriffe bei Charkiw und in Köln.".encode("cp1252"))
    (tmp_path / "page.html").write_text(
        "<html><body><nav>Berlin</nav><p>Gefechte nahe Sudscha.</p></body></html>",
        encoding="utf-8")
    done = _run("extract", str(tmp_path), str(tmp_path / "missing.txt"))
    assert done.returncode == 0  # some files could be read
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert any("empty.txt: empty file" in line for line in lines)
    assert any("binary.txt: binary data" in line for line in lines)
    assert any("latin.txt" in line and "Windows-1252" in line for line in lines)
    assert any("missing.txt: no such file" in line for line in lines)
    names = {f["properties"]["name"] for f in json.loads(done.stdout)["features"]}
    assert {"Kharkiv", "Sudzha"} <= names and "Berlin" not in names


def test_nothing_readable_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    done = _run("extract", str(tmp_path / "empty.txt"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "nothing could be read" in done.stderr


def test_figures_csv_is_written(tmp_path):
    out = tmp_path / "figures.csv"
    done = _run("extract", "seeds", "-o", str(tmp_path / "x.geojson"), "--figures-csv", str(out))
    assert done.returncode == 0, done.stderr
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert "low" in header and "category" in header and "source" in header
