"""Every norm box is checked by a calculator condition, or listed with the reason none can be
(issue 13); and what the register page calls "checked" is what the calculators' results show."""

from __future__ import annotations

import pytest

from build_scripts.coverage import UNCHECKED, checked_by, checked_norms, cited_in_result, coverage_markdown
from build_scripts.norms import collect
from tests.browser.generated_inputs import input_sets
from zorgcalc import run
from zorgcalc.registry import calculators, load


def test_every_norm_is_checked_by_a_calculator_condition_or_listed_with_its_reason():
    norms = collect()
    by = checked_by(n.id for n in norms)
    missing = [n.id for n in norms if not by[n.id] and not UNCHECKED.get(n.id, "").strip()]
    assert missing == []


def test_no_norm_is_listed_as_unchecked_while_a_calculator_condition_checks_it():
    by = checked_by(UNCHECKED)
    assert [n for n, modules in by.items() if modules] == []


def test_the_unchecked_list_names_only_norms_that_exist():
    assert set(UNCHECKED) <= {n.id for n in collect()}


@pytest.mark.parametrize("calculator", calculators())
def test_the_examples_show_every_condition_the_calculator_can_give(calculator):
    # the register says "getoetst" on the strength of the examples: 200 varied inputs find no more
    seen: set[str] = set()
    for inputs in input_sets(calculator, count=200):
        seen |= cited_in_result(run(calculator, inputs))
    assert seen - checked_norms(calculator) == set()


@pytest.mark.parametrize("calculator", calculators())
def test_a_calculator_checks_only_norms_it_declares(calculator):
    assert checked_norms(calculator) <= load(calculator).NORM_IDS


def test_the_register_page_shows_the_coverage():
    norms = collect()
    text = "\n".join(coverage_markdown(norms))
    assert "## Welke rekenhulp toetst welke norm?" in text
    assert all(f"[{n.id}](#{n.id})" in text for n in norms)
    assert "reden ontbreekt" not in text
