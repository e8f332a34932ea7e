"""German and English romanisations of Cyrillic names meet on one sound key. The pairs are the
German forms used by German news agencies and the GeoNames forms of the same towns."""

from __future__ import annotations

import pytest

from geo.text.translit import english_key, german_key


@pytest.mark.parametrize("german, english", [
    ("Wuhledar", "Vuhledar"), ("Tschassiw Jar", "Chasiv Yar"), ("Kupjansk", "Kupyansk"),
    ("Torezk", "Toretsk"), ("Wowtschansk", "Vovchansk"), ("Saporischschja", "Zaporizhzhya"),
    ("Charkiw", "Kharkiv"), ("Mykolajiw", "Mykolayiv"), ("Schebekino", "Shebekino"),
    ("Awdijiwka", "Avdiyivka"), ("Nowa Kachowka", "Nova Kakhovka"), ("Schtschors", "Shchors"),
    ("Jenakijewe", "Yenakiyeve"), ("Lyssytschansk", "Lysychansk"), ("Isjum", "Izyum"),
    ("Woronesch", "Voronezh"), ("Gluschkowo", "Glushkovo"), ("Slowjansk", "Slov'yans'k"),
])
def test_german_and_english_spellings_meet(german, english):
    assert german_key(german) == english_key(english)


@pytest.mark.parametrize("german, english", [
    ("Kiew", "Kyiv"),  # an exonym, not a romanisation: the gazetteer has it as an alternate
    ("Sumy", "Sudzha"), ("Belgorod", "Bryansk"),
])
def test_different_names_stay_apart(german, english):
    assert german_key(german) != english_key(english)


@pytest.mark.parametrize("name", [
    "Tschtschaw", "Schtschastja", "Saporischschja", "Zhytomyr", "Ŭzhgorod", "İstanbul",
    "ŉeu", "Łódź", "Ørsta", "O’Brien", "Slov'yans'k", "ǅemal", "Straße", "Ⅻ", "𝐀bc", "Aaachen",
    "Nowa Kachowka", "a\u0301b", "Sʹmila", "Pʼjatychatky"])
def test_the_fast_german_key_is_the_reference_replacer(name):
    """german_key runs per new word: its table and string methods must give what the
    one-pass regular expressions give."""
    from geo.text.translit import _GERMAN, _key

    assert german_key(name) == _key(name, _GERMAN)


def test_the_keys_of_many_names_at_once_are_each_ones_key():
    from geo.text.translit import german_key, german_keys

    names = ["Tschassiw", "jar", "Saporischschja", "ss", "Straße", "Ödland", "l'aquila",
             "o’brien", "ZZ", "tschtsch", "", "Kyiv", "Ǆemal", "Ὀδυσσεύς", "Щорс"]
    assert german_keys(names) == [german_key(n) for n in names]
    # a name beyond the table's scripts, or with a line break, is keyed on its own
    for odd in (["Kiew", "بغداد"], ["Kiew", "Ba\nchmut", "Tschassiw"]):
        assert german_keys(odd) == [german_key(n) for n in odd]
    assert german_keys([]) == [] and german_keys([""]) == [""]


@pytest.mark.parametrize("german, english", [
    ("Chan Junis", "Khān Yūnis"), ("El Fascher", "El Fasher"), ("Nabatijeh", "Nabatieh"),
])
def test_german_spellings_of_arabic_names_meet_the_english_ones(german, english):
    assert german_key(german) == english_key(english)


@pytest.mark.parametrize("text, surface, country", [
    ("Bei einem Angriff in Chan Junis starben drei Menschen.", "Chan Junis", "PS"),
    ("Die Miliz kontrolliert die Stadt El Fascher.", "El Fascher", "SD"),
])
def test_a_german_spelling_finds_a_town_in_an_arabic_speaking_country(gaz, text, surface,
                                                                       country):
    from place_mentions import mentions

    assert [(m.surface, m.place.country_code) for m in mentions(text, gaz)] == [(surface, country)]


def test_repeats_are_removed_as_a_run_becomes_its_first_character():
    """Keys collapse runs of a character ("Saporischschja" has one S) by removing the repeats
    behind a lookbehind, in C; it must be what replacing each run by its first character
    gives, on strings of few letters (long runs, runs across names) and line breaks."""
    import random
    import re

    from geo.text.translit import _REPEATS

    reference = re.compile(r"(.)\1+")
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice("aaSs\n\r ’ß\U0001f600") for _ in range(rng.randrange(0, 12)))
        assert _REPEATS.sub("", text) == reference.sub(r"\1", text), repr(text)
