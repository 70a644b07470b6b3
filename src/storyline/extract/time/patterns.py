"""The patterns behind extract_dates: compiled once, each with the rule that normalises it.

A rule returns ``(value, relative)`` or None (not a date here: a duration, an age, a name).
``relative`` is True when the value depends on the publication date; with no publication
date such values are left None by the caller.
"""
from __future__ import annotations

import re

from storyline.extract.time.absolute import (
    r_century, r_decade, r_h_year, r_half, r_holiday, r_iso, r_md_rel_year, r_mdy, r_month,
    r_month_day, r_month_rel_year, r_month_year, r_nine_eleven, r_numeric, r_quarter, r_season,
    r_year, r_year2,
)
from storyline.extract.time.blocks import (
    B_DECADE, B_EARLIER, B_MOD, B_MONTH, B_REL_UNIT, B_SEASON, B_THE, B_WEEKDAY, DAYN, MA, MF, MODW,
    MON_ANY, MON_DAY, NUMW, ORDW, RELY, WD, Y4, YEAR_BARE, case_rx, nocase_rx,
)
from storyline.extract.time.relative import (
    r_adj_ref, r_ago, r_anniversary, r_day_shift, r_dayword, r_in_the_unit, r_last_night,
    r_overnight, r_rel_unit, r_same_day, r_same_period, r_the_weekend, r_the_year, r_this_pod,
    r_weekday, r_year_end, ref_rule,
)
from storyline.extract.time.scanning import Rule, fast
from storyline.extract.time.words import FUTURE_REF, PAST_REF, PRESENT_REF


def refs(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


NUM_AHEAD = (r"(?!\s+(?:\d|few|several|couple|two|three|four|five|six|seven|eight|nine|ten|eleven|"
             r"twelve|fifteen|twenty|thirty|forty|fifty|hundred|year|month|week|day|decade|century|"
             r"hour|minute|quarter|weekend|of\b))")
UNITS = ("week", "month", "year", "decade", "century", "quarter")
PATTERNS: list[tuple[re.Pattern, Rule]] = [
    (case_rx(rf"(?<![\w-]){YEAR_BARE}-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])(?:\b|(?=T\d))"), Rule(r_iso, need=("-",))),
    (case_rx(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"), Rule(r_numeric, need=("/",))),
    (case_rx(r"(?<![\d.,])(?P<b>\d{1,2})\.(?P<a>\d{1,2})\.(?P<y>\d{4})(?![\d.]\d)"), Rule(r_numeric, need=(".",))),
    (case_rx(rf"(?<![\w/.-]){YEAR_BARE}[/.](?P<m>0?[1-9]|1[0-2])[/.](?P<d>[0-2]?\d|3[01])(?![\d/.]\d|\d)"), Rule(r_iso, need=("/", "."))),
    (case_rx(r"(?<![\w/])(?:9/11|Sept(?:ember|\.)?\s+11(?:th)?(?=,?\s+(?:attacks|terror\w*|conspirac\w*|[Cc]ommission|"
        r"hijack\w*|memorial|era)\b))(?![\w/])"), Rule(r_nine_eleven, need=("9/11", "11"))),
    (case_rx(rf"\b{MON_DAY}\s+{DAYN}(?:,?\s+|\s+of\s+){Y4}"), Rule(r_mdy)),
    (case_rx(rf"\b{MON_DAY}\s+{DAYN}\s+of\s+(?i:{RELY})\s+(?i:year)\b"), Rule(r_md_rel_year, need=("year",))),
    (case_rx(rf"\b{DAYN}\s+(?:of\s+)?{MON_ANY}\.?,?\s+{Y4}"), Rule(r_mdy)),
    (case_rx(rf"\b(?P<mon>{MF}|{MA}),?\s+(?:of\s+)?{Y4}"), Rule(r_month_year, back=B_MOD)),
    (case_rx(rf"\b(?P<mon>{MF})\s+(?:of\s+)?(?i:{RELY})\s+(?i:year)\b"), Rule(r_month_rel_year, back=B_MOD, need=("year",))),
    (case_rx(rf"\b{MON_DAY}\s+{DAYN}\b(?![\d%:.,]\d|\s*(?:%|percent|per\b|million|billion))"), Rule(r_month_day)),
    (case_rx(rf"\b{DAYN}\s+(?:of\s+)?(?P<mon>{MF})\b"), Rule(r_month_day)),
    (case_rx(rf"\b(?P<mon>{MF})\b(?!\s+\d)"), Rule(r_month, back=B_MONTH)),
    (case_rx(rf"\b(?P<wd>{WD})(?P<plural>s)?(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?\b"),
     Rule(r_weekday, back=B_WEEKDAY, need=("day",))),
    (nocase_rx(r"\b(?P<w>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday"
         r"|the\s+day\s+after\s+tomorrow)(?:\s+(?P<pod>morning|afternoon|evening|night))?\b(?!-)"),
     Rule(r_dayword, back=B_EARLIER, need=("today", "tonight", "yesterday", "tomorrow"))),
    (nocase_rx(r"\bthis\s+(?P<pod>morning|afternoon|evening)\b"),
     Rule(r_this_pod, back=B_EARLIER, need=("morning", "afternoon", "evening"))),
    (nocase_rx(r"\b(?:late\s+)?last\s+(?P<pod>night|evening)\b"), Rule(r_last_night, need=("last",))),
    (nocase_rx(r"\b(?:(?:during|in|over|through)\s+the\s+night|overnight)\b(?!-)"), Rule(r_overnight, need=("night",))),
    (nocase_rx(r"\b(?P<rel>this|last|next|the\s+past|the\s+previous|the\s+coming|the\s+current|"
         r"the\s+following|the\s+last|the\s+next|past|previous|coming|current|the\s+latest|the\s+most\s+recent)\s+"
         r"(?P<unit>week|weekend|month|year|decade|century|quarter)\b(?!-)"),
     Rule(r_rel_unit, back=B_REL_UNIT, need=UNITS)),
    (nocase_rx(r"\b(?:earlier|later|early|late)\s+in\s+the\s+(?P<unit>week|month|year)\b"), Rule(r_in_the_unit, need=(" in the ",))),
    (nocase_rx(r"\b(?:the|this)\s+weekend\b"), Rule(r_the_weekend, need=("weekend",))),
    (nocase_rx(r"(?<![\w-])year[-\s]end\b(?!\s+\d)"), Rule(r_year_end, need=("year-end", "year end"))),
    (nocase_rx(rf"\b(?:{MODW})(?:\s+in)?\s+the\s+(?:current\s+)?(?P<unit>year|month|week)\b(?!-)"),
     Rule(r_the_year, need=("the year", "the month", "the week", "current year"))),
    (nocase_rx(r"\b(?:the\s+(?:previous|preceding|next|following)\s+day|the\s+day\s+(?:before|prior|after)|a\s+day\s+(?:earlier|later))\b"
         r"(?!\s+(?:the|a|an|his|her|its|their|yesterday|tomorrow|\w+ed)\b)"),
     Rule(r_day_shift, deferred=True, need=("day",))),
    (case_rx(rf"\b(?:(?i:christmas)(?:\s+(?i:day|eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?)(?:,?\s+(?:of\s+)?{Y4})?"),
     Rule(r_holiday, need=("christmas", "new year", "thanksgiving"))),
    (nocase_rx(r"\b(?:(?:early|late|earlier|later)\s+in|the\s+(?:start|beginning|end|close)\s+of)\s+the\s+day\b"),
     Rule(r_same_day, deferred=True, need=("the day",))),
    (nocase_rx(rf"\b(?P<ord>{ORDW}|final)[\s-]+(?:fiscal\s+|financial\s+|calendar\s+)?quarter\b"
         rf"(?:\s+(?:of\s+)?(?:the\s+)?(?:fiscal\s+|financial\s+)?(?:year\s+)?(?:{Y4}|{RELY}\s+year))?"),
     Rule(r_quarter, back=B_THE, need=("quarter",))),
    (case_rx(rf"\bQ(?P<q>[1-4])(?:\s+|-|/)?(?:{Y4}|'(?P<yy>\d\d))?\b"), Rule(r_quarter, need=("q1", "q2", "q3", "q4"))),
    (nocase_rx(rf"\b(?P<ord>first|second|1st|2nd|latter)[\s-]+half\b"
         rf"(?:\s+of\s+(?:(?P<ofyear>the\s+year)|(?:fiscal\s+)?{Y4}|{RELY}\s+year))?"), Rule(r_half, back=B_THE, need=("half",))),
    (case_rx(rf"\b(?P<season>(?i:spring|summer|autumn|fall|winter))\b(?:,?\s+(?:of\s+)?{Y4})?"),
     Rule(r_season, back=B_SEASON, need=("spring", "summer", "autumn", "fall", "winter"))),
    (case_rx(r"(?:(?<![\w'’])['’](?P<yy>\d0)|\b(?P<yyyy>1[5-9]\d0|20\d0)|\b(?P<yy2>[2-9]0))['’]?s\b"),
     Rule(r_decade, back=B_DECADE, need=("0s", "0's", "0’s"))),
    (nocase_rx(rf"\bthe\s+(?:(?:{MODW})(?:\s+|-))?(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"),
     Rule(r_decade, need=("ties",))),
    (nocase_rx(rf"\bthe\s+(?:(?:{MODW})(?:\s+|-))?(?:(?P<c>\d{{1,2}})(?:st|nd|rd|th)|(?P<cw>{ORDW}))\s+century\b"),
     Rule(r_century, need=("century",))),
    (case_rx(r"(?<![\w$£€#.,/])(?P<year>1[5-9]\d\d|20\d\d)(?![\w%]|[.,]\d)"), Rule(r_year, back=B_MOD)),
    (case_rx(r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%])"), Rule(r_year2, need=("'", "’"))),
    (nocase_rx(rf"(?<![\w-])(?P<n>{NUMW})\s+(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>ago|from\s+now)\b"),
     Rule(r_ago, need=(" ago", "from now"))),
    (case_rx(rf"\b(?:H(?P<h>[12])|(?P<h2>[12])H)\s*{Y4}"), Rule(r_h_year, need=("h1", "h2", "1h", "2h"))),
    (nocase_rx(rf"(?<![\w-])(?:{refs(PRESENT_REF)})(?![\w-])"),
     Rule(ref_rule("PRESENT_REF"), need=("now", "current", "present", "moment", "time being", "these days"))),
    (nocase_rx(rf"(?<![\w-])(?:{refs(PAST_REF)})(?![\w-]){NUM_AHEAD}"),
     Rule(ref_rule("PAST_REF"), need=("recent", "past", "lately"))),
    (nocase_rx(rf"(?<![\w-])(?<!as\s)(?:{refs(FUTURE_REF)})(?![\w-])(?!\s+(?:of|after|afterwards|thereafter)\b)"),
     Rule(ref_rule("FUTURE_REF"), need=("future", "soon", "term", "coming", "ahead", "next few"))),
    (nocase_rx(r"\b(?P<w>recent|current|ongoing)\b(?!-)"), Rule(r_adj_ref, need=("recent", "current", "ongoing"))),
    (nocase_rx(r"\b(?:the\s+same\s+(?:period|month|quarter|time)\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+previous\s+year)"
         r"|a\s+year\s+(?:earlier|before)|the\s+year[-\s](?:earlier|ago)\s+(?:period|quarter|month))\b"),
     Rule(r_same_period, deferred=True, need=("same", "a year", "year-", "year "))),
    (nocase_rx(r"\b(?:end|ended|ending|ends|finish|finished|finishing|close|closed|closing|for|on)\s+"
         r"(?P<x>the\s+same\s+day|that\s+(?:same\s+)?day|the\s+day)\b"
         r"(?!\s+(?:after|before|of|when|that|in|on|he|she|they|it|we|I|you|\w+ed)\b)"),
     Rule(r_same_day, deferred=True, need=("the day", "same day", "that day"))),
    (nocase_rx(r"\b(?P<x>the\s+same\s+day)\b"), Rule(r_same_day, deferred=True, need=("same day",))),
    (nocase_rx(rf"\b(?:the\s+)?(?P<ord>{ORDW}|\d+(?:st|nd|rd|th))\s+anniversary\b"),
     Rule(r_anniversary, need=("anniversar",))),
]


for _regex, _rule in PATTERNS:
    fast(_regex, _rule)
