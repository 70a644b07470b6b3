"""Streaming story clustering: each arriving article joins the best live story or starts one.

API (what the CLI and the store use)::

    clusterer = StoryClusterer(config=None, state=None)  # ClusterConfig() defaults; state in memory
    assignment = clusterer.add(extraction)        # -> StoryAssignment(article_id, story,
                                                  #      duplicate_of, flags)
    for article_id, old, new in clusterer.take_moves(): ...  # earlier articles a split moved
    clusterer.story_of[article_id]                # the current partition
    StoryClusterer(state=StoreState(...))         # the same decisions on the store's rows
    cluster(extractions, batch=False) -> list[StoryAssignment]         # final stories, input order
    batch_cluster(extractions) -> list[StoryAssignment]                # ``--batch``: may revisit

The state (document frequencies, the near-duplicate bands, the candidate index, the story
profiles, the arrival counters) is reached only through the ``stories.state`` interface: dicts
in memory (``MemoryState``) or the store's rows (``storyline.store.story_state``), which several
ingesters share. Both make exactly the same decisions on the same stream.

How an article is placed (``add``):

1. Features (``features.article_features``): content-word frequencies (title words weighted),
   name keys of its entities and places, a trusted publication date (future and placeholder
   dates are flagged and ignored), a MinHash signature.
2. Near-duplicates: the MinHash LSH index (``fingerprint.NearDuplicateIndex``) links a copy to
   the earliest article it copies (``duplicate_of``); a copy joins that article's story.
3. Candidates: an inverted index maps each live story's top terms and names to the story;
   the article's own top terms and names probe it and the ``max_candidates`` stories with the
   most shared weight are scored. Each key keeps only its ``posting_cap`` most recently grown
   stories, so a probe costs the same at 10k and at 10M articles: no scan over stories.
4. Score: the weighted mean of four TF-IDF cosines between the article and the story (story =
   sum of its members' unit vectors; IDF from the stream seen so far): all content words
   (``text_weight``), names of people, organisations and places (``name_weight``), the title
   and lead (``lead_weight``) and the figures written in the text (``number_weight``); a channel
   one side lacks (no names, no figures) counts ``missing_weight`` of its weight as a zero, since
   absence is weaker evidence than disagreement. When both
   the article and the story are dated, it is multiplied by ``(1 + time_boost) / (1 + gap /
   time_scale_days)`` (gap = days outside the story's span). The best story at or above
   ``threshold`` wins; else the article starts a new story.
5. Split repair: each live story remembers its latest ``split_members`` members (their
   TF-IDF vectors cut to ``split_keys`` keys per channel) and their pairwise similarities (the
   same weighted channel mean as the score, no dates). Whenever a story grows to at least
   ``2 * split_min`` remembered members, average linkage cuts them into two groups; if the two
   groups are less alike than ``split_threshold`` and each holds ``split_min`` members, the
   group without the oldest remembered member leaves for a new story. This undoes the typical
   streaming error: the first article of a second, look-alike event (another earthquake in the
   same region, another arrest of a player of the same team) joins the first event's story
   when there is nothing better to join; once each event has a few articles, the story's two
   halves show it. The cost per arrival is bounded by ``split_members`` (no scan over stories).
   The moved articles are reported by ``take_moves()`` (article, old story, new story) and are
   already in ``story_of``; ``add`` returns where the arriving article is after any split.
6. Optional embeddings (``ClusterConfig(embeddings=True)``, the ``storyline[embeddings]`` extra):
   a fifth channel, the cosine between the article's sentence embedding (title and opening,
   ``stories.embeddings``) and the sum of its story's, rescaled so that ``embedding_floor`` and
   below count as zero, weighs ``embedding_weight`` in the arrival score and in the split
   similarities. Candidates still come from the inverted index. Off by default: on the dev sets it
   buys nothing on ECB+'s look-alike events (docs/evaluation.md).
7. Retirement: a story whose last article is more than ``window_days`` older than the arriving
   article (its trusted date; so a back-filled archive of older news does not retire its own new
   stories) or that has not grown for ``window_articles`` arrivals leaves the candidate index and
   drops its vectors and remembered members (memory stays bounded by the live window). Its
   articles keep their story; a near-copy of one of them still joins it.
   On the store's rows (several writers, so arrivals may come out of date order) a dated story
   is never dropped: the candidate lookup itself keeps to stories whose dates come within
   ``window_days`` of the arriving article's, which is the same choice for a stream in date
   order and still finds the story of its day for an article a slower writer delivers late.
   Undated stories retire after ``window_articles`` arrivals as above.

The defaults were fitted once on BASIL dev and ECB+ dev together (storyline.evaluation.stories)
and are the only configuration: nothing depends on which collection is being clustered.
Measured (``storyline eval stories``, 2026-11-25): BCubed F1 0.990 BASIL dev, 0.937 ECB+ dev
(mean 0.940 over ECB+ shuffle seeds 0-9, lowest 0.927); before the split repair 0.990 and 0.909
(seed mean 0.901, lowest 0.882).

Only a split changes an earlier article's story, and only within the live window. Articles
with no text, no date or an absurd date are placed without error (an empty article starts its
own story).
"""
from __future__ import annotations

import datetime as dt
import heapq
import math
import sys
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np

from storyline.records import Extraction, StoryAssignment
from storyline.stories.features import ArticleFeatures, article_features
from storyline.stories.profile import CHANNELS, Member, StoryProfile
from storyline.stories.state import MemoryState


@dataclass(frozen=True)
class ClusterConfig:
    """One configuration for all data (no per-dataset thresholds)."""

    threshold: float = 0.2
    text_weight: float = 1.0  # cosine weight of each channel (see ``_score``)
    name_weight: float = 2.0
    lead_weight: float = 3.0
    number_weight: float = 2.0
    missing_weight: float = 0.5  # share of a channel's weight kept when one side lacks it
    time_scale_days: float = 3.0
    time_boost: float = 0.6  # both dated and close in time: evidence counts (1 + boost) times
    window_days: int = 30
    window_articles: int = 50_000
    query_terms: int = 24
    index_terms: int = 48
    index_names: int = 24
    max_candidates: int = 24
    story_terms: int = 150  # per channel: a story keeps its heaviest keys only
    posting_cap: int = 64  # a key keeps the most recently grown stories only
    idf_refresh: float = 0.1  # story vectors re-weighted once the stream grew this much
    title_weight: float = 2.0
    lead_chars: int = 300
    idf_power: float = 1.0
    duplicate_threshold: float = 0.7
    shingle_size: int = 4
    num_perm: int = 64
    num_bands: int = 16
    today: dt.date | None = None  # "now" for future-date checks; None = the real date
    split_threshold: float = 0.24  # a story whose two halves are less alike than this splits
    split_members: int = 32  # a story keeps its latest members this many for the split test
    split_min: int = 4  # each half of a split holds at least this many members
    split_keys: int = 48  # per channel, a remembered member keeps its heaviest keys only
    embeddings: bool = False  # the optional extra: add a sentence-embedding channel (see below)
    embedding_weight: float = 1.0  # weight of that channel beside the four above
    embedding_floor: float = 0.4  # an embedding cosine at or below this counts as zero

    @property
    def weights(self) -> dict[str, float]:
        return {"terms": self.text_weight, "names": self.name_weight, "lead": self.lead_weight,
                "numbers": self.number_weight}


def _idf(df: int, n: int, power: float = 1.0) -> float:
    x = math.log((1 + n) / (1 + df)) + 1.0
    return x if power == 1.0 else x ** power


def _channels(f: ArticleFeatures) -> dict[str, dict[str, float]]:
    return {"terms": f.terms, "names": f.names, "lead": f.lead, "numbers": f.numbers}


class StoryClusterer:
    """Streaming clusterer over a state (``stories.state``): in memory by default, or the
    store's rows (``storyline.store.story_state``) bound per batch by the ingest job."""

    def __init__(self, config: ClusterConfig | None = None, state=None):
        self.config = config or ClusterConfig()
        c = self.config
        self.state = state if state is not None else MemoryState(
            posting_cap=c.posting_cap, threshold=c.duplicate_threshold, num_perm=c.num_perm,
            num_bands=c.num_bands)
        self._df_fixed = False  # batch mode: IDF from the whole collection, fixed up front
        self.moves: list[tuple[str, str, str]] = []  # (article, from story, to story) by splits

    # ---- views of the state (tests, evaluation, benchmarks) --------------------------------
    @property
    def story_of(self):
        """article id -> story id (``[]``, ``get``, ``in``)."""
        return self.state.story_map

    @property
    def stories(self) -> dict[str, StoryProfile]:
        return self.state.stories

    @property
    def clock(self) -> dt.date | None:
        return self.state.clock

    @property
    def n_docs(self) -> int:
        return self.state.n_docs

    @property
    def live_stories(self) -> int:
        return self.state.live_stories

    def _count(self, chans: dict[str, dict[str, float]]) -> None:
        self.state.count(chans)

    # ---- features ----------------------------------------------------------------------
    def features(self, ext: Extraction) -> ArticleFeatures:
        c = self.config
        f = article_features(ext, title_weight=c.title_weight, lead_chars=c.lead_chars,
                             shingle_size=c.shingle_size, num_perm=c.num_perm, today=c.today)
        if c.embeddings:
            from storyline.stories.embeddings import article_text, embed

            vec = embed([article_text(ext.article)])[0]
            f.embedding = vec if vec.any() else None
        return f

    # ---- the streaming step ------------------------------------------------------------
    def add(self, ext: Extraction) -> StoryAssignment:
        return self.add_features(self.features(ext))

    def add_features(self, f: ArticleFeatures) -> StoryAssignment:
        c, state = self.config, self.state
        state.seq += 1
        if f.date is not None and (state.clock is None or f.date > state.clock):
            state.clock = f.date
        self._retire(f.date)
        chans = _channels(f)
        if not self._df_fixed:
            state.count(chans)

        dup = state.duplicate(f.article_id, f.fingerprint)
        story: StoryProfile | None = None
        idfs = self._idfs(chans)
        vecs = {ch: _normalise({k: w * idfs[ch][k] for k, w in v.items()}) for ch, v in chans.items()}
        dup_story = state.story_of(dup) if dup is not None else None
        if dup_story is not None:
            story = state.story(dup_story)
        elif f.terms or f.names:
            best, best_score = None, c.threshold
            cands = self._candidates(vecs, f.date)
            state.load(cands)
            for sid in cands:
                st = state.story(sid)
                s = self._score(vecs, idfs, f.date, st, f.embedding)
                if s >= best_score:
                    best, best_score = st, s
            story = best
        if story is None:
            story = state.new_story()
        self._join(story, chans, f, vecs)
        # a split this arrival set off may have moved the article itself: report where it is
        return StoryAssignment(f.article_id, state.story_of(f.article_id), dup, f.flags)

    def withdraw(self, f: ArticleFeatures, sid: str, seq: int, dates: list[dt.date | None]) -> StoryProfile:
        """Take a stored article out of its story ``sid`` (a deletion): its unit vectors off the
        story's sums, its keys off the document frequencies, the member off the split test
        (``seq`` is its arrival), the story's dates from the trusted ``dates`` of the members
        left; a story left with no member retires (out of the candidate index)."""
        state = self.state
        chans = _channels(f)
        if not self._df_fixed:
            state.uncount(chans)
        s = state.story(sid)
        state.recall(s)
        _add_unit(s, {ch: _normalise(dict(v)) for ch, v in chans.items()}, -1.0, f.embedding)
        keep = [i for i, m in enumerate(s.recent) if m.seq != seq]
        s.recent = [s.recent[i] for i in keep]
        s.sims = [[s.sims[i][j] for j in keep] for i in keep]
        _set_dates(s, dates)
        if s.size <= 0:
            s.size = 0
            self._retire_story(s)
        else:
            self._reindex(s)
            state.changed(s)
        return s

    def take_moves(self) -> list[tuple[str, str, str]]:
        """Earlier articles a split moved since the last call: (article, from story, to story)."""
        out, self.moves = self.moves, []
        return out

    # ---- vectors and scores ------------------------------------------------------------
    def _idfs(self, chans: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
        n, p = self.state.n_docs, self.config.idf_power
        return {ch: {k: _idf(x, n, p) for k, x in self.state.df(ch, v).items()} for ch, v in chans.items()}

    def _weighted(self, chans: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
        """Unit TF-IDF vectors per channel, IDF from the stream seen so far."""
        idfs = self._idfs(chans)
        return {ch: _normalise({k: w * idfs[ch][k] for k, w in v.items()}) for ch, v in chans.items()}

    def _story_norms(self, s: StoryProfile) -> dict[str, float]:
        """Norms of the story's TF-IDF vectors, recomputed when it grows or IDF drifts."""
        cache = s.norms
        n_docs = self.state.n_docs
        if cache is None or cache[0] != s.size or n_docs > cache[1] * (1 + self.config.idf_refresh):
            p = self.config.idf_power
            norms = {}
            for ch, v in s.vecs.items():
                df = self.state.df(ch, v)
                norms[ch] = math.sqrt(sum((w * _idf(df[k], n_docs, p)) ** 2 for k, w in v.items()))
            cache = s.norms = (s.size, n_docs, norms)
            self.state.renormed(s)
        return cache[2]

    def _score(self, vecs: dict[str, dict[str, float]], idfs: dict[str, dict[str, float]],
               date: dt.date | None, s: StoryProfile, emb: np.ndarray | None = None) -> float:
        """Weighted mean of per-channel cosines (article vs story), times the time factor."""
        c = self.config
        norms = self._story_norms(s)
        parts: list[tuple[float, float | None]] = []
        for ch, w in c.weights.items():
            if not w:
                continue
            if not norms[ch] or not vecs[ch]:
                parts.append((w, None))
                continue
            sv, idf = s.vecs[ch], idfs[ch]
            parts.append((w, sum(x * sv[k] * idf[k] for k, x in vecs[ch].items() if k in sv) / norms[ch]))
        if c.embeddings:
            parts.append((c.embedding_weight, self._embedding_cos(emb, s.emb)))
        score = self._mean(parts)
        if date is not None and s.first is not None:
            gap = max((s.first - date).days, (date - s.last).days, 0)
            score *= (1.0 + c.time_boost) / (1.0 + gap / c.time_scale_days)
        return score

    def _mean(self, parts: list[tuple[float, float | None]]) -> float:
        """Weighted mean of (weight, cosine) parts; a part missing on one side (``None``) counts
        ``missing_weight`` of its weight as a zero: absence is weak evidence against."""
        score = total = 0.0
        for w, x in parts:
            if x is None:
                total += w * self.config.missing_weight
            else:
                score += w * x
                total += w
        return score / total if total else 0.0

    def _embedding_cos(self, a: np.ndarray | None, b: np.ndarray | None) -> float | None:
        """Cosine of the embedding ``a`` and the sum ``b``, rescaled so that ``embedding_floor``
        and below count as zero; ``None`` when either is missing."""
        norm = float(np.linalg.norm(b)) if b is not None else 0.0
        if a is None or not norm:
            return None
        floor = self.config.embedding_floor
        return max(0.0, (float(a @ b) / norm - floor) / (1.0 - floor))

    def _probe_keys(self, terms: dict[str, float], names: dict[str, float], nt: int, nn: int
                    ) -> list[tuple[str, float]]:
        top = heapq.nlargest(nt, terms.items(), key=lambda kv: kv[1])
        topn = heapq.nlargest(nn, names.items(), key=lambda kv: kv[1])
        return ([(sys.intern("t:" + k), w) for k, w in top]
                + [(sys.intern("n:" + k), w) for k, w in topn])

    def _candidates(self, vecs: dict[str, dict[str, float]], date: dt.date | None = None) -> list[str]:
        c = self.config
        probe = self._probe_keys(vecs["terms"], vecs["names"], c.query_terms, c.index_names)
        posted = self.state.posted([k for k, _ in probe], date)
        weight: dict[str, float] = {}
        for key, w in probe:
            for sid in posted.get(key, ()):
                weight[sid] = weight.get(sid, 0.0) + w
        if len(weight) <= c.max_candidates:
            return list(weight)
        return heapq.nlargest(c.max_candidates, weight, key=weight.__getitem__)

    # ---- story upkeep ------------------------------------------------------------------
    def _join(self, s: StoryProfile, chans: dict[str, dict[str, float]], f: ArticleFeatures,
              vecs: dict[str, dict[str, float]] | None = None) -> None:
        c, state = self.config, self.state
        unit = {}
        for ch, v in chans.items():
            norm = math.sqrt(sum(w * w for w in v.values())) or 1.0
            unit[ch] = u = {k: w / norm for k, w in v.items()}
            acc = s.vecs[ch]
            for k, w in u.items():
                acc[k] = acc.get(k, 0.0) + w
            if len(acc) > c.story_terms:
                s.vecs[ch] = dict(heapq.nlargest(c.story_terms, acc.items(), key=lambda kv: kv[1]))
        s.size += 1
        if f.embedding is not None:
            s.emb = f.embedding.copy() if s.emb is None else s.emb + f.embedding
        s.last_seq = state.seq
        state.assign(f.article_id, s.id)
        if f.date is not None:
            s.first = f.date if s.first is None else min(s.first, f.date)
            s.last = f.date if s.last is None else max(s.last, f.date)
        state.schedule(s, by_date=f.date is not None, by_seq=True)
        s.live = True
        if vecs is not None and c.split_threshold > 0:
            top = {ch: _top(v, c.split_keys) for ch, v in vecs.items()}
            keys = {ch: tuple(v) for ch, v in top.items()}
            member = Member(f.article_id, f.date, keys,
                            {ch: array("f", [unit[ch][t] for t in ks]) for ch, ks in keys.items()},
                            {ch: array("f", top[ch].values()) for ch in keys}, f.embedding, state.seq)
            state.remembered(member)
            state.recall(s)
            self._remember(s, member, top, f.embedding)
            if len(s.recent) >= 2 * c.split_min:
                self._maybe_split(s, f.article_id)
        self._reindex(s)
        state.changed(s)

    # ---- split repair ------------------------------------------------------------------
    def _pair_member(self, a: dict[str, dict[str, float]], m: Member, emb: np.ndarray | None = None) -> float:
        """Weighted mean of channel cosines between an arriving article and a remembered
        member (as ``_score``, without dates)."""
        c = self.config
        parts: list[tuple[float, float | None]] = []
        for ch, w in c.weights.items():
            x, ks = a[ch], m.keys[ch]
            if not w:
                continue
            parts.append((w, sum(v * x[k] for k, v in zip(ks, m.vecs[ch]) if k in x) if x and ks else None))
        if c.embeddings:
            parts.append((c.embedding_weight, self._embedding_cos(emb, m.emb)))
        return self._mean(parts)

    def _remember(self, s: StoryProfile, m: Member, vecs: dict[str, dict[str, float]],
                  emb: np.ndarray | None = None) -> None:
        row = [self._pair_member(vecs, o, emb) for o in s.recent]
        for r, x in zip(s.sims, row):
            r.append(x)
        s.sims.append(row + [1.0])
        s.recent.append(m)
        if len(s.recent) > self.config.split_members:
            s.recent.pop(0)
            s.sims.pop(0)
            for r in s.sims:
                r.pop(0)

    def _maybe_split(self, s: StoryProfile, current: str) -> None:
        """Split ``s`` in two when its latest members fall into two groups less alike than
        ``split_threshold`` (average linkage, each group at least ``split_min`` members): an early
        merge of two look-alike events is undone once each has a few articles."""
        c = self.config
        n = len(s.recent)
        sim = np.array(s.sims, dtype=float)
        np.fill_diagonal(sim, -np.inf)
        size = np.ones(n)
        alive = np.ones(n, dtype=bool)
        group = list(range(n))
        for _ in range(n - 2):
            i, j = divmod(int(np.argmax(sim)), n)
            merged = (size[i] * sim[i] + size[j] * sim[j]) / (size[i] + size[j])
            sim[i], sim[:, i] = merged, merged
            sim[j], sim[:, j] = -np.inf, -np.inf
            sim[i, i] = -np.inf
            size[i] += size[j]
            alive[j] = False
            group = [i if g == j else g for g in group]
        a, b = np.flatnonzero(alive)
        if sim[a, b] >= c.split_threshold or min(size[a], size[b]) < c.split_min:
            return
        keep = group[0]  # the group holding the oldest remembered member keeps the story
        stay = [k for k in range(n) if group[k] == keep]
        leave = [k for k in range(n) if group[k] != keep]
        state = self.state
        new = state.new_story()
        for k in leave:
            m = s.recent[k]
            unit = m.unit_vecs()
            _add_unit(s, unit, -1.0, m.emb)
            _add_unit(new, unit, 1.0, m.emb)
            state.assign(m.id, new.id)
            if m.id != current:
                self.moves.append((m.id, s.id, new.id))
        new.recent = [s.recent[k] for k in leave]
        new.sims = [[s.sims[i][j] for j in leave] for i in leave]
        s.recent = [s.recent[k] for k in stay]
        s.sims = [[s.sims[i][j] for j in stay] for i in stay]
        full = s.size == len(s.recent)
        for st, whole in ((new, True), (s, full)):
            if whole:
                _set_dates(st, [m.date for m in st.recent])
            state.schedule(st, by_date=True, by_seq=False)
        new.last_seq = state.seq
        state.schedule(new, by_date=False, by_seq=True)
        self._reindex(new)
        state.changed(new)
        state.changed(s)

    def _reindex(self, s: StoryProfile) -> None:
        c = self.config
        w = self._weighted({"terms": s.vecs["terms"], "names": s.vecs["names"]})
        self.state.index(s, {k for k, _ in self._probe_keys(w["terms"], w["names"], c.index_terms, c.index_names)})

    def _retire(self, now: dt.date | None) -> None:
        c = self.config
        day = now.toordinal() - c.window_days if now is not None else None
        for s in self.state.due(day, self.state.seq - c.window_articles):
            self._retire_story(s)

    def _retire_story(self, s: StoryProfile) -> None:
        self.state.unindex(s)
        s.live = False
        s.vecs = {ch: {} for ch in CHANNELS}  # a retired story keeps its dates only
        s.recent, s.sims, s.unread = [], [], None
        s.norms = None
        s.emb = None
        self.state.changed(s)


def _top(v: dict[str, float], k: int) -> dict[str, float]:
    return v if len(v) <= k else dict(heapq.nlargest(k, v.items(), key=lambda kv: kv[1]))


def _normalise(v: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {k: x / norm for k, x in v.items()} if norm else v


def cluster(extractions: Iterable[Extraction], batch: bool = False,
            config: ClusterConfig | None = None) -> list[StoryAssignment]:
    """Every article's final story, in input order (what ``storyline cluster`` writes): streaming
    placement, then the story each article ends in after any later split; ``batch`` revisits
    every decision at the end."""
    if batch:
        return batch_cluster(extractions, config)
    cl = StoryClusterer(config)
    placed = [cl.add(ext) for ext in extractions]
    return [replace(a, story=cl.story_of[a.article_id]) for a in placed]


def batch_cluster(extractions: Iterable[Extraction], config: ClusterConfig | None = None,
                  rounds: int = 2) -> list[StoryAssignment]:
    """Cluster a whole collection at once (``storyline cluster --batch``).

    A streaming pass with IDF over the whole collection (known up front), then ``rounds`` of
    reassignment: every article is taken out of its story and put back into the best story
    (or a new one) as the stories stand after the previous pass, so an early decision made on
    a handful of documents can be revisited. Near-copies stay with the article they copy."""
    cl = StoryClusterer(config)
    feats = [cl.features(e) for e in extractions]
    for f in feats:
        cl._count(_channels(f))
    cl._df_fixed = True
    first = [cl.add_features(f) for f in feats]
    labels = [cl.story_of[a.article_id] for a in first]  # after any split of the first pass
    for _ in range(rounds):
        labels, moved = _reassign(cl, feats, labels, [a.duplicate_of for a in first])
        if not moved:
            break
    return [StoryAssignment(a.article_id, lab, a.duplicate_of, a.flags)
            for a, lab in zip(first, labels)]


def _reassign(cl: StoryClusterer, feats: list[ArticleFeatures], labels: list[str],
              dups: list[str | None]) -> tuple[list[str], int]:
    c = cl.config
    units = []
    for f in feats:
        units.append({ch: _normalise(dict(v)) for ch, v in _channels(f).items()})
    stories: dict[str, StoryProfile] = {}
    members: dict[str, set[int]] = {}
    for i, lab in enumerate(labels):
        st = stories.setdefault(lab, StoryProfile(id=lab))
        members.setdefault(lab, set()).add(i)
        _add_unit(st, units[i], 1.0, feats[i].embedding)
    postings: dict[str, set[str]] = {}
    for st in stories.values():
        w = cl._weighted({"terms": st.vecs["terms"], "names": st.vecs["names"]})
        for k, _ in cl._probe_keys(w["terms"], w["names"], c.index_terms, c.index_names):
            postings.setdefault(k, set()).add(st.id)
    for lab, idx in members.items():
        _set_dates(stories[lab], [feats[i].date for i in idx])
    out = list(labels)
    pos = {f.article_id: i for i, f in enumerate(feats)}
    moved = 0
    for i, f in enumerate(feats):
        if dups[i] is not None and dups[i] in pos:
            out[i] = out[pos[dups[i]]]
            continue
        if not (f.terms or f.names):
            continue
        own = stories[out[i]]
        _add_unit(own, units[i], -1.0, f.embedding)
        members[own.id].discard(i)
        _set_dates(own, [feats[j].date for j in members[own.id]])
        chans = _channels(f)
        idfs = cl._idfs(chans)
        vecs = {ch: _normalise({k: w * idfs[ch][k] for k, w in v.items()}) for ch, v in chans.items()}
        weight: dict[str, float] = {}
        for key, w in cl._probe_keys(vecs["terms"], vecs["names"], c.query_terms, c.index_names):
            for sid in postings.get(key, ()):
                weight[sid] = weight.get(sid, 0.0) + w
        cands = heapq.nlargest(c.max_candidates, weight, key=weight.__getitem__)
        best, best_score = None, c.threshold
        for sid in cands:
            st = stories[sid]
            if st.size <= 0:
                continue
            sc = cl._score(vecs, idfs, f.date, st, f.embedding)
            if sc >= best_score:
                best, best_score = st, sc
        if best is None:
            best = own if own.size == 0 else StoryProfile(id=cl.state.new_story().id)
            if best is not own:
                stories[best.id] = best
                members[best.id] = set()
                for key, _ in cl._probe_keys(vecs["terms"], vecs["names"], c.index_terms, c.index_names):
                    postings.setdefault(key, set()).add(best.id)
        if best.id != out[i]:
            moved += 1
        _add_unit(best, units[i], 1.0, f.embedding)
        members[best.id].add(i)
        _set_dates(best, [feats[j].date for j in members[best.id]])
        out[i] = best.id
    return out, moved


def _add_unit(st: StoryProfile, unit: dict[str, dict[str, float]], sign: float,
              emb: np.ndarray | None = None) -> None:
    if emb is not None:
        st.emb = sign * emb if st.emb is None else st.emb + sign * emb
    for ch, v in unit.items():
        acc = st.vecs[ch]
        for k, w in v.items():
            x = acc.get(k, 0.0) + sign * w
            if x > 1e-9:
                acc[k] = x
            else:
                acc.pop(k, None)
    st.size += 1 if sign > 0 else -1
    st.norms = None


def _set_dates(st: StoryProfile, dates: list[dt.date | None]) -> None:
    known = [d for d in dates if d is not None]
    st.first, st.last = (min(known), max(known)) if known else (None, None)
