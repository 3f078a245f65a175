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

from ..envelope import all_met, result_envelope
from ..questions import Claim, Question, Section, claim_condition
from ..spec import Example, Page, Verdict
from . import params
from .common import INCOMPLETE, Errors, incomplete_summary, read_answers, render_text, unknown_inputs_warning

ID = "jzojp"
DESCRIPTION = "Samenwerken voor de juiste zorg op de juiste plek: de 5 voorwaarden van de ACM-beleidsregel (2019)"
PAGE = Page("juiste-zorg-juiste-plek", "De juiste zorg op de juiste plek", order=40)
NORM = "acm-juiste-zorg-juiste-plek"
NORM_IDS = frozenset({NORM})
VERDICTS = {
    "no-fine": Verdict("Geen boete volgens de beleidsregel van de ACM", "de ACM legt geen boete op", "good"),
    "outside-policy": Verdict("Buiten de beleidsregel ‘De juiste zorg op de juiste plek’", "buiten de beleidsregel", "bad"),
    "incomplete": INCOMPLETE,
}
SOURCE_NOTE = (
    f"De 5 voorwaarden komen uit de {params.JZOJP_BELEIDSREGEL.title} ({params.JZOJP_BELEIDSREGEL.text}); de ACM-pagina "
    "noemt alleen '5 voorwaarden'. Ook zonder boete moet een afspraak die de Mededingingswet overtreedt worden aangepast."
)

# The five conditions of the Beleidsregel, one question each.
CONDITIONS = (
    Question("public_needs_analysis", "bool3",
             "1. Berusten de afspraken op een feitelijke en openbare analyse van de regionale zorgvraag?", norm=NORM,
             claim=Claim("public-needs-analysis",
                         "Afspraken rusten op een feitelijke en openbare analyse van de regionale zorgvraag",
                         met="Er is een feitelijke, openbare analyse van de zorgvraag in de regio.",
                         unmet="Zonder feitelijke en openbare analyse van de regionale zorgvraag is niet aan de "
                               "beleidsregel voldaan.")),
    Question("stakeholders_involved", "bool3",
             "2. Zijn zorgaanbieders, inkopers en patiëntvertegenwoordigers volledig betrokken?", norm=NORM,
             claim=Claim("stakeholders-involved",
                         "Zorgaanbieders, inkopers en patiëntvertegenwoordigers zijn volledig betrokken",
                         met="Alle betrokken partijen, ook patiëntvertegenwoordigers, zijn volledig betrokken.",
                         unmet="Niet alle betrokkenen (aanbieders, inkopers, patiëntvertegenwoordigers) zijn volledig "
                               "betrokken.")),
    Question("measurable_objectives", "bool3",
             "3. Zijn de doelen concreet, meetbaar en toetsbaar (kwaliteit, toegankelijkheid, betaalbaarheid)?",
             norm=NORM,
             claim=Claim("measurable-objectives",
                         "Doelen zijn concreet, meetbaar en toetsbaar (kwaliteit, toegankelijkheid, betaalbaarheid)",
                         met="De doelen zijn concreet, meetbaar en toetsbaar in termen van kwaliteit, toegankelijkheid "
                             "en betaalbaarheid.",
                         unmet="De doelen zijn niet concreet, meetbaar en toetsbaar genoeg.")),
    Question("necessity_substantiated", "bool3",
             "4. Is onderbouwd waarom een beperking van de concurrentie nodig is voor de doelen?", norm=NORM,
             claim=Claim("necessity-substantiated",
                         "Onderbouwd waarom een beperking van de concurrentie nodig is voor de doelen",
                         met="U onderbouwt waarom een eventuele beperking van de concurrentie nodig is om de doelen "
                             "te halen.",
                         unmet="Er is geen onderbouwing waarom de beperking van de concurrentie nodig is.")),
    Question("published", "bool3", "5. Zijn doelen, afspraken en onderbouwing openbaar gemaakt?", norm=NORM,
             claim=Claim("published", "Doelen, afspraken en onderbouwing zijn openbaar gemaakt",
                         met="Doelen, afspraken en onderbouwing zijn openbaar.",
                         unmet="Doelen, afspraken of onderbouwing zijn (nog) niet openbaar gemaakt.")),
)
QUESTIONS = (Section("De vijf voorwaarden van de beleidsregel", CONDITIONS),)


def compute(inputs: dict[str, Any]) -> dict[str, Any]:
    """All five conditions of the Beleidsregel must hold."""
    errors = Errors()
    answers = read_answers(inputs, QUESTIONS, errors)
    errors.raise_if_any()
    conditions = [claim_condition(q, answers[q.key]) for q in CONDITIONS]
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
    warnings = [SOURCE_NOTE] + unknown_inputs_warning(inputs, QUESTIONS)
    return result_envelope(ID, verdict, summary, conditions, warnings)


def to_text(result: dict[str, Any]) -> str:
    return render_text(result, VERDICTS)


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
