"""Renderings of a deadlines result: plain Dutch text, and an RFC 5545 calendar.

Pure functions of the result envelope. `icalendar` is imported inside `to_ics` only, so the
calculator itself runs on the standard library (and in Pyodide without it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .dutch import date_nl

# The one place the site's address is written; the norm register resolves `/normen/#<id>`.
SITE_URL = "https://zorgcontracteringsregels.nl"

STATUS_NL = {"met": "gehaald", "missed": "gemist", "open": "open", "not-applicable": "niet van toepassing"}
KIND_NL = {"regulation": "regelgeving (bindend)", "guideline": "richtsnoer (niet handhaafbaar)",
           "target": "richtpunt (geen harde deadline)"}
ACTOR_NL = {"insurer": "zorgverzekeraar", "provider": "zorgaanbieder", "both": "beide partijen"}
VERDICT_NL = {"compliant": "alles op tijd", "non-compliant": "niet alles op tijd",
              "open": "nog open"}
CONTRACTING_NL = {"face-to-face": "face-to-face contractering", "digital": "digitale contractering"}


def norm_url(norm_id: str) -> str:
    """Canonical link to a norm box in the site's norm register."""
    return f"{SITE_URL}/normen/#{norm_id}"


def _require_result(result: dict[str, Any]) -> None:
    if not result.get("ok") or "deadlines" not in result:
        raise ValueError("to_text/to_ics expect a successful deadlines result envelope")


def to_text(result: dict[str, Any]) -> str:
    """Plain Dutch text: the calendar, the checks, the warnings and the disclaimer."""
    _require_result(result)
    lines = [
        f"Deadlines zorgcontractering voor contractjaar {result['contract_year']} "
        f"({CONTRACTING_NL[result['contracting']]}); de data vallen in {result['purchasing_year']}.",
        f"Uitkomst: {VERDICT_NL.get(result['verdict'], result['verdict'])}. {result['summary']}",
        "",
        "Deadlines:",
    ]
    for d in result["deadlines"]:
        day = dt.date.fromisoformat(d["date"])
        extra = []
        if d["non_working_day"]:
            extra.append(f"valt op: {d['non_working_day']}")
        if d["atw_date"]:
            extra.append(f"Atw naar analogie (niet bindend): {date_nl(dt.date.fromisoformat(d['atw_date']))}")
        if d["days_left"] is not None:
            extra.append(f"dagen over: {d['days_left']}")
        tail = f" [{'; '.join(extra)}]" if extra else ""
        lines.append(f"- {date_nl(day, weekday=True)}: {d['label']} — {ACTOR_NL[d['actor']]}, "
                     f"{KIND_NL[d['kind']]}; status: {STATUS_NL[d['status']]}{tail}")
        lines.append(f"  Bron: {d['citation']} — {norm_url(d['norm'])}")
        if d.get("explanation"):
            lines.append(f"  {d['explanation']}")
    if result["conditions"]:
        lines += ["", "Toetsing van de ingevulde data:"]
        for c in result["conditions"]:
            mark = {True: "voldaan", False: "niet voldaan", None: "nog niet te beoordelen"}[c["met"]]
            lines.append(f"- [{mark}] {c['label']}: {c['explanation']} ({norm_url(c['norm'])})")
    if result["warnings"]:
        lines += ["", "Let op:"]
        lines += [f"! {w}" for w in result["warnings"]]
    lines += ["", result["disclaimer"]]
    return "\n".join(lines) + "\n"


def to_ics(result: dict[str, Any]) -> str:
    """An RFC 5545 calendar: one all-day event per deadline, each linking to its norm(s)."""
    _require_result(result)
    from icalendar import Calendar, Event  # lazy: only the calendar export needs icalendar

    cal = Calendar()
    cal.add("prodid", "-//zorgcontracteringsregels.nl//zorgcalc deadlines//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Deadlines zorgcontractering {result['contract_year']}")
    today = result.get("today")
    stamp = (dt.datetime.combine(dt.date.fromisoformat(today), dt.time(0, 0), tzinfo=dt.timezone.utc)
             if today else dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
    for d in result["deadlines"]:
        day = dt.date.fromisoformat(d["date"])
        event = Event()
        event.add("uid", f"{d['id']}-{result['contract_year']}-{result['contracting']}"
                         f"@zorgcontracteringsregels.nl")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", f"{d['label']} ({ACTOR_NL[d['actor']]})")
        parts = [f"{KIND_NL[d['kind']]}. Bron: {d['citation']}."]
        if d.get("explanation"):
            parts.append(d["explanation"])
        if d["non_working_day"]:
            parts.append(f"Deze datum valt op: {d['non_working_day']} (gemarkeerd, niet verschoven).")
        if d["atw_date"]:
            parts.append("Naar analogie van de Algemene termijnenwet (niet bindend): "
                         f"{date_nl(dt.date.fromisoformat(d['atw_date']))}.")
        parts += [f"Norm: {norm_url(n)}" for n in d.get("norms", [d["norm"]])]
        parts.append(result["disclaimer"])
        event.add("description", "\n".join(parts))
        event.add("url", norm_url(d["norm"]))
        event.add("categories", [KIND_NL[d["kind"]]])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")
