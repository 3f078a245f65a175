"""Input sets for the browser/native parity test: the calculator's defaults and examples, then
random variations of every form field (valid, boundary and invalid values), from a fixed seed so
a failure can be reproduced. Driven by the form specs, so every field a user can touch is varied."""

from __future__ import annotations

import copy
import random
from typing import Any

from zorgcalc.questions import concrete, set_path, walk
from zorgcalc.registry import load

POOLS: dict[str, list[Any]] = {
    "int": [2027, 2025, 2024, 2029, 8, 9, 2, 1, 0, -1, "2028", "20x8", 3.5, None, True, 28, 42, 14, 27, 43],
    "text": ["Zorggroep Noord", "", "Ünïcødé & <b>", 5],
    "date": ["2026-10-01", "2026-10-02", "2026-09-30", "2028-02-29", "2027-02-29", "2026-04-01", "2026-04-02",
             "2026-11-12", "2025-12-31", "01-10-2026", "", None, 20261001],
    "money": ["1.100.000", "1.100.000,00", "1100000,01", "1100000", "5.500.000", "999999,99", 1100000, 1100000.01,
              "420.000", "1.100", "1,1 mln", "-5", "abc", "€ 250.000,00", None],
    "percent": ["10", "10,00", "10,01", "9,99", "15", "14,99", "2,3", 2.3, 6.1, 6.6, "101", "-1", "abc", "10.5", None],
    "bool3": [True, False, None, "ja", 1],
    "check": [True, False],
}


def input_sets(calculator: str, count: int = 50, seed: int = 20261123) -> list[dict]:
    module = load(calculator)
    rng = random.Random(f"{calculator}-{seed}")
    bases = [module.DEFAULT_INPUTS] + [ex.inputs for ex in module.EXAMPLES]
    sets = [copy.deepcopy(b) for b in bases]
    # every question a user can touch; a list question varies its first row, as before
    fields = [(concrete(e.path, 0), e.question) for e in walk(module.QUESTIONS) if not e.question.form_only]
    while len(sets) < count:
        inputs = copy.deepcopy(rng.choice(bases))
        for path, q in rng.sample(fields, k=min(len(fields), rng.randint(1, 4))):
            if q.kind in ("choice", "multi"):
                options = [o for o, _ in q.options] + ["onbekend"]
                value: Any = (rng.choice(options) if q.kind == "choice"
                              else rng.sample(options[:-1], k=rng.randint(0, len(options) - 1)))
            else:
                value = rng.choice(POOLS[q.kind])
            if value is None and rng.random() < 0.5:
                continue
            set_path(inputs, path, value)
        sets.append(inputs)
    return sets
