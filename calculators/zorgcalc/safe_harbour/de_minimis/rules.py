"""The conditions of Mededingingswet art. 7 (one function each) and what would turn them around.

Boundaries are the law's: "niet meer dan", "niet hoger dan" and "niet groter dan" are inclusive;
the values and their references live in ``..params``.
"""

from __future__ import annotations

from typing import Any

from ...envelope import Condition
from ...numbers import format_bp, format_cents, format_percent
from .. import params
from ..common import join_nl
from .inputs import ALL_GOODS, COMPETITORS, NORM, SHARES, TRADE, UNDERTAKINGS, Inputs




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
    where = f"precies op de grens; de wet zegt 'niet groter dan {format_percent(limit)}', dus dat mag" if top == limit \
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
        changes.append(_change(UNDERTAKINGS.key, extra_n, "ondernemingen",
                               f"{extra_n} onderneming{'en' if extra_n != 1 else ''} meer betrokken"))
        cap_used = cap if cap is not None else params.TURNOVER_CAP_SERVICES.value()
        extra = cap_used + 1 - net
        changes.append(_change("combined_turnover_cents", extra, "cent",
                               f"{format_cents(extra)} meer gezamenlijke omzet"))
        if inp.all_mainly_goods and not params.TURNOVER_CAP_SERVICES.allows(net):
            changes.append(_change(ALL_GOODS.key, None, None,
                                   "één betrokken onderneming die niet hoofdzakelijk goederen levert "
                                   f"(dan geldt de grens van {format_cents(params.TURNOVER_CAP_SERVICES.value())})"))
        return {"currently_met": True, "mode": "any", "changes": changes}
    if met is False:
        if n is not None and not max_n.allows(n):
            fewer = n - max_n.largest_passing()
            changes.append(_change(UNDERTAKINGS.key, -fewer, "ondernemingen",
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
        changes.append(_change(f"{SHARES.key}[{i}]", more, "basispunten",
                               f"{format_bp(more)} meer gezamenlijk marktaandeel op markt {i + 1}"))
        changes.append(_change(TRADE.key, None, None,
                               "een merkbare invloed op de handel tussen EU-lidstaten"))
        return {"currently_met": True, "mode": "any", "changes": changes}
    if met is False:
        if inp.competitors is False:
            changes.append(_change(COMPETITORS.key, None, None, "lid 2 geldt alleen voor concurrenten"))
        if inp.trade_effect == "yes":
            changes.append(_change(TRADE.key, None, None,
                                   "geen merkbare invloed op de handel tussen EU-lidstaten"))
        for i, s in enumerate(inp.market_shares_bp):
            if s is not None and not p.allows(s):
                less = s - p.largest_passing()
                changes.append(_change(f"{SHARES.key}[{i}]", -less, "basispunten",
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
