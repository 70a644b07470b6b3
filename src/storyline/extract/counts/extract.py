"""extract_counts: numbers of people and things in a parsed Doc, with qualifier and type."""
from __future__ import annotations

import re

from spacy.attrs import DEP, LOWER, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from storyline.extract.counts.numbers import is_num, parse_number, qualifier_before
from storyline.extract.counts.types import count_type, make_count, singular_victims, standalone_ok
from storyline.extract.counts.words import (
    CURRENCY, NUMBER_WORDS, NUMERIC_START, ONE_PRONOUN_BEFORE, SCALES, UNITS, VAGUE, VAGUE_FIRST,
    VAGUE_KEYS,
)
from storyline.records import Count


SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "EVENT", "LAW", "WORK_OF_ART",
             "FAC", "PRODUCT", "ORG", "GPE", "PERSON", "LOC"}


def object_head(doc: Doc, first: int, last: int) -> Token | None:
    """The noun the number counts: its head noun, or the noun after "of"."""
    t = doc[last]
    if t.dep_ == "conj" and is_num(t.head):  # "between 10 and 20 protesters"
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


def counts_people(tok: Token) -> bool:
    h = tok.head
    return tok.dep_ == "nummod" and h.i > tok.i and h.tag_ in ("NNS", "NNPS") and \
        h.lemma_.lower() not in UNITS and h.ent_type_ not in ("DATE", "TIME")


def excluded(doc: Doc, first: int, last: int, sent_start: int) -> bool:
    toks = doc[first:last + 1]
    for t in toks:
        if t.ent_type_ in SKIP_ENTS:
            if t.ent_type_ in ("DATE", "TIME") and counts_people(doc[last]):
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
            if tag == NN and dep in SUBJ_DEPS:
                subj_nn.add(k)
    for sent in doc.sents:
        i = sent.start
        end = sent.end
        while i < end:
            low = lows[i]
            if not (low[:1].isdigit() or low in NUMERIC_START or "-" in low):
                i += 1
                continue
            tok = doc[i]
            # vague quantities first ("tens of thousands of", "dozens of")
            vague = None
            if low in VAGUE_FIRST:
                for key, parts in VAGUE_KEYS:
                    if i + len(parts) <= end and tuple(lows[i:i + len(parts)]) == parts:
                        vague = (key, *VAGUE[key])
                        break
            if vague:
                key, val, qual = vague
                last = i + len(key.split()) - 1
                if last + 1 < n and lows[last + 1] == "of":
                    head = object_head(doc, i, last)
                    if head is not None and head.lemma_.lower() not in UNITS:
                        q, qa = qualifier_before(lows, i, sent.start, doc)
                        out.append(make_count(doc, qa, i, last, head, val, qual if q == "exact" else q))
                        i = head.i + 1 if head.i > i else last + 1
                        continue
                elif len(key.split()) > 1 and standalone_ok(doc[i]):
                    # "hundreds of thousands marched": the people themselves
                    q, qa = qualifier_before(lows, i, sent.start, doc)
                    out.append(make_count(doc, qa, i, last, None, val, qual if q == "exact" else q,
                                          type_tok=doc[i]))
                    i = last + 1
                    continue
            if not is_num(tok) or (low in SCALES and low not in ("hundred", "thousand", "million",
                                                                    "billion")):
                i += 1
                continue
            first = i
            last = i
            while last + 1 < end and (is_num(doc[last + 1]) or (
                    lows[last + 1] == "-" and last + 2 < end and lows[last + 2] in NUMBER_WORDS)):
                last += 1  # "two hundred", "1.5 million", "twenty - nine"
            # "a dozen", "half a dozen"
            words = [t.text for t in doc[first:last + 1]]
            if doc[first].lower_ == "dozen" and first > sent.start and doc[first - 1].lower_ == "a":
                first -= 1
                words = ["dozen"]
            value = parse_number(words)
            if value is None or excluded(doc, first, last, sent.start):
                i = last + 1
                continue
            qual, qa = qualifier_before(lows, first, sent.start, doc)
            # ranges: "between 10 and 20", "10 to 20", "10-20"
            hi_last = last
            if first > sent.start and doc[first - 1].lower_ == "between" and last + 2 < end and \
                    doc[last + 1].lower_ == "and" and is_num(doc[last + 2]):
                qual, qa, hi_last = "range", first - 1, last + 2
            elif last + 2 < end and doc[last + 1].lower_ in ("to", "-", "or") and is_num(doc[last + 2]) \
                    and doc[last + 1].lower_ != "or":
                qual, hi_last = "range", last + 2
                if first > sent.start and doc[first - 1].lower_ == "from":
                    qa = first - 1
            head = object_head(doc, first, hi_last)
            if head is None and hi_last != last:
                head = object_head(doc, last + 2, hi_last)
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
            if head is None and not standalone_ok(doc[last]):
                i = hi_last + 1
                continue
            if value == 1 and qual == "exact" and (head is None or count_type(head) is None):
                i = hi_last + 1  # "one option", "one reason": not a count of anything reported
                continue
            out.append(make_count(doc, qa, first, hi_last, head, value, qual))
            i = hi_last + 1
        here = {k for k in subj_nn if k < sent.end}
        if here:
            subj_nn -= here
            out.extend(singular_victims(sent, here))
    out.sort(key=lambda c: c.span)
    return out


NN = get_string_id("NN")
SUBJ_DEPS = {get_string_id("nsubj"), get_string_id("nsubjpass")}
