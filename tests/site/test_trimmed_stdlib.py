"""The trimmed python_stdlib.zip the worker starts with (build_scripts/engine.py) is complete: under
the real Pyodide runtime in Node, with only that zip, every module of zorgcalc and of the calendar
packages imports (except the same platform-only ones as with Pyodide's full zip), and every
calculator's defaults and examples give byte for byte what native Python gives: the JSON result,
the result HTML and the .ics file."""

from __future__ import annotations

import functools
import json
import subprocess
import zipfile

import brotli
import pytest

from build_scripts.engine import OUT, PYODIDE_NPM, STDLIB_SCRIPT
from zorgcalc.registry import CALCULATORS, load
from zorgcalc.render_html import render_json
from zorgcalc.web import ics, run_json

# Imports that fail with Pyodide's full standard library as well: modules for other platforms
# or for packages the calendar export does not install.
EXPECTED_FAILURES = {"dateutil.tz.win", "dateutil.tzwin", "icalendar.timezone.equivalent_timezone_ids",
                     "icalendar.timezone.pytz"}


@pytest.fixture(scope="module")
def reached(build) -> dict:
    manifest = json.loads((OUT / "engine.json").read_text(encoding="utf-8"))
    ran = subprocess.run(["node", str(STDLIB_SCRIPT), str(PYODIDE_NPM), str(OUT / manifest["stdlib"]),
                          str(OUT / manifest["wheel"]), *[str(OUT / w) for w in manifest["ics_wheels"]]],
                         capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr[-3000:]
    return {"manifest": manifest, **json.loads(ran.stdout)}


@functools.cache
def sent(path) -> int:
    """Bytes of the brotli copy a host sends (build_scripts/precompress.py: quality 11 below 4 MB)."""
    return len(brotli.compress(path.read_bytes(), quality=11))


def test_the_trimmed_zip_as_sent_is_much_smaller_than_pyodides(reached):
    # Pyodide's zip is deflated member by member: brotli cannot shrink it, so it is sent as it is.
    # The trimmed one was 0.26 of it as sources; precompiled for the start (below), 0.37.
    full = (PYODIDE_NPM / "python_stdlib.zip").stat().st_size
    assert sent(OUT / reached["manifest"]["stdlib"]) < 0.4 * full, full


def test_every_member_the_start_and_the_calculators_import_is_compiled_and_the_calendars_are_sources(reached):
    """Issue 16: a plain start that compiles the standard library from source spends 1.4 s on it
    (Node); the members a visitor's calculating imports are .pyc, so it compiles none of them. Those
    only the calendar export imports stay sources, which compress better."""
    with zipfile.ZipFile(OUT / reached["manifest"]["stdlib"]) as z:
        names = set(z.namelist())
    start = set(reached["start_files"])
    assert start and {f + "c" for f in start} <= names and not start & names
    calendar_only = set(reached["zip_files"]) - start
    assert calendar_only and calendar_only <= names and not {f + "c" for f in calendar_only} & names


@pytest.mark.parametrize("key", ["stdlib", "wheel"])
def test_the_zip_and_the_wheel_are_stored_because_brotli_of_the_whole_beats_deflate(reached, tmp_path, key):
    path = OUT / reached["manifest"][key]
    deflated = tmp_path / "deflated.zip"
    with zipfile.ZipFile(path) as z, zipfile.ZipFile(deflated, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as d:
        assert {info.compress_type for info in z.infolist()} == {zipfile.ZIP_STORED}
        for info in z.infolist():
            d.writestr(info, z.read(info), compress_type=zipfile.ZIP_DEFLATED)
    assert sent(path) < 0.85 * deflated.stat().st_size


def test_every_module_imports_under_pyodide_with_only_the_trimmed_zip(reached):
    assert {f.split(":")[0] for f in reached["failed"]} == EXPECTED_FAILURES
    with zipfile.ZipFile(OUT / reached["manifest"]["stdlib"]) as z:  # compiled ones by their source's name
        assert set(reached["zip_files"]) <= {name.removesuffix("c") for name in z.namelist()}


def test_every_calculator_gives_byte_identical_outputs_to_native_python(reached):
    native = {}
    for c in CALCULATORS:
        module = load(c)
        cases = [("defaults", module.DEFAULT_INPUTS)] + [(f"example-{i}", getattr(e, "inputs", e))
                                                           for i, e in enumerate(module.EXAMPLES)]
        for name, inputs in cases:
            text = json.dumps(inputs)
            result = run_json(c, text)
            native[f"{c}/{name}"] = [result, render_json(result, "{}"), ics(c, text)]
    assert reached["outputs"].keys() == native.keys()
    for key, outputs in native.items():
        assert reached["outputs"][key] == outputs, key
    assert any(out[2] for out in native.values())  # the .ics export really ran
