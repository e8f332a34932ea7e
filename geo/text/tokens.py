"""The words of an article, found once and shared by the steps that read them.

``Words(prose)`` scans the article's capitalised words in one pass at C speed (most steps look
only at names), and tokenises a sentence only when a step asks for it, once: ``sentence(s)``
gives its ``SentenceWords`` (texts, offsets, case-folded keys; a ``Token`` object per word only
when one is read). The splitting is ``re.split`` on a capturing pattern and the offsets are
running sums of the pieces' lengths, so no Python code runs per word.
"""

from __future__ import annotations

import re
from itertools import accumulate, compress
from operator import itemgetter

from geo.model import Sentence

# A word: letters first, then word characters and apostrophes, joined by hyphens ("US-Angaben")
# or by the dots of initialisms ("U.S"). Written without per-character alternation: it is the
# floor of the tokeniser's cost. It never gives back (possessive, 5-10 % faster): nothing
# follows a word that giving back could let match, so it finds the words a greedy one finds.
_WORD = r"[^\W\d_][\w'’]*+(?:(?:-|\.(?=\w\.))[\w'’]++)*+"
TOKEN = re.compile(_WORD)
# The capitalised words of a text: every ``TOKEN`` word that starts with a capital (a capital
# after a letter is inside a word; looked behind only once a capital is found, 4x faster than
# at every character), and some parts of words besides ("Bar" of "foo-Bar"), which only cost a
# look. The capitals are those of the Basic Multilingual Plane; a text with characters beyond
# it (``Words.astral``) must be tokenised whole.
_CAPITALS = "".join(re.escape(c) for c in map(chr, range(0x10000))
                    if c.isupper() and re.match(r"[^\W\d_]", c))
_CAPITAL_WORD = rf"[{_CAPITALS}](?<![^\W\d_].)[\w'’]*+(?:(?:-|\.(?=\w\.))[\w'’]++)*+"
CAPITAL = re.compile(_CAPITAL_WORD)
_SPLIT_TOKENS = re.compile(f"({_WORD})")
_SPLIT_CAPITALS = re.compile(f"({_CAPITAL_WORD})")
_FIRST = itemgetter(0)


def _split(pattern: re.Pattern[str], text: str, offset: int) -> tuple[list[str], list[int]]:
    """The matches of a one-group pattern and where each starts, with no Python per match."""
    pieces = pattern.split(text)
    ends = list(accumulate(map(len, pieces), initial=offset))
    return pieces[1::2], ends[1:-1:2]


class Token:
    """One word: where it is, as written, case-folded, and whether it starts with a capital."""

    __slots__ = ("start", "end", "text", "key", "capital")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.key = text.casefold()
        self.capital = text[0].isupper()


class SentenceWords:
    """One sentence's ``TOKEN`` words: ``texts``, ``starts``, ``keys`` (case-folded) and
    ``capitals`` (whether each starts with a capital) as lists; ``self[i]`` is a ``Token``,
    made the first time it is read (``made`` holds those made so far, None for the others)."""

    __slots__ = ("texts", "starts", "_keys", "_capitals", "made")

    def __init__(self, prose: str, start: int, end: int) -> None:
        self.texts, self.starts = _split(_SPLIT_TOKENS, prose[start:end], start)
        self.made: list[Token | None] = [None] * len(self.texts)

    @property
    def keys(self) -> list[str]:
        if not hasattr(self, "_keys"):
            self._keys = list(map(str.casefold, self.texts))
        return self._keys

    @property
    def capitals(self) -> list[bool]:
        if not hasattr(self, "_capitals"):
            self._capitals = list(map(str.isupper, map(_FIRST, self.texts)))
        return self._capitals

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> Token:
        if i < 0:
            raise IndexError(i)  # no wrapping around: callers test for the sentence start
        tok = self.made[i]
        if tok is None:
            start = self.starts[i]
            tok = self.made[i] = Token(start, start + len(self.texts[i]), self.texts[i])
        return tok

    def run(self, i: int, j: int) -> list[Token]:
        """Tokens ``i`` up to ``j``, cut at the sentence end."""
        return [self[k] for k in range(i, min(j, len(self)))]

    def capital_keys(self) -> list[str]:
        """The keys of the words that start with a capital."""
        return list(compress(self.keys, self.capitals))


class Words:
    """An article's words: its capitalised ones at once, a sentence's all when asked for."""

    __slots__ = ("prose", "astral", "capital_texts", "capital_starts", "_keys", "_sentences")

    def __init__(self, prose: str) -> None:
        self.prose = prose
        # capitals beyond the scan's: read all. A character beyond the Basic Multilingual Plane
        # takes two UTF-16 units: one encoding in C, 7x faster than a regex search for them
        self.astral = len(prose.encode("utf-16-le", "surrogatepass")) != 2 * len(prose)
        self.capital_texts, self.capital_starts = _split(_SPLIT_CAPITALS, prose, 0)
        self._sentences: dict[tuple[int, int], SentenceWords] = {}

    @property
    def capital_keys(self) -> list[str]:
        """The capitalised words case-folded, in text order (``capital_starts`` says where)."""
        if not hasattr(self, "_keys"):
            self._keys = list(map(str.casefold, self.capital_texts))
        return self._keys

    def sentence(self, s: Sentence) -> SentenceWords:
        """The sentence's words, tokenised the first time a step asks."""
        words = self._sentences.get((s.start, s.end))
        if words is None:
            words = self._sentences[(s.start, s.end)] = SentenceWords(self.prose, s.start, s.end)
        return words
