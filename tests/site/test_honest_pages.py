"""Issue "Answers a lawyer can trust", on the built site: boxes of the right kind (finding 9), open
points shown at the norm and on one page (finding 10), interface pages out of the search (11)."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from build_scripts.norms import collect

BY_ID = {n.id: n for n in collect()}


def test_finding_9_the_orange_article_7_box_is_the_statute_and_the_acm_wording_is_green():
    assert BY_ID["mw-art-7"].kind == "regelgeving" and "wetgeving/mededingingswet" in BY_ID["mw-art-7"].url
    assert BY_ID["acm-bagatelvoorziening"].kind == "richtsnoer"
    assert BY_ID["mw-art-6-lid-1"].kind == "regelgeving"


def test_finding_9_every_orange_box_of_a_statute_links_to_wetten_overheid_nl(site):
    soup = BeautifulSoup((site / "wetgeving/mededingingswet/index.html").read_text(encoding="utf-8"), "html.parser")
    for nid in ("mw-art-6-lid-1", "mw-art-6-lid-3", "mw-art-7", "mw-art-8", "mw-art-9"):
        box = soup.find(id=nid)
        links = [a["href"] for a in box.find_all("a", href=True)]
        assert any(h.startswith("https://wetten.overheid.nl/jci1.3:c:BWBR0008691&artikel=") for h in links), nid


def test_finding_9_the_old_permalink_of_the_acm_wording_still_lands_on_it(site):
    soup = BeautifulSoup((site / "acm/samenwerken-in-de-zorgsector/index.html").read_text(encoding="utf-8"), "html.parser")
    anchor = soup.find(id="mw-art-7")
    assert anchor is not None and anchor.find_next(id="acm-bagatelvoorziening") is not None


def test_finding_9_green_paraphrases_of_the_cartel_ban_point_to_the_statute(site):
    for page, nid in (("acm/samenwerken-in-de-zorgsector", "acm-prijs-en-gebiedsafspraken"),
                      ("acm/samenwerken-in-de-zorgsector", "acm-bagatelvoorziening"),
                      ("vws/consortia-2014", "vws-consortia-verboden")):
        soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        hrefs = [a["href"] for a in soup.find(id=nid).find_all("a", href=True)]
        assert any("wetgeving/mededingingswet/#mw-art-" in h for h in hrefs), nid


OPEN_POINTS = {"open-punt-art-6-lid-3": ["th-nr-038-art-6-lid-1", "th-nr-038-art-6-lid-2"],
               "open-punt-lid-3-of-lid-4": ["th-nr-038-art-6-lid-4", "richtsnoer-3"],
               "open-punt-art-5-twee-weken": ["th-nr-038-art-5"],
               "open-punt-eerdere-contractjaren": ["th-nr-038-art-4"]}


def test_finding_10_each_open_point_is_shown_in_the_box_it_concerns_and_on_one_page(site):
    page = site / "handvatten/4-ordentelijk-contracteerproces/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    gathered = (site / "open-punten/index.html").read_text(encoding="utf-8")
    for point, norms in OPEN_POINTS.items():
        assert soup.find(id=point) is not None, point
        assert f"#{point}" in gathered, point
        for nid in norms:
            assert soup.find(id=nid).find("a", href=f"#{point}") is not None, (point, nid)


def test_finding_11_interface_pages_are_kept_out_of_the_site_search(site):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert not any(loc.startswith("rekenhulpen/interface/") for loc in locations)
    assert "rekenhulpen/termijnen/" in locations
