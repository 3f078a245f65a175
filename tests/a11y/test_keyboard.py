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


SUMMARY = ".zc-error-summary"


def _focused_id(page) -> str:
    return page.evaluate("document.activeElement.id")


def test_the_error_summary_takes_focus_after_a_change_and_each_link_moves_focus_to_its_field(page):
    """GOV.UK error summary, WCAG 3.3.1: after a change that brings errors, focus is on the summary
    above the form; each of its links takes focus to the field it names."""
    open_calculator(page, "termijnen")
    assert page.locator(SUMMARY).is_hidden(), "no summary while nothing is wrong"
    page.click(".zc-more summary >> text=Wat er al gebeurde")

    # a date without a year, then Tab: the change brings an error, and focus goes to the summary
    page.focus("#veld-events-policy_published_on")
    page.keyboard.type("31 maart")
    page.keyboard.press("Tab")
    page.wait_for_function(f"document.activeElement.matches('{SUMMARY}')", timeout=10_000)
    assert "vul ook het jaar in" in page.locator(SUMMARY).inner_text()

    # a second error: the summary takes focus again and lists both, each field once
    page.fill("#veld-contract_year", "")
    page.focus("#veld-contract_year")
    page.keyboard.type("volgend jaar")
    page.keyboard.press("Tab")
    page.wait_for_function(f"document.querySelectorAll('{SUMMARY} li').length === 2 && "
                           f"document.activeElement.matches('{SUMMARY}')", timeout=10_000)
    links = page.locator(f"{SUMMARY} a")
    targets = [links.nth(i).get_attribute("data-field-id") for i in range(2)]
    assert sorted(targets) == ["veld-contract_year", "veld-events-policy_published_on"]

    # from the summary, Tab reaches its first link; Enter moves focus to that field
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-field-id')") == targets[0]
    page.keyboard.press("Enter")
    assert _focused_id(page) == targets[0]

    # the second link, followed with the keyboard too
    links.nth(1).focus()
    page.keyboard.press("Enter")
    assert _focused_id(page) == targets[1]


def test_typing_does_not_move_focus_to_the_error_summary(page):
    """Focus never leaves a field on a keystroke: the summary fills while typing, focus stays."""
    open_calculator(page, "termijnen")
    page.focus("#veld-contract_year")
    page.keyboard.press("End")
    page.keyboard.type("x")
    page.wait_for_function(f"document.querySelectorAll('{SUMMARY} li').length === 1", timeout=10_000)
    assert _focused_id(page) == "veld-contract_year"
