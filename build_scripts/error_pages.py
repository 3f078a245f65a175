"""The Dutch error pages nginx serves instead of its own English ones (``make generate``; output
not committed): ``docs/fout/<status>.html`` for every status in ERRORS, from one template.
deploy/nginx.conf names them (``error_page 400 /fout/400.html;``); 404 is the theme's page
(overrides/404.html). The pages are plain HTML with one small stylesheet
(docs/assets/stylesheets/fout.css) and absolute links: nginx serves them at any depth, and
without the theme's scripts, so the strict Content-Security-Policy has nothing to allow.

Usage: python -m build_scripts.error_pages
"""

from __future__ import annotations

from html import escape

from .norms import DOCS

OUT = DOCS / "fout"
SITE_NAME = "Zorgcontractering & mededinging"

# status -> (title, what happened and what the visitor can do), in Dutch
ERRORS: dict[int, tuple[str, str]] = {
    400: ("Ongeldig verzoek", "Uw browser stuurde een verzoek dat de server niet kan lezen. Dat gebeurt soms door een "
                              "beschadigde link of een verouderde cookie."),
    403: ("Geen toegang", "Deze map of dit bestand is niet openbaar. Alle pagina’s van deze site zijn wel gewoon te "
                          "lezen via de startpagina."),
    405: ("Deze handeling kan hier niet", "Deze site bestaat uit gewone pagina’s om te lezen; formulieren worden niet "
                                          "naar de server gestuurd. Wat u in een rekenhulp invult, blijft in uw browser."),
    414: ("Link te lang", "Deze link is te lang voor de server. Een link naar de invoer van een rekenhulp hoort na het "
                          "#-teken te staan; misschien is de link verkeerd overgenomen."),
}

TEMPLATE = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{heading} · {site}</title>
<link rel="stylesheet" href="/assets/stylesheets/fout.css">
</head>
<body>
<main>
<h1>{heading}</h1>
<p>{text}</p>
<p>Ga naar de <a href="/">startpagina van {site}</a> of naar het <a href="/normen/">normenregister</a>.</p>
</main>
</body>
</html>
"""


def page(status: int) -> str:
    title, text = ERRORS[status]
    return TEMPLATE.format(heading=escape(f"{status} – {title}"), text=escape(text, quote=False), site=escape(SITE_NAME))


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.html"):  # a status taken out of ERRORS leaves no page behind
        if not old.stem.isdigit() or int(old.stem) not in ERRORS:
            old.unlink()
    for status in ERRORS:
        (OUT / f"{status}.html").write_text(page(status), encoding="utf-8")
    print(f"error pages: {', '.join(str(s) for s in ERRORS)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
