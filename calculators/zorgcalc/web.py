"""Adapter for the browser worker (Pyodide) and the build: JSON text in, JSON text out.

The worker calls ``run_json`` with the calculator id and the inputs as JSON text; the build and
the parity tests call the same function natively, so the bytes the page shows are the bytes the
tests compare. Neither function raises, for any input: bad input is a Dutch error envelope.
"""

from __future__ import annotations

import json
from typing import Any

from .envelope import FieldError, error_envelope, to_json
from .registry import run

# Far above anything the forms can produce (the page caps its state at 64 KiB of link text), and
# small enough that json.loads never spends noticeable time or memory on it.
MAX_INPUT_CHARS = 1_000_000


class UnreadableInput(Exception):
    """The inputs are no JSON this adapter will read; ``str(exc)`` is a Dutch sentence."""


def parse_inputs(text: Any) -> Any:
    """``json.loads`` that raises only ``UnreadableInput``, with a Dutch message, for any input."""
    if not isinstance(text, str):
        raise UnreadableInput("De invoer is geen geldige JSON.")
    if len(text) > MAX_INPUT_CHARS:
        raise UnreadableInput(f"De invoer is te groot (meer dan {MAX_INPUT_CHARS:,} tekens).".replace(",", "."))
    try:
        return json.loads(text)
    except RecursionError:
        raise UnreadableInput("De invoer is te diep genest om te verwerken.") from None
    except json.JSONDecodeError as exc:
        raise UnreadableInput(f"De invoer is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}).") from None
    except ValueError:  # e.g. an integer of more than 4,300 digits (Python's int/str limit)
        raise UnreadableInput("De invoer bevat een getal met te veel cijfers.") from None


def _safe_json(envelope: dict[str, Any], calculator: str) -> str:
    """``to_json``, or an error envelope when the result cannot be serialised (never raises)."""
    try:
        return to_json(envelope)
    except (ValueError, TypeError, RecursionError):
        return to_json(error_envelope(calculator, [FieldError(
            "inputs", "De uitkomst voor deze invoer kon niet worden weergegeven. Controleer de invoer.")]))


def run_json(calculator: str, inputs_json: str) -> str:
    """Run a calculator on JSON text; always returns an envelope as JSON text."""
    name = calculator if isinstance(calculator, str) and len(calculator) <= 100 else "?"
    try:
        inputs = parse_inputs(inputs_json)
    except UnreadableInput as exc:
        return to_json(error_envelope(name, [FieldError("inputs", str(exc))]))
    return _safe_json(run(calculator, inputs), name)


def ics(calculator: str, inputs_json: str) -> str:
    """The calendar file of a calculator that has one (``to_ics``); '' for invalid input."""
    from .registry import load

    result = json.loads(run_json(calculator, inputs_json))
    to_ics = getattr(load(calculator), "to_ics", None) if result.get("ok") else None
    return to_ics(result) if to_ics else ""


def warm_up_inputs(calculator: str) -> list[str]:
    """The inputs the browser worker runs while the visitor has not changed anything yet, as JSON
    text: the calculator's defaults and its examples ([] for an unknown id). The first changes
    after a start ran 2.5x slower than later ones (bench, deadlines: Python 5.1 ms against 2.1 ms,
    16 of the first 50 changes past one frame against 0-4 of later fifties) while the runtime's
    code was still being compiled to its fast tier; running these first takes that cost while
    nobody waits (zorgcalc-worker.js, warmUp; issue 16)."""
    from .registry import load

    try:
        module = load(calculator)
    except (KeyError, TypeError):
        return []
    return [json.dumps(module.DEFAULT_INPUTS, ensure_ascii=False)] + [
        json.dumps(example.inputs, ensure_ascii=False) for example in module.EXAMPLES]
