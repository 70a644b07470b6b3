"""Scale benchmark for the clustering stage alone (not a test, not in CI).

Generates distinct, already-annotated articles (synthetic Zipf vocabulary, synthetic named
entities, ~`--per-day` articles a day so they spread over weeks of dates), feeds them to a
fresh ``StoryClusterer`` at two sizes and prints the time per article at each size, the ratio
(target: large / small <= 1.5) and memory per 10k articles (RSS growth and pickled state size).

    .venv/bin/python bench/bench_stories_scale.py                 # 10k then 100k
    .venv/bin/python bench/bench_stories_scale.py --small 5000 --large 50000

Measured 2026-11-25 (2 shared cores, CPU time): 10k 3.44 ms/article, 100k 3.53 ms/article
(1.03x); 15.5k stories live at 100k (30-day window, 500 articles a day); peak RSS +309 MB for
the first 10k (all live), +646 MB at 100k (65 MB per 10k); pickled state 44.5 MB at 10k,
137 MB at 100k.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import time

from storyline.records import Article, Entity, Extraction
from storyline.stories import StoryClusterer

START = dt.date(2024, 1, 1)


def synthetic(n: int, *, per_day: int, seed: int = 1, vocab: int = 60_000, names: int = 40_000):
    rnd = random.Random(seed)
    syll = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "de", "pa", "zo", "qu", "bel", "tor",
            "ran", "mek", "sil", "dun", "fa", "gor"]

    def word(i: int) -> str:
        out, x = [], i + 1
        while x:
            x, r = divmod(x, len(syll))
            out.append(syll[r])
        return "".join(out)

    words = [word(i) for i in range(vocab)]
    people = [(word(vocab + 2 * i).capitalize() + " " + word(vocab + 2 * i + 1).capitalize())
              for i in range(names)]
    weights = [1.0 / (r + 1) for r in range(vocab)]
    cum = []
    acc = 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    for i in range(n):
        k = rnd.randint(120, 260)
        body = rnd.choices(words, cum_weights=cum, k=k)
        topical = rnd.sample(words[2000:], 6)  # rare words that make this article its own
        ents = rnd.sample(people, 3)
        parts = []
        for j in range(0, len(body), 18):
            parts.append(" ".join(body[j:j + 18]).capitalize() + ".")
        text = f"{ents[0]} met {ents[1]} about {' '.join(topical)}. " + " ".join(parts) + \
            f" {ents[2]} said {topical[0]} {rnd.randint(10, 9999)}."
        mentions = []
        for j, name in enumerate(ents, 1):
            at = text.find(name)
            mentions.append(Entity(f"e{j}", name, "PERSON", ((at, at + len(name)),)))
        pub = START + dt.timedelta(days=i // per_day)
        yield Extraction(article=Article(id=f"syn{i}", text=text, title=" ".join(topical[:4]).title(),
                                         published=pub, source="synthetic"),
                         entities=tuple(mentions))


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int, per_day: int) -> dict:
    cl = StoryClusterer()
    spent = 0.0
    base = rss_mb()
    for ext in synthetic(n, per_day=per_day):
        t = time.process_time()
        cl.add(ext)
        spent += time.process_time() - t
    state = len(cl.dumps())
    return {"n": n, "ms_per_article": 1000 * spent / n, "stories": len(cl.stories),
            "live": cl.live_stories, "rss_growth_mb_per_10k": (rss_mb() - base) * 10_000 / n,
            "state_mb_per_10k": state / 1e6 * 10_000 / n}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=10_000)
    ap.add_argument("--large", type=int, default=100_000)
    ap.add_argument("--per-day", type=int, default=500)
    args = ap.parse_args()
    rows = [run(args.small, args.per_day), run(args.large, args.per_day)]
    for r in rows:
        print(f"{r['n']:>7} articles: {r['ms_per_article']:.2f} ms/article, {r['stories']} stories "
              f"({r['live']} live), RSS +{r['rss_growth_mb_per_10k']:.1f} MB/10k, "
              f"state {r['state_mb_per_10k']:.1f} MB/10k")
    ratio = rows[1]["ms_per_article"] / rows[0]["ms_per_article"]
    print(f"time per article, {args.large} vs {args.small}: {ratio:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
