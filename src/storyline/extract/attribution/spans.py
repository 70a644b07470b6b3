"""Attribution spans: the cue with its auxiliaries, the content from a set of parse tokens
(cut at sentence ends, trimmed, quotations kept whole), and the source of a cue.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from storyline.extract.attribution.context import CUE_LEMMAS, LANG, RAISING, SPEECH, Ctx
from storyline.lexicons import lexicon

L = lexicon(LANG, "attribution")

_ATTITUDE_PASSIVE = L["attitude_passive_verbs"]
_EXPLETIVES = L["expletives"]
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_PUNCT_TRIM = frozenset(".,;:—–-()[]!?…") | {"--"}
_QUOTE_CHARS = frozenset("\"“”„«»'`‘’")
_CUE_LEFT = frozenset({"aux", "auxpass", "neg"})
_SETTING_NOUNS = L["setting_nouns"]
_QUOTE_TAIL = " .,;:!?…\"“”'’`"
_SINGLE_OPEN = re.compile(r"(?:^|[\s(])['‘][A-Za-z]")
_SINGLE_CLOSE = re.compile(r"[.,!?]?['’](?=\s|$)")
_SINGLE_END = re.compile(r"[\w.,!?]['’](?:\s|$)")
_JOINERS = L["coordinators"] | frozenset({",", "—", "–", "--", ";", "\"", "”", "''"})
_INSERT_MARKS = frozenset({",", "—", "–", "--"})
_DISCOURSE = L["discourse_words"]


def cue_extent(doc: Doc, v: Token, end: int) -> tuple[int, int]:
    """The cue: the verb with its auxiliaries and negation ("has said", "did not mention",
    "was reported"), a particle ("pointed out") and a setting right after it ("said in a
    statement", "said Tuesday"). Adverbs ("also") and a colon stay out."""
    a = v.i
    while a > 0:
        t = doc[a - 1]
        if t.head.i == v.i and t.dep_ in _CUE_LEFT:
            a -= 1
        else:
            break
    b = end
    if b < len(doc) and doc[b].dep_ == "prt" and doc[b].head.i == v.i:
        b += 1
    if b < len(doc) and doc[b].dep_ == "prep" and doc[b].head.i == v.i and b + 1 < len(doc):
        # "said in a statement"
        pob = next((g for g in doc[b].children if g.dep_ == "pobj"), None)
        if pob is not None and pob.lemma_.lower() == "statement" and pob.right_edge.i == pob.i:
            b = pob.i + 1
    elif b < len(doc) and doc[b].dep_ == "npadvmod" and doc[b].ent_type_ == "DATE" and doc[b].head.i == v.i \
            and doc[b].right_edge.i == b:
        b += 1
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1])


def trailing_args(v: Token, obj: Token) -> list[Token]:
    """What follows the object and still belongs to the content: "accused X of Y", "called X Y",
    "defended X against Y" — up to a comma or a coordinated clause; time and setting phrases
    ("on Monday", "in a statement") stay out."""
    out = []
    for c in v.rights:
        if c.i <= obj.i:
            continue
        if c.dep_ in ("punct", "cc", "conj") or c.is_punct:
            break
        if c.dep_ in ("oprd", "xcomp", "ccomp", "dative", "acomp", "advmod"):
            out.append(c)
        elif c.dep_ == "advcl" and c.left_edge.lower_ == "as" and c.left_edge.i == obj.right_edge.i + 1 \
                and not any(g.dep_ in _SUBJ for g in c.children):
            out.append(c)  # "view the governor as more prepared"
        elif c.dep_ == "prep":
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is None and c.lower_ == "as" and any(True for _ in c.children):
                out.append(c)  # "saw the plan as too costly"
                continue
            if pobj is None:
                break
            if pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in _SETTING_NOUNS:
                continue  # "lauded X in his address for Y": the setting stays out, Y comes in
            out.append(c)
        else:
            break
    return out


def conjuncts(heads: list[Token], v: Token) -> list[Token]:
    """ "cited her years as secretary and as a senator", "a supporter of NATO and of its allies":
    conjuncts the parser hung one level up belong to the content, unless they are clauses of
    their own."""
    out: list[Token] = []
    for h in heads:
        p = h.head
        if p.i == h.i or h.dep_ not in ("dobj", "pobj", "pcomp", "oprd"):
            continue
        for c in p.children:
            if c.dep_ != "conj" or c.i <= h.right_edge.i or c.i == v.i:
                continue
            if c.pos_ in ("VERB", "AUX") and (any(g.dep_ in _SUBJ for g in c.children) or p.i == v.i):
                continue
            if c.lemma_.lower() in CUE_LEMMAS and c.pos_ == "VERB":
                continue
            cc = [g for g in p.children if g.dep_ == "cc" and h.right_edge.i < g.i < c.i]
            out.extend(cc + [c])
    return out


def clause_conjuncts(heads: list[Token], v: Token) -> list[Token]:
    """ "said that X, but Y declined", "urged them to share a currency and rely on …": the parser
    hangs the second conjunct on the reporting verb; a clause with its own subject, or a bare
    infinitive continuing an infinitive content, belongs to what was said."""
    end = max(h.right_edge.i for h in heads)
    out: list[Token] = []
    doc = v.doc
    for c in v.children:
        if c.dep_ == "advcl" and c.tag_ == "VB" and c.i > end and c.left_edge.i == c.i \
                and all(doc[k].is_punct for k in range(end + 1, c.i)) \
                and not any(g.dep_ in _SUBJ + ("mark", "aux") for g in c.children):
            # 'ready to "take on the cartel," secure the border, …': the list runs on
            out.append(c)
            end = c.right_edge.i
            continue
        if c.dep_ != "conj" or c.i <= end or c.pos_ not in ("VERB", "AUX"):
            continue
        if c.lemma_.lower() in CUE_LEMMAS:
            break
        own_subject = any(g.dep_ in _SUBJ for g in c.children)
        infinitive = c.tag_ == "VB" and any(h.dep_ == "xcomp" for h in heads)
        if not (own_subject or infinitive):
            break
        out.extend(g for g in v.children if g.dep_ == "cc" and end < g.i < c.i)
        out.append(c)
        end = c.right_edge.i
    return out


def trailing_relative(doc: Doc, heads: list[Token]) -> set[int]:
    """ ", who has never faced …" / ", which include …" closing an object: a description of the
    thing talked about, which annotators leave out of the content."""
    out: set[int] = set()
    for h in heads:
        for t in h.subtree:
            if t.dep_ == "relcl" and t.i > h.i and t.i - 1 >= 0 and t.right_edge.i == h.right_edge.i:
                first = t.left_edge.i
                if first > 0 and doc[first - 1].text == "," and doc[first].lower_ in _COMMA_RELATIVES:
                    out |= set(range(first - 1, t.right_edge.i + 1))
    return out


_WH_OBJECTS = L["wh_relatives"]
_COMMA_RELATIVES = L["comma_relatives"]


def nested_report_tail(doc: Doc, toks: set[int], v: Token) -> set[int]:
    """A report of its own closing a content after a comma — ", which he described as …",
    ", saying …", ", and accused …" — is a separate attribution, not part of this one."""
    if not toks:
        return set()
    end = max(toks)
    for k in sorted(toks):
        t = doc[k]
        if k <= v.i or t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in CUE_LEMMAS:
            continue
        a = t.left_edge.i
        if t.dep_ == "conj" and a == t.i and a - 1 > v.i and doc[a - 1].dep_ == "cc":
            a -= 1
            if doc[a - 1].text != "," and _parallel_report(t, v):
                return set(range(a, end + 1))  # "said X and suggested that Y"
        if t.right_edge.i < end or a - 1 <= v.i or doc[a - 1].text != ",":
            continue
        if t.dep_ == "relcl":
            wh = any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _WH_OBJECTS and c.i < t.i for c in t.children)
            if not (wh and any(c.dep_ == "nsubj" for c in t.children)):
                continue
        elif t.dep_ == "advcl":
            if t.tag_ != "VBG" or a != t.i:
                continue
        elif t.dep_ == "conj":
            if any(c.dep_ in _SUBJ for c in t.children):
                continue
        else:
            continue
        return set(range(a - 1, end + 1))
    return set()


def _parallel_report(t: Token, v: Token) -> bool:
    """ "said he was ready and suggested that …", "saying …, and promising to …": a second
    report by the same speaker (same verb form, no subject of its own, a clause of its own)
    that the parse hung inside the first content."""
    if t.tag_ != v.tag_ or t.lemma_.lower() not in SPEECH or any(c.dep_ in _SUBJ for c in t.children):
        return False
    return any(c.dep_ == "ccomp" or (c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children))
               for c in t.children if c.i > t.i)


def inserted_clause(ctx: "Ctx", v: Token) -> list[tuple[int, int]] | None:
    """A speech verb set between commas inside what was said: "X, he said, is …", "People
    like Scott, he said.", "Hawaii, as one adviser pointed out, rarely …"."""
    doc = ctx.doc
    subj = [c for c in v.lefts if c.dep_ == "nsubj"]
    if not subj:
        return None
    a = subj[-1].left_edge.i
    if a > 0 and doc[a - 1].lower_ == "as":
        a -= 1
    ss, se = ctx.sent_start[v.i], ctx.sent_end[v.i]
    if a - 1 <= ss or doc[a - 1].text not in _INSERT_MARKS:
        return None
    b = v.i + 1
    while b < se and doc[b].text not in _INSERT_MARKS and doc[b].text not in (".", "!", "?", ";"):
        b += 1
    toks = set(range(ss, a - 1))
    if b < se and doc[b].text in _INSERT_MARKS:
        toks |= set(range(b + 1, se))
    if any(ctx.in_quote[k] or doc[k].text in _QUOTE_CHARS or doc[k].text in ("''", "``") for k in toks):
        return None  # quotations are attached by the quote pass
    spans = content_spans(ctx, toks, v.i)
    return spans or None


def _left_np(doc: Doc, v: Token) -> tuple[tuple[int, int], int] | None:
    """The noun phrase right before a verb: "one of the attorneys, Justin Bamberg, said …"."""
    j = v.i - 1
    while j >= 0 and (doc[j].dep_ in ("aux", "neg", "advmod") or doc[j].text == ","):
        j -= 1
    if j < 0 or doc[j].pos_ not in ("PROPN", "NOUN", "PRON") or doc[j].is_space:
        return None
    r = doc[j]
    while r.head.i != r.i and r.head.i < v.i and r.head.right_edge.i < v.i:
        r = r.head
    a = r.left_edge.i
    while a < j and (doc[a].is_punct or doc[a].is_space):
        a += 1
    head = r if r.pos_ in ("PROPN", "NOUN", "PRON") else doc[j]
    return (doc[a].idx, doc[j].idx + len(doc[j])), head.i


_OUTPUTS = L["output_nouns"]


_PUBLISH = L["publish_verbs"]
_THING_RELATIVES = L["thing_relatives"]


def published_by(v: Token) -> Token | None:
    """ "issued a statement saying …", "released a video that said …": the verb that put out the
    statement whose words ``v`` reports (its subject is the speaker)."""
    n = v.head
    if v.dep_ not in ("acl", "relcl") or n.lemma_.lower() not in _OUTPUTS or n.dep_ != "dobj":
        return None
    if v.dep_ == "relcl" and not any(c.dep_ == "nsubj" and c.lower_ in _THING_RELATIVES for c in v.children):
        return None
    h = n.head
    return h if h.lemma_.lower() in _PUBLISH and h.i < n.i else None


def find_source(doc: Doc, v: Token, depth: int = 0) -> tuple[tuple[int, int], int] | None:
    pub = published_by(v) if depth < 3 and v.lemma_.lower() in CUE_LEMMAS else None
    if pub is not None:
        return find_source(doc, pub, depth + 1)
    subj = None
    for c in v.children:
        if c.dep_ in ("nsubj", "csubj") and c.ent_type_ not in ("TIME", "DATE") and not c.like_num:
            subj = c
            break
    if subj is None:
        for c in v.children:
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    subj = objs[0]
                    break
    if subj is None:
        # "Russian media report …": a subject parsed as a compound of the verb
        lefts = [c for c in v.lefts if c.dep_ in ("compound", "npadvmod") and c.pos_ in ("NOUN", "PROPN")]
        if lefts:
            first = min(t.left_edge.i for t in lefts)
            last = doc[v.i - 1]
            return (doc[first].idx, last.idx + len(last)), lefts[-1].i
    if subj is None:
        sp = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        if sp is not None:
            if v.lemma_ in _ATTITUDE_PASSIVE and sp.lower_ not in _EXPLETIVES:
                subj = sp  # "we are convinced that …"
            else:
                return None  # agentless passive: "it was reported that …"
    if subj is None:
        h = v.head
        if v.dep_ in ("xcomp", "advcl", "ccomp", "oprd") and h.pos_ in ("VERB", "AUX") and h.i < v.i:
            # "pressed Stumpf to admit …", "the ad shows Hillary Clinton asking …": the object
            obj = next((c for c in h.children if c.dep_ in ("dobj", "nsubj") and h.i < c.i < v.i
                        and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
            if obj is not None and obj.right_edge.i == v.i - 1 - (1 if doc[v.i - 1].dep_ == "aux" else 0):
                a, b = obj.left_edge.i, obj.right_edge.i
                return (doc[a].idx, doc[b].idx + len(doc[b])), obj.i
        if v.dep_ in ("acl", "advcl", "xcomp") and v.tag_ in ("VBG", "VB") and v.head.pos_ in ("NOUN", "PROPN") \
                and not any(c.dep_ == "mark" for c in v.children):
            # "pastors supporting Mr. Cruz", "a petition calling on …": the noun phrase; but
            # "…, saying that …" after a comma speaks for the subject of the clause
            if v.i and doc[v.i - 1].text in (",", "—", "–") and depth < 3:
                h = v.head
                for _ in range(4):
                    if h.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in h.children):
                        return find_source(doc, h, depth + 1)
                    if h.head.i == h.i:
                        break
                    h = h.head
            h = v.head
            a = h.left_edge.i
            return (doc[a].idx, h.idx + len(h)), h.i
        if v.tag_ == "VBN" and v.dep_ == "advcl":
            return None  # "Asked if …"
        if depth < 3 and v.dep_ in ("advcl", "conj", "xcomp", "pcomp") and v.head.i != v.i:
            h = v.head
            if v.dep_ == "conj" and h.tag_ != v.tag_:
                # "said he was ready and suggested that …": the conjunct of the reporting verb
                for a in list(h.ancestors)[:4]:
                    if a.tag_ == v.tag_ and a.lemma_.lower() in CUE_LEMMAS and _parallel_report(v, a):
                        h = a
                        break
            if v.dep_ == "pcomp" and h.pos_ == "ADP" and h.head.i != h.i:
                h = h.head  # "responded by saying …", "After saying …, she was …"
            if h.pos_ == "ADJ" and h.dep_ == "acomp":
                h = h.head  # "he was able to tout …"
            if v.dep_ == "advcl" and v.tag_ == "VBG" and h.dep_ == "ccomp" and h.head.lemma_.lower() in CUE_LEMMAS \
                    and v.i and doc[v.i - 1].text == ",":
                h = h.head  # "said the deal was fair, noting …": the one who said it
            if h.pos_ not in ("VERB", "AUX"):
                return None
            return find_source(doc, h, depth + 1)
        if v.tag_ in ("VBD", "VBZ", "VBP") and v.lemma_.lower() in CUE_LEMMAS:
            return _left_np(doc, v)  # a finite speech verb whose subject the parser hung elsewhere
        return None
    if v.lemma_ in RAISING and depth == 0:
        return None
    a, b = subj.left_edge.i, subj.right_edge.i
    while b > a and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    while a < b and (doc[a].is_punct or doc[a].is_space):
        a += 1
    return (doc[a].idx, doc[b].idx + len(doc[b])), subj.i


def _opens_paren(doc: Doc, a: int, b: int) -> bool:
    """Whether tokens a..b leave a parenthesis open."""
    depth = 0
    for k in range(a, b):
        t = doc[k].text
        depth += (t == "(") - (t == ")")
    return depth > 0


def _trimmable(t: Token, doc: Doc, a: int, b: int, left: bool) -> bool:
    if t.is_space:
        return True
    s = t.text
    if s in _PUNCT_TRIM:
        return True
    if s in _QUOTE_CHARS or s in ("''", "``"):
        # keep a closing mark whose opening mark is in the span, and vice versa
        inner = doc[a:b].text
        opens = sum(inner.count(c) for c in "“") + inner.count("``")
        closes = sum(inner.count(c) for c in "”") + inner.count("''")
        straight = inner.count('"')
        if s == '"':
            return straight % 2 == 1
        if not left and s in ("'", "’") and _SINGLE_OPEN.search(inner):
            return False  # "… was an 'intentional act.'": the single quotation opened inside
        if left:
            return closes < opens or opens == closes == 0 or (s in "”'" and True)
        return opens < closes or opens == closes == 0 or s in "“`"
    return False


def clause_minus(ctx: "Ctx", head: Token, cut: Token) -> list[tuple[int, int]]:
    """The clause of ``head`` without the subtree of ``cut`` (a parenthetical cue)."""
    sent = head.sent
    toks = {i for i in subtree_indices(head) if sent.start <= i < sent.end} - set(subtree_indices(cut))
    return content_spans(ctx, toks, cut.i)


def subtree_indices(t: Token) -> range | list[int]:
    """Token indices under ``t`` (a range when the subtree is contiguous, as it nearly always is)."""
    a, b = t.left_edge.i, t.right_edge.i + 1
    n = sum(1 for _ in t.subtree) if b - a > 1 else 1
    if n == b - a:
        return range(a, b)
    return [x.i for x in t.subtree]


def _trim_tail(doc: Doc, a: int, b: int) -> int:
    """Cut a content at a separator line ("___", "---") the parser swallowed. (Cutting relative
    clauses, appositions or time clauses at the end was tried: PolNeAR's annotators keep them
    as often as not, so they stay.)"""
    for k in range(a + 1, b):
        t = doc[k].text
        if len(t) >= 3 and set(t) <= {"_", "-", "—", "*"}:
            return k
    return b


_CONNECTORS = L["connectors"]
_DASH_MARKS = frozenset({"―", "—", "–", "-", "--"})


def _skip_opener(doc: Doc, a: int, b: int) -> int:
    """A dateline ("WASHINGTON ― …", "NEW YORK (AP) — …") or a connector ("In addition, …",
    "In fact, …") opening the run is not part of what was said."""
    for n in (2, 3):
        if a + n < b and tuple(doc[k].lower_ for k in range(a, a + n)) in _CONNECTORS and doc[a + n].text == ",":
            return a + n + 1
    k = a
    if k < b and doc[k].text.isupper() and len(doc[k].text) > 1 and (k == 0 or "\n" in doc[k - 1].text_with_ws):
        while k < b and k - a < 12 and doc[k].text not in _DASH_MARKS:
            k += 1
        if k < b - 1 and doc[k].text in _DASH_MARKS and all(
                t.text.isupper() or t.is_punct or t.like_num or t.ent_type_ in ("DATE", "GPE") or t.is_space
                for t in doc[a:k]):
            return k + 1
    return a


def content_spans(ctx: "Ctx", toks: set[int], cue: int) -> list[tuple[int, int]]:
    """Token indices → char spans: contiguous runs, cut at sentence ends outside quotes (keeping
    the side next to the cue), edge punctuation trimmed, a quote opened inside run to its close."""
    doc = ctx.doc
    toks.discard(cue)
    if not toks:
        return []
    idx = sorted(toks)
    runs: list[list[int]] = [[idx[0], idx[0] + 1]]
    for i in idx[1:]:
        if i == runs[-1][1]:
            runs[-1][1] = i + 1
        elif cue not in range(runs[-1][1], i) and all(doc[k].lower_ in _JOINERS for k in range(runs[-1][1], i)):
            runs[-1][1] = i + 1  # "X, and Y": the coordinator the parse hung elsewhere
        else:
            runs.append([i, i + 1])
    out: list[tuple[int, int]] = []
    for a, b in runs:
        # sentence ends the parser missed
        cuts = [k for k in range(a, b - 1) if ctx.boundary[k]]
        if cuts:
            if cue < a:
                b = cuts[0] + 1
            else:
                a = cuts[-1] + 1
        if cue < a:
            b = _trim_tail(doc, a, b)
        # "And …", "However …": a discourse word opening the sentence is not what was said
        while b - a > 2 and doc[a].lower_ in _DISCOURSE and doc[a].dep_ in ("cc", "advmod", "prep") \
                and not (doc[a].dep_ == "prep" and any(True for _ in doc[a].children)):
            a += 1
            if doc[a].text == ",":
                a += 1
        a = _skip_opener(doc, a, b)
        while a < b and _trimmable(doc[a], doc, a, b, left=True):
            a += 1
        while b > a and _trimmable(doc[b - 1], doc, a, b, left=False):
            if doc[b - 1].text == ")" and _opens_paren(doc, a, b - 1):
                break  # "Sen. Marco Rubio (R-FL)": the closing parenthesis of an opened one
            b -= 1
        if a >= b:
            continue
        if cue < a and b < len(doc) and doc[b].text == ":" and b + 1 < ctx.sent_end[b - 1] \
                and not ctx.in_quote[b + 1] and doc[b + 1].text not in _QUOTE_CHARS:
            # "reiterated his pledges: rebuilding the military, …" — what follows the colon
            e = b + 1
            while e < ctx.sent_end[b - 1] and not ctx.boundary[e - 1]:
                e += 1
            while e > b + 1 and _trimmable(doc[e - 1], doc, a, e, left=False):
                e -= 1
            if e > b + 1:
                b = e
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
        if _SINGLE_OPEN.search(ctx.text, start, end):
            m = _SINGLE_CLOSE.match(ctx.text, end)
            if m and not _SINGLE_END.search(ctx.text, start, end):
                end = m.end()  # "… an 'intentional act.'": the closing mark of the one opened
        # a quotation opened inside the content runs to its closing mark
        for q in ctx.quotes:
            if start <= q.start < end < q.end:
                end = q.end
            elif q.start < start < q.end and not ctx.text[q.start + 1:start].strip(" '`"):
                start = q.start  # the opening mark the parser hung elsewhere
                if end < q.end and not ctx.text[end:q.end].strip(_QUOTE_TAIL):
                    end = q.end  # and the closing one, with the punctuation inside it
        out.append((start, end))
    return out
