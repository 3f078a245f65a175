"""Issue "Answers a lawyer can trust", in a real Chromium with real Pyodide: the pages start
unanswered, examples are offered as links, and repeated rows get ids of their own."""

from __future__ import annotations

import pytest

from build_scripts.calculator_pages import PAGES
from zorgcalc import run
from zorgcalc.registry import load

from .test_calculators import READY, open_calculator, wait_for_new_result

pytestmark = pytest.mark.browser
NEUTRAL = {"open", "incomplete"}


@pytest.mark.parametrize("path", [f"/rekenhulpen/{p.slug}/" for p in PAGES] +
                         [f"/rekenhulpen/insluiten/{p.slug}.html" for p in PAGES])
def test_finding_1_no_calculator_or_embed_page_opens_on_a_verdict(page, path):
    page.goto(path)
    body = page.locator(".zc-result-body")
    assert body.get_attribute("data-verdict") in NEUTRAL  # the pre-rendered result
    page.wait_for_selector(READY, timeout=90_000)
    page.wait_for_function("document.querySelector('.zc-calculator').hasAttribute('data-last-ms')")
    assert body.get_attribute("data-verdict") in NEUTRAL  # and the first computed one
    assert page.locator(".zc-verdict.zc-good, .zc-verdict.zc-bad").count() == 0
    # no yes/no question starts answered
    assert page.locator("fieldset[data-kind=bool3] input:checked").count() == 0
    assert page.console_errors == []


@pytest.mark.parametrize("spec", PAGES, ids=[p.slug for p in PAGES])
def test_finding_1_an_example_link_fills_the_form_and_gives_the_examples_result(page, spec):
    example = load(spec.calculator).EXAMPLES[0]
    open_calculator(page, spec.slug)
    page.click(".zc-examples summary")
    link = page.locator(".zc-examples a").first
    assert link.inner_text() == example.title
    expected = run(spec.calculator, example.inputs)["verdict"]
    link.click()
    page.wait_for_function("v => document.querySelector('.zc-result-body').getAttribute('data-verdict') === v",
                           arg=expected, timeout=10_000)


def test_finding_11_a_third_market_share_row_gets_its_own_id_and_label(page):
    open_calculator(page, "samenwerkende-zorgverzekeraars")
    page.check("#veld-cooperation-0")  # select providers: the share lists appear
    add = page.locator("#veld-purchasing_share_pct [data-add-row]")
    add.click()
    add.click()
    ids = page.eval_on_selector_all("#veld-purchasing_share_pct input", "els => els.map(e => e.id)")
    assert ids == ["veld-purchasing_share_pct-0", "veld-purchasing_share_pct-1", "veld-purchasing_share_pct-2"]
    label = page.locator("label[for='veld-purchasing_share_pct-2']")
    assert label.count() == 1
    all_ids = page.eval_on_selector_all("[id]", "els => els.map(e => e.id)")
    assert len(all_ids) == len(set(all_ids))


def test_finding_11_no_help_text_shows_a_raw_code(page):
    for spec in PAGES:
        page.goto(f"/rekenhulpen/{spec.slug}/")
        helps = " ".join(page.eval_on_selector_all(".zc-help", "els => els.map(e => e.textContent)"))
        for code in ("select-providers", "price-negotiation", "total-capacity", "price-fixing", "branch-organisation"):
            assert code not in helps, (spec.slug, code)


def _state(inputs: dict) -> str:
    from build_scripts.calculator_pages import state_fragment

    return state_fragment(inputs)


@pytest.mark.parametrize("slug, inputs, verdict, words", [
    ("termijnen", {"contract_year": 2027, "contracting": "face-to-face", "today": "2026-12-01"},
     "open", ["verstreken, niets ingevuld"]),  # finding 2: never "gemist" without a date
    ("termijnen", {"contract_year": 2027, "contracting": "face-to-face", "strategy_requested_on": "2026-03-01",
                   "events": {"strategy_shared_on": "2026-06-15", "offer_submitted_on": "2026-09-30"}},
     "guidelines-not-followed", ["Geen bindende termijn overschreden", "Richtsnoeren"]),  # finding 4
    ("termijnen", {"contract_year": 2027, "contracting": "digital", "events": {"proposal_received_on": "2026-10-03"}},
     "open", ["mogelijk te laat aangeboden"]),  # finding 6
    ("bagatelvoorziening", {"undertakings": 3, "combined_turnover_eur": "900.000", "all_mainly_goods": False,
                            "involves": ["price-fixing"]},
     "exempt-with-caution", ["maar reken er niet op"]),  # findings 7 and 8
])
def test_findings_2_4_6_7_8_read_the_same_in_the_browser(page, slug, inputs, verdict, words):
    open_calculator(page, slug, _state(inputs))
    body = page.locator(".zc-result-body")
    assert body.get_attribute("data-verdict") == verdict == run(
        "deadlines" if slug == "termijnen" else "de-minimis", inputs)["verdict"]
    text = body.inner_text()
    assert all(w in text for w in words), text[:400]
    assert "gemist" not in text


def test_finding_5_a_reply_before_receipt_is_a_dutch_error_at_the_field_in_the_browser(page):
    inputs = {"contract_year": 2027, "contracting": "face-to-face",
              "events": {"question_received_on": "2026-10-05", "question_answered_on": "2026-10-04"}}
    open_calculator(page, "termijnen", _state(inputs))
    assert page.locator(".zc-result-body").get_attribute("data-verdict") == "error"
    assert page.get_attribute("#veld-events-question_answered_on", "aria-invalid") == "true"
    assert "vóór ze is ontvangen" in page.inner_text("#veld-events-question_answered_on-fout")
