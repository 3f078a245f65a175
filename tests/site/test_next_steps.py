"""The next steps after a verdict link only to addresses the sources give (zorgcalc/next_steps.py):
each site address resolves to a page and anchor of the built site, and the one e-mail address is
the ACM's as its page publishes it."""

from __future__ import annotations

from zorgcalc import next_steps

from ..conftest import ROOT


def test_every_next_step_link_on_the_site_resolves_to_its_page_and_anchor(site):
    missing = []
    for name, (href, _) in next_steps.LINKS.items():
        if href.startswith("mailto:"):
            continue
        path, _, anchor = href.partition("#")
        page = site / path / "index.html"
        if not page.exists() or (anchor and f'id="{anchor}"' not in page.read_text(encoding="utf-8")):
            missing.append(f"{name}: {href}")
    assert missing == []


def test_the_acm_address_is_the_one_the_acm_publishes():
    source = (ROOT / "sources" / "acm-samenwerken-in-de-zorgsector.txt").read_text(encoding="utf-8")
    mails = [href for href, _ in next_steps.LINKS.values() if href.startswith("mailto:")]
    assert mails == ["mailto:vragen.zorg@acm.nl"]
    assert "vragen[dot]zorg[at]acm[dot]nl" in source


def test_every_step_names_only_declared_links():
    import re

    for table in (next_steps.CONTRACTING, next_steps.COMPETITION):
        for texts in table.values():
            for text in texts:
                assert set(re.findall(r"\{([a-z-]+)\}", text)) <= set(next_steps.LINKS), text


def _rendered(calculator: str, inputs: dict) -> str:
    from zorgcalc import run
    from zorgcalc.render_html import render

    return render(run(calculator, inputs), {}, "../../")


def test_a_missed_binding_deadline_ends_with_talking_first_then_the_nza():
    html = _rendered("deadlines", {"contract_year": 2027, "contracting": "face-to-face",
                                   "events": {"offer_submitted_on": "2-10-2026"}})
    steps = html[html.index("Wat kunt u nu doen?"):]
    assert steps.index("Bespreek het eerst met de andere partij") < steps.index("melding doen bij de NZa")
    assert 'href="../../handvatten/3-toezicht/#paragraaf-3-1-1"' in steps


def test_a_forbidden_cooperation_ends_with_stopping_and_the_acm():
    html = _rendered("consortium", {"divides_clients": True})
    assert "Maak deze afspraken niet" in html and 'href="mailto:vragen.zorg@acm.nl"' in html


def test_an_input_error_has_no_next_steps_only_the_errors():
    html = _rendered("deadlines", {"contract_year": "volgend jaar", "contracting": "face-to-face"})
    assert "Wat kunt u nu doen?" not in html
