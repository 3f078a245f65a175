"""A calculator page starts its worker from the end of its head (issue 16, build_scripts/start_hook.py)."""

from __future__ import annotations

import re

import pytest

from build_scripts.calculator_pages import PAGES, start_element
from build_scripts.start_hook import move_to_head

START = '<script class="zc-start" '


def test_the_start_element_moves_byte_for_byte_from_the_body_to_just_before_the_end_of_the_head():
    element = start_element(PAGES[0], "../../", embed=False)
    html = f'<html><head><link rel="stylesheet" href="x.css"></head><body><h1>T</h1>{element}\n<div>w</div></body></html>'
    moved = move_to_head(html)
    assert moved == f'<html><head><link rel="stylesheet" href="x.css">{element}</head><body><h1>T</h1>\n<div>w</div></body></html>'


def test_the_hook_also_moves_the_element_when_markdown_put_its_two_scripts_on_lines_of_their_own():
    context, start = start_element(PAGES[0], "../../", embed=False).split(START)
    html = f"<head></head><body>{context}\n{START}{start}</body>"
    assert move_to_head(html) == f"<head>{context}\n{START}{start}</head><body></body>"


def test_a_page_without_a_calculator_is_left_as_it_is():
    html = "<html><head></head><body><p>Tekst</p></body></html>"
    assert move_to_head(html) is html


@pytest.mark.parametrize("page", PAGES, ids=[p.slug for p in PAGES])
def test_every_calculator_page_and_its_embed_has_one_start_script_and_it_is_at_the_end_of_the_head(site, page):
    for path in (site / "rekenhulpen" / page.slug / "index.html", site / "rekenhulpen" / "insluiten" / f"{page.slug}.html"):
        html = path.read_text(encoding="utf-8")
        head = html[:html.index("</head>")]
        assert html.count(START) == 1, path
        assert START in head, f"{path}: the start script is not in the head"
        # after every stylesheet, so the worker's downloads do not hold up the page's own CSS
        assert head.rindex(START) > max(m.start() for m in re.finditer(r'<link[^>]+rel="stylesheet"', head)), path
        assert f'class="zc-context" data-calculator="{page.calculator}"' in head, path
