"""Adapter for the browser worker (Pyodide) and the build: JSON text in, JSON text out.

The worker calls ``run_json`` with the calculator id and the inputs as JSON text; the build and
the parity tests call the same function natively, so the bytes the page shows are the bytes the
tests compare.
"""

from __future__ import annotations

import json

from .envelope import FieldError, error_envelope, to_json
from .registry import run


def run_json(calculator: str, inputs_json: str) -> str:
    try:
        inputs = json.loads(inputs_json)
    except (json.JSONDecodeError, TypeError, RecursionError):
        return to_json(error_envelope(str(calculator), [
            FieldError("inputs", "De invoer is geen geldige JSON.")]))
    return to_json(run(calculator, inputs))


def ics(calculator: str, inputs_json: str) -> str:
    """The calendar file of a calculator that has one (``to_ics``); '' for invalid input."""
    from .registry import load

    result = json.loads(run_json(calculator, inputs_json))
    to_ics = getattr(load(calculator), "to_ics", None) if result.get("ok") else None
    return to_ics(result) if to_ics else ""
