"""The site builds strictly, without a single warning, with Material for MkDocs and with Zensical."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from ..conftest import ROOT, html_pages


def test_strict_build_has_zero_warnings(build):
    warnings = [line for line in build.output.splitlines() if re.search(r"\bWARNING\b", line)]
    assert warnings == []


def test_every_nav_page_is_built(site):
    pages = {p.relative_to(site).as_posix() for p in html_pages(site)}
    for expected in ["index.html", "legenda/index.html", "handvatten/index.html",
                     "handvatten/4-ordentelijk-contracteerproces/index.html",
                     "nma/informatiekaart-zorgverzekeraars/index.html", "normen/index.html",
                     "rekenhulpen/index.html", "linken/index.html", "tags/index.html"]:
        assert expected in pages


def test_norms_json_is_published(site):
    assert (site / "normen" / "norms.json").is_file()
    assert (site / "normen" / "norms.schema.json").is_file()


def test_zensical_builds_the_same_config(tmp_path, site):
    """Zensical, the announced successor of Material for MkDocs, reads the same mkdocs.yml."""
    zensical = Path(sys.executable).with_name("zensical")
    # Zensical writes to site/ beside its config: build in a copy so the MkDocs build stays intact.
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "build" / "snippets", tmp_path / "build" / "snippets")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")  # theme.custom_dir (the Dutch 404 page)
    cfg = tmp_path / "mkdocs.yml"
    shutil.copy(ROOT / "mkdocs.yml", cfg)
    proc = subprocess.run([str(zensical), "build", "--strict", "--config-file", str(cfg)],
                          capture_output=True, text=True, cwd=tmp_path, env=dict(os.environ))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    built = tmp_path / "site"
    # same pages, and every norm box anchor present in the Zensical build too
    ours = {p.relative_to(site).as_posix() for p in html_pages(site)}
    theirs = {p.relative_to(built).as_posix() for p in html_pages(built)}
    assert ours - theirs == set()
    chapter = (built / "handvatten/4-ordentelijk-contracteerproces/index.html").read_text(encoding="utf-8")
    for nid in ["th-nr-038-art-4", "richtsnoer-5", "th-nr-038-art-6-lid-2", "th-nr-038-art-7"]:
        assert f'id="{nid}"' in chapter
