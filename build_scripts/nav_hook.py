"""MkDocs hook (mkdocs.yml ``hooks:``): the calculators' navigation entries follow from the
calculators found (zorgcalc.registry), so adding a calculator needs no edit of mkdocs.yml.

mkdocs.yml lists the "Rekenhulpen" section with its hand-written pages and the "Interface voor
ontwikkelaars" subsection; this hook puts each calculator's page (docs/rekenhulpen/<slug>.md)
before that subsection and each generated interface page (docs/rekenhulpen/interface/<id>.md) into
it, in the order of the calculators' ``PAGE.order``. An entry already listed by hand is not added twice.
"""

from __future__ import annotations

from typing import Any

from zorgcalc.registry import calculators, load

SECTION = "Rekenhulpen"
INTERFACE = "Interface voor ontwikkelaars"


def _entries(items: list[Any]) -> set[str]:
    found: set[str] = set()
    for item in items:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                found |= _entries(value) if isinstance(value, list) else {value}
    return found


def calculator_nav(section: list[Any]) -> list[Any]:
    """The "Rekenhulpen" section with every calculator's page and interface page added."""
    listed = _entries(section)
    pages = [f"rekenhulpen/{load(cid).PAGE.slug}.md" for cid in calculators()]
    interfaces = [f"rekenhulpen/interface/{cid}.md" for cid in calculators()]
    out: list[Any] = []
    for item in section:
        if isinstance(item, dict) and INTERFACE in item:
            out += [p for p in pages if p not in listed]
            out.append({INTERFACE: list(item[INTERFACE]) + [p for p in interfaces if p not in listed]})
        else:
            out.append(item)
    return out


def on_config(config: Any) -> Any:
    for item in config["nav"] or []:
        if isinstance(item, dict) and SECTION in item:
            item[SECTION] = calculator_nav(item[SECTION])
    return config
