"""Find the article prose in plain text: lines of page furniture (navigation, paywall flags,
script residue, photo credits) are left out, and addresses and code inside prose lines are
blanked, but nothing is deleted: the results are spans into the original text and a prose view
of the same length, so every later offset still points into the file."""

from __future__ import annotations

import re
from collections.abc import Callable

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
_CODE_ENDS = "){};"  # the last characters _CODE's branches end with
_CREDIT = re.compile(r"^\s*(?:©|\(c\)|Foto:|Bild:|Fotos:|Quelle:\s*$)", re.IGNORECASE)
_LINE = re.compile(r"[^\n]*")


# A credit is a short line; a line of several sentences is prose whatever it starts or ends with
# (an article pasted as one line may begin "Bild: ..." or end with ";").
_CREDIT_MAX = 200
_SENTENCES = re.compile(r"[.!?] [A-ZÄÖÜ]")


def is_furniture(line: str) -> bool:
    """True for a line that is page furniture rather than article prose."""
    stripped = line.strip()
    if not stripped:
        return True
    if stripped.casefold() in _FURNITURE:
        return True
    if len(stripped) <= _CREDIT_MAX and _CREDIT.match(stripped):
        return True
    # _CODE matches only a line that starts with a lowercase ASCII letter or ends with one of
    # its closing characters: asked first, most prose lines skip the pattern's scan
    if not ("a" <= stripped[0] <= "z" or stripped[-1] in _CODE_ENDS):
        return False
    return bool(_CODE.match(stripped)) and len(_SENTENCES.findall(stripped, 0, 2000)) < 2


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


def _glued_bracket(text: str) -> bool:
    """True if a "(" follows a word character or "$" right away, as in every code call: news
    puts a space before its brackets ("Kiew (dpa)"), so the call pattern, which scans the whole
    text, mostly need not run. The brackets are found at C speed; few articles have many."""
    at = text.find("(", 1)
    while at > 0:
        before = text[at - 1]
        if before.isalnum() or before in "_$":  # \w: alphanumeric or "_"
            return True
        at = text.find("(", at + 1)
    return False


# Not prose inside a prose line: a number in them is never a count ("http://host:9", "alert(5)").
# Every pattern starts only where a word starts and reads a bounded stretch, so blanking stays
# linear on hostile text. Each runs only when a cheap test passes first (most articles hold no
# URL, address or code, so most of these scans are skipped). Quantifiers are possessive where
# backtracking could only fail again.
_NON_PROSE: tuple[tuple[Callable[[str], bool], re.Pattern[str]], ...] = (
    (lambda text: "://" in text,
     re.compile(r"(?:https?|ftp)://[^\s<>\"'\]\[]*[^\s<>\"'\]\[.,;:!?)]")),
    (lambda text: "www." in text,
     re.compile(r"(?<![\w.])www\.[^\s<>\"'\]\[]*[^\s<>\"'\]\[.,;:!?)]")),
    (lambda text: "@" in text,
     re.compile(r"(?<![\w.+-])[\w.+-]{1,64}+@[\w-]{1,63}+(?:\.[\w-]{1,63}+)++")),
    # a code call such as alert(5) or window.foo(1): lower-case name right before "("
    (_glued_bracket, re.compile(
        r"(?<![\w$.])[a-z_$][\w$]{0,40}+(?:\.[A-Za-z_$][\w$]{0,40}+){0,5}+\([^()\n]{0,200}+\)")),
)


def blank_non_prose(prose: str) -> str:
    """``prose`` with URLs, e-mail addresses and code calls blanked to spaces (same length)."""
    for needed, pattern in _NON_PROSE:
        if needed(prose):
            prose = pattern.sub(lambda m: " " * len(m.group()), prose)
    return prose


# Invisible characters that split a word for matching but not for the reader: zero-width
# space, non-joiner, joiner, word joiner, byte-order mark, soft hyphen.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
