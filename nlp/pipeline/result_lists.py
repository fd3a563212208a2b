"""Results lists in plain text: numbered items at line starts ("1. Ariarne Test (AUS) 1:53.50") and results run
into one line ("1. Jan Test 34,56 2. Kees Proef 34,78 3. Lars Voorbeeld 34,91")."""

from __future__ import annotations

import re

# A rank opening a line: "1. Name", "12) Name".
LINE_ITEM = re.compile(r"(?m)^[ \t]*(\d{1,3})[.)][ \t]+(?=[^\W\d_])")
INLINE_ITEM = re.compile(r"(?<![\w.,:/+-])(\d{1,3})[.)][ \t]+(?=[^\W\d_a-z])")
INLINE_LIST_MIN_ITEMS = 3
INLINE_ITEM_MAX_LENGTH = 160


def line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return end if end >= 0 else len(text)


def inline_list_items(text: str) -> list[tuple[int, int, int]]:
    """Results run into one line: "1. Jan Test 34,56 2. Kees Proef 34,78 3. Lars Voorbeeld 34,91".
    (start, end, rank) of each item: at least INLINE_LIST_MIN_ITEMS consecutive numbers on one line, each
    followed by a capitalised word, items no longer than INLINE_ITEM_MAX_LENGTH characters. An item ends
    where the next begins (the last at the end of its line or after INLINE_ITEM_MAX_LENGTH)."""
    markers = list(INLINE_ITEM.finditer(text))
    items: list[tuple[int, int, int]] = []
    run: list[re.Match[str]] = []

    def close_run() -> None:
        if len(run) >= INLINE_LIST_MIN_ITEMS:
            for m, following in zip(run, run[1:] + [None], strict=True):
                end = (
                    following.start() if following else min(line_end(text, m.end()), m.start() + INLINE_ITEM_MAX_LENGTH)
                )
                items.append((m.start(), end, int(m.group(1))))

    for m in markers:
        previous = run[-1] if run else None
        if previous is not None and (
            int(m.group(1)) != int(previous.group(1)) + 1
            or m.start() - previous.start() > INLINE_ITEM_MAX_LENGTH
            or "\n" in text[previous.end() : m.start()]
        ):
            close_run()
            run = []
        run.append(m)
    close_run()
    return items
