"""zorgcalc: the calculators of the zorgcontractering site (pure Python, runs in Pyodide).

Entry point: ``run(calculator, inputs) -> dict`` (see docs-dev/calculator-contract.md).
"""

from .envelope import to_json
from .registry import calculators, run

__all__ = ["calculators", "run", "to_json"]
__version__ = "0.1.0"
