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

from typing import Any

from ...envelope import Condition, all_met, any_met, result_envelope
from ...numbers import format_bp, format_cents, format_euros, format_percent
from ...spec import Page, Verdict
from .. import params
from ..common import INCOMPLETE, add_norms, incomplete_summary, join_nl, render_text, unknown_inputs_warning
from .inputs import (DEFAULT_INPUTS, EXAMPLES, INVOLVES_CHOICES, NORM, NORM_PRICE_AREA,  # noqa: F401
                     NORM_TURNOVER, QUESTIONS, Inputs, parse_inputs)
from .rules import (applicable_turnover_cap, market_share_within_limit, no_appreciable_effect_on_trade,
                    parties_are_competitors, turnover_within_cap, undertakings_within_limit, what_would_flip)

ID = "de-minimis"
DESCRIPTION = "Bagatelvoorziening (Mededingingswet art. 7 en 8): valt een samenwerking in klein verband buiten het kartelverbod?"
PAGE = Page("bagatelvoorziening", "Bagatelvoorziening (artikel 7 Mededingingswet)", order=20)
NORM_ART_9 = "mw-art-9"  # the ACM may still apply the cartel ban
NORM_ACM_WORDING = "acm-bagatelvoorziening"  # the ACM's own words, "onder de 10%"
NORM_IDS = frozenset({NORM, NORM_PRICE_AREA, NORM_TURNOVER, NORM_ART_9, NORM_ACM_WORDING})
VERDICTS = {
    "exempt": Verdict("Valt onder de bagatelvoorziening (artikel 7 Mededingingswet)",
                      "valt onder de bagatelvoorziening (art. 6 lid 1 geldt niet)", "good"),
    "exempt-with-caution": Verdict("Valt volgens de cijfers onder artikel 7 Mededingingswet, maar reken er niet op",
                                   "valt volgens de cijfers onder art. 7, maar reken er niet op (prijs- of "
                                   "gebiedsafspraken)", "caution"),
    "not-exempt": Verdict("Valt niet onder de bagatelvoorziening", "valt niet onder de bagatelvoorziening", "bad"),
    "incomplete": INCOMPLETE,
}




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
    if inp.same_purpose_undertakings:
        warnings.append(
            "Artikel 7 lid 3: afzonderlijke afspraken met dezelfde strekking tellen samen als één afspraak. De "
            f"{inp.same_purpose_undertakings} andere ondernemingen daarvan zijn meegeteld in het aantal en de omzet.")
    share = params.MAX_MARKET_SHARE_BP.value()
    if inp.competitors and lid2_share.met is True and inp.market_shares_bp and \
            max(s for s in inp.market_shares_bp if s is not None) == share:
        warnings.append(
            f"Het marktaandeel is precies {format_bp(share)}. De wet zegt 'niet groter dan {format_percent(share)}' en "
            "daar volgt deze rekenhulp; de ACM-pagina 'Samenwerken in de zorgsector' zegt "
            f"'onder de {format_percent(share)}'. Op precies de grens is voorzichtigheid geboden.")
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
            f"doorgaans diensten; de hogere grens van {format_euros(params.TURNOVER_CAP_GOODS.value())} geldt alleen "
            "als dat voor álle betrokkenen klopt.")
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
    warnings += unknown_inputs_warning(inputs, QUESTIONS)

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
        limit = format_percent(params.MAX_MARKET_SHARE_BP.value())
        lines.append(f"Marge tot {limit} marktaandeel: {format_bp(abs(m['market_share_bp']))} {word}")
    flip = result.get("what_would_flip")
    if flip:
        lines.append(f"Wat de uitkomst omdraait: {flip['summary']}")
    return render_text(result, VERDICTS, lines)
