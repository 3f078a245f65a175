"""Questions as data: each calculator declares each input once (docs-dev/calculator-contract.md,
"Questions").

A :class:`Question` carries everything said about one input: its key, its kind, the Dutch question
the form asks, the help text, when it is shown, the norm it rests on and, for a yes/no question that
is itself a legal condition, that condition's id, label and explanations (:class:`Claim`). Parsing,
the interface page, the generated form and the condition labels are all derived from it, after
OpenFisca's ``Variable``, which keeps type, label and reference in one place.

A calculator groups its questions in :class:`Section` s (a fieldset on the form) and declares them
as ``QUESTIONS``. This module is data and pure helpers only: the HTML is made by
build_scripts/forms.py, which knows no calculator.

Input paths. A question's full path is written ``a.b`` for a key inside an object and ``a[]`` or
``a[].b`` for every element of a list; a concrete path has an index, ``a[2].b``. :func:`parse_path`
is the one reader of that grammar; the page script takes the path segments from the form
(``data-keys``) and never parses a path itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .envelope import Condition

Kind = Literal["int", "text", "date", "money", "percent", "bool3", "check", "choice", "multi"]
Options = tuple[tuple[str, str], ...]
ShownWhen = tuple[str, tuple[str, ...]]  # (other question's path, its values): only then relevant

NOT_ANSWERED = "Nog niet beantwoord."
YES_NO_UNKNOWN: Options = (("true", "ja"), ("false", "nee"), ("null", "weet ik niet"))

# How each kind is named in the interface documentation.
KIND_DOC: dict[str, str] = {
    "int": "geheel getal", "text": "tekst", "date": "datum: 3-10-2026, 3 oktober 2026 of 2026-10-03 (ISO)", "money": "bedrag in euro",
    "percent": "percentage", "bool3": "ja/nee (true, false of null)", "check": "ja/nee (true of false)",
    "choice": "keuze", "multi": "lijst van keuzes",
}


@dataclass(frozen=True)
class Claim:
    """The legal condition a yes/no question is: its id and label in the result, the explanation
    for each answer, and the answer the norm asks for (``False`` for a forbidden element)."""

    id: str
    label: str
    met: str
    unmet: str
    expected: bool = True
    missing: str = NOT_ANSWERED


@dataclass(frozen=True)
class Question:
    key: str  # the path below its parent: "a" or "a.b" (an object of inputs); "" for a list of values
    kind: Kind
    label: str  # the question as the form asks it (Dutch)
    help: str = ""  # more explanation, under the question and in the interface documentation
    norm: str | None = None  # the norm id the question rests on
    claim: Claim | None = None  # the condition a yes/no answer is, when it is one
    feeds: tuple[str, ...] = ()  # ids of the conditions the answer feeds (derived from ``claim`` when set)
    options: Options = ()  # (value, Dutch label) for choice and multi
    shown_when: ShownWhen | None = None
    required: bool = False  # the calculator reports an error when it is missing
    width: str = ""  # "short" for narrow inputs
    default: Any = None  # what the calculator assumes when the key is left out (the form still starts
    # unanswered); for a form-only question, the answer the form starts with
    form_only: bool = False  # steers the form only; never sent (its key starts with "_")
    infer: tuple[tuple[str, str], ...] = ()  # form-only: (value, key): pick value when a link's inputs hold key
    private: bool = False  # free text that stays in the browser: computed and printed, never put in a link

    @property
    def conditions(self) -> tuple[str, ...]:
        return ((self.claim.id,) if self.claim else ()) + self.feeds


@dataclass(frozen=True)
class Repeated:
    """A list of rows (participants, markets): paths ``key[i].sub``, or ``key[i]`` for a list of values."""

    key: str
    row_label: str
    questions: tuple[Question, ...]
    add_label: str
    label: str = ""  # what the list as a whole is, for the interface documentation
    help: str = ""
    min_rows: int = 1
    norm: str | None = None


@dataclass(frozen=True)
class Section:
    """A group of questions: one fieldset on the form."""

    legend: str
    questions: tuple[Question | Repeated, ...]
    intro: str = ""
    collapsed: bool = False  # inside a <details>: optional detail most users skip
    shown_when: ShownWhen | None = None
    norms: tuple[str, ...] = ()  # the norms its questions rest on, linked under the legend


@dataclass(frozen=True)
class Entry:
    """One question with its full path (``participants[].name``), as :func:`walk` yields it."""

    path: str
    question: Question
    repeated: Repeated | None = None


# --- reading the declarations ------------------------------------------------------------------

def walk(sections: tuple[Section, ...]) -> Iterator[Entry]:
    """Every question of a calculator in form order, with its generic full path."""
    for section in sections:
        for item in section.questions:
            if isinstance(item, Repeated):
                for q in item.questions:
                    yield Entry(f"{item.key}[]" + (f".{q.key}" if q.key else ""), q, item)
            else:
                yield Entry(item.key, item)


def top_keys(sections: tuple[Section, ...]) -> tuple[str, ...]:
    """The keys a calculator reads at the top level of its inputs (form-only keys excluded)."""
    keys: list[str] = []
    for e in walk(sections):
        head = parse_path(e.path)[0]
        if not e.question.form_only and head not in keys:
            keys.append(str(head))
    return tuple(keys)


def keys_below(sections: tuple[Section, ...], parent: str) -> tuple[str, ...]:
    """The keys declared inside the object ``parent`` (``events`` -> its event fields)."""
    prefix = parent + "."
    return tuple(e.path[len(prefix):] for e in walk(sections) if e.path.startswith(prefix))


def claim_condition(q: Question, answer: bool | None) -> Condition:
    """The condition of a yes/no question, for the given answer (three-valued)."""
    claim = q.claim
    assert claim is not None and q.norm is not None, f"{q.key} declares no condition"
    if answer is None:
        return Condition(claim.id, claim.label, None, q.norm, claim.missing)
    met = answer is claim.expected
    return Condition(claim.id, claim.label, met, q.norm, claim.met if met else claim.unmet)


# --- input paths ---------------------------------------------------------------------------------

_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d*)\]")


def parse_path(path: str) -> list[str | int | None]:
    """``"a.b[2].c"`` -> ``["a", "b", 2, "c"]``; a generic ``[]`` becomes ``None``."""
    return [key if key else (int(index) if index else None) for key, index in _SEGMENT.findall(path)]


def concrete(path: str, index: int) -> str:
    """The generic path of a list question for row ``index``: ``a[].b`` -> ``a[1].b``."""
    return path.replace("[]", f"[{index}]", 1)


def get_path(data: Any, path: str) -> Any:
    """The value at ``path`` in nested inputs, or None where any step is missing."""
    node = data
    for part in parse_path(path):
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
        elif isinstance(node, Mapping) and part is not None:
            node = node.get(part)
        else:
            return None
        if node is None:
            return None
    return node


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set ``value`` at a concrete ``path``, creating objects and lists on the way; a step that
    meets a value of the wrong shape leaves ``data`` as it is (the input stays what it was)."""
    parts = parse_path(path)
    node: Any = data
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        empty: Any = [] if not last and isinstance(parts[i + 1], int) else {}
        if isinstance(part, int):
            if not isinstance(node, list):
                return
            while len(node) <= part:
                node.append(None if last else type(empty)())
            if last:
                node[part] = value
                return
            if not isinstance(node[part], (dict, list)):
                node[part] = empty
            node = node[part]
        else:
            if not isinstance(node, dict):
                return
            if last:
                node[part] = value
                return
            if not isinstance(node.get(part), (dict, list)):
                node[part] = empty
            node = node[part]


def field_id(path: str) -> str:
    """The HTML id of the control for a concrete input path (``veld-participants-0-name``)."""
    return "veld-" + re.sub(r"[^a-z0-9_]+", "-", path.lower()).strip("-")


def kind_doc(q: Question) -> str:
    if q.kind in ("choice", "multi") and q.options:
        listed = "; ".join(f'"{value}" ({label})' for value, label in q.options)
        return f"{KIND_DOC[q.kind]}: {listed}"
    return KIND_DOC[q.kind]


@dataclass(frozen=True)
class Doc:
    """One row of a calculator's interface documentation."""

    name: str
    type: str
    required: bool
    description: str
    norm: str | None = None
    conditions: tuple[str, ...] = field(default=())


def docs(sections: tuple[Section, ...]) -> list[Doc]:
    """The interface documentation of every sent input, derived from the declarations."""
    out: list[Doc] = []
    seen: set[str] = set()
    for e in walk(sections):
        q = e.question
        if q.form_only:
            continue
        if e.repeated and e.repeated.key not in seen:
            seen.add(e.repeated.key)
            r = e.repeated
            kind = "lijst van objecten" if any(x.key for x in r.questions) else f"lijst ({kind_doc(r.questions[0])})"
            out.append(Doc(r.key, kind, False, _sentence(r.label or r.row_label, r.help), r.norm))
        if e.repeated and not q.key:
            continue
        out.append(Doc(e.path, kind_doc(q), q.required, _sentence(q.label, q.help), q.norm, q.conditions))
    return out


def _sentence(label: str, help_text: str) -> str:
    if not help_text:
        return label
    return f"{label} {help_text}" if label.rstrip()[-1:] in ".?!:" else f"{label}. {help_text}"
