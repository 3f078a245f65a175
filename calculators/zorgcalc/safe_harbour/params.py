"""Every legal value the safe-harbour calculators use, in one place, with its source.

Each value is a ``zorgcalc.parameters.Parameter`` (a one-line Dutch description, a unit, its values
keyed by the date from which they hold, one kind of reference); a :class:`Limit` adds how the law
compares against it ("niet hoger dan" is inclusive, "kleiner dan" is strict).
Code asks a parameter to compare (``Parameter.allows``) instead of writing ``<=`` or ``<`` next
to a bare literal, so a reviewer checks each value, and its boundary, against its source here.

Units: money in integer euro cents, shares in integer basis points (1% = 100 bp).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ..parameters import Parameter, Reference, Value

__all__ = ["Limit", "Reference", "Value"]

Comparison = Literal["at-most", "below"]

MEDEDINGINGSWET_URL = "https://wetten.overheid.nl/BWBR0008691/"


@dataclass(frozen=True)
class Limit(Parameter[int]):
    """A legal limit: a parameter and how the law compares against it."""

    comparison: Comparison = "at-most"

    def value(self, on: dt.date | None = None) -> int:
        return self.at(on)

    def allows(self, amount: int, on: dt.date | None = None) -> bool:
        """Does ``amount`` (same unit) stay within this limit? Inclusive for 'at-most'
        ("niet hoger dan", "niet meer dan", "niet groter dan"), strict for 'below' ("kleiner dan")."""
        limit = self.at(on)
        return amount <= limit if self.comparison == "at-most" else amount < limit

    def smallest_failing(self, on: dt.date | None = None) -> int:
        """The smallest amount (in whole units) that breaks the limit."""
        limit = self.at(on)
        return limit + 1 if self.comparison == "at-most" else limit

    def largest_passing(self, on: dt.date | None = None) -> int:
        """The largest amount (in whole units) that still meets the limit."""
        limit = self.at(on)
        return limit if self.comparison == "at-most" else limit - 1


_ART7_NOTE = (
    "Bedragen sinds de wijziging van de Mededingingswet bij Stb. 2007, 284 (voorheen € 4.540.000 en "
    "€ 908.000); de datum van inwerkingtreding staat niet in de bronnen van deze site. De ACM-pagina "
    "'Samenwerken in de zorgsector' noemt dezelfde bedragen als geldend."
)

MAX_UNDERTAKINGS = Limit(
    name="de_minimis.max_undertakings",
    description="Hoogste aantal betrokken ondernemingen voor de bagatelvoorziening",
    unit="ondernemingen",
    comparison="at-most",
    values=(Value(8),),
    reference=Reference(
        title="Mededingingswet",
        article="7",
        lid="1, onder a",
        text="bij de desbetreffende overeenkomst ... niet meer dan acht ondernemingen betrokken zijn",
        url=MEDEDINGINGSWET_URL,
        note="ACM, 'Samenwerken in de zorgsector': 'niet meer dan 8 bedrijven'.",
    ),
)

TURNOVER_CAP_GOODS = Limit(
    name="de_minimis.turnover_cap_goods",
    description="Omzetgrens (vorig kalenderjaar, samen) als alle betrokken ondernemingen hoofdzakelijk goederen leveren",
    unit="cent",
    comparison="at-most",
    values=(Value(5_500_000_00),),
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

TURNOVER_CAP_SERVICES = Limit(
    name="de_minimis.turnover_cap_services",
    description="Omzetgrens (vorig kalenderjaar, samen) in alle andere gevallen, zoals zorgaanbieders die diensten leveren",
    unit="cent",
    comparison="at-most",
    values=(Value(1_100_000_00),),
    reference=Reference(
        title="Mededingingswet",
        article="7",
        lid="1, onder b, 2°",
        text="niet hoger dan € 1 100 000 in alle andere gevallen",
        url=MEDEDINGINGSWET_URL,
        note=_ART7_NOTE,
    ),
)

MAX_MARKET_SHARE_BP = Limit(
    name="de_minimis.max_market_share_bp",
    description="Hoogste gezamenlijke marktaandeel van concurrenten op elke relevante markt",
    unit="basispunt",
    comparison="at-most",
    values=(Value(10_00),),
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

MIN_UNDERTAKINGS = Limit(
    name="cartel.min_undertakings",
    description="Een afspraak in de zin van art. 6 vraagt minstens twee ondernemingen",
    unit="ondernemingen",
    comparison="at-most",  # not a limit; used as the lower bound of the input
    values=(Value(2),),
    reference=Reference(
        title="Mededingingswet",
        article="6",
        lid="1",
        text="Verboden zijn overeenkomsten tussen ondernemingen ...",
        url=MEDEDINGINGSWET_URL,
    ),
)

INSURERS_MAX_SHARE_BP = Limit(
    name="insurers.max_share_bp",
    description="Gezamenlijk marktaandeel van samenwerkende zorgverzekeraars moet hieronder blijven (routes A en B)",
    unit="basispunt",
    comparison="below",
    values=(Value(15_00),),
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

ALL_PARAMETERS: tuple[Limit, ...] = (
    MAX_UNDERTAKINGS,
    TURNOVER_CAP_GOODS,
    TURNOVER_CAP_SERVICES,
    MAX_MARKET_SHARE_BP,
    MIN_UNDERTAKINGS,
    INSURERS_MAX_SHARE_BP,
)
