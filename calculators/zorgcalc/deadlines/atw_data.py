"""Algemene termijnenwet (Atw): the holidays of art. 3 and the days made equal by decree, as data.

Each rule carries its source. Nothing here computes a deadline; ``atw.py`` does the arithmetic.

Scope, for the record (why the calculator only *flags* and offers a non-binding analogy):
the Atw covers terms set "in een wet" (art. 1) and in an AMvB (art. 5). It does not cover a
regulation of the NZa (a "regeling" of an independent administrative body) nor contractual terms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ..parameters import Parameter, Reference, Value

ATW_TITLE = "Algemene termijnenwet"
ATW_LINK_TEXT = "Algemene termijnenwet (Stb. 1964, 314), wetten.overheid.nl, BWBR0002448"


ART_3_LID_1 = Reference(ATW_TITLE, "3", "1", ATW_LINK_TEXT)
ART_3_LID_2 = Reference(ATW_TITLE, "3", "2", ATW_LINK_TEXT)
ART_1_LID_1 = Reference(ATW_TITLE, "1", "1", ATW_LINK_TEXT)
ART_2 = Reference(ATW_TITLE, "2", None, ATW_LINK_TEXT)
ART_4 = Reference(ATW_TITLE, "4", None, ATW_LINK_TEXT)


MonthDay = tuple[int, int]


@dataclass(frozen=True)
class FixedHoliday(Parameter[MonthDay]):
    """A holiday on the same calendar day every year; ``name`` is its Dutch name, shown as the
    `non_working_day` flag, and its value the (month, day)."""


@dataclass(frozen=True)
class EasterHoliday(Parameter[int]):
    """A holiday a fixed number of days (its value) from Easter Sunday (Gregorian computus)."""


@dataclass(frozen=True)
class RoyalDay:
    """The day the monarch's birthday is celebrated: (month, day) and the day of the same month
    used when that day is a Sunday."""

    name: str
    month: int
    day: int
    if_sunday_day: int


@dataclass(frozen=True)
class Decree(Parameter[tuple[dt.date, ...]]):
    """A decree under Atw art. 3 lid 3 making days equal to a holiday (its value), for the years
    from ``since`` to ``until`` of its one value; ``description`` is its title."""

    @property
    def days(self) -> tuple[dt.date, ...]:
        return self.at()

    @property
    def years_covered(self) -> tuple[int, ...]:
        v = self.values[-1]
        assert v.since is not None and v.until is not None, self.name
        return tuple(range(v.since.year, v.until.year + 1))

    @property
    def title(self) -> str:
        return self.description


def _years(first: int, last: int | None = None) -> dict[str, dt.date | None]:
    return {"since": dt.date(first, 1, 1), "until": dt.date(last, 12, 31) if last else None}


FIXED_HOLIDAYS: tuple[FixedHoliday, ...] = (
    FixedHoliday("Nieuwjaarsdag", (Value((1, 1)),), ART_3_LID_1),
    FixedHoliday("Bevrijdingsdag (5 mei)", (Value((5, 5)),), ART_3_LID_1),  # "de vijfde mei": every year
    FixedHoliday("eerste Kerstdag", (Value((12, 25)),), ART_3_LID_1),
    FixedHoliday("tweede Kerstdag", (Value((12, 26)),), ART_3_LID_1),
)

EASTER_HOLIDAYS: tuple[EasterHoliday, ...] = (
    EasterHoliday("Goede Vrijdag", (Value(-2),), ART_3_LID_2),
    EasterHoliday("tweede Paasdag", (Value(1),), ART_3_LID_1),
    EasterHoliday("Hemelvaartsdag", (Value(39),), ART_3_LID_1),
    EasterHoliday("tweede Pinksterdag", (Value(50),), ART_3_LID_1),
)

# Atw art. 3 lid 1 names "de dag waarop de verjaardag van de Koning wordt gevierd"; the date itself
# follows from the Koninklijk Besluit that fixes the celebration (Koningsdag: 27 April, 26 April
# when the 27th is a Sunday; before 2014 Koninginnedag: 30 April, 29 April when the 30th is a Sunday).
ROYAL_DAY: Parameter[RoyalDay] = Parameter(
    "atw.royal_day",
    (Value(RoyalDay("Koninginnedag", 4, 30, 29), **_years(1980, 2013)),
     Value(RoyalDay("Koningsdag", 4, 27, 26), **_years(2014))),
    ART_3_LID_1,
    description="De dag waarop de verjaardag van de Koning (voor 2014: de Koningin) wordt gevierd",
)

_DECREE_SOURCE_TEXT = (
    "Besluit op grond van art. 3 lid 3 Algemene termijnenwet, bekendgemaakt in de Staatscourant"
)

DECREES: tuple[Decree, ...] = (
    Decree(
        "atw.decree.2023-2025",
        description="Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 "
        "en 30 mei 2025 met een algemeen erkende feestdag",
        values=(Value((
            dt.date(2023, 4, 28),
            dt.date(2023, 5, 19),
            dt.date(2024, 5, 10),
            dt.date(2024, 12, 27),
            dt.date(2025, 5, 30),
        ), **_years(2023, 2025)),),
        reference=Reference(ATW_TITLE, "3", "3", _DECREE_SOURCE_TEXT),
    ),
    Decree(
        "atw.decree.2026-2028",
        description="Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 "
        "en 26 mei 2028 met een algemeen erkende feestdag",
        values=(Value((
            dt.date(2026, 1, 2),
            dt.date(2026, 5, 15),
            dt.date(2027, 5, 7),
            dt.date(2028, 4, 28),
            dt.date(2028, 5, 26),
        ), **_years(2026, 2028)),),
        reference=Reference(ATW_TITLE, "3", "3", _DECREE_SOURCE_TEXT),
    ),
)

DECREE_DAY_NAME = "met een feestdag gelijkgestelde dag (Atw art. 3 lid 3)"

# Art. 2: a term of at least this many days must contain at least this many days that are not a
# Saturday, Sunday or holiday (the first day, the day of receipt, does not count).
MIN_TERM_DAYS = Parameter("atw.art2.min_term_days", (Value(3),), ART_2, unit="days",
                          description="Vanaf deze lengte moet een termijn werkdagen bevatten")
MIN_WORKING_DAYS = Parameter("atw.art2.min_working_days", (Value(2),), ART_2, unit="days",
                             description="Zoveel werkdagen moet zo'n termijn ten minste bevatten")

# Art. 4: the Atw does not apply to terms longer than twelve weeks, three months or ninety days.
# A term expressed in weeks is compared in weeks, one in days in days.
MAX_TERM: dict[Literal["weeks", "days"], Parameter[int]] = {
    "weeks": Parameter("atw.art4.max_term_weeks", (Value(12),), ART_4, unit="weeks",
                       description="Langere termijnen vallen buiten de Atw"),
    "days": Parameter("atw.art4.max_term_days", (Value(90),), ART_4, unit="days",
                      description="Langere termijnen vallen buiten de Atw"),
}
