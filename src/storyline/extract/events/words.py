"""The words event extraction reads, bound once from the language's lexicon
(``storyline/lexicons/en/events.toml``). English is the one language with a pipeline today."""
from __future__ import annotations

from storyline.lexicons import lexicon

LANG = "en"
L = lexicon(LANG, "events")
VERBS = L["verbs"]
WEAK_VERBS = L["weak_verbs"]
WEAK_OBJ = L["weak_verb_objects"]
PHRASAL = L["phrasal"]
NOUNS = L["nouns"]
WEAK_NOUNS = L["weak_nouns"]
LIGHT = L["light_verbs"]
CONTROL = L["control"]
FUTURE_AUX = L["future_aux"]
HYPO_AUX = L["hypothetical_aux"]
NEG = L["negations"]
REPORTING = L["reporting"]
MODE_CUES = L["mode_cues"]
PURE_LIGHT = L["pure_light_verbs"]
VERB_OBJ_TYPES = L["verb_object_types"]
PEACEKEEPING = L["peacekeeping"]
NOT_EVENT_OBJECTS = L["not_event_objects"]
SUBJECT_SECTOR_TYPES = L["subject_sector_types"]
NOUN_NEEDS_MODIFIER = L["noun_needs_modifier"]
NOUN_BANNED_MODIFIERS = L["noun_banned_modifiers"]
WEAK_NOUN_MODIFIERS = L["weak_noun_modifiers"]
MUST_REPORTING = L["must_reporting"]
SECTOR_VERBS = frozenset(v for v, _ in SUBJECT_SECTOR_TYPES)
EFFORT_NOUNS = L["effort_nouns"]
RECIPIENT_PREPS = L["recipient_prepositions"]
PRONOUN_HEADS = L["pronoun_heads"]
STRIKE_MILITARY = L["military_strike_words"]
MEET_CUES = L["meeting_cues"]
ADVERB_PARTICLES = L["adverb_particles"]
BACKGROUND_PREPS = L["background_prepositions"]
TO_PREPS = L["to_prepositions"]
SPEECH_ACT_NOUNS = L["speech_act_nouns"]  # what someone else said or asked: its author is the one answered
LOC_PREPS = L["locative_prepositions"]
