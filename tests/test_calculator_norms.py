"""Text and code point at each other: every norm id a calculator can cite is a norm box on the
site (docs-dev/style.md, "The rule beside its text"), and no result cites an id outside its NORM_IDS."""

from __future__ import annotations

import pytest

from build_scripts.norms import collect
from zorgcalc import run
from zorgcalc.registry import CALCULATORS, available

SITE_IDS = {n.id for n in collect()}
BUILT = available()


def test_every_calculator_of_the_contract_is_built():
    assert sorted(BUILT) == sorted(CALCULATORS)


@pytest.mark.parametrize("calculator", BUILT)
def test_every_norm_a_calculator_can_cite_is_a_box_on_the_site(calculator):
    from zorgcalc.registry import load

    cited = set(load(calculator).NORM_IDS)
    assert cited, f"{calculator} declares no NORM_IDS"
    assert cited - SITE_IDS == set()


@pytest.mark.parametrize("calculator", BUILT)
def test_results_cite_only_declared_norms(calculator):
    from zorgcalc.registry import load

    module = load(calculator)
    for inputs in [module.DEFAULT_INPUTS] + [ex.inputs for ex in module.EXAMPLES]:
        result = run(calculator, inputs)
        assert result["ok"], result
        cited = set(result["norms"]) | {c["norm"] for c in result["conditions"]}
        for key in ("deadlines", "items"):
            cited |= {d["norm"] for d in result.get(key, []) if d.get("norm")}
        assert cited <= set(module.NORM_IDS), cited - set(module.NORM_IDS)
