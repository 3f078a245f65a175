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

from ..envelope import Condition, all_met, any_met, result_envelope
from ..spec import Example, FieldDoc
from .common import Errors, answer_condition, incomplete_summary, join_nl, read_bool, render_text, unknown_keys_warning

ID = "consortium"
DESCRIPTION = "Consortium van kleine zorgaanbieders: past het bij de uitgangspunten van de VWS-brief van 4 maart 2014?"
NORM_OFFENSIVE = "vws-consortia-offensief"
NORM_FORBIDDEN = "vws-consortia-verboden"
NORM_IDS = frozenset({NORM_OFFENSIVE, NORM_FORBIDDEN})
VERDICT_LABELS = {
    "no-objection": "geen bezwaar (offensief consortium)",
    "forbidden": "niet toegestaan",
    "outside-letter": "niet binnen de uitgangspunten van de brief",
    "incomplete": "nog niet te beoordelen",
}
KNOWN_KEYS = ("more_choice", "complementary", "integral_product_requested", "divides_clients", "price_agreements")
LETTER_NOTE = (
    "De brief van VWS (4 maart 2014) is een beleidsbrief, geen wet. Ook een offensief consortium moet voldoen aan de "
    "Mededingingswet; de rekenhulp 'bagatelvoorziening' helpt bij kleine samenwerkingen."
)
JOINT_PRICE_NOTE = (
    "De brief verbiedt prijsafspraken waardoor de inkopende partij meer moet betalen. Hoe een gezamenlijke prijs voor "
    "het gevraagde integrale product wordt beoordeeld, zegt de brief niet."
)


def gives_purchaser_more_choice(answer: bool | None) -> Condition:
    """'Offensief' (1): the purchaser de facto gets more choice next to the larger players."""
    return answer_condition(
        "more-choice", "De inkoper krijgt de facto meer keuze naast de bestaande grotere spelers", answer, NORM_OFFENSIVE,
        met_text="Het consortium geeft de inkopende partij feitelijk meer keuze.",
        unmet_text="Het consortium geeft de inkopende partij geen extra keuze naast de grotere spelers.")


def providers_are_complementary(answer: bool | None) -> Condition:
    """'Offensief' (2a): formed by complementary providers."""
    return answer_condition(
        "complementary", "Het consortium bestaat uit aanbieders die elkaar aanvullen", answer, NORM_OFFENSIVE,
        met_text="De aanbieders vullen elkaar aan.",
        unmet_text="De aanbieders bieden (grotendeels) hetzelfde aan in plaats van elkaar aan te vullen.")


def integral_product_was_requested(answer: bool | None) -> Condition:
    """'Offensief' (2b): to deliver the integral product the purchaser asked for."""
    return answer_condition(
        "integral-product-requested", "Het consortium levert het integrale product waar de inkoper om vroeg", answer,
        NORM_OFFENSIVE,
        met_text="Het consortium maakt een integraal product mogelijk zoals de inkopende partij heeft gevraagd.",
        unmet_text="De inkopende partij heeft niet om dit integrale product gevraagd.")


def no_division_of_clients(divides_clients: bool | None) -> Condition:
    """Forbidden element: dividing clients among the providers."""
    return answer_condition(
        "no-client-division", "Geen verdeling van cliënten tussen de aanbieders", divides_clients, NORM_FORBIDDEN,
        expected=False,
        met_text="De aanbieders verdelen de cliënten niet onderling.",
        unmet_text="De aanbieders verdelen cliënten onderling: dat is niet toegestaan en kan worden beboet.")


def no_price_agreements(price_agreements: bool | None) -> Condition:
    """Forbidden element: joint price agreements that make the purchaser pay more."""
    return answer_condition(
        "no-price-agreements", "Geen gezamenlijke prijsafspraken waardoor de inkoper meer moet betalen", price_agreements,
        NORM_FORBIDDEN, expected=False,
        met_text="Er zijn geen gezamenlijke prijsafspraken waardoor de inkoper meer betaalt.",
        unmet_text="Gezamenlijke prijsafspraken waardoor de inkoper meer moet betalen: niet toegestaan en beboetbaar.")


def compute(inputs: dict[str, Any]) -> dict[str, Any]:
    """Forbidden when a forbidden element is present; no objection when offensive and free of
    forbidden elements; otherwise outside the letter; incomplete while an answer could change it."""
    errors = Errors()
    more = read_bool(inputs, "more_choice", "Meer keuze voor de inkoper", errors)
    compl = read_bool(inputs, "complementary", "Aanbieders vullen elkaar aan", errors)
    integral = read_bool(inputs, "integral_product_requested", "Integraal product gevraagd door de inkoper", errors)
    divides = read_bool(inputs, "divides_clients", "Cliënten verdelen", errors)
    prices = read_bool(inputs, "price_agreements", "Gezamenlijke prijsafspraken", errors)
    errors.raise_if_any()

    offensive = [gives_purchaser_more_choice(more), providers_are_complementary(compl), integral_product_was_requested(integral)]
    forbidden = [no_division_of_clients(divides), no_price_agreements(prices)]
    forbidden_present = any_met([divides, prices])  # True: a forbidden element is there
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
    warnings += unknown_keys_warning(inputs, KNOWN_KEYS)
    return result_envelope(ID, verdict, summary, offensive + forbidden, warnings)


def to_text(result: dict[str, Any]) -> str:
    return render_text(result, VERDICT_LABELS)


INPUT_FIELDS = [
    FieldDoc("more_choice", "ja/nee", True, "Krijgt de inkopende partij (gemeente of verzekeraar) door het consortium feitelijk meer keuze naast de grotere aanbieders?"),
    FieldDoc("complementary", "ja/nee", True, "Vullen de aanbieders in het consortium elkaar aan?"),
    FieldDoc("integral_product_requested", "ja/nee", True, "Levert het consortium het integrale product waar de inkopende partij om vroeg?"),
    FieldDoc("divides_clients", "ja/nee", True, "Verdelen de aanbieders cliënten onderling?"),
    FieldDoc("price_agreements", "ja/nee", True, "Maken de aanbieders samen prijsafspraken waardoor de inkoper meer moet betalen?"),
]

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
