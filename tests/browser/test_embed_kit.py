"""The embed kit and the citation, in real Chromium against the built site: every quote card
works in an iframe on another origin with the code the linking page gives, grows with its content,
and opens its links in a new tab; the copy buttons copy the code and the citation."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from bs4 import BeautifulSoup

from build_scripts.editions import dutch_date

from ..conftest import static_server

pytestmark = pytest.mark.browser
PUBLIC = "https://zorgcontracteringsregels.nl"


def _codes(site) -> dict[str, str]:
    soup = BeautifulSoup((site / "linken" / "index.html").read_text(encoding="utf-8"), "html.parser")
    return {c["id"].removeprefix("code-"): c.get_text() for c in soup.select("pre.insluitcode-code code")}


def _norm_ids(site) -> list[str]:
    return [n["id"] for n in json.loads((site / "normen" / "norms.json").read_text(encoding="utf-8"))["norms"]]


def test_the_linking_page_has_a_code_for_every_calculator_and_every_norm_card(site):
    from build_scripts.calculator_pages import PAGES

    codes = _codes(site)
    for spec in PAGES:
        code = codes[spec.slug]
        assert f'src="{PUBLIC}/rekenhulpen/insluiten/{spec.slug}.html"' in code
        assert f'title="Rekenhulp {spec.title}"' in code
    for nid in _norm_ids(site):
        assert f'src="{PUBLIC}/normen/kaart/{nid}.html"' in codes[nid]


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    """A second origin (another port on loopback) to host the embed codes, as a branch organisation would."""
    folder = tmp_path_factory.mktemp("host")
    with static_server(folder) as url:
        yield folder, url


def _host_page(folder, code: str, server: str, name: str) -> str:
    body = code.replace(PUBLIC, server)
    (folder / name).write_text(f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>'
                               f'<body><div id="box" style="width: 700px">{body}</div></body></html>', encoding="utf-8")
    return name


def test_every_quote_card_renders_on_another_origin_without_errors_and_grows_with_its_content(browser, site, server, host):
    folder, origin = host
    codes = _codes(site)
    context = browser.new_context()
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: m.type == "error" and errors.append(f"{pg.url}: {m.text}"))
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    failures = []
    try:
        for nid in _norm_ids(site):
            pg.goto(f"{origin}/{_host_page(folder, codes[nid], server, f'{nid}.html')}")
            pg.wait_for_function("() => document.querySelector('iframe').style.height !== ''")
            frame = pg.frame_locator("iframe")
            if frame.locator("h1").inner_text() == "":
                failures.append(nid)
            wide = pg.evaluate("() => parseInt(document.querySelector('iframe').style.height)")
            # another origin: the host cannot read the card's document
            assert pg.evaluate("() => document.querySelector('iframe').contentDocument === null")
            pg.evaluate("() => { document.getElementById('box').style.width = '260px'; }")
            pg.wait_for_function(f"() => parseInt(document.querySelector('iframe').style.height) > {wide}")
    finally:
        context.close()
    assert failures == []
    assert errors == []


def test_every_link_in_a_quote_card_opens_in_a_new_tab(page, site):
    for nid in _norm_ids(site)[:1] + ["mw-art-7", "richtsnoer-5"]:
        page.goto(f"/normen/kaart/{nid}.html")
        links = page.locator("a[href]")
        assert links.count() >= 1
        for i in range(links.count()):
            assert (links.nth(i).get_attribute("target"), links.nth(i).get_attribute("rel")) == ("_blank", "noopener")


def test_every_link_in_an_embedded_calculator_opens_in_a_new_tab(page):
    from build_scripts.calculator_pages import PAGES

    for spec in PAGES:
        page.goto(f"/rekenhulpen/insluiten/{spec.slug}.html", wait_until="load")
        outward = page.locator("a[href]:not([href^='#'])")
        assert outward.count() >= 1, spec.slug
        page.wait_for_function("() => [...document.querySelectorAll(\"a[href]:not([href^='#'])\")]"
                               ".every(a => a.target === '_blank' && a.rel === 'noopener')")
    assert page.console_errors == []


@pytest.fixture
def clipboard_page(browser, server):
    context = browser.new_context(base_url=server, permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def test_the_copy_button_of_an_embed_code_copies_that_code(clipboard_page, site):
    pg = clipboard_page
    pg.goto("/linken/")
    pg.locator("#insluiten-termijnen .insluitcode-kopieer").click()
    pg.wait_for_function("() => document.querySelector('#insluiten-termijnen .insluitcode-status').textContent !== ''")
    assert pg.evaluate("navigator.clipboard.readText()") == _codes(site)["termijnen"]
    assert pg.locator("#insluiten-termijnen .insluitcode-status").inner_text() == "Code gekopieerd."


def test_citeer_copies_the_citation_with_the_day_it_was_read(clipboard_page, site):
    pg = clipboard_page
    norms = {n["id"]: n for n in json.loads((site / "normen" / "norms.json").read_text(encoding="utf-8"))["norms"]}
    pg.goto("/handvatten/4-ordentelijk-contracteerproces/")
    pg.locator("#richtsnoer-5 .norm-cite-button").click()
    pg.wait_for_function("() => document.querySelector('#richtsnoer-5 .norm-cite-status').textContent !== ''")
    expected = f"{norms['richtsnoer-5']['citation']}, geraadpleegd op {dutch_date(dt.date.today())}."
    assert pg.evaluate("navigator.clipboard.readText()") == expected


def test_each_box_shows_its_edition_validity_and_official_text(page):
    page.goto("/acm/samenwerken-in-de-zorgsector/")
    box = page.locator("#acm-bagatelvoorziening")
    box.locator(".norm-details").wait_for()
    text = " ".join(box.inner_text().split())
    assert "Geldt vanaf onbekend (de bron noemt geen datum)" in text
    official = box.get_by_role("link", name="wetten.overheid.nl")
    assert official.get_attribute("href") == "https://wetten.overheid.nl/jci1.3:c:BWBR0008691&artikel=7"
    page.goto("/handvatten/4-ordentelijk-contracteerproces/")
    details = page.locator("#richtsnoer-5 .norm-details")
    details.wait_for()
    assert "Editie derde versie, 1 maart 2026" in " ".join(page.locator("#richtsnoer-5").inner_text().split())
    assert page.locator("#richtsnoer-5").get_by_role("link", name="bevroren versie van deze editie").get_attribute(
        "href").endswith("/handvatten/editie-2026-03-01/4-ordentelijk-contracteerproces/#richtsnoer-5")
    assert page.console_errors == []


def test_the_register_has_a_citeer_button_per_row(page, site):
    page.goto("/normen/")
    page.locator(".norm-cite-button").first.wait_for()
    assert page.locator("table.norm-register .norm-cite-button").count() == len(_norm_ids(site))


def test_the_register_text_filter_finds_a_norm_by_words_of_its_text(page):
    page.goto("/normen/")
    page.locator("#filter-tekst").wait_for()
    page.fill("#filter-tekst", "niet onlosmakelijk")  # words of richtsnoer 5's text, not of its title
    visible = page.locator("table.norm-register tbody tr:not([hidden]) a.norm-register-id")
    assert visible.all_inner_texts() == ["richtsnoer-5"]
    page.fill("#filter-tekst", "richtsnoer-1")
    assert "richtsnoer-1" in visible.all_inner_texts()


def test_the_register_filters_by_source_and_by_contracting_form(page, site):
    data = json.loads((site / "normen" / "norms.json").read_text(encoding="utf-8"))["norms"]
    page.goto("/normen/")
    page.locator("#filter-bron").wait_for()
    visible = page.locator("table.norm-register tbody tr:not([hidden]) a.norm-register-id")
    page.select_option("#filter-bron", "Mededingingswet")
    assert visible.all_inner_texts() == [n["id"] for n in data if n["edition"]["source"] == "Mededingingswet"]
    page.select_option("#filter-bron", "")
    page.select_option("#filter-contractering", "digitaal")
    assert visible.all_inner_texts() == [n["id"] for n in data if (n["form"] or "").startswith("digitaal")]
    assert visible.count() >= 1
