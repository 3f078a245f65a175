"""The sources are published faithfully: every sentence of every norm box in the sources stands
word for word (whitespace normalised) inside the matching box of the built site, and nearly every
sentence of the sources stands somewhere on the site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .text import SOURCES, html_text, on_site, published, sentences, source_text

# The source texts: sources/<name>.txt (sources/README.md).
ACM_ZORG = "acm-samenwerken-in-de-zorgsector"
ACM_SOCIAAL = "acm-samenwerking-sociaal-domein"
NMA = "nma-informatiekaart-zorgverzekeraars"
VWS = "vws-brief-consortia-2014"
NZA = "nza-handvatten-zorgcontractering-2026"
ALL_SOURCES = (ACM_ZORG, ACM_SOCIAAL, NMA, VWS, NZA)

# Where each norm box of the sources starts and ends in the (repaired) source text:
# norm id -> (source, page in the built site, first words, last words).
H = "handvatten/4-ordentelijk-contracteerproces"
H5 = "handvatten/5-informatieverstrekking-consumenten"
ACM = "acm/samenwerken-in-de-zorgsector"
SOURCE_BOXES: dict[str, tuple[str, str, str, str]] = {
    "iza-12-november": (NZA, "handvatten/1-visie", "In dit document Handvatten hanteren we 12 november", "teveel verstoren."),
    "th-nr-038-art-4": (NZA, H, "Zorgverzekeraars maken het zorginkoopbeleid", "zal plaatsvinden bekend."),
    "th-nr-038-art-8": (NZA, H, "Indien de zorgverzekeraar een wijziging", "door de zorgverzekeraar gemotiveerd."),
    "richtsnoer-1": (NZA, H, "Richtsnoer 1: Uiterlijk 1 juni", "vertaald in haar strategisch beleid."),
    "richtsnoer-2": (NZA, H, "Richtsnoer 2: Zorgaanbieders leveren", "aan bij de zorgverzekeraar."),
    "richtsnoer-3": (NZA, H, "Richtsnoer 3: Zorgaanbieders en zorgverzekeraars", "indien daarvan gebruik wordt gemaakt."),
    "richtsnoer-4": (NZA, H, "Richtsnoer 4: Zorgaanbieder en zorgverzekeraar bespreken", "wanneer zij dit uiterlijk willen bespreken."),
    "richtsnoer-5": (NZA, H, "Richtsnoer 5: In sectoren", "onderling anders hebben afgesproken."),
    "th-nr-038-art-6-lid-1": (NZA, H, "In sectoren waarbij de zorgaanbieder een offerte aanbiedt, dient de zorgaanbieder uiterlijk 1 oktober", "onderling anders hebben afgesproken."),
    "th-nr-038-art-6-lid-2": (NZA, H, "In sectoren waarbij het proces van zorginkoop digitaal plaatsvindt biedt", "het contractvoorstel aan."),
    "th-nr-038-art-6-lid-4": (NZA, H, "De, in het kader van de inkoop", "duidelijke inhoudelijke toelichting."),
    "richtsnoer-6": (NZA, H, "Richtsnoer 6: In sectoren", "waarvoor de zorginkoop plaatsvindt."),
    "richtsnoer-7": (NZA, H, "Richtsnoer 7: Als startpunt", "als index voor loonstijgingen de OVA."),
    "th-nr-038-art-7": (NZA, H, "Zorgverzekeraars nemen in het tijdspad", "reageert op de uitgebrachte offerte."),
    "th-nr-038-art-5": (NZA, H, "Zorgverzekeraars en zorgaanbieders zijn vanaf het moment", "vragen en opmerkingen van de andere partij."),
    "th-nr-027-art-4": (NZA, H5, "De zorgverzekeraar verstrekt bruikbare informatie", "aan de consument."),
    "th-nr-027-art-7": (NZA, H5, "De zorgverzekeraar is transparant", "op elkaar lijkende polissen."),
    "th-nr-027-art-9": (NZA, H5, "De zorgverzekeraar geeft inzicht", "behandeling of dienst."),
    "th-nr-027-art-10": (NZA, H5, "De zorgverzekeraar verstrekt informatie over (niet-)gecontracteerde zorg", "consequenties voor consumenten."),
    "richtsnoer-8": (NZA, H5, "Richtsnoer 8: Bij de plicht", "vergelijkbare taal."),
    "richtsnoer-9": (NZA, H5, "Richtsnoer 9: De zorgverzekeraar maakt", "voor de vergoeding van zorg."),
    "th-nr-035-art-4": (NZA, H5, "De zorgaanbieder informeert de consument objectief", "Deze informatie is niet sturend."),
    "richtsnoer-10": (NZA, H5, "Richtsnoer 10: De zorgaanbieder maakt", "door de zorgverzekeraar."),
    "acm-bagatelvoorziening": (ACM_ZORG, ACM, "Samenwerken in klein verband:", "handel tussen de EU-lidstaten."),
    "acm-prijs-en-gebiedsafspraken": (ACM_ZORG, ACM, "Wilt u samenwerken met een zorgaanbieder", "wie in welk gebied zorg levert."),
    "acm-brancheorganisaties": (ACM_ZORG, ACM, "In onze Leidraad Brancheorganisaties", "eigen inzet in de zorgcontractering bepalen."),
    "acm-kleine-zorgaanbieders": (ACM_ZORG, ACM, "Wilt u samen met andere kleine zorgaanbieders", "volgens deze 3 voorwaarden."),
    "acm-juiste-zorg-juiste-plek": (ACM_ZORG, ACM, "Werkt u samen met andere bedrijven", "gebruik maken van concrete handvatten."),
    "acm-informatie-delen": (ACM_SOCIAAL, "acm/samenwerking-sociaal-domein", "Wees alert als u overlegt", "niet delen of afstemmen."),
    "vws-consortia-offensief": (VWS, "vws/consortia-2014", "Partijen hebben gezamenlijk geconcludeerd", "door de inkopende partij is gevraagd."),
    "vws-consortia-verboden": (VWS, "vws/consortia-2014", "Samenwerkingsvormen die er vooral op zijn gericht", "op grond van de Mededingingswet worden beboet."),
}
# The NMa card lost its boxes: every line of the card is norm text and must stand on the page.
NMA_PAGE = "nma/informatiekaart-zorgverzekeraars"


def source_box(source: str, start: str, end: str) -> str:
    text = source_text(source)
    i = text.find(start)
    assert i >= 0, f"start {start!r} not in sources/{source}.txt"
    j = text.find(end, i)
    assert j >= 0, f"end {end!r} not after start in sources/{source}.txt"
    return text[i : j + len(end)]


def page_html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("norm_id", sorted(SOURCE_BOXES))
def test_every_sentence_of_the_source_box_stands_in_its_norm_box(site, norm_id):
    source, page, start, end = SOURCE_BOXES[norm_id]
    box_text = html_text(page_html(site, page), element_id=norm_id)
    assert box_text, f"no element with id {norm_id} on {page}"
    missing = [s for s in sentences(source_box(source, start, end)) if s not in box_text]
    assert not missing, f"{norm_id}: sentences not verbatim in the box: {missing}"


def nma_card_lines() -> list[str]:
    text = source_text(NMA, keep_lines=True)
    start = text.index("Onder voorwaarden is samenwerking toegestaan bij selectieve inkoop van zorg")
    stop = text.index("Onder welke")
    return sentences(text[start:stop])


def test_every_line_of_the_nma_card_stands_on_its_page(site):
    page = html_text(page_html(site, NMA_PAGE))
    missing = [line for line in nma_card_lines() if line not in page]
    assert not missing, f"NMa card text missing from the page: {missing}"


def test_share_of_all_source_sentences_on_the_site(site, record_property, capsys):
    """Reports the share of all source sentences found on the site (and requires nearly all)."""
    site_text = " ".join(html_text(p.read_text(encoding="utf-8")) for p in site.rglob("index.html"))
    all_units = {source: sentences(source_text(source, keep_lines=True)) for source in ALL_SOURCES}
    units = [s for source in all_units.values() for s in source]
    found = [s for s in units if on_site(s, site_text)]
    publishable = [s for s in units if published(s)]
    missing = [s for s in publishable if not on_site(s, site_text)]
    share_all = len(found) / len(units)
    share_publishable = (len(publishable) - len(missing)) / len(publishable)
    record_property("fidelity_share_all", round(share_all * 100, 2))
    record_property("fidelity_share_publishable", round(share_publishable * 100, 2))
    with capsys.disabled():
        print(f"\nFidelity: {len(found)}/{len(units)} of all source sentences found verbatim = {share_all:.1%}; "
              f"{len(publishable) - len(missing)}/{len(publishable)} of the publishable ones "
              f"(without cookie banner, table of contents, obfuscated e-mail) = {share_publishable:.1%}")
    assert not missing, f"source sentences missing from the site: {missing}"


def test_every_source_in_the_repository_is_checked():
    on_disk = sorted(p.stem for p in SOURCES.glob("*.txt"))
    assert on_disk == sorted([*ALL_SOURCES, STATUTE.stem]), "a file in sources/ that the fidelity tests do not read"


# The statute itself: every lid of each orange Mededingingswet box, word for word.
STATUTE = SOURCES / "mededingingswet-art-6-9.txt"
STATUTE_BOXES = {"mw-art-6-lid-1": ("6", "12"), "mw-art-6-lid-3": ("6", "34"), "mw-art-7": ("7", "12345"),
                 "mw-art-8": ("8", "123"), "mw-art-9": ("9", "123")}


def statute_leden(article: str) -> dict[str, str]:
    text = STATUTE.read_text(encoding="utf-8")
    body = re.search(rf"^Artikel {article}\n\n(.*?)(?=\n\nArtikel |\Z)", text, re.S | re.M).group(1)
    leden: dict[str, str] = {}
    for part in re.split(r"\n(?=\d\. )", body.strip()):
        leden[part[0]] = re.sub(r"^\d\. ", "", part)
    return leden


@pytest.mark.parametrize("norm_id", sorted(STATUTE_BOXES))
def test_the_orange_mededingingswet_box_carries_the_statute_word_for_word(site, norm_id):
    article, wanted = STATUTE_BOXES[norm_id]
    box_text = html_text(page_html(site, "wetgeving/mededingingswet"), element_id=norm_id)
    leden = statute_leden(article)
    missing = [s for lid in wanted for s in sentences(leden[lid].replace("\n", " ")) if s not in box_text]
    assert box_text and not missing, f"{norm_id}: not verbatim: {missing}"
