"""Fault 5 of issue 17: ``run_json`` and the command line never raise, for any input.

Every case here made ``run_json`` raise or the command line exit 1 with a traceback before."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from zorgcalc.registry import CALCULATORS
from zorgcalc.web import run_json

ROOT = Path(__file__).resolve().parents[2]
BAD_FILES = {  # name: (calculator, file content)
    "5000-digit-integer": ("de-minimis", b'{"undertakings":' + b"1" * 5000 + b"}"),
    "100000-nested-brackets": ("de-minimis", b"[" * 100_000),
    "not-utf-8": ("de-minimis", b'{"participants": [{"name": "\xff\xfe caf\xe9"}]}'),
    "empty": ("deadlines", b""),
    "deep-valid-json": ("deadlines", b'{"contract_year": 2027, "contracting": "digital", "events": '
                        + b"[" * 900 + b"]" * 900 + b"}"),
}


def cli(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "zorgcalc", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"})


def assert_dutch_failure(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stdout[-500:], proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr + proc.stdout
    if proc.stdout.strip():  # --format json: the error envelope, every error naming its field
        errors = json.loads(proc.stdout)["errors"]
        assert errors and all(e["field"] and e["message"] for e in errors)
    else:
        assert proc.stderr.strip()


def test_fault_5_run_json_returns_a_dutch_envelope_for_a_5000_digit_integer():
    out = json.loads(run_json("de-minimis", '{"undertakings":' + "1" * 5000 + "}"))
    assert out["ok"] is False
    assert out["errors"][0]["field"] == "inputs"
    assert "cijfers" in out["errors"][0]["message"]


def test_fault_5_run_json_survives_100000_nested_brackets_and_a_huge_name():
    assert json.loads(run_json("de-minimis", "[" * 100_000))["ok"] is False
    out = json.loads(run_json("x" * 1_000_000, "{}"))
    assert out["ok"] is False and len(out["errors"][0]["message"]) < 500


@pytest.mark.parametrize("name", list(BAD_FILES))
@pytest.mark.parametrize("fmt", ["json", "text"])
def test_fault_5_the_command_line_exits_2_in_dutch_for_a_bad_file(tmp_path, name, fmt):
    path = tmp_path / f"{name}.json"
    calculator, content = BAD_FILES[name]
    path.write_bytes(content)
    assert_dutch_failure(cli(calculator, "--input", str(path), "--format", fmt))


def test_fault_5_a_lone_surrogate_in_a_name_is_written_as_json_not_a_traceback(tmp_path):
    path = tmp_path / "surrogate.json"
    path.write_bytes(b'{"participants": [{"name": "\\ud800", "turnover_eur": 1}, {"name": "b", "turnover_eur": 2}]}')
    proc = cli("de-minimis", "--input", str(path))
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (0, 2)
    json.loads(proc.stdout)


def test_fault_5_the_command_line_exits_2_in_dutch_for_a_missing_file_or_a_folder(tmp_path):
    assert_dutch_failure(cli("deadlines", "--input", str(tmp_path / "nope.json"), "--format", "text"))
    assert_dutch_failure(cli("deadlines", "--input", str(tmp_path), "--format", "text"))


def test_fault_5_ics_without_icalendar_exits_2_and_names_the_package(tmp_path):
    path = tmp_path / "valid.json"
    path.write_text('{"contract_year": 2027, "contracting": "digital"}', encoding="utf-8")
    code = ("import sys; sys.modules['icalendar'] = None; from zorgcalc.cli import main; "
            "raise SystemExit(main(sys.argv[1:]))")
    proc = cli("deadlines", "--input", str(path), "--format", "ics", code=code)
    assert_dutch_failure(proc)
    assert "icalendar" in proc.stderr


@settings(max_examples=300, deadline=None)
@given(calculator=st.sampled_from(sorted(CALCULATORS)), text=st.one_of(
    st.text(max_size=200),
    st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                 lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=12), c, max_size=4),
                 max_leaves=20).map(json.dumps)))
def test_fault_5_run_json_never_raises_for_any_text(calculator, text):
    out = json.loads(run_json(calculator, text))
    assert out["ok"] in (True, False)
    if not out["ok"]:
        assert all(e["field"] and e["message"] for e in out["errors"])
