"""NMa Informatiekaart: insurers cooperating in selective purchasing (routes A, B, C and boxes)."""

from __future__ import annotations

from typing import Any

import pytest

from zorgcalc import run

RULES = {"only_necessary_information": True, "exclusive_deals": False}
ROUTE_C = {"minimum_norms_exist": True, "individual_demand_too_small": True, "no_more_parties_than_necessary": True,
           "transparent_objective_criteria": True, "only_minimum_norms": True}


def result(cooperation: str, **inputs: Any) -> dict[str, Any]:
    r = run("insurers", {"cooperation": cooperation, **RULES, **inputs})
    assert r["ok"], r
    return r


# --- routes A and B: "kleiner dan 15 procent" is strict --------------------------------------

def test_route_a_below_15_percent_on_both_markets():
    r = result("select-providers", purchasing_share_pct="14,99", insurance_share_pct="14,99", same_regions=True)
    assert r["routes"]["A"]["met"] is True and r["verdict"] == "allowed"


def test_exactly_15_percent_fails_route_a():
    r = result("price-negotiation", purchasing_share_pct="15", insurance_share_pct="10", same_regions=True)
    assert r["routes"]["A"]["met"] is False
    assert r["verdict"] == "not-allowed"


def test_shares_adding_up_to_exactly_15_percent_fail():
    shares = ["2,3", "6,1", "6,6"]
    r = result("price-negotiation", purchasing_share_pct=shares, insurance_share_pct=shares, same_regions=False)
    assert r["purchasing_share_bp"] == r["insurance_share_bp"] == 1500
    assert r["routes"]["A"]["met"] is False and r["routes"]["B"]["met"] is False
    assert r["verdict"] == "not-allowed"
    assert any("precies 15,00%" in w for w in r["warnings"])


def test_float_shares_adding_up_to_exactly_15_percent_fail_too():
    shares = [2.3, 6.1, 6.6]
    r = result("price-negotiation", purchasing_share_pct=shares, insurance_share_pct=shares, same_regions=False)
    assert r["insurance_share_bp"] == 1500 and r["verdict"] == "not-allowed"


def test_route_b_below_15_percent_on_insurance_market_and_hardly_same_regions():
    r = result("price-negotiation", purchasing_share_pct="30", insurance_share_pct="14,99", same_regions=False)
    assert r["routes"]["A"]["met"] is False and r["routes"]["B"]["met"] is True
    assert r["verdict"] == "allowed"


def test_route_b_fails_when_purchasing_in_the_same_regions():
    r = result("price-negotiation", purchasing_share_pct="30", insurance_share_pct="10", same_regions=True)
    assert r["verdict"] == "not-allowed"


# --- route C only for choosing providers -----------------------------------------------------

def test_route_c_allows_jointly_choosing_providers_despite_large_shares():
    r = result("select-providers", purchasing_share_pct="40", insurance_share_pct="40", same_regions=True, **ROUTE_C)
    assert r["routes"]["C"]["met"] is True and r["verdict"] == "allowed"


@pytest.mark.parametrize("field", list(ROUTE_C))
def test_each_route_c_condition_is_required(field):
    r = result("select-providers", purchasing_share_pct="40", insurance_share_pct="40", same_regions=True,
               **{**ROUTE_C, field: False})
    assert r["routes"]["C"]["met"] is False and r["verdict"] == "not-allowed"


def test_price_negotiation_has_no_route_c():
    r = result("price-negotiation", purchasing_share_pct="40", insurance_share_pct="40", same_regions=True, **ROUTE_C)
    assert set(r["routes"]) == {"A", "B"}
    assert r["verdict"] == "not-allowed"


def test_select_providers_has_routes_a_b_c():
    assert set(result("select-providers")["routes"]) == {"A", "B", "C"}


def test_unknown_shares_make_the_routes_incomplete():
    r = result("price-negotiation")
    assert r["verdict"] == "incomplete" and "marktaandeel" in r["summary"]


# --- standing rules for every type -----------------------------------------------------------

ALLOWED_CASES = {
    "select-providers": {"purchasing_share_pct": "5", "insurance_share_pct": "5"},
    "price-negotiation": {"purchasing_share_pct": "5", "insurance_share_pct": "5"},
    "seh-selection": {"national_framework": True, "framework_complies": True, "individual_purchasing_insufficient": True,
                      "transparent_objective_criteria": True, "providers_asked_to_divide": False},
    "seh-compensation": {"compensation_necessary": True, "limited_to_phase_out_costs": True,
                         "individual_financing": True, "providers_asked_to_divide": False},
    "minimum-quality-norms": {"scientifically_founded": True, "endorsable_by_associations": True,
                              "not_above_inspectorate": True, "individual_higher_allowed": True},
    "performance-indicators": {"indicators_used_individually": True},
}


@pytest.mark.parametrize("cooperation", list(ALLOWED_CASES))
def test_every_allowed_type_is_allowed_when_its_box_holds(cooperation):
    assert result(cooperation, **ALLOWED_CASES[cooperation])["verdict"] == "allowed"


@pytest.mark.parametrize("cooperation", list(ALLOWED_CASES))
def test_only_necessary_information_must_be_true_for_every_type(cooperation):
    r = result(cooperation, **{**ALLOWED_CASES[cooperation], "only_necessary_information": False})
    assert r["verdict"] == "not-allowed" and "nma-informatie-uitwisseling" in r["norms"]


@pytest.mark.parametrize("cooperation", list(ALLOWED_CASES))
def test_exclusive_deals_must_be_false_for_every_type(cooperation):
    r = result(cooperation, **{**ALLOWED_CASES[cooperation], "exclusive_deals": True})
    assert r["verdict"] == "not-allowed" and "nma-geen-uitsluiting" in r["norms"]


@pytest.mark.parametrize("cooperation", list(ALLOWED_CASES))
def test_unanswered_standing_rule_is_incomplete(cooperation):
    r = run("insurers", {"cooperation": cooperation, **ALLOWED_CASES[cooperation], "exclusive_deals": False})
    assert r["verdict"] == "incomplete" and "strikt noodzakelijke" in r["summary"]


# --- SEH and quality boxes -------------------------------------------------------------------

@pytest.mark.parametrize("field", ["national_framework", "individual_purchasing_insufficient", "transparent_objective_criteria"])
def test_each_seh_selection_condition_is_required(field):
    inputs = {**ALLOWED_CASES["seh-selection"], field: False}
    assert result("seh-selection", **inputs)["verdict"] == "not-allowed"


@pytest.mark.parametrize("cooperation", ["seh-selection", "seh-compensation"])
def test_never_ask_providers_to_divide_seh_among_themselves(cooperation):
    r = result(cooperation, **{**ALLOWED_CASES[cooperation], "providers_asked_to_divide": True})
    assert r["verdict"] == "not-allowed" and "nma-seh-regels" in r["norms"]


@pytest.mark.parametrize("field", ["compensation_necessary", "limited_to_phase_out_costs", "individual_financing"])
def test_each_seh_compensation_condition_is_required(field):
    assert result("seh-compensation", **{**ALLOWED_CASES["seh-compensation"], field: False})["verdict"] == "not-allowed"


@pytest.mark.parametrize("field", ["scientifically_founded", "endorsable_by_associations", "not_above_inspectorate",
                                   "individual_higher_allowed"])
def test_each_minimum_norm_condition_is_required(field):
    inputs = {**ALLOWED_CASES["minimum-quality-norms"], field: False}
    assert result("minimum-quality-norms", **inputs)["verdict"] == "not-allowed"


def test_maximum_quality_norms_never():
    r = result("maximum-quality-norms")
    assert r["verdict"] == "not-allowed" and "nma-maximum-kwaliteitsnormen" in r["norms"]
    assert run("insurers", {"cooperation": "maximum-quality-norms"})["verdict"] == "not-allowed"


def test_performance_indicators_used_individually_are_allowed():
    r = result("performance-indicators", indicators_used_individually=True)
    assert r["verdict"] == "allowed" and "nma-prestatie-indicatoren" in r["norms"]


def test_card_is_presented_as_reconstructed_historical_guidance():
    assert any("gereconstrueerd" in w for w in result("select-providers")["warnings"])


# --- errors ----------------------------------------------------------------------------------

def test_without_a_chosen_cooperation_the_result_is_incomplete_not_an_error():
    r = run("insurers", {})
    assert r["ok"] and r["verdict"] == "incomplete" and r["conditions"] == []
    assert "kies eerst" in r["summary"].lower()


def test_unknown_cooperation_is_an_error():
    r = run("insurers", {"cooperation": "merge"})
    assert not r["ok"] and r["errors"][0]["field"] == "cooperation"


def test_bad_share_in_a_list_names_its_index():
    r = run("insurers", {"cooperation": "price-negotiation", "insurance_share_pct": ["2", "1.100"]})
    assert not r["ok"] and r["errors"][0]["field"] == "insurance_share_pct[1]"


def test_uiteraard_dient_dit_landelijk_kader_te_voldoen_aan_de_mededingingswet():
    """Issue 13: the national framework for SEH selection must itself comply (the card's introduction)."""
    base = {"cooperation": "seh-selection", "national_framework": True, "individual_purchasing_insufficient": True,
            "transparent_objective_criteria": True, "providers_asked_to_divide": False,
            "only_necessary_information": True, "exclusive_deals": False}
    assert run("insurers", {**base, "framework_complies": True})["verdict"] == "allowed"
    assert run("insurers", {**base, "framework_complies": False})["verdict"] == "not-allowed"
    assert run("insurers", base)["verdict"] == "incomplete"
    ids = [c["id"] for c in run("insurers", base)["conditions"]]
    assert "seh-framework-complies" in ids
