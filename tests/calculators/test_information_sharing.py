"""What may be shared, per context, from the documented catalogue."""

from __future__ import annotations

import pytest

from zorgcalc import run
from zorgcalc.safe_harbour.information_catalogue import BY_ID, CATALOGUE, CONTEXTS
from zorgcalc.safe_harbour.information_sharing import NORM_IDS

REQUIRED = ["total-capacity", "expected-demand", "public-information", "cost-prices", "tariffs",
            "strategic-plans-areas", "minimum-indexation-advice"]


def result(context, items, **extra):
    r = run("information-sharing", {"context": context, "items": items, **extra})
    assert r["ok"], r
    return r


def allowed(context, item, **extra):
    return result(context, [item], **extra)["items"][0]["allowed"]


def test_catalogue_holds_the_required_items_and_more():
    assert set(REQUIRED) <= set(BY_ID)
    assert {"price-intentions", "volume-forecasts-own", "quality-indicators-public"} <= set(BY_ID)


def test_every_item_has_a_label_and_a_reasoned_ruling_for_every_context():
    for item in CATALOGUE:
        assert item.label
        assert set(item.rules) == set(CONTEXTS)
        for rule in item.rules.values():
            assert rule.reason and rule.norm in NORM_IDS


@pytest.mark.parametrize("item", ["total-capacity", "expected-demand", "public-information"])
def test_providers_may_share_capacity_demand_and_public_information(item):
    assert allowed("providers", item)


@pytest.mark.parametrize("item", ["cost-prices", "tariffs", "price-intentions", "strategic-plans-areas"])
def test_providers_may_not_share_what_they_compete_on(item):
    assert not allowed("providers", item)


def test_branch_organisation_may_not_advise_a_minimum_indexation():
    r = result("branch-organisation", ["minimum-indexation-advice"])
    assert r["verdict"] == "not-allowed"
    assert r["items"][0]["norm"] == "acm-brancheorganisaties"
    assert "stuurt" in r["items"][0]["explanation"]


def test_branch_organisation_may_explain_public_information():
    assert allowed("branch-organisation", "public-information")


def test_insurers_share_sensitive_items_only_when_strictly_necessary():
    assert not allowed("insurers-cooperating", "tariffs")
    assert allowed("insurers-cooperating", "tariffs", strictly_necessary=["tariffs"])


def test_strictly_necessary_only_for_insurers():
    r = run("information-sharing", {"context": "providers", "items": ["tariffs"], "strictly_necessary": ["tariffs"]})
    assert not r["ok"] and r["errors"][0]["field"] == "strictly_necessary"


def test_verdict_is_not_allowed_if_any_item_is_not():
    assert result("providers", ["total-capacity", "cost-prices"])["verdict"] == "not-allowed"
    assert result("providers", ["total-capacity", "public-information"])["verdict"] == "allowed"


def test_items_output_has_id_allowed_norm_explanation():
    item = result("providers", ["cost-prices"])["items"][0]
    assert {"id", "allowed", "norm", "explanation"} <= set(item)


@pytest.mark.parametrize("inputs, field", [
    ({"context": "providers", "items": ["cost-prices", "gossip"]}, "items[1]"),
    ({"context": "market", "items": ["tariffs"]}, "context"),
    ({"context": "providers", "items": "tariffs"}, "items"),
])
def test_bad_input_names_the_field(inputs, field):
    r = run("information-sharing", inputs)
    assert not r["ok"] and field in [e["field"] for e in r["errors"]]
