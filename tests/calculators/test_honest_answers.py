"""Issue "Answers a lawyer can trust": one test per finding, named after it. Each fails on the code
before the issue and passes after. The browser half of findings 1 and 11 is in
tests/browser/test_honest_answers.py; finding 9's statute text in tests/site/test_fidelity.py."""

from __future__ import annotations

import datetime as dt

import pytest

from zorgcalc import run
from zorgcalc.registry import CALCULATORS, load
from zorgcalc.safe_harbour.de_minimis.inputs import _TYPICAL as DE_MINIMIS_TYPICAL

PASS_OR_FAIL = {"compliant", "non-compliant", "guidelines-not-followed", "exempt", "exempt-with-caution",
                "not-exempt", "no-own-initiative-investigation", "outside-conditions", "no-fine",
                "outside-policy", "allowed", "not-allowed", "no-objection", "forbidden"}


def deadlines(**inputs):
    out = run("deadlines", {"contract_year": 2027, "contracting": "face-to-face", **inputs})
    assert out["ok"], out
    return out


def row(out, rid):
    return next(d for d in out["deadlines"] if d["id"] == rid)


def cond(out, cid):
    return next(c for c in out["conditions"] if c["id"] == cid)


# 1. Calculators open on a verdict before any answer.
@pytest.mark.parametrize("cid", sorted(CALCULATORS))
def test_finding_1_no_calculator_opens_on_a_verdict_before_any_answer(cid):
    out = run(cid, load(cid).DEFAULT_INPUTS)
    assert out["ok"] and out["verdict"] not in PASS_OR_FAIL
    assert not any(c["met"] is not None for c in out["conditions"])


@pytest.mark.parametrize("cid", sorted(set(CALCULATORS) - {"deadlines"}))
def test_finding_1_the_start_asks_for_answers_and_names_what_is_needed(cid):
    out = run(cid, load(cid).DEFAULT_INPUTS)
    assert load(cid).DEFAULT_INPUTS == {}
    # "Nog open" where the verdict is a self-assessment (exemption, self-audit), as in deadlines
    assert out["summary"].startswith(("Nog niet te beoordelen", "Nog open"))
    assert all(c["met"] is None for c in out["conditions"])


# 2. Unknown becomes "gemist".
@pytest.mark.parametrize("rid", ["policy", "offer", "target"])
def test_finding_2_a_passed_date_with_nothing_entered_is_never_missed(rid):
    out = deadlines(today="2026-12-01", provider_offers=True)  # art. 6 lid 1 known to apply
    assert row(out, rid)["status"] in ("passed-unknown", "passed")
    assert out["verdict"] == "open"


def test_finding_2_the_digital_proposal_and_change_overview_are_not_missed_by_the_calendar():
    out = deadlines(contracting="digital", today="2026-12-01")
    assert row(out, "proposal")["status"] == "passed-unknown"
    assert row(out, "change-overview")["status"] == "passed-unknown"


def test_finding_2_an_offer_reaction_term_that_passed_without_a_reaction_date_asks_for_it():
    out = deadlines(today="2026-12-01", events={"offer_received_on": "2026-09-01"})
    assert cond(out, "offer-period")["met"] is None
    assert row(out, "offer-period")["status"] == "passed-unknown"
    assert "vul die datum in" in cond(out, "offer-period")["explanation"].lower()


def test_finding_2_the_12_november_target_is_passed_never_missed():
    assert row(deadlines(today="2026-11-13"), "target")["status"] == "passed"


# 3. Applicability unknown is decided anyway.
def test_finding_3_richtsnoer_1_shared_late_without_a_request_date_is_open_not_a_breach():
    out = deadlines(events={"strategy_shared_on": "2026-06-02"})
    assert cond(out, "strategy")["met"] is None and out["verdict"] == "open"
    assert "vroeg" in cond(out, "strategy")["explanation"]


def test_finding_3_richtsnoer_1_without_a_request_after_1_april_stays_open_and_visible():
    out = deadlines(today="2026-04-02")
    assert row(out, "strategy")["status"] == "open" and row(out, "strategy-request")["status"] == "open"


def test_finding_3_a_late_proposal_with_unknown_intent_to_contract_is_open_not_missed():
    out = deadlines(contracting="digital", insurer_intends_to_contract=None,
                    events={"proposal_sent_on": "2026-10-05"})
    assert cond(out, "proposal")["met"] is None and row(out, "proposal")["status"] == "open"
    assert out["verdict"] == "open"


@pytest.mark.parametrize("used, status", [(False, "not-applicable"), (None, "open"), (True, "passed-unknown")])
def test_finding_3_richtsnoer_3_applies_only_if_a_method_is_used(used, status):
    out = deadlines(today="2026-09-02", methods_used=used)
    assert row(out, "methods")["status"] == status


# 4. A missed richtsnoer reads as a breach of law.
def test_finding_4_a_missed_richtsnoer_alone_is_not_a_breach_of_regulation():
    out = deadlines(strategy_requested_on="2026-03-01", events={"strategy_shared_on": "2026-06-15",
                                                                "offer_submitted_on": "2026-09-30"})
    assert out["verdict"] == "guidelines-not-followed"
    assert out["regulation"] == "met" and out["guidelines"] == "not-followed"
    assert "Regelgeving niet nageleefd" not in out["summary"] and "Richtsnoer niet gevolgd" in out["summary"]


def test_finding_4_a_missed_regulation_deadline_is_the_breach_verdict_and_names_the_richtsnoer_apart():
    out = deadlines(strategy_requested_on="2026-03-01", events={"strategy_shared_on": "2026-06-15",
                                                                "offer_submitted_on": "2026-10-02"})
    assert out["verdict"] == "non-compliant" and out["guidelines"] == "not-followed"
    assert out["summary"].startswith("Regelgeving niet nageleefd: eerste reële offerte")


def test_finding_4_every_deadline_condition_says_whether_it_binds():
    out = deadlines(strategy_requested_on="2026-03-01", events={"strategy_shared_on": "2026-05-01",
                                                                "policy_published_on": "2026-03-01"})
    assert {c["id"]: c["kind"] for c in out["conditions"]} == {"policy": "regulation", "strategy": "guideline"}


def test_finding_4_richtsnoeren_9_and_10_are_not_called_an_obligation():
    out = deadlines(today="2026-12-01")
    assert "verplichting" not in row(out, "transparency")["explanation"]


# 5. Impossible dates are accepted.
@pytest.mark.parametrize("events, field", [
    ({"question_received_on": "2026-10-05", "question_answered_on": "2026-10-04"}, "events.question_answered_on"),
    ({"question_received_on": "2026-10-05", "question_notice_on": "2026-10-01"}, "events.question_notice_on"),
    ({"offer_received_on": "2026-10-05", "offer_reacted_on": "2026-10-04"}, "events.offer_reacted_on"),
    ({"proposal_received_on": "2026-10-05", "proposal_reply_by": "2026-10-04"}, "events.proposal_reply_by"),
    ({"proposal_sent_on": "2026-10-05", "proposal_received_on": "2026-10-04"}, "events.proposal_received_on"),
    ({"offer_submitted_on": "2026-10-05", "offer_received_on": "2026-10-04"}, "events.offer_received_on"),
    ({"policy_published_on": "2026-03-05", "policy_changed_on": "2026-03-04"}, "events.policy_changed_on"),
])
def test_finding_5_a_reply_before_receipt_is_an_error_naming_the_field_in_dutch(events, field):
    out = run("deadlines", {"contract_year": 2027, "contracting": "digital", "events": events})
    assert not out["ok"]
    assert [e["field"] for e in out["errors"]] == [field]
    assert "vóór" in out["errors"][0]["message"] and "Controleer" in out["errors"][0]["message"]


def test_finding_5_a_reply_on_the_day_of_receipt_is_possible():
    out = deadlines(events={"question_received_on": "2026-10-05", "question_answered_on": "2026-10-05"})
    assert cond(out, "question")["met"] is True


# 6. A receipt date alone settles nothing and says nothing.
def test_finding_6_a_proposal_received_after_1_october_asks_for_the_date_it_was_sent():
    out = deadlines(contracting="digital", events={"proposal_received_on": "2026-10-03"})
    c = cond(out, "proposal")
    assert c["met"] is None and "mogelijk te laat" in c["explanation"]
    assert "Contractvoorstel aangeboden op" in c["explanation"]
    assert out["verdict"] == "open"


def test_finding_6_a_proposal_received_by_1_october_was_sent_in_time():
    out = deadlines(contracting="digital", events={"proposal_received_on": "2026-09-30"})
    assert cond(out, "proposal")["met"] is True


def test_finding_6_an_offer_received_after_the_deadline_asks_for_the_date_it_was_offered():
    out = deadlines(events={"offer_received_on": "2026-10-03"})
    assert cond(out, "offer")["met"] is None and "Eerste reële offerte aangeboden op" in cond(out, "offer")["explanation"]


# 7. de-minimis contradicts itself.
def test_finding_7_price_fixing_within_the_thresholds_is_a_caution_not_a_green_exemption():
    out = run("de-minimis", {**DE_MINIMIS_TYPICAL, "involves": ["price-fixing"]})
    assert out["verdict"] == "exempt-with-caution"
    assert "reken niet op de bagatelvoorziening" in out["summary"].lower()


def test_finding_7_no_warning_says_article_7_refers_to_article_101_tfeu():
    out = run("de-minimis", {**DE_MINIMIS_TYPICAL, "affects_trade_between_member_states": "unknown",
                             "involves": ["market-sharing"]})
    assert not any("wat art. 7 Mededingingswet ook zegt" in w for w in out["warnings"])
    assert any("niet uit art. 7 Mededingingswet" in w for w in out["warnings"])


# 8. Dutch amounts are refused.
def test_finding_8_nine_hundred_thousand_written_the_dutch_way_is_accepted():
    out = run("de-minimis", {"undertakings": 3, "combined_turnover_eur": "900.000"})
    assert out["ok"] and out["combined_turnover_cents"] == 90_000_000


# 10. Open legal points are hidden in calculator warnings: covered by tests/site (the boxes).

# 11. Words meant for developers reach users.
def test_finding_11_the_insurers_page_lists_each_condition_once():
    out = run("insurers", {"cooperation": "price-negotiation"})
    labels = [c["label"] for c in out["conditions"]]
    assert len(labels) == len(set(labels))


# 12. The calendar file freezes and overreaches.
def _ics_events(inputs):
    icalendar = pytest.importorskip("icalendar")
    from zorgcalc.deadlines.render import to_ics

    return list(icalendar.Calendar.from_ical(to_ics(run("deadlines", inputs))).walk("VEVENT"))


def test_finding_12_the_calendar_holds_only_what_lies_ahead_and_applies():
    events = _ics_events({"contract_year": 2027, "contracting": "face-to-face", "today": "2026-08-01",
                          "strategy_requested_on": "2026-04-05", "methods_used": False})
    starts = {e.decoded("dtstart") for e in events}
    assert starts and min(starts) >= dt.date(2026, 8, 1)
    summaries = " ".join(str(e["summary"]) for e in events)
    assert "strategisch beleid" not in summaries and "benchmarking" not in summaries


def test_finding_12_the_calendar_has_no_frozen_day_count_and_a_reminder_a_week_before():
    events = _ics_events({"contract_year": 2027, "contracting": "face-to-face", "today": "2026-09-20"})
    assert events
    for e in events:
        text = str(e.get("description")) + str(e.get("summary"))
        assert "Nog " not in text and " dagen." not in text
        alarms = list(e.walk("VALARM"))
        assert len(alarms) == 1 and alarms[0].decoded("trigger") == -dt.timedelta(days=7)


def test_finding_12_calendar_titles_are_neutral_not_worded_for_one_party():
    events = _ics_events({"contract_year": 2027, "contracting": "digital", "today": "2026-09-20",
                          "events": {"proposal_received_on": "2026-09-25"}})
    titles = [str(e["summary"]) for e in events]
    assert not any("mag niet eerder liggen dan deze dag" in t for t in titles)


def test_an_open_row_after_its_date_says_how_long_ago_never_negative_days():
    from zorgcalc.deadlines.render import to_text
    from zorgcalc.render_html import render_json
    from zorgcalc.web import run_json
    out = deadlines(today="2026-10-20")  # richtsnoer 1's request date (1 April) is open: not known if asked
    assert row(out, "strategy-request")["status"] == "open" and row(out, "strategy-request")["days_left"] < 0
    html = render_json(run_json("deadlines", '{"contract_year": 2027, "contracting": "face-to-face", '
                                             '"today": "2026-10-20"}'), "{}")
    for text in (to_text(out), html):
        assert "202 dagen geleden" in text and "-202" not in text
