"""Counts of people and things, GDELT-style: value, qualifier, what is counted and what
happened to it.

"more than 200 Ukrainian drones" → 200, more_than, "Ukrainian drones", shot_down (from "have
shot down"); "five American-made ATACMS ballistic missiles" → 5, exact; "dozens of people" →
12, at_least; "between 10 and 20 protesters" → range (value is the lower bound). Years, dates,
times, ages, money, percentages, measures ("25,000 tons", "a 24-hour strike") and ordinals
("the third anniversary") are not counts of things.
"""
from __future__ import annotations

import math
import re

from spacy.attrs import DEP, LOWER, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from storyline.extract import lexicon_counts as L
from storyline.records import Count

__all__ = ["extract_counts", "parse_number"]

LANG = "en"
NUMBER_WORDS = L.NUMBER_WORDS[LANG]
SCALES = L.SCALES[LANG]
VAGUE = L.VAGUE[LANG]
QUALIFIERS = L.QUALIFIERS[LANG]
UNITS = L.UNITS[LANG]
CURRENCY = L.CURRENCY_SIGNS
OBJECT_VERBS = L.OBJECT_VERBS[LANG]
SUBJECT_VERBS = L.SUBJECT_VERBS[LANG]
NOUN_TYPES = L.NOUN_TYPES[LANG]
PROTEST_NOUNS = L.PROTEST_NOUNS[LANG]
BARE_STATES = L.BARE_STATES[LANG]
ONE_PRONOUN_BEFORE = L.ONE_PRONOUN_BEFORE[LANG]
_QUAL_KEYS = [(k, tuple(k.split())) for k in sorted(QUALIFIERS, key=lambda k: -len(k.split()))]
_VAGUE_KEYS = [(k, tuple(k.split())) for k in sorted(VAGUE, key=lambda k: -len(k.split()))]
_VAGUE_FIRST = frozenset(p[0] for _, p in _VAGUE_KEYS)
_NUMERIC_START = frozenset(NUMBER_WORDS) | frozenset(SCALES) | _VAGUE_FIRST

MAX_VALUE = 1e15  # a larger figure ("9" × 400) is no count of people or things: not a count
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "EVENT", "LAW", "WORK_OF_ART",
              "FAC", "PRODUCT", "ORG", "GPE", "PERSON", "LOC"}


def parse_number(words: list[str]) -> float | None:
    """The value of a number written in digits and/or words ("1.5 million", "twenty-five",
    "2,000", "two hundred"), or None."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        w = w.lower().strip()
        if not w or w in ("and", "-"):
            continue
        if _DIGITS.match(w):
            current += float(w.replace(",", ""))
            seen = True
        elif w == "dozen" and seen:  # "two dozen"
            current = (current or 1) * 12
        elif w in NUMBER_WORDS:
            current += NUMBER_WORDS[w]
            seen = True
        elif "-" in w and all(p in NUMBER_WORDS for p in w.split("-")):
            current += sum(NUMBER_WORDS[p] for p in w.split("-"))
            seen = True
        elif w in SCALES:
            if not seen:
                return None
            scale = SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
        else:
            return None
    if not seen:
        return None
    value = total + current
    if not math.isfinite(value) or value > MAX_VALUE:
        return None
    return int(value) if value == int(value) else value


def _is_num(tok: Token) -> bool:
    low = tok.lower_
    if low in SCALES and low not in ("m", "k"):
        return True
    if _DIGITS.match(low) or low in NUMBER_WORDS:
        return True
    return "-" in low and all(p in NUMBER_WORDS for p in low.split("-"))


def _qualifier_before(lows: list[str], start: int, sent_start: int,
                      doc: Doc | None = None) -> tuple[str, int]:
    """(qualifier, index of its first token) for the words right before ``start``."""
    for key, parts in _QUAL_KEYS:
        a = start - len(parts)
        if a < sent_start:
            continue
        if tuple(lows[a:start]) == parts:
            if key == "some" and a > sent_start and lows[a - 1] in ("of", "for"):
                continue
            if len(parts) == 1 and key in _PREPOSITION_QUALIFIERS and doc is not None and \
                    doc[a].dep_ == "prep":
                continue  # "learn more about 529 plans": a preposition, not "about 529"
            return QUALIFIERS[key], a
    return "exact", start


_PREPOSITION_QUALIFIERS = {"about", "over", "under", "around", "above", "below"}


def _count_type(head: Token) -> str | None:
    """What happened to the counted things: the verb governing them ("detained 300
    demonstrators": arrested), else what the noun itself says ("300 demonstrators": protesters)."""
    return _verb_type(head) or _participle_type(head) or NOUN_TYPES.get(head.lemma_.lower()) \
        or NOUN_TYPES.get(head.lower_)


def _participle_type(head: Token) -> str | None:
    """"civilians killed in the raid", "migrants drowned at sea": a participle on the noun."""
    for c in head.children:
        if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN":
            lemma = c.lemma_.lower()
            return OBJECT_VERBS.get(lemma) or SUBJECT_VERBS.get(lemma)
    return None


def _verb_type(head: Token) -> str | None:
    tok = head
    for _ in range(4):
        dep = tok.dep_
        gov = tok.head
        if gov.i == tok.i:
            return None
        if dep == "conj":
            tok = gov
            continue
        if dep == "pobj" and gov.dep_ == "prep" and gov.lower_ == "of":
            tok = gov.head
            continue
        if dep in ("amod", "acomp") or (dep == "nsubj" and gov.lemma_.lower() == "be"):
            for c in gov.children if dep == "nsubj" else [gov]:
                tt = NOUN_TYPES.get(c.lower_)
                if tt:
                    return tt
        if gov.pos_ in ("VERB", "AUX", "ADJ"):
            lemma = gov.lemma_.lower()
            prt = next((c.lower_ for c in gov.children if c.dep_ == "prt"), None)
            keys = ([f"{lemma} {prt}"] if prt else []) + [lemma]
            for c in gov.children:
                if c.dep_ in ("acomp", "oprd") and c.lower_ in ("dead",):
                    keys.insert(0, f"{lemma} dead")
            if dep in ("dobj", "obj", "nsubjpass", "dative", "attr", "oprd", "npadvmod") or \
                    (dep == "pobj"):
                for k in keys:
                    if k in OBJECT_VERBS:
                        return OBJECT_VERBS[k]
                # "were killed or wounded": the first conjoined verb
                for c in gov.children:
                    if c.dep_ == "conj" and c.lemma_.lower() in OBJECT_VERBS:
                        return OBJECT_VERBS[c.lemma_.lower()]
                if dep == "nsubjpass":
                    return None
            if dep in ("nsubj",):
                for k in keys:
                    if k in SUBJECT_VERBS:
                        return SUBJECT_VERBS[k]
                for c in gov.children:
                    if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in PROTEST_NOUNS:
                        return "protesters"
                    if c.dep_ == "prep":
                        for g in c.children:
                            if g.lemma_.lower() in PROTEST_NOUNS or g.lemma_.lower() == "hunger":
                                return "protesters"
                    if c.dep_ in ("dobj", "obj") and c.lemma_.lower() == "strike":
                        return "protesters"
                if gov.lemma_.lower() in ("be", "remain") and any(
                        c.lower_ in ("dead", "killed") for c in gov.children):
                    return "killed"
            return None
        return None
    return None


def _object_head(doc: Doc, first: int, last: int) -> Token | None:
    """The noun the number counts: its head noun, or the noun after "of"."""
    t = doc[last]
    if t.dep_ == "conj" and _is_num(t.head):  # "between 10 and 20 protesters"
        t = t.head
    if last + 1 < len(doc) and doc[last + 1].lower_ == "of":
        for c in doc[last + 1].children:
            if c.dep_ == "pobj":
                return c
    for t in [t] + [doc[k] for k in range(first, last)]:  # "two dozen civilians"
        if t.dep_ in ("nummod", "quantmod", "compound", "amod") and t.head.i > last:
            h = t.head
            while h.dep_ in ("nummod", "quantmod", "compound") and h.head.i > h.i:
                h = h.head
            return h
    return None


def _counts_people(tok: Token) -> bool:
    h = tok.head
    return tok.dep_ == "nummod" and h.i > tok.i and h.tag_ in ("NNS", "NNPS") and \
        h.lemma_.lower() not in UNITS and h.ent_type_ not in ("DATE", "TIME")


def _excluded(doc: Doc, first: int, last: int, sent_start: int) -> bool:
    toks = doc[first:last + 1]
    for t in toks:
        if t.ent_type_ in _SKIP_ENTS:
            if t.ent_type_ in ("DATE", "TIME") and _counts_people(doc[last]):
                continue  # "between 10 and 20 protesters" tagged as a DATE
            return True
    before = doc[first - 1] if first > sent_start else None
    after = doc[last + 1] if last + 1 < len(doc) else None
    if before is not None and (before.lower_ in CURRENCY or before.text in CURRENCY):
        return True
    if after is not None and (after.lower_ in UNITS or after.lemma_.lower() in UNITS or
                              after.text in ("%",)):
        return True
    if after is not None and after.text == "-" and last + 2 < len(doc):
        nxt = doc[last + 2]
        if nxt.lower_ != "strong":  # "a 24-hour strike", "a two-term member"; not "800-strong"
            return True
    if after is not None and "-" in after.text and after.text.split("-")[0] in UNITS:
        return True
    # a single year-like number ("in 1988") with no counted noun after it
    if first == last and re.fullmatch(r"(1[5-9]|20)\d\d", doc[first].text):
        nxt = doc[last + 1] if last + 1 < len(doc) else None
        if nxt is None or nxt.tag_ not in ("NNS", "NNPS"):
            return True
    # "one" as a pronoun ("no one", "one of the ...") and fractions ("one third of")
    if doc[first].lower_ == "one" and first == last:
        if before is not None and before.lower_ in ONE_PRONOUN_BEFORE:
            return True
        if after is not None and after.lower_ in ("another", "third", "half", "quarter", "fifth"):
            return True
        if after is not None and after.lower_ == "of" and last + 2 < len(doc) and \
                doc[last + 2].lower_ in ("them", "us", "the", "those", "these", "its", "their", "his",
                                         "her", "our", "my", "your", "whom", "which"):
            return True
        if doc[first].pos_ == "PRON":
            return True
    if after is not None and after.lower_ in ("third", "thirds", "half", "quarter", "quarters",
                                              "fifth", "fifths"):
        return True
    # ages: "Smith, 45," / "aged 45"
    if before is not None and before.lower_ in ("aged", "age"):
        return True
    if before is not None and before.text == "," and after is not None and after.text == "," and \
            first - 2 >= sent_start and doc[first - 2].ent_type_ == "PERSON":
        return True
    return False


def extract_counts(doc: Doc) -> list[Count]:
    """Counts in ``doc`` in text order; the span covers qualifier, number and object."""
    from storyline.extract.parsed import require_parse

    require_parse(doc, "extract_counts")
    out: list[Count] = []
    n = len(doc)
    strings = doc.vocab.strings
    lows = [strings[h] for h in doc.to_array(LOWER).tolist()] if len(doc) else []
    # singular subjects ("a journalist was killed"), found from arrays without building Tokens
    subj_nn: set[int] = set()
    if len(doc):
        for k, (dep, tag) in enumerate(doc.to_array([DEP, TAG]).tolist()):
            if tag == _NN and dep in _SUBJ_DEPS:
                subj_nn.add(k)
    for sent in doc.sents:
        i = sent.start
        end = sent.end
        while i < end:
            low = lows[i]
            if not (low[:1].isdigit() or low in _NUMERIC_START or "-" in low):
                i += 1
                continue
            tok = doc[i]
            # vague quantities first ("tens of thousands of", "dozens of")
            vague = None
            if low in _VAGUE_FIRST:
                for key, parts in _VAGUE_KEYS:
                    if i + len(parts) <= end and tuple(lows[i:i + len(parts)]) == parts:
                        vague = (key, *VAGUE[key])
                        break
            if vague:
                key, val, qual = vague
                last = i + len(key.split()) - 1
                if last + 1 < n and lows[last + 1] == "of":
                    head = _object_head(doc, i, last)
                    if head is not None and head.lemma_.lower() not in UNITS:
                        q, qa = _qualifier_before(lows, i, sent.start, doc)
                        out.append(_make(doc, qa, i, last, head, val, qual if q == "exact" else q))
                        i = head.i + 1 if head.i > i else last + 1
                        continue
                elif len(key.split()) > 1 and _standalone_ok(doc[i]):
                    # "hundreds of thousands marched": the people themselves
                    q, qa = _qualifier_before(lows, i, sent.start, doc)
                    out.append(_make(doc, qa, i, last, None, val, qual if q == "exact" else q,
                                     type_tok=doc[i]))
                    i = last + 1
                    continue
            if not _is_num(tok) or (low in SCALES and low not in ("hundred", "thousand", "million",
                                                                    "billion")):
                i += 1
                continue
            first = i
            last = i
            while last + 1 < end and (_is_num(doc[last + 1]) or (
                    lows[last + 1] == "-" and last + 2 < end and lows[last + 2] in NUMBER_WORDS)):
                last += 1  # "two hundred", "1.5 million", "twenty - nine"
            # "a dozen", "half a dozen"
            words = [t.text for t in doc[first:last + 1]]
            if doc[first].lower_ == "dozen" and first > sent.start and doc[first - 1].lower_ == "a":
                first -= 1
                words = ["dozen"]
            value = parse_number(words)
            if value is None or _excluded(doc, first, last, sent.start):
                i = last + 1
                continue
            qual, qa = _qualifier_before(lows, first, sent.start, doc)
            # ranges: "between 10 and 20", "10 to 20", "10-20"
            hi_last = last
            if first > sent.start and doc[first - 1].lower_ == "between" and last + 2 < end and \
                    doc[last + 1].lower_ == "and" and _is_num(doc[last + 2]):
                qual, qa, hi_last = "range", first - 1, last + 2
            elif last + 2 < end and doc[last + 1].lower_ in ("to", "-", "or") and _is_num(doc[last + 2]) \
                    and doc[last + 1].lower_ != "or":
                qual, hi_last = "range", last + 2
                if first > sent.start and doc[first - 1].lower_ == "from":
                    qa = first - 1
            head = _object_head(doc, first, hi_last)
            if head is None and hi_last != last:
                head = _object_head(doc, last + 2, hi_last)
            if head is not None and (head.lemma_.lower() in UNITS or head.lower_ in UNITS):
                i = hi_last + 1
                continue
            if head is not None and head.tag_ in ("NN", "NNP") and value != 1 and qual == "exact" \
                    and head.i == hi_last + 1:
                i = hi_last + 1  # "a 911 caller", "Resolution 1441": a number used as a name
                continue
            if hi_last + 2 < end and lows[hi_last + 1] == "of" and lows[hi_last + 2] in ("10", "ten",
                                                                                     "100"):
                i = hi_last + 3  # "eight of 10 voters": a proportion
                continue
            if head is not None and head.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
                i = hi_last + 1
                continue
            if head is None and not _standalone_ok(doc[last]):
                i = hi_last + 1
                continue
            if value == 1 and qual == "exact" and (head is None or _count_type(head) is None):
                i = hi_last + 1  # "one option", "one reason": not a count of anything reported
                continue
            out.append(_make(doc, qa, first, hi_last, head, value, qual))
            i = hi_last + 1
        here = {k for k in subj_nn if k < sent.end}
        if here:
            subj_nn -= here
            out.extend(_singular_victims(sent, here))
    out.sort(key=lambda c: c.span)
    return out


_ONE_TYPES = {"killed", "wounded", "arrested", "kidnapped"}


_NN = get_string_id("NN")
_SUBJ_DEPS = {get_string_id("nsubj"), get_string_id("nsubjpass")}


def _singular_victims(sent, subj_nn: set[int]) -> list[Count]:
    """"A Palestinian prisoner died", "a journalist has been killed": one person."""
    out = []
    for k in sorted(subj_nn):
        if not sent.start <= k < sent.end:
            continue
        tok = sent.doc[k]
        det = next((c for c in tok.children if c.dep_ == "det"), None)
        if det is None or det.lower_ not in ("a", "an"):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            continue  # "a group of ...": not one person
        ctype = _count_type(tok)
        if ctype not in _ONE_TYPES or (tok.dep_ == "nsubj" and ctype != "killed"):
            continue
        start = det.i
        a = sent.doc[start].idx
        b = tok.idx + len(tok)
        obj = sent.doc[start + 1:tok.i + 1].text
        out.append(Count(value=1, qualifier="exact", object=obj, span=(a, b), type=ctype))
    return out


def _standalone_ok(tok: Token) -> bool:
    """A bare number counts when it stands for people acted upon ("arresting 12"), is followed
    by what happened to them ("100 injured"), or is a death toll ("the toll rose to 56")."""
    if _bare_state(tok) is not None or _toll_type(tok) is not None:
        return True
    if tok.dep_ in ("dobj", "nsubjpass", "nsubj", "conj", "pobj", "appos"):
        return _count_type(tok) is not None
    return False


def _bare_state(tok: Token) -> str | None:
    doc = tok.doc
    if tok.i + 1 < len(doc):
        return BARE_STATES.get(doc[tok.i + 1].lower_)
    return None


def _toll_type(tok: Token) -> str | None:
    """"The death toll rose to 56", "the toll stands at 12": killed."""
    gov = tok.head
    if tok.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head
    if gov.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" and c.lemma_.lower() == "toll"
                                          for c in gov.children):
        return "killed"
    return None


def _make(doc: Doc, qa: int, first: int, last: int, head: Token | None, value, qual: str,
          type_tok: Token | None = None) -> Count:
    if head is not None and head.i > last:
        obj_start = last + 1
        if doc[obj_start].lower_ == "of":
            obj_start += 1
        while obj_start < head.i and doc[obj_start].dep_ in ("det",):
            obj_start += 1
        obj = doc[obj_start:head.i + 1].text
        end_tok = head
        ctype = _count_type(head)
    else:
        obj = ""
        end_tok = doc[last]
        t = type_tok if type_tok is not None else doc[last]
        ctype = _bare_state(doc[last]) or _toll_type(doc[last]) or _count_type(t)
    a = doc[qa].idx
    b = end_tok.idx + len(end_tok)
    return Count(value=value, qualifier=qual, object=obj, span=(a, b), type=ctype)
