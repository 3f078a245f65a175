"""Helpers shared by the safe-harbour calculators: reading answers, yes/no conditions,
collecting input errors, and the Dutch text rendering.

Answers are three-valued: ``True``, ``False`` or ``None`` (not answered; a missing key counts as
``None``). A condition whose answer is ``None`` has ``met=None``, and a verdict that depends on it
is "incomplete" (docs-dev/calculator-contract.md, Envelope).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from ..envelope import Condition, FieldError, InvalidInput
from ..questions import NOT_ANSWERED, Question, Section, top_keys, walk
from ..spec import Verdict

T = TypeVar("T")

# The verdict every safe-harbour calculator gives while an answer it needs is missing.
INCOMPLETE = Verdict("Nog niet te beoordelen: er ontbreken antwoorden", "nog niet te beoordelen", "neutral")


class Errors:
    """Collect every input problem first, then raise them together (one error envelope that
    names each field, instead of only the first)."""

    def __init__(self) -> None:
        self.items: list[FieldError] = []

    def add(self, field: str, message: str) -> None:
        self.items.append(FieldError(field, message))

    def attempt(self, fn: Callable[[], T]) -> T | None:
        """Run one parse; on InvalidInput record its errors and return None."""
        try:
            return fn()
        except InvalidInput as exc:
            self.items.extend(exc.errors)
            return None

    def raise_if_any(self) -> None:
        if self.items:
            raise InvalidInput(self.items)


def read_bool(inputs: Mapping[str, Any], key: str, label: str, errors: Errors,
              field: str | None = None) -> bool | None:
    """A yes/no answer: JSON true/false, or null/missing for 'not answered'."""
    value = inputs.get(key)
    if value is None or isinstance(value, bool):
        return value
    errors.add(field or key, _named(label, "antwoord met ja (true), nee (false) of laat leeg (null)."))
    return None


def field_label(q: Question) -> str:
    """How an error message names a question: the question as the form asks it, without its number."""
    return re.sub(r"^\d+\.\s+", "", q.label).rstrip(":")


def _named(label: str, message: str) -> str:
    """'Label: message.', or 'Question? Message.' when the label is a question."""
    return f"{label} {message[:1].upper()}{message[1:]}" if label.endswith("?") else f"{label}: {message}"


def read_answers(inputs: Mapping[str, Any], sections: tuple[Section, ...], errors: Errors) -> dict[str, bool | None]:
    """Every top-level yes/no question of ``sections``, by key, read three-valued."""
    return {e.path: read_bool(inputs, e.path, field_label(e.question), errors)
            for e in walk(sections) if e.question.kind == "bool3" and e.repeated is None and "." not in e.path}


def unknown_inputs_warning(inputs: Mapping[str, Any], sections: tuple[Section, ...]) -> list[str]:
    """:func:`unknown_keys_warning` for the keys the declarations name."""
    return unknown_keys_warning(inputs, top_keys(sections))


def read_choice(inputs: Mapping[str, Any], key: str, label: str, choices: Mapping[str, str],
                errors: Errors, *, required: bool = False) -> str | None:
    """One of a fixed set of strings; ``choices`` maps each allowed value to its Dutch label."""
    value = inputs.get(key)
    if value is None:
        if required:
            options = ", ".join(f'"{k}" ({v})' for k, v in choices.items())
            errors.add(key, _named(label, f"kies een van {options}."))
        return None
    if isinstance(value, str) and value in choices:
        return value
    options = ", ".join(f'"{k}"' for k in choices)
    errors.add(key, _named(label, f"onbekende keuze. Kies een van {options}."))
    return None


def unknown_keys_warning(inputs: Mapping[str, Any], known: Iterable[str]) -> list[str]:
    """A Dutch warning for keys this calculator does not use (typos would otherwise be
    silently ignored and show up as 'not answered')."""
    extra = sorted(str(k) for k in inputs if k not in set(known))
    if not extra:
        return []
    shown = ", ".join(extra[:8]) + (" …" if len(extra) > 8 else "")
    return [f"Deze invoervelden kent de rekenhulp niet en zijn genegeerd: {shown}."]


def answer_condition(
    id: str,
    label: str,
    answer: bool | None,
    norm: str,
    *,
    expected: bool = True,
    met_text: str,
    unmet_text: str,
    missing_text: str = NOT_ANSWERED,
) -> Condition:
    """A condition that is one yes/no answer. ``expected`` is the answer the norm asks for
    (``False`` for a forbidden element such as 'dividing clients')."""
    if answer is None:
        return Condition(id, label, None, norm, missing_text)
    met = answer is expected
    return Condition(id, label, met, norm, met_text if met else unmet_text)


def missing_labels(conditions: Iterable[Condition]) -> list[str]:
    """Labels of the unanswered conditions, in order, without duplicates."""
    labels: list[str] = []
    for c in conditions:
        if c.met is None and c.label not in labels:
            labels.append(c.label)
    return labels


def incomplete_summary(conditions: Iterable[Condition], prefix: str = "Nog niet te beoordelen") -> str:
    """One Dutch sentence naming what is missing."""
    labels = missing_labels(conditions)
    if not labels:
        return f"{prefix}: er ontbreekt nog informatie."
    return f"{prefix}; nog open: {join_nl([f'‘{label}’' for label in labels])}."


def join_nl(items: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " en " + items[-1]


def lower_first(label: str) -> str:
    """A label inside a sentence: 'De OVA als startpunt' -> 'de OVA als startpunt'; only the first
    letter, so a name or an abbreviation keeps its capitals ('de Inspectie')."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def add_norms(envelope: dict[str, Any], norms: Iterable[str]) -> dict[str, Any]:
    """Cite norms that a warning (not a condition) rests on, after the conditions' norms."""
    for norm in norms:
        if norm not in envelope["norms"]:
            envelope["norms"].append(norm)
    return envelope


MARK = {True: "voldaan", False: "niet voldaan", None: "niet beantwoord"}


def render_text(result: dict[str, Any], verdicts: Mapping[str, Verdict],
                extra_lines: Iterable[str] = ()) -> str:
    """Plain Dutch text of an envelope: verdict, summary, conditions, extra lines, warnings."""
    known = verdicts.get(result["verdict"])
    verdict = known.label if known else result["verdict"]
    lines = [f"Uitkomst: {verdict}", result["summary"], ""]
    for c in result["conditions"]:
        lines.append(f"- [{MARK[c['met']]}] {c['label']}: {c['explanation']} (norm: {c['norm']})")
    extra = list(extra_lines)
    if extra:
        lines += [""] + extra
    if result["warnings"]:
        lines.append("")
        lines += [f"! {w}" for w in result["warnings"]]
    lines += ["", result["disclaimer"]]
    return "\n".join(lines) + "\n"
