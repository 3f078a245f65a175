"""The command line and the calendar export: python -m zorgcalc deadlines --input - --format ..."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from typing import Any

import pytest

from zorgcalc import run
from zorgcalc.deadlines import calculator

VALID = {"contract_year": 2029, "contracting": "face-to-face",
         "events": {"offer_received_on": "2028-10-02"}, "today": "2028-09-01"}


def cli(*args: str, stdin: Any = None) -> subprocess.CompletedProcess[str]:
    data = stdin if isinstance(stdin, str) or stdin is None else json.dumps(stdin)
    return subprocess.run([sys.executable, "-m", "zorgcalc", *args], input=data,
                          capture_output=True, text=True, timeout=60)


def test_json_result_exits_0_and_equals_run():
    proc = cli("deadlines", "--input", "-", "--format", "json", stdin=VALID)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == run("deadlines", VALID)


def test_text_result_is_dutch():
    proc = cli("deadlines", "--input", "-", "--format", "text", stdin=VALID)
    assert proc.returncode == 0, proc.stderr
    assert "Deadlines zorgcontractering voor contractjaar 2029" in proc.stdout
    assert "zondag 1 oktober 2028" in proc.stdout
    assert f"{calculator.SITE_URL}/normen/#th-nr-038-art-6-lid-1" in proc.stdout
    assert "geen juridisch advies" in proc.stdout


def test_invalid_input_json_format_puts_the_error_envelope_on_stdout_and_exits_2():
    proc = cli("deadlines", "--input", "-", "--format", "json", stdin={"contract_year": 1990})
    assert proc.returncode == 2
    out = json.loads(proc.stdout)
    assert out["ok"] is False
    assert {e["field"] for e in out["errors"]} == {"contract_year", "contracting"}


def test_invalid_input_text_format_puts_dutch_messages_on_stderr_and_exits_2():
    proc = cli("deadlines", "--input", "-", "--format", "text",
               stdin={"contract_year": 2027, "contracting": "per post"})
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("contracting: Kies de vorm van contracteren")


def test_broken_json_is_an_error_exit_2():
    proc = cli("deadlines", "--input", "-", "--format", "json", stdin="{not json")
    assert proc.returncode == 2
    assert json.loads(proc.stdout)["errors"][0]["field"] == "input"


def test_list_shows_the_deadlines_calculator_with_its_dutch_description():
    proc = cli("--list")
    assert proc.returncode == 0
    assert f"deadlines\t{calculator.DESCRIPTION}" in proc.stdout.splitlines()


def test_ics_output_parses_back_with_one_all_day_event_per_deadline():
    icalendar = pytest.importorskip("icalendar")
    proc = cli("deadlines", "--input", "-", "--format", "ics", stdin=VALID)
    assert proc.returncode == 0, proc.stderr
    cal = icalendar.Calendar.from_ical(proc.stdout)
    events = list(cal.walk("VEVENT"))
    result = run("deadlines", VALID)
    ahead = [d for d in result["deadlines"] if d["date"] >= result["today"]
             and d["status"] not in ("met", "missed", "not-applicable")]
    assert ahead and len(events) == len(ahead)
    for event, row in zip(events, ahead):
        start = event.decoded("dtstart")
        assert type(start) is dt.date  # all-day: a DATE, not a DATE-TIME
        assert start.isoformat() == row["date"]
        assert event.decoded("dtend") == start + dt.timedelta(days=1)
        description = str(event.get("description"))
        assert f"https://zorgcontracteringsregels.nl/normen/#{row['norm']}" in description
    assert "BEGIN:VCALENDAR" in proc.stdout and "VERSION:2.0" in proc.stdout


def test_ics_lines_end_in_crlf_as_rfc_5545_requires():
    pytest.importorskip("icalendar")
    text = calculator.to_ics(run("deadlines", calculator.DEFAULT_INPUTS))
    assert "\r\n" in text and text.endswith("\r\n")


def test_ics_is_deterministic_when_today_is_given():
    pytest.importorskip("icalendar")
    result = run("deadlines", VALID)
    assert calculator.to_ics(result) == calculator.to_ics(result)


def test_the_calculator_imports_without_icalendar():
    code = ("import sys; sys.modules['icalendar'] = None\n"
            "from zorgcalc import run\n"
            "r = run('deadlines', {'contract_year': 2027, 'contracting': 'digital'})\n"
            "assert r['ok'], r\n"
            "from zorgcalc.deadlines import calculator\n"
            "print(calculator.to_text(r)[:10])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_norm_links_use_the_one_site_url():
    assert calculator.norm_url("richtsnoer-5") == "https://zorgcontracteringsregels.nl/normen/#richtsnoer-5"


def test_renderers_refuse_an_error_envelope():
    bad = run("deadlines", {})
    with pytest.raises(ValueError):
        calculator.to_text(bad)
