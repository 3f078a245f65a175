"""Calculators found, not listed: the registry of calculator ids and their modules; ``run`` is the
one entry point.

A calculator is any module in a subpackage of ``zorgcalc`` (``zorgcalc.<package>.<module>``) that
defines ``ID`` and its own ``compute`` (zorgcalc/spec.py lists what else it declares). The
top-level modules of ``zorgcalc`` are the framework and adapters, never calculators. The registry
is built on first use, in the order of each calculator's ``PAGE.order``; in Pyodide the build-time
memory snapshot already holds every module imported.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from types import ModuleType
from typing import Any

from .envelope import FieldError, InvalidInput, error_envelope


def _is_calculator(module: ModuleType) -> bool:
    compute = getattr(module, "compute", None)
    return isinstance(getattr(module, "ID", None), str) and callable(compute) and \
        getattr(compute, "__module__", None) == module.__name__


@functools.cache
def calculators() -> dict[str, str]:
    """id -> module path of every calculator in the package, in navigation order."""
    root = importlib.import_module(__package__ or "zorgcalc")
    found: dict[str, ModuleType] = {}
    for package in pkgutil.iter_modules(root.__path__, root.__name__ + "."):
        if not package.ispkg:
            continue
        for info in pkgutil.walk_packages(importlib.import_module(package.name).__path__, package.name + "."):
            if info.ispkg or info.name.rsplit(".", 1)[-1].startswith("_"):
                continue
            module = importlib.import_module(info.name)  # a module that fails to import fails loudly
            if _is_calculator(module):
                if module.ID in found:
                    raise RuntimeError(f"two calculators declare ID {module.ID!r}: "
                                       f"{found[module.ID].__name__} and {module.__name__}")
                found[module.ID] = module
    ordered = sorted(found.values(), key=lambda m: (m.PAGE.order, m.ID))
    return {m.ID: m.__name__ for m in ordered}


def __getattr__(name: str) -> Any:
    if name == "CALCULATORS":  # kept for callers that read the registry as a mapping
        return calculators()
    raise AttributeError(name)


def load(calculator: str) -> ModuleType:
    """The module of a calculator id; KeyError for an unknown id."""
    return importlib.import_module(calculators()[calculator])


def available() -> list[str]:
    """Ids of every calculator found."""
    return list(calculators())


def _shown(name: str) -> str:
    """A calculator name for a message: quoted, and cut short when it is long."""
    return repr(name) if len(name) <= 60 else repr(name[:60]) + "…"


def run(calculator: Any, inputs: Any) -> dict[str, Any]:
    """Run one calculator. Never raises for any JSON-decodable input: errors come back as an
    error envelope whose every entry names the field."""
    name = calculator if isinstance(calculator, str) else repr(calculator)
    if not isinstance(calculator, str) or calculator not in calculators():
        known = ", ".join(sorted(calculators()))
        return error_envelope(
            name,
            [FieldError("calculator", f"Onbekende rekenhulp {_shown(name)}. Kies uit: {known}.")],
        )
    module = load(calculator)
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
