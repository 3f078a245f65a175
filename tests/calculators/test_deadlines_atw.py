"""Weekends and holidays: flagged, never shifted; the Algemene termijnenwet only naar analogie
(Atw art. 1, 2, 3 and 4; docs-dev/domain-rules.md §1, "Weekends and holidays")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from zorgcalc import run
from zorgcalc.deadlines import atw, atw_data


def result(year: int = 2027, contracting: str = "face-to-face", **inputs: Any) -> dict[str, Any]:
    out = run("deadlines", {"contract_year": year, "contracting": contracting, **inputs})
    assert out["ok"], out
    return out


def deadline(out: dict[str, Any], deadline_id: str) -> dict[str, Any]:
    (row,) = [d for d in out["deadlines"] if d["id"] == deadline_id]
    return row


D = dt.date


# --- Atw art. 3: the holidays ---------------------------------------------------------------------

def test_easter_sundays_match_the_calendar():
    assert atw.easter_sunday(2024) == D(2024, 3, 31)
    assert atw.easter_sunday(2026) == D(2026, 4, 5)
    assert atw.easter_sunday(2027) == D(2027, 3, 28)
    assert atw.easter_sunday(2028) == D(2028, 4, 16)
    assert atw.easter_sunday(2038) == D(2038, 4, 25)  # the latest possible date


def test_good_friday_is_equal_to_a_holiday_by_art_3_lid_2():
    assert atw.non_working_day(D(2026, 4, 3)) == "Goede Vrijdag"


def test_easter_monday_ascension_and_whit_monday_are_holidays():
    assert atw.non_working_day(D(2026, 4, 6)) == "tweede Paasdag"
    assert atw.non_working_day(D(2026, 5, 14)) == "Hemelvaartsdag"
    assert atw.non_working_day(D(2026, 5, 25)) == "tweede Pinksterdag"


def test_koningsdag_is_27_april():
    assert atw.non_working_day(D(2026, 4, 27)) == "Koningsdag"


def test_koningsdag_on_sunday_moves_to_26_april():
    assert D(2025, 4, 27).weekday() == 6
    assert atw.holidays(2025).get(D(2025, 4, 26)) == "Koningsdag"
    assert D(2025, 4, 27) not in atw.holidays(2025)
    assert atw.non_working_day(D(2025, 4, 27)) == "zondag"


def test_5_mei_is_a_holiday_every_year_not_only_every_five_years():
    for year in (2026, 2027, 2028, 2029):
        assert D(year, 5, 5) in atw.holidays(year)


def test_christmas_and_new_year():
    assert atw.non_working_day(D(2026, 12, 25)) == "eerste Kerstdag"
    assert atw.non_working_day(D(2026, 12, 26)) == "tweede Kerstdag"
    assert atw.non_working_day(D(2027, 1, 1)) == "Nieuwjaarsdag"


def test_decree_days_2026_to_2028_are_equal_to_holidays():
    for day in (D(2026, 1, 2), D(2026, 5, 15), D(2027, 5, 7), D(2028, 4, 28), D(2028, 5, 26)):
        assert atw.non_working_day(day) == atw_data.DECREE_DAY_NAME, day


def test_decree_days_are_dated_data_with_their_source_and_years():
    (decree,) = [d for d in atw_data.DECREES if 2027 in d.years_covered]
    assert decree.years_covered == (2026, 2027, 2028)
    assert decree.source.article == "3" and decree.source.lid == "3"
    assert "2 januari 2026" in decree.title


def test_the_friday_after_ascension_is_not_a_holiday_without_a_decree():
    ascension_2030 = atw.easter_sunday(2030) + dt.timedelta(days=39)
    friday = ascension_2030 + dt.timedelta(days=1)
    assert atw.non_working_day(friday) is None
    assert not atw.decree_covers(2030)


def test_an_ordinary_weekday_is_a_working_day():
    assert atw.non_working_day(D(2026, 10, 1)) is None  # a Thursday


# --- Flagged, not shifted ---------------------------------------------------------------------------

def test_1_october_2028_is_a_sunday_and_is_flagged_not_shifted():
    out = result(year=2029)
    offer = deadline(out, "offer")
    assert offer["date"] == "2028-10-01"
    assert offer["non_working_day"] == "zondag"
    assert offer["atw_date"] is None


def test_1_april_2028_is_a_saturday_and_12_november_2028_a_sunday():
    out = result(year=2029)
    assert deadline(out, "policy")["non_working_day"] == "zaterdag"
    assert deadline(out, "target")["non_working_day"] == "zondag"
    assert any("gemarkeerd, niet verschoven" in w for w in out["warnings"])


def test_1_april_2024_was_easter_monday():
    assert deadline(result(year=2025), "policy")["non_working_day"] == "tweede Paasdag"


def test_contract_year_2027_deadlines_fall_on_working_days():
    out = result(year=2027)
    assert all(d["non_working_day"] is None for d in out["deadlines"])
    assert not any("niet verschoven" in w for w in out["warnings"])


def test_offer_on_monday_2_october_2028_is_late_even_though_1_october_is_a_sunday():
    out = result(year=2029, events={"offer_submitted_on": "2028-10-02"})
    (cond,) = out["conditions"]
    assert cond["met"] is False


def test_event_derived_deadline_on_a_holiday_is_flagged():
    # received 21 April 2026 + 14 days = 5 May 2026 (Bevrijdingsdag)
    out = result(events={"question_received_on": "2026-04-21"})
    assert deadline(out, "question")["date"] == "2026-05-05"
    assert deadline(out, "question")["non_working_day"] == "Bevrijdingsdag (5 mei)"


# --- Atw naar analogie ------------------------------------------------------------------------------

def test_atw_analogy_gives_the_next_working_day_for_a_sunday():
    out = result(year=2029, atw_analogy=True)
    assert deadline(out, "offer")["atw_date"] == "2028-10-02"
    assert deadline(out, "policy")["atw_date"] == "2028-04-03"
    assert deadline(out, "offer")["date"] == "2028-10-01"  # the date itself is unchanged


def test_atw_analogy_is_labelled_not_binding():
    out = result(year=2029, atw_analogy=True)
    assert any("Atw naar analogie" in w and "niet bindend" in w for w in out["warnings"])
    assert "niet bindend" in deadline(out, "offer")["explanation"]


def test_atw_analogy_leaves_working_days_alone():
    out = result(year=2027, atw_analogy=True)
    assert all(d["atw_date"] is None for d in out["deadlines"])


def test_atw_analogy_does_not_shift_a_start_date():
    out = result(year=2029, atw_analogy=True)
    assert deadline(out, "transparency")["atw_date"] is None


def test_atw_analogy_skips_holidays_after_the_weekend():
    # Saturday 1 April 2028 would not move past Easter; a date before Easter Monday 2026 does:
    assert atw.next_working_day(D(2026, 4, 3)) == D(2026, 4, 7)  # Good Friday, weekend, Easter Monday
    assert atw.next_working_day(D(2028, 4, 27)) == D(2028, 5, 1)  # Koningsdag, decree Friday, weekend


def test_late_offer_in_time_naar_analogie_is_still_non_compliant_with_a_note():
    out = result(year=2029, atw_analogy=True, events={"offer_submitted_on": "2028-10-02"})
    (cond,) = out["conditions"]
    assert cond["met"] is False
    assert "niet bindend" in cond["explanation"]
    assert out["verdict"] == "non-compliant"


def test_atw_art_1_moves_the_end_of_a_term_on_a_holiday():
    outcome = atw.analogous_term_end(D(2026, 4, 21), 2, "weeks")  # ends on 5 May 2026
    assert outcome.date == D(2026, 5, 6)


def test_atw_art_2_a_term_of_three_days_must_hold_two_working_days():
    # Received Thursday 1 Jan 2026 (Nieuwjaarsdag); 3 days end Sunday 4 Jan. Friday 2 Jan is a
    # decree day, so the term holds no working day: extend to Monday 5 and Tuesday 6 January.
    outcome = atw.analogous_term_end(D(2026, 1, 1), 3, "days")
    assert outcome.date == D(2026, 1, 6)


def test_atw_art_2_does_not_apply_to_terms_under_three_days():
    outcome = atw.analogous_term_end(D(2026, 1, 1), 2, "days")  # ends Saturday 3 January
    assert outcome.date == D(2026, 1, 5)  # art. 1 only


def test_atw_art_4_no_extension_for_terms_over_twelve_weeks():
    assert atw.analogous_term_end(D(2026, 8, 2), 13, "weeks").date is None
    assert atw.analogous_term_end(D(2026, 8, 2), 91, "days").date is None
    # twelve weeks from Sunday 2 Aug 2026 end on Sunday 25 Oct 2026: still extended
    assert atw.analogous_term_end(D(2026, 8, 2), 12, "weeks").date == D(2026, 10, 26)


def test_atw_analogy_on_an_agreed_offer_period_in_days():
    out = result(atw_analogy=True, agreed={"offer_period_days": 31},
                 events={"offer_received_on": "2026-10-01"})  # ends Sunday 1 November 2026
    row = deadline(out, "offer-period")
    assert row["date"] == "2026-11-01"
    assert row["non_working_day"] == "zondag"
    assert row["atw_date"] == "2026-11-02"


def test_years_without_decree_data_are_warned_about():
    assert any("art. 3 lid 3" in w for w in result(year=2031)["warnings"])
    assert not any("art. 3 lid 3" in w for w in result(year=2027)["warnings"])
