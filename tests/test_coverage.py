"""Every norm box is checked by a calculator, or listed with the reason none can (issue 13)."""

from __future__ import annotations

from build_scripts.coverage import UNCHECKED, checked_by, coverage_markdown
from build_scripts.norms import collect


def test_every_norm_is_checked_by_a_calculator_or_listed_with_its_reason():
    norms = collect()
    by = checked_by(n.id for n in norms)
    missing = [n.id for n in norms if not by[n.id] and not UNCHECKED.get(n.id, "").strip()]
    assert missing == []


def test_no_norm_is_listed_as_unchecked_while_a_calculator_checks_it():
    by = checked_by(UNCHECKED)
    assert [n for n, modules in by.items() if modules] == []


def test_the_register_page_shows_the_coverage():
    norms = collect()
    text = "\n".join(coverage_markdown(norms))
    assert "## Welke rekenhulp toetst welke norm?" in text
    assert all(f"[{n.id}](#{n.id})" in text for n in norms)
    assert "| geen |" not in text or UNCHECKED
