"""PLOVER events from the dependency parse: who did what to whom, with mode and flags.

One pass over the tokens of each sentence finds triggers from the language's event lexicon
(``storyline/lexicons/en/events.toml``: verbs, verb + particle, event nouns under light verbs),
then reads the structure around each trigger:

- control verbs decide the type of the pair as PLOVER codes it: "threatened to cut off
  electricity" is THREATEN, "refused to deploy" REJECT, "agreed to a ceasefire" AGREE, "urged X
  to" REQUEST; an intention ("will provide aid", "is ready to contribute troops") is AGREE for
  cooperation and THREATEN for force; "X said Y must ..." is a REQUEST of X to Y;
- proposals keep their own type and are flagged ``hypothetical`` ("advocates the deployment of
  allied troops" is a MOBILIZE that has not happened); negation and modal verbs set ``negated``,
  ``future`` and ``hypothetical``;
- actors are the subject (or the passive agent), recipients the object or the target of
  "on/against/to"; meetings code both sides as actors (PLOVER). Each actor carries the entity it
  resolves to, its ISO alpha-3 country (names, demonyms, capitals, metonyms, the entity's other
  mentions, an overlapping place) and its sector.

To keep the output readable (and the evaluation honest) a sentence keeps at most two distinct
event types: the best trigger's (strongest cue, closest to the root of the parse), and a second
one only from another strong trigger; weak cues ("provided details", "the war") alone make no event.

Reads a parsed spaCy ``Doc``, its resolved entities, places and dates; returns
``storyline.records.Event`` records (type, mode, trigger, actors, recipients, flags, place, date).

    words.py      the lexicon entries in use, bound once
    syntax.py     what is read off the parse (clause verbs, subjects, objects, negation)
    triggers.py   trigger words checked in their company → candidates
    roles.py      actors and recipients of a candidate
    modality.py   mode cues, control verbs, modal and negated verbs
    sentences.py  one sentence's candidates resolved, ranked and selected
    actors.py     actor records: entities, antecedents, countries, sectors; place and date
    extract.py    extract_events over the sentences of a Doc
"""
from storyline.extract.events.extract import extract_events
from storyline.extract.parsed import UnparsedDoc

__all__ = ["extract_events", "UnparsedDoc"]
