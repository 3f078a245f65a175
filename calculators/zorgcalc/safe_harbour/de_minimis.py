"""Bagatelvoorziening: Mededingingswet art. 7 (with art. 8 on turnover).

Art. 6 lid 1 (the cartel ban) does not apply when either route holds (docs-dev/domain-rules.md §2):

* **lid 1**: no more than 8 undertakings are involved (art. 7 lid 1 onder a) and their combined
  turnover in the previous calendar year is not above EUR 5,500,000 when all of them mainly supply
  goods, EUR 1,100,000 in all other cases (lid 1 onder b). Boundaries are inclusive.
* **lid 2** ("Onverminderd het eerste lid"): for actual or potential competitors, their combined
  market share on none of the relevant markets is above 10% and the agreement cannot appreciably
  affect trade between member states.

Art. 8: net turnover; for a group the whole group's turnover counts; sales between the
participating undertakings are left out. All amounts are integer cents and all shares integer
basis points (zorgcalc.numbers); the legal values live in ``params``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..envelope import Condition, all_met, any_met, result_envelope
from ..numbers import format_bp, format_cents, parse_int, parse_money_cents, parse_percent_bp
from ..spec import Example, FieldDoc
from . import params
from .common import Errors, add_norms, incomplete_summary, join_nl, read_bool, read_choice, render_text, unknown_keys_warning

ID = "de-minimis"
DESCRIPTION = "Bagatelvoorziening (Mededingingswet art. 7 en 8): valt een samenwerking in klein verband buiten het kartelverbod?"
NORM = "mw-art-7"
NORM_PRICE_AREA = "acm-prijs-en-gebiedsafspraken"
NORM_TURNOVER = "mw-art-8"  # how the turnover is counted (group, sales between participants)
NORM_ART_9 = "mw-art-9"  # the ACM may still apply the cartel ban
NORM_ACM_WORDING = "acm-bagatelvoorziening"  # the ACM's own words, "onder de 10%"
NORM_IDS = frozenset({NORM, NORM_PRICE_AREA, NORM_TURNOVER, NORM_ART_9, NORM_ACM_WORDING})

TRADE_CHOICES = {"yes": "ja", "no": "nee", "unknown": "weet ik niet"}
INVOLVES_CHOICES = {
    "price-fixing": "prijsafspraken",
    "market-sharing": "verdeling van klanten of werkgebieden",
    "bid-rigging": "afspraken over inschrijven op een aanbesteding",
}
VERDICT_LABELS = {
    "exempt": "valt onder de bagatelvoorziening (art. 6 lid 1 geldt niet)",
    "exempt-with-caution": "valt volgens de cijfers onder art. 7, maar reken er niet op (prijs- of gebiedsafspraken)",
    "not-exempt": "valt niet onder de bagatelvoorziening",
    "incomplete": "nog niet te beoordelen",
}
KNOWN_KEYS = (
    "participants", "undertakings", "combined_turnover_eur", "all_mainly_goods",
    "sales_between_participants_eur", "turnover_year", "agreement_year", "competitors",
    "market_shares_pct", "affects_trade_between_member_states", "involves",
)
# No undertaking's name is longer; the form's maxlength is the same (build_scripts/forms.py).
MAX_NAME_CHARS = 200
PARTICIPANT_KEYS = ("name", "turnover_eur", "group_turnover_eur", "mainly_goods")


# --------------------------------------------------------------------------------------------
# Input


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
    base = f"participants[{i}]"
    if not isinstance(raw, dict):
        errors.add(base, f"Deelnemer {i + 1}: geef een object met name, turnover_eur en mainly_goods.")
        return None
    name = raw.get("name")
    if name is not None and not isinstance(name, str):
        errors.add(f"{base}.name", f"Deelnemer {i + 1}: de naam moet tekst zijn.")
        name = None
    elif name is not None and len(name) > MAX_NAME_CHARS:
        errors.add(f"{base}.name", f"Deelnemer {i + 1}: de naam is te lang (hoogstens {MAX_NAME_CHARS} tekens).")
        name = None
    shown = f"deelnemer {i + 1}" + (f" ({name[:40]})" if name else "")
    turnover = None
    if raw.get("turnover_eur") is not None:
        turnover = errors.attempt(lambda: parse_money_cents(
            raw["turnover_eur"], f"{base}.turnover_eur", f"Omzet van {shown}"))
    group = None
    if raw.get("group_turnover_eur") is not None:
        group = errors.attempt(lambda: parse_money_cents(
            raw["group_turnover_eur"], f"{base}.group_turnover_eur", f"Groepsomzet van {shown}"))
        if group is not None and turnover is not None and group < turnover:
            errors.add(f"{base}.group_turnover_eur",
                       f"Groepsomzet van {shown}: de omzet van de hele groep omvat de eigen omzet en kan "
                       "dus niet lager zijn.")
    goods = read_bool(raw, "mainly_goods", f"Levert {shown} hoofdzakelijk goederen", errors,
                      field=f"{base}.mainly_goods")
    return Participant(name or f"Deelnemer {i + 1}", turnover, group, goods)


def _shares(raw: Any, errors: Errors) -> tuple[int | None, ...]:
    """``market_shares_pct``: one combined share per relevant market. An entry may itself be a
    list of the participants' shares on that market, which are added up in basis points."""
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    shares: list[int | None] = []
    for i, item in enumerate(items):
        field = f"market_shares_pct[{i}]"
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


def _years(inputs: dict[str, Any], errors: Errors) -> dict[str, int | None]:
    """The turnover year and the agreement year (art. 7 lid 1 counts "het voorafgaande kalenderjaar")."""
    years: dict[str, int | None] = {}
    for key, label in (("turnover_year", "Jaar van de omzet"), ("agreement_year", "Jaar van de afspraak")):
        years[key] = None
        if inputs.get(key) is not None:
            years[key] = errors.attempt(lambda key=key, label=label: parse_int(
                inputs[key], key, label, minimum=1998, maximum=2100))
    return years


def _involves(raw_involves: Any, errors: Errors) -> list[str]:
    """The kinds of agreement ticked (prices, areas, bids), each once, in the order given."""
    involves: list[str] = []
    if raw_involves is not None:
        if not isinstance(raw_involves, list):
            errors.add("involves", "involves moet een lijst zijn, bijvoorbeeld [\"price-fixing\"].")
        else:
            for i, item in enumerate(raw_involves):
                if isinstance(item, str) and item in INVOLVES_CHOICES:
                    if item not in involves:
                        involves.append(item)
                else:
                    options = ", ".join(f'"{k}"' for k in INVOLVES_CHOICES)
                    errors.add(f"involves[{i}]", f"Onbekend soort afspraak. Kies uit {options}.")
    return involves


def parse_inputs(inputs: dict[str, Any]) -> Inputs:
    """Read and check the inputs; raises InvalidInput naming every bad field."""
    errors = Errors()
    min_n = params.MIN_UNDERTAKINGS.value()
    participants: tuple[Participant, ...] | None = None
    undertakings: int | None = None
    gross: int | None = None
    known = 0
    all_goods: bool | None = None

    raw_participants = inputs.get("participants")
    if raw_participants is not None:
        for key in ("undertakings", "combined_turnover_eur", "all_mainly_goods"):
            if inputs.get(key) is not None:
                errors.add(key, "Geef óf een deelnemerslijst (participants), óf de totalen (undertakings, "
                                "combined_turnover_eur, all_mainly_goods), niet allebei.")
        if not isinstance(raw_participants, list):
            errors.add("participants", "De deelnemers moeten een lijst zijn.")
        elif len(raw_participants) < min_n:
            errors.add("participants", f"Vul minstens {min_n} ondernemingen in: het kartelverbod gaat over "
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
        if inputs.get("undertakings") is not None:
            undertakings = errors.attempt(lambda: parse_int(
                inputs["undertakings"], "undertakings", "Aantal betrokken ondernemingen", minimum=min_n))
        if inputs.get("combined_turnover_eur") is not None:
            gross = errors.attempt(lambda: parse_money_cents(
                inputs["combined_turnover_eur"], "combined_turnover_eur", "Gezamenlijke omzet"))
            known = gross or 0
        all_goods = read_bool(inputs, "all_mainly_goods", "Leveren alle betrokken ondernemingen hoofdzakelijk goederen", errors)

    between = 0
    if inputs.get("sales_between_participants_eur") is not None:
        between = errors.attempt(lambda: parse_money_cents(
            inputs["sales_between_participants_eur"], "sales_between_participants_eur",
            "Verkopen tussen de deelnemers")) or 0
        if gross is not None and between > gross:
            errors.add("sales_between_participants_eur",
                       f"Verkopen tussen de deelnemers ({format_cents(between)}) kunnen niet hoger zijn dan de "
                       f"gezamenlijke omzet ({format_cents(gross)}).")

    years = _years(inputs, errors)

    competitors = read_bool(inputs, "competitors", "Zijn de partijen (potentiële) concurrenten", errors)
    shares = _shares(inputs.get("market_shares_pct"), errors)
    trade = read_choice(inputs, "affects_trade_between_member_states",
                        "Kan de afspraak de handel tussen EU-lidstaten merkbaar beïnvloeden", TRADE_CHOICES, errors)

    involves = _involves(inputs.get("involves"), errors)

    errors.raise_if_any()
    return Inputs(
        undertakings=undertakings,
        participants=participants,
        gross_turnover_cents=gross,
        known_turnover_cents=known,
        sales_between_cents=between,
        all_mainly_goods=all_goods,
        turnover_year=years["turnover_year"],
        agreement_year=years["agreement_year"],
        competitors=competitors,
        market_shares_bp=shares,
        trade_effect=trade,
        involves=tuple(involves),
    )


# --------------------------------------------------------------------------------------------
# One function per legal condition


def applicable_turnover_cap(all_mainly_goods: bool | None) -> int | None:
    """Art. 7 lid 1 onder b: the goods cap only when all involved undertakings mainly supply
    goods, the services cap in all other cases; None while that is unanswered."""
    if all_mainly_goods is None:
        return None
    return (params.TURNOVER_CAP_GOODS if all_mainly_goods else params.TURNOVER_CAP_SERVICES).value()


def undertakings_within_limit(undertakings: int | None) -> Condition:
    """Art. 7 lid 1 onder a: not more than eight undertakings ("niet meer dan acht")."""
    p = params.MAX_UNDERTAKINGS
    limit = p.value()
    label = f"Niet meer dan {limit} ondernemingen betrokken"
    if undertakings is None:
        return Condition("lid1-undertakings", label, None, NORM,
                         "Vul het aantal betrokken ondernemingen in.")
    met = p.allows(undertakings)
    if met:
        room = "precies op de grens, dat mag" if undertakings == limit else "binnen de grens"
        text = f"{undertakings} ondernemingen; de grens is {limit} ({room}; {p.reference.cite()})."
    else:
        text = (f"{undertakings} ondernemingen; de grens is {limit}, dus {undertakings - limit} te veel "
                f"({p.reference.cite()}).")
    return Condition("lid1-undertakings", label, met, NORM, text)


def turnover_within_cap(net_cents: int | None, all_mainly_goods: bool | None, *,
                        at_least_cents: int = 0, deducted_cents: int = 0) -> Condition:
    """Art. 7 lid 1 onder b with art. 8: combined net turnover of the previous calendar year not
    above EUR 5,500,000 (all mainly goods) or EUR 1,100,000 (all other cases); inclusive.

    With an unknown net turnover, ``at_least_cents`` (a lower bound) can still settle it."""
    services, goods = params.TURNOVER_CAP_SERVICES, params.TURNOVER_CAP_GOODS
    label = "Gezamenlijke omzet vorig kalenderjaar niet hoger dan de grens"
    cap = applicable_turnover_cap(all_mainly_goods)
    deducted = f" (na aftrek van {format_cents(deducted_cents)} onderlinge verkopen, art. 8)" if deducted_cents else ""
    if net_cents is None:
        highest = cap if cap is not None else goods.value()
        if at_least_cents > highest:
            return Condition("lid1-turnover", label, False, NORM,
                             f"De ingevulde omzetten zijn samen al {format_cents(at_least_cents)}{deducted}, "
                             f"meer dan de grens van {format_cents(highest)}.")
        return Condition("lid1-turnover", label, None, NORM,
                         "Vul de omzet van elke betrokken onderneming (of de gezamenlijke omzet) in.")
    amount = f"Gezamenlijke omzet {format_cents(net_cents)}{deducted}"
    if cap is None:
        if services.allows(net_cents):
            return Condition("lid1-turnover", label, True, NORM,
                             f"{amount}; dat is niet hoger dan {format_cents(services.value())}, de grens voor "
                             f"diensten, dus ook niet hoger dan die voor goederen ({services.reference.cite()}).")
        if not goods.allows(net_cents):
            return Condition("lid1-turnover", label, False, NORM,
                             f"{amount}; dat is hoger dan zelfs de grens voor goederen, "
                             f"{format_cents(goods.value())} ({goods.reference.cite()}).")
        return Condition("lid1-turnover", label, None, NORM,
                         f"{amount}: boven de grens voor diensten ({format_cents(services.value())}) en niet boven "
                         f"die voor goederen ({format_cents(goods.value())}). Geef aan of alle betrokken "
                         "ondernemingen hoofdzakelijk goederen leveren.")
    p = goods if all_mainly_goods else services
    which = ("alle betrokken ondernemingen leveren hoofdzakelijk goederen" if all_mainly_goods
             else "niet alle betrokken ondernemingen leveren hoofdzakelijk goederen, dus de grens voor diensten en andere gevallen")
    margin = cap - net_cents
    if p.allows(net_cents):
        where = "precies op de grens, dat mag" if margin == 0 else f"{format_cents(margin)} onder de grens"
        text = f"{amount}; grens {format_cents(cap)} ({which}; {p.reference.cite()}): {where}."
        return Condition("lid1-turnover", label, True, NORM, text)
    text = (f"{amount}; grens {format_cents(cap)} ({which}; {p.reference.cite()}): "
            f"{format_cents(-margin)} te veel.")
    return Condition("lid1-turnover", label, False, NORM, text)


def parties_are_competitors(competitors: bool | None) -> Condition:
    """Art. 7 lid 2 applies only to actual or potential competitors."""
    label = "Partijen zijn (potentiële) concurrenten (lid 2 geldt alleen voor hen)"
    if competitors is None:
        return Condition("lid2-competitors", label, None, NORM,
                         "Geef aan of de partijen (potentiële) concurrenten zijn.")
    if competitors:
        return Condition("lid2-competitors", label, True, NORM,
                         "De partijen zijn (potentiële) concurrenten; lid 2 kan gelden.")
    return Condition("lid2-competitors", label, False, NORM,
                     "De partijen zijn geen concurrenten; de route van lid 2 staat dan niet open "
                     "(alleen lid 1).")


def market_share_within_limit(shares_bp: tuple[int | None, ...]) -> Condition:
    """Art. 7 lid 2 onder a: the combined share on none of the relevant markets above 10%
    ("niet groter dan 10%"; 10.00% qualifies)."""
    p = params.MAX_MARKET_SHARE_BP
    limit = p.value()
    label = f"Gezamenlijk marktaandeel op geen enkele relevante markt groter dan {format_bp(limit)}"
    known = [(i, s) for i, s in enumerate(shares_bp) if s is not None]
    over = [(i, s) for i, s in known if not p.allows(s)]
    if over:
        listed = join_nl([f"markt {i + 1}: {format_bp(s)}" for i, s in over])
        return Condition("lid2-market-share", label, False, NORM,
                         f"Boven de grens van {format_bp(limit)}: {listed} ({p.reference.cite()}).")
    if not known or len(known) < len(shares_bp):
        return Condition("lid2-market-share", label, None, NORM,
                         "Vul het gezamenlijke marktaandeel in op elke relevante markt.")
    top_i, top = max(known, key=lambda t: t[1])
    where = "precies op de grens; de wet zegt 'niet groter dan 10%', dus dat mag" if top == limit \
        else f"{format_bp(limit - top)} onder de grens"
    markets = "de enige relevante markt" if len(known) == 1 else f"markt {top_i + 1} (de hoogste van {len(known)})"
    return Condition("lid2-market-share", label, True, NORM,
                     f"Hoogste gezamenlijke aandeel {format_bp(top)} op {markets}: {where} ({p.reference.cite()}).")


def no_appreciable_effect_on_trade(answer: str | None) -> Condition:
    """Art. 7 lid 2 onder b: the agreement cannot appreciably affect trade between member states."""
    label = "Geen merkbare invloed op de handel tussen EU-lidstaten"
    if answer == "no":
        return Condition("lid2-trade", label, True, NORM, "U geeft aan dat de handel tussen lidstaten niet merkbaar wordt beïnvloed.")
    if answer == "yes":
        return Condition("lid2-trade", label, False, NORM, "U geeft aan dat de handel tussen lidstaten merkbaar kan worden beïnvloed.")
    if answer == "unknown":
        return Condition("lid2-trade", label, None, NORM,
                         "U weet nog niet of de handel tussen lidstaten merkbaar kan worden beïnvloed; zoek dat uit.")
    return Condition("lid2-trade", label, None, NORM, "Geef aan of de handel tussen EU-lidstaten merkbaar kan worden beïnvloed.")


# --------------------------------------------------------------------------------------------
# What would flip the outcome


def _change(field: str, delta: int | None, unit: str | None, description: str) -> dict[str, Any]:
    return {"field": field, "delta": delta, "unit": unit, "description": description}


def _lid1_changes(inp: Inputs, met: bool | None) -> dict[str, Any]:
    n, net, cap = inp.undertakings, inp.net_turnover_cents, applicable_turnover_cap(inp.all_mainly_goods)
    max_n = params.MAX_UNDERTAKINGS
    changes: list[dict[str, Any]] = []
    if met is True:
        assert n is not None and net is not None
        extra_n = max_n.smallest_failing() - n
        changes.append(_change("undertakings", extra_n, "ondernemingen",
                               f"{extra_n} onderneming{'en' if extra_n != 1 else ''} meer betrokken"))
        cap_used = cap if cap is not None else params.TURNOVER_CAP_SERVICES.value()
        extra = cap_used + 1 - net
        changes.append(_change("combined_turnover_cents", extra, "cent",
                               f"{format_cents(extra)} meer gezamenlijke omzet"))
        if inp.all_mainly_goods and not params.TURNOVER_CAP_SERVICES.allows(net):
            changes.append(_change("all_mainly_goods", None, None,
                                   "één betrokken onderneming die niet hoofdzakelijk goederen levert "
                                   f"(dan geldt de grens van {format_cents(params.TURNOVER_CAP_SERVICES.value())})"))
        return {"currently_met": True, "mode": "any", "changes": changes}
    if met is False:
        if n is not None and not max_n.allows(n):
            fewer = n - max_n.largest_passing()
            changes.append(_change("undertakings", -fewer, "ondernemingen",
                                   f"{fewer} onderneming{'en' if fewer != 1 else ''} minder betrokken"))
        if net is not None and cap is not None and net > cap:
            changes.append(_change("combined_turnover_cents", cap - net, "cent",
                                   f"{format_cents(net - cap)} minder gezamenlijke omzet"))
        elif net is None and cap is not None and inp.net_turnover_at_least_cents > cap:
            changes.append(_change("combined_turnover_cents", cap - inp.net_turnover_at_least_cents, "cent",
                                   f"minstens {format_cents(inp.net_turnover_at_least_cents - cap)} minder gezamenlijke omzet"))
        elif net is not None and cap is None and not params.TURNOVER_CAP_GOODS.allows(net):
            changes.append(_change("combined_turnover_cents", params.TURNOVER_CAP_GOODS.value() - net, "cent",
                                   f"minstens {format_cents(net - params.TURNOVER_CAP_GOODS.value())} minder gezamenlijke omzet"))
        return {"currently_met": False, "mode": "all", "changes": changes}
    return {"currently_met": None, "mode": "all", "changes": []}


def _lid2_changes(inp: Inputs, met: bool | None) -> dict[str, Any]:
    p = params.MAX_MARKET_SHARE_BP
    changes: list[dict[str, Any]] = []
    if met is True:
        i, top = max(((i, s) for i, s in enumerate(inp.market_shares_bp) if s is not None), key=lambda t: t[1])
        more = p.smallest_failing() - top
        changes.append(_change(f"market_shares_pct[{i}]", more, "basispunten",
                               f"{format_bp(more)} meer gezamenlijk marktaandeel op markt {i + 1}"))
        changes.append(_change("affects_trade_between_member_states", None, None,
                               "een merkbare invloed op de handel tussen EU-lidstaten"))
        return {"currently_met": True, "mode": "any", "changes": changes}
    if met is False:
        if inp.competitors is False:
            changes.append(_change("competitors", None, None, "lid 2 geldt alleen voor concurrenten"))
        if inp.trade_effect == "yes":
            changes.append(_change("affects_trade_between_member_states", None, None,
                                   "geen merkbare invloed op de handel tussen EU-lidstaten"))
        for i, s in enumerate(inp.market_shares_bp):
            if s is not None and not p.allows(s):
                less = s - p.largest_passing()
                changes.append(_change(f"market_shares_pct[{i}]", -less, "basispunten",
                                       f"{format_bp(less)} minder gezamenlijk marktaandeel op markt {i + 1}"))
        return {"currently_met": False, "mode": "all", "changes": changes}
    return {"currently_met": None, "mode": "all", "changes": []}


def what_would_flip(inp: Inputs, lid1: bool | None, lid2: bool | None, verdict: str,
                    open_questions: dict[str, bool] | None = None) -> dict[str, Any]:
    """The smallest change per route that turns the route around, and one Dutch sentence on what
    turns the verdict around. For a route that holds, any one change breaks it ("any"); for a
    route that fails, all its changes together are needed ("all"). A change without ``delta`` is a
    fact that numbers cannot change. A failing route with an unanswered condition (``open_questions``)
    is not offered as a way to an exemption: the numbers alone would not settle it."""
    routes = {"lid1": _lid1_changes(inp, lid1), "lid2": _lid2_changes(inp, lid2)}
    if verdict in ("exempt", "exempt-with-caution"):
        met_routes = [r for r, v in (("lid1", lid1), ("lid2", lid2)) if v is True]
        parts = [f"{'lid 1' if r == 'lid1' else 'lid 2'}: " + " of ".join(c["description"] for c in routes[r]["changes"])
                 for r in met_routes]
        both = "beide routes vervallen" if len(met_routes) == 2 else "deze route vervalt"
        summary = (f"De uitkomst verandert pas als {both}. Kleinste wijziging per route — " + "; ".join(parts) + ".")
    elif verdict == "not-exempt":
        options = []
        for r, v in (("lid1", lid1), ("lid2", lid2)):
            ch = routes[r]["changes"]
            if ch and all(c["delta"] is not None for c in ch) and not (open_questions or {}).get(r):
                options.append(f"{'lid 1' if r == 'lid1' else 'lid 2'} met " + " en ".join(c["description"] for c in ch))
        if options:
            summary = "Vrijgesteld zou de afspraak zijn via " + ", of via ".join(options) + "."
        elif any((open_questions or {}).values()):
            summary = ("Vul eerst de ontbrekende gegevens in; dan toont de rekenhulp welke wijziging de afspraak "
                       "vrijgesteld zou maken.")
        else:
            summary = "Geen wijziging in aantallen, omzet of marktaandeel alleen maakt de afspraak vrijgesteld."
    else:
        summary = "Beantwoord eerst de open vragen; daarna toont de rekenhulp wat de uitkomst zou omdraaien."
    return {"summary": summary, "routes": routes}


# --------------------------------------------------------------------------------------------
# Warnings and verdict


def _warnings(inp: Inputs, lid2_share: Condition) -> tuple[list[str], list[str]]:
    warnings: list[str] = []
    norms: list[str] = []
    if inp.involves:
        kinds = join_nl([INVOLVES_CHOICES[k] for k in inp.involves])
        warnings.append(
            f"Let op: de afspraak betreft {kinds}. Artikel 7 kent daarvoor geen uitzondering, maar de ACM kan "
            "het kartelverbod toch van toepassing verklaren (art. 9 Mededingingswet), los van de Mededingingswet "
            "kan het Europese kartelverbod (art. 101 VWEU) gelden, en de ACM stelt dat u met concurrenten niet "
            "samen mag bepalen wat zorg kost of wie in welk gebied zorg levert. Reken hier dus niet op de "
            "bagatelvoorziening.")
        norms += [NORM_PRICE_AREA, NORM_ART_9]
    if inp.turnover_year is not None and inp.agreement_year is not None and inp.turnover_year != inp.agreement_year - 1:
        warnings.append(
            f"De omzet is van {inp.turnover_year}, maar art. 7 lid 1 telt de omzet van het kalenderjaar vóór de "
            f"afspraak ({inp.agreement_year - 1}). Vul de omzet van {inp.agreement_year - 1} in.")
    if inp.competitors and lid2_share.met is True and inp.market_shares_bp and \
            max(s for s in inp.market_shares_bp if s is not None) == params.MAX_MARKET_SHARE_BP.value():
        warnings.append(
            "Het marktaandeel is precies 10,00%. De wet zegt 'niet groter dan 10%' en daar volgt deze rekenhulp; "
            "de ACM-pagina 'Samenwerken in de zorgsector' zegt 'onder de 10%'. Op precies de grens is voorzichtigheid geboden.")
        norms.append(NORM_ACM_WORDING)
    if inp.trade_effect in ("yes", "unknown"):
        warnings.append(
            "Als de afspraak de handel tussen EU-lidstaten kan beïnvloeden, kan het Europese kartelverbod "
            "(art. 101 VWEU) gelden. Dat volgt uit het Europese recht zelf, niet uit art. 7 Mededingingswet, "
            "en art. 7 neemt het niet weg."
            + (" U weet dat nog niet: zoek het uit." if inp.trade_effect == "unknown" else ""))
    if inp.all_mainly_goods:
        warnings.append(
            "U geeft aan dat alle betrokken ondernemingen hoofdzakelijk goederen leveren. Zorgaanbieders leveren "
            "doorgaans diensten; de hogere grens van € 5.500.000 geldt alleen als dat voor álle betrokkenen klopt.")
    return warnings, norms


def _summary(inp: Inputs, verdict: str, lid1_conditions: list[Condition], lid2_conditions: list[Condition],
             lid1: bool | None, lid2: bool | None) -> str:
    """One Dutch sentence for the verdict; a caution never reads as a plain exemption."""
    if verdict == "exempt":
        via = join_nl([r for r, v in (("lid 1", lid1), ("lid 2", lid2)) if v])
        return (f"De samenwerking valt onder de bagatelvoorziening van art. 7 Mededingingswet ({via}): het "
                   "kartelverbod van art. 6 lid 1 geldt dan niet.")
    elif verdict == "exempt-with-caution":
        via = join_nl([r for r, v in (("lid 1", lid1), ("lid 2", lid2)) if v])
        return (f"Volgens de cijfers geldt art. 7 Mededingingswet ({via}), maar de afspraak gaat over "
                   f"{join_nl([INVOLVES_CHOICES[k] for k in inp.involves])}: reken niet op de bagatelvoorziening. "
                   "De ACM kan het kartelverbod alsnog van toepassing verklaren (art. 9), en het Europese "
                   "kartelverbod kan gelden.")
    elif verdict == "not-exempt":
        reasons = [c.explanation.rstrip(".") for c in lid1_conditions + lid2_conditions
                   if c.met is False and c.id != "lid2-competitors"]
        return ("De samenwerking valt niet onder de bagatelvoorziening van art. 7 Mededingingswet"
                   + (f" ({reasons[0]})" if reasons else "")
                   + "; dat betekent niet dat ze verboden is: toets haar aan art. 6 (bijvoorbeeld lid 3) en de "
                   "richtsnoeren van de ACM.")
    else:
        open_routes = [cs for cs, v in ((lid1_conditions, lid1), (lid2_conditions, lid2)) if v is None]
        return incomplete_summary([c for cs in open_routes for c in cs])



def compute(inputs: dict[str, Any]) -> dict[str, Any]:
    """Check both routes of art. 7 and fold them: exempt when either holds."""
    inp = parse_inputs(inputs)
    net = inp.net_turnover_cents
    c_n = undertakings_within_limit(inp.undertakings)
    c_t = turnover_within_cap(net, inp.all_mainly_goods, at_least_cents=inp.net_turnover_at_least_cents,
                              deducted_cents=inp.sales_between_cents)
    c_comp = parties_are_competitors(inp.competitors)
    c_share = market_share_within_limit(inp.market_shares_bp)
    c_trade = no_appreciable_effect_on_trade(inp.trade_effect)
    lid1_conditions = [c_n, c_t]
    lid2_conditions = [c_comp, c_share, c_trade]
    lid1, lid2 = all_met(lid1_conditions), all_met(lid2_conditions)
    exempt = any_met([lid1, lid2])
    verdict = {True: "exempt", False: "not-exempt", None: "incomplete"}[exempt]
    if verdict == "exempt" and inp.involves:
        # The statute exempts, but the source warns not to rely on it: a state of its own, so the
        # headline never contradicts the warning under it.
        verdict = "exempt-with-caution"

    warnings, extra_norms = _warnings(inp, c_share)
    if inp.net_turnover_cents is not None:  # art. 8 says how that turnover is counted
        extra_norms.append(NORM_TURNOVER)
    warnings += unknown_keys_warning(inputs, KNOWN_KEYS)

    summary = _summary(inp, verdict, lid1_conditions, lid2_conditions, lid1, lid2)

    services, goods = params.TURNOVER_CAP_SERVICES.value(), params.TURNOVER_CAP_GOODS.value()
    cap = applicable_turnover_cap(inp.all_mainly_goods)
    known_shares = [s for s in inp.market_shares_bp if s is not None]
    extra: dict[str, Any] = {
        "routes": {
            "lid1": {"met": lid1, "conditions": [c.as_dict() for c in lid1_conditions]},
            "lid2": {"met": lid2, "conditions": [c.as_dict() for c in lid2_conditions]},
        },
        "undertakings": inp.undertakings,
        "gross_turnover_cents": inp.gross_turnover_cents,
        "deducted_sales_cents": inp.sales_between_cents,
        "combined_turnover_cents": net,
        "threshold_cents": cap,
        "thresholds": {
            "max_undertakings": params.MAX_UNDERTAKINGS.value(),
            "turnover_services_cents": services,
            "turnover_goods_cents": goods,
            "max_market_share_bp": params.MAX_MARKET_SHARE_BP.value(),
        },
        "market_shares_bp": list(inp.market_shares_bp),
        "margins": {
            "undertakings": None if inp.undertakings is None else params.MAX_UNDERTAKINGS.value() - inp.undertakings,
            "turnover_cents": None if net is None or cap is None else cap - net,
            "turnover_services_cents": None if net is None else services - net,
            "turnover_goods_cents": None if net is None else goods - net,
            "market_share_bp": None if not known_shares else params.MAX_MARKET_SHARE_BP.value() - max(known_shares),
        },
        "what_would_flip": what_would_flip(inp, lid1, lid2, verdict, {
            "lid1": any(c.met is None for c in lid1_conditions),
            "lid2": any(c.met is None for c in lid2_conditions)}),
    }
    if inp.participants is not None:
        extra["participants"] = [
            {"name": p.name, "turnover_cents": p.turnover_cents, "group_turnover_cents": p.group_turnover_cents,
             "counted_cents": p.counted_cents, "mainly_goods": p.mainly_goods}
            for p in inp.participants
        ]
    env = result_envelope(ID, verdict, summary, lid1_conditions + lid2_conditions, warnings, extra)
    return add_norms(env, extra_norms)


def to_text(result: dict[str, Any]) -> str:
    """Dutch text: the conditions, the margins and what would flip the outcome."""
    lines = []
    if result.get("combined_turnover_cents") is not None:
        lines.append(f"Gezamenlijke omzet (art. 8): {format_cents(result['combined_turnover_cents'])}")
    if result.get("threshold_cents") is not None:
        lines.append(f"Toegepaste omzetgrens: {format_cents(result['threshold_cents'])}")
    m = result.get("margins", {})
    if m.get("turnover_cents") is not None:
        word = "ruimte" if m["turnover_cents"] >= 0 else "overschrijding"
        lines.append(f"Marge tot de omzetgrens: {format_cents(abs(m['turnover_cents']))} {word}")
    if m.get("market_share_bp") is not None:
        word = "ruimte" if m["market_share_bp"] >= 0 else "overschrijding"
        lines.append(f"Marge tot 10% marktaandeel: {format_bp(abs(m['market_share_bp']))} {word}")
    flip = result.get("what_would_flip")
    if flip:
        lines.append(f"Wat de uitkomst omdraait: {flip['summary']}")
    return render_text(result, VERDICT_LABELS, lines)


INPUT_FIELDS = [
    FieldDoc("participants", "lijst van objecten", False,
             "De betrokken ondernemingen: per onderneming name, turnover_eur (omzet vorig kalenderjaar), "
             "optioneel group_turnover_eur (omzet van de hele groep, art. 8) en mainly_goods (ja/nee). "
             "Ondernemingen uit één groep tellen als één onderneming; afzonderlijke afspraken met hetzelfde doel van één "
             "onderneming tellen als één afspraak (art. 7 lid 3). Of gebruik de totalen hieronder."),
    FieldDoc("undertakings", "geheel getal", False, "Aantal betrokken ondernemingen (als u geen deelnemerslijst geeft); minstens 2."),
    FieldDoc("combined_turnover_eur", "bedrag", False,
             "Gezamenlijke netto-omzet in het vorige kalenderjaar, groepsomzet meegeteld (als u geen deelnemerslijst geeft). "
             "Bijvoorbeeld 1.100.000 of 1100000,50."),
    FieldDoc("all_mainly_goods", "ja/nee", False,
             "Leveren alle betrokken ondernemingen hoofdzakelijk goederen? Alleen dan geldt € 5.500.000; anders € 1.100.000."),
    FieldDoc("sales_between_participants_eur", "bedrag", False, "Verkopen tussen de deelnemers onderling; die tellen niet mee (art. 8)."),
    FieldDoc("turnover_year", "jaar", False, "Het jaar waarvan de omzet is; art. 7 telt het kalenderjaar vóór de afspraak."),
    FieldDoc("agreement_year", "jaar", False, "Het jaar waarin de afspraak wordt gemaakt."),
    FieldDoc("competitors", "ja/nee", False, "Zijn de partijen (potentiële) concurrenten? Alleen dan kan lid 2 gelden."),
    FieldDoc("market_shares_pct", "lijst van percentages", False,
             "Gezamenlijk marktaandeel per relevante markt, bijvoorbeeld [\"4,5\", \"10\"]. Een element mag ook een lijst "
             "zijn met de aandelen van de deelnemers op die markt; die worden opgeteld."),
    FieldDoc("affects_trade_between_member_states", "\"yes\" | \"no\" | \"unknown\"", False,
             "Kan de afspraak de handel tussen EU-lidstaten merkbaar beïnvloeden?"),
    FieldDoc("involves", "lijst", False,
             "Gaat de afspraak over \"price-fixing\" (prijsafspraken), \"market-sharing\" (klanten of gebieden verdelen) "
             "of \"bid-rigging\" (afstemmen bij aanbestedingen)? Dan volgt een waarschuwing."),
]

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
