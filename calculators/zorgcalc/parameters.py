"""One model for every legal value (issue 12): a dated parameter with one kind of reference.

After OpenFisca's parameters: a :class:`Parameter` has a one-line Dutch description, a unit, its
values keyed by the date from which each holds (and until when, where known), and a
:class:`Reference` (law or regulation, article, lid, the wording, a link). A calculator asks for
the value on the date that applies (``at``: the purchasing year of a contract year, the year of an
agreement) and builds its explanation text from that value, never from a literal.

The packages keep their values in their own ``params.py`` (deadlines, safe_harbour); the holidays
and decree days of the Algemene termijnenwet cite the same :class:`Reference`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Reference:
    """Where a value or rule comes from. ``text`` is the wording it restates or where that wording
    is found (Dutch); ``url`` a link a reader can follow, only where it is verified."""

    title: str  # the law, regulation or guidance
    article: str | None = None
    lid: str | None = None
    text: str = ""
    url: str = ""
    note: str = ""

    def cite(self) -> str:
        """Short Dutch citation, e.g. 'Mededingingswet, art. 7 lid 1, onder a'."""
        if not self.article:
            return self.title + (f" lid {self.lid}" if self.lid else "")
        return f"{self.title}, art. {self.article}" + (f" lid {self.lid}" if self.lid else "")


@dataclass(frozen=True)
class Value(Generic[T]):
    """A value and the period it holds for: from ``since`` (None: the sources give no date; the
    value is the one they state as current) until ``until`` inclusive (None: not known to end)."""

    value: T
    since: dt.date | None = None
    until: dt.date | None = None

    def holds_on(self, on: dt.date) -> bool:
        return (self.since is None or self.since <= on) and (self.until is None or on <= self.until)


@dataclass(frozen=True)
class Parameter(Generic[T]):
    name: str  # e.g. "de_minimis.max_undertakings", or a deadline's id
    values: tuple[Value[T], ...]  # oldest first
    reference: Reference
    description: str = ""  # Dutch, one line (a deadline describes itself by its label)
    unit: str = ""  # "cent", "basispunt", "ondernemingen", "maand-dag", "weeks", "days"

    def at(self, on: dt.date | None = None) -> T:
        """The value on date ``on`` (default: the latest). A date that no value covers is an error
        of the calculator's range, not of the user: it raises ValueError."""
        if on is None:
            return self.values[-1].value
        for v in reversed(self.values):
            if v.holds_on(on):
                return v.value
        raise ValueError(f"{self.name}: geen waarde op {on.isoformat()}")

    @property
    def source(self) -> Reference:
        return self.reference
