"""Generate the calculator widgets and embed pages (``make generate``; output not committed):

- ``build/snippets/<slug>.html``: the widget (form, status, pre-rendered result) that the authored
  page docs/rekenhulpen/<slug>.md includes with ``--8<-- "<slug>.html"`` (pymdownx.snippets);
- ``docs/rekenhulpen/insluiten/<slug>.html``: a page with only the widget, for an iframe on
  another site (no site navigation; resizes its iframe through postMessage).

The pre-rendered result is the calculator's own result for its DEFAULT_INPUTS, computed here
natively by the same Python code and HTML renderer the browser worker runs.
"""

from __future__ import annotations

import base64
import functools
import json
from dataclasses import dataclass
from html import escape

from zorgcalc import run
from zorgcalc.registry import calculators, load
from zorgcalc.render_html import render

from .forms import BUTTON, render_form
from .norms import ROOT, collect

SNIPPETS = ROOT / "build" / "snippets"
EMBED_DIR = ROOT / "docs" / "rekenhulpen" / "insluiten"


@dataclass(frozen=True)
class Page:
    calculator: str
    slug: str  # docs/rekenhulpen/<slug>.md, URL /rekenhulpen/<slug>/
    title: str
    ics: bool = False


def pages() -> tuple[Page, ...]:
    """One page per calculator found, from what its module declares (``PAGE``; a calendar
    download where it has ``to_ics``), in navigation order."""
    out = []
    for cid in calculators():
        module = load(cid)
        out.append(Page(cid, module.PAGE.slug, module.PAGE.title, ics=hasattr(module, "to_ics")))
    return tuple(out)


PAGES: tuple[Page, ...] = pages()


@functools.lru_cache(maxsize=1)
def _register() -> tuple:
    return tuple(collect())


def norm_context(calculator: str) -> dict[str, dict[str, str]]:
    """id -> url and title of every norm the calculator can cite (from the norm register)."""
    wanted = set(load(calculator).NORM_IDS)
    return {n.id: {"url": n.url, "title": n.title} for n in _register() if n.id in wanted}


def engine_manifest() -> str:
    """The engine manifest, inlined so the page starts the worker without fetching it first."""
    return (ROOT / "docs" / "assets" / "engine" / "engine.json").read_text(encoding="utf-8").strip()


START_SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "calculator-start.js"


@functools.cache
def start_script() -> str:
    """The script that starts the worker while the page loads, inlined at the end of the page's head by start_element
    (its source docs/assets/javascripts/calculator-start.js without its opening comment; that file
    itself is not published). The Content-Security-Policy allows it by its SHA-256 hash. Read once
    per build: every widget inlines the same text."""
    text = START_SCRIPT.read_text(encoding="utf-8")
    code = text[text.index("*/") + 2:].strip() if text.startswith("/*") else text.strip()
    assert "</" not in code and "/*" not in code, f"{START_SCRIPT}: no comment after the first, and no '</'"
    return code


def script_json(data: object) -> str:
    """JSON safe inside a <script> element (script text is not HTML-decoded, so no escaping but "</")."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def state_fragment(inputs: dict) -> str:
    """The ``#invoer=`` fragment for inputs, byte for byte what encodeState() in calculator.js
    writes (JSON.stringify, UTF-8, base64url without padding)."""
    text = json.dumps(inputs, ensure_ascii=False, separators=(",", ":"))
    return "#invoer=" + base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")


def examples(module) -> str:
    """The calculator's examples as links that fill the form: offered, never pre-filled."""
    items = "".join(f'<li><a href="{escape(state_fragment(ex.inputs))}" data-example>{escape(ex.title)}</a></li>'
                    for ex in module.EXAMPLES)
    return ('<details class="zc-examples"><summary>Voorbeelden om te proberen</summary>'
            '<p>Een voorbeeld vult het formulier met verzonnen gegevens, zodat u ziet hoe de rekenhulp werkt. '
            'Het zegt niets over uw eigen situatie.</p>'
            f'<ul>{items}</ul></details>')


def start_element(page: Page, base: str, embed: bool) -> str:
    """The calculator's context and the script that starts its worker (calculator-start.js), for the
    end of the page's head: there it runs as soon as the stylesheets are in, before the body is
    parsed. On the site's pages build_scripts/start_hook.py moves it there from the snippet; an embed
    page has it there itself. Anywhere else in a page it still works, only later."""
    return (
        f'<script type="application/json" class="zc-context" data-calculator="{page.calculator}">'
        # what the worker's renderer needs beside the inputs: the norms it can cite, the site's base and
        # whether links open in a new tab (an embed)
        f'{script_json({"norms": norm_context(page.calculator), "base": base, "new_tab": embed})}</script>'
        f'<script class="zc-start" data-calculator="{page.calculator}" '
        f'data-engine="{base}assets/engine/engine.json" data-worker="{base}assets/javascripts/zorgcalc-worker.js" '
        f'data-engine-manifest="{escape(engine_manifest())}">{start_script()}</script>'
    )


def widget(page: Page, base: str, embed: bool) -> str:
    """The form, the status line and the pre-rendered result of the calculator's defaults. Its worker
    is started by start_element, which the page holds in its head."""
    module = load(page.calculator)
    defaults = dict(module.DEFAULT_INPUTS)
    norms = norm_context(page.calculator)
    result = run(page.calculator, defaults)
    assert result["ok"], f"default inputs of {page.calculator} are invalid: {result}"
    verdict = result["verdict"]
    ics = (f'<button type="button" class="zc-button {BUTTON} zc-ics" hidden data-filename="zorgcontractering-'
           f'{escape(page.slug)}.ics">Zet de data in uw agenda (.ics)</button>') if page.ics else ""
    return (
        f'<div class="zc-calculator" data-calculator="{page.calculator}" data-engine-state="idle">'
        f'<p class="zc-status" role="status">Nog niets ingevuld: de uitkomst hieronder zegt wat de rekenhulp nog '
        f'nodig heeft. Met JavaScript rekent de rekenhulp in uw browser mee zodra u iets invult.</p>'
        f'<p class="zc-state-note" role="alert"></p>'
        f'{examples(module)}'
        f'<div class="zc-layout">{render_form(page.calculator, defaults, norms, base)}'
        f'<section class="zc-result" aria-labelledby="zc-uitkomst-{page.slug}">'
        f'<h2 id="zc-uitkomst-{page.slug}" class="zc-result-title">Uitkomst</h2>'
        f'<div class="zc-actions"><button type="button" class="zc-button {BUTTON} zc-copy-link" hidden>Kopieer link naar deze invoer</button>'
        f'<button type="button" class="zc-button {BUTTON} zc-print" hidden>Afdrukken</button>{ics}'
        f'<p class="zc-copy-status" role="status"></p></div>'
        f'<p class="zc-print-meta"></p>'
        '<details class="zc-check-answers" hidden><summary>Controleer uw antwoorden '
        '(<span class="zc-check-count">0</span>)</summary><dl class="zc-check-list"></dl></details>'
        f'<div class="zc-result-body" aria-live="polite" data-verdict="{escape(verdict)}">'
        f'{render(result, norms, base, embed)}</div></section></div>'
        f'<script src="{base}assets/javascripts/calculator-guard.js" defer></script>'
        f'<script src="{base}assets/javascripts/vendor/morphdom.min.js" defer></script>'
        f'<script src="{base}assets/javascripts/calculator.js" defer></script></div>'
    )


def embed_page(page: Page) -> str:
    base = "../../"
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{escape(page.title)} (rekenhulp)</title>'
        f'<link rel="icon" href="{base}assets/images/favicon.png">'
        f'<link rel="stylesheet" href="{base}assets/stylesheets/normen.css">'
        # the NL Design System form styles first: calculator.css sets their tokens (utrecht_css.py)
        f'<link rel="stylesheet" href="{base}assets/stylesheets/utrecht-forms.css">'
        f'<link rel="stylesheet" href="{base}assets/stylesheets/calculator.css">'
        f'<link rel="canonical" href="{base}rekenhulpen/{page.slug}/">'
        # every link, also those the result renders later, opens in a new tab (build_scripts/embed_kit.py)
        f'<script src="{base}assets/javascripts/insluiten.js" defer></script>'
        f'{start_element(page, base, embed=True)}'
        '</head><body class="zc-embed"><main>'
        f'<h1 class="zc-embed-title">{escape(page.title)}</h1>'
        f'{widget(page, base, embed=True)}'
        f'<p class="zc-embed-source">Rekenhulp van <a href="{base}rekenhulpen/{page.slug}/" target="_blank" rel="noopener">'
        'Zorgcontractering &amp; mededinging</a>. Wat u invult, blijft in uw browser. '
        'De uitkomst is een indicatie, geen juridisch advies.</p>'
        '</main></body></html>\n'
    )


def main() -> int:
    SNIPPETS.mkdir(parents=True, exist_ok=True)
    EMBED_DIR.mkdir(parents=True, exist_ok=True)
    for page in PAGES:
        # start_hook.py moves the first line, the start element, into the page's head
        (SNIPPETS / f"{page.slug}.html").write_text(
            start_element(page, "../../", embed=False) + "\n\n" + widget(page, "../../", embed=False) + "\n",
            encoding="utf-8")
        (EMBED_DIR / f"{page.slug}.html").write_text(embed_page(page), encoding="utf-8")
    print(f"calculator pages: {', '.join(p.slug for p in PAGES)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
