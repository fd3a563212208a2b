"""Caps that keep hostile or oversized inputs from exhausting memory, disk or time."""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024
GiB = 1024 * MiB


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 8 * MiB  # one article file, archive entry, JSONL line or WARC record
    max_archive_bytes: int = 4 * GiB  # uncompressed bytes read from one archive in total
    max_ratio: float = 100.0  # uncompressed / compressed size; news text compresses 3-10x
    ratio_floor_bytes: int = 1 * MiB  # below this size a high ratio is harmless (e.g. a page of spaces)


DEFAULT_LIMITS = Limits()
