"""VWS letter of 4 March 2014 on consortia of small providers."""

from __future__ import annotations

import pytest

from zorgcalc import run

OFFENSIVE = {"more_choice": True, "complementary": True, "integral_product_requested": True,
             "divides_clients": False, "price_agreements": False}


def result(**changes):
    r = run("consortium", {**OFFENSIVE, **changes})
    assert r["ok"], r
    return r


def test_offensive_consortium_meets_no_objection():
    assert result()["verdict"] == "no-objection"


@pytest.mark.parametrize("element", ["divides_clients", "price_agreements"])
def test_a_forbidden_element_makes_it_forbidden(element):
    r = result(**{element: True})
    assert r["verdict"] == "forbidden"
    assert "vws-consortia-verboden" in r["norms"]


def test_forbidden_element_wins_over_missing_answers():
    r = run("consortium", {"divides_clients": True})
    assert r["verdict"] == "forbidden"


@pytest.mark.parametrize("field", ["more_choice", "complementary", "integral_product_requested"])
def test_not_offensive_is_outside_the_letter_not_forbidden(field):
    r = result(**{field: False})
    assert r["verdict"] == "outside-letter"
    assert "niet binnen de uitgangspunten van de brief" in r["summary"].lower()
    assert "verboden is" in r["summary"]  # "De brief zegt niet dat dit verboden is"


@pytest.mark.parametrize("field", list(OFFENSIVE))
def test_null_answers_make_it_incomplete(field):
    r = result(**{field: None})
    assert r["verdict"] == "incomplete"
    assert "nog open" in r["summary"]


def test_unknown_forbidden_element_keeps_a_non_offensive_consortium_incomplete():
    assert result(complementary=False, price_agreements=None)["verdict"] == "incomplete"
