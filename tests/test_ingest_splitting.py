"""Plain-text files split into articles at headline lines, separators and form feeds."""
from __future__ import annotations

import pytest

from storyline.ingest import read_paths
from storyline.ingest.text import is_headline_shaped, normalize_whitespace, split_articles
from storyline.records import Article

BODY1 = "The council voted on Tuesday to close the bridge. Engineers found cracks in two piers."
BODY2 = "Traffic will be diverted through the old town, the mayor said."


@pytest.mark.parametrize("line, expected", [
    ("Bridge Closed After Cracks Found", True),
    ("Council closes the old bridge", True),
    ("The council voted on Tuesday to close the bridge.", False),  # final punctuation
    ("\"We will rebuild it,\" the mayor said", True),  # no final punctuation: headline-shaped
    ("He asked: why now?", False),
    ("-----", False),
    ("By Jane Doe", False),  # a byline is not a headline
    ("2024", False),  # no letters
    (" ".join(["word"] * 30), False),  # too long
])
def test_headline_shape(line, expected):
    assert is_headline_shaped(line) is expected


def test_headline_between_paragraphs_starts_a_new_titled_article():
    text = f"{BODY1}\nBridge Closed After Cracks Found\n{BODY2}"
    arts = split_articles(text)
    assert [a.title for a in arts] == [None, "Bridge Closed After Cracks Found"]
    assert arts[0].text == BODY1 and arts[1].text == BODY2


def test_headline_at_top_becomes_first_title():
    arts = split_articles(f"Bridge Closed\n\n{BODY1}\n\n{BODY2}")
    assert len(arts) == 1
    assert arts[0].title == "Bridge Closed"
    assert arts[0].text == f"{BODY1}\n\n{BODY2}"


def test_file_with_no_headline_is_one_untitled_article():
    arts = split_articles(f"{BODY1}\n{BODY2}\n")
    assert arts == [type(arts[0])(title=None, text=f"{BODY1}\n{BODY2}")]


def test_file_that_is_all_headlines_is_one_untitled_article():
    # no line stands between paragraphs, so none is a headline: nothing is lost
    arts = split_articles("Bridge Closed\nMayor Speaks Out\nTraffic Diverted")
    assert len(arts) == 1 and arts[0].title is None
    assert arts[0].text == "Bridge Closed\nMayor Speaks Out\nTraffic Diverted"


@pytest.mark.parametrize("sep", ["---", "=====", "***", "###", "* * *", "- - - -"])
def test_separator_lines_split_without_title(sep):
    arts = split_articles(f"{BODY1}\n{sep}\n{BODY2}")
    assert [(a.title, a.text) for a in arts] == [(None, BODY1), (None, BODY2)]


def test_form_feed_splits():
    arts = split_articles(f"{BODY1}\f{BODY2}")
    assert [a.text for a in arts] == [BODY1, BODY2]


def test_headline_followed_by_separator_is_not_a_title():
    arts = split_articles(f"{BODY1}\nLonely Line\n---\n{BODY2}")
    assert arts[0].text == f"{BODY1}\nLonely Line"


def test_whitespace_is_normalised():
    assert normalize_whitespace("a  \t b\r\nc\r\rd\u00a0e\n\n\n\nf  ") == "a b\nc\n\nd e\n\nf"


def test_windows_line_endings(tmp_path):
    p = tmp_path / "win.txt"
    p.write_bytes(f"{BODY1}\r\nBridge Closed After Cracks Found\r\n{BODY2}\r\n".encode())
    arts = [a for a in read_paths([p])]
    assert [a.title for a in arts] == [None, "Bridge Closed After Cracks Found"]
    assert all("\r" not in a.text for a in arts)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig", "latin-1", "cp1252"])
def test_encodings_are_detected(tmp_path, encoding):
    text = "Café owners in Zürich said prices rose. Señora García agreed.\nMore Headlines Here\n" \
           "The mayor said the café would stay open."
    p = tmp_path / f"{encoding}.txt"
    p.write_bytes(text.encode(encoding))
    arts = list(read_paths([p]))
    assert all(isinstance(a, Article) for a in arts), arts
    assert arts[0].text.startswith("Café owners in Zürich")
    assert arts[1].title == "More Headlines Here"


def test_ids_count_from_one_with_file_name(tmp_path):
    p = tmp_path / "seed.txt"
    p.write_text(f"{BODY1}\n---\n{BODY2}", encoding="utf-8")
    assert [a.id for a in read_paths([p])] == ["seed.txt#1", "seed.txt#2"]


def test_shared_sample_splits_at_its_headline(shared_sample):
    arts = list(read_paths([shared_sample]))
    assert len(arts) == 2
    assert arts[0].title is None
    assert arts[1].title == ("Zelensky Discusses with Macron the Possible Deployment of Foreign "
                             "Soldiers in Ukraine")
    assert arts[1].text.startswith("Ukrainian President Volodymyr Zelensky")
    assert "Zelensky Discusses" not in arts[1].text
