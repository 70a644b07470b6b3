"""How a pattern is found: a core match widened by optional words just before it (``Hit``), and
the ``Rule`` that scans for it quickly and normalises what it finds.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from storyline.extract.time.context import Context, Result


class Hit:
    """A core match plus the optional words found just before it ("early", "on", "the")."""

    __slots__ = ("m", "b", "start0")

    def __init__(self, m: re.Match, b: re.Match | None):
        self.m = m
        self.b = b
        self.start0 = b.start() if b is not None and b.end() > b.start() else m.start()

    def _of(self, name):
        if name in self.m.re.groupindex:
            return self.m
        if self.b is not None and name in self.b.re.groupindex:
            return self.b
        return None

    def group(self, name=0):
        if name == 0:
            return self.m.string[self.start0:self.m.end()]
        src = self._of(name)
        return src.group(name) if src is not None else None

    def groupdict(self) -> dict:
        d = dict(self.b.groupdict()) if self.b is not None else {}
        d.update({k: v for k, v in self.m.groupdict().items() if v is not None or k not in d})
        return d

    def start(self, name=0):
        return self.start0 if name == 0 else self._of(name).start(name)

    def end(self, name=0):
        return self.m.end() if name == 0 else self._of(name).end(name)


class Rule:
    """How one pattern is found and normalised.

    ``back``: optional words just before a core match (compiled, anchored at the end) that
    widen it; looking back only at matches keeps the scan fast. ``need``: lowercase keywords
    of which one must occur in the text for the pattern to be worth scanning.
    """

    def __init__(self, fn: Callable[..., Result | None], deferred: bool = False,
                 back: re.Pattern | None = None, need: tuple[str, ...] = ()):
        self.fn = fn
        self.deferred = deferred
        self.back = back
        self.need = need
        # set by fast(): a scan regex without a leading boundary (so that re can skip ahead
        # on its first characters), the boundary checked here instead, and lowercase scanning
        self.scan: re.Pattern | None = None
        self.bound: str | None = None
        self.on_lower = False

    def normalise(self, m, ctx: Context, s: int, e: int) -> Result | None:
        return self.fn(m, ctx, s, e)

    def hits(self, regex: re.Pattern, text: str, lower: str):
        if self.need and not any(k in lower for k in self.need):
            return
        back = self.back
        if self.scan is not None and (not self.on_lower or len(lower) == len(text)):
            src, rx, bound = (lower if self.on_lower else text), self.scan, self.bound
        else:  # lowercasing changed the length (rare scripts): the plain pattern on the text
            src, rx, bound = text, regex, None
        for m in rx.finditer(src):
            st = m.start()
            if bound is not None and st > 0:
                c = src[st - 1]
                if c.isalnum() or c == "_" or c in bound:
                    continue
            b = back.search(text, max(0, st - 48), st) if back is not None else None
            yield Hit(m, b) if back is not None else m


LEADS = ((r"\b", ""), (r"(?<![\w-])", "-"), (r"(?<![\w$£€#.,/])", "$£€#.,/"))
UPPER_LITERAL = re.compile(r"\\.|\(\?P<\w+>|\(\?[a-zA-Z]+:|([A-Z])")


def fast(regex: re.Pattern, rule: Rule) -> None:
    """Python's re skips quickly to a pattern's possible first characters, unless the pattern
    opens with an assertion (\\b, a lookbehind) or ignores case: such patterns are rescanned
    without the leading assertion (checked in Rule.hits) and, when case-insensitive with only
    lowercase literals, on the lowercased text."""
    p = regex.pattern
    flags = regex.flags & re.IGNORECASE
    lower = bool(flags) and not any(m.group(1) for m in UPPER_LITERAL.finditer(p))
    digits = p.startswith("(?<![\\w") and "(?P<year>" in p[:40]
    if not (lower or digits):
        return  # measured: month and weekday alternations scan faster with their \\b
    for lead, extra in LEADS:
        if p.startswith(lead) and not p[len(lead):].startswith("(?<"):
            p, rule.bound = p[len(lead):], extra
            break
    if lower:
        flags, rule.on_lower = 0, True
    rule.scan = re.compile(p, flags)
