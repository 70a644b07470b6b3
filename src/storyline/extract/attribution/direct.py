"""Direct quotes: tying statement quotations to a speech verb beside them, to a dash signature,
to a sentence pointing back at them, or to the attributed quote they continue.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from storyline.extract.attribution.acts import cue_act
from storyline.extract.attribution.context import LANG, SPEECH, Cand, Ctx, tok_at
from storyline.extract.attribution.quotes import Quote, inner_text, is_statement
from storyline.extract.attribution.spans import cue_extent, find_source
from storyline.lexicons import lexicon

L = lexicon(LANG, "attribution")

_COORD_BEFORE = re.compile(r"\b(?:but|and)[ \t\u00a0]*$")
_DASHES = frozenset({"―", "—", "–", "--", "-"})
_BACK_POINTERS = L["back_pointers"]
_AFTER_DEPS = frozenset({"nsubj", "dobj", "attr", "npadvmod", "appos", "dative", "oprd"})


def attach_quotes(ctx: Ctx, cands: dict[int, Cand]) -> None:
    doc, quotes, in_quote = ctx.doc, ctx.quotes, ctx.in_quote
    text = ctx.text
    last_direct: Cand | None = None
    last_para = -1
    for q in quotes:
        if not is_statement(text, q):
            continue
        para = text.rfind("\n", 0, q.start)
        dash = _dash_speaker(ctx, q)
        if dash is not None:  # "…" ― Jorge Falcon
            cands[dash[0]] = Cand("direct", (doc[dash[0]].idx, doc[dash[0]].idx + len(doc[dash[0]])),
                                   dash[0], dash[1], dash[2], content=list(q.parts), quotes=[q])
            last_direct, last_para = cands[dash[0]], para
            continue
        cue = _cue_after(ctx, q)
        if cue is None:
            cue = _cue_before(ctx, q, cands)
        if cue is None:
            named = _colon_speaker(ctx, q)
            if named is not None and named[0] not in cands:  # Pollster Daron Shaw: "…"
                k = named[0]
                cands[k] = Cand("direct", (doc[k].idx, doc[k].idx + 1), k, named[1], named[2],
                                content=list(q.parts), quotes=[q])
                last_direct, last_para = cands[k], para
                continue
        if cue is not None:
            c = cands.get(cue)
            if c is None:
                c = _speech_candidate(doc, doc[cue])
                cands[cue] = c
            if not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in doc[cue].children) or (
                    c.source is not None and any(x < c.source[1] and c.source[0] < y for x, y in q.parts)):
                src = _between_source(ctx, q, cue) or _after_source(ctx, cue)
                if src is not None:
                    c.source, c.source_tok = src
            if c.kind != "direct" and c.content and text[c.content[-1][1]:q.start].strip() == ":":
                c.kind = "mixed"  # "X said that, given …:" + a quoted paragraph
            elif c.kind != "direct" and c.content and _outside(c.content, quotes) > 3 and not (
                    len(c.content) == 1 and text[c.content[0][0]:c.content[0][1]].lower() in _BACK_POINTERS):
                last_direct, last_para = c, para  # a fragment of a wider content: mixed
                continue
            elif c.kind not in ("direct", "mixed") or not c.quotes:
                c.kind = "direct"
                c.content = []
                c.quotes = []
            c.quotes.append(q)
            c.content.extend(q.parts)
            last_direct, last_para = c, para
            continue
        # "…" The mayor said that on Friday. — the next sentence points back at the quote
        nxt = _pointing_back(ctx, q, cands)
        if nxt is not None:
            nxt.kind, nxt.content, nxt.quotes = "direct", list(q.parts), [q]
            last_direct, last_para = nxt, para
            continue
        # a quote continuing the last attributed one (same paragraph, or the next one opening
        # with a quotation)
        if last_direct is not None and (_opens_sentence(text, q) or _COORD_BEFORE.search(text, 0, q.start)) \
                and (len(inner_text(text, q).split()) >= 4 or _full_sentence(text, q)) and (
                para == last_para or _next_para(text, last_direct.content[-1][1], q.start)):
            last_direct.quotes.append(q)
            last_direct.content.extend(q.parts)
            last_para = text.rfind("\n", 0, q.end)
            continue
        # a quotation standing alone, its speaker the one just quoted or cited: "…," he said.⏎
        # "…" — or "… according to Dr. X. "…"" in one paragraph
        anchor = _speaker_before(ctx, q, cands) if _opens_sentence(text, q) and (
            len(inner_text(text, q).split()) >= 4 or _full_sentence(text, q)) else None
        if anchor is not None:
            c = Cand("direct", None, None, anchor.source, anchor.source_tok, content=list(q.parts), quotes=[q])
            cands[-1 - q.start] = c  # no cue token: keyed apart from every cue
            last_direct, last_para = c, text.rfind("\n", 0, q.end)


def _paragraph_start(text: str, pos: int) -> int:
    """Where the line holding ``pos`` starts (a paragraph: one line of text)."""
    return text.rfind("\n", 0, pos) + 1


def _previous_paragraph(text: str, pos: int) -> int:
    """The start of the last paragraph before the one holding ``pos`` that has words in it."""
    a = _paragraph_start(text, pos)
    while a > 0:
        b = a - 1
        a = text.rfind("\n", 0, b) + 1
        if any(ch.isalpha() for ch in text[a:b]):
            return a
    return 0


def _speaker_before(ctx: Ctx, q: Quote, cands: dict[int, Cand]) -> Cand | None:
    """The speech attribution nearest before a quotation that stands alone: in its paragraph
    (before it), or — when the quotation opens its paragraph — in the paragraph before. Its
    speaker is the quotation's, as a newsroom writes a run of quotes after naming the speaker."""
    text = ctx.text
    para = _paragraph_start(text, q.start)
    opens = not text[para:q.start].strip()
    line_end = text.find("\n", q.end)
    line_end = len(text) if line_end < 0 else line_end
    if any(ch.isalnum() for ch in text[q.end:line_end]):
        return None  # words after it on its line (a name, a verb): its speaker is there, if anywhere
    lo = _previous_paragraph(text, q.start) if opens else para
    best = None
    for c in cands.values():
        if c.source is None or not c.content or c.cue is None or not (lo <= c.cue[0] < q.start):
            continue
        if c.content[-1][1] > q.start or not _speech_like(ctx.doc, c):
            continue
        if best is None or c.cue[0] > best.cue[0]:
            best = c
    if best is None:
        return None
    # nothing else said in between: a later paragraph of the writer's own is not the speaker's
    last = max(best.content[-1][1], best.cue[1], best.source[1])
    between = text[last:q.start]
    if opens and between.count("\n") and any(ch.isalpha() for ch in between.split("\n", 1)[1]):
        return None
    return best


def _speech_like(doc: Doc, c: Cand) -> bool:
    if c.kind in ("direct", "according_to") or c.quotes:
        return True
    return c.cue_tok is not None and cue_act(doc, c) == "speech"


def _dash_speaker(ctx: Ctx, q: Quote) -> tuple[int, tuple[int, int], int] | None:
    """ "…" ― Jorge Falcon: a quote signed with a dash and a name ending the paragraph."""
    doc, text = ctx.doc, ctx.text
    i = tok_at(ctx, q.end, left=False)
    while i is not None and i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    if i is None or i + 1 >= len(doc) or doc[i].text not in _DASHES or "\n" in text[q.end:doc[i].idx]:
        return None
    j = i + 1
    while j < len(doc) and doc[j].is_space and "\n" not in doc[j].text:  # a non-breaking space
        j += 1
    first = j
    while j < len(doc) and doc[j].pos_ == "PROPN" and "\n" not in doc[j].text:
        j += 1
    if j == first or j - first > 5:
        return None
    # the name must close the line
    if j < len(doc) and not (doc[j].is_punct and doc[j].text == ".") and "\n" not in doc[j - 1].whitespace_ \
            and not doc[j].is_space:
        return None
    last = doc[j - 1]
    return i, (doc[first].idx, last.idx + len(last)), j - 1


def _pointing_back(ctx: Ctx, q: Quote, cands: dict[int, Cand]) -> Cand | None:
    """A speech verb in the sentence right after a quote whose content only points back at it."""
    i = tok_at(ctx, q.end, left=False)
    if i is None or i >= len(ctx.doc) or "\n" in ctx.text[q.end:ctx.doc[i].idx]:
        return None
    for k in range(i, ctx.sent_end[i]):
        c = cands.get(k)
        if c is not None and c.content and len(c.content) == 1 and _is_speech(ctx.doc[k]) \
                and ctx.text[c.content[0][0]:c.content[0][1]].lower() in _BACK_POINTERS:
            return c
    return None


def _between_source(ctx: Ctx, q: Quote, v: int) -> tuple[tuple[int, int], int] | None:
    """The speaker written between a quote and its verb when the parse gave the verb no subject."""
    doc = ctx.doc
    i = tok_at(ctx, q.end, left=False)
    if i is None or i >= v:
        return None
    while i < v and (doc[i].is_punct or doc[i].is_space):
        i += 1
    b = v - 1
    while b > i and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    if i > b or v - i > 20:
        return None
    head = next((t for t in doc[i:b + 1] if t.pos_ in ("PROPN", "NOUN", "PRON")), doc[i])
    # the head of a name is its last word before any comma
    k = head.i
    while k + 1 <= b and doc[k + 1].pos_ == "PROPN" and head.pos_ == "PROPN":
        k += 1
    return (doc[i].idx, doc[b].idx + len(doc[b])), k


def _outside(content: list[tuple[int, int]], quotes: list[Quote]) -> int:
    """How many content characters lie outside every quotation."""
    inside = sum(max(0, min(b, y) - max(a, x)) for a, b in content for q in quotes for x, y in q.parts
                 if x < b and a < y)
    return sum(b - a for a, b in content) - inside


def _after_source(ctx: Ctx, v: int) -> tuple[tuple[int, int], int] | None:
    """ "…," said Leslie Wimes, a …: the name right after the verb."""
    doc = ctx.doc
    k = v + 1
    if k < len(doc) and doc[k].pos_ == "PROPN" and not ctx.in_quote[k]:  # "Said Ellis: …"
        while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN":
            k += 1
        return (doc[v + 1].idx, doc[k].idx + len(doc[k])), k
    for c in doc[v].rights:
        if ctx.in_quote[c.i]:
            break
        if c.pos_ in ("PROPN", "NOUN", "PRON") and c.dep_ in _AFTER_DEPS:
            a, b = c.left_edge.i, c.right_edge.i
            while b > a and (doc[b].is_punct or doc[b].is_space):
                b -= 1
            return (doc[a].idx, doc[b].idx + len(doc[b])), c.i
    return None


def _next_para(text: str, prev_end: int, start: int) -> bool:
    between = text[prev_end:start]
    return between.count("\n") >= 1 and not between.strip()


def _speech_candidate(doc: Doc, v: Token) -> Cand:
    src = find_source(doc, v)
    cue = cue_extent(doc, v, v.i + 1)
    return Cand("direct", cue, v.i, src[0] if src else None, src[1] if src else None, verb=v.i)


def _is_speech(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH


def _cue_after(ctx: Ctx, q: Quote) -> int | None:
    """"…," said X / "…," X said / "…" X told reporters. / "…," X, a senator, said by phone."""
    doc, in_quote = ctx.doc, ctx.in_quote
    i = tok_at(ctx, q.end, left=False)
    if i is None:
        return None
    while i < len(doc) and doc[i].is_punct and doc[i].text in ",—–-:;":
        i += 1
    if i >= len(doc) or "\n" in ctx.text[q.end:doc[i].idx]:
        return None
    for j in range(i, min(i + 40, len(doc))):
        t = doc[j]
        if in_quote[j] or t.is_space or "\n" in t.text or (t.is_punct and t.text in ".!?\"“”''``"):
            return None
        if _is_speech(t):
            # a verb with its own clause after it reports that clause, not this quote
            if any(c.dep_ == "ccomp" and c.i > j and not in_quote[c.i] for c in t.children):
                return None
            return j
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return None
    return None


def _cue_before(ctx: Ctx, q: Quote, cands: dict[int, Cand]) -> int | None:
    """X said: "…" / X said, "…" / "… / the previous paragraph ends with a colon."""
    doc, in_quote = ctx.doc, ctx.in_quote
    text = ctx.text
    k = q.start
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    prev = text[k - 1] if k else ""
    if prev == "\n":
        # paragraph opening with a quote: "X continued:" ending the previous paragraph
        j = k - 1
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j and text[j - 1] == ":":
            t = tok_at(ctx, j, left=True)
            if t is None:
                return None
            for k in range(t, doc[t].sent.start - 1, -1):  # "X said that, given …:"
                if k in cands or _is_speech(doc[k]):
                    return k
        return None
    if prev not in (":", ","):
        # "X said "…"" with no punctuation: the verb right before the quote
        t = tok_at(ctx, k, left=True)
        if t is not None and _is_speech(doc[t]):
            return t
        return None
    t = tok_at(ctx, k, left=True)
    return _verb_back(doc, t, in_quote, 10)


def _verb_back(doc: Doc, t: int | None, in_quote: list[bool], window: int) -> int | None:
    if t is None:
        return None
    for j in range(t, max(t - window, -1), -1):
        tok = doc[j]
        if in_quote[j] or "\n" in tok.text or (tok.is_punct and tok.text in ".!?\"“”"):
            return None
        if _is_speech(tok):
            return j
    return None


def _colon_speaker(ctx: Ctx, q: Quote) -> tuple[int, tuple[int, int], int] | None:
    """ "… - Mark Blumenthal and Jon Cohen: “…”": a name (or names) right before a colon that
    opens the quotation."""
    doc, text = ctx.doc, ctx.text
    k = q.start
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    if not k or text[k - 1] != ":":
        return None
    colon = tok_at(ctx, k, left=True)
    if colon is None or doc[colon].text != ":" or colon == 0:
        return None
    j = colon - 1
    last = j
    while j >= 0 and (doc[j].pos_ == "PROPN" or (doc[j].lower_ == "and" and j > 0 and doc[j - 1].pos_ == "PROPN")) \
            and "\n" not in doc[j].whitespace_ and not ctx.in_quote[j]:
        j -= 1
    first = j + 1
    if first > last or not any(doc[i].ent_type_ in ("PERSON", "ORG") for i in range(first, last + 1)):
        return None
    return colon, (doc[first].idx, doc[last].idx + len(doc[last])), last


def _full_sentence(text: str, q: Quote) -> bool:
    """A short quotation that is a sentence of its own ("Big time.", "Which is it?")."""
    raw = text[q.start:q.end].rstrip("\"”»'` ")
    return len(q.parts) == 1 and raw[-1:] in (".", "!", "?") and len(inner_text(text, q).split()) >= 2


def _opens_sentence(text: str, q: Quote) -> bool:
    """A quotation that starts a sentence (a capital, a number), not a fragment worked into the
    writer's own sentence ("… would "make sure anyone with a connection" can watch")."""
    inner = inner_text(text, q).lstrip("‘'`([.… ")
    return bool(inner) and (inner[0].isupper() or inner[0].isdigit())
