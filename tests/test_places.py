"""Recognition and resolution on sentences written for these tests (not from the seeds)."""

from __future__ import annotations

from place_mentions import mentions as _mentions

from geo.places.mentions import find_mentions


def _resolved(text: str, gaz) -> dict[str, str]:
    return {m.surface: m.place.place_id for m in _mentions(text, gaz)}


def test_german_exonyms_and_genitives_resolve(gaz):
    got = _resolved("Die Bewohner Moskaus und Kiews sahen nach Pjöngjang und Warschau.", gaz)
    assert got == {"Moskaus": "geonames:524901", "Kiews": "geonames:703448",
                   "Pjöngjang": "geonames:1871859", "Warschau": "geonames:756135"}


def test_countries_in_german_with_and_without_article(gaz):
    got = _resolved("Die Schweiz liefert nichts an Weißrussland, die USA schon.", gaz)
    assert got == {"Schweiz": "geonames:2658434", "Weißrussland": "geonames:630336",
                   "USA": "geonames:6252001"}


def test_type_word_makes_the_region_not_the_city(gaz):
    text = "Gefechte in der Region Charkiw; die Stadt Charkiw blieb ruhig."
    got = _mentions(text, gaz)
    # the name alone is the mention (as GermEval and news annotators mark it), the type word
    # before it makes it the region
    assert got[0].surface == "Charkiw" and got[0].place.feature_code == "ADM1"
    assert got[0].start == text.index("Charkiw")
    assert got[0].place.place_id == "geonames:706482"
    assert got[1].surface == "Charkiw" and got[1].place.feature_code != "ADM1"


def test_one_sense_per_article_after_a_typed_region(gaz):
    got = _mentions("Angriffe in der Oblast Belgorod. Später fielen Drohnen in Belgorod.", gaz)
    assert [m.place.place_id for m in got] == ["geonames:578071", "geonames:578071"]


def test_compass_prefix_resolves_to_the_country(gaz):
    (m,) = _mentions("Kämpfe in der Ostukraine dauern an.", gaz)
    assert m.surface == "Ostukraine" and m.place.place_id == "geonames:690791"


def test_persons_titles_and_organisations_are_not_places(gaz):
    text = ("Präsident Macron traf Olaf Scholz in Paris. Scholz sagte wenig. "
            "Die Financial Times und Reuters berichteten, die Nato schwieg.")
    assert _resolved(text, gaz) == {"Paris": "geonames:2988507"}


def test_ordinary_words_that_are_also_towns_are_not_places(gaz):
    text = "Die Sonne schien, der Stand war gut, die Mark fiel. Von hier aus sah man alles."
    assert _mentions(text, gaz) == []


def test_nearby_places_pull_ambiguous_names_to_the_right_homonym(gaz):
    near_kursk = _resolved("Kämpfe bei Sudscha, Plekhovo und Martynovka in der Oblast Kursk.",
                           gaz)
    assert near_kursk["Martynovka"] == "lagebild:martynovka_sudzhansky"
    near_donetsk = _resolved("In der Region Donezk rückten Truppen auf Pokrowsk vor.", gaz)
    assert near_donetsk["Pokrowsk"] == "geonames:704422"
    assert near_donetsk["Donezk"] == "geonames:709716"


def test_speaking_capitals_get_the_speaker_role(gaz):
    got = {m.surface: m.role for m in _mentions(
        "Paris erklärte, man sei besorgt. Berlin und Warschau haben protestiert. "
        "Später reisten Diplomaten nach Paris. Ein Kremlsprecher schwieg.", gaz)}
    assert got == {"Paris": "place", "Berlin": "speaker", "Warschau": "speaker", "Kreml": "speaker"}
    first = _mentions("Paris erklärte, man sei besorgt.", gaz)[0]
    assert first.role == "speaker"


def test_confidence_and_runner_up_are_kept(gaz):
    (m,) = _mentions("Truppen erreichten Pokrowsk.", gaz)
    assert 0 < m.confidence <= 1
    assert m.runner_up is not None and m.runner_up.place_id != m.place.place_id


def test_a_name_written_as_the_places_own_name_beats_an_alternate(gaz):
    got = _resolved("Kiew meldete, bei Plekhovo sei gekämpft worden.", gaz)
    assert got["Plekhovo"] == "lagebild:plekhovo"  # not Plekhiv, whose alternates include it


def test_ukrainian_oblasts_by_their_german_names(gaz):
    got = _resolved("Im Gebiet Cherson und auf der Krim wurde gekämpft; Großbritannien half.", gaz)
    assert got == {"Cherson": "geonames:706442", "Krim": "geonames:703883",
                   "Großbritannien": "geonames:2635167"}


def test_german_names_of_regions_without_one_in_the_sources(gaz):
    got = _mentions("Rekruten aus Tschetschenien und Burjatien; Kämpfe im Gazastreifen.", gaz)
    assert [(m.surface, m.place.place_id, m.place.name_de) for m in got] == [
        ("Tschetschenien", "ne:RUS-2416", "Tschetschenien"),
        ("Burjatien", "ne:RUS-2606", "Burjatien"),
        ("Gazastreifen", "ne:GAZ+00?", "Gazastreifen")]


def test_am_before_a_name_is_a_river_not_a_town(gaz):
    assert _mentions("Die Truppen stehen am Don, Schiffe am Dnipro.", gaz) == []
    (m,) = _mentions("Sie fuhren nach Rostow am Don.", gaz)
    assert m.surface == "Rostow am Don" and m.place.place_id == "geonames:501175"


def test_settlement_word_supports_a_town_known_only_by_an_alternate_name(gaz):
    (m,) = _mentions("Die Stadt Bachmut ist zerstört.", gaz)
    assert m.place.place_id == "geonames:713174"


def test_a_weak_name_counts_where_the_article_confirms_it(gaz):
    # a village of 4,000 people, with no preposition: too weak alone
    assert _mentions("Otscheretyne ist gefallen.", gaz) == []
    got = _mentions("Otscheretyne ist gefallen. Die Kämpfe in Otscheretyne dauerten Wochen.", gaz)
    assert [m.place.place_id for m in got] == ["geonames:698759"] * 2
    assert got[0].confidence < got[1].confidence


def test_german_romanisations_are_the_german_names(gaz):
    got = {m.surface: m.place.name_de for m in _mentions(
        "Bachmut und Kupjansk, Torezk und Awdijiwka liegen im Donbass; Sumy nicht.", gaz)}
    assert got == {"Bachmut": "Bachmut", "Kupjansk": "Kupjansk", "Torezk": "Torezk",
                   "Awdijiwka": "Awdijiwka", "Donbass": "Oblast Donezk", "Sumy": "Sumy"}


def test_a_region_s_own_name_beats_a_village_s_alternate(gaz):
    got = _resolved("Wahlen in Bayern und Sachsen.", gaz)
    assert got == {"Bayern": "ne:DEU-1591", "Sachsen": "ne:DEU-1601"}


def test_towns_in_club_names_are_no_places(gaz):
    text = ("Der FC Bayern schlug Borussia Dortmund, der VfL Osnabrück verlor gegen "
            "Manchester United. Dynamo Kiew spielte in Leipzig.")
    assert [m.surface for m in _mentions(text, gaz)] == ["Leipzig"]


def test_initials_and_first_names_before_small_places_make_persons(gaz):
    text = ("US-Präsident George W. Bush sprach mit Lara Croft. Später sagte Bush, "
            "der Präsident, Kiew werde nicht aufgeben.")
    assert [m.surface for m in _mentions(text, gaz)] == ["US", "Kiew"]


def test_a_given_name_before_a_surname_shared_by_a_city_is_a_person(gaz):
    # Hagen is a city of 190,000: not strong enough to make "Uta" (a town in Sardinia) a
    # place; a country after a given name still keeps it one ("Georgia Tiflis")
    got = _mentions("Sie lernte bei Uta Hagen in Paris.", gaz)
    assert [(m.surface, m.place.country_code) for m in got] == [("Paris", "FR")]
    assert [m.surface for m in _mentions("Georgia Tiflis", gaz)] == ["Georgia"]


def test_german_spellings_of_ukrainian_towns_without_german_alternates(gaz):
    text = ("Russische Truppen haben die Stadt Wuhledar eingenommen. Auch um Tschassiw Jar, "
            "Kupjansk und Torezk wird gekämpft. Angriffe auf Wowtschansk und Sumy.")
    got = _resolved(text, gaz)
    assert got == {"Wuhledar": "geonames:690823", "Tschassiw Jar": "geonames:710915",
                   "Kupjansk": "geonames:703656", "Torezk": "geonames:709354",
                   "Wowtschansk": "geonames:689304", "Sumy": "geonames:692194"}


def test_a_preposition_reaches_every_name_in_its_list(gaz):
    got = _resolved("Bei Kurachowe und Otscheretyne rücken Einheiten vor.", gaz)
    assert set(got) == {"Kurachowe", "Otscheretyne"}
    # without the preposition the town of 18,000 still counts, and the village of 4,000 (too
    # weak alone: "Otscheretyne ist gefallen") counts joined to it
    assert set(_resolved("Kurachowe und Otscheretyne sind gefallen.", gaz)) == {
        "Kurachowe", "Otscheretyne"}
    assert set(_resolved("Otscheretyne ist gefallen.", gaz)) == set()


def test_a_name_of_an_oblast_and_its_city_alone_is_the_city(gaz):
    (m,) = _mentions("Raketen trafen Mykolajiw.", gaz)
    assert m.place.feature_code.startswith("PPL") and m.place.population > 400_000


def test_a_plural_type_word_makes_every_name_of_its_list_a_region(gaz):
    got = _mentions("Drohnen über den Regionen Brjansk, Kursk und Belgorod. Der Gouverneur "
                    "des Gebiets Woronesch meldete nichts.", gaz)
    assert [(m.surface, m.place.feature_code, m.place.country_code) for m in got] == [
        ("Brjansk", "ADM1", "RU"), ("Kursk", "ADM1", "RU"), ("Belgorod", "ADM1", "RU"),
        ("Woronesch", "ADM1", "RU")]


def test_an_attacked_capital_is_a_place(gaz):
    (m,) = _mentions("Schwere Angriffe auf die Hauptstadt Kiew.", gaz)
    assert (m.surface, m.role) == ("Kiew", "place")


def test_acronyms_are_no_towns(gaz):
    got = _mentions("Der Geheimdienst NIS und das ISW berichten aus Seoul.", gaz)
    assert [m.surface for m in got] == ["Seoul"]


def test_german_names_are_written_with_a_capital(gaz):
    (m,) = _mentions("Raketen trafen Odessa.", gaz)
    assert m.place.name_de == "Odessa"


def test_capitals_in_a_list_after_a_preposition_are_places(gaz):
    got = _mentions("Auch in Berlin, Paris und London wurde das verfolgt. Am Wochenende, "
                    "Russland habe Truppen verlegt, sagte er.", gaz)
    assert [(m.surface, m.role) for m in got] == [
        ("Berlin", "place"), ("Paris", "place"), ("London", "place"), ("Russland", "speaker")]


def test_a_city_inside_a_newspaper_name_is_no_place(gaz):
    assert _mentions('Das berichtete die "New York Times" und die Washington Post.', gaz) == []


def test_a_part_of_a_country_is_a_location(gaz):
    got = _mentions("Im Osten der Ukraine und in Teilen Russlands wird gekämpft.", gaz)
    assert [(m.surface, m.role) for m in got] == [("Ukraine", "place"), ("Russlands", "place")]


def test_a_big_city_named_like_its_region_is_the_city_alone(gaz):
    (city,) = _mentions("Die UN in New York sind besorgt.", gaz)
    assert city.place.feature_code == "PPL" and city.place.population > 8_000_000
    (state,) = _mentions("Im Bundesstaat New York wird gewählt.", gaz)
    assert (state.surface, state.place.feature_code) == ("New York", "ADM1")


def test_a_list_may_start_with_a_multiword_name(gaz):
    got = _mentions("Blinken reiste nach Tel Aviv und Riad.", gaz)
    assert [(m.surface, m.role) for m in got] == [("Tel Aviv", "place"), ("Riad", "place")]


def test_the_build_time_word_decisions_are_the_rules(gaz):
    """Which words could start a name is decided when the gazetteer is built and by set
    operations per article; it must be what working the word out says."""
    from geo.places.candidates import Capitals
    from geo.places.words import describe
    from geo.text.tokens import Words

    words = ["Kursks", "Ostukraine", "Nordostukraine", "Mark", "Sonne", "Die", "Den", "Wuhledar",
             "Tschassiw", "Kremlsprecher", "US-Angaben", "Ukraine-Krieg", "Grenzregion",
             "Regionen", "Bundeswehrverwaltung", "Plechowo", "Berlin", "Essen", "Von", "Ryder"]
    capitals = Capitals(Words(" ".join(words)), gaz)
    for word in words:
        key = word.casefold()
        assert capitals.could_start(key) == describe(key, gaz).could_start, word
        assert Capitals(Words(""), gaz).could_start(key) == describe(key, gaz).could_start, word


def test_the_build_time_name_facts_are_what_the_places_say(gaz):
    """``describe`` reads what a name's places are from facts stored when the index was built;
    they must be what the places themselves say, worked out here from the places directly,
    for a sample of the index's keys spread over it and names known to mix kinds, and for
    the readings that filter a name's places (genitive, compass prefix, sound key)."""
    from geo.gazetteer import name_key
    from geo.places.words import describe

    def expected(key: str, rows: tuple[int, ...]) -> tuple:
        places = [gaz.places[r] for r in rows]
        return (frozenset(p.feature_code for p in places), max(p.population for p in places),
                any(p.curated or p.feature_code != "PPL" for p in places),
                any(key in (name_key(p.name), name_key(p.name_de)) for p in places))

    keys = list(gaz.names)[::2003] + ["kursk", "essen", "berlin", "ukraine", "hamm", "mark",
                                      "kiew", "georgia", "europa", "donezk", "malaja loknja"]
    kinds = set()
    for key in keys:
        at = gaz.names.position(key)
        assert at is not None, key
        fact = expected(key, gaz.names[key])
        assert tuple(gaz.name_facts[at]) == fact, key
        word = describe(key, gaz)
        assert (word.codes, word.big, word.curated, word.own) == fact, key
        kinds.add((fact[2], fact[3], len(fact[0]) > 1))
    assert len(kinds) >= 4  # the sample holds curated and plain, own and alternate, mixed codes
    for key in ("kursks", "ostukraine", "wuhledar"):  # filtered places: worked out per word
        word = describe(key, gaz)
        assert word.rows and key not in gaz.names, key
        assert (word.codes, word.big, word.curated, word.own) == expected(word.key, word.rows)
    # spelled out: Georgia is a country and a US state, by their own names; "Cloud" is only an
    # alternate name, of a small town; Essen names three towns, the largest the city of
    # 593,085; Malaja Loknja is a supplement village, its own name only as the German one
    georgia = gaz.name_facts[gaz.names.position("georgia")]
    assert (georgia.codes, georgia.curated, georgia.own) == (frozenset({"PCLI", "ADM1"}), True, True)
    cloud = gaz.name_facts[gaz.names.position("cloud")]
    assert (cloud.codes, cloud.curated, cloud.own) == (frozenset({"PPL"}), False, False)
    assert 0 < cloud.big < 100_000
    assert gaz.name_facts[gaz.names.position("essen")].big == 593_085
    village = gaz.name_facts[gaz.names.position("malaja loknja")]
    assert (village.curated, village.own, village.big) == (True, True, 0)


def test_sentences_without_candidates_are_skipped_but_names_are_not(gaz):
    text = ("Das Wetter war schön. Viele Leute gingen spazieren. Drohnen trafen 3Kursk und "
            "Charkiw. Die Sonne schien.")
    assert [m.surface for m in _mentions(text, gaz)] == ["Kursk", "Charkiw"]


def test_inflected_settlement_words_make_their_list_places(gaz):
    # "Ortschaften", "Dörfern" end in no singular settlement word: the lexicon lists them
    got = _resolved("Beschossen wurden die Ortschaften Otscheretyne und Kurachowe.", gaz)
    assert got.get("Otscheretyne") == "geonames:698759"
    assert set(_resolved("In den Dörfern Otscheretyne und Kurachowe fiel Strom aus.", gaz)) == {
        "Otscheretyne", "Kurachowe"}


def test_club_names_and_club_words_are_no_places(gaz):
    text = ("Der FC Schalke Gelsenkirchen unterlag. Die Wiener Austria siegte, Werder "
            "verlor, Dynamo hielt mit. Danach reisten beide nach Gelsenkirchen.")
    assert [m.surface for m in _mentions(text, gaz)] == ["Gelsenkirchen"]


def test_towns_in_a_match_report_are_teams_unless_a_place_cue_says_otherwise(gaz):
    text = ("Am 12. Spieltag der Bundesliga schlug Freiburg Augsburg mit 3:1. Nach dem Abpfiff "
            "feierten die Fans in Freiburg bis in die Nacht.")
    got = _mentions(text, gaz)
    assert [(m.surface, m.start) for m in got] == [("Freiburg", text.rindex("Freiburg"))]


def test_regions_named_like_their_people_after_an_article_are_the_people(gaz):
    got = _resolved("Die Sachsen wählten, die Hessen auch; in Sachsen regnete es.", gaz)
    assert list(got) == ["Sachsen"] and got["Sachsen"] == "ne:DEU-1601"
    assert len(_mentions("Die Sachsen wählten; in Sachsen regnete es.", gaz)) == 1


def test_organisations_named_like_towns_are_no_places(gaz):
    assert _mentions("Die Hamas und die Hisbollah drohten erneut.", gaz) == []
    assert _mentions("Hamas meldete neue Angriffe, laut Hisbollah ohne Folgen.", gaz) == []
    assert [m.surface for m in _mentions("Kämpfer der Hamas griffen Sderot an.", gaz)] == [
        "Sderot"]


def test_a_period_word_before_a_month_is_no_place(gaz):
    text = "Die Kämpfe dauern bis Mitte Oktober, seit Ende Mai; in Mitte wird gebaut."
    starts = {m.start for m in _mentions(text, gaz)}
    assert text.index("Mitte") not in starts and text.index("Ende") not in starts
    assert text.rindex("Mitte") in starts  # Berlin's district, after "in"


def test_datelines_are_places(gaz):
    text = ("ODESSA – Drohnen trafen den Hafen.\n\nRom/Mailand – Proteste gegen Russland.\n\n"
            "BERN (sda) – Die Schweiz schwieg.\n\nLONDON – Premier Starmer sprach.")
    got = {m.surface: (m.place.place_id, m.role) for m in _mentions(text, gaz)}
    assert got["ODESSA"] == ("geonames:698740", "place")
    assert got["Rom"][1] == got["Mailand"][1] == got["BERN"][1] == got["LONDON"][1] == "place"
    assert got["BERN"][0] == "geonames:2661552"
    # a capital that opens a sentence without a dash still speaks
    assert [m.role for m in _mentions("Bern erklärte nichts.", gaz)] == ["speaker"]


def test_a_city_named_like_its_oblast_is_the_city_unless_a_type_word_says_region(gaz):
    (alone,) = _mentions("Raketen trafen Saporischschja.", gaz)
    assert alone.place.kind == "city"
    # a dateline names the city even where the article speaks of the region
    got = _mentions("SAPORISCHSCHJA – In der Region Saporischschja fiel Strom aus.", gaz)
    assert [(m.surface, m.place.kind) for m in got] == [
        ("SAPORISCHSCHJA", "city"), ("Saporischschja", "region")]


def test_a_multiword_first_word_starts_only_with_its_pair(gaz):
    """ "Den" begins "Den Haag" and is tried there; "Die" at a sentence start, or "Den" before
    another word, is no start. The names themselves are found either way."""
    from geo.model import Sentence
    from geo.places.candidates import Capitals, Tokens
    from geo.text.tokens import Words

    text = "Die Gespräche in Den Haag enden. Den Ausschlag gab Kiew."
    words = Words(text)
    capitals = Capitals(words, gaz)
    assert {"die", "den"} <= capitals.first
    first, second = Sentence(0, 32, text[:32]), Sentence(33, len(text), text[33:])
    starts = [words.sentence(first).texts[i] for i in Tokens(words.sentence(first), text,
                                                             capitals).starts]
    assert "Den" in starts and "Die" not in starts
    assert [words.sentence(second).texts[i]
            for i in Tokens(words.sentence(second), text, capitals).starts] == ["Kiew"]
    assert [m.surface for m in _mentions(text, gaz)] == ["Den Haag", "Kiew"]


def test_a_shared_tokenisation_gives_the_same_mentions_and_keeps_the_sentences_read(gaz):
    """The pipeline makes one ``Words`` per article; places read their sentences from it."""
    from geo.text.reading import article_from_text
    from geo.text.sentences import split_sentences
    from geo.text.tokens import Words

    article = article_from_text("a.txt", "Das Wetter war schön. Drohnen trafen Charkiw am Montag.")
    sentences = split_sentences(article)
    words = Words(article.prose)
    shared = find_mentions(article, sentences, gaz, words)
    assert [(m.surface, m.start) for m in shared] == \
        [(m.surface, m.start) for m in find_mentions(article, sentences, gaz)] == [("Charkiw", 37)]
    assert list(words._sentences) == [(sentences[1].start, sentences[1].end)]
