"""The calculator forms: which fields each calculator page asks for, grouped, with Dutch labels,
and the HTML for them. Help texts default to the calculator's own INPUT_FIELDS documentation, so
a field is described in one place. The browser script (docs/assets/javascripts/calculator.js)
reads a form back into JSON inputs from the ``data-path`` and ``data-kind`` attributes alone.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html import escape
from typing import Any

from zorgcalc.registry import load

YES_NO_UNKNOWN = (("true", "ja"), ("false", "nee"), ("null", "weet ik niet"))
# maxlength of the text inputs (issue 17): a name as long as the calculators accept
# (de_minimis.MAX_NAME_CHARS), a number as long as zorgcalc.numbers reads (MAX_TEXT_LENGTH).
# calculator-guard.js holds a link's state to the same caps.
MAX_TEXT_CHARS = 200
MAX_NUMBER_CHARS = 40


@dataclass(frozen=True)
class Field:
    name: str  # JSON path of the input, e.g. "events.offer_submitted_on" or "participants[0].name"
    label: str
    kind: str  # int | text | date | money | percent | bool3 | check | choice | multi
    options: tuple[tuple[str, str], ...] = ()
    help: str | None = None  # None: the calculator's INPUT_FIELDS description
    width: str = ""  # "short" for narrow inputs
    default: Any = None  # shown when the inputs leave the field out (the calculator's own default)
    show_when: tuple[str, tuple[str, ...]] | None = None  # (other field, values): only then relevant


@dataclass(frozen=True)
class ListField:
    """A repeatable row of fields (participants, markets), named ``<name>[i].<sub>`` or ``<name>[i]``."""

    name: str
    row_label: str
    fields: tuple[Field, ...]
    add_label: str
    min_rows: int = 1
    help: str | None = None


@dataclass(frozen=True)
class Group:
    legend: str
    fields: tuple[Field | ListField, ...]
    intro: str = ""
    collapsed: bool = False  # inside a <details>: optional detail most users skip
    show_when: tuple[str, tuple[str, ...]] | None = None
    norms: tuple[str, ...] = ()  # norm ids the group's questions rest on, linked under the legend


@dataclass(frozen=True)
class Form:
    calculator: str
    groups: tuple[Group, ...]


def field_id(path: str) -> str:
    """The HTML id of the control for an input path; the same rule as fieldId() in calculator.js."""
    return "veld-" + re.sub(r"[^a-z0-9_]+", "-", path.lower()).strip("-")


def get_path(data: Any, path: str) -> Any:
    node = data
    for key, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        if node is None:
            return None
        if index:
            node = node[int(index)] if isinstance(node, list) and int(index) < len(node) else None
        else:
            node = node.get(key) if isinstance(node, dict) else None
    return node


def _docs(calculator: str) -> dict[str, str]:
    module = load(calculator)
    return {f.name: f.description for f in getattr(module, "INPUT_FIELDS", [])}


def _help(f: Field, docs: dict[str, str], fid: str) -> str:
    generic = re.sub(r"\[\d+\]", "[]", f.name)
    text = f.help if f.help is not None else docs.get(f.name) or docs.get(generic) or ""
    return f'<p class="zc-help" id="{fid}-uitleg">{escape(text)}</p>' if text else ""


def _describedby(fid: str, has_help: bool) -> str:
    ids = ([f"{fid}-uitleg"] if has_help else []) + [f"{fid}-fout"]
    return " ".join(ids)


def _show_when(cond: tuple[str, tuple[str, ...]] | None) -> str:
    """Fields that only matter for some answers are hidden by the script for the others (and then
    not sent); without JavaScript they all show."""
    return f' data-show-when="{escape(cond[0])}={escape("|".join(cond[1]))}"' if cond else ""


def render_field(f: Field, values: dict[str, Any], docs: dict[str, str]) -> str:
    fid = field_id(f.name)
    value = get_path(values, f.name)
    if value is None:
        value = f.default
    help_html = _help(f, docs, fid)
    described = _describedby(fid, bool(help_html))
    error = f'<p class="zc-field-error" id="{fid}-fout"></p>'
    path = escape(f.name)
    if f.kind in ("bool3", "choice", "multi"):
        options = YES_NO_UNKNOWN if f.kind == "bool3" else f.options
        if f.kind == "bool3":  # unanswered: no option chosen ("weet ik niet" is an answer)
            current = {True: "true", False: "false", None: None}.get(value)
        else:
            current = value
        itype = "checkbox" if f.kind == "multi" else "radio"
        items = []
        for n, (opt, label) in enumerate(options):
            checked = (opt in (current or [])) if f.kind == "multi" else (opt == current)
            oid = f"{fid}-{n}"
            items.append(f'<label class="zc-option" for="{oid}"><input type="{itype}" id="{oid}" '
                         f'name="{fid}" value="{escape(opt)}"{" checked" if checked else ""}> {escape(label)}</label>')
        kind = {"bool3": "bool3", "choice": "choice-radio", "multi": "multi"}[f.kind]
        default = "" if f.default is None else f' data-default="{escape(json.dumps(f.default))}"'
        return (f'<fieldset class="zc-field zc-choice" id="{fid}" data-path="{path}" data-kind="{kind}" '
                f'aria-describedby="{described}"{_show_when(f.show_when)}{default}><legend>{escape(f.label)}</legend>'
                f'<div class="zc-options">{"".join(items)}</div>{help_html}{error}</fieldset>')
    if f.kind == "check":
        checked = " checked" if value is True else ""
        return (f'<div class="zc-field zc-check"{_show_when(f.show_when)}><input type="checkbox" id="{fid}" data-path="{path}" '
                f'data-kind="check" aria-describedby="{described}"{checked}> <label for="{fid}">{escape(f.label)}</label>'
                f'{help_html}{error}</div>')
    attrs = {
        "int": f'type="text" inputmode="numeric" autocomplete="off" maxlength="{MAX_NUMBER_CHARS}"',
        "text": f'type="text" autocomplete="off" maxlength="{MAX_TEXT_CHARS}"',
        "date": 'type="date"',
        "money": f'type="text" inputmode="decimal" autocomplete="off" maxlength="{MAX_NUMBER_CHARS}"',
        "percent": f'type="text" inputmode="decimal" autocomplete="off" maxlength="{MAX_NUMBER_CHARS}"',
    }[f.kind]
    shown = "" if value is None else str(value)
    suffix = {"money": '<span class="zc-unit">euro</span>', "percent": '<span class="zc-unit">%</span>'}.get(f.kind, "")
    width = f" zc-{f.width}" if f.width else ""
    return (f'<div class="zc-field{width}"{_show_when(f.show_when)}><label for="{fid}">{escape(f.label)}</label>'
            f'<span class="zc-input"><input {attrs} id="{fid}" name="{fid}" data-path="{path}" '
            f'data-kind="{f.kind}" value="{escape(shown)}" aria-describedby="{described}">{suffix}</span>'
            f'{help_html}{error}</div>')


def render_list(lf: ListField, values: dict[str, Any], docs: dict[str, str]) -> str:
    items = get_path(values, lf.name) or []
    count = max(lf.min_rows, len(items))
    rows = []
    for i in range(count):
        inner = []
        for f in lf.fields:
            name = f"{lf.name}[{i}]" + (f".{f.name}" if f.name else "")
            inner.append(render_field(Field(name, f.label, f.kind, f.options, f.help, f.width, f.default), values, docs))
        rows.append(f'<div class="zc-row" data-row><p class="zc-row-label" data-row-label="{escape(lf.row_label)}">'
                    f'{escape(lf.row_label)} {i + 1}</p>{"".join(inner)}'
                    f'<button type="button" class="zc-button zc-remove" data-remove-row>Verwijder</button></div>')
    fid = field_id(lf.name)
    help_html = f'<p class="zc-help">{escape(lf.help)}</p>' if lf.help else ""
    return (f'<div class="zc-list" id="{fid}" data-list="{escape(lf.name)}">{help_html}{"".join(rows)}'
            f'<p class="zc-field-error" id="{fid}-fout"></p>'
            f'<button type="button" class="zc-button" data-add-row>{escape(lf.add_label)}</button></div>')


def _norm_links(ids: tuple[str, ...], norms: dict[str, dict], base: str) -> str:
    if not ids:
        return ""
    links = ", ".join(f'<a href="{escape(base + norms[i]["url"])}">{escape(norms[i]["title"])}</a>'
                      for i in ids if i in norms)
    return f'<p class="zc-help zc-group-norms">Norm: {links}</p>'


def render_form(form: Form, values: dict[str, Any], norms: dict[str, dict] | None = None, base: str = "") -> str:
    """The form's HTML; ``norms`` (id -> url, title) and ``base`` link each group to its norms."""
    docs = _docs(form.calculator)
    groups = []
    for g in form.groups:
        body = "".join(render_list(f, values, docs) if isinstance(f, ListField) else render_field(f, values, docs)
                       for f in g.fields)
        intro = (f'<p class="zc-group-intro">{escape(g.intro)}</p>' if g.intro else "") + _norm_links(g.norms, norms or {}, base)
        fieldset = f'<fieldset class="zc-group"{_show_when(g.show_when)}><legend>{escape(g.legend)}</legend>{intro}{body}</fieldset>'
        if g.collapsed:
            filled = any(get_path(values, f.name) not in (None, "", [], {}) for f in g.fields)
            fieldset = (f'<details class="zc-more"{" open" if filled else ""}><summary>{escape(g.legend)}</summary>'
                        f'{fieldset}</details>')
        groups.append(fieldset)
    return (f'<form class="zc-form" novalidate aria-label="Invoer">{"".join(groups)}'
            '<noscript><p class="zc-help">Zonder JavaScript rekent deze pagina niet mee; de uitkomst hieronder '
            'hoort bij een leeg formulier.</p></noscript>'
            '<button type="submit" class="zc-button zc-submit">Bereken</button></form>')


def flatten(form: Form) -> list[Field]:
    out: list[Field] = []
    for g in form.groups:
        for f in g.fields:
            if isinstance(f, ListField):
                out += [Field(f"{f.name}[0]" + (f".{s.name}" if s.name else ""), s.label, s.kind) for s in f.fields]
            else:
                out.append(f)
    return out


# --- the forms -------------------------------------------------------------------------------

def _dates(*pairs: tuple[str, str]) -> tuple[Field, ...]:
    return tuple(Field(name, label, "date") for name, label in pairs)


DEADLINES = Form("deadlines", (
    Group("Uw situatie", norms=("th-nr-038-art-4", "th-nr-038-art-6-lid-1", "th-nr-038-art-6-lid-2"), fields=(
        Field("contract_year", "Contractjaar", "int", width="short"),
        Field("contracting", "Vorm van contracteren", "choice",
              options=(("face-to-face", "face-to-face (in gesprek; de zorgaanbieder doet vaak een offerte)"),
                       ("digital", "digitaal (de zorgverzekeraar legt een contractvoorstel voor)"))),
        Field("insurer_intends_to_contract", "Is de zorgverzekeraar van plan met deze zorgaanbieder te contracteren?", "bool3",
              show_when=("contracting", ("digital",))),
        Field("methods_used", "Gebruiken partijen benchmarking of volumeprognoses?", "bool3",
              show_when=("contracting", ("face-to-face",))),
        Field("today", "Peildatum (voor status en resterende dagen)", "date",
              help="Laat leeg voor geen status per datum. Vul de datum van vandaag in om te zien wat nog open staat."),
        Field("atw_analogy", "Toon ook de eerstvolgende werkdag naar analogie van de Algemene termijnenwet (niet bindend)", "check"),
    )),
    Group("Wat er al gebeurde", (
        *_dates(("events.policy_published_on", "Zorginkoopbeleid bekendgemaakt op"),
                ("events.policy_changed_on", "Wijziging zorginkoopbeleid bekendgemaakt op")),
        Field("policy_change_motivated", "Is die wijziging gemotiveerd?", "bool3"),
        *_dates(("strategy_requested_on", "Zorgverzekeraar vroeg om het strategisch beleid op"),
                ("events.strategy_shared_on", "Strategisch beleid gedeeld op"),
                ("events.offer_submitted_on", "Eerste reële offerte aangeboden op"),
                ("events.proposal_sent_on", "Contractvoorstel aangeboden op"),
                ("events.proposal_received_on", "Contractvoorstel ontvangen op"),
                ("events.proposal_reply_by", "Reageren op het contractvoorstel kan tot"),
                ("events.offer_received_on", "Offerte ontvangen door de zorgverzekeraar op"),
                ("events.offer_reacted_on", "Zorgverzekeraar reageerde op de offerte op"),
                ("events.question_received_on", "Vraag of opmerking ontvangen op"),
                ("events.question_answered_on", "Vraag beantwoord op"),
                ("events.question_notice_on", "Gemotiveerd bericht wanneer het antwoord komt, op")),
    ), intro="Vul in wat u weet; elke ingevulde datum wordt getoetst.", collapsed=True),
    Group("Afspraken tussen partijen", (
        *_dates(("agreed.offer_deadline", "Afgesproken deadline voor de offerte"),
                ("agreed.strategy_deadline", "Afgesproken datum voor het strategisch beleid"),
                ("agreed.proposal_deadline", "Afgesproken datum voor het contractvoorstel (digitaal)")),
        Field("agreed.proposal_period_days", "Afgesproken reactietermijn contractvoorstel (dagen)", "int", width="short"),
        Field("agreed.offer_period_days", "Afgesproken reactietermijn op de offerte (dagen)", "int", width="short"),
        Field("agreed.question_period_days", "Afgesproken termijn voor antwoord op vragen (dagen)", "int", width="short"),
    ), intro="Alleen invullen als u iets anders heeft afgesproken dan de regeling.", collapsed=True),
))

def _yes_no(*pairs: tuple[str, str]) -> tuple[Field, ...]:
    return tuple(Field(name, label, "bool3") for name, label in pairs)


DE_MINIMIS = Form("de-minimis", (
    Group("Omzet (artikel 7, lid 1)", norms=("mw-art-7",), fields=(
        Field("_mode", "Hoe geeft u de omzet op?", "choice", default="participants",
              options=(("participants", "per deelnemer (aanbevolen: groepsomzet en onderlinge verkopen tellen mee)"),
                       ("totals", "als totalen")),
              help="Alleen voor dit formulier; wordt niet meegestuurd."),
    ), intro="De grens is € 1.100.000 als er diensten worden geleverd (zoals zorg), en € 5.500.000 alleen als alle deelnemers vooral goederen leveren."),
    Group("Deelnemers", (
        ListField("participants", "Deelnemer", (
            Field("name", "Naam", "text"),
            Field("turnover_eur", "Omzet vorig kalenderjaar", "money",
                  help="Netto-omzet in euro, bijvoorbeeld 420.000, 420.000,00 of 1.100.000."),
            Field("group_turnover_eur", "Omzet van de hele groep (als de deelnemer tot een groep behoort)", "money",
                  help="Artikel 8: bij een groep telt de omzet van de hele groep."),
            Field("mainly_goods", "Levert vooral goederen (geen diensten)", "check", help=""),
        ), "Deelnemer toevoegen", min_rows=2),
    ), show_when=("_mode", ("participants",))),
    Group("Totalen", (
        Field("undertakings", "Aantal ondernemingen", "int", width="short"),
        Field("combined_turnover_eur", "Gezamenlijke omzet vorig kalenderjaar", "money"),
        Field("all_mainly_goods", "Leveren alle ondernemingen vooral goederen?", "bool3"),
    ), show_when=("_mode", ("totals",))),
    Group("Omzetgegevens", (
        Field("sales_between_participants_eur", "Verkopen tussen de deelnemers onderling", "money"),
        Field("turnover_year", "Jaar van de omzet", "int", width="short"),
        Field("agreement_year", "Jaar van de afspraak", "int", width="short"),
    )),
    Group("Concurrenten en marktaandeel (artikel 7, lid 2)", norms=("mw-art-7",), fields=(
        Field("competitors", "Zijn de deelnemers (potentiële) concurrenten?", "bool3"),
        ListField("market_shares_pct", "Relevante markt", (Field("", "Gezamenlijk marktaandeel", "percent",
                  help="Bijvoorbeeld 6,5."),), "Markt toevoegen",
                  help="Vul per relevante markt het gezamenlijke marktaandeel in. Op geen enkele markt mag het boven 10% liggen."),
        Field("affects_trade_between_member_states", "Kan de afspraak de handel tussen EU-lidstaten merkbaar beïnvloeden?",
              "choice", options=(("no", "nee"), ("yes", "ja"), ("unknown", "weet ik niet"))),
    )),
    Group("Soort afspraak", norms=("acm-prijs-en-gebiedsafspraken",), fields=(
        Field("involves", "Gaat de afspraak (ook) over:", "multi", help="Kies wat van toepassing is; niets kiezen betekent: geen van deze.",
              options=(("price-fixing", "prijzen of tarieven"), ("market-sharing", "het verdelen van klanten of gebieden"),
                       ("bid-rigging", "het afstemmen van inschrijvingen op een aanbesteding"))),
    )),
))

SMALL_PROVIDERS = Form("small-providers", (
    Group("De drie voorwaarden van de ACM", norms=("acm-kleine-zorgaanbieders",), fields=_yes_no(
        ("aim_better_care", "1. Onderhandelt u om betere zorg te bereiken, niet alleen over tarieven en voorwaarden?"),
        ("insurer_has_alternatives", "2. Houdt de zorgverzekeraar voldoende andere mogelijkheden om de zorg in te kopen?"),
        ("joint_refusal", "2. Besluit u samen met de andere aanbieders om geen contract te sluiten?"),
        ("all_parties_accept", "3. Kunnen alle betrokkenen (aanbieders, zorgverzekeraar, patiënten) zich vinden in de uitkomst?"),
    )),
))

JZOJP = Form("jzojp", (
    Group("De vijf voorwaarden van de beleidsregel", norms=("acm-juiste-zorg-juiste-plek",), fields=_yes_no(
        ("public_needs_analysis", "1. Berusten de afspraken op een feitelijke en openbare analyse van de regionale zorgbehoefte?"),
        ("stakeholders_involved", "2. Zijn zorgaanbieders, inkopers en patiëntvertegenwoordigers volwaardig betrokken?"),
        ("measurable_objectives", "3. Zijn de doelen concreet, meetbaar en toetsbaar?"),
        ("necessity_substantiated", "4. Is onderbouwd waarom een beperking van de concurrentie nodig is?"),
        ("published", "5. Zijn doelen, afspraken en onderbouwing openbaar gemaakt?"),
    )),
))

CONSORTIUM = Form("consortium", (
    Group("Is het consortium ‘offensief’?", norms=("vws-consortia-offensief",), fields=_yes_no(
        ("more_choice", "Krijgt de inkopende partij feitelijk meer keuze naast de bestaande grotere spelers?"),
        ("complementary", "Vullen de aanbieders in het consortium elkaar aan (complementair)?"),
        ("integral_product_requested", "Levert het consortium het integrale product waar de inkopende partij om vroeg?"),
    )),
    Group("Verboden elementen", norms=("vws-consortia-verboden",), fields=_yes_no(
        ("divides_clients", "Verdelen de aanbieders cliënten onderling?"),
        ("price_agreements", "Maken de aanbieders samen prijsafspraken waardoor de inkoper meer betaalt?"),
    )),
))

_ROUTES = ("select-providers", "price-negotiation")


def _insurers_options() -> tuple[tuple[str, str], ...]:
    from zorgcalc.safe_harbour.insurers import COOPERATION

    return tuple(COOPERATION.items())


INSURERS = Form("insurers", (
    Group("Soort samenwerking", (
        Field("cooperation", "Wat willen de zorgverzekeraars samen doen?", "choice", options=_insurers_options(), help=""),
    )),
    Group("Marktaandelen (routes A en B)", norms=("nma-inkoop-selectie", "nma-prijsonderhandelingen"), fields=(
        ListField("purchasing_share_pct", "Verzekeraar", (Field("", "Aandeel op de inkoopmarkt", "percent"),),
                  "Verzekeraar toevoegen", help="Per samenwerkende verzekeraar; de aandelen worden opgeteld. Samen kleiner dan 15%."),
        ListField("insurance_share_pct", "Verzekeraar", (Field("", "Aandeel op de verzekeringsmarkt", "percent"),),
                  "Verzekeraar toevoegen", help="Per samenwerkende verzekeraar; samen kleiner dan 15%."),
        Field("same_regions", "Kopen de verzekeraars (meer dan nauwelijks) in dezelfde regio’s in?", "bool3"),
    ), show_when=("cooperation", _ROUTES)),
    Group("Route C: minimum kwaliteitsnormen", norms=("nma-inkoop-selectie",), fields=_yes_no(
        ("minimum_norms_exist", "Bestaan er minimum kwaliteitsnormen voor deze zorg?"),
        ("individual_demand_too_small", "Is de individuele vraag te klein om aan de minimumnormen te voldoen?"),
        ("no_more_parties_than_necessary", "Werken niet meer verzekeraars samen dan strikt noodzakelijk?"),
        ("only_minimum_norms", "Worden over kwaliteit alleen minimumnormen afgesproken?"),
    ), show_when=("cooperation", ("select-providers",))),
    Group("Route C en SEH: criteria", _yes_no(
        ("transparent_objective_criteria", "Worden de aanbieders (of ziekenhuizen) gekozen op transparante en objectieve criteria?"),
    ), show_when=("cooperation", ("select-providers", "seh-selection"))),
    Group("SEH: ziekenhuizen kiezen", norms=("nma-seh-selectie", "nma-seh-regels"), fields=(
        *_yes_no(("national_framework", "Wordt de keuze regionaal gemaakt volgens een landelijk kader?"),
                 ("individual_purchasing_insufficient", "Haalt individueel inkopen aantoonbaar de beoogde beperking niet?"),
                 ("providers_asked_to_divide", "Vragen de verzekeraars de ziekenhuizen onderling te bepalen wie SEH aanbiedt?")),
    ), show_when=("cooperation", ("seh-selection",))),
    Group("SEH: compensatie voor sluiting", norms=("nma-seh-compensatie",), fields=_yes_no(
        ("compensation_necessary", "Is financiële compensatie noodzakelijk om de SEH-capaciteit terug te brengen?"),
        ("limited_to_phase_out_costs", "Blijft de compensatie beperkt tot de kosten van de afbouw?"),
        ("individual_financing", "Beslist iedere verzekeraar zelf hoe hij zijn deel financiert?"),
    ), show_when=("cooperation", ("seh-compensation",))),
    Group("Minimum kwaliteitsnormen", norms=("nma-minimum-kwaliteitsnormen",), fields=_yes_no(
        ("scientifically_founded", "Zijn de normen medisch-inhoudelijk en wetenschappelijk gefundeerd?"),
        ("endorsable_by_associations", "Kunnen de wetenschappelijke verenigingen de normen onderschrijven?"),
        ("not_above_inspectorate", "Zijn de normen niet hoger dan die van de Inspectie (als die er zijn)?"),
        ("individual_higher_allowed", "Mogen individuele verzekeraars hogere normen hanteren?"),
    ), show_when=("cooperation", ("minimum-quality-norms",))),
    Group("Prestatie-indicatoren", norms=("nma-prestatie-indicatoren",), fields=_yes_no(
        ("indicators_used_individually", "Koopt iedere verzekeraar met de indicatoren individueel in?"),
    ), show_when=("cooperation", ("performance-indicators",))),
    Group("Regels voor elke samenwerking", norms=("nma-informatie-uitwisseling", "nma-geen-uitsluiting"), fields=_yes_no(
        ("only_necessary_information", "Wisselen de verzekeraars alleen strikt noodzakelijke concurrentiegevoelige informatie uit?"),
        ("exclusive_deals", "Maken de verzekeraars met aanbieders afspraken die andere verzekeraars uitsluiten?"),
    )),
))


def _catalogue() -> tuple[tuple[str, str], ...]:
    from zorgcalc.safe_harbour.information_catalogue import CATALOGUE

    return tuple((item.id, item.label) for item in CATALOGUE)


def _contexts() -> tuple[tuple[str, str], ...]:
    from zorgcalc.safe_harbour.information_catalogue import CONTEXTS

    return tuple(CONTEXTS.items())


INFORMATION_SHARING = Form("information-sharing", (
    Group("Wie deelt?", (Field("context", "Wie deelt de informatie?", "choice", options=_contexts(), help=""),)),
    Group("Welke informatie?", (
        Field("items", "Welke informatie wilt u delen of bespreken?", "multi", options=_catalogue(),
              help="Kies een of meer onderwerpen."),
        Field("strictly_necessary", "Welke daarvan zijn strikt noodzakelijk voor de toegestane samenwerking?", "multi",
              options=_catalogue(), show_when=("context", ("insurers-cooperating",))),
    )),
))

FORMS: dict[str, Form] = {
    "deadlines": DEADLINES,
    "de-minimis": DE_MINIMIS,
    "small-providers": SMALL_PROVIDERS,
    "jzojp": JZOJP,
    "insurers": INSURERS,
    "consortium": CONSORTIUM,
    "information-sharing": INFORMATION_SHARING,
}
