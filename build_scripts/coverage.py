"""Which calculator checks which norm (issue 13): every norm box on the site is either cited by at
least one calculator (its ``NORM_IDS``) or listed in ``UNCHECKED`` with the reason no calculator can
check it. The register page shows both; tests/test_coverage.py keeps the list honest.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from zorgcalc.registry import calculators, load

# norm id -> why no calculator checks it (Dutch, shown on the register page). Empty today: every
# norm on the site is cited by a calculator.
UNCHECKED: dict[str, str] = {}


def checked_by(norm_ids: Iterable[str]) -> dict[str, list[Any]]:
    """norm id -> the calculator modules that can cite it, in navigation order."""
    out: dict[str, list[Any]] = {n: [] for n in norm_ids}
    for cid in calculators():
        module = load(cid)
        for n in module.NORM_IDS:
            if n in out:
                out[n].append(module)
    return out


def coverage_markdown(norms: Iterable[Any]) -> list[str]:
    """The register page's section on what the calculators check."""
    norms = list(norms)
    by = checked_by(n.id for n in norms)
    lines = ["", "## Welke rekenhulp toetst welke norm?", "",
             "| Id | Getoetst door |", "|---|---|"]
    for n in norms:
        links = ", ".join(f"[{m.PAGE.title}](../rekenhulpen/{m.PAGE.slug}.md)" for m in by[n.id])
        lines.append(f"| [{n.id}](#{n.id}) | {links or 'geen'} |")
    unchecked = [n for n in norms if not by[n.id]]
    lines += ["", "### Niet te toetsen", ""]
    if unchecked:
        lines += [f"- [{n.id}](#{n.id}): {UNCHECKED.get(n.id, 'reden ontbreekt')}" for n in unchecked]
    else:
        lines.append("Elke norm op deze site wordt door minstens één rekenhulp getoetst.")
    return lines
