"""Load a calendar from a file's content: iCalendar or the widget format (alone or inside a page)."""

from __future__ import annotations

from models.records import Calendar, CalendarError
from nlp.calendar.ics import calendar_from_ics
from nlp.calendar.lines import find_calendar_spans
from nlp.calendar.parse import parse_calendar


def _decode(source: bytes) -> str | None:
    if b"\x00" in source:
        return None
    return source.decode("utf-8-sig", errors="replace")


def load_calendar(source: str | bytes) -> Calendar:
    """Detect the format from the content. In a pasted page (calendar widget + article) only the region
    from the first to the last calendar block is parsed, so the article is not reported as bad lines;
    a file with no recognisable calendar line is parsed whole, so its lines are reported."""
    if isinstance(source, bytes):
        text = _decode(source)
        if text is None:
            return Calendar(errors=[CalendarError(line=0, text="", message="binary data, not a calendar file")])
    elif isinstance(source, str):
        text = source
    else:
        return Calendar(errors=[CalendarError(line=0, text="", message="calendar must be text or bytes")])
    if text.lstrip("\ufeff \t\r\n")[:15].upper() == "BEGIN:VCALENDAR":
        return calendar_from_ics(text)
    lines = text.splitlines()
    spans = find_calendar_spans(lines)
    if not spans:
        return parse_calendar(text)
    first, last = spans[0][0], spans[-1][1]
    return parse_calendar("\n".join(lines[first:last]), first_line=first + 1)
