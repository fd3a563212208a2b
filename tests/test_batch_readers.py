"""Input formats detected from content, and hostile archives refused entry by entry (no engine needed)."""

from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
import zipfile
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from service.batch.detect import Format, sniff
from service.batch.limits import Limits
from service.batch.readers import iter_items
from tests.batch_helpers import add_tar_member, invented_article, zip_symlink

ARTICLE = invented_article(1).encode()
HTML = (
    b"<!DOCTYPE html><html><head><title>Uitslag</title><script>var x=1;</script></head>"
    b"<body><article><h1>Brandhof wint</h1><p>" + ARTICLE + b"</p></article></body></html>"
)
SMALL = Limits(max_file_bytes=64 * 1024, max_archive_bytes=4 * 1024 * 1024, max_ratio=50, ratio_floor_bytes=32 * 1024)


def items(*paths, limits: Limits | None = None):
    return list(iter_items([str(p) for p in paths], limits or Limits()))


def by_id(found):
    return {item.id: item for item in found}


@pytest.mark.parametrize(
    "head, expected",
    [
        (b"PK\x03\x04rest", Format.ZIP),
        (b"\x1f\x8b\x08\x00", Format.GZIP),
        (b"WARC/1.0\r\n", Format.WARC),
        (b'{"id": 1, "text": "x"}\n{"id": 2}', Format.JSONL),
        (b'{\n  "id": 1,\n  "text": "x"\n}', Format.JSON),
        (b'[{"text": "x"}]', Format.JSON),
        (b'corrupt first line\n{"id": 2, "text": "x"}\n{"id": 3, "text": "y"}\n', Format.JSONL),
        (b'{"id": 1, "text": "a very long line cut by the sniff window', Format.JSONL),
        (b"  <!doctype html><html>", Format.HTML),
        (b"<p>Kramer wint</p>", Format.HTML),
        (b"Kramer wint goud\n\nop de 5000 meter", Format.TEXT),
        (b"\x89PNG\r\n\x1a\n\x00\x00", Format.BINARY),
        (b"", Format.EMPTY),
    ],
)
def test_formats_are_detected_from_content(head, expected):
    assert sniff(head) is expected


def test_detection_ignores_misleading_names(tmp_path):
    (tmp_path / "really-jsonl.txt").write_text('{"id": "x1", "text": "Kramer wint."}\n', encoding="utf-8")
    (tmp_path / "really-text.json").write_text("Kramer wint de 5000 meter.", encoding="utf-8")
    found = by_id(items(tmp_path))
    assert found["x1"].article.text == "Kramer wint."
    assert found["really-text.json"].article.text == b"Kramer wint de 5000 meter."


def test_directory_tree_of_text_html_and_json(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "sub" / "b.html").write_bytes(HTML)
    (tmp_path / "sub" / "deeper" / "c.json").write_text(
        json.dumps({"id": "c-1", "text": "Tekst", "published": "2018-02-14", "language": "nl"}), encoding="utf-8"
    )
    (tmp_path / "d.json").write_text(json.dumps([{"text": "een"}, {"id": 7, "text": "twee"}]), encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skipped", encoding="utf-8")
    found = items(tmp_path)
    assert [item.id for item in found] == ["a.txt", "d.json#0", "7", "sub/b.html", "c-1"]
    by = by_id(found)
    assert by["a.txt"].article.text == ARTICLE
    assert by["sub/b.html"].article.text == HTML  # the engine reduces HTML to its main text
    assert (by["c-1"].article.published, by["c-1"].article.language) == ("2018-02-14", "nl")
    assert by["7"].article.text == "twee"


def test_jsonl_bad_lines_are_reported_and_reading_goes_on(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok-1", "text": "Kramer wint.", "published": "2018-02"}),
                "{not json",
                json.dumps({"id": "no-text"}),
                "",
                json.dumps({"id": "bad-date", "text": "x", "published": 2018}),
                json.dumps(["a list"]),
                json.dumps({"id": "ok-2", "text": "Nuis wint."}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    found = items(path)
    assert [(item.id, item.error is None) for item in found] == [
        ("ok-1", True),
        ("in.jsonl:2", False),
        ("no-text", False),
        ("bad-date", False),
        ("in.jsonl:6", False),
        ("ok-2", True),
    ]
    assert "not valid JSON" in found[1].error
    assert "text" in found[2].error


def test_jsonl_line_over_the_cap_is_refused_and_the_next_line_read(tmp_path):
    path = tmp_path / "in.jsonl"
    huge = json.dumps({"id": "huge", "text": "x" * 200_000})
    path.write_text(huge + "\n" + json.dumps({"id": "after", "text": "Kramer wint."}) + "\n", encoding="utf-8")
    found = items(path, limits=SMALL)
    assert found[0].error.startswith("line 1 is over the cap")
    assert found[1].id == "after" and found[1].article is not None


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "in.gz"
    path.write_bytes(gzip.compress(b'{"id": "g1", "text": "Kramer wint."}\n{"id": "g2", "text": "Nuis wint."}\n'))
    assert [item.id for item in items(path)] == ["g1", "g2"]


def test_zip_archive_of_mixed_files(tmp_path):
    path = tmp_path / "archive.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("news/a.txt", ARTICLE)
        archive.writestr("news/b.html", HTML)
        archive.writestr("lines.jsonl", '{"id": "z1", "text": "Kramer wint."}\n')
    found = items(path)
    assert [item.id for item in found] == ["news/a.txt", "news/b.html", "z1"]
    assert all(item.error is None for item in found)


def test_tar_gz_archive(tmp_path):
    path = tmp_path / "archive.tgz"
    with tarfile.open(path, "w:gz") as tar:
        add_tar_member(tar, "a.txt", ARTICLE)
        add_tar_member(tar, "dir/b.html", HTML)
        add_tar_member(tar, "c.json", json.dumps({"id": "t-c", "text": "Tekst"}).encode())
    assert [item.id for item in items(path)] == ["a.txt", "dir/b.html", "t-c"]


def test_plain_tar_archive(tmp_path):
    path = tmp_path / "archive.bin"
    with tarfile.open(path, "w") as tar:
        add_tar_member(tar, "./a.txt", ARTICLE)
    assert [item.id for item in items(path)] == ["a.txt"]  # the member path, without "./"


def test_entries_of_several_archives_are_named_with_their_archive(tmp_path):
    first, second = tmp_path / "one.zip", tmp_path / "two.tar"
    with zipfile.ZipFile(first, "w") as archive:
        archive.writestr("./a.txt", ARTICLE)
    with tarfile.open(second, "w") as tar:
        add_tar_member(tar, "./a.txt", ARTICLE)
    assert [item.id for item in iter_items([first, second])] == ["one.zip:a.txt", "two.tar:a.txt"]


def _warc(path: Path, compress: bool) -> None:
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=compress)

        def response(url: str, body: bytes, content_type: str, status: str = "200 OK"):
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )

        writer.write_record(writer.create_warc_record("", "warcinfo", payload=io.BytesIO(b"software: test")))
        response("https://news.example/uitslag", HTML, "text/html; charset=utf-8")
        response("https://news.example/logo.png", b"\x89PNG\x00\x00", "image/png")
        response("https://news.example/moved", b"", "text/html", status="301 Moved Permanently")
        response("https://news.example/latin", "Café Brandhof wint".encode("latin-1"), "text/plain; charset=iso-8859-1")


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_warc_pages_become_articles_and_other_records_are_skipped(tmp_path, compress):
    path = tmp_path / "crawl.warc"
    _warc(path, compress)
    found = items(path)
    assert [item.id for item in found] == ["https://news.example/uitslag", "https://news.example/latin"]
    assert found[0].article.text == HTML and found[0].article.source_url == "https://news.example/uitslag"
    assert found[1].article.text == "Café Brandhof wint"  # decoded with the declared charset


# -- hostile inputs ---------------------------------------------------------------------------------


def test_zip_path_traversal_and_symlinks_are_refused_and_the_rest_processed(tmp_path):
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("../../etc/cron.d/evil.txt", b"Kramer")
        archive.writestr("/etc/passwd", b"root")
        archive.writestr("C:/windows/evil.txt", b"x")
        zip_symlink(archive, "link.txt", "/etc/shadow")
        archive.writestr("good.txt", ARTICLE)
    found = items(path)
    reasons = {item.id: item.error for item in found}
    assert "path traversal" in reasons["../../etc/cron.d/evil.txt"]
    assert "path traversal" in reasons["/etc/passwd"]
    assert "path traversal" in reasons["C:/windows/evil.txt"]
    assert reasons["link.txt"] == "symbolic link in archive"
    assert reasons["good.txt"] is None


def test_zip_bomb_entry_is_refused_by_ratio(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"\x00" * (2 * 1024 * 1024))
        archive.writestr("good.txt", ARTICLE)
    found = by_id(items(path, limits=SMALL))
    assert "zip bomb" in found["bomb.txt"].error
    assert found["good.txt"].error is None


def test_zip_entry_over_the_file_cap_is_refused(tmp_path):
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("big.txt", os.urandom(100 * 1024).hex().encode()[: 100 * 1024])
        archive.writestr("good.txt", ARTICLE)
    found = by_id(items(path, limits=SMALL))
    assert "per-file cap" in found["big.txt"].error
    assert found["good.txt"].error is None


def test_zip_expanding_past_the_archive_cap_stops_with_a_report(tmp_path):
    path = tmp_path / "many.zip"
    limits = Limits(max_file_bytes=64 * 1024, max_archive_bytes=100 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for index in range(5):
            archive.writestr(f"part{index}.txt", os.urandom(20 * 1024).hex().encode()[: 40 * 1024])
    found = items(path, limits=limits)
    assert [item.error is None for item in found] == [True, True, False]
    assert found[-1].id == "many.zip" and "expands past the cap" in found[-1].error


def test_tar_links_devices_and_traversal_are_refused(tmp_path):
    path = tmp_path / "evil.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        add_tar_member(tar, "../outside.txt", b"Kramer")
        add_tar_member(tar, "link.txt", kind=tarfile.SYMTYPE, linkname="/etc/passwd")
        add_tar_member(tar, "hard.txt", kind=tarfile.LNKTYPE, linkname="good.txt")
        add_tar_member(tar, "dev", kind=tarfile.CHRTYPE)
        add_tar_member(tar, "good.txt", ARTICLE)
    reasons = {item.id: item.error for item in items(path)}
    assert "path traversal" in reasons["../outside.txt"]
    assert reasons["link.txt"] == "symbolic link in archive"
    assert reasons["hard.txt"] == "hard link in archive"
    assert "special file" in reasons["dev"]
    assert reasons["good.txt"] is None


def test_tar_gz_bomb_is_refused_by_ratio(tmp_path):
    path = tmp_path / "bomb.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        add_tar_member(tar, "bomb.txt", b"a" * (3 * 1024 * 1024))
        add_tar_member(tar, "after.txt", ARTICLE)
    found = items(path, limits=SMALL)
    assert "per-file cap" in found[0].error
    assert found[-1].id == "bomb.tar.gz" and "zip bomb" in found[-1].error


def test_tar_member_declared_past_the_archive_cap_is_not_decompressed(tmp_path):
    path = tmp_path / "huge.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        add_tar_member(tar, "good.txt", ARTICLE)
        add_tar_member(tar, "huge.txt", b"a" * (5 * 1024 * 1024))
    found = items(path, limits=SMALL)
    assert found[0].error is None
    assert "expands past the cap" in found[1].error


def test_directory_symlinks_and_binary_files_are_refused(tmp_path):
    (tmp_path / "good.txt").write_bytes(ARTICLE)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "escape.txt").symlink_to("/etc/passwd")
    (tmp_path / "loop").symlink_to(tmp_path)
    reasons = {item.id: item.error for item in items(tmp_path)}
    assert reasons == {
        "empty.txt": "empty file",
        "escape.txt": "symbolic link (not followed)",
        "good.txt": None,
        "image.png": "binary content (not text, HTML, JSON or a supported archive)",
        "loop": "symbolic link (not followed)",
    }


def test_nested_archives_are_refused(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("a.txt", ARTICLE)
    path = tmp_path / "outer.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("inner.zip", inner.getvalue())
    assert "nested zip archive" in items(path)[0].error


def test_file_over_the_cap_and_missing_paths(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"a" * (70 * 1024))
    found = items(tmp_path / "big.txt", tmp_path / "missing.jsonl", limits=SMALL)
    assert "per-file cap" in found[0].error
    assert found[1].error == "no such file or directory"


def test_truncated_archive_is_reported_not_raised(tmp_path):
    good = tmp_path / "good.tar.gz"
    with tarfile.open(good, "w:gz") as tar:
        add_tar_member(tar, "a.txt", ARTICLE * 50)
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(good.read_bytes()[:200])
    found = items(broken)
    assert found[-1].error and "broken.tar.gz" in found[-1].id
