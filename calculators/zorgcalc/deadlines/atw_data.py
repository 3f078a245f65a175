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

from ..parameters import Reference

ATW_TITLE = "Algemene termijnenwet"
ATW_LINK_TEXT = "Algemene termijnenwet (Stb. 1964, 314), wetten.overheid.nl, BWBR0002448"


ART_3_LID_1 = Reference(ATW_TITLE, "3", "1", ATW_LINK_TEXT)
ART_3_LID_2 = Reference(ATW_TITLE, "3", "2", ATW_LINK_TEXT)
ART_1_LID_1 = Reference(ATW_TITLE, "1", "1", ATW_LINK_TEXT)
ART_2 = Reference(ATW_TITLE, "2", None, ATW_LINK_TEXT)
ART_4 = Reference(ATW_TITLE, "4", None, ATW_LINK_TEXT)


@dataclass(frozen=True)
class FixedHoliday:
    """A holiday on the same calendar day every year."""

    name: str  # Dutch, shown as the `non_working_day` flag
    month: int
    day: int
    source: Reference


@dataclass(frozen=True)
class EasterHoliday:
    """A holiday a fixed number of days from Easter Sunday (Gregorian computus)."""

    name: str
    offset_days: int
    source: Reference


@dataclass(frozen=True)
class RoyalDayRule:
    """The day the monarch's birthday is celebrated, for the years `first_year`..`last_year`.

    Atw art. 3 lid 1 names "de dag waarop de verjaardag van de Koning wordt gevierd"; the date
    itself follows from the Koninklijk Besluit that fixes the celebration (Koningsdag: 27 April,
    26 April when the 27th is a Sunday; before 2014 Koninginnedag: 30 April, 29 April when the
    30th is a Sunday).
    """

    name: str
    first_year: int
    last_year: int | None
    month: int
    day: int
    if_sunday_day: int  # the day of the same month used when `day` is a Sunday
    source: Reference


@dataclass(frozen=True)
class Decree:
    """A decree under Atw art. 3 lid 3 making days equal to a holiday, for the years it covers."""

    title: str
    days: tuple[dt.date, ...]
    years_covered: tuple[int, ...]
    source: Reference


FIXED_HOLIDAYS: tuple[FixedHoliday, ...] = (
    FixedHoliday("Nieuwjaarsdag", 1, 1, ART_3_LID_1),
    FixedHoliday("Bevrijdingsdag (5 mei)", 5, 5, ART_3_LID_1),  # "de vijfde mei": every year
    FixedHoliday("eerste Kerstdag", 12, 25, ART_3_LID_1),
    FixedHoliday("tweede Kerstdag", 12, 26, ART_3_LID_1),
)

EASTER_HOLIDAYS: tuple[EasterHoliday, ...] = (
    EasterHoliday("Goede Vrijdag", -2, ART_3_LID_2),
    EasterHoliday("tweede Paasdag", 1, ART_3_LID_1),
    EasterHoliday("Hemelvaartsdag", 39, ART_3_LID_1),
    EasterHoliday("tweede Pinksterdag", 50, ART_3_LID_1),
)

ROYAL_DAYS: tuple[RoyalDayRule, ...] = (
    RoyalDayRule("Koninginnedag", 1980, 2013, 4, 30, 29, ART_3_LID_1),
    RoyalDayRule("Koningsdag", 2014, None, 4, 27, 26, ART_3_LID_1),
)

_DECREE_SOURCE_TEXT = (
    "Besluit op grond van art. 3 lid 3 Algemene termijnenwet, bekendgemaakt in de Staatscourant"
)

DECREES: tuple[Decree, ...] = (
    Decree(
        "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 "
        "en 30 mei 2025 met een algemeen erkende feestdag",
        (
            dt.date(2023, 4, 28),
            dt.date(2023, 5, 19),
            dt.date(2024, 5, 10),
            dt.date(2024, 12, 27),
            dt.date(2025, 5, 30),
        ),
        (2023, 2024, 2025),
        Reference(ATW_TITLE, "3", "3", _DECREE_SOURCE_TEXT),
    ),
    Decree(
        "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 "
        "en 26 mei 2028 met een algemeen erkende feestdag",
        (
            dt.date(2026, 1, 2),
            dt.date(2026, 5, 15),
            dt.date(2027, 5, 7),
            dt.date(2028, 4, 28),
            dt.date(2028, 5, 26),
        ),
        (2026, 2027, 2028),
        Reference(ATW_TITLE, "3", "3", _DECREE_SOURCE_TEXT),
    ),
)

DECREE_DAY_NAME = "met een feestdag gelijkgestelde dag (Atw art. 3 lid 3)"

# Art. 2: a term of at least this many days must contain at least this many days that are not a
# Saturday, Sunday or holiday (the first day, the day of receipt, does not count).
ART_2_MIN_TERM_DAYS = 3
ART_2_MIN_WORKING_DAYS = 2

# Art. 4: the Atw does not apply to terms longer than twelve weeks, three months or ninety days.
# A term expressed in weeks is compared in weeks, one in days in days.
ART_4_MAX_TERM: dict[Literal["weeks", "days"], int] = {"weeks": 12, "days": 90}
