"""HTML of a calculator result, for the page. One renderer, used at build time (the pre-rendered
result in the page) and in the browser worker (every recomputed result), so both look the same.

An adapter, not law: it only presents the envelope. ``norms`` maps a norm id to its
``{"url": site-relative URL, "title": ...}`` from the norm register; ``base`` is the relative
path from the page to the site root.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html import escape
from typing import Any

from . import next_steps
from .deadlines.dutch import days_left_nl
from .questions import field_id

TONE_ICON = {"good": "✓", "bad": "✗", "neutral": "?", "caution": "!"}
# The deadlines result keeps binding regulation and richtsnoeren apart: one line for each.
REGULATION_NL = {"breached": "niet nageleefd", "met": "nageleefd voor zover ingevuld", "open": "nog open",
                 "not-checked": "nog niets ingevuld om te toetsen"}
GUIDELINES_NL = {"not-followed": "niet gevolgd (richtsnoeren zijn niet handhaafbaar; het doel gaat voor)",
                 "followed": "gevolgd voor zover ingevuld", "open": "nog open",
                 "not-checked": "nog niets ingevuld om te toetsen"}
MET = {True: ("voldaan", "good", "✓"), False: ("niet voldaan", "bad", "✗"), None: ("niet beantwoord", "neutral", "?")}
KIND_NL = {"regulation": "Regelgeving", "guideline": "Richtsnoer", "target": "Streefdatum"}
KIND_CLASS = {"regulation": "regelgeving", "guideline": "richtsnoer", "target": "streefdatum"}
ACTOR_NL = {"insurer": "zorgverzekeraar", "provider": "zorgaanbieder", "both": "beide"}
STATUS_NL = {"met": "gehaald", "missed": "niet gehaald", "open": "open",
             "passed-unknown": "verstreken, niets ingevuld", "passed": "verstreken (richtpunt)",
             "not-applicable": "niet van toepassing"}
MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
MONTHS_LONG = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december"]


def date_nl(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.day} {MONTHS_LONG[d.month - 1]} {d.year}"


class _Ctx:
    def __init__(self, norms: dict[str, dict], base: str, new_tab: bool):
        self.norms, self.base, self.new_tab = norms, base, new_tab

    def link(self, href: str, text: str) -> str:
        """A link to a page of this site (relative to its root) or a mailto: address."""
        url = href if href.startswith("mailto:") else self.base + href
        target = ' target="_blank" rel="noopener"' if self.new_tab and not href.startswith("mailto:") else ""
        return f'<a href="{escape(url)}"{target}>{escape(text)}</a>'

    def norm_link(self, norm_id: str, text: str | None = None) -> str:
        info = self.norms.get(norm_id)
        label = escape(text or (info or {}).get("title") or norm_id)
        if not info:
            return label
        target = ' target="_blank" rel="noopener"' if self.new_tab else ""
        return f'<a href="{escape(self.base + info["url"])}"{target}>{label}</a>'


def _conditions(ctx: _Ctx, conditions: list[dict], heading: str | None = "Voorwaarden") -> str:
    if not conditions:
        return ""
    out = [f"<h3>{escape(heading)}</h3>"] if heading else []
    out.append('<ol class="zc-conditions">')
    for c in conditions:
        word, tone, icon = MET[c["met"]]
        kind = (f' <span class="soort-{KIND_CLASS[c["kind"]]}">{KIND_NL[c["kind"]]}</span>'
                if c.get("kind") in KIND_CLASS else "")
        out.append(
            f'<li class="zc-condition zc-{tone}"><span class="zc-met"><span aria-hidden="true">{icon}</span> '
            f'{word}</span>{kind} <strong>{escape(c["label"])}</strong>'
            f'<p>{escape(c["explanation"])}</p>'
            f'<p class="zc-norm">Norm: {ctx.norm_link(c["norm"])}</p></li>'
        )
    out.append("</ol>")
    return "".join(out)


def _routes(ctx: _Ctx, routes: dict[str, dict]) -> str:
    out = ['<h3>Routes</h3><p>Eén route die volledig is vervuld, is genoeg.</p>']
    for name, route in routes.items():
        word, tone, icon = MET[route.get("met")]
        title = {"lid1": "Route artikel 7, lid 1", "lid2": "Route artikel 7, lid 2"}.get(name, f"Route {name}")
        out.append(f'<section class="zc-route zc-{tone}"><h4><span aria-hidden="true">{icon}</span> '
                   f'{escape(title)}: {word}</h4>{_conditions(ctx, route.get("conditions", []), None)}</section>')
    return "".join(out)


def _table(caption: str, headers: list[str], rows: list[tuple[str, list[str]]], table_class: str,
           title_cols: tuple[int, ...] = (0,)) -> str:
    """A result table for wide containers and the same rows as cards for narrow ones (one card per
    row: the row's title, then each column's header beside its value; calculator.css shows one of
    the two by the width of the result, so no table is wider than its container). ``rows`` holds
    (row id attribute or "", cells as HTML); the cells of ``title_cols``, joined by ". ", are a card's heading."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join(f"<tr{rid}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>" for rid, cells in rows)
    cards = []
    for _, cells in rows:
        heading = ". ".join(cells[i] for i in title_cols)
        fields = "".join(f"<div><dt>{escape(h)}</dt><dd>{c}</dd></div>"
                         for i, (h, c) in enumerate(zip(headers, cells)) if c and i not in title_cols)
        cards.append(f'<li class="zc-card"><p class="zc-card-title">{heading}</p><dl>{fields}</dl></li>')
    caption_html = f"<caption>{escape(caption)}</caption>" if caption else ""
    return (f'<div class="zc-table-wrap"><table class="{table_class}">{caption_html}<thead><tr>{head}</tr></thead>'
            f'<tbody>{body}</tbody></table></div>'
            f'<ol class="zc-cards" aria-label="{escape(caption or headers[0])}">{"".join(cards)}</ol>')


def _items(ctx: _Ctx, items: list[dict]) -> str:
    rows = []
    for item in items:
        allowed = item.get("allowed")
        word = "mag" if allowed else "mag niet"
        tone = "good" if allowed else "bad"
        rows.append(("", [escape(item.get("label") or item["id"]),
                          f'<span aria-hidden="true">{TONE_ICON[tone]}</span> {word}',
                          escape(item.get("explanation", "")), ctx.norm_link(item["norm"])]))
    return "<h3>Per soort informatie</h3>" + _table("", ["Informatie", "Delen?", "Waarom", "Norm"], rows, "zc-items")


def _timeline(result: dict) -> str:
    """SVG timeline of the purchasing year: one marker per deadline, shaped and coloured by kind."""
    year = result["purchasing_year"]
    start = dt.date(year, 1, 1)
    days = (dt.date(year + 1, 1, 1) - start).days
    width, left, right = 720, 10, 10
    span = width - left - right
    deadlines = [d for d in result["deadlines"] if d["date"].startswith(str(year))]

    def x(iso: str) -> float:
        return left + span * (dt.date.fromisoformat(iso) - start).days / days

    rows: list[float] = []
    marks = []
    for n, d in enumerate(deadlines, 1):
        px = x(d["date"])
        level = 0
        while level < len(rows) and px - rows[level] < 22:
            level += 1
        if level == len(rows):
            rows.append(px)
        else:
            rows[level] = px
        marks.append((n, d, px, level))
    height = 70 + 24 * max(1, len(rows))
    axis_y = 30
    parts = [f'<svg class="zc-timeline" viewBox="0 0 {width} {height}" role="img" '
             f'aria-labelledby="zc-timeline-title"><title id="zc-timeline-title">Tijdlijn {year}: '
             f'{len(deadlines)} data; dezelfde gegevens staan in de tabel eronder.</title>',
             f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" class="zc-axis"/>']
    for m in range(12):
        mx = x(dt.date(year, m + 1, 1).isoformat())
        parts.append(f'<line x1="{mx:.1f}" y1="{axis_y - 5}" x2="{mx:.1f}" y2="{axis_y + 5}" class="zc-axis"/>'
                     f'<text x="{mx + 3:.1f}" y="{axis_y - 10}" class="zc-month">{MONTHS[m]}</text>')
    today = result.get("today")
    if today and today.startswith(str(year)):
        tx = x(today)
        parts.append(f'<line x1="{tx:.1f}" y1="{axis_y - 18}" x2="{tx:.1f}" y2="{height - 4}" class="zc-today"/>'
                     f'<text x="{tx + 3:.1f}" y="{height - 6}" class="zc-today-label">vandaag</text>')
    for n, d, px, level in marks:
        y = axis_y + 22 + 24 * level
        kind = KIND_CLASS[d["kind"]]
        label = f"{n}. {date_nl(d['date'])}: {d['label']} ({KIND_NL[d['kind']]})"
        if d["non_working_day"]:
            label += f" — valt op {d['non_working_day']}"
        if d["kind"] == "regulation":
            shape = f'<rect x="{px - 6:.1f}" y="{y - 6}" width="12" height="12" class="zc-mark zc-{kind}"/>'
        elif d["kind"] == "guideline":
            shape = f'<circle cx="{px:.1f}" cy="{y}" r="6.5" class="zc-mark zc-{kind}"/>'
        else:
            shape = f'<path d="M{px:.1f} {y - 8} L{px + 8:.1f} {y} L{px:.1f} {y + 8} L{px - 8:.1f} {y} Z" class="zc-mark zc-{kind}"/>'
        flag = (f'<text x="{px + 7:.1f}" y="{y - 6}" class="zc-flag">!</text>' if d["non_working_day"] else "")
        parts.append(f'<g><title>{escape(label)}</title>'
                     f'<line x1="{px:.1f}" y1="{axis_y}" x2="{px:.1f}" y2="{y}" class="zc-stem"/>{shape}'
                     f'<text x="{px:.1f}" y="{y + 3.5}" class="zc-num">{n}</text>{flag}</g>')
    parts.append("</svg>")
    legend = ('<p class="zc-legend"><span class="zc-key zc-regelgeving-key">■ regelgeving</span> '
              '<span class="zc-key zc-richtsnoer-key">● richtsnoer</span> '
              '<span class="zc-key zc-streefdatum-key">◆ streefdatum</span> '
              '<span class="zc-key">! valt op een zaterdag, zondag of feestdag</span></p>')
    return "".join(parts) + legend


def _deadlines(ctx: _Ctx, result: dict) -> str:
    rows = []
    for n, d in enumerate(result["deadlines"], 1):
        flags = ""
        if d["non_working_day"]:
            flags += f'<br><span class="zc-flagtext">! valt op {escape(d["non_working_day"])}</span>'
        if d.get("atw_date"):
            flags += (f'<br><span class="zc-atw">naar analogie van de Atw (niet bindend): '
                      f'{escape(date_nl(d["atw_date"]))}</span>')
        days = ""
        if d.get("days_left") is not None and d["status"] == "open":
            days = f' ({days_left_nl(d["days_left"])})'
        kind = KIND_CLASS[d["kind"]]
        rows.append((f' id="zc-deadline-{escape(d["id"])}"',
                     [str(n), escape(date_nl(d["date"])) + flags, escape(d["label"]), ACTOR_NL[d["actor"]],
                      f'<span class="soort-{kind}">{KIND_NL[d["kind"]]}</span>',
                      STATUS_NL.get(d["status"], d["status"]) + days, ctx.norm_link(d["norm"])]))
    return (f'<h3>Data voor contractjaar {result["contract_year"]}</h3>' + _timeline(result) +
            _table("Alle data, op volgorde", ["#", "Datum", "Wat", "Wie", "Soort", "Status", "Norm"], rows,
                   "zc-deadlines", title_cols=(0, 1)))


def _next_steps(ctx: _Ctx, texts: tuple[str, ...]) -> str:
    """"Wat kunt u nu doen?": the steps of zorgcalc/next_steps.py, each ``{name}`` made a link."""
    if not texts:
        return ""

    def linked(text: str) -> str:
        return re.sub(r"\{([a-z-]+)\}", lambda m: ctx.link(*next_steps.LINKS[m[1]]), escape(text))

    return ('<div class="zc-next-steps"><h3>Wat kunt u nu doen?</h3><ol>' +
            "".join(f"<li>{linked(t)}</li>" for t in texts) + "</ol></div>")


def _heading(result: dict[str, Any]) -> tuple[str, str]:
    """The verdict's heading and tone, as the calculator declares them (its ``VERDICTS``)."""
    from .registry import calculators, load

    cid = result.get("calculator")
    verdict = load(cid).VERDICTS.get(result["verdict"]) if cid in calculators() else None
    return (verdict.heading, verdict.tone) if verdict else (str(result["verdict"]), "neutral")


def render(result: dict[str, Any], norms: dict[str, dict] | None = None, base: str = "",
           new_tab: bool = False) -> str:
    """The result panel's inner HTML for an envelope (result or error)."""
    ctx = _Ctx(norms or {}, base, new_tab)
    if not result.get("ok"):
        items = "".join(f'<li><a href="#{field_id(e["field"])}" data-field="{escape(e["field"])}" '
                        f'data-field-id="{field_id(e["field"])}">{escape(e["message"])}</a></li>'
                        for e in result.get("errors", []))
        return ('<div class="zc-verdict zc-bad"><p class="zc-verdict-title"><span aria-hidden="true">✗</span> '
                'De invoer is niet compleet of niet juist</p></div>'
                f'<ul class="zc-errors">{items}</ul>')
    title, tone = _heading(result)
    split = ""
    if "regulation" in result and "guidelines" in result:
        split = ('<ul class="zc-verdict-split">'
                 f'<li><span class="soort-regelgeving">Regelgeving</span> {REGULATION_NL[result["regulation"]]}</li>'
                 f'<li><span class="soort-richtsnoer">Richtsnoeren</span> {GUIDELINES_NL[result["guidelines"]]}</li></ul>')
    out = [f'<div class="zc-verdict zc-{tone}"><p class="zc-verdict-title"><span aria-hidden="true">'
           f'{TONE_ICON[tone]}</span> {escape(title)}</p>{split}<p>{escape(result["summary"])}</p></div>']
    if result.get("warnings"):
        out.append('<div class="zc-warnings"><h3>Let op</h3><ul>' +
                   "".join(f"<li>{escape(w)}</li>" for w in result["warnings"]) + "</ul></div>")
    if result.get("routes"):
        out.append(_routes(ctx, result["routes"]))
    in_routes = {c["label"] for r in (result.get("routes") or {}).values() for c in r.get("conditions", [])}
    rest = [c for c in result.get("conditions", []) if c["label"] not in in_routes]
    if rest:
        heading = ("Toetsing van uw gegevens" if result["calculator"] == "deadlines"
                   else "Overige voorwaarden" if in_routes else "Alle voorwaarden")
        out.append(_conditions(ctx, rest, heading))
    if result.get("items"):
        out.append(_items(ctx, result["items"]))
    if result["calculator"] == "deadlines" and result.get("deadlines"):
        out.append(_deadlines(ctx, result))
    if result.get("norms"):
        out.append('<h3>Normen waarop deze uitkomst rust</h3><ul class="zc-normlist">' +
                   "".join(f"<li>{ctx.norm_link(n)}</li>" for n in result["norms"]) + "</ul>")
    out.append(_next_steps(ctx, next_steps.steps(result, tone)))
    out.append(f'<p class="zc-disclaimer">{escape(result["disclaimer"])}</p>')
    return "".join(out)


def render_json(result_json: str, context_json: str) -> str:
    """Worker entry point: both arguments are JSON text."""
    context = json.loads(context_json)
    return render(json.loads(result_json), context.get("norms"), context.get("base", ""),
                  bool(context.get("new_tab")))
