"""Word lists for temporal expressions, keyed by language (English first)."""
from __future__ import annotations

MONTHS = {
    "en": {
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    }
}
# Abbreviations only count before a day number ("Jan. 5"), never alone ("Jan" is a name).
MONTH_ABBREVIATIONS = {
    "en": {
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
        "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    }
}
WEEKDAYS = {
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
           "saturday": 5, "sunday": 6}
}
SEASONS = {"en": {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}}
PARTS_OF_DAY = {"en": {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}}
ORDINALS = {
    "en": {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
           "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
           "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
           "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
           "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6,
           "7th": 7, "8th": 8, "9th": 9, "10th": 10, "11th": 11, "12th": 12, "13th": 13,
           "14th": 14, "15th": 15, "16th": 16, "17th": 17, "18th": 18, "19th": 19,
           "20th": 20, "21st": 21, "final": -1, "last": -1}
}
NUMBERS = {
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "several": None, "a few": None, "few": None}
}
# Expressions that stand for the present, the past or the future as a whole (TimeML *_REF).
PRESENT_REF = {
    "en": ("now", "currently", "presently", "at present", "nowadays", "at the moment",
           "the time being", "these days", "right now")
}
PAST_REF = {
    "en": ("recently", "more recently", "most recently", "in the past", "the past",
           "recent years", "recent months", "recent weeks", "recent days", "recent history",
           "in recent times",
           "lately")
}
FUTURE_REF = {
    "en": ("in the future", "the future", "soon", "very soon", "in the near future",
           "the near future", "the near term", "the long term", "the short term",
           "the coming days", "the coming weeks", "the coming months", "the coming years",
           "the days ahead", "the weeks ahead", "the months ahead", "the years ahead",
           "the next few days", "the next few weeks", "the next few months",
           "the next few years")
}
# Words in a clause that make a bare weekday, month or season point forward.
FUTURE_MARKERS = {
    "en": frozenset({"will", "shall", "'ll", "wo", "going", "set", "scheduled", "due", "expected",
                     "plan", "plans", "planned", "planning", "intend", "intends", "aim", "aims",
                     "until", "till", "next", "upcoming", "coming"})
}
# Prepositions that make a bare four-digit number a year ("in 2009", "since 1992").
YEAR_PREPOSITIONS = {
    "en": frozenset({"in", "since", "by", "of", "until", "till", "from", "to", "before", "after",
                     "during", "through", "between", "and", "early", "late", "mid", "around",
                     "for", "the", "'s", "circa", "throughout", "into", "spring", "summer",
                     "autumn", "fall", "winter", "than", "as", "year", "season", "fiscal",
                     "or", "-", "–", "at", "on", "like", "unlike", "versus", "vs", "in"})
}
