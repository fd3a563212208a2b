"""Main-text extraction from HTML pages (trafilatura), with a safe lxml fallback."""

from __future__ import annotations

import re

_HTML_SIGNS = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|article|div|p|span|script|style|table|br|h[1-6]|section|main|a\s)[\s>/]",
    re.I,
)


def looks_like_html(text: str) -> bool:
    return len(_HTML_SIGNS.findall(text[:50000])) >= 2


def html_to_text(html: str) -> tuple[str | None, str]:
    """Return (title, main text with paragraphs separated by blank lines). Markup and scripts never leak."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, favor_recall=True, with_metadata=True
    )
    title = None
    text = ""
    if extracted is not None:
        title = getattr(extracted, "title", None) or None
        text = getattr(extracted, "text", None) or ""
    if not text.strip():
        text = _fallback_text(html)
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    return title, "\n\n".join(paragraphs)


def _fallback_text(html: str) -> str:
    from lxml import html as lxml_html
    from lxml.html.clean import Cleaner

    try:
        tree = lxml_html.fromstring(html)
    except Exception:  # lxml raises several parser errors on hostile markup
        return re.sub(r"<[^>]*>", " ", html)
    cleaned = Cleaner(
        scripts=True,
        javascript=True,
        style=True,
        comments=True,
        forms=True,
        embedded=True,
        frames=True,
        meta=True,
        page_structure=False,
    ).clean_html(tree)
    blocks = [el.text_content().strip() for el in cleaned.iter("p", "h1", "h2", "h3", "li", "blockquote")]
    return "\n".join(b for b in blocks if b) or cleaned.text_content()
