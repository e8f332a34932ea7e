"""Demonyms and people-words to country codes, on made-up sentences (not from the seeds)."""

from __future__ import annotations

import pytest

from geo.figures.actors import actor_kind, find_actors
from geo.model import Article, Span


def article(text: str, segments: list[Span] | None = None) -> Article:
    return Article("t", "t.txt", "", text, segments or [Span(0, len(text))])


def found(text: str) -> list[tuple[str, str, str]]:
    return [(a.surface, a.country_code, actor_kind(a)) for a in find_actors(article(text), [])]


@pytest.mark.parametrize("text, surface, code, kind", [
    ("Belarussische Soldaten übten.", "Belarussische", "BY", "adjective"),
    ("Man sprach von iranischen Drohnen.", "iranischen", "IR", "adjective"),
    ("die Verluste auf polnischer Seite", "polnischer", "PL", "adjective"),
    ("ein georgisches Bataillon", "georgisches", "GE", "adjective"),
    ("im chinesischem Auftrag", "chinesischem", "CN", "adjective"),
    ("Zwölf Syrer wurden verletzt.", "Syrer", "SY", "people"),
    ("mehrere Ukrainerinnen", "Ukrainerinnen", "UA", "people"),
    ("Dutzende Russen", "Russen", "RU", "people"),
    ("zwei Briten", "Briten", "GB", "people"),
    ("der Chinese", "Chinese", "CN", "people"),
    ("zwei Israelis", "Israelis", "IL", "people"),
    ("US-Marines", "US-", "US", "prefix"),
    ("Truppen aus Belarus", "Belarus", "BY", "country"),
    ("die Armee Georgiens", "Georgiens", "GE", "country"),
    ("Moskaus Soldaten", "Moskaus", "RU", "country"),
    ("Soldaten der Vereinigten Staaten", "Vereinigten Staaten", "US", "country"),
    # "ß" also as "ss", as Swiss papers write it
    ("weissrussische Soldaten", "weissrussische", "BY", "adjective"),
    ("Truppen aus Grossbritannien", "Grossbritannien", "GB", "country"),
])
def test_single_actor(text: str, surface: str, code: str, kind: str) -> None:
    assert found(text) == [(surface, code, kind)]


def test_hyphenated_pair_gives_both() -> None:
    assert [c for _, c, _ in found("der moldauisch-rumänische Grenzübergang")] == ["MD", "RO"]


@pytest.mark.parametrize("text", ["Kinder spielten.", "Die Rechnung war falsch.",
                                  "Er ist Reiseveranstalter.", "ein Russischkurs",
                                  "Parisienne", "USB-Stick"])
def test_no_actor_in_ordinary_words(text: str) -> None:
    assert found(text) == []


def test_offsets_point_into_text_and_only_segments_are_scanned() -> None:
    text = "Menü: Französische Küche | Zwanzig Kanadier kamen an."
    art = article(text, [Span(27, len(text))])
    actors = find_actors(art, [])
    assert [(a.surface, a.country_code) for a in actors] == [("Kanadier", "CA")]
    assert all(text[a.start:a.end] == a.surface for a in actors)


def test_every_form_is_written_in_the_scanned_letters() -> None:
    """find_actors collects words with a narrow letter class for speed; a form with another
    letter would never be found."""
    from geo.figures import actors

    outside = [w for w in [*actors._SINGLE, *actors._MULTI_FIRST]
               if not actors._LETTERS.fullmatch(w)]
    assert outside == []


@pytest.mark.parametrize("text, surfaces", [
    ("Die russischeé Armee rückte vor.", []),  # a foreign letter glued on: no word of the table
    ("Truppen aus Côte Russland", ["Russland"]),
])
def test_foreign_letters_make_no_actor(text: str, surfaces: list[str]) -> None:
    assert [a.surface for a in find_actors(article(text), [])] == surfaces


def test_every_form_of_the_table_is_found_as_a_word() -> None:
    """find_actors looks only at capitalised words and at words that end as a lowercase
    adjective does ("-sch" and an ending): every form of the table must be one of those."""
    from geo.figures import actors

    missed = [w for w in [*actors._SINGLE, *actors._MULTI]
              if [a.surface for a in find_actors(article(f"Die {w} kamen."), [])] != [w]]
    assert missed == []


@pytest.mark.parametrize("text, surfaces", [
    ("antirussische Propaganda", []),  # a longer word ending as an adjective does
    ("die prorussischen und russischen Kräfte", ["russischen"]),
    ("Truppen ausRussland", []),  # a capital inside a word
    ("eine ehemaligesowjetischerussische Einheit", []),  # a run longer than any form
])
def test_only_whole_words_are_actors(text: str, surfaces: list[str]) -> None:
    assert [a.surface for a in find_actors(article(text), [])] == surfaces
