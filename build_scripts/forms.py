"""The calculator forms, made from each calculator's declared ``QUESTIONS`` (zorgcalc/questions.py):
this module knows no calculator, holds no question text and names no input key.

The browser script (docs/assets/javascripts/calculator.js) reads a form back into JSON inputs from
the attributes alone: ``data-keys`` (the path as a JSON list of keys and row numbers, so the script
never parses a path), ``data-kind``, and on a list ``data-list-keys``. ``data-path`` is the same path
as text, the name an error in the result uses for the field.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from zorgcalc import dates
from zorgcalc.questions import (YES_NO_UNKNOWN, Question, Repeated, Section, concrete, field_id, get_path,
                                parse_path)
from zorgcalc.registry import load

# maxlength of the text inputs (issue 17): a name as long as the calculators accept
# (de_minimis.MAX_NAME_CHARS), a number as long as zorgcalc.numbers reads (MAX_TEXT_LENGTH).
# calculator-guard.js holds a link's state to the same caps.
MAX_TEXT_CHARS = 200
MAX_NUMBER_CHARS = 40

__all__ = ["field_id", "get_path", "render_form", "MAX_TEXT_CHARS", "MAX_NUMBER_CHARS", "BUTTON"]

# NL Design System components (the Utrecht component library's CSS, build_scripts/utrecht_css.py),
# as classes beside the zc-* ones the script and the tests select on; calculator.css sets their tokens.
FIELD = "utrecht-form-field"
LABEL = "utrecht-form-label"
DESCRIPTION = "utrecht-form-field-description"
DESCRIPTION_APART = f"{DESCRIPTION} {DESCRIPTION}--distanced"  # outside a form field: its own margins
ERROR = "utrecht-form-field-error-message utrecht-form-field__error-message"
FIELDSET = "utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
LEGEND = "utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend"
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
BUTTON = "utrecht-button utrecht-button--secondary-action"


def _help(q: Question, fid: str) -> str:
    return f'<p class="zc-help {DESCRIPTION}" id="{fid}-uitleg">{escape(q.help)}</p>' if q.help else ""


def _describedby(fid: str, has_help: bool, has_hint: bool = False) -> str:
    ids = ([f"{fid}-hint"] if has_hint else []) + ([f"{fid}-uitleg"] if has_help else []) + [f"{fid}-fout"]
    return " ".join(ids)


def _label(q: Question) -> str:
    """The question, with "(verplicht)" in words when the calculator cannot answer without it
    (NL Design System form field: a required field says so in its label, not by an asterisk)."""
    required = ' <span class="zc-required">(verplicht)</span>' if q.required else ""
    return f"{escape(q.label)}{required}"


def _hint(q: Question, fid: str) -> str:
    """The format hint between label and input (GOV.UK hint text): dates as people write them."""
    return f'<p class="zc-hint {DESCRIPTION}" id="{fid}-hint">{escape(dates.HINT)}</p>' if q.kind == "date" else ""


def _show_when(cond: tuple[str, tuple[str, ...]] | None) -> str:
    """Fields that only matter for some answers are hidden by the script for the others (and then
    not sent); without JavaScript they all show."""
    return f' data-show-when="{escape(cond[0])}={escape("|".join(cond[1]))}"' if cond else ""


def _keys(path: str, template: str | None = None) -> str:
    attrs = f' data-path="{escape(path)}" data-keys="{escape(json.dumps(parse_path(path)))}"'
    if template:  # a row's field: the script renumbers it from this template
        attrs += f' data-path-template="{escape(template.replace("[]", "[{i}]", 1))}"'
    return attrs


def _infer(q: Question) -> str:
    """A form-only choice picked from what a link's inputs hold (e.g. totals instead of a list)."""
    if not q.infer:
        return ""
    pairs = [[value, parse_path(key)] for value, key in q.infer]
    return f' data-infer="{escape(json.dumps(pairs))}"'


def render_field(q: Question, path: str, values: dict[str, Any], template: str | None = None) -> str:
    fid = field_id(path)
    value = get_path(values, path)
    if value is None and q.form_only:  # a calculator's own default is never pre-filled: it starts unanswered
        value = q.default
    help_html = _help(q, fid)
    hint = _hint(q, fid)
    described = _describedby(fid, bool(help_html), bool(hint))
    error = f'<p class="zc-field-error {ERROR}" id="{fid}-fout"></p>'
    keys = _keys(path, template) + (" data-form-only" if q.form_only else "") + (" data-private" if q.private else "")
    if q.kind in ("bool3", "choice", "multi"):
        options = YES_NO_UNKNOWN if q.kind == "bool3" else q.options
        if q.kind == "bool3":  # unanswered: no option chosen ("weet ik niet" is an answer)
            current = {True: "true", False: "false", None: None}.get(value)
        else:
            current = value
        itype = "checkbox" if q.kind == "multi" else "radio"
        control = ("utrecht-checkbox utrecht-checkbox--html-input" if itype == "checkbox"
                   else "utrecht-radio-button utrecht-radio-button--html-input")
        items = []
        for n, (opt, label) in enumerate(options):
            checked = (opt in (current or [])) if q.kind == "multi" else (opt == current)
            oid = f"{fid}-{n}"
            items.append(f'<label class="zc-option {LABEL} {LABEL}--{itype}" for="{oid}"><input class="{control}" '
                         f'type="{itype}" id="{oid}" '
                         f'name="{fid}" value="{escape(opt)}"{" checked" if checked else ""}> {escape(label)}</label>')
        kind = {"bool3": "bool3", "choice": "choice-radio", "multi": "multi"}[q.kind]
        default = "" if q.default is None or not q.form_only else f' data-default="{escape(json.dumps(q.default))}"'
        return (f'<fieldset class="zc-field zc-choice {FIELD} {FIELDSET}" '
                f'id="{fid}"{keys} data-kind="{kind}" '
                f'aria-describedby="{described}"{_show_when(q.shown_when)}{default}{_infer(q)}>'
                f'<legend class="{LEGEND}">'
                f'{_label(q)}</legend>'
                f'<div class="zc-options">{"".join(items)}</div>{help_html}{error}</fieldset>')
    if q.kind == "check":
        checked = " checked" if value is True else ""
        return (f'<div class="zc-field zc-check {FIELD} {FIELD}--checkbox"{_show_when(q.shown_when)}>'
                f'<input class="utrecht-checkbox utrecht-checkbox--html-input {FIELD}__input" type="checkbox" '
                f'id="{fid}"{keys} data-kind="check" aria-describedby="{described}"{checked}> '
                f'<label class="{LABEL} {LABEL}--checkbox {FIELD}__label" for="{fid}">{escape(q.label)}</label>'
                f'{help_html}{error}</div>')
    attrs = {
        "int": f'type="text" inputmode="numeric" autocomplete="off" maxlength="{MAX_NUMBER_CHARS}"',
        "text": f'type="text" autocomplete="off" maxlength="{MAX_TEXT_CHARS}"',
        # typed as people write dates (zorgcalc/dates.py reads them), not the browser's own format
        "date": f'type="text" autocomplete="off" spellcheck="false" maxlength="{MAX_NUMBER_CHARS}"',
        "money": f'type="text" inputmode="decimal" autocomplete="off" maxlength="{MAX_NUMBER_CHARS}"',
        "percent": f'type="text" inputmode="decimal" autocomplete="off" maxlength="{MAX_NUMBER_CHARS}"',
    }[q.kind]
    shown = "" if value is None else str(value)
    suffix = {"money": '<span class="zc-unit">euro</span>', "percent": '<span class="zc-unit">%</span>'}.get(q.kind, "")
    width = f" zc-{q.width}" if q.width else ""
    return (f'<div class="zc-field {FIELD}{width}"{_show_when(q.shown_when)}>'
            f'<div class="{FIELD}__label"><label class="{LABEL}" for="{fid}">{_label(q)}</label></div>{hint}'
            f'<span class="zc-input"><input class="{TEXTBOX}" {attrs} id="{fid}" name="{fid}"{keys} '
            f'data-kind="{q.kind}" value="{escape(shown)}" aria-describedby="{described}">{suffix}</span>'
            f'{help_html}{error}</div>')


def render_list(r: Repeated, values: dict[str, Any]) -> str:
    items = get_path(values, r.key) or []
    count = max(r.min_rows, len(items) if isinstance(items, list) else 0)
    rows = []
    for i in range(count):
        inner = []
        for q in r.questions:
            generic = f"{r.key}[]" + (f".{q.key}" if q.key else "")
            inner.append(render_field(q, concrete(generic, i), values, template=generic))
        rows.append(f'<div class="zc-row" data-row><p class="zc-row-label" data-row-label="{escape(r.row_label)}">'
                    f'{escape(r.row_label)} {i + 1}</p>{"".join(inner)}'
                    f'<button type="button" class="zc-button {BUTTON} zc-remove" data-remove-row>Verwijder</button></div>')
    fid = field_id(r.key)
    help_html = f'<p class="zc-help {DESCRIPTION_APART}">{escape(r.help)}</p>' if r.help else ""
    return (f'<div class="zc-list" id="{fid}" data-list="{escape(r.key)}" '
            f'data-list-keys="{escape(json.dumps(parse_path(r.key)))}">{help_html}{"".join(rows)}'
            f'<p class="zc-field-error {ERROR}" id="{fid}-fout"></p>'
            f'<button type="button" class="zc-button {BUTTON}" data-add-row>{escape(r.add_label)}</button></div>')


def _norm_links(ids: tuple[str, ...], norms: dict[str, dict], base: str) -> str:
    if not ids:
        return ""
    links = ", ".join(f'<a href="{escape(base + norms[i]["url"])}">{escape(norms[i]["title"])}</a>'
                      for i in ids if i in norms)
    return f'<p class="zc-help {DESCRIPTION_APART} zc-group-norms">Norm: {links}</p>'


def render_form(calculator: str, values: dict[str, Any], norms: dict[str, dict] | None = None, base: str = "") -> str:
    """The form of a calculator's ``QUESTIONS``; ``norms`` (id -> url, title) and ``base`` link each
    section to its norms."""
    sections: tuple[Section, ...] = load(calculator).QUESTIONS
    groups = []
    for g in sections:
        body = "".join(render_list(f, values) if isinstance(f, Repeated) else render_field(f, f.key, values)
                       for f in g.questions)
        intro = (f'<p class="zc-group-intro">{escape(g.intro)}</p>' if g.intro else "") + _norm_links(g.norms, norms or {}, base)
        fieldset = f'<fieldset class="zc-group"{_show_when(g.shown_when)}><legend>{escape(g.legend)}</legend>{intro}{body}</fieldset>'
        if g.collapsed:
            filled = any(get_path(values, f.key) not in (None, "", [], {}) for f in g.questions)
            fieldset = (f'<details class="zc-more"{" open" if filled else ""}><summary>{escape(g.legend)}</summary>'
                        f'{fieldset}</details>')
        groups.append(fieldset)
    # GOV.UK error summary (WCAG 3.3.1), as an NL Design System alert: filled and focused by
    # calculator.js when a result names fields in error, each message a link to its field
    summary = (f'<div class="zc-error-summary" id="zc-fouten-{escape(calculator)}" tabindex="-1" hidden>'
               f'<div role="alert" class="utrecht-alert utrecht-alert--error"><div class="utrecht-alert__message">'
               f'<h2 class="zc-error-summary-title">Er is een probleem</h2>'
               f'<ul class="zc-error-summary-list"></ul></div></div></div>')
    return (f'<form class="zc-form" novalidate aria-label="Invoer">{summary}{"".join(groups)}'
            f'<noscript><p class="zc-help {DESCRIPTION_APART}">Zonder JavaScript rekent deze pagina niet mee; de uitkomst hieronder '
            'hoort bij een leeg formulier.</p></noscript>'
            f'<button type="submit" class="zc-button {BUTTON} zc-submit">Bereken</button></form>')
