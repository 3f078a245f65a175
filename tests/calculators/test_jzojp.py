"""ACM Beleidsregel "de juiste zorg op de juiste plek" (Stcrt. 2019, 71148): 5 conditions."""

from __future__ import annotations

import pytest

from zorgcalc import run

FIELDS = ["public_needs_analysis", "stakeholders_involved", "measurable_objectives", "necessity_substantiated", "published"]
ALL_MET = dict.fromkeys(FIELDS, True)


def result(**changes):
    r = run("jzojp", {**ALL_MET, **changes})
    assert r["ok"], r
    return r


def test_all_five_conditions_mean_no_fine():
    r = result()
    assert r["verdict"] == "no-fine"
    assert len(r["conditions"]) == 5
    assert r["norms"] == ["acm-juiste-zorg-juiste-plek"]


@pytest.mark.parametrize("field", FIELDS)
def test_each_condition_is_required(field):
    assert result(**{field: False})["verdict"] == "outside-policy"


@pytest.mark.parametrize("field", FIELDS)
def test_null_answers_make_it_incomplete(field):
    r = result(**{field: None})
    assert r["verdict"] == "incomplete" and "nog open" in r["summary"]


def test_a_no_beats_an_open_question():
    assert result(published=None, stakeholders_involved=False)["verdict"] == "outside-policy"


def test_the_beleidsregel_is_cited():
    assert any("2019, 71148" in w for w in result()["warnings"])


def test_a_breach_must_still_be_adapted():
    assert "aan te passen" in result()["summary"]
