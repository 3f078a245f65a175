"""Cooperation for "de juiste zorg op de juiste plek" (ACM Beleidsregel, Staatscourant 2019, 71148).

ACM imposes no fine when all five conditions hold (docs-dev/domain-rules.md §4):

1. the agreements rest on a factual and public analysis of the regional care need;
2. providers, purchasers and patient representatives are fully involved;
3. the objectives are concrete, measurable and testable, in terms of quality, accessibility and
   affordability;
4. the parties substantiate why any restriction of competition is necessary for the objectives;
5. objectives, agreements and that substantiation are made public.

An agreement that breaches the Mededingingswet must still be adapted. The ACM page
(sources/acm-samenwerken-in-de-zorgsector.txt) only mentions "5 voorwaarden"; the conditions are
taken from the Beleidsregel.
"""

from __future__ import annotations

from typing import Any

from ..envelope import Condition, all_met, result_envelope
from ..spec import Example, FieldDoc
from . import params
from .common import Errors, answer_condition, incomplete_summary, read_bool, render_text, unknown_keys_warning

ID = "jzojp"
DESCRIPTION = "Samenwerken voor de juiste zorg op de juiste plek: de 5 voorwaarden van de ACM-beleidsregel (2019)"
NORM = "acm-juiste-zorg-juiste-plek"
NORM_IDS = frozenset({NORM})
VERDICT_LABELS = {
    "no-fine": "de ACM legt geen boete op",
    "outside-policy": "buiten de beleidsregel",
    "incomplete": "nog niet te beoordelen",
}
KNOWN_KEYS = ("public_needs_analysis", "stakeholders_involved", "measurable_objectives",
              "necessity_substantiated", "published")
SOURCE_NOTE = (
    f"De 5 voorwaarden komen uit de {params.JZOJP_BELEIDSREGEL.title} ({params.JZOJP_BELEIDSREGEL.text}); de ACM-pagina "
    "noemt alleen '5 voorwaarden'. Ook zonder boete moet een afspraak die de Mededingingswet overtreedt worden aangepast."
)


def rests_on_public_needs_analysis(answer: bool | None) -> Condition:
    """Condition 1: a factual and public analysis of the regional care need."""
    return answer_condition(
        "public-needs-analysis", "Afspraken rusten op een feitelijke en openbare analyse van de regionale zorgvraag",
        answer, NORM,
        met_text="Er is een feitelijke, openbare analyse van de zorgvraag in de regio.",
        unmet_text="Zonder feitelijke en openbare analyse van de regionale zorgvraag is niet aan de beleidsregel voldaan.")


def stakeholders_fully_involved(answer: bool | None) -> Condition:
    """Condition 2: providers, purchasers and patient representatives fully involved."""
    return answer_condition(
        "stakeholders-involved", "Zorgaanbieders, inkopers en patiëntvertegenwoordigers zijn volledig betrokken",
        answer, NORM,
        met_text="Alle betrokken partijen, ook patiëntvertegenwoordigers, zijn volledig betrokken.",
        unmet_text="Niet alle betrokkenen (aanbieders, inkopers, patiëntvertegenwoordigers) zijn volledig betrokken.")


def objectives_measurable(answer: bool | None) -> Condition:
    """Condition 3: concrete, measurable, testable objectives (quality, accessibility, affordability)."""
    return answer_condition(
        "measurable-objectives", "Doelen zijn concreet, meetbaar en toetsbaar (kwaliteit, toegankelijkheid, betaalbaarheid)",
        answer, NORM,
        met_text="De doelen zijn concreet, meetbaar en toetsbaar in termen van kwaliteit, toegankelijkheid en betaalbaarheid.",
        unmet_text="De doelen zijn niet concreet, meetbaar en toetsbaar genoeg.")


def necessity_substantiated(answer: bool | None) -> Condition:
    """Condition 4: why any restriction of competition is necessary for the objectives."""
    return answer_condition(
        "necessity-substantiated", "Onderbouwd waarom een beperking van de concurrentie nodig is voor de doelen",
        answer, NORM,
        met_text="U onderbouwt waarom een eventuele beperking van de concurrentie nodig is om de doelen te halen.",
        unmet_text="Er is geen onderbouwing waarom de beperking van de concurrentie nodig is.")


def made_public(answer: bool | None) -> Condition:
    """Condition 5: objectives, agreements and substantiation are made public."""
    return answer_condition(
        "published", "Doelen, afspraken en onderbouwing zijn openbaar gemaakt", answer, NORM,
        met_text="Doelen, afspraken en onderbouwing zijn openbaar.",
        unmet_text="Doelen, afspraken of onderbouwing zijn (nog) niet openbaar gemaakt.")


def compute(inputs: dict[str, Any]) -> dict[str, Any]:
    """All five conditions of the Beleidsregel must hold."""
    errors = Errors()
    answers = {key: read_bool(inputs, key, label, errors) for key, label in (
        ("public_needs_analysis", "Openbare analyse van de regionale zorgvraag"),
        ("stakeholders_involved", "Alle partijen volledig betrokken"),
        ("measurable_objectives", "Concrete, meetbare en toetsbare doelen"),
        ("necessity_substantiated", "Noodzaak van de beperking onderbouwd"),
        ("published", "Doelen, afspraken en onderbouwing openbaar"),
    )}
    errors.raise_if_any()
    conditions = [
        rests_on_public_needs_analysis(answers["public_needs_analysis"]),
        stakeholders_fully_involved(answers["stakeholders_involved"]),
        objectives_measurable(answers["measurable_objectives"]),
        necessity_substantiated(answers["necessity_substantiated"]),
        made_public(answers["published"]),
    ]
    met = all_met(conditions)
    verdict = {True: "no-fine", False: "outside-policy", None: "incomplete"}[met]
    if verdict == "no-fine":
        summary = ("U voldoet aan de 5 voorwaarden: de ACM legt geen boete op, maar kan wel vragen de afspraken aan te "
                   "passen als ze de Mededingingswet overtreden.")
    elif verdict == "outside-policy":
        failing = [c.label.lower() for c in conditions if c.met is False]
        summary = (f"Niet voldaan: {failing[0]}. Dan biedt de beleidsregel geen bescherming tegen een boete; toets de "
                   "samenwerking aan de Mededingingswet.")
    else:
        summary = incomplete_summary(conditions)
    warnings = [SOURCE_NOTE] + unknown_keys_warning(inputs, KNOWN_KEYS)
    return result_envelope(ID, verdict, summary, conditions, warnings)


def to_text(result: dict[str, Any]) -> str:
    return render_text(result, VERDICT_LABELS)


INPUT_FIELDS = [
    FieldDoc("public_needs_analysis", "ja/nee", True, "Rusten de afspraken op een feitelijke en openbare analyse van de regionale zorgvraag?"),
    FieldDoc("stakeholders_involved", "ja/nee", True, "Zijn zorgaanbieders, inkopers en patiëntvertegenwoordigers volledig betrokken?"),
    FieldDoc("measurable_objectives", "ja/nee", True, "Zijn de doelen concreet, meetbaar en toetsbaar (kwaliteit, toegankelijkheid, betaalbaarheid)?"),
    FieldDoc("necessity_substantiated", "ja/nee", True, "Onderbouwt u waarom een beperking van de concurrentie nodig is voor de doelen?"),
    FieldDoc("published", "ja/nee", True, "Zijn doelen, afspraken en onderbouwing openbaar gemaakt?"),
]

DEFAULT_INPUTS: dict[str, Any] = {}  # a calculator starts unanswered

_TYPICAL: dict[str, Any] = {
    "public_needs_analysis": True, "stakeholders_involved": True, "measurable_objectives": True,
    "necessity_substantiated": True, "published": True,
}

EXAMPLES = [
    Example("Ziekenhuizen in een regio verdelen complexe operaties na een openbare analyse", _TYPICAL),
    Example("Afspraken zonder patiëntvertegenwoordigers", {**_TYPICAL, "stakeholders_involved": False}),
    Example("Onderbouwing nog niet gepubliceerd", {**_TYPICAL, "published": None}),
    Example("Doelen alleen in algemene termen", {**_TYPICAL, "measurable_objectives": False, "published": False}),
]
