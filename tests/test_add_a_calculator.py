"""The README's two steps for adding a calculator, followed with a throw-away calculator in the
test's own temporary package: nothing else is edited, and it is found, runs, and gets its form,
widget, embed page, interface page, verdict heading and navigation entries."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

import zorgcalc
from zorgcalc import registry

REPO = Path(__file__).resolve().parents[1]

# Step 1: the module, in a subpackage of zorgcalc (here a temporary one).
MODULE = '''
"""A throw-away calculator: is the sky blue?"""

from zorgcalc.envelope import all_met, result_envelope
from zorgcalc.questions import Claim, Question, Section, claim_condition
from zorgcalc.safe_harbour.common import INCOMPLETE, Errors, incomplete_summary, read_answers
from zorgcalc.spec import Example, Page, Verdict

ID = "throwaway"
DESCRIPTION = "Een wegwerprekenhulp voor de test"
PAGE = Page("wegwerp", "Wegwerprekenhulp", order=999)
NORM = "mw-art-7"
NORM_IDS = frozenset({NORM})
VERDICTS = {"blue": Verdict("De lucht is blauw", "blauw", "good"),
            "not-blue": Verdict("De lucht is niet blauw", "niet blauw", "bad"),
            "incomplete": INCOMPLETE}
SKY = Question("sky_blue", "bool3", "Is de lucht blauw?", norm=NORM, help="Kijk naar boven.",
               claim=Claim("sky-blue", "De lucht is blauw", met="Blauw.", unmet="Niet blauw."))
QUESTIONS = (Section("De lucht", (SKY,), norms=(NORM,)),)
DEFAULT_INPUTS = {}
EXAMPLES = [Example("Zomer", {"sky_blue": True}), Example("Regen", {"sky_blue": False}),
            Example("Nacht", {"sky_blue": None})]


def compute(inputs):
    errors = Errors()
    answers = read_answers(inputs, QUESTIONS, errors)
    errors.raise_if_any()
    conditions = [claim_condition(SKY, answers[SKY.key])]
    verdict = {True: "blue", False: "not-blue", None: "incomplete"}[all_met(conditions)]
    summary = incomplete_summary(conditions) if verdict == "incomplete" else VERDICTS[verdict].heading + "."
    return result_envelope(ID, verdict, summary, conditions, [])
'''

# Step 2: the authored page.
PAGE = '''# Wegwerprekenhulp

Uitleg rond de rekenhulp.

--8<-- "wegwerp.html"
'''


@pytest.fixture()
def throwaway(tmp_path, monkeypatch):
    package = tmp_path / "zorgcalc" / "tijdelijk"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('"""A temporary package of calculators."""\n', encoding="utf-8")
    (package / "wegwerp.py").write_text(textwrap.dedent(MODULE), encoding="utf-8")
    page = tmp_path / "docs" / "rekenhulpen" / "wegwerp.md"
    page.parent.mkdir(parents=True)
    page.write_text(PAGE, encoding="utf-8")
    monkeypatch.setattr(zorgcalc, "__path__", [*zorgcalc.__path__, str(tmp_path / "zorgcalc")])
    registry.calculators.cache_clear()
    yield page
    registry.calculators.cache_clear()
    for name in [m for m in sys.modules if m.startswith("zorgcalc.tijdelijk")]:
        del sys.modules[name]


def test_the_new_calculator_is_found_and_runs(throwaway):
    assert registry.calculators()["throwaway"] == "zorgcalc.tijdelijk.wegwerp"
    assert list(registry.calculators())[-1] == "throwaway"  # its PAGE.order puts it last
    result = zorgcalc.run("throwaway", {"sky_blue": False})
    assert result["verdict"] == "not-blue" and result["conditions"][0]["label"] == "De lucht is blauw"
    error = zorgcalc.run("throwaway", {"sky_blue": "ja"})["errors"][0]
    assert error == {"field": "sky_blue", "message": "Is de lucht blauw? Antwoord met ja (true), nee (false) of "
                                                    "laat leeg (null)."}


def test_the_new_calculator_gets_its_form_widget_and_embed_page(throwaway):
    from build_scripts import calculator_pages

    page = next(p for p in calculator_pages.pages() if p.calculator == "throwaway")
    assert (page.slug, page.title, page.ics) == ("wegwerp", "Wegwerprekenhulp", False)
    html = calculator_pages.widget(page, "../../", embed=False)
    assert 'data-calculator="throwaway"' in html
    assert 'data-path="sky_blue" data-keys="[&quot;sky_blue&quot;]"' in html
    assert ">Is de lucht blauw?</legend>" in html and "Kijk naar boven." in html
    assert "Nog niet te beoordelen" in html  # the pre-rendered, unanswered result
    assert "wegwerp.html" in throwaway.read_text(encoding="utf-8")  # what the page includes
    embed = calculator_pages.embed_page(page)
    assert "<title>Wegwerprekenhulp (rekenhulp)</title>" in embed


def test_the_new_calculator_gets_its_interface_page_and_heading(throwaway):
    from build_scripts import interface_docs
    from zorgcalc.render_html import render

    text = interface_docs.page("throwaway")
    assert "| `sky_blue` | ja/nee (true, false of null) | nee | Is de lucht blauw? Kijk naar boven. |" in text
    assert "| `blue` | De lucht is blauw | blauw |" in text
    assert "De lucht is niet blauw" in render(zorgcalc.run("throwaway", {"sky_blue": False}))


def test_the_new_calculator_gets_its_navigation_entries(throwaway):
    from build_scripts.nav_hook import SECTION, calculator_nav

    section = next(item[SECTION] for item in _nav() if isinstance(item, dict) and SECTION in item)
    entries = json.dumps(calculator_nav(section))
    assert "rekenhulpen/wegwerp.md" in entries and "rekenhulpen/interface/throwaway.md" in entries
    assert "rekenhulpen/wegwerp.md" not in json.dumps(section)  # nothing was listed by hand


def _nav() -> list:
    """The nav of mkdocs.yml (read on its own: the file's other keys use YAML tags for Python)."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index("\nnav:")
    end = text.find("\n\n", start + 1)
    return yaml.safe_load(text[start:end if end != -1 else None])["nav"]
