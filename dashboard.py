"""Lagebild: the analyst's map of German war reporting. Streamlit only displays here; the
logic (filters, popups, map, exports, storing uploads) lives in ``geo/`` and is tested there.

Run: ``streamlit run dashboard.py`` (works without internet; see README)."""

from __future__ import annotations

import sys
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import exports, filters, mapview, popups
from geo.ingest import Inputs, Item, ingest
from geo.paths import default_store_dir
from geo.reading import SUFFIXES
from geo.store import Store, StoreError

ROOT = Path(__file__).resolve().parent
SEEDS = ROOT / "seeds"
CLAIM_CATEGORIES = ("troops", "killed", "wounded", "killed_or_wounded", "casualties", "missing",
                    "captured")
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
LABELS = {"article": "Article", "category": "Figure category", "source": "Source",
          "kind": "Place kind"}


def store_root() -> str:
    """``streamlit run dashboard.py -- --store DIR``, else ``LAGEBILD_STORE`` or the user data
    folder."""
    args = sys.argv[1:]
    if "--store" in args and args.index("--store") + 1 < len(args):
        return args[args.index("--store") + 1]
    return str(default_store_dir())


@st.cache_resource(show_spinner="Opening the store …")
def open_store(root: str) -> Store:
    """The store, with the bundled seeds ingested on its very first start."""
    kept = Store(root)
    if not kept.batches() and not any(kept.removed_dir.iterdir()):
        ingest(kept, Inputs().items([SEEDS]))
    return kept


@st.cache_resource(show_spinner="Reading the store …", max_entries=2)
def load_collection(root: str, generation: str) -> dict:
    """The store's current view as a FeatureCollection, shared by every session and rebuilt
    only when a batch or removal lands (``generation``). Never modified by the page."""
    return open_store(root).feature_collection()


def view_from_url(opts: dict[str, list[str]]) -> None:
    """On the first run of a session, the widgets start from the link's query parameters."""
    if "_url_loaded" in st.session_state:
        return
    st.session_state["_url_loaded"] = True
    params = {k: st.query_params.get_all(k) for k in filters.QUERY_KEYS}
    view = filters.from_query(params, opts)
    for key in ("article", "category", "source", "kind"):
        st.session_state[f"f_{key}"] = list(getattr(view, key))
    st.session_state["f_q"] = view.q
    st.session_state["f_place"] = view.place or None


def sidebar_view(opts: dict[str, list[str]]) -> filters.View:
    st.sidebar.header("Filter")
    values = {key: tuple(st.sidebar.multiselect(label, opts[key], key=f"f_{key}",
                                                 placeholder="all"))
              for key, label in LABELS.items()}
    q = st.sidebar.text_input("Search the quotes", key="f_q")
    return filters.View(**values, q=q, place=st.session_state.get("f_place") or "")


def add_articles(kept: Store) -> None:
    """Upload or paste: analysed into the store once; one summary for the whole batch; bad
    files are named in it and change nothing."""
    with st.sidebar.form("add", clear_on_submit=True):
        st.subheader("Add articles")
        files = st.file_uploader("Upload .txt, .md or .html", type=[s.lstrip(".") for s in SUFFIXES],
                                 accept_multiple_files=True)
        text = st.text_area("… or paste an article", key="add_text")
        title = st.text_input("Title (for pasted text)", key="add_title")
        outlet = st.text_input("Outlet", key="add_outlet")
        url = st.text_input("Address (URL)", key="add_url")
        submitted = st.form_submit_button("Add", key="add_go")
    if not submitted:
        return
    meta = {k: v.strip() for k, v in (("title", title), ("outlet", outlet), ("url", url))
            if v.strip()}
    items = [Item(f.name, f.name, f.getvalue(), meta) for f in files or []]
    if text.strip():
        name = (title.strip() or "pasted text")[:80]
        items.append(Item(f"{name}.txt", name, text.encode("utf-8"), meta))
    if not items:
        st.session_state["_add_messages"] = [("warning", "Nothing to add.")]
        return
    try:
        summary = ingest(kept, items)
    except OSError as err:
        st.session_state["_add_messages"] = [
            ("error", f"Nothing added: the store could not be written ({err.strerror}).")]
        return
    level = "success" if summary.new else ("info" if summary.known else "error")
    st.session_state["_add_messages"] = [(level, summary.line().rsplit(",", 1)[0] + ".")] + [
        ("error", message) for message in summary.messages]
    if summary.new:
        st.rerun()  # the view above was read before the new batch


def show_messages() -> None:
    """As plain text: file names come from users and are never Markdown or HTML."""
    for level, message in st.session_state.pop("_add_messages", []):
        box = getattr(st.sidebar, level)
        box(popups.markdown_literal(message))


def side_panel(view_fc: dict, place_ids: list[str], labels: dict[str, str]) -> None:
    current = st.session_state.get("f_place")
    if current not in place_ids:
        st.session_state["f_place"] = None
    place = st.selectbox("Place", place_ids, key="f_place", format_func=labels.get,
                         placeholder="click a marker or choose a place")
    if not place:
        st.info("Click a marker on the map to see every quote and figure for that place.")
        return
    feature = next(f for f in view_fc["features"] if f["properties"]["place_id"] == place)
    st.html(panel_css() + popups.panel_html(feature, view_fc.get("figures", [])))


def panel_css() -> str:
    return ("<style>.lb-panel mark{background:#F0E442;padding:0 2px}"
            ".lb-panel .lb-approx{color:#7a4a00}.lb-panel h4{margin:.8em 0 .2em}</style>")


def claims_chart(view_fc: dict) -> None:
    """Troop and casualty figures side by side by source and article, ranges as bars."""
    rows = [r for r in exports.figures_rows(view_fc) if r["category"] in CLAIM_CATEGORIES]
    if not rows:
        st.info("No troop or casualty figures in this view.")
        return
    frame = pd.DataFrame(rows)
    frame["claim by"] = frame["source"] + " · " + frame["article"]
    base = alt.Chart(frame).encode(
        y=alt.Y("claim by:N", title=None),
        color=alt.Color("category:N", scale=alt.Scale(range=OKABE_ITO)),
        tooltip=["value", "qualifier", "category", "actor", "source", "article", "places",
                 "sentence"])
    ranges = base.mark_rule(strokeWidth=6, opacity=0.7).encode(x=alt.X("low:Q", title="people"),
                                                               x2="high:Q")
    points = base.mark_point(filled=True, size=70).encode(x="low:Q", shape="qualifier:N")
    highs = base.mark_tick(thickness=2, size=14).encode(x="high:Q")
    chart = alt.layer(ranges, points, highs).properties(height=alt.Step(22)).facet(
        row=alt.Row("category:N", title=None)).resolve_scale(x="independent", y="independent")
    st.altair_chart(chart, width="stretch")
    st.caption("Bars are ranges (low–high), points the lower or only value; hover for the quote, "
               "or pick a row below. Figures are claims: never summed or averaged across sources.")
    picked = st.dataframe(frame[["category", "value", "qualifier", "actor", "source", "article",
                                 "places", "sentence"]], hide_index=True, width="stretch",
                          on_select="rerun", selection_mode="single-row", key="claim_rows")
    for row in picked.selection.rows:
        st.html(panel_css() + popups.figure_quote_html(rows[row]))


def export_buttons(view_fc: dict) -> None:
    st.download_button("GeoJSON (filtered view)", exports.to_geojson(view_fc),
                       "lagebild.geojson", "application/geo+json")
    st.download_button("Places CSV", exports.to_csv(exports.places_rows(view_fc)),
                       "lagebild_places.csv", "text/csv")
    st.download_button("Figures CSV", exports.to_csv(exports.figures_rows(view_fc)),
                       "lagebild_figures.csv", "text/csv")
    st.download_button("Places GeoParquet", exports.to_geoparquet(view_fc),
                       "lagebild_places.parquet", "application/vnd.apache.parquet")


def articles_table(fc: dict, kept: Store) -> None:
    st.dataframe(pd.DataFrame([{"article": a["id"], "title": a.get("title", ""),
                                "outlet": a.get("outlet", ""), "file": a["name"],
                                "added": a.get("added", ""), "chars": a["chars"],
                                "notes": "; ".join(a.get("notes", []))} for a in fc["articles"]]),
                 hide_index=True, width="stretch")
    counts = kept.counts()
    if counts["older_analyser"]:
        st.warning(f"{counts['older_analyser']} articles were analysed by an older version and "
                   "are not shown: run `python -m geo ingest --reanalyse` on them.")
    with st.form("remove"):
        doomed = st.multiselect("Remove articles from the store",
                                [a["id"] for a in fc["articles"]], key="remove_ids")
        if st.form_submit_button("Remove", key="remove_go") and doomed:
            shas = {a["id"]: a["sha256"] for a in fc["articles"]}
            kept.remove(shas[i] for i in doomed)
            st.session_state["_add_messages"] = [("info", f"{len(doomed)} removed.")]
            st.rerun()


def main() -> None:
    st.set_page_config(page_title="Lagebild", layout="wide")
    root = store_root()
    try:
        kept = open_store(root)
    except StoreError as err:
        st.error(str(err))
        st.stop()
    fc = load_collection(root, kept.generation())
    opts = filters.options(fc)
    view_from_url(opts)
    add_articles(kept)
    show_messages()
    view = sidebar_view(opts)
    online = st.sidebar.toggle("Online map tiles (needs internet)", value=False)
    view_fc = filters.apply(fc, view)

    st.title("Lagebild")
    st.caption(f"{len(view_fc['features'])} places · {len(view_fc.get('figures', []))} figures · "
               f"{len(view_fc['articles'])} of {len(fc['articles'])} articles")
    labels = mapview.place_labels(view_fc["features"])
    map_col, panel_col = st.columns([3, 2])
    with map_col:
        out = st_folium(mapview.build_map(view_fc, online_tiles=online), height=620,
                        use_container_width=True, returned_objects=["last_object_clicked_tooltip"])
    tooltip = (out or {}).get("last_object_clicked_tooltip")
    if tooltip and tooltip != st.session_state.get("_last_tooltip"):
        st.session_state["_last_tooltip"] = tooltip
        clicked = mapview.place_for_click(tooltip, view_fc["features"])
        if clicked:
            st.session_state["f_place"] = clicked
    with panel_col:
        side_panel(view_fc, list(labels), labels)

    final = filters.with_place(view, st.session_state.get("f_place") or "")
    if filters.to_query(final) != _current_query():
        st.query_params.from_dict(filters.to_query(final))

    # Only the open tab is built: the tables and downloads cost ~0.7 s a page load otherwise.
    claims, places_tab, figures_tab, export_tab, articles_tab = st.tabs(
        ["Claims", "Places", "Figures", "Export", "Articles"], key="tab", on_change="rerun")
    if claims.open:
        with claims:
            claims_chart(view_fc)
    if places_tab.open:
        with places_tab:
            st.dataframe(pd.DataFrame(exports.places_rows(view_fc)), hide_index=True,
                         width="stretch")
    if figures_tab.open:
        with figures_tab:
            st.dataframe(pd.DataFrame(exports.figures_rows(view_fc)), hide_index=True,
                         width="stretch")
    if export_tab.open:
        with export_tab:
            export_buttons(view_fc)
    if articles_tab.open:
        with articles_tab:
            articles_table(fc, kept)


def _current_query() -> dict[str, str | list[str]]:
    current: dict[str, str | list[str]] = {}
    for key in filters.QUERY_KEYS:
        values = st.query_params.get_all(key)
        if values:
            current[key] = values if key in ("article", "category", "source", "kind") else values[-1]
    return current


main()
