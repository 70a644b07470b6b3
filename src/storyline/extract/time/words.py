"""The words date extraction reads, bound once from the language's lexicon
(``storyline/lexicons/en/dates.toml``). English is the one language with a pipeline today."""
from __future__ import annotations

from storyline.lexicons import lexicon

LANG = "en"
L = lexicon(LANG, "dates")
MONTH_NUMBERS = {**L["month_abbreviations"], **L["months"]}
WEEKDAY_NUMBERS = L["weekdays"]
SEASON_CODES = L["seasons"]
POD = L["parts_of_day"]
ORD = L["ordinals"]
NUM = L["numbers"]
FUTURE = L["future_markers"]
YEAR_PREP = L["year_prepositions"]
PRESENT_REF = L["present_ref"]
PAST_REF = L["past_ref"]
FUTURE_REF = L["future_ref"]
FUTURE_VERBS = L["future_verbs"]
TENS = L["tens"]
TEENS = L["teens"]
MONTH_GUARD = L["ambiguous_months"]
MONTH_PREP = L["month_prepositions"]
HOLIDAY_PREFIX = L["holiday_prefixes"]
HOLIDAYS = L["holidays"]
SEASON_PREP = L["season_prepositions"]
DECADE_WORDS = L["decade_words"]
POSSESSIVE = L["possessives"]
COUNT_NOUNS = L["count_nouns"]
ADJ_REF_SKIP = L["not_ref_nouns"]
