"""Properties of art. 7: more turnover, more undertakings or more market share never help."""

from __future__ import annotations

from typing import Any

from hypothesis import assume, given, settings, strategies as st

from zorgcalc import run
from zorgcalc.numbers import format_cents

RANK = {"not-exempt": 0, "incomplete": 1, "exempt": 2}
SETTINGS = settings(max_examples=200, deadline=None)

cents = st.integers(min_value=0, max_value=10_000_000_00)
bp = st.integers(min_value=0, max_value=10_000)
maybe_bool = st.sampled_from([True, False, None])
trade = st.sampled_from(["yes", "no", "unknown", None])


def verdict(inputs: dict[str, Any]) -> str:
    r = run("de-minimis", inputs)
    assert r["ok"], r
    return r["verdict"]


def pct(b: int) -> str:
    return f"{b // 100},{b % 100:02d}"


@st.composite
def scenario(draw) -> dict[str, Any]:
    return {
        "undertakings": draw(st.integers(min_value=2, max_value=20)),
        "all_mainly_goods": draw(maybe_bool),
        "competitors": draw(maybe_bool),
        "affects_trade_between_member_states": draw(trade),
    }


@SETTINGS
@given(scenario(), cents, cents)
def test_more_turnover_never_improves_the_outcome(base, a, b):
    low, high = sorted((a, b))
    v_low = verdict({**base, "combined_turnover_eur": format_cents(low)})
    v_high = verdict({**base, "combined_turnover_eur": format_cents(high)})
    assert RANK[v_high] <= RANK[v_low]


@SETTINGS
@given(scenario(), cents, st.integers(min_value=2, max_value=30), st.integers(min_value=2, max_value=30))
def test_more_undertakings_never_improve_the_outcome(base, turnover, a, b):
    low, high = sorted((a, b))
    base = {**base, "combined_turnover_eur": format_cents(turnover)}
    assert RANK[verdict({**base, "undertakings": high})] <= RANK[verdict({**base, "undertakings": low})]


@SETTINGS
@given(scenario(), cents, st.lists(bp, min_size=1, max_size=4), st.data())
def test_more_market_share_never_improves_the_outcome(base, turnover, shares, data):
    i = data.draw(st.integers(min_value=0, max_value=len(shares) - 1))
    extra = data.draw(st.integers(min_value=0, max_value=10_000 - shares[i]))
    higher = list(shares)
    higher[i] += extra
    base = {**base, "combined_turnover_eur": format_cents(turnover)}
    v_low = verdict({**base, "market_shares_pct": [pct(s) for s in shares]})
    v_high = verdict({**base, "market_shares_pct": [pct(s) for s in higher]})
    assert RANK[v_high] <= RANK[v_low]


@SETTINGS
@given(st.lists(st.integers(min_value=0, max_value=1_000_000_00), min_size=2, max_size=9), st.data())
def test_deducting_mutual_sales_never_worsens_the_outcome(turnovers, data):
    between = data.draw(st.integers(min_value=0, max_value=sum(turnovers)))
    participants = [{"name": f"P{i}", "turnover_eur": format_cents(t), "mainly_goods": False}
                    for i, t in enumerate(turnovers)]
    base = {"participants": participants, "competitors": False}
    with_deduction = verdict({**base, "sales_between_participants_eur": format_cents(between)})
    assert RANK[with_deduction] >= RANK[verdict(base)]


@SETTINGS
@given(st.integers(min_value=2, max_value=8), cents)
def test_lid_1_verdict_matches_the_statute_exactly(n, turnover):
    v = verdict({"undertakings": n, "combined_turnover_eur": format_cents(turnover), "all_mainly_goods": False,
                 "competitors": False})
    assert v == ("exempt" if turnover <= 1_100_000_00 else "not-exempt")


@SETTINGS
@given(st.lists(bp, min_size=1, max_size=5))
def test_lid_2_verdict_matches_the_statute_exactly(shares):
    v = verdict({"undertakings": 9, "competitors": True, "affects_trade_between_member_states": "no",
                 "market_shares_pct": [pct(s) for s in shares]})
    assert v == ("exempt" if max(shares) <= 1000 else "not-exempt")


@SETTINGS
@given(st.lists(st.integers(min_value=0, max_value=2_000_000_00), min_size=2, max_size=8))
def test_participant_list_equals_totals(turnovers):
    participants = [{"turnover_eur": format_cents(t), "mainly_goods": False} for t in turnovers]
    r1 = run("de-minimis", {"participants": participants, "competitors": False})
    r2 = run("de-minimis", {"undertakings": len(turnovers), "combined_turnover_eur": format_cents(sum(turnovers)),
                            "all_mainly_goods": False, "competitors": False})
    assume(r1["ok"] and r2["ok"])
    assert r1["verdict"] == r2["verdict"]
    assert r1["combined_turnover_cents"] == r2["combined_turnover_cents"] == sum(turnovers)
