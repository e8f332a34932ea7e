"""Popup and side-panel HTML for a place. Everything that comes from an article (quotes, names
as written, sources, article ids) passes through ``html.escape`` here and nowhere is it
concatenated raw, so a page carrying ``<script>`` or ``onerror=`` stays inert text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any

from geo.app import basemap
from geo.figures.sources import source_type

CATEGORY_LABELS = {
    "troops": "Truppen", "killed": "getötet", "wounded": "verwundet",
    "killed_or_wounded": "getötet oder verwundet", "casualties": "Verluste",
    "missing": "vermisst", "captured": "gefangen genommen", "area_km2": "Fläche (km²)",
}
QUALIFIER_SIGNS = {"approx": "≈ ", "at_least": "≥ ", "up_to": "≤ ", "range": "", "exact": ""}
QUALIFIER_WORDS = {"approx": "etwa", "at_least": "mindestens", "up_to": "bis zu",
                   "range": "Spanne", "exact": "genau"}
KIND_LABELS = {"village": "Dorf", "city": "Stadt", "region": "Region", "country": "Staat"}
# The figures' actor codes (ISO country codes of the side a figure counts) in plain German.
ACTOR_LABELS = {"KP": "Nordkorea", "RU": "Russland", "UA": "Ukraine", "US": "USA",
                "KR": "Südkorea", "GE": "Georgien", "IL": "Israel", "PS": "Palästina",
                "LB": "Libanon", "BY": "Belarus", "DE": "Deutschland", "IR": "Iran",
                "SD": "Sudan", "CN": "China"}
PRECISION_LABELS = {"settlement": "Ort", "district_seat": "Kreisstadt statt Dorf",
                    "region_label_point": "Mittelpunkt der Region",
                    "country_label_point": "Mittelpunkt des Staates"}
AREA_KINDS = {"region": "die ganze Region", "country": "den ganzen Staat"}
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")


def is_approximate(props: dict[str, Any]) -> bool:
    """A settlement whose point is a stand-in (a district seat for an unknown village)."""
    return props.get("kind") in ("village", "city") and props.get("precision") != "settlement"


def german_number(n: int | float) -> str:
    """10000 -> '10.000', as the articles write it: the one number format of the UI."""
    return f"{round(n):,}".replace(",", ".")


def actor_label(code: str | None) -> str:
    """Whose people a figure counts, in words (codes stay in the exports' own columns)."""
    return ACTOR_LABELS.get(code or "") or basemap.country_name(code)


def kind_label(kind: str | None) -> str:
    return KIND_LABELS.get(kind or "", kind or "")


def german_name(props: dict[str, Any]) -> str:
    """The German name first: what a German reader searches for."""
    return props.get("name_de") or props.get("name") or ""


def german_date(iso: str | None, granularity: str | None = "day") -> str:
    """'2024-11-05' -> '05.11.2024'; a month as 'November 2024'; empty when undated."""
    if not iso:
        return ""
    year, month, day = iso[:10].split("-")
    if granularity in ("month",):
        return f"{MONTHS[int(month) - 1]} {year}"
    if granularity == "year":
        return year
    return f"{day}.{month}.{year}"


def figure_value(fig: dict[str, Any]) -> str:
    """The claimed value with its hedge as a sign: '≈ 10.000', '11.000–12.000', '≥ 5'."""
    if fig["low"] != fig["high"]:
        value = f"{german_number(fig['low'])}–{german_number(fig['high'])}"
    else:
        value = QUALIFIER_SIGNS.get(fig["qualifier"], "") + german_number(fig["low"])
    if fig.get("vague"):
        value += " (vage)"
    if fig.get("derived"):
        value += " (abgeleitet)"
    return value


def figure_line(fig: dict[str, Any]) -> str:
    """One figure as plain text: value, hedge, category, whose, according to whom."""
    parts = [figure_value(fig), QUALIFIER_WORDS.get(fig["qualifier"], fig["qualifier"]),
             CATEGORY_LABELS.get(fig["category"], fig["category"])]
    if fig.get("actor"):
        parts.append(f"Seite: {actor_label(fig['actor'])}")
    if fig.get("source"):
        parts.append(f"Quelle: {fig['source']} ({source_type(fig['source'])})")
    else:
        parts.append("Quelle: nicht genannt")
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


def figure_quote_html(fig: dict[str, Any], article: dict[str, Any] | None = None) -> str:
    """One figure with the sentence it stands in, the figure marked: the claims view's link from
    a bar or table row back to its quote. All article text is escaped."""
    return (f"<div class='lb-panel'><p>{escape(figure_line(fig))} "
            f"<span class='lb-art'>[{article_heading(fig['article'], article)}]</span></p>"
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
        precision = PRECISION_LABELS.get(props.get("precision") or "", "ungefähr")
        return (f"Ungefähre Lage ({precision}): der genaue Punkt ist unbekannt, "
                "die Markierung steht stellvertretend.")
    if props.get("kind") in AREA_KINDS:
        return f"Der Punkt steht für {AREA_KINDS[props['kind']]}."
    return None


def _header(props: dict[str, Any]) -> str:
    written = ", ".join(escape(s) for s in surfaces(props))
    canonical = escape(german_name(props))
    if props.get("name") and props["name"] != german_name(props):
        canonical += f" / {escape(props['name'])}"
    role = "Sprecher (Hauptstadt oder Institution)" if _speaks(props) else "Ereignisort"
    lines = [f"<b>{written}</b>", f"<div class='lb-canon'>{canonical} · "
             f"{escape(kind_label(props.get('kind')))} · {role}</div>"]
    note = precision_note(props)
    if note:
        lines.append(f"<div class='lb-approx'><i>{escape(note)}</i></div>")
    return "".join(lines)


def _speaks(props: dict[str, Any]) -> bool:
    roles = [m["role"] for m in props["mentions"]]
    return roles.count("speaker") > roles.count("place")


def top_quote(props: dict[str, Any]) -> str:
    """The quote a popup shows: the first sentence that speaks of the place as an event place."""
    mentions = props["mentions"]
    best = next((m for m in mentions if m.get("role") == "place"), mentions[0] if mentions else None)
    return best["sentence"] if best else ""


def popup_record(feature: dict[str, Any], figs: list[dict[str, Any]],
                 span: tuple[str | None, str | None] = (None, None)) -> dict[str, Any]:
    """What the map's small popup shows, as plain data: the browser builds the popup from it on
    click, as text nodes (never HTML), so nothing is rendered for places nobody opens."""
    props = feature["properties"]
    articles = {m["article"] for m in props["mentions"]}
    return {"name": german_name(props), "kind": kind_label(props.get("kind")),
            "mentions": german_number(len(props["mentions"])),
            "figures": german_number(len(figs)), "articles": german_number(len(articles)),
            "quote": top_quote(props), "first": german_date(span[0]), "last": german_date(span[1])}


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


HOME_NOTES = {"sentence": "Ort aus dem Satz übernommen", "article": "Hauptort des Artikels"}


def article_heading(article_id: str, article: dict[str, Any] | None) -> str:
    """'Titel – Medium, 05.11.2024' or the article id; 'undatiert' when no date is known."""
    if not article:
        return escape(article_id)
    head = escape(article.get("label") or article.get("title") or article_id)
    if article.get("outlet"):
        head += f" – {escape(article['outlet'])}"
    date = german_date(article.get("published"))
    return head + f" · {date if date else 'undatiert'}"


def _figure_panel_item(f: dict[str, Any]) -> str:
    note = HOME_NOTES.get(f.get("home") or "")
    extra = f" <i class='lb-approx'>({escape(note)})</i>" if note else ""
    return (f"<li>{escape(figure_line(f))}{extra}<br><small>„"
            f"{highlight(f['sentence'], f['text'])}“</small></li>")


def panel_html(feature: dict[str, Any], figures: list[dict[str, Any]],
               articles: dict[str, dict[str, Any]] | None = None,
               span: tuple[str | None, str | None] = (None, None)) -> str:
    """The side panel's complete account of one place, as safe HTML: built for the place that
    is open only."""
    parts = [_header(feature["properties"])]
    if span[0]:
        parts.append(f"<div class='lb-canon'>Erwähnt {german_date(span[0])} bis "
                     f"{german_date(span[1])}</div>")
    else:
        parts.append("<div class='lb-canon'>Erwähnungen undatiert</div>")
    for g in panel_groups(feature, figures):
        parts.append(f"<h4>{article_heading(g.article, (articles or {}).get(g.article))}</h4>")
        if g.figures:
            parts.append("<ul>" + "".join(_figure_panel_item(f) for f in g.figures) + "</ul>")
        parts.append("<ul>" + "".join(f"<li>„{q}“</li>" for q in g.quotes) + "</ul>")
    return "<div class='lb-panel'>" + "".join(parts) + "</div>"


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\*_`[]()<>#!|~$&{}+-.:=\"'"})


def markdown_literal(text: str) -> str:
    """``text`` escaped so that Streamlit's Markdown shows it as written: a file name such as
    ``**x**.txt`` or ``![](http://127.0.0.1/t.png).txt`` stays a name, never bold or an image."""
    return " ".join(text.split()).translate(_MARKDOWN_SPECIAL)
