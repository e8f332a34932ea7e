"""The pipeline's output as an RFC 7946 GeoJSON FeatureCollection: one Feature per place, its
mentions inside, the figures and articles beside. (The GeoDataFrame for GeoParquet is built from
it in ``geo.exports``.)"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from geo.model import Figure, Mention, Place

if TYPE_CHECKING:
    from geo.pipeline import Analysis


def place_kind(place: Place) -> str:
    """country, region, city or village: how the map draws the place."""
    code = place.feature_code
    if code in ("PCLI", "CONT"):
        return "country"
    if code.startswith("ADM"):
        return "region"
    if code in ("PPLC", "PPLA") or place.population >= 100_000:
        return "city"
    return "village" if place.population < 10_000 else "city"


def _mention(m: Mention) -> dict[str, Any]:
    return {"article": m.article, "start": m.start, "end": m.end, "surface": m.surface,
            "sentence": m.sentence.text, "sentence_start": m.sentence.start,
            "sentence_end": m.sentence.end, "role": m.role}


def _figure(f: Figure) -> dict[str, Any]:
    return {"article": f.article, "start": f.start, "end": f.end, "text": f.text, "low": f.low,
            "high": f.high, "qualifier": f.qualifier, "vague": f.vague, "derived": f.derived,
            "category": f.category, "actor": f.actor, "source": f.source,
            "place_ids": list(f.place_ids), "sentence": f.sentence.text}


def _feature(place: Place, mentions: list[Mention]) -> dict[str, Any]:
    best = max(mentions, key=lambda m: m.confidence)
    runner = None
    if best.runner_up is not None:
        runner = {"place_id": best.runner_up.place_id, "name": best.runner_up.name,
                  "confidence": best.runner_up_confidence}
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": {
            "place_id": place.place_id, "geonameid": place.geonameid, "name": place.name,
            "name_de": place.name_de, "feature_code": place.feature_code,
            "country_code": place.country_code, "admin1": place.admin1,
            "population": place.population, "precision": place.precision,
            "confidence": best.confidence, "runner_up": runner, "kind": place_kind(place),
            "mentions": [_mention(m) for m in mentions],
        },
    }


def feature_collection(analysis: Analysis) -> dict[str, Any]:
    by_place: dict[str, list[Mention]] = {}
    places: dict[str, Place] = {}
    for m in analysis.mentions:
        by_place.setdefault(m.place.place_id, []).append(m)
        places[m.place.place_id] = m.place
    return {
        "type": "FeatureCollection",
        "articles": [{"id": a.id, "path": a.path, "sha256": a.sha256, "chars": a.chars,
                      "notes": a.notes} for a in analysis.articles],
        "features": [_feature(places[pid], ms) for pid, ms in by_place.items()],
        "figures": [_figure(f) for f in analysis.figures],
        "messages": list(analysis.messages),
    }
