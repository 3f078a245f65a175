"""Small providers negotiating together with an insurer (ACM, "Samenwerken in de zorgsector").

ACM does not investigate on its own initiative when all three conditions hold (docs-dev/domain-rules.md §3):

1. the aim is better care for patients and insured, not only tariffs, terms or other commercial
   elements;
2. if the small providers still do not want to contract, the insurer keeps enough other options to
   buy the care elsewhere; where it has none, the providers may not jointly decide not to contract;
3. all parties concerned (the negotiating providers, the insurer, patients or their
   representatives) can accept the outcome.

On a complaint ACM may investigate and ask for measures; no fine when those are taken quickly and
the agreement met the three conditions. The ACM does not define "klein".
"""

from __future__ import annotations

from typing import Any

from ..envelope import Condition, all_met, any_met, result_envelope
from ..questions import Claim, Question, Section, claim_condition
from ..spec import Example, Page, Verdict
from .common import INCOMPLETE, NOT_ANSWERED, Errors, incomplete_summary, read_answers, render_text, unknown_inputs_warning

ID = "small-providers"
DESCRIPTION = "Kleine zorgaanbieders onderhandelen samen met een zorgverzekeraar: de 3 voorwaarden van de ACM"
NORM = "acm-kleine-zorgaanbieders"
NORM_IDS = frozenset({NORM})
PAGE = Page("kleine-zorgaanbieders", "Kleine zorgaanbieders onderhandelen samen", order=30)
VERDICTS = {
    "no-own-initiative-investigation": Verdict("De ACM doet uit eigen beweging geen onderzoek",
                                               "de ACM doet uit eigen beweging geen onderzoek", "good"),
    "outside-conditions": Verdict("Buiten de drie voorwaarden van de ACM", "buiten de 3 voorwaarden van de ACM", "bad"),
    "incomplete": INCOMPLETE,
}

KLEIN_UNDEFINED = (
    "De ACM zegt niet wat 'klein' is: er is geen grens in omzet, aantal medewerkers of marktaandeel. "
    "Ga na of uw situatie past bij het doel: een zorgverzekeraar kan niet met iedere kleine aanbieder apart overleggen."
)
COMPLAINT_NOTE = (
    "Bij een klacht kan de ACM toch onderzoek doen en om maatregelen vragen. De ACM legt geen boete op als u die "
    "maatregelen snel neemt en de afspraak aan de 3 voorwaarden voldeed."
)


AIM = Question(
    "aim_better_care", "bool3",
    "1. Onderhandelt u om betere zorg te bereiken, niet alleen over tarieven en voorwaarden?", norm=NORM,
    claim=Claim("aim-better-care", "Doel is betere zorg, niet alleen tarieven of voorwaarden",
                met="U onderhandelt om betere zorg voor patiënten en verzekerden te krijgen; laat zien hoe tarieven "
                    "en voorwaarden daaraan bijdragen.",
                unmet="Onderhandelen over alleen tarieven, voorwaarden of andere commerciële onderdelen valt buiten "
                      "deze voorwaarde."))
ALTERNATIVES = Question(
    "insurer_has_alternatives", "bool3",
    "2. Houdt de zorgverzekeraar voldoende andere mogelijkheden om de zorg in te kopen?", norm=NORM,
    feeds=("insurer-options",))
REFUSAL = Question(
    "joint_refusal", "bool3", "2. Besluit u samen met de andere aanbieders om geen contract te sluiten?", norm=NORM,
    feeds=("insurer-options",))
ACCEPT = Question(
    "all_parties_accept", "bool3",
    "3. Kunnen alle betrokkenen (aanbieders, zorgverzekeraar, patiënten) zich vinden in de uitkomst?", norm=NORM,
    claim=Claim("all-parties-accept", "Alle betrokken partijen kunnen zich vinden in de uitkomst",
                met="De samenwerkende aanbieders, de zorgverzekeraar en patiënten (of wie namens hen spreekt) "
                    "kunnen zich vinden in de uitkomst.",
                unmet="Niet alle betrokkenen (aanbieders, zorgverzekeraar, patiënten of hun vertegenwoordigers) "
                      "kunnen zich vinden in de uitkomst."))
QUESTIONS = (Section("De drie voorwaarden van de ACM", (AIM, ALTERNATIVES, REFUSAL, ACCEPT)),)


def insurer_keeps_options(has_alternatives: bool | None, joint_refusal: bool | None) -> Condition:
    """Condition 2: the insurer keeps enough other options; where it has none, the providers do
    not jointly decide to refuse a contract. Met when either holds (three-valued OR)."""
    label = "Verzekeraar houdt voldoende andere mogelijkheden, of u weigert niet samen een contract"
    met = any_met([has_alternatives, None if joint_refusal is None else not joint_refusal])
    if met is True:
        text = ("De zorgverzekeraar kan de zorg ook bij andere aanbieders inkopen." if has_alternatives
                else "U besluit niet samen om geen contract te sluiten.")
    elif met is False:
        text = ("De zorgverzekeraar heeft geen voldoende andere mogelijkheden én u besluit samen om geen contract "
                "te sluiten: dat mag niet.")
    elif has_alternatives is False:
        text = "De verzekeraar heeft geen alternatieven; geef aan of u samen zou weigeren een contract te sluiten."
    elif joint_refusal is True:
        text = "U zou samen weigeren; geef aan of de zorgverzekeraar voldoende andere mogelijkheden houdt."
    else:
        text = NOT_ANSWERED
    return Condition("insurer-options", label, met, NORM, text)


def compute(inputs: dict[str, Any]) -> dict[str, Any]:
    """All three conditions must hold (ACM, sources/acm-samenwerken-in-de-zorgsector.txt)."""
    errors = Errors()
    a = read_answers(inputs, QUESTIONS, errors)
    errors.raise_if_any()

    conditions = [claim_condition(AIM, a[AIM.key]), insurer_keeps_options(a[ALTERNATIVES.key], a[REFUSAL.key]),
                  claim_condition(ACCEPT, a[ACCEPT.key])]
    met = all_met(conditions)
    verdict = {True: "no-own-initiative-investigation", False: "outside-conditions", None: "incomplete"}[met]
    if verdict == "no-own-initiative-investigation":
        summary = ("U voldoet aan de 3 voorwaarden: de ACM doet uit eigen beweging geen onderzoek naar dit "
                   "gezamenlijk onderhandelen.")
    elif verdict == "outside-conditions":
        failing = [c.label.lower() for c in conditions if c.met is False]
        summary = (f"Niet voldaan: {failing[0]}. Buiten de 3 voorwaarden kan de ACM uit eigen beweging onderzoek doen; "
                   "toets de samenwerking aan de Mededingingswet.")
    else:
        summary = incomplete_summary(conditions)
    warnings = [KLEIN_UNDEFINED, COMPLAINT_NOTE] + unknown_inputs_warning(inputs, QUESTIONS)
    return result_envelope(ID, verdict, summary, conditions, warnings)


def to_text(result: dict[str, Any]) -> str:
    return render_text(result, VERDICTS)


DEFAULT_INPUTS: dict[str, Any] = {}  # a calculator starts unanswered

_TYPICAL: dict[str, Any] = {
    "aim_better_care": True, "insurer_has_alternatives": True, "joint_refusal": False, "all_parties_accept": True,
}

EXAMPLES = [
    Example("Logopedisten onderhandelen samen over een nieuw zorgpad", _TYPICAL),
    Example("Alleen over een hoger tarief onderhandelen", {
        "aim_better_care": False, "insurer_has_alternatives": True, "joint_refusal": False, "all_parties_accept": True}),
    Example("Enige aanbieders in de regio weigeren samen te contracteren", {
        "aim_better_care": True, "insurer_has_alternatives": False, "joint_refusal": True, "all_parties_accept": False}),
    Example("Patiëntenorganisatie nog niet gehoord", {
        "aim_better_care": True, "insurer_has_alternatives": True, "joint_refusal": False, "all_parties_accept": None}),
]
