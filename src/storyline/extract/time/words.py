"""The words date extraction reads, bound once from the language's lexicon (dates.toml)."""
from __future__ import annotations

from storyline.extract.lexicon_dates import (
    FUTURE_MARKERS, MONTH_ABBREVIATIONS, MONTHS, NUMBERS, ORDINALS, PARTS_OF_DAY, SEASONS, WEEKDAYS,
    YEAR_PREPOSITIONS,
)


LANG = "en"
MONTH_NUMBERS = {**MONTH_ABBREVIATIONS[LANG], **MONTHS[LANG]}
WEEKDAY_NUMBERS = WEEKDAYS[LANG]
SEASON_CODES = SEASONS[LANG]
POD = PARTS_OF_DAY[LANG]
ORD = ORDINALS[LANG]
NUM = NUMBERS[LANG]
FUTURE = FUTURE_MARKERS[LANG]
YEAR_PREP = YEAR_PREPOSITIONS[LANG]
FUTURE_VERBS = frozenset({"schedule", "plan", "expect", "intend", "slate", "due", "aim", "set"})
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
TEENS = {"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
          "nineteen": 19}
MONTH_GUARD = {"may", "march"}
MONTH_PREP = frozenset({"in", "since", "until", "till", "by", "of", "during", "from", "to", "through",
                         "before", "after", "early", "late", "mid", "last", "next", "this", "and", "or",
                         "between", "around", "end", "beginning", "start", "middle", "throughout",
                         "for", "as", "into", "past", "coming"})
HOLIDAY_PREFIX = frozenset({"black", "cyber", "super", "good", "easter", "ash", "holy", "bloody",
                             "blue", "giving", "maundy", "palm", "whit", "shrove"})
HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "new year’s day": (1, 1),
             "new year’s eve": (12, 31)}
SEASON_PREP = frozenset({"in", "during", "since", "until", "till", "by", "through", "for", "this",
                          "of", "last", "next", "early", "late", "mid", "before", "after"})
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}
POSSESSIVE = frozenset({"their", "his", "her", "its", "my", "our", "your", "whose"})
COUNT_NOUNS = frozenset({"people", "jobs", "workers", "employees", "points", "shares", "cars",
                          "vehicles", "units", "dealers", "dealerships", "stores", "troops",
                          "soldiers", "drones", "missiles", "dollars", "euros", "km", "miles",
                          "metres", "meters", "feet", "tonnes", "tons", "barrels", "votes",
                          "members", "aircraft", "planes", "passengers", "residents", "homes",
                          "houses", "deaths", "cases", "times", "pages", "words"})
ADJ_REF_SKIP = frozenset({"account", "accounts", "affairs", "events", "year", "years", "month", "months",
                           "week", "weeks", "day", "days", "quarter", "period", "time", "times", "history",
                           "levels", "level", "price", "prices", "rate", "rates", "value", "form"})
