"""The inputs the browser worker runs after the first result to warm the runtime up
(zorgcalc.web.warm_up_inputs; zorgcalc-worker.js, warmUp; issue 16)."""

from __future__ import annotations

import json

import pytest

from zorgcalc.registry import CALCULATORS, load
from zorgcalc.render_html import render_json
from zorgcalc.web import run_json, warm_up_inputs


@pytest.mark.parametrize("calculator", CALCULATORS)
def test_the_warm_up_runs_the_defaults_and_every_example_and_each_computes(calculator):
    module = load(calculator)
    inputs = [json.loads(text) for text in warm_up_inputs(calculator)]
    assert inputs == [module.DEFAULT_INPUTS] + [example.inputs for example in module.EXAMPLES]
    for text in warm_up_inputs(calculator):
        result = json.loads(run_json(calculator, text))
        assert result["ok"], result
        assert render_json(json.dumps(result), "{}")


def test_an_unknown_calculator_gets_no_warm_up_instead_of_an_error():
    assert warm_up_inputs("bestaat-niet") == []
    assert warm_up_inputs(None) == []
