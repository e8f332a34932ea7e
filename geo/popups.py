"""Popup and side-panel HTML for a place. Everything that comes from an article (quotes, names
as written, sources, article ids) passes through ``html.escape`` here and nowhere is it
concatenated raw, so a page carrying ``<script>`` or ``onerror=`` stays inert text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any

CATEGORY_LABELS = {
    "troops": "troops", "killed": "killed", "wounded": "wounded",
    "killed_or_wounded": "killed or wounded", "casualties": "casualties (losses)",
    "missing": "missing", "captured": "captured", "area_km2": "area km²",
}
QUALIFIER_SIGNS = {"approx": "≈ ", "at_least": "≥ ", "up_to": "≤ ", "range": "", "exact": ""}
QUALIFIER_WORDS = {"approx": "approximately", "at_least": "at least", "up_to": "up to",
                   "range": "range", "exact": "exact"}
AREA_KINDS = {"region": "region", "country": "country"}
POPUP_QUOTES = 3
POPUP_FIGURES = 4


def is_approximate(props: dict[str, Any]) -> bool:
    """A settlement whose point is a stand-in (a district seat for an unknown village)."""
    return props.get("kind") in ("village", "city") and props.get("precision") != "settlement"


def german_number(n: int) -> str:
    """10000 -> '10.000', as the articles write it."""
    return f"{n:,}".replace(",", ".")


def figure_value(fig: dict[str, Any]) -> str:
    """The claimed value with its hedge as a sign: '≈ 10.000', '11.000–12.000', '≥ 5'."""
    if fig["low"] != fig["high"]:
        value = f"{german_number(fig['low'])}–{german_number(fig['high'])}"
    else:
        value = QUALIFIER_SIGNS.get(fig["qualifier"], "") + german_number(fig["low"])
    if fig.get("vague"):
        value += " (vague)"
    if fig.get("derived"):
        value += " (derived)"
    return value


def figure_line(fig: dict[str, Any]) -> str:
    """One figure as plain text: value, hedge, category, whose, according to whom."""
    parts = [figure_value(fig), QUALIFIER_WORDS.get(fig["qualifier"], fig["qualifier"]),
             CATEGORY_LABELS.get(fig["category"], fig["category"])]
    if fig.get("actor"):
        parts.append(f"whose: {fig['actor']}")
    parts.append(f"source: {fig['source']}" if fig.get("source") else "source: not named")
    return " · ".join(parts)


def highlight(sentence: str, surface: str, offset: int | None = None) -> str:
    """The sentence escaped, with the mention wrapped in <mark>. ``offset`` is the mention's
    position in the sentence when known; the sentence may be whitespace-collapsed, so fall back
    to the first occurrence of the surface, and to no highlight at all."""
    if offset is None or sentence[offset:offset + len(surface)] != surface:
        offset = sentence.find(surface) if surface else -1
    if offset < 0:
        return escape(sentence)
    end = offset + len(surface)
    return f"{escape(sentence[:offset])}<mark>{escape(surface)}</mark>{escape(sentence[end:])}"


def figure_quote_html(fig: dict[str, Any]) -> str:
    """One figure with the sentence it stands in, the figure marked: the claims view's link from
    a bar or table row back to its quote. All article text is escaped."""
    return (f"<div class='lb-panel'><p>{escape(figure_line(fig))} "
            f"<span class='lb-art'>[{escape(fig['article'])}]</span></p>"
            f"<p>„{highlight(fig['sentence'], fig['text'])}“</p></div>")


def mention_html(m: dict[str, Any]) -> str:
    offset = m["start"] - m["sentence_start"] if "sentence_start" in m else None
    return highlight(m["sentence"], m["surface"], offset)


def surfaces(props: dict[str, Any]) -> list[str]:
    """The place's names as written in the articles, most frequent first."""
    counts: dict[str, int] = {}
    for m in props["mentions"]:
        counts[m["surface"]] = counts.get(m["surface"], 0) + 1
    return sorted(counts, key=lambda s: (-counts[s], s))


def figures_for(place_id: str, figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in figures if place_id in f.get("place_ids", [])]


def figures_by_place(figures: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """place_id -> its figures, in one pass (per-place scans are quadratic on big corpora)."""
    index: dict[str, list[dict[str, Any]]] = {}
    for f in figures:
        for pid in dict.fromkeys(f.get("place_ids", [])):
            index.setdefault(pid, []).append(f)
    return index


def precision_note(props: dict[str, Any]) -> str | None:
    """Plain words for a point that is not where the place is."""
    if is_approximate(props):
        return (f"Approximate position ({props.get('precision')}): the exact point is unknown; "
                "the marker stands in for it.")
    if props.get("kind") in AREA_KINDS:
        return f"The point stands for the whole {AREA_KINDS[props['kind']]}."
    return None


def _header(props: dict[str, Any]) -> str:
    written = ", ".join(escape(s) for s in surfaces(props))
    canonical = escape(props.get("name", ""))
    if props.get("name_de") and props["name_de"] != props.get("name"):
        canonical += f" / {escape(props['name_de'])}"
    role = "speaker (capital or institution that speaks)" if _speaks(props) else "event place"
    lines = [f"<b>{written}</b>", f"<div class='lb-canon'>{canonical} · {escape(props.get('kind', ''))}"
             f" · {escape(props.get('country_code', ''))} · {role}</div>"]
    note = precision_note(props)
    if note:
        lines.append(f"<div class='lb-approx'><i>{escape(note)}</i></div>")
    return "".join(lines)


def _speaks(props: dict[str, Any]) -> bool:
    roles = [m["role"] for m in props["mentions"]]
    return roles.count("speaker") > roles.count("place")


def _figure_item(fig: dict[str, Any]) -> str:
    return f"<li>{escape(figure_line(fig))} <span class='lb-art'>[{escape(fig['article'])}]</span></li>"


def _quote_item(m: dict[str, Any]) -> str:
    return f"<li>„{mention_html(m)}“ <span class='lb-art'>[{escape(m['article'])}]</span></li>"


def popup_html(feature: dict[str, Any], figs: list[dict[str, Any]]) -> str:
    """Short popup: names, the place's figures, the first few quotes; the side panel has the
    rest. ``figs`` are the figures about this place (``figures_by_place``)."""
    props = feature["properties"]
    parts = [_header(props)]
    if figs:
        parts.append("<div><b>Figures</b><ul>" + "".join(_figure_item(f) for f in figs[:POPUP_FIGURES])
                     + "</ul></div>")
    mentions = props["mentions"]
    parts.append("<div><b>Quotes</b><ul>" + "".join(_quote_item(m) for m in mentions[:POPUP_QUOTES])
                 + "</ul></div>")
    hidden = max(0, len(mentions) - POPUP_QUOTES) + max(0, len(figs) - POPUP_FIGURES)
    if hidden:
        parts.append(f"<div><i>{hidden} more in the side panel.</i></div>")
    return "<div class='lb-popup'>" + "".join(parts) + "</div>"


@dataclass
class ArticleGroup:
    """What one article says about a place: quotes as safe HTML, figures as plain lines."""

    article: str
    quotes: list[str] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)


def panel_groups(feature: dict[str, Any], figures: list[dict[str, Any]]) -> list[ArticleGroup]:
    """Every quote and figure for the place, grouped by article in order of first appearance."""
    groups: dict[str, ArticleGroup] = {}
    for m in feature["properties"]["mentions"]:
        groups.setdefault(m["article"], ArticleGroup(m["article"])).quotes.append(mention_html(m))
    for f in figures_for(feature["properties"]["place_id"], figures):
        groups.setdefault(f["article"], ArticleGroup(f["article"])).figures.append(f)
    return list(groups.values())


def panel_html(feature: dict[str, Any], figures: list[dict[str, Any]]) -> str:
    """The side panel's complete account of one place, as safe HTML."""
    parts = [_header(feature["properties"])]
    for g in panel_groups(feature, figures):
        parts.append(f"<h4>Article {escape(g.article)}</h4>")
        if g.figures:
            parts.append("<ul>" + "".join(f"<li>{escape(figure_line(f))}<br><small>„"
                                          f"{highlight(f['sentence'], f['text'])}“</small></li>"
                                          for f in g.figures) + "</ul>")
        parts.append("<ul>" + "".join(f"<li>„{q}“</li>" for q in g.quotes) + "</ul>")
    return "<div class='lb-panel'>" + "".join(parts) + "</div>"


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\*_`[]()<>#!|~$&{}+-.:=\"'"})


def markdown_literal(text: str) -> str:
    """``text`` escaped so that Streamlit's Markdown shows it as written: a file name such as
    ``**x**.txt`` or ``![](http://127.0.0.1/t.png).txt`` stays a name, never bold or an image."""
    return " ".join(text.split()).translate(_MARKDOWN_SPECIAL)
