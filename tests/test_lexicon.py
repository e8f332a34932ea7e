"""The lexicon: the shipped data loads without contradictions, the check catches planted ones,
words are case-folded once, and every file says where it comes from."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from geo import lexicon
from geo.lexicon import LexiconError, alternation, spellings
from geo.paths import data_dir

SHIPPED = data_dir() / "lexicon"


def test_shipped_data_has_no_contradiction() -> None:
    lexicon.load.cache_clear()
    lex = lexicon.load()
    assert "nach" in lex.role("locative") & lex.role("source_marking")  # the allowed overlap


def test_every_file_names_source_and_licence_and_the_readme_lists_it() -> None:
    readme = (SHIPPED / "README.md").read_text(encoding="utf-8")
    for path in sorted(SHIPPED.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["_source"] and data["_licence"], path.name
        assert f"`{path.name}`" in readme, path.name


@pytest.fixture
def planted(tmp_path: Path):
    """A copy of the lexicon and a way to change one file of it."""
    folder = tmp_path / "lexicon"
    shutil.copytree(SHIPPED, folder)

    def plant(name: str, change) -> Path:
        path = folder / f"{name}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return folder
    return plant


def test_copy_of_shipped_data_loads(planted) -> None:
    folder = planted("hedges", lambda d: None)
    assert lexicon.load(folder).hedges["mehr als"] == "at_least"


@pytest.mark.parametrize("name, change, message", [
    ("prepositions", lambda d: d["words"]["laut"].append("locative"),
     r"\['laut'\] in both prepositions:source_marking and prepositions:locative"),
    ("prepositions", lambda d: d["words"]["aus"].append("locative"),
     r"\['aus'\] in both prepositions:origin and prepositions:locative"),
    ("demonyms", lambda d: d["countries"]["UA"]["names"].append("Moskau"),
     r"'moskau' in both demonyms:RU and demonyms:UA"),
    ("categories", lambda d: d["nouns"]["wounded"].append("Tote"),
     r"'tote' in both categories:nouns:killed and categories:nouns:wounded"),
    ("categories", lambda d: d["people_words"].append("soldaten"),
     r"\['soldaten'\] in both categories:people_words and categories:nouns"),
    ("number_words", lambda d: d["both"].append("ein"),
     r"\['ein'\] in both number_words:both and number_words:one"),
    ("categories", lambda d: d["partitive_pronouns"].append("den"),
     r"\['den'\] in both categories:partitive_pronouns and function_words:articles"),
    ("attribution_frames", lambda d: d["name_complements"].append("der"),
     r"\['der'\] in both attribution_frames:name_complements and function_words:articles"),
    ("hedges", lambda d: d["up_to"].append("über"),
     r"'über' in both hedges:at_least and hedges:up_to"),
    ("settlement_words", lambda d: d["areas"].append("Opfer"),
     r"\['opfer'\] in both settlement_words:all and categories:nouns"),
    ("speech_verbs", lambda d: d["speaker_at_place"].append("flüsterte"),
     r"\['flüsterte'\] in speech_verbs:speaker_at_place but not in speech_verbs:all"),
    ("place_types", lambda d: d["singular"].append("Dorf"),
     r"\['dorf'\] in both place_types:all and settlement_words:settlements"),
    ("person_cues", lambda d: d["titles"].append("bei"),
     r"\['bei'\] in both person_cues:all and prepositions:any"),
    ("organisation_cues", lambda d: d["club_before"].append("Sowie"),
     r"\['sowie'\] in both organisation_cues:all and place_context:all"),
    ("organisation_cues", lambda d: d["sports_context"].append("Stadt"),
     r"\['stadt'\] in both organisation_cues:sports_context and settlement_words:all"),
    ("place_context", lambda d: d["list_joiners"].remove("oder"),
     r"\['oder'\] in function_words:list_joiners but not in place_context:list_joiners"),
    ("actor_cues", lambda d: d["possessives"].append("Der"),
     r"\['der'\] in both actor_cues:possessives and function_words:articles"),
    ("actor_cues", lambda d: d["agent_auxiliaries"].append("wurde"),
     r"\['wurde'\] in actor_cues:agent_auxiliaries but not in verbs:perfect_auxiliaries"),
])
def test_planted_contradiction_is_caught(planted, name, change, message) -> None:
    folder = planted(name, change)
    with pytest.raises(LexiconError, match=message):
        lexicon.load(folder)


def test_a_key_given_twice_is_caught(tmp_path: Path) -> None:
    folder = tmp_path / "lexicon"
    shutil.copytree(SHIPPED, folder)
    path = folder / "units.json"
    path.write_text(path.read_text(encoding="utf-8").replace(
        '"not_people":', '"area": [], "not_people":'), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"units.json: key\(s\) \['area'\] given twice"):
        lexicon.load(folder)


def test_a_file_without_licence_is_refused(planted) -> None:
    folder = planted("calendar", lambda d: d.pop("_licence"))
    with pytest.raises(LexiconError, match="calendar.json: no '_licence'"):
        lexicon.load(folder)


def test_words_are_case_folded_once() -> None:
    lex = lexicon.load()
    assert "ausserhalb" in lex.prepositions and "außerhalb" not in lex.prepositions
    assert "grossraum" in lex.settlement_words
    assert "ausserdem" in lex.sentence_adverbs
    assert lex.hedges["ungefähr"] == "approx"
    # kept as written: the words numbers are written with, and the demonym table
    assert "dreißig" in lex.tens
    assert lex.demonyms.names["Weißrussland"] == "BY"


def test_alternation_matches_both_spellings_and_any_ending() -> None:
    pattern = re.compile(alternation(["grossraum", "ums leben", "getötet*"], ignore_case=True))
    for text in ("Großraum", "GROSSRAUM", "ums  Leben", "getöteten"):
        assert pattern.fullmatch(text), text
    assert not pattern.fullmatch("Großraume")
    assert spellings("gemäss") == ("gemäss", "gemäß")
    assert spellings("laut") == ("laut",)


def test_place_side_lists_are_kept_for_places() -> None:
    """The lists places.py can switch to: one preposition list with roles, one settlement list."""
    lex = lexicon.load()
    assert {"aus", "von", "richtung", "gegen", "in"} <= lex.role("place_cue")
    assert not {"aus", "von", "richtung", "gegen"} & lex.role("locative")
    assert {"innerhalb", "ausserhalb", "zur"} <= lex.role("where")
    assert {"grossstadt", "grenzstadt", "dorf"} <= lex.settlements
    assert {"region", "grossraum"} <= lex.areas and not lex.areas & lex.settlements


def test_place_words_come_from_the_shared_lists() -> None:
    """The place recogniser reads the roles and settlement words figures read, not copies."""
    lex = lexicon.load()
    words = lex.places
    assert words.place_cues == lex.role("place_cue") and words.where == lex.role("where")
    assert "aus" in words.place_cues and "aus" not in lex.role("locative")
    assert set(words.settlements) == lex.settlements and "raum" not in words.settlements
    assert "preussen" in words.club_before and "times" in words.club_after
    assert "grenzregion".endswith(words.type_words) and "regionen" in words.type_forms
    # never a given name: the cues, the articles, the joiners and the listed small words
    assert {"nach", "der", "sowie", "auch"} <= words.function_words


def test_actor_cues_are_loaded_case_folded() -> None:
    lex = lexicon.load()
    assert "seite" in lex.side_nouns and "beiden seiten" in lex.both_sides
    assert "ihrer" in lex.possessives and "getötet" in lex.agent_participles
    assert set(lex.agent_auxiliaries) <= set(lex.perfect_auxiliaries)


def test_figure_keys_of_issue_10_load() -> None:
    lex = lexicon.load()
    assert "beide" in lex.both and "ihnen" in lex.partitive_pronouns
    assert "alter von" in lex.age_before and "jahre alt" in lex.age_apposition
    assert "ohne" in lex.name_complements
