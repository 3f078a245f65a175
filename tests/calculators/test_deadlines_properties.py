"""Properties of the deadlines calculator over generated inputs (Hypothesis)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zorgcalc import run
from zorgcalc.deadlines import calculator
from zorgcalc.deadlines.inputs import AGREED_DATE_FIELDS, AGREED_DAYS_FIELDS, DATE_ORDERS, EVENT_FIELDS, TOP_FIELDS
from zorgcalc.envelope import InvalidInput

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12)
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
iso_dates = st.dates(dt.date(2000, 1, 1), dt.date(2101, 12, 31)).map(dt.date.isoformat)
# Values that are sometimes right and sometimes wrong for every known field.
field_values = json_values | iso_dates | st.integers(2010, 2105) | st.sampled_from(["face-to-face", "digital"])


def valid_inputs() -> st.SearchStrategy[dict[str, Any]]:
    def around(year: int) -> st.SearchStrategy[str]:
        return st.dates(dt.date(year - 2, 1, 1), dt.date(year, 12, 31)).map(dt.date.isoformat)

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        year = draw(st.integers(2015, 2100))
        inputs: dict[str, Any] = {"contract_year": year,
                                  "contracting": draw(st.sampled_from(["face-to-face", "digital"]))}
        events = draw(st.dictionaries(st.sampled_from(EVENT_FIELDS), around(year), max_size=6))
        for earlier, later, _ in DATE_ORDERS:  # possible orders only: a reply never before receipt
            if earlier in events and later in events and events[later] < events[earlier]:
                events[later] = events[earlier]
        inputs["events"] = events
        agreed = draw(st.dictionaries(st.sampled_from(AGREED_DATE_FIELDS), around(year), max_size=2))
        agreed.update(draw(st.dictionaries(st.sampled_from(AGREED_DAYS_FIELDS), st.integers(1, 365), max_size=2)))
        inputs["agreed"] = agreed
        for key in ("atw_analogy", "insurer_intends_to_contract", "policy_change_motivated", "methods_used"):
            if draw(st.booleans()):
                inputs[key] = draw(st.none() | st.booleans())
        if draw(st.booleans()):
            inputs["today"] = draw(around(year))
        if draw(st.booleans()):
            inputs["strategy_requested_on"] = draw(around(year))
        return inputs

    return build()


def assert_well_formed_errors(out: dict[str, Any]) -> None:
    assert out["errors"]
    for err in out["errors"]:
        assert isinstance(err["field"], str) and err["field"].strip()
        assert isinstance(err["message"], str) and err["message"].strip()
        assert "fout in de rekenhulp" not in err["message"], err  # no internal error


@SETTINGS
@given(json_values)
def test_run_never_raises_for_arbitrary_json(value):
    out = run("deadlines", value)
    if not out["ok"]:
        assert_well_formed_errors(out)


@SETTINGS
@given(st.dictionaries(st.sampled_from(TOP_FIELDS + ("extra",)), field_values, max_size=8))
def test_known_keys_with_arbitrary_values_give_a_result_or_named_errors(value):
    out = run("deadlines", value)
    if not out["ok"]:
        assert_well_formed_errors(out)


@SETTINGS
@given(valid_inputs())
def test_valid_inputs_always_give_a_result(inputs):
    out = run("deadlines", inputs)
    assert out["ok"], out


@SETTINGS
@given(valid_inputs())
def test_deadlines_are_sorted_by_date(inputs):
    dates = [d["date"] for d in run("deadlines", inputs)["deadlines"]]
    assert dates == sorted(dates)


@SETTINGS
@given(valid_inputs())
def test_calendar_deadlines_fall_in_the_year_before_the_contract_year(inputs):
    out = run("deadlines", inputs)
    for d in out["deadlines"]:
        if d["basis"] == "calendar":
            assert d["date"].startswith(f"{inputs['contract_year'] - 1}-"), d


@SETTINGS
@given(valid_inputs())
def test_output_fields_have_the_contract_values(inputs):
    out = run("deadlines", inputs)
    assert out["verdict"] in ("compliant", "non-compliant", "guidelines-not-followed", "open")
    seen = set()
    for d in out["deadlines"]:
        assert d["id"] not in seen
        seen.add(d["id"])
        assert d["kind"] in ("regulation", "guideline", "target")
        assert d["actor"] in ("insurer", "provider", "both")
        assert d["status"] in calculator.STATUSES
        assert d["norm"] in calculator.NORM_IDS
        assert (d["days_left"] is None) == ("today" not in inputs)
        if d["atw_date"] is not None:
            assert inputs.get("atw_analogy") is True
            assert d["atw_date"] > d["date"]
    assert set(out["norms"]) <= calculator.NORM_IDS
    if any(c["met"] is False and c["kind"] == "regulation" for c in out["conditions"]):
        assert out["verdict"] == "non-compliant"


# The act whose entered date alone can make a row "missed".
EVIDENCE = {"policy": ["policy_published_on"], "strategy": ["strategy_shared_on"],
            "offer": ["offer_submitted_on"], "proposal": ["proposal_sent_on"],
            "proposal-period": ["proposal_reply_by"], "offer-period": ["offer_reacted_on"],
            "question": ["question_answered_on", "question_notice_on"], "policy-change": ["policy_changed_on"]}


@SETTINGS
@given(valid_inputs())
def test_missed_never_appears_without_an_entered_date(inputs):
    for d in run("deadlines", inputs)["deadlines"]:
        if d["status"] == "missed":
            assert any(inputs["events"].get(f) for f in EVIDENCE[d["id"]]), d


@SETTINGS
@given(valid_inputs())
def test_a_verdict_never_rests_on_a_condition_that_is_null(inputs):
    out = run("deadlines", inputs)
    unknown = {c["kind"] for c in out["conditions"] if c["met"] is None}
    if "regulation" in unknown:
        assert out["verdict"] in ("non-compliant", "open")
    if unknown:
        assert out["verdict"] != "compliant"


@SETTINGS
@given(valid_inputs())
def test_a_guideline_only_miss_never_gives_the_regulation_breach_verdict(inputs):
    out = run("deadlines", inputs)
    if not any(c["met"] is False and c["kind"] == "regulation" for c in out["conditions"]):
        assert out["verdict"] != "non-compliant" and out["regulation"] != "breached"


@SETTINGS
@given(valid_inputs())
def test_flags_never_move_a_date(inputs):
    plain = run("deadlines", {**inputs, "atw_analogy": False})
    analog = run("deadlines", {**inputs, "atw_analogy": True})
    assert [(d["id"], d["date"], d["status"]) for d in plain["deadlines"]] == \
           [(d["id"], d["date"], d["status"]) for d in analog["deadlines"]]
    assert plain["verdict"] == analog["verdict"]


@SETTINGS
@given(json_values)
def test_compute_only_raises_invalid_input(value):
    if not isinstance(value, dict):
        return
    try:
        calculator.compute(value)
    except InvalidInput as exc:
        assert exc.errors
