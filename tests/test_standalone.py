"""The repository stands alone: its developer documentation links only to files inside it, and no
code, test or document points at design documents or source texts outside the clone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", ROOT / "sources" / "README.md", *sorted((ROOT / "docs-dev").glob("*.md"))]
SCANNED = ["Makefile", "README.md", "mkdocs.yml", "calculators", "build_scripts", "tests", "docs-dev",
           "sources/README.md", "benchmarks", "deploy"]
SKIP_DIRS = {"__pycache__", "build", ".pytest_cache", ".hypothesis"}
SUFFIXES = {".py", ".md", ".mjs", ".js", ".toml", ".yml", ".yaml", ".txt", ".conf", ""}
# What a clone does not have: the folders that once sat beside the repository.
OUTSIDE = re.compile(r"\.\./shared|shared/(spec|seeds)|\bseeds?/0\d\d|\bseed 0\d\d")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def files() -> list[Path]:
    out = []
    for name in SCANNED:
        path = ROOT / name
        candidates = [path] if path.is_file() else path.rglob("*")
        for p in candidates:
            if p.is_file() and p.suffix in SUFFIXES and not SKIP_DIRS & set(p.relative_to(ROOT).parts) \
                    and "egg-info" not in str(p) and p != Path(__file__).resolve():
                out.append(p)
    return out


def test_nothing_points_outside_the_repository():
    hits = [f"{p.relative_to(ROOT)}:{i}: {line.strip()}"
            for p in files()
            for i, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
            if OUTSIDE.search(line)]
    assert not hits, "references to files outside the repository:\n" + "\n".join(hits)


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_of_the_developer_documentation_resolves(doc):
    broken = []
    for target in LINK.findall(doc.read_text(encoding="utf-8")):
        if re.match(r"^[a-z]+:", target) or target.startswith("#"):
            continue
        path = (doc.parent / target.split("#")[0]).resolve()
        if not path.exists() or ROOT not in path.parents and path != ROOT:
            broken.append(target)
    assert not broken, f"{doc.relative_to(ROOT)}: links that do not resolve inside the repository: {broken}"
