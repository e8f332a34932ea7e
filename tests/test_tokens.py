"""The shared tokenisation: the same words, at the same offsets, as the regexes find one by one."""

from __future__ import annotations

import pytest

from geo.model import Sentence
from geo.text.tokens import CAPITAL, PIECE, TOKEN, Words

TEXT = ("KIEW – Die US-Angaben zu Tschassiw Jar, 3Kursk und foo-Bar: U.S. Army\n"
        "sagte Selenskyj am Montag. Über Ödland zog's; l'Aquila, O’Brien.")


def _sentence(start: int, end: int) -> Sentence:
    return Sentence(start, end, TEXT[start:end])


def test_capitalised_words_are_the_scan_with_offsets():
    words = Words(TEXT)
    found = [(m.start(), m.group()) for m in CAPITAL.finditer(TEXT)]
    assert list(zip(words.capital_starts, words.capital_texts)) == found
    assert words.capital_keys == [t.casefold() for _, t in found]
    assert "bar" in words.capital_keys and "kursk" in words.capital_keys and not words.astral
    assert Words("Ein 𝐀 hier").astral and Words("").capital_texts == []


def test_a_sentence_is_tokenised_once_with_the_offsets_of_the_whole_text():
    words = Words(TEXT)
    start, end = TEXT.index("Die"), TEXT.index("Montag") + 6
    one = words.sentence(_sentence(start, end))
    assert words.sentence(_sentence(start, end)) is one
    found = list(TOKEN.finditer(TEXT, start, end))
    assert [(t.start, t.end, t.text) for t in one.run(0, len(one) + 5)] == \
        [(m.start(), m.end(), m.group()) for m in found]
    assert one.keys == [m.group().casefold() for m in found]
    assert one.capitals == [m.group()[0].isupper() for m in found]
    assert one.capital_keys()[:2] == ["die", "us-angaben"] and "sagte" not in one.capital_keys()
    assert one[1].text == "US-Angaben" and one[1].key == "us-angaben" and one[1].capital
    with pytest.raises(IndexError):
        one[-1]  # no wrapping around: the rules test for the sentence start


def test_the_word_set_holds_every_run_of_letters():
    """Actors and the speech-verb test intersect it with their lists: no run of letters the
    text has may be missing ("US" and "Angaben" of "US-Angaben", "Kursk" of "3Kursk")."""
    import re

    runs = set(re.findall(r"[^\W\d_]+", TEXT))
    assert runs <= Words(TEXT).word_set
    assert {"US", "Angaben", "zog", "s", "Aquila", "Kursk"} <= Words(TEXT).word_set
    start, end = TEXT.index("Die"), TEXT.index("Montag") + 6
    one = Words(TEXT).sentence(_sentence(start, end))
    assert set(re.findall(r"[^\W\d_]+", TEXT[start:end])) <= one.word_set


def test_pieces_from_any_offset_are_those_read_from_there():
    """Figures read the words, numbers and punctuation after a number: the sentence's pieces,
    also from an offset inside one ("3Kursk", "U.S.")."""
    text = "Rund 10.000 Soldaten-Einheiten, 3Kursk und U.S. Army: 5,5 km² (zwei-drei)."
    one = Words(text).sentence(Sentence(0, len(text), text))
    for offset in range(len(text) + 1):
        assert [(t.start, t.end, t.text, t.key) for t in one.pieces_from(offset)] == \
            [(m.start(), m.end(), m.group(), m.group().casefold())
             for m in PIECE.finditer(text, offset, len(text))]
