"""MkDocs hook (mkdocs.yml ``hooks:``): every norm box is an entry of its own in the site search.

Material's search splits a page at its headings, so a box is only part of its section's text, and a
search for "richtsnoer 5" or "artikel 7" ranks whole sections that mention the words. A lawyer
typing a norm's name wants the norm itself (issue 14, item 7). After Material has written
``search/search_index.json``, this hook adds one entry per box of the register (docs/normen/norms.json,
written by build_scripts/norms.py before the build): its permalink as location, its title (kind in
words first, as in the box), its verbatim text, and as tags its kind and actors.

Material's search worker takes the first entry of a path as the page and every later entry of that
path as a section of it (``setupSearchDocumentMap``), so each box entry goes right after the entries
of its page, never before the page. Search still groups results per page and shows the page on top;
the box title matches the query in the title field (boost 1000), so it leads its page's sections.

Two things Material does make a box lose to its own page without help:
- every section inherits its page's tags, and tags weigh 1,000,000 against a title's 1000, so a
  search for "richtsnoer 5" matched the tag "richtsnoer" of every section of every page with a
  guideline. A box carries its own kind and actors as tags, as its page does.
- a page (an entry without "#") gets an extra factor in Material's ranking. BOX_BOOST, a lunr
  document boost, offsets it: with 1 the pages of chapter 5 ("5. …") still came before
  richtsnoer 5; 3 is the smallest whole boost with which "richtsnoer 5", "richtsnoer 10",
  "artikel 7" and "artikel 6 lid 2" lead with their box (tests/browser/test_pages.py).

Material appends a wildcard to every term, so "richtsnoer 1" also matches 10 and 12: richtsnoer 10
can come first there, with richtsnoer 1 leading the next page. That is Material's query, not the index.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import markdown
from mkdocs.plugins import event_priority

NORMS_JSON = Path("normen") / "norms.json"
SEARCH_INDEX = Path("search") / "search_index.json"
BOX_BOOST = 3.0


def box_entry(norm: dict[str, Any]) -> dict[str, Any]:
    """The search entry of one norm box: its permalink, its title and its text as HTML."""
    title = norm["title"]
    if norm.get("status") == "ingetrokken":
        title = f"{title} (ingetrokken)"
    return {
        "location": norm["url"],
        "title": title,
        "text": markdown.markdown(norm["text"]),
        "tags": [norm["kind"], *norm["actors"]],
        "boost": BOX_BOOST,
    }


def _page(location: str) -> str:
    return location.split("#")[0]


def with_boxes(docs: list[dict[str, Any]], norms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The search entries with each box's entry after the last entry of its page.

    A box whose page is not in the index (a page excluded from search) gets no entry: Material's
    worker would take it for a page of its own. A box already in the index is not added again.
    """
    known = {doc["location"] for doc in docs}
    boxes: dict[str, list[dict[str, Any]]] = {}
    for norm in norms:
        if norm["url"] not in known:
            boxes.setdefault(_page(norm["url"]), []).append(box_entry(norm))
    last_of_page = {_page(doc["location"]): i for i, doc in enumerate(docs)}
    out: list[dict[str, Any]] = []
    for i, doc in enumerate(docs):
        out.append(doc)
        if last_of_page[_page(doc["location"])] == i:
            out += boxes.get(_page(doc["location"]), [])
    return out


@event_priority(-100)  # after Material's search plugin has written the index
def on_post_build(config: Any) -> None:
    index_path = Path(config["site_dir"]) / SEARCH_INDEX
    norms_path = Path(config["docs_dir"]) / NORMS_JSON
    if not index_path.exists() or not norms_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    norms = json.loads(norms_path.read_text(encoding="utf-8"))["norms"]
    index["docs"] = with_boxes(index["docs"], norms)
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
