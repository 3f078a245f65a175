"""Holiday arithmetic after the Algemene termijnenwet (Atw), driven by ``atw_data``.

The calculator never moves a deadline. It *flags* a date on a Saturday, Sunday or Atw holiday and,
only on request, shows the date the Atw would give "naar analogie" (not binding: the Atw covers
terms set in a wet or AMvB, not an NZa regulation or a contract).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..parameters import Parameter
from . import atw_data
from .dutch import WEEKDAYS, date_nl



def easter_sunday(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _words(p: Parameter[int], unit: str) -> str:
    from .params import NUMBER_WORDS

    n = p.at()
    return f"{NUMBER_WORDS.get(n, str(n))} {unit}"


def royal_day(year: int) -> tuple[dt.date, str] | None:
    """Koningsdag (27 April, or 26 April when the 27th is a Sunday) or, before 2014, Koninginnedag."""
    try:
        rule = atw_data.ROYAL_DAY.at(dt.date(year, 1, 1))
    except ValueError:  # before 1980: not in the package
        return None
    day = dt.date(year, rule.month, rule.day)
    if day.weekday() == 6:
        day = dt.date(year, rule.month, rule.if_sunday_day)
    return day, rule.name


@lru_cache(maxsize=256)
def holidays(year: int) -> dict[dt.date, str]:
    """Every Atw art. 3 holiday of `year` (lid 1, lid 2 and decree days of lid 3), date -> name."""
    days: dict[dt.date, str] = {}
    for fixed in atw_data.FIXED_HOLIDAYS:
        month, day_of_month = fixed.at(dt.date(year, 1, 1))
        days[dt.date(year, month, day_of_month)] = fixed.name
    easter = easter_sunday(year)
    for rel in atw_data.EASTER_HOLIDAYS:
        days.setdefault(easter + dt.timedelta(days=rel.at(dt.date(year, 1, 1))), rel.name)
    royal = royal_day(year)
    if royal is not None:
        days.setdefault(royal[0], royal[1])
    for decree in atw_data.DECREES:
        for day in decree.days:
            if day.year == year:
                days.setdefault(day, atw_data.DECREE_DAY_NAME)
    return days


def decree_covers(year: int) -> bool:
    """Whether the package holds the art. 3 lid 3 decree for `year` (so decree days are known)."""
    return any(year in decree.years_covered for decree in atw_data.DECREES)


def non_working_day(day: dt.date) -> str | None:
    """The flag for a date: the holiday name, else "zaterdag"/"zondag", else None.

    A holiday name wins over the weekday because it says more (5 mei on a Saturday is shown as
    Bevrijdingsdag)."""
    name = holidays(day.year).get(day)
    if name:
        return name
    if day.weekday() >= 5:
        return WEEKDAYS[day.weekday()]
    return None


def is_working_day(day: dt.date) -> bool:
    return non_working_day(day) is None


def next_working_day(day: dt.date) -> dt.date:
    """Atw art. 1 lid 1: the first day from `day` on that is not a Saturday, Sunday or holiday."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


@dataclass(frozen=True)
class AtwOutcome:
    """The date the Atw would give naar analogie, or None when it would not apply; with why."""

    date: dt.date | None
    explanation: str


def analogous_fixed_date(day: dt.date) -> AtwOutcome:
    """A fixed calendar deadline ("uiterlijk op 1 oktober"): art. 1 lid 1 moves it to the next
    working day when it falls on a Saturday, Sunday or holiday."""
    target = next_working_day(day)
    if target == day:
        return AtwOutcome(None, "Valt op een werkdag; ook naar analogie van de Atw geen verschuiving.")
    return AtwOutcome(
        target,
        f"Naar analogie van art. 1 Atw zou de termijn doorlopen tot en met "
        f"{date_nl(target, weekday=True)}; dit is niet bindend.",
    )


def analogous_term_end(received: dt.date, amount: int, unit: Literal["weeks", "days"]) -> AtwOutcome:
    """A term running from receipt on `received`: end = received + amount (weeks or days).

    Art. 4: no extension for terms over twelve weeks (or ninety days). Art. 2: a term of at least
    three days is extended until it holds at least two days that are not a Saturday, Sunday or
    holiday (the day of receipt does not count). Art. 1: an end on such a day moves to the next
    working day."""
    length_days = amount * 7 if unit == "weeks" else amount
    end = received + dt.timedelta(days=length_days)
    if amount > atw_data.MAX_TERM[unit].at():
        return AtwOutcome(
            None,
            f"Art. 4 Atw: de wet geldt niet voor termijnen van meer dan {_words(atw_data.MAX_TERM['weeks'], 'weken')} "
            f"(of {_words(atw_data.MAX_TERM['days'], 'dagen')}); geen verlenging, ook niet naar analogie.",
        )
    extended = end
    if length_days >= atw_data.MIN_TERM_DAYS.at():
        def working_days_in_term(last: dt.date) -> int:
            count, day = 0, received + dt.timedelta(days=1)
            while day <= last:
                count += is_working_day(day)
                day += dt.timedelta(days=1)
            return count

        while working_days_in_term(extended) < atw_data.MIN_WORKING_DAYS.at():
            extended += dt.timedelta(days=1)
    extended = next_working_day(extended)
    if extended == end:
        return AtwOutcome(None, "Ook naar analogie van de Atw geen verlenging.")
    return AtwOutcome(
        extended,
        f"Naar analogie van art. 1 en 2 Atw zou de termijn doorlopen tot en met "
        f"{date_nl(extended, weekday=True)}; dit is niet bindend.",
    )
