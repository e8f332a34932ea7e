"""geo.dates: temporal expressions, their dates, article dates, the time of a figure.

Expected values are worked out by hand from the calendar (5 November 2024 is a Tuesday), not
taken from the module's output; the seed gold is tests/gold/dates_seeds.json.
"""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.dates import TimeExpr, find_temporal, format_german, published_date, when_for
from geo.paths import data_dir

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "gold" / "dates_seeds.json").read_text(encoding="utf-8"))
TUE = date(2024, 11, 5)  # a Tuesday


def d(s: str) -> date:
    return date.fromisoformat(s)


def only(text: str, published: date | None) -> TimeExpr:
    found = find_temporal(text, published)
    assert len(found) == 1, found
    return found[0]


# -- the seed gold ---------------------------------------------------------------------------

def _seed(stem: str) -> str:
    return (ROOT / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")


def test_gold_offsets_point_at_the_text():
    for stem, art in GOLD["articles"].items():
        text = _seed(stem)
        for e in art["expressions"]:
            assert text[e["start"]:e["end"]] == e["text"], (stem, e)


def _score() -> dict[str, list[str]]:
    """Matches of the module against the gold, per kind of miss."""
    out: dict[str, list[str]] = {"gold": [], "found": [], "missed": [], "extra": [],
                                 "resolved": [], "wrong": []}
    for stem, art in GOLD["articles"].items():
        text = _seed(stem)
        got = {(e.start, e.end): e for e in find_temporal(text, d(art["published"]))}
        gold = {(g["start"], g["end"]): g for g in art["expressions"]}
        for key, g in gold.items():
            out["gold"].append(g["text"])
            e = got.get(key)
            if e is None:
                out["missed"].append(f"{stem[:3]} {g['text']}")
                continue
            out["found"].append(g["text"])
            want = (g["begin"], g["end_date"], g["granularity"], g["kind"])
            have = (str(e.begin), str(e.end_date), e.granularity, e.kind)
            if have == want:
                out["resolved"].append(g["text"])
            else:
                out["wrong"].append(f"{stem[:3]} {g['text']}: {have} != {want}")
        out["extra"] += [f"{stem[:3]} {e.text}" for key, e in got.items() if key not in gold]
    return out


def test_gold_expressions_and_resolutions():
    s = _score()
    n_gold, n_found = len(s["gold"]), len(s["found"])
    n_pred = n_found + len(s["extra"])
    print(f"\nexpressions: recall {n_found}/{n_gold}, precision {n_found}/{n_pred}; "
          f"resolutions right {len(s['resolved'])}/{n_gold}")
    assert n_gold == 34
    assert not s["missed"], s["missed"]
    assert not s["extra"], s["extra"]
    assert not s["wrong"], s["wrong"]


def test_gold_non_dates_stay_undated():
    for stem, art in GOLD["articles"].items():
        text = _seed(stem)
        found = find_temporal(text, d(art["published"]))
        for nd in art["not_dates"]:
            pos = -1
            while (pos := text.find(nd["text"], pos + 1)) >= 0:
                end = pos + len(nd["text"])
                assert not [e for e in found if e.start < end and pos < e.end], (stem, nd)


def test_seeds_have_no_date_of_their_own():
    """None of the seeds prints a full date ('Stand:' in 002 lost it): no guess is made."""
    for stem in GOLD["articles"]:
        assert published_date(_seed(stem), None, f"{stem}.txt", None) == (None, "none")


# -- pattern classes (publication: Tuesday 5 November 2024 unless said) -------------------------

ABSOLUTE = [
    ("am 4. November", TUE, "am 4. November", "2024-11-04", "2024-11-04", "day"),
    ("Die Truppen griffen am 4.11. an.", TUE, "am 4.11.", "2024-11-04", "2024-11-04", "day"),
    ("4. November 2024", None, "4. November 2024", "2024-11-04", "2024-11-04", "day"),
    ("am 5. Nov. 2024", None, "am 5. Nov. 2024", "2024-11-05", "2024-11-05", "day"),
    ("am 12.3.24 kam es", None, "am 12.3.24", "2024-03-12", "2024-03-12", "day"),
    ("im Oktober 2024", None, "im Oktober 2024", "2024-10-01", "2024-10-31", "month"),
    ("im Jänner 2025", None, "im Jänner 2025", "2025-01-01", "2025-01-31", "month"),
    ("Ende Oktober gab er an", TUE, "Ende Oktober", "2024-10-21", "2024-10-31", "period"),
    ("Anfang Februar 2024", None, "Anfang Februar 2024", "2024-02-01", "2024-02-10", "period"),
    ("Ende Februar 2024", None, "Ende Februar 2024", "2024-02-21", "2024-02-29", "period"),
    ("Mitte Dezember", d("2025-01-05"), "Mitte Dezember", "2024-12-11", "2024-12-20", "period"),
    ("diesen Dienstag, den 5. November, sagte er", TUE, "diesen Dienstag, den 5. November",
     "2024-11-05", "2024-11-05", "day"),
    ("im Dezember", d("2025-01-05"), "im Dezember", "2024-12-01", "2024-12-31", "month"),
    ("im Juni", TUE, "im Juni", "2024-06-01", "2024-06-30", "month"),
    ("im März", TUE, "im März", "2024-03-01", "2024-03-31", "month"),
    ("am 7. November soll", TUE, "am 7. November", "2024-11-07", "2024-11-07", "day"),
    ("im Jahr 1939", None, "im Jahr 1939", "1939-01-01", "1939-12-31", "year"),
    ("Im Sommer", d("2024-12-17"), "Im Sommer", "2024-06-01", "2024-08-31", "period"),
    ("im Winter", d("2025-01-10"), "im Winter", "2024-12-01", "2025-02-28", "period"),
    ("Ende 2024", None, "Ende 2024", "2024-09-01", "2024-12-31", "period"),
]


@pytest.mark.parametrize("text,pub,surface,begin,end,gran", ABSOLUTE)
def test_absolute(text, pub, surface, begin, end, gran):
    e = only(text, pub)
    assert (e.text, str(e.begin), str(e.end_date), e.granularity, e.kind) == (
        surface, begin, end, gran, "absolute")
    assert text[e.start:e.end] == e.text


RELATIVE = [
    ("am Montag", TUE, "am Montag", "2024-11-04", "2024-11-04", "day"),
    ("am Dienstag", TUE, "am Dienstag", "2024-11-05", "2024-11-05", "day"),
    ("vergangenen Montag", d("2024-11-04"), "vergangenen Montag", "2024-10-28", "2024-10-28",
     "day"),
    ("am kommenden Freitag", TUE, "am kommenden Freitag", "2024-11-08", "2024-11-08", "day"),
    ("am Wochenende", TUE, "am Wochenende", "2024-11-02", "2024-11-03", "period"),
    ("am Wochenende", d("2024-11-03"), "am Wochenende", "2024-11-02", "2024-11-03", "period"),
    ("gestern", TUE, "gestern", "2024-11-04", "2024-11-04", "day"),
    ("Vorgestern", TUE, "Vorgestern", "2024-11-03", "2024-11-03", "day"),
    ("heute", TUE, "heute", "2024-11-05", "2024-11-05", "day"),
    ("heute Morgen", TUE, "heute Morgen", "2024-11-05", "2024-11-05", "day"),
    ("morgen", TUE, "morgen", "2024-11-06", "2024-11-06", "day"),
    ("vergangene Woche", TUE, "vergangene Woche", "2024-10-28", "2024-11-03", "week"),
    ("in der vergangenen Woche", TUE, "in der vergangenen Woche", "2024-10-28", "2024-11-03",
     "week"),
    ("letzte Woche", d("2025-01-01"), "letzte Woche", "2024-12-23", "2024-12-29", "week"),
    ("diese Woche", TUE, "diese Woche", "2024-11-04", "2024-11-10", "week"),
    ("nächste Woche", TUE, "nächste Woche", "2024-11-11", "2024-11-17", "week"),
    ("letzten Monat", TUE, "letzten Monat", "2024-10-01", "2024-10-31", "month"),
    ("letzten Monat", d("2024-01-15"), "letzten Monat", "2023-12-01", "2023-12-31", "month"),
    ("im vergangenen Jahr", TUE, "im vergangenen Jahr", "2023-01-01", "2023-12-31", "year"),
    ("im vergangenen August", d("2024-12-16"), "im vergangenen August", "2024-08-01",
     "2024-08-31", "month"),
    ("im vergangenen August", d("2024-08-20"), "im vergangenen August", "2023-08-01",
     "2023-08-31", "month"),
    ("vor drei Tagen", TUE, "vor drei Tagen", "2024-11-02", "2024-11-02", "day"),
    ("vor 3 Tagen", TUE, "vor 3 Tagen", "2024-11-02", "2024-11-02", "day"),
    ("vor zwei Wochen", TUE, "vor zwei Wochen", "2024-10-21", "2024-10-27", "week"),
    ("vor einem Monat", TUE, "vor einem Monat", "2024-10-01", "2024-10-31", "month"),
    ("am Sonntagabend", TUE, "am Sonntagabend", "2024-11-03", "2024-11-03", "day"),
    ("am Donnerstag vergangener Woche", TUE, "am Donnerstag vergangener Woche", "2024-10-31",
     "2024-10-31", "day"),
    ("Anfang der Woche", TUE, "Anfang der Woche", "2024-11-04", "2024-11-06", "period"),
    ("Ende letzten Monats", TUE, "Ende letzten Monats", "2024-10-21", "2024-10-31", "period"),
    ("Mitte des Jahres", TUE, "Mitte des Jahres", "2024-05-01", "2024-08-31", "period"),
]


@pytest.mark.parametrize("text,pub,surface,begin,end,gran", RELATIVE)
def test_relative(text, pub, surface, begin, end, gran):
    e = only(text, pub)
    assert (e.text, str(e.begin), str(e.end_date), e.granularity, e.kind) == (
        surface, begin, end, gran, "relative")


PERIODS = [
    ("seit dem 6. August", TUE, "seit dem 6. August", "2024-08-06", "2024-11-05"),
    ("seit vier Monaten", TUE, "seit vier Monaten", "2024-07-05", "2024-11-05"),
    ("seit Anfang Oktober", TUE, "seit Anfang Oktober", "2024-10-01", "2024-11-05"),
    ("seit 1939 herrscht", TUE, "seit 1939", "1939-01-01", "2024-11-05"),
    ("seit gestern", TUE, "seit gestern", "2024-11-04", "2024-11-05"),
    ("zwischen dem 1. und 3. November", TUE, "zwischen dem 1. und 3. November", "2024-11-01",
     "2024-11-03"),
    ("vom 1. bis 3. November", TUE, "vom 1. bis 3. November", "2024-11-01", "2024-11-03"),
    ("vom 1. bis zum 3. November 2023", None, "vom 1. bis zum 3. November 2023", "2023-11-01",
     "2023-11-03"),
    ("vom 28. Dezember bis 3. Januar", d("2025-01-10"), "vom 28. Dezember bis 3. Januar",
     "2024-12-28", "2025-01-03"),
    ("am 5. und 6. November", TUE, "am 5. und 6. November", "2024-11-05", "2024-11-06"),
    ("1.–3. November", TUE, "1.–3. November", "2024-11-01", "2024-11-03"),
    ("vom 28.-30.10.2023", None, "vom 28.-30.10.2023", "2023-10-28", "2023-10-30"),
    ("von Oktober bis Dezember 2024", None, "von Oktober bis Dezember 2024", "2024-10-01",
     "2024-12-31"),
    ("in den vergangenen zwei Wochen", TUE, "in den vergangenen zwei Wochen", "2024-10-22",
     "2024-11-05"),
]


@pytest.mark.parametrize("text,pub,surface,begin,end", PERIODS)
def test_periods(text, pub, surface, begin, end):
    e = only(text, pub)
    assert (e.text, str(e.begin), str(e.end_date), e.granularity, e.kind) == (
        surface, begin, end, "period", "period")


def test_vague_periods_follow_the_lexicon_convention():
    e = only("in den letzten Tagen", TUE)
    assert (e.begin, e.end_date, e.vague) == (d("2024-10-29"), TUE, True)
    e = only("in den kommenden Wochen", TUE)
    assert (e.begin, e.end_date, e.vague) == (d("2024-11-06"), d("2024-12-03"), True)
    e = only("seit Monaten", TUE)
    assert (e.begin, e.end_date, e.vague) == (d("2024-05-05"), TUE, True)
    e = only("vor etwa einer Woche", TUE)  # the hedge keeps the week, flags it vague
    assert (e.begin, e.end_date, e.granularity, e.vague) == (
        d("2024-10-28"), d("2024-11-03"), "week", True)


def test_weekday_in_a_future_clause_is_the_next_one():
    text = "Am Mittwoch werden die Abgeordneten abstimmen. Am Mittwoch rief er dazu auf."
    first, second = find_temporal(text, TUE)
    assert first.begin == d("2024-11-06")
    assert second.begin == d("2024-10-30")


def test_without_publication_date_relative_and_yearless_stay_unresolved():
    text = "Am Montag, gestern, im Dezember und seit dem 6. August 2024, am 4. November 2024."
    found = find_temporal(text, None)
    assert [e.text for e in found] == ["Am Montag", "gestern", "im Dezember",
                                      "seit dem 6. August 2024", "am 4. November 2024"]
    assert [(e.begin, e.end_date) for e in found[:3]] == [(None, None)] * 3
    assert (found[3].begin, found[3].end_date) == (d("2024-08-06"), None)
    assert found[4].begin == found[4].end_date == d("2024-11-04")


def test_offsets_are_exact_in_running_text():
    text = ("Kiew. Seit dem 6. August kämpfen sie; vergangene Woche fielen 30 Soldaten,\n"
            "am 4.11. weitere 20 – gestern Abend erneut.")
    found = find_temporal(text, TUE)
    assert [text[e.start:e.end] for e in found] == [e.text for e in found] == [
        "Seit dem 6. August", "vergangene Woche", "am 4.11.", "gestern Abend"]


# -- traps ------------------------------------------------------------------------------------

TRAPS = [
    "die 5. Armee rückte vor", "Artikel 5 des Vertrags", "2.000 Soldaten", "rund 2000 weitere",
    "den Ersten Weltkrieg", "seit dem Zweiten Weltkrieg", "das Ende des Krieges",
    "bis zum Ende ihres Einsatzes", "um 5 Uhr", "um 14.30 Uhr", "1.000", "10.000 bis 12.000",
    "Seite 12", "§ 5 Abs. 2", "S. 5. Absatz 3.", "1939 Soldaten", "seit 1939 Soldaten",
    "Jan Hansen sagte", "August Bebel", "am Morgen", "die Oktober-Offensive",
    "60-mm-Mörsern", "Kapitel 3.2.1", "Version 1.2.3.4", "am 31. Februar", "seit den USA",
    "zum ersten Mal", "montags", "Morgen beginnt die Offensive", "die 3.-5. Armee", "Seiten 3-5.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps_are_not_dates(text):
    assert find_temporal(text, TUE) == []


def test_time_of_day_does_not_break_a_date():
    e = only("am 5. November um 14 Uhr", TUE)
    assert (e.text, e.begin) == ("am 5. November", TUE)
    e = only("05.11.2024, 14:32 Uhr", None)
    assert (e.text, e.begin) == ("05.11.2024", TUE)


# -- linear time ------------------------------------------------------------------------------

@pytest.mark.parametrize("unit", ["1", "1.", "12.11.", "am ", "seit dem vom 1. bis ", "Ende des ",
                                  "<a ", '<meta a="', "<!", "<time datetime=2024-11-05>",
                                  "Montagabend", "Jahre ", "Oktober "])
def test_linear_time_on_a_megabyte(unit):
    text = unit * (1_000_000 // len(unit))
    t0 = time.perf_counter()
    find_temporal(text, TUE)
    published_date(text, text, text[:300], None)
    assert time.perf_counter() - t0 < 30  # quadratic behaviour would take hours


def test_time_grows_linearly():
    def cost(n: int) -> float:
        text = "am " * n
        best = float("inf")
        for _ in range(3):  # CPU time of the quickest run: the test machines are shared
            t0 = time.process_time()
            find_temporal(text, TUE)
            best = min(best, time.process_time() - t0)
        return best

    small, large = cost(25_000), cost(100_000)
    assert large < 10 * small  # 4x the input: linear ~4x, quadratic 16x


# -- publication date -------------------------------------------------------------------------

HTML_META = ('<html><head><meta property="article:published_time" '
             'content="2024-11-05T23:30:00+01:00"></head><body>x</body></html>')
HTML_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
           '[{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2024-11-04T08:00"}]}'
           '</script>')
HTML_TIME = '<p>Von Anna <time datetime="2024-11-03">3. November</time></p>'


def test_published_date_sources_in_order_of_trust():
    assert published_date("", HTML_META, "20240101_x.txt", TUE) == (TUE, "user")
    assert published_date("Stand: 01.01.2024", HTML_META, None, None) == (TUE, "html")
    assert published_date("", HTML_LD, None, None) == (d("2024-11-04"), "html")
    assert published_date("", HTML_TIME, None, None) == (d("2024-11-03"), "html")
    assert published_date("", '<meta name="date" content="05.11.2024">', None, None) == (
        TUE, "html")
    assert published_date("Stand: 05.11.2024\nText", None, "20240101_x.txt", None) == (
        TUE, "text")
    assert published_date("", "<p>kein Datum</p>", "2024-11-05_kursk.txt", None) == (
        TUE, "filename")
    assert published_date("", None, "/a/b/20241105-kursk.html", None) == (TUE, "filename")
    assert published_date("kein Datum", None, "kursk.txt", None) == (None, "none")


@pytest.mark.parametrize("text", [
    "Stand: 05.11.2024",
    "Veröffentlicht am 5. November 2024",
    "zum Hauptinhalt\n\n05.11.2024, 14:32 Uhr\n\nAm 3. November 2024 griffen sie an.",
    "Berlin, 5. November 2024\nDie Lage ist ernst.",
    "Aktualisiert am 06.11.2024\nVeröffentlicht am 05.11.2024",
])
def test_published_date_from_a_date_line(text):
    assert published_date(text, None, None, None) == (TUE, "text")


@pytest.mark.parametrize("text", [
    "Am 5. November 2024 griffen die Truppen das Dorf an und töteten viele.",  # event, not dateline
    "Stand:\n\nText ohne Datum",
    "Stand: 5. November",  # no year: no guess
    "x\n" * 40 + "Stand: 05.11.2024",  # far from the start
])
def test_published_date_never_guesses(text):
    assert published_date(text, None, None, None) == (None, "none")


def test_published_date_survives_broken_html():
    deep = '<script type="application/ld+json">' + "[" * 100_000 + "</script>"
    assert published_date("", deep + HTML_TIME, None, None) == (d("2024-11-03"), "html")
    unclosed = '<script type="application/ld+json">{"datePublished": "2024-11-05"}'
    assert published_date("", unclosed, None, None) == (None, "none")
    commented = "<!-- <time datetime='2024-01-01'> -->" + HTML_TIME
    assert published_date("", commented, None, None) == (d("2024-11-03"), "html")


def test_published_date_rejects_impossible_filename_dates():
    assert published_date("", None, "20241305_x.txt", None) == (None, "none")
    assert published_date("", None, "123202411051.txt", None) == (None, "none")


# -- when_for ---------------------------------------------------------------------------------

def _span(text: str, part: str) -> tuple[int, int]:
    i = text.index(part)
    return i, i + len(part)


def test_when_for_prefers_the_same_clause():
    text = ("Im Oktober wurden nach Angaben der Armee 3.000 Soldaten verlegt; am Montag kamen "
            "30 hinzu.")
    exprs = find_temporal(text, TUE)
    s, e = _span(text, "3.000")
    got = when_for(s, e, 0, len(text), exprs, TUE, text=text)
    assert got == {"start": "2024-10-01", "end": "2024-10-31", "granularity": "month",
                   "text": "Im Oktober", "start_offset": 0, "end_offset": 10,
                   "time_source": "text"}
    # without the text the nearer expression wins, across the clause
    assert when_for(s, e, 0, len(text), exprs, TUE)["text"] == "am Montag"
    s, e = _span(text, "30")
    assert when_for(s, e, 0, len(text), exprs, TUE, text=text)["start"] == "2024-11-04"


def test_when_for_falls_back_to_the_article_date():
    text = "Am Montag fielen 30 Soldaten. Insgesamt sind 3.000 im Einsatz."
    exprs = find_temporal(text, TUE)
    second = text.index("Insgesamt")
    s, e = _span(text, "3.000")
    got = when_for(s, e, second, len(text), exprs, TUE)
    assert got == {"start": "2024-11-05", "end": "2024-11-05", "granularity": "day",
                   "text": None, "start_offset": None, "end_offset": None,
                   "time_source": "article"}
    assert when_for(s, e, second, len(text), find_temporal(text, None), None) is None


def test_when_for_keeps_an_unresolved_expression_of_an_undated_article():
    text = "Am Montag fielen 30 Soldaten."
    s, e = _span(text, "30")
    got = when_for(s, e, 0, len(text), find_temporal(text, None), None)
    assert got is not None
    assert (got["start"], got["end"], got["text"], got["time_source"]) == (
        None, None, "Am Montag", "text")


# -- formatting and round trip ----------------------------------------------------------------

def test_format_german():
    assert format_german(TUE) == "5. November 2024"
    assert format_german(date(2025, 3, 31)) == "31. März 2025"


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)))
def test_format_and_parse_round_trip(day):
    for written in (format_german(day), day.strftime("%d.%m.%Y")):
        for text in (written, f"Am {written} griffen Truppen an."):
            e = only(text, None)
            assert e.text in (written, f"Am {written}")
            assert (e.begin, e.end_date, e.granularity, e.kind) == (day, day, "day", "absolute")


# -- the lexicon ------------------------------------------------------------------------------

def test_lexicon_carries_source_licence_and_covers_the_calendar():
    lex = json.loads((data_dir() / "lexicon" / "temporal_de.json").read_text(encoding="utf-8"))
    assert lex["_source"] and lex["_licence"] == "MIT"
    assert sorted(set(lex["months"].values())) == list(range(1, 13))
    assert lex["months"]["jänner"] == 1
    assert sorted(set(lex["weekdays"].values())) == list(range(7))
    assert {lex["numbers"][w] for w in ("ein", "zwei", "zwölf")} == {1, 2, 12}
    assert set(lex["units"].values()) == {"hour", "day", "week", "month", "year"}
    assert sorted(lex["day_ordinals"].values()) == list(range(1, 32))


# -- days as words, counted hours, a season with its year ----------------------------------------

@pytest.mark.parametrize("text,pub,surface,begin", [
    ("am ersten November", TUE, "am ersten November", "2024-11-01"),
    ("Am dritten Oktober 2023 kam es", None, "Am dritten Oktober 2023", "2023-10-03"),
    ("seit dem einunddreißigsten August", TUE, "seit dem einunddreißigsten August", "2024-08-31"),
    ("Dienstag, den fünften November", TUE, "Dienstag, den fünften November", "2024-11-05"),
])
def test_day_written_as_a_word(text, pub, surface, begin):
    e = only(text, pub)
    assert (e.text, str(e.begin)) == (surface, begin)


@pytest.mark.parametrize("text", ["zum ersten Mal", "am ersten Tag", "am dreißigsten Februar"])
def test_a_word_day_needs_a_month_that_has_it(text):
    assert find_temporal(text, TUE) == []


def test_counted_hours_are_whole_days():
    e = only("in den letzten 24 Stunden", TUE)
    assert (e.text, e.begin, e.end_date, e.kind) == (
        "in den letzten 24 Stunden", d("2024-11-04"), TUE, "period")
    e = only("seit 48 Stunden", TUE)
    assert (e.begin, e.end_date) == (d("2024-11-03"), TUE)
    e = only("in den nächsten 12 Stunden", TUE)
    assert (e.begin, e.end_date) == (TUE, d("2024-11-06"))
    # without a count or with "vor" the day depends on the unknown hour of publication
    assert find_temporal("in den nächsten Stunden, seit Stunden, vor drei Stunden", TUE) == []


def test_a_season_with_its_year_needs_no_preposition():
    e = only("Frühjahr 2023 begann die Offensive", None)
    assert (e.text, e.begin, e.end_date, e.kind) == (
        "Frühjahr 2023", d("2023-03-01"), d("2023-05-31"), "absolute")
    assert find_temporal("Der Sommer war heiß, Herbst 500 Soldaten.", TUE) == []


# -- windows: the same expressions as parsing from every token ---------------------------------

def _every_token(text: str, published: date | None) -> list[TimeExpr]:
    """The grammar tried at every token of the whole text: what the windows must reproduce."""
    from geo.dates._find import _Grammar
    from geo.dates._lexicon import lexicon

    grammar = _Grammar(text, lexicon(), 0, len(text))
    return grammar.run(published, list(range(grammar.n)), 0, 0)


def _soup_words() -> list[str]:
    from geo.dates._lexicon import lexicon

    lex = lexicon()
    words = {*lex.months, *lex.month_abbreviations, *lex.weekdays, *lex.weekend,
             *lex.relative_days, *lex.modifiers, *lex.units, *lex.numbers, *lex.parts,
             *lex.seasons, *lex.part_articles, *lex.future_markers, *lex.count_nouns,
             *lex.dayparts, *lex.day_ordinals, *lex.apposition,
             *(w for ps in lex.openers.values() for p in ps for w in p),
             *(w for p in lex.hedges for w in p), "Jahrhundert", "Bundestag", "Morgen"}
    return sorted(words | {w.capitalize() for w in words} | {w.upper() for w in words})


_PIECES = st.one_of(st.sampled_from(_soup_words()), st.integers(0, 3000).map(str),
                    st.sampled_from([".", ".", ",", "-", "–", ":", "/", "(", "\n", "İ"]))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_PIECES, st.sampled_from(["", " ", " ", "\n"])), max_size=40),
       st.sampled_from([None, TUE, d("2025-01-05")]))
def test_windows_find_what_every_token_finds(pieces, pub):
    text = "".join(a + b for a, b in pieces)
    assert find_temporal(text, pub) == _every_token(text, pub)


def test_capitalised_needles_know_every_capital_of_their_first_letter():
    """The scan looks for 'O' + 'ktober' in any case: no other capital lowercases to 'o'."""
    from geo.dates._find import _scanner

    firsts = {alt[0].lower() for alt in _scanner().capitals.pattern.split("|")}
    others = [c for c in map(chr, range(0x110000))
              if c.isupper() and c.lower() in firsts and c != c.lower().upper()]
    assert others == []


@pytest.mark.parametrize("text, expected", [
    ("Charkiw, 14. Oktober 2025. Bei heftigen Kämpfen wurden 12 Menschen verletzt.",
     date(2025, 10, 14)),
    ("Kiew (dpa), 5. November 2024 – Die Armee meldete neue Angriffe.", date(2024, 11, 5)),
    ("Am 5. November 2024 meldete die Armee in Charkiw neue Angriffe.", None),
    ("Die Armee, 5. November 2024 hat neue Zahlen genannt.", None),
])
def test_a_dateline_opening_the_text_dates_the_article(text, expected):
    got, origin = published_date(text, None, None, None)
    assert (got, origin) == (expected, "text" if expected else "none")
