"""The shared tokenisation: the same words, at the same offsets, as the regexes find one by one."""

from __future__ import annotations

import pytest

from geo.model import Sentence
from geo.text.tokens import CAPITAL, TOKEN, Words

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
    # the plane's last character, a lone surrogate and other scripts are no astral characters
    assert not any(Words(t).astral for t in ("\uffff", "a\ud800b", "Kyjiw 基辅", "Straße"))
    assert Words("\U00010000").astral and Words("Kyjiw 基辅 \U0010ffff").astral


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
