"""Dutch number parsing: money to integer cents, percentages to integer basis points.

Every calculator compares integers only. Floats lie at the boundaries (2.3 + 6.1 + 6.6 is
14.999999999999998 in binary floating point), so every number a user gives is converted once,
exactly, to an ``int`` before any comparison (docs-dev/domain-rules.md, "Conventions for all calculators").

Accepted input
--------------
* JSON integers: ``1100000`` (euro) or ``10`` (percent). ``true``/``false`` are not numbers.
* JSON floats: converted through the decimal text of ``repr(value)`` (so ``2.3`` is exactly 2.30,
  never 2.29999...). More than 2 decimals is an error, for money and for percentages alike;
  ``NaN`` and ``Infinity`` are errors.
* Strings in Dutch notation: ``"1.100.000"``, ``"1100000,50"``, ``"1.100.000,50"``, ``"10,5"``.
  A leading ``€``/``EUR``, a trailing ``%`` (percentages), spaces around the number and a space
  as thousands separator (``"1 100 000"``) are allowed; ``"1,1 mln"`` / ``"1,1 miljoen"`` is
  accepted for money.
* Plain strings with a decimal point: ``"1100000.50"``, ``"10.5"`` -- only when that point cannot
  be a Dutch thousands separator (see the rule below).

The ambiguity rule
------------------
In Dutch a point groups thousands and a comma separates decimals; in plain (English) notation it
is the other way round. A string is rejected, with a Dutch message that names the field and
suggests the two readings, when it can honestly be read both ways:

* ``"1.100"`` (one point, exactly three digits after it, one to three non-zero-led digits before
  it): 1100 in Dutch, 1.1 in plain notation. For a percentage this is an error: write ``1100`` or
  ``1,1``. For money it is thousands (``"900.000"`` is EUR 900,000): a euro amount has at most two
  decimals, so a point before three digits cannot be a decimal point there.
  Two or more groups (``"1.100.000"``) cannot be a decimal point and are read as thousands.
* ``"1,100"`` (one comma, exactly three digits after it): 1.1 in Dutch, 1100 in English. For money
  and percentages three decimals are not allowed anyway; the message suggests ``1100`` or ``1,10``.
* ``"1,100,000"`` (more than one comma): English thousands grouping. Error: write ``1.100.000``.
* ``"1,100,000.50"`` and any mix where the comma comes first: English notation. Error.
* Wrong grouping (``"1.10.000"``, ``"11.00"`` followed by more groups, ``"1.100.000.50"``): error.

A single point followed by anything other than exactly three digits (``"1100000.50"``, ``"10.5"``)
cannot be a Dutch thousands separator and is read as a decimal point.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Any

from .envelope import FieldError, InvalidInput

__all__ = [
    "MAX_EUR",
    "parse_decimal",
    "parse_money_cents",
    "parse_percent_bp",
    "parse_int",
    "format_cents",
    "format_bp",
]

# Sanity bound, not a legal value: no undertaking in this context has a turnover above
# EUR 1,000,000,000,000. It keeps absurd inputs (1e308) from turning into huge integers.
MAX_EUR = 10**12
MAX_TEXT_LENGTH = 40
MAX_DECIMALS = 2  # cents for money, basis points (hundredths of a percent) for percentages

_DIGITS = re.compile(r"[0-9]+")
_DUTCH_GROUPED = re.compile(r"[1-9][0-9]{0,2}(\.[0-9]{3})+")
_SPACE_GROUPED = re.compile(r"[1-9][0-9]{0,2}( [0-9]{3})+")
_ENGLISH_GROUPED = re.compile(r"[1-9][0-9]{0,2}(,[0-9]{3})+")
_MILLION = re.compile(r"\s*(mln\.?|miljoen)$", re.IGNORECASE)


def _fail(field: str, message: str) -> InvalidInput:
    return InvalidInput(FieldError(field, message))


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= MAX_TEXT_LENGTH else text[:MAX_TEXT_LENGTH] + "…"


def _int_part_ok(text: str) -> bool:
    """Digits without separators, e.g. '1100000' or '0'."""
    return bool(_DIGITS.fullmatch(text))


def _split_string(text: str, field: str, label: str, money: bool = False) -> tuple[str, str]:
    """Split an unsigned number string into (integer digits, fraction digits) per the
    ambiguity rule in the module docstring. Raises InvalidInput for anything ambiguous.
    With ``money``, a single point before exactly three digits groups thousands: euro amounts
    have at most two decimals, so "900.000" can only be nine hundred thousand."""
    has_point = "." in text
    has_comma = "," in text
    if has_point and has_comma:
        if text.rfind(",") > text.rfind("."):  # Dutch: 1.100.000,50
            int_part, frac = text.rsplit(",", 1)
            if "," in int_part or not (_DUTCH_GROUPED.fullmatch(int_part)) or not _int_part_ok(frac):
                raise _fail(field, f"{label}: “{_shown(text)}” is geen geldig getal. "
                                   "Schrijf bijvoorbeeld 1.100.000,50 of 1100000,50.")
            return int_part.replace(".", ""), frac
        raise _fail(field, f"{label}: “{_shown(text)}” lijkt Engelse notatie (komma voor duizendtallen). "
                           "Gebruik de Nederlandse notatie, bijvoorbeeld 1.100.000,50, of schrijf het "
                           "getal zonder scheidingstekens: 1100000,50.")
    if has_comma:
        if text.count(",") > 1:
            if _ENGLISH_GROUPED.fullmatch(text):
                raise _fail(field, f"{label}: “{_shown(text)}” is dubbelzinnig: een komma is in het "
                                   "Nederlands het decimaalteken. Bedoelt u een bedrag in duizendtallen, "
                                   f"schrijf dan {text.replace(',', '.')} of {text.replace(',', '')}.")
            raise _fail(field, f"{label}: “{_shown(text)}” is geen geldig getal (meer dan één komma).")
        int_part, frac = text.split(",")
        if not _int_part_ok(int_part) or not _int_part_ok(frac):
            raise _fail(field, f"{label}: “{_shown(text)}” is geen geldig getal. "
                               "Schrijf bijvoorbeeld 10,5 of 1100000,50.")
        if len(frac) == 3 and len(int_part) <= 3 and not int_part.startswith("0"):
            raise _fail(field, f"{label}: “{_shown(text)}” is dubbelzinnig: {int_part}{frac} (Engelse "
                               f"notatie) of {int_part},{frac} met drie decimalen? Schrijf "
                               f"{int_part}{frac} of {int_part},{frac[:2]}.")
        return int_part, frac
    if has_point:
        if text.count(".") > 1:
            if _DUTCH_GROUPED.fullmatch(text):
                return text.replace(".", ""), ""
            raise _fail(field, f"{label}: “{_shown(text)}” heeft een ongeldige indeling in duizendtallen. "
                               "Schrijf bijvoorbeeld 1.100.000 of 1100000.")
        int_part, frac = text.split(".")
        if not _int_part_ok(int_part) or not _int_part_ok(frac):
            raise _fail(field, f"{label}: “{_shown(text)}” is geen geldig getal.")
        if len(frac) == 3 and 1 <= len(int_part) <= 3 and not int_part.startswith("0") and money:
            return int_part + frac, ""
        if len(frac) == 3 and 1 <= len(int_part) <= 3 and not int_part.startswith("0"):
            thousands = f"{int_part}{frac}"
            decimal = f"{int_part},{frac.rstrip('0')}" if frac.rstrip("0") else int_part
            raise _fail(field, f"{label}: “{_shown(text)}” is dubbelzinnig: in het Nederlands scheidt een punt "
                               f"duizendtallen ({thousands}), in andere notatie decimalen ({decimal}). Schrijf "
                               f"{thousands} of {text},00 voor het eerste, {decimal} voor het tweede.")
        return int_part, frac
    if _SPACE_GROUPED.fullmatch(text):
        return text.replace(" ", ""), ""
    if not _int_part_ok(text):
        raise _fail(field, f"{label}: “{_shown(text)}” is geen getal. Schrijf bijvoorbeeld 1.100.000 of 10,5.")
    return text, ""


def parse_decimal(value: Any, field: str, label: str, *, allow_million: bool = False,
                  allow_percent_sign: bool = False, money: bool = False) -> Decimal:
    """Read a JSON number or a Dutch/plain number string exactly, as a Decimal with at most
    ``MAX_DECIMALS`` decimals and an absolute value of at most ``MAX_EUR``."""
    if isinstance(value, bool) or value is None:
        raise _fail(field, f"{label}: vul een getal in (geen ja/nee of lege waarde).")
    if isinstance(value, int):
        if abs(value) > MAX_EUR:
            raise _fail(field, f"{label}: {_shown(value)} is onrealistisch groot.")
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _fail(field, f"{label}: {_shown(value)} is geen eindig getal.")
        dec = Decimal(repr(value))
        if abs(dec) > MAX_EUR:
            raise _fail(field, f"{label}: {_shown(value)} is onrealistisch groot.")
        # repr never pads with zeros that mean anything: 1100000.0 has no decimals that count.
        if dec == dec.to_integral_value():
            return Decimal(int(dec))
        exponent = dec.normalize().as_tuple().exponent
        if isinstance(exponent, int) and -exponent > MAX_DECIMALS:
            raise _fail(field, f"{label}: {_shown(value)} heeft meer dan {MAX_DECIMALS} decimalen. "
                               "Rond af op hele centen of op honderdsten van een procent.")
        return dec
    if not isinstance(value, str):
        raise _fail(field, f"{label}: vul een getal in, bijvoorbeeld 1.100.000 of 10,5.")

    text = value.replace("\u00a0", " ").replace("\u202f", " ").strip()
    if len(text) > MAX_TEXT_LENGTH:
        raise _fail(field, f"{label}: de tekst is te lang voor een getal.")
    if not text:
        raise _fail(field, f"{label}: vul een getal in.")
    multiplier = 1
    if allow_million:
        match = _MILLION.search(text)
        if match:
            multiplier = 1_000_000
            text = text[: match.start()].strip()
    lowered = text.lower()
    if lowered.startswith("€"):
        text = text[1:].strip()
    elif lowered.startswith("eur"):
        text = text[3:].strip()
    if allow_percent_sign and text.endswith("%"):
        text = text[:-1].strip()
    negative = text.startswith("-")
    if negative:
        text = text[1:].strip()
    if not text:
        raise _fail(field, f"{label}: vul een getal in.")

    int_digits, frac_digits = _split_string(text, field, label, money)
    if multiplier != 1:  # "1,1 mln": shift the decimal point six places, in the digits
        padded = frac_digits.ljust(6, "0")
        int_digits, frac_digits = int_digits + padded[:6], padded[6:].rstrip("0")
    if len(frac_digits) > MAX_DECIMALS:
        raise _fail(field, f"{label}: “{_shown(value)}” heeft meer dan {MAX_DECIMALS} decimalen. "
                           "Rond af op hele centen of op honderdsten van een procent.")
    dec = Decimal(f"{int_digits}.{frac_digits}" if frac_digits else int_digits)
    if abs(dec) > MAX_EUR:
        raise _fail(field, f"{label}: “{_shown(value)}” is onrealistisch groot.")
    return -dec if negative else dec


def _to_hundredths(dec: Decimal) -> int:
    """Exact integer of dec * 100; dec has at most two decimals and a bounded size."""
    sign, digits, exponent = dec.as_tuple()
    assert isinstance(exponent, int)
    number = int("".join(map(str, digits)) or "0")
    shift = exponent + MAX_DECIMALS
    # Strip decimals that are zero (e.g. Decimal('10.500') from a float that normalised away).
    while shift < 0 and number % 10 == 0:
        number //= 10
        shift += 1
    if shift < 0:  # guarded by the callers' decimal checks; never silently round
        raise ValueError("more than two decimals")
    number *= 10**shift
    return -number if sign else number


def parse_money_cents(value: Any, field: str, label: str = "Bedrag", *, minimum_cents: int | None = 0) -> int:
    """Money in euro (JSON number or Dutch/plain string) to integer cents.

    A negative amount is an error when ``minimum_cents`` is 0 (the default)."""
    cents = _to_hundredths(parse_decimal(value, field, label, allow_million=True, money=True))
    if minimum_cents is not None and cents < minimum_cents:
        if minimum_cents == 0:
            raise _fail(field, f"{label}: een bedrag kan niet negatief zijn.")
        raise _fail(field, f"{label}: het bedrag moet minstens {format_cents(minimum_cents)} zijn.")
    return cents


def parse_percent_bp(value: Any, field: str, label: str = "Percentage", *, minimum_bp: int = 0,
                     maximum_bp: int = 10_000) -> int:
    """A percentage (``10``, ``"10,5"``, ``"10,5%"``, ``10.25``) to integer basis points
    (1% = 100 bp). Outside ``[minimum_bp, maximum_bp]`` (default 0 to 100%) is an error."""
    bp = _to_hundredths(parse_decimal(value, field, label, allow_percent_sign=True))
    if bp < minimum_bp or bp > maximum_bp:
        raise _fail(field, f"{label}: een marktaandeel ligt tussen {format_bp(minimum_bp)} en "
                           f"{format_bp(maximum_bp)}; “{_shown(value)}” valt daarbuiten.")
    return bp


def parse_int(value: Any, field: str, label: str, *, minimum: int | None = None,
              maximum: int | None = None) -> int:
    """A whole number (JSON integer, integral float or digit string)."""
    number: int | None = None
    if isinstance(value, bool) or value is None:
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        number = int(value)
    elif isinstance(value, str) and len(value) <= MAX_TEXT_LENGTH:
        text = value.strip()
        if re.fullmatch(r"-?[0-9]+", text):
            number = int(text)
    if number is None:
        raise _fail(field, f"{label}: vul een heel getal in.")
    if minimum is not None and number < minimum:
        raise _fail(field, f"{label}: moet minstens {minimum} zijn (nu {_shown(number)}).")
    if maximum is not None and number > maximum:
        raise _fail(field, f"{label}: mag hoogstens {maximum} zijn (nu {_shown(number)}).")
    return number


def format_cents(cents: int) -> str:
    """Integer cents in Dutch notation: 110000000 -> '€ 1.100.000,00'."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    grouped = f"{euros:,}".replace(",", ".")
    return f"{sign}€ {grouped},{rest:02d}"


def format_bp(bp: int) -> str:
    """Integer basis points as a Dutch percentage: 1000 -> '10,00%'."""
    sign = "-" if bp < 0 else ""
    whole, rest = divmod(abs(bp), 100)
    return f"{sign}{whole},{rest:02d}%"


def format_euros(cents: int) -> str:
    """Whole euros as the law writes an amount: 110000000 -> '€ 1.100.000' (cents only when there are any)."""
    return format_cents(cents) if cents % 100 else format_cents(cents)[:-3]


def format_percent(bp: int) -> str:
    """A percentage as the law writes it: 1000 -> '10%', 1050 -> '10,5%'."""
    text = format_bp(bp)[:-1].rstrip("0").rstrip(",")
    return f"{text}%"
