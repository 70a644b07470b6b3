"""The words count extraction reads, bound once from the language's lexicon (counts.toml)."""
from __future__ import annotations

from storyline.extract import lexicon_counts as L


LANG = "en"
NUMBER_WORDS = L.NUMBER_WORDS[LANG]
SCALES = L.SCALES[LANG]
VAGUE = L.VAGUE[LANG]
QUALIFIERS = L.QUALIFIERS[LANG]
UNITS = L.UNITS[LANG]
CURRENCY = L.CURRENCY_SIGNS
OBJECT_VERBS = L.OBJECT_VERBS[LANG]
SUBJECT_VERBS = L.SUBJECT_VERBS[LANG]
NOUN_TYPES = L.NOUN_TYPES[LANG]
PROTEST_NOUNS = L.PROTEST_NOUNS[LANG]
BARE_STATES = L.BARE_STATES[LANG]
ONE_PRONOUN_BEFORE = L.ONE_PRONOUN_BEFORE[LANG]
QUAL_KEYS = [(k, tuple(k.split())) for k in sorted(QUALIFIERS, key=lambda k: -len(k.split()))]
VAGUE_KEYS = [(k, tuple(k.split())) for k in sorted(VAGUE, key=lambda k: -len(k.split()))]
VAGUE_FIRST = frozenset(p[0] for _, p in VAGUE_KEYS)
NUMERIC_START = frozenset(NUMBER_WORDS) | frozenset(SCALES) | VAGUE_FIRST
