"""Word lists as data, keyed by language: ``lexicons/<language>/<name>.toml``.

    from storyline.lexicons import lexicon
    SPEECH = lexicon("en", "attribution")["speech_verbs"]      # a frozenset of lemmas

``lexicon(language, name)`` loads one file once (cached), checks it against ``SHAPES`` — every
entry the code reads, with the shape it reads it in — and returns a read-only mapping of entry
name → value. A file with an entry missing, an entry not declared, or a value of the wrong shape
is refused with ``LexiconError`` naming the file and the entry. Adding a language is adding a
folder with the same files; nothing here changes.

Shapes, and how each is written in TOML:

    words            frozenset[str]     a string of words separated by spaces (lines allowed):
                                        ``negations = "not n't never"``; or a table with
                                        ``include`` (other ``words`` entries of the same file),
                                        ``words`` and ``exclude``
    phrases          tuple[str, ...]    an array of strings, order kept
    word_sequences   frozenset[tuple]   an array of strings, each split at spaces:
                                        ``["in addition", "for example"]``
    pair             tuple[str, str]    an array of two strings
    word_and_words   (str, frozenset)   an array of a string and a words string:
                                        ``["under", "come"]``
    labels           dict[str, str]     a table of strings
    numbers          dict[str, int]     a table of integers
    number_pairs     dict[str, (int, int)]  a table of arrays of two integers
    number_and_label dict[str, (int, str)]  a table of [integer, string]
    words_by_word    dict[str, frozenset]   a table of words strings: ``talk = "about of"``
    labels_by_pair   dict[(str, str), str]  a table whose keys are two words: ``"accept demand" = "CONCEDE"``
    labels_by_word   dict[str, dict[str, str]]  a table of tables of strings

Values are shared by every caller: read them, never change them.
"""
from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from storyline.errors import StorylineError

__all__ = ["lexicon", "languages", "parse", "LexiconError", "SHAPES"]


class LexiconError(StorylineError, ValueError):
    """A lexicon file that is missing, unreadable, or not in the declared shapes."""


_W = "words"
SHAPES: dict[str, dict[str, str]] = {
    "attribution": {
        "speech_verbs": _W, "quote_only_verbs": _W, "report_adverbs": _W, "clause_verbs": _W,
        "xcomp_verbs": _W, "object_verbs": _W, "prep_verbs": "words_by_word",
        "attitude_adjectives": _W, "stance_nouns": _W, "report_nouns": _W,
        "noun_prepositions": "words_by_word", "according": "pair", "light_verbs": _W,
        "jab_nouns": _W, "light_nouns": _W, "pronouns": _W, "person_pronouns": _W,
        "social_media": _W, "media": _W, "government": _W, "document": _W, "organization": _W,
        "unnamed": _W, "copulas": _W, "raising_verbs": _W, "passive_raising_verbs": _W,
        "passive_stance_verbs": _W, "attitude_passive_verbs": _W, "asked_verbs": _W,
        "addressee_verbs": _W, "addressees": _W, "as_only_verbs": _W, "answers": _W,
        "stance_prepositions": _W, "target_prepositions": _W, "adjective_prepositions": _W,
        "gist_nouns": _W, "not_speakers": _W, "in_source_nouns": _W, "by_source_nouns": _W,
        "linkers": _W, "discourse_words": _W, "coordinators": _W, "connectors": "word_sequences",
        "wh_fronted": _W, "wh_relatives": _W, "back_pointers": _W, "setting_nouns": _W,
        "output_nouns": _W, "publish_verbs": _W, "relay_verbs": _W, "modals": _W, "negations": _W,
        "platforms": _W, "relaying_heads": _W, "expletives": _W, "free_relatives": _W,
        "relative_pronouns": _W, "comma_relatives": _W, "thing_relatives": _W,
        "plural_pronouns": _W, "jab_prepositions": _W, "statement_objects": _W,
        "linker_phrases": "word_sequences", "receiving_verbs": _W, "received_nouns": _W,
        "under_verbs": "word_and_words", "under_nouns": _W, "reactor_prepositions": _W,
        "trailing_sources": "word_and_words", "judgement_verbs": _W, "make_clear": "word_and_words",
        "thought_verbs": _W, "perception_verbs": _W, "communication_verbs": _W, "speech_nouns": _W,
        "thought_nouns": _W, "speech_adjectives": _W, "voicing_verbs": _W,
        "irregular_forms": "labels", "link_line_prefixes": "phrases",
    },
    "events": {
        "verbs": "labels", "weak_verbs": _W, "weak_verb_objects": "words_by_word",
        "phrasal": "labels", "nouns": "labels", "weak_noun_modifiers": "words_by_word",
        "noun_banned_modifiers": "words_by_word", "must_reporting": _W,
        "noun_needs_modifier": "words_by_word", "weak_nouns": _W, "light_verbs": _W,
        "pure_light_verbs": _W, "verb_object_types": "labels_by_pair",
        "not_event_objects": "words_by_word", "peacekeeping": _W, "control": "labels",
        "subject_sector_types": "labels_by_pair", "future_aux": _W, "hypothetical_aux": _W,
        "negations": _W, "reporting": _W, "mode_cues": "labels_by_word", "effort_nouns": _W,
        "recipient_prepositions": _W, "pronoun_heads": _W, "military_strike_words": _W,
        "meeting_cues": _W, "adverb_particles": _W, "background_prepositions": _W,
        "to_prepositions": _W, "speech_act_nouns": _W, "locative_prepositions": _W,
    },
    "counts": {
        "number_words": "numbers", "scales": "numbers", "vague": "number_and_label",
        "qualifiers": "labels", "units": _W, "currency_signs": _W, "object_verbs": "labels",
        "subject_verbs": "labels", "bare_states": "labels", "noun_types": "labels",
        "protest_nouns": _W, "one_pronoun_before": _W,
    },
    "dates": {
        "months": "numbers", "month_abbreviations": "numbers", "weekdays": "numbers",
        "seasons": "labels", "parts_of_day": "labels", "ordinals": "numbers", "numbers": "numbers",
        "present_ref": "phrases", "past_ref": "phrases", "future_ref": "phrases",
        "future_markers": _W, "year_prepositions": _W, "future_verbs": _W, "tens": "numbers",
        "teens": "numbers", "ambiguous_months": _W, "month_prepositions": _W,
        "holiday_prefixes": _W, "holidays": "number_pairs", "season_prepositions": _W,
        "decade_words": "numbers", "possessives": _W, "count_nouns": _W, "not_ref_nouns": _W,
    },
    "places": {
        "division_words": _W, "city_words": _W, "locative_prepositions": _W,
        "non_place_words": _W, "organisation_words": _W, "feature_words": "phrases",
    },
    "entities": {"pronouns": _W},
}


def languages() -> list[str]:
    """The languages with a lexicon folder."""
    root = resources.files(__name__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


@cache
def lexicon(language: str, name: str) -> Mapping[str, Any]:
    """The entries of ``lexicons/<language>/<name>.toml`` in the shapes of ``SHAPES[name]``."""
    if name not in SHAPES:
        raise LexiconError(f"no lexicon named {name!r}: choose one of {', '.join(SHAPES)}")
    where = f"lexicons/{language}/{name}.toml"
    path = resources.files(__name__).joinpath(language, f"{name}.toml")
    if not path.is_file():
        have = ", ".join(languages()) or "none"
        raise LexiconError(f"{where} not found (languages with lexicons: {have})")
    return parse(name, path.read_text(encoding="utf-8"), where)


def parse(name: str, text: str, where: str) -> Mapping[str, Any]:
    """The entries of one lexicon file's ``text`` (named ``where`` in messages), checked and
    converted to the shapes of ``SHAPES[name]``."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise LexiconError(f"{where}: not valid TOML: {e}") from e
    shapes = SHAPES[name]
    unknown = sorted(set(raw) - set(shapes))
    missing = [k for k in shapes if k not in raw]
    if unknown or missing:
        raise LexiconError(f"{where}: " + "; ".join(
            ([f"entries not declared in storyline.lexicons.SHAPES: {', '.join(unknown)}"] if unknown else [])
            + ([f"entries missing: {', '.join(missing)}"] if missing else [])))
    out: dict[str, Any] = {}
    resolving: list[str] = []

    def value(key: str) -> Any:
        if key not in out:
            if key in resolving:
                raise LexiconError(f"{where}: {key}: includes itself ({' → '.join(resolving + [key])})")
            resolving.append(key)
            out[key] = _convert(where, key, shapes[key], raw[key], value, shapes)
            resolving.pop()
        return out[key]

    for key in shapes:
        value(key)
    return MappingProxyType({k: out[k] for k in shapes})


def _fail(where: str, key: str, shape: str, what: str) -> LexiconError:
    return LexiconError(f"{where}: {key} should be {shape} ({_HOW[shape]}): {what}")


_HOW = {
    "words": "a string of words separated by spaces, or a table with include/words/exclude",
    "phrases": "an array of strings",
    "word_sequences": "an array of strings of words",
    "pair": "an array of two strings",
    "word_and_words": "an array of a word and a string of words",
    "labels": "a table of strings",
    "numbers": "a table of integers",
    "number_pairs": "a table of [integer, integer]",
    "number_and_label": "a table of [integer, string]",
    "words_by_word": "a table of strings of words",
    "labels_by_pair": "a table of strings whose keys are two words",
    "labels_by_word": "a table of tables of strings",
}


def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _convert(where: str, key: str, shape: str, v: Any, value, shapes: dict[str, str]) -> Any:
    bad = lambda what: _fail(where, key, shape, what)  # noqa: E731
    if shape == "words":
        if isinstance(v, str):
            return frozenset(v.split())
        if not isinstance(v, dict) or not set(v) <= {"include", "words", "exclude"}:
            raise bad(f"got {type(v).__name__}" + (f" with keys {sorted(v)}" if isinstance(v, dict) else ""))
        inc = v.get("include", [])
        if not _is_str_list(inc) or not all(isinstance(v.get(k, ""), str) for k in ("words", "exclude")):
            raise bad("include is an array of entry names, words and exclude are strings")
        words: frozenset[str] = frozenset()
        for other in inc:
            if shapes.get(other) != "words":
                raise bad(f"include names {other!r}, which is not a words entry of this file")
            words |= value(other)
        return (words | frozenset(v.get("words", "").split())) - frozenset(v.get("exclude", "").split())
    if shape == "phrases":
        if not _is_str_list(v):
            raise bad(f"got {v!r:.60}")
        return tuple(v)
    if shape == "word_sequences":
        if not _is_str_list(v) or not all(x.split() for x in v):
            raise bad(f"got {v!r:.60}")
        return frozenset(tuple(x.split()) for x in v)
    if shape == "pair":
        if not _is_str_list(v) or len(v) != 2:
            raise bad(f"got {v!r:.60}")
        return (v[0], v[1])
    if shape == "word_and_words":
        if not _is_str_list(v) or len(v) != 2:
            raise bad(f"got {v!r:.60}")
        return (v[0], frozenset(v[1].split()))
    if not isinstance(v, dict):
        raise bad(f"got {type(v).__name__}")
    if shape == "labels":
        if not all(isinstance(x, str) for x in v.values()):
            raise bad("a value is not a string")
        return dict(v)
    if shape == "numbers":
        if not all(_is_int(x) for x in v.values()):
            raise bad("a value is not an integer")
        return dict(v)
    if shape == "number_pairs":
        if not all(isinstance(x, list) and len(x) == 2 and all(_is_int(y) for y in x) for x in v.values()):
            raise bad("a value is not [integer, integer]")
        return {k: (x[0], x[1]) for k, x in v.items()}
    if shape == "number_and_label":
        if not all(isinstance(x, list) and len(x) == 2 and _is_int(x[0]) and isinstance(x[1], str)
                   for x in v.values()):
            raise bad("a value is not [integer, string]")
        return {k: (x[0], x[1]) for k, x in v.items()}
    if shape == "words_by_word":
        if not all(isinstance(x, str) for x in v.values()):
            raise bad("a value is not a string of words")
        return {k: frozenset(x.split()) for k, x in v.items()}
    if shape == "labels_by_pair":
        if not all(len(k.split()) == 2 for k in v) or not all(isinstance(x, str) for x in v.values()):
            raise bad("a key is not two words or a value not a string")
        return {tuple(k.split()): x for k, x in v.items()}
    if shape == "labels_by_word":
        if not all(isinstance(t, dict) and all(isinstance(x, str) for x in t.values()) for t in v.values()):
            raise bad("a value is not a table of strings")
        return {k: dict(t) for k, t in v.items()}
    raise LexiconError(f"storyline.lexicons.SHAPES: unknown shape {shape!r} for {key} ({where})")
