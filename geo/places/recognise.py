"""Place names in German text: a gazetteer lookup guarded by German context rules, because the
gazetteer holds tens of thousands of names that are also words, given names or surnames
somewhere:
- a name must start with a capital and be no ordinary German word ("Mark", "Sonne") unless a
  locative preposition stands before it;
- a name next to a given name or a title is a person ("Wladimir Putin", "Präsident Selenskyj"),
  a name inside a run of other capitalised unknown words is an organisation or title;
- a city after an article is no city ("der Financial Times"); countries may take one ("die
  Ukraine");
- a type word makes a region ("Region Donezk", "Grenzregion Kursk", "Oblast Kursk").
The recognised names (``Hit``) go to ``geo.places.resolve``; ``geo.places.mentions`` joins both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo import lexicon
from geo.gazetteer import Gazetteer, name_key
from geo.model import Article, Role, Sentence
from geo.places.candidates import Capitals, Tokens
from geo.places.context import dateline, list_head, settlement_word
from geo.places.roles import role
from geo.places.words import BIG_HOMOGRAPH, Word, is_place_word, word_of
from geo.text.tokens import Token, Words
from geo.text.translit import german_key

_WORDS = lexicon.load().places
# Prepositions that make a following capitalised word likely a place (recognition evidence).
_LOCATIVE = _WORDS.place_cues
_ARTICLES = _WORDS.articles
_TITLES = _WORDS.titles
_TITLE_SUFFIXES = _WORDS.title_suffixes
_WATERSIDE = _WORDS.waterside
_TYPE_WORDS = _WORDS.type_words
_TYPE_PLURALS = _WORDS.type_plurals
_TYPE_FORMS = frozenset(_WORDS.type_forms)
_DISTRICTS = _WORDS.districts
_AREAS = _WORDS.areas
_JOIN = _WORDS.list_joiners
_CLUB_BEFORE = _WORDS.club_before
_CLUB_AFTER = _WORDS.club_after
# a year after a period word: "bis Mitte 2017" (no place Mitte)
_BRACKET = re.compile(r" \(")
_YEAR = re.compile(r"\s+(?:1[89]|20)\d\d\b")
# the evidence of a name too weak alone, which counts only if the article confirms it elsewhere
_WEAK = 0.4
_FUNCTION_WORDS = _WORDS.function_words
_NAME_LINKS = _WORDS.name_links
_ORGANISATIONS = _WORDS.organisations
_PEOPLE_NAMED = _WORDS.people_named
_PERIODS = _WORDS.periods
_COMPASS = frozenset(_WORDS.compass_prefixes)
_MONTHS = _WORDS.months


@dataclass
class Hit:
    """A recognised name before resolution."""

    start: int
    end: int
    sentence: Sentence
    rows: tuple[int, ...]
    bare_key: str  # the name without type word or genitive ending, for discourse linking
    typed: bool  # a type word made it a region
    evidence: float  # how sure recognition is (0..1)
    role: Role = "place"
    settlement: bool = False  # "die Stadt Charkiw", "CHARKIW –": never the region
    compound_head: str = ""  # "angaben" of "US-Angaben": the mention is the place part
    cue: bool = False  # a place-cue preposition right before ("in Bochum")
    district: bool = False  # "im Bezirk Melk": the district, its seat's place standing for it


def recognise(article: Article, sentences: list[Sentence], gaz: Gazetteer,
              words: Words | None = None) -> list[Hit]:
    """The article's recognised names, before resolution; ``words`` is the article's shared
    tokenisation, if a caller made one for other steps too."""
    hits: list[Hit] = []
    words = words if words is not None else Words(article.prose)
    capitals = Capitals(words, gaz)
    tokenised = [(s, Tokens(words.sentence(s), article.prose, capitals))
                 for s in capitals.sentences(sentences)]
    persons = _person_names(tokenised, gaz)
    for sentence, tokens in tokenised:
        hits.extend(_recognise_sentence(tokens, sentence, gaz, persons))
    # one sense per article for recognition too: a small town's name that was too weak alone
    # ("Bachmut ist zerstört") counts where the article names it as a place elsewhere
    # ("in Bachmut"); a weak name nowhere confirmed is dropped
    confirmed = {h.bare_key for h in hits if h.evidence > _WEAK}
    return [h for h in hits if h.evidence > _WEAK or h.bare_key in confirmed]


def _person_names(tokenised: list[tuple[Sentence, Tokens]], gaz: Gazetteer) -> set[str]:
    """Surnames the article introduces with a given name or title ("Pat Ryder"): later, alone,
    they are still persons ("sagte Ryder"), whatever town shares the name. Only words that
    could be read as places matter."""
    names: set[str] = set()
    for _, tokens in tokenised:
        for i in tokens.starts:
            if i:
                prev, tok = tokens[i - 1], tokens[i]
                if _person_before(prev, tok, gaz):
                    names.add(tok.key)
    return names


def _recognise_sentence(tokens: Tokens, sentence: Sentence, gaz: Gazetteer,
               persons: set[str]) -> list[Hit]:
    hits: list[Hit] = []
    free = 0  # the first token not inside a name already found
    for i in tokens.starts:
        if i < free:
            continue
        joined = _joined(tokens, i, hits[-1] if hits else None)
        hit, used = _match_at(tokens, i, sentence, gaz, persons, joined)
        if hit is not None:
            hit.role = role(tokens, i, i + used, hit, gaz)
            hit.cue = i > 0 and tokens[i - 1].key in _LOCATIVE
            hits.append(hit)
            free = i + used
    return hits


def _joined(tokens: Tokens, i: int, last: Hit | None) -> bool:
    """True if the word follows the name read just before it with "und", "oder" or a comma:
    "Hamm und Siegen", "Freistadt, Ebensee"."""
    if last is None or i == 0:
        return False
    if last.end == tokens[i - 1].end and tokens.prose.startswith(", ", last.end):
        return True
    return i >= 2 and last.end == tokens[i - 2].end and tokens[i - 1].key in _JOIN


def known_name(surface: str, gaz: Gazetteer) -> bool:
    """True if the gazetteer holds the name in a form the recogniser reads: whole ("Den Haag"),
    inflected ("Kursks", "Ostukraine") or after a type word ("Region Donezk"). What no rule
    can find, it cannot hold: this bounds recall on any test set."""
    if gaz.names.get(name_key(surface)):
        return True
    words = surface.split()
    if len(words) == 1:
        return bool(word_of(words[0].casefold(), gaz).rows)
    return len(words) == 2 and words[0].casefold().endswith(_TYPE_WORDS) and bool(
        gaz.typed_names.get(name_key(words[1])) or word_of(words[1].casefold(), gaz).rows)


def _match_at(tokens: Tokens, i: int, sentence: Sentence, gaz: Gazetteer,
              persons: set[str], joined: bool = False) -> tuple[Hit | None, int]:
    tok = tokens[i]
    word = word_of(tok.key, gaz)
    if word.type_word:
        typed = _typed_region(tokens, i, sentence, gaz)
        if typed is not None:
            return typed
        if tok.key in _TYPE_FORMS:
            return None, 1  # "im Rayon Tschulujiw": a type word is no place (not Rayong)
    multiword = (word.multiword_start and i + 1 < len(tokens)
                 and name_key(f"{tok.text} {tokens[i + 1].text}") in gaz.multiword_pairs)
    for n in (4, 3, 2):  # multiword names: "Den Haag", "Frankfurt am Main", "Region Kursk"
        if not multiword:
            break
        if i + n > len(tokens) or not tokens[i + n - 1].capital:
            continue
        span = tokens.run(i, i + n)
        if any(not t.capital and t.key not in _NAME_LINKS for t in span):
            continue
        key = name_key(" ".join(t.text for t in span))
        rows = gaz.names.get(key)
        if rows and _contiguous(span):
            after = tokens[i + n] if i + n < len(tokens) else None
            if _in_club_name(None, span[-1], after):
                return None, n  # "New York Times", "Manchester United"
            return Hit(tok.start, span[-1].end, sentence, rows, key, False, 0.9), n
    sounded = _sounded_pair(tokens, i, sentence, gaz) if word.sound_start else None
    if sounded is not None:
        return sounded, 2
    if word.rows and tokens.has_plural_type:
        listed = _listed_region(tokens, i, sentence, gaz)
        if listed is not None:
            return listed, 1
    rows = word.rows
    if not rows or word.word_only:
        compound = _compound(tok, word.compound, sentence, gaz, tokens.sports) \
            if word.compound else None
        return compound or _seat_compound(tok, sentence, gaz), 1
    evidence = _word_evidence(tokens, i, word, gaz, persons, joined)
    if evidence <= 0:
        return None, 0
    hit = Hit(tok.start, tok.end, sentence, rows, word.key, False, evidence)
    if (i and settlement_word(tokens[i - 1], gaz)) or dateline(tokens, i):
        # "die Stadt Charkiw"; "CHARKIW –": a dateline names a town, never the region
        towns = tuple(r for r in rows if gaz.places[r].feature_code.startswith("PPL"))
        hit.rows, hit.settlement = towns or rows, True
    return hit, 1


def _sounded_pair(tokens: Tokens, i: int, sentence: Sentence, gaz: Gazetteer) -> Hit | None:
    """A two-word name in German spelling ("Tschassiw Jar" for Chasiv Yar)."""
    if i + 1 >= len(tokens):
        return None
    tok, nxt = tokens[i], tokens[i + 1]
    if not nxt.capital or nxt.start - tok.end != 1:
        return None
    key = name_key(f"{tok.text} {nxt.text}")
    rows = gaz.sounds.get(german_key(key))
    return Hit(tok.start, nxt.end, sentence, rows, key, False, 0.8) if rows else None


def _compound(tok: Token, rows: tuple[int, ...], sentence: Sentence, gaz: Gazetteer,
              sports: bool) -> Hit | None:
    """ "US-Angaben", "Ukraine-Krieg", "Gaza-Krieg": a country, region or city before a hyphen;
    in a match report only a country or capital ("Bayern-Trainer" is the club's); no
    organisation ("Hamas-Behörde", Hamas being an alternate name of Hamm)."""
    if tok.key.partition("-")[0] in _ORGANISATIONS:
        return None
    if sports:
        rows = tuple(r for r in rows if gaz.places[r].feature_code in ("PCLI", "PPLC"))
        if not rows:
            return None
    first, _, head = tok.text.partition("-")
    return Hit(tok.start, tok.start + len(first), sentence, rows, first.casefold(), False, 0.9,
                compound_head=head.casefold())


def _seat_compound(tok: Token, sentence: Sentence, gaz: Gazetteer) -> Hit | None:
    """ "Kremlsprecher", "Kremlchef": the seat of power inside a compound speaks."""
    if tok.key[:4] not in gaz.speaker_prefixes:
        return None
    for key in gaz.speaker_keys:
        if tok.key.startswith(key) and len(tok.key) > len(key) + 3 and " " not in key:
            end = tok.start + len(key)
            return Hit(tok.start, end, sentence, gaz.names[key], key, False, 0.9)
    return None


def _contiguous(span: list[Token]) -> bool:
    return all(b.start - a.end == 1 for a, b in zip(span, span[1:]))


def _word_evidence(tokens: Tokens, i: int, word: Word, gaz: Gazetteer,
                   persons: set[str], joined: bool = False) -> float:
    """How much the context supports reading this single capitalised word as a place;
    ``joined``: it follows a name read as a place with "und", "oder" or a comma."""
    tok = tokens[i]
    prev = tokens[i - 1] if i else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    key, codes, big, curated = word.key, word.codes, word.big, word.curated
    if dateline(tokens, i):
        return 0.95  # "KIEW –", "GAZA (dpa) –": where the report was filed
    if tok.key in _COMPASS:
        return 0.0  # "von Nord nach Süd", "Regionalliga Nord": a direction, not Cameroon's Nord
    if tok.key in _ORGANISATIONS or tok.key in _CLUB_BEFORE:
        return 0.0  # "Hamas" (an alternate name of Hamm), "Werder", "die Wiener Austria"
    if tok.key in _PERIODS and (
            (nxt is not None and (nxt.key in _MONTHS or nxt.key in _ARTICLES))
            or _YEAR.match(tokens.prose, tok.end)):
        return 0.0  # "Mitte April", "Ende Mai", "bis Mitte 2017", "bis Mitte der 1980er Jahre"
    if prev is not None and prev.key in _ARTICLES and tok.key in _PEOPLE_NAMED:
        return 0.0  # "die Bayern jubelten": the people or the club; the land takes no article
    country_like = bool(codes & {"PCLI", "CONT"}) or key in gaz.speaker_keys
    if not country_like and (tok.key in persons or
                             (prev is not None and _person_before(prev, tok, gaz))):
        return 0.0  # "Präsident Macron", "sagte Ryder"; but "Botschafter Russlands" is a country
    if nxt is not None and nxt.capital and nxt.start - tok.end == 1 and tok.key == key \
            and key in gaz.first_names and not _is_strong_place_word(nxt, gaz):
        return 0.0  # "Kim Jong-un", "Florenz Müller", "Lara Croft"; not "Israels Armee"
    if not country_like and tok.text.isupper() and len(tok.text) <= 4:
        return 0.0  # an acronym ("NIS", "ISW"), whatever town has it as an alternate name
    # "das Dorf Krupez", "die Ortsfeuerwehr Neustadt", "Pöndorf (Bezirk Vöcklabruck)": a place,
    # however small, whatever given name it is too ("die Stadt Rafah"), after an acronym too
    # ("FFW Altentreptow")
    settled = (prev is not None and tok.start - prev.end == 1 and settlement_word(prev, gaz)) \
        or _district_after(tokens, i)
    if "PCLI" not in codes and not settled and (_in_club_name(prev, tok, nxt) or (
            i >= 2 and prev is not None and prev.capital and tok.start - prev.end == 1
            and _in_club_name(tokens[i - 2], prev, None))):
        return 0.0  # "FC Bayern", "FC Bayern München", "Manchester United": a club, no place
    if prev is not None and prev.key in _WATERSIDE and not codes & {"PCLI", "CONT", "ADM1"}:
        return 0.0  # "am Don", "am Dnipro": German says "am" of rivers, seas and fronts
    # a preposition right before the name ("auf, Elena" is a verb's particle)
    direct = prev is not None and prev.key in _LOCATIVE and tok.start - prev.end == 1
    # "im Raum Traunkirchen", "im Großraum Wieselburg"
    area = prev is not None and tok.start - prev.end == 1 and prev.key in _AREAS
    located = direct or settled or area or _in_located_list(tokens, i, gaz)
    locative = located or joined
    if tokens.sports and not country_like and not located:
        return 0.0  # a team in a match report: "fertigte Bochum ab", "wie Leipzig 20 Punkte"
    if key in gaz.first_names and big < 200_000 and not (country_like or curated or direct
                                                         or settled):
        return 0.0  # "Johannes", "David": a given name before it is a town
    if prev is not None and prev.key in _ARTICLES and not country_like and not locative \
            and "ADM1" not in codes:
        return 0.0  # "der Financial Times", "die Sonne"; but regions take one: "auf der Krim"
    if key in gaz.lexical_keys:  # "Mark", "Sonne"; but "in Essen"
        return 0.6 if (locative and big >= BIG_HOMOGRAPH) else 0.0
    if country_like or curated:
        return 0.95
    if not word.own and not locative and big < 100_000:
        return _WEAK  # only an alternate name of a small town ("Cloud", "Tui"): too weak alone
    if not locative and (_name_part(prev, tok, i - 1, gaz) or _name_part(nxt, tok, i + 1, gaz)):
        return 0.0  # "Borussia Dortmund", "New York Times": a town inside a longer name
    if locative:
        # a hamlet's name is read only where no German word shares it ("zu Geboltskirchen")
        return 0.8 if big >= 500 or settled or key not in gaz.common_words else 0.0
    if big >= 50_000:
        return 0.85
    return 0.6 if big >= 10_000 else _WEAK


def _district_after(tokens: Tokens, i: int) -> bool:
    """True if a district in brackets follows the name or the list it is in: "Micheldorf
    (Bezirk Kirchdorf)", "Steyregg, Tiefgraben und Pöndorf (alle Bezirk Vöcklabruck)"."""
    prose, j = tokens.prose, i
    while j + 1 < len(tokens) and j - i < 8:
        at = _BRACKET.match(prose, tokens[j].end)
        if at is not None:
            return any(t.key.endswith(_DISTRICTS) for t in tokens.run(j + 1, j + 3)
                       if t.start - at.end() <= 5)  # "(Bezirk ...)", "(alle Bezirk ...)"
        nxt = tokens[j + 1]
        gap = prose[tokens[j].end:nxt.start]
        listed = (nxt.key in _JOIN and gap == " ") or (nxt.capital and (
            gap == ", " or (gap == " " and tokens[j].key in _JOIN)))
        if not listed:
            return False
        j += 1
    return False


def _in_club_name(prev: Token | None, tok: Token, nxt: Token | None) -> bool:
    """True if the word sits in a club's, team's or newspaper's name: after an abbreviation such
    as "FC", "VfL", "THW" or a club word ("Borussia", "Dynamo"), or before "United", "Times"."""
    if prev is not None and tok.start - prev.end == 1:
        text = prev.text
        if prev.key in _CLUB_BEFORE or (
                2 <= len(text) <= 4 and sum(c.isupper() for c in text) >= 2 and text.isalpha()):
            return True
    return nxt is not None and nxt.start - tok.end == 1 and nxt.key in _CLUB_AFTER


def _in_located_list(tokens: Tokens, i: int, gaz: Gazetteer) -> bool:
    """True if a preposition or settlement word before a list of names reaches this one."""
    head = list_head(tokens, i, gaz)
    return head is not None and not head.key.endswith(_TYPE_PLURALS)


def _name_part(other: Token | None, tok: Token, index: int, gaz: Gazetteer) -> bool:
    """True if ``other`` is a capitalised, uncommon, non-place word right next to ``tok``."""
    if other is None or not other.capital or index == 0:
        return False
    if other.start != tok.end + 1 and tok.start != other.end + 1:
        return False
    return other.key not in gaz.common_words and not is_place_word(other.text, gaz)


def _is_initial(tok: Token) -> bool:
    """ "W" of "George W. Bush": one capital letter, a full stop and a space before the name."""
    return len(tok.text) == 1 and tok.capital


def _is_strong_place_word(tok: Token, gaz: Gazetteer) -> bool:
    """A country, a region or a city of a million people: "Georgia Tiflis" is no person; "Uta
    Hagen" is one (a city of 190,000 shares the surname)."""
    word = word_of(tok.key, gaz)
    return bool(word.codes & {"PCLI", "CONT", "ADM1"}) or word.big >= 1_000_000


def _person_before(prev: Token, tok: Token, gaz: Gazetteer) -> bool:
    """True if ``prev`` makes ``tok`` a person's name: a title, given name or initial right
    before it ("Präsident Macron", "Pat Ryder", "W. Bush"; not "der Präsident, Kiew ...")."""
    gap = tok.start - prev.end
    return (gap == 1 or (gap == 2 and _is_initial(prev))) and _is_person_context(prev, gaz)


def _is_person_context(prev: Token, gaz: Gazetteer) -> bool:
    key = prev.key
    return (_is_initial(prev) or key in _TITLES or key.endswith(_TITLE_SUFFIXES) or
            (prev.capital and key in gaz.first_names and key not in gaz.lexical_keys
             and key not in _FUNCTION_WORDS))


def _typed_region(tokens: Tokens, i: int, sentence: Sentence,
                  gaz: Gazetteer) -> tuple[Hit, int] | None:
    """ "Region Donezk", "russische Grenzregion Kursk", "Oblast Kursk" -> the region; "Bezirk
    Melk", "Rajon Isjum", "Bez. Freistadt" -> the district. Called for words whose
    ``Word.type_word`` is set."""
    tok = tokens[i]
    if i + 1 >= len(tokens):
        return None
    district = tok.key.endswith(_DISTRICTS)
    # "Bez. Freistadt": an abbreviated type word, its full stop between it and the name
    gap = 2 if tokens.prose.startswith(". ", tok.end) else 1
    for n in (3, 2, 1):  # "Bundesstaat New York", "Oblast Kursk"
        span = tokens.run(i + 1, i + 1 + n)
        if len(span) < n or not all(t.capital for t in span) or not _contiguous(span) \
                or span[0].start - tok.end != gap:
            continue
        text = " ".join(t.text for t in span)
        word = word_of(span[0].key, gaz) if n == 1 else None
        key = word.key if word is not None else name_key(text)
        whole = gaz.names.get(name_key(f"{tok.text} {text}"), ())
        named = word.rows if word is not None else gaz.names.get(key, ())
        rows = _district_seats(named, gaz) if district else ()
        if not rows:
            rows = _regions(key, whole, gaz)
        if not rows:
            continue
        # "Region Donezk", "den Regionen Brjansk, ...", "im Bezirk Melk": the name alone, as
        # news annotators mark it (GermEval 2014 and both real-news gold sets); the type word
        # makes it the region
        hit = Hit(span[0].start, span[-1].end, sentence, rows, key, True, 0.95,
                  district=district and gaz.places[rows[0]].feature_code != "ADM1")
        return hit, 1 + n
    return None


def _district_seats(named: tuple[int, ...], gaz: Gazetteer) -> tuple[int, ...]:
    """The towns among a district's name's places, which stand for the district ("Bezirk
    Melk"): the gazetteer holds no districts, and Austrian, German and Ukrainian districts are
    mostly named after their seat."""
    return tuple(r for r in named if gaz.places[r].feature_code.startswith("PPL"))


def _listed_region(tokens: Tokens, i: int, sentence: Sentence, gaz: Gazetteer) -> Hit | None:
    """A later name of a list after a plural type word: "Kursk und Belgorod" of "den Regionen
    Brjansk, Kursk und Belgorod" are regions too."""
    head = list_head(tokens, i, gaz)
    if head is None or not head.key.endswith(_TYPE_PLURALS):
        return None
    tok = tokens[i]
    key = word_of(tok.key, gaz).key
    rows = _regions(key, (), gaz)
    return Hit(tok.start, tok.end, sentence, rows, key, True, 0.95) if rows else None


def _regions(key: str, whole: tuple[int, ...], gaz: Gazetteer) -> tuple[int, ...]:
    """The regions among a name's places, those valid only after a type word included."""
    regions = [r for r in (*whole, *gaz.typed_names.get(key, ()), *gaz.names.get(key, ()))
               if gaz.places[r].feature_code == "ADM1"]
    return tuple(dict.fromkeys(regions))
