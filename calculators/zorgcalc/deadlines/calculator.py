"""The `deadlines` calculator: every contracting deadline for a contract year, and checks of the
dates a user fills in (Regeling TH/NR-038, NZa richtsnoeren, IZA; see params.py for sources).

Public interface (zorgcalc/spec.py): ID, DESCRIPTION, PAGE, QUESTIONS (declared in inputs.py),
VERDICTS, compute, EXAMPLES, DEFAULT_INPUTS, NORM_IDS, STATUSES, to_text, to_ics.

Decisions (docs-dev/domain-rules.md §1): dates on a Saturday, Sunday or Atw holiday are flagged, never
shifted; the optional "Atw naar analogie" date is labelled as not binding. Periods run from the
day of receipt: received on day D, two weeks end at the end of D + 14.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from ..envelope import DISCLAIMER, Condition, fold_kind, result_envelope, split_verdict
from ..parameters import Parameter
from ..spec import Page
from . import atw, atw_data, params, rules
from .dutch import date_nl
from .inputs import DEFAULT_INPUTS, EXAMPLES, QUESTIONS, Inputs, parse  # noqa: F401  (the interface)
from .render import SITE_URL, VERDICTS, norm_url, to_ics, to_text

__all__ = [
    "ID", "DESCRIPTION", "PAGE", "QUESTIONS", "VERDICTS", "compute", "EXAMPLES", "DEFAULT_INPUTS", "NORM_IDS",
    "to_text", "to_ics", "SITE_URL", "norm_url", "STATUSES",
]

ID = "deadlines"
DESCRIPTION = ("Deadlines van de zorgcontractering per contractjaar (Regeling TH/NR-038, "
               "NZa-richtsnoeren, IZA), met toets van uw eigen data")
PAGE = Page("termijnen", "Termijnen zorgcontractering", order=10)

NORM_IDS: frozenset[str] = params.ALL_NORM_IDS

ACTOR_NL = {"insurer": "zorgverzekeraar", "provider": "zorgaanbieder", "both": "beide partijen"}

# Tie-break for deadlines on the same date: the order in which the process runs.
ORDER = ("policy", "strategy-request", "policy-change", "strategy", "methods", "offer-parts",
         "offer", "proposal", "change-overview", "proposal-period", "offer-period", "question",
         "target", "transparency")

DEADLINES_DISCLAIMER = (
    DISCLAIMER + " Toegepast: de Regeling transparantie zorgcontractering Zvw (TH/NR-038) en de "
    "richtsnoeren zoals weergegeven in de Handvatten Zorgcontractering van de NZa van 1 maart 2026, "
    "en voor de markering van weekenden en feestdagen de Algemene termijnenwet."
)


def _count(p: Parameter[int], one: str, many: str) -> str:
    """"twee werkdagen": a count parameter in words, as the law writes it."""
    n = p.at()
    return f"{params.NUMBER_WORDS.get(n, str(n))} {one if n == 1 else many}"


@dataclass
class Deadline:
    """One row of the calendar; `basis` says where the date came from: the regulation's calendar
    ("calendar"), an agreement between the parties ("agreed") or a date the user gave ("event")."""

    id: str
    date: dt.date
    kind: str
    actor: str
    label: str
    norms: tuple[str, ...]
    citation: str
    basis: str
    explanation: str = ""
    status: str | None = None  # set by `build`: one of STATUSES
    days_left: int | None = None
    non_working_day: str | None = None
    atw_date: dt.date | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "kind": self.kind,
            "actor": self.actor,
            "label": self.label,
            "norm": self.norms[0],
            "non_working_day": self.non_working_day,
            "atw_date": self.atw_date.isoformat() if self.atw_date else None,
            "status": self.status or "open",
            "days_left": self.days_left,
            "norms": list(self.norms),
            "citation": self.citation,
            "basis": self.basis,
            "explanation": self.explanation,
        }


# What a row's status says. "met" and "missed" only ever rest on a date the user entered.
STATUSES: dict[str, str] = {
    "met": "gehaald, volgens de ingevulde datum",
    "missed": "niet gehaald, volgens de ingevulde datum",
    "open": "nog open: de datum ligt nog voor u, of het is niet bekend of deze regel hier geldt",
    "passed-unknown": "de datum is verstreken, maar er is niets ingevuld: niet te beoordelen",
    "passed": "richtpunt verstreken (een richtpunt kan niet worden gemist)",
    "not-applicable": "niet van toepassing, volgens de ingevulde gegevens",
}

# What binds each condition, from the row it checks (a richtsnoer is not enforceable).
KIND_OF: dict[str, str] = (
    {fd.id: fd.kind for fd in params.FIXED_DEADLINES}
    | {p.id: p.kind for p in params.PERIODS}
    | {"policy-change": "regulation"}
)


def _status_from(met: bool | None) -> str | None:
    return {True: "met", False: "missed", None: None}[met]


def _calendar_status(date: dt.date, today: dt.date | None, kind: str) -> tuple[str, str]:
    """Status of a deadline without a recorded act: open until the date; after it, a target is
    passed and anything else is "passed-unknown", never "missed": nothing entered proves nothing."""
    if today is None or today <= date:
        return "open", ""
    if kind == "target":
        return "passed", "Het richtpunt is verstreken."
    return "passed-unknown", ("De datum is verstreken. Er is niet ingevuld of en wanneer dit is gebeurd, "
                              "dus of de datum is gehaald, is niet te zeggen.")


def _fixed(fd: params.FixedDeadline, inp: Inputs) -> Deadline:
    return Deadline(id=fd.id, date=fd.date_for(inp.contract_year), kind=fd.kind, actor=fd.actor,
                    label=fd.label, norms=fd.norms, citation=fd.source.cite(), basis="calendar")


def _period_row(period: params.Period, received: dt.date, agreed_days: int | None,
                label: str) -> Deadline:
    days = agreed_days if agreed_days is not None else period.days
    return Deadline(id=period.id, date=rules.term_end(received, days), kind=period.kind,
                    actor=period.actor, label=label, norms=period.norms,
                    citation=period.source.cite(),
                    basis="agreed" if agreed_days is not None else "event")


@dataclass
class _Fold:
    """What the rules build up: calendar rows by id, checks and warnings in order, and per
    condition the date of the act and its row (for the Atw note on late acts)."""

    rows: dict[str, Deadline] = field(default_factory=dict)
    conditions: list[Condition] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    acts: dict[str, tuple[dt.date, str]] = field(default_factory=dict)


def _calendar_rows(inp: Inputs, f: _Fold) -> None:
    """The calendar rows of the chosen form (TH/NR-038, richtsnoeren, IZA) from params."""
    for fd in params.FIXED_DEADLINES:
        if inp.contracting not in fd.applies_to:
            continue
        if fd.id in ("proposal", "change-overview") and inp.insurer_intends_to_contract is False:
            continue
        if fd.id == params.OFFER.id and inp.offer_applies is None and inp.contracting == "digital":
            continue  # digital: the insurer proposes; an offer only when answered or dated
        f.rows[fd.id] = _fixed(fd, inp)


def _policy_published(inp: Inputs, f: _Fold) -> None:
    """Art. 4 TH/NR-038: the purchasing policy is published by 1 April."""
    ev = inp.events
    policy_date = params.POLICY.date_for(inp.contract_year)
    if ev.policy_published_on:
        f.conditions.append(rules.policy_published_on_time(ev.policy_published_on, policy_date))
        f.acts["policy"] = (ev.policy_published_on, "policy")


def _policy_changed(inp: Inputs, f: _Fold) -> None:
    """Art. 8 TH/NR-038: a change is published the same way, and motivated after 1 April."""
    ev = inp.events
    policy_date = params.POLICY.date_for(inp.contract_year)
    if ev.policy_changed_on:
        cond = rules.policy_change_motivated_if_needed(
            ev.policy_changed_on, params.POLICY_CHANGE_MOTIVATION_AFTER.date_for(inp.contract_year),
            inp.policy_change_motivated)
        f.conditions.append(cond)
        needs = ev.policy_changed_on > policy_date
        f.rows["policy-change"] = Deadline(
            id="policy-change", date=ev.policy_changed_on, kind="regulation", actor="insurer",
            label="Wijziging van het zorginkoopbeleid bekendgemaakt, op dezelfde wijze "
                  + (f"en gemotiveerd (na {params.POLICY.describe_date()})" if needs
                     else f"(op of vóór {params.POLICY.describe_date()}: geen motivering nodig)"),
            norms=params.POLICY_CHANGE_NORMS, citation=params.POLICY_CHANGE_SOURCE.cite(),
            basis="event", explanation=cond.explanation,
            status=_status_from(cond.met) or "open")  # an act, not a deadline: never "missed" by date


def _strategy_shared(inp: Inputs, f: _Fold) -> None:
    """Richtsnoer 1: the strategic policy by 1 June, only when asked by 1 April; an agreed date prevails."""
    ev = inp.events
    ag = inp.agreed
    today = inp.today
    request_deadline = params.STRATEGY_REQUEST.date_for(inp.contract_year)
    applies = rules.strategy_requested_in_time(inp.strategy_requested_on, request_deadline,
                                               ag.strategy_deadline)
    req_row, strat_row = f.rows["strategy-request"], f.rows["strategy"]
    if ag.strategy_deadline:
        strat_row.date, strat_row.basis = ag.strategy_deadline, "agreed"
        strat_row.explanation = f"Afgesproken datum; die gaat voor {params.STRATEGY.describe_date()} (richtsnoer 1). "
    if inp.strategy_requested_on:
        on_time = inp.strategy_requested_on <= request_deadline
        # A request is the trigger of richtsnoer 1, not a duty: a late one is no miss.
        req_row.status = "met" if on_time else "not-applicable"
        req_row.explanation = f"Gevraagd op {date_nl(inp.strategy_requested_on)}."
        if not on_time and not ag.strategy_deadline:
            req_row.explanation += (f" Dat is na {date_nl(request_deadline)}: richtsnoer 1 is niet van "
                                    "toepassing.")
    if inp.strategy_requested_on or ev.strategy_shared_on or ag.strategy_deadline:
        cond = rules.strategy_shared_on_time(inp.strategy_requested_on, ev.strategy_shared_on,
                                             request_deadline,
                                             params.STRATEGY.date_for(inp.contract_year),
                                             ag.strategy_deadline, today)
        f.conditions.append(cond)
        if ev.strategy_shared_on:
            f.acts["strategy"] = (ev.strategy_shared_on, "strategy")
    if applies is False:
        strat_row.status = "not-applicable"
        strat_row.explanation = (f"Niet gevraagd vóór of op {date_nl(request_deadline)}: richtsnoer 1 is niet "
                                 "van toepassing.")
    elif ev.strategy_shared_on:
        strategy_cond = next(c for c in f.conditions if c.id == "strategy")
        strat_row.status = _status_from(strategy_cond.met) or "open"
        strat_row.explanation += f"Gedeeld op {date_nl(ev.strategy_shared_on)}."
    elif applies is None:
        # Not known whether the insurer asked: applicability open, so no status by the calendar.
        for row in (req_row, strat_row):
            row.status = "open"
            row.explanation = (f"Niet ingevuld of de zorgverzekeraar uiterlijk {date_nl(request_deadline)} om "
                               "het strategisch beleid vroeg; richtsnoer 1 geldt alleen dan.")
    for row in (req_row, strat_row):
        row.explanation += (" Geldt alleen voor zorgaanbieders die voor deze zorgverzekeraar leidend "
                            "zijn voor de transitieopgave in de regio.")


def _methods_agreed(inp: Inputs, f: _Fold) -> None:
    """Richtsnoer 3: methods agreed by 1 September, only if a method is used."""
    if "methods" in f.rows:
        methods_row = f.rows["methods"]
        if inp.methods_used is False:
            methods_row.status = "not-applicable"
            methods_row.explanation = ("Er wordt geen benchmarking of volumeprognose gebruikt: richtsnoer 3 "
                                       "is niet van toepassing.")
        elif inp.methods_used is None:
            methods_row.status = "open"
            methods_row.explanation = ("Geldt alleen als benchmarking of volumeprognoses worden gebruikt; "
                                       "niet ingevuld.")


def _offer_parts_agreed(inp: Inputs, f: _Fold) -> None:
    """Richtsnoer 5: the parts of the offer that do not depend on September's information by
    1 September, "tenzij anders afgesproken": an agreed date prevails."""
    agreed = inp.agreed.offer_parts_deadline
    if inp.offer_applies is False and params.OFFER_PARTS.id in f.rows:
        row = f.rows[params.OFFER_PARTS.id]
        row.status = "not-applicable"
        row.explanation = "De zorgaanbieder biedt in deze sector geen offerte aan: richtsnoer 5 is niet van toepassing."
    elif agreed and params.OFFER_PARTS.id in f.rows:
        row = f.rows[params.OFFER_PARTS.id]
        row.date, row.basis = agreed, "agreed"
        row.explanation = f"Afgesproken datum; die gaat voor {params.OFFER_PARTS.describe_date()} (richtsnoer 5). "
    elif agreed:
        f.warnings.append("Richtsnoer 5 (onderdelen van de offerte) geldt bij face-to-face contracteren; de "
                          "afgesproken datum daarvoor is bij digitaal contracteren niet gebruikt.")


def _offer(inp: Inputs, f: _Fold) -> None:
    """Art. 6 lid 1 TH/NR-038: "In sectoren waarbij de zorgaanbieder een offerte aanbiedt", the first
    real offer by 1 October, "tenzij ... onderling anders hebben afgesproken"."""
    ev = inp.events
    ag = inp.agreed
    if params.OFFER.id not in f.rows:
        if ag.offer_deadline:
            f.warnings.append("Het veld agreed.offer_deadline telt alleen als de zorgaanbieder een offerte aanbiedt "
                              "(art. 6 lid 1) en is niet gebruikt.")
        return
    offer_row = f.rows[params.OFFER.id]
    if inp.offer_applies is False:
        offer_row.status = "not-applicable"
        offer_row.explanation = ("De zorgaanbieder biedt in deze sector geen offerte aan: artikel 6 lid 1 is niet "
                                 "van toepassing.")
        return
    if ag.offer_deadline:
        offer_row.date, offer_row.basis = ag.offer_deadline, "agreed"
        offer_row.explanation = (f"Afgesproken datum; die gaat voor {params.OFFER.describe_date()} "
                                 "(art. 6 lid 1: tenzij anders afgesproken).")
    if ev.offer_submitted_on:
        f.conditions.append(rules.offer_submitted_on_time(
            ev.offer_submitted_on, params.OFFER.date_for(inp.contract_year), ag.offer_deadline))
        f.acts["offer"] = (ev.offer_submitted_on, "offer")
    elif ev.offer_received_on:
        f.conditions.append(rules.sent_by_deadline_from_receipt(
            "offer", "Eerste reële offerte op tijd aangeboden", params.OFFER.norms[0], "De offerte",
            "Eerste reële offerte aangeboden op", ev.offer_received_on,
            ag.offer_deadline or params.OFFER.date_for(inp.contract_year)))
        f.acts["offer"] = (ev.offer_received_on, "offer")
    if inp.offer_applies is None:
        # applicability not known: no status by the calendar (as richtsnoer 3 without an answer)
        offer_row.status = "open"
        offer_row.explanation = (offer_row.explanation + " Geldt in sectoren waarin de zorgaanbieder een offerte "
                                 "aanbiedt; bij face-to-face contracteren is dat gebruikelijk, maar het is niet "
                                 "ingevuld.").strip()


def _proposal(inp: Inputs, f: _Fold) -> None:
    """Art. 6 lid 2 TH/NR-038 (digital): the contract proposal by 1 October; no "unless agreed"."""
    ev = inp.events
    ag = inp.agreed
    if inp.contracting != "digital":
        if ev.proposal_sent_on:
            f.warnings.append("Het veld events.proposal_sent_on telt alleen bij digitale contractering "
                              "(art. 6 lid 2) en is niet getoetst.")
        if ag.proposal_deadline:
            f.warnings.append("Het veld agreed.proposal_deadline telt alleen bij digitale contractering "
                              "en is niet gebruikt.")
        return
    if ev.proposal_sent_on:
        f.conditions.append(rules.proposal_sent_on_time(
            ev.proposal_sent_on, params.PROPOSAL.date_for(inp.contract_year), ag.proposal_deadline,
            inp.insurer_intends_to_contract))
        f.acts["proposal"] = (ev.proposal_sent_on, "proposal")
    elif ev.proposal_received_on and inp.insurer_intends_to_contract is not False:
        f.conditions.append(rules.sent_by_deadline_from_receipt(
            "proposal", f"Contractvoorstel uiterlijk {params.PROPOSAL.describe_date()} aangeboden", params.PROPOSAL.norms[0],
            "Het contractvoorstel", "Contractvoorstel aangeboden op", ev.proposal_received_on,
            params.PROPOSAL.date_for(inp.contract_year), inp.insurer_intends_to_contract))
        f.acts["proposal"] = (ev.proposal_received_on, "proposal")
    if ag.proposal_deadline:
        f.warnings.append(
            f"Er is een andere datum voor het contractvoorstel afgesproken ({date_nl(ag.proposal_deadline)}). "
            f"Art. 6 lid 2 kent geen 'tenzij anders overeengekomen': de deadline van {params.PROPOSAL.describe_date()} blijft "
            "gelden en een afspraak maakt een later voorstel niet tijdig.")
    if inp.insurer_intends_to_contract is False:
        f.warnings.append("De zorgverzekeraar is niet voornemens te contracteren: de deadline voor het "
                        "contractvoorstel (art. 6 lid 2) en richtsnoer 6 gelden dan niet.")
    elif inp.insurer_intends_to_contract is None and "proposal" in f.rows:
        f.rows["proposal"].explanation = ("Alleen als de zorgverzekeraar voornemens is met deze "
                                        "zorgaanbieder te contracteren (niet ingevuld).")


def _proposal_period(inp: Inputs, f: _Fold) -> None:
    """Art. 7 TH/NR-038: at least four weeks to reply to a contract proposal."""
    ev = inp.events
    ag = inp.agreed
    if ev.proposal_received_on or ev.proposal_reply_by:
        cond = rules.reply_period_respected(ev.proposal_received_on, ev.proposal_reply_by,
                                            ag.proposal_period_days)
        f.conditions.append(cond)
        if ev.proposal_received_on:
            row = _period_row(params.PROPOSAL_PERIOD, ev.proposal_received_on, ag.proposal_period_days,
                              "Uiterste reactiedatum voor het contractvoorstel mag niet eerder liggen dan "
                              f"deze dag (ten minste {params.PROPOSAL_PERIOD.words()} na ontvangst, tenzij anders afgesproken)")
            row.explanation = cond.explanation
            # A minimum the insurer must grant: it is never "missed" by the calendar alone.
            row.status = _status_from(cond.met) or "open"
            f.rows[row.id] = row


def _offer_period(inp: Inputs, f: _Fold) -> None:
    """Art. 7 TH/NR-038: the insurer reacts to an offer within six weeks."""
    ev = inp.events
    ag = inp.agreed
    today = inp.today
    if ev.offer_received_on:
        cond = rules.offer_reacted_within_period(ev.offer_received_on, ev.offer_reacted_on,
                                                 ag.offer_period_days, today)
        f.conditions.append(cond)
        row = _period_row(params.OFFER_PERIOD, ev.offer_received_on, ag.offer_period_days,
                          "Zorgverzekeraar reageert uiterlijk op deze dag op de offerte "
                          f"(ten hoogste {params.OFFER_PERIOD.words()} na ontvangst, tenzij anders afgesproken)")
        row.explanation = cond.explanation
        row.status = _status_from(cond.met)  # None: from the calendar below
        f.rows[row.id] = row
        if ev.offer_reacted_on:
            f.acts["offer-period"] = (ev.offer_reacted_on, "offer-period")
    elif ev.offer_reacted_on:
        f.conditions.append(Condition("offer-period", "Zorgverzekeraar reageert op tijd op de offerte", None,
                                    params.OFFER_PERIOD.norms[0],
                                    "Vul ook de ontvangstdatum van de offerte in om de termijn te toetsen."))


def _question_answered(inp: Inputs, f: _Fold) -> None:
    """Art. 5 lid 4 and 5 TH/NR-038: a question answered within two weeks, or a motivated notice."""
    ev = inp.events
    ag = inp.agreed
    today = inp.today
    if ev.question_received_on:
        cond = rules.question_answered_in_time(ev.question_received_on, ev.question_answered_on,
                                               ev.question_notice_on, ag.question_period_days, today)
        f.conditions.append(cond)
        row = _period_row(params.QUESTION_PERIOD, ev.question_received_on, ag.question_period_days,
                          "Vraag of opmerking uiterlijk op deze dag beantwoorden, of gemotiveerd laten weten "
                          f"wanneer het antwoord komt ({params.QUESTION_PERIOD.words()} na ontvangst, tenzij anders afgesproken)")
        row.explanation = cond.explanation
        row.status = _status_from(cond.met)  # None: from the calendar below
        f.rows[row.id] = row
        act = ev.question_answered_on or ev.question_notice_on
        if act:
            f.acts["question"] = (act, "question")
    elif ev.question_answered_on or ev.question_notice_on:
        f.conditions.append(Condition("question", "Vraag of opmerking op tijd beantwoord (of gemotiveerd "
                                    "uitgesteld)", None, params.QUESTION_PERIOD.norms[0],
                                    "Vul ook de ontvangstdatum van de vraag in om de termijn te toetsen."))


def _statuses(inp: Inputs, f: _Fold) -> None:
    """Each row's status: from the check of an act, else from the calendar; never missed by date alone."""
    today = inp.today
    by_id = {c.id: c for c in f.conditions}
    for rid in ("policy", "offer", "proposal"):
        if rid in f.rows and rid in f.acts:
            f.rows[rid].status = _status_from(by_id[rid].met) or "open"
            f.rows[rid].explanation = (f.rows[rid].explanation + " " + by_id[rid].explanation).strip()
    for row in f.rows.values():
        if row.status is not None:
            continue
        if row.id == "transparency":
            row.status = "open"
            if today is not None and today >= row.date:
                row.explanation = (f"Deze richtsnoeren gelden vanaf {date_nl(row.date)}: sindsdien bekendmaken; "
                                   "niet te toetsen met deze rekenhulp.")
            continue
        status, note = _calendar_status(row.date, today, row.kind)
        row.status = status
        if note and row.id not in ("offer-period", "question"):  # these explain themselves
            row.explanation = (row.explanation + " " + note).strip()

    if inp.today is not None:
        for row in f.rows.values():
            row.days_left = (row.date - inp.today).days


def _flags_and_atw(inp: Inputs, f: _Fold) -> None:
    """Flag non-working days; with atw_analogy, the next working day, never binding (domain rules §1)."""
    ev = inp.events
    ag = inp.agreed
    for row in f.rows.values():
        row.non_working_day = atw.non_working_day(row.date)
    if inp.atw_analogy:
        received_for = {"proposal-period": (ev.proposal_received_on, ag.proposal_period_days, params.PROPOSAL_PERIOD),
                        "offer-period": (ev.offer_received_on, ag.offer_period_days, params.OFFER_PERIOD),
                        "question": (ev.question_received_on, ag.question_period_days, params.QUESTION_PERIOD)}
        for row in f.rows.values():
            if row.id in received_for:
                received, agreed_days, period = received_for[row.id]
                assert received is not None
                if agreed_days is not None:
                    outcome = atw.analogous_term_end(received, agreed_days, "days")
                else:
                    outcome = atw.analogous_term_end(received, period.amount, period.unit)
            elif row.id in ("policy-change", "transparency"):
                continue
            else:
                outcome = atw.analogous_fixed_date(row.date)
            row.atw_date = outcome.date
            if outcome.date is not None or row.non_working_day:
                row.explanation = (row.explanation + " " + outcome.explanation).strip()
        # A late act that would be in time naar analogie: say so, without changing the verdict.
        for i, cond in enumerate(f.conditions):
            if cond.met is False and cond.id in f.acts:
                act, rid = f.acts[cond.id]
                row = f.rows.get(rid)
                if row and row.atw_date and row.date < act <= row.atw_date:
                    f.conditions[i] = replace(cond, explanation=cond.explanation + (
                        f" Naar analogie van de Algemene termijnenwet zou dit nog op tijd zijn "
                        f"(tot en met {date_nl(row.atw_date)}), maar dat is niet bindend."))


# The fold: one step per article or richtsnoer, in the order the process runs; then the statuses
# (which read every check) and the weekend flags (which read every row).
STEPS = (_calendar_rows, _policy_published, _policy_changed, _strategy_shared, _methods_agreed,
         _offer_parts_agreed, _offer, _proposal, _proposal_period, _offer_period, _question_answered, _statuses,
         _flags_and_atw)


def build(inp: Inputs) -> tuple[list[Deadline], list[Condition], list[str]]:
    """The calendar rows, the checks and the warnings for validated inputs: a fold of STEPS."""
    f = _Fold()
    for step in STEPS:
        step(inp, f)
    conditions = [replace(c, kind=KIND_OF[c.id]) for c in f.conditions]
    ordered = sorted(f.rows.values(), key=lambda r: (r.date, ORDER.index(r.id)))
    return ordered, conditions, _warnings(inp, ordered) + f.warnings


def _warnings(inp: Inputs, rows: list[Deadline]) -> list[str]:
    out: list[str] = []
    if inp.contract_year < params.FIRST_CONTRACT_YEAR_UNDER_TH_NR_038:
        out.append(
            f"Voor contractjaar {inp.contract_year} kan (deels) de voorganger van deze regeling gelden, "
            f"de Regeling {params.PREDECESSOR_REGULATION} (geldig tot en met "
            f"{date_nl(params.PREDECESSOR_VALID_UNTIL)}). De data hier volgen TH/NR-038; controleer welke "
            "regeling toen gold.")
    if any(r.kind == "guideline" and r.basis == "calendar" and r.date < params.GUIDELINES_VERSION_DATE
           for r in rows):
        out.append(
            "De richtsnoeren komen uit de Handvatten Zorgcontractering van "
            f"{date_nl(params.GUIDELINES_VERSION_DATE)}. Voor data vóór die dag golden eerdere versies, "
            "met mogelijk andere richtsnoeren.")
    ids = {r.id for r in rows}
    if ids & {"offer", "proposal"}:
        out.append(
            "Art. 6 lid 3 van de Regeling TH/NR-038 bevat volgens de NZa een uitzonderingsbepaling bij de "
            f"deadline van {params.OFFER.describe_date()}. De inhoud daarvan staat niet in de bron van deze rekenhulp en is niet "
            "verwerkt: raadpleeg de regeling zelf.")
    out.append(
        f"{params.TARGET.describe_date()} is een richtpunt uit het Integraal Zorgakkoord om de contractering af te ronden, geen "
        "harde deadline: de NZa handhaaft er niet op, en lopende onderhandelingen mogen daarna worden "
        "afgerond.")
    flagged = {r.date: r.non_working_day for r in rows if r.non_working_day}
    if flagged:
        listed = "; ".join(f"{date_nl(day)} ({name})" for day, name in flagged.items())
        out.append(
            f"Op een zaterdag, zondag of feestdag vallen: {listed}. Deze data zijn gemarkeerd, niet "
            "verschoven: de Algemene termijnenwet geldt voor termijnen in een wet of AMvB, niet voor een "
            "regeling van de NZa of een afspraak tussen partijen, en de NZa heeft hierover niets bekendgemaakt.")
    if inp.atw_analogy:
        out.append(
            "U vroeg om de weergave 'Atw naar analogie': die toont de eerstvolgende werkdag (art. 1 Atw) en "
            f"de verlenging tot ten minste {_count(atw_data.MIN_WORKING_DAYS, 'werkdag', 'werkdagen')} (art. 2 Atw; "
            f"niet bij termijnen van meer dan {_count(atw_data.MAX_TERM['weeks'], 'week', 'weken')}, art. 4). "
            "Dit is niet bindend: ga uit van de datum zelf.")
    missing_years = sorted({r.date.year for r in rows if not atw.decree_covers(r.date.year)})
    if missing_years:
        years = ", ".join(str(y) for y in missing_years)
        out.append(
            f"Voor {years} zijn in deze rekenhulp geen dagen opgenomen die bij besluit met een feestdag zijn "
            "gelijkgesteld (art. 3 lid 3 Atw); zulke dagen worden dan niet gemarkeerd.")
    return out


def _summary(inp: Inputs, verdict: str, conditions: list[Condition], rows: list[Deadline]) -> str:
    upcoming = [r for r in rows if inp.today is None or r.date >= inp.today]
    upcoming = [r for r in upcoming if r.status == "open"] or upcoming
    nxt = upcoming[0] if upcoming else None
    next_text = ""
    if nxt is not None and (inp.today is not None or not conditions):
        word = "Eerstvolgende" if inp.today is not None else "Eerste deadline"
        next_text = (f" {word}: {date_nl(nxt.date)}, {nxt.label[0].lower()}{nxt.label[1:]} "
                     f"({ACTOR_NL[nxt.actor]}).")
    failed_reg = [c.label.lower() for c in conditions if c.met is False and c.kind == "regulation"]
    failed_guide = [c.label.lower() for c in conditions if c.met is False and c.kind == "guideline"]
    pending = [c.label.lower() for c in conditions if c.met is None]
    parts: list[str] = []
    if failed_reg:
        parts.append(f"Regelgeving niet nageleefd: {'; '.join(failed_reg)}.")
    if failed_guide:
        parts.append(f"Richtsnoer niet gevolgd (niet handhaafbaar): {'; '.join(failed_guide)}.")
    if pending:
        parts.append(f"Nog niet te beoordelen: {'; '.join(pending)}.")
    if verdict == "compliant":
        parts.append("Alle ingevulde stappen voldoen aan de termijnen.")
    if parts:
        return " ".join(parts) + (" Zie de toelichting per punt." if failed_reg or failed_guide else "") + next_text
    if nxt is None:
        return (f"Alle deadlines voor contractjaar {inp.contract_year} liggen achter u; vul data in om te "
                "toetsen of ze zijn gehaald.")
    return (f"Deadlines voor contractjaar {inp.contract_year} ({'face-to-face' if inp.contracting == 'face-to-face' else 'digitale'} "
            f"contractering) vallen in {inp.purchasing_year}. Vul in wat er al gebeurde om het te toetsen.{next_text}")


def compute(inputs: dict[str, Any]) -> dict[str, Any]:
    """Validate `inputs`, build the calendar and the checks, and return the result envelope.

    Raises InvalidInput (turned into an error envelope by `run`) for bad input."""
    inp = parse(inputs)
    rows, conditions, warnings = build(inp)
    regulation = fold_kind(conditions, "regulation", "breached", "met")
    guidelines = fold_kind(conditions, "guideline", "not-followed", "followed")
    verdict = split_verdict(regulation, guidelines)
    env = result_envelope(
        ID, verdict, _summary(inp, verdict, conditions, rows), conditions, warnings,
        extra={
            "regulation": regulation,
            "guidelines": guidelines,
            "contract_year": inp.contract_year,
            "purchasing_year": inp.purchasing_year,
            "contracting": inp.contracting,
            "atw_analogy": inp.atw_analogy,
            "today": inp.today.isoformat() if inp.today else None,
            "deadlines": [r.as_dict() for r in rows],
        },
        disclaimer=DEADLINES_DISCLAIMER,
    )
    for row in rows:
        for norm in row.norms:
            if norm not in env["norms"]:
                env["norms"].append(norm)
    return env
