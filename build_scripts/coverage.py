"""Which calculator checks which norm (issue 13): every norm box on the site is either checked by
at least one calculator condition, or listed in ``UNCHECKED`` with the reason no condition checks
it. The register page shows both; tests/test_coverage.py keeps the list honest.

"Checked" is what a result shows, not what a module declares: a norm counts as checked by a
calculator when one of its examples gives a condition (or, in the deadlines calculator, a dated
row) that cites it. A norm the calculator only cites in a warning or a question's help is
"mentioned". The test proves the examples show every condition the calculator can give.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from zorgcalc import run
from zorgcalc.registry import calculators, load

# norm id -> why no calculator condition checks it (Dutch, shown on the register page).
UNCHECKED: dict[str, str] = {
    "mw-art-6-lid-1": "Het kartelverbod zelf. Of een afspraak de mededinging merkbaar beperkt, vraagt een "
                      "beoordeling van de markt die geen rekenhulp kan maken; de rekenhulpen toetsen of een "
                      "uitzondering of kader geldt (artikel 6 lid 3, artikel 7, de NMa-Informatiekaart) en noemen "
                      "het verbod in hun uitleg.",
    "mw-art-8": "Een rekenregel, geen voorwaarde: hoe de omzet van artikel 7 wordt berekend. De rekenhulp "
                "Bagatelvoorziening past hem toe (omzet van de groep, verkopen tussen de deelnemers niet "
                "meegeteld) in de voorwaarde over de omzet van artikel 7 lid 1.",
    "mw-art-9": "Een bevoegdheid van de ACM (het kartelverbod toch van toepassing verklaren), geen voorwaarde "
                "die partijen zelf kunnen toetsen. De rekenhulp Bagatelvoorziening noemt hem bij prijs- en "
                "gebiedsafspraken.",
    "acm-bagatelvoorziening": "De samenvatting van artikel 7 door de ACM. De rekenhulp Bagatelvoorziening toetst "
                              "de wettekst (artikel 7) en noemt deze tekst waar de ACM anders formuleert "
                              "(‘onder de 10%’ tegen ‘niet groter dan 10%’).",
    "acm-voordelen-samenwerking": "De woorden van de ACM voor de vier voorwaarden van artikel 6 lid 3. De rekenhulp "
                                  "Uitzondering artikel 6 lid 3 toetst die voorwaarden aan de wettekst "
                                  "(mw-art-6-lid-3) en citeert deze tekst bij de vragen.",
    "acm-voordelen-onderbouwen": "De woorden van de ACM (sociaal domein) voor de voorwaarden van artikel 6 lid 3. "
                                 "De rekenhulp Uitzondering artikel 6 lid 3 toetst die voorwaarden aan de wettekst "
                                 "(mw-art-6-lid-3) en citeert deze tekst bij de vragen.",
}


def cited_in_result(result: dict[str, Any]) -> set[str]:
    """The norms a result checks: those of its conditions and of its dated deadline rows."""
    norms = {c["norm"] for c in result.get("conditions", [])}
    for row in result.get("deadlines", []):
        norms.update(row.get("norms", []))
    return norms


@cache
def checked_norms(calculator: str) -> frozenset[str]:
    """The norms the calculator's examples show it checking."""
    module = load(calculator)
    return frozenset(n for ex in module.EXAMPLES for n in cited_in_result(run(calculator, ex.inputs)))


def checked_by(norm_ids: Iterable[str]) -> dict[str, list[Any]]:
    """norm id -> the calculator modules whose conditions check it, in navigation order."""
    out: dict[str, list[Any]] = {n: [] for n in norm_ids}
    for cid in calculators():
        for n in checked_norms(cid):
            if n in out:
                out[n].append(load(cid))
    return out


def mentioned_by(norm_ids: Iterable[str]) -> dict[str, list[Any]]:
    """norm id -> the calculator modules that cite it (``NORM_IDS``) without a condition checking it."""
    out: dict[str, list[Any]] = {n: [] for n in norm_ids}
    for cid in calculators():
        module = load(cid)
        for n in module.NORM_IDS:
            if n in out and n not in checked_norms(cid):
                out[n].append(module)
    return out


def _links(modules: list[Any]) -> str:
    return ", ".join(f"[{m.PAGE.title}](../rekenhulpen/{m.PAGE.slug}.md)" for m in modules)


def coverage_markdown(norms: Iterable[Any]) -> list[str]:
    """The register page's section on what the calculators check."""
    norms = list(norms)
    checked = checked_by(n.id for n in norms)
    mentioned = mentioned_by(n.id for n in norms)
    lines = ["", "## Welke rekenhulp toetst welke norm?", "",
             "Getoetst: een voorwaarde in de uitkomst van de rekenhulp rust op deze norm. Genoemd: de rekenhulp "
             "verwijst ernaar in een vraag of waarschuwing, zonder er een voorwaarde op te laten rusten.", "",
             "| Id | Getoetst door | Genoemd in |", "|---|---|---|"]
    for n in norms:
        lines.append(f"| [{n.id}](#{n.id}) | {_links(checked[n.id]) or 'geen'} | {_links(mentioned[n.id]) or '–'} |")
    unchecked = [n for n in norms if not checked[n.id]]
    lines += ["", "### Niet te toetsen als voorwaarde", ""]
    if unchecked:
        lines += [f"- [{n.id}](#{n.id}): {UNCHECKED.get(n.id, 'reden ontbreekt')}" for n in unchecked]
    else:
        lines.append("Elke norm op deze site wordt door minstens één rekenhulp getoetst.")
    return lines
