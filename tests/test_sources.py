"""The source texts in sources/ are the ones sources/README.md describes: every file is listed
there with its sha256, and every listed sha256 matches, so a source cannot change (or be added)
without its README entry being updated in the same change."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"

# "### `name.txt`" opens a file's entry; its "**sha256:** `...`" line follows within the entry.
ENTRY = re.compile(r"^### `(?P<name>[^`]+\.txt)`$(?P<body>.*?)(?=^### |^## |\Z)", re.M | re.S)
SHA = re.compile(r"\*\*sha256:\*\* `(?P<sha>[0-9a-f]{64})`")


def listed() -> dict[str, str]:
    readme = (SOURCES / "README.md").read_text(encoding="utf-8")
    out = {}
    for m in ENTRY.finditer(readme):
        sha = SHA.search(m.group("body"))
        assert sha, f"sources/README.md: no sha256 in the entry for {m.group('name')}"
        out[m.group("name")] = sha.group("sha")
    return out


def test_readme_lists_the_five_sources_and_the_statute():
    assert len(listed()) == 6, sorted(listed())


def test_every_source_file_is_listed_in_the_readme():
    on_disk = sorted(p.name for p in SOURCES.glob("*.txt"))
    assert on_disk == sorted(listed()), "sources/*.txt and the entries of sources/README.md differ"


def test_every_source_file_matches_its_sha256():
    drifted = {name: hashlib.sha256((SOURCES / name).read_bytes()).hexdigest()
               for name, sha in listed().items()
               if hashlib.sha256((SOURCES / name).read_bytes()).hexdigest() != sha}
    assert not drifted, f"sources changed without updating sources/README.md (actual sha256): {drifted}"
