"""The inputs of the de-minimis calculator: each question declared once (``QUESTIONS``), and
their validation into a typed ``Inputs`` (Mededingingswet art. 7 and 8).

Amounts are integer cents and shares integer basis points (zorgcalc.numbers).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...numbers import format_bp, format_cents, format_euros, format_percent, parse_int, parse_money_cents, parse_percent_bp
from ...spec import Example
from ...questions import Question, Repeated, Section
from .. import params
from ..common import Errors, field_label, read_bool, read_choice

NORM = "mw-art-7"
NORM_TURNOVER = "mw-art-8"  # how the turnover is counted (group, sales between participants)
NORM_PRICE_AREA = "acm-prijs-en-gebiedsafspraken"

# No undertaking's name is longer; the form's maxlength is the same (build_scripts/forms.py).
MAX_NAME_CHARS = 200
INVOLVES_CHOICES = {  # what the warning calls each kind of agreement
    "price-fixing": "prijsafspraken",
    "market-sharing": "verdeling van klanten of werkgebieden",
    "bid-rigging": "afspraken over inschrijven op een aanbesteding",
}

_GOODS, _SERVICES = (format_euros(p.value()) for p in (params.TURNOVER_CAP_GOODS, params.TURNOVER_CAP_SERVICES))
_SHARE = format_percent(params.MAX_MARKET_SHARE_BP.value())

NAME = Question("name", "text", "Naam")
TURNOVER = Question("turnover_eur", "money", "Omzet vorig kalenderjaar", norm=NORM, feeds=("lid1-turnover",),
                    help="Netto-omzet in euro, bijvoorbeeld 420.000, 420.000,00 of 1.100.000.")
GROUP_TURNOVER = Question("group_turnover_eur", "money",
                          "Omzet van de hele groep (als de deelnemer tot een groep behoort)", norm=NORM_TURNOVER,
                          feeds=("lid1-turnover",), help="Artikel 8: bij een groep telt de omzet van de hele groep.")
MAINLY_GOODS = Question("mainly_goods", "check", "Levert vooral goederen (geen diensten)", norm=NORM,
                        feeds=("lid1-turnover",))
UNDERTAKINGS = Question("undertakings", "int", "Aantal ondernemingen", width="short", norm=NORM,
                        feeds=("lid1-undertakings",),
                        help="Als u geen deelnemerslijst geeft; minstens 2.")
COMBINED = Question("combined_turnover_eur", "money", "Gezamenlijke omzet vorig kalenderjaar", norm=NORM,
                    feeds=("lid1-turnover",),
                    help="Netto-omzet, groepsomzet meegeteld (als u geen deelnemerslijst geeft). "
                         "Bijvoorbeeld 1.100.000 of 1100000,50.")
ALL_GOODS = Question("all_mainly_goods", "bool3", "Leveren alle ondernemingen vooral goederen?", norm=NORM,
                     feeds=("lid1-turnover",), help=f"Alleen dan geldt {_GOODS}; anders {_SERVICES}.")
SALES_BETWEEN = Question("sales_between_participants_eur", "money", "Verkopen tussen de deelnemers onderling",
                         norm=NORM_TURNOVER, feeds=("lid1-turnover",), help="Die tellen niet mee (artikel 8).")
TURNOVER_YEAR = Question("turnover_year", "int", "Jaar van de omzet", width="short", norm=NORM,
                         help="Artikel 7 telt het kalenderjaar vóór de afspraak.")
AGREEMENT_YEAR = Question("agreement_year", "int", "Jaar van de afspraak", width="short", norm=NORM)
SAME_PURPOSE_N = Question(
    "same_purpose_undertakings", "int",
    "Met hoeveel andere ondernemingen heeft een deelnemer afzonderlijke afspraken met dezelfde strekking?",
    width="short", norm=NORM, feeds=("lid1-undertakings", "lid1-turnover"),
    help="Artikel 7, lid 3: zulke afspraken tellen samen als één afspraak, dus die ondernemingen tellen mee in het "
         "aantal en de omzet. Laat leeg als er geen zijn.")
SAME_PURPOSE_TURNOVER = Question(
    "same_purpose_turnover_eur", "money", "Omzet vorig kalenderjaar van die andere ondernemingen samen", norm=NORM,
    feeds=("lid1-turnover",), help="Netto-omzet in euro, groepsomzet meegeteld.")
COMPETITORS = Question("competitors", "bool3", "Zijn de deelnemers (potentiële) concurrenten?", norm=NORM,
                       feeds=("lid2-competitors",), help="Alleen dan kan lid 2 gelden.")
SHARE = Question("", "percent", "Gezamenlijk marktaandeel", help="Bijvoorbeeld 6,5.")
TRADE = Question("affects_trade_between_member_states", "choice",
                 "Kan de afspraak de handel tussen EU-lidstaten merkbaar beïnvloeden?", norm=NORM, feeds=("lid2-trade",),
                 options=(("no", "nee"), ("yes", "ja"), ("unknown", "weet ik niet")))
INVOLVES = Question("involves", "multi", "Gaat de afspraak (ook) over:", norm=NORM_PRICE_AREA,
                    help="Kies wat van toepassing is; niets kiezen betekent: geen van deze.",
                    options=(("price-fixing", "prijzen of tarieven"),
                             ("market-sharing", "het verdelen van klanten of gebieden"),
                             ("bid-rigging", "het afstemmen van inschrijvingen op een aanbesteding")))
MODE = Question("_mode", "choice", "Hoe geeft u de omzet op?", default="participants", form_only=True,
                options=(("participants", "per deelnemer (aanbevolen: groepsomzet en onderlinge verkopen tellen mee)"),
                         ("totals", "als totalen")),
                help="Alleen voor dit formulier; wordt niet meegestuurd.",
                infer=(("totals", UNDERTAKINGS.key), ("totals", COMBINED.key)))
PARTICIPANTS = Repeated("participants", "Deelnemer", (NAME, TURNOVER, GROUP_TURNOVER, MAINLY_GOODS), "Deelnemer toevoegen",
                 label="De betrokken ondernemingen",
                 help="Per onderneming de naam, de omzet van het vorige kalenderjaar, zo nodig de omzet van de hele "
                      "groep (artikel 8) en of zij vooral goederen levert. Ondernemingen uit één groep tellen als één "
                      "onderneming; afzonderlijke afspraken met hetzelfde doel van één onderneming tellen als één "
                      "afspraak (artikel 7, lid 3). Of gebruik de totalen.",
                 min_rows=2, norm=NORM)
SHARES = Repeated("market_shares_pct", "Relevante markt", (SHARE,), "Markt toevoegen", norm=NORM,
                 label="Gezamenlijk marktaandeel per relevante markt",
                 help=f"Vul per relevante markt het gezamenlijke marktaandeel in. Op geen enkele markt mag het boven {_SHARE} "
                      "liggen. Een element mag ook een lijst zijn met de aandelen van de deelnemers op die markt; die "
                      "worden opgeteld.")

QUESTIONS = (
    Section("Omzet (artikel 7, lid 1)", (MODE,), norms=(NORM,),
            intro=f"De grens is {_SERVICES} als er diensten worden geleverd (zoals zorg), en {_GOODS} alleen als "
                  "alle deelnemers vooral goederen leveren."),
    Section("Deelnemers", (
        PARTICIPANTS,
    ), shown_when=(MODE.key, ("participants",))),
    Section("Totalen", (UNDERTAKINGS, COMBINED, ALL_GOODS), shown_when=(MODE.key, ("totals",))),
    Section("Omzetgegevens", (SALES_BETWEEN, TURNOVER_YEAR, AGREEMENT_YEAR)),
    Section("Afzonderlijke afspraken met dezelfde strekking (artikel 7, lid 3)", (SAME_PURPOSE_N, SAME_PURPOSE_TURNOVER),
            norms=(NORM,), collapsed=True),
    Section("Concurrenten en marktaandeel (artikel 7, lid 2)", norms=(NORM,), questions=(
        COMPETITORS,
        SHARES,
        TRADE,
    )),
    Section("Soort afspraak", (INVOLVES,), norms=(NORM_PRICE_AREA,)),
)
TOTALS = (UNDERTAKINGS, COMBINED, ALL_GOODS)




@dataclass(frozen=True)
class Participant:
    """One involved undertaking. ``counted_cents`` is what art. 8 counts: the group turnover when
    given, else the undertaking's own turnover (None: not filled in yet)."""

    name: str
    turnover_cents: int | None
    group_turnover_cents: int | None
    mainly_goods: bool | None

    @property
    def counted_cents(self) -> int | None:
        return self.group_turnover_cents if self.group_turnover_cents is not None else self.turnover_cents


@dataclass(frozen=True)
class Inputs:
    undertakings: int | None
    participants: tuple[Participant, ...] | None
    gross_turnover_cents: int | None  # None: at least one turnover not filled in
    known_turnover_cents: int  # the sum of the turnovers that are filled in
    sales_between_cents: int
    all_mainly_goods: bool | None
    turnover_year: int | None
    agreement_year: int | None
    competitors: bool | None
    market_shares_bp: tuple[int | None, ...]  # combined share per relevant market
    trade_effect: str | None
    involves: tuple[str, ...]
    same_purpose_undertakings: int = 0  # art. 7 lid 3: counted in `undertakings` and the turnover

    @property
    def net_turnover_cents(self) -> int | None:
        """Art. 8: combined turnover minus sales between the participants."""
        if self.gross_turnover_cents is None:
            return None
        return self.gross_turnover_cents - self.sales_between_cents

    @property
    def net_turnover_at_least_cents(self) -> int:
        """A lower bound when some turnovers are missing (turnovers are never negative)."""
        return max(0, self.known_turnover_cents - self.sales_between_cents)


def _participant(raw: Any, i: int, errors: Errors) -> Participant | None:
    base = f"{PARTICIPANTS.key}[{i}]"
    if not isinstance(raw, dict):
        errors.add(base, f"Deelnemer {i + 1}: geef een object met name, turnover_eur en mainly_goods.")
        return None
    name = raw.get(NAME.key)
    if name is not None and not isinstance(name, str):
        errors.add(f"{base}.{NAME.key}", f"Deelnemer {i + 1}: de naam moet tekst zijn.")
        name = None
    elif name is not None and len(name) > MAX_NAME_CHARS:
        errors.add(f"{base}.{NAME.key}", f"Deelnemer {i + 1}: de naam is te lang (hoogstens {MAX_NAME_CHARS} tekens).")
        name = None
    shown = f"deelnemer {i + 1}" + (f" ({name[:40]})" if name else "")
    turnover = None
    if raw.get(TURNOVER.key) is not None:
        turnover = errors.attempt(lambda: parse_money_cents(
            raw[TURNOVER.key], f"{base}.{TURNOVER.key}", f"Omzet van {shown}"))
    group = None
    if raw.get(GROUP_TURNOVER.key) is not None:
        group = errors.attempt(lambda: parse_money_cents(
            raw[GROUP_TURNOVER.key], f"{base}.{GROUP_TURNOVER.key}", f"Groepsomzet van {shown}"))
        if group is not None and turnover is not None and group < turnover:
            errors.add(f"{base}.{GROUP_TURNOVER.key}",
                       f"Groepsomzet van {shown}: de omzet van de hele groep omvat de eigen omzet en kan "
                       "dus niet lager zijn.")
    goods = read_bool(raw, MAINLY_GOODS.key, f"Levert {shown} hoofdzakelijk goederen", errors,
                      field=f"{base}.{MAINLY_GOODS.key}")
    return Participant(name or f"Deelnemer {i + 1}", turnover, group, goods)


def _shares(raw: Any, errors: Errors) -> tuple[int | None, ...]:
    """The shares (``SHARES``): one combined share per relevant market. An entry may itself be a
    list of the participants' shares on that market, which are added up in basis points."""
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    shares: list[int | None] = []
    for i, item in enumerate(items):
        field = f"{SHARES.key}[{i}]"
        label = f"Gezamenlijk marktaandeel op markt {i + 1}"
        if item is None:
            shares.append(None)
        elif isinstance(item, list):
            parts = [errors.attempt(lambda v=v, j=j: parse_percent_bp(v, f"{field}[{j}]", f"{label}, deel {j + 1}"))
                     for j, v in enumerate(item)]
            if any(p is None for p in parts) or not parts:
                if not parts:
                    errors.add(field, f"{label}: de lijst met aandelen is leeg.")
                shares.append(None)
                continue
            total = sum(p for p in parts if p is not None)
            if total > 100_00:
                errors.add(field, f"{label}: de aandelen tellen op tot {format_bp(total)}, meer dan 100%.")
            shares.append(total)
        else:
            shares.append(errors.attempt(lambda item=item: parse_percent_bp(item, field, label)))
    return tuple(shares)


def _year(inputs: dict[str, Any], q: Question, errors: Errors) -> int | None:
    """The turnover year or the agreement year (art. 7 lid 1 counts "het voorafgaande kalenderjaar")."""
    if inputs.get(q.key) is None:
        return None
    return errors.attempt(lambda: parse_int(inputs[q.key], q.key, q.label, minimum=1998, maximum=2100))


def _involves(raw_involves: Any, errors: Errors) -> list[str]:
    """The kinds of agreement ticked (prices, areas, bids), each once, in the order given."""
    involves: list[str] = []
    if raw_involves is not None:
        if not isinstance(raw_involves, list):
            errors.add(INVOLVES.key, f"{INVOLVES.key} moet een lijst zijn, bijvoorbeeld [\"{INVOLVES.options[0][0]}\"].")
        else:
            for i, item in enumerate(raw_involves):
                if isinstance(item, str) and item in INVOLVES_CHOICES:
                    if item not in involves:
                        involves.append(item)
                else:
                    options = ", ".join(f'"{k}"' for k in INVOLVES_CHOICES)
                    errors.add(f"{INVOLVES.key}[{i}]", f"Onbekend soort afspraak. Kies uit {options}.")
    return involves


def _same_purpose(inputs: dict[str, Any], errors: Errors, undertakings: int | None, gross: int | None,
                  known: int) -> tuple[int, int | None, int | None, int]:
    """Art. 7 lid 3: separate agreements of one undertaking with two or more others that have the
    same purpose count as one agreement for lid 1, so their undertakings and turnover are added.
    Returns the count of those undertakings, and the count, turnover and known turnover with them."""
    if inputs.get(SAME_PURPOSE_N.key) is None:
        if inputs.get(SAME_PURPOSE_TURNOVER.key) is not None:
            errors.add(SAME_PURPOSE_N.key, f"{SAME_PURPOSE_N.label} Vul het aantal in bij de omzet van die "
                                           "ondernemingen.")
        return 0, undertakings, gross, known
    extra = errors.attempt(lambda: parse_int(inputs[SAME_PURPOSE_N.key], SAME_PURPOSE_N.key, "Aantal ondernemingen "
                                             "met afzonderlijke afspraken met dezelfde strekking", minimum=0)) or 0
    cents = None
    if inputs.get(SAME_PURPOSE_TURNOVER.key) is not None:
        cents = errors.attempt(lambda: parse_money_cents(inputs[SAME_PURPOSE_TURNOVER.key], SAME_PURPOSE_TURNOVER.key,
                                                         SAME_PURPOSE_TURNOVER.label))
    if not extra:
        return 0, undertakings, gross, known
    total = None if gross is None or cents is None else gross + cents
    return extra, None if undertakings is None else undertakings + extra, total, known + (cents or 0)


def parse_inputs(inputs: dict[str, Any]) -> Inputs:
    """Read and check the inputs; raises InvalidInput naming every bad field."""
    errors = Errors()
    min_n = params.MIN_UNDERTAKINGS.value()
    participants: tuple[Participant, ...] | None = None
    undertakings: int | None = None
    gross: int | None = None
    known = 0
    all_goods: bool | None = None

    raw_participants = inputs.get(PARTICIPANTS.key)
    if raw_participants is not None:
        totals = ", ".join(q.key for q in TOTALS)
        for key in (q.key for q in TOTALS):
            if inputs.get(key) is not None:
                errors.add(key, f"Geef óf een deelnemerslijst ({PARTICIPANTS.key}), óf de totalen ({totals}), "
                                "niet allebei.")
        if not isinstance(raw_participants, list):
            errors.add(PARTICIPANTS.key, "De deelnemers moeten een lijst zijn.")
        elif len(raw_participants) < min_n:
            errors.add(PARTICIPANTS.key, f"Vul minstens {min_n} ondernemingen in: het kartelverbod gaat over "
                                       "afspraken tussen ondernemingen (art. 6 lid 1).")
        else:
            parsed = [_participant(p, i, errors) for i, p in enumerate(raw_participants)]
            if all(p is not None for p in parsed):
                participants = tuple(p for p in parsed if p is not None)
                undertakings = len(participants)
                counted = [p.counted_cents for p in participants]
                known = sum(c for c in counted if c is not None)
                gross = known if all(c is not None for c in counted) else None
                goods = [p.mainly_goods for p in participants]
                all_goods = False if False in goods else (None if None in goods else True)
    else:
        if inputs.get(UNDERTAKINGS.key) is not None:
            undertakings = errors.attempt(lambda: parse_int(
                inputs[UNDERTAKINGS.key], UNDERTAKINGS.key, "Aantal betrokken ondernemingen", minimum=min_n))
        if inputs.get(COMBINED.key) is not None:
            gross = errors.attempt(lambda: parse_money_cents(
                inputs[COMBINED.key], COMBINED.key, "Gezamenlijke omzet"))
            known = gross or 0
        all_goods = read_bool(inputs, ALL_GOODS.key, "Leveren alle betrokken ondernemingen hoofdzakelijk goederen", errors)

    same_purpose, undertakings, gross, known = _same_purpose(inputs, errors, undertakings, gross, known)
    between = 0
    if inputs.get(SALES_BETWEEN.key) is not None:
        between = errors.attempt(lambda: parse_money_cents(
            inputs[SALES_BETWEEN.key], SALES_BETWEEN.key, "Verkopen tussen de deelnemers")) or 0
        if gross is not None and between > gross:
            errors.add(SALES_BETWEEN.key,
                       f"Verkopen tussen de deelnemers ({format_cents(between)}) kunnen niet hoger zijn dan de "
                       f"gezamenlijke omzet ({format_cents(gross)}).")

    turnover_year, agreement_year = _year(inputs, TURNOVER_YEAR, errors), _year(inputs, AGREEMENT_YEAR, errors)

    competitors = read_bool(inputs, COMPETITORS.key, "Zijn de partijen (potentiële) concurrenten", errors)
    shares = _shares(inputs.get(SHARES.key), errors)
    trade = read_choice(inputs, TRADE.key, field_label(TRADE), dict(TRADE.options), errors)

    involves = _involves(inputs.get(INVOLVES.key), errors)

    errors.raise_if_any()
    return Inputs(
        undertakings=undertakings,
        participants=participants,
        gross_turnover_cents=gross,
        known_turnover_cents=known,
        sales_between_cents=between,
        all_mainly_goods=all_goods,
        turnover_year=turnover_year,
        agreement_year=agreement_year,
        competitors=competitors,
        market_shares_bp=shares,
        trade_effect=trade,
        involves=tuple(involves),
        same_purpose_undertakings=same_purpose,
    )


# Offered on the page as links that fill the form (never pre-filled), and run for the interface page.
DEFAULT_INPUTS: dict[str, Any] = {}  # a calculator starts unanswered

_TYPICAL: dict[str, Any] = {
    "participants": [
        {"name": "Fysiotherapie De Linde", "turnover_eur": "420.000,00", "mainly_goods": False},
        {"name": "Fysio Centrum Oost", "turnover_eur": 380000, "mainly_goods": False},
        {"name": "Bewegen & Herstel", "turnover_eur": "250000", "mainly_goods": False},
    ],
    "sales_between_participants_eur": "0",
    "turnover_year": 2025,
    "agreement_year": 2026,
    "competitors": True,
    "market_shares_pct": ["6,5"],
    "affects_trade_between_member_states": "no",
    "involves": [],
}

EXAMPLES = [
    Example("Drie fysiotherapiepraktijken delen een gezamenlijke planning", _TYPICAL),
    Example("Acht huisartsenpraktijken, samen precies € 1.100.000 omzet", {
        "undertakings": 8, "combined_turnover_eur": "1.100.000", "all_mainly_goods": False,
        "turnover_year": 2025, "agreement_year": 2026, "competitors": True,
        "market_shares_pct": ["12"], "affects_trade_between_member_states": "no",
    }),
    Example("Twee thuiszorgaanbieders in een groep, met onderlinge verkopen", {
        "participants": [
            {"name": "Thuiszorg Rivierenland", "turnover_eur": "600.000,00", "group_turnover_eur": "2.400.000", "mainly_goods": False},
            {"name": "Wijkzorg Betuwe", "turnover_eur": 450000, "mainly_goods": False},
        ],
        "sales_between_participants_eur": "150.000,00", "turnover_year": 2025, "agreement_year": 2026,
        "competitors": True, "market_shares_pct": ["9,5", "10"], "affects_trade_between_member_states": "no",
    }),
    Example("Apotheken maken prijsafspraken (waarschuwing)", {
        "participants": [
            {"name": "Apotheek Centrum", "turnover_eur": 300000, "mainly_goods": True},
            {"name": "Apotheek Noord", "turnover_eur": "280000", "mainly_goods": True},
        ],
        "turnover_year": 2025, "agreement_year": 2026, "competitors": True,
        "market_shares_pct": ["8"], "affects_trade_between_member_states": "unknown", "involves": ["price-fixing"],
    }),
    Example("Negen wijkteams: nog niet alles ingevuld", {
        "undertakings": 9, "combined_turnover_eur": "900000", "competitors": True,
        "market_shares_pct": ["4"], "affects_trade_between_member_states": None,
    }),
]
