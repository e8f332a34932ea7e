"""Sources as entities: spellings merged, nationalities kept apart, types assigned."""

from geo.figures.sources import NO_SOURCE, entities, entity_key, source_type


def test_titles_descriptors_and_name_variants_merge():
    assert entity_key("US-Außenminister Antony Blinken") == entity_key(
        "amerikanische Außenminister Antony Blinken")
    assert entity_key("ukrainische Präsident Wolodymyr Selenskyj") == entity_key(
        "ukrainische Präsident Wolodymyr Zelenski") == entity_key("Selenskyj")
    assert entity_key("KBSRoustem Oumerov") == entity_key("Umerov")


def test_case_and_inflection_fold():
    assert entity_key("libanesischen Gesundheitsministerium") == entity_key(
        "libanesische Gesundheitsministerium")
    assert entity_key("ukrainischen Militärgeheimdienstes") == entity_key(
        "Ukrainischer Militärgeheimdienst")


def test_acronym_names_the_body():
    assert entity_key("ukrainische Militärnachrichtendienstdirektion GUR") == entity_key("GUR")


def test_different_bodies_stay_apart():
    assert entity_key("russische Verteidigungsministerium") != entity_key(
        "ukrainische Verteidigungsministerium")
    assert entity_key("libanesische Gesundheitsministerium") != entity_key(
        "russische Verteidigungsministerium")
    assert entity_key("Blinken") != entity_key("Selenskyj")


def test_types():
    assert source_type("GUR") == "Nachrichtendienst"
    assert source_type("ukrainischen Militärgeheimdienstes") == "Nachrichtendienst"
    assert source_type("russische Verteidigungsministerium") == "Militär"
    assert source_type("Generalstab") == "Militär"
    assert source_type("US-Außenminister Antony Blinken") == "Regierung"
    assert source_type("Nachrichtenagentur Reuters") == "Medien"
    assert source_type("Amnesty International") == "NGO"
    assert source_type("Vereinten Nationen") == "international"
    assert source_type(None) == "unbekannt" and source_type("Xyz") == "unbekannt"


def test_entities_keep_every_surface_and_a_clean_name():
    ents = entities(["US-Außenminister Antony Blinken", "amerikanische Außenminister Antony Blinken",
                     "GUR", "ukrainische Militärnachrichtendienstdirektion GUR", None, ""])
    blinken = ents[entity_key("Antony Blinken")]
    assert blinken.name == "Antony Blinken" and blinken.type == "Regierung"
    assert sorted(blinken.surfaces) == ["US-Außenminister Antony Blinken",
                                        "amerikanische Außenminister Antony Blinken"]
    assert ents["gur"].type == "Nachrichtendienst" and len(ents["gur"].surfaces) == 2
    assert ents[NO_SOURCE].name == NO_SOURCE
    assert len(ents) == 3
