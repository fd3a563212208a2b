"""The extraction engine: page text in, `ExtractionResult` out.

decode -> segment (calendar blocks, title, paragraphs, boilerplate) -> language -> spaCy pipeline of the
language -> facts -> calendar links -> summary.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import cast

from spacy.tokens import Doc

from models.records import Block, Calendar, Entity, ExtractionResult
from nlp.calendar import parse_calendar
from nlp.dates import parse_published
from nlp.errors import InputError
from nlp.event_context import fill_event_context
from nlp.extraction.facts import extract_facts
from nlp.extraction.merge import merge_facts
from nlp.language import LanguageGuess, detect_document, known_languages
from nlp.linking import link_article
from nlp.pipeline.components import Gazetteer
from nlp.pipeline.lexicon import available_languages, load_lexicon
from nlp.pipeline.loader import get_pipeline
from nlp.recent_names import KNOWN_NAMES_LIMIT, RecentNames
from nlp.summaries import render_summary as render
from nlp.text.decode import decode_input
from nlp.text.pieces import split_pieces
from nlp.text.segment import Page, segment_page

PIPELINE_VERSION = "0.1.0"
ENTITY_GROUPS = ("persons", "sports")


@dataclass(slots=True)
class ArticleInput:
    text: str | bytes
    id: str | None = None
    published: str | None = None  # "YYYY-MM" or "YYYY-MM-DD"
    language: str | None = None  # caller's hint
    source_url: str | None = None


@dataclass(slots=True)
class _Prepared:
    item: ArticleInput
    page: Page
    language: str
    confidence: float
    blocks: list[Block]
    published: dt.date | None
    text: str  # title + paragraphs, what the pipeline reads
    body_offset: int  # where the paragraphs start in `text`


class Engine:
    """Loads each language pipeline once (lazily) and runs segmentation, tagging, extraction, linking."""

    def __init__(
        self,
        known_athletes: Iterable[str] = (),
        known_teams: Iterable[str] = (),
        known_races: Iterable[str] = (),
        *,
        known_limit: int = KNOWN_NAMES_LIMIT,
    ) -> None:
        # The most recent `known_limit` names of each kind (athletes, teams, races), numbered as they arrive, so
        # each pipeline's gazetteer is fed only the names added since it was last fed.
        self.known = tuple(RecentNames(known_limit) for _ in range(3))
        self._fed: dict[str, tuple[int, int, int]] = {}  # language -> the number of the last name fed, per kind
        self.add_known(known_athletes, known_teams, known_races)

    # -- gazetteer --------------------------------------------------------------------------------
    @property
    def known_limit(self) -> int:
        return self.known[0].limit

    @known_limit.setter
    def known_limit(self, limit: int) -> None:
        for known in self.known:
            known.limit = limit

    def add_known(self, athletes: Iterable[str] = (), teams: Iterable[str] = (), races: Iterable[str] = ()) -> None:
        """Feed names from the store into the gazetteer of every pipeline (loaded now or later)."""
        for known, new in zip(self.known, (athletes, teams, races), strict=True):
            known.add(new)

    def _pipeline(self, language: str):
        nlp = get_pipeline(language)
        fed = self._fed.get(language, (0, 0, 0))
        last = tuple(known.last for known in self.known)
        if fed != last:
            athletes, teams, races = (known.after(n) for known, n in zip(self.known, fed, strict=True))
            gazetteer = cast(Gazetteer, nlp.get_pipe("palmares_gazetteer"))
            gazetteer.limit = self.known_limit
            gazetteer.add_names(athletes, teams, races)
            self._fed[language] = last  # type: ignore[assignment]
        return nlp

    # -- steps ------------------------------------------------------------------------------------
    def _prepare(self, item: ArticleInput) -> _Prepared:
        raw = decode_input(item.text)
        _, published = parse_published(item.published)
        page = segment_page(raw)
        if not page.paragraphs and not page.calendar_blocks:
            raise InputError("no article text found in the input (only boilerplate or markup)")
        texts = ([page.title] if page.title else []) + page.paragraphs
        hint = (item.language or "").strip().lower() or None
        document, per_block = detect_document(texts or page.calendar_blocks, hint=hint)
        if hint and hint not in known_languages() and hint in available_languages():
            # a language Palmarès has data for but the detector has no profile of: the caller's word stands
            document = LanguageGuess(hint, 1.0)
        kinds = (["title"] if page.title else []) + ["paragraph"] * len(page.paragraphs)
        blocks = [
            Block(kind=k, text=t, language=g.language, language_confidence=g.confidence)
            for k, t, g in zip(kinds, texts, per_block, strict=False)
        ]
        blocks += [Block(kind="calendar", text=c) for c in page.calendar_blocks]
        blocks += [Block(kind="boilerplate", text=b) for b in page.boilerplate]
        title_part = f"{page.title}\n\n" if page.title else ""
        return _Prepared(
            item=item,
            page=page,
            language=document.language,
            confidence=document.confidence,
            blocks=blocks,
            published=published,
            text=title_part + "\n\n".join(page.paragraphs),
            body_offset=len(title_part),
        )

    def _finish(
        self, prepared: _Prepared, tagged: Iterable[tuple[int, Doc]], calendar: Calendar | None
    ) -> ExtractionResult:
        """`tagged`: the Doc of each piece of `prepared.text` with the piece's offset (one piece for an article)."""
        item, page = prepared.item, prepared.page
        lexicon = load_lexicon(prepared.language)
        parts, entities = [], []
        for offset, doc in tagged:
            part = extract_facts(doc, lexicon, prepared.published)
            fill_event_context(doc, part.results, prepared.published)
            parts.append(part)
            entities += _entities(doc, prepared.body_offset - offset, lexicon)
        facts = merge_facts(parts)
        page_calendar = parse_calendar("\n".join(page.calendar_blocks)) if page.calendar_blocks else Calendar()
        link_targets = (calendar.entries if calendar else []) + page_calendar.entries
        links = (
            link_article(
                prepared.text,
                title=page.title,
                language=prepared.language,
                published=prepared.published,
                calendar=link_targets,
            )
            if link_targets
            else []
        )
        result = ExtractionResult(
            id=item.id,
            language=prepared.language,
            language_confidence=prepared.confidence,
            title=page.title,
            published=parse_published(item.published)[0],
            athletes=facts.athletes,
            results=facts.results,
            medal_tallies=facts.medal_tallies,
            quotes=facts.quotes,
            schedule=facts.schedule,
            calendar=page_calendar.entries,
            calendar_errors=page_calendar.errors,
            calendar_links=links,
            entities=entities,
            blocks=prepared.blocks,
            pipeline_version=PIPELINE_VERSION,
        )
        result.summary = render(result, prepared.language, "text")
        return result

    # -- public -----------------------------------------------------------------------------------
    def extract(
        self,
        text: str | bytes,
        *,
        id: str | None = None,
        published: str | None = None,
        language: str | None = None,
        source_url: str | None = None,
        calendar: Calendar | None = None,
    ) -> ExtractionResult:
        """Raises nlp.errors.InputError for bad input (empty, binary, invalid UTF-8, too large)."""
        prepared = self._prepare(ArticleInput(text, id, published, language, source_url))
        pieces = split_pieces(prepared.text)
        nlp = self._pipeline(_pipeline_language(prepared.language))
        with nlp.memory_zone():  # the strings and words first seen in this text are freed after it
            docs = nlp.pipe(piece for _, piece in pieces)
            return self._finish(prepared, zip((offset for offset, _ in pieces), docs, strict=True), calendar)

    def tag(self, item: ArticleInput) -> tuple[str, Doc]:
        """The article's language and its tagged Doc (the spaCy pipeline's output, before fact extraction)."""
        prepared = self._prepare(item)
        return prepared.language, self._pipeline(_pipeline_language(prepared.language))(prepared.text)

    def extract_many(
        self, items: Iterable[ArticleInput], *, calendar: Calendar | None = None, batch_size: int = 32
    ) -> Iterator[ExtractionResult | Exception]:
        """Yields one result per item, in order; a bad item yields its InputError instead of stopping."""
        chunk: list[ArticleInput] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= batch_size:
                yield from self._extract_chunk(chunk, calendar)
                chunk = []
        if chunk:
            yield from self._extract_chunk(chunk, calendar)

    def _extract_chunk(
        self, chunk: list[ArticleInput], calendar: Calendar | None
    ) -> list[ExtractionResult | Exception]:
        """Prepare every item, run each language's pipeline once over its articles with `nlp.pipe`,
        then finish them; the outcomes keep the input order."""
        outcomes: list[ExtractionResult | Exception] = [InputError("not processed")] * len(chunk)
        prepared: dict[int, _Prepared] = {}
        by_language: dict[str, list[int]] = defaultdict(list)
        for index, item in enumerate(chunk):
            try:
                prepared[index] = self._prepare(item)
            except InputError as exc:
                outcomes[index] = exc
                continue
            by_language[_pipeline_language(prepared[index].language)].append(index)
        for language, indexes in by_language.items():
            pieces = [(i, offset, piece) for i in indexes for offset, piece in split_pieces(prepared[i].text)]
            nlp = self._pipeline(language)
            with nlp.memory_zone():  # a long batch or service keeps the vocabulary it started with
                docs = nlp.pipe(piece for _, _, piece in pieces)
                tagged = zip(((i, offset) for i, offset, _ in pieces), docs, strict=True)
                for index, group in groupby(tagged, key=lambda pair: pair[0][0]):
                    try:
                        outcomes[index] = self._finish(
                            prepared[index], ((offset, doc) for (_, offset), doc in group), calendar
                        )
                    except Exception as exc:  # noqa: BLE001 — one article's failure must not stop a batch
                        outcomes[index] = exc
        return outcomes


def _pipeline_language(language: str) -> str:
    return language if language and language != "und" else "xx"


def _plausible_name(span, stopwords: frozenset[str]) -> bool:
    """A statistical place/organisation name needs a capitalised word that is not a function word
    (the NER sometimes tags a sentence-initial "Daarmee" or "Niemand")."""
    return any(
        t.is_alpha and t.text[:1].isupper() and t.text not in stopwords and not (t.is_sent_start and len(span) == 1)
        for t in span
    )


def _entities(doc: Doc, body_offset: int, lexicon) -> list[Entity]:
    stopwords = frozenset(lexicon.words("stopwords_capitalized"))
    spans = [s for group in ENTITY_GROUPS for s in doc.spans.get(group, [])]
    spans += [e for e in doc.ents if e.label_ in {"LOC", "GPE", "ORG"} and _plausible_name(e, stopwords)]
    taken_end = -1  # spans come by start: one overlaps a taken span exactly when it starts before the last end
    entities = []
    for span in sorted(spans, key=lambda s: (s.start_char, -(s.end_char - s.start_char))):
        if span.start_char < body_offset or span.start_char < taken_end:
            continue
        taken_end = max(taken_end, span.end_char)
        label = {"GPE": "PLACE", "LOC": "PLACE"}.get(span.label_, span.label_)
        entities.append(
            Entity(text=span.text, label=label, start=span.start_char - body_offset, end=span.end_char - body_offset)
        )
    return entities


@lru_cache(maxsize=1)
def get_engine() -> Engine:
    """The process-wide engine (pipelines load once per process)."""
    return Engine()


def render_summary(result: ExtractionResult, language: str | None = None, fmt: str = "text") -> str:
    """Structured summary of a result, in `language` (default: the article's), fmt text|markdown|html."""
    return render(result, language or result.language, fmt)
