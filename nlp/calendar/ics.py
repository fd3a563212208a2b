"""iCalendar (.ics) export and import of calendar entries, with the `icalendar` library.

One VEVENT per race: SUMMARY is the race name, DTSTART/DTEND its all-day dates (DTEND exclusive, as
RFC 5545 wants), CATEGORIES its category, X-PALMARES-COUNTRY its country code, and one
X-PALMARES-STAGE property per stage holding the stage in the widget's own line format
("21/21 Robledo de Chavela › Bola del Mundo 164km") with an optional X-DATE parameter (YYYY-MM-DD).
Events from other calendars (no X- properties) import as races without stages.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import icalendar

from models.records import Calendar, CalendarEntry, CalendarError, Stage
from nlp.calendar.lines import STAGE
from nlp.calendar.parse import _stage

PRODID = "-//Palmares//calendar//EN"


def stage_line(stage: Stage) -> str:
    km = "" if stage.distance_km is None else f" {stage.distance_km:g}km"
    return f"{stage.number}/{stage.total} {stage.start} › {stage.finish}{km}"


def _uid(entry: CalendarEntry) -> str:
    key = f"{entry.race}|{entry.start_date}|{entry.category}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20] + "@palmares"


def calendar_to_ics(entries: list[CalendarEntry], *, stamp: dt.datetime | None = None) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    for entry in entries:
        event = icalendar.Event()
        event.add("uid", _uid(entry))
        event.add("dtstamp", stamp)
        event.add("summary", entry.race)
        if entry.start_date is not None:
            event.add("dtstart", entry.start_date)
            event.add("dtend", (entry.end_date or entry.start_date) + dt.timedelta(days=1))
        if entry.category:
            event.add("categories", [entry.category])
        if entry.country:
            event.add("x-palmares-country", entry.country)
        for flag in entry.flags:
            event.add("x-palmares-flag", flag)
        for stage in entry.stages:
            params = {"X-DATE": stage.date.isoformat()} if stage.date else {}
            event.add("x-palmares-stage", stage_line(stage), parameters=params)
        cal.add_component(event)
    return cal.to_ical()


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def _text_values(event: icalendar.cal.Component, name: str) -> list:
    value = event.get(name)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _category(event: icalendar.cal.Component) -> str | None:
    for value in _text_values(event, "categories"):
        cats = getattr(value, "cats", None)
        if cats:
            return str(cats[0])
        if str(value):
            return str(value)
    return None


def _entry(event: icalendar.cal.Component, number: int, errors: list[CalendarError]) -> CalendarEntry:
    entry = CalendarEntry(race=str(event.get("summary", "")).strip() or "(untitled)", source_line=number)
    start = event.get("dtstart")
    end = event.get("dtend")
    entry.start_date = _as_date(start.dt) if start is not None else None
    end_value = end.dt if end is not None else None
    end_date = _as_date(end_value)
    if end_date is not None and not isinstance(end_value, dt.datetime):
        end_date -= dt.timedelta(days=1)  # all-day DTEND is exclusive
    entry.end_date = end_date if end_date is not None else entry.start_date
    if entry.start_date and entry.end_date and entry.end_date < entry.start_date:
        entry.end_date = entry.start_date
    entry.category = _category(event)
    country = event.get("x-palmares-country")
    entry.country = str(country).upper() if country else None
    entry.flags = [str(f) for f in _text_values(event, "x-palmares-flag")]
    for value in _text_values(event, "x-palmares-stage"):
        match = STAGE.match(str(value).strip())
        if not match:
            errors.append(
                CalendarError(
                    line=number, text=str(value)[:200], message=f"malformed X-PALMARES-STAGE in event {entry.race!r}"
                )
            )
            continue
        stage = _stage(match)
        date_text = getattr(value, "params", {}).get("X-DATE")
        if date_text:
            try:
                stage.date = dt.date.fromisoformat(str(date_text))
            except ValueError:
                errors.append(CalendarError(line=number, text=str(date_text), message="bad X-DATE on a stage"))
        entry.stages.append(stage)
    return entry


def calendar_from_ics(data: bytes | str) -> Calendar:
    """Read an iCalendar file; unreadable input gives a Calendar carrying one error, never an exception."""
    calendar = Calendar()
    try:
        parsed = icalendar.Calendar.from_ical(data)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError... on bad input
        head = data[:80].decode("utf-8", errors="replace") if isinstance(data, bytes) else str(data)[:80]
        calendar.errors.append(CalendarError(line=0, text=head, message=f"not a readable iCalendar file: {exc}"))
        return calendar
    for number, event in enumerate(parsed.walk("VEVENT"), start=1):
        try:
            calendar.entries.append(_entry(event, number, calendar.errors))
        except Exception as exc:  # one bad event must not lose the others
            calendar.errors.append(
                CalendarError(line=number, text=str(event.get("summary", ""))[:200], message=f"unreadable event: {exc}")
            )
    if not calendar.entries and not calendar.errors:
        calendar.errors.append(CalendarError(line=0, text="", message="iCalendar file holds no events"))
    return calendar
