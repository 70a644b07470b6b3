"""Word lists for counts (GDELT-style: how many were killed, arrested, protesting ...). Data only."""
from __future__ import annotations

NUMBER_WORDS: dict[str, dict[str, int]] = {"en": {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12, "half a dozen": 6,
}}

SCALES: dict[str, dict[str, int]] = {"en": {
    "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
    "mln": 1_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1000,
}}

# vague plural quantities → (lower bound, qualifier)
VAGUE: dict[str, dict[str, tuple[int, str]]] = {"en": {
    "dozens": (12, "at_least"), "scores": (20, "at_least"), "hundreds": (100, "at_least"),
    "thousands": (1000, "at_least"), "tens of thousands": (10_000, "at_least"),
    "hundreds of thousands": (100_000, "at_least"), "millions": (1_000_000, "at_least"),
    "several": (3, "at_least"), "a few": (2, "at_least"), "a handful": (2, "at_least"),
}}

# words before a number → qualifier (longest first when matching)
QUALIFIERS: dict[str, dict[str, str]] = {"en": {
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "above": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "as many as": "at_most",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "nearly": "about",
    "almost": "about", "close to": "about", "circa": "about", "some 1": "about",
    "up to": "at_most", "at most": "at_most", "no more than": "at_most", "as much as": "at_most",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than",
    "below": "less_than",
}}

# units of measure, time and money: a number before these is not a count of things
UNITS: dict[str, frozenset[str]] = {"en": frozenset({
    "percent", "per", "%", "km", "kilometer", "kilometre", "mile", "meter", "metre", "foot",
    "feet", "inch", "yard", "ton", "tonne", "kg", "kilogram", "gram", "pound", "lb", "ounce",
    "liter", "litre", "gallon", "barrel", "hectare", "acre", "degree", "hour", "minute",
    "second", "day", "week", "month", "year", "decade", "century", "night", "time", "times",
    "dollar", "euro", "cent", "yen", "yuan", "rouble", "ruble", "pound", "franc", "rupee",
    "point", "mph", "kmh", "sq", "square", "cubic", "megawatt", "kilowatt", "page", "o'clock",
    "a.m.", "p.m.", "am", "pm", "year-old", "years-old", "th", "st", "nd", "rd", "round",
})}

CURRENCY_SIGNS = frozenset({"$", "€", "£", "¥", "₽", "₴", "us$", "usd", "eur", "gbp"})

# lemma of the governing verb (or verb + particle) → count type, for the counted things as
# the object (or passive subject) of the verb
OBJECT_VERBS: dict[str, dict[str, str]] = {"en": {
    "kill": "killed", "murder": "killed", "massacre": "killed", "execute": "killed",
    "slay": "killed", "behead": "killed", "shoot dead": "killed",
    "wound": "wounded", "injure": "wounded", "hurt": "wounded", "maim": "wounded",
    "arrest": "arrested", "detain": "arrested", "jail": "arrested", "imprison": "arrested",
    "apprehend": "arrested", "round up": "arrested",
    "kidnap": "kidnapped", "abduct": "kidnapped", "take hostage": "kidnapped",
    "displace": "displaced", "evacuate": "displaced", "uproot": "displaced",
    "expel": "displaced", "deport": "displaced", "force out": "displaced",
    "shoot down": "shot_down", "intercept": "shot_down", "down": "shot_down",
    "neutralize": "shot_down", "neutralise": "shot_down",
    "torture": "wounded", "beat": "wounded", "release": "released", "free": "released",
}}

# for the counted things as the subject of an active verb
SUBJECT_VERBS: dict[str, dict[str, str]] = {"en": {
    "die": "killed", "perish": "killed", "flee": "displaced", "protest": "protesters",
    "demonstrate": "protesters", "rally": "protesters", "march": "protesters",
    "strike": "protesters", "riot": "protesters", "gather": "protesters", "block": "protesters",
    "converge": "protesters", "picket": "protesters", "occupy": "protesters",
    "drown": "killed", "starve": "killed",
}}

# a bare number followed by one of these words: "100 injured", "five dead", "12 missing"
BARE_STATES: dict[str, dict[str, str | None]] = {"en": {
    "dead": "killed", "killed": "killed", "injured": "wounded", "wounded": "wounded",
    "hurt": "wounded", "missing": "missing", "arrested": "arrested", "detained": "arrested",
    "displaced": "displaced", "homeless": "displaced",
}}

# nouns (and adjectives) that say what the counted are
NOUN_TYPES: dict[str, dict[str, str]] = {"en": {
    "dead": "killed", "death": "killed", "body": "killed", "fatality": "killed",
    "victim": "killed", "wounded": "wounded", "injured": "wounded", "injury": "wounded",
    "protester": "protesters", "protestor": "protesters", "demonstrator": "protesters",
    "marcher": "protesters", "striker": "protesters", "rioter": "protesters",
    "refugee": "displaced", "evacuee": "displaced", "hostage": "kidnapped",
    "detainee": "arrested", "prisoner": "arrested",
}}

# light verbs whose object names the protest the subject is making ("staged demonstrations")
PROTEST_NOUNS: dict[str, frozenset[str]] = {"en": frozenset({
    "demonstration", "protest", "rally", "march", "strike", "sit-in", "vigil", "riot",
})}

# words after which "one" is a pronoun, not a count ("no one", "the one")
ONE_PRONOUN_BEFORE: dict[str, frozenset[str]] = {"en": frozenset({
    "no", "the", "any", "every", "each", "this", "that", "which", "someone", "anyone",
})}
