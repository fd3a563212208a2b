"""Helpers for the batch tests: invented articles and small archives built on the fly (no tests here)."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path

NAMES = ["Mirthe Vollenga", "Oskar Brandhof", "Lieke Stavast", "Teun Morrel", "Anouk Dijkgraaf", "Pim Haverkamp"]


def invented_article(index: int) -> str:
    """A short invented Dutch skating report; different for each index."""
    winner, second = NAMES[index % len(NAMES)], NAMES[(index + 1) % len(NAMES)]
    return (
        f"{winner.split()[1]} wint de {500 + 500 * (index % 3)} meter in Heerenveen\n\n"
        f"{winner} heeft de {500 + 500 * (index % 3)} meter gewonnen in {35 + index % 20},{10 + index % 89}. "
        f"{second} werd tweede op 0,{10 + index % 80} seconde van winnaar {winner.split()[1]}. "
        f"“Dit is een mooie dag”, zei {winner.split()[1]} na afloop. Wedstrijd nummer {index}."
    )


def jsonl_lines(count: int, start: int = 0) -> list[str]:
    return [
        json.dumps({"id": f"a{i:04d}", "text": invented_article(i)}, ensure_ascii=False)
        for i in range(start, start + count)
    ]


def write_jsonl(path: Path, count: int) -> Path:
    path.write_text("\n".join(jsonl_lines(count)) + "\n", encoding="utf-8")
    return path


def add_tar_member(
    tar: tarfile.TarFile, name: str, data: bytes = b"", kind: bytes = tarfile.REGTYPE, linkname: str = ""
) -> None:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = linkname
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    tar.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)


def zip_symlink(archive: zipfile.ZipFile, name: str, target: str) -> None:
    info = zipfile.ZipInfo(name)
    info.external_attr = 0o120777 << 16
    archive.writestr(info, target)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
