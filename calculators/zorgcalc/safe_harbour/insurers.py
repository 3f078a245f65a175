"""Insurers cooperating in selective purchasing (NMa, Informatiekaart samenwerking
zorgverzekeraars, about 2011; docs-dev/domain-rules.md §5).

The card lost its layout in extraction; the structure here is the reconstruction in
docs-dev/domain-rules.md §5, and results say so. Historical NMa guidance, shown as such.

Routes (the combined-share thresholds are strict: "kleiner dan 15 procent"; exactly 15.00% fails):

* A: combined share below 15% on the purchasing market and below 15% on the insurance market;
* B: combined share below 15% on the insurance market, and the insurers do not (or hardly)
  purchase in the same regions;
* C: minimum quality norms exist for this care; individual demand is too small for providers to
  meet them; no more insurers cooperate than strictly necessary; providers are chosen on
  transparent and objective criteria; on quality only minimum norms are agreed.

Jointly choosing providers: A or B or C. Joint price negotiations: A or B. Boxes for SEH selection,
SEH compensation and minimum quality norms; maximum quality norms never; performance indicators
used individually are allowed. Standing rules for every type: only strictly necessary competitively
sensitive information is exchanged, and no agreements with providers that exclude other insurers.
"""

from __future__ import annotations

from typing import Any

from ..envelope import Condition, all_met, any_met, result_envelope
from ..numbers import format_bp, format_percent, parse_percent_bp
from ..questions import Question, Repeated, Section
from ..spec import Example, Page, Verdict
from . import params
from .common import (INCOMPLETE, Errors, answer_condition, field_label, incomplete_summary, lower_first, read_answers,
                     read_choice, render_text, unknown_inputs_warning)

ID = "insurers"
DESCRIPTION = "Zorgverzekeraars kopen samen in: voorwaarden van de NMa-Informatiekaart (routes A, B en C)"
PAGE = Page("samenwerkende-zorgverzekeraars", "Zorgverzekeraars kopen samen in", order=50)

N_SELECT = "nma-inkoop-selectie"
N_PRICE = "nma-prijsonderhandelingen"
N_SEH_SELECT = "nma-seh-selectie"
N_SEH_COMP = "nma-seh-compensatie"
N_SEH_RULES = "nma-seh-regels"
N_INDICATORS = "nma-prestatie-indicatoren"
N_MIN = "nma-minimum-kwaliteitsnormen"
N_MAX = "nma-maximum-kwaliteitsnormen"
N_INFO = "nma-informatie-uitwisseling"
N_EXCL = "nma-geen-uitsluiting"
NORM_IDS = frozenset({N_SELECT, N_PRICE, N_SEH_SELECT, N_SEH_COMP, N_SEH_RULES, N_INDICATORS, N_MIN, N_MAX, N_INFO, N_EXCL})

COOPERATION = {
    "select-providers": "samen bepalen bij welke zorgaanbieders wordt ingekocht",
    "price-negotiation": "samen prijsonderhandelingen voeren",
    "seh-selection": "samen bepalen bij welke ziekenhuizen SEH wordt ingekocht",
    "seh-compensation": "samen ziekenhuizen compenseren voor het sluiten van SEH-posten",
    "minimum-quality-norms": "samen minimum kwaliteitsnormen stellen",
    "maximum-quality-norms": "samen maximum kwaliteitsnormen stellen",
    "performance-indicators": "samen prestatie-indicatoren ontwikkelen",
}
ROUTES_BY_TYPE = {"select-providers": ("A", "B", "C"), "price-negotiation": ("A", "B")}
ROUTE_NORM = {"select-providers": N_SELECT, "price-negotiation": N_PRICE}
VERDICTS = {
    "allowed": Verdict("Toegestaan", "toegestaan", "good"),
    "not-allowed": Verdict("Niet toegestaan", "niet toegestaan", "bad"),
    "incomplete": INCOMPLETE,
}
HISTORICAL_NOTE = (
    "Bron: NMa, Informatiekaart samenwerking zorgverzekeraars (ca. 2011), historische richtsnoer van de voorganger van "
    "de ACM. De opmaak van de kaart ging verloren; de indeling in routes A, B en C is uit de tekst gereconstrueerd. "
    "Zie voor actuele uitleg de Richtsnoeren voor de zorgsector van de ACM."
)

_ROUTES = ("select-providers", "price-negotiation")
_LIMIT = format_percent(params.INSURERS_MAX_SHARE_BP.value())


def _in_words(bp: int) -> str:
    """The card's own words for the limit: "15 procent"."""
    return format_percent(bp).replace("%", " procent")


def _yes_no(norm: str, *items: tuple[str, str, tuple[str, ...]]) -> tuple[Question, ...]:
    return tuple(Question(key, "bool3", label, norm=norm, feeds=feeds) for key, label, feeds in items)


QUESTIONS = (
    Section("Soort samenwerking", (
        Question("cooperation", "choice", "Wat willen de zorgverzekeraars samen doen?", options=tuple(COOPERATION.items())),
    )),
    Section("Marktaandelen (routes A en B)", norms=(N_SELECT, N_PRICE), shown_when=("cooperation", _ROUTES), questions=(
        Repeated("purchasing_share_pct", "Verzekeraar", (Question("", "percent", "Aandeel op de inkoopmarkt"),),
                 "Verzekeraar toevoegen", label="Gezamenlijk marktaandeel op de inkoopmarkt",
                 help=f"Per samenwerkende verzekeraar; de aandelen worden opgeteld. Samen kleiner dan {_LIMIT}. "
                      "Ook één getal (het gezamenlijke aandeel) mag."),
        Repeated("insurance_share_pct", "Verzekeraar", (Question("", "percent", "Aandeel op de verzekeringsmarkt"),),
                 "Verzekeraar toevoegen", label="Gezamenlijk marktaandeel op de verzekeringsmarkt",
                 help=f"Per samenwerkende verzekeraar; samen kleiner dan {_LIMIT}. Ook één getal mag."),
        *_yes_no(N_SELECT, ("same_regions", "Kopen de verzekeraars (meer dan nauwelijks) in dezelfde regio’s in?",
                            ("B-regions",))),
    )),
    Section("Route C: minimum kwaliteitsnormen", norms=(N_SELECT,), shown_when=("cooperation", ("select-providers",)),
            questions=_yes_no(
        N_SELECT,
        ("minimum_norms_exist", "Bestaan er minimum kwaliteitsnormen voor deze zorg?", ("C-minimum-norms-exist",)),
        ("individual_demand_too_small", "Is de individuele vraag te klein om aan de minimumnormen te voldoen?",
         ("C-individual-demand-too-small",)),
        ("no_more_parties_than_necessary", "Werken niet meer verzekeraars samen dan strikt noodzakelijk?",
         ("C-no-more-parties",)),
        ("only_minimum_norms", "Worden over kwaliteit alleen minimumnormen afgesproken?", ("C-only-minimum-norms",)),
    )),
    Section("Route C en SEH: criteria", shown_when=("cooperation", ("select-providers", "seh-selection")), questions=_yes_no(
        N_SELECT,
        ("transparent_objective_criteria",
         "Worden de aanbieders (of ziekenhuizen) gekozen op transparante en objectieve criteria?",
         ("C-transparent-criteria", "seh-transparent-criteria")),
    ), norms=(N_SELECT, N_SEH_SELECT)),
    Section("SEH: ziekenhuizen kiezen", norms=(N_SEH_SELECT, N_SEH_RULES), shown_when=("cooperation", ("seh-selection",)),
            questions=(
        *_yes_no(N_SEH_SELECT,
                 ("national_framework", "Wordt de keuze regionaal gemaakt volgens een landelijk kader?",
                  ("seh-national-framework",)),
                 ("framework_complies",
                  "Voldoet dat landelijk kader zelf aan de Mededingingswet (keuzevrijheid van burgers en concurrentie "
                  "tussen zorgaanbieders gewaarborgd)?", ("seh-framework-complies",)),
                 ("individual_purchasing_insufficient", "Haalt individueel inkopen aantoonbaar de beoogde beperking niet?",
                  ("seh-individual-insufficient",))),
        *_yes_no(N_SEH_RULES,
                 ("providers_asked_to_divide",
                  "Vragen de verzekeraars de ziekenhuizen onderling te bepalen wie SEH aanbiedt?",
                  ("seh-no-division-by-providers",))),
    )),
    Section("SEH: compensatie voor sluiting", norms=(N_SEH_COMP,), shown_when=("cooperation", ("seh-compensation",)),
            questions=_yes_no(
        N_SEH_COMP,
        ("compensation_necessary", "Is financiële compensatie noodzakelijk om de SEH-capaciteit terug te brengen?",
         ("seh-compensation-necessary",)),
        ("limited_to_phase_out_costs", "Blijft de compensatie beperkt tot de kosten van de afbouw?",
         ("seh-compensation-limited",)),
        ("individual_financing", "Beslist iedere verzekeraar zelf hoe hij zijn deel financiert?",
         ("seh-compensation-individual-financing",)),
    )),
    Section("Minimum kwaliteitsnormen", norms=(N_MIN,), shown_when=("cooperation", ("minimum-quality-norms",)),
            questions=_yes_no(
        N_MIN,
        ("scientifically_founded", "Zijn de normen medisch-inhoudelijk en wetenschappelijk gefundeerd?",
         ("min-scientifically-founded",)),
        ("endorsable_by_associations", "Kunnen de wetenschappelijke verenigingen de normen onderschrijven?",
         ("min-endorsable",)),
        ("not_above_inspectorate", "Zijn de normen niet hoger dan die van de Inspectie (als die er zijn)?",
         ("min-not-above-inspectorate",)),
        ("individual_higher_allowed", "Mogen individuele verzekeraars hogere normen hanteren?",
         ("min-individual-higher-allowed",)),
    )),
    Section("Prestatie-indicatoren", norms=(N_INDICATORS,), shown_when=("cooperation", ("performance-indicators",)),
            questions=_yes_no(
        N_INDICATORS,
        ("indicators_used_individually", "Koopt iedere verzekeraar met de indicatoren individueel in?",
         ("indicators-individual-use",)),
    )),
    Section("Regels voor elke samenwerking", norms=(N_INFO, N_EXCL), questions=(
        *_yes_no(N_INFO, ("only_necessary_information",
                          "Wisselen de verzekeraars alleen strikt noodzakelijke concurrentiegevoelige informatie uit?",
                          ("only-necessary-information",))),
        *_yes_no(N_EXCL, ("exclusive_deals", "Maken de verzekeraars met aanbieders afspraken die andere verzekeraars uitsluiten?",
                          ("no-exclusive-deals",))),
    )),
)
_SHARES = {r.key: r for s in QUESTIONS for r in s.questions if isinstance(r, Repeated)}


# --------------------------------------------------------------------------------------------
# Shares


def _share(inputs: dict[str, Any], shares: Repeated, errors: Errors) -> int | None:
    """A combined share in basis points; a list of the insurers' own shares is added up exactly
    (so "2,3" + "6,1" + "6,6" is 1500 bp, not 14.999999999999998%)."""
    key, label = shares.key, shares.label
    raw = inputs.get(key)
    if raw is None:
        return None
    if isinstance(raw, list):
        if not raw:
            errors.add(key, f"{label}: de lijst met marktaandelen is leeg.")
            return None
        parts = [errors.attempt(lambda v=v, i=i: parse_percent_bp(v, f"{key}[{i}]", f"{label}, verzekeraar {i + 1}"))
                 for i, v in enumerate(raw)]
        if any(p is None for p in parts):
            return None
        total = sum(p for p in parts if p is not None)
        if total > 100_00:
            errors.add(key, f"{label}: de aandelen tellen op tot {format_bp(total)}, meer dan 100%.")
            return None
        return total
    return errors.attempt(lambda: parse_percent_bp(raw, key, label))


# --------------------------------------------------------------------------------------------
# Conditions, one per sentence of the card


def share_below_limit(id: str, market: str, share_bp: int | None, norm: str) -> Condition:
    """Routes A and B: "gezamenlijke marktaandeel kleiner ... dan 15 procent" (strict)."""
    p = params.INSURERS_MAX_SHARE_BP
    limit = p.value()
    label = f"Gezamenlijk marktaandeel op de {market} kleiner dan {format_bp(limit)}"
    if share_bp is None:
        return Condition(id, label, None, norm, f"Vul het gezamenlijke marktaandeel op de {market} in.")
    if p.allows(share_bp):
        return Condition(id, label, True, norm,
                         f"{format_bp(share_bp)}: {format_bp(limit - share_bp)} onder de grens van {format_bp(limit)}.")
    exact = f" Precies {format_bp(limit)} is niet 'kleiner dan {_in_words(limit)}'." if share_bp == limit else ""
    return Condition(id, label, False, norm, f"{format_bp(share_bp)}: niet kleiner dan {format_bp(limit)}.{exact}")


def hardly_same_regions(id: str, same_regions: bool | None, norm: str) -> Condition:
    """Route B: the insurers do not, or hardly, purchase in the same regions."""
    return answer_condition(
        id, "Verzekeraars kopen niet of nauwelijks in dezelfde regio's in", same_regions, norm, expected=False,
        met_text="De verzekeraars kopen niet of nauwelijks in dezelfde regio's in.",
        unmet_text="De verzekeraars kopen (meer dan nauwelijks) in dezelfde regio's in.")


def route_a(purchasing: int | None, insurance: int | None, norm: str) -> list[Condition]:
    return [share_below_limit("A-purchasing-share", "inkoopmarkt", purchasing, norm),
            share_below_limit("A-insurance-share", "verzekeringsmarkt", insurance, norm)]


def route_b(insurance: int | None, same_regions: bool | None, norm: str) -> list[Condition]:
    return [share_below_limit("B-insurance-share", "verzekeringsmarkt", insurance, norm),
            hardly_same_regions("B-regions", same_regions, norm)]


def route_c(a: dict[str, bool | None], norm: str) -> list[Condition]:
    """Route C: the five conditions for jointly choosing providers on minimum quality norms."""
    return [
        answer_condition("C-minimum-norms-exist", "Er bestaan minimum kwaliteitsnormen voor deze zorg (bijv. minimale aantallen)",
                         a["minimum_norms_exist"], norm,
                         met_text="Er bestaan minimum kwaliteitsnormen voor deze zorg.",
                         unmet_text="Zonder bestaande minimum kwaliteitsnormen staat route C niet open."),
        answer_condition("C-individual-demand-too-small", "Individuele vraag te klein om de normen te halen (aantoonbaar)",
                         a["individual_demand_too_small"], norm,
                         met_text="De verzekeraars kunnen aantonen dat hun individuele vraag te klein is.",
                         unmet_text="De individuele vraag is groot genoeg; samenwerking is dan niet nodig."),
        answer_condition("C-no-more-parties", "Niet meer verzekeraars dan strikt noodzakelijk (aantoonbaar)",
                         a["no_more_parties_than_necessary"], norm,
                         met_text="Er werken niet meer verzekeraars samen dan strikt noodzakelijk.",
                         unmet_text="Er werken meer verzekeraars samen dan strikt noodzakelijk."),
        answer_condition("C-transparent-criteria", "Aanbieders gekozen op transparante en objectieve criteria",
                         a["transparent_objective_criteria"], norm,
                         met_text="De aanbieders worden gekozen op transparante en objectieve criteria.",
                         unmet_text="De keuze van aanbieders is niet transparant en objectief."),
        answer_condition("C-only-minimum-norms", "Over kwaliteit alleen afspraken over minimumnormen",
                         a["only_minimum_norms"], norm,
                         met_text="Over kwaliteit worden alleen minimumnormen afgesproken.",
                         unmet_text="Er worden ook andere kwaliteitsafspraken gemaakt dan minimumnormen."),
    ]


def seh_selection_box(a: dict[str, bool | None]) -> list[Condition]:
    """SEH: jointly choosing the hospitals where SEH is purchased."""
    return [
        answer_condition("seh-national-framework", "SEH-keuze regionaal volgens een landelijk kader", a["national_framework"], N_SEH_SELECT,
                         met_text="De keuze wordt regionaal gemaakt volgens een landelijk kader.",
                         unmet_text="Er is geen regionale keuze volgens een landelijk kader."),
        answer_condition("seh-framework-complies", "Het landelijk kader voldoet zelf aan de Mededingingswet",
                         a["framework_complies"], N_SEH_SELECT,
                         met_text="Het landelijk kader waarborgt de keuzevrijheid van burgers en de concurrentie tussen "
                                  "zorgaanbieders.",
                         unmet_text="Een landelijk kader dat niet aan de Mededingingswet voldoet, maakt de keuze niet "
                                    "toegestaan: 'Uiteraard dient dit landelijk kader te voldoen aan de "
                                    "Mededingingswet' (inleiding van de kaart)."),
        answer_condition("seh-individual-insufficient", "Individueel inkopen haalt de beoogde beperking van SEH-posten aantoonbaar niet",
                         a["individual_purchasing_insufficient"], N_SEH_SELECT,
                         met_text="De verzekeraars kunnen aantonen dat individueel inkopen de beperking niet haalt.",
                         unmet_text="Niet aangetoond dat individueel inkopen de beperking niet haalt."),
        answer_condition("seh-transparent-criteria", "Keuzes op transparante en objectieve criteria",
                         a["transparent_objective_criteria"], N_SEH_SELECT,
                         met_text="De verzekeraars kiezen samen op transparante en objectieve criteria.",
                         unmet_text="De keuzes zijn niet transparant en objectief."),
    ]


def providers_not_asked_to_divide_seh(asked: bool | None) -> Condition:
    """SEH rule: insurers never ask providers to decide among themselves who offers SEH."""
    return answer_condition(
        "seh-no-division-by-providers", "Aanbieders worden niet gevraagd onderling te bepalen wie SEH aanbiedt", asked, N_SEH_RULES,
        expected=False,
        met_text="De verzekeraars vragen aanbieders niet onderling te bepalen wie SEH aanbiedt.",
        unmet_text="Zorgverzekeraars mogen zorgaanbieders niet vragen onderling te bepalen wie SEH aanbiedt.")


def seh_compensation_box(a: dict[str, bool | None]) -> list[Condition]:
    """SEH: joint financial compensation for closing SEH posts."""
    return [
        answer_condition("seh-compensation-necessary", "Compensatie is noodzakelijk om de SEH-capaciteit terug te brengen",
                         a["compensation_necessary"], N_SEH_COMP,
                         met_text="De compensatie is noodzakelijk om de capaciteit terug te brengen.",
                         unmet_text="De compensatie is niet noodzakelijk."),
        answer_condition("seh-compensation-limited", "Compensatie beperkt tot de kosten die direct met de afbouw samenhangen",
                         a["limited_to_phase_out_costs"], N_SEH_COMP,
                         met_text="De compensatie blijft beperkt tot de afbouwkosten.",
                         unmet_text="De compensatie gaat verder dan de kosten van de afbouw."),
        answer_condition("seh-compensation-individual-financing", "Iedere verzekeraar beslist zelf hoe hij zijn deel financiert",
                         a["individual_financing"], N_SEH_COMP,
                         met_text="Iedere verzekeraar financiert zijn deel op eigen wijze.",
                         unmet_text="De financiering van de compensatie wordt samen bepaald."),
    ]


def minimum_norms_box(a: dict[str, bool | None]) -> list[Condition]:
    """Joint minimum quality norms."""
    return [
        answer_condition("min-scientifically-founded", "Normen zijn medisch-inhoudelijk en wetenschappelijk gefundeerd",
                         a["scientifically_founded"], N_MIN,
                         met_text="De normen zijn medisch-inhoudelijk en wetenschappelijk gefundeerd.",
                         unmet_text="De normen zijn niet wetenschappelijk gefundeerd."),
        answer_condition("min-endorsable", "Wetenschappelijke verenigingen kunnen de normen onderschrijven",
                         a["endorsable_by_associations"], N_MIN,
                         met_text="De wetenschappelijke verenigingen kunnen de normen onderschrijven.",
                         unmet_text="De wetenschappelijke verenigingen kunnen de normen niet onderschrijven."),
        answer_condition("min-not-above-inspectorate", "Normen niet hoger dan die van de Inspectie (als die er zijn)",
                         a["not_above_inspectorate"], N_MIN,
                         met_text="De normen zijn niet hoger dan de normen die de Inspectie handhaaft (of die zijn er niet).",
                         unmet_text="De normen zijn hoger dan die van de Inspectie."),
        answer_condition("min-individual-higher-allowed", "Individuele verzekeraars mogen hogere normen hanteren",
                         a["individual_higher_allowed"], N_MIN,
                         met_text="Iedere verzekeraar mag zelf hogere normen hanteren.",
                         unmet_text="Individuele verzekeraars mogen geen hogere normen hanteren."),
    ]


def no_joint_maximum_norms() -> Condition:
    """Never allowed: joint maximum quality norms."""
    return Condition("max-norms-never", "Geen gezamenlijke maximum kwaliteitsnormen", False, N_MAX,
                     "Zorgverzekeraars mogen samen geen maximum kwaliteitsnormen stellen.")


def indicators_used_individually(answer: bool | None) -> Condition:
    """Performance indicators developed jointly and used by each insurer individually: allowed."""
    return answer_condition(
        "indicators-individual-use", "Samen ontwikkelde prestatie-indicatoren, individueel gebruikt bij de inkoop", answer, N_INDICATORS,
        met_text="Samen prestatie-indicatoren ontwikkelen mag, als iedere verzekeraar er zelf mee inkoopt.",
        unmet_text="De indicatoren worden gebruikt om samen in te kopen; het mag alleen als iedere verzekeraar individueel inkoopt.")


def only_necessary_information(answer: bool | None) -> Condition:
    """Standing rule: only competitively sensitive information strictly needed is exchanged."""
    return answer_condition(
        "only-necessary-information", "Alleen strikt noodzakelijke concurrentiegevoelige informatie uitgewisseld", answer, N_INFO,
        met_text="Alleen concurrentiegevoelige informatie die strikt noodzakelijk is wordt uitgewisseld.",
        unmet_text="Er wordt meer concurrentiegevoelige informatie uitgewisseld dan strikt noodzakelijk.")


def no_exclusive_deals(exclusive: bool | None) -> Condition:
    """Standing rule: no agreements with providers that exclude other insurers."""
    return answer_condition(
        "no-exclusive-deals", "Geen afspraken met aanbieders die andere verzekeraars uitsluiten", exclusive, N_EXCL,
        expected=False,
        met_text="Er zijn geen afspraken die andere verzekeraars uitsluiten.",
        unmet_text="Samenwerkende verzekeraars mogen met aanbieders geen afspraken maken die andere verzekeraars uitsluiten.")


# --------------------------------------------------------------------------------------------


def compute(inputs: dict[str, Any]) -> dict[str, Any]:
    """Fold: (any route, where the type has routes) and every box condition and both standing rules."""
    errors = Errors()
    coop = read_choice(inputs, "cooperation", field_label(QUESTIONS[0].questions[0]), COOPERATION, errors)
    purchasing, insurance = (_share(inputs, shares, errors) for shares in _SHARES.values())
    a = read_answers(inputs, QUESTIONS, errors)
    errors.raise_if_any()
    if coop is None:  # nothing chosen yet: no verdict, and say what comes first
        return result_envelope(ID, "incomplete", "Nog niet te beoordelen: kies eerst wat de zorgverzekeraars samen "
                               "willen doen; daarna toont de rekenhulp de voorwaarden die daarbij horen.", [],
                               [HISTORICAL_NOTE] + unknown_inputs_warning(inputs, QUESTIONS), {"cooperation": None})

    routes: dict[str, dict[str, Any]] = {}
    route_met: list[bool | None] = []
    route_conditions: list[Condition] = []
    open_route_conditions: list[Condition] = []
    for r in ROUTES_BY_TYPE.get(coop, ()):
        norm = ROUTE_NORM[coop]
        conds = {"A": lambda: route_a(purchasing, insurance, norm),
                 "B": lambda: route_b(insurance, a["same_regions"], norm),
                 "C": lambda: route_c(a, norm)}[r]()
        met = all_met(conds)
        routes[r] = {"met": met, "conditions": [c.as_dict() for c in conds]}
        route_met.append(met)
        route_conditions += conds
        if met is None:
            open_route_conditions += [c for c in conds if c.met is None]

    box: list[Condition] = []
    if coop == "seh-selection":
        box = seh_selection_box(a) + [providers_not_asked_to_divide_seh(a["providers_asked_to_divide"])]
    elif coop == "seh-compensation":
        box = seh_compensation_box(a) + [providers_not_asked_to_divide_seh(a["providers_asked_to_divide"])]
    elif coop == "minimum-quality-norms":
        box = minimum_norms_box(a)
    elif coop == "maximum-quality-norms":
        box = [no_joint_maximum_norms()]
    elif coop == "performance-indicators":
        box = [indicators_used_individually(a["indicators_used_individually"])]
    standing = [only_necessary_information(a["only_necessary_information"]), no_exclusive_deals(a["exclusive_deals"])]

    any_route = any_met(route_met) if route_met else True
    rest = all_met(box + standing)
    overall = all_met_values([any_route, rest])
    verdict = {True: "allowed", False: "not-allowed", None: "incomplete"}[overall]

    what = COOPERATION[coop]
    route_names = " of ".join(routes)
    if verdict == "allowed":
        via = [r for r, v in routes.items() if v["met"]]
        summary = (f"Toegestaan volgens de NMa-Informatiekaart: {what}"
                   + (f" via route {' en '.join(via)}" if via else "") + "; ook de vaste regels (alleen strikt noodzakelijke informatie, geen uitsluiting van andere verzekeraars) worden nageleefd.")
    elif verdict == "not-allowed":
        if coop == "maximum-quality-norms":
            summary = "Niet toegestaan: zorgverzekeraars mogen samen geen maximum kwaliteitsnormen stellen."
        elif any_route is False:
            summary = f"Niet toegestaan: voor '{what}' is aan geen van de routes {route_names} voldaan."
        else:
            failing = [lower_first(c.label) for c in box + standing if c.met is False]
            summary = f"Niet toegestaan: {what} vraagt dat het volgende klopt: {failing[0]}."
    else:
        open_conds = [c for c in box + standing if c.met is None]
        if any_route is None:
            open_conds = open_route_conditions + open_conds
        summary = incomplete_summary(_unique(open_conds))

    warnings = _warnings(inputs, coop, (purchasing, insurance), a["minimum_norms_exist"])

    extra: dict[str, Any] = {"cooperation": coop, "purchasing_share_bp": purchasing, "insurance_share_bp": insurance,
                             "max_share_bp": params.INSURERS_MAX_SHARE_BP.value()}
    if routes:
        extra["routes"] = routes
    # A condition shared by routes (the insurance-market share of A and B) is listed once.
    return result_envelope(ID, verdict, summary, _unique(route_conditions + box + standing), warnings, extra)


def _warnings(inputs: dict[str, Any], coop: str, shares: tuple[int | None, ...],
              minimum_norms_exist: bool | None) -> list[str]:
    warnings = [HISTORICAL_NOTE]
    limit = params.INSURERS_MAX_SHARE_BP.value()
    if coop in ROUTES_BY_TYPE and limit in shares:
        warnings.append(f"Een marktaandeel van precies {format_bp(limit)} is niet 'kleiner dan {_in_words(limit)}': "
                        "routes A en B vallen dan af.")
    if coop == "price-negotiation" and minimum_norms_exist is not None:
        warnings.append("Route C geldt alleen voor samen bepalen bij welke aanbieders wordt ingekocht, niet voor prijsonderhandelingen.")
    return warnings + unknown_inputs_warning(inputs, QUESTIONS)


def all_met_values(values: list[bool | None]) -> bool | None:
    """Three-valued AND over plain values (envelope.all_met takes conditions)."""
    if any(v is False for v in values):
        return False
    if any(v is None for v in values):
        return None
    return True


def _unique(conditions: list[Condition]) -> list[Condition]:
    """Each condition once: by id, and by what it says (routes A and B test the same share)."""
    seen: set[object] = set()
    out = []
    for c in conditions:
        said = (c.label, c.met, c.explanation)
        if c.id not in seen and said not in seen:
            seen.update((c.id, said))
            out.append(c)
    return out


def to_text(result: dict[str, Any]) -> str:
    lines = []
    for r, route in result.get("routes", {}).items():
        mark = {True: "voldaan", False: "niet voldaan", None: "nog open"}[route["met"]]
        lines.append(f"Route {r}: {mark}")
    return render_text(result, VERDICTS, lines)


DEFAULT_INPUTS: dict[str, Any] = {}  # a calculator starts unanswered

_TYPICAL: dict[str, Any] = {
    "cooperation": "select-providers",
    "purchasing_share_pct": ["4,2", "5,1"],
    "insurance_share_pct": ["4,0", "4,8"],
    "same_regions": True,
    "only_necessary_information": True,
    "exclusive_deals": False,
}

EXAMPLES = [
    Example("Twee kleine verzekeraars kiezen samen ziekenhuizen voor een ingreep", _TYPICAL),
    Example("Drie verzekeraars met samen precies 15% onderhandelen over prijzen", {
        "cooperation": "price-negotiation", "purchasing_share_pct": ["2,3", "6,1", "6,6"],
        "insurance_share_pct": ["2,3", "6,1", "6,6"], "same_regions": False,
        "only_necessary_information": True, "exclusive_deals": False}),
    Example("Volumenormen voor complexe oncologische zorg (route C)", {
        "cooperation": "select-providers", "purchasing_share_pct": "40", "insurance_share_pct": "38",
        "same_regions": True, "minimum_norms_exist": True, "individual_demand_too_small": True,
        "no_more_parties_than_necessary": True, "transparent_objective_criteria": True, "only_minimum_norms": True,
        "only_necessary_information": True, "exclusive_deals": False}),
    Example("SEH-posten in een regio terugbrengen", {
        "cooperation": "seh-selection", "national_framework": True, "framework_complies": True,
        "individual_purchasing_insufficient": True,
        "transparent_objective_criteria": True, "providers_asked_to_divide": False,
        "only_necessary_information": True, "exclusive_deals": None}),
    Example("Samen maximum kwaliteitsnormen stellen", {
        "cooperation": "maximum-quality-norms", "only_necessary_information": True, "exclusive_deals": False}),
    Example("Samen minimum kwaliteitsnormen stellen, boven die van de Inspectie", {
        "cooperation": "minimum-quality-norms", "scientifically_founded": True, "endorsable_by_associations": True,
        "not_above_inspectorate": False, "individual_higher_allowed": True,
        "only_necessary_information": True, "exclusive_deals": False}),
    Example("Samen prestatie-indicatoren ontwikkelen, ieder koopt zelf in", {
        "cooperation": "performance-indicators", "indicators_used_individually": True,
        "only_necessary_information": True, "exclusive_deals": False}),
    Example("Een ziekenhuis compenseren voor het sluiten van een SEH", {
        "cooperation": "seh-compensation", "compensation_necessary": True, "limited_to_phase_out_costs": True,
        "individual_financing": None, "only_necessary_information": True, "exclusive_deals": False}),
]
