"""Attribution records: candidates finished (kinds, cues inside quotes, stances inside
another content, duplicates) and turned into records with resolved speakers, source types
and nesting.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from storyline.annotate.entities import entity_at
from storyline.extract.attribution.acts import decide_act
from storyline.extract.attribution.context import LANG, SPEECH, Cand
from storyline.extract.attribution.quotes import Quote
from storyline.lexicons import lexicon
from storyline.records import Attribution, Entity

L = lexicon(LANG, "attribution")

_RELAY = L["relay_verbs"]
_PLATFORMS = L["platforms"]
_NOT_DONE = L["modals"] | L["negations"]  # auxiliaries of a report that did not happen
_RELAYING_HEADS = L["relaying_heads"]
_RELATIVES = L["relative_pronouns"]
_PLURAL_PRONOUNS = L["plural_pronouns"]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _relays(v: Token) -> bool:
    """A report relayed inside another one: a speech verb that did happen ("… that the channel
    reported …"), not a planned, possible or denied one ("… would declare …")."""
    if v.lemma_.lower() not in _RELAY:
        return False
    return not any(c.dep_ in ("aux", "neg") and c.lower_ in _NOT_DONE for c in v.children)


def finish(doc: Doc, text: str, cands: list[Cand], quotes: list[Quote]) -> list[Cand]:
    cands = [c for c in cands if c.content and (c.kind == "direct" or not _only_setting(doc, c.content))]
    for c in cands:
        if not c.quotes and c.cue and c.kind != "direct":
            _same_paragraph(text, c)
    cands = [c for c in cands if c.content]
    cands.sort(key=lambda c: (c.content[0][0], c.cue[0] if c.cue else 0))
    spans = {q.parts for q in quotes}
    for c in cands:
        if c.kind == "indirect" and tuple(c.content) in spans:
            c.kind = "direct"  # "TRUMP: “…”" — all of it quoted
        elif c.kind == "indirect" and any(ch in text[a:b] for a, b in c.content for ch in "\"“”"):
            c.kind = "mixed"
    # drop a candidate whose cue sits inside an attributed direct quote
    direct = [p for c in cands if c.kind == "direct" for p in c.content]
    keep = []
    for c in cands:
        if c.kind != "direct" and c.cue and any(_overlaps(c.cue, p) for p in direct):
            continue
        keep.append(c)
    # an attitude or stance inside another's content ("he said that both leaders discussed …")
    # is part of what was said; a speech act there ("… that the channel reported …") is a
    # relayed report and stays, nested
    spans = [(c, p) for c in keep for p in c.content]
    keep = [c for c in keep if c.cue_tok is None or _relays(doc[c.cue_tok])
            or not any(o is not c and _overlaps(c.cue, p) for o, p in spans)]
    # a stance with no one holding it ("to defend the bloc", "looking to cut", "Don't forget …")
    keep = [c for c in keep if not (c.source is None and c.cue_tok is not None and c.kind == "indirect"
                                    and doc[c.cue_tok].tag_ in ("VB", "VBG")
                                    and doc[c.cue_tok].lemma_.lower() not in SPEECH)]
    # one attribution per content span: the same content from two cues keeps the nearer cue
    seen: dict[tuple, Cand] = {}
    out = []
    for c in keep:
        key = tuple(c.content)
        if key in seen:
            if c.quotes and not seen[key].quotes:  # the speaker the quotation was tied to
                out[out.index(seen[key])] = c
                seen[key] = c
            continue
        seen[key] = c
        out.append(c)
    return out


def _same_paragraph(text: str, c: Cand) -> None:
    """Parts of an indirect content in another paragraph than the cue ("… he said.\n\n___") are
    what the parse ran on into, not what was said."""
    a = text.rfind("\n", 0, c.cue[0]) + 1
    b = text.find("\n", c.cue[1])
    b = len(text) if b < 0 else b
    c.content = [p for p in c.content if a <= p[0] and p[1] <= b]


def build_records(doc: Doc, text: str, cands: list[Cand], entities: list[Entity]) -> list[Attribution]:
    recs: list[dict] = []
    for c in cands:
        ent = None
        if c.source is not None:
            if c.source_tok is not None:
                h = doc[c.source_tok]
                if h.lower_ in _RELATIVES and h.head.dep_ == "relcl":
                    h = h.head.head
                ent = entity_at(entities, h.idx, h.idx + len(h))
            if ent is None and (c.source_tok is None or doc[c.source_tok].pos_ != "NOUN"):
                ent = entity_at(entities, *c.source)
        stype = _source_type(doc, text, c, ent)
        recs.append({"c": c, "ent": ent.id if ent else None, "type": stype})
    # nesting
    nested: list[int | None] = [None] * len(recs)
    for i, r in enumerate(recs):
        c = r["c"]
        for j, s in enumerate(recs):
            if i == j:
                continue
            if c.cue and any(_overlaps(c.cue, p) for p in s["c"].content) and \
                    all(p[1] - p[0] >= 0 for p in s["c"].content):
                if not any(_overlaps(c.cue, p) for p in c.content):
                    nested[i] = j
                    break
        if nested[i] is None and r["type"] in ("social_media", "media", "document") and i > 0:
            prev = recs[i - 1]
            pc = prev["c"]
            if prev["type"] == "media" and pc.source and c.source and pc.source_tok is not None \
                    and ({doc[pc.source_tok].lower_, doc[pc.source_tok].lemma_.lower()} & _RELAYING_HEADS) \
                    and _adjacent_sentences(doc, pc, c):
                nested[i] = i - 1
    out = []
    for i, r in enumerate(recs):
        c = r["c"]
        out.append(Attribution(kind=c.kind, content=tuple(c.content), cue=c.cue, source=c.source,
                               source_entity=r["ent"], source_type=r["type"], nested_in=nested[i],
                               act=decide_act(doc, c)))
    return out


def _adjacent_sentences(doc: Doc, first: Cand, second: Cand) -> bool:
    if first.cue_tok is None or second.cue_tok is None:
        return False
    s1, s2 = doc[first.cue_tok].sent, doc[second.cue_tok].sent
    return s2.start == s1.end or s2.start == s1.start and first.cue_tok < second.cue_tok


def _source_type(doc: Doc, text: str, c: Cand, ent: Entity | None) -> str:
    if c.source is None:
        return "unnamed"
    words = [w.lower() for w in text[c.source[0]:c.source[1]].replace("’s", "").replace("'s", "").split()]
    head = doc[c.source_tok].lower_ if c.source_tok is not None else (words[-1] if words else "")
    ws = set(words)
    if ws & L["social_media"] and not (ent is not None and ent.type == "PERSON"):
        if head in L["social_media"] or ws & _PLATFORMS:
            return "social_media"
    if c.source_tok is not None:
        lemma = doc[c.source_tok].lemma_.lower()
        for lex, name in ((L["document"], "document"), (L["media"], "media")):
            if lemma in lex and not (ent is not None and ent.type == "PERSON"):
                return name
    if head in L["document"]:
        return "document"
    if head in L["media"] or (ent is not None and ent.type in ("ORG",) and ws & L["media"]):
        return "media"
    if ent is not None and ent.type == "PERSON":
        return "person"
    if head in L["person_pronouns"]:
        return "person"
    if head in L["government"] or (ent is not None and ent.type == "GPE"):
        return "government"
    if head in L["unnamed"]:
        return "unnamed"
    if ent is not None and ent.type in ("ORG", "NORP"):
        return "organization"
    if head in L["organization"] or head in _PLURAL_PRONOUNS:
        return "organization"
    t = doc[c.source_tok] if c.source_tok is not None else None
    if t is not None and (t.ent_type_ == "PERSON" or t.pos_ == "PROPN"):
        return "person"
    if t is not None and t.ent_type_ in ("ORG", "NORP"):
        return "organization"
    return "person" if t is not None and t.pos_ in ("NOUN", "PRON") else "unnamed"


def _only_setting(doc: Doc, content: list[tuple[int, int]]) -> bool:
    """A content that is only a time ("spoke Tuesday", "said last week"): a setting the parse took
    for what was said."""
    if len(content) != 1:
        return False
    span = doc.char_span(*content[0], alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return bool(words) and all(t.ent_type_ in ("DATE", "TIME") for t in words)
