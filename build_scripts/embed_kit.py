"""The embed kit: a quote card per norm (``docs/normen/kaart/<id>.html``, framable by any site,
growing with its iframe) and the snippets of the linking page (``build/snippets/insluitcodes.html``,
one per calculator and per card, each with its own title and src and a copy button).

Every address in a snippet is the public address (build_scripts/site_address.py); every link inside
an embed opens in a new tab (``target="_blank" rel="noopener"``), never inside the host's iframe.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Iterable

from markdown_it import MarkdownIt

from . import site_address
from .citation import FORCE

ROOT = Path(__file__).resolve().parent.parent
RESIZE_TYPE = "zorgcalc:resize"  # the same message as the calculators', so one host script serves both
_ANCHOR = re.compile(r"<a (?![^>]*target=)")


def new_tab(fragment: str) -> str:
    """Every link of an HTML fragment opens in a new tab."""
    return _ANCHOR.sub('<a target="_blank" rel="noopener" ', fragment)


def card(norm, record: dict) -> str:
    """The quote card of one norm: verbatim text, kind in words and colour, source, link back."""
    base = "../../"
    text = new_tab(MarkdownIt("commonmark").render(norm.text))
    withdrawn = (f'<p class="kaart-ingetrokken"><strong>Ingetrokken</strong> {html.escape(norm.withdrawn)}</p>'
                 if norm.withdrawn else "")
    back = f"{base}{norm.url}"
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(norm.title)} (norm {norm.id})</title>"
        f'<link rel="icon" href="{base}assets/images/favicon.png">'
        f'<link rel="stylesheet" href="{base}assets/stylesheets/kaart.css">'
        f'<link rel="canonical" href="{html.escape(record["permalink"])}">'
        f'<script src="{base}assets/javascripts/insluiten.js" defer></script>'
        f'</head><body class="kaart"><main data-norm="{norm.id}">'
        f'<article class="kaart-norm soort-{norm.kind}" aria-labelledby="kaart-titel">'
        f'<p class="kaart-soort">{FORCE[norm.kind].capitalize()}</p>'
        f'<h1 id="kaart-titel">{html.escape(norm.title)}</h1>'
        f'<div class="kaart-tekst">{text}</div>{withdrawn}'
        f'<p class="kaart-bron"><span>Bron:</span> {html.escape(_plain(norm.source))}</p>'
        f'<p class="kaart-link"><a href="{back}" target="_blank" rel="noopener">Norm {norm.id} op '
        f'Zorgcontractering &amp; mededinging</a> (opent in een nieuw tabblad)</p>'
        "</article></main></body></html>\n"
    )


def _plain(markdown: str) -> str:
    from .citation import plain

    return plain(markdown)


def _snippet(src: str, title: str, height: int, origin: str) -> str:
    return (
        f'<iframe src="{src}"\n        title="{title}"\n'
        f'        style="width: 100%; min-height: {height}px; border: 0;" loading="lazy"></iframe>\n'
        "<script>\n"
        "  /* Laat het iframe meegroeien met de inhoud: die meldt haar hoogte met postMessage. */\n"
        '  window.addEventListener("message", function (event) {\n'
        f'    if (event.origin !== "{origin}") return;\n'
        "    var data = event.data;\n"
        f'    if (!data || data.type !== "{RESIZE_TYPE}" || typeof data.height !== "number") return;\n'
        '    document.querySelectorAll("iframe").forEach(function (frame) {\n'
        '      if (frame.contentWindow === event.source) frame.style.height = Math.ceil(data.height) + "px";\n'
        "    });\n"
        "  });\n"
        "</script>"
    )


def _block(key: str, heading: str, code: str) -> str:
    return (
        f'<div class="insluitcode" id="insluiten-{key}"><p class="insluitcode-kop"><strong>{html.escape(heading)}</strong></p>'
        f'<pre class="insluitcode-code"><code id="code-{key}">{html.escape(code)}</code></pre>'
        f'<p><button type="button" class="insluitcode-kopieer" data-copy="code-{key}" '
        f'aria-label="Kopieer de code: {html.escape(heading)}">Kopieer de code</button> '
        '<span class="insluitcode-status" role="status"></span></p></div>'
    )


def snippets_html(calculators: Iterable[tuple[str, str]], norms: Iterable, config: Path = ROOT / "mkdocs.yml") -> str:
    """The linking page's embed codes: (slug, title) per calculator, and one per norm card."""
    origin = site_address.public_url(config)
    out = ['<div class="insluitcodes">', '<h3 id="insluitcodes-rekenhulpen">Rekenhulpen</h3>']
    for slug, title in calculators:
        out.append(_block(slug, f"Rekenhulp: {title}", _snippet(
            site_address.absolute(f"rekenhulpen/insluiten/{slug}.html", config), f"Rekenhulp {title}", 600, origin)))
    out.append('<h3 id="insluitcodes-normen">Normen als citaatkaart</h3>')
    for n in norms:
        out.append(f'<details class="insluitcode-norm"><summary>{html.escape(n.id)} · {html.escape(n.title)}</summary>')
        out.append(_block(n.id, f"Citaatkaart {n.id}", _snippet(
            site_address.absolute(f"normen/kaart/{n.id}.html", config), f"Norm {n.id}: {n.title}", 250, origin)))
        out.append("</details>")
    out.append("</div>")
    return "\n".join(out) + "\n"


def write(norms: list, records: dict[str, dict], docs: Path, snippets: Path, config: Path) -> None:
    from zorgcalc.registry import calculators, load

    cards = docs / "normen" / "kaart"
    cards.mkdir(parents=True, exist_ok=True)
    for old in cards.glob("*.html"):
        old.unlink()
    for n in norms:
        (cards / f"{n.id}.html").write_text(card(n, records[n.id]), encoding="utf-8")
    pages = [(load(c).PAGE.slug, load(c).PAGE.title) for c in calculators()]
    snippets.mkdir(parents=True, exist_ok=True)
    (snippets / "insluitcodes.html").write_text(snippets_html(pages, norms, config), encoding="utf-8")
