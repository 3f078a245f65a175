"""Dates as people type them in Dutch: one reader for the command line, the browser and the page
pre-rendered at build time (the form sends the text as typed).

Accepted (docs-dev/calculator-contract.md, "Input conventions"):

- day-month-year in digits, the Dutch order: ``3-10-2026``, ``03-10-2026``, ``3/10/2026``, ``3.10.2026``;
- the month in words, whole or shortened, with or without the weekday: ``3 oktober 2026``,
  ``3 okt 2026``, ``3 okt. 2026``, ``zaterdag 3 oktober 2026``;
- ISO 8601, as links (``#invoer=``), files and examples carry it: ``2026-10-03``.

Refused, each with a Dutch sentence that says what to type instead: a year in two digits (``3-10-26``:
which century is a guess), a date without a year, a month name that is not Dutch, a day that does not
exist (``31-9-2026``), a weekday that does not fit the date, and anything else. The GOV.UK Design
System's date pattern asks for the same: the form the visitor knows, a hint with an example, and a
message that names the part that is wrong.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
# the shortened names people write: the first three letters, and "sept" for september
_MONTH_BY_NAME: dict[str, int] = {**{m: n for n, m in enumerate(MONTHS, 1)},
                                  **{m[:3]: n for n, m in enumerate(MONTHS, 1)}, "sept": 9}

EXAMPLE = "3-10-2026 of 3 oktober 2026"
HINT = f"Bijvoorbeeld {EXAMPLE}."

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DIGITS = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d+)$")
_WORDS = re.compile(r"^(?:([a-z]+),?\s+)?(\d{1,2})\s+([a-z]+)\.?\s+(\d+)$")
_NO_YEAR = re.compile(r"^(?:[a-z]+,?\s+)?\d{1,2}(?:[-/.]\d{1,2}[-/.]?|\s+[a-z]+\.?)$")


class DateError(ValueError):
    """A text that is no date this reader accepts; ``str()`` is the Dutch sentence."""


def _day(year: int, month: int, day: int) -> dt.date:
    if not 1 <= month <= 12:
        raise DateError(f"een jaar heeft 12 maanden, geen {month}. Schrijf de dag eerst, dan de maand: {EXAMPLE}.")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"{day} {MONTHS[month - 1]} {year} bestaat niet.") from None


def _year(text: str) -> int:
    if len(text) != 4:
        raise DateError(f"schrijf het jaar voluit, in vier cijfers, bijvoorbeeld {EXAMPLE}.")
    return int(text)


def parse_date(value: str) -> dt.date:
    """The date a Dutch reader means by ``value``; raises :class:`DateError` with the Dutch reason."""
    text = " ".join(value.strip().lower().split())
    found = _ISO.match(text)
    if found:
        return _day(int(found[1]), int(found[2]), int(found[3]))
    found = _DIGITS.match(text)
    if found:
        year = _year(found[3])
        return _day(year, int(found[2]), int(found[1]))
    found = _WORDS.match(text)
    if found:
        weekday, day, name, year_text = found.groups()
        month = _MONTH_BY_NAME.get(name)
        if month is None:
            raise DateError(f"de maand '{name}' kent deze rekenhulp niet. Schrijf de maand in het Nederlands "
                            f"of als getal: {EXAMPLE}.")
        date = _day(_year(year_text), month, int(day))
        if weekday is not None and weekday not in (WEEKDAYS[date.weekday()], WEEKDAYS[date.weekday()][:2]):
            raise DateError(f"{date.day} {MONTHS[month - 1]} {date.year} is een {WEEKDAYS[date.weekday()]}, "
                            f"geen {weekday}. Controleer de datum.")
        return date
    if _NO_YEAR.match(text):
        raise DateError(f"vul ook het jaar in, bijvoorbeeld {EXAMPLE}.")
    raise DateError(f"vul een datum in als dag-maand-jaar, bijvoorbeeld {EXAMPLE}.")
