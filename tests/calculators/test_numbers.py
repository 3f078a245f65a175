"""zorgcalc.numbers: Dutch and plain numbers to integer cents and basis points, exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from zorgcalc.envelope import InvalidInput
from zorgcalc.numbers import format_bp, format_cents, parse_int, parse_money_cents, parse_percent_bp


def money(value):
    return parse_money_cents(value, "f", "Omzet")


def pct(value):
    return parse_percent_bp(value, "f", "Marktaandeel")


def error_of(fn, value) -> str:
    with pytest.raises(InvalidInput) as exc:
        fn(value)
    assert exc.value.errors[0].field == "f"
    return exc.value.errors[0].message


@pytest.mark.parametrize("value, cents", [
    (1100000, 1_100_000_00),
    ("1.100.000", 1_100_000_00),
    ("1100000,50", 1_100_000_50),
    ("1.100.000,50", 1_100_000_50),
    ("1100000.50", 1_100_000_50),
    ("1100000", 1_100_000_00),
    ("€ 1.100.000", 1_100_000_00),
    ("EUR 1100000", 1_100_000_00),
    ("1 100 000", 1_100_000_00),
    ("\u00a01.100.000,00 ", 1_100_000_00),
    ("€ 1,1 mln", 1_100_000_00),
    ("5,5 miljoen", 5_500_000_00),
    ("0,01", 1),
    (1100000.0, 1_100_000_00),
    (1100000.5, 1_100_000_50),
    ("420.000,00", 420_000_00),
    ("1.100,50", 1_100_50),
])
def test_dutch_and_plain_money_becomes_cents(value, cents):
    assert money(value) == cents


@pytest.mark.parametrize("value, bp", [
    (10, 1000), ("10", 1000), ("10,5", 1050), ("10.5", 1050), (10.5, 1050), ("10,00%", 1000),
    ("2,3", 230), (2.3, 230), ("0", 0), ("100", 10000), ("9,99", 999), (" 7 % ", 700),
])
def test_percentages_become_basis_points(value, bp):
    assert pct(value) == bp


def test_float_shares_add_up_exactly_in_basis_points():
    assert 2.3 + 6.1 + 6.6 != 15.0  # the trap
    assert pct(2.3) + pct(6.1) + pct(6.6) == 1500
    assert pct("2,3") + pct("6,1") + pct("6,6") == 1500


def test_one_point_one_hundred_is_thousands_in_money_because_euros_have_two_decimals():
    assert money("1.100") == 110_000


def test_one_point_one_hundred_is_ambiguous_as_a_percentage_and_suggests_both_readings():
    message = error_of(pct, "1.100")
    assert "dubbelzinnig" in message
    assert "1100" in message and "1,1" in message


def test_dutch_amount_900_000_is_nine_hundred_thousand_euro():
    assert money("900.000") == 90_000_000 and money("420.000") == 42_000_000


@pytest.mark.parametrize("value", ["1,100,000", "1,100,000.50", "1.10.000", "1.100.000.50", "11.00.000",
                                   "1,100", "1.1.1", ",5", "5,", "1..100", "1,5,0"])
def test_ambiguous_or_wrongly_grouped_strings_are_rejected(value):
    error_of(money, value)


@pytest.mark.parametrize("value", [1.005, 0.1 + 0.2, "10,555", "1100000,505", "0.125"])
def test_more_than_two_decimals_is_rejected(value):
    assert "decimalen" in error_of(money, value)


@pytest.mark.parametrize("value", [True, False, None, "abc", "", "  ", [], {}, float("nan"), float("inf"),
                                   "١٢٣", "½", "1e5", "0x10", "10 euro cent", "9" * 60])
def test_non_numbers_are_rejected_with_a_dutch_message(value):
    assert error_of(money, value)


def test_negative_turnover_is_rejected():
    assert "negatief" in error_of(money, "-5")
    assert "negatief" in error_of(money, -1)


def test_absurdly_large_amounts_are_rejected():
    error_of(money, 10**15)
    error_of(money, 1e300)


@pytest.mark.parametrize("value", ["-0,01", "100,01", 101, -1])
def test_share_outside_0_to_100_is_rejected(value):
    error_of(pct, value)


def test_parse_int():
    assert parse_int("8", "n", "Aantal") == 8
    assert parse_int(8.0, "n", "Aantal") == 8
    for bad in ("8,5", 8.5, True, None, "acht"):
        with pytest.raises(InvalidInput):
            parse_int(bad, "n", "Aantal")
    with pytest.raises(InvalidInput):
        parse_int(1, "n", "Aantal", minimum=2)


def test_formatting_is_dutch():
    assert format_cents(1_100_000_00) == "€ 1.100.000,00"
    assert format_cents(1) == "€ 0,01"
    assert format_cents(-150) == "-€ 1,50"
    assert format_bp(1000) == "10,00%"
    assert format_bp(1) == "0,01%"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**14))
def test_formatted_cents_parse_back_exactly(cents):
    assert money(format_cents(cents)) == cents


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_formatted_basis_points_parse_back_exactly(bp):
    assert pct(format_bp(bp)) == bp


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**14))
def test_plain_decimal_strings_parse_exactly(cents):
    euros, rest = divmod(cents, 100)
    assert money(f"{euros},{rest:02d}") == cents
    assert money(f"{euros}.{rest:02d}") == cents


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=30), st.floats(), st.integers(), st.none(), st.booleans()))
def test_parsing_never_fails_other_than_with_invalid_input(value):
    for fn in (money, pct):
        try:
            result = fn(value)
        except InvalidInput as exc:
            assert all(e.field and e.message for e in exc.errors)
        else:
            assert isinstance(result, int)
