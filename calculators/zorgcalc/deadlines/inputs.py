"""Validation of the deadlines inputs (docs-dev/calculator-contract.md, `deadlines`) into typed objects.

Every problem is collected and reported at once, each naming its field with a Dutch sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..envelope import FieldError, InvalidInput
from . import params

EVENT_FIELDS: tuple[str, ...] = (
    "policy_published_on",
    "policy_changed_on",
    "strategy_shared_on",
    "offer_submitted_on",
    "proposal_sent_on",
    "proposal_received_on",
    "proposal_reply_by",
    "offer_received_on",
    "offer_reacted_on",
    "question_received_on",
    "question_answered_on",
    "question_notice_on",
)
AGREED_DATE_FIELDS: tuple[str, ...] = ("offer_deadline", "strategy_deadline", "proposal_deadline")
AGREED_DAYS_FIELDS: tuple[str, ...] = (
    "proposal_period_days",
    "offer_period_days",
    "question_period_days",
)
TOP_FIELDS: tuple[str, ...] = (
    "contract_year",
    "contracting",
    "insurer_intends_to_contract",
    "strategy_requested_on",
    "policy_change_motivated",
    "methods_used",
    "events",
    "agreed",
    "atw_analogy",
    "today",
)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Events:
    policy_published_on: dt.date | None = None
    policy_changed_on: dt.date | None = None
    strategy_shared_on: dt.date | None = None
    offer_submitted_on: dt.date | None = None
    proposal_sent_on: dt.date | None = None
    proposal_received_on: dt.date | None = None
    proposal_reply_by: dt.date | None = None
    offer_received_on: dt.date | None = None
    offer_reacted_on: dt.date | None = None
    question_received_on: dt.date | None = None
    question_answered_on: dt.date | None = None
    question_notice_on: dt.date | None = None


@dataclass(frozen=True)
class Agreed:
    offer_deadline: dt.date | None = None
    strategy_deadline: dt.date | None = None
    proposal_deadline: dt.date | None = None
    proposal_period_days: int | None = None
    offer_period_days: int | None = None
    question_period_days: int | None = None


@dataclass(frozen=True)
class Inputs:
    contract_year: int
    contracting: str
    insurer_intends_to_contract: bool | None = True
    strategy_requested_on: dt.date | None = None
    policy_change_motivated: bool | None = None
    methods_used: bool | None = None
    events: Events = Events()
    agreed: Agreed = Agreed()
    atw_analogy: bool = False
    today: dt.date | None = None

    @property
    def purchasing_year(self) -> int:
        """The calendar year in which the deadlines fall: the year before the contract year."""
        return self.contract_year - 1


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _date(value: Any, field: str, errors: list[FieldError]) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        errors.append(FieldError(field, f"Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-10-01 "
                                        f"(nu: {_short(value)})."))
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        errors.append(FieldError(field, f"De datum {value} bestaat niet."))
        return None
    if not params.DATE_MIN <= day <= params.DATE_MAX:
        errors.append(FieldError(field, f"De datum {value} ligt buiten het bereik "
                                        f"{params.DATE_MIN.year}–{params.DATE_MAX.year}."))
        return None
    return day


def _bool(value: Any, field: str, errors: list[FieldError]) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    errors.append(FieldError(field, f"Vul ja (true), nee (false) of onbekend (null) in "
                                    f"(nu: {_short(value)})."))
    return None


def _unknown_keys(obj: dict[str, Any], allowed: tuple[str, ...], prefix: str,
                  errors: list[FieldError]) -> None:
    for key in obj:
        if key not in allowed:
            name = f"{prefix}{key}" if isinstance(key, str) and key.strip() else f"{prefix}{key!r}"
            errors.append(FieldError(name, f"Onbekend veld {key!r}. Toegestaan: {', '.join(allowed)}."))


def _object(value: Any, field: str, errors: list[FieldError]) -> dict[str, Any]:
    if value is None:
        return {}
    if isinstance(value, dict):
        return value
    errors.append(FieldError(field, f"Het veld {field} moet een object zijn, bijvoorbeeld "
                                    '{"offer_submitted_on": "2026-09-30"}.'))
    return {}


# (earlier field, later field, Dutch sentence): the later act cannot come before the earlier one.
# Each message names the later field, which is the one reported.
DATE_ORDERS: tuple[tuple[str, str, str], ...] = (
    ("policy_published_on", "policy_changed_on",
     "Een wijziging van het zorginkoopbeleid kan niet eerder zijn bekendgemaakt dan het beleid zelf"),
    ("offer_submitted_on", "offer_received_on",
     "De offerte kan niet eerder zijn ontvangen dan aangeboden"),
    ("offer_received_on", "offer_reacted_on",
     "De zorgverzekeraar kan niet op de offerte hebben gereageerd vóór hij haar ontving"),
    ("proposal_sent_on", "proposal_received_on",
     "Het contractvoorstel kan niet eerder zijn ontvangen dan aangeboden"),
    ("proposal_received_on", "proposal_reply_by",
     "De uiterste reactiedatum kan niet vóór de ontvangst van het contractvoorstel liggen"),
    ("question_received_on", "question_answered_on",
     "Een vraag kan niet zijn beantwoord vóór ze is ontvangen"),
    ("question_received_on", "question_notice_on",
     "Het bericht wanneer het antwoord komt, kan niet vóór de ontvangst van de vraag liggen"),
)


def _impossible_orders(events: Events) -> list[FieldError]:
    """Dates in an order that cannot happen (a reply before receipt) are errors, not checks."""
    from .dutch import date_nl

    out: list[FieldError] = []
    for earlier, later, sentence in DATE_ORDERS:
        first, second = getattr(events, earlier), getattr(events, later)
        if first is not None and second is not None and second < first:
            out.append(FieldError(f"events.{later}", f"{sentence}: {date_nl(second)} ligt vóór "
                                                     f"{date_nl(first)}. Controleer beide data."))
    return out


def parse(raw: dict[str, Any]) -> Inputs:
    """Validate `raw` into `Inputs`; raise InvalidInput naming every faulty field."""
    errors: list[FieldError] = []
    _unknown_keys(raw, TOP_FIELDS, "", errors)

    year = raw.get("contract_year")
    contract_year = 0
    if "contract_year" not in raw or year is None:
        errors.append(FieldError("contract_year", "Vul het contractjaar in, bijvoorbeeld 2027."))
    elif isinstance(year, bool) or not isinstance(year, int):
        errors.append(FieldError("contract_year", f"Het contractjaar moet een geheel getal zijn, "
                                                  f"bijvoorbeeld 2027 (nu: {_short(year)})."))
    elif not params.CONTRACT_YEAR_MIN <= year <= params.CONTRACT_YEAR_MAX:
        errors.append(FieldError("contract_year", f"Het contractjaar moet tussen "
                                                  f"{params.CONTRACT_YEAR_MIN} en {params.CONTRACT_YEAR_MAX} liggen "
                                                  f"(nu: {year})."))
    else:
        contract_year = year

    contracting = raw.get("contracting")
    if contracting not in params.CONTRACTING_FORMS:
        errors.append(FieldError("contracting", "Kies de vorm van contracteren: \"face-to-face\" of "
                                                f"\"digital\" (nu: {_short(contracting)})."))

    intends = _bool(raw.get("insurer_intends_to_contract", True), "insurer_intends_to_contract", errors)
    motivated = _bool(raw.get("policy_change_motivated"), "policy_change_motivated", errors)
    methods_used = _bool(raw.get("methods_used"), "methods_used", errors)
    atw_analogy = _bool(raw.get("atw_analogy"), "atw_analogy", errors)
    requested = _date(raw.get("strategy_requested_on"), "strategy_requested_on", errors)
    today = _date(raw.get("today"), "today", errors)

    raw_events = _object(raw.get("events"), "events", errors)
    _unknown_keys(raw_events, EVENT_FIELDS, "events.", errors)
    events = Events(**{f: _date(raw_events.get(f), f"events.{f}", errors) for f in EVENT_FIELDS})

    raw_agreed = _object(raw.get("agreed"), "agreed", errors)
    _unknown_keys(raw_agreed, AGREED_DATE_FIELDS + AGREED_DAYS_FIELDS, "agreed.", errors)
    agreed_values: dict[str, Any] = {
        f: _date(raw_agreed.get(f), f"agreed.{f}", errors) for f in AGREED_DATE_FIELDS
    }
    for f in AGREED_DAYS_FIELDS:
        value = raw_agreed.get(f)
        agreed_values[f] = None
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            errors.append(FieldError(f"agreed.{f}", f"Vul een geheel aantal dagen in, bijvoorbeeld 21 "
                                                    f"(nu: {_short(value)})."))
        elif not params.AGREED_DAYS_MIN <= value <= params.AGREED_DAYS_MAX:
            errors.append(FieldError(f"agreed.{f}", f"Een afgesproken termijn moet tussen "
                                                    f"{params.AGREED_DAYS_MIN} en {params.AGREED_DAYS_MAX} "
                                                    f"dagen liggen (nu: {value})."))
        else:
            agreed_values[f] = value

    errors += _impossible_orders(events)
    if errors:
        raise InvalidInput(errors)
    return Inputs(
        contract_year=contract_year,
        contracting=str(contracting),
        insurer_intends_to_contract=intends,
        strategy_requested_on=requested,
        policy_change_motivated=motivated,
        methods_used=methods_used,
        events=events,
        agreed=Agreed(**agreed_values),
        atw_analogy=bool(atw_analogy),
        today=today,
    )
