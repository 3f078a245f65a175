"""Mededingingswet art. 7 and 8 (bagatelvoorziening), one test per condition and boundary."""

from __future__ import annotations

from typing import Any

import pytest

from zorgcalc import run
from zorgcalc.safe_harbour import de_minimis, params


def lid1_only(undertakings: Any = 3, turnover: Any = "900.000,00", **extra: Any) -> dict[str, Any]:
    """Inputs that decide on lid 1 alone: lid 2 is closed (not competitors)."""
    return {"undertakings": undertakings, "combined_turnover_eur": turnover, "all_mainly_goods": False,
            "competitors": False, **extra}


def lid2_only(shares: Any, trade: str | None = "no", **extra: Any) -> dict[str, Any]:
    """Inputs that decide on lid 2 alone: lid 1 fails on the number of undertakings."""
    return {"undertakings": 9, "combined_turnover_eur": 100000, "all_mainly_goods": False, "competitors": True,
            "market_shares_pct": shares, "affects_trade_between_member_states": trade, **extra}


def result(inputs: dict[str, Any]) -> dict[str, Any]:
    r = run("de-minimis", inputs)
    assert r["ok"], r
    return r


def condition(r: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in r["conditions"] if c["id"] == cid)


def errors(inputs: dict[str, Any]) -> dict[str, str]:
    r = run("de-minimis", inputs)
    assert not r["ok"], r
    return {e["field"]: e["message"] for e in r["errors"]}


# --- lid 1 onder a: niet meer dan acht ondernemingen ------------------------------------------

def test_eight_undertakings_qualify():
    r = result(lid1_only(8))
    assert condition(r, "lid1-undertakings")["met"] is True
    assert r["verdict"] == "exempt"
    assert r["margins"]["undertakings"] == 0


def test_nine_undertakings_do_not():
    r = result(lid1_only(9))
    assert condition(r, "lid1-undertakings")["met"] is False
    assert r["verdict"] == "not-exempt"
    assert r["margins"]["undertakings"] == -1


def test_two_undertakings_are_the_minimum():
    assert result(lid1_only(2))["verdict"] == "exempt"


@pytest.mark.parametrize("n", [1, 0, -3])
def test_fewer_than_two_undertakings_is_an_input_error(n):
    assert "undertakings" in errors(lid1_only(n))


def test_a_participant_list_of_one_is_an_input_error():
    assert "participants" in errors({"participants": [{"name": "A", "turnover_eur": 1}]})


# --- lid 1 onder b: omzet niet hoger dan 1,1 mln (5,5 mln als alle betrokkenen goederen leveren)

def test_turnover_of_exactly_1_1_million_qualifies():
    r = result(lid1_only(turnover="1.100.000"))
    assert condition(r, "lid1-turnover")["met"] is True
    assert r["verdict"] == "exempt"
    assert r["combined_turnover_cents"] == 110_000_000
    assert r["threshold_cents"] == params.TURNOVER_CAP_SERVICES.value() == 110_000_000
    assert r["margins"]["turnover_cents"] == 0


def test_one_cent_more_does_not():
    r = result(lid1_only(turnover="1.100.000,01"))
    assert condition(r, "lid1-turnover")["met"] is False
    assert r["verdict"] == "not-exempt"
    assert r["margins"]["turnover_cents"] == -1


def test_turnover_of_exactly_5_5_million_qualifies_when_all_mainly_supply_goods():
    r = result(lid1_only(turnover="5.500.000", all_mainly_goods=True))
    assert r["verdict"] == "exempt"
    assert r["threshold_cents"] == 550_000_000


def test_one_cent_above_5_5_million_does_not_even_for_goods():
    assert result(lid1_only(turnover="5.500.000,01", all_mainly_goods=True))["verdict"] == "not-exempt"


def test_goods_cap_only_when_all_participants_mainly_supply_goods():
    goods = {"mainly_goods": True}
    r_all = result({"participants": [{"name": "A", "turnover_eur": 2_000_000, **goods},
                                     {"name": "B", "turnover_eur": 2_000_000, **goods}], "competitors": False})
    assert r_all["verdict"] == "exempt" and r_all["threshold_cents"] == 550_000_000
    r_mixed = result({"participants": [{"name": "A", "turnover_eur": 2_000_000, **goods},
                                       {"name": "B", "turnover_eur": 2_000_000, "mainly_goods": False}],
                      "competitors": False})
    assert r_mixed["verdict"] == "not-exempt" and r_mixed["threshold_cents"] == 110_000_000


def test_healthcare_services_get_the_1_1_million_cap():
    r = result(lid1_only(turnover="2.000.000"))
    assert r["threshold_cents"] == 110_000_000 and r["verdict"] == "not-exempt"


def test_unknown_goods_question_matters_only_between_the_two_caps():
    assert result(lid1_only(turnover="1.000.000", all_mainly_goods=None))["verdict"] == "exempt"
    middle = result(lid1_only(turnover="3.000.000", all_mainly_goods=None))
    assert middle["verdict"] == "incomplete" and middle["threshold_cents"] is None
    assert "goederen" in condition(middle, "lid1-turnover")["explanation"]
    assert result(lid1_only(turnover="6.000.000", all_mainly_goods=None))["verdict"] == "not-exempt"


# --- art. 8: groepsomzet en onderlinge verkopen ----------------------------------------------

def test_group_turnover_counts_not_only_the_participants_own():
    r = result({"participants": [
        {"name": "Praktijk A", "turnover_eur": "300.000,00", "group_turnover_eur": "1.000.000,00", "mainly_goods": False},
        {"name": "Praktijk B", "turnover_eur": "200000", "mainly_goods": False}], "competitors": False})
    assert r["combined_turnover_cents"] == 120_000_000
    assert r["verdict"] == "not-exempt"
    assert r["participants"][0]["counted_cents"] == 100_000_000


def test_group_turnover_below_own_turnover_is_an_input_error():
    assert "participants[0].group_turnover_eur" in errors({"participants": [
        {"turnover_eur": 500, "group_turnover_eur": 400}, {"turnover_eur": 1}]})


def test_deducted_mutual_sales_bring_turnover_within_the_cap():
    inputs = {"participants": [{"name": "A", "turnover_eur": 700000, "mainly_goods": False},
                               {"name": "B", "turnover_eur": 500000, "mainly_goods": False}], "competitors": False}
    assert result(inputs)["verdict"] == "not-exempt"
    r = result({**inputs, "sales_between_participants_eur": "100.000,00"})
    assert r["gross_turnover_cents"] == 120_000_000
    assert r["deducted_sales_cents"] == 10_000_000
    assert r["combined_turnover_cents"] == 110_000_000
    assert r["verdict"] == "exempt"
    assert "art. 8" in condition(r, "lid1-turnover")["explanation"]


def test_mutual_sales_above_combined_turnover_are_an_input_error():
    assert "sales_between_participants_eur" in errors(lid1_only(turnover=100, sales_between_participants_eur=101))


def test_missing_participant_turnover_is_incomplete_unless_the_rest_already_exceeds():
    base = [{"name": "A", "turnover_eur": None, "mainly_goods": False}]
    r = result({"participants": base + [{"name": "B", "turnover_eur": 500000, "mainly_goods": False}], "competitors": False})
    assert r["verdict"] == "incomplete" and r["combined_turnover_cents"] is None
    r = result({"participants": base + [{"name": "B", "turnover_eur": 1200000, "mainly_goods": False}], "competitors": False})
    assert r["verdict"] == "not-exempt"


# --- lid 2: concurrenten, marktaandeel niet groter dan 10%, geen merkbare handelsinvloed ----

def test_exactly_10_percent_qualifies_with_acm_note():
    r = result(lid2_only(["10,00"]))
    assert condition(r, "lid2-market-share")["met"] is True
    assert r["verdict"] == "exempt"
    assert r["routes"]["lid2"]["met"] is True
    assert any("onder de 10%" in w for w in r["warnings"])


def test_10_01_percent_does_not():
    r = result(lid2_only(["10,01"]))
    assert condition(r, "lid2-market-share")["met"] is False
    assert r["verdict"] == "not-exempt"
    assert r["margins"]["market_share_bp"] == -1


def test_no_acm_note_below_10_percent():
    assert not any("onder de 10%" in w for w in result(lid2_only(["9,99"]))["warnings"])


def test_share_must_stay_within_10_percent_on_every_relevant_market():
    assert result(lid2_only(["4", "9,5", "10"]))["verdict"] == "exempt"
    r = result(lid2_only(["4", "10,5", "3"]))
    assert r["verdict"] == "not-exempt"
    assert "markt 2" in condition(r, "lid2-market-share")["explanation"]


def test_market_share_as_list_of_participant_shares_is_added_exactly():
    assert result(lid2_only([["2,3", "3,1", "4,6"]]))["market_shares_bp"] == [1000]
    assert result(lid2_only([[2.3, 3.1, 4.6]]))["verdict"] == "exempt"


def test_lid_2_only_for_competitors():
    r = result({**lid2_only(["5"]), "competitors": False})
    assert condition(r, "lid2-competitors")["met"] is False
    assert r["verdict"] == "not-exempt"


def test_appreciable_effect_on_trade_closes_lid_2_and_warns_about_art_101():
    r = result(lid2_only(["5"], trade="yes"))
    assert r["verdict"] == "not-exempt"
    assert any("101 VWEU" in w for w in r["warnings"])


def test_unknown_trade_effect_is_incomplete_and_warns():
    r = result(lid2_only(["5"], trade="unknown"))
    assert r["verdict"] == "incomplete"
    assert any("101 VWEU" in w for w in r["warnings"])
    assert "handel" in r["summary"]


def test_trade_effect_warning_also_when_lid_1_exempts():
    r = result(lid1_only(affects_trade_between_member_states="yes"))
    assert r["verdict"] == "exempt"
    assert any("101 VWEU" in w for w in r["warnings"])


@pytest.mark.parametrize("share", ["-1", 100.01, "150", "abc", True])
def test_share_below_0_or_above_100_is_an_input_error(share):
    assert "market_shares_pct[0]" in errors(lid2_only([share]))


# --- either route --------------------------------------------------------------------------

def test_either_route_suffices():
    both_fail = {"undertakings": 9, "combined_turnover_eur": 100, "competitors": True,
                 "market_shares_pct": ["12"], "affects_trade_between_member_states": "no"}
    assert result(both_fail)["verdict"] == "not-exempt"
    assert result({**both_fail, "undertakings": 8})["verdict"] == "exempt"
    assert result({**both_fail, "market_shares_pct": ["10"]})["verdict"] == "exempt"


def test_null_answers_make_the_verdict_incomplete_and_the_summary_names_them():
    r = result({"undertakings": 9, "competitors": None, "market_shares_pct": None})
    assert r["verdict"] == "incomplete"
    assert "concurrenten" in r["summary"] and "marktaandeel" in r["summary"]


def test_empty_input_is_incomplete_not_an_error():
    assert result({})["verdict"] == "incomplete"


def test_an_unanswered_route_does_not_block_a_route_that_holds():
    assert result({"undertakings": 3, "combined_turnover_eur": 5, "all_mainly_goods": False})["verdict"] == "exempt"


# --- warnings ------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["price-fixing", "market-sharing", "bid-rigging"])
def test_price_fixing_market_sharing_and_bid_rigging_get_a_prominent_warning(kind):
    r = result(lid1_only(involves=[kind]))
    assert r["verdict"] == "exempt-with-caution"
    assert "art. 9" in r["warnings"][0] and "101 VWEU" in r["warnings"][0]
    assert "acm-prijs-en-gebiedsafspraken" in r["norms"]
    assert "reken niet op de bagatelvoorziening" in r["summary"].lower()


def test_turnover_year_must_be_the_year_before_the_agreement():
    assert not result(lid1_only(turnover_year=2025, agreement_year=2026))["warnings"]
    r = result(lid1_only(turnover_year=2026, agreement_year=2026))
    assert any("2025" in w for w in r["warnings"])


def test_unknown_input_keys_are_named_in_a_warning():
    assert any("omzet" in w for w in result(lid1_only(omzet=5))["warnings"])


# --- input errors name the field -----------------------------------------------------------

def test_errors_name_the_participant_field():
    fields = errors({"participants": [{"name": "A", "turnover_eur": 1}, {"name": "B", "turnover_eur": 2},
                                      {"name": "C", "turnover_eur": "-5"}]})
    assert "participants[2].turnover_eur" in fields
    assert "negatief" in fields["participants[2].turnover_eur"]


def test_non_numeric_turnover_is_an_input_error():
    assert "combined_turnover_eur" in errors(lid1_only(turnover="veel"))


def test_ambiguous_turnover_is_an_input_error_with_suggestions():
    message = errors(lid1_only(turnover="1,100"))["combined_turnover_eur"]
    assert "1100" in message and "1,10" in message


def test_participants_and_totals_together_are_an_input_error():
    assert "undertakings" in errors({"participants": [{"turnover_eur": 1}, {"turnover_eur": 1}], "undertakings": 2})


# --- margins and what would flip the outcome ------------------------------------------------

def test_what_would_flip_an_exemption_is_one_cent_or_one_undertaking_at_the_boundary():
    r = result(lid1_only(8, "1.100.000"))
    changes = r["what_would_flip"]["routes"]["lid1"]["changes"]
    assert r["what_would_flip"]["routes"]["lid1"]["mode"] == "any"
    assert {"field": "undertakings", "delta": 1} in [{k: c[k] for k in ("field", "delta")} for c in changes]
    assert {"field": "combined_turnover_cents", "delta": 1} in [{k: c[k] for k in ("field", "delta")} for c in changes]


def test_what_would_flip_a_refusal_lists_all_needed_reductions():
    r = result(lid1_only(10, "1.100.000,50"))
    route = r["what_would_flip"]["routes"]["lid1"]
    assert route["mode"] == "all"
    deltas = {c["field"]: c["delta"] for c in route["changes"]}
    assert deltas == {"undertakings": -2, "combined_turnover_cents": -50}
    assert "€ 0,50" in r["what_would_flip"]["summary"]


def test_what_would_flip_market_share():
    r = result(lid2_only(["12,5"]))
    deltas = {c["field"]: c["delta"] for c in r["what_would_flip"]["routes"]["lid2"]["changes"]}
    assert deltas["market_shares_pct[0]"] == -250
    r = result(lid2_only(["7"]))
    deltas = {c["field"]: c["delta"] for c in r["what_would_flip"]["routes"]["lid2"]["changes"]}
    assert deltas["market_shares_pct[0]"] == 301


def test_routes_carry_their_conditions():
    r = result(lid1_only())
    assert [c["id"] for c in r["routes"]["lid1"]["conditions"]] == ["lid1-undertakings", "lid1-turnover"]
    assert [c["id"] for c in r["routes"]["lid2"]["conditions"]] == ["lid2-competitors", "lid2-market-share", "lid2-trade"]


def test_thresholds_come_from_params():
    r = result(lid1_only())
    assert r["thresholds"] == {"max_undertakings": 8, "turnover_services_cents": 1_100_000_00,
                               "turnover_goods_cents": 5_500_000_00, "max_market_share_bp": 1000}


def test_condition_functions_return_conditions_citing_the_article():
    c = de_minimis.undertakings_within_limit(8)
    assert c.met is True and c.norm == "mw-art-7" and "art. 7" in c.explanation
    assert de_minimis.turnover_within_cap(110_000_001, False).met is False
    assert de_minimis.market_share_within_limit((1000,)).met is True
    assert de_minimis.market_share_within_limit((1001,)).met is False
    assert de_minimis.market_share_within_limit(()).met is None


def test_flip_does_not_promise_an_exemption_while_a_route_has_open_questions():
    r = result({"undertakings": 9, "competitors": False})  # turnover unknown
    assert r["verdict"] == "not-exempt"
    assert "ontbrekende gegevens" in r["what_would_flip"]["summary"]


def test_flip_offers_the_numeric_route_when_lid_2_is_closed_by_facts():
    r = result({"undertakings": 9, "combined_turnover_eur": 5, "all_mainly_goods": False, "competitors": False})
    assert r["what_would_flip"]["summary"] == "Vrijgesteld zou de afspraak zijn via lid 1 met 1 onderneming minder betrokken."
    assert r["what_would_flip"]["routes"]["lid2"]["changes"][0]["delta"] is None


# --- art. 7 lid 3 (issue 13) -----------------------------------------------------------------

_TOTALS = {"undertakings": 5, "combined_turnover_eur": "600.000", "all_mainly_goods": False}


def test_afzonderlijke_overeenkomsten_met_dezelfde_strekking_tellen_als_een_overeenkomst():
    """Lid 3: the undertakings of separate agreements with the same purpose count towards 'acht'."""
    r = run("de-minimis", {**_TOTALS, "same_purpose_undertakings": 3, "same_purpose_turnover_eur": "400.000"})
    assert r["undertakings"] == 8 and r["combined_turnover_cents"] == 100_000_000
    assert r["verdict"] == "exempt"
    assert any("Artikel 7 lid 3" in w for w in r["warnings"])


def test_lid_3_kan_het_aantal_boven_acht_brengen():
    r = run("de-minimis", {**_TOTALS, "same_purpose_undertakings": 4, "same_purpose_turnover_eur": "100.000"})
    assert r["undertakings"] == 9
    lid1 = r["routes"]["lid1"]["conditions"]
    assert lid1[0]["id"] == "lid1-undertakings" and lid1[0]["met"] is False


def test_lid_3_telt_ook_de_omzet_mee():
    r = run("de-minimis", {**_TOTALS, "same_purpose_undertakings": 2, "same_purpose_turnover_eur": "600.000"})
    assert r["combined_turnover_cents"] == 120_000_000
    assert r["routes"]["lid1"]["conditions"][1]["met"] is False


def test_lid_3_zonder_de_omzet_van_die_ondernemingen_laat_de_omzet_open():
    r = run("de-minimis", {**_TOTALS, "same_purpose_undertakings": 2})
    assert r["routes"]["lid1"]["conditions"][1]["met"] is None


def test_een_omzet_zonder_aantal_voor_lid_3_is_een_fout_bij_het_aantal():
    r = run("de-minimis", {**_TOTALS, "same_purpose_turnover_eur": "100.000"})
    assert not r["ok"] and r["errors"][0]["field"] == "same_purpose_undertakings"
