"""Reading articles from files and uploads, whatever arrives: text in UTF-8, UTF-16/32 with a
byte-order mark or a legacy 8-bit code page, HTML pages, and the things that are not articles
at all (empty, binary, huge), which get a one-line message instead of a traceback.

Everything here runs in time linear in the input: a hostile page (megabytes of ``<``) must
cost no more than a long article."""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from geo.model import Article, Span
from geo.text.clean import blank_non_prose, prose_spans

MAX_BYTES = 5 * 1024 * 1024
SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_NOTE = "HTML page: article text taken from its body"


class ReadError(Exception):
    """A file that cannot be read as an article; the message is one line for the user."""


def article_files(paths: Iterable[str | Path],
                  report: Callable[[str, bool], None]) -> Iterator[Path]:
    """The article files named, or inside the folders named (sorted per folder). What cannot
    be used is reported in one line, with whether it counts as an unreadable input (a missing
    path does; a folder without articles does not)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                report(f"{path}: folder holds no .txt, .md or .html files", False)
            yield from found
        elif path.is_file():
            yield path
        else:
            report(f"{path}: no such file or folder", True)


def read_paths(paths: list[str | Path]) -> tuple[list[Article], list[str]]:
    """Read files and folders (their .txt/.md/.html files, sorted); bad inputs become messages."""
    articles: list[Article] = []
    messages: list[str] = []
    for file in article_files(paths, lambda message, _: messages.append(message)):
        try:
            article = read_file(file)
        except ReadError as err:
            messages.append(str(err))
            continue
        messages.extend(f"{file}: {note}" for note in article.notes)
        articles.append(article)
    return articles, messages


def file_bytes(path: Path) -> bytes:
    """A file's bytes, refused (``ReadError``) when it is over the limit or cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_big(str(path), size)
        return path.read_bytes()
    except OSError as err:
        raise ReadError(f"{path}: cannot read ({err.strerror or err})") from err


def read_file(path: Path) -> Article:
    return read_bytes(str(path), file_bytes(path))


def read_bytes(name: str, data: bytes) -> Article:
    """An article from raw bytes; ``name`` is a path or upload name (its stem is the id)."""
    if len(data) > MAX_BYTES:
        raise _too_big(name, len(data))
    if not data.strip():
        raise ReadError(f"{name}: empty file")
    text, notes = _decode(name, data)
    if not text.strip():
        raise ReadError(f"{name}: empty file")
    article = article_from_text(name, text)
    article.sha256 = hashlib.sha256(data).hexdigest()
    article.notes = notes + article.notes
    if not article.segments:
        raise ReadError(f"{name}: no article text found")
    return article


def article_from_text(name: str, text: str) -> Article:
    """An article from text already decoded (pasted text, tests, evaluation sets)."""
    notes: list[str] = []
    if looks_html(name, text):
        prose, blocks = _scan_html(text)
        prose = blank_non_prose(prose)
        segments = [span for runs in blocks if runs
                    for span in prose_spans(prose, runs[0].start, runs[-1].end)]
        notes.append(HTML_NOTE)
    else:
        prose = blank_non_prose(text)
        segments = prose_spans(prose)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Article(id=Path(name).stem or "pasted", path=name, sha256=digest, text=text,
                   segments=segments, notes=notes, prose=prose)


def _too_big(name: str, size: int) -> ReadError:
    return ReadError(f"{name}: {size / 1e6:.1f} MB is over the {MAX_BYTES // 2**20} MB limit")


# --- decoding -----------------------------------------------------------------------------

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# The 8-bit code pages German text arrives in, and how a note names them.
_LEGACY = {"cp1252": "Windows-1252 (Latin-1)", "mac_roman": "Mac Roman", "cp850": "DOS (cp850)",
           "iso8859_15": "ISO-8859-15"}
_GERMAN = set("äöüÄÖÜß")
_TYPOGRAPHY = set("„“”‚‘’–—…«»›‹€§°·•©®™×½¼¾²³µ¹¿¡é\xa0")  # common in German news beside umlauts
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _decode(name: str, data: bytes) -> tuple[str, list[str]]:
    """Byte-order mark first, then strict UTF-8, then the German code page that reads best
    (one note says which and how sure); a NUL anywhere means binary."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as err:
                raise ReadError(f"{name}: broken {codec.upper()} text at byte {err.start}") from err
            _refuse_binary(name, text.find("\x00"), text[:8192].encode("utf-8", "surrogatepass"))
            note = [] if codec == "utf-8-sig" else [f"decoded as {codec.upper()} (byte-order mark)"]
            return text, note
    _refuse_binary(name, data.find(b"\x00"), data[:8192])
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    return _decode_legacy(name, data)


def _refuse_binary(name: str, nul: int, head: bytes) -> None:
    """Text never holds a NUL (``nul`` is where the first one is, or -1) and seldom control
    characters (counted in the first 8 kB)."""
    if nul >= 0:
        raise ReadError(f"{name}: binary data, not text (NUL at position {nul})")
    if len(head) - len(head.translate(None, _CONTROLS)) > len(head) * 0.02:
        raise ReadError(f"{name}: binary data, not text (control characters)")


def _decode_legacy(name: str, data: bytes) -> tuple[str, list[str]]:
    """Lines that are valid UTF-8 stay UTF-8 (files pasted together from two sources); the
    others are read in the code page that gives the most German letters and fewest oddities."""
    lines = data.splitlines(keepends=True)
    utf8: list[str | None] = []
    for line in lines:
        try:
            utf8.append(None if line.isascii() else line.decode("utf-8"))
        except UnicodeDecodeError:
            utf8.append(None)
    legacy = b"".join(line for line, dec in zip(lines, utf8) if dec is None and not line.isascii())
    codec, sure, share = _best_code_page(legacy)
    if share > 0.3 and sure < 0.5:
        raise ReadError(f"{name}: not text in UTF-8 or any German code page")
    # cp1252 leaves 5 of the 256 bytes undefined: they become U+FFFD, visible in the quote
    parts = [dec if dec is not None else line.decode(codec, "replace")
             for line, dec in zip(lines, utf8)]
    note = f"not UTF-8: decoded as {_LEGACY[codec]} ({sure:.0%} of its non-ASCII letters usual in German)"
    mixed = sum(dec is not None for dec in utf8)
    if mixed:
        note += f"; lines already in UTF-8 kept as UTF-8: {mixed}"
    if sure < 0.9:
        note += "; the encoding is a guess, check umlauts"
    return "".join(parts), [note]


def _best_code_page(data: bytes) -> tuple[str, float, float]:
    """The code page, the share of its non-ASCII characters that are German letters or usual
    punctuation, and the share of non-ASCII bytes, judged on the first 64 kB.
    charset-normalizer narrows the German code pages to those that decode without chaos;
    among them the one whose non-ASCII characters are most often German wins (the detector
    alone reads short German text as cp1250 or HP Roman). Imported here: most files are UTF-8,
    and the import costs every start-up ~25 ms."""
    from charset_normalizer import from_bytes

    sample = data[:65536]
    found = {m.encoding for m in from_bytes(sample, cp_isolation=list(_LEGACY))}
    best: tuple[str, float, float] = ("cp1252", 0.0, -float("inf"))
    for codec in [c for c in _LEGACY if c in found] or list(_LEGACY):
        odd = [ch for ch in sample.decode(codec, "replace") if ord(ch) > 127]
        german = sum(ch in _GERMAN for ch in odd)
        plain = sum(ch in _TYPOGRAPHY for ch in odd)
        score = 2 * german + plain - 2 * (len(odd) - german - plain)
        if score > best[2]:
            best = (codec, (german + plain) / max(1, len(odd)), score)
    share = sum(b > 127 for b in sample) / max(1, len(sample))
    return best[0], best[1], share


# --- HTML -----------------------------------------------------------------------------------

_HTML_START = re.compile(r"\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p\b)", re.I)


def looks_html(name: str, text: str) -> bool:
    """HTML by its name or by how it starts."""
    return name.lower().endswith((".html", ".htm")) or bool(_HTML_START.match(text[:1000]))


# Elements whose text is not article prose (blanked in ``Article.prose``).
_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
         "form", "button", "select", "head", "title", "iframe", "figure", "textarea", "code",
         "kbd", "samp"}
_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th",
          "blockquote", "section", "article", "main", "ul", "ol", "table", "dd", "dt", "pre"}
# Elements whose content is raw text up to their end tag (no tags inside).
_RAW = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
        "noscript"}
_RAW_END = {tag: re.compile(rf"</{tag}[\t\n\f\r />]", re.I) for tag in _RAW}
_OPENER = re.compile(r"<[A-Za-z/!?]")
_TAG_OPEN = re.compile(r"<(/?)([A-Za-z][^\t\n\f\r />]*)")
# Attributes, each read once (possessive: nothing is given back and retried). Stops only at
# ">" or the end; an unclosed quote reads as part of a name, so one bad quote costs one scan.
_ATTRIBUTES = re.compile(r"""(?:[\t\n\f\r /]*+[^\t\n\f\r />][^\t\n\f\r /=>]*+
    (?:[\t\n\f\r ]*+=[\t\n\f\r ]*+(?:"[^"]*+"|'[^']*+'|[^\t\n\f\r >"'][^\t\n\f\r >]*+))?+
    )*+[\t\n\f\r /]*+""", re.VERBOSE)


class _Page:
    """One pass over a page, after the HTML tokenizer's rules: every step moves forward and
    every search that fails ends the page, so the time is linear whatever the markup."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pieces: list[str] = []  # the prose, built in order
        self.done = 0  # text[:done] is in pieces
        self.skip_depth = 0
        self.blocks: list[list[Span]] = [[]]

    def run(self) -> None:
        text, n, pos = self.text, len(self.text), 0
        while pos < n:
            opener = _OPENER.search(text, pos)
            if opener is None:
                break
            lt = opener.start()
            end, tag, closing, selfclosing = self._markup(lt)
            if end == lt:  # "<" before a digit, a space or "<" opens nothing: it is text
                pos = lt + 1
                continue
            self._data(lt)
            self._blank(end, keep_lines=False)
            pos = end
            if tag:
                self._element(tag, closing, selfclosing)
                if tag in _RAW and not closing and not selfclosing:
                    close = _RAW_END[tag].search(text, pos)
                    pos = close.start() if close else n
                    self._blank(pos, keep_lines=True)
        self._data(n)

    def _markup(self, lt: int) -> tuple[int, str, bool, bool]:
        """Where the markup at ``lt`` ends (``lt`` if it is none), its tag name, and whether it
        is an end tag or self-closing; unterminated markup runs to the end of the page."""
        text, n = self.text, len(self.text)
        m = _TAG_OPEN.match(text, lt)
        if m:
            end = self._tag_end(m.end())
            return end, m.group(2).lower(), bool(m.group(1)), text[end - 2:end] == "/>"
        nxt = text[lt + 1:lt + 2]
        if text.startswith("<!--", lt):
            close = text.find("-->", lt + 4)
            return (close + 3 if close >= 0 else n), "", False, False
        if nxt in ("!", "?", "/"):  # doctype, processing instruction, "</>" and bogus comments
            close = text.find(">", lt + 1)
            return (close + 1 if close >= 0 else n), "", False, False
        return lt, "", False, False

    def _tag_end(self, pos: int) -> int:
        """After the attributes: ">" or the end of the page."""
        end = _ATTRIBUTES.match(self.text, pos).end()  # type: ignore[union-attr]
        return min(end + 1, len(self.text))

    def _element(self, tag: str, closing: bool, selfclosing: bool) -> None:
        if tag in _SKIP and not selfclosing:
            if not closing:
                self.skip_depth += 1
            elif self.skip_depth:
                self.skip_depth -= 1
        if tag in _BLOCK:
            self.blocks.append([])

    def _data(self, end: int) -> None:
        """Text up to ``end``: prose, or blanked inside elements that are not prose."""
        start = self.done
        if start >= end:
            return
        if self.skip_depth:
            self._blank(end, keep_lines=True)
            return
        if not self.text[start:end].isspace():
            self.blocks[-1].append(Span(start, end))
        self.pieces.append(self.text[start:end])
        self.done = end

    def _blank(self, end: int, keep_lines: bool) -> None:
        chunk = self.text[self.done:end]
        if keep_lines:
            self.pieces.append("\n".join(" " * len(line) for line in chunk.split("\n")))
        else:
            self.pieces.append(" " * len(chunk))
        self.done = end


def _scan_html(text: str) -> tuple[str, list[list[Span]]]:
    """The page with markup and non-prose elements blanked (same length as the source) and
    the visible text runs, grouped by block, as source offsets."""
    page = _Page(text)
    page.run()
    return "".join(page.pieces), page.blocks
