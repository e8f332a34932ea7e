"""Reading articles from files and uploads, whatever arrives: text in UTF-8 or Windows-1252,
HTML pages, and the things that are not articles at all (empty, binary, huge), which get a
one-line message instead of a traceback."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from geo.clean import prose_spans
from geo.model import Article, Span

MAX_BYTES = 5 * 1024 * 1024
SUFFIXES = (".txt", ".md", ".html", ".htm")


class ReadError(Exception):
    """A file that cannot be read as an article; the message is one line for the user."""


def read_paths(paths: list[str | Path]) -> tuple[list[Article], list[str]]:
    """Read files and folders (their .txt/.md/.html files, sorted); bad inputs become messages."""
    articles: list[Article] = []
    messages: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                messages.append(f"{path}: folder holds no .txt, .md or .html files")
        elif path.is_file():
            files = [path]
        else:
            messages.append(f"{path}: no such file or folder")
            continue
        for file in files:
            try:
                article = read_file(file)
            except ReadError as err:
                messages.append(str(err))
                continue
            messages.extend(f"{file}: {note}" for note in article.notes)
            articles.append(article)
    return articles, messages


def read_file(path: Path) -> Article:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_big(str(path), size)
        data = path.read_bytes()
    except OSError as err:
        raise ReadError(f"{path}: cannot read ({err.strerror})") from err
    return read_bytes(str(path), data)


def read_bytes(name: str, data: bytes) -> Article:
    """An article from raw bytes; ``name`` is a path or upload name (its stem is the id)."""
    if len(data) > MAX_BYTES:
        raise _too_big(name, len(data))
    if not data.strip():
        raise ReadError(f"{name}: empty file")
    if _looks_binary(data):
        raise ReadError(f"{name}: binary data, not text")
    text, notes = _decode(name, data)
    article = article_from_text(name, text)
    article.sha256 = hashlib.sha256(data).hexdigest()
    article.notes = notes + article.notes
    if not article.segments:
        raise ReadError(f"{name}: no article text found")
    return article


def article_from_text(name: str, text: str) -> Article:
    """An article from text already decoded (pasted text, tests, evaluation sets)."""
    notes: list[str] = []
    prose = text
    if _looks_html(name, text):
        prose = _TAG.sub(lambda m: " " * len(m.group()), text)
        segments = html_segments(text, prose)
        notes.append("HTML page: article text taken from its body")
    else:
        segments = prose_spans(text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(id=Path(name).stem or "pasted", path=name, sha256=digest, text=text,
                   segments=segments, notes=notes, prose=prose)


def _too_big(name: str, size: int) -> ReadError:
    return ReadError(f"{name}: {size / 1e6:.1f} MB is over the {MAX_BYTES // 2**20} MB limit")


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.02


def _decode(name: str, data: bytes) -> tuple[str, list[str]]:
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ["not UTF-8: decoded as Windows-1252 (Latin-1)"]
    except UnicodeDecodeError as err:
        raise ReadError(f"{name}: neither UTF-8 nor Windows-1252 text") from err


_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p\b)", re.I)


def _looks_html(name: str, text: str) -> bool:
    return name.lower().endswith((".html", ".htm")) or bool(_HTML_START.match(text[:1000]))


# Elements whose text is not article prose.
_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
         "form", "button", "select", "head", "title", "iframe", "figure"}
_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th",
          "blockquote", "section", "article", "main", "ul", "ol", "table", "dd", "dt", "pre"}


class _TextRuns(HTMLParser):
    """Collects runs of visible text with their offsets in the page source."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.skip_depth = 0
        self.blocks: list[list[Span]] = [[]]

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        if tag in _BLOCK:
            self.blocks.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag in _BLOCK:
            self.blocks.append([])

    def handle_data(self, data: str) -> None:
        if not self.skip_depth and data.strip():
            start = self._offset()
            self.blocks[-1].append(Span(start, start + len(data)))

    def handle_entityref(self, name: str) -> None:
        self._entity()

    def handle_charref(self, name: str) -> None:
        self._entity()

    def _entity(self) -> None:
        if not self.skip_depth:
            start = self._offset()
            end = self.text.find(";", start, start + 12) + 1 or start + 1
            self.blocks[-1].append(Span(start, end))


def html_segments(text: str, prose: str) -> list[Span]:
    """Spans of the page's visible prose, one per block, in source offsets; inline markup
    inside a block stays in the span but is blank in ``prose``."""
    parser = _TextRuns(text)
    parser.feed(text)
    parser.close()
    segments: list[Span] = []
    for runs in parser.blocks:
        if not runs:
            continue
        for span in prose_spans(prose, runs[0].start, runs[-1].end):
            segments.append(span)
    return segments
