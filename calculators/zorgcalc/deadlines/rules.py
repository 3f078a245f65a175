"""One function per legal condition of Regeling TH/NR-038 and the richtsnoeren.

Each returns a ``Condition`` (id, Dutch label, met, norm id, Dutch explanation): the verdict is a
fold over these, so the "why" on the page is the object the verdict came from. `met` is None when
the outcome cannot be known yet (a term still running, or a fact not given).

Periods run from the day of receipt: received on day D, a term of N days ends at the end of D + N
(docs-dev/domain-rules.md, conventions). An act on the last day is in time.
"""

from __future__ import annotations

import datetime as dt

from ..envelope import Condition
from . import params
from .dutch import date_nl, days_nl


def term_end(received: dt.date, days: int) -> dt.date:
    """Last day of a term of `days` days that starts on the day of receipt `received`."""
    return received + dt.timedelta(days=days)


def _running(deadline: dt.date, today: dt.date | None, what: str, basis: str) -> str:
    """Explanation for a term without a recorded act: still running, or passed. A passed date
    with nothing entered proves nothing either way, so it asks for the date instead."""
    if today is None or today <= deadline:
        return (f"Nog niet ingevuld wanneer {what}; de termijn ({basis}) loopt tot en met "
                f"{date_nl(deadline)}.")
    return (f"De termijn ({basis}) liep tot en met {date_nl(deadline)}. Er is niet ingevuld wanneer "
            f"{what}: vul die datum in om te toetsen of de termijn is gehaald.")


def policy_published_on_time(published_on: dt.date, deadline: dt.date) -> Condition:
    """Art. 4 TH/NR-038: the purchasing policy and procedure are published "uiterlijk op 1 april"
    before the contract year."""
    met = published_on <= deadline
    late = "" if met else f", {days_nl((published_on - deadline).days)} te laat"
    return Condition(
        id="policy",
        label=f"Zorginkoopbeleid uiterlijk {params.POLICY.describe_date()} bekendgemaakt",
        met=met,
        norm=params.POLICY.norms[0],
        explanation=f"Bekendgemaakt op {date_nl(published_on)}; uiterste datum {date_nl(deadline)}{late}.",
    )


def policy_change_motivated_if_needed(changed_on: dt.date, cutoff: dt.date,
                                      motivated: bool | None) -> Condition:
    """Art. 8 TH/NR-038: a change is published the same way as the policy; a change *after* 1 April
    is motivated when published. A change published on 1 April itself needs no motivation."""
    label = f"Wijziging van het zorginkoopbeleid na {params.POLICY.describe_date()} gemotiveerd"
    if changed_on <= cutoff:
        return Condition("policy-change", label, True, params.POLICY_CHANGE_NORMS[0],
                         f"Gewijzigd op {date_nl(changed_on)}, niet na {date_nl(cutoff)}: "
                         "een motivering is niet vereist (wel bekendmaking op dezelfde wijze).")
    if motivated is None:
        explanation = (f"Gewijzigd op {date_nl(changed_on)}, na {date_nl(cutoff)}: de wijziging moet bij "
                       "bekendmaking worden gemotiveerd. Vul in of dat is gebeurd.")
    elif motivated:
        explanation = (f"Gewijzigd op {date_nl(changed_on)}, na {date_nl(cutoff)}, en bij bekendmaking "
                       "gemotiveerd.")
    else:
        explanation = (f"Gewijzigd op {date_nl(changed_on)}, na {date_nl(cutoff)}, zonder motivering; "
                       "art. 8 vereist een motivering bij bekendmaking.")
    return Condition("policy-change", label, motivated, params.POLICY_CHANGE_NORMS[0], explanation)


def strategy_requested_in_time(requested_on: dt.date | None, request_deadline: dt.date,
                               agreed_deadline: dt.date | None) -> bool | None:
    """Richtsnoer 1 applies only when the insurer asks by 1 April, or when the parties agreed a
    date for sharing (an agreed date is "leidend"). None: not known whether it was asked."""
    if agreed_deadline is not None:
        return True
    if requested_on is None:
        return None
    return requested_on <= request_deadline


def strategy_shared_on_time(requested_on: dt.date | None, shared_on: dt.date | None,
                            request_deadline: dt.date, default_deadline: dt.date,
                            agreed_deadline: dt.date | None, today: dt.date | None) -> Condition:
    """Richtsnoer 1: the provider leading the regional transition shares its strategic policy by
    1 June, only when the insurer asked by 1 April; an agreed other date prevails."""
    label = "Strategisch beleid op tijd gedeeld (richtsnoer 1)"
    applies = strategy_requested_in_time(requested_on, request_deadline, agreed_deadline)
    deadline = agreed_deadline or default_deadline
    basis = "de afgesproken datum" if agreed_deadline else params.STRATEGY.describe_date()
    if applies is False:
        assert requested_on is not None
        return Condition("strategy", label, True, params.STRATEGY.norms[0],
                         f"Gevraagd op {date_nl(requested_on)}, na {date_nl(request_deadline)}: "
                         f"richtsnoer 1 is dan niet van toepassing en er geldt geen deadline van {params.STRATEGY.describe_date()} "
                         "(tenzij partijen een datum afspreken).")
    if shared_on is None:
        if applies is None:
            return Condition("strategy", label, None, params.STRATEGY.norms[0],
                             "Niet ingevuld of en wanneer de zorgverzekeraar om het strategisch beleid "
                             f"heeft gevraagd; richtsnoer 1 geldt alleen bij een verzoek uiterlijk {params.STRATEGY_REQUEST.describe_date()}.")
        return Condition("strategy", label, None, params.STRATEGY.norms[0],
                         _running(deadline, today, "het strategisch beleid is gedeeld",
                                  "afgesproken datum" if agreed_deadline else "richtsnoer 1"))
    in_time = shared_on <= deadline
    text = f"Gedeeld op {date_nl(shared_on)}; uiterste datum ({basis}) {date_nl(deadline)}"
    if applies:
        return Condition("strategy", label, in_time, params.STRATEGY.norms[0], text + ("." if in_time else ": te laat."))
    # Not known whether the insurer asked by 1 April: on time either way, late only if it asked.
    if in_time:
        return Condition("strategy", label, True, params.STRATEGY.norms[0],
                         text + ": op tijd, of richtsnoer 1 nu van toepassing is of niet.")
    return Condition("strategy", label, None, params.STRATEGY.norms[0],
                     text + ". Dat is te laat als de zorgverzekeraar uiterlijk "
                     f"{date_nl(request_deadline)} om het strategisch beleid vroeg; anders geldt "
                     "richtsnoer 1 niet. Vul in wanneer de zorgverzekeraar erom vroeg.")


def offer_submitted_on_time(submitted_on: dt.date, deadline: dt.date,
                            agreed_deadline: dt.date | None) -> Condition:
    """Art. 6 lid 1 TH/NR-038: the provider offers its first real offer by 1 October before the
    contract year, "tenzij de zorgaanbieder en zorgverzekeraar onderling anders hebben afgesproken":
    an agreed other deadline prevails, earlier or later."""
    effective = agreed_deadline or deadline
    met = submitted_on <= effective
    basis = (f"de afgesproken datum {date_nl(effective)} (gaat voor {params.OFFER.describe_date()})" if agreed_deadline
             else date_nl(effective))
    late = "" if met else f"; {days_nl((submitted_on - effective).days)} te laat"
    return Condition(
        id="offer",
        label="Eerste reële offerte op tijd aangeboden",
        met=met,
        norm=params.OFFER.norms[0],
        explanation=f"Aangeboden op {date_nl(submitted_on)}; uiterste datum {basis}{late}.",
    )


def proposal_sent_on_time(sent_on: dt.date, deadline: dt.date, agreed_deadline: dt.date | None,
                          intends_to_contract: bool | None) -> Condition:
    """Art. 6 lid 2 TH/NR-038: in digital contracting the insurer that intends to contract offers
    its contract proposal by 1 October. Lid 2 has no "unless agreed": an agreed later date does not
    excuse a late proposal."""
    label = f"Contractvoorstel uiterlijk {params.PROPOSAL.describe_date()} aangeboden"
    if intends_to_contract is False:
        return Condition("proposal", label, True, params.PROPOSAL.norms[0],
                         "De zorgverzekeraar is niet voornemens te contracteren: art. 6 lid 2 geldt dan niet.")
    met: bool | None = sent_on <= deadline
    text = f"Aangeboden op {date_nl(sent_on)}; uiterste datum {date_nl(deadline)}"
    text += "." if met else f"; {days_nl((sent_on - deadline).days)} te laat."
    if agreed_deadline is not None and not met:
        text += (f" De afgesproken datum {date_nl(agreed_deadline)} verandert dat niet: art. 6 lid 2 "
                 "kent geen uitzondering voor afspraken.")
    if not met and intends_to_contract is None:
        met = None
        text += (" Dat telt alleen als de zorgverzekeraar voornemens is met deze zorgaanbieder te "
                 "contracteren: vul dat in.")
    return Condition("proposal", label, met, params.PROPOSAL.norms[0], text)


def sent_by_deadline_from_receipt(cid: str, label: str, norm: str, what: str, sent_field: str,
                                  received: dt.date, deadline: dt.date,
                                  applies: bool | None = True) -> Condition:
    """Art. 6 lid 1 and 2 TH/NR-038 judged from the receipt date alone: what arrived by the
    deadline was offered by it; what arrived later may still have been offered in time, so the
    one date that settles it is asked for."""
    if received <= deadline:
        return Condition(cid, label, True, norm,
                         f"{what} is ontvangen op {date_nl(received)}, dus uiterlijk dan aangeboden; uiterste "
                         f"datum {date_nl(deadline)}: op tijd.")
    when = "" if applies else " (en of de regel hier geldt)"
    return Condition(cid, label, None, norm,
                     f"{what} is ontvangen op {date_nl(received)}, na de uiterste datum {date_nl(deadline)}: "
                     f"mogelijk te laat aangeboden. Vul in wanneer het is aangeboden ({sent_field}){when} "
                     "om dit te toetsen.")


def reply_period_respected(received: dt.date | None, reply_by: dt.date | None,
                           agreed_days: int | None) -> Condition:
    """Art. 7 TH/NR-038: the provider gets at least four weeks from receipt of the contract
    proposal to study it and ask questions, unless the parties agreed otherwise."""
    period = params.PROPOSAL_PERIOD
    days = agreed_days if agreed_days is not None else period.days
    basis = f"afgesproken {days_nl(days)}" if agreed_days is not None else f"ten minste {period.describe()}"
    label = "Reactietermijn contractvoorstel lang genoeg"
    if received is None or reply_by is None:
        missing = "de ontvangstdatum" if received is None else "de uiterste reactiedatum"
        return Condition("proposal-period", label, None, params.PROPOSAL_PERIOD.norms[0],
                         f"Vul ook {missing} van het contractvoorstel in om de termijn ({basis}) te toetsen.")
    given = (reply_by - received).days
    met = given >= days
    return Condition("proposal-period", label, met, params.PROPOSAL_PERIOD.norms[0],
                     f"Ontvangen op {date_nl(received)}, reageren uiterlijk {date_nl(reply_by)}: "
                     f"{days_nl(given)}; vereist {basis}" + ("." if met else ": te kort."))


def offer_reacted_within_period(received: dt.date, reacted_on: dt.date | None,
                                agreed_days: int | None, today: dt.date | None) -> Condition:
    """Art. 7 TH/NR-038: where the provider offers, the insurer reacts within at most six weeks
    from receipt of the offer, unless the parties agreed otherwise."""
    period = params.OFFER_PERIOD
    days = agreed_days if agreed_days is not None else period.days
    basis = f"afgesproken {days_nl(days)}" if agreed_days is not None else f"ten hoogste {period.describe()}"
    deadline = term_end(received, days)
    label = "Zorgverzekeraar reageert op tijd op de offerte"
    if reacted_on is None:
        return Condition("offer-period", label, None, params.PROPOSAL_PERIOD.norms[0],
                         _running(deadline, today, "de zorgverzekeraar heeft gereageerd", basis))
    taken = (reacted_on - received).days
    met = taken <= days
    return Condition("offer-period", label, met, params.PROPOSAL_PERIOD.norms[0],
                     f"Offerte ontvangen op {date_nl(received)}, gereageerd op {date_nl(reacted_on)}: "
                     f"na {days_nl(taken)}; toegestaan {basis}, tot en met {date_nl(deadline)}"
                     + ("." if met else ": te laat."))


def question_answered_in_time(received: dt.date, answered_on: dt.date | None,
                              notice_on: dt.date | None, agreed_days: int | None,
                              today: dt.date | None) -> Condition:
    """Art. 5 lid 4 and 5 TH/NR-038: a question or remark gets a clear answer within two weeks of
    receipt, or another term the parties agreed (lid 4). If no answer can be given in two weeks and
    no other term was agreed, a motivated notice within those two weeks says when the answer comes
    (lid 5). With an agreed term lid 5 does not apply, so a notice does not replace the answer."""
    period = params.QUESTION_PERIOD
    days = agreed_days if agreed_days is not None else period.days
    deadline = term_end(received, days)
    basis = f"afgesproken {days_nl(days)}" if agreed_days is not None else period.describe()
    label = "Vraag of opmerking op tijd beantwoord (of gemotiveerd uitgesteld)"
    head = f"Ontvangen op {date_nl(received)}; termijn {basis}, tot en met {date_nl(deadline)}. "
    if answered_on is not None and answered_on <= deadline:
        return Condition("question", label, True, params.QUESTION_PERIOD.norms[0],
                         head + f"Beantwoord op {date_nl(answered_on)}: op tijd.")
    if notice_on is not None and notice_on <= deadline and agreed_days is None:
        return Condition("question", label, True, params.QUESTION_PERIOD.norms[0],
                         head + f"Op {date_nl(notice_on)} binnen de termijn laten weten wanneer het "
                         "antwoord komt; dat voldoet als die mededeling gemotiveerd is en de nieuwe "
                         "termijn niet langer is dan strikt nodig (lid 5).")
    if answered_on is not None:
        extra = ""
        if notice_on is not None and notice_on <= deadline:
            extra = (" Er was een mededeling binnen de termijn, maar bij een afgesproken termijn geldt "
                     "lid 5 niet.")
        return Condition("question", label, False, params.QUESTION_PERIOD.norms[0],
                         head + f"Beantwoord op {date_nl(answered_on)}: "
                         f"{days_nl((answered_on - deadline).days)} te laat.{extra}")
    if notice_on is not None:
        if agreed_days is not None:
            return Condition("question", label, None, params.QUESTION_PERIOD.norms[0],
                             head + "Bij een afgesproken termijn geldt lid 5 niet: een mededeling "
                             "vervangt het antwoord niet. Vul in wanneer de vraag is beantwoord.")
        return Condition("question", label, False, params.QUESTION_PERIOD.norms[0],
                         head + f"De mededeling van {date_nl(notice_on)} kwam na de termijn van {params.QUESTION_PERIOD.words()}.")
    return Condition("question", label, None, params.QUESTION_PERIOD.norms[0],
                     _running(deadline, today, "de vraag is beantwoord", basis))
