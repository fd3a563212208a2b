"""Decode and validate raw input before any NLP runs."""

from __future__ import annotations

import re
import unicodedata

from nlp.errors import InputError

MAX_INPUT_BYTES = 2_000_000
# C0/C1 control characters (Unicode category Cc) other than the layout ones: \t \n \f \r
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_input(data: str | bytes, *, max_bytes: int = MAX_INPUT_BYTES) -> str:
    """Return NFC text, or raise InputError saying why the input cannot be an article."""
    if isinstance(data, bytes):
        if len(data) > max_bytes:
            raise InputError(f"input is {len(data):,} bytes; the limit is {max_bytes:,} bytes")
        if b"\x00" in data[:8192]:
            raise InputError("input looks binary (it contains NUL bytes); send text or HTML")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"input is not valid UTF-8 (bad byte at offset {exc.start}); re-encode it as UTF-8"
            ) from None
    elif isinstance(data, str):
        text = data
        if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
            raise InputError(f"input is larger than the {max_bytes:,}-byte limit")
    else:
        raise InputError(f"input must be text or bytes, not {type(data).__name__}")
    if "\x00" in text:
        raise InputError("input looks binary (it contains NUL characters); send text or HTML")
    controls = len(_CONTROL.findall(text, 0, 20000))
    if controls > max(8, len(text[:20000]) // 100):
        raise InputError("input looks binary (too many control characters); send text or HTML")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise InputError("input is empty (no text to extract from)")
    return text
