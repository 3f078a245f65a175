"""The Dutch error pages that deploy/nginx.conf names are in every build: generated from one
template by build_scripts/error_pages.py (make generate), not committed."""

from __future__ import annotations

import re
import subprocess

from build_scripts.error_pages import ERRORS

from ..conftest import ROOT

RECIPE = ROOT / "deploy" / "nginx.conf"


def test_every_error_page_nginx_names_is_in_the_build(site):
    named = dict(re.findall(r"^\s*error_page (\d{3}) (/\S+);", RECIPE.read_text(encoding="utf-8"), flags=re.M))
    assert set(named) >= {"400", "403", "404", "405", "414"}
    missing = [path for path in named.values() if not (site / path.lstrip("/")).is_file()]
    assert missing == []


def test_each_error_page_is_dutch_says_its_status_and_leads_back(site):
    for status, (title, text) in ERRORS.items():
        html = (site / "fout" / f"{status}.html").read_text(encoding="utf-8")
        assert '<html lang="nl">' in html and '<meta name="robots" content="noindex">' in html
        assert f"<h1>{status} – {title}</h1>" in html
        assert text in html
        assert 'href="/"' in html and 'href="/normen/"' in html
        assert 'href="/assets/stylesheets/fout.css"' in html and (site / "assets/stylesheets/fout.css").is_file()


def test_the_error_pages_are_generated_not_committed():
    tracked = subprocess.run(["git", "ls-files", "docs/fout"], cwd=ROOT, capture_output=True, text=True).stdout
    assert tracked == ""
