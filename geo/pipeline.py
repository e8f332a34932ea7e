"""The one-way flow: articles -> sentences -> place mentions and actors -> figures and dates.

Everything the CLI and the dashboard show comes out of ``analyse``; the gazetteer is loaded
once per process.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from geo import gazetteer
from geo.dates import TimeExpr, find_temporal, published_date
from geo.figures.actors import find_actors
from geo.figures.extract import extract_figures
from geo.gc_pause import gc_paused
from geo.model import Actor, Article, Figure, Mention, Sentence
from geo.places.mentions import find_mentions
from geo.text.normalise import View
from geo.text.sentences import split_sentences
from geo.text.tokens import Words


@dataclass
class Analysis:
    articles: list[Article]
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    times: dict[str, list[TimeExpr]] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


def analyse(articles: list[Article], messages: list[str] | None = None) -> Analysis:
    """Run every step on every article; ``messages`` from reading travel along to the output."""
    gaz = gazetteer.load()
    result = Analysis(articles=articles, messages=list(messages or []))
    with gc_paused():
        _analyse(result, gaz)
    return result


def _analyse(result: Analysis, gaz: gazetteer.Gazetteer) -> None:
    for article in result.articles:
        # --- matching view (geo.text.normalise): the steps read NFC text without zero-width
        # characters or HTML entities; the view maps every offset back into article.text.
        view = View(article)
        sentences = split_sentences(view.article)
        words = Words(view.article.prose)  # one tokenisation for the steps that read words
        mentions = find_mentions(view.article, sentences, gaz, words)
        actors = find_actors(view.article, sentences)
        figures = extract_figures(view.article, sentences, mentions, actors)
        result.sentences[article.id] = view.sentences(sentences)
        result.mentions.extend(view.mentions(mentions))
        result.actors.extend(view.actors(actors))
        result.figures.extend(view.figures(figures))
        # --- end of matching view
        if article.published_source != "user":
            article.published, article.published_source = published_date(
                article.prose, article.text if view.html_page else None, article.path, None)
        result.times[article.id] = find_temporal(article.prose, article.published)
