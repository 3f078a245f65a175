"""Faults 3 and 4 of issue 17: every file the calculator needs fails in turn, through the loopback
fault proxy (404, 500, truncated, stalled, garbage). The visitor gets the Dutch message at once
(within 5 s for a file that fails; within the stall period for a download that stops bringing
bytes; a script the worker imports is caught by the watchdog), with the technical
detail only in the folded "Technische details", and nothing uncaught in the page or its worker."""

from __future__ import annotations

import json
import time

import pytest

from zorgcalc import run
from zorgcalc.registry import load

pytestmark = [pytest.mark.faults, pytest.mark.browser]

# (no pyodide-lock.json: the page hands the worker its lock, in engine.json's inlined copy)
RUNTIME_FILES = ["pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", ".whl", "zorgcalc-worker.js"]
# Files only the plain start fetches (a snapshot start needs none of the wheel's files): their faults
# are tried on a page that starts plainly.
PLAIN_START_FILES = {".whl"}
FAST_FAULTS = ["404", "500", "truncated", "garbage"]
FAILED = ".zc-calculator[data-engine-state=failed]"
READY = ".zc-calculator[data-engine-state=ready]"
WATCHDOG_MS = 4000  # the page's start watchdog, lowered for the stalled scripts (default 60 s)
STALL_MS = 2000  # the worker's stall period, lowered for the stalled downloads (default 15 s)
# What the page itself reports as uncaught (a worker error it does not cancel lands here too, as the
# re-thrown start failure did). Playwright's "pageerror" also sees what is uncaught inside the
# worker (page.thrown); both must stay empty.
UNCAUGHT = """window.__uncaught = [];
  window.addEventListener('error', e => window.__uncaught.push('error: ' + e.message));
  window.addEventListener('unhandledrejection', e => window.__uncaught.push('rejection: ' + e.reason));"""
TECHNICAL = ("404", "500", "wheel", "Error", "Failed", "importScripts", "Unexpected", "shutil", "HTTP", "wasm")


def open_failing(browser, faulty, path: str, fault: str, **config):
    """Open a calculator page with one file failing; (page, seconds to the Dutch message, page errors).
    config: window.zorgcalcConfig for the page (startTimeoutMs, stallTimeoutMs)."""
    faulty.fault = (path, fault)
    if path in PLAIN_START_FILES:
        config = {"snapshots": False, **config}
    context = browser.new_context(base_url=faulty.url)
    context.add_init_script(UNCAUGHT)
    if config:
        context.add_init_script(f"window.zorgcalcConfig = {json.dumps(config)};")
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
    assert_nothing_uncaught(page, errors)


def assert_nothing_uncaught(page, errors: list[str]) -> None:
    assert errors == [], errors  # no uncaught error in the page
    assert page.thrown == [], page.thrown  # nor in its worker (a garbage lock file's JSON error once was)


@pytest.mark.parametrize("fault", FAST_FAULTS)
@pytest.mark.parametrize("path", RUNTIME_FILES)
def test_fault_3_and_4_a_failing_runtime_file_gives_the_dutch_message_before_the_watchdog(browser, faulty, path, fault,
                                                                                  record_property):
    page, seconds, errors = open_failing(browser, faulty, path, fault)
    try:
        record_property("seconds_to_dutch_message", round(seconds, 2))
        print(f"\n{path} {fault}: {seconds:.2f} s to the Dutch message")
        assert faulty.hits, "the fault proxy never saw the request"
        assert page.locator(FAILED).count() == 1, page.locator(".zc-status").inner_text()
        assert_dutch_failure(page, errors)
        # Known from the failure itself, not from the page's 60 s watchdog. The time is a figure
        # (recorded above, and in make bench), not a pass mark: a busy machine stretches it.
        assert "not ready after" not in page.locator("details.zc-tech pre").text_content()
        assert seconds < 30, f"{path} {fault}: {seconds:.2f} s"
    finally:
        page.context.close()


STALLED_TEXT = "blijven steken"


@pytest.mark.parametrize("path", ["pyodide.asm.wasm", "python_stdlib.zip", ".whl"])
def test_fault_3_a_stalled_download_is_reported_in_dutch_once_no_byte_arrives_for_the_stall_period(
        browser, faulty, path, record_property):
    """Headers, 1 KiB, then nothing: the worker says so after its stall period, not the 60 s watchdog."""
    page, seconds, errors = open_failing(browser, faulty, path, "stalled", stallTimeoutMs=STALL_MS)
    try:
        record_property("seconds_to_dutch_message", round(seconds, 2))
        print(f"\n{path} stalled: {seconds:.2f} s to the Dutch message (stall period {STALL_MS} ms)")
        assert page.locator(FAILED).count() == 1
        assert STALLED_TEXT in page.locator(".zc-status").inner_text()
        assert "no data for 2000 ms" in page.locator("details.zc-tech pre").text_content()
        assert_dutch_failure(page, errors)
        # the worker's stall check said it (the detail above), long before the 60 s watchdog; the
        # rest is the page and the runtime loading, which a busy machine stretches
        assert seconds < STALL_MS / 1000 + 13, f"{path} stalled: {seconds:.2f} s"
    finally:
        page.context.close()


def test_fault_3_by_default_a_stalled_download_is_reported_after_15_s_not_after_the_60_s_watchdog(
        browser, faulty, record_property):
    page, seconds, errors = open_failing(browser, faulty, "python_stdlib.zip", "stalled")
    try:
        record_property("seconds_to_dutch_message", round(seconds, 2))
        print(f"\npython_stdlib.zip stalled, default stall period: {seconds:.2f} s to the Dutch message")
        assert STALLED_TEXT in page.locator(".zc-status").inner_text()
        assert 15 <= seconds < 30, f"{seconds:.2f} s"
        assert_nothing_uncaught(page, errors)
    finally:
        page.context.close()


@pytest.mark.parametrize("path", ["pyodide.asm.wasm", "python_stdlib.zip"])
def test_a_slow_but_steady_download_is_not_taken_for_a_stalled_one(browser, faulty, path, record_property):
    """Eight pieces half a second apart (4 s in all) under a 1.5 s stall period: the calculator starts."""
    page, seconds, errors = open_failing(browser, faulty, path, "trickle", stallTimeoutMs=1500)
    try:
        record_property("seconds_to_ready", round(seconds, 2))
        print(f"\n{path} trickled: ready after {seconds:.2f} s (stall period 1500 ms)")
        assert page.locator(READY).count() == 1, page.locator(".zc-status").inner_text()
        assert seconds > 4  # it did take longer than the stall period
        assert_nothing_uncaught(page, errors)
    finally:
        page.context.close()


# The module worker and the scripts it imports (import()) are fetched by the browser, not through
# the worker's fetch(): nothing in it can count their bytes.
@pytest.mark.parametrize("path", ["pyodide.mjs", "pyodide.asm.js", "zorgcalc-worker.js"])
def test_fault_3_a_stalled_script_is_caught_by_the_watchdog_in_dutch(browser, faulty, path, record_property):
    page, seconds, errors = open_failing(browser, faulty, path, "stalled", startTimeoutMs=WATCHDOG_MS)
    try:
        record_property("seconds_to_dutch_message", round(seconds, 2))
        print(f"\n{path} stalled: {seconds:.2f} s to the Dutch message (watchdog {WATCHDOG_MS} ms)")
        assert page.locator(FAILED).count() == 1
        assert "duurde te lang" in page.locator(".zc-status").inner_text()
        assert_nothing_uncaught(page, errors)
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
        assert_nothing_uncaught(page, errors)
    finally:
        page.context.close()
