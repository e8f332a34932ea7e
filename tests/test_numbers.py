"""German number parsing: values, hedges, ranges, vague plurals, and what is no number."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.figures.quantities import (
    find_quantities,
    format_german,
    german_words,
    is_date,
    may_hold_number,
    parse_number,
)


def one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    return text[q.start:q.end], q.low, q.high, q.qualifier, q.vague


@pytest.mark.parametrize("text, value", [
    ("10.000", 10_000), ("2000", 2_000), ("3.000", 3_000), ("1,5 Millionen", 1_500_000),
    ("2 Mio.", 2_000_000), ("eine Million", 1_000_000), ("drei", 3), ("fünf", 5),
    ("zwölf", 12), ("zehntausend", 10_000), ("dreißig", 30), ("Tausend", 1_000),
    ("einundzwanzig", 21), ("zwei Dutzend", 24), ("10 000", 10_000), ("250.000", 250_000),
    ("Dutzende", 24), ("Hunderte", 200), ("Tausende", 2_000), ("Zehntausende", 20_000),
    ("mehrere hundert", 200), ("einige Tausend", 2_000),
])
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["und", "ein", "Soldaten", "dritten", "dreijährigen", "", "."])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize("text, expected", [
    ("rund 400 Kämpfer", ("rund 400", 400, 400, "approx", False)),
    ("etwa 12.500 Mann", ("etwa 12.500", 12_500, 12_500, "approx", False)),
    ("ca. 70 Verletzte", ("ca. 70", 70, 70, "approx", False)),
    ("geschätzte 900", ("geschätzte 900", 900, 900, "approx", False)),
    ("knapp 5000", ("knapp 5000", 5_000, 5_000, "up_to", False)),  # just under 5000
    ("fast 9.000", ("fast 9.000", 9_000, 9_000, "up_to", False)),
    ("mehr als 11'000", ("mehr als 11'000", 11_000, 11_000, "at_least", False)),  # Swiss
    ("rund 2’500", ("rund 2’500", 2_500, 2_500, "approx", False)),
    ("mindestens vierzig Tote", ("mindestens vierzig", 40, 40, "at_least", False)),
    ("mehr als 1.200 Gefangene", ("mehr als 1.200", 1_200, 1_200, "at_least", False)),
    ("über 70 Verwundete", ("über 70", 70, 70, "at_least", False)),
    ("bis zu 6.500 Reservisten", ("bis zu 6.500", 6_500, 6_500, "up_to", False)),
    ("höchstens 90", ("höchstens 90", 90, 90, "up_to", False)),
    ("7.000 bis 9.000 Mann", ("7.000 bis 9.000", 7_000, 9_000, "range", False)),
    ("7.000 – 9.000", ("7.000 – 9.000", 7_000, 9_000, "range", False)),
    ("7000-9000", ("7000-9000", 7_000, 9_000, "range", False)),
    ("zwischen 400 und 600 Soldaten", ("zwischen 400 und 600", 400, 600, "range", False)),
    ("zwei bis drei Millionen", ("zwei bis drei Millionen", 2_000_000, 3_000_000, "range", False)),
    ("Hunderte Zivilisten", ("Hunderte", 200, 200, "at_least", True)),
    ("„Mindestens 800“ seien", ("Mindestens 800", 800, 800, "at_least", False)),
    ("rund 45 Quadratkilometer", ("rund 45 Quadratkilometer", 45, 45, "approx", False)),
    ("mehr als 1.000 km²", ("mehr als 1.000 km²", 1_000, 1_000, "at_least", False)),
    ("dreissig Soldaten", ("dreissig", 30, 30, "exact", False)),  # "ß" as Swiss papers write it
    ("Dreißig Soldaten", ("Dreißig", 30, 30, "exact", False)),
])
def test_find_quantities(text: str, expected: tuple) -> None:
    assert one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("getötet und tausend verletzt", ("tausend", 1000)),
    ("und hundert weitere", ("hundert", 100)),
])
def test_a_word_before_a_number_that_reads_as_none_is_left_out(text: str, expected: tuple) -> None:
    """ "und tausend" would read as one number ("und" is a part of "einundzwanzig") but is none;
    the number after it still counts."""
    (q,) = find_quantities(text)
    assert (text[q.start:q.end], q.low) == expected


def test_area_flag() -> None:
    assert find_quantities("rund 45 Quadratkilometer")[0].area
    assert not find_quantities("rund 45 Soldaten")[0].area


@pytest.mark.parametrize("text", ["60-mm-Mörser", "F-16-Kampfjets", "Su-34", "im dreijährigen Krieg",
                                  "der dritten Welle", "Kampfflugzeuge vom Typ MiG-29",
                                  "darüber hinaus"])
def test_no_numbers_in_words_and_compounds(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, is_day", [
    ("am 4. November", True), ("seit dem 16. März", True), ("der 2. Weltkrieg", False),
    ("am 3. und 4. Mai", True), ("zum 2. mal", True), ("es waren 40 Soldaten", False),
])
def test_is_date(text: str, is_day: bool) -> None:
    q = find_quantities(text)[0]
    assert is_date(text, q.start, q.end) == is_day


@given(st.text(max_size=300))
@settings(max_examples=300)
def test_never_crashes_on_arbitrary_text(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert q.low <= q.high


_GERMANISH = st.text(alphabet="0123456789.,– -bisundzwchenrtaMiloDuzdhäöüßgeckx²", max_size=60)


@given(_GERMANISH)
@settings(max_examples=500)
def test_never_crashes_on_number_like_text(text: str) -> None:
    for q in find_quantities(text):
        assert q.low <= q.high
    parse_number(text)


@given(st.integers(min_value=0, max_value=10**9))
def test_format_then_parse_roundtrip(n: int) -> None:
    assert parse_number(format_german(n)) == n


@given(st.integers(min_value=0, max_value=999_999))
def test_words_roundtrip_through_text2num(n: int) -> None:
    """text2num's German is beta: every word form below a million must come back."""
    words = german_words(n)
    if n == 1:
        words = "eins"
    assert parse_number(words) == n
    assert parse_number(words.capitalize()) == n


@given(st.integers(min_value=13, max_value=10**7), st.sampled_from(["rund", "mindestens", "bis zu"]))
def test_hedged_formatted_number_in_a_sentence(n: int, hedge: str) -> None:
    text = f"Nach Angaben des Militärs sind {hedge} {format_german(n)} Soldaten dort."
    (q,) = find_quantities(text)
    assert (q.low, q.high) == (n, n)
    assert text[q.start:q.end] == f"{hedge} {format_german(n)}"


@pytest.mark.parametrize("text, holds", [
    ("Die Armee meldete schwere Kämpfe.", False),
    ("Ein Sprecher sagte, die Lage sei ernst.", False),  # "ein" alone is no number
    ("Dabei wurden 12 Menschen verletzt.", True),
    ("Dabei wurden zwölf Menschen verletzt.", True),
    ("Hunderte Soldaten zogen ab.", True),
    ("Es waren mehrere hundert.", True),
])
def test_may_hold_number(text: str, holds: bool) -> None:
    assert may_hold_number(text) is holds


@given(st.text(alphabet="abcdefghinrstuvwzäöüßDHTZ .,-0123456789", max_size=60))
@settings(max_examples=300, deadline=None)
def test_no_quantity_where_no_number_may_be(text: str) -> None:
    """The cheap test never skips text in which find_quantities finds a number."""
    if not may_hold_number(text):
        assert find_quantities(text) == []
