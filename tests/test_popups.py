"""Popup and panel HTML: complete, highlighted, and never executable."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from geo.app.popups import (
    figure_line,
    figure_quote_html,
    figure_value,
    figures_by_place,
    figures_for,
    german_date,
    german_number,
    highlight,
    is_approximate,
    panel_groups,
    panel_html,
    popup_record,
)

FC = json.loads((Path(__file__).parent / "fixtures" / "dashboard" / "fc.json").read_text("utf-8"))
BY_ID = {f["properties"]["place_id"]: f for f in FC["features"]}
BY_PLACE = figures_by_place(FC["figures"])


class _Tags(HTMLParser):
    """Collects every tag and attribute the browser would create."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(name for name, _ in attrs)


SAFE_TAGS = {"div", "b", "i", "ul", "li", "span", "mark", "h4", "br", "small"}


def parsed(html: str) -> _Tags:
    p = _Tags()
    p.feed(html)
    return p


def test_malicious_article_text_is_inert_in_popup_and_panel():
    plekhovo = BY_ID["lagebild:plekhovo"]
    for html in (panel_html(plekhovo, FC["figures"]),):
        p = parsed(html)
        assert set(p.tags) <= SAFE_TAGS, p.tags
        assert set(p.attrs) <= {"class"}
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
        assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
        assert "<script" not in html and "<img" not in html


@given(st.text())
def test_highlight_never_emits_markup_from_text(text):
    html = highlight(text + " Kursk", "Kursk")
    assert set(parsed(html).tags) <= {"mark"}
    assert html.count("<mark>") == 1


def test_highlight_marks_the_mention_at_its_offset():
    assert highlight("Kursk und Kursk", "Kursk", 10) == "Kursk und <mark>Kursk</mark>"
    assert highlight("a <b> Kursk", "Kursk", 99) == "a &lt;b&gt; <mark>Kursk</mark>"
    assert highlight("nothing here", "Kursk") == "nothing here"


def test_popup_is_small_german_and_the_panel_has_the_detail():
    figs = BY_PLACE.get("lagebild:plekhovo", [])
    rec = popup_record(BY_ID["lagebild:plekhovo"], figs, ("2024-11-05", "2024-11-07"))
    assert rec == {"name": "Plechowo", "kind": "Dorf", "mentions": "3",
                   "figures": german_number(len(figs)), "articles": "3",
                   "quote": BY_ID["lagebild:plekhovo"]["properties"]["mentions"][0]["sentence"],
                   "first": "05.11.2024", "last": "07.11.2024"}
    html = panel_html(BY_ID["lagebild:plekhovo"], FC["figures"], span=("2024-11-05", "2024-11-07"))
    assert "<b>Plekhovo</b>" in html and "Plechowo" in html
    assert "<mark>Plekhovo</mark>" in html
    assert ("30 · genau · getötet oder verwundet · Seite: Nordkorea · "
            "Quelle: ukrainischer Militärgeheimdienst") in html
    assert "Erwähnt 05.11.2024 bis 07.11.2024" in html
    assert "undatiert" in panel_html(BY_ID["lagebild:plekhovo"], FC["figures"])


def test_actor_codes_read_as_country_names():
    from geo.app.popups import actor_label

    assert actor_label("KP") == "Nordkorea" and actor_label("FR") == "Frankreich"
    assert actor_label(None) == ""


def test_numbers_and_dates_in_one_german_format():
    assert german_number(10000) == "10.000" and german_number(1234567) == "1.234.567"
    assert german_date("2024-11-05") == "05.11.2024"
    assert german_date("2024-02-01", "month") == "Februar 2024" and german_date(None) == ""


def test_approximate_point_says_so():
    vorobzha = BY_ID["lagebild:vorobzha"]
    assert is_approximate(vorobzha["properties"])
    panel = panel_html(vorobzha, FC["figures"])
    assert "Ungefähre Lage (Kreisstadt statt Dorf)" in panel
    assert not is_approximate(BY_ID["lagebild:plekhovo"]["properties"])
    assert "die ganze Region" in panel_html(BY_ID["geonames:538555"], FC["figures"])


def test_figure_values_show_hedges_and_ranges():
    by_text = {f["text"]: f for f in FC["figures"]}
    assert figure_value(by_text["zwischen 11.000 und 12.000"]) == "11.000–12.000"
    assert figure_value(by_text["rund 10.000"]) == "≈ 10.000"
    assert figure_line(by_text["mindestens 5"]).startswith("≥ 5 · mindestens · getötet")


def test_panel_groups_every_quote_by_article():
    groups = panel_groups(BY_ID["lagebild:plekhovo"], FC["figures"])
    assert [g.article for g in groups] == ["a_kursk", "b_kiew", "evil"]
    assert sum(len(g.quotes) for g in groups) == 3
    assert [len(g.figures) for g in groups] == [1, 0, 1]
    text = re.sub("<[^>]+>", "", panel_html(BY_ID["lagebild:plekhovo"], FC["figures"]))
    assert "Bei Plekhovo gab es Kämpfe." in text


def test_figures_by_place_matches_per_place_scan():
    for pid in BY_ID:
        assert BY_PLACE.get(pid, []) == figures_for(pid, FC["figures"])


def test_figure_quote_marks_the_figure_and_escapes_the_sentence():
    fig = {"article": "a<b", "text": "rund 30", "sentence": "<script>x</script> rund 30 Tote.",
           "low": 30, "high": 30, "qualifier": "approx", "vague": False, "derived": False,
           "category": "killed", "actor": "KP", "source": "GUR"}
    html = figure_quote_html(fig)
    assert "<mark>rund 30</mark>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html and "a&lt;b" in html
    assert "Quelle: GUR" in html and "Seite: Nordkorea" in html and "KP" not in html


def test_file_names_render_as_written_not_as_markdown():
    from markdown_it import MarkdownIt

    from geo.app.popups import markdown_literal

    name = "**fett** ![x](http://127.0.0.1:9/t.png) <img src=y> [a](b)_c_.txt"
    html = MarkdownIt("commonmark").render(markdown_literal(name))
    assert "<strong>" not in html and "<img" not in html and "<a " not in html
    assert "<em>" not in html
    assert "**fett**" in html and "![x](http://127.0.0.1:9/t.png)" in html


def test_panel_heads_articles_with_title_outlet_date_and_says_undated():
    articles = {"a_kursk": {"id": "a_kursk", "title": "Lage <b>Kursk</b>", "outlet": "Tagesblatt",
                            "published": "2024-11-05"},
                "b_kiew": {"id": "b_kiew", "published": None}}
    html = panel_html(BY_ID["lagebild:plekhovo"], FC["figures"], articles)
    assert "<h4>Lage &lt;b&gt;Kursk&lt;/b&gt; – Tagesblatt · 05.11.2024</h4>" in html
    assert "<h4>b_kiew · undatiert</h4>" in html


def test_a_homed_figure_says_where_its_place_comes_from():
    fig = {**FC["figures"][0], "place_ids": ["lagebild:plekhovo"], "home": "article"}
    html = panel_html(BY_ID["lagebild:plekhovo"], [fig])
    assert "(Hauptort des Artikels)" in html
    assert "(Nachrichtendienst)" in figure_line(fig)  # the source's type is shown
