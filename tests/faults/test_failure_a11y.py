"""The Dutch failure messages of issue 17 meet WCAG 2.1 AA too (axe-core), open and folded."""

from __future__ import annotations

import pytest

from ..a11y.axe import axe_violations
from .test_link_state import CRAFTED
from .test_runtime_faults import FAILED

pytestmark = [pytest.mark.faults, pytest.mark.a11y]


def test_the_refused_link_notice_has_no_axe_violations(page):
    page.goto("/rekenhulpen/bagatelvoorziening/#invoer=" + CRAFTED)
    page.wait_for_selector(".zc-notice")
    page.click(".zc-notice details.zc-tech summary")  # the technical details, unfolded
    assert axe_violations(page, ".zc-calculator") == []


def test_the_runtime_failure_message_has_no_axe_violations(browser, faulty):
    faulty.fault = ("pyodide.asm.wasm", "404")
    context = browser.new_context(base_url=faulty.url)
    pg = context.new_page()
    pg.goto("/rekenhulpen/termijnen/")
    pg.wait_for_selector(FAILED, timeout=30_000)
    pg.click(".zc-status + details.zc-tech summary")
    assert axe_violations(pg, ".zc-calculator") == []
    context.close()
