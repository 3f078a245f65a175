"""The Prestaties page's chart (build_scripts/bench_chart.py): one pair of bars per network profile,
every ratio also as text, and narrow enough to stay legible in a phone's column."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from build_scripts import bench_chart

NS = {"s": "http://www.w3.org/2000/svg"}
DATA = [("loopback (geen netwerkvertraging)", 0.49, 0.51), ("traag: 1,6 Mbit/s, 150 ms", 0.71, 0.65)]


def parsed(data):
    return ET.fromstring(bench_chart.svg(data))


def bars(root):
    return [r for r in root.findall("s:rect", NS) if r.get("height") == str(bench_chart.BAR)]


def test_each_profile_has_its_name_and_a_cold_and_a_warm_bar_with_its_number_as_text():
    root = parsed(DATA)
    texts = [t.text for t in root.findall("s:text", NS)]
    assert len(bars(root)) == 2 * len(DATA)
    for label, cold, warm in DATA:
        assert label in texts
        assert f"{cold:.2f}" in texts and f"{warm:.2f}" in texts


def test_a_bar_is_as_long_as_its_ratio():
    widths = [float(r.get("width")) for r in bars(parsed(DATA))]
    assert abs(widths[0] / widths[2] - 0.49 / 0.71) < 0.01


def test_the_chart_says_in_words_what_it_shows():
    root = parsed(DATA)
    assert root.get("role") == "img"
    assert "loopback (geen netwerkvertraging): koud 0.49, warm 0.51" in root.find("s:desc", NS).text


def test_it_fits_a_phone_column_without_shrinking_its_text():
    # the content column at a 375 px viewport is 343 px; a drawing is scaled down to it, text and all,
    # so one no wider than the viewport keeps most of its 13 px text (360 px: about 12 px)
    width = float(parsed(DATA).get("viewBox").split()[2])
    assert width <= 375


def test_without_measurements_it_says_so():
    root = parsed([])
    assert not bars(root)
    assert any("Nog geen metingen" in (t.text or "") for t in root.findall("s:text", NS))
