"""``export --since/--until``: the store's view in a time window, dated as the dashboard dates
(a mention's or figure's own event date, else its article's publication day)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.cli import main

AUTUMN = "Bei Plekhovo in der Region Kursk wurde gekämpft. Kiew meldete 30 getötete Soldaten.\n"
WINTER = "In Charkiw wurden zwölf Menschen verletzt, teilte die Polizei mit.\n"
EVENT = "Am 3. März 2023 wurde Cherson beschossen.\n"


def _store(tmp_path: Path, capsys) -> Path:
    store = tmp_path / "store"
    for name, text, day in (("herbst", AUTUMN, "2024-11-05"), ("winter", WINTER, "2025-01-10"),
                            ("ereignis", EVENT, "2025-01-12")):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        assert main(["ingest", "--store", str(store), "--date", day, str(path)]) == 0
    capsys.readouterr()
    return store


def _export(store: Path, capsys, *extra: str) -> dict:
    out = store.parent / "out.geojson"
    assert main(["export", "--store", str(store), "-o", str(out), *extra]) == 0
    capsys.readouterr()
    return json.loads(out.read_text(encoding="utf-8"))


def _names(fc: dict) -> set[str]:
    return {f["properties"]["name_de"] or f["properties"]["name"] for f in fc["features"]}


def test_since_and_until_keep_what_is_dated_inside(tmp_path, capsys):
    store = _store(tmp_path, capsys)
    everything = _export(store, capsys)
    assert {"Plekhovo", "Charkiw", "Cherson"} <= _names(everything)

    late = _export(store, capsys, "--since", "2025-01-01")
    assert [a["id"] for a in late["articles"]] == ["ereignis", "winter"]
    assert "Charkiw" in _names(late) and not {"Plekhovo", "Cherson"} & _names(late)
    assert all(f["article"] != "herbst" for f in late["figures"])

    early = _export(store, capsys, "--until", "2024-12-31")
    assert "Plekhovo" in _names(early) and "Charkiw" not in _names(early)
    # the shelling of Kherson is dated by the text (March 2023), not by the article (2025),
    # so it and its article are in; the article published in 2025 and quoting nothing is out
    assert "Cherson" in _names(early)
    assert [a["id"] for a in early["articles"]] == ["ereignis", "herbst"]
    assert {f["article"] for f in early["figures"]} == {"herbst"}

    spring = _export(store, capsys, "--since", "2023-03-01", "--until", "2023-03-31")
    assert _names(spring) == {"Cherson"} and spring["figures"] == []
    assert [a["id"] for a in spring["articles"]] == ["ereignis"]


def test_a_window_that_ends_before_it_starts_is_said_in_one_line(tmp_path, capsys):
    store = _store(tmp_path, capsys)
    code = main(["export", "--store", str(store), "--since", "2025-02-01",
                 "--until", "2025-01-01"])
    err = capsys.readouterr().err
    assert code == 1 and "after --until" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as stop:
        main(["export", "--store", str(store), "--since", "1.2.2025"])
    assert stop.value.code == 2 and "not a date" in capsys.readouterr().err
