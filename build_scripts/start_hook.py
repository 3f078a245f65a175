"""MkDocs hook (mkdocs.yml ``hooks:``): a calculator page starts its worker from the end of its head.

The widget's snippet (build/snippets/<slug>.html, written by build_scripts/calculator_pages.py)
begins with the start element: the calculator's JSON context and the inline script that starts its
worker (calculator_pages.start_element, docs/assets/javascripts/calculator-start.js). In the body
that script ran only once the parser had reached the widget, after the theme's header, navigation
and the page's introduction were parsed and painted: 305-463 ms after navigation on loopback, while
the stylesheets were in by 99-237 ms (issue 16). This hook moves the element, byte for byte (the
Content-Security-Policy allows the script by its hash), to just before ``</head>``: after the
stylesheets, so the worker's downloads do not compete with them, and before any of the body.
"""

from __future__ import annotations

import re

START = re.compile(r'<script type="application/json" class="zc-context" data-calculator="[^"]*">.*?</script>'
                   r'\s*<script class="zc-start" [^>]*>.*?</script>', re.S)


def move_to_head(html: str) -> str:
    """html with every start element moved from where it is to the end of the head."""
    found = START.findall(html)
    if not found or "</head>" not in html:
        return html
    body = START.sub("", html)
    head_end = body.index("</head>")
    return body[:head_end] + "".join(found) + body[head_end:]


def on_post_page(output: str, page, config) -> str:
    return move_to_head(output)
