"""Word lists as data: every lexicon file loads, every entry has its declared shape and is read
by the code, and a malformed file is refused with a message naming the file and the entry."""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from storyline.lexicons import SHAPES, LexiconError, languages, lexicon, parse

SRC = Path(__file__).resolve().parents[1] / "src" / "storyline"
READERS = [SRC / "extract", SRC / "annotate"]  # where the code asks for lexicon entries

IS_WORDS = lambda v: isinstance(v, frozenset) and all(isinstance(w, str) and w and not w.isspace() for w in v)  # noqa: E731
IS_STR = lambda v: isinstance(v, str)  # noqa: E731
IS_INT = lambda v: isinstance(v, int) and not isinstance(v, bool)  # noqa: E731
CHECKS = {
    "words": IS_WORDS,
    "phrases": lambda v: isinstance(v, tuple) and v and all(IS_STR(x) for x in v),
    "word_sequences": lambda v: isinstance(v, frozenset) and all(isinstance(t, tuple) and t and all(IS_STR(x) for x in t) for t in v),
    "pair": lambda v: isinstance(v, tuple) and len(v) == 2 and all(IS_STR(x) for x in v),
    "word_and_words": lambda v: isinstance(v, tuple) and len(v) == 2 and IS_STR(v[0]) and IS_WORDS(v[1]),
    "labels": lambda v: isinstance(v, dict) and all(IS_STR(k) and IS_STR(x) for k, x in v.items()),
    "numbers": lambda v: isinstance(v, dict) and all(IS_STR(k) and IS_INT(x) for k, x in v.items()),
    "number_pairs": lambda v: isinstance(v, dict) and all(isinstance(x, tuple) and len(x) == 2 and all(IS_INT(y) for y in x) for x in v.values()),
    "number_and_label": lambda v: isinstance(v, dict) and all(isinstance(x, tuple) and IS_INT(x[0]) and IS_STR(x[1]) for x in v.values()),
    "words_by_word": lambda v: isinstance(v, dict) and all(IS_STR(k) and IS_WORDS(x) for k, x in v.items()),
    "labels_by_pair": lambda v: isinstance(v, dict) and all(isinstance(k, tuple) and len(k) == 2 and IS_STR(x) for k, x in v.items()),
    "labels_by_word": lambda v: isinstance(v, dict) and all(isinstance(t, dict) and all(IS_STR(x) for x in t.values()) for t in v.values()),
}
FILES = [(lang, name) for lang in languages() for name in SHAPES]


def test_english_is_there():
    assert "en" in languages()


def test_every_shape_is_checked():
    assert {s for shapes in SHAPES.values() for s in shapes.values()} <= set(CHECKS)


@pytest.mark.parametrize("lang, name", FILES)
def test_lexicon_loads_with_declared_shapes(lang, name):
    lex = lexicon(lang, name)
    assert list(lex) == list(SHAPES[name])
    wrong = [k for k, shape in SHAPES[name].items() if not CHECKS[shape](lex[k])]
    assert not wrong, f"lexicons/{lang}/{name}.toml: not in their declared shapes: {wrong}"


@pytest.mark.parametrize("lang", languages())
def test_no_undeclared_lexicon_files(lang):
    folder = resources.files("storyline.lexicons").joinpath(lang)
    names = {p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")}
    assert names == set(SHAPES), f"lexicons/{lang}: files {sorted(names ^ set(SHAPES))} differ from SHAPES"


def _code() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for root in READERS for p in sorted(root.rglob("*.py")))


@pytest.mark.parametrize("name", list(SHAPES))
def test_every_entry_is_read_by_the_code(name):
    """Each entry is asked for by name (``L["speech_verbs"]``) in extract/ or annotate/."""
    code = _code()
    unused = [k for k in SHAPES[name] if not re.search(r"""\[\s*["']%s["']\s*\]""" % re.escape(k), code)]
    assert not unused, f"{name}: entries no code reads (delete them or read them): {unused}"


def test_lexicon_is_loaded_once():
    assert lexicon("en", "attribution") is lexicon("en", "attribution")


def test_values_are_read_only():
    with pytest.raises(TypeError):
        lexicon("en", "counts")["units"] = frozenset()  # type: ignore[index]



@pytest.mark.parametrize("text, message", [
    ('pronouns = ["he", "she"]\n', "pronouns should be words"),
    ('pronouns = "he"\nvowels = "a e"\n', "not declared in storyline.lexicons.SHAPES: vowels"),
    ("", "entries missing: pronouns"),
    ("pronouns = \n", "not valid TOML"),
    ('pronouns.include = ["pronouns"]\n', "includes itself"),
])
def test_malformed_file_refused(text, message):
    with pytest.raises(LexiconError, match=re.escape(message)) as e:
        parse("entities", text, "lexicons/xx/entities.toml")
    assert "lexicons/xx/entities.toml" in str(e.value)


def test_words_table_includes_and_excludes():
    text = ('pronouns.words = "he she it"\npronouns.exclude = "it"\n')
    assert parse("entities", text, "t")["pronouns"] == frozenset({"he", "she"})


def test_unknown_language_named():
    with pytest.raises(LexiconError, match=r"lexicons/xx/events\.toml not found \(languages with lexicons: .*en"):
        lexicon("xx", "events")


@pytest.mark.parametrize("text, shape_error", [
    ('"accept demand" = 3', "labels_by_pair"),
    ('accept = "CONCEDE"', "labels_by_pair"),
])
def test_pair_keys_checked(text, shape_error):
    full = "\n".join(f"{k} = {_sample(s)}" for k, s in SHAPES["events"].items() if k != "verb_object_types")
    with pytest.raises(LexiconError, match="verb_object_types should be " + shape_error):
        parse("events", full + f"\n[verb_object_types]\n{text}\n", "t")


def _sample(shape: str) -> str:
    return {"words": '"a b"', "labels": "{ a = \"B\" }", "words_by_word": "{ a = \"b c\" }",
            "labels_by_pair": "{ \"a b\" = \"C\" }", "labels_by_word": "{ A = { b = \"c\" } }"}[shape]
