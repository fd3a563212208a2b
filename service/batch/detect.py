"""Tell input formats apart from their first bytes (file names are never trusted)."""

from __future__ import annotations

import json
import re
from enum import StrEnum

SNIFF_BYTES = 8192


class Format(StrEnum):
    ZIP = "zip"
    GZIP = "gzip"  # tar.gz, warc.gz or one gzipped document: decided after decompressing the head
    TAR = "tar"
    WARC = "warc"
    JSONL = "jsonl"
    JSON = "json"
    HTML = "html"
    TEXT = "text"
    BINARY = "binary"
    EMPTY = "empty"


_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|article|div|p|section|main|h[1-6])[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_ARCHIVES = {Format.ZIP, Format.GZIP, Format.TAR, Format.WARC}


def is_archive(fmt: Format) -> bool:
    return fmt in _ARCHIVES


def sniff(head: bytes) -> Format:
    """Format of a stream from its first bytes (pass at least SNIFF_BYTES when available)."""
    if not head:
        return Format.EMPTY
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return Format.ZIP
    if head.startswith(b"\x1f\x8b"):
        return Format.GZIP
    if len(head) > 262 and head[257:262] == b"ustar":
        return Format.TAR
    if head.startswith(b"WARC/"):
        return Format.WARC
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"["):
        return Format.JSON
    if _mostly_json_objects(text):
        return Format.JSONL
    if text.startswith(b"{"):
        return Format.JSON
    if b"\x00" in head:
        return Format.BINARY
    if _HTML_START.match(text):
        return Format.HTML
    return Format.TEXT


def _mostly_json_objects(text: bytes) -> bool:
    """JSONL: at least half the complete lines of the window are JSON objects (so a corrupt first line
    does not turn a JSONL file into one text article)."""
    lines = text.split(b"\n")
    complete = [line for line in lines[:-1] if line.strip()]
    if not complete:  # one long line: JSONL, or compact JSON which reads the same way
        return text.startswith(b"{")
    objects = sum(1 for line in complete if line.lstrip().startswith(b"{") and _is_object(line))
    return objects > 0 and 2 * objects >= len(complete)


def _is_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:  # includes UnicodeDecodeError
        return False
