"""The norm register: every box collected and validated; a bad box stops the build."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import jsonschema
import pytest

from build_scripts import norms as reg

ROOT = Path(__file__).resolve().parents[2]

GOOD_BOX = """\
/// richtsnoer | Richtsnoer 99 · test
    attrs: {id: richtsnoer-99}

De tekst van de norm.

Bron
:   een bron

Wie
:   zorgaanbieder

Id
:   [richtsnoer-99](#richtsnoer-99 "Vaste link naar deze norm")
///
"""


def write_page(docs: Path, body: str, tags: tuple[str, ...] = ("richtsnoer", "zorgaanbieder")) -> Path:
    docs.mkdir(parents=True, exist_ok=True)
    page = docs / "pagina.md"
    front = "---\ntags:\n" + "".join(f"  - {t}\n" for t in tags) + "---\n\n" if tags else ""
    page.write_text(front + "# Pagina\n\n" + body, encoding="utf-8")
    return page


def problems(docs: Path) -> str:
    with pytest.raises(reg.NormError) as exc:
        reg.collect(docs)
    return str(exc.value)


def test_every_norm_of_the_site_is_collected_with_unique_ids():
    norms = reg.collect()
    ids = [n.id for n in norms]
    assert len(ids) == len(set(ids))
    assert {f"richtsnoer-{i}" for i in range(1, 11)} <= set(ids)
    assert "mw-art-7" in ids


def test_the_regulations_the_handvatten_restate_are_orange_boxes():
    kinds = {n.id: n.kind for n in reg.collect()}
    for nid in ["th-nr-038-art-4", "th-nr-038-art-8", "th-nr-038-art-6-lid-1", "th-nr-038-art-6-lid-2",
                "th-nr-038-art-6-lid-4", "th-nr-038-art-7", "th-nr-038-art-5", "th-nr-027-art-4",
                "th-nr-027-art-7", "th-nr-027-art-9", "th-nr-027-art-10", "th-nr-035-art-4", "mw-art-7"]:
        assert kinds[nid] == "regelgeving", nid


def test_the_guidance_conditions_are_green_boxes():
    kinds = {n.id: n.kind for n in reg.collect()}
    for nid in ["acm-kleine-zorgaanbieders", "acm-juiste-zorg-juiste-plek", "nma-inkoop-selectie",
                "nma-prijsonderhandelingen", "nma-seh-selectie", "nma-seh-compensatie",
                "nma-minimum-kwaliteitsnormen", "vws-consortia-offensief", "vws-consortia-verboden"]:
        assert kinds[nid] == "richtsnoer", nid


def test_a_valid_box_is_collected_with_its_metadata(tmp_path):
    write_page(tmp_path, GOOD_BOX)
    [norm] = reg.collect(tmp_path)
    assert (norm.id, norm.kind, norm.source, norm.actors) == ("richtsnoer-99", "richtsnoer", "een bron", ["zorgaanbieder"])
    assert norm.text == "De tekst van de norm."
    assert norm.url == "pagina/#richtsnoer-99"


def test_a_duplicate_id_stops_the_build(tmp_path):
    write_page(tmp_path, GOOD_BOX + "\n" + GOOD_BOX)
    assert "bestaat al" in problems(tmp_path)


def test_a_box_without_id_stops_the_build(tmp_path):
    write_page(tmp_path, GOOD_BOX.replace("    attrs: {id: richtsnoer-99}\n", ""))
    assert "zonder id" in problems(tmp_path)


def test_a_box_without_source_stops_the_build(tmp_path):
    write_page(tmp_path, GOOD_BOX.replace("Bron\n:   een bron\n\n", ""))
    assert "mist het veld 'Bron'" in problems(tmp_path)


def test_an_unknown_kind_stops_the_build(tmp_path):
    write_page(tmp_path, GOOD_BOX.replace("/// richtsnoer |", "/// aanbeveling |"))
    assert "onbekende soort blok 'aanbeveling'" in problems(tmp_path)


def test_a_title_that_does_not_say_its_kind_stops_the_build(tmp_path):
    write_page(tmp_path, GOOD_BOX.replace("Richtsnoer 99 · test", "Test"))
    assert "moet met 'Richtsnoer' beginnen" in problems(tmp_path)


def test_an_unknown_metadata_field_stops_the_build(tmp_path):
    write_page(tmp_path, GOOD_BOX.replace("Wie\n", "Wanneer\n:   morgen\n\nWie\n"))
    assert "onbekend veld 'Wanneer'" in problems(tmp_path)


def test_a_page_without_the_tags_of_its_norms_stops_the_build(tmp_path):
    write_page(tmp_path, GOOD_BOX, tags=("zorgaanbieder",))
    assert "mist de tags richtsnoer" in problems(tmp_path)


def test_norms_json_matches_its_schema_and_carries_a_version(site):
    data = json.loads((site / "normen" / "norms.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "docs/normen/norms.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["schema_version"] == reg.SCHEMA_VERSION


def test_the_register_lists_every_norm_with_an_anchor_of_its_own_id():
    md = reg.register_markdown(reg.collect())
    for norm in reg.collect():
        assert f"{{#{norm.id} .norm-register-id}}" in md


def test_count_of_norms_per_kind(record_property, capsys):
    norms = reg.collect()
    counts = {k: sum(1 for n in norms if n.kind == k) for k in reg.NORM_KINDS}
    record_property("norms_per_kind", counts)
    with capsys.disabled():
        print(f"\nNorms per kind: {counts} (total {len(norms)})")
    # 13 from the Handvatten (art. 4 twice: its date and its required contents), 5 from the
    # Mededingingswet itself (art. 6 lid 1, lid 3, 7, 8, 9)
    assert counts["regelgeving"] == 18 and counts["richtsnoer"] >= 28 and counts["streefdatum"] == 1
