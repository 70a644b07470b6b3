"""The words event extraction reads, bound once from the language's lexicon (events.toml)."""
from __future__ import annotations

from storyline.extract import lexicon_events as L


LANG = "en"
VERBS = L.VERBS[LANG]
WEAK_VERBS = L.WEAK_VERBS[LANG]
WEAK_OBJ = L.WEAK_VERB_OBJECTS[LANG]
PHRASAL = L.PHRASAL[LANG]
NOUNS = L.NOUNS[LANG]
WEAK_NOUNS = L.WEAK_NOUNS[LANG]
LIGHT = L.LIGHT_VERBS[LANG]
CONTROL = L.CONTROL[LANG]
FUTURE_AUX = L.FUTURE_AUX[LANG]
HYPO_AUX = L.HYPOTHETICAL_AUX[LANG]
NEG = L.NEGATIONS[LANG]
REPORTING = L.REPORTING[LANG]
MODE_CUES = L.MODE_CUES[LANG]
PURE_LIGHT = L.PURE_LIGHT_VERBS[LANG]
VERB_OBJ_TYPES = L.VERB_OBJECT_TYPES[LANG]
PEACEKEEPING = L.PEACEKEEPING[LANG]
NOT_EVENT_OBJECTS = L.NOT_EVENT_OBJECTS[LANG]
SUBJECT_SECTOR_TYPES = L.SUBJECT_SECTOR_TYPES[LANG]
NOUN_NEEDS_MODIFIER = L.NOUN_NEEDS_MODIFIER[LANG]
NOUN_BANNED_MODIFIERS = L.NOUN_BANNED_MODIFIERS[LANG]
WEAK_NOUN_MODIFIERS = L.WEAK_NOUN_MODIFIERS[LANG]
MUST_REPORTING = L.MUST_REPORTING[LANG]
SECTOR_VERBS = frozenset(v for v, _ in SUBJECT_SECTOR_TYPES)
EFFORT_NOUNS = {"effort", "efforts", "campaign", "operation", "operations", "mission", "bid",
                 "move", "initiative"}
RECIPIENT_PREPS = {"on", "against", "to", "at", "into", "upon", "toward", "towards", "with",
                    "from", "over", "of"}
PRONOUN_HEADS = {"it", "they", "he", "she", "we", "i", "them", "him", "her", "who", "which",
                  "that", "its", "their", "his", "us"}
STRIKE_MILITARY = {"air", "missile", "drone", "military", "rocket", "artillery", "precision"}
MEET_CUES = {"meet", "meeting", "visit", "summit", "host", "conference", "talks", "arrive",
              "trip", "tour", "sideline", "sidelines"}
ADVERB_PARTICLES = {"back", "out", "down", "off", "up", "over", "away"}
BACKGROUND_PREPS = {"after", "following", "since", "before", "amid", "amidst", "during",
                     "despite", "because", "following", "throughout", "ahead"}
TO_PREPS = {"to", "against", "on", "upon", "into"}
# nouns for what someone else said or asked: their author is the one answered
SPEECH_ACT_NOUNS = {"demand", "call", "appeal", "offer", "proposal", "plan", "request",
                     "invitation", "ultimatum", "initiative", "plea", "suggestion", "bid"}
LOC_PREPS = {"in", "at", "near", "inside", "outside", "across", "around", "into", "throughout",
              "from", "on", "off", "along", "within", "over", "to", "towards", "toward",
              "between", "outskirts"}
