"""iCalendar export and import of calendar entries (invented races)."""

from __future__ import annotations

import datetime as dt

import pytest

from nlp.calendar import calendar_from_ics, calendar_to_ics, load_calendar, parse_calendar

WIDGET = """\
it Giro della Valle Fittizia
WorldTeam Men 28 Dec '25 - 03 Jan '26
1/3 Borgo Alto › Lago Verde; Colle Nero 152km
2/3 Lago Verde › Passo delle Nuvole 171km
4/3 Castelmare › Castelmare 18km
fr Grand Prix Cycliste de Belleville, Édition «spéciale»
WorldTeam Women 12 Oct '25
1/1 Belleville › Belleville 131km"""


def _comparable(entries):
    return [{k: v for k, v in e.to_dict().items() if k != "source_line"} for e in entries]


def test_round_trip_keeps_race_category_country_dates_and_stages():
    original = parse_calendar(WIDGET).entries
    again = calendar_from_ics(calendar_to_ics(original))
    assert again.errors == []
    assert _comparable(again.entries) == _comparable(original)
    assert again.entries[0].stages[2].flags == ["number-exceeds-total"]
    assert again.entries[1].stages[0].date == dt.date(2025, 10, 12)


def test_export_is_standard_icalendar_with_exclusive_all_day_end():
    data = calendar_to_ics(parse_calendar(WIDGET).entries).decode("utf-8")
    assert data.startswith("BEGIN:VCALENDAR")
    assert "DTSTART;VALUE=DATE:20251228" in data
    assert "DTEND;VALUE=DATE:20260104" in data
    assert data.count("BEGIN:VEVENT") == 2


def test_events_from_another_calendar_program_import_as_races():
    data = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\nBEGIN:VEVENT\r\nUID:1@x\r\n"
        "SUMMARY:Ronde van Fictief\r\nDTSTART:20250914T100000Z\r\nDTEND:20250914T160000Z\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    calendar = load_calendar(data.encode("utf-8"))
    entry = calendar.entries[0]
    assert (entry.race, entry.start_date, entry.end_date, entry.stages) == (
        "Ronde van Fictief",
        dt.date(2025, 9, 14),
        dt.date(2025, 9, 14),
        [],
    )


def test_malformed_ics_gives_an_error_not_a_crash():
    calendar = calendar_from_ics(b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2025x\nEND:VCALENDAR")
    assert calendar.entries == [] and len(calendar.errors) == 1
    assert "iCalendar" in calendar.errors[0].message


@pytest.mark.parametrize("day", ["00010101", "99991231"])
def test_an_ics_event_at_the_edge_of_time_is_an_error_and_the_others_are_read(day):
    calendar = calendar_from_ics(
        f"BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Far Race\nDTSTART;VALUE=DATE:{day}\nEND:VEVENT\n"
        "BEGIN:VEVENT\nSUMMARY:Near Race\nDTSTART;VALUE=DATE:20260510\nEND:VEVENT\nEND:VCALENDAR\n".encode()
    )
    assert [e.race for e in calendar.entries] == ["Near Race"]
    assert "between 1800 and 2199" in calendar.errors[0].message
    assert b"Near Race" in calendar_to_ics(calendar.entries)


def test_a_calendar_line_dated_outside_the_readable_years_is_an_error():
    calendar = parse_calendar("it Giro del Futuro\nWorldTeam Men 02 May 9999 - 04 May 9999\n")
    assert calendar.entries == [] or all(e.start_date is None for e in calendar.entries)
    assert any("between 1800 and 2199" in e.message for e in calendar.errors)


def test_load_calendar_detects_ics_from_content():
    entries = parse_calendar(WIDGET).entries
    calendar = load_calendar(calendar_to_ics(entries))
    assert [e.race for e in calendar.entries] == [e.race for e in entries]


def test_bad_stage_property_is_reported_and_the_event_kept():
    data = calendar_to_ics(parse_calendar(WIDGET).entries).decode("utf-8")
    data = data.replace("X-PALMARES-STAGE:2/3 Lago Verde", "X-PALMARES-STAGE:two of three Lago Verde")
    calendar = calendar_from_ics(data)
    assert len(calendar.entries) == 2 and len(calendar.entries[0].stages) == 2
    assert "X-PALMARES-STAGE" in calendar.errors[0].message


DATED = """\
no Ronde van Fictief
WorldTeam Men 02 Sep '25 - 04 Sep '25
1/3 Bergen › Voss 160km
2/3 Voss › Geilo 175km
3/3 Geilo › Oslo 120km"""


def test_a_race_with_dated_stages_is_one_event_per_stage_with_place_distance_and_link():
    import icalendar

    entries = parse_calendar(DATED).entries
    data = calendar_to_ics(entries, name="Test races", url_for=lambda e: "https://palmares.example/view/calendar/x")
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["X-WR-CALNAME"]) == "Test races" and str(calendar["METHOD"]) == "PUBLISH"
    events = list(calendar.walk("VEVENT"))
    assert [str(e["LOCATION"]) for e in events] == ["Bergen › Voss", "Voss › Geilo", "Geilo › Oslo"]
    assert [e.decoded("DTSTART") for e in events] == [dt.date(2025, 9, d) for d in (2, 3, 4)]
    assert str(events[1]["SUMMARY"]) == "Ronde van Fictief — stage 2/3: Voss › Geilo"
    assert str(events[1]["DESCRIPTION"]) == "175 km · WorldTeam Men"
    assert str(events[1]["URL"]) == "https://palmares.example/view/calendar/x"
    for event in events:  # what calendar applications require of every event
        assert event.get("UID") and event.get("DTSTAMP") and event.get("DTSTART") and event.get("DTEND")


def test_uids_stay_the_same_from_one_export_to_the_next():
    entries = parse_calendar(DATED).entries
    first = calendar_to_ics(entries, stamp=dt.datetime(2025, 1, 1, tzinfo=dt.UTC)).decode()
    again = calendar_to_ics(entries, stamp=dt.datetime(2025, 6, 1, tzinfo=dt.UTC)).decode()
    uids = [line for line in first.splitlines() if line.startswith("UID:")]
    assert len(set(uids)) == 3 and uids == [line for line in again.splitlines() if line.startswith("UID:")]


def test_stage_events_read_back_as_one_race():
    original = parse_calendar(DATED + "\n" + WIDGET).entries
    again = calendar_from_ics(calendar_to_ics(original))
    assert again.errors == []
    assert _comparable(again.entries) == _comparable(original)
