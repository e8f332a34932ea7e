"""Where a place name may start: an article's capitalised words (``geo.text.tokens``) decided
by set operations against the gazetteer's index, and the words of the sentences that hold such
a word. The Python rules run only around these candidates.
"""

from __future__ import annotations

import re
from itertools import compress, count
from operator import and_

from geo import lexicon
from geo.gazetteer import Gazetteer, name_key
from geo.model import Sentence
from geo.places.words import alone_could_start, open_starts
from geo.text.tokens import TOKEN, SentenceWords, Token, Words

_WORDS = lexicon.load().places
_TYPE_PLURALS = _WORDS.type_plurals
_SPORTS = _WORDS.sports_context


_WORD_CHAR = re.compile(r"[\w'’.-]")


class Tokens:
    """One sentence's words as the recogniser reads them: the shared ``SentenceWords`` and the
    indexes of the words a name may start with, found by set lookups at C speed."""

    __slots__ = ("words", "_made", "starts", "_could", "_plural", "prose", "sports")

    def __init__(self, words: SentenceWords, prose: str, capitals: Capitals) -> None:
        self.words, self._made, self.prose, self.sports = words, words.made, prose, capitals.sports
        flags = map(and_, words.capitals, map(capitals.could.__contains__, words.keys))
        self._could = self.starts = list(compress(count(), flags))
        if not capitals.keys.issuperset(words.capital_keys()):
            # a capitalised word the article's scan did not see (only in a sentence that cuts
            # a word): decided by working it out
            self._could = self.starts = [
                i for i, (capital, key) in enumerate(zip(words.capitals, words.keys))
                if capital and capitals.could_start(key)]
        elif capitals.first and not self.has_plural_type:
            # a word that starts a name only with the next one ("Den" of "Den Haag") is no
            # start without it ("Die", "In" begin multiword names too); only a list after a
            # plural type word could still make it a region
            keys, texts, pairs = words.keys, words.texts, capitals.gaz.multiword_pairs
            last = len(texts) - 1
            self.starts = [i for i in self.starts if keys[i] not in capitals.first or (
                i < last and name_key(f"{texts[i]} {texts[i + 1]}") in pairs)]

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i: int) -> Token:
        # the rules read a few tokens many times: one call for a token made already
        tok = self._made[i] if i >= 0 else None
        return self.words[i] if tok is None else tok

    def run(self, i: int, j: int) -> list[Token]:
        """Tokens ``i`` up to ``j``, cut at the sentence end."""
        return self.words.run(i, j)

    @property
    def has_plural_type(self) -> bool:
        """Whether a plural type word ("Regionen") could head a list of regions here."""
        if not hasattr(self, "_plural"):
            keys = self.words.keys
            self._plural = any(keys[i].endswith(_TYPE_PLURALS) for i in self._could)
        return self._plural


class Capitals:
    """An article's capitalised words, found in one scan, and which of them could start a place
    name, decided for all at once by set operations against the gazetteer's index:
    the Python rules run only around these, the words of the other sentences are never
    tokenised. The scan finds every word ``TOKEN`` finds that starts with a capital, and some
    parts of words besides ("Bar" of "foo-Bar"), which only cost a look."""

    __slots__ = ("words", "gaz", "keys", "alone", "first", "could", "sports")

    def __init__(self, words: Words, gaz: Gazetteer) -> None:
        self.words, self.gaz = words, gaz
        self.keys = set(words.capital_keys)
        # a match report: a town named without a place cue is a team ("fertigte Bochum ab")
        self.sports = len(self.keys & _SPORTS) >= 2
        # a name that is no word starts one; the rest of the names and the frequent words were
        # decided when built (difference, not difference_update or &: only it walks the small
        # set and looks up the big one)
        no_names = self.keys.difference(gaz.names.keys())
        self.alone = (self.keys - no_names - gaz.lexical_keys) | (self.keys & gaz.start_keys)
        open_keys = (no_names - self.alone).difference(gaz.common_words)
        self.alone |= open_starts(open_keys, gaz)
        # words that start a name only with the next one ("Den" of "Den Haag")
        self.first = (self.keys - self.alone) & gaz.multiword_starts
        self.could = self.alone | self.first

    def could_start(self, key: str) -> bool:
        """``word_of(key, gaz).could_start``, without working out the word."""
        if key in self.could:
            return True
        return key not in self.keys and (key in self.gaz.multiword_starts
                                         or alone_could_start(key, self.gaz))

    def sentences(self, sentences: list[Sentence]) -> list[Sentence]:
        """The sentences with a word that could start a place name: the others can hold no
        name and introduce no person. A sentence whose bounds cut a word is kept, as its words
        may differ from the scan's."""
        words = self.words
        if words.astral:
            return sentences
        prose, alone, first = words.prose, self.alone, self.first
        if not alone and not first:
            return [s for s in sentences if _cuts_word(prose, s)]
        keys, starts = words.capital_keys, words.capital_starts
        at_alone = compress(starts, map(alone.__contains__, keys))
        if first:
            at_first = [at for at, key, text in zip(starts, keys, words.capital_texts)
                        if key in first and _pair_follows(prose, at + len(text), text, self.gaz)]
            found = sorted((*at_alone, *at_first))
        else:
            found = list(at_alone)
        kept, at = [], 0
        for s in sentences:
            while at < len(found) and found[at] < s.start:
                at += 1
            if (at < len(found) and found[at] < s.end) or _cuts_word(prose, s):
                kept.append(s)
        return kept


def _pair_follows(prose: str, end: int, text: str, gaz: Gazetteer) -> bool:
    """True if the word ending at ``end`` and the next one begin a multiword name ("Den Haag",
    "Frankfurt am")."""
    nxt = TOKEN.search(prose, end)
    return nxt is not None and name_key(f"{text} {nxt.group()}") in gaz.multiword_pairs


def _cuts_word(prose: str, s: Sentence) -> bool:
    """True if a word runs over the sentence's start or end."""
    return bool(s.start and _WORD_CHAR.match(prose, s.start - 1)
                and _WORD_CHAR.match(prose, s.start)) or \
        bool(_WORD_CHAR.match(prose, s.end - 1) and _WORD_CHAR.match(prose, s.end))
