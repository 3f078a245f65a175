"""Dutch date wording for labels and explanations (no locale dependency, so Pyodide gives the same)."""

from __future__ import annotations

import datetime as dt

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def date_nl(day: dt.date, weekday: bool = False) -> str:
    """"1 oktober 2026", or "donderdag 1 oktober 2026" with `weekday`."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def days_nl(n: int) -> str:
    return f"{n} dag" if abs(n) == 1 else f"{n} dagen"


def days_left_nl(n: int) -> str:
    """Days from the reference date to a deadline, in words: 'nog 5 dagen', 'vandaag', '3 dagen
    geleden' (a row can be open after its date, when it is not known whether it applied)."""
    return "vandaag" if n == 0 else (f"nog {days_nl(n)}" if n > 0 else f"{days_nl(-n)} geleden")
