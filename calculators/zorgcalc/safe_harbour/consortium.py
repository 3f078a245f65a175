"""Consortia of small providers (letter of the Staatssecretaris of VWS to the Tweede Kamer,
4 March 2014; docs-dev/domain-rules.md §6).

No objection while the consortium is "offensief": it gives the purchaser de facto more choice next
to the existing larger players, and it is formed by complementary providers so that the integral
products the purchaser asked for can be delivered. Not allowed, and finable under the
Mededingingswet: dividing clients among the providers, or joint price agreements that make the
purchaser pay more.

Outside the "offensief" description the letter gives no verdict: the calculator then says
"niet binnen de uitgangspunten van de brief" (``outside-letter``), never "verboden", unless a
forbidden element is present.
"""

from __future__ import annotations

from typing import Any

from ..envelope import all_met, any_met, result_envelope
from ..questions import Claim, Question, Section, claim_condition
from ..spec import Example, Page, Verdict
from .common import INCOMPLETE, Errors, incomplete_summary, join_nl, read_answers, render_text, unknown_inputs_warning

ID = "consortium"
DESCRIPTION = "Consortium van kleine zorgaanbieders: past het bij de uitgangspunten van de VWS-brief van 4 maart 2014?"
NORM_OFFENSIVE = "vws-consortia-offensief"
NORM_FORBIDDEN = "vws-consortia-verboden"
NORM_IDS = frozenset({NORM_OFFENSIVE, NORM_FORBIDDEN})
PAGE = Page("consortia", "Consortia van kleine aanbieders", order=60)
VERDICTS = {
    "no-objection": Verdict("Geen bezwaar: een ‘offensief’ consortium", "geen bezwaar (offensief consortium)", "good"),
    "forbidden": Verdict("Niet toegestaan en beboetbaar", "niet toegestaan", "bad"),
    "outside-letter": Verdict("Niet binnen de uitgangspunten van de brief (geen oordeel)",
                              "niet binnen de uitgangspunten van de brief", "neutral"),
    "incomplete": INCOMPLETE,
}
LETTER_NOTE = (
    "De brief van VWS (4 maart 2014) is een beleidsbrief, geen wet. Ook een offensief consortium moet voldoen aan de "
    "Mededingingswet; de rekenhulp 'bagatelvoorziening' helpt bij kleine samenwerkingen."
)
JOINT_PRICE_NOTE = (
    "De brief verbiedt prijsafspraken waardoor de inkopende partij meer moet betalen. Hoe een gezamenlijke prijs voor "
    "het gevraagde integrale product wordt beoordeeld, zegt de brief niet."
)


OFFENSIVE = (
    Question("more_choice", "bool3", "Krijgt de inkopende partij feitelijk meer keuze naast de bestaande grotere spelers?",
             norm=NORM_OFFENSIVE,
             claim=Claim("more-choice", "De inkoper krijgt de facto meer keuze naast de bestaande grotere spelers",
                         met="Het consortium geeft de inkopende partij feitelijk meer keuze.",
                         unmet="Het consortium geeft de inkopende partij geen extra keuze naast de grotere spelers.")),
    Question("complementary", "bool3", "Vullen de aanbieders in het consortium elkaar aan (complementair)?",
             norm=NORM_OFFENSIVE,
             claim=Claim("complementary", "Het consortium bestaat uit aanbieders die elkaar aanvullen",
                         met="De aanbieders vullen elkaar aan.",
                         unmet="De aanbieders bieden (grotendeels) hetzelfde aan in plaats van elkaar aan te vullen.")),
    Question("integral_product_requested", "bool3",
             "Levert het consortium het integrale product waar de inkopende partij om vroeg?", norm=NORM_OFFENSIVE,
             claim=Claim("integral-product-requested", "Het consortium levert het integrale product waar de inkoper om vroeg",
                         met="Het consortium maakt een integraal product mogelijk zoals de inkopende partij heeft "
                             "gevraagd.",
                         unmet="De inkopende partij heeft niet om dit integrale product gevraagd.")),
)
FORBIDDEN = (
    Question("divides_clients", "bool3", "Verdelen de aanbieders cliënten onderling?", norm=NORM_FORBIDDEN,
             claim=Claim("no-client-division", "Geen verdeling van cliënten tussen de aanbieders", expected=False,
                         met="De aanbieders verdelen de cliënten niet onderling.",
                         unmet="De aanbieders verdelen cliënten onderling: dat is niet toegestaan en kan worden "
                               "beboet.")),
    Question("price_agreements", "bool3", "Maken de aanbieders samen prijsafspraken waardoor de inkoper meer betaalt?",
             norm=NORM_FORBIDDEN,
             claim=Claim("no-price-agreements", "Geen gezamenlijke prijsafspraken waardoor de inkoper meer moet betalen",
                         expected=False,
                         met="Er zijn geen gezamenlijke prijsafspraken waardoor de inkoper meer betaalt.",
                         unmet="Gezamenlijke prijsafspraken waardoor de inkoper meer moet betalen: niet toegestaan en "
                               "beboetbaar.")),
)
QUESTIONS = (
    Section("Is het consortium ‘offensief’?", OFFENSIVE),
    Section("Verboden elementen", FORBIDDEN),
)


def compute(inputs: dict[str, Any]) -> dict[str, Any]:
    """Forbidden when a forbidden element is present; no objection when offensive and free of
    forbidden elements; otherwise outside the letter; incomplete while an answer could change it."""
    errors = Errors()
    a = read_answers(inputs, QUESTIONS, errors)
    errors.raise_if_any()

    offensive = [claim_condition(q, a[q.key]) for q in OFFENSIVE]
    forbidden = [claim_condition(q, a[q.key]) for q in FORBIDDEN]
    prices = a[FORBIDDEN[1].key]
    forbidden_present = any_met([a[q.key] for q in FORBIDDEN])  # True: a forbidden element is there
    is_offensive = all_met(offensive)

    if forbidden_present is True:
        verdict = "forbidden"
        found = join_nl([c.label.replace("Geen ", "").lower() for c in forbidden if c.met is False])
        summary = (f"Niet toegestaan: {found}. Zulke afspraken dienen vooral de eigen belangen van de aanbieders en "
                   "kunnen op grond van de Mededingingswet worden beboet.")
    elif forbidden_present is None:
        verdict = "incomplete"
        summary = incomplete_summary(forbidden + offensive)
    elif is_offensive is True:
        verdict = "no-objection"
        summary = ("Het consortium is offensief in de zin van de brief: er is geen bezwaar tegen het contracteren ervan.")
    elif is_offensive is False:
        verdict = "outside-letter"
        missing = join_nl([c.label.lower() for c in offensive if c.met is False])
        summary = (f"Niet binnen de uitgangspunten van de brief (niet voldaan: {missing}). De brief zegt niet dat dit "
                   "verboden is; toets de samenwerking aan de Mededingingswet.")
    else:
        verdict = "incomplete"
        summary = incomplete_summary(offensive)

    warnings = [LETTER_NOTE]
    if prices is not True:
        warnings.append(JOINT_PRICE_NOTE)
    warnings += unknown_inputs_warning(inputs, QUESTIONS)
    return result_envelope(ID, verdict, summary, offensive + forbidden, warnings)


def to_text(result: dict[str, Any]) -> str:
    return render_text(result, VERDICTS)


DEFAULT_INPUTS: dict[str, Any] = {}  # a calculator starts unanswered

_TYPICAL: dict[str, Any] = {
    "more_choice": True, "complementary": True, "integral_product_requested": True,
    "divides_clients": False, "price_agreements": False,
}

EXAMPLES = [
    Example("Thuiszorg, dagbesteding en maaltijdservice bieden samen wat de gemeente vroeg", _TYPICAL),
    Example("Consortium verdeelt de cliënten per wijk", {**_TYPICAL, "divides_clients": True}),
    Example("Drie gelijksoortige aanbieders bundelen hun aanbod", {**_TYPICAL, "complementary": False}),
    Example("Prijsafspraken nog niet beoordeeld", {**_TYPICAL, "price_agreements": None}),
]
