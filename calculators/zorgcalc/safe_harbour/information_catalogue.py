"""The catalogue of information items the information-sharing calculator judges (data only).

Per item: a Dutch label and, for each context, whether sharing is allowed, why, and the norm the
reason rests on. Sources (docs-dev/domain-rules.md §7): ACM "Samenwerking in het sociaal domein"
(sources/acm-samenwerking-sociaal-domein.txt: total current capacity and expected need may be
discussed; cost prices and strategic plans about work areas may not), ACM "Samenwerken in de
zorgsector" (sources/acm-samenwerken-in-de-zorgsector.txt: no joint prices or areas; branch
organisations may advise on non-competitive subjects and explain public information, never share
competitively sensitive information, and members set their own contracting stance), and the NMa
Informatiekaart (sources/nma-informatiekaart-zorgverzekeraars.txt: cooperating insurers exchange
only competitively sensitive information that is strictly necessary for the permitted cooperation).

Rulings per context:
- ``"allowed"``: may be shared;
- ``"not-allowed"``: may not be shared;
- ``"if-strictly-necessary"`` (insurers only): competitively sensitive, so only when strictly
  necessary for a permitted form of cooperation; the calculator treats it as not allowed unless
  the user lists the item in ``strictly_necessary``.

Edit this file to change a ruling; every entry names its reason and norm.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Context = Literal["providers", "branch-organisation", "insurers-cooperating"]
Ruling = Literal["allowed", "not-allowed", "if-strictly-necessary"]

CONTEXTS: dict[str, str] = {
    "providers": "tussen zorgaanbieders onderling",
    "branch-organisation": "door een brancheorganisatie aan of tussen haar leden",
    "insurers-cooperating": "tussen samenwerkende zorgverzekeraars",
}
CONTEXT_NORM: dict[str, str] = {
    "providers": "acm-informatie-delen",
    "branch-organisation": "acm-brancheorganisaties",
    "insurers-cooperating": "nma-informatie-uitwisseling",
}


@dataclass(frozen=True)
class Rule:
    ruling: Ruling
    reason: str  # Dutch
    norm: str


@dataclass(frozen=True)
class Item:
    id: str
    label: str  # Dutch
    rules: dict[str, Rule]


_P, _B, _I = "acm-informatie-delen", "acm-brancheorganisaties", "nma-informatie-uitwisseling"
_PRICE = "acm-prijs-en-gebiedsafspraken"
_INS_SENSITIVE = Rule("if-strictly-necessary",
                      "Concurrentiegevoelig: alleen toegestaan als het strikt noodzakelijk is voor de toegestane vorm "
                      "van samenwerking.", _I)

CATALOGUE: tuple[Item, ...] = (
    Item("total-capacity", "Totale huidige capaciteit in de regio", {
        "providers": Rule("allowed", "De ACM noemt de totale huidige capaciteit in de regio als voorbeeld van wat u mag bespreken.", _P),
        "branch-organisation": Rule("allowed", "Geaggregeerde, niet-concurrentiegevoelige informatie; de brancheorganisatie mag ook onderzoek (laten) doen.", _B),
        "insurers-cooperating": Rule("allowed", "De totale capaciteit in de regio is geen concurrentiegevoelige informatie van de verzekeraars.", _I),
    }),
    Item("expected-demand", "Verwachte zorgvraag of hulpbehoefte in de regio", {
        "providers": Rule("allowed", "De ACM noemt de verwachte hulpbehoefte in de regio als voorbeeld van wat u mag bespreken.", _P),
        "branch-organisation": Rule("allowed", "Niet concurrentiegevoelig; de brancheorganisatie mag hierover adviseren en onderzoek (laten) doen.", _B),
        "insurers-cooperating": Rule("allowed", "De verwachte zorgvraag in de regio is geen concurrentiegevoelige informatie.", _I),
    }),
    Item("public-information", "Openbare informatie", {
        "providers": Rule("allowed", "Openbare informatie is voor iedereen beschikbaar en mag worden gedeeld.", _P),
        "branch-organisation": Rule("allowed", "Brancheorganisaties mogen openbare informatie aan hun leden geven of verduidelijken.", _B),
        "insurers-cooperating": Rule("allowed", "Openbare informatie is niet concurrentiegevoelig.", _I),
    }),
    Item("quality-indicators-public", "Openbare kwaliteitsindicatoren", {
        "providers": Rule("allowed", "Openbaar gemaakte kwaliteitsgegevens zijn openbare informatie.", _P),
        "branch-organisation": Rule("allowed", "Openbare informatie mag de brancheorganisatie geven of toelichten.", _B),
        "insurers-cooperating": Rule("allowed", "Openbare informatie; samen prestatie-indicatoren ontwikkelen mag ook.", _I),
    }),
    Item("regulation-explanation", "Uitleg van wet- en regelgeving en van de contracteerprocedure", {
        "providers": Rule("allowed", "Uitleg van regels is niet iets waarop u concurreert.", _P),
        "branch-organisation": Rule("allowed", "Brancheorganisaties mogen adviseren over onderwerpen die niet concurrentiegevoelig zijn.", _B),
        "insurers-cooperating": Rule("allowed", "Niet concurrentiegevoelig.", _I),
    }),
    Item("cost-prices", "Kostprijzen", {
        "providers": Rule("not-allowed", "De ACM noemt kostprijzen als informatie die u niet mag delen of afstemmen.", _P),
        "branch-organisation": Rule("not-allowed", "Concurrentiegevoelige informatie mag een brancheorganisatie niet delen.", _B),
        "insurers-cooperating": _INS_SENSITIVE,
    }),
    Item("tariffs", "Tarieven (huidige of gevraagde)", {
        "providers": Rule("not-allowed", "Tarieven zijn iets waarop u concurreert; met concurrenten bepalen wat zorg kost mag niet.", _PRICE),
        "branch-organisation": Rule("not-allowed", "Concurrentiegevoelige informatie mag een brancheorganisatie niet delen.", _B),
        "insurers-cooperating": _INS_SENSITIVE,
    }),
    Item("price-intentions", "Prijsvoornemens en voorgenomen indexaties", {
        "providers": Rule("not-allowed", "Voornemens over prijzen zijn concurrentiegevoelig; afstemmen daarover is een prijsafspraak.", _PRICE),
        "branch-organisation": Rule("not-allowed", "Concurrentiegevoelige informatie mag een brancheorganisatie niet delen.", _B),
        "insurers-cooperating": _INS_SENSITIVE,
    }),
    Item("minimum-indexation-advice", "Advies van de brancheorganisatie over een minimale indexatie", {
        "providers": Rule("not-allowed", "Samen een minimale indexatie afspreken is een afspraak over wat zorg kost.", _PRICE),
        "branch-organisation": Rule("not-allowed", "Een advies over een minimale indexatie stuurt de individuele contractering van de leden; "
                                                   "leden bepalen ieder voor zich hun inzet.", _B),
        "insurers-cooperating": Rule("not-allowed", "Een gezamenlijk indexatieadvies is geen informatie die strikt nodig is voor een "
                                                    "toegestane samenwerking; het stuurt de prijzen.", _I),
    }),
    Item("strategic-plans-areas", "Strategische plannen over werkgebieden (geografisch of zorginhoudelijk)", {
        "providers": Rule("not-allowed", "De ACM noemt strategische plannen over werkgebieden als informatie die u niet mag delen; "
                                         "wie in welk gebied zorg levert bepaalt u niet samen.", _P),
        "branch-organisation": Rule("not-allowed", "Concurrentiegevoelige informatie mag een brancheorganisatie niet delen.", _B),
        "insurers-cooperating": _INS_SENSITIVE,
    }),
    Item("volume-forecasts-own", "Eigen productie- en volumeverwachtingen", {
        "providers": Rule("not-allowed", "Uw eigen verwachte productie is concurrentiegevoelig tegenover concurrenten "
                                         "(met uw zorgverzekeraar delen op diens verzoek is iets anders).", _P),
        "branch-organisation": Rule("not-allowed", "Concurrentiegevoelige informatie mag een brancheorganisatie niet delen.", _B),
        "insurers-cooperating": _INS_SENSITIVE,
    }),
    Item("negotiation-stance", "Eigen onderhandelingsinzet en gewenste contractvoorwaarden", {
        "providers": Rule("not-allowed", "Uw inzet in de contractering is iets waarop u concurreert.", _P),
        "branch-organisation": Rule("not-allowed", "Zorgaanbieders en zorgverzekeraars bepalen ieder voor zich hun eigen inzet in de "
                                                   "zorgcontractering.", _B),
        "insurers-cooperating": _INS_SENSITIVE,
    }),
)

BY_ID: dict[str, Item] = {item.id: item for item in CATALOGUE}
