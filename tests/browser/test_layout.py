"""Phone first (issue 15): at 375 × 812 and at 1280 × 800, no page and no calculator state scrolls
sideways, and no table is wider than its container. Every calculator is opened once per size and
walked through its three states (default, answered, an input error); axe-core checks each state.
A screenshot of every page and state is written to build/screenshots/layout/<size>/ for a person
to look at (build/ is kept by the run, and ignored by git)."""

from __future__ import annotations

import pytest

from build_scripts.calculator_pages import PAGES

from ..a11y.axe import axe_violations
from ..a11y.test_axe import answer_a_question, make_an_input_error
from ..conftest import ROOT, guarded_page
from .test_calculators import open_calculator, wait_for_new_result
from .test_pages import site_paths

pytestmark = pytest.mark.browser

SIZES = {"telefoon": (375, 812), "breed": (1280, 800)}
SHOTS = ROOT / "build" / "screenshots" / "layout"

# What is wider than it may be: the document (the page scrolls sideways), and every visible table
# wider than the box it sits in. A table's box is its scroll wrapper's parent where it has one
# (the theme's .md-typeset__scrollwrap, the calculator's .zc-table-wrap): a table that only
# scrolls inside its wrapper is still wider than the page has room for.
TOO_WIDE = """() => {
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) out.push(`document: ${doc.scrollWidth} px in ${doc.clientWidth} px`);
  document.querySelectorAll('table').forEach((t, i) => {
    if (!t.getClientRects().length) return;  // not shown (display: none, e.g. the cards' table on a phone)
    const wrap = t.closest('.zc-table-wrap, .md-typeset__scrollwrap');
    const box = (wrap || t).parentElement;
    const style = getComputedStyle(box);
    const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const width = t.getBoundingClientRect().width;
    if (width > room + 0.5) out.push(`table ${i + 1} (${t.className || 'tabel'}): ${Math.round(width)} px in ${Math.round(room)} px`);
  });
  return out;
}"""


def shot(page, size: str, name: str) -> None:
    folder = SHOTS / size
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def _shot_name(path: str) -> str:
    return path.strip("/").replace("/", "_") or "start"


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def sized_page(request, browser, server):
    width, height = SIZES[request.param]
    context = browser.new_context(base_url=server, viewport={"width": width, "height": height})
    page = guarded_page(context, server)
    page.size_name = request.param  # type: ignore[attr-defined]
    yield page
    context.close()


def test_no_page_is_wider_than_the_screen_and_no_table_wider_than_its_box(sized_page, site):
    calculator_pages = {f"/rekenhulpen/{p.slug}/" for p in PAGES}
    failures = {}
    for path in site_paths(site):
        if path in calculator_pages:
            continue  # opened in all three states by the test below
        sized_page.goto(path, wait_until="load")
        found = sized_page.evaluate(TOO_WIDE)
        if found:
            failures[path] = found
        shot(sized_page, sized_page.size_name, _shot_name(path))
    assert failures == {}


@pytest.mark.parametrize("spec", PAGES, ids=[p.slug for p in PAGES])
def test_every_calculator_state_fits_the_screen_and_axe_finds_nothing(sized_page, spec):
    page = sized_page
    open_calculator(page, spec.slug)
    states = {"standaard": None, "beantwoord": lambda: answer_a_question(page), "fout": lambda: make_an_input_error(page)}
    failures = {}
    for state, action in states.items():
        if action:
            wait_for_new_result(page, action)
        if state == "fout":
            assert page.locator(".zc-result-body").get_attribute("data-verdict") == "error"
        problems = page.evaluate(TOO_WIDE) + axe_violations(page)
        if problems:
            failures[state] = problems
        shot(page, page.size_name, f"{spec.slug}-{state}")
    assert failures == {}


def test_on_a_phone_the_error_summary_brought_to_the_top_is_not_under_the_header_or_back_to_top(browser, server):
    """Issue 15: on a phone the theme's "Terug naar boven" button appears under the header as soon
    as the page scrolls up, which is what bringing the error summary into view does. The summary
    keeps its distance (scroll-margin-top), so neither covers "Er is een probleem"."""
    context = browser.new_context(base_url=server, viewport={"width": 375, "height": 812})
    page = guarded_page(context, server)
    open_calculator(page, "termijnen")
    page.click(".zc-more summary >> text=Wat er al gebeurde")
    page.focus("#veld-events-policy_published_on")
    page.keyboard.type("31 maart")
    page.keyboard.press("Tab")
    page.wait_for_function("document.activeElement.matches('.zc-error-summary')", timeout=10_000)
    # the summary at the very top, as a browser aligns a target scrolled up to (a summary link's
    # way back, a long summary): the back-to-top button shows because the page went up
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(300)
    page.evaluate("document.querySelector('.zc-error-summary').scrollIntoView({block: 'start'})")
    page.wait_for_function("document.querySelector('.md-top') && !document.querySelector('.md-top').hidden "
                           "&& getComputedStyle(document.querySelector('.md-top')).opacity === '1'", timeout=5_000)
    summary = page.locator(".zc-error-summary").bounding_box()
    for chrome in (".md-header", ".md-top"):
        box = page.locator(chrome).bounding_box()
        assert box["y"] + box["height"] <= summary["y"], (chrome, box, summary)
    context.close()
