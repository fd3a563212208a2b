"""Structured summaries rendered with Jinja2 (text, Markdown, HTML) in any supported language."""

from nlp.summaries.render import (
    SUMMARY_FORMATS,
    SUMMARY_LANGUAGES,
    UnsupportedLanguage,
    check_language,
    render_palmares,
    render_summary,
)

__all__ = [
    "SUMMARY_FORMATS",
    "SUMMARY_LANGUAGES",
    "UnsupportedLanguage",
    "check_language",
    "render_palmares",
    "render_summary",
]
