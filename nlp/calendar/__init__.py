"""Race calendars: the widget's line format, iCalendar import/export, loading from a file."""

from nlp.calendar.ics import calendar_from_ics, calendar_to_ics
from nlp.calendar.lines import find_calendar_spans, looks_like_calendar_line
from nlp.calendar.load import load_calendar
from nlp.calendar.parse import parse_calendar, parse_date_range

__all__ = [
    "calendar_from_ics",
    "calendar_to_ics",
    "find_calendar_spans",
    "load_calendar",
    "looks_like_calendar_line",
    "parse_calendar",
    "parse_date_range",
]
