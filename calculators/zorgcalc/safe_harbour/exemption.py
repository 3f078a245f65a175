"""The exception of Mededingingswet art. 6 lid 3: can the parties substantiate its four conditions?

Art. 6 lid 3 (docs/wetgeving/mededingingswet.md, box ``mw-art-6-lid-3``, quoted from the
consolidation in statengeneraal/laws-markdown, commit 19d806ea) lifts the cartel ban of lid 1 for
agreements that

1. contribute to improving production or distribution or to technical or economic progress
   (the ACM: "belangrijke voordelen", for example for quality, innovation and affordability);
2. give users a fair share of the resulting benefit (the ACM: "de voordelen ook echt ten goede
   komen aan de cliënten");
3. impose no restrictions that are not indispensable to those objectives (the ACM: "niet verder
   gaat dan noodzakelijk");
4. do not make it possible to eliminate competition for a substantial part of the goods and
   services concerned (the ACM: "er voldoende concurrentie overblijft").

All four must hold. Lid 4: the undertaking that relies on lid 3 proves that it is met. So the
calculator asks per condition whether the parties can substantiate it, and its verdict is their
own assessment, never an ACM decision. The short "how" per condition stays in the visitor's
browser: it goes into the printed result, never into a link (docs-dev/domain-rules.md §9).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..envelope import all_met, result_envelope
from ..questions import Claim, Question, Section, claim_condition
from ..spec import Example, Page, Verdict
from .common import Errors, add_norms, incomplete_summary, read_answers, render_text, unknown_inputs_warning

ID = "exemption"
DESCRIPTION = ("Uitzondering van artikel 6 lid 3 Mededingingswet: kunt u de vier voorwaarden onderbouwen? "
               "(zelfbeoordeling)")
PAGE = Page("uitzondering-artikel-6-lid-3", "Uitzondering van artikel 6 lid 3 Mededingingswet", order=25)
NORM = "mw-art-6-lid-3"
NORM_ACM = "acm-voordelen-samenwerking"  # the ACM's words, healthcare
NORM_ACM_SOCIAL = "acm-voordelen-onderbouwen"  # the ACM's words, social domain
NORM_BAN = "mw-art-6-lid-1"  # the cartel ban that lid 3 lifts
NORM_IDS = frozenset({NORM, NORM_ACM, NORM_ACM_SOCIAL, NORM_BAN})
MAX_NOTE_CHARS = 200  # the form's maxlength for text (build_scripts/forms.py)

VERDICTS = {
    "can-substantiate": Verdict("U kunt onderbouwen dat aan alle vier voorwaarden van artikel 6 lid 3 is voldaan "
                                "(uw eigen beoordeling, geen besluit van de ACM)",
                                "u kunt alle vier voorwaarden onderbouwen (eigen beoordeling)", "good"),
    "cannot-substantiate": Verdict("U kunt niet onderbouwen dat aan alle vier voorwaarden van artikel 6 lid 3 is "
                                   "voldaan: de uitzondering geldt dan niet", "niet alle voorwaarden te onderbouwen",
                                   "bad"),
    "open": Verdict("Nog open: nog niet alle vier voorwaarden zijn beantwoord", "nog open", "neutral"),
}

BURDEN_NOTE = (
    "De bewijslast ligt bij de partijen: wie zich op artikel 6 lid 3 beroept, bewijst dat aan dat lid is voldaan "
    "(artikel 6 lid 4 Mededingingswet). Dit is een zelfbeoordeling, geen besluit van de ACM. Leg de onderbouwing "
    "vast, met de gegevens waarop zij rust."
)
ORDER_NOTE = (
    "Ga eerst na of de samenwerking onder de bagatelvoorziening (artikel 7) of onder een van de specifieke kaders "
    "van de ACM valt; zie de pagina 'Mogen wij samenwerken?'."
)


def _how(key: str, number: int) -> Question:
    return Question(key, "text", f"Hoe onderbouwt u voorwaarde {number}? (kort)", private=True,
                    help="Komt in de afdruk van de uitkomst; blijft in uw browser en gaat niet mee in een link.")


BENEFITS = Question(
    "benefits", "bool3",
    "1. Kunt u onderbouwen dat de samenwerking belangrijke voordelen brengt, bijvoorbeeld voor de kwaliteit, "
    "innovatie of betaalbaarheid van de zorg?", norm=NORM,
    claim=Claim("benefits", "De samenwerking brengt belangrijke voordelen (verbetering van de productie of "
                            "distributie, of technische of economische vooruitgang)",
                met="U kunt onderbouwen dat de samenwerking belangrijke voordelen brengt.",
                unmet="U kunt niet onderbouwen dat de samenwerking belangrijke voordelen brengt; dan geldt de "
                      "uitzondering niet."))
FAIR_SHARE = Question(
    "fair_share", "bool3",
    "2. Kunt u onderbouwen dat de voordelen ook echt ten goede komen aan patiënten of cliënten?", norm=NORM,
    claim=Claim("fair-share", "Een billijk aandeel in de voordelen komt de gebruikers (patiënten, cliënten) ten goede",
                met="U kunt onderbouwen dat de voordelen ook echt ten goede komen aan patiënten of cliënten.",
                unmet="U kunt niet onderbouwen dat de voordelen de patiënten of cliënten ten goede komen."))
NECESSARY = Question(
    "necessary", "bool3",
    "3. Kunt u onderbouwen dat de samenwerking niet verder gaat dan noodzakelijk is om die voordelen te bereiken?",
    norm=NORM,
    claim=Claim("indispensable", "Geen beperkingen die voor het bereiken van de voordelen niet onmisbaar zijn",
                met="U kunt onderbouwen dat de samenwerking niet verder gaat dan noodzakelijk.",
                unmet="De samenwerking gaat verder dan noodzakelijk, of dat is niet te onderbouwen."))
COMPETITION = Question(
    "competition_remains", "bool3",
    "4. Kunt u onderbouwen dat er voldoende concurrentie overblijft?", norm=NORM,
    claim=Claim("competition-remains", "De mededinging wordt niet voor een wezenlijk deel van de betrokken goederen "
                                       "en diensten uitgeschakeld",
                met="U kunt onderbouwen dat er voldoende concurrentie overblijft.",
                unmet="Er blijft niet voldoende concurrentie over, of dat is niet te onderbouwen."))
CONDITIONS = (BENEFITS, FAIR_SHARE, NECESSARY, COMPETITION)
NOTES = {q.key: _how(f"{q.key}_how", n) for n, q in enumerate(CONDITIONS, start=1)}

QUESTIONS = (
    Section("De vier voorwaarden van artikel 6 lid 3", tuple(x for q in CONDITIONS for x in (q, NOTES[q.key])),
            norms=(NORM, NORM_ACM),
            intro="Beantwoord per voorwaarde of u haar kunt onderbouwen: ja, nee of weet ik niet. Alle vier moeten "
                  "kloppen."),
)


def _note(inputs: dict[str, Any], q: Question, errors: Errors) -> str | None:
    value = inputs.get(q.key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        errors.add(q.key, f"{q.label} Schrijf uw onderbouwing als tekst.")
        return None
    if len(value) > MAX_NOTE_CHARS:
        errors.add(q.key, f"{q.label} Houd het kort: hoogstens {MAX_NOTE_CHARS} tekens (nu {len(value)}).")
        return None
    return value.strip()


def compute(inputs: dict[str, Any]) -> dict[str, Any]:
    """All four conditions of art. 6 lid 3 must be substantiated (lid 4: by the parties)."""
    errors = Errors()
    answers = read_answers(inputs, QUESTIONS, errors)
    notes = {key: _note(inputs, note, errors) for key, note in NOTES.items()}
    errors.raise_if_any()
    conditions = []
    for q in CONDITIONS:
        c = claim_condition(q, answers[q.key])
        if notes[q.key]:
            c = replace(c, explanation=f"{c.explanation} Uw onderbouwing: {notes[q.key]}")
        conditions.append(c)
    met = all_met(conditions)
    verdict = {True: "can-substantiate", False: "cannot-substantiate", None: "open"}[met]
    if verdict == "can-substantiate":
        summary = ("U geeft aan dat u alle vier voorwaarden van artikel 6 lid 3 kunt onderbouwen. Dan geldt het "
                   "kartelverbod van artikel 6 lid 1 niet, als die onderbouwing standhoudt.")
    elif verdict == "cannot-substantiate":
        failing = [c.label[0].lower() + c.label[1:] for c in conditions if c.met is False]
        summary = (f"Niet te onderbouwen: {failing[0]}. Dan biedt artikel 6 lid 3 geen uitzondering op het "
                   "kartelverbod; pas de samenwerking aan of zoek advies.")
    else:
        summary = incomplete_summary(conditions, prefix="Nog open")
    warnings = [BURDEN_NOTE, ORDER_NOTE] + unknown_inputs_warning(inputs, QUESTIONS)
    env = result_envelope(ID, verdict, summary, conditions, warnings)
    return add_norms(env, [NORM_BAN, NORM_ACM, NORM_ACM_SOCIAL])


def to_text(result: dict[str, Any]) -> str:
    return render_text(result, VERDICTS)


DEFAULT_INPUTS: dict[str, Any] = {}  # a calculator starts unanswered

_TYPICAL: dict[str, Any] = {
    BENEFITS.key: True, FAIR_SHARE.key: True, NECESSARY.key: True, COMPETITION.key: True,
}

EXAMPLES = [
    Example("Twee ziekenhuizen bundelen complexe zorg en kunnen alles onderbouwen", _TYPICAL),
    Example("Gezamenlijke inkoop van apparatuur, maar de voordelen blijven bij de aanbieders",
            {**_TYPICAL, FAIR_SHARE.key: False}),
    Example("Nog niet uitgezocht of er genoeg concurrentie overblijft", {**_TYPICAL, COMPETITION.key: None}),
    Example("Afspraak gaat verder dan nodig is", {**_TYPICAL, NECESSARY.key: False, COMPETITION.key: False}),
]
