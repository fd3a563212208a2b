"""Split a pasted page into calendar blocks, the article (title + paragraphs) and boilerplate."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from nlp.text.html import html_to_text, looks_like_html

_SENTENCE_END = re.compile(r"[.!?…:;\"”»'’)]\s*$")
_HASHTAGS_ONLY = re.compile(r"^(?:\s*[#@]\w+)+\s*$")
_MAX_TITLE_WORDS = 24
# "… in Shanghai ©Getty Images", "Photograph: Feng Li/Getty Images": credits are not article text
_CREDIT = re.compile(
    r"\s*(?:©|\(c\)|\b(?:Photo(?:graph)?|Foto|Bild|Crédit(?:s)? photo|Credit)\s*:)[^\n]*$", re.I | re.M
)


@dataclass(slots=True)
class Page:
    title: str | None
    paragraphs: list[str]
    calendar_blocks: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)


_MAX_FURNITURE_WORDS = 8
_PIPE_PART_WORDS = 4
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÞĀ-Ž][\w'’.-]*|[a-zà-ÿ]{1,3}|[A-Z]\.|[&(),-]+)$")


@lru_cache(maxsize=1)
def _boilerplate() -> dict:
    return json.loads(resources.files("nlp.text").joinpath("boilerplate.json").read_text(encoding="utf-8"))


def _boilerplate_openings() -> tuple[str, ...]:
    return tuple(_boilerplate()["openings"])


def is_furniture_line(line: str) -> bool:
    """A line of page furniture inside the text: a byline or credit ("Von Ingo Krüger", "Foto: dpa"), a credit or
    breadcrumb of short parts joined by " | " ("Agencias | EITB MEDIA"), or a row of share buttons."""
    words = line.split()
    if not words or len(words) > _MAX_FURNITURE_WORDS:
        return False
    data = _boilerplate()
    if words[0].lower() in data["byline_openings"] and all(_NAME_WORD.match(w) for w in words[1:]):
        return True
    parts = [p.split() for p in line.split(" | ")]
    if len(parts) > 1 and all(0 < len(p) <= _PIPE_PART_WORDS for p in parts):
        return True
    tokens = re.findall(r"[^\W\d_][\w-]*", line.lower())
    return bool(tokens) and all(t in data["share_words"] for t in tokens)


def is_boilerplate(paragraph: str) -> bool:
    line = " ".join(paragraph.split()).lower()
    if _HASHTAGS_ONLY.match(line):
        return True
    return len(line.split()) <= 10 and line.startswith(_boilerplate_openings())


def _looks_like_title(paragraph: str) -> bool:
    words = paragraph.split()
    letters_words = [w for w in words if re.search(r"[^\W\d_]{2,}", w)]
    return (
        "\n" not in paragraph
        and 3 <= len(letters_words)
        and len(words) <= _MAX_TITLE_WORDS
        and not re.search(r"[.!?]\s*$", paragraph)
    )


def _split_paragraphs(lines: list[str]) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def segment_page(text: str) -> Page:
    """Segment decoded page text (plain text, a pasted page or HTML)."""
    html_title: str | None = None
    if looks_like_html(text):
        html_title, text = html_to_text(text)
    from nlp.calendar import find_calendar_spans

    lines = text.split("\n")
    calendar_blocks: list[str] = []
    keep = [True] * len(lines)
    for start, end in find_calendar_spans(lines):
        calendar_blocks.append("\n".join(lines[start:end]))
        for i in range(start, end):
            keep[i] = False
    article_lines = [_CREDIT.sub("", line) if keep[i] else "" for i, line in enumerate(lines)]
    furniture = [line.strip() for line in article_lines if is_furniture_line(line)]
    article_lines = ["" if is_furniture_line(line) else line for line in article_lines]
    paragraphs = _split_paragraphs(article_lines)
    boilerplate = furniture + [p for p in paragraphs if is_boilerplate(p)]
    paragraphs = [p for p in paragraphs if not is_boilerplate(p)]
    title = html_title
    if title and paragraphs and paragraphs[0].strip() == title.strip():
        paragraphs = paragraphs[1:]
    if title is None and len(paragraphs) >= 2 and _looks_like_title(paragraphs[0]):
        title, paragraphs = paragraphs[0], paragraphs[1:]
    return Page(title=title, paragraphs=paragraphs, calendar_blocks=calendar_blocks, boilerplate=boilerplate)
