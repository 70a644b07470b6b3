"""The PolNeAR reader and both scoring protocols, on hand-made standoff and predictions."""
from __future__ import annotations

import pytest

from storyline.evaluation.attributions import GoldAttribution, Scores, parse_ann, regex_baseline, score_doc
from storyline.records import Attribution

ANN = (
    "T1\tSource 0 5\tAlice\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 30;35 40\tthe river was rising ...\n"
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "#1\tAnnotatorNotes T3\ta note\n"
)


def test_parse_ann_reads_discontinuous_spans_and_skips_notes():
    (a,) = parse_ann(ANN)
    assert a == GoldAttribution(content=((11, 30), (35, 40)), cue=((6, 10),), source=((0, 5),))


TEXT = "Alice said the river was rising fast, and then some more words here."
GOLD = (GoldAttribution(content=((11, 36),), cue=((6, 10),), source=((0, 5),)),)


def _pred(content, source=(0, 5), cue=(6, 10)):
    return Attribution("indirect", (content,), cue, source, None, "person")


@pytest.mark.parametrize("content, source, hit3, hit8, speaker_ok, exact", [
    ((11, 36), (0, 5), 1, 1, 1, 1),       # exact
    ((11, 25), (0, 5), 1, 0, 1, 0),       # covers 14/25 chars: found at 0.3, not at 0.8
    ((11, 17), (0, 5), 0, 0, 0, 0),       # 6/25 chars: not found
    ((11, 36), (41, 45), 1, 1, 0, 1),     # wrong speaker
    ((11, 36), None, 1, 1, 0, 1),         # no speaker where gold has one
])
def test_overlap_and_exact(content, source, hit3, hit8, speaker_ok, exact):
    s = Scores.new()
    score_doc(s, TEXT, GOLD, [_pred(content, source)])
    assert s.overlap[0.3].hit == hit3 and s.overlap[0.8].hit == hit8
    assert s.speaker[0.3][0] == speaker_ok
    assert s.exact["content"].hit == exact
    assert s.exact["cue"].hit == 1


def test_greedy_one_to_one():
    gold = GOLD + GOLD
    s = Scores.new()
    score_doc(s, TEXT, gold, [_pred((11, 36))])
    assert s.overlap[0.3].hit == 1 and s.overlap[0.3].gold == 2


def test_tightness_counts_predicted_chars_outside_gold():
    s = Scores.new()
    score_doc(s, TEXT, GOLD, [_pred((11, 61))])  # 50 chars predicted, 25 inside gold
    assert s.metrics()["content_tightness"] == pytest.approx(0.5)


@pytest.mark.parametrize("text, n, source", [
    ('"We are ready," said Tom Baker.', 1, "Tom Baker"),
    ('Jane Roe said: "We are ready."', 1, "Jane Roe"),
    ("Nobody said anything.", 0, None),
])
def test_regex_baseline(text, n, source):
    got = regex_baseline(text)
    assert len(got) == n
    if n:
        a = got[0]
        assert text[a.source[0]:a.source[1]] == source
