"""Calculator ids and the modules that implement them; `run` is the one entry point.

Modules are imported lazily so that a page in Pyodide only pays for the calculator it uses.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from .envelope import FieldError, InvalidInput, error_envelope

# id -> module path. The module declares what spec.py describes.
CALCULATORS: dict[str, str] = {
    "deadlines": "zorgcalc.deadlines.calculator",
    "de-minimis": "zorgcalc.safe_harbour.de_minimis",
    "small-providers": "zorgcalc.safe_harbour.small_providers",
    "jzojp": "zorgcalc.safe_harbour.jzojp",
    "insurers": "zorgcalc.safe_harbour.insurers",
    "consortium": "zorgcalc.safe_harbour.consortium",
    "information-sharing": "zorgcalc.safe_harbour.information_sharing",
}


def load(calculator: str) -> ModuleType:
    """The module of a calculator id; KeyError for an unknown id, ImportError if not built yet."""
    return importlib.import_module(CALCULATORS[calculator])


def available() -> list[str]:
    """Ids whose module imports (all of them once every calculator is built)."""
    ids = []
    for cid in CALCULATORS:
        try:
            load(cid)
        except ImportError:
            continue
        ids.append(cid)
    return ids


def _shown(name: str) -> str:
    """A calculator name for a message: quoted, and cut short when it is long."""
    return repr(name) if len(name) <= 60 else repr(name[:60]) + "…"


def run(calculator: Any, inputs: Any) -> dict[str, Any]:
    """Run one calculator. Never raises for any JSON-decodable input: errors come back as an
    error envelope whose every entry names the field."""
    name = calculator if isinstance(calculator, str) else repr(calculator)
    if not isinstance(calculator, str) or calculator not in CALCULATORS:
        known = ", ".join(sorted(CALCULATORS))
        return error_envelope(
            name,
            [FieldError("calculator", f"Onbekende rekenhulp {_shown(name)}. Kies uit: {known}.")],
        )
    try:
        module = load(calculator)
    except ImportError:
        return error_envelope(
            calculator,
            [FieldError("calculator", f"De rekenhulp {calculator!r} is nog niet beschikbaar.")],
        )
    if not isinstance(inputs, dict):
        return error_envelope(
            calculator,
            [FieldError("inputs", "De invoer moet een JSON-object zijn, bijvoorbeeld {\"contract_year\": 2027}.")],
        )
    try:
        return module.compute(inputs)
    except InvalidInput as exc:
        return error_envelope(calculator, exc.errors)
    except RecursionError:
        return error_envelope(
            calculator, [FieldError("inputs", "De invoer is te diep genest om te verwerken.")]
        )
    except Exception as exc:  # a bug must never surface as a traceback to a user
        return error_envelope(
            calculator,
            [
                FieldError(
                    "inputs",
                    "Deze invoer kon niet worden verwerkt door een fout in de rekenhulp "
                    f"({type(exc).__name__}). Meld dit alstublieft; controleer intussen de invoer.",
                )
            ],
        )
