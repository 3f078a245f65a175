"""The self-audit of the contracting process, one test per duty and rule of the fold, named after
the norm it proves (Handvatten chapters 4 and 5)."""

from __future__ import annotations

import pytest

from zorgcalc import run
from zorgcalc.contracting import self_audit as sa
from zorgcalc.envelope import InvalidInput

INSURER = {"party": "insurer", "contracting": "digital"}
PROVIDER = {"party": "provider", "contracting": "face-to-face"}


def ids(result):
    return [c["id"] for c in result["conditions"]]


def all_yes(role_inputs):
    role = role_inputs["party"]
    return {**role_inputs, **{d.question.key: "yes" for d in sa.DUTIES if role in d.roles}}


def test_de_zelfcontrole_begint_onbeantwoord_en_vraagt_eerst_de_rol():
    r = run("self-audit", {})
    assert r["verdict"] == "open" and r["conditions"] == [] and "kies eerst uw rol" in r["summary"]


def test_een_zorgverzekeraar_krijgt_alleen_de_normen_voor_de_zorgverzekeraar():
    r = run("self-audit", INSURER)
    assert "policy-published" in ids(r) and "contract-status-information" not in ids(r)
    assert all(c["met"] is None for c in r["conditions"]) and r["verdict"] == "open"


def test_een_zorgaanbieder_krijgt_de_informatieplichten_van_th_nr_035():
    r = run("self-audit", PROVIDER)
    assert {"choice-information", "contract-status-information", "own-payment-information"} <= set(ids(r))
    assert "policy-published" not in ids(r)


def test_richtsnoer_4_geldt_bij_face_to_face_contracteren():
    assert "appropriate-care-discussed" in ids(run("self-audit", PROVIDER))
    assert "appropriate-care-discussed" not in ids(run("self-audit", {**PROVIDER, "contracting": "digital"}))


def test_alles_ja_is_nageleefd_en_gevolgd():
    for base in (INSURER, PROVIDER):
        r = run("self-audit", all_yes(base))
        assert (r["verdict"], r["regulation"], r["guidelines"]) == ("compliant", "met", "followed")


def test_een_bindende_norm_niet_nageleefd_bepaalt_de_kop():
    r = run("self-audit", {**all_yes(PROVIDER), "contract_status_information": "no"})
    assert r["verdict"] == "non-compliant" and r["regulation"] == "breached"


def test_een_richtsnoer_niet_gevolgd_is_geen_overtreding_van_regelgeving():
    r = run("self-audit", {**all_yes(PROVIDER), "ova_starting_index": "no"})
    assert r["verdict"] == "guidelines-not-followed" and r["regulation"] == "met"
    assert "de OVA als startpunt" in r["summary"]


def test_weet_ik_niet_is_open_en_nooit_een_voldoende():
    r = run("self-audit", {**all_yes(INSURER), "cost_insight": "unknown"})
    assert r["verdict"] == "open"
    assert next(c for c in r["conditions"] if c["id"] == "cost-insight")["met"] is None


def test_richtsnoer_2_geldt_alleen_op_verzoek():
    r = run("self-audit", {**all_yes(PROVIDER), "volume_forecasts": "na"})
    assert "volume-forecasts" not in ids(r) and r["verdict"] == "compliant"


def test_elke_vraag_verwijst_naar_haar_kader_en_zegt_welk_soort_norm():
    r = run("self-audit", all_yes(INSURER))
    for c in r["conditions"]:
        assert c["norm"] in sa.NORM_IDS and c["kind"] in ("regulation", "guideline")
        assert c["kind"] == ("guideline" if c["norm"].startswith("richtsnoer") else "regulation")


def test_de_datum_in_de_vraag_komt_uit_de_parameters_van_de_termijnen():
    from zorgcalc.deadlines import params

    q = next(d.question for d in sa.DUTIES if d.question.key == "policy_published")
    assert params.POLICY.describe_date() in q.label


@pytest.mark.parametrize("key", ["party", "contracting", "cost_insight"])
def test_een_onbekende_keuze_is_een_fout_bij_het_veld(key):
    r = run("self-audit", {**INSURER, key: "misschien"})
    assert not r["ok"] and r["errors"][0]["field"] == key


# Art. 4 TH/NR-038: "Het zorginkoopbeleid en de procedure van zorginkoop van de zorgverzekeraar bevatten
# ten minste de onderstaande onderdelen" -- each of the eight parts is a norm of its own.
ARTICLE_4_PARTS = [("1", "policy_phases"), ("2", "policy_reachability"), ("3", "policy_quality"),
                   ("4", "policy_minimum_requirements"), ("5", "policy_innovation"), ("6", "policy_societal_task"),
                   ("7", "policy_additional_purchasing"), ("8", "policy_change_overview")]


def test_artikel_4_vraagt_elk_van_de_acht_onderdelen_van_het_zorginkoopbeleid_apart():
    r = run("self-audit", INSURER)
    asked = [c for c in r["conditions"] if c["norm"] == "th-nr-038-art-4-inhoud"]
    assert [c["id"] for c in asked][:8] == [key.replace("_", "-") for _, key in ARTICLE_4_PARTS]
    assert all(f"(onderdeel {n})" in c["label"] for (n, _), c in zip(ARTICLE_4_PARTS, asked))


@pytest.mark.parametrize("number,key", ARTICLE_4_PARTS, ids=[f"onderdeel-{n}" for n, _ in ARTICLE_4_PARTS])
def test_ontbreekt_een_onderdeel_van_artikel_4_dan_is_regelgeving_niet_nageleefd(number, key):
    r = run("self-audit", {**all_yes(INSURER), key: "no"})
    assert (r["verdict"], r["regulation"]) == ("non-compliant", "breached")
    assert f"onderdeel {number}" in r["summary"]


@pytest.mark.parametrize("number,key", ARTICLE_4_PARTS, ids=[f"onderdeel-{n}" for n, _ in ARTICLE_4_PARTS])
def test_een_onderdeel_van_artikel_4_kent_geen_niet_van_toepassing(number, key):
    # "ten minste": every part is required, so no answer makes one not apply
    with pytest.raises(InvalidInput):
        sa.compute({**INSURER, key: "na"})
    r = run("self-audit", {**INSURER, key: "na"})
    assert r["ok"] is False and [e["field"] for e in r["errors"]] == [key]


def test_de_eisen_voor_kleine_organisaties_gelden_alleen_bij_specifieke_aandacht_voor_hen():
    # "Wanneer zorgverzekeraars in hun zorginkoop specifiek aandacht besteden aan kleine organisaties en
    # nieuwe toetreders ..., vermelden ze ... ook welke eisen voor kleine organisaties en nieuwe toetreders gelden."
    without = run("self-audit", {**all_yes(INSURER), "policy_small_organisations": "na"})
    assert "policy-small-organisations" not in ids(without) and without["verdict"] == "compliant"
    missing = run("self-audit", {**all_yes(INSURER), "policy_small_organisations": "no"})
    assert missing["regulation"] == "breached"


def test_de_inhoud_van_het_zorginkoopbeleid_wordt_een_zorgaanbieder_niet_gevraagd():
    assert not any(c["norm"] == "th-nr-038-art-4-inhoud" for c in run("self-audit", PROVIDER)["conditions"])
