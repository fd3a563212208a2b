"""Calendar widget parsing: every line type, date ranges, anomalies kept and flagged, bad lines reported
by number while the rest imports. All calendars here are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from nlp.calendar import find_calendar_spans, load_calendar, looks_like_calendar_line, parse_calendar

WIDGET = """\
it Giro della Valle Fittizia
WorldTeam Men 28 Dec '25 - 03 Jan '26
1/3 Borgo Alto › Lago Verde 152km
2/3 Lago Verde › Passo delle Nuvole 171km
3/3 Castelmare › Castelmare 18km
fr Grand Prix Cycliste de Belleville
WorldTeam Women 12 Oct '25
1/1 Belleville › Belleville 131km
no Tour of Norway / Tour de Norvège
Development Team 02 Sep '25 - 09 Sep '25
4/6 Bergen › Voss 160,5km
7/6 Voss > Oslo 98km"""


@pytest.fixture()
def widget():
    return parse_calendar(WIDGET)


@pytest.mark.parametrize(
    "line",
    [
        "es La Vuelta Ciclista a Fictilia",
        "WorldTeam Men 23 Aug '25 - 14 Sep '25",
        "WorldTeam Women 14 Sep '25",
        "Development Team 14 Sep '25",
        "Continental Team 01 Mar '26",
        "21/21 Robledo Nuevo › Alto del Cielo. Puerto Fingido 164km",
        "3/5 Dorfheim > Bergstadt 191km",
    ],
)
def test_calendar_lines_are_recognised(line):
    assert looks_like_calendar_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Smeekens buiten medailles op 500 meter",
        "De renner won de rit op 14 september.",
        "The race starts on 14 September 2025",
        "Related updates",
        "",
        "   ",
        "3/5",
    ],
)
def test_prose_titles_and_blanks_are_not_calendar_lines(line):
    assert not looks_like_calendar_line(line)


def test_spans_cut_the_widget_out_of_a_page_but_not_a_header_like_title():
    lines = ["nl Nederland wint", "", *WIDGET.splitlines(), "", "Quinn wint in Lago Verde", "", "Quinn won."]
    spans = find_calendar_spans(lines)
    assert spans == [(2, 2 + len(WIDGET.splitlines()))]


def test_a_broken_line_inside_the_widget_stays_in_its_block():
    lines = [
        "be GP Fictief",
        "WorldTeam Men 14 Sep '25",
        "1/1 Westdorp Oostdorp 185km",
        "fr Paris Fictif",
        "WorldTeam Men 15 Sep '25",
    ]
    assert find_calendar_spans(lines) == [(0, 5)]


def test_header_category_and_stages_are_read(widget):
    giro = widget.entries[0]
    assert (giro.country, giro.race, giro.category) == ("IT", "Giro della Valle Fittizia", "WorldTeam Men")
    assert [(s.number, s.total, s.start, s.finish, s.distance_km) for s in giro.stages] == [
        (1, 3, "Borgo Alto", "Lago Verde", 152.0),
        (2, 3, "Lago Verde", "Passo delle Nuvole", 171.0),
        (3, 3, "Castelmare", "Castelmare", 18.0),
    ]
    assert widget.errors == []


def test_date_range_across_months_and_years(widget):
    giro = widget.entries[0]
    assert (giro.start_date, giro.end_date) == (dt.date(2025, 12, 28), dt.date(2026, 1, 3))


def test_single_date_is_a_one_day_race_and_dates_its_stage(widget):
    gp = widget.entries[1]
    assert gp.start_date == gp.end_date == dt.date(2025, 10, 12)
    assert gp.stages[0].date == dt.date(2025, 10, 12)


def test_stage_dates_stay_unknown_when_the_days_do_not_fit_the_stages(widget):
    giro = widget.entries[0]  # 7 days, 3 stages: rest days make any guess unsafe
    assert [s.date for s in giro.stages] == [None, None, None]


def test_stage_dates_follow_the_days_when_there_is_one_stage_a_day():
    calendar = parse_calendar(
        "sk Okolo Fiktívie\nWorldTeam Men 17 Sep '25 - 19 Sep '25\n"
        "1/3 Ada › Bela 100km\n2/3 Bela › Cetin 110km\n3/3 Cetin › Dorn 120km"
    )
    assert [s.date for s in calendar.entries[0].stages] == [dt.date(2025, 9, day) for day in (17, 18, 19)]


def test_stage_beyond_the_total_is_kept_and_flagged(widget):
    norway = widget.entries[2]
    anomaly = norway.stages[-1]
    assert (anomaly.number, anomaly.total, anomaly.flags) == (7, 6, ["number-exceeds-total"])
    assert norway.stages[0].flags == []


def test_arrow_variants_and_decimal_comma_distances(widget):
    norway = widget.entries[2]
    assert norway.stages[0].distance_km == 160.5
    assert (norway.stages[1].start, norway.stages[1].finish) == ("Voss", "Oslo")


def test_race_with_two_names_keeps_the_full_name(widget):
    assert widget.entries[2].race == "Tour of Norway / Tour de Norvège"
    assert widget.entries[2].category == "Development Team"


def test_broken_lines_are_reported_by_number_and_the_rest_imports():
    text = WIDGET.replace("2/3 Lago Verde › Passo delle Nuvole 171km", "2/3 Lago Verde Passo delle Nuvole")
    text += "\n!!! widget glitch !!!\nbe Omloop Fictief\nWorldTeam Men 31 Feb '25\n1/1 Aalst › Gent 190km"
    calendar = parse_calendar(text)
    assert [(e.line, e.text) for e in calendar.errors] == [
        (4, "2/3 Lago Verde Passo delle Nuvole"),
        (13, "!!! widget glitch !!!"),
        (15, "WorldTeam Men 31 Feb '25"),
    ]
    assert "stage" in calendar.errors[0].message
    assert "impossible date" in calendar.errors[2].message
    assert [e.race for e in calendar.entries][-1] == "Omloop Fictief"
    assert len(calendar.entries[0].stages) == 2
    assert calendar.entries[-1].stages[0].finish == "Gent"


def test_stage_without_a_race_is_an_error_not_a_crash():
    calendar = parse_calendar("1/1 Aalst › Gent 190km\nWorldTeam Men 14 Sep '25")
    assert calendar.entries == []
    assert [e.line for e in calendar.errors] == [1, 2]


def test_range_without_a_start_year_takes_the_end_year():
    calendar = parse_calendar("fr Ronde Fictive\nWorldTeam Men 30 Dec - 02 Jan '26")
    entry = calendar.entries[0]
    assert (entry.start_date, entry.end_date) == (dt.date(2025, 12, 30), dt.date(2026, 1, 2))


def test_range_ending_before_it_starts_is_reported():
    calendar = parse_calendar("fr Ronde Fictive\nWorldTeam Men 14 Sep '25 - 02 Sep '25")
    assert calendar.entries[0].start_date is None
    assert calendar.errors[0].line == 2 and "before" in calendar.errors[0].message


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_calendar_is_an_error_not_a_crash(text):
    calendar = parse_calendar(text)
    assert calendar.entries == [] and len(calendar.errors) == 1
    assert "empty" in calendar.errors[0].message


def test_binary_bytes_are_refused_with_one_clear_error():
    calendar = load_calendar(bytes(range(256)) * 50)
    assert calendar.entries == []
    assert [e.message for e in calendar.errors] == ["binary data, not a calendar file"]


def test_invalid_utf8_reports_the_damaged_line_and_imports_the_rest():
    data = WIDGET.encode("utf-8") + b"\n\xff\xfe broken\nbe GP Fictief\nWorldTeam Men 14 Sep '25\n"
    calendar = load_calendar(data)
    assert [e.race for e in calendar.entries][-1] == "GP Fictief"
    assert [e.line for e in calendar.errors] == [13]


def test_garbage_text_is_capped_in_errors():
    calendar = parse_calendar("\n".join(f"noise line {i} ~~~" for i in range(5000)))
    assert calendar.entries == []
    assert len(calendar.errors) == 101
    assert "more malformed lines" in calendar.errors[-1].message


def test_load_calendar_reads_only_the_widget_of_a_page():
    page = WIDGET + "\n\nQuinn wint in Lago Verde\n\nOscar Quinn won de rit.\n\nRelated updates\n"
    calendar = load_calendar(page)
    assert len(calendar.entries) == 3 and calendar.errors == []


def test_seed_page_calendar_from_shared(shared_dir):
    calendar = load_calendar((shared_dir / "seed" / "team-site-page.txt").read_bytes())
    stages = [s for e in calendar.entries for s in e.stages]
    assert calendar.errors == []
    assert len(calendar.entries) == 8 and len(stages) == 13
    assert [s.flags for s in stages if s.number > s.total] == [["number-exceeds-total"]]
