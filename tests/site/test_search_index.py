"""Issue 14, item 7: every norm box is an entry of its own in the site search (build_scripts/search_hook.py).

The ranking itself is proven in Chromium against Material's own search worker:
tests/browser/test_pages.py::test_search_for_a_norm_by_its_name_leads_with_its_box.
"""

from __future__ import annotations

import json

from build_scripts.search_hook import BOX_BOOST, with_boxes


def _norm(url: str, kind: str = "richtsnoer", status: str = "geldend") -> dict:
    return {"url": url, "title": f"Richtsnoer · {url}", "text": "De **zorgaanbieder** doet iets.",
            "kind": kind, "actors": ["zorgaanbieder"], "status": status}


def test_a_box_entry_comes_after_every_entry_of_its_page_never_before_the_page():
    docs = [{"location": "a/"}, {"location": "a/#kop-1"}, {"location": "a/#kop-2"}, {"location": "b/"}]
    out = [d["location"] for d in with_boxes(docs, [_norm("a/#norm-1"), _norm("b/#norm-2")])]
    assert out == ["a/", "a/#kop-1", "a/#kop-2", "a/#norm-1", "b/", "b/#norm-2"]


def test_a_box_on_a_page_left_out_of_the_search_gets_no_entry():
    # Material's worker would take the first entry of an unknown path for a page of its own
    out = with_boxes([{"location": "a/"}], [_norm("verborgen/#norm-1")])
    assert [d["location"] for d in out] == ["a/"]


def test_a_box_that_is_already_an_entry_is_not_added_twice():
    docs = [{"location": "a/"}, {"location": "a/#norm-1"}]
    assert len(with_boxes(docs, [_norm("a/#norm-1")])) == 2


def test_a_box_entry_carries_its_kind_and_actors_as_tags_its_text_and_the_boost():
    entry = with_boxes([{"location": "a/"}], [_norm("a/#norm-1", kind="regelgeving")])[1]
    assert entry["tags"] == ["regelgeving", "zorgaanbieder"]
    assert entry["text"] == "<p>De <strong>zorgaanbieder</strong> doet iets.</p>"
    assert entry["boost"] == BOX_BOOST


def test_a_withdrawn_box_says_so_in_its_search_title():
    entry = with_boxes([{"location": "a/"}], [_norm("a/#norm-1", status="ingetrokken")])[1]
    assert entry["title"].endswith("(ingetrokken)")


def test_every_norm_of_the_register_is_in_the_built_search_index_after_its_page(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    norms = json.loads((site / "normen" / "norms.json").read_text(encoding="utf-8"))["norms"]
    locations = [d["location"] for d in index["docs"]]
    for norm in norms:
        assert norm["url"] in locations, norm["id"]
        page = norm["url"].split("#")[0]
        assert locations.index(page) < locations.index(norm["url"]), norm["id"]
        entry = index["docs"][locations.index(norm["url"])]
        assert entry["title"].startswith(norm["title"]), norm["id"]
