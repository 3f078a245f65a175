"""Run axe-core (pinned in package.json, self-hosted from node_modules/) in a Playwright page."""

from __future__ import annotations

from pathlib import Path

from ..conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA: the standard the site claims (docs/toegankelijkheid.md).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, context: str | None = None) -> list[str]:
    """The violations on the page as it is now, one readable line per rule and element."""
    if not page.evaluate("typeof window.axe === 'object'"):
        assert AXE.exists(), f"{AXE} is missing: run `npm ci` (make install does)"
        page.add_script_tag(path=str(AXE))
    # The theme animates its header when the page scrolls; a colour caught mid-transition is no
    # finding. Stop transitions and wait two frames so axe sees the page at rest.
    page.evaluate("""() => new Promise(resolve => {
      if (!document.getElementById('axe-no-motion')) {
        const s = document.createElement('style'); s.id = 'axe-no-motion';
        s.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
        document.head.appendChild(s);
      }
      requestAnimationFrame(() => requestAnimationFrame(resolve));
    })""")
    result = page.evaluate(
        """async ([tags, context]) => {
          const r = await axe.run(context ? document.querySelector(context) : document,
                                  {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
          return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}));
        }""",
        [TAGS, context],
    )
    return [f"{v['id']} ({v['impact']}): {v['help']} -> {node}" for v in result for node in v["nodes"]]
