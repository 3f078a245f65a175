"""Every date and period of the deadlines calculator, with its source, in one place.

After OpenFisca: a reviewer checks each value against its article here; the code reads these
objects and never writes 1 April or 28 days as a bare literal. The regulation is the Regeling
transparantie zorgcontractering Zvw (TH/NR-038) as restated in the NZa's Handvatten
Zorgcontractering of 1 March 2026 (sources/nza-handvatten-zorgcontractering-2026.txt, chapter 4);
the richtsnoeren come from that document.

Contract year Y means the calendar year(s) the purchasing is for; the dates fall in Y-1
("voorafgaand aan het kalenderjaar of de kalenderjaren waarvoor de zorginkoop plaatsvindt").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ..parameters import Parameter, Reference, Value

Kind = Literal["regulation", "guideline", "target"]
Actor = Literal["insurer", "provider", "both"]
Contracting = Literal["face-to-face", "digital"]
Unit = Literal["weeks", "days"]

CONTRACTING_FORMS: tuple[Contracting, ...] = ("face-to-face", "digital")
BOTH_FORMS: frozenset[str] = frozenset(CONTRACTING_FORMS)

REGELING = "Regeling transparantie zorgcontractering Zvw (TH/NR-038)"
HANDVATTEN = "NZa, Handvatten Zorgcontractering (derde versie, 1 maart 2026)"
IZA = "Integraal Zorgakkoord (IZA)"

# The sane range of contract years the calculator accepts (validation, not law).
CONTRACT_YEAR_MIN = 2015
CONTRACT_YEAR_MAX = 2100
# Dates the calculator accepts for events and `today` (validation, not law).
DATE_MIN = dt.date(2000, 1, 1)
DATE_MAX = dt.date(2101, 12, 31)
# Agreed periods in days (validation, not law).
AGREED_DAYS_MIN = 1
AGREED_DAYS_MAX = 365

# TH/NR-038 replaced TH/NR-021 (valid until 27 March 2024). Contract years before this one may
# (partly) fall under the predecessor: warn (docs-dev/domain-rules.md §1, open point).
FIRST_CONTRACT_YEAR_UNDER_TH_NR_038 = 2025
PREDECESSOR_REGULATION = "TH/NR-021"
PREDECESSOR_VALID_UNTIL = dt.date(2024, 3, 27)

# The richtsnoeren are those of the Handvatten of this date; earlier versions numbered and worded
# them differently (the 2026 version added one, rewrote some and turned some into regulation).
GUIDELINES_VERSION_DATE = dt.date(2026, 3, 1)


MonthDay = tuple[int, int]  # (month, day) in the purchasing year, the year before the contract year

NUMBER_WORDS = {1: "één", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht",
                9: "negen", 10: "tien", 11: "elf", 12: "twaalf", 13: "dertien", 14: "veertien", 15: "vijftien",
                16: "zestien", 17: "zeventien", 18: "achttien", 19: "negentien", 20: "twintig", 30: "dertig",
                40: "veertig", 50: "vijftig", 60: "zestig", 70: "zeventig", 80: "tachtig", 90: "negentig"}


def Source(regulation: str, article: str | None, lid: str | None, link_text: str) -> Reference:
    """A citation of a deadline: regulation, article, lid, and where the text restates it."""
    return Reference(regulation, article, lid, link_text)


def purchasing_start(contract_year: int) -> dt.date:
    """The date on which a contract year's values are asked: the start of its purchasing year."""
    return dt.date(contract_year - 1, 1, 1)


def fill(template: str, contract_year: int | None = None) -> str:
    """A Dutch text with the current values in it: ``{policy}`` is the date of POLICY ("1 april"),
    ``{proposal_period}`` the length of PROPOSAL_PERIOD in words ("vier weken")."""
    on = purchasing_start(contract_year) if contract_year else None
    values = {d.id.replace("-", "_"): d.describe_date(contract_year) for d in FIXED_DEADLINES}
    values |= {p.id.replace("-", "_") + "_period" if not p.id.endswith("period") else p.id.replace("-", "_"):
               p.words(on) for p in PERIODS}
    return template.format(**values)


class _Named:
    """What a deadline and a period share: the id is the parameter's name, and the label its
    template with the current values filled in."""

    name: str
    reference: Reference
    template: str

    @property
    def id(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return fill(self.template)


@dataclass(frozen=True)
class FixedDeadline(_Named, Parameter[MonthDay]):
    """A calendar date in year Y-1 (its value: month and day), who must act, and what binds it.

    `timing` is "by" for "uiterlijk op" and "from" for "vanaf" (a start, not an end).
    `norms` lists the norm-box ids, the first one being the main norm. `template` is the Dutch
    label, with ``{…}`` for any value it names (see :func:`fill`)."""

    kind: Kind = "regulation"
    actor: Actor = "both"
    template: str = ""
    norms: tuple[str, ...] = ()
    applies_to: frozenset[str] = BOTH_FORMS
    timing: Literal["by", "from"] = "by"
    agreement_prevails: bool = False  # "tenzij ... anders hebben afgesproken"

    def date_for(self, contract_year: int) -> dt.date:
        month, day = self.at(purchasing_start(contract_year))
        return dt.date(contract_year - 1, month, day)

    def describe_date(self, contract_year: int | None = None) -> str:
        """The day without a year, as the regulation writes it: "1 oktober"."""
        from .dutch import MONTHS

        month, day = self.at(purchasing_start(contract_year) if contract_year else None)
        return f"{day} {MONTHS[month - 1]}"


@dataclass(frozen=True)
class Period(_Named, Parameter[int]):
    """A term counted from receipt (its value: the length in ``unit``, "weeks" or "days"): received
    on day D, the term ends at the end of D + length.

    `bound` says whether the regulation sets a minimum ("ten minste") or a maximum ("ten hoogste",
    "binnen")."""

    bound: Literal["minimum", "maximum"] = "maximum"
    kind: Kind = "regulation"
    actor: Actor = "both"
    template: str = ""
    norms: tuple[str, ...] = ()
    agreement_prevails: bool = True

    @property
    def amount(self) -> int:
        return self.at()

    @property
    def days(self) -> int:
        return self.amount * 7 if self.unit == "weeks" else self.amount

    def words(self, on: dt.date | None = None) -> str:
        """"vier weken", as the regulation writes it."""
        amount = self.at(on)
        unit = {"weeks": ("week", "weken"), "days": ("dag", "dagen")}[self.unit]
        return f"{NUMBER_WORDS.get(amount, str(amount))} {unit[0] if amount == 1 else unit[1]}"

    def describe(self) -> str:
        unit = {"weeks": ("week", "weken"), "days": ("dag", "dagen")}[self.unit]
        word = unit[0] if self.amount == 1 else unit[1]
        return f"{self.amount} {word} ofwel {self.days} dagen"


POLICY = FixedDeadline(
    name="policy",
    values=(Value((4, 1)),),
    unit="maand-dag",
    kind="regulation",
    actor="insurer",
    template="Zorginkoopbeleid en procedure van de zorginkoop bekendmaken",
    norms=("th-nr-038-art-4",),
    applies_to=BOTH_FORMS,
    reference=Source(REGELING, "4", None, f"{HANDVATTEN}, § 4.1"),
)

# Art. 8: a change after this date must be motivated when published; a change on the date itself not.
POLICY_CHANGE_MOTIVATION_AFTER = POLICY
POLICY_CHANGE_SOURCE = Source(REGELING, "8", None, f"{HANDVATTEN}, § 4.2")
POLICY_CHANGE_NORMS: tuple[str, ...] = ("th-nr-038-art-8",)

STRATEGY_REQUEST = FixedDeadline(
    name="strategy-request",
    values=(Value((4, 1)),),
    unit="maand-dag",
    kind="guideline",
    actor="insurer",
    template="Zorgverzekeraar laat weten of hij het strategisch beleid wil ontvangen "
    "(zorgaanbieders die leidend zijn voor de transitieopgave in de regio)",
    norms=("richtsnoer-1",),
    applies_to=BOTH_FORMS,
    reference=Source("Richtsnoer 1", None, None, f"{HANDVATTEN}, § 4.3"),
)

STRATEGY = FixedDeadline(
    name="strategy",
    values=(Value((6, 1)),),
    unit="maand-dag",
    kind="guideline",
    actor="provider",
    template="Zorgaanbieder deelt het strategisch beleid (alleen als uiterlijk {strategy_request} gevraagd)",
    norms=("richtsnoer-1",),
    applies_to=BOTH_FORMS,
    reference=Source("Richtsnoer 1", None, None, f"{HANDVATTEN}, § 4.3"),
    agreement_prevails=True,  # "Indien partijen onderling afspreken ... is deze datum leidend."
)

METHODS = FixedDeadline(
    name="methods",
    values=(Value((9, 1)),),
    unit="maand-dag",
    kind="guideline",
    actor="both",
    template="Afspraken over de methodiek van benchmarking en volumeprognoses (als die worden gebruikt)",
    norms=("richtsnoer-3",),
    applies_to=frozenset({"face-to-face"}),
    reference=Source("Richtsnoer 3", None, None, f"{HANDVATTEN}, § 4.4.2"),
)

OFFER_PARTS = FixedDeadline(
    name="offer-parts",
    values=(Value((9, 1)),),
    unit="maand-dag",
    kind="guideline",
    actor="provider",
    template="Onderdelen van de offerte die niet afhangen van informatie uit september voorleggen",
    norms=("richtsnoer-5",),
    applies_to=frozenset({"face-to-face"}),
    reference=Source("Richtsnoer 5", None, None, f"{HANDVATTEN}, § 4.6.1"),
    agreement_prevails=True,
)

OFFER = FixedDeadline(
    name="offer",
    values=(Value((10, 1)),),
    unit="maand-dag",
    kind="regulation",
    actor="provider",
    template="Eerste reële offerte aanbieden, met een duidelijke inhoudelijke toelichting",
    norms=("th-nr-038-art-6-lid-1", "th-nr-038-art-6-lid-4"),
    # "In sectoren waarbij de zorgaanbieder een offerte aanbiedt": keyed on who offers (Inputs.offer_applies),
    # of which face-to-face contracting is the usual case, not the definition.
    applies_to=BOTH_FORMS,
    reference=Source(REGELING, "6", "1", f"{HANDVATTEN}, § 4.6.2"),
    agreement_prevails=True,  # "tenzij de zorgaanbieder en zorgverzekeraar onderling anders hebben afgesproken"
)

PROPOSAL = FixedDeadline(
    name="proposal",
    values=(Value((10, 1)),),
    unit="maand-dag",
    kind="regulation",
    actor="insurer",
    template="Contractvoorstel aanbieden, met een duidelijke inhoudelijke toelichting "
    "(als de zorgverzekeraar wil contracteren)",
    norms=("th-nr-038-art-6-lid-2", "th-nr-038-art-6-lid-4"),
    applies_to=frozenset({"digital"}),
    reference=Source(REGELING, "6", "2", f"{HANDVATTEN}, § 4.6.2"),
    agreement_prevails=False,  # lid 2 has no "tenzij anders overeengekomen"
)

CHANGE_OVERVIEW = FixedDeadline(
    name="change-overview",
    values=(Value((10, 1)),),
    unit="maand-dag",
    kind="guideline",
    actor="insurer",
    template="Inzichtelijk maken waar het contractaanbod afwijkt van het contract van vorig jaar "
    "(tegelijk met het contractvoorstel)",
    norms=("richtsnoer-6",),
    applies_to=frozenset({"digital"}),
    reference=Source("Richtsnoer 6", None, None, f"{HANDVATTEN}, § 4.7.2"),
)

TARGET = FixedDeadline(
    name="target",
    values=(Value((11, 12)),),
    unit="maand-dag",
    kind="target",
    actor="both",
    template="Richtpunt: contractering afgerond (geen harde deadline; de NZa handhaaft hier niet op)",
    norms=("iza-12-november",),
    applies_to=BOTH_FORMS,
    reference=Source(IZA, None, None, f"{HANDVATTEN}, § 1.1"),
)

TRANSPARENCY = FixedDeadline(
    name="transparency",
    values=(Value((11, 12)),),
    unit="maand-dag",
    kind="guideline",
    actor="both",
    template="Vanaf deze dag bekendmaken met wie een contract is gesloten en wat dat betekent "
    "voor de vergoeding (zorgverzekeraar: richtsnoer 9; zorgaanbieder: richtsnoer 10)",
    norms=("richtsnoer-9", "richtsnoer-10"),
    applies_to=BOTH_FORMS,
    reference=Source("Richtsnoer 9 en 10", None, None, f"{HANDVATTEN}, § 5.1.6 en § 5.2.2"),
    timing="from",
)

FIXED_DEADLINES: tuple[FixedDeadline, ...] = (
    POLICY,
    STRATEGY_REQUEST,
    STRATEGY,
    METHODS,
    OFFER_PARTS,
    OFFER,
    PROPOSAL,
    CHANGE_OVERVIEW,
    TARGET,
    TRANSPARENCY,
)

PROPOSAL_PERIOD = Period(
    name="proposal-period",
    values=(Value(4),),
    unit="weeks",
    bound="minimum",
    kind="regulation",
    actor="insurer",
    template="Reactietermijn voor het contractvoorstel: ten minste {proposal_period} na ontvangst",
    norms=("th-nr-038-art-7",),
    reference=Source(REGELING, "7", None, f"{HANDVATTEN}, § 4.8"),
)

OFFER_PERIOD = Period(
    name="offer-period",
    values=(Value(6),),
    unit="weeks",
    bound="maximum",
    kind="regulation",
    actor="insurer",
    template="Zorgverzekeraar reageert op de offerte: ten hoogste {offer_period} na ontvangst",
    norms=("th-nr-038-art-7",),
    reference=Source(REGELING, "7", None, f"{HANDVATTEN}, § 4.8"),
)

QUESTION_PERIOD = Period(
    name="question",
    values=(Value(2),),
    unit="weeks",
    bound="maximum",
    kind="regulation",
    actor="both",
    template="Vraag of opmerking beantwoorden, of binnen die termijn gemotiveerd laten weten "
    "wanneer het antwoord komt",
    norms=("th-nr-038-art-5",),
    reference=Source(REGELING, "5", "4 en 5", f"{HANDVATTEN}, § 4.9"),
)

PERIODS: tuple[Period, ...] = (PROPOSAL_PERIOD, OFFER_PERIOD, QUESTION_PERIOD)

# Art. 6 lid 3 "voorziet ook in een uitzonderingsbepaling" (Handvatten § 4.6.2); its content is not
# in the source. Notice only; nothing is implemented.
ART_6_LID_3_SOURCE = Source(REGELING, "6", "3", f"{HANDVATTEN}, § 4.6.2")

ALL_NORM_IDS: frozenset[str] = frozenset(
    {n for d in FIXED_DEADLINES for n in d.norms}
    | {n for p in PERIODS for n in p.norms}
    | set(POLICY_CHANGE_NORMS)
)
