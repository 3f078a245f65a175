"""The deadlines calculator against the sentences of Regeling TH/NR-038, the richtsnoeren and the IZA
(docs-dev/domain-rules.md §1; NZa Handvatten Zorgcontractering, chapter 4). One test per rule and boundary."""

from __future__ import annotations

from typing import Any

from zorgcalc import run
from zorgcalc.deadlines import calculator


def result(contracting: str = "face-to-face", year: int = 2027, **inputs: Any) -> dict[str, Any]:
    out = run("deadlines", {"contract_year": year, "contracting": contracting, **inputs})
    assert out["ok"], out
    return out


def deadline(out: dict[str, Any], deadline_id: str) -> dict[str, Any]:
    (row,) = [d for d in out["deadlines"] if d["id"] == deadline_id]
    return row


def ids(out: dict[str, Any]) -> list[str]:
    return [d["id"] for d in out["deadlines"]]


def condition(out: dict[str, Any], condition_id: str) -> dict[str, Any]:
    (cond,) = [c for c in out["conditions"] if c["id"] == condition_id]
    return cond


# --- Which deadlines apply ---------------------------------------------------------------------

def test_face_to_face_lists_policy_strategy_methods_offer_parts_offer_target_transparency():
    assert ids(result("face-to-face")) == ["policy", "strategy-request", "strategy", "methods",
                                           "offer-parts", "offer", "target", "transparency"]


def test_digital_lists_proposal_and_change_overview_instead_of_offer_methods_offer_parts():
    assert ids(result("digital")) == ["policy", "strategy-request", "strategy", "proposal",
                                      "change-overview", "target", "transparency"]


def test_no_proposal_deadline_when_insurer_does_not_intend_to_contract():
    out = result("digital", insurer_intends_to_contract=False)
    assert "proposal" not in ids(out) and "change-overview" not in ids(out)
    assert any("niet voornemens" in w for w in out["warnings"])


def test_proposal_deadline_kept_when_intention_unknown():
    out = result("digital", insurer_intends_to_contract=None)
    assert "proposal" in ids(out)
    assert "voornemens" in deadline(out, "proposal")["explanation"]


def test_event_derived_deadlines_appear_only_when_their_events_are_given():
    plain = ids(result())
    for absent in ("policy-change", "proposal-period", "offer-period", "question"):
        assert absent not in plain
    out = result(events={"policy_changed_on": "2026-03-01", "proposal_received_on": "2026-09-01",
                         "offer_received_on": "2026-09-20", "question_received_on": "2026-06-01"})
    assert {"policy-change", "proposal-period", "offer-period", "question"} <= set(ids(out))


def test_kinds_actors_and_norms_follow_the_table():
    out = result()
    expected = {
        "policy": ("regulation", "insurer", "th-nr-038-art-4"),
        "strategy-request": ("guideline", "insurer", "richtsnoer-1"),
        "strategy": ("guideline", "provider", "richtsnoer-1"),
        "methods": ("guideline", "both", "richtsnoer-3"),
        "offer-parts": ("guideline", "provider", "richtsnoer-5"),
        "offer": ("regulation", "provider", "th-nr-038-art-6-lid-1"),
        "target": ("target", "both", "iza-12-november"),
        "transparency": ("guideline", "both", "richtsnoer-9"),
    }
    for did, (kind, actor, norm) in expected.items():
        row = deadline(out, did)
        assert (row["kind"], row["actor"], row["norm"]) == (kind, actor, norm), did
    assert deadline(out, "transparency")["norms"] == ["richtsnoer-9", "richtsnoer-10"]
    digital = result("digital")
    assert deadline(digital, "proposal")["norm"] == "th-nr-038-art-6-lid-2"
    assert deadline(digital, "proposal")["actor"] == "insurer"
    assert deadline(digital, "change-overview")["norm"] == "richtsnoer-6"


def test_offer_and_proposal_carry_the_explanation_norm_of_art_6_lid_4():
    assert "th-nr-038-art-6-lid-4" in deadline(result(), "offer")["norms"]
    assert "th-nr-038-art-6-lid-4" in deadline(result("digital"), "proposal")["norms"]


# --- Contract year vs calendar year --------------------------------------------------------------

def test_contract_year_2027_puts_the_deadlines_in_2026():
    out = result(year=2027)
    dates = {d["id"]: d["date"] for d in out["deadlines"]}
    assert dates == {"policy": "2026-04-01", "strategy-request": "2026-04-01", "strategy": "2026-06-01",
                     "methods": "2026-09-01", "offer-parts": "2026-09-01", "offer": "2026-10-01",
                     "target": "2026-11-12", "transparency": "2026-11-12"}
    assert out["purchasing_year"] == 2026


def test_contract_year_2029_deadlines_fall_in_leap_year_2028():
    out = result(year=2029)
    assert all(d["date"].startswith("2028-") for d in out["deadlines"])


def test_29_february_2028_is_a_valid_event_date():
    out = result(year=2029, events={"question_received_on": "2028-02-29",
                                    "question_answered_on": "2028-03-14"})
    assert deadline(out, "question")["date"] == "2028-03-14"
    assert condition(out, "question")["met"] is True


def test_29_february_2027_does_not_exist():
    out = run("deadlines", {"contract_year": 2028, "contracting": "face-to-face",
                            "events": {"question_received_on": "2027-02-29"}})
    assert not out["ok"]
    assert out["errors"][0]["field"] == "events.question_received_on"


def test_deadlines_are_sorted_by_date():
    out = result(events={"question_received_on": "2026-01-10", "offer_received_on": "2026-10-01"})
    dates = [d["date"] for d in out["deadlines"]]
    assert dates == sorted(dates)
    assert ids(out)[0] == "question"


# --- Art. 4: policy by 1 April --------------------------------------------------------------------

def test_policy_published_on_1_april_is_on_time():
    out = result(events={"policy_published_on": "2026-04-01"})
    assert condition(out, "policy")["met"] is True
    assert deadline(out, "policy")["status"] == "met"


def test_policy_published_on_2_april_is_late():
    out = result(events={"policy_published_on": "2026-04-02"})
    assert condition(out, "policy")["met"] is False
    assert deadline(out, "policy")["status"] == "missed"
    assert out["verdict"] == "non-compliant"


# --- Art. 8: policy changes ------------------------------------------------------------------------

def test_policy_change_on_1_april_needs_no_motivation():
    out = result(events={"policy_changed_on": "2026-04-01"}, policy_change_motivated=False)
    assert condition(out, "policy-change")["met"] is True
    assert "geen motivering" in deadline(out, "policy-change")["label"]


def test_policy_change_on_2_april_needs_motivation():
    out = result(events={"policy_changed_on": "2026-04-02"}, policy_change_motivated=False)
    assert condition(out, "policy-change")["met"] is False
    assert out["verdict"] == "non-compliant"


def test_policy_change_on_2_april_with_motivation_is_compliant():
    out = result(events={"policy_changed_on": "2026-04-02"}, policy_change_motivated=True)
    assert condition(out, "policy-change")["met"] is True
    assert out["verdict"] == "compliant"


def test_policy_change_after_1_april_with_unknown_motivation_is_open():
    out = result(events={"policy_changed_on": "2026-06-15"})
    assert condition(out, "policy-change")["met"] is None
    assert out["verdict"] == "open"
    assert deadline(out, "policy-change")["date"] == "2026-06-15"


# --- Richtsnoer 1: strategic policy ----------------------------------------------------------------

def test_strategy_requested_on_1_april_must_be_shared_by_1_june():
    out = result(strategy_requested_on="2026-04-01", events={"strategy_shared_on": "2026-06-01"})
    assert condition(out, "strategy")["met"] is True
    assert deadline(out, "strategy-request")["status"] == "met"
    assert deadline(out, "strategy")["status"] == "met"


def test_strategy_shared_on_2_june_is_late():
    out = result(strategy_requested_on="2026-03-15", events={"strategy_shared_on": "2026-06-02"})
    assert condition(out, "strategy")["met"] is False
    assert deadline(out, "strategy")["status"] == "missed"


def test_strategy_requested_on_2_april_makes_richtsnoer_1_not_applicable():
    out = result(strategy_requested_on="2026-04-02", events={"strategy_shared_on": "2026-07-01"})
    assert condition(out, "strategy")["met"] is True
    assert deadline(out, "strategy")["status"] == "not-applicable"
    # asking late is no breach: it only means the richtsnoer does not apply
    assert deadline(out, "strategy-request")["status"] == "not-applicable"
    assert out["verdict"] == "compliant"


def test_agreed_strategy_deadline_prevails_over_1_june():
    out = result(strategy_requested_on="2026-03-01", agreed={"strategy_deadline": "2026-07-01"},
                 events={"strategy_shared_on": "2026-06-20"})
    assert deadline(out, "strategy")["date"] == "2026-07-01"
    assert deadline(out, "strategy")["basis"] == "agreed"
    assert condition(out, "strategy")["met"] is True


def test_agreed_earlier_strategy_deadline_also_prevails():
    out = result(strategy_requested_on="2026-03-01", agreed={"strategy_deadline": "2026-05-15"},
                 events={"strategy_shared_on": "2026-05-20"})
    assert condition(out, "strategy")["met"] is False


# --- Art. 6 lid 1: offer by 1 October (face-to-face) ----------------------------------------------

def test_offer_on_1_october_is_on_time():
    out = result(events={"offer_submitted_on": "2026-10-01"})
    assert condition(out, "offer")["met"] is True
    assert out["verdict"] == "compliant"


def test_offer_on_2_october_is_late_without_agreement():
    out = result(events={"offer_submitted_on": "2026-10-02"})
    assert condition(out, "offer")["met"] is False
    assert deadline(out, "offer")["status"] == "missed"
    assert out["verdict"] == "non-compliant"
    assert "offerte" in out["summary"]


def test_agreed_offer_deadline_prevails():
    out = result(agreed={"offer_deadline": "2026-10-15"}, events={"offer_submitted_on": "2026-10-12"})
    assert condition(out, "offer")["met"] is True
    assert deadline(out, "offer")["date"] == "2026-10-15"
    assert deadline(out, "offer")["basis"] == "agreed"


def test_agreed_earlier_offer_deadline_prevails_too():
    out = result(agreed={"offer_deadline": "2026-09-20"}, events={"offer_submitted_on": "2026-09-25"})
    assert condition(out, "offer")["met"] is False


# "In sectoren waarbij de zorgaanbieder een offerte aanbiedt": lid 1 is keyed on who offers, of
# which face-to-face contracting is the usual case, not the definition.

def test_lid_1_geldt_waar_de_zorgaanbieder_een_offerte_aanbiedt_ook_bij_digitaal_contracteren():
    out = result("digital", provider_offers=True)
    assert deadline(out, "offer")["date"] == "2026-10-01"
    assert deadline(out, "proposal")["date"] == "2026-10-01"  # lid 2 still holds for the insurer


def test_een_offertedatum_bij_digitaal_contracteren_laat_zien_dat_de_zorgaanbieder_offreert():
    out = result("digital", events={"offer_submitted_on": "2026-12-01"})
    assert condition(out, "offer")["met"] is False
    assert not any("events.offer_submitted_on" in w for w in out["warnings"])


def test_lid_1_geldt_niet_waar_de_zorgaanbieder_geen_offerte_aanbiedt_ook_niet_face_to_face():
    out = result(provider_offers=False, today="2026-12-01")
    assert deadline(out, "offer")["status"] == "not-applicable"
    assert deadline(out, "offer-parts")["status"] == "not-applicable"  # richtsnoer 5: parts of that offer


def test_face_to_face_zonder_antwoord_wie_offreert_blijft_lid_1_open_en_nooit_gemist():
    out = result(today="2026-12-01")  # past 1 October, but whether lid 1 holds is not known
    assert deadline(out, "offer")["status"] == "open"
    assert "niet ingevuld" in deadline(out, "offer")["explanation"]


def test_digitaal_zonder_antwoord_wie_offreert_toont_geen_offertedeadline():
    assert not [d for d in result("digital")["deadlines"] if d["id"] == "offer"]


def test_geen_offerte_maar_wel_een_offertedatum_is_een_fout_bij_het_veld():
    out = run("deadlines", {"contract_year": 2027, "contracting": "face-to-face", "provider_offers": False,
                            "events": {"offer_submitted_on": "2026-09-30"}})
    assert out["ok"] is False and [e["field"] for e in out["errors"]] == ["provider_offers"]


# --- Art. 6 lid 2: proposal by 1 October (digital) ------------------------------------------------

def test_digital_proposal_on_1_october_is_on_time():
    out = result("digital", events={"proposal_sent_on": "2026-10-01"})
    assert condition(out, "proposal")["met"] is True


def test_digital_proposal_on_2_october_is_late():
    out = result("digital", events={"proposal_sent_on": "2026-10-02"})
    assert condition(out, "proposal")["met"] is False
    assert deadline(out, "proposal")["status"] == "missed"


def test_digital_proposal_agreement_does_not_excuse_lateness():
    out = result("digital", agreed={"proposal_deadline": "2026-10-15"},
                 events={"proposal_sent_on": "2026-10-10"})
    assert condition(out, "proposal")["met"] is False
    assert deadline(out, "proposal")["date"] == "2026-10-01"
    assert any("geen 'tenzij anders overeengekomen'" in w for w in out["warnings"])
    assert out["verdict"] == "non-compliant"


def test_agreed_offer_deadline_does_not_move_the_digital_proposal():
    out = result("digital", agreed={"offer_deadline": "2026-10-15"},
                 events={"proposal_sent_on": "2026-10-10"})
    assert condition(out, "proposal")["met"] is False
    assert any("agreed.offer_deadline" in w for w in out["warnings"])


# --- Art. 7: reply periods -------------------------------------------------------------------------

def test_reply_period_of_28_days_is_enough():
    out = result("digital", events={"proposal_received_on": "2026-09-29", "proposal_reply_by": "2026-10-27"})
    assert condition(out, "proposal-period")["met"] is True
    assert deadline(out, "proposal-period")["date"] == "2026-10-27"


def test_reply_period_of_27_days_is_too_short():
    out = result("digital", events={"proposal_received_on": "2026-09-29", "proposal_reply_by": "2026-10-26"})
    assert condition(out, "proposal-period")["met"] is False
    assert deadline(out, "proposal-period")["status"] == "missed"


def test_agreed_shorter_reply_period_overrides_four_weeks():
    out = result("digital", agreed={"proposal_period_days": 21},
                 events={"proposal_received_on": "2026-09-29", "proposal_reply_by": "2026-10-20"})
    assert condition(out, "proposal-period")["met"] is True


def test_reply_period_applies_to_face_to_face_too():
    out = result("face-to-face", events={"proposal_received_on": "2026-10-01", "proposal_reply_by": "2026-10-20"})
    assert condition(out, "proposal-period")["met"] is False


def test_reply_period_without_reply_date_is_open():
    out = result("digital", events={"proposal_received_on": "2026-09-29"})
    assert condition(out, "proposal-period")["met"] is None
    assert deadline(out, "proposal-period")["status"] == "open"


def test_insurer_reacts_to_offer_after_42_days_in_time():
    out = result(events={"offer_received_on": "2026-10-01", "offer_reacted_on": "2026-11-12"})
    assert condition(out, "offer-period")["met"] is True
    assert deadline(out, "offer-period")["date"] == "2026-11-12"


def test_insurer_reacts_to_offer_after_43_days_too_late():
    out = result(events={"offer_received_on": "2026-10-01", "offer_reacted_on": "2026-11-13"})
    assert condition(out, "offer-period")["met"] is False


def test_agreed_offer_period_overrides_six_weeks():
    out = result(agreed={"offer_period_days": 60},
                 events={"offer_received_on": "2026-10-01", "offer_reacted_on": "2026-11-25"})
    assert condition(out, "offer-period")["met"] is True
    assert deadline(out, "offer-period")["date"] == "2026-11-30"


def test_offer_period_still_running_is_open():
    out = result(events={"offer_received_on": "2026-10-01"}, today="2026-10-20")
    assert condition(out, "offer-period")["met"] is None
    assert deadline(out, "offer-period")["status"] == "open"
    assert deadline(out, "offer-period")["days_left"] == 23
    assert out["verdict"] == "open"


# --- Art. 5 lid 4 and 5: questions ----------------------------------------------------------------

def test_question_answered_after_14_days_in_time():
    out = result(events={"question_received_on": "2026-09-10", "question_answered_on": "2026-09-24"})
    assert condition(out, "question")["met"] is True
    assert deadline(out, "question")["date"] == "2026-09-24"


def test_question_answered_after_15_days_too_late():
    out = result(events={"question_received_on": "2026-09-10", "question_answered_on": "2026-09-25"})
    assert condition(out, "question")["met"] is False


def test_motivated_notice_within_14_days_suffices():
    out = result(events={"question_received_on": "2026-09-10", "question_notice_on": "2026-09-24",
                         "question_answered_on": "2026-10-15"})
    assert condition(out, "question")["met"] is True
    assert "gemotiveerd" in condition(out, "question")["explanation"]


def test_notice_after_15_days_is_too_late():
    out = result(events={"question_received_on": "2026-09-10", "question_notice_on": "2026-09-25"})
    assert condition(out, "question")["met"] is False


def test_agreed_question_period_overrides_two_weeks():
    out = result(agreed={"question_period_days": 21},
                 events={"question_received_on": "2026-09-10", "question_answered_on": "2026-10-01"})
    assert condition(out, "question")["met"] is True


def test_with_an_agreed_question_period_a_notice_does_not_replace_the_answer():
    out = result(agreed={"question_period_days": 10},
                 events={"question_received_on": "2026-09-10", "question_notice_on": "2026-09-12",
                         "question_answered_on": "2026-09-30"})
    assert condition(out, "question")["met"] is False
    assert "lid 5 niet" in condition(out, "question")["explanation"]


# --- today: statuses and days left -----------------------------------------------------------------

def test_without_today_every_unchecked_deadline_is_open_with_no_days_left():
    out = result()
    assert {d["status"] for d in out["deadlines"]} == {"open"}
    assert {d["days_left"] for d in out["deadlines"]} == {None}


def test_today_gives_days_left_and_passed_unknown_for_passed_dates_with_nothing_entered():
    out = result(today="2026-09-01")
    assert deadline(out, "offer")["days_left"] == 30
    assert deadline(out, "offer")["status"] == "open"
    assert deadline(out, "methods")["days_left"] == 0
    assert deadline(out, "methods")["status"] == "open"
    assert deadline(out, "policy")["status"] == "passed-unknown"
    assert deadline(out, "policy")["days_left"] == -153


def test_strategy_without_request_after_1_april_stays_open_because_applicability_is_unknown():
    out = result(today="2026-04-02")
    assert deadline(out, "strategy-request")["status"] == "open"
    assert deadline(out, "strategy")["status"] == "open"


def test_transparency_from_12_november_stays_open_as_a_running_duty():
    out = result(today="2026-12-01")
    assert deadline(out, "transparency")["status"] == "open"
    assert deadline(out, "transparency")["days_left"] == -19


def test_recorded_acts_decide_the_status_whatever_today_is():
    out = result(today="2027-01-15", events={"offer_submitted_on": "2026-09-30"})
    assert deadline(out, "offer")["status"] == "met"


# --- Verdicts ----------------------------------------------------------------------------------------

def test_verdict_is_open_when_nothing_is_checked():
    out = result()
    assert out["verdict"] == "open" and out["conditions"] == []


def test_one_condition_per_event_given():
    out = result(events={"policy_published_on": "2026-03-01", "offer_submitted_on": "2026-09-01",
                         "question_received_on": "2026-05-01", "question_answered_on": "2026-05-02"})
    assert [c["id"] for c in out["conditions"]] == ["policy", "offer", "question"]


def test_norms_cited_are_all_declared():
    out = result("digital", events={"policy_changed_on": "2026-05-01", "offer_received_on": "2026-10-01",
                                    "question_received_on": "2026-05-01", "proposal_received_on": "2026-10-01"},
                 strategy_requested_on="2026-03-01")
    cited = set(out["norms"]) | {c["norm"] for c in out["conditions"]} | {
        n for d in out["deadlines"] for n in d["norms"]}
    assert cited <= calculator.NORM_IDS


# --- Warnings --------------------------------------------------------------------------------------

def test_contract_year_before_2025_warns_about_th_nr_021():
    assert any("TH/NR-021" in w for w in result(year=2024)["warnings"])
    assert not any("TH/NR-021" in w for w in result(year=2025)["warnings"])


def test_art_6_lid_3_exception_is_a_notice_only():
    out = result(events={"offer_submitted_on": "2026-10-02"})
    assert any("6 lid 3" in w for w in out["warnings"])
    assert condition(out, "offer")["met"] is False


def test_12_november_is_a_target_not_a_hard_deadline():
    out = result()
    assert deadline(out, "target")["kind"] == "target"
    assert any("12 november" in w and "geen harde deadline" in w for w in out["warnings"])


def test_guidelines_from_before_the_2026_handvatten_are_warned_about():
    assert any("Handvatten" in w for w in result(year=2026)["warnings"])
    assert not any("eerdere versies" in w for w in result(year=2027)["warnings"])


def test_every_result_carries_the_disclaimer():
    assert "geen juridisch advies" in result()["disclaimer"]


# --- Examples and defaults ---------------------------------------------------------------------------

def test_every_example_runs_and_has_a_dutch_title():
    assert 4 <= len(calculator.EXAMPLES) <= 8
    for example in calculator.EXAMPLES:
        assert run("deadlines", example.inputs)["ok"], example.title


def test_default_inputs_give_a_result():
    assert run("deadlines", calculator.DEFAULT_INPUTS)["ok"]


def test_results_are_deterministic_for_the_same_inputs():
    a = run("deadlines", calculator.EXAMPLES[1].inputs)
    b = run("deadlines", calculator.EXAMPLES[1].inputs)
    assert a == b


def test_richtsnoer_5_onderdelen_van_de_offerte_tenzij_anders_afgesproken():
    """Issue 13: an agreed date for the parts of the offer prevails over 1 September."""
    from zorgcalc import run

    base = {"contract_year": 2027, "contracting": "face-to-face"}
    row = next(d for d in run("deadlines", base)["deadlines"] if d["id"] == "offer-parts")
    assert (row["date"], row["basis"]) == ("2026-09-01", "calendar")
    agreed = run("deadlines", {**base, "agreed": {"offer_parts_deadline": "2026-09-15"}})
    row = next(d for d in agreed["deadlines"] if d["id"] == "offer-parts")
    assert (row["date"], row["basis"]) == ("2026-09-15", "agreed")
    assert "gaat voor 1 september" in row["explanation"]
    digital = run("deadlines", {"contract_year": 2027, "contracting": "digital",
                                "agreed": {"offer_parts_deadline": "2026-09-15"}})
    assert any("Richtsnoer 5" in w for w in digital["warnings"])
