"""The place mentions of a made-up article, for the place tests: one definition of the helper."""

from __future__ import annotations

from geo.gazetteer import Gazetteer
from geo.model import Mention
from geo.places.mentions import find_mentions
from geo.text.reading import article_from_text
from geo.text.sentences import split_sentences


def mentions(text: str, gaz: Gazetteer) -> list[Mention]:
    """``find_mentions`` over ``text`` split as the pipeline splits it; every mention quotes it."""
    article = article_from_text("t.txt", text)
    found = find_mentions(article, split_sentences(article), gaz)
    for m in found:
        assert article.text[m.start:m.end] == m.surface
    return found
