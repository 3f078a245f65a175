"""The JSON envelope every calculator returns (see docs-dev/calculator-contract.md).

Pure data: no I/O. The same envelope is produced natively, at build time and in Pyodide,
so serialisation is fixed here (`to_json`) to keep the three byte-identical.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal, TypedDict

DISCLAIMER = (
    "Deze uitkomst is een indicatie op basis van de gepubliceerde regels en richtsnoeren, "
    "geen juridisch advies. De officiële publicaties gaan voor."
)


class FieldErrorDict(TypedDict):
    field: str
    message: str


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field; `message` is a Dutch sentence naming the field."""

    field: str
    message: str

    def as_dict(self) -> FieldErrorDict:
        return {"field": self.field, "message": self.message}


class InvalidInput(Exception):
    """Raised by a calculator for bad input; `run` turns it into an error envelope."""

    def __init__(self, errors: list[FieldError] | FieldError):
        self.errors = [errors] if isinstance(errors, FieldError) else list(errors)
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in self.errors))


@dataclass(frozen=True)
class Condition:
    """One legal condition, checked: the same object explains the verdict on the page.

    `met` is True, False or None (not answered). `norm` is the id of a norm box on the site.
    `kind` says what binds it where a calculator mixes them: "regulation" (binding) or
    "guideline" (a richtsnoer, not enforceable: Handvatten § 3.2.1); it is left out of the
    JSON when not set.
    """

    id: str
    label: str
    met: bool | None
    norm: str
    explanation: str
    kind: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "met": self.met,
            "norm": self.norm,
            "explanation": self.explanation,
        }
        if self.kind is not None:
            out["kind"] = self.kind
        return out


def fold_kind(conditions: list[Condition], kind: str, broken: str, kept: str) -> str:
    """The state of one kind of norm ("regulation" or "guideline") over the checks entered:
    `broken` on a False, "open" on a None, `kept` when every check holds, "not-checked" when there
    is none."""
    values = [c.met for c in conditions if c.kind == kind]
    if any(v is False for v in values):
        return broken
    if any(v is None for v in values):
        return "open"
    return kept if values else "not-checked"


def split_verdict(regulation: str, guidelines: str) -> str:
    """Binding regulation decides the headline; a richtsnoer not followed is said apart from it
    (Handvatten § 3.2.1: richtsnoeren are not enforceable)."""
    if regulation == "breached":
        return "non-compliant"
    if regulation == "open" or (regulation == "not-checked" and guidelines in ("open", "not-checked")):
        return "open"
    if guidelines == "not-followed":
        return "guidelines-not-followed"
    if guidelines == "open":
        return "open"
    return "compliant"


def all_met(conditions: list[Condition]) -> bool | None:
    """Fold conditions with AND in three-valued logic: False wins, then None, then True."""
    values = [c.met for c in conditions]
    if any(v is False for v in values):
        return False
    if any(v is None for v in values):
        return None
    return True


def any_met(conditions_or_values: list[bool | None]) -> bool | None:
    """Fold with OR in three-valued logic: True wins, then None, then False."""
    if any(v is True for v in conditions_or_values):
        return True
    if any(v is None for v in conditions_or_values):
        return None
    return False


Verdict = str


def result_envelope(
    calculator: str,
    verdict: Verdict,
    summary: str,
    conditions: list[Condition],
    warnings: list[str] | None = None,
    extra: dict[str, Any] | None = None,
    disclaimer: str = DISCLAIMER,
) -> dict[str, Any]:
    """Build a result envelope; `norms` is derived from the conditions, in first-cited order."""
    norms: list[str] = []
    for c in conditions:
        if c.norm not in norms:
            norms.append(c.norm)
    env: dict[str, Any] = {
        "ok": True,
        "calculator": calculator,
        "verdict": verdict,
        "summary": summary,
        "conditions": [c.as_dict() for c in conditions],
        "warnings": list(warnings or []),
        "norms": norms,
        "disclaimer": disclaimer,
    }
    if extra:
        for key, value in extra.items():
            if key in env:
                raise ValueError(f"extra key {key!r} would overwrite the envelope")
            env[key] = value
    return env


def error_envelope(calculator: str, errors: list[FieldError]) -> dict[str, Any]:
    return {"ok": False, "calculator": calculator, "errors": [e.as_dict() for e in errors]}


def to_json(envelope: dict[str, Any]) -> str:
    """The one serialisation used natively, at build time and in the browser worker."""
    return json.dumps(envelope, ensure_ascii=False, indent=2, sort_keys=False)


Format = Literal["json", "text", "ics"]
