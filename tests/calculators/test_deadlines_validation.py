"""Bad input comes back as an error envelope naming the field, in Dutch (docs-dev/calculator-contract.md)."""

from __future__ import annotations

from typing import Any

import pytest

from zorgcalc import run
from zorgcalc.deadlines import calculator
from zorgcalc.envelope import InvalidInput
from zorgcalc.questions import docs


def errors(inputs: Any) -> dict[str, str]:
    out = run("deadlines", inputs)
    assert out["ok"] is False, out
    return {e["field"]: e["message"] for e in out["errors"]}


VALID = {"contract_year": 2027, "contracting": "face-to-face"}


def test_contract_year_is_required():
    assert "contract_year" in errors({"contracting": "digital"})


@pytest.mark.parametrize("year", ["2027", 2027.0, True, None, [2027]])
def test_contract_year_must_be_an_integer(year):
    assert "contract_year" in errors({**VALID, "contract_year": year})


@pytest.mark.parametrize("year", [2014, 2101, -1, 10**12])
def test_contract_year_must_be_in_a_sane_range(year):
    assert "contract_year" in errors({**VALID, "contract_year": year})


@pytest.mark.parametrize("year", [2015, 2100])
def test_contract_year_range_is_inclusive(year):
    assert run("deadlines", {**VALID, "contract_year": year})["ok"]


@pytest.mark.parametrize("form", ["face to face", "Digital", "", None, 1])
def test_contracting_is_one_of_two_values(form):
    message = errors({**VALID, "contracting": form})["contracting"]
    assert "face-to-face" in message and "digital" in message


# Dutch day-month-year ("01-10-2026") is a date since issue 15 (tests/calculators/test_dates.py);
# a year first with one-digit parts or slashes, a 13th month, a number or nothing are not.
@pytest.mark.parametrize("value", ["2026-10-1", "2026/10/01", "2026-13-01", 20261001, ""])
def test_event_dates_in_no_accepted_form_are_errors(value):
    assert "events.offer_submitted_on" in errors({**VALID, "events": {"offer_submitted_on": value}})


def test_a_date_that_does_not_exist_is_named():
    message = errors({**VALID, "agreed": {"offer_deadline": "2026-02-30"}})["agreed.offer_deadline"]
    assert "bestaat niet" in message


def test_today_and_strategy_request_are_dates():
    errs = errors({**VALID, "today": "morgen", "strategy_requested_on": 5})
    assert {"today", "strategy_requested_on"} <= set(errs)


def test_unknown_keys_are_named_at_every_level():
    errs = errors({**VALID, "year": 2027, "events": {"offer_sent_on": "2026-10-01"},
                   "agreed": {"offer_days": 3}})
    assert {"year", "events.offer_sent_on", "agreed.offer_days"} <= set(errs)
    assert "Onbekend veld" in errs["year"]


@pytest.mark.parametrize("field", ["atw_analogy", "insurer_intends_to_contract", "policy_change_motivated"])
@pytest.mark.parametrize("value", ["true", 1, 0, "ja"])
def test_bool_fields_must_be_bool_or_null(field, value):
    assert field in errors({**VALID, field: value})


@pytest.mark.parametrize("field", ["atw_analogy", "insurer_intends_to_contract", "policy_change_motivated"])
def test_bool_fields_accept_null(field):
    assert run("deadlines", {**VALID, field: None})["ok"]


@pytest.mark.parametrize("value", [0, -3, 366, 1.5, "14", True])
def test_agreed_periods_are_whole_days_in_range(value):
    assert "agreed.question_period_days" in errors({**VALID, "agreed": {"question_period_days": value}})


def test_events_and_agreed_must_be_objects():
    errs = errors({**VALID, "events": ["2026-10-01"], "agreed": "2026-10-15"})
    assert {"events", "agreed"} <= set(errs)


def test_all_problems_are_reported_at_once():
    errs = errors({"contract_year": "x", "contracting": "y", "today": "z"})
    assert {"contract_year", "contracting", "today"} <= set(errs)


def test_input_that_is_not_an_object_is_an_error():
    assert "inputs" in errors([2027])


def test_compute_raises_invalid_input_with_field_errors():
    with pytest.raises(InvalidInput) as info:
        calculator.compute({"contracting": "digital"})
    assert info.value.errors[0].field == "contract_year"


def test_every_documented_input_field_is_accepted():
    documented = {f.name for f in docs(calculator.QUESTIONS)}
    top = {n for n in documented if "." not in n}
    assert {"contract_year", "contracting", "events.offer_submitted_on", "agreed.offer_deadline",
            "atw_analogy", "today"} <= documented
    assert top >= {"contract_year", "contracting", "insurer_intends_to_contract",
                   "strategy_requested_on", "atw_analogy", "today"}


def test_module_declares_the_spec_interface():
    assert calculator.ID == "deadlines"
    assert calculator.DESCRIPTION and calculator.DEFAULT_INPUTS["contract_year"] == 2027
    assert calculator.NORM_IDS <= {
        "th-nr-038-art-4", "th-nr-038-art-8", "th-nr-038-art-6-lid-1", "th-nr-038-art-6-lid-2",
        "th-nr-038-art-6-lid-4", "th-nr-038-art-7", "th-nr-038-art-5", "richtsnoer-1",
        "richtsnoer-2", "richtsnoer-3", "richtsnoer-5", "richtsnoer-6", "richtsnoer-9",
        "richtsnoer-10", "iza-12-november"}
