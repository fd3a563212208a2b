"""Data files the pipelines read (word lists, the lexical-vector table, trained NER pipelines) and the scripts
that build them."""

from __future__ import annotations

from pathlib import Path


def write_word_list(path: Path, header: str, words: list[str], kind: str) -> None:
    """One entry per line under a `#` header line, the format `resource_word_list` reads; reports the count."""
    path.write_text(f"# {header}\n" + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} {kind} -> {path}")
