"""Validation of the deadlines inputs (docs-dev/calculator-contract.md, `deadlines`) into typed objects.

Every problem is collected and reported at once, each naming its field with a Dutch sentence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..envelope import FieldError, InvalidInput
from ..spec import Example
from .. import dates
from ..questions import Question, Section, keys_below, parse_path, top_keys, walk
from . import params
from .dutch import date_nl

_OFFER_NORMS = ("th-nr-038-art-6-lid-1",)


def _date(key: str, label: str, help_text: str, norm: str) -> Question:
    return Question(key, "date", label, help=help_text, norm=norm)


def _days(key: str, label: str, period: params.Period) -> Question:
    return Question(key, "int", label, width="short", norm=period.norms[0],
                    help=f"In dagen, in plaats van {period.days}.")


CONTRACT_YEAR = Question(
    "contract_year", "int", "Contractjaar", width="short", required=True, norm=params.POLICY.norms[0],
    help="Het contractjaar: het kalenderjaar waarvoor wordt ingekocht. De deadlines vallen in het jaar ervoor. "
         "Bij een meerjarencontract: het eerste jaar.")
CONTRACTING = Question(
    "contracting", "choice", "Vorm van contracteren", required=True, norm=params.OFFER.norms[0],
    options=(("face-to-face", "face-to-face (in gesprek; de zorgaanbieder doet vaak een offerte)"),
             ("digital", "digitaal (de zorgverzekeraar legt een contractvoorstel voor)")),
    help="Face-to-face (in gesprek, vaak offerte van de zorgaanbieder) of digitaal (contractvoorstel van de "
         "zorgverzekeraar, vaak via een portaal).")
INTENDS = Question(
    "insurer_intends_to_contract", "bool3", "Is de zorgverzekeraar van plan met deze zorgaanbieder te contracteren?",
    norm=params.PROPOSAL.norms[0], default=True, shown_when=(CONTRACTING.key, ("digital",)),
    help="Standaard ja. Alleen dan geldt de deadline voor het contractvoorstel (art. 6 lid 2).")
PROVIDER_OFFERS = Question(
    "provider_offers", "bool3", "Biedt de zorgaanbieder in deze sector een offerte aan?", norm=params.OFFER.norms[0],
    help=f"Artikel 6 lid 1 (eerste reële offerte uiterlijk {params.OFFER.describe_date()}) geldt 'in sectoren waarbij "
         "de zorgaanbieder een offerte aanbiedt'. Bij face-to-face contracteren is dat de gebruikelijke gang, bij "
         "digitaal contracteren niet. Leeg: niet bekend; een ingevulde offertedatum telt als ja.")
METHODS_USED = Question(
    "methods_used", "bool3", "Gebruiken partijen benchmarking of volumeprognoses?", norm=params.METHODS.norms[0],
    shown_when=(CONTRACTING.key, ("face-to-face",)),
    help=f"Alleen dan geldt richtsnoer 3 (afspraken over de methodiek uiterlijk {params.METHODS.describe_date()}). "
         "Leeg: niet bekend, de rij blijft open.")
TODAY = Question(
    "today", "date", "Peildatum (voor status en resterende dagen)",
    help="Laat leeg voor geen status per datum. Vul de datum van vandaag in om te zien wat nog open staat.")
ATW_ANALOGY = Question(
    "atw_analogy", "check",
    "Toon ook de eerstvolgende werkdag naar analogie van de Algemene termijnenwet (niet bindend)",
    help="Toon ook de datum naar analogie van de Algemene termijnenwet (eerstvolgende werkdag). Niet bindend.")
POLICY_CHANGE_MOTIVATED = Question(
    "policy_change_motivated", "bool3", "Is die wijziging gemotiveerd?", norm=params.POLICY_CHANGE_NORMS[0],
    help=f"Is een wijziging van het zorginkoopbeleid na {params.POLICY.describe_date()} bij bekendmaking gemotiveerd "
         "(art. 8)?")
STRATEGY_REQUESTED = _date("strategy_requested_on", "Zorgverzekeraar vroeg om het strategisch beleid op",
                           "Datum waarop de zorgverzekeraar om het strategisch beleid vroeg (richtsnoer 1).",
                           params.STRATEGY.norms[0])

EVENTS = (
    _date("events.policy_published_on", "Zorginkoopbeleid bekendgemaakt op", "Artikel 4.", params.POLICY.norms[0]),
    _date("events.policy_changed_on", "Wijziging zorginkoopbeleid bekendgemaakt op", "Artikel 8.",
          params.POLICY_CHANGE_NORMS[0]),
    _date("events.strategy_shared_on", "Strategisch beleid gedeeld op", "Richtsnoer 1.", params.STRATEGY.norms[0]),
    _date("events.offer_submitted_on", "Eerste reële offerte aangeboden op", "Face-to-face, art. 6 lid 1.",
          params.OFFER.norms[0]),
    _date("events.proposal_sent_on", "Contractvoorstel aangeboden op", "Digitaal, art. 6 lid 2.",
          params.PROPOSAL.norms[0]),
    _date("events.proposal_received_on", "Contractvoorstel ontvangen op", "Artikel 7.",
          params.PROPOSAL_PERIOD.norms[0]),
    _date("events.proposal_reply_by", "Reageren op het contractvoorstel kan tot",
          "De uiterste reactiedatum die de zorgverzekeraar gaf (art. 7).", params.PROPOSAL_PERIOD.norms[0]),
    _date("events.offer_received_on", "Offerte ontvangen door de zorgverzekeraar op", "Artikel 7.",
          params.OFFER_PERIOD.norms[0]),
    _date("events.offer_reacted_on", "Zorgverzekeraar reageerde op de offerte op", "Artikel 7.",
          params.OFFER_PERIOD.norms[0]),
    _date("events.question_received_on", "Vraag of opmerking ontvangen op", "Artikel 5.",
          params.QUESTION_PERIOD.norms[0]),
    _date("events.question_answered_on", "Vraag beantwoord op", "Artikel 5 lid 4.", params.QUESTION_PERIOD.norms[0]),
    _date("events.question_notice_on", "Gemotiveerd bericht wanneer het antwoord komt, op", "Artikel 5 lid 5.",
          params.QUESTION_PERIOD.norms[0]),
)
AGREED = (
    _date("agreed.offer_deadline", "Afgesproken deadline voor de offerte",
          f"Een afgesproken andere deadline gaat voor {params.OFFER.describe_date()}.", params.OFFER.norms[0]),
    _date("agreed.strategy_deadline", "Afgesproken datum voor het strategisch beleid",
          f"Een afgesproken andere datum gaat voor {params.STRATEGY.describe_date()}.", params.STRATEGY.norms[0]),
    _date("agreed.offer_parts_deadline", "Afgesproken datum voor de onderdelen van de offerte (richtsnoer 5)",
          f"Een afgesproken andere datum gaat voor {params.OFFER_PARTS.describe_date()}.", params.OFFER_PARTS.norms[0]),
    _date("agreed.proposal_deadline", "Afgesproken datum voor het contractvoorstel (digitaal)",
          "Geeft alleen een waarschuwing: art. 6 lid 2 kent geen uitzondering voor afspraken.",
          params.PROPOSAL.norms[0]),
    _days("agreed.proposal_period_days", "Afgesproken reactietermijn contractvoorstel (dagen)", params.PROPOSAL_PERIOD),
    _days("agreed.offer_period_days", "Afgesproken reactietermijn op de offerte (dagen)", params.OFFER_PERIOD),
    _days("agreed.question_period_days", "Afgesproken termijn voor antwoord op vragen (dagen)", params.QUESTION_PERIOD),
)

QUESTIONS = (
    Section("Uw situatie", (CONTRACT_YEAR, CONTRACTING, PROVIDER_OFFERS, INTENDS, METHODS_USED, TODAY, ATW_ANALOGY),
            norms=(params.POLICY.norms[0], params.OFFER.norms[0], params.PROPOSAL.norms[0])),
    Section("Wat er al gebeurde", (EVENTS[0], EVENTS[1], POLICY_CHANGE_MOTIVATED, STRATEGY_REQUESTED, *EVENTS[2:]),
            intro="Vul in wat u weet; elke ingevulde datum wordt getoetst.", collapsed=True),
    Section("Afspraken tussen partijen", AGREED,
            intro="Alleen invullen als u iets anders heeft afgesproken dan de regeling.", collapsed=True),
)

_EVENTS, _AGREED = (parse_path(group[0].key)[0] for group in (EVENTS, AGREED))  # the two objects of dates
EVENT_FIELDS: tuple[str, ...] = keys_below(QUESTIONS, _EVENTS)
AGREED_DATE_FIELDS: tuple[str, ...] = tuple(str(parse_path(q.key)[1]) for q in AGREED if q.kind == "date")
AGREED_DAYS_FIELDS: tuple[str, ...] = tuple(str(parse_path(q.key)[1]) for q in AGREED if q.kind == "int")
TOP_FIELDS: tuple[str, ...] = top_keys(QUESTIONS)

_LABELS: dict[str, str] = {e.path: e.question.label for e in walk(QUESTIONS)}  # names a field in a message


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
    offer_parts_deadline: dt.date | None = None
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
    provider_offers: bool | None = None
    events: Events = Events()
    agreed: Agreed = Agreed()
    atw_analogy: bool = False
    today: dt.date | None = None

    @property
    def offer_applies(self) -> bool | None:
        """Art. 6 lid 1 TH/NR-038 holds "in sectoren waarbij de zorgaanbieder een offerte aanbiedt": as
        answered, or yes when an offer's date was given; None when not known."""
        if self.provider_offers is not None:
            return self.provider_offers
        if self.events.offer_submitted_on or self.events.offer_received_on:
            return True
        return None

    @property
    def purchasing_year(self) -> int:
        """The calendar year in which the deadlines fall: the year before the contract year."""
        return self.contract_year - 1


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _date(value: Any, field: str, errors: list[FieldError]) -> dt.date | None:
    """A date as typed (zorgcalc/dates.py: "3-10-2026", "3 oktober 2026", ISO), within the dates the
    regulation's calendar covers; the message names the question."""
    if value is None:
        return None
    label = _LABELS.get(field, field)
    if not isinstance(value, str):
        errors.append(FieldError(field, f"{label}: vul een datum in als dag-maand-jaar, bijvoorbeeld "
                                        f"{dates.EXAMPLE} (nu: {_short(value)})."))
        return None
    try:
        day = dates.parse_date(value)
    except dates.DateError as problem:
        errors.append(FieldError(field, f"{label}: {problem}"))
        return None
    if not params.DATE_MIN <= day <= params.DATE_MAX:
        errors.append(FieldError(field, f"{label}: de datum {date_nl(day)} ligt buiten het bereik "
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

    year = raw.get(CONTRACT_YEAR.key)
    contract_year = 0
    if CONTRACT_YEAR.key not in raw or year is None:
        errors.append(FieldError(CONTRACT_YEAR.key, "Vul het contractjaar in, bijvoorbeeld 2027."))
    elif isinstance(year, bool) or not isinstance(year, int):
        errors.append(FieldError(CONTRACT_YEAR.key, f"Het contractjaar moet een geheel getal zijn, "
                                                  f"bijvoorbeeld 2027 (nu: {_short(year)})."))
    elif not params.CONTRACT_YEAR_MIN <= year <= params.CONTRACT_YEAR_MAX:
        errors.append(FieldError(CONTRACT_YEAR.key, f"Het contractjaar moet tussen "
                                                  f"{params.CONTRACT_YEAR_MIN} en {params.CONTRACT_YEAR_MAX} liggen "
                                                  f"(nu: {year})."))
    else:
        contract_year = year

    contracting = raw.get(CONTRACTING.key)
    if contracting not in params.CONTRACTING_FORMS:
        errors.append(FieldError(CONTRACTING.key, "Kies de vorm van contracteren: \"face-to-face\" of "
                                                f"\"digital\" (nu: {_short(contracting)})."))

    intends = _bool(raw.get(INTENDS.key, INTENDS.default), INTENDS.key, errors)
    motivated = _bool(raw.get(POLICY_CHANGE_MOTIVATED.key), POLICY_CHANGE_MOTIVATED.key, errors)
    methods_used = _bool(raw.get(METHODS_USED.key), METHODS_USED.key, errors)
    provider_offers = _bool(raw.get(PROVIDER_OFFERS.key), PROVIDER_OFFERS.key, errors)
    atw_analogy = _bool(raw.get(ATW_ANALOGY.key), ATW_ANALOGY.key, errors)
    requested = _date(raw.get(STRATEGY_REQUESTED.key), STRATEGY_REQUESTED.key, errors)
    today = _date(raw.get(TODAY.key), TODAY.key, errors)

    raw_events = _object(raw.get(_EVENTS), _EVENTS, errors)
    _unknown_keys(raw_events, EVENT_FIELDS, "events.", errors)
    events = Events(**{f: _date(raw_events.get(f), f"events.{f}", errors) for f in EVENT_FIELDS})

    raw_agreed = _object(raw.get(_AGREED), _AGREED, errors)
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
    if provider_offers is False and (events.offer_submitted_on or events.offer_received_on):
        errors.append(FieldError(PROVIDER_OFFERS.key, "U vulde een datum van de offerte in, maar antwoordde dat de "
                                                      "zorgaanbieder geen offerte aanbiedt. Kies ja, of maak de "
                                                      "offertedatum leeg."))
    if errors:
        raise InvalidInput(errors)
    return Inputs(
        contract_year=contract_year,
        contracting=str(contracting),
        insurer_intends_to_contract=intends,
        strategy_requested_on=requested,
        policy_change_motivated=motivated,
        methods_used=methods_used,
        provider_offers=provider_offers,
        events=events,
        agreed=Agreed(**agreed_values),
        atw_analogy=bool(atw_analogy),
        today=today,
    )


# Offered on the page as links that fill the form (never pre-filled), and run for the interface page.
DEFAULT_INPUTS: dict[str, Any] = {"contract_year": 2027, "contracting": "face-to-face"}

EXAMPLES: list[Example] = [
    Example("Face-to-face contracteren voor 2027", {"contract_year": 2027, "contracting": "face-to-face"}),
    Example("Digitaal contracteren voor 2027, met data uit het proces", {
        "contract_year": 2027, "contracting": "digital", "today": "2026-10-20",
        "events": {"policy_published_on": "2026-03-31", "proposal_sent_on": "2026-09-28",
                   "proposal_received_on": "2026-09-29", "proposal_reply_by": "2026-10-27",
                   "question_received_on": "2026-10-05", "question_answered_on": "2026-10-16"}}),
    Example("Offerte een dag te laat (2 oktober, niets afgesproken)", {
        "contract_year": 2027, "contracting": "face-to-face",
        "events": {"offer_submitted_on": "2026-10-02"}}),
    Example(f"Later afgesproken offertedatum gaat voor {params.OFFER.describe_date()}", {
        "contract_year": 2027, "contracting": "face-to-face",
        "agreed": {"offer_deadline": "2026-10-15"}, "events": {"offer_submitted_on": "2026-10-12"}}),
    Example("Vraag na drie weken beantwoord", {
        "contract_year": 2027, "contracting": "face-to-face",
        "events": {"question_received_on": "2026-09-10", "question_answered_on": "2026-10-01"}}),
    Example(f"Inkoopbeleid na {params.POLICY.describe_date()} gewijzigd zonder motivering", {
        "contract_year": 2027, "contracting": "digital", "policy_change_motivated": False,
        "events": {"policy_published_on": "2026-03-25", "policy_changed_on": "2026-05-12"}}),
    Example("Strategisch beleid gevraagd en op tijd gedeeld (richtsnoer 1)", {
        "contract_year": 2027, "contracting": "face-to-face", "strategy_requested_on": "2026-03-20",
        "events": {"strategy_shared_on": "2026-05-28"}}),
    Example("Contractjaar 2029: deadlines in het weekend, met 'Atw naar analogie'", {
        "contract_year": 2029, "contracting": "face-to-face", "atw_analogy": True}),
]
