"""An article's text as HTML with every fact's characters marked (classes per fact kind)."""
from __future__ import annotations

from html import escape
from typing import Any


def layers(rec: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, tooltip) for every fact span of a contract record."""
    out: list[tuple[int, int, str, str]] = []
    for e in rec.get("entities", []):
        for a, b in e["mentions"]:
            out.append((a, b, "ent", f"{e['name']} ({e['type']})"))
    for p in rec.get("places", []):
        out.append((*p["span"], "place", f"{p['name']} geonames:{p.get('geonameid')}"))
    for d in rec.get("dates", []):
        out.append((*d["span"], "date", d.get("value") or "unresolved"))
    for i, x in enumerate(rec.get("attributions", [])):
        for a, b in x["content"]:
            out.append((a, b, "content", f"statement #{i} ({x['kind']}, {x.get('act', 'speech')})"))
        if x.get("cue"):
            out.append((*x["cue"], "cue", f"cue of #{i}"))
        if x.get("source"):
            out.append((*x["source"], "source", f"source of #{i} ({x['source_type']})"))
    for c in rec.get("counts", []):
        out.append((*c["span"], "count", f"{c['qualifier']} {c['value']} {c.get('type') or ''}".strip()))
    for ev in rec.get("events", []):
        out.append((*ev["trigger"], "trigger", f"{ev['type']}{'/' + ev['mode'] if ev.get('mode') else ''}"))
    return out


def highlight_html(rec: dict[str, Any]) -> str:
    text = rec["text"]
    spans = layers(rec)
    cuts = sorted({0, len(text), *(a for a, _, _, _ in spans), *(b for _, b, _, _ in spans)})
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b]).replace("\n", "<br>\n")
        over = [(cls, tip) for s, e, cls, tip in spans if s <= a and b <= e]
        if over:
            classes = " ".join(sorted({cls for cls, _ in over}))
            tips = escape("; ".join(dict.fromkeys(tip for _, tip in over)), quote=True)
            parts.append(f'<span class="{classes}" title="{tips}">{piece}</span>')
        else:
            parts.append(piece)
    return "".join(parts)
