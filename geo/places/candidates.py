"""Where a place name may start: an article's capitalised words found in one scan at C speed
and decided by set operations against the gazetteer's index, and the words of the sentences
that hold such a word, made lazily. The Python rules run only around these candidates.
"""

from __future__ import annotations

import re

from geo import lexicon
from geo.gazetteer import Gazetteer, name_key
from geo.model import Sentence
from geo.places.words import alone_could_start, open_could_start

_WORDS = lexicon.load().places
_TYPE_PLURALS = _WORDS.type_plurals
_SPORTS = _WORDS.sports_context


# A word: letters first, then word characters and apostrophes, joined by hyphens ("US-Angaben")
# or by the dots of initialisms ("U.S"). Written without per-character alternation: it is the
# floor of the recogniser's cost.
TOKEN = re.compile(r"[^\W\d_][\w'’]*(?:(?:-|\.(?=\w\.))[\w'’]+)*")


# The capitalised words of a text in one pass at C speed: every ``TOKEN`` word that starts with
# a capital (a capital after a letter is inside a word; looked behind only once a capital is
# found, 4x faster than at every character), and some parts of words besides ("Bar" of
# "foo-Bar"), which only cost a look. The capitals are those of the Basic Multilingual Plane;
# a text with characters beyond it is tokenised whole.
_CAPITALS = "".join(re.escape(c) for c in map(chr, range(0x10000))
                    if c.isupper() and re.match(r"[^\W\d_]", c))
_CAPITAL = re.compile(rf"[{_CAPITALS}](?<![^\W\d_].)[\w'’]*(?:(?:-|\.(?=\w\.))[\w'’]+)*")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_WORD_CHAR = re.compile(r"[\w'’.-]")


class Token:
    __slots__ = ("start", "end", "text", "key", "capital")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.key = text.casefold()
        self.capital = text[0].isupper()


class Tokens:
    """One sentence's words. The recogniser looks only at capitalised words that could begin
    a name and at their neighbours, so each ``Token`` is made the first time it is read:
    building one for every word was a third of the recogniser's time."""

    __slots__ = ("_matches", "_made", "starts", "_plural", "prose", "sports")

    def __init__(self, prose: str, sentence: Sentence, capitals: Capitals) -> None:
        self.prose = prose
        self.sports = capitals.sports
        self._matches = list(TOKEN.finditer(prose, sentence.start, sentence.end))
        self._made: list[Token | None] = [None] * len(self._matches)
        # indexes of the words a name may start with, in order
        self.starts = [i for i, m in enumerate(self._matches)
                       if (t := m.group())[0].isupper() and capitals.could_start(t.casefold())]

    def __len__(self) -> int:
        return len(self._matches)

    @property
    def has_plural_type(self) -> bool:
        """Whether a plural type word ("Regionen") could head a list of regions here."""
        if not hasattr(self, "_plural"):
            self._plural = any(self[i].key.endswith(_TYPE_PLURALS) for i in self.starts)
        return self._plural

    def __getitem__(self, i: int) -> Token:
        if i < 0:
            raise IndexError(i)  # no wrapping around: callers test for the sentence start
        tok = self._made[i]
        if tok is None:
            m = self._matches[i]
            tok = self._made[i] = Token(*m.span(), m.group())
        return tok

    def run(self, i: int, j: int) -> list[Token]:
        """Tokens ``i`` up to ``j``, cut at the sentence end."""
        return [self[k] for k in range(i, min(j, len(self)))]


class Capitals:
    """An article's capitalised words, found in one scan, and which of them could start a place
    name, decided for all at once by set operations against the gazetteer's index:
    the Python rules run only around these, the words of the other sentences are never
    tokenised. The scan finds every word ``TOKEN`` finds that starts with a capital, and some
    parts of words besides ("Bar" of "foo-Bar"), which only cost a look."""

    __slots__ = ("prose", "gaz", "keys", "alone", "first", "astral", "sports")

    def __init__(self, prose: str, gaz: Gazetteer) -> None:
        self.prose, self.gaz = prose, gaz
        self.astral = bool(_ASTRAL.search(prose))  # capitals beyond the scan's: read all
        self.keys = set(map(str.casefold, _CAPITAL.findall(prose)))
        # a match report: a town named without a place cue is a team ("fertigte Bochum ab")
        self.sports = len(self.keys & _SPORTS) >= 2
        # a name that is no word starts one; the rest of the names and the frequent words were
        # decided when built (difference, not difference_update or &: only it walks the small
        # set and looks up the big one)
        no_names = self.keys.difference(gaz.names)
        self.alone = (self.keys - no_names - gaz.lexical_keys) | (self.keys & gaz.start_keys)
        open_keys = (no_names - self.alone).difference(gaz.common_words)
        self.alone.update(k for k in open_keys if open_could_start(k, gaz))
        # words that start a name only with the next one ("Den" of "Den Haag")
        self.first = (self.keys - self.alone) & gaz.multiword_starts

    def could_start(self, key: str) -> bool:
        """``word_of(key, gaz).could_start``, without working out the word."""
        if key in self.alone or key in self.first:
            return True
        return key not in self.keys and (key in self.gaz.multiword_starts
                                         or alone_could_start(key, self.gaz))

    def sentences(self, sentences: list[Sentence]) -> list[Sentence]:
        """The sentences with a word that could start a place name: the others can hold no
        name and introduce no person. A sentence whose bounds cut a word is kept, as its words
        may differ from the scan's."""
        if self.astral:
            return sentences
        prose, alone, first = self.prose, self.alone, self.first
        if not alone and not first:
            return [s for s in sentences if _cuts_word(prose, s)]
        starts = [m.start() for m in _CAPITAL.finditer(prose)
                  if (k := m.group().casefold()) in alone
                  or (k in first and _pair_follows(prose, m, self.gaz))]
        kept, at = [], 0
        for s in sentences:
            while at < len(starts) and starts[at] < s.start:
                at += 1
            if (at < len(starts) and starts[at] < s.end) or _cuts_word(prose, s):
                kept.append(s)
        return kept


def _pair_follows(prose: str, m: re.Match[str], gaz: Gazetteer) -> bool:
    """True if the word and the next one begin a multiword name ("Den Haag", "Frankfurt am")."""
    nxt = TOKEN.search(prose, m.end())
    return nxt is not None and name_key(f"{m.group()} {nxt.group()}") in gaz.multiword_pairs


def _cuts_word(prose: str, s: Sentence) -> bool:
    """True if a word runs over the sentence's start or end."""
    return bool(s.start and _WORD_CHAR.match(prose, s.start - 1)
                and _WORD_CHAR.match(prose, s.start)) or \
        bool(_WORD_CHAR.match(prose, s.end - 1) and _WORD_CHAR.match(prose, s.end))
