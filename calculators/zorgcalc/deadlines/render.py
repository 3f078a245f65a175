"""Renderings of a deadlines result: plain Dutch text, and an RFC 5545 calendar.

Pure functions of the result envelope. `icalendar` is imported inside `to_ics` only, so the
calculator itself runs on the standard library (and in Pyodide without it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..spec import Verdict
from .dutch import date_nl, days_left_nl

# The one place the site's address is written; the norm register resolves `/normen/#<id>`.
SITE_URL = "https://zorgcontracteringsregels.nl"

STATUS_NL = {"met": "gehaald", "missed": "niet gehaald", "open": "open",
             "passed-unknown": "verstreken, niets ingevuld", "passed": "verstreken (richtpunt)",
             "not-applicable": "niet van toepassing"}
KIND_NL = {"regulation": "regelgeving (bindend)", "guideline": "richtsnoer (niet handhaafbaar)",
           "target": "richtpunt (geen harde deadline)"}
ACTOR_NL = {"insurer": "zorgverzekeraar", "provider": "zorgaanbieder", "both": "beide partijen"}
VERDICTS = {
    "compliant": Verdict("Op tijd: alle ingevulde stappen voldoen aan regelgeving en richtsnoeren",
                         "alle ingevulde stappen op tijd", "good"),
    "non-compliant": Verdict("Regelgeving niet nageleefd: minstens één bindende termijn is niet gehaald",
                             "regelgeving niet nageleefd (minstens één bindende termijn niet gehaald)", "bad"),
    "guidelines-not-followed": Verdict("Geen bindende termijn overschreden, maar een richtsnoer is niet gevolgd",
                                       "regelgeving nageleefd voor zover ingevuld, maar een richtsnoer niet gevolgd",
                                       "caution"),
    "open": Verdict("Nog open: nog niets te toetsen, een termijn loopt nog of een antwoord ontbreekt", "nog open",
                    "neutral"),
}
# Neutral calendar titles: what falls due that day, for whichever party keeps the calendar.
ICS_SUMMARY = {
    "policy": "Uiterste datum: zorginkoopbeleid bekendgemaakt (zorgverzekeraar)",
    "strategy-request": "Uiterste datum: verzoek om strategisch beleid (zorgverzekeraar, richtsnoer 1)",
    "strategy": "Uiterste datum: strategisch beleid gedeeld, als erom gevraagd is (zorgaanbieder, richtsnoer 1)",
    "methods": "Uiterste datum: afspraken over benchmarking en volumeprognoses (richtsnoer 3)",
    "offer-parts": "Uiterste datum: onderdelen van de offerte (zorgaanbieder, richtsnoer 5)",
    "offer": "Uiterste datum: eerste reële offerte (zorgaanbieder)",
    "proposal": "Uiterste datum: contractvoorstel (zorgverzekeraar)",
    "change-overview": "Uiterste datum: overzicht van wijzigingen bij het contractvoorstel (zorgverzekeraar, richtsnoer 6)",
    "proposal-period": "Vroegst toegestane uiterste reactiedatum voor het contractvoorstel",
    "offer-period": "Uiterste datum: reactie van de zorgverzekeraar op de offerte",
    "question": "Uiterste datum: antwoord op vraag of opmerking, of gemotiveerd bericht",
    "target": "Richtpunt: contractering afgerond (geen harde deadline)",
    "transparency": "Vanaf vandaag: bekendmaken met wie een contract is gesloten (richtsnoeren 9 en 10)",
}
REMINDER_DAYS = 7  # the VALARM fires a week before each date
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
        f"Uitkomst: {VERDICTS[result['verdict']].label}. {result['summary']}",
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
            extra.append(days_left_nl(d["days_left"]))
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


def _ahead(result: dict[str, Any], today: dt.date) -> list[dict[str, Any]]:
    """The deadlines a calendar should hold: still ahead and applying, not already settled, and
    not a past act (a policy change is an event, not a deadline)."""
    return [d for d in result["deadlines"]
            if dt.date.fromisoformat(d["date"]) >= today and d["id"] in ICS_SUMMARY
            and d["status"] not in ("not-applicable", "met", "missed")]


def to_ics(result: dict[str, Any], today: dt.date | None = None) -> str:
    """An RFC 5545 calendar of what still lies ahead (from `today`: the result's peildatum, else
    the date of the machine), one all-day event with a reminder a week before, linking its norms.
    No "nog N dagen" text: a calendar entry must stay true after the day it was made."""
    _require_result(result)
    from icalendar import Alarm, Calendar, Event  # lazy: only the calendar export needs icalendar

    given = result.get("today")
    today = today or (dt.date.fromisoformat(given) if given else dt.date.today())
    cal = Calendar()
    cal.add("prodid", "-//zorgcontracteringsregels.nl//zorgcalc deadlines//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Deadlines zorgcontractering {result['contract_year']}")
    stamp = dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.timezone.utc)
    for d in _ahead(result, today):
        cal.add_component(_event(Event, Alarm, result, d, stamp))
    return cal.to_ical().decode("utf-8")


def _event(Event: Any, Alarm: Any, result: dict[str, Any], d: dict[str, Any], stamp: dt.datetime) -> Any:
    day = dt.date.fromisoformat(d["date"])
    event = Event()
    event.add("uid", f"{d['id']}-{result['contract_year']}-{result['contracting']}@zorgcontracteringsregels.nl")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", ICS_SUMMARY[d["id"]])
    parts = [f"{d['label']} ({ACTOR_NL[d['actor']]}).", f"{KIND_NL[d['kind']]}. Bron: {d['citation']}."]
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
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Over een week: {ICS_SUMMARY[d['id']]}")
    alarm.add("trigger", dt.timedelta(days=-REMINDER_DAYS))
    event.add_component(alarm)
    return event
