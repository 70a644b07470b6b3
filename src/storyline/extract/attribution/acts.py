"""The act of an attribution: ``speech`` (said, wrote, told, announced, according to, a
statement), ``thought`` (believes, fears, hopes, wants, is convinced), ``perception`` (saw,
heard, noticed) or ``other`` (plans to, supports, a poll shows).

Decided from the cue and its construction, never from a corpus:

1. No cue word (a quotation standing alone, "Speaker:" and "— Speaker" lines) → speech.
2. A quotation tied to its speaker → speech, unless its cue is a thought or perception verb
   ("'…,' she thought"); quoted words worked into a clause (mixed) take the verb's act ("called
   it “unfair”" speech, "a scene from “The Kid Who Would Be King” shows" other).
3. "according to X", "per X", "X reportedly …" → speech; "in X's view" → thought.
4. Light verb + noun ("expressed concern", "has doubts", "made the case"): the noun decides; a
   thought noun voiced by a voicing verb ("raised doubts") is speech.
5. "is confident that" (an attitude after "be") → thought; a manner of speaking ("was
   emphatic", "made clear") → speech.
6. Otherwise the cue's lemma: perception verbs, thought verbs and nouns, speech and
   communication verbs and nouns (the attribution lexicon); anything else → other.
7. A speech verb denied or not yet done ("won't say", "has not said", "to confirm") → other:
   no one said the content.
8. A speech cue whose content is only a noun phrase, with no quotation — what the words were
   about or aimed at ("criticised the plan", "spoke about the trade", "issued a statement") —
   is other: the attribution says that someone spoke, not what they said.
"""
from __future__ import annotations

from spacy.tokens import Doc

from storyline.extract.attribution.context import LANG, SPEECH, Cand
from storyline.lexicons import lexicon

L = lexicon(LANG, "attribution")

ACTS = ("speech", "thought", "perception", "other")

_THOUGHT = L["thought_verbs"]
_PERCEPTION = L["perception_verbs"]
_COMMUNICATION = L["communication_verbs"] | SPEECH
_SPEECH_NOUNS = L["speech_nouns"]
_THOUGHT_NOUNS = L["thought_nouns"]
_SPEECH_ADJ = L["speech_adjectives"]
_ATTITUDE = L["attitude_adjectives"]
_VOICING = L["voicing_verbs"]
_LIGHT = L["light_verbs"]
_REPORT_ADVERBS = L["report_adverbs"]
_MAKE, _CLEAR = L["make_clear"]
_NEGATIONS = L["negations"]


def _noun_act(lemma: str, lower: str) -> str | None:
    if lemma in _SPEECH_NOUNS or lower in _SPEECH_NOUNS:
        return "speech"
    if lemma in _THOUGHT_NOUNS or lower in _THOUGHT_NOUNS:
        return "thought"
    return None


def _verb_act(lemma: str) -> str | None:
    if lemma in _PERCEPTION:
        return "perception"
    if lemma in _THOUGHT:
        return "thought"
    if lemma in _COMMUNICATION:
        return "speech"
    return None


def _topic_only(doc: Doc, c: Cand) -> bool:
    """A content that is only a noun phrase — what a verbal act was about or aimed at ("criticised
    the plan", "spoke about the trade", "issued a statement") — not what was said."""
    for a, b in c.content:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            return False
        roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
        if any(t.pos_ in ("VERB", "AUX") or t.dep_ in ("ccomp", "xcomp", "advcl") for t in roots):
            return False
        if not any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in roots):
            return False
    return bool(c.content)


def decide_act(doc: Doc, c: Cand) -> str:
    """The act of one finished candidate (see the module's rules)."""
    act = cue_act(doc, c)
    if act == "speech" and c.kind == "indirect" and _topic_only(doc, c):
        return "other"
    if act == "speech" and c.cue_tok is not None and _not_said(doc[c.cue_tok]):
        return "other"
    return act


def _not_said(v) -> bool:
    """A speech verb denied or not yet done: "won't say", "has not said", "declined to comment",
    "to confirm" — no one said the content."""
    if v.pos_ not in ("VERB", "AUX"):
        return False
    if any(ch.dep_ == "neg" or ch.lower_ in _NEGATIONS for ch in v.children):
        return True
    return v.tag_ == "VB" and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in v.children)


def cue_act(doc: Doc, c: Cand) -> str:
    if c.cue_tok is None or c.cue is None:
        return "speech"
    cue = doc.char_span(*c.cue, alignment_mode="expand")  # (doc.text is rebuilt on every access)
    if cue is None or not any(ch.isalpha() for ch in cue.text):
        return "speech"
    tok = doc[c.cue_tok]
    lemma, lower = tok.lemma_.lower(), tok.lower_
    words = [t for t in cue if t.is_alpha]
    if c.kind == "direct" or c.quotes:  # a quotation tied to its speaker
        act = _verb_act(lemma) if tok.pos_ in ("VERB", "AUX") else None
        return act if act in ("thought", "perception") else "speech"
    if c.kind == "mixed" and tok.pos_ in ("VERB", "AUX"):  # quoted words worked into a clause
        return _verb_act(lemma) or "other"
    if c.kind == "according_to":
        nouns = [t for t in words if t.i != tok.i]
        if lower == "in" and c.source is not None:
            src = doc.char_span(*c.source, alignment_mode="expand")
            if src is not None and any(_noun_act(t.lemma_.lower(), t.lower_) == "thought" for t in src):
                return "thought"
        return next((a for t in nouns if (a := _noun_act(t.lemma_.lower(), t.lower_)) == "thought"), "speech")
    if lower in _REPORT_ADVERBS:
        return "speech"
    if tok.pos_ in ("NOUN", "PROPN") or tok.tag_ in ("NNS", "NNPS"):
        act = _noun_act(lemma, lower)
        if act is None and tok.dep_ == "ROOT":  # a headline's verb read as a noun ("Trump slams")
            act = _verb_act(lemma) or _verb_act(lower.rstrip("s"))
        return act or "other"
    if tok.pos_ == "ADJ" or tok.dep_ == "acomp":
        if lower in _SPEECH_ADJ:
            return "speech"
        return "thought" if lower in _ATTITUDE else "other"
    if lemma in _LIGHT or lemma == _MAKE:
        others = [t for t in words if t.i != tok.i]
        if lemma == _MAKE and any(t.lower_ in _CLEAR for t in others):
            return "speech"
        acts = [a for t in others if (a := _noun_act(t.lemma_.lower(), t.lower_))]
        if acts:
            return "speech" if "speech" in acts or lemma in _VOICING else acts[0]
    return _verb_act(lemma) or "other"


def _lemmas(word: str) -> list[str]:
    """Candidate lemmas of an inflected word, without a parse ("told" → tell, "fears" → fear)."""
    w = word.lower()
    out = [w, _IRREGULAR.get(w, w)]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"),
                         ("d", ""), ("ing", ""), ("ing", "e")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            out.append(w[: len(w) - len(suffix)] + repl)
    if len(w) > 5 and w.endswith(("ed", "ing")) and w[-3 if w.endswith("ed") else -4] == w[-4 if w.endswith("ed") else -5]:
        out.append(w[: -3 if w.endswith("ed") else -4])  # "planned" → plan, "chatting" → chat
    return out


_IRREGULAR = L["irregular_forms"]


def act_of_cue(cue: str, kind: str) -> str:
    """The act from a stored cue's words alone (stores written before acts existed): the same
    word lists as ``decide_act``, with no parse, so constructions are read less finely."""
    words = [w for w in cue.replace("’", "'").split() if any(ch.isalpha() for ch in w)]
    if not words:
        return "speech"
    if kind == "according_to":
        return "thought" if any(_noun_act(l, l) == "thought" for w in words for l in _lemmas(w)) else "speech"
    found = []
    for w in words:
        for lemma in _lemmas(w.strip(".,;:!?\"'")):
            act = (_verb_act(lemma) or _noun_act(lemma, lemma) or ("speech" if lemma in _SPEECH_ADJ else None)
                   or ("thought" if lemma in _ATTITUDE else None) or ("voice" if lemma in _VOICING else None))
            if act:
                found.append(act)
                break
    if "voice" in found:  # "expressed concern", "made the case"
        rest = [a for a in found if a != "voice"]
        return "speech" if rest else "other"
    if not found:
        return "speech" if kind in ("direct", "mixed") else "other"
    if kind in ("direct", "mixed") and found[0] not in ("thought", "perception"):
        return "speech"
    return "speech" if "speech" in found else found[0]
