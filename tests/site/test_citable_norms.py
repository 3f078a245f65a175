"""Norms a lawyer can cite: the official text of every statute-based box (Juriconnect, known BWB
ids), the citation per norm, the new fields of norms.json, and schema.org Legislation per page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_scripts import norms as reg
from build_scripts import official
from tests.site.test_norm_register import GOOD_BOX, problems, write_page

KNOWN_BWB = {"BWBR0008691", "BWBR0018450", "BWBR0020078", "BWBR0002448"}
JURICONNECT = re.compile(r"^https://wetten\.overheid\.nl/jci1\.3:c:(BWBR\d{7})&artikel=(\d+[a-z]?)(?:&lid=(\d+[a-z]?))?$")
SITE = "https://zorgcontracteringsregels.nl/"


@pytest.fixture(scope="module")
def data(site) -> dict[str, dict]:
    return {n["id"]: n for n in json.loads((site / "normen" / "norms.json").read_text(encoding="utf-8"))["norms"]}


# Every box whose rule rests on a statute, with the article and lid of the Mededingingswet it rests
# on (read from each box's text, and for a paraphrase from its Wettekst).
STATUTE_BOXES = {
    "mw-art-6-lid-1": ("6", "1"), "mw-art-6-lid-3": ("6", "3"), "mw-art-7": ("7", None),
    "mw-art-8": ("8", None), "mw-art-9": ("9", None),
    "acm-prijs-en-gebiedsafspraken": ("6", "1"), "vws-consortia-verboden": ("6", "1"),
    "acm-voordelen-samenwerking": ("6", "3"), "acm-voordelen-onderbouwen": ("6", "3"),
    "acm-bagatelvoorziening": ("7", None),
}


@pytest.mark.parametrize("nid", sorted(STATUTE_BOXES))
def test_a_statute_based_box_links_its_article_and_lid_on_wetten_overheid_nl(data, nid):
    m = JURICONNECT.match(data[nid]["official_url"] or "")
    assert m, data[nid]["official_url"]
    assert m.group(1) in KNOWN_BWB
    assert (m.group(1), m.group(2), m.group(3)) == ("BWBR0008691", *STATUTE_BOXES[nid])


def test_no_other_box_gets_an_official_link_and_no_nza_regulation_a_guessed_one(data):
    assert {nid for nid, n in data.items() if n["official_url"]} == set(STATUTE_BOXES)
    assert all(n["official_url"] is None for nid, n in data.items() if nid.startswith("th-nr-"))


def test_a_juriconnect_link_with_an_unknown_bwb_id_stops_the_build(tmp_path):
    box = GOOD_BOX.replace(":   een bron", ":   Mededingingswet, artikel 6; officiële tekst: "
                           "[wetten.overheid.nl](https://wetten.overheid.nl/jci1.3:c:BWBR0000001&artikel=6)")
    write_page(tmp_path, box)
    assert "onbekend BWB-id BWBR0000001" in problems(tmp_path)


def test_a_juriconnect_link_without_an_article_stops_the_build():
    assert official.problems_of("https://wetten.overheid.nl/jci1.3:c:BWBR0008691&lid=1") == [
        "'https://wetten.overheid.nl/jci1.3:c:BWBR0008691&lid=1': zonder artikel"]


def test_a_box_that_names_a_statute_article_without_an_official_link_stops_the_build(tmp_path):
    write_page(tmp_path, GOOD_BOX.replace(":   een bron", ":   Mededingingswet, artikel 7"))
    assert "'richtsnoer-99' noemt een wetsartikel maar heeft geen Juriconnect-link" in problems(tmp_path)


def test_the_citation_of_a_richtsnoer_names_source_edition_section_norm_and_permalink(data):
    assert data["richtsnoer-5"]["citation"] == (
        "Handvatten Zorgcontractering (NZa, 1 maart 2026), § 4.6.1, richtsnoer 5; editie: derde versie, "
        "1 maart 2026. Norm richtsnoer-5, “Richtsnoer 5 · onderdelen van de offerte uiterlijk 1 september” (richtsnoer, "
        f"niet bindend). Zorgcontractering & mededinging, {SITE}handvatten/4-ordentelijk-contracteerproces/"
        f"#richtsnoer-5 (deze editie: {SITE}handvatten/editie-2026-03-01/4-ordentelijk-contracteerproces/#richtsnoer-5)")


def test_the_citation_of_a_restated_regulation_says_it_binds(data):
    assert data["th-nr-038-art-4"]["citation"].startswith(
        "Regeling transparantie zorgcontractering Zvw (TH/NR-038), artikel 4; weergegeven in Handvatten "
        "Zorgcontractering (NZa, 1 maart 2026), § 4.1; editie: derde versie, 1 maart 2026. Norm th-nr-038-art-4, "
        "“artikel 4 Regeling TH/NR-038: zorginkoopbeleid uiterlijk 1 april bekend” (regelgeving, bindend).")


def test_the_citation_of_a_statute_article_keeps_its_official_address(data):
    assert data["mw-art-7"]["citation"] == (
        "Mededingingswet, artikel 7 (geconsolideerde tekst, zie de bron bovenaan deze pagina); officiële tekst: "
        "wetten.overheid.nl (https://wetten.overheid.nl/jci1.3:c:BWBR0008691&artikel=7); editie: geconsolideerde "
        "tekst zonder consolidatiedatum, geraadpleegd op 1 december 2026. Norm mw-art-7, “Mededingingswet artikel 7: "
        f"bagatelvoorziening” (regelgeving, bindend). Zorgcontractering & mededinging, {SITE}wetgeving/mededingingswet/#mw-art-7")


def test_every_citation_ends_with_the_norms_permalink_on_the_public_address(data):
    for nid, n in data.items():
        assert n["permalink"] == SITE + n["url"]
        assert n["permalink"] in n["citation"], nid


def test_a_richtsnoer_of_the_handvatten_holds_from_its_edition_and_a_restated_regulation_from_an_unknown_date(data):
    assert (data["richtsnoer-5"]["valid_from"], data["richtsnoer-5"]["edition"]["date"]) == ("2026-03-01", "2026-03-01")
    assert data["th-nr-038-art-4"]["valid_from"] is None
    assert data["mw-art-7"]["valid_from"] is None  # the consolidation carries no date
    assert data["vws-consortia-verboden"]["valid_from"] == "2014-03-04"
    assert all(n["status"] == "geldend" and n["valid_until"] is None for n in data.values())


def test_every_page_with_norms_carries_schema_org_legislation_for_each_of_its_boxes(site, data):
    pages: dict[str, set[str]] = {}
    for nid, n in data.items():
        pages.setdefault(n["url"].split("#")[0], set()).add(nid)
    for url, ids in pages.items():
        soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        blocks = soup.find_all("script", type="application/ld+json")
        assert len(blocks) == 1, url
        graph = json.loads(blocks[0].string)["@graph"]
        assert {item["identifier"] for item in graph} == ids
        assert all(item["@type"] == "Legislation" and item["url"] == data[item["identifier"]]["permalink"] for item in graph)
    item = next(i for i in json.loads(BeautifulSoup((site / "wetgeving/mededingingswet/index.html").read_text(
        encoding="utf-8"), "html.parser").find("script", type="application/ld+json").string)["@graph"]
        if i["identifier"] == "mw-art-7")
    assert item["isBasedOn"] == "https://wetten.overheid.nl/jci1.3:c:BWBR0008691&artikel=7"
    assert item["legislationType"] == "regelgeving, bindend"


def test_a_frozen_edition_page_carries_no_schema_org_data_of_the_current_norms(site):
    page = site / "handvatten" / "editie-2026-03-01" / "4-ordentelijk-contracteerproces" / "index.html"
    assert "application/ld+json" not in page.read_text(encoding="utf-8")


def test_a_page_with_norms_that_lacks_its_schema_org_line_stops_the_build(tmp_path):
    from build_scripts import editions, jsonld, norm_records

    page = tmp_path / "docs" / "handvatten" / "1-visie.md"
    page.parent.mkdir(parents=True)
    line = '--8<-- "jsonld/handvatten/1-visie.html"'
    page.write_text((reg.DOCS / "handvatten" / "1-visie.md").read_text(encoding="utf-8").replace(line, ""),
                    encoding="utf-8")
    found = reg.collect(tmp_path / "docs")
    records, _, _ = norm_records.records(found, editions.load())
    assert jsonld.write(found, records, tmp_path / "snippets", tmp_path / "docs") == [
        f"handvatten/1-visie.md: zet de regel {line} onderaan de pagina (schema.org-gegevens van de normen)"]
