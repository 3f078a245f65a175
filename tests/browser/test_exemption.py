"""The art. 6 lid 3 self-assessment in a real Chromium with real Pyodide: the "how" a visitor
writes reaches the printed result, and never the address bar or a copied link."""

from __future__ import annotations

import json

import pytest

from .test_calculators import open_calculator, wait_for_new_result

pytestmark = pytest.mark.browser
NOTE = "Wachttijd van 9 naar 4 weken, gemeten door beide ziekenhuizen"


def test_the_how_note_is_printed_but_never_put_in_a_link(page):
    open_calculator(page, "uitzondering-artikel-6-lid-3")
    for key in ("benefits", "fair_share", "necessary", "competition_remains"):
        page.check(f"#veld-{key}-0")
    wait_for_new_result(page, lambda: page.fill("#veld-benefits_how", NOTE))
    page.wait_for_function("n => document.querySelector('.zc-result-body').textContent.includes(n)", arg=NOTE)
    assert page.locator(".zc-result-body").get_attribute("data-verdict") == "can-substantiate"
    page.wait_for_function("location.hash.startsWith('#invoer=')")
    page.wait_for_timeout(600)  # past the state delay: the address shows the latest inputs
    state = page.evaluate("window.zorgcalc.decodeState(location.hash.slice('#invoer='.length))")
    assert state["benefits"] is True and "benefits_how" not in state
    assert NOTE not in json.dumps(state, ensure_ascii=False)
    link_inputs = page.evaluate("() => { const f = document.querySelector('form.zc-form');"
                                " return window.zorgcalc.shareable(f, window.zorgcalc.readForm(f)); }")
    assert link_inputs["necessary"] is True and "benefits_how" not in link_inputs
    assert page.console_errors == []
