"""Fault 2 of issue 17: the calendar download offline, and again once the connection is back."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.faults, pytest.mark.browser]

READY = ".zc-calculator[data-engine-state=ready]"


def test_fault_2_the_calendar_offline_says_so_in_dutch_and_downloads_once_the_connection_is_back(browser, server):
    context = browser.new_context(base_url=server, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("/rekenhulpen/termijnen/")
    page.wait_for_selector(READY, timeout=90_000)

    context.route("**/wheels-ics/**", lambda route: route.abort("internetdisconnected"))
    context.set_offline(True)
    note = page.locator(".zc-copy-status")
    page.click(".zc-ics")
    page.wait_for_function("document.querySelector('.zc-copy-status').textContent.includes('kon niet worden gemaakt')",
                           timeout=60_000)
    text = note.inner_text()
    assert "offline" in text and "bruikbaar" in text and "opnieuw" in text
    assert "Traceback" not in page.locator(".zc-actions").inner_text()
    details = page.locator(".zc-actions details.zc-tech")
    assert details.locator("summary").inner_text() == "Technische details"
    assert not details.evaluate("d => d.open")

    context.unroute("**/wheels-ics/**")
    with page.expect_download(timeout=60_000) as info:
        context.set_offline(False)  # the browser's "online" event: the page tries again by itself
    assert info.value.suggested_filename.endswith(".ics")
    assert Path(info.value.path()).read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert note.inner_text() == "Agendabestand gedownload."
    assert page.locator(".zc-actions details.zc-tech").count() == 0
    assert errors == []
    context.close()


def test_fault_2_a_stalled_calendar_part_says_so_in_dutch_and_the_page_tries_again(browser, faulty):
    """A calendar wheel that sends its headers and then nothing: the worker cancels it after the stall
    period (so Pyodide's package loader is free again), the page says so and tries again by itself."""
    context = browser.new_context(base_url=faulty.url, accept_downloads=True)
    context.add_init_script("window.zorgcalcConfig = {stallTimeoutMs: 2000};")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("/rekenhulpen/termijnen/")
    page.wait_for_selector(READY, timeout=90_000)
    wheel = next((faulty.root / "assets" / "engine" / "wheels-ics").glob("icalendar-*.whl")).name
    faulty.fault = ("/" + wheel, "stalled")
    page.click(".zc-ics")
    page.wait_for_function("document.querySelector('.zc-copy-status').textContent.includes('kon niet worden gemaakt')",
                           timeout=30_000)
    assert faulty.hits
    assert "opnieuw" in page.locator(".zc-copy-status").inner_text()
    with page.expect_download(timeout=30_000) as info:
        faulty.fault = None  # the next attempt, a second later, gets every part
    assert Path(info.value.path()).read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert page.locator(".zc-copy-status").inner_text() == "Agendabestand gedownload."
    assert errors == []
    context.close()
