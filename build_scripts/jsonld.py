"""schema.org ``Legislation`` JSON-LD for the norms of each page (norms.py writes it).

Each page with norm boxes ends with the line ``--8<-- "jsonld/<page>.html"``; the snippet holds a
``<script type="application/ld+json">`` with one ``Legislation`` per box: id, title, kind in words,
text, permalink, edition, dates, and ``isBasedOn`` the official text where there is one. It claims
no legal force (``legislationLegalForce``): the site does not know whether a norm is in force today,
and a richtsnoer has none.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from .citation import FORCE


def include_line(page: str) -> str:
    return f'--8<-- "jsonld/{page[:-3]}.html"'


def _item(norm, record: dict) -> dict:
    item = {
        "@type": "Legislation",
        "@id": record["permalink"],
        "url": record["permalink"],
        "identifier": norm.id,
        "name": norm.title,
        "legislationType": FORCE[norm.kind],
        "text": norm.text,
        "inLanguage": "nl",
        "legislationJurisdiction": "NL",
        "isPartOf": {"@type": "CreativeWork", "name": record["edition"]["source"],
                     "publisher": record["edition"]["publisher"], "version": record["edition"]["label"]},
    }
    optional = {"legislationDate": record["edition"]["date"], "dateModified": record["last_changed"],
                "expires": record["valid_until"], "isBasedOn": record["official_url"],
                "sameAs": record["edition"]["frozen_url"]}
    return item | {k: v for k, v in optional.items() if v}


def write(norms: Iterable, records: dict[str, dict], snippets: Path, docs: Path) -> list[str]:
    """Write one snippet per page; the problems: a page with norms that does not include its own."""
    pages: dict[str, list] = {}
    for n in norms:
        pages.setdefault(n.page, []).append(n)
    problems = []
    for page, items in pages.items():
        graph = {"@context": "https://schema.org", "@graph": [_item(n, records[n.id]) for n in items]}
        body = json.dumps(graph, ensure_ascii=False, indent=1).replace("</", "<\\/")
        out = snippets / "jsonld" / f"{page[:-3]}.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(f'<script type="application/ld+json">\n{body}\n</script>\n', encoding="utf-8")
        if include_line(page) not in (docs / page).read_text(encoding="utf-8").splitlines():
            problems.append(f"{page}: zet de regel {include_line(page)} onderaan de pagina (schema.org-gegevens van de normen)")
    return problems
