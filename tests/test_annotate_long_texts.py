"""Long texts are parsed in paragraph-aligned pieces and stitched back; texts over the hard
limit are refused with a reason; pathological runs do not stall the tokenizer."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from storyline.annotate.chunks import chunk_spans
from storyline.errors import InputError
from storyline.ingest import read_paths
from storyline.ingest.limits import ENV_VAR, refuse_oversized
from storyline.pipeline import extract
from storyline.records import Article

PARAS = [
    'Ukrainian President Volodymyr Zelensky said on Monday that 12 people were killed in Kharkiv. '
    '"We will not give up," he told reporters in Kyiv.',
    'French President Emmanuel Macron met Zelensky in Paris on February 17, according to the '
    'Elysee. Police arrested more than 300 protesters.',
    'The central bank raised rates by half a point, its governor said, and warned of inflation '
    'next year.',
]


@pytest.mark.parametrize("text, size", [
    ("a\n\nb" * 50, 40),
    ("One sentence. " * 100, 50),
    ("x" * 1000, 64),
    ("word " * 300, 37),
    ("\n\n\n" * 100, 10),
    ("short", 100),
    ("", 100),
])
def test_chunks_cover_the_text_in_order_within_the_size(text, size):
    spans = chunk_spans(text, size)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(0 < b - a <= size for a, b in spans) or text == ""
    assert all(spans[i][1] == spans[i + 1][0] for i in range(len(spans) - 1))


def test_chunks_end_after_a_paragraph_when_one_is_in_reach():
    text = "\n\n".join(["a" * 30] * 10)
    for a, b in chunk_spans(text, 100)[:-1]:
        assert text[b - 2:b] == "\n\n" and text[b] == "a"


def test_chunks_of_one_huge_paragraph_end_after_sentences():
    text = "The mayor spoke. " * 100
    for a, b in chunk_spans(text, 300)[:-1]:
        assert text[b - 2:b] == ". "


def test_pieces_stitched_give_the_records_of_the_whole_text(nlp):
    text = "\n\n".join(PARAS * 6)
    pub = dt.date(2025, 2, 18)
    (whole,) = extract([Article(id="a", text=text, published=pub)])
    (pieced,) = extract([Article(id="a", text=text, published=pub)], chunk_chars=400)
    assert len(chunk_spans(text, 400)) > 5
    assert pieced.article.text == text
    for kind in ("dates", "counts", "places", "attributions", "events"):
        assert getattr(pieced, kind) == getattr(whole, kind), kind
    assert {m for e in pieced.entities for m in e.mentions} == {m for e in whole.entities for m in e.mentions}
    assert [(e.name, e.type) for e in pieced.entities] == [(e.name, e.type) for e in whole.entities]
    for d in pieced.dates:
        assert text[d.span[0]:d.span[1]] == d.text


def test_a_text_longer_than_spacy_max_length_is_processed(nlp, monkeypatch):
    # the real limit is 1,000,000 characters; a small one shows the same without minutes of parsing
    monkeypatch.setattr(nlp, "max_length", 3000)
    text = "The mayor said on Monday that 12 people were killed. " * 400
    (ex,) = extract([Article(id="long", text=text)], chunk_chars=2000)
    assert ex.article.text == text
    assert len(ex.counts) == 400
    assert all(text[c.span[0]:c.span[1]].startswith("12 people") for c in ex.counts)
    assert len(ex.dates) == 400
    assert all(text[d.span[0]:d.span[1]] == d.text and "Monday" in d.text for d in ex.dates)


def test_over_the_hard_limit_an_article_is_refused_with_the_reason(tmp_path, monkeypatch):
    (tmp_path / "big.txt").write_text("The mayor spoke at length. " * 50, encoding="utf-8")
    (tmp_path / "small.txt").write_text("The mayor spoke.", encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, "1000")
    items = list(read_paths([tmp_path]))
    assert [type(i).__name__ for i in items] == ["InputError", "Article"]
    assert "text too long (1,349 characters; the limit is 1,000" in items[0].reason
    assert str(tmp_path / "big.txt") in items[0].where


def test_the_pipeline_refuses_an_oversized_article_to_its_handler(nlp):
    refused: list[InputError] = []
    arts = [Article(id="big", text="x " * 600), Article(id="ok", text="The mayor spoke.")]
    out = list(extract(arts, max_chars=1000, on_refused=refused.append))
    assert [e.article.id for e in out] == ["ok"]
    assert refused[0].where == "big" and "text too long" in refused[0].reason
    with pytest.raises(InputError, match="text too long"):
        list(extract(arts, max_chars=1000))


def test_a_bad_limit_in_the_environment_is_an_input_error(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "lots")
    with pytest.raises(InputError, match="not a whole number"):
        refuse_oversized(Article(id="a", text="x"))


@pytest.mark.parametrize("run", ['"' * 100_000, "#" * 50_000 + " tail", "(" * 30_000 + ")" * 30_000])
def test_long_punctuation_runs_tokenize_in_linear_time(nlp, run):
    t0 = time.monotonic()
    doc = nlp.make_doc(run)
    assert doc.text == run
    assert time.monotonic() - t0 < 2


def test_ordinary_text_tokenizes_as_spacy_does(nlp):
    text = 'He said: "We will win." (See https://example.com/a?b=c.) Don\'t stop.'
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in nlp.tokenizer.base(text)]


def test_long_and_short_articles_come_out_in_input_order(nlp):
    short = "The mayor said on Monday that 12 people were killed."
    arts = [Article(id="s1", text=short), Article(id="l1", text=short + "\n\n" + short * 30),
            Article(id="l2", text=short * 30), Article(id="big", text="x " * 2000),
            Article(id="s2", text=short)]
    refused: list[InputError] = []
    out = list(extract(arts, chunk_chars=500, max_chars=3000, on_refused=refused.append))
    assert [e.article.id for e in out] == ["s1", "l1", "l2", "s2"]
    assert [r.where for r in refused] == ["big"]
    assert [len(e.counts) for e in out] == [1, 31, 30, 1]
