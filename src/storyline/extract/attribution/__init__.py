"""Attributions: who said, thought or claimed what, on whose authority.

Reads a parsed spaCy ``Doc`` (tagger, parser, lemmatizer) and the article's resolved entities;
returns ``storyline.records.Attribution`` records (kind, content spans, cue, source, the source's
entity and type, nesting, act). The words it looks for are the language's attribution lexicon
(``storyline/lexicons/en/attribution.toml``).

    quotes.py        quotation marks → quote groups
    context.py       the per-document context and the candidate record the frames fill
    spans.py         cue, content and source spans read off the parse
    verb_frames.py   a reporting verb with its complement ("said that …", "vowed to …")
    noun_frames.py   light verbs, report and stance nouns, attitude adjectives, reactions
    source_frames.py "according to X", "In his view, …", "… in the latest poll"
    headlines.py     "Speaker: …" lines and headline forms
    direct.py        direct quotes tied to their speakers
    acts.py          the act of an attribution: speech, thought, perception or other
    records.py       candidates finished and turned into records
    extract.py       extract_attributions: all of the above in order
"""
from storyline.extract.attribution.acts import act_of_cue
from storyline.extract.attribution.extract import extract_attributions
from storyline.extract.attribution.quotes import find_quotes, is_statement

__all__ = ["extract_attributions", "act_of_cue", "find_quotes", "is_statement"]
