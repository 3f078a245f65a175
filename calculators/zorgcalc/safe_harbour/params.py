"""Every legal value the safe-harbour calculators use, in one place, with its source.

After OpenFisca: each parameter has a one-line Dutch description, a unit, its values keyed by the
date from which they hold, how the law compares against it ("niet hoger dan" is inclusive,
"kleiner dan" is strict) and a reference (law or guidance, article, lid, the wording, a link).
Code asks a parameter to compare (``Parameter.allows``) instead of writing ``<=`` or ``<`` next
to a bare literal, so a reviewer checks each value, and its boundary, against its source here.

Units: money in integer euro cents, shares in integer basis points (1% = 100 bp).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Comparison = Literal["at-most", "below"]

MEDEDINGINGSWET_URL = "https://wetten.overheid.nl/BWBR0008691/"


@dataclass(frozen=True)
class Reference:
    """Where a value comes from. ``text`` is the wording the value restates (Dutch)."""

    title: str
    article: str
    lid: str | None
    text: str
    url: str
    note: str = ""

    def cite(self) -> str:
        """Short Dutch citation, e.g. 'Mededingingswet art. 7 lid 1 onder b'."""
        lid = f" lid {self.lid}" if self.lid else ""
        return f"{self.title} art. {self.article}{lid}" if self.article else f"{self.title}{lid}"


@dataclass(frozen=True)
class Parameter:
    """One legal value with the period it holds for and its reference.

    ``values`` is a tuple of ``(valid_from, value)``, oldest first; ``valid_from`` is an ISO
    date, or ``None`` when the sources of this site do not give the date (the value is then the
    one the sources state as current)."""

    name: str
    description: str
    unit: Literal["cent", "basispunt", "ondernemingen"]
    comparison: Comparison
    values: tuple[tuple[str | None, int], ...]
    reference: Reference

    def value(self, on: str | None = None) -> int:
        """The value on ISO date ``on`` (default: the latest)."""
        chosen = self.values[0][1]
        for valid_from, value in self.values:
            if on is None or valid_from is None or valid_from <= on:
                chosen = value
        return chosen

    def allows(self, amount: int, on: str | None = None) -> bool:
        """Does ``amount`` (same unit) stay within this limit? Inclusive for 'at-most'
        ("niet hoger dan", "niet meer dan", "niet groter dan"), strict for 'below' ("kleiner dan")."""
        limit = self.value(on)
        return amount <= limit if self.comparison == "at-most" else amount < limit

    def smallest_failing(self, on: str | None = None) -> int:
        """The smallest amount (in whole units) that breaks the limit."""
        limit = self.value(on)
        return limit + 1 if self.comparison == "at-most" else limit

    def largest_passing(self, on: str | None = None) -> int:
        """The largest amount (in whole units) that still meets the limit."""
        limit = self.value(on)
        return limit if self.comparison == "at-most" else limit - 1


_ART7_NOTE = (
    "Bedragen sinds de wijziging van de Mededingingswet bij Stb. 2007, 284 (voorheen € 4.540.000 en "
    "€ 908.000); de datum van inwerkingtreding staat niet in de bronnen van deze site. De ACM-pagina "
    "'Samenwerken in de zorgsector' noemt dezelfde bedragen als geldend."
)

MAX_UNDERTAKINGS = Parameter(
    name="de_minimis.max_undertakings",
    description="Hoogste aantal betrokken ondernemingen voor de bagatelvoorziening",
    unit="ondernemingen",
    comparison="at-most",
    values=((None, 8),),
    reference=Reference(
        title="Mededingingswet",
        article="7",
        lid="1, onder a",
        text="bij de desbetreffende overeenkomst ... niet meer dan acht ondernemingen betrokken zijn",
        url=MEDEDINGINGSWET_URL,
        note="ACM, 'Samenwerken in de zorgsector': 'niet meer dan 8 bedrijven'.",
    ),
)

TURNOVER_CAP_GOODS = Parameter(
    name="de_minimis.turnover_cap_goods",
    description="Omzetgrens (vorig kalenderjaar, samen) als alle betrokken ondernemingen hoofdzakelijk goederen leveren",
    unit="cent",
    comparison="at-most",
    values=((None, 5_500_000_00),),
    reference=Reference(
        title="Mededingingswet",
        article="7",
        lid="1, onder b, 1°",
        text="niet hoger dan € 5 500 000, indien daarbij uitsluitend ondernemingen zijn betrokken wier "
             "activiteiten zich in hoofdzaak richten op het leveren van goederen",
        url=MEDEDINGINGSWET_URL,
        note=_ART7_NOTE,
    ),
)

TURNOVER_CAP_SERVICES = Parameter(
    name="de_minimis.turnover_cap_services",
    description="Omzetgrens (vorig kalenderjaar, samen) in alle andere gevallen, zoals zorgaanbieders die diensten leveren",
    unit="cent",
    comparison="at-most",
    values=((None, 1_100_000_00),),
    reference=Reference(
        title="Mededingingswet",
        article="7",
        lid="1, onder b, 2°",
        text="niet hoger dan € 1 100 000 in alle andere gevallen",
        url=MEDEDINGINGSWET_URL,
        note=_ART7_NOTE,
    ),
)

MAX_MARKET_SHARE_BP = Parameter(
    name="de_minimis.max_market_share_bp",
    description="Hoogste gezamenlijke marktaandeel van concurrenten op elke relevante markt",
    unit="basispunt",
    comparison="at-most",
    values=((None, 10_00),),
    reference=Reference(
        title="Mededingingswet",
        article="7",
        lid="2",
        text="het gezamenlijke marktaandeel ... op geen van de relevante markten ... groter is dan 10%",
        url=MEDEDINGINGSWET_URL,
        note="De ACM-pagina zegt 'onder de 10%'; de wet 'niet groter dan 10%'. Deze rekenhulp volgt de "
             "wet: precies 10,00% voldoet (docs-dev/domain-rules.md §2).",
    ),
)

MIN_UNDERTAKINGS = Parameter(
    name="cartel.min_undertakings",
    description="Een afspraak in de zin van art. 6 vraagt minstens twee ondernemingen",
    unit="ondernemingen",
    comparison="at-most",  # not a limit; used as the lower bound of the input
    values=((None, 2),),
    reference=Reference(
        title="Mededingingswet",
        article="6",
        lid="1",
        text="Verboden zijn overeenkomsten tussen ondernemingen ...",
        url=MEDEDINGINGSWET_URL,
    ),
)

INSURERS_MAX_SHARE_BP = Parameter(
    name="insurers.max_share_bp",
    description="Gezamenlijk marktaandeel van samenwerkende zorgverzekeraars moet hieronder blijven (routes A en B)",
    unit="basispunt",
    comparison="below",
    values=((None, 15_00),),
    reference=Reference(
        title="NMa, Informatiekaart samenwerking zorgverzekeraars",
        article="",
        lid=None,
        text="indien hun gezamenlijke marktaandeel kleiner is dan 15 procent op de inkoop- en op de "
             "verzekeringsmarkt",
        url="",
        note="Historische NMa-richtsnoer (ca. 2011); 'kleiner dan' is strikt: precies 15,00% voldoet niet.",
    ),
)

# The Beleidsregel behind the five JZOJP conditions; sources/acm-samenwerken-in-de-zorgsector.txt
# only says "5 voorwaarden".
JZOJP_BELEIDSREGEL = Reference(
    title="Beleidsregel ACM juiste zorg op de juiste plek",
    article="",
    lid=None,
    text="Staatscourant 2019, 71148",
    url="https://zoek.officielebekendmakingen.nl/stcrt-2019-71148.html",
)

VWS_CONSORTIA_LETTER = Reference(
    title="Brief van de staatssecretaris van VWS aan de Tweede Kamer over consortia",
    article="",
    lid=None,
    text="4 maart 2014",
    url="",
)

ALL_PARAMETERS: tuple[Parameter, ...] = (
    MAX_UNDERTAKINGS,
    TURNOVER_CAP_GOODS,
    TURNOVER_CAP_SERVICES,
    MAX_MARKET_SHARE_BP,
    MIN_UNDERTAKINGS,
    INSURERS_MAX_SHARE_BP,
)
