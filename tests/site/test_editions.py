"""Editions: a simulated next edition of the Handvatten, built from a fixture (one norm changed,
one added, one withdrawn), keeps every permalink of today, says which norm was withdrawn, shows
what changed, and lists the three changes in the Atom feed (editions/editions.yml,
build_scripts/editions.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from build_scripts import editions, norms
from tests.site.test_links import ids_of, resolve, stable_urls

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = yaml.safe_load(Path(__file__).with_name("fixtures").joinpath("next_edition.yml").read_text(encoding="utf-8"))
FROZEN_2026 = "handvatten/editie-2026-03-01"


def _edit(root: Path, page: str, old: str, new: str) -> None:
    path = root / "docs" / page
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not once in {page}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def next_edition(build, tmp_path_factory) -> Path:
    """A copy of the built project with the fixture's edition made the current one, built strictly."""
    root = tmp_path_factory.mktemp("next-edition")
    for name in ("build_scripts", "editions", "overrides"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("engine", "editie-*"))
    shutil.copytree(ROOT / "build" / "snippets", root / "build" / "snippets")
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    e = FIXTURE["edition"]
    editions.new_edition(root, FIXTURE["source"], e["date"], e["label"], e["valid_from"], e["recorded"])
    c, a, w = FIXTURE["changed"], FIXTURE["added"], FIXTURE["withdrawn"]
    _edit(root, c["page"], c["old"], c["new"])
    _edit(root, a["page"], a["after"], a["after"] + "\n\n" + a["box"])
    _edit(root, w["page"], w["before"], w["field"] + w["before"])
    assert norms.main(root) == 0
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "site")],
                          cwd=root, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root


def _norm(root: Path, nid: str) -> dict:
    data = json.loads((root / "site" / "normen" / "norms.json").read_text(encoding="utf-8"))
    return next(n for n in data["norms"] if n["id"] == nid)


def test_every_permalink_of_today_still_resolves_in_the_next_edition(next_edition):
    site, cache, missing = next_edition / "site", {}, []
    for url in stable_urls():
        target, fragment = resolve(site, site / "index.html", url)
        if not target.exists() or (fragment and fragment not in ids_of(target, cache)):
            missing.append(url)
    assert missing == []


def test_todays_edition_stays_under_its_frozen_url_with_its_old_text(next_edition):
    page = next_edition / "site" / FROZEN_2026 / "4-ordentelijk-contracteerproces" / "index.html"
    box = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(id="richtsnoer-5")
    assert "uiterlijk 1 september die onderdelen" in box.get_text(" ")
    assert "Er is een nieuwere editie: vierde versie, 1 maart 2027" in page.read_text(encoding="utf-8")


def test_the_new_edition_is_frozen_too(next_edition):
    page = next_edition / "site" / "handvatten" / "editie-2027-03-01" / "4-ordentelijk-contracteerproces" / "index.html"
    assert "richtsnoer-11" in ids_of(page, {})
    assert _norm(next_edition, "richtsnoer-11")["edition"]["frozen_url"].endswith(
        "/handvatten/editie-2027-03-01/4-ordentelijk-contracteerproces/#richtsnoer-11")


def test_the_withdrawn_norm_says_so_in_its_box_the_register_and_norms_json(next_edition):
    site = next_edition / "site"
    page = BeautifulSoup((site / "handvatten" / "5-informatieverstrekking-consumenten" / "index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    assert "Ingetrokken per de vierde versie van 1 maart 2027" in " ".join(page.find(id="richtsnoer-9").get_text(" ").split())
    register = BeautifulSoup((site / "normen" / "index.html").read_text(encoding="utf-8"), "html.parser")
    row = " ".join(register.find(id="richtsnoer-9").find_parent("tr").get_text(" ").split())
    assert "Ingetrokken · Richtsnoer 9" in row
    norm = _norm(next_edition, "richtsnoer-9")
    assert (norm["status"], norm["valid_until"]) == ("ingetrokken", "2027-03-01")
    assert _norm(next_edition, "richtsnoer-8")["status"] == "geldend"


def test_the_changed_norm_shows_what_changed_word_by_word(next_edition):
    page = BeautifulSoup((next_edition / "site" / "normen" / "wijzigingen" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    heading = page.find(id="richtsnoer-5-handvatten-2027-03-01")
    assert heading.get_text(" ").startswith("Gewijzigd: richtsnoer-5")
    diff = heading.find_next("p", class_="norm-diff")
    assert [d.get_text() for d in diff.find_all("del")] == ["1 september"]
    assert [i.get_text() for i in diff.find_all("ins")] == ["15 augustus"]
    assert _norm(next_edition, "richtsnoer-5")["changes"][0] == {
        "kind": "gewijzigd", "edition": "handvatten-2027-03-01", "date": "2027-03-02"}


def test_norms_json_of_the_next_edition_is_valid_against_its_schema(next_edition):
    schema = json.loads((ROOT / "docs" / "normen" / "norms.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads((next_edition / "site" / "normen" / "norms.json").read_text(encoding="utf-8")), schema)


ATOM = "{http://www.w3.org/2005/Atom}"


def _atom(path: Path) -> ET.Element:
    """The feed parsed as XML, with what RFC 4287 requires of a feed and of each entry checked."""
    feed = ET.parse(path).getroot()
    assert feed.tag == f"{ATOM}feed"
    for el in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{el}") is not None, el
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        for el in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{el}") or "").strip(), el
        dt.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))  # an RFC 3339 date-time
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith("https://")
        ids.append(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(set(ids))
    return feed


def _feedparser(path: Path) -> feedparser.FeedParserDict:
    """The feed as a feed reader sees it: feedparser, strict about well-formedness (bozo)."""
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_a_feed_reader_reads_the_next_editions_three_changes_with_their_permalinks(next_edition):
    parsed = _feedparser(next_edition / "site" / "normen" / "feed.xml")
    newest = [e for e in parsed.entries if e.updated.startswith("2027-03-02")]
    base = "https://zorgcontracteringsregels.nl/handvatten/"
    assert sorted((e.title.split(":")[0], e.link) for e in newest) == [
        ("Gewijzigd", base + "4-ordentelijk-contracteerproces/#richtsnoer-5"),
        ("Ingetrokken", base + "5-informatieverstrekking-consumenten/#richtsnoer-9"),
        ("Toegevoegd", base + "4-ordentelijk-contracteerproces/#richtsnoer-11"),
    ]
    assert parsed.feed.updated_parsed[:3] == (2027, 3, 2)


def test_the_feed_lists_the_three_changes_of_the_next_edition_with_their_permalinks(next_edition):
    feed = _atom(next_edition / "site" / "normen" / "feed.xml")
    newest = [e for e in feed.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}updated").startswith("2027-03-02")]
    got = sorted((e.findtext(f"{ATOM}title").split(":")[0], e.find(f"{ATOM}link").get("href")) for e in newest)
    base = "https://zorgcontracteringsregels.nl/handvatten/"
    assert got == [
        ("Gewijzigd", base + "4-ordentelijk-contracteerproces/#richtsnoer-5"),
        ("Ingetrokken", base + "5-informatieverstrekking-consumenten/#richtsnoer-9"),
        ("Toegevoegd", base + "4-ordentelijk-contracteerproces/#richtsnoer-11"),
    ]
    assert feed.findtext(f"{ATOM}updated") == "2027-03-02T00:00:00Z"


def test_todays_feed_is_atom_with_one_entry_per_norm_first_published(site):
    feed = _atom(site / "normen" / "feed.xml")
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(norms.collect())
    assert all(e.findtext(f"{ATOM}title").startswith("Toegevoegd: ") for e in entries)
    parsed = _feedparser(site / "normen" / "feed.xml")
    assert len(parsed.entries) == len(entries)
    assert all(e.link.startswith("https://zorgcontracteringsregels.nl/") for e in parsed.entries)


def test_an_id_of_the_previous_edition_missing_from_the_pages_stops_the_build(tmp_path):
    root = tmp_path
    shutil.copytree(ROOT / "editions", root / "editions")
    shutil.copytree(ROOT / "docs" / "handvatten", root / "docs" / "handvatten",
                    ignore=shutil.ignore_patterns("editie-*"))
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    editions.new_edition(root, "handvatten", dt.date(2027, 3, 1), "vierde versie", None, dt.date(2027, 3, 2))
    page = root / "docs" / "handvatten" / "5-informatieverstrekking-consumenten.md"
    text = page.read_text(encoding="utf-8")
    start = text.index("/// richtsnoer | Richtsnoer 9")
    page.write_text(text[:start] + text[text.index("///\n", start + 10) + 4:], encoding="utf-8")
    found = norms.collect(root / "docs")
    _, problems = editions.changes(found, editions.load(root), root)
    assert problems == ["handvatten/: norm 'richtsnoer-9' uit een eerdere editie staat niet meer op de pagina's; "
                        "laat het kader staan met het veld 'Ingetrokken'"]
