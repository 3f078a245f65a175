"""Self-audit of the whole contracting process, per role: every norm of Handvatten chapters 4 and 5
that applies to an insurer or a provider, including those no date captures.

Each duty is one question that cites its norm box; the answer is what the party can say of itself
(ja / nee / weet ik niet, and "niet van toepassing" where the norm only applies on a condition, such
as richtsnoer 2 "op verzoek"). The result keeps binding regulation (TH/NR-038, TH/NR-027,
TH/NR-035) and the richtsnoeren apart, as the deadlines calculator does, and lists what is open.
Dates are not asked here: they come from the deadlines calculator's parameters and the deadlines
calculator checks them (docs-dev/domain-rules.md §1).

Readings (docs-dev/domain-rules.md §8): art. 6 lid 4 (explanation with offers and proposals) is
asked of both roles, each for what it offers; richtsnoer 4 applies to face-to-face contracting (its
box: "onderhandelingen in gespreksdialoog"); TH/NR-035 art. 4 is asked per lid 2-6, lid 5 with its
"actief en aantoonbaar voor de start van de zorgverlening".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..deadlines import params as dates
from ..envelope import Condition, fold_kind, result_envelope, split_verdict
from ..questions import Question, Section
from ..safe_harbour.common import Errors, field_label, join_nl, lower_first, read_choice, render_text, unknown_inputs_warning
from ..spec import Example, Page, Verdict

ID = "self-audit"
DESCRIPTION = "Zelfcontrole van het hele contracteerproces per rol: alle normen van hoofdstuk 4 en 5 van de Handvatten"
PAGE = Page("zelfcontrole-contracteerproces", "Zelfcontrole van het contracteerproces", order=15)

INSURER, PROVIDER = "insurer", "provider"
FACE, DIGITAL = dates.CONTRACTING_FORMS
ROLE = Question("party", "choice", "Voor wie doet u de zelfcontrole?",
                options=((INSURER, "zorgverzekeraar"), (PROVIDER, "zorgaanbieder")))
FORM = Question("contracting", "choice", "Vorm van contracteren",
                options=((FACE, "face-to-face (in gesprek)"), (DIGITAL, "digitaal (contractvoorstel, vaak via een portaal)")))
ANSWERS = (("yes", "ja"), ("no", "nee"), ("unknown", "weet ik niet"))


@dataclass(frozen=True)
class Duty:
    """One duty of the process: the question, the norm box it rests on and its kind, who it binds
    and on which form of contracting, and the condition's label (what holds when it is met)."""

    question: Question
    kind: str  # "regulation" or "guideline"
    roles: tuple[str, ...]
    forms: tuple[str, ...]
    label: str
    not_applicable: str = ""  # the answer that makes the norm not apply, when there is one

    @property
    def id(self) -> str:
        return self.question.key.replace("_", "-")


def _duty(key: str, norm: str, kind: str, roles: tuple[str, ...], label: str, question: str, *,
          forms: tuple[str, ...] = (FACE, DIGITAL), not_applicable: str = "", help_text: str = "") -> Duty:
    options = ANSWERS + ((("na", not_applicable),) if not_applicable else ())
    q = Question(key, "choice", question, norm=norm, options=options, help=help_text, feeds=(key.replace("_", "-"),),
                 shown_when=(ROLE.key, roles) if len(roles) == 1 else None)
    return Duty(q, kind, roles, forms, label, not_applicable)


R, G = "regulation", "guideline"
BOTH = (INSURER, PROVIDER)
POLICY = dates.POLICY

PROCESS_OPENING: tuple[Duty, ...] = (
    _duty("policy_published", "th-nr-038-art-4", R, (INSURER,), "Zorginkoopbeleid en procedure op tijd bekendgemaakt",
          f"Heeft u het zorginkoopbeleid en de procedure van de zorginkoop uiterlijk op {POLICY.describe_date()} "
          "voorafgaand aan het jaar van de zorginkoop bekendgemaakt?"),
)

CONTENTS = "th-nr-038-art-4-inhoud"
_ASK = "Bevatten uw zorginkoopbeleid en de procedure van de zorginkoop "


def _item(key: str, number: str | None, label: str, what: str, **extra: Any) -> Duty:
    """One required part of the purchasing policy (art. 4 TH/NR-038, "ten minste"), as its own duty;
    without a number, the NZa's explanation of the article in § 4.1."""
    where = f"onderdeel {number}" if number else "toelichting NZa bij artikel 4"
    return _duty(key, CONTENTS, R, (INSURER,), f"{label} ({where})", f"{_ASK}{what}?", **extra)


# Art. 4 TH/NR-038: "bevatten ten minste de onderstaande onderdelen", item by item, in the source's words.
POLICY_CONTENTS: tuple[Duty, ...] = (
    _item("policy_phases", "1", "De fasen van de zorginkoop en de reactietermijnen per fase",
          "de verschillende fasen waaruit de zorginkoop bestaat en de termijnen waarbinnen de zorgaanbieder "
          "onderscheidenlijk de zorgverzekeraar in de verschillende fasen moeten reageren"),
    _item("policy_reachability", "2", "Uw bereikbaarheid gedurende de zorginkoop",
          "uw bereikbaarheid gedurende de zorginkoop"),
    _item("policy_quality", "3", "Het kwaliteitsbeleid voor de in te kopen zorg",
          "het kwaliteitsbeleid ten aanzien van de in te kopen zorg dat u bij de zorginkoop hanteert"),
    _item("policy_minimum_requirements", "4", "De minimumeisen voor een specifiek contract",
          "de minimumeisen waaraan zorgaanbieders moeten voldoen om in aanmerking te komen voor een specifiek contract"),
    _item("policy_innovation", "5", "De ruimte voor innovatief zorgaanbod en de eisen daaraan",
          "in welke mate u ruimte biedt voor innovatief zorgaanbod en, indien van toepassing, welke specifieke eisen u "
          "stelt aan dergelijk innovatief zorgaanbod"),
    _item("policy_societal_task", "6", "Hoe u invulling geeft aan de maatschappelijke opgave",
          "de wijze waarop u bij de zorginkoop invulling geeft aan de maatschappelijke opgave"),
    _item("policy_additional_purchasing", "7", "Het beleid en de procedure bij aanvullende zorginkoop",
          "het beleid en de procedure die van toepassing zijn in geval er sprake is van aanvullende zorginkoop, en "
          "gaat die informatie in ieder geval in op de termijnen per fase, de wijze waarop een zorgaanbieder een "
          "verzoek tot aanvullende afspraken kan indienen en de minimumeisen waaraan u zo'n verzoek toetst"),
    _item("policy_change_overview", "8", "Een overzicht van de wijzigingen ten opzichte van het vorige beleid",
          "een overzicht van de wijzigingen in het zorginkoopbeleid ten opzichte van het voorgaande zorginkoopbeleid"),
    _item("policy_small_organisations", None, "De eisen voor kleine organisaties en nieuwe toetreders",
          "ook welke eisen voor kleine organisaties en nieuwe toetreders gelden", not_applicable=
          "wij besteden in de zorginkoop geen specifieke aandacht aan kleine organisaties en nieuwe toetreders",
          help_text="Toelichting van de NZa bij artikel 4 (§ 4.1 van de Handvatten): alleen wanneer u in de "
                    "zorginkoop specifiek aandacht besteedt aan kleine organisaties en nieuwe toetreders."),
)

PROCESS: tuple[Duty, ...] = (
    _duty("policy_changes", "th-nr-038-art-8", R, (INSURER,),
          "Wijzigingen tijdig en op dezelfde wijze bekendgemaakt, en na de uiterste datum gemotiveerd",
          "Heeft u elke wijziging van het zorginkoopbeleid of de procedure tijdig en op dezelfde wijze bekendgemaakt, "
          f"en een wijziging na {POLICY.describe_date()} daarbij gemotiveerd?",
          not_applicable="er was geen wijziging"),
    _duty("available_for_questions", "th-nr-038-art-5", R, BOTH,
          "Voldoende beschikbaar voor vragen en tijdig een duidelijke, inhoudelijke reactie",
          "Was u vanaf de bekendmaking van het zorginkoopbeleid tot het sluiten van het contract voldoende beschikbaar "
          "voor vragen en opmerkingen van de andere partij, en gaf u tijdig een duidelijke en inhoudelijke reactie?",
          help_text=f"Tijdig: binnen {dates.QUESTION_PERIOD.words()}, of binnen die termijn een gemotiveerd bericht "
                    "wanneer het antwoord komt (artikel 5 lid 4 en 5), tenzij anders afgesproken. De data toetst de "
                    "rekenhulp Termijnen."),
    _duty("explanation_given", "th-nr-038-art-6-lid-4", R, BOTH,
          "Offertes en contractvoorstellen voorzien van een duidelijke inhoudelijke toelichting",
          "Had elke offerte of elk contractvoorstel dat u aanbood een duidelijke inhoudelijke toelichting?",
          not_applicable="ik bood geen offerte of contractvoorstel aan"),
    _duty("volume_forecasts", "richtsnoer-2", G, (PROVIDER,), "Volumeprognoses op verzoek aangeleverd",
          "Heeft u op verzoek van de zorgverzekeraar uw volumeprognoses aangeleverd?",
          not_applicable="de zorgverzekeraar vroeg er niet om"),
    _duty("appropriate_care_discussed", "richtsnoer-4", G, BOTH,
          "De bijdrage aan passende zorg besproken (of afgesproken wanneer)",
          "Hebben u en de andere partij de bijdrage van beiden aan de transitie naar passende zorg en een "
          "toekomstbestendig zorglandschap besproken, of afgesproken wanneer u dat uiterlijk doet?", forms=(FACE,)),
    _duty("ova_starting_index", "richtsnoer-7", G, BOTH, "De OVA als startpunt voor de index voor loonstijgingen",
          "Hanteerden u en de andere partij als startpunt van de onderhandeling de OVA als index voor loonstijgingen?"),
)

CONSUMER_INFORMATION: tuple[Duty, ...] = (
    _duty("useful_information", "th-nr-027-art-4", R, (INSURER,), "Bruikbare informatie aan de consument",
          "Verstrekt u bruikbare informatie aan de consument?"),
    _duty("similar_policies", "th-nr-027-art-7", R, (INSURER,), "Transparant over op elkaar lijkende polissen",
          "Bent u transparant over op elkaar lijkende polissen?"),
    _duty("cost_insight", "th-nr-027-art-9", R, (INSURER,), "Inzicht in de kosten voor een behandeling of dienst",
          "Geeft u inzicht in de kosten voor een behandeling of dienst?"),
    _duty("contracted_care_information", "th-nr-027-art-10", R, (INSURER,),
          "Informatie over (niet-)gecontracteerde zorg en de gevolgen voor consumenten",
          "Verstrekt u informatie over (niet-)gecontracteerde zorg en de gevolgen daarvan voor consumenten, met "
          "tijdens de overstapperiode een actueel overzicht van de stand van de contractering?"),
    _duty("uniform_language", "richtsnoer-8", G, (INSURER,), "Zoveel mogelijk uniforme, vergelijkbare taal",
          "Gebruikt u in de informatie over het gecontracteerde zorgaanbod en de gevolgen voor de vergoeding zoveel "
          "mogelijk uniforme, vergelijkbare taal?"),
    _duty("insurer_transparency", "richtsnoer-9", G, (INSURER,), "Vanaf de dag van transparantie bekend met wie u contracteerde",
          f"Maakt u jaarlijks vanaf {dates.TRANSPARENCY.describe_date()} transparant met welke zorgaanbieders u een "
          "contract heeft en wat dat betekent voor de vergoeding van zorg?"),
    _duty("choice_information", "th-nr-035-art-4", R, (PROVIDER,),
          "Objectieve, niet sturende informatie voor een weloverwogen keuze",
          "Informeert u de consument objectief en niet sturend over wat van belang is voor een weloverwogen keuze?"),
    _duty("services_information", "th-nr-035-art-4", R, (PROVIDER,), "Informatie over de prestaties die u levert",
          "Informeert u de consument over de prestaties die u levert (artikel 4 lid 2)?"),
    _duty("tariff_information", "th-nr-035-art-4", R, (PROVIDER,), "Informatie over de tarieven",
          "Informeert u de consument over de tarieven die voor hem van belang zijn (artikel 4 lid 3)?"),
    _duty("coverage_information", "th-nr-035-art-4", R, (PROVIDER,), "Informatie over de verzekerde aanspraak",
          "Informeert u de consument of uw prestaties onder de Zorgverzekeringswet of de Wet langdurige zorg vallen "
          "(artikel 4 lid 4)?"),
    _duty("contract_status_information", "th-nr-035-art-4", R, (PROVIDER,),
          "Contract met de zorgverzekeraar van de consument: actief en aantoonbaar vóór de start gemeld",
          "Informeert u de consument actief en aantoonbaar vóór de start van de zorgverlening of u een contract heeft "
          "met zijn zorgverzekeraar en wat dat kan betekenen voor de vergoeding (artikel 4 lid 5)?"),
    _duty("own_payment_information", "th-nr-035-art-4", R, (PROVIDER,), "Informatie over eigen betalingen",
          "Informeert u de consument over eventuele eigen betalingen (artikel 4 lid 6)?"),
    _duty("provider_transparency", "richtsnoer-10", G, (PROVIDER,), "Vanaf de dag van transparantie bekend met wie u contracteerde",
          f"Maakt u jaarlijks vanaf {dates.TRANSPARENCY.describe_date()} transparant met welke zorgverzekeraars u een "
          "contract heeft en wat dat kan betekenen voor de vergoeding van zorg?"),
)
DUTIES: tuple[Duty, ...] = PROCESS_OPENING + POLICY_CONTENTS + PROCESS + CONSUMER_INFORMATION
NORM_IDS = frozenset(d.question.norm for d in DUTIES if d.question.norm)
KIND_NL = {R: "regelgeving", G: "richtsnoer"}

QUESTIONS = (
    Section("Uw rol", (ROLE, FORM)),
    Section("Het contracteerproces (hoofdstuk 4 van de Handvatten)", tuple(d.question for d in PROCESS_OPENING),
            intro=f"Data (zoals {POLICY.describe_date()} en {dates.OFFER.describe_date()}) toetst de rekenhulp "
                  "Termijnen; hier gaat het om wat geen datum vastlegt."),
    Section("Inhoud van het zorginkoopbeleid (artikel 4 Regeling TH/NR-038)", tuple(d.question for d in POLICY_CONTENTS),
            intro="Het zorginkoopbeleid en de procedure bevatten ten minste deze onderdelen; elk onderdeel telt als "
                  "een eigen norm.", shown_when=(ROLE.key, (INSURER,)), norms=(CONTENTS,)),
    Section("Verder in het contracteerproces", tuple(d.question for d in PROCESS)),
    Section("Informatie aan consumenten (hoofdstuk 5 van de Handvatten)", tuple(d.question for d in CONSUMER_INFORMATION)),
)

VERDICTS = {
    "compliant": Verdict("Volgens uw antwoorden leeft u alle regelgeving na en volgt u alle richtsnoeren voor uw rol",
                         "alles nageleefd en gevolgd volgens uw antwoorden", "good"),
    "non-compliant": Verdict("Regelgeving niet nageleefd: volgens uw antwoorden is minstens één bindende norm niet "
                             "nageleefd", "regelgeving niet nageleefd", "bad"),
    "guidelines-not-followed": Verdict("Geen bindende norm geschonden voor zover beantwoord, maar een richtsnoer is "
                                       "niet gevolgd", "een richtsnoer niet gevolgd", "caution"),
    "open": Verdict("Nog open: niet alle normen voor uw rol zijn beantwoord", "nog open", "neutral"),
}
NOTE = ("Een zelfcontrole: de uitkomst geeft weer wat u over uw eigen proces antwoordt, geen oordeel van de NZa. "
        "Richtsnoeren zijn niet afdwingbaar; de NZa verwacht wel dat partijen ze volgen of uitleggen waarom niet.")


def _condition(duty: Duty, answer: str | None) -> Condition | None:
    """The duty as a condition, or None when the party says it does not apply."""
    q = duty.question
    assert q.norm is not None
    if answer == "na":
        return None
    met = {"yes": True, "no": False}.get(answer or "")
    text = {True: "U geeft aan dat u dit doet.", False: "U geeft aan dat u dit niet (altijd) doet.",
            None: "U weet het niet." if answer == "unknown" else "Nog niet beantwoord."}[met]
    return Condition(duty.id, duty.label, met, q.norm, f"{text} ({KIND_NL[duty.kind]})", kind=duty.kind)


def compute(inputs: dict[str, Any]) -> dict[str, Any]:
    """Every duty that applies to the role and form, folded apart for regulation and richtsnoeren."""
    errors = Errors()
    role = read_choice(inputs, ROLE.key, field_label(ROLE), dict(ROLE.options), errors)
    form = read_choice(inputs, FORM.key, field_label(FORM), dict(FORM.options), errors)
    answers = {d.question.key: read_choice(inputs, d.question.key, field_label(d.question), dict(d.question.options),
                                           errors) for d in DUTIES}
    errors.raise_if_any()
    warnings = [NOTE] + unknown_inputs_warning(inputs, QUESTIONS)
    if role is None or form is None:
        missing = join_nl([w for w, absent in (("uw rol", role is None), ("de vorm van contracteren", form is None))
                           if absent])
        return result_envelope(ID, "open", f"Nog open: kies eerst {missing}; dan toont de zelfcontrole de normen "
                               "die voor u gelden.", [], warnings,
                               {"party": role, "contracting": form, "regulation": "not-checked",
                                "guidelines": "not-checked"})
    applying = [d for d in DUTIES if role in d.roles and form in d.forms]
    conditions = [c for d in applying if (c := _condition(d, answers[d.question.key])) is not None]
    regulation = fold_kind(conditions, R, "breached", "met")
    guidelines = fold_kind(conditions, G, "not-followed", "followed")
    verdict = split_verdict(regulation, guidelines)
    not_met = [lower_first(c.label) for c in conditions if c.met is False]
    open_ = [c for c in conditions if c.met is None]
    summary = {
        "compliant": f"Alle {len(conditions)} normen die voor u gelden, zijn volgens uw antwoorden nageleefd of gevolgd.",
        "non-compliant": f"Niet nageleefd of gevolgd: {join_nl(not_met)}.",
        "guidelines-not-followed": f"Niet gevolgd: {join_nl(not_met)}.",
        "open": f"Nog open: {len(open_)} van de {len(conditions)} normen"
                + (f"; niet nageleefd of gevolgd: {join_nl(not_met)}" if not_met else "") + ".",
    }[verdict]
    return result_envelope(ID, verdict, summary, conditions, warnings,
                           {"party": role, "contracting": form, "regulation": regulation, "guidelines": guidelines})


def to_text(result: dict[str, Any]) -> str:
    return render_text(result, VERDICTS)


DEFAULT_INPUTS: dict[str, Any] = {}  # a calculator starts unanswered

_INSURER_ALL = {ROLE.key: INSURER, FORM.key: DIGITAL,
                **{d.question.key: "yes" for d in DUTIES if INSURER in d.roles}}
_PROVIDER_ALL = {ROLE.key: PROVIDER, FORM.key: FACE,
                 **{d.question.key: "yes" for d in DUTIES if PROVIDER in d.roles}}

EXAMPLES = [
    Example("Zorgverzekeraar, digitaal: alles op orde", _INSURER_ALL),
    Example("Zorgaanbieder, face-to-face: contractstatus pas na de start gemeld",
            {**_PROVIDER_ALL, "contract_status_information": "no"}),
    Example("Zorgaanbieder: OVA niet als startpunt, verder alles op orde", {**_PROVIDER_ALL, "ova_starting_index": "no"}),
    Example("Zorgverzekeraar: nog niet alles nagelopen", {**_INSURER_ALL, "cost_insight": "unknown",
                                                          "policy_changes": "na"}),
]
