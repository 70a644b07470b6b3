"""Human-readable views for the terminal: an article with its facts highlighted, a story."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

STYLES = {
    "entity": "cyan", "content": "green", "cue": "bold yellow", "source": "bold magenta",
    "date": "yellow", "count": "bold red", "place": "underline blue", "trigger": "reverse",
}
LEGEND = "  ".join(f"[{style}]{name}[/]" for name, style in STYLES.items())


def highlighted(rec: dict[str, Any]) -> Text:
    """The article text with every fact's characters styled (later layers win)."""
    text = Text(rec["text"])
    for e in rec.get("entities", []):
        for a, b in e["mentions"]:
            text.stylize(STYLES["entity"], a, b)
    for p in rec.get("places", []):
        text.stylize(STYLES["place"], *p["span"])
    for d in rec.get("dates", []):
        text.stylize(STYLES["date"], *d["span"])
    for x in rec.get("attributions", []):
        for a, b in x["content"]:
            text.stylize(STYLES["content"], a, b)
        if x.get("cue"):
            text.stylize(STYLES["cue"], *x["cue"])
        if x.get("source"):
            text.stylize(STYLES["source"], *x["source"])
    for c in rec.get("counts", []):
        text.stylize(STYLES["count"], *c["span"])
    for ev in rec.get("events", []):
        text.stylize(STYLES["trigger"], *ev["trigger"])
    return text


def _at(rec: dict[str, Any], span) -> str:
    return rec["text"][span[0]:span[1]] if span else ""


def print_article(console: Console, rec: dict[str, Any]) -> None:
    console.rule(f"[bold]{rec.get('title') or '(untitled)'}")
    meta = [f"id {rec['id']}"] + [f"{k} {rec[k]}" for k in ("story", "published", "source", "url") if rec.get(k)]
    if rec.get("duplicate_of"):
        meta.append(f"duplicate of {rec['duplicate_of']}")
    console.print(" · ".join(meta), highlight=False)
    console.print(LEGEND)
    console.print(highlighted(rec))
    names = {e["id"]: e["name"] for e in rec.get("entities", [])}

    if rec.get("attributions"):
        t = Table("who", "cue", "kind", "act", "what", title="Who said what")
        for x in rec["attributions"]:
            who = names.get(x.get("source_entity")) or _at(rec, x.get("source")) or "(unnamed)"
            if x.get("source") and names.get(x.get("source_entity")) and _at(rec, x["source"]) != who:
                who = f"{who} ({_at(rec, x['source'])})"
            via = f" via #{x['nested_in']}" if x.get("nested_in") is not None else ""
            t.add_row(f"{who} [{x['source_type']}]{via}", _at(rec, x.get("cue")), x["kind"], x.get("act", ""),
                      " … ".join(_at(rec, s) for s in x["content"]))
        console.print(t)
    if rec.get("events"):
        t = Table("type", "mode", "actor", "recipient", "trigger", "when", "where", "flags", title="Events")
        for ev in rec["events"]:
            date = rec["dates"][ev["date"]] if ev.get("date") is not None else None
            place = rec["places"][ev["place"]] if ev.get("place") is not None else None
            t.add_row(ev["type"], ev.get("mode") or "",
                      "; ".join(names.get(a.get("entity")) or a["text"] for a in ev["actor"]),
                      "; ".join(names.get(a.get("entity")) or a["text"] for a in ev["recipient"]),
                      _at(rec, ev["trigger"]), (date or {}).get("value") or (date or {}).get("text") or "",
                      (place or {}).get("name") or "",
                      ",".join(k for k in ("negated", "hypothetical", "future") if ev.get(k)))
        console.print(t)
    if rec.get("counts"):
        t = Table("value", "qualifier", "of", "type", "text", title="Counts")
        for c in rec["counts"]:
            t.add_row(str(c["value"]), c["qualifier"], c["object"], c.get("type") or "", _at(rec, c["span"]))
        console.print(t)
    if rec.get("dates"):
        t = Table("text", "value", "relative", title="Dates")
        for d in rec["dates"]:
            t.add_row(d["text"], d.get("value") or "(unresolved)", "yes" if d["relative"] else "no")
        console.print(t)
    if rec.get("places"):
        t = Table("name", "geonameid", "country", "lat", "lon", title="Places")
        for p in rec["places"]:
            t.add_row(p["name"], str(p.get("geonameid") or ""), p.get("country") or "",
                      f"{p['lat']:.3f}" if p.get("lat") is not None else "",
                      f"{p['lon']:.3f}" if p.get("lon") is not None else "")
        console.print(t)
    if rec.get("entities"):
        t = Table("id", "name", "type", "mentions", title="Entities")
        for e in rec["entities"]:
            forms = sorted({_at(rec, m) for m in e["mentions"]})
            t.add_row(e["id"], e["name"], e["type"], f"{len(e['mentions'])}: " + ", ".join(forms))
        console.print(t)


def print_story(console: Console, story_id: str, articles: list[dict[str, Any]]) -> None:
    """The merged account (rendered by the story layer) followed by each version's facts."""
    from storyline.records import Extraction
    from storyline.stories.merge import merge_story, render_story

    merged = merge_story(story_id, [Extraction.from_contract(a) for a in articles])
    console.print(render_story(merged), highlight=False, markup=False)
    for rec in articles:
        print_article(console, rec)
