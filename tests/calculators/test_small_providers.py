"""ACM: small providers negotiating together with an insurer (3 conditions)."""

from __future__ import annotations

import pytest

from zorgcalc import run

ALL_MET = {"aim_better_care": True, "insurer_has_alternatives": True, "joint_refusal": False, "all_parties_accept": True}


def result(**changes):
    r = run("small-providers", {**ALL_MET, **changes})
    assert r["ok"], r
    return r


def met(r, cid):
    return next(c["met"] for c in r["conditions"] if c["id"] == cid)


def test_all_three_conditions_mean_no_investigation_on_own_initiative():
    r = result()
    assert r["verdict"] == "no-own-initiative-investigation"
    assert r["norms"] == ["acm-kleine-zorgaanbieders"]


def test_negotiating_only_about_tariffs_is_outside_the_conditions():
    assert result(aim_better_care=False)["verdict"] == "outside-conditions"


def test_insurer_with_alternatives_may_be_refused_jointly():
    r = result(insurer_has_alternatives=True, joint_refusal=True)
    assert met(r, "insurer-options") is True


def test_without_alternatives_providers_may_not_refuse_jointly():
    r = result(insurer_has_alternatives=False, joint_refusal=True)
    assert met(r, "insurer-options") is False and r["verdict"] == "outside-conditions"


def test_without_alternatives_but_no_joint_refusal_is_fine():
    assert result(insurer_has_alternatives=False, joint_refusal=False)["verdict"] == "no-own-initiative-investigation"


def test_no_joint_refusal_settles_condition_2_even_if_alternatives_are_unknown():
    assert met(result(insurer_has_alternatives=None, joint_refusal=False), "insurer-options") is True


def test_outcome_must_be_acceptable_to_all_parties():
    assert result(all_parties_accept=False)["verdict"] == "outside-conditions"


@pytest.mark.parametrize("field", ["aim_better_care", "all_parties_accept"])
def test_null_answers_make_it_incomplete(field):
    r = result(**{field: None})
    assert r["verdict"] == "incomplete"
    assert "nog open" in r["summary"]


@pytest.mark.parametrize("field", ["insurer_has_alternatives", "joint_refusal"])
def test_one_null_in_condition_2_is_settled_by_the_other_answer(field):
    assert result(**{field: None})["verdict"] == "no-own-initiative-investigation"


def test_both_nulls_in_condition_2_make_it_incomplete():
    r = result(insurer_has_alternatives=None, joint_refusal=None)
    assert r["verdict"] == "incomplete" and "Verzekeraar houdt" in r["summary"]


def test_summary_names_what_is_missing():
    r = result(all_parties_accept=None)
    assert "Alle betrokken partijen" in r["summary"]


def test_klein_is_undefined_and_said_so():
    assert any("'klein'" in w for w in result()["warnings"])


def test_non_boolean_answer_is_an_error_naming_the_field():
    r = run("small-providers", {**ALL_MET, "joint_refusal": "misschien"})
    assert not r["ok"] and r["errors"][0]["field"] == "joint_refusal"
