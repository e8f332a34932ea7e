"""The pipeline's output in two shapes that hold the same facts.

``tables``: flat rows, one list per kind (articles, sentences, mentions, places, figures): what
the corpus store keeps and what a Dask worker sends back. ``from_tables``: the RFC 7946 GeoJSON
FeatureCollection of the ``extract`` contract (CONTRACT.md), one Feature per place with its
mentions inside and the figures and articles beside. ``extract`` and the store's ``export`` both
go through ``from_tables``, so they agree by construction.

Quotes are bounded: a mention or figure carries an excerpt of at most ``EXCERPT_CHARS``
characters around it, never its whole sentence, so output stays linear in the input however
long a "sentence" is; the full sentence is one lookup away (``sentence_start``/``sentence_end``
slice the article text).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from geo.dates import TimeExpr, when_for
from geo.gc_pause import gc_paused
from geo.model import Article, Figure, Kind, Mention, Place, Sentence

if TYPE_CHECKING:
    from geo.pipeline import Analysis

Row = dict[str, Any]
Tables = dict[str, list[Row]]
TABLES = ("articles", "sentences", "mentions", "places", "figures")
# The FeatureCollection's own version (CONTRACT.md): bump when a property changes meaning.
# 2: bounded quotes with sentence_index, article dates, when on mentions and figures.
GEOJSON_SCHEMA_VERSION = 2
EXCERPT_CHARS = 300
# articles analysed at a time by ``feature_collection``: a chunk's objects are freed for the next
CHUNK_ARTICLES = 200


def place_kind(place: Place) -> Kind:
    """country, region, city or village: how the map draws the place (``geo.model.kind_of``)."""
    return place.kind


def excerpt(text: str, start: int, end: int, lo: int, hi: int,
            limit: int = EXCERPT_CHARS) -> str:
    """The words around ``text[start:end]`` inside ``[lo, hi)`` (its sentence), at most
    ``limit`` characters before whitespace is collapsed, with "…" where it was cut."""
    room = max(limit - (end - start), 0)
    left = max(lo, start - room // 2)
    right = min(hi, end + (room - (start - left)))
    left = max(lo, min(left, right - limit))
    body = " ".join(text[left:right].split())
    return ("…" if left > lo else "") + body + ("…" if right < hi else "")


def tables(analysis: Analysis, meta: dict[str, Row] | None = None) -> Tables:
    """Flat rows for every article of ``analysis``; ``meta`` adds per-article fields the store
    knows (added, analyser, title, outlet, url) by article id."""
    with gc_paused():
        return _tables(analysis, meta or {})


def _tables(analysis: Analysis, meta: dict[str, Row]) -> Tables:
    out: Tables = {name: [] for name in TABLES}
    places: dict[str, Place] = {}
    mentions_of: dict[str, list[Mention]] = {}
    for m in analysis.mentions:
        mentions_of.setdefault(m.article, []).append(m)
    figures_of: dict[str, list[Figure]] = {}
    for f in analysis.figures:
        figures_of.setdefault(f.article, []).append(f)
    for article in analysis.articles:
        row: Row = {"article_id": article.id, "name": article.path.rsplit("/", 1)[-1],
                    "path": article.path, "sha256": article.sha256, "chars": article.chars,
                    "notes": list(article.notes), "text": article.text,
                    "published": article.published.isoformat() if article.published else None,
                    "published_source": article.published_source}
        row.update(meta.get(article.id, {}))
        out["articles"].append(row)
        times = analysis.times.get(article.id, [])
        sentences = analysis.sentences.get(article.id, [])
        index = {(s.start, s.end): i for i, s in enumerate(sentences)}
        out["sentences"].extend({"article_id": article.id, "sentence_index": i, "start": s.start,
                                 "end": s.end, "text": s.text} for i, s in enumerate(sentences))
        for m in mentions_of.get(article.id, []):
            places[m.place.place_id] = m.place
            runner = m.runner_up
            out["mentions"].append({
                "article_id": m.article, "start": m.start, "end": m.end, "surface": m.surface,
                "sentence_index": index.get((m.sentence.start, m.sentence.end), -1),
                "sentence_start": m.sentence.start, "sentence_end": m.sentence.end,
                "role": m.role, "place_id": m.place.place_id, "confidence": m.confidence,
                "runner_up_id": runner.place_id if runner else None,
                "runner_up_name": runner.name if runner else None,
                "runner_up_confidence": m.runner_up_confidence,
                **_when(article, times, m.start, m.end, m.sentence)})
        for f in figures_of.get(article.id, []):
            out["figures"].append({
                "article_id": f.article, "start": f.start, "end": f.end, "text": f.text,
                "low": f.low, "high": f.high, "qualifier": f.qualifier, "vague": f.vague,
                "derived": f.derived, "category": f.category, "actor": f.actor,
                "source": f.source, "place_ids": list(f.place_ids),
                "sentence_index": index.get((f.sentence.start, f.sentence.end), -1),
                "sentence_start": f.sentence.start, "sentence_end": f.sentence.end,
                **_when(article, times, f.start, f.end, f.sentence)})
    out["places"] = [place_row(p) for p in places.values()]
    return out


def _when(article: Article, times: list[TimeExpr], start: int, end: int, s: Sentence) -> Row:
    return when_columns(when_for(start, end, s.start, s.end, times, article.published,
                                 article.text))


WHEN_KEYS = ("start", "end", "granularity", "text", "start_offset", "end_offset", "time_source")


def when_columns(when: Row | None) -> Row:
    """``geo.dates.when_for``'s dict as flat ``when_*`` columns (all None when undated)."""
    return {f"when_{k}": (when or {}).get(k) for k in WHEN_KEYS}


def when_value(row: Row) -> Row | None:
    """The ``when`` object of the contract from a row's ``when_*`` columns."""
    if row.get("when_time_source") is None:
        return None
    return {k: row[f"when_{k}"] for k in WHEN_KEYS}


def place_row(p: Place) -> Row:
    return {"place_id": p.place_id, "geonameid": p.geonameid, "name": p.name,
            "name_de": p.name_de, "feature_code": p.feature_code,
            "country_code": p.country_code, "admin1": p.admin1, "population": p.population,
            "precision": p.precision, "kind": place_kind(p),
            "lon": p.lon, "lat": p.lat}


ARTICLE_KEYS = ("id", "name", "path", "sha256", "chars", "notes")
OPTIONAL_ARTICLE_KEYS = ("title", "outlet", "url", "added", "analyser")


def from_tables(t: Tables, messages: Iterable[str] = ()) -> dict[str, Any]:
    """The FeatureCollection, in one canonical order (articles by id, mentions and figures by
    article and offset) whatever order the rows came in."""
    with gc_paused():
        return _from_tables(t, messages)


def _from_tables(t: Tables, messages: Iterable[str]) -> dict[str, Any]:
    texts = {a["article_id"]: a["text"] for a in t["articles"]}
    firsts = {s["article_id"]: s["text"] for s in t["sentences"] if s["sentence_index"] == 0}
    places = {p["place_id"]: p for p in t["places"]}
    articles = sorted(t["articles"], key=lambda a: a["article_id"])
    mentions = sorted(t["mentions"], key=lambda m: (m["article_id"], m["start"], m["end"]))
    by_place: dict[str, list[Row]] = {}
    for m in mentions:
        by_place.setdefault(m["place_id"], []).append(m)
    figures = sorted(t["figures"], key=lambda f: (f["article_id"], f["start"], f["end"]))
    return {
        "type": "FeatureCollection",
        "schema_version": GEOJSON_SCHEMA_VERSION,
        "articles": [_article(a, firsts.get(a["article_id"], "")) for a in articles],
        "features": [_feature(places[pid], ms, texts) for pid, ms in by_place.items()],
        "figures": [_figure(f, texts) for f in figures],
        "messages": list(messages),
    }


LABEL_CHARS = 70


def article_label(title: str | None, first_sentence: str, fallback: str) -> str:
    """How people name an article: its title, else the start of its first sentence (a file
    name such as '004_bc9a927a736966c8' says nothing to an analyst)."""
    if title:
        return title
    words = " ".join(first_sentence.split())
    if not words:
        return fallback
    if len(words) <= LABEL_CHARS:
        return words
    return words[:LABEL_CHARS].rsplit(" ", 1)[0] + " …"


def _article(a: Row, first_sentence: str) -> Row:
    out: Row = {"id": a["article_id"], "name": a["name"], "path": a["path"],
                "sha256": a["sha256"], "chars": a["chars"], "notes": list(a["notes"] or []),
                "published": a["published"], "published_source": a["published_source"],
                "label": article_label(a.get("title"), first_sentence, a["article_id"])}
    out.update((k, a[k]) for k in OPTIONAL_ARTICLE_KEYS if a.get(k) is not None)
    return out


def _quote(row: Row, texts: dict[str, str]) -> str:
    return excerpt(texts[row["article_id"]], row["start"], row["end"], row["sentence_start"],
                   row["sentence_end"])


def _mention(m: Row, texts: dict[str, str]) -> Row:
    return {"article": m["article_id"], "start": m["start"], "end": m["end"],
            "surface": m["surface"], "sentence": _quote(m, texts),
            "sentence_index": m["sentence_index"], "sentence_start": m["sentence_start"],
            "sentence_end": m["sentence_end"], "role": m["role"], "when": when_value(m)}


def _figure(f: Row, texts: dict[str, str]) -> Row:
    return {"article": f["article_id"], "start": f["start"], "end": f["end"], "text": f["text"],
            "low": f["low"], "high": f["high"], "qualifier": f["qualifier"],
            "vague": bool(f["vague"]), "derived": bool(f["derived"]),
            "category": f["category"], "actor": f["actor"], "source": f["source"],
            "place_ids": list(f["place_ids"] or []), "sentence": _quote(f, texts),
            "sentence_index": f["sentence_index"], "sentence_start": f["sentence_start"],
            "sentence_end": f["sentence_end"], "when": when_value(f)}


def _feature(p: Row, mentions: list[Row], texts: dict[str, str]) -> Row:
    best = max(mentions, key=lambda m: m["confidence"])
    runner = None
    if best["runner_up_id"] is not None:
        runner = {"place_id": best["runner_up_id"], "name": best["runner_up_name"],
                  "confidence": best["runner_up_confidence"]}
    props = {k: p[k] for k in ("place_id", "geonameid", "name", "name_de", "feature_code",
                               "country_code", "admin1", "population", "precision")}
    props.update(confidence=best["confidence"], runner_up=runner, kind=p["kind"],
                 mentions=[_mention(m, texts) for m in mentions])
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
            "properties": props}


def feature_collection(articles: list[Article], messages: Iterable[str] = (),
                       chunk: int = CHUNK_ARTICLES) -> dict[str, Any]:
    """``extract``'s output: the articles analysed ``chunk`` at a time, each chunk's rows made
    and its objects let go before the next, so that no analysis of the whole input is ever
    held (peak memory over 10,000 articles 703 -> 655 MB). The collector stays paused
    throughout: the analysis leaves no reference cycles, so its objects are freed by their
    counts, and the collector's passes would walk the growing rows again and again."""
    from geo.pipeline import analyse

    out: Tables = {name: [] for name in TABLES}
    with gc_paused():
        for at in range(0, len(articles), chunk):
            rows = tables(analyse(articles[at:at + chunk]))
            for name in TABLES:
                out[name].extend(rows[name])
        return from_tables(out, messages)
