"""PLOVER event types, modes and flags from single sentences (written for these tests)."""
from __future__ import annotations

import pytest

from storyline.extract.events import extract_events


def _events(nlp, text):
    from storyline.annotate.entities import resolve_entities

    doc = nlp(text)
    return extract_events(doc, resolve_entities(doc), [], [])


@pytest.mark.parametrize("text, etype", [
    ("Chile and Peru signed a trade agreement in Lima on Friday.", "SUPPORT"),
    ("Kenya agreed to a ceasefire with the rebels.", "AGREE"),
    ("The prime minister met his Indian counterpart in Delhi.", "CONSULT"),
    ("Canada praised Mexico's efforts to curb smuggling.", "SUPPORT"),
    ("Norway will provide emergency food aid to Sudan.", "AGREE"),
    ("Japan donated medical supplies to the Philippines.", "AID"),
    ("The government lifted the curfew in the capital.", "CONCEDE"),
    ("Rebel fighters withdrew from the northern town.", "RETREAT"),
    ("The opposition demanded the resignation of the interior minister.", "REQUEST"),
    ("Poland accused Belarus of orchestrating the border crisis.", "ACCUSE"),
    ("Prosecutors are investigating the governor for fraud.", "ACCUSE"),
    ("Egypt rejected the proposal for a new dam.", "REJECT"),
    ("Turkey refused to extradite the journalist.", "REJECT"),
    ("Iran threatened to close the Strait of Hormuz.", "THREATEN"),
    ("Thousands of teachers demonstrated outside parliament.", "PROTEST"),
    ("Dockworkers staged a hunger strike over unpaid wages.", "PROTEST"),
    ("The European Union imposed sanctions on Russian banks.", "SANCTION"),
    ("Serbia expelled two Croatian diplomats.", "SANCTION"),
    ("The army deployed tanks along the border.", "MOBILIZE"),
    ("Police arrested 40 protesters in the capital.", "COERCE"),
    ("The junta banned the main opposition party.", "COERCE"),
    ("Gunmen attacked a police station, killing three officers.", "ASSAULT"),
    ("Militants shelled the city overnight.", "ASSAULT"),
    ("France said Germany must reduce its gas imports.", "REQUEST"),
    ("A court found the former mayor guilty of bribery.", "SANCTION"),
    ("The rebels declared a unilateral ceasefire.", "CONCEDE"),
    ("Pyongyang test-fired a ballistic missile.", "MOBILIZE"),
    ("Riot police fired tear gas at the crowd.", "ASSAULT"),
    ("The United States withdrew from the treaty.", "SANCTION"),
    ("The border guards were put on high alert.", "MOBILIZE"),
    ("Students vowed to boycott the ceremony.", "THREATEN"),
    ("The island's government will pull out its peacekeepers from the mission.", "THREATEN"),
    ("Pyongyang warned it would respond with overwhelming force.", "THREATEN"),
    ("Police raided the offices of an opposition weekly.", "COERCE"),
    ("Hundreds of nurses protested outside the hospital.", "PROTEST"),
    ("Thousands of Kenyans protested against the new taxes.", "PROTEST"),
    ("The court fined the newspaper and handed down two prison sentences.", "SANCTION"),
    ("Washington and Havana resumed diplomatic relations.", "SUPPORT"),
    ("The mayor called on the government to release the funds.", "REQUEST"),
    ("Greece increased its military readiness on the islands.", "MOBILIZE"),
    ("Riyadh warned it was prepared to take military action.", "THREATEN"),
    ("Troops from nine countries joined joint naval exercises off the coast.", "COOPERATE"),
    ("Armenia launched a military operation in the border region.", "ASSAULT"),
    ("Militiamen seized control of the airport.", "ASSAULT"),
    ("Government troops pulled back from the ridge.", "RETREAT"),
    ("The guerrillas handed over their weapons to the monitors.", "RETREAT"),
    ("Thousands of reservists were called up.", "MOBILIZE"),
    ("The cabinet declared a state of emergency.", "COERCE"),
    ("Hackers attacked the electoral commission's website.", "COERCE"),
    ("Rioters torched cars in the suburbs.", "ASSAULT"),
    ("The authorities blocked access to social media.", "COERCE"),
    ("Hundreds of supporters of the former president blocked the highway.", "PROTEST"),
])
def test_sentence_type(nlp, text, etype):
    types = {e.type for e in _events(nlp, text)}
    assert etype in types, types


@pytest.mark.parametrize("text, not_type", [
    ("The war approaches its third anniversary.", "ASSAULT"),
    ("Investors discussed the price of tea.", "ASSAULT"),
    ("Iran threatened to close the Strait of Hormuz.", "COERCE"),  # the threat, not the act
    ("Turkey refused to extradite the journalist.", "COOPERATE"),
    ("He said the weather was fine.", "ACCUSE"),
    ("The ministry released a statement on Friday.", "RETREAT"),
    ("Two officials, who asked not to be identified, said the talks had stalled.", "REQUEST"),
    ("An aide spoke on condition of anonymity.", "CONSULT"),
    ("China protested to Japan over the visit.", "PROTEST"),  # a government's protest is verbal
    ("The ministry explained the operation of the new tax.", "ASSAULT"),
    ("The candidate refused to release his tax returns.", "RETREAT"),
    ("He has made a big deal of the poll numbers.", "AGREE"),
    ("At a press conference, the mayor praised the firefighters.", "CONSULT"),
    ("The campaign was executed flawlessly by her staff.", "ASSAULT"),
    ("Trump attacked Clinton for her vote on the war.", "ASSAULT"),
    ("Reporters asked whether the senator would run again.", "REQUEST"),
    ("Would you think she must be the worst candidate?", "REQUEST"),
    ("He continues to insist that the deal is fair.", "REQUEST"),
    ("Kenya agreed to a truce after weeks of fierce fighting.", "ASSAULT"),  # the setting
    ("Police arrested five men after they attacked a bank.", "ASSAULT"),
    ("Helicopters evacuated the wounded from the town.", "ASSAULT"),
    ("Beirut rejected a UN appeal for deploying troops on the border.", "REQUEST"),
    ("The alleged bombers fled to the mountains.", "ACCUSE"),
])
def test_sentence_not_type(nlp, text, not_type):
    assert not_type not in {e.type for e in _events(nlp, text)}


@pytest.mark.parametrize("text", [
    "The weather was fine and the markets were calm.",
    "She wrote a book about gardening.",
])
def test_no_events(nlp, text):
    assert _events(nlp, text) == []


@pytest.mark.parametrize("text, etype, mode", [
    ("Biden spoke by phone with Scholz on Tuesday.", "CONSULT", "phone"),
    ("NATO leaders met at a summit in Vilnius.", "CONSULT", "multilateral"),
    ("Drones attacked an oil depot near the border.", "ASSAULT", "drone"),
    ("Warplanes and missiles struck the port city.", "ASSAULT", "aerial"),
    ("Inmates began a hunger strike on Monday.", "PROTEST", "hunger"),
    ("Riot police fired tear gas at the crowd.", "ASSAULT", "crowd-control"),
])
def test_mode(nlp, text, etype, mode):
    evs = [e for e in _events(nlp, text) if e.type == etype]
    assert evs and evs[0].mode == mode, [(e.type, e.mode) for e in _events(nlp, text)]


def test_types_per_sentence_capped(nlp):
    text = ("Police arrested dozens of protesters who had attacked a bank, condemned the "
            "government, demanded reforms and threatened to strike.")
    assert len({e.type for e in _events(nlp, text)}) <= 2
