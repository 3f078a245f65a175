"""Mededingingswet art. 6 lid 3 and 4, one test per condition and boundary, named after the
sentence of the law (or the ACM's wording of it) that it proves."""

from __future__ import annotations

import pytest

from zorgcalc import run
from zorgcalc.safe_harbour import exemption

ALL = {"benefits": True, "fair_share": True, "necessary": True, "competition_remains": True}
KEYS = list(ALL)


def verdict(**answers):
    return run("exemption", {**ALL, **answers})


def test_het_eerste_lid_geldt_niet_als_alle_vier_voorwaarden_te_onderbouwen_zijn():
    r = run("exemption", ALL)
    assert r["verdict"] == "can-substantiate"
    assert [c["met"] for c in r["conditions"]] == [True, True, True, True]
    assert all(c["norm"] == "mw-art-6-lid-3" for c in r["conditions"])


def test_bijdragen_tot_verbetering_of_vooruitgang_is_een_voorwaarde():
    r = verdict(benefits=False)
    assert r["verdict"] == "cannot-substantiate"
    assert r["conditions"][0]["id"] == "benefits" and r["conditions"][0]["met"] is False


def test_een_billijk_aandeel_moet_de_gebruikers_ten_goede_komen():
    assert verdict(fair_share=False)["verdict"] == "cannot-substantiate"


def test_geen_beperkingen_die_niet_onmisbaar_zijn():
    r = verdict(necessary=False)
    assert r["verdict"] == "cannot-substantiate"
    assert "niet verder" in r["conditions"][2]["label"] or "onmisbaar" in r["conditions"][2]["label"]


def test_de_mededinging_niet_voor_een_wezenlijk_deel_uitschakelen():
    assert verdict(competition_remains=False)["verdict"] == "cannot-substantiate"


@pytest.mark.parametrize("key", KEYS)
def test_weet_ik_niet_laat_de_toets_open_en_is_nooit_een_voldoende(key):
    r = verdict(**{key: None})
    assert r["verdict"] == "open"
    assert [c["met"] for c in r["conditions"]].count(None) == 1


def test_een_niet_te_onderbouwen_voorwaarde_gaat_voor_een_open_voorwaarde():
    assert verdict(benefits=None, fair_share=False)["verdict"] == "cannot-substantiate"


def test_de_rekenhulp_begint_onbeantwoord():
    r = run("exemption", {})
    assert r["verdict"] == "open" and all(c["met"] is None for c in r["conditions"])


def test_wie_zich_op_het_derde_lid_beroept_bewijst_dat_eraan_is_voldaan():
    """Lid 4: the burden of proof, said in every result, which is a self-assessment."""
    for inputs in ({}, ALL, {**ALL, "benefits": False}):
        warnings = " ".join(run("exemption", inputs)["warnings"])
        assert "artikel 6 lid 4" in warnings and "geen besluit van de ACM" in warnings


def test_de_koppen_zeggen_dat_het_een_eigen_beoordeling_is():
    assert "eigen beoordeling" in exemption.VERDICTS["can-substantiate"].heading
    assert "geen besluit van de ACM" in exemption.VERDICTS["can-substantiate"].heading


def test_de_acm_woorden_worden_ook_geciteerd():
    norms = run("exemption", ALL)["norms"]
    assert norms[0] == "mw-art-6-lid-3"
    assert {"mw-art-6-lid-1", "acm-voordelen-samenwerking", "acm-voordelen-onderbouwen"} <= set(norms)


def test_de_onderbouwing_komt_in_de_uitkomst():
    r = run("exemption", {**ALL, "benefits_how": "Kortere wachttijden, gemeten per kwartaal."})
    assert r["conditions"][0]["explanation"].endswith("Uw onderbouwing: Kortere wachttijden, gemeten per kwartaal.")


def test_een_te_lange_onderbouwing_is_een_fout_bij_het_veld():
    r = run("exemption", {**ALL, "necessary_how": "x" * (exemption.MAX_NOTE_CHARS + 1)})
    assert not r["ok"] and r["errors"][0]["field"] == "necessary_how"
    assert "hoogstens 200 tekens" in r["errors"][0]["message"]


def test_een_onderbouwing_die_geen_tekst_is_is_een_fout_bij_het_veld():
    r = run("exemption", {**ALL, "benefits_how": 5})
    assert not r["ok"] and r["errors"][0]["field"] == "benefits_how"


def test_een_antwoord_dat_geen_ja_of_nee_is_noemt_het_veld():
    r = run("exemption", {"fair_share": "ja"})
    assert not r["ok"] and r["errors"][0]["field"] == "fair_share"
    assert r["errors"][0]["message"].startswith("Kunt u onderbouwen dat de voordelen ook echt ten goede komen")


def test_de_onderbouwing_is_privé_en_gaat_niet_mee_in_een_link():
    assert all(q.private for q in exemption.NOTES.values())
