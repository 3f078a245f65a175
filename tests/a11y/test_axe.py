"""WCAG 2.0/2.1 A and AA, checked by axe-core on every built page and on every calculator in its
three states (default, a result after input, an input error). Zero violations."""

from __future__ import annotations

import pytest

from build_scripts.calculator_pages import PAGES

from ..browser.test_calculators import open_calculator, wait_for_new_result
from ..browser.test_pages import site_paths
from .axe import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.a11y]


def test_every_page_has_no_axe_violations(page, site):
    failures = {}
    for path in site_paths(site):
        page.goto(path, wait_until="networkidle")
        found = axe_violations(page)
        if found:
            failures[path] = found
    assert failures == {}


def test_every_norm_quote_card_has_no_axe_violations(page, site):
    failures = {}
    for card in sorted((site / "normen" / "kaart").glob("*.html")):
        page.goto(f"/normen/kaart/{card.name}")
        found = axe_violations(page)
        if found:
            failures[card.stem] = found
    assert failures == {}


def test_every_embed_page_has_no_axe_violations(page):
    failures = {}
    for spec in PAGES:
        page.goto(f"/rekenhulpen/insluiten/{spec.slug}.html")
        found = axe_violations(page)
        if found:
            failures[spec.slug] = found
    assert failures == {}


def answer_a_question(page) -> None:
    """Change the first choice of the form that is not chosen yet (a radio button)."""
    radio = page.evaluate("""() => {
      const el = [...document.querySelectorAll('.zc-form input[type=radio]')]
        .find(e => e.offsetParent !== null && !e.checked);
      return el ? el.id : null;
    }""")
    assert radio, "no radio button to change"
    page.check(f"#{radio}")


def make_an_input_error(page) -> None:
    """Type text where a number is expected; a form of only choices gets an answer that is not
    one of its options (as a tampered link would), through the same worker and renderer."""
    field = page.evaluate("""() => {
      const el = [...document.querySelectorAll('.zc-form input[type=text][data-path]')]
        .find(e => e.offsetParent !== null && ['int', 'money', 'percent'].includes(e.dataset.kind));
      return el ? el.id : null;
    }""")
    if field:
        page.fill(f"#{field}", "veel")
        return
    radio = page.evaluate("""() => {
      const el = [...document.querySelectorAll('.zc-form [data-kind=bool3] input[type=radio], .zc-form [data-kind=choice-radio] input[type=radio]')]
        .find(e => e.offsetParent !== null && !e.checked);
      el.value = 'ongeldig';
      el.closest('[data-kind]').dataset.kind = 'choice-radio';  // bool3 would read it as 'unknown'
      return el.id;
    }""")
    page.check(f"#{radio}")


@pytest.mark.parametrize("spec", PAGES, ids=[p.slug for p in PAGES])
def test_calculator_has_no_axe_violations_by_default_after_input_and_on_an_error(page, spec):
    open_calculator(page, spec.slug)
    failures = {"default": axe_violations(page)}

    # a result after input: change the first choice (radio) of the form
    wait_for_new_result(page, lambda: answer_a_question(page))
    failures["result after input"] = axe_violations(page)

    # an input error, shown at the field and listed in the result
    wait_for_new_result(page, lambda: make_an_input_error(page))
    assert page.locator(".zc-form [aria-invalid=true]").count() > 0, "the input did not cause an error"
    assert page.locator(".zc-result-body").get_attribute("data-verdict") == "error"
    failures["input error"] = axe_violations(page)
    assert {k: v for k, v in failures.items() if v} == {}
