"""Each thing said once (issue 12): every input is declared once, in its calculator, and the
build scripts and page scripts know no calculator.

An input key "appears" in a file where it is written as an input key: a string literal of its
own ("key", 'key') or the last step of a written path ("events.key", f"{base}.key"). The JSON
contract keeps some output fields under the same names as inputs (``contract_year``,
``contracting``, ``today``, ``undertakings``, ``participants``, ``items``); the files that read
those output fields are listed in OUTPUT_FIELDS, each with its reason, and are not counted.
"""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest

from zorgcalc.questions import parse_path, walk
from zorgcalc.registry import calculators, load

REPO = Path(__file__).resolve().parents[1]
SCOPE = ("calculators/zorgcalc", "build_scripts", "docs/assets", "docs/rekenhulpen")
MAX_FILES_PER_KEY = 2
MAX_FUNCTION_LINES = 80

# (file, key): why the key's string is there although the file declares and reads no input.
OUTPUT_FIELDS: dict[tuple[str, str], str] = {
    ("calculators/zorgcalc/deadlines/calculator.py", "contract_year"): "the envelope's output field",
    ("calculators/zorgcalc/deadlines/calculator.py", "contracting"): "the envelope's output field",
    ("calculators/zorgcalc/deadlines/calculator.py", "today"): "the envelope's output field",
    ("calculators/zorgcalc/deadlines/render.py", "today"): "reads the output field for the text",
    ("calculators/zorgcalc/deadlines/render.py", "contract_year"): "reads the output field for the text",
    ("calculators/zorgcalc/deadlines/render.py", "contracting"): "reads the output field for the text",
    ("calculators/zorgcalc/render_html.py", "contract_year"): "reads the output field for the HTML",
    ("calculators/zorgcalc/render_html.py", "today"): "reads the output field for the HTML",
    ("calculators/zorgcalc/render_html.py", "items"): "reads the output field for the HTML",
    ("calculators/zorgcalc/safe_harbour/de_minimis/calculator.py", "undertakings"): "the envelope's output field",
    ("calculators/zorgcalc/safe_harbour/de_minimis/calculator.py", "participants"): "the envelope's output field",
    ("calculators/zorgcalc/safe_harbour/de_minimis/calculator.py", "mainly_goods"): "an output field of each participant",
    ("calculators/zorgcalc/safe_harbour/de_minimis/calculator.py", "name"): "an output field of each participant",
    ("build_scripts/feed.py", "name"): "Atom's <name> of the feed's author, not the calculators' input",
    ("build_scripts/jsonld.py", "name"): "schema.org's name of a norm, not the calculators' input",
    ("build_scripts/utrecht_css.py", "name"): "an npm package.json's name, not the calculators' input",
    ("calculators/zorgcalc/safe_harbour/information_sharing.py", "items"): "the envelope's output field",
    ("calculators/zorgcalc/safe_harbour/information_sharing.py", "context"): "the envelope's output field",
    ("docs/assets/javascripts/calculator.js", "name"): "the HTML attribute name, renumbered with a row",
    ("docs/rekenhulpen/interface.md", "undertakings"): "the contract's call example (authored documentation)",
    ("docs/rekenhulpen/interface.md", "combined_turnover_eur"): "the contract's call example (authored documentation)",
    ("docs/rekenhulpen/interface.md", "contract_year"): "the contract's call example (authored documentation)",
    ("docs/rekenhulpen/interface.md", "contracting"): "the contract's call example (authored documentation)",
    ("docs/rekenhulpen/interface.md", "participants"): "the contract's error example (authored documentation)",
    ("docs/rekenhulpen/interface.md", "turnover_eur"): "the contract's error example (authored documentation)",
}


def _tracked(*scope: str) -> dict[str, str]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", *scope],
                            cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    texts = {}
    for name in listed:
        path = REPO / name
        if path.suffix in (".py", ".js", ".md", ".html", ".css", ".json", ".mjs") and path.exists():
            texts[name] = path.read_text(encoding="utf-8")
    return texts


def _input_keys() -> dict[str, set[str]]:
    keys: dict[str, set[str]] = {}
    for cid in calculators():
        for entry in walk(load(cid).QUESTIONS):
            for part in parse_path(entry.path):
                if isinstance(part, str):
                    keys.setdefault(part, set()).add(cid)
    return keys


def _written_as_key(key: str, text: str) -> bool:
    k = re.escape(key)
    return re.search(rf"[\"'.}}]{k}[\"'\[]|[\"']{k}\.", text) is not None


def files_naming(key: str, texts: dict[str, str]) -> list[str]:
    return sorted(f for f, t in texts.items() if _written_as_key(key, t) and (f, key) not in OUTPUT_FIELDS)


@pytest.mark.parametrize("key", sorted(_input_keys()))
def test_each_input_key_is_written_in_at_most_two_files(key):
    found = files_naming(key, _tracked(*SCOPE))
    assert len(found) <= MAX_FILES_PER_KEY, f"{key!r} is written in {len(found)} files: {found}"


def test_the_build_scripts_name_no_input_key():
    texts = _tracked("build_scripts")
    named = {key: files_naming(key, texts) for key in _input_keys()}
    assert {k: v for k, v in named.items() if v} == {}


def test_the_page_scripts_name_no_input_key():
    texts = {f: t for f, t in _tracked("docs/assets").items() if f.endswith(".js")}
    named = {key: files_naming(key, texts) for key in _input_keys()}
    assert {k: v for k, v in named.items() if v} == {}


def test_every_exception_for_an_output_field_is_still_needed():
    texts = _tracked(*SCOPE)
    stale = [(f, k) for f, k in OUTPUT_FIELDS if not _written_as_key(k, texts.get(f, ""))]
    assert stale == []


def _functions(*scope: str):
    for name, text in _tracked(*scope).items():
        if name.endswith(".py"):
            for node in ast.walk(ast.parse(text)):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    yield name, node.name, node.end_lineno - node.lineno + 1


def test_no_function_in_calculators_or_build_scripts_is_longer_than_80_lines():
    long = [(f, n, lines) for f, n, lines in _functions("calculators", "build_scripts") if lines > MAX_FUNCTION_LINES]
    assert long == []


def test_the_checker_finds_a_key_written_as_a_key():
    """The checks above must be able to fail: a literal, a path and an f-string path count."""
    assert _written_as_key("offer_submitted_on", 'raw.get("offer_submitted_on")')
    assert _written_as_key("offer_submitted_on", 'x = "events.offer_submitted_on"')
    assert _written_as_key("turnover_eur", 'f"{base}.turnover_eur"')
    assert not _written_as_key("offer_submitted_on", "inp.events.offer_submitted_on")
