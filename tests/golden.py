"""Record the JSON, text and HTML of every calculator's examples and generated parity inputs, to show that a
refactor changes no output (issue 12). Not a test: a tool for before/after comparisons.

    make golden                      # writes build/golden/outputs.json (and inputs.json once)
    cmp build/golden/outputs.json build/golden/before.json

The inputs are frozen in build/golden/inputs.json the first time, so changed examples or default
inputs do not change what is compared."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from zorgcalc.registry import CALCULATORS, load
from zorgcalc.render_html import render
from zorgcalc.web import run_json

from tests.browser.generated_inputs import input_sets

OUT = Path(__file__).resolve().parents[1] / "build" / "golden"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    frozen = OUT / "inputs.json"
    if not frozen.exists():
        cases = [(cid, s) for cid in CALCULATORS for s in input_sets(cid)]
        cases += [(cid, ex.inputs) for cid in CALCULATORS for ex in load(cid).EXAMPLES]
        frozen.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    cases = json.loads(frozen.read_text(encoding="utf-8"))
    outputs = []
    for cid, inputs in cases:
        result = json.loads(run_json(cid, json.dumps(inputs)))
        module = load(cid)
        text = module.to_text(result) if result.get("ok") and hasattr(module, "to_text") else None
        outputs.append({"json": result, "text": text, "html": render(result, {}, "../../", False)})
    (OUT / "outputs.json").write_text(json.dumps(outputs, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"golden: {len(outputs)} outputs in {OUT / 'outputs.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
