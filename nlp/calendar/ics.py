"""iCalendar (.ics) export and import of calendar entries, with the `icalendar` library.

A race whose stages have their dates gives one all-day VEVENT per stage: SUMMARY "race — stage n/total: start ›
finish" (the race alone for a one-day race), LOCATION "start › finish", DESCRIPTION the distance and category, URL
the race page when the caller gives one. Any other race gives one VEVENT for its dates. DTEND is exclusive, as
RFC 5545 wants. The calendar carries a name (X-WR-CALNAME, NAME) and UIDs are stable: the same race and stage keep
their UID from one export to the next, so calendar applications update events instead of duplicating them.

Every event also carries what reading the file back needs, losslessly: CATEGORIES, X-PALMARES-COUNTRY, the stage
in the widget's own line format (X-PALMARES-STAGE "21/21 Robledo de Chavela › Bola del Mundo 164km", with an
X-DATE parameter), and on stage events the race they belong to (X-PALMARES-RACE, -RACE-UID, -RACE-START,
-RACE-END). Events from other calendars (no X- properties) import as races without stages.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

import icalendar

from models.records import Calendar, CalendarEntry, CalendarError, Stage
from nlp.calendar.lines import STAGE
from nlp.calendar.parse import _stage
from nlp.dates import check_in_range

PRODID = "-//Palmares//calendar//EN"
CALENDAR_NAME = "Palmarès race calendar"
REFRESH = dt.timedelta(hours=12)


def stage_line(stage: Stage) -> str:
    km = "" if stage.distance_km is None else f" {stage.distance_km:g}km"
    return f"{stage.number}/{stage.total} {stage.start} › {stage.finish}{km}"


def _uid(entry: CalendarEntry, stage: Stage | None = None) -> str:
    key = f"{entry.race}|{entry.start_date}|{entry.category}" + (f"|stage {stage.number}" if stage else "")
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20] + "@palmares"


def _race_properties(event: icalendar.Event, entry: CalendarEntry) -> None:
    if entry.category:
        event.add("categories", [entry.category])
    if entry.country:
        event.add("x-palmares-country", entry.country)
    for flag in entry.flags:
        event.add("x-palmares-flag", flag)


def _stage_property(event: icalendar.Event, stage: Stage) -> None:
    params = {"X-DATE": stage.date.isoformat()} if stage.date else {}
    event.add("x-palmares-stage", stage_line(stage), parameters=params)


def _description(parts: list[str | None]) -> str:
    return " · ".join(p for p in parts if p)


def _race_event(entry: CalendarEntry, stamp: dt.datetime, url: str | None) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", _uid(entry))
    event.add("dtstamp", stamp)
    event.add("summary", entry.race)
    if entry.start_date is not None:
        event.add("dtstart", entry.start_date)
        event.add("dtend", (entry.end_date or entry.start_date) + dt.timedelta(days=1))
    stages = [stage_line(s) for s in entry.stages]
    event.add("description", _description([entry.category, *stages]) or entry.race)
    if url:
        event.add("url", url)
    _race_properties(event, entry)
    for stage in entry.stages:
        _stage_property(event, stage)
    return event


def _stage_event(
    entry: CalendarEntry, stage: Stage, day: dt.date, stamp: dt.datetime, url: str | None
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", _uid(entry, stage))
    event.add("dtstamp", stamp)
    one_day = stage.total == 1 and len(entry.stages) == 1
    title = (
        entry.race if one_day else f"{entry.race} — stage {stage.number}/{stage.total}: {stage.start} › {stage.finish}"
    )
    event.add("summary", title)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("location", f"{stage.start} › {stage.finish}")
    km = None if stage.distance_km is None else f"{stage.distance_km:g} km"
    event.add("description", _description([km, entry.category]) or entry.race)
    if url:
        event.add("url", url)
    _race_properties(event, entry)
    _stage_property(event, stage)
    event.add("x-palmares-race", entry.race)
    event.add("x-palmares-race-uid", _uid(entry))
    if entry.start_date:
        event.add("x-palmares-race-start", entry.start_date.isoformat())
    if entry.end_date:
        event.add("x-palmares-race-end", entry.end_date.isoformat())
    return event


def calendar_to_ics(
    entries: list[CalendarEntry],
    *,
    stamp: dt.datetime | None = None,
    name: str = CALENDAR_NAME,
    url_for: Callable[[CalendarEntry], str | None] | None = None,
) -> bytes:
    """The races as an iCalendar feed: one VEVENT per dated stage, else one per race (see the module)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("name", name)
    cal.add("x-published-ttl", REFRESH)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    for entry in entries:
        url = url_for(entry) if url_for else None
        days = [s.date for s in entry.stages if s.date is not None]
        if entry.stages and len(days) == len(entry.stages):
            for stage, day in zip(entry.stages, days, strict=True):
                cal.add_component(_stage_event(entry, stage, day, stamp, url))
        else:
            cal.add_component(_race_event(entry, stamp, url))
    return cal.to_ical()


def _in_range(day: dt.date | None, what: str) -> dt.date | None:
    """The day, or ValueError (the event is reported unreadable) when it lies outside `nlp.dates`' range."""
    return None if day is None else check_in_range(day, what)


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
    entry.start_date = _in_range(_as_date(start.dt) if start is not None else None, "DTSTART")
    end_value = end.dt if end is not None else None
    end_date = _in_range(_as_date(end_value), "DTEND")
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
                stage.date = check_in_range(dt.date.fromisoformat(str(date_text)), "X-DATE")
            except ValueError:
                errors.append(CalendarError(line=number, text=str(date_text), message="bad X-DATE on a stage"))
        entry.stages.append(stage)
    return entry


def _date_property(event: icalendar.cal.Component, name: str) -> dt.date | None:
    value = event.get(name)
    try:
        return dt.date.fromisoformat(str(value)) if value is not None else None
    except ValueError:
        return None


def _join_stage_events(
    grouped: dict[str, list[tuple[int, icalendar.cal.Component, CalendarEntry]]],
) -> list[CalendarEntry]:
    """The stage events of one race (same X-PALMARES-RACE-UID) as one entry with all its stages."""
    entries = []
    for events in grouped.values():
        number, first, entry = events[0]
        entry.race = str(first.get("x-palmares-race")).strip() or entry.race
        entry.start_date = _date_property(first, "x-palmares-race-start") or entry.start_date
        entry.end_date = _date_property(first, "x-palmares-race-end") or entry.end_date
        for _, _, other in events[1:]:
            entry.stages.extend(other.stages)
            entry.flags.extend(f for f in other.flags if f not in entry.flags)
        entries.append(entry)
    return entries


def calendar_from_ics(data: bytes | str) -> Calendar:
    """Read an iCalendar file; unreadable input gives a Calendar carrying one error, never an exception."""
    calendar = Calendar()
    try:
        parsed = icalendar.Calendar.from_ical(data)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError... on bad input
        head = data[:80].decode("utf-8", errors="replace") if isinstance(data, bytes) else str(data)[:80]
        calendar.errors.append(CalendarError(line=0, text=head, message=f"not a readable iCalendar file: {exc}"))
        return calendar
    stage_events: dict[str, list[tuple[int, icalendar.cal.Component, CalendarEntry]]] = {}
    order: list[CalendarEntry | str] = []
    for number, event in enumerate(parsed.walk("VEVENT"), start=1):
        try:
            entry = _entry(event, number, calendar.errors)
        except Exception as exc:  # one bad event must not lose the others
            calendar.errors.append(
                CalendarError(line=number, text=str(event.get("summary", ""))[:200], message=f"unreadable event: {exc}")
            )
            continue
        race_uid = event.get("x-palmares-race-uid")
        if race_uid is None:
            order.append(entry)
            continue
        key = str(race_uid)
        if key not in stage_events:
            order.append(key)
        stage_events.setdefault(key, []).append((number, event, entry))
    joined = dict(zip(stage_events, _join_stage_events(stage_events), strict=True))
    calendar.entries = [joined[item] if isinstance(item, str) else item for item in order]
    if not calendar.entries and not calendar.errors:
        calendar.errors.append(CalendarError(line=0, text="", message="iCalendar file holds no events"))
    return calendar
