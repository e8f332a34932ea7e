"""Place mentions of an article: recognised names, resolved against the gazetteer."""

from __future__ import annotations

from geo.gazetteer import Gazetteer
from geo.model import Article, Mention, Sentence
from geo.places.recognise import recognise
from geo.places.resolve import resolve
from geo.text.tokens import Words


def find_mentions(article: Article, sentences: list[Sentence], gaz: Gazetteer,
                  words: Words | None = None) -> list[Mention]:
    """All place mentions in the article, resolved, in text order. ``words``: the article's
    tokenisation (``geo.text.tokens.Words`` of its prose), shared with the other steps."""
    return resolve(article, recognise(article, sentences, gaz, words), gaz)
