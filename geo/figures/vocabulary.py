"""What a word tells a figure: the category a noun counts ("Soldaten" -> troops, also in a
compound), whether a word counts people at all, the casualty predicates ("getötet oder
verwundet" is one category), and the count vocabulary whose absence lets a sentence be passed
over unread.
"""

from __future__ import annotations

import re
from functools import lru_cache

from geo.figures.context import LEX, WORDS
from geo.lexicon import alternation
from geo.model import Category

NOUN_CATEGORY = LEX.noun_categories
TROOP_WORDS = LEX.troop_measure_words  # "3000 Mann"
# People who are counted only when something happens to them or they are deployed.
PEOPLE_WORDS = LEX.people_words
# every ending at once: a word that ends with none (most) is passed with one test in C
_NOUN_ENDINGS = tuple(NOUN_CATEGORY)
_PEOPLE_ENDINGS = tuple(PEOPLE_WORDS)
MILITARY_UNITS = frozenset(LEX.military_units)
_KILLED = alternation(LEX.predicates["killed"])
_WOUNDED = alternation(LEX.predicates["wounded"])
_JOIN = alternation(LEX.predicate_joiners)
_PREDICATES: tuple[tuple[re.Pattern[str], Category], ...] = (
    (re.compile(rf"\b{_KILLED}\s+{_JOIN}\s+{_WOUNDED}|\b{_WOUNDED}\s+{_JOIN}\s+{_KILLED}",
                re.IGNORECASE), "killed_or_wounded"),
    *((re.compile(rf"\b{alternation(words)}\b", re.IGNORECASE), category)
      for category, words in LEX.predicates.items()),
)
_JOINED = re.compile(rf"\b{_JOIN}\s+$", re.IGNORECASE)
# a predicate word at a word start, as every match of _PREDICATES opens: one search, which most
# texts fail, before the patterns are tried one by one, from where it found the first
_ANY_PREDICATE = re.compile(
    rf"\b(?:{'|'.join(alternation(words) for words in LEX.predicates.values())})", re.IGNORECASE)


@lru_cache(maxsize=8192)
def noun_category(key: str) -> Category | None:
    """ "Soldaten" -> troops, also as the end of a compound ("Elitesoldaten")."""
    if key in NOUN_CATEGORY:
        return NOUN_CATEGORY[key]
    if not key.endswith(_NOUN_ENDINGS):
        return None
    for ending, category in NOUN_CATEGORY.items():
        if key.endswith(ending) and len(key) > len(ending) + 2:
            return category
    return None


@lru_cache(maxsize=8192)
def people_word(key: str) -> bool:
    """ "Menschen", also as the end of a compound ("Feuerwehrleute", "39-Jährige")."""
    if key in PEOPLE_WORDS:
        return True
    key = key.rsplit("-", 1)[-1]
    return key in PEOPLE_WORDS or (key.endswith(_PEOPLE_ENDINGS) and any(
        key.endswith(w) and len(key) > len(w) + 2 for w in PEOPLE_WORDS))


def counts_people(word: str) -> bool:
    """A troop, people or casualty noun: "ihrer Soldaten", not "ihren Häusern"."""
    key = word.casefold()
    return key in TROOP_WORDS or people_word(key) or noun_category(key) is not None


def predicate_in(text: str) -> Category | None:
    first = _ANY_PREDICATE.search(text)
    if first is None:
        return None
    for pattern, category in _PREDICATES:
        if pattern.search(text, first.start()):
            return category
    return None


def nearest_predicate(text: str, first: bool) -> tuple[Category, bool] | None:
    """The predicate nearest the figure: the first one in the text after it, the last one in
    the text before it (the longer one where two start together: "getötet oder verwundet"),
    and whether a list joiner comes right before it ("... und verletzte")."""
    opening = _ANY_PREDICATE.search(text)
    if opening is None:
        return None
    hits = [(m.start(), m.end(), category) for pattern, category in _PREDICATES
            for m in pattern.finditer(text, opening.start())]
    if not hits:
        return None
    start, end, category = (min(hits, key=lambda h: (h[0], -h[1])) if first else
                            max(hits, key=lambda h: (h[0], h[1])))
    return category, bool(_JOINED.search(text, 0, start))


def _category_vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    """The words a sentence needs before its numbers are read: category nouns and measure or
    people words (exact, or as the end of a compound), and the last word of each predicate,
    deployment, count, loss and area phrase (as a word start where the phrase allows any
    ending). A wider net than the rules, so that no figure is lost."""
    exact = set(NOUN_CATEGORY) | TROOP_WORDS | PEOPLE_WORDS
    prefixes = []
    for phrases in (*LEX.predicates.values(), LEX.deployment, LEX.count_nouns,
                    LEX.loss_nouns, LEX.victim_nouns, LEX.area_units):
        for phrase in phrases:
            last = WORDS.findall(phrase)[-1]
            if phrase.endswith("*"):
                prefixes.append(last)
            else:
                exact.add(last)
    return frozenset(exact), tuple(prefixes)


_CATEGORY_EXACT, _CATEGORY_PREFIXES = _category_vocabulary()
_CATEGORY_SUFFIXES = tuple(NOUN_CATEGORY)

# the end and start every suffix and prefix has (none is shorter): a word is tested against
# the whole lists only when its own end or start is among these
_SUFFIX_TAIL = min(map(len, _CATEGORY_SUFFIXES))
_PREFIX_HEAD = min(map(len, _CATEGORY_PREFIXES))
_SUFFIX_TAILS = frozenset(s[-_SUFFIX_TAIL:] for s in _CATEGORY_SUFFIXES)
_PREFIX_HEADS = frozenset(p[:_PREFIX_HEAD] for p in _CATEGORY_PREFIXES)

# the letters of the vocabulary's words: a narrower class than \w, and a word it cuts at a
# foreign letter ("Soldatén") is no vocabulary word anyway
_VOCABULARY_LETTERS = re.compile(r"[A-Za-zÄÖÜäöüß²]+")

# white-space tokens already judged, so that an article is mostly judged by set operations in
# C (str.split is much faster than a regex findall): most tokens hold no category word, and
# news repeats its vocabulary
_TOKEN_WORDS: dict[str, list[str]] = {}  # a token -> the category words in it
_COUNT_TOKENS: set[str] = set()  # the tokens with any
_SEEN_TOKENS: set[str] = set()  # those and the others, one set to subtract
_OTHER_TOKENS_MAX = 200_000  # the others are forgotten when there are more (fresh names keep coming)


def category_words(text: str) -> list[str]:
    """The words of what figures count (see _category_vocabulary) in the text, as written
    (or a piece of a word: the caller only uses them to pass sentences over). A word is a run
    of vocabulary letters, so no word spans white space: the words of a text are those of its
    white-space tokens."""
    tokens = set(text.split())
    found = {word for token in tokens & _COUNT_TOKENS for word in _TOKEN_WORDS[token]}
    new = tokens - _SEEN_TOKENS
    if new:
        _SEEN_TOKENS.update(new)
        for token in new:
            words = [w for w in _VOCABULARY_LETTERS.findall(token) if _is_category_word(w)]
            if words:
                _COUNT_TOKENS.add(token)
                _TOKEN_WORDS[token] = words
                found.update(words)
        if len(_SEEN_TOKENS) - len(_COUNT_TOKENS) > _OTHER_TOKENS_MAX:
            _SEEN_TOKENS.clear()
            _SEEN_TOKENS.update(_COUNT_TOKENS)
    return list(found)


def _is_category_word(word: str) -> bool:
    key = word.casefold()
    return key in _CATEGORY_EXACT or \
        (key[-_SUFFIX_TAIL:] in _SUFFIX_TAILS and key.endswith(_CATEGORY_SUFFIXES)) or \
        (key[:_PREFIX_HEAD] in _PREFIX_HEADS and key.startswith(_CATEGORY_PREFIXES))
