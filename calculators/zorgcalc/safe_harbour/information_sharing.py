"""Which information may be shared, per context (docs-dev/domain-rules.md §7).

Providers may share e.g. total current capacity, the expected regional care need and public
information, not what they compete on (cost prices, tariffs, price intentions, strategic plans
about work areas). Branch organisations may advise on non-competitive subjects and explain public
information, never pass on competitively sensitive information or steer members' individual
contracting. Cooperating insurers exchange only what is strictly necessary for the permitted
cooperation. The rulings are data in ``information_catalogue``.
"""

from __future__ import annotations

from typing import Any

from ..envelope import Condition, all_met, result_envelope
from ..questions import Question, Section
from ..spec import Example, Page, Verdict
from .common import INCOMPLETE, Errors, add_norms, field_label, join_nl, read_choice, render_text, unknown_inputs_warning
from .information_catalogue import BY_ID, CATALOGUE, CONTEXT_NORM, CONTEXTS

ID = "information-sharing"
DESCRIPTION = "Informatie delen met concurrenten: wat mag wel en wat niet (zorgaanbieders, brancheorganisaties, verzekeraars)"
NORM_IDS = frozenset({rule.norm for item in CATALOGUE for rule in item.rules.values()} | set(CONTEXT_NORM.values()))
PAGE = Page("informatie-delen", "Welke informatie mag u delen?", order=70)
VERDICTS = {
    "allowed": Verdict("Toegestaan", "mag gedeeld worden", "good"),
    "not-allowed": Verdict("Niet toegestaan", "niet alles mag gedeeld worden", "bad"),
    "incomplete": INCOMPLETE,
}
_TOPICS = tuple((item.id, item.label) for item in CATALOGUE)
CONTEXT = Question("context", "choice", "Wie deelt de informatie?", options=tuple(CONTEXTS.items()))
ITEMS = Question("items", "multi", "Welke informatie wilt u delen of bespreken?", help="Kies een of meer onderwerpen.",
                 options=_TOPICS)
NECESSARY = Question("strictly_necessary", "multi", "Welke daarvan zijn strikt noodzakelijk voor de toegestane samenwerking?",
                     help="Alleen voor samenwerkende zorgverzekeraars.", options=_TOPICS,
                     shown_when=(CONTEXT.key, ("insurers-cooperating",)))
QUESTIONS = (
    Section("Wie deelt?", (CONTEXT,)),
    Section("Welke informatie?", (ITEMS, NECESSARY)),
)


def _item_list(inputs: dict[str, Any], key: str, errors: Errors, *, required: bool) -> list[str]:
    raw = inputs.get(key)
    known = ", ".join(f'"{i.id}"' for i in CATALOGUE)
    if raw is None:
        if required:
            errors.add(key, f"Kies minstens één onderwerp uit: {known}.")
        return []
    if not isinstance(raw, list):
        errors.add(key, f"Geef een lijst met onderwerpen, bijvoorbeeld [\"total-capacity\"]. Mogelijk: {known}.")
        return []
    if required and not raw:
        errors.add(key, f"Kies minstens één onderwerp uit: {known}.")
    ids: list[str] = []
    for i, value in enumerate(raw):
        if isinstance(value, str) and value in BY_ID:
            if value not in ids:
                ids.append(value)
        else:
            errors.add(f"{key}[{i}]", f"Onbekend onderwerp. Kies uit: {known}.")
    return ids


def sharing_allowed(item_id: str, context: str, strictly_necessary: bool) -> Condition:
    """One catalogue ruling as a condition: may this item be shared in this context?"""
    item = BY_ID[item_id]
    rule = item.rules[context]
    if rule.ruling == "allowed":
        met, text = True, rule.reason
    elif rule.ruling == "not-allowed":
        met, text = False, rule.reason
    elif strictly_necessary:
        met, text = True, (rule.reason + " U geeft aan dat dit strikt noodzakelijk is; ga na of de samenwerking zelf "
                                         "is toegestaan (rekenhulp 'insurers').")
    else:
        met, text = False, rule.reason + " U heeft niet aangegeven dat dit strikt noodzakelijk is."
    return Condition(f"item-{item_id}", item.label, met, rule.norm, text)


def compute(inputs: dict[str, Any]) -> dict[str, Any]:
    """Allowed when every chosen item may be shared in the chosen context."""
    errors = Errors()
    context = read_choice(inputs, CONTEXT.key, field_label(CONTEXT), CONTEXTS, errors)
    ids = _item_list(inputs, ITEMS.key, errors, required=False)
    necessary = _item_list(inputs, NECESSARY.key, errors, required=False)
    if context is not None and context != "insurers-cooperating" and necessary:
        errors.add(NECESSARY.key, "‘Strikt noodzakelijk’ geldt alleen voor samenwerkende zorgverzekeraars (context "
                                         "\"insurers-cooperating\").")
    errors.raise_if_any()
    if context is None or not ids:  # nothing to judge yet: no verdict
        missing = join_nl([w for w, absent in (("wie de informatie deelt", context is None),
                                               ("welke informatie", not ids)) if absent])
        return result_envelope(ID, "incomplete", f"Nog niet te beoordelen: kies {missing}.", [],
                               unknown_inputs_warning(inputs, QUESTIONS), {"context": context, "items": []})

    conditions = [sharing_allowed(i, context, i in necessary) for i in ids]
    verdict = "allowed" if all_met(conditions) else "not-allowed"
    where = CONTEXTS[context]
    if verdict == "allowed":
        summary = f"Deze informatie mag worden gedeeld {where}."
    else:
        bad = [c.label.lower() for c in conditions if not c.met]
        summary = f"Niet delen {where}: {join_nl(bad)}."
    warnings = []
    if context == "insurers-cooperating":
        warnings.append("Verzekeraars mogen alleen concurrentiegevoelige informatie uitwisselen die strikt noodzakelijk is voor "
                        "een toegestane vorm van samenwerking (NMa-Informatiekaart, ca. 2011).")
    if context == "branch-organisation":
        warnings.append("Een brancheorganisatie mag adviseren over niet-concurrentiegevoelige onderwerpen en openbare informatie "
                        "toelichten, maar geen concurrentiegevoelige informatie delen of de contractering van haar leden sturen.")
    warnings += unknown_inputs_warning(inputs, QUESTIONS)
    items = [{"id": i, "label": c.label, "allowed": bool(c.met), "norm": c.norm, "explanation": c.explanation}
             for i, c in zip(ids, conditions)]
    env = result_envelope(ID, verdict, summary, conditions, warnings, {"context": context, "items": items})
    return add_norms(env, [CONTEXT_NORM[context]])


def to_text(result: dict[str, Any]) -> str:
    return render_text(result, VERDICTS)


DEFAULT_INPUTS: dict[str, Any] = {}

EXAMPLES = [
    Example("Jeugdhulpaanbieders bespreken capaciteit en kostprijzen", {
        "context": "providers", "items": ["total-capacity", "expected-demand", "cost-prices"]}),
    Example("Wijkverpleging deelt openbare kwaliteitscijfers", {
        "context": "providers", "items": ["public-information", "quality-indicators-public"]}),
    Example("Brancheorganisatie adviseert leden over minimale indexatie", {
        "context": "branch-organisation", "items": ["regulation-explanation", "minimum-indexation-advice"]}),
    Example("Verzekeraars onderhandelen samen over prijzen en delen tarieven", {
        "context": "insurers-cooperating", "items": ["tariffs", "expected-demand"], "strictly_necessary": ["tariffs"]}),
    Example("Aanbieders stemmen werkgebieden af", {"context": "providers", "items": ["strategic-plans-areas", "tariffs"]}),
]
