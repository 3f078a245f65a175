"""The safe-harbour calculators against the calculator contract: module metadata, envelopes that
survive arbitrary JSON, norm ids, and the command line (exit 0 on a result, 2 on bad input)."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

from build_scripts.norms import collect
from zorgcalc import run, to_json
from zorgcalc.registry import CALCULATORS
from zorgcalc.questions import Section, docs, top_keys
from zorgcalc.spec import Example, Page, Verdict

IDS = ["de-minimis", "exemption", "small-providers", "jzojp", "insurers", "consortium", "information-sharing",
       "self-audit"]
VERDICTS = {
    "de-minimis": {"exempt", "exempt-with-caution", "not-exempt", "incomplete"},
    "small-providers": {"no-own-initiative-investigation", "outside-conditions", "incomplete"},
    "jzojp": {"no-fine", "outside-policy", "incomplete"},
    "insurers": {"allowed", "not-allowed", "incomplete"},
    "consortium": {"no-objection", "forbidden", "outside-letter", "incomplete"},
    "information-sharing": {"allowed", "not-allowed", "incomplete"},
    "exemption": {"can-substantiate", "cannot-substantiate", "open"},
    "self-audit": {"compliant", "non-compliant", "guidelines-not-followed", "open"},
}
# verdicts that say every condition holds: none of them may rest on an unanswered one
ALL_MET = {"no-own-initiative-investigation", "no-fine", "allowed", "no-objection", "can-substantiate", "compliant"}
BUG_MESSAGE = "fout in de rekenhulp"
REPO = Path(__file__).resolve().parents[2]


def module(cid: str):
    return importlib.import_module(CALCULATORS[cid])


def check_envelope(cid: str, result: dict[str, Any]) -> None:
    assert result["calculator"] == cid
    json.loads(to_json(result))  # serialisable, no Decimal or tuple surprises
    if not result["ok"]:
        assert result["errors"]
        for err in result["errors"]:
            assert isinstance(err["field"], str) and err["field"].strip()
            assert isinstance(err["message"], str) and err["message"].strip()
            assert BUG_MESSAGE not in err["message"], err
        return
    assert result["verdict"] in VERDICTS[cid]
    assert result["summary"] and result["disclaimer"]
    for c in result["conditions"]:
        assert c["met"] in (True, False, None)
        assert c["label"] and c["explanation"] and c["norm"] in module(cid).NORM_IDS
    assert set(result["norms"]) <= module(cid).NORM_IDS
    if result["verdict"] in ("incomplete", "open"):  # an open condition, or nothing chosen yet to ask about
        assert any(c["met"] is None for c in result["conditions"]) or not result["conditions"]
    if result["verdict"] in ALL_MET and cid != "insurers":  # insurers: one route of A, B, C suffices
        assert result["conditions"] and all(c["met"] is True for c in result["conditions"]), result["conditions"]


# --- module metadata ------------------------------------------------------------------------

@pytest.mark.parametrize("cid", IDS)
def test_module_declares_what_spec_lists(cid):
    m = module(cid)
    assert m.ID == cid
    assert isinstance(m.DESCRIPTION, str) and m.DESCRIPTION
    assert callable(m.compute)
    assert m.QUESTIONS and all(isinstance(s, Section) for s in m.QUESTIONS) and docs(m.QUESTIONS)
    assert isinstance(m.PAGE, Page) and set(m.VERDICTS) == VERDICTS[cid]
    assert all(isinstance(v, Verdict) and v.heading and v.label for v in m.VERDICTS.values())
    assert 3 <= len(m.EXAMPLES) <= 8 and all(isinstance(e, Example) and e.title for e in m.EXAMPLES)
    assert isinstance(m.DEFAULT_INPUTS, dict)
    assert isinstance(m.NORM_IDS, frozenset) and m.NORM_IDS


@pytest.mark.parametrize("cid", IDS)
def test_defaults_and_examples_give_results(cid):
    m = module(cid)
    for inputs in [m.DEFAULT_INPUTS] + [e.inputs for e in m.EXAMPLES]:
        r = run(cid, inputs)
        assert r["ok"], r
        check_envelope(cid, r)
        assert not any("kent de rekenhulp niet" in w for w in r["warnings"])
        assert to_json(r) == to_json(run(cid, json.loads(json.dumps(inputs))))  # deterministic


@pytest.mark.parametrize("cid", IDS)
def test_examples_cover_more_than_one_verdict(cid):
    m = module(cid)
    assert len({run(cid, e.inputs)["verdict"] for e in m.EXAMPLES}) >= 2


@pytest.mark.parametrize("cid", IDS)
def test_every_norm_a_calculator_cites_is_a_box_on_the_site(cid):
    defined = {n.id for n in collect()}
    assert module(cid).NORM_IDS <= defined, module(cid).NORM_IDS - defined


# --- arbitrary JSON never raises -------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=20,
)
number_like = st.one_of(
    st.integers(min_value=-10, max_value=10**9), st.floats(), st.sampled_from(
        ["1.100.000", "1.100", "10,5", "1,100,000", "-1", "100,01", "15", "2,3", "", "€ 1,1 mln", "abc", "10,00%"]))


def keyed_inputs(cid: str):
    keys = list(top_keys(module(cid).QUESTIONS))
    value = st.one_of(json_values, number_like, st.lists(number_like, max_size=4),
                      st.lists(st.dictionaries(st.sampled_from(["name", "turnover_eur", "group_turnover_eur",
                                                                "mainly_goods"]), st.one_of(number_like, json_values)),
                               max_size=10),
                      st.sampled_from(["yes", "no", "unknown", "providers", "select-providers", "price-negotiation",
                                       "seh-selection", "maximum-quality-norms", "tariffs"]),
                      st.lists(st.sampled_from(["tariffs", "cost-prices", "price-fixing", "x"]), max_size=3))
    return st.dictionaries(st.sampled_from(keys), value, max_size=len(keys))


@pytest.mark.parametrize("cid", IDS)
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_run_never_raises_on_arbitrary_json(cid, data):
    inputs = data.draw(st.one_of(json_values, keyed_inputs(cid)))
    check_envelope(cid, run(cid, inputs))


# --- command line ---------------------------------------------------------------------------

def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "zorgcalc", *args], input=stdin, capture_output=True,
                          text=True, timeout=60)


def test_cli_json_result_exits_0():
    inputs = module("de-minimis").EXAMPLES[0].inputs
    p = cli("de-minimis", "--input", "-", "--format", "json", stdin=json.dumps(inputs))
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["ok"] and out["verdict"] == "exempt"
    assert p.stdout == to_json(run("de-minimis", inputs)) + "\n"


def test_cli_text_result_is_dutch_and_exits_0():
    p = cli("de-minimis", "--input", "-", "--format", "text",
            stdin=json.dumps({"undertakings": 8, "combined_turnover_eur": "1.100.000", "all_mainly_goods": False}))
    assert p.returncode == 0, p.stderr
    assert "Uitkomst: valt onder de bagatelvoorziening" in p.stdout
    assert "€ 1.100.000,00" in p.stdout and "geen juridisch advies" in p.stdout


def test_cli_invalid_input_exits_2_with_error_envelope_in_json():
    p = cli("de-minimis", "--input", "-", "--format", "json", stdin='{"undertakings": 1}')
    assert p.returncode == 2
    out = json.loads(p.stdout)
    assert not out["ok"] and out["errors"][0]["field"] == "undertakings"


def test_cli_invalid_input_exits_2_with_dutch_message_on_stderr_in_text():
    p = cli("de-minimis", "--input", "-", "--format", "text", stdin='{"combined_turnover_eur": "1,100"}')
    assert p.returncode == 2
    assert p.stderr.startswith("combined_turnover_eur: ") and "dubbelzinnig" in p.stderr
    assert p.stdout == ""


def test_cli_not_json_exits_2():
    assert cli("de-minimis", "--input", "-", stdin="{nope").returncode == 2


@pytest.mark.parametrize("cid", IDS[1:])
def test_cli_runs_every_safe_harbour_calculator(cid):
    for fmt in ("json", "text"):
        p = cli(cid, "--input", "-", "--format", fmt, stdin=json.dumps(module(cid).DEFAULT_INPUTS))
        assert p.returncode == 0, p.stderr


def test_cli_list_shows_the_safe_harbour_calculators():
    p = cli("--list")
    assert p.returncode == 0
    lines = dict(line.split("\t", 1) for line in p.stdout.splitlines())
    for cid in IDS:
        assert lines[cid] == module(cid).DESCRIPTION
