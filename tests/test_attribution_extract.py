"""Attribution rules on sentences written for these tests (not taken from any corpus)."""
from __future__ import annotations

import pytest

from storyline.annotate.entities import resolve_entities
from storyline.extract.attribution import find_quotes, is_statement
from storyline.extract.attribution import extract_attributions


def _run(nlp, text):
    doc = nlp(text)
    return text, extract_attributions(doc, resolve_entities(doc))


def _view(text, a):
    return {
        "kind": a.kind,
        "source": text[a.source[0]:a.source[1]] if a.source else None,
        "cue": text[a.cue[0]:a.cue[1]] if a.cue else None,
        "content": " | ".join(text[x:y] for x, y in a.content),
        "type": a.source_type,
    }


def _assert_cue(nlp, text, cue, source, content):
    """The first attribution with this cue has this source and content (views shown on failure)."""
    text, got = _run(nlp, text)
    views = [_view(text, a) for a in got]
    match = [v for v in views if v["cue"] == cue]
    assert match, views
    assert (match[0]["source"], match[0]["content"]) == (source, content), views


def _assert_none(nlp, text):
    text, got = _run(nlp, text)
    assert got == [], [_view(text, a) for a in got]


@pytest.mark.parametrize("text, kind, source, cue, content", [
    # direct quotes: straight and curly marks, after and before the speaker, split quotes
    ('"The budget is a disgrace," said Maria Lopez.', "direct", "Maria Lopez", "said",
     '"The budget is a disgrace,"'),
    ("“We will not back down,” the mayor told reporters on Friday.", "direct", "the mayor", "told",
     "“We will not back down,”"),
    ('The senator said: "Nobody reads these reports anymore."', "direct", "The senator", "said",
     '"Nobody reads these reports anymore."'),
    ("“It was a long night,” she said, “but we are safe now.”", "direct", "she", "said",
     "“It was a long night,” | “but we are safe now.”"),
    # a short quoted sentence after an attributed quote goes on with it; a lone word does not
    ('"It was a very long night," she said. "Big time."', "direct", "she", "said",
     '"It was a very long night," | "Big time."'),
    ('"We lost the vote," he said. "Fine."', "direct", "he", "said", '"We lost the vote,"'),
    # a fragment quoted inside a later sentence of the writer's does not go on with it; after
    # "but" it does
    ('"This convention will be open to all," she said. The party would "make sure anyone with a '
     'connection" can watch.', "direct", "she", "said", '"This convention will be open to all,"'),
    ('"I love Larry," he said, but "when it comes to energy, Larry has a history."', "direct", "he", "said",
     '"I love Larry," | "when it comes to energy, Larry has a history."'),
    # the speaker in the next sentence
    ('"We will rebuild the bridge by spring." The mayor said that on Friday.', "direct", "The mayor",
     "said", '"We will rebuild the bridge by spring."'),
    ("“We will rebuild the bridge by spring.” Mayor Ann Lee said.", "direct", "Mayor Ann Lee", "said",
     "“We will rebuild the bridge by spring.”"),
    # indirect speech, with that and without
    ("The minister explained that the new taxes would fall on large companies.", "indirect",
     "The minister", "explained", "that the new taxes would fall on large companies"),
    ("Police said the driver had fled the scene.", "indirect", "Police", "said",
     "the driver had fled the scene"),
    ("The party has not said whether it will take part.", "indirect", "The party", "has not said",
     "whether it will take part"),
    ("The minister pointed out that the law was never enforced.", "indirect", "The minister",
     "pointed out", "that the law was never enforced"),
    ("Local media reported that two bridges had collapsed overnight.", "indirect", "Local media",
     "reported", "that two bridges had collapsed overnight"),
    # according to, at the start and at the end
    ("According to the fire department, three people were injured.", "according_to",
     "the fire department", "According to", "three people were injured"),
    ("Three people were injured, according to the fire department.", "according_to",
     "the fire department", "according to", "Three people were injured"),
    # parenthetical
    ("The plan, which, she said, is still under review, was leaked in May.", "indirect", "she",
     "said", "which | is still under review"),
    # agentless passive
    ("It was reported that the talks had collapsed.", "indirect", None, "was reported",
     "that the talks had collapsed"),
    # a speech verb set between commas inside what was said
    ("The new tariffs, the economist argued, would hurt farmers most.", "indirect", "the economist",
     "argued", "The new tariffs | would hurt farmers most"),
    # attitude adjectives, light verbs with report nouns, report nouns with their preposition
    ("The governor was critical of the new budget.", "indirect", "The governor", "was critical of",
     "the new budget"),
    ("The senator made the case that the bill would save money.", "indirect", "The senator",
     "made the case", "that the bill would save money"),
    ("The senator's call for a recount was rejected.", "indirect", "The senator's", "call for",
     "a recount"),
    # a name, a colon, and what they said (headlines, transcripts)
    ("Angela Merkel: Europe must stand together\n", "indirect", "Angela Merkel", ":",
     "Europe must stand together"),
    # a quote signed with a dash
    ("“The debate changed my mind.” ― Maria Gonzalez\n", "direct", "Maria Gonzalez", "―",
     "“The debate changed my mind.”"),
    # mixed: a quoted fragment inside indirect speech
    ("The coach said the team had been “completely outplayed” in the second half.", "mixed",
     "The coach", "said", "the team had been “completely outplayed” in the second half"),
    # short answers, "called X Y", impressions, names before a colon opening a quotation
    ("Asked about the tax, 40 percent of the farmers said yes.", "indirect",
     "40 percent of the farmers", "said", "yes"),
    ("The mayor called the new stadium a waste of money.", "indirect", "The mayor", "called",
     "the new stadium a waste of money"),
    ("The mayor called both the council and the press liars.", "indirect", "The mayor", "called",
     "both the council and the press liars"),
    ("The fishermen seemed deeply worried.", "indirect", None, "seemed",
     "The fishermen | deeply worried"),
    ("The panel heard from economist Rosa Mendel: “Prices will fall before summer.”", "direct",
     "Rosa Mendel", ":", "“Prices will fall before summer.”"),
    # a claim marked as reported, by no one named
    ("The mayor is reportedly weighing a run for governor.", "indirect", None, "reportedly",
     "The mayor | weighing a run for governor"),
    # a closing parenthesis the content opened stays with it
    ("The plan helps farmers in Sonora (Mexico), according to the ministry.", "according_to",
     "the ministry", "according to", "The plan helps farmers in Sonora (Mexico)"),
])
def test_attribution_found(nlp, text, kind, source, cue, content):
    text, got = _run(nlp, text)
    views = [_view(text, a) for a in got]
    match = [v for v in views if v["cue"] == cue]
    assert match, views
    v = match[0]
    assert (v["kind"], v["source"], v["content"]) == (kind, source, content), views


@pytest.mark.parametrize("text", [
    # scare quotes and titles are not statements
    "She has read “War and Peace” twice this winter.",
    "The film “The Long Goodbye” opens on Friday in three cities.",
    "Critics called the plan a “fantasy” without reading it.",
    # no reporting at all
    "The idea, which was not implemented, was rejected by most European countries.",
    "The company raised $5 million from investors last year.",
    "Rain fell across the valley for most of the afternoon.",
    "Update: the article was corrected on Monday.\n",
    "He told me about it, and I left.",
    "The new policy was rejected by the committee.",
    # quote-only speech verbs, votes cast, obligations, settings
    "She went to the market and began her shift at noon.",
    "He continued his tour of the coast on Monday.",
    "More than two million voters cast their ballots early.",
    "The bridge was supposed to open in May.",
    "The senator spoke on Tuesday.",
    "The senator voted for the bill on Tuesday.",
    "She took a seat at the table.",
    "The message was a mistake.",
])
def test_no_statement(nlp, text):
    text, got = _run(nlp, text)
    assert [a for a in got if a.kind == "direct"] == []
    if "“" not in text:
        assert got == [], [_view(text, a) for a in got]


@pytest.mark.parametrize("text, source, stype", [
    ("The Shot Telegram channel reports that the airport was closed.", "The Shot Telegram channel",
     "social_media"),
    ("Russian media report that the airport was closed.", "Russian media", "media"),
    ("The ministry said that the airport was closed.", "The ministry", "government"),
    ("A new report found that the airport was often closed.", "A new report", "document"),
    ("Anna Berg said that the airport was closed.", "Anna Berg", "person"),
    ("It was announced that the airport was closed.", None, "unnamed"),
])
def test_source_type(nlp, text, source, stype):
    text, got = _run(nlp, text)
    assert got, text
    v = _view(text, got[0])
    assert (v["source"], v["type"]) == (source, stype)


def test_speaker_resolved_to_entity(nlp):
    text = ("Volodymyr Zelensky met the delegation on Monday. The Ukrainian president said that "
            "the talks were useful, and he explained that more aid was coming.")
    doc = nlp(text)
    ents = resolve_entities(doc)
    got = extract_attributions(doc, ents)
    names = {e.id: e.name for e in ents}
    spoken = {text[a.source[0]:a.source[1]]: names.get(a.source_entity) for a in got if a.source}
    assert spoken.get("he") == "Volodymyr Zelensky"


def test_relayed_claim_points_at_relaying_report(nlp):
    text = ("Russian media report that the port was hit overnight. The Shot Telegram channel "
            "reports that air defences shot down ten drones.")
    text, got = _run(nlp, text)
    by_source = {text[a.source[0]:a.source[1]]: (i, a) for i, a in enumerate(got) if a.source}
    i, _ = by_source["Russian media"]
    _, shot = by_source["The Shot Telegram channel"]
    assert shot.nested_in == i
    assert by_source["Russian media"][1].nested_in is None


def test_quote_in_quote_cue_not_reported(nlp):
    text = '"I think we can win this," Smith said.'
    text, got = _run(nlp, text)
    assert [_view(text, a)["cue"] for a in got] == ["said"]


def test_quote_over_two_paragraphs_is_one_attribution(nlp):
    text = ('The governor said:\n\n"We have done what we could for the city.\n\n'
            '"Now it is up to the council."\n')
    text, got = _run(nlp, text)
    direct = [a for a in got if a.kind == "direct"]
    assert len(direct) == 1 and len(direct[0].content) == 2


@pytest.mark.parametrize("text, n, statements", [
    ('He said "yes, of course," and left.', 1, [True]),
    ("A “Make America Great Again” hat.", 1, [False]),
    ("She called it “fine” and moved on.", 1, [False]),
    ("“First part.\n\n“Second part.”", 1, [True]),
    ("No quotes here at all.", 0, []),
    ("It's the dog's bone.", 0, []),
])
def test_quote_finder(text, n, statements):
    qs = find_quotes(text)
    assert len(qs) == n
    assert [is_statement(text, q) for q in qs] == statements


@pytest.mark.parametrize("text, cue, source, content", [
    # a report of its own after a comma closes the first content and stands alone
    ("The mayor said the bridge would reopen in May, adding that repairs had cost more than planned.",
     "said", "The mayor", "the bridge would reopen in May"),
    ("The mayor said the bridge would reopen in May, adding that repairs had cost more than planned.",
     "adding", "The mayor", "that repairs had cost more than planned"),
    ("She said that the port had reopened, and warned that prices would keep rising.",
     "said", "She", "that the port had reopened"),
    ("The senator said the deal was fair, noting the low price.", "noting", "The senator", "the low price"),
    ("The senator said he had not taken any new job and suggested that the real question was the budget.",
     "said", "The senator", "he had not taken any new job"),
    ("The senator said he had not taken any new job and suggested that the real question was the budget.",
     "suggested", "The senator", "that the real question was the budget"),
    # negative: a second act with no clause of its own stays in what was declared
    ("The mayor declared that he was holding a fundraiser and asked for donations.", "declared",
     "The mayor", "that he was holding a fundraiser and asked for donations"),
    # "as" with an adjective after the object is part of the content
    ("Most voters still view the governor as vastly more prepared for the job.", "view", "Most voters",
     "the governor as vastly more prepared for the job"),
    # a list after a colon spells out the content
    ("He reiterated his pledges: rebuilding the army, cutting taxes and building a wall.", "reiterated",
     "He", "his pledges: rebuilding the army, cutting taxes and building a wall"),
    # a preference for a candidate; a vote on a bill is a decision, not a statement
    ("Many voters in the county would vote for Hillary Clinton.", "would vote for", "Many voters in the county",
     "Hillary Clinton"),
    # "calling for X to do Y", with "for" parsed as the mark of a clause
    ("Clinton is calling for the United States to step up military efforts.", "is calling for", "Clinton",
     "the United States to step up military efforts"),
    # "took a shot at X": a jab with its target
    ("He also took a shot at Hillary Clinton.", "took a shot at", "He", "Hillary Clinton"),
    # coordinated parts keep the coordinator between them (one span, not two)
    ("The network announced it will have 18 fact-checkers working during the debate, and it will all be done in real time.",
     "announced", "The network",
     "it will have 18 fact-checkers working during the debate, and it will all be done in real time"),
    # "X was accused of Y": X is part of the claim; the one asked is not
    ("Mr. Quiros was accused of using the money for personal expenses.", "was accused of", None,
     "Mr. Quiros | using the money for personal expenses"),
    ("The mayor was asked about the budget.", "was asked about", None, "the budget"),
    # "told a meeting of leaders that …": the clause the parse hung on the audience
    ("Obama told a meeting of Pacific Island leaders that few people understood the stakes.", "told", "Obama",
     "that few people understood the stakes"),
    # a dateline or a connector opening the sentence is not what was said; a setting is
    ("WASHINGTON ― The obsession with his birth is an insult to all Americans, the lawmakers said.", "said",
     "the lawmakers", "The obsession with his birth is an insult to all Americans"),
    ("In addition, the campaign plans to release records soon, the spokesman announced.", "announced",
     "the spokesman", "the campaign plans to release records soon"),
    ("In the end, the plan failed, she said.", "said", "she", "In the end, the plan failed"),
    # a single quotation opened in a headline content keeps its closing mark
    ("Police Chief Says Explosion Was An 'Intentional Act.'", "Says", "Police Chief",
     "Explosion Was An 'Intentional Act.'"),
    # a list of bare infinitives runs on after a closing quotation mark
    ('Perry said his fellow Texan is ready to "take on the Washington cartel," secure the border, '
     'strengthen the military, and improve health care for veterans.', "said", "Perry",
     'his fellow Texan is ready to "take on the Washington cartel," secure the border, strengthen the '
     'military, and improve health care for veterans'),
    # a statement noun whose content the copula spells out
    ("The fear is that the money will run out.", "fear is", None, "that the money will run out"),
    ("His goal is to sell the party on gun control.", "goal is", "His", "to sell the party on gun control"),
    # a relative pronoun standing for the object opens the content
    ("He dismissed the report, which he called a hoax.", "called", "he", "which | a hoax"),
    # a quotation the content opens keeps its closing mark and the punctuation inside it
    ('The senator supports "modest tax cuts," but opposes new tariffs.', "supports", "The senator",
     '"modest tax cuts,"'),
    ("She declared “What a night!”", "declared", "She", "“What a night!”"),
    ('He called the plan "a disaster" for farmers.', "called", "He", 'the plan "a disaster" for farmers'),
    # a linking word before a parenthetical cue is not what was said; a setting is
    ("But, the mayor said, the bridge will reopen in May.", "said", "the mayor",
     "the bridge will reopen in May"),
    ("In the end, the mayor said, the bridge will reopen in May.", "said", "the mayor",
     "In the end | the bridge will reopen in May"),
    # a statement put out by someone: its words are theirs
    ("The campaign released a statement saying the senator had done nothing wrong.", "saying",
     "The campaign", "the senator had done nothing wrong"),
    ("The mayor issued a memo that said the bridge was unsafe.", "said", "The mayor",
     "the bridge was unsafe"),
    # negatives: a description closing the content is not a report and stays in it
    ("The mayor said the park, which opened last year, would close.", "said", "The mayor",
     "the park, which opened last year, would close"),
    ("The senator said the deal was fair, making the vote easy.", "said", "The senator",
     "the deal was fair, making the vote easy"),
])
def test_content_edges(nlp, text, cue, source, content):
    _assert_cue(nlp, text, cue, source, content)


@pytest.mark.parametrize("text, cue, content", [
    # what the parse ran on into after a paragraph break is not what was said
    ("The governor is thanking voters for their support.\n\n___\n\nReporters contributed.",
     "is thanking", None),
    ("The mayor said the road would reopen soon, but\n\nresidents were not convinced.", "said",
     "the road would reopen soon"),
    # negative: a quotation running over paragraphs stays whole
    ('The governor said:\n\n"We have done what we could.\n\n"Now it is up to the council."\n', "said",
     '"We have done what we could. | "Now it is up to the council."'),
])
def test_content_stays_in_cue_paragraph(nlp, text, cue, content):
    text, got = _run(nlp, text)
    views = [_view(text, a) for a in got]
    match = [v["content"] for v in views if v["cue"] == cue]
    assert match == ([content] if content else []), views


@pytest.mark.parametrize("text, gone, kept", [
    # the publishing verb is not a second attribution of the same words
    ("The campaign released a statement saying the senator had done nothing wrong.", "released", "saying"),
    # negative: a stance on someone's report stays an attribution of its own
    ("The senator disputed reports saying the mine would close.", None, "disputed"),
    ("The group released a report on jobs.", None, "released"),
])
def test_published_statement(nlp, text, gone, kept):
    text, got = _run(nlp, text)
    cues = [_view(text, a)["cue"] for a in got]
    assert kept in cues, cues
    if gone:
        assert gone not in cues, cues


@pytest.mark.parametrize("text, cue, source, content", [
    # attitude verbs whose object is the content
    ("Many farmers distrust the new water agreement.", "distrust", "Many farmers", "the new water agreement"),
    # attitude adjectives after a copula
    ("The union was hesitant about the merger.", "was hesitant about", "The union", "the merger"),
    ("Officials were surprised that the dam held.", "were surprised", "Officials", "that the dam held"),
    # verbs of asking and pleading with their preposition
    ("The governor pleaded for calm after the storm.", "pleaded for", "The governor", "calm"),
    ("Residents wondered about the cost of the new stadium.", "wondered about", "Residents",
     "the cost of the new stadium"),
    # deliberation over a clause, preference for an infinitive
    ("The council is debating whether the tunnel should close.", "is debating", "The council",
     "whether the tunnel should close"),
    ("Most voters would prefer to keep the old mayor.", "would prefer", "Most voters", "to keep the old mayor"),
    ("The growers deplore the new quota system.", "deplore", "The growers", "the new quota system"),
    ("The board was unaware of the leak.", "was unaware of", "The board", "the leak"),
    ("The mayor opted to delay the vote.", "opted", "The mayor", "to delay the vote"),
    ("Residents prayed for rain all week.", "prayed for", "Residents", "rain"),
    ("The agency cautioned against early celebrations.", "cautioned against", "The agency", "early celebrations"),
    ("The union was impatient with the slow talks.", "was impatient with", "The union", "the slow talks"),
    ("The ministry clarified that the fees will rise.", "clarified", "The ministry", "that the fees will rise"),
    ("Shop owners were scared of another flood.", "were scared of", "Shop owners", "another flood"),
])
def test_attitude_lexicon(nlp, text, cue, source, content):
    _assert_cue(nlp, text, cue, source, content)


@pytest.mark.parametrize("text", [
    "She will appeal the ruling next week.",  # "appeal" reports only with "for"
    "He wished them a happy new year.",  # a greeting, not a wish with content
    "The mayor opened the new bridge on Monday.",
])
def test_attitude_lexicon_negative(nlp, text):
    _assert_none(nlp, text)


@pytest.mark.parametrize("text, cue, source, content", [
    # a reaction received: the subject is what it is about, "from"/"of" names who reacted
    ("The tariff plan has drawn harsh criticism from farmers.", "has drawn harsh criticism", "farmers",
     "The tariff plan"),
    ("The governor came under heavy criticism after the flood.", "came under heavy criticism", None,
     "The governor"),
    ("The bill won the support of most teachers.", "won the support", "most teachers", "The bill"),
    ("The coach has faced criticism for the losses.", "has faced criticism", None, "The coach"),
    ("The senator enjoys strong support from rural voters.", "enjoys strong support", "rural voters", "The senator"),
])
def test_reaction_received(nlp, text, cue, source, content):
    _assert_cue(nlp, text, cue, source, content)


@pytest.mark.parametrize("text", [
    "The team drew a large crowd on Sunday.",  # not a reaction noun
    "The base came under mortar fire overnight.",  # shelling, not criticism
    "The mayor received 38 percent support in the poll.",  # a poll share
    "It won the race easily.",  # no one named as the subject
])
def test_reaction_received_negative(nlp, text):
    _assert_none(nlp, text)


@pytest.mark.parametrize("text, source, content", [
    ("Smith leads Jones by eight points in the latest poll.", "the latest poll", "Smith leads Jones by eight points"),
    # a fronted setting stays out of the content
    ("Last spring, the mayor trailed badly in most surveys.", "most surveys", "the mayor trailed badly"),
])
def test_trailing_poll_source(nlp, text, source, content):
    _assert_cue(nlp, text, "in", source, content)


@pytest.mark.parametrize("text", [
    "The leader in the polls is a newcomer.",  # a noun phrase, not a clause with its subject
    "Turnout was high in the survey areas.",  # the areas, not a survey
    "Voters who trusted the mayor in the polls stayed home.",  # a relative clause
])
def test_trailing_poll_source_negative(nlp, text):
    text, got = _run(nlp, text)
    assert [v for v in (_view(text, a) for a in got) if v["cue"] == "in"] == []


@pytest.mark.parametrize("text, expected", [
    # a judgement in the passive, by someone named: subject and predicate are the content
    ("Pigs are considered unclean by some religious groups.",
     [("are considered", "some religious groups", "Pigs | unclean")]),
    # no one named as judging, or nothing judged
    ("The bridge is seen as a landmark.", []),
    ("The case was considered on Monday.", []),
    ("The film was seen by millions of viewers.", []),
])
def test_passive_judgement(nlp, text, expected):
    text, got = _run(nlp, text)
    assert [(v["cue"], v["source"], v["content"]) for v in (_view(text, a) for a in got)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The mayor made clear on Monday that the tunnel will close.",
     [("made clear", "The mayor", "that the tunnel will close")]),
    ("The coach made it clear to the players that nobody is safe.",
     [("made it clear", "The coach", "that nobody is safe")]),
    ("She made the kitchen clear of clutter.", []),  # no clause: not a statement
])
def test_made_clear(nlp, text, expected):
    text, got = _run(nlp, text)
    assert [(v["cue"], v["source"], v["content"]) for v in (_view(text, a) for a in got)] == expected
