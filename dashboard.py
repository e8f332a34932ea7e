"""Lagebild: die Karte der deutschen Kriegsberichterstattung. Streamlit only displays here; the
logic (filters, time, sources, popups, map, exports, storing uploads) lives in ``geo/`` and is
tested there.

Run: ``streamlit run dashboard.py`` (works without internet; see README)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st
from streamlit import runtime
from streamlit_folium import st_folium

from geo.app import exports, filters, mapview, popups, timeline, views
from geo.corpus.ingest import Inputs, Item, ingest
from geo.corpus.store import Store, StoreError
from geo.paths import default_store_dir
from geo.text.reading import SUFFIXES

ROOT = Path(__file__).resolve().parent
SEEDS = ROOT / "seeds"
CLAIM_CATEGORIES = exports.CLAIM_CATEGORIES
# One colour per category, the same in every chart (Okabe-Ito, safe for colour-blind readers).
CATEGORY_COLOURS = dict(zip(CLAIM_CATEGORIES, ["#0072B2", "#D55E00", "#E69F00", "#CC79A7",
                                               "#009E73", "#56B4E9", "#000000"]))
LABELS = {"article": "Artikel", "category": "Kategorie", "source": "Quelle",
          "source_type": "Quellentyp", "kind": "Ortsart"}
# The light table first: a chart on the opening tab makes the browser load and run Vega while
# it should draw the map (measured: +0.6 s until the map is visible on a fresh profile).
TABS = ["Orte", "Zahlen", "Zeitverlauf", "Tabelle der Zahlen", "Ohne Ort", "Zitatsuche",
        "Export", "Artikel"]


def store_root() -> str:
    """``streamlit run dashboard.py -- --store DIR``, else ``LAGEBILD_STORE`` or the user data
    folder."""
    args = sys.argv[1:]
    if "--store" in args and args.index("--store") + 1 < len(args):
        return args[args.index("--store") + 1]
    return str(default_store_dir())


@st.cache_resource(show_spinner="Speicher wird geöffnet …")
def open_store(root: str) -> Store:
    """The store, with the bundled seeds ingested on its very first start."""
    kept = Store(root)
    if not kept.batches() and not any(kept.removed_dir.iterdir()):
        ingest(kept, Inputs().items([SEEDS]))
    return kept


@st.cache_resource(show_spinner="Speicher wird gelesen …", max_entries=2)
def load_collection(root: str, generation: str) -> views.Collection:
    """The store's current view as a FeatureCollection with every figure given a home, and
    what the filters offer, shared by every session and rebuilt only when a batch or removal
    lands (``generation``). Never modified by the page."""
    return views.collection(filters.home_figures(open_store(root).feature_collection()))


@st.cache_resource(show_spinner=False, max_entries=6)
def load_view(root: str, generation: str, key: str) -> views.ViewData:
    """One filtered view (``views.view_key``) of one generation, shared by every session:
    opening a place or a tab reruns the page without recomputing it. Never modified."""
    whole = load_collection(root, generation)
    return views.view_data(whole, views.view_from_key(key))


def view_from_url(opts: dict[str, list[str]], span: timeline.Span) -> None:
    """On the first run of a session, the widgets start from the link's query parameters."""
    if "_url_loaded" in st.session_state:
        return
    st.session_state["_url_loaded"] = True
    params = {k: st.query_params.get_all(k) for k in filters.QUERY_KEYS}
    view = filters.from_query(params, opts)
    # Only what the link sets: a widget whose value the script sets is sent to the browser
    # again on the next rerun (its message changes), and the article list is big.
    for key in LABELS:
        if getattr(view, key):
            st.session_state[f"f_{key}"] = list(getattr(view, key))
    if view.q:
        st.session_state["f_q"] = view.q
    st.session_state["f_place"] = view.place or None  # changes with every click anyway
    lo, hi = _day(span[0]), _day(span[1])
    if lo and hi:  # a link's window is kept inside the dates this store has
        start, end = _day(view.start) or lo, _day(view.end) or hi
        st.session_state["f_time"] = (min(max(start, lo), hi), max(min(end, hi), lo))
    if view.tab in TABS:
        st.session_state["tab"] = view.tab
    st.session_state["_map_view"] = mapview.parse_view(view.c, view.z)


def _day(iso: str | None) -> date | None:
    """An ISO day, or None when absent or malformed (a hand-edited link still opens)."""
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def reset_filters(span: timeline.Span) -> None:
    """Every filter back to "all". The widgets get their empty values set, not removed: a
    removed key lets the browser send its old value again with the next action."""
    for key in LABELS:
        st.session_state[f"f_{key}"] = []
    st.session_state["f_q"] = st.session_state["f_article_q"] = ""
    lo, hi = _day(span[0]), _day(span[1])
    if lo and hi and lo < hi:
        st.session_state["f_time"] = (lo, hi)
    else:
        st.session_state.pop("f_time", None)
    st.session_state["_map_view"] = None


def sidebar_view(whole: views.Collection) -> filters.View:
    st.sidebar.header("Filter")
    opts, span, entities, titles = whole.options, whole.span, whole.entities, whole.titles
    formats = {"category": lambda c: popups.CATEGORY_LABELS.get(c, c),
               "source": lambda k: entities[k].name if k in entities else k,
               "kind": popups.kind_label,
               "article": lambda a: titles.get(a) or a}
    offered = dict(opts)
    if len(opts["article"]) > views.LIST_MAX:  # never thousands of titles in the page
        found = st.sidebar.text_input(
            "Artikel suchen", key="f_article_q", placeholder="Wort im Titel",
            help=f"Die Artikelauswahl bietet die {views.LIST_MAX} neuesten Treffer an.")
        offered["article"] = whole.article_choices(found, st.session_state.get("f_article", []))
    values = {key: tuple(st.sidebar.multiselect(label, offered[key], key=f"f_{key}",
                                                 placeholder="alle",
                                                 format_func=formats.get(key, str)))
              for key, label in LABELS.items()}
    q = st.sidebar.text_input("In den Zitaten suchen", key="f_q")
    start = end = ""
    if span[0] and span[1] and span[0] < span[1]:
        lo, hi = _day(span[0]), _day(span[1])
        if "f_time" not in st.session_state:
            st.session_state["f_time"] = (lo, hi)
        picked = st.sidebar.slider("Zeitfenster", min_value=lo, max_value=hi, key="f_time",
                                   format="DD.MM.YYYY")
        if tuple(picked) != (lo, hi):
            start, end = picked[0].isoformat(), picked[1].isoformat()
    undated = whole.undated
    if undated["Artikel"]:
        st.sidebar.caption(f"{popups.german_number(undated['Artikel'])} Artikel sind undatiert "
                           "(kein Datum im Text oder in den Angaben); ein Zeitfenster blendet "
                           "sie aus.")
    view = filters.View(**values, q=q, start=start, end=end,
                        place=st.session_state.get("f_place") or "")
    st.sidebar.button("Filter zurücksetzen", on_click=reset_filters, args=(span,),
                      key="reset_top", disabled=filters.is_default(view))
    return view


def add_articles(kept: Store) -> None:
    """Upload or paste: analysed into the store once; one summary for the whole batch; bad
    files are named in it and change nothing."""
    with st.sidebar.form("add", clear_on_submit=True):
        st.subheader("Artikel hinzufügen")
        files = st.file_uploader("Dateien (.txt, .md, .html)", type=[s.lstrip(".") for s in SUFFIXES],
                                 accept_multiple_files=True)
        text = st.text_area("… oder Artikeltext einfügen", key="add_text")
        title = st.text_input("Titel (für eingefügten Text)", key="add_title")
        outlet = st.text_input("Medium", key="add_outlet")
        url = st.text_input("Adresse (URL)", key="add_url")
        published = st.date_input("Erscheinungsdatum (leer: aus Seite, Text oder Dateiname)",
                                  value=None, format="DD.MM.YYYY", key="add_date")
        submitted = st.form_submit_button("Hinzufügen", key="add_go")
    if not submitted:
        return
    meta: dict[str, object] = {k: v.strip() for k, v in
                               (("title", title), ("outlet", outlet), ("url", url)) if v.strip()}
    if published:
        meta["published"] = published
    items = [Item(f.name, f.name, f.getvalue(), meta) for f in files or []]
    if text.strip():
        name = (title.strip() or "eingefügter Text")[:80]
        items.append(Item(f"{name}.txt", name, text.encode("utf-8"), meta))
    if not items:
        st.session_state["_add_messages"] = [("warning", "Nichts hinzuzufügen.")]
        return
    try:
        summary = ingest(kept, items)
    except OSError as err:
        st.session_state["_add_messages"] = [
            ("error", f"Nichts hinzugefügt: der Speicher ist nicht beschreibbar ({err.strerror}).")]
        return
    level = "success" if summary.new else ("info" if summary.known else "error")
    n = popups.german_number
    line = (f"{n(summary.new)} neu, {n(summary.known)} schon bekannt, "
            f"{n(summary.unreadable)} unlesbar.")
    st.session_state["_add_messages"] = [(level, line)] + [
        ("error", message) for message in summary.messages]
    if summary.new:
        st.rerun()  # the view above was read before the new batch


def show_messages() -> None:
    """As plain text: file names come from users and are never Markdown or HTML."""
    for level, message in st.session_state.pop("_add_messages", []):
        box = getattr(st.sidebar, level)
        box(popups.markdown_literal(message))


def fly_to_choice(data: views.ViewData) -> None:
    """A place chosen in the list: the map flies there (a click on the map does not move it)."""
    feature = data.features.get(st.session_state.get("f_place") or "")
    st.session_state["_fly"] = mapview.fly_target(feature) if feature else None


def side_panel(data: views.ViewData) -> None:
    labels = data.labels
    chosen = st.session_state.get("f_place")
    if chosen and chosen not in labels:
        st.session_state["f_place"] = chosen = None  # a place this view does not show
    found = ""
    if len(labels) > views.LIST_MAX:  # never thousands of names in the page
        found = st.text_input("Ort suchen", key="f_place_q", placeholder="Name",
                              help=f"Die Liste bietet die {views.LIST_MAX} meistgenannten "
                                   "Treffer an.")
    place = st.selectbox("Ort (Name tippen: „Kiew“ oder „Kyiv“)",
                         data.place_choices(found, chosen), key="f_place",
                         format_func=labels.get, placeholder="Markierung anklicken oder Ort wählen",
                         on_change=fly_to_choice, args=(data,))
    if not place:
        st.info("Eine Markierung anklicken (oder mit Tab wählen und Enter drücken), um alle "
                "Zitate und Zahlen zu diesem Ort zu sehen.")
        return
    st.html(panel_css() + (data.panel_html(place) or ""))


def panel_css() -> str:
    return ("<style>.lb-panel mark{background:#F0E442;padding:0 2px}"
            ".lb-panel .lb-approx{color:#7a4a00}.lb-panel h4{margin:.8em 0 .2em}</style>")


def _claim_frame(view_fc: dict, by_date: bool = False) -> pd.DataFrame:
    return pd.DataFrame(exports.claim_rows(view_fc, by_date))


# Vega formats numbers the English way ("10,000") and names months in English: the axes use
# the one German number format and numeric dates instead.
GERMAN_NUMBER = "replace(format(datum.value, ',d'), regexp(',', 'g'), '.')"
GERMAN_DAY = "timeFormat(datum.value, '%d.%m.%Y')"


def _people_axis(field: str, title: str, axis_name: str = "x") -> alt.X | alt.Y:
    """Counts of people on a log scale (12 and 12.000 both read); a claimed 0 sits at 1."""
    scale = alt.Scale(type="log", domainMin=1, clamp=True)
    axis = alt.Axis(labelExpr=GERMAN_NUMBER, values=[10 ** k for k in range(7)])
    return (alt.X if axis_name == "x" else alt.Y)(field, title=title, scale=scale, axis=axis)


def _colour_scale() -> alt.Scale:
    cats = [popups.CATEGORY_LABELS[c] for c in CLAIM_CATEGORIES]
    return alt.Scale(domain=cats, range=[CATEGORY_COLOURS[c] for c in CLAIM_CATEGORIES])


def _show_picked(event, view_fc: dict, param: str) -> None:
    """The quote behind a clicked bar or point."""
    picked = (event or {}).get("selection", {}).get(param) or []
    articles = {a["id"]: a for a in view_fc["articles"]}
    for point in picked:
        nr = point.get("Nr")
        if nr is None:
            continue
        fig = view_fc["figures"][int(nr)]
        st.html(panel_css() + popups.figure_quote_html(fig, articles.get(fig["article"])))


def claims_chart(view_fc: dict) -> None:
    """Troop and casualty claims side by side by source, side and place, on a log scale (so
    12 and 12.000 both read); ranges as bars; a click shows the quote."""
    frame = _claim_frame(view_fc)
    if frame.empty:
        st.info("Keine Truppen- oder Verlustzahlen in dieser Ansicht.")
        return
    pick = alt.selection_point(fields=["Nr"], name="claim")
    base = alt.Chart(frame).encode(
        y=alt.Y("Wer · Seite · Ort:N", title=None, axis=alt.Axis(labelLimit=380)),
        color=alt.Color("Kategorie:N", scale=_colour_scale()),
        tooltip=["Wert", "Angabe", "Kategorie", "Seite", "Quelle", "Orte", "Datum",
                 "Artikel (Anzahl)", "Satz"])
    x = _people_axis("von:Q", "Personen (logarithmisch)")
    ranges = base.mark_rule(strokeWidth=6, opacity=0.7).encode(x=x, x2="bis:Q")
    points = base.mark_point(filled=True, size=90).encode(x=x, shape="Angabe:N").add_params(pick)
    # a facet needs its panel width set: "stretch" collapses the x axis of faceted charts
    chart = alt.layer(ranges, points).properties(height=alt.Step(24), width=520).facet(
        row=alt.Row("Kategorie:N", title=None, header=alt.Header(labelAngle=0,
                                                                   labelAlign="left"))
    ).resolve_scale(y="independent")
    event = st.altair_chart(chart, width="content", on_select="rerun", key="claims_chart")
    st.caption("Balken sind Spannen (von–bis), Punkte der untere oder einzige Wert; dieselbe "
               "Angabe in mehreren Artikeln ist ein Punkt (Anzahl im Tooltip). Ein Klick zeigt "
               "das Zitat. Zahlen sind Behauptungen: nie über Quellen summiert oder gemittelt.")
    _show_picked(event, view_fc, "claim")


def timeline_tab(view_fc: dict) -> None:
    """Articles and figures per day, and each claim at its date by source, so a build-up
    (8.000 → 12.000) reads at a glance."""
    days = pd.DataFrame(timeline.daily_counts(view_fc))
    undated = timeline.undated_counts(view_fc)
    if days.empty:
        st.info("Nichts in dieser Ansicht ist datiert.")
    else:
        long = days.melt("Tag", var_name="was", value_name="Anzahl")
        st.altair_chart(alt.Chart(long).mark_bar().encode(
            x=alt.X("Tag:T", title=None, axis=alt.Axis(labelExpr=GERMAN_DAY)),
            y=alt.Y("Anzahl:Q", axis=alt.Axis(labelExpr=GERMAN_NUMBER)), color="was:N",
            xOffset="was:N", tooltip=["Tag:T", "was", "Anzahl"]).properties(height=180),
            width="stretch")
    st.caption(f"Undatiert (nicht geschätzt): {popups.german_number(undated['Artikel'])} Artikel, "
               f"{popups.german_number(undated['Zahlen'])} Zahlen.")
    frame = _claim_frame(view_fc, by_date=True)
    if frame.empty:
        st.info("Keine datierte Truppen- oder Verlustzahl in dieser Ansicht.")
        return
    pick = alt.selection_point(fields=["Nr"], name="dated")
    base = alt.Chart(frame).encode(
        x=alt.X("Datum:T", title="Datum (im Text, sonst Erscheinungstag)",
                axis=alt.Axis(labelExpr=GERMAN_DAY)),
        y=_people_axis("von:Q", "Personen (logarithmisch)", "y"),
        color=alt.Color("Kategorie:N", scale=_colour_scale()),
        tooltip=["Wert", "Kategorie", "Seite", "Quelle", "Orte", "Datum", "Datum aus",
                 "Artikel (Anzahl)", "Satz"])
    # one line per source, side and category: a build-up (8.000 → 12.000) is a rising line
    frame = frame.assign(Reihe=frame["Quelle"] + " · " + frame["Seite"] + " · " + frame["Kategorie"])
    chart = alt.layer(base.mark_line(opacity=0.5).encode(detail="Reihe:N"),
                      base.mark_rule(strokeWidth=3).encode(y2="bis:Q"),
                      base.mark_point(filled=True, size=90).encode(
                          shape="Quellentyp:N").add_params(pick)).properties(height=320)
    event = st.altair_chart(chart, width="stretch", on_select="rerun", key="dated_chart")
    _show_picked(event, view_fc, "dated")


@st.cache_resource(show_spinner=False, max_entries=6)
def places_frame(root: str, generation: str, key: str) -> pd.DataFrame:
    """The places table of a view (as ``load_view``), made once. Never modified."""
    return pd.DataFrame(load_view(root, generation, key).places_rows()[:views.LIST_MAX])


def places_table(root: str, generation: str, key: str) -> None:
    """The most reported places; all of them are in the exports."""
    frame = places_frame(root, generation, key)
    st.dataframe(frame, hide_index=True, width="stretch")
    note = views.places_note(len(frame), len(load_view(root, generation, key).labels))
    if note:
        st.caption(note)


def without_place_tab(view_fc: dict) -> None:
    rows = exports.figures_rows({**view_fc, "figures": filters.without_place(view_fc)})
    homed = sum(1 for f in view_fc.get("figures", []) if f.get("home"))
    st.caption(f"{popups.german_number(homed)} Zahlen ohne eigenen Ort stehen beim Ort ihres "
               "Satzes oder beim Hauptort ihres Artikels (und sagen es); diese hier haben keinen.")
    if not rows:
        st.info("Jede Zahl in dieser Ansicht hat einen Ort.")
        return
    st.dataframe(pd.DataFrame(rows)[["Wert", "Kategorie", "Seite", "Quelle", "Datum", "Artikel",
                                     "Satz"]], hide_index=True, width="stretch")


def quote_search(kept: Store) -> None:
    """Over the whole store, not only the view."""
    q = st.text_input("Zitate im ganzen Speicher suchen", key="store_q")
    if not q.strip():
        return
    hits = kept.search_quotes(q.strip(), limit=100)
    st.caption(f"{popups.german_number(len(hits))} Treffer (höchstens 100, neueste zuerst)")
    if hits:
        st.dataframe(pd.DataFrame([{"Artikel": h["article_id"], "Satz": h["text"]} for h in hits]),
                     hide_index=True, width="stretch")


def export_buttons(view_fc: dict) -> None:
    st.download_button("GeoJSON (gefilterte Ansicht)", exports.to_geojson(view_fc),
                       "lagebild.geojson", "application/geo+json")
    st.download_button("Orte als CSV", exports.to_csv(exports.places_rows(view_fc)),
                       "lagebild_orte.csv", "text/csv")
    st.download_button("Zahlen als CSV", exports.to_csv(exports.figures_rows(view_fc)),
                       "lagebild_zahlen.csv", "text/csv")
    st.download_button("Orte als GeoParquet", exports.to_geoparquet(view_fc),
                       "lagebild_orte.parquet", "application/vnd.apache.parquet")


def articles_table(whole: views.Collection, kept: Store) -> None:
    query = st.text_input("Im Speicher suchen", key="articles_q",
                          placeholder="Wort im Titel oder Dateinamen")
    rows, total = views.article_rows(whole, query)
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    n = popups.german_number
    if total > len(rows):
        st.caption(f"Die {n(len(rows))} neuesten von {n(total)} Artikeln; die Suche grenzt ein.")
    counts = kept.counts()
    if counts["older_analyser"]:
        st.warning(f"{popups.german_number(counts['older_analyser'])} Artikel wurden von einer "
                   "älteren Version analysiert und werden nicht gezeigt: "
                   "`python -m geo ingest --reanalyse` ausführen.")
    with st.form("remove"):
        doomed = st.multiselect("Artikel aus dem Speicher entfernen",
                                views.choices([r["Artikel"] for r in rows], {}, "",
                                              st.session_state.get("remove_ids") or [], len(rows)),
                                key="remove_ids")
        if st.form_submit_button("Entfernen", key="remove_go") and doomed:
            shas = {a["id"]: a["sha256"] for a in whole.fc["articles"]}
            kept.remove(shas[i] for i in doomed)
            st.session_state["_add_messages"] = [("info", f"{len(doomed)} entfernt.")]
            st.rerun()


def places_url(data: views.ViewData) -> str | None:
    """Where the browser fetches the view's places: Streamlit's media endpoint, which serves
    the bytes kept for this session's current run (the same bytes give the same URL, so every
    session of a view shares one copy). None outside a Streamlit server, and for a view small
    enough to go inline with the map."""
    if data.inline or not runtime.exists():
        return None
    return runtime.get_instance().media_file_mgr.add(data.payload, "application/json",
                                                     "lagebild.places")


def the_map(data: views.ViewData, online: bool) -> None:
    """The map, fitted to what the filters show unless the link or the list says where to look;
    a click on a marker opens the side panel. The map (basemap, legend) stays in the page; a
    new view only swaps its places layer, which the browser fetches as one JSON file."""
    features = data.fc["features"]
    signature = (len(features), tuple(f["properties"]["place_id"] for f in features[:50]))
    if st.session_state.get("_map_sig") not in (None, signature):
        st.session_state["_map_view"] = None  # new filters: fit to the new data
        st.session_state["_fly"] = None
    st.session_state["_map_sig"] = signature
    fly = st.session_state.get("_fly")
    places = mapview.PlacesLayer(data.map_data(st.session_state.get("_map_view"),
                                               places_url(data)))
    out = st_folium(mapview.base_map(online_tiles=online), feature_group_to_add=places,
                    height=620, use_container_width=True,
                    center=fly[0] if fly else None, zoom=fly[1] if fly else None,
                    returned_objects=["last_object_clicked_tooltip"])
    tooltip = (out or {}).get("last_object_clicked_tooltip")
    if tooltip and tooltip != st.session_state.get("_last_tooltip"):
        st.session_state["_last_tooltip"] = tooltip
        clicked = data.place_for_click(tooltip)
        if clicked:
            st.session_state["f_place"] = clicked


def main() -> None:
    st.set_page_config(page_title="Lagebild", layout="wide")
    root = store_root()
    try:
        kept = open_store(root)
    except StoreError as err:
        st.error(popups.markdown_literal(str(err)))
        st.stop()
    generation = kept.generation()
    whole = load_collection(root, generation)
    fc, span = whole.fc, whole.span
    view_from_url(whole.options, span)
    st.html("<a href='#karte' class='lb-skip'>Zur Karte springen</a><style>.lb-skip{position:"
            "absolute;left:-9999px}.lb-skip:focus{left:1rem;top:1rem;z-index:1000;"
            "background:#fff;padding:.3rem}</style>")
    add_articles(kept)
    show_messages()
    view = sidebar_view(whole)
    online = st.sidebar.toggle("Online-Kartenkacheln (braucht Internet)", value=False)
    key = views.view_key(view)
    data = load_view(root, generation, key)
    view_fc = data.fc

    st.title("Lagebild")
    n = popups.german_number
    window = (f" · Zeitfenster {popups.german_date(view.start)}–{popups.german_date(view.end)}"
              if view.start or view.end else "")
    st.caption(f"{n(len(view_fc['features']))} Orte · {n(len(view_fc.get('figures', [])))} Zahlen"
               f" · {n(len(view_fc['articles']))} von {n(len(fc['articles']))} Artikeln{window}")
    map_col, panel_col = st.columns([3, 2])
    with map_col:
        st.subheader("Karte", anchor="karte")
        if not view_fc["features"]:
            st.warning("Keine Orte für diese Filter.")
            st.button("Filter zurücksetzen", on_click=reset_filters, args=(span,),
                      key="reset_empty")
        the_map(data, online)
    with panel_col:
        side_panel(data)

    # Only the open tab is built: the tables and downloads cost time on every page load.
    tabs = st.tabs(TABS, key="tab", on_change="rerun")
    final = filters.with_place(view, st.session_state.get("f_place") or "")
    tab = st.session_state.get("tab") or ""
    final = filters.View(**{**final.__dict__, "tab": "" if tab == TABS[0] else tab})
    if filters.to_query(final) != _current_query():
        st.query_params.from_dict(filters.to_query(final))
    builders = [lambda: places_table(root, generation, key), lambda: claims_chart(view_fc),
                lambda: timeline_tab(view_fc),
                lambda: st.dataframe(pd.DataFrame(exports.figures_rows(view_fc)),
                                     hide_index=True, width="stretch"),
                lambda: without_place_tab(view_fc), lambda: quote_search(kept),
                lambda: export_buttons(view_fc), lambda: articles_table(whole, kept)]
    for tab, build in zip(tabs, builders):
        if tab.open:
            with tab:
                build()


def _current_query() -> dict[str, str | list[str]]:
    current: dict[str, str | list[str]] = {}
    for key in filters.QUERY_KEYS:
        if key in ("c", "z"):
            continue  # the map keeps these in the URL itself
        values = st.query_params.get_all(key)
        if values:
            current[key] = values if key in LABELS else values[-1]
    return current


main()
