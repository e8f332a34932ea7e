"""Find the article prose in plain text: lines of page furniture (navigation, paywall flags,
script residue, photo credits) are left out, but nothing is deleted: the result is a list of
spans into the original text, so every later offset still points into the file."""

from __future__ import annotations

import re

from geo.model import Span

# Navigation and widget labels that German news pages scatter through scraped text.
_FURNITURE = {
    "zur startseite", "zum hauptinhalt", "zum inhalt", "update", "stand:", "anzeige", "teilen",
    "artikel teilen", "kommentare", "mehr zum thema", "lesen sie auch", "auch interessant",
    "newsletter", "jetzt abonnieren", "abonnieren", "drucken", "merken", "zurück", "weiter",
    "nach oben", "schließen", "menü", "suche", "login", "anmelden", "werbung", "permalink",
    "true", "false", "null", "undefined", "cookie-einstellungen", "datenschutz", "impressum",
}
_CODE = re.compile(
    r"""^\s*(?:
        [a-z]+[A-Z]\w*\s*:.*            # camelCase key: value  (showPaywall: false)
      | [\w.$]+\([^)]*\)\s*;?\s*$       # a call: console.debug(...)
      | .*[{};]\s*$                     # ends like code
      | [\w$.]+\s*=\s*\S.*;\s*$         # an assignment
    )""",
    re.VERBOSE,
)
_CREDIT = re.compile(r"^\s*(?:©|\(c\)|Foto:|Bild:|Fotos:|Quelle:\s*$)", re.IGNORECASE)
_LINE = re.compile(r"[^\n]*")


def is_furniture(line: str) -> bool:
    """True for a line that is page furniture rather than article prose."""
    stripped = line.strip()
    if not stripped:
        return True
    if stripped.casefold() in _FURNITURE:
        return True
    return bool(_CREDIT.match(stripped) or _CODE.match(stripped))


def prose_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The lines of ``text[start:end]`` that are prose, as spans without surrounding blanks."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    for m in _LINE.finditer(text, start, end):
        line = m.group()
        if not line or is_furniture(line):
            continue
        lead = len(line) - len(line.lstrip())
        trail = len(line.rstrip())
        spans.append(Span(m.start() + lead, m.start() + trail))
    return spans
