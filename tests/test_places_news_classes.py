"""The place-recognition error classes seen on real German news (issue 10), each on sentences
written for these tests: settlement words before a name, district type words, a country's
genitive before a noun, local services named after their town."""

from __future__ import annotations

from place_mentions import mentions as _mentions

from geo import lexicon


def _by_surface(text: str, gaz) -> dict[str, tuple[str, str]]:
    return {m.surface: (m.place.country_code, m.place.feature_code) for m in _mentions(text, gaz)}


def test_a_settlement_word_makes_a_small_or_given_name_a_town(gaz):
    # "Rafah" is a given name too, "Krupez" a village of no recorded population: after
    # "Stadt", "Dorf" or "Ort" each is a town
    got = _by_surface("Panzer fuhren in die südliche Stadt Rafah ein. Das Dorf Krupez wurde "
                      "zurückerobert. Gemeint ist der Ort Pobjeda.", gaz)
    assert got["Rafah"] == ("PS", "PPL")
    assert got["Krupez"][1] == "PPL" and got["Pobjeda"] == ("UA", "PPL")
    assert set(got) == {"Rafah", "Krupez", "Pobjeda"}


def test_dorf_before_a_name_counts_though_dorf_is_a_village_name_too(gaz):
    got = _by_surface("Am Montag wurde im Dorf Borowa ein Mann verletzt.", gaz)
    assert list(got) == ["Borowa"] and got["Borowa"][1] == "PPL"


def test_a_district_type_word_makes_the_district_at_its_seat(gaz):
    found = _mentions("Im Bezirk Melk und im Rajon Bohoduchiw stieg das Wasser.", gaz)
    assert [m.surface for m in found] == ["Melk", "Bohoduchiw"]
    melk, bohoduchiw = found
    assert (melk.place.country_code, melk.place.feature_code) == ("AT", "ADM2")
    assert melk.place.precision == "district_seat" and melk.place.kind == "region"
    assert bohoduchiw.place.country_code == "UA" and bohoduchiw.place.feature_code == "ADM2"
    assert all(m.role == "place" for m in found)


def test_a_type_word_alone_is_no_place(gaz):
    # "Rayon" is an alternate name of Rayong (Thailand); the district after it is unknown here
    assert _mentions("Im Rayon Tschulujiw wurde ein Haus getroffen.", gaz) == []


def test_a_period_before_a_year_is_no_place(gaz):
    assert _mentions("Das Werk soll bis Mitte 2017 geschlossen werden.", gaz) == []
    # ... nor before an article: "Mitte der 1980er Jahre", "Ende des Monats" (Mitte is a
    # district of Berlin, which "in Mitte" still names)
    assert _mentions("Die Loks fuhren bis Mitte der 1980er Jahre, andere bis Ende des "
                     "Monats.", gaz) == []
    assert [m.surface for m in _mentions("Er wohnt in Mitte.", gaz)] == ["Mitte"]


def test_a_country_genitive_before_a_noun_at_the_sentence_start(gaz):
    # "Israel" is a given name too: a given name in the genitive starts no person's name
    found = _mentions("Israels Armee teilte mit, sie habe Ziele angegriffen.", gaz)
    assert [(m.surface, m.place.feature_code) for m in found] == [("Israels", "PCLI")]


def test_local_services_name_their_town(gaz):
    got = _by_surface("Die Ortsfeuerwehr Neustadt half. Die Feuerwehren Ebensee und "
                      "Altmünster pumpten Keller aus. Die Autobahnpolizei Altentreptow "
                      "sperrte die Strecke.", gaz)
    assert got["Ebensee"] == ("AT", "PPL") and got["Altmünster"] == ("AT", "PPL")
    assert got["Altentreptow"] == ("DE", "PPL") and got["Neustadt"] == ("DE", "PPL")


def test_the_cantonal_police_names_the_canton_the_city_police_the_city(gaz):
    found = _mentions("Die Kantonspolizei Zürich und die Stadtpolizei Zürich ermitteln.", gaz)
    assert [m.surface for m in found] == ["Zürich", "Zürich"]
    assert [m.place.feature_code for m in found] == ["ADM1", "PPL"]
    assert {m.place.country_code for m in found} == {"CH"}


def test_every_district_word_is_a_type_word():
    words = lexicon.load().places
    assert all(d.endswith(words.type_forms) for d in words.districts)
    assert not set(words.districts) & set(words.settlements)


def test_a_region_or_city_before_a_hyphen_is_a_place(gaz):
    found = _mentions("Seit Beginn des Gaza-Krieges flohen viele. Die Charkiw-Offensive "
                      "stockt. Die Hamas-Behörde zählt die Opfer.", gaz)
    assert [(m.surface, m.role) for m in found] == [("Gaza", "place"), ("Charkiw", "place")]
    assert [m.place.country_code for m in found] == ["PS", "UA"]


def test_a_region_inside_a_longer_hyphen_chain_is_none(gaz):
    # "Volta" is a region of Ghana, "Down" a county: words of a chain name a language family,
    # an English phrase
    assert _mentions("Die Volta-Kongo-Sprachen und der Down-to-earth-Habitus.", gaz) == []


def test_in_a_match_report_only_a_country_before_a_hyphen_counts(gaz):
    found = _mentions("Der Bayern-Trainer lobte nach dem Spieltag die Tore und die Punkte.",
                      gaz)
    assert found == []


def test_a_district_in_brackets_after_a_name_makes_it_a_place(gaz):
    # the bracket after a list's last name covers the list ("alle")
    found = _mentions("Im Einsatz waren auch Micheldorf (Bezirk Kirchdorf), Steyregg, "
                      "Tiefgraben und Pöndorf (alle Bezirk Vöcklabruck).", gaz)
    got = {m.surface: m.place for m in found}
    assert got["Micheldorf"].country_code == "AT" and got["Micheldorf"].feature_code == "PPL"
    assert got["Steyregg"].country_code == "AT" and got["Tiefgraben"].country_code == "AT"
    assert got["Vöcklabruck"].feature_code == "ADM2" and got["Kirchdorf"].feature_code == "ADM2"


def test_an_area_word_or_a_services_acronym_before_a_small_town(gaz):
    got = _by_surface("Im Raum Traunkirchen ging eine Mure ab. Die FFW Altentreptow half.", gaz)
    assert got == {"Traunkirchen": ("AT", "PPL"), "Altentreptow": ("DE", "PPL")}


def test_a_list_may_open_with_a_name_the_gazetteer_lacks(gaz):
    # "Kljutschik" is no place the gazetteer holds, and no German word: the list after the
    # settlement word still makes its known names places
    got = _by_surface("Die Truppen eroberten die Siedlungen Kljutschik und Podol zurück.", gaz)
    assert got == {"Podol": ("UA", "PPL")}
    # a frequent noun first is no such list: "Wochenende" opens no list of places
    assert _by_surface("Am Wochenende, Russland habe Truppen verlegt, sagte er.", gaz) == {
        "Russland": ("RU", "PCLI")}


def test_a_town_named_like_a_settlement_word_governs_no_list(gaz):
    # "Freistadt" ends like "Stadt" but is a town: "bei" governs the list, Ebensee is in it
    got = _by_surface("Das Hochwasser traf die Feuerwehren bei Freistadt und Ebensee.", gaz)
    assert got == {"Freistadt": ("AT", "PPL"), "Ebensee": ("AT", "PPL")}


def test_a_name_joined_to_a_place_is_read_as_one_too(gaz):
    # "Siegen" is a German verb as well: alone it is no place, joined to Hamm it is
    got = _by_surface("Geschlossen werden die Werke Hamm und Siegen, teilte der Konzern mit.", gaz)
    assert got == {"Hamm": ("DE", "PPL"), "Siegen": ("DE", "PPL")}
    assert _by_surface("Die Mannschaft will Siegen sehen.", gaz) == {}


def test_a_hamlet_after_a_preposition_counts_where_no_word_shares_its_name(gaz):
    # Warmsroth (426 people) and Geboltskirchen (407) are below the 500 that a bare name
    # after a preposition needs, but no German word is spelt like them
    got = _by_surface("Der Lkw kam zwischen Daxweiler und Warmsroth von der Straße ab. Die "
                      "Feuerwehr fuhr weiter nach Geboltskirchen.", gaz)
    assert got == {"Daxweiler": ("DE", "PPL"), "Warmsroth": ("DE", "PPL"),
                   "Geboltskirchen": ("AT", "PPL")}


def test_a_compass_word_alone_is_a_direction(gaz):
    # "Nord" is a region of Cameroon: alone it is a direction or part of a name; after a type
    # word it is still the region
    assert _mentions("Die Strecke führt von Nord nach Süd, in der Regionalliga Nord.", gaz) == []
    assert _by_surface("Die Region Nord meldete Tote.", gaz) == {"Nord": ("CM", "ADM1")}
