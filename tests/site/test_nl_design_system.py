"""Issue 15: the calculator forms are styled by the NL Design System's Utrecht component CSS, pinned
in package.json and served from the site's own origin (build_scripts/utrecht_css.py), on the pages
that hold a calculator only, before calculator.css (which sets their design tokens)."""

from __future__ import annotations

import json
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from build_scripts import forms, utrecht_css

from ..conftest import ROOT, html_pages

SHEET = "assets/stylesheets/utrecht-forms.css"


def _stylesheets(page, site) -> list[str]:
    """The site paths of a page's stylesheets, in document order."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    base = "/" + page.relative_to(site).as_posix()
    return [urljoin(base, link["href"]).lstrip("/") for link in soup.find_all("link", rel="stylesheet")]


def test_every_package_used_is_pinned_exactly():
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    locked = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    for name in utrecht_css.PACKAGES:
        version = pinned[f"@utrecht/{name}"]
        assert version[0].isdigit(), f"@utrecht/{name} is not pinned to one version: {version}"
        assert locked[f"node_modules/@utrecht/{name}"]["version"] == version


def test_the_stylesheet_is_published_with_the_form_rules(site):
    css = (site / SHEET).read_text(encoding="utf-8")
    for selector in (".utrecht-form-field{", ".utrecht-form-label{", ".utrecht-form-field-description{",
                     ".utrecht-form-field-error-message{", ".utrecht-textbox{", ".utrecht-radio-button{",
                     ".utrecht-form-fieldset{", ".utrecht-button{", ".utrecht-alert{"):
        assert selector in css, selector
    assert "@utrecht/textbox-css 4.0.1 (EUPL-1.2" in css  # each package named, with its licence


def test_calculator_pages_link_it_from_the_own_origin_before_calculator_css(site):
    calculators = [p for p in html_pages(site) if 'class="zc-calculator"' in p.read_text(encoding="utf-8")]
    embeds = sorted((site / "rekenhulpen" / "insluiten").glob("*.html"))
    assert len(calculators) >= 9 and len(embeds) == len(calculators)
    for page in calculators + embeds:
        sheets = _stylesheets(page, site)
        assert SHEET in sheets, page
        assert sheets.index(SHEET) < sheets.index("assets/stylesheets/calculator.css"), page


def test_text_pages_do_not_load_it(site):
    for name in ("index.html", "rekenhulpen/index.html", "handvatten/4-ordentelijk-contracteerproces/index.html"):
        assert SHEET not in _stylesheets(site / name, site), name


def test_the_form_carries_the_utrecht_classes_beside_its_own():
    soup = BeautifulSoup(forms.render_form("deadlines", {}), "html.parser")

    def classes(selector: str) -> set[str]:
        found = soup.select(selector)
        assert found, selector
        return set.intersection(*(set(el.get("class", [])) for el in found))

    assert {"zc-field", "utrecht-form-field"} <= classes("div.zc-field")
    assert {"utrecht-form-label"} <= classes(".zc-field label[for]")
    assert {"utrecht-textbox", "utrecht-textbox--html-input"} <= classes("input[type=text]")
    assert {"zc-field-error", "utrecht-form-field-error-message"} <= classes(".zc-field-error")
    assert {"zc-hint", "utrecht-form-field-description"} <= classes(".zc-hint")
    assert {"zc-help", "utrecht-form-field-description"} <= classes(".zc-help")
    assert {"zc-choice", "utrecht-form-fieldset"} <= classes("fieldset.zc-choice")
    assert {"utrecht-form-fieldset__legend"} <= classes("fieldset.zc-choice > legend")
    assert {"utrecht-radio-button"} <= classes("input[type=radio]")
    assert {"utrecht-checkbox"} <= classes("input[type=checkbox]")
    assert {"zc-button", "utrecht-button"} <= classes("button")
    assert {"utrecht-alert", "utrecht-alert--error"} <= classes(".zc-error-summary > [role=alert]")


def test_calculator_css_sets_the_tokens_it_relies_on():
    css = (ROOT / "docs" / "assets" / "stylesheets" / "calculator.css").read_text(encoding="utf-8")
    for token in ("--utrecht-form-label-font-weight", "--utrecht-form-control-border-color",
                  "--utrecht-form-control-invalid-border-color", "--utrecht-form-field-error-message-color",
                  "--utrecht-focus-outline-color", "--utrecht-alert-error-border-color"):
        assert f"{token}:" in css, token
