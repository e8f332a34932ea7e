from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from geo.text.reading import article_from_text
from geo.text.sentences import _END, split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(article_from_text("t.txt", text))]


def test_dates_ordinals_and_abbreviations_do_not_end_sentences():
    text = ("Am 4. November griffen sie an, z. B. bei Sudscha. Dr. Meier sagte ca. 20 Worte. "
            "Der 2. Weltkrieg endete 1945. Danach kam Frieden.")
    assert _texts(text) == [
        "Am 4. November griffen sie an, z. B. bei Sudscha.",
        "Dr. Meier sagte ca. 20 Worte.",
        "Der 2. Weltkrieg endete 1945.",
        "Danach kam Frieden.",
    ]


def test_question_and_quote_ends_and_line_ends():
    text = "Etwa 10.000 Soldaten bei Kursk?\n„Wir kämpfen.“ Sagte er. Und „dann…“ ging er."
    assert _texts(text) == ["Etwa 10.000 Soldaten bei Kursk?", "„Wir kämpfen.“", "Sagte er.",
                            "Und „dann…“ ging er."]


def test_sentence_offsets_point_at_the_text():
    article = article_from_text("t.txt", "Eins ist hier.  Zwei ist da.")
    for s in split_sentences(article):
        assert " ".join(article.text[s.start:s.end].split()) == s.text


MARKS = ".!?…"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([".", "!", "?", "…", "“", ")", " ", "\n", "a", "B", "1", "„"]),
                max_size=25).map("".join))
def test_a_candidate_end_is_the_first_mark_of_every_run_that_space_follows(text):
    """_END finds where a run of end marks starts (closing quotes or brackets may follow it),
    whenever white space comes after: read here character by character."""
    expected = []
    for i, c in enumerate(text):
        if c in MARKS and (i == 0 or text[i - 1] not in MARKS):
            j = i
            while j < len(text) and text[j] in MARKS:
                j += 1
            while j < len(text) and text[j] in "\"'»«“”‘’)]":
                j += 1
            if j < len(text) and text[j].isspace():
                expected.append((i, j))
    assert [m.span() for m in _END.finditer(text)] == expected
