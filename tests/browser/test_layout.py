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


# The back-to-top button's box and the error summary's, each only while it is shown and on screen.
OVERLAP = """() => {
  const top = document.querySelector('.md-top'), box = document.querySelector('.zc-error-summary');
  const shown = el => el && el.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const a = top.getBoundingClientRect(), b = box.getBoundingClientRect();
  const onScreen = r => r.bottom > 0 && r.top < innerHeight;
  if (!shown(top) || !shown(box) || !onScreen(a) || !onScreen(b)) return null;
  const meet = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  return meet ? `"Terug naar boven" ${Math.round(a.top)}-${Math.round(a.bottom)} px over the summary at ${Math.round(b.top)}-${Math.round(b.bottom)} px (scrollY ${scrollY})` : null;
}"""


def test_back_to_top_never_covers_the_error_summary_on_a_phone(browser, server):
    """Focusing the error summary scrolls the page up, which is when the theme shows its floating
    "Terug naar boven" button, at the top of the screen where the summary lands. This calculator's
    summary lands there at 375 × 812; it is checked after the focus and while the visitor scrolls
    up past the summary, a little at a time."""
    context = browser.new_context(base_url=server, viewport={"width": 375, "height": 812})
    page = guarded_page(context, server)
    open_calculator(page, "uitzondering-artikel-6-lid-3")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    wait_for_new_result(page, lambda: make_an_input_error(page))  # a change: the summary takes focus
    page.wait_for_function("document.activeElement.classList.contains('zc-error-summary')")
    page.wait_for_timeout(500)  # the theme's button fades in
    found = [page.evaluate(OVERLAP)]
    for _ in range(12):
        page.mouse.wheel(0, -60)
        page.wait_for_timeout(150)
        found.append(page.evaluate(OVERLAP))
    context.close()
    assert [f for f in found if f] == []
