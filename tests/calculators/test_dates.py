"""Dates as people type them (zorgcalc/dates.py), read by the deadlines calculator: one test per
accepted form and one per refused form, each refusal with the Dutch message that names the field."""

from __future__ import annotations

import datetime as dt

import pytest

from zorgcalc import run
from zorgcalc.dates import DateError, parse_date

OCTOBER_3 = dt.date(2026, 10, 3)
FIELD = "events.offer_submitted_on"
LABEL = "Eerste reële offerte aangeboden op"


def offer_on(text: str) -> dict:
    return run("deadlines", {"contract_year": 2027, "contracting": "face-to-face",
                             "events": {"offer_submitted_on": text}})


def message_for(text: str) -> str:
    result = offer_on(text)
    assert not result["ok"], f"{text!r} was accepted"
    [error] = result["errors"]
    assert error["field"] == FIELD
    assert error["message"].startswith(LABEL + ": "), "the message names the question"
    return error["message"]


@pytest.mark.parametrize("text", [
    pytest.param("3-10-2026", id="day-month-year-with-dashes"),
    pytest.param("03-10-2026", id="leading-zeros"),
    pytest.param("3/10/2026", id="slashes"),
    pytest.param("3.10.2026", id="dots"),
    pytest.param("3 oktober 2026", id="month-in-words"),
    pytest.param("3 Oktober 2026", id="month-with-capital"),
    pytest.param("3 okt 2026", id="month-shortened"),
    pytest.param("3 okt. 2026", id="month-shortened-with-point"),
    pytest.param("zaterdag 3 oktober 2026", id="with-its-weekday"),
    pytest.param("za 3 okt 2026", id="with-its-weekday-shortened"),
    pytest.param("  3  oktober   2026 ", id="extra-spaces"),
    pytest.param("2026-10-03", id="iso-as-links-and-files-carry-it"),
])
def test_an_accepted_form_is_read_as_3_october_2026(text):
    assert parse_date(text) == OCTOBER_3
    result = offer_on(text)
    assert result["ok"], result
    assert result["verdict"] == "non-compliant"  # 3 October is after 1 October: the offer was late


def test_sept_is_september():
    assert parse_date("30 sept 2026") == dt.date(2026, 9, 30)


def test_a_two_digit_year_is_refused_because_the_century_is_a_guess():
    assert "schrijf het jaar voluit, in vier cijfers" in message_for("3-10-26")


def test_a_date_without_a_year_is_refused():
    assert "vul ook het jaar in" in message_for("3 oktober")


def test_digits_without_a_year_are_refused():
    assert "vul ook het jaar in" in message_for("3-10")


def test_a_day_that_does_not_exist_is_refused():
    assert message_for("31-9-2026") == f"{LABEL}: 31 september 2026 bestaat niet."


def test_29_february_in_a_common_year_is_refused():
    assert message_for("29 februari 2027") == f"{LABEL}: 29 februari 2027 bestaat niet."


def test_a_thirteenth_month_is_refused_with_the_dutch_order():
    assert "een jaar heeft 12 maanden, geen 13. Schrijf de dag eerst, dan de maand" in message_for("10-13-2026")


def test_a_month_name_that_is_not_dutch_is_refused():
    assert "de maand 'october' kent deze rekenhulp niet" in message_for("3 october 2026")


def test_a_weekday_that_does_not_fit_the_date_is_refused():
    assert "3 oktober 2026 is een zaterdag, geen maandag" in message_for("maandag 3 oktober 2026")


def test_words_that_are_no_date_are_refused_with_the_format():
    assert message_for("morgen") == (f"{LABEL}: vul een datum in als dag-maand-jaar, bijvoorbeeld "
                                     "3-10-2026 of 3 oktober 2026.")


def test_a_number_instead_of_text_is_refused():
    result = run("deadlines", {"contract_year": 2027, "contracting": "face-to-face",
                               "events": {"offer_submitted_on": 20261003}})
    assert result["errors"][0]["message"].startswith(LABEL + ": vul een datum in als dag-maand-jaar")


def test_a_date_outside_the_calendar_is_refused():
    assert message_for("1-1-1999") == f"{LABEL}: de datum 1 januari 1999 ligt buiten het bereik 2000–2101."


def test_the_parser_says_why_in_dutch():
    with pytest.raises(DateError, match="vul ook het jaar in"):
        parse_date("3 okt")
