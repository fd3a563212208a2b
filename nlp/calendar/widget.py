"""The race-calendar widget of team websites:

    es La Vuelta Ciclista a España
    WorldTeam Men 23 Aug '25 - 14 Sep '25
    21/21 Robledo de Chavela › Bola del Mundo. Puerto de Navacerrada 164km

A header (country code + race), a category and date line, then stage lines "n/total Start › Finish NNkm".
Anomalies (stage 22/21) are kept and flagged; a line that fits nowhere becomes a `CalendarError` naming
the line, and the rest still imports.
"""

from __future__ import annotations

import datetime as dt
import re

from models.records import Calendar, CalendarEntry, CalendarError, Stage

_DATE = r"\d{1,2}\s+[A-Z][a-z]{2}\s+'\d{2}"
HEADER = re.compile(r"^(?P<country>[a-z]{2})\s+(?P<race>\S.*?)\s*$")
CATEGORY_DATES = re.compile(rf"^(?P<category>\S.*?)\s+(?P<start>{_DATE})(?:\s*[-–]\s*(?P<end>{_DATE}))?\s*$")
STAGE = re.compile(r"^(?P<number>\d{1,3})\s*/\s*(?P<total>\d{1,3})\s+(?P<start>\S.*?)\s*[›>]\s*(?P<finish>\S.*?)"
                   r"(?:\s+(?P<km>\d+(?:[.,]\d+)?)\s?km)?\s*$")
_STAGE_START = re.compile(r"^\d{1,3}\s*/\s*\d{1,3}\s")
_MONTHS = {m: i for i, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                       "Dec"], start=1)}


def parse_widget_date(text: str) -> dt.date:
    """"23 Aug '25" -> 2025-08-23 (raises ValueError when it is no date)."""
    day, month, year = text.split()
    if month not in _MONTHS:
        raise ValueError(f"unknown month {month!r}")
    return dt.date(2000 + int(year.strip("'")), _MONTHS[month], int(day))


def _is_category_line(line: str) -> bool:
    return CATEGORY_DATES.match(line.strip()) is not None


def looks_like_calendar_line(line: str) -> bool:
    """A category/date line or a stage line (headers are only recognised before a category line)."""
    line = line.strip()
    return bool(line) and (_is_category_line(line) or bool(_STAGE_START.match(line) and ("›" in line or ">" in line)))


def find_calendar_spans(lines: list[str]) -> list[tuple[int, int]]:
    """[start, end) line ranges of calendar widgets in a page."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if HEADER.match(lines[i].strip()) and i + 1 < len(lines) and _is_category_line(lines[i + 1]):
            start = i
            i += 2
            while i < len(lines) and lines[i].strip():
                if looks_like_calendar_line(lines[i]) or (
                        HEADER.match(lines[i].strip()) and i + 1 < len(lines) and _is_category_line(lines[i + 1])):
                    i += 1
                elif _later_calendar_line(lines, i):
                    i += 1  # a broken line inside the widget: parse_calendar reports it
                else:
                    break
            spans.append((start, i))
        else:
            i += 1
    return spans


def _later_calendar_line(lines: list[str], i: int) -> bool:
    following = [line for line in lines[i + 1:i + 3] if line.strip()]
    return bool(following) and looks_like_calendar_line(following[0]) and len(lines[i].split()) <= 12


def _stage_dates(entry: CalendarEntry) -> None:
    """Dates of stages when the race has exactly one stage per day."""
    if entry.start_date is None:
        return
    days = ((entry.end_date or entry.start_date) - entry.start_date).days + 1
    for stage in entry.stages:
        if stage.total == days and 1 <= stage.number <= days:
            stage.date = entry.start_date + dt.timedelta(days=stage.number - 1)


def parse_calendar(text: str) -> Calendar:
    calendar = Calendar()
    if not text or not text.strip():
        calendar.errors.append(CalendarError(line=0, text="", message="empty calendar"))
        return calendar
    lines = text.replace("\r\n", "\n").split("\n")
    entry: CalendarEntry | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        stage = STAGE.match(line)
        category = CATEGORY_DATES.match(line)
        next_line = lines[number].strip() if number < len(lines) else ""
        if stage and entry is not None:
            entry.stages.append(_stage(stage, entry))
        elif category and entry is not None and entry.start_date is None:
            try:
                entry.category = category.group("category")
                entry.start_date = parse_widget_date(category.group("start"))
                entry.end_date = parse_widget_date(category.group("end")) if category.group("end") else entry.start_date
            except ValueError as exc:
                calendar.errors.append(CalendarError(line=number, text=raw, message=f"bad date: {exc}"))
                continue
            if entry.end_date < entry.start_date:
                entry.flags.append("end-before-start")
        elif HEADER.match(line) and _is_category_line(next_line):
            header = HEADER.match(line)
            entry = CalendarEntry(race=header.group("race"), country=header.group("country"), source_line=number)
            calendar.entries.append(entry)
        else:
            reason = "stage line before any race" if stage else "not a race, date or stage line"
            calendar.errors.append(CalendarError(line=number, text=raw, message=reason))
    for entry in calendar.entries:
        _stage_dates(entry)
        if entry.start_date is None:
            entry.flags.append("missing-dates")
    return calendar


def _stage(match: re.Match[str], entry: CalendarEntry) -> Stage:
    km = match.group("km")
    stage = Stage(number=int(match.group("number")), total=int(match.group("total")), start=match.group("start"),
                  finish=match.group("finish"), distance_km=float(km.replace(",", ".")) if km else None)
    if stage.number > stage.total:
        stage.flags.append("number-exceeds-total")
    if stage.number == 0:
        stage.flags.append("number-zero")
    if any(s.number == stage.number for s in entry.stages):
        stage.flags.append("duplicate-number")
    return stage
