"""Regular-expression building blocks shared by the date patterns: month and weekday names, day
and year numbers, number words, relative words, and the optional words looked for before a match.
"""
from __future__ import annotations

import re

from storyline.extract.time.words import ORD, TEENS, TENS


# ---------------------------------------------------------------- building blocks
MF = "January|February|March|April|May|June|July|August|September|October|November|December"
MA = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
MA_NODOT = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
MON_DAY = rf"(?P<mon>{MF}|{MA}|{MA_NODOT}(?=\s+\d))"
DAYN = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR_BARE = r"(?P<year>1[5-9]\d\d|20\d\d)"
Y4 = r"(?<![\w$£€#.,/-])" + YEAR_BARE + r"(?![\w%]|[.,]\d)"
MON_ANY = rf"(?P<mon>{MF}|{MA}|{MA_NODOT})"
WD = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
ORDW = "|".join(sorted((re.escape(k) for k in ORD if k not in ("final", "last")), key=len, reverse=True))
UNITW = "one|two|three|four|five|six|seven|eight|nine"
NUMW = (rf"(?:{'|'.join(TENS)})(?:[-\s](?:{UNITW}))?|{'|'.join(TEENS)}|a|an|{UNITW}|ten|eleven|twelve|"
        r"\d+|several|a\s+few|a\s+couple\s+of")
RELY = r"(?P<rel>this|last|next|the\s+current|the\s+previous|the\s+same|the\s+following|the\s+coming|the\s+past)"
MODW = r"early|earlier|late|later|mid|the\s+(?:start|beginning|end|middle|close|turn|rest|remainder)\s+of"
B_MOD_OPT = rf"(?:(?<![\w-])(?P<mod>{MODW})(?:\s+in)?(?:\s+|-))?"
B_MOD = re.compile(rf"(?<![\w-])(?P<mod>{MODW})(?:\s+in)?(?:\s+|-)\Z", re.IGNORECASE)
B_MONTH = re.compile(rf"{B_MOD_OPT}(?:(?<![\w-])(?P<rel>last|next|this|past|coming)\s+)?\Z", re.IGNORECASE)
B_WEEKDAY = re.compile(r"(?<![\w-])(?P<pre>on|last|next|this|past|coming|late|early)\s+\Z", re.IGNORECASE)
B_EARLIER = re.compile(r"(?<![\w-])(?:earlier|later|early|late)\s+\Z", re.IGNORECASE)
B_REL_UNIT = re.compile(rf"{B_MOD_OPT}(?:(?<![\w-])(?:earlier|later)\s+)?\Z", re.IGNORECASE)
B_THE = re.compile(r"(?<![\w-])the\s+\Z", re.IGNORECASE)
B_SEASON = re.compile(rf"{B_MOD_OPT}(?:(?<![\w-])(?:(?P<rel>this|last|next|the\s+coming|the\s+past|the\s+previous)"
                      r"|(?P<the>the))\s+)?\Z", re.IGNORECASE)
B_DECADE = re.compile(rf"(?:(?<![\w-])(?P<the>the)\s+)?{B_MOD_OPT}\Z", re.IGNORECASE)


def case_rx(p: str) -> re.Pattern:
    return re.compile(p)


def nocase_rx(p: str) -> re.Pattern:
    return re.compile(p, re.IGNORECASE)
