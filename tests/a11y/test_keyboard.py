"""A keyboard-only walk through one calculator: every control is reached with Tab in reading
order, focus is always visible, answers change with the keyboard, and the new result is in a
live region that screen readers announce."""

from __future__ import annotations

import pytest

from ..browser.test_calculators import open_calculator

pytestmark = [pytest.mark.browser, pytest.mark.a11y]

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow && s.boxShadow !== 'none';
  return {id: el.id, tag: el.tagName, type: el.type || '', text: (el.textContent || '').trim().slice(0, 60),
          visible: outline || shadow, inForm: !!el.closest('.zc-form'), inResult: !!el.closest('.zc-result')};
}"""


def test_keyboard_only_walk_through_a_calculator(page):
    open_calculator(page, "kleine-zorgaanbieders")
    page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    page.locator("body").focus()
    visited = []
    for _ in range(80):  # from the top of the page into and through the form
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STYLE)
        visited.append(state)
        assert state["visible"], f"focus not visible on {state}"
        if state["inResult"]:
            break
    form_controls = [s["id"] for s in visited if s["inForm"]]
    # one stop per question (a radio group is one tab stop), in the order of the questions
    expected = ["veld-aim_better_care-0", "veld-insurer_has_alternatives-0", "veld-joint_refusal-0",
                "veld-all_parties_accept-0"]
    assert [c for c in form_controls if c.startswith("veld-")] == expected
    assert visited[-1]["inResult"], "the result's actions are reachable by Tab after the form"

    # answer a question with the keyboard: arrow keys move the radio choice
    page.focus("#veld-all_parties_accept-0")
    page.keyboard.press("ArrowDown")  # nothing chosen, focus on ja -> nee
    page.wait_for_selector(".zc-result-body[data-verdict='outside-conditions']", timeout=10_000)
    live = page.locator(".zc-result-body")
    assert live.get_attribute("aria-live") == "polite"
    assert "Buiten de drie voorwaarden" in live.inner_text()
