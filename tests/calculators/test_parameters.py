"""One parameter model (issue 12): every legal value is a dated ``Parameter`` with one kind of
``Reference``, and every text a calculator shows is built from the value, never typed beside it.

Two proofs. Changing each parameter makes its old value vanish from every output of every
calculator (JSON, text and HTML of all examples), unless another, unchanged parameter has the same
value. And no string in the calculators' code (outside the params modules, docstrings and comments)
spells a legal value.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
from pathlib import Path

import pytest

from zorgcalc import run
from zorgcalc.deadlines import atw_data
from zorgcalc.deadlines import params as deadline_params
from zorgcalc.deadlines.dutch import MONTHS
from zorgcalc.numbers import format_bp, format_cents, format_euros, format_percent
from zorgcalc.parameters import Parameter, Reference, Value
from zorgcalc.registry import calculators, load
from zorgcalc.render_html import render
from zorgcalc.safe_harbour import params as safe_params

PACKAGE = Path(__file__).resolve().parents[2] / "calculators" / "zorgcalc"
PARAMETERS: list[Parameter] = [*safe_params.ALL_PARAMETERS, *deadline_params.FIXED_DEADLINES,
                               *deadline_params.PERIODS, atw_data.MIN_WORKING_DAYS, atw_data.MAX_TERM["weeks"]]
CONTRACT_YEARS = (2027, 2029)  # the years the examples use


def texts_of(p: Parameter, value) -> set[str]:
    """How a value reads in an output."""
    if isinstance(p, deadline_params.FixedDeadline):
        month, day = value
        return {f"{day} {MONTHS[month - 1]}"} | {dt.date(y - 1, month, day).isoformat() for y in CONTRACT_YEARS}
    if p is atw_data.MIN_WORKING_DAYS:
        return {f"{deadline_params.NUMBER_WORDS[value]} werkdagen"}
    if isinstance(p, deadline_params.Period) or p is atw_data.MAX_TERM["weeks"]:
        word = deadline_params.NUMBER_WORDS[value]
        unit = "weken" if p.unit == "weeks" else "dagen"
        return {f"{word} {unit}", f"{value} {unit}"}
    if p.unit == "cent":
        return {format_cents(value), format_euros(value)}
    if p.unit == "basispunt":
        return {format_bp(value), format_percent(value), format_percent(value).replace("%", " procent")}
    return {f"{value} ondernemingen", f"grens is {value}"}


def changed(p: Parameter):
    old = p.at()
    if isinstance(p, deadline_params.FixedDeadline):
        month, day = old
        return (month, day + 2 if day <= 26 else day - 2)
    return old + (1 if p.unit in ("weeks", "days", "ondernemingen") else 37_00 if p.unit == "cent" else 150)


def test_the_holidays_and_decree_days_are_parameters_too():
    """Koningsdag moved in 2014: one parameter with two dated values; a decree covers its years."""
    assert atw_data.ROYAL_DAY.at(dt.date(2013, 6, 1)).name == "Koninginnedag"
    assert atw_data.ROYAL_DAY.at(dt.date(2014, 1, 1)).name == "Koningsdag"
    assert all(isinstance(h, Parameter) for h in (*atw_data.FIXED_HOLIDAYS, *atw_data.EASTER_HOLIDAYS, *atw_data.DECREES))
    assert atw_data.DECREES[-1].years_covered == (2026, 2027, 2028)


# Beside the examples: a row that shows only when its event is given.
EXTRA = [("deadlines", {"contract_year": 2027, "contracting": "face-to-face",
                        "events": {"offer_received_on": "2026-09-30"}})]


def outputs() -> str:
    """Every output of every calculator's examples (and EXTRA), as one text."""
    parts = []
    for cid, inputs in [(cid, ex.inputs) for cid in calculators() for ex in load(cid).EXAMPLES] + EXTRA:
        result = run(cid, inputs)
        parts += [json.dumps(result, ensure_ascii=False), render(result)]
        if result["ok"] and hasattr(load(cid), "to_text"):
            parts.append(load(cid).to_text(result))
    return "\n".join(parts)


def set_values(p: Parameter, values: tuple[Value, ...]) -> None:
    object.__setattr__(p, "values", values)  # in place: every holder of the parameter sees it


def sharing(p: Parameter) -> list[Parameter]:
    """p and every parameter whose value reads the same (1 April is two deadlines): they change together."""
    group = [p]
    for q in PARAMETERS:
        if q not in group and texts_of(q, q.at()) & set().union(*(texts_of(g, g.at()) for g in group)):
            group.append(q)
    return group


def count(texts: set[str], text: str) -> int:
    return sum(text.count(t) for t in texts)


@pytest.mark.parametrize("p", PARAMETERS, ids=lambda p: p.name)
def test_changing_the_parameter_changes_every_output_that_shows_it(p):
    """The value shows less often after the change (what stays comes from inputs equal to the old
    limit, such as an example exactly at the boundary), and the new value shows instead. Together
    with the check below that no code string spells a legal value, the texts follow the parameter."""
    group = sharing(p)
    saved = [q.values for q in group]
    old_texts = set().union(*(texts_of(q, q.at()) for q in group))
    old_texts -= set().union(set(), *(texts_of(q, q.at()) for q in PARAMETERS if q not in group))
    new_texts = set().union(*(texts_of(q, changed(q)) for q in group))
    before = outputs()
    if p.name == "cartel.min_undertakings":  # a lower bound of the input, shown only in an error
        before = json.dumps(run("de-minimis", {"participants": [{"name": "A"}]}), ensure_ascii=False)
    assert count(old_texts, before) > 0, f"{p.name}: its value shows in no output, so this proves nothing"
    try:
        for q in group:
            set_values(q, (Value(changed(q)),))
        after = outputs() if p.name != "cartel.min_undertakings" else json.dumps(
            run("de-minimis", {"participants": [{"name": "A"}, {"name": "B"}]}), ensure_ascii=False)
    finally:
        for q, values in zip(group, saved):
            set_values(q, values)
    assert count(old_texts, after) < count(old_texts, before), f"{p.name}: the old value reads as often as before"
    assert count(new_texts, after) > count(new_texts, before), f"{p.name}: the new value does not show"


@pytest.mark.parametrize("p", PARAMETERS, ids=lambda p: p.name)
def test_every_parameter_has_dated_values_and_a_reference(p):
    assert p.values and all(isinstance(v, Value) for v in p.values)
    assert isinstance(p.reference, Reference) and p.reference.cite()
    assert p.at(dt.date(2026, 6, 1)) == p.at()


def test_a_parameter_gives_the_value_on_the_date_that_applies():
    p = safe_params.TURNOVER_CAP_SERVICES
    dated = Parameter("test", (Value(908_000_00, until=dt.date(2007, 6, 30)), Value(1_100_000_00, since=dt.date(2007, 7, 1))),
                      p.reference)
    assert dated.at(dt.date(2007, 6, 30)) == 908_000_00
    assert dated.at(dt.date(2007, 7, 1)) == 1_100_000_00
    assert dated.at() == 1_100_000_00
    with pytest.raises(ValueError):
        Parameter("test", (Value(1, since=dt.date(2020, 1, 1)),), p.reference).at(dt.date(2019, 12, 31))


def _code_strings(path: Path) -> list[str]:
    """String constants of a module that are not docstrings, nor the title of an example: a title
    such as "samen precies € 1.100.000 omzet" describes the example's own fixed inputs."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
            and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    skip |= {id(node.args[0]) for node in ast.walk(tree) if isinstance(node, ast.Call)
             and getattr(node.func, "id", None) == "Example" and node.args and isinstance(node.args[0], ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip]


def test_no_string_in_the_calculators_spells_a_legal_value():
    spelled = set().union(*(texts_of(p, p.at()) for p in PARAMETERS))
    spelled = {t for t in spelled if not t[:4].isdigit()}  # ISO dates are values, not wording
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.name in ("params.py", "atw_data.py"):
            continue
        for text in _code_strings(path):
            found += [(path.relative_to(PACKAGE).as_posix(), t) for t in spelled if t in text]
    assert found == []
