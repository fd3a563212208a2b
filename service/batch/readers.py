"""Turn input paths into a stream of `SourceItem`s, one archive entry or JSONL line at a time.

Formats are detected from content (see `detect.py`): directory trees, JSONL, JSON, text, HTML, zip,
tar(.gz), gzip, WARC. Nothing is read whole into memory except one article at a time, within caps.
"""

from __future__ import annotations

import gzip
import json
import os
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, cast

from nlp.engine import ArticleInput
from service.batch.detect import SNIFF_BYTES, Format, is_archive, sniff
from service.batch.items import SourceItem
from service.batch.limits import DEFAULT_LIMITS, Limits
from service.batch.safety import (
    ArchiveRefused,
    Budget,
    CountingReader,
    buffered,
    read_capped,
    size_text,
    unsafe_name,
    zip_entry_problem,
)

_READ_ERRORS = (OSError, EOFError, zlib.error, zipfile.BadZipFile, tarfile.TarError, ValueError)
_WARC_MIME = {"text/html", "application/xhtml+xml", "text/plain"}


def iter_items(paths: Iterable[str | os.PathLike], limits: Limits = DEFAULT_LIMITS) -> Iterator[SourceItem]:
    """Every article (or refused entry) of the inputs, in a deterministic order. An archive's entries are named
    "archive.zip:path/in/archive", or by their path alone when the archive is the only input."""
    paths = list(paths)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, "", limits)
        elif path.is_file():
            yield from _file(path, path.name, limits, bare=len(paths) == 1)
        else:
            yield SourceItem.refused(str(raw), "no such file or directory")


# -- files and directories ------------------------------------------------------------------------


def _walk(directory: Path, relative: str, limits: Limits) -> Iterator[SourceItem]:
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as exc:
        yield SourceItem.refused(relative or str(directory), f"cannot read directory: {exc.strerror}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        entry_id = f"{relative}/{entry.name}" if relative else entry.name
        if entry.is_symlink():
            yield SourceItem.refused(entry_id, "symbolic link (not followed)")
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path), entry_id, limits)
        elif entry.is_file(follow_symlinks=False):
            yield from _file(Path(entry.path), entry_id, limits)
        else:
            yield SourceItem.refused(entry_id, "not a regular file")


def _member_id(archive_id: str, name: str) -> str:
    name = name[2:] if name.startswith("./") else name
    return f"{archive_id}:{name}" if archive_id else name


def _file(path: Path, item_id: str, limits: Limits, bare: bool = False) -> Iterator[SourceItem]:
    """`bare`: the file is the only input, so an archive's entries are named by their path alone."""
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield SourceItem.refused(item_id, f"cannot read file: {exc.strerror}")
        return
    with handle:
        head = handle.read(SNIFF_BYTES)
        handle.seek(0)
        fmt = sniff(head)
        try:
            if fmt is Format.ZIP:
                yield from _zip(handle, "" if bare else item_id, limits)
            elif fmt is Format.GZIP:
                yield from _gzip(path, item_id, limits, members="" if bare else item_id)
            elif fmt is Format.TAR:
                yield from _tar(handle, "" if bare else item_id, limits, compressed=False)
            elif fmt is Format.WARC:
                yield from _warc(handle, item_id, limits, Budget(limits))
            else:
                yield from _document(handle, item_id, limits)
        except ArchiveRefused as exc:
            yield SourceItem.refused(item_id, str(exc))
        except _READ_ERRORS as exc:
            yield SourceItem.refused(item_id, f"unreadable {fmt.value} input: {exc}")


# -- single documents: text, HTML, JSON, JSONL ----------------------------------------------------


def _document(stream: IO[bytes], item_id: str, limits: Limits, budget: Budget | None = None) -> Iterator[SourceItem]:
    """One stream that is not an archive (archives inside archives are refused): a JSONL file is streamed
    line by line, anything else read whole within the per-file cap."""
    head = stream.read(SNIFF_BYTES)
    if budget is not None:
        budget.charge(len(head))
    fmt = sniff(head)
    if is_archive(fmt):
        yield SourceItem.refused(item_id, f"nested {fmt.value} archive (not supported: extract it first)")
        return
    if fmt is Format.JSONL:
        yield from _jsonl(buffered(head, stream, budget), item_id, limits)
        return
    rest = read_capped(stream, max(limits.max_file_bytes - len(head), 0))
    if budget is not None:
        budget.charge(limits.max_file_bytes if rest is None else len(rest))
    if rest is None or len(head) > limits.max_file_bytes:
        yield SourceItem.refused(item_id, f"file is over the per-file cap of {size_text(limits.max_file_bytes)}")
        return
    data = head + rest
    if fmt is Format.EMPTY:
        yield SourceItem.refused(item_id, "empty file")
    elif fmt is Format.BINARY:
        yield SourceItem.refused(item_id, "binary content (not text, HTML, JSON or a supported archive)")
    elif fmt is Format.JSON:
        yield from _json_document(data, item_id)
    else:  # text or HTML: the engine reduces HTML to its main text itself
        yield SourceItem(item_id, ArticleInput(data, id=item_id))


def _json_document(data: bytes, item_id: str) -> Iterator[SourceItem]:
    try:
        value = json.loads(data)
    except ValueError as exc:
        yield SourceItem.refused(item_id, f"not valid JSON: {exc}")
        return
    except RecursionError:
        yield SourceItem.refused(item_id, "JSON nested too deeply to be an article")
        return
    if isinstance(value, list):
        for index, element in enumerate(value):
            yield article_from_object(element, f"{item_id}#{index}")
    else:
        yield article_from_object(value, item_id)


def _jsonl(stream: IO[bytes], source_id: str, limits: Limits) -> Iterator[SourceItem]:
    cap = limits.max_file_bytes
    line_number = 0
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        line_number += 1
        fallback_id = f"{source_id}:{line_number}"
        if len(line) > cap and not line.endswith(b"\n"):
            while (rest := stream.readline(cap)) and not rest.endswith(b"\n"):
                pass
            yield SourceItem.refused(fallback_id, f"line {line_number} is over the cap of {size_text(cap)}")
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            yield SourceItem.refused(fallback_id, f"line {line_number} is not valid JSON")
            continue
        except RecursionError:
            yield SourceItem.refused(fallback_id, f"line {line_number} is JSON nested too deeply to be an article")
            continue
        yield article_from_object(value, fallback_id)


def article_from_object(value: Any, fallback_id: str) -> SourceItem:
    """{"id", "text", "published"?, "language"?, "url"?} -> an article, or a refusal naming the problem."""
    if not isinstance(value, dict):
        return SourceItem.refused(fallback_id, 'expected a JSON object with a "text" field')
    raw_id = value.get("id")
    item_id = fallback_id if raw_id is None or isinstance(raw_id, (dict, list)) else str(raw_id)
    text = value.get("text")
    if not isinstance(text, str):
        return SourceItem.refused(item_id, 'missing "text" field (a string)')
    fields = {}
    for key in ("published", "language", "url"):
        field_value = value.get(key)
        if field_value is not None and not isinstance(field_value, str):
            return SourceItem.refused(item_id, f'"{key}" must be a string')
        fields[key] = field_value or None
    return SourceItem(
        item_id,
        ArticleInput(
            text,
            id=item_id,
            published=fields["published"],
            language=fields["language"],
            source_url=fields["url"] or value.get("source_url"),
        ),
    )


# -- archives -------------------------------------------------------------------------------------


def _entry(stream: IO[bytes], entry_id: str, limits: Limits) -> Iterator[SourceItem]:
    """One archive member of declared size, read within caps; a read error refuses this entry only."""
    try:
        yield from _document(stream, entry_id, limits)
    except ArchiveRefused:
        raise
    except _READ_ERRORS as exc:
        yield SourceItem.refused(entry_id, f"unreadable entry: {exc}")


def _zip(handle: IO[bytes], archive_id: str, limits: Limits) -> Iterator[SourceItem]:
    archive = zipfile.ZipFile(handle)
    budget = Budget(limits)
    for info in archive.infolist():
        if info.is_dir():
            continue
        entry_id = _member_id(archive_id, info.filename)
        problem = zip_entry_problem(info, limits)
        if problem:
            yield SourceItem.refused(entry_id, problem)
            continue
        budget.reserve(info.file_size)  # zipfile never returns more than the declared size
        try:
            member = archive.open(info)
        except (*_READ_ERRORS, NotImplementedError, RuntimeError) as exc:
            yield SourceItem.refused(entry_id, f"unreadable entry: {exc}")
            continue
        with member:
            yield from _entry(member, entry_id, limits)


def _gzip(path: Path, item_id: str, limits: Limits, members: str | None = None) -> Iterator[SourceItem]:
    """tar.gz, warc.gz, or one gzipped document (e.g. articles.jsonl.gz): decided on the decompressed head.
    `members`: how a tar's entries are prefixed (default: the file's id)."""
    with open(path, "rb") as probe_file, gzip.GzipFile(fileobj=probe_file) as probe:
        inner = sniff(probe.read(SNIFF_BYTES))
    with open(path, "rb") as handle:
        counted = CountingReader(handle)
        raw = cast(IO[bytes], counted)  # a raw binary stream, which tarfile and warcio read as any file
        if inner is Format.TAR:
            yield from _tar(raw, item_id if members is None else members, limits, compressed=True)
        elif inner is Format.WARC:
            yield from _warc(raw, item_id, limits, Budget(limits, counted))
        else:
            budget = Budget(limits, counted)
            with gzip.GzipFile(fileobj=counted) as stream:
                yield from _document(cast(IO[bytes], stream), item_id, limits, budget=budget)


def _tar(stream: IO[bytes], archive_id: str, limits: Limits, compressed: bool) -> Iterator[SourceItem]:
    counted = stream if isinstance(stream, CountingReader) else CountingReader(stream)
    budget = Budget(limits, counted if compressed else None)
    with tarfile.open(fileobj=counted, mode="r|gz" if compressed else "r|") as archive:
        while (member := archive.next()) is not None:
            archive.members.clear()  # type: ignore[attr-defined]  # stream mode keeps every header otherwise
            budget.settle(member.offset)
            entry_id = _member_id(archive_id, member.name)
            if member.isdir():
                continue
            problem = unsafe_name(member.name)
            if member.issym():
                problem = "symbolic link in archive"
            elif member.islnk():
                problem = "hard link in archive"
            elif not member.isfile():
                problem = problem or "special file in archive (device or FIFO)"
            if problem:
                yield SourceItem.refused(entry_id, problem)
                continue
            budget.reserve(member.size)
            member_stream = archive.extractfile(member)
            if member_stream is None:
                continue
            if member.size > limits.max_file_bytes:
                yield SourceItem.refused(
                    entry_id, f"file is over the per-file cap of {size_text(limits.max_file_bytes)}"
                )
            else:
                yield from _entry(member_stream, entry_id, limits)
            _skip_rest(member_stream, member.offset_data, budget)


def _skip_rest(member: IO[bytes], start: int, budget: Budget) -> None:
    """Read what is left of a tar member (a stream can only reach the next one that way), checking the
    compression ratio on the way: tarfile would decompress a 1 GiB bomb whole before any check."""
    while member.read(1 << 20):
        budget.reached(start + member.tell())


def _warc(stream: IO[bytes], archive_id: str, limits: Limits, budget: Budget) -> Iterator[SourceItem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for index, record in enumerate(ArchiveIterator(stream)):
            item = _warc_record(record, f"{archive_id}#{index}", limits, budget)
            if item is not None:
                yield item
    except ArchiveLoadFailed as exc:
        raise ValueError(str(exc)) from None


def _warc_record(record, fallback_id: str, limits: Limits, budget: Budget) -> SourceItem | None:
    """A crawled HTML or text page; other records (requests, images, redirects, metadata) are skipped."""
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or fallback_id
    if record.rec_type == "response":
        if record.http_headers is None or not str(record.http_headers.get_statuscode()).startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    mime, _, params = content_type.partition(";")
    if mime.strip().lower() not in _WARC_MIME:
        return None
    body = read_capped(record.content_stream(), limits.max_file_bytes)
    if body is None:
        return SourceItem.refused(url, f"record is over the per-file cap of {size_text(limits.max_file_bytes)}")
    budget.charge(len(body))
    charset = params.partition("charset=")[2].strip().strip("\"'").lower()
    text: str | bytes = body
    if charset and charset.replace("-", "") not in {"utf8", "usascii"}:
        try:
            text = body.decode(charset, errors="replace")
        except LookupError:
            pass
    return SourceItem(url, ArticleInput(text, id=url, source_url=url))
