"""What norms.json and the pages add to each norm box: edition, validity, status, last change,
official link and citation (schema docs/normen/norms.schema.json, version 1.2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable

from . import citation, official, site_address
from .editions import Change, Source, changes, source_of, valid_from
from .norms import page_url, short_title

ROOT = Path(__file__).resolve().parent.parent


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def records(norms: Iterable, sources: dict[str, Source], config: Path = ROOT / "mkdocs.yml",
            root: Path = ROOT) -> tuple[dict[str, dict], list[Change], list[str]]:
    """id -> the added fields, every change between editions, and the problems found."""
    norms = list(norms)
    found, problems = changes(norms, sources, root)
    urls = official.official_urls(norms)
    name = site_address.site_name(config)
    out: dict[str, dict] = {}
    for n in norms:
        source = source_of(n.page, sources)
        if source is None:
            problems.append(f"{n.page}: '{n.id}' hoort bij geen bron in editions/editions.yml")
            continue
        edition = source.current
        mine = [c for c in found if c.norm_id == n.id]
        withdrawal = next((c for c in mine if c.kind == "ingetrokken"), None)
        frozen = (site_address.absolute(f"{source.frozen_folder(edition)}{page_url(n.page.rsplit('/', 1)[-1])}#{n.id}", config)
                  if source.freeze else None)
        permalink = site_address.absolute(n.url, config)
        out[n.id] = {
            "status": "ingetrokken" if n.withdrawn else "geldend",
            "valid_from": _iso(valid_from(n, source)),
            "valid_until": _iso(withdrawal.edition.date) if withdrawal else None,
            "last_changed": _iso(mine[0].edition.recorded) if mine else None,
            "edition": {
                "id": edition.key, "source": source.title, "publisher": source.publisher,
                "label": edition.label, "date": _iso(edition.date), "frozen_url": frozen,
            },
            "official_url": urls.get(n.id),
            "permalink": permalink,
            "citation": citation.citation(n, short_title(n), edition.label, name, permalink, frozen),
            "changes": [{"kind": c.kind, "edition": c.edition.key, "date": _iso(c.edition.recorded)} for c in mine],
        }
    return out, found, problems
