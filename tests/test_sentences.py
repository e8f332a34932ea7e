from __future__ import annotations

from geo.text.reading import article_from_text
from geo.text.sentences import split_sentences


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
