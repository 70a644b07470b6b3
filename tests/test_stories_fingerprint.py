"""Near-duplicates: MinHash LSH over word shingles, verified, persisted by pickling."""
from __future__ import annotations


import pytest

from storyline.stories.fingerprint import NearDuplicateIndex, minhash, shingles

BASE = ("The city council voted on Tuesday to close the old harbour bridge for repairs after "
        "inspectors found cracks in two of its steel supports, the mayor's office said. Traffic "
        "will be diverted through the northern tunnel until the work ends next spring, officials "
        "added, and ferries will run every twenty minutes during the closure.")


def sig(text: str):
    return minhash(shingles(text))


@pytest.mark.parametrize("other, is_dup", [
    (BASE, True),                                                      # exact copy
    (BASE.upper(), True),                                              # re-typeset copy
    (BASE.replace("Tuesday", "Wednesday"), True),                      # one word changed
    (BASE + " Copyright 2024 The Courier.", True),                     # wire copy with a tag
    ("Inspectors found cracks in the harbour bridge supports, and the council has now shut "
     "it; drivers must use the northern tunnel while it is repaired.", False),  # a rewrite
    ("The national football team won its qualifier four to one in front of a home crowd.", False),
])
def test_near_duplicate_detection(other, is_dup):
    idx = NearDuplicateIndex()
    assert idx.add("first", sig(BASE)) is None
    got = idx.add("second", sig(other))
    assert (got == "first") is is_dup


def test_copy_of_a_copy_points_at_the_first_article():
    idx = NearDuplicateIndex()
    idx.add("a", sig(BASE))
    assert idx.add("b", sig(BASE)) == "a"
    assert idx.add("c", sig(BASE)) == "a"


def test_band_keys_are_stable_and_shared_by_copies():
    from storyline.stories.fingerprint import band_keys, digest

    a, b = digest(sig(BASE)), digest(sig(BASE))
    assert band_keys(a, 16) == band_keys(b, 16)  # same text, same keys, in every process
    assert len(set(band_keys(a, 16))) == 16  # the band number is part of the key
    other = digest(sig("Completely different words about a football match in the rain today."))
    assert not set(band_keys(a, 16)) & set(band_keys(other, 16))


@pytest.mark.parametrize("text, expected", [
    ("", set()),
    ("one two", {"one two"}),
    ("One, two three four five", {"one two three four", "two three four five"}),
])
def test_shingles(text, expected):
    assert shingles(text, 4) == expected


def test_empty_signature_is_never_a_duplicate():
    idx = NearDuplicateIndex()
    assert idx.add("a", None) is None


def test_bad_band_configuration_is_refused():
    with pytest.raises(ValueError, match="multiple"):
        NearDuplicateIndex(num_perm=64, num_bands=10)
