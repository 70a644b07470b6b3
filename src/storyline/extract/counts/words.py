"""The words count extraction reads, bound once from the language's lexicon (counts.toml)."""
from __future__ import annotations

from storyline.lexicons import lexicon


LANG = "en"
L = lexicon(LANG, "counts")
NUMBER_WORDS = L["number_words"]
SCALES = L["scales"]
VAGUE = L["vague"]
QUALIFIERS = L["qualifiers"]
UNITS = L["units"]
CURRENCY = L["currency_signs"]
OBJECT_VERBS = L["object_verbs"]
SUBJECT_VERBS = L["subject_verbs"]
NOUN_TYPES = L["noun_types"]
PROTEST_NOUNS = L["protest_nouns"]
BARE_STATES = L["bare_states"]
ONE_PRONOUN_BEFORE = L["one_pronoun_before"]
QUAL_KEYS = [(k, tuple(k.split())) for k in sorted(QUALIFIERS, key=lambda k: -len(k.split()))]
VAGUE_KEYS = [(k, tuple(k.split())) for k in sorted(VAGUE, key=lambda k: -len(k.split()))]
VAGUE_FIRST = frozenset(p[0] for _, p in VAGUE_KEYS)
NUMERIC_START = frozenset(NUMBER_WORDS) | frozenset(SCALES) | VAGUE_FIRST
