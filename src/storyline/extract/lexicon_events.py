"""Word lists for PLOVER event extraction, keyed by language. Data only: no logic here.

Written from the PLOVER codebook (ngec_synthetic/PLOVER_structured_codebook_updated.csv) and
the CAMEO→PLOVER table: each entry is a trigger lemma → "TYPE" or "TYPE/mode".

- VERBS: verb lemmas that name an event on their own ("shell", "arrest", "praise").
- PHRASAL: verb + particle ("cut off", "beat up", "call off").
- NOUNS: event nouns, triggers when they are the object of a light verb ("launched an
  attack", "staged a hunger strike", "imposed sanctions"), the subject of a verb of
  happening ("a roadside bombing killed ..."), or stand in the main clause of a headline.
- CONTROL: verbs and adjectives whose complement is the act they commit to, reject or ask
  for. The value says how the pair is coded:
    "THREATEN", "REJECT", "REQUEST", "AGREE", "ACCUSE" → the pair is that type;
    "INTENT" → a commitment to the complement: AGREE for cooperation, THREATEN for force,
              REJECT when negated;
    "PROPOSAL" → the complement is kept with its own type, flagged hypothetical.
- REPORTING: verbs that only report speech; never events, their complements are read.
"""
from __future__ import annotations

VERBS: dict[str, dict[str, str]] = {"en": {
    # AGREE
    "agree": "AGREE", "pledge": "AGREE", "promise": "AGREE", "offer": "AGREE",
    "accept": "AGREE", "invite": "AGREE",
    # CONSULT
    "meet": "CONSULT", "discuss": "CONSULT", "consult": "CONSULT", "confer": "CONSULT",
    "negotiate": "CONSULT", "visit": "CONSULT/visit", "host": "CONSULT/visit",
    "mediate": "CONSULT/third-party", "telephone": "CONSULT/phone", "phone": "CONSULT/phone",
    "talk": "CONSULT", "speak": "CONSULT",
    # SUPPORT
    "praise": "SUPPORT", "commend": "SUPPORT", "endorse": "SUPPORT", "welcome": "SUPPORT",
    "applaud": "SUPPORT", "hail": "SUPPORT", "back": "SUPPORT", "support": "SUPPORT",
    "sign": "SUPPORT", "ratify": "SUPPORT", "apologize": "SUPPORT", "apologise": "SUPPORT",
    "forgive": "SUPPORT", "recognize": "SUPPORT", "recognise": "SUPPORT", "upgrade": "SUPPORT",
    "congratulate": "SUPPORT", "thank": "SUPPORT", "defend": "SUPPORT", "establish": "SUPPORT",
    "normalize": "SUPPORT", "restore": "SUPPORT",
    # COOPERATE
    "cooperate": "COOPERATE", "collaborate": "COOPERATE", "extradite": "COOPERATE",
    "share": "COOPERATE", "exchange": "COOPERATE",
    # AID
    "aid": "AID", "donate": "AID", "provide": "AID", "supply": "AID", "deliver": "AID",
    "evacuate": "AID", "rescue": "AID", "grant": "AID", "airlift": "AID", "fund": "AID",
    "shelter": "AID", "treat": "AID", "assist": "AID", "help": "AID", "contribute": "AID",
    # CONCEDE
    "concede": "CONCEDE", "yield": "CONCEDE", "ease": "CONCEDE", "lift": "CONCEDE",
    "relax": "CONCEDE", "shorten": "CONCEDE", "pardon": "CONCEDE", "amnesty": "CONCEDE",
    "compromise": "CONCEDE", "legalize": "CONCEDE", "unban": "CONCEDE",
    "reinstate": "CONCEDE", "accede": "CONCEDE", "allow": "CONCEDE", "permit": "CONCEDE",
    # RETREAT
    "withdraw": "RETREAT/withdraw", "retreat": "RETREAT/withdraw", "resign": "RETREAT/resign",
    "release": "RETREAT/release", "free": "RETREAT/release", "disarm": "RETREAT/disarm",
    "demobilize": "RETREAT/disarm", "demobilise": "RETREAT/disarm", "return": "RETREAT/return",
    "step": "RETREAT/resign", "surrender": "RETREAT",
    # REQUEST
    "demand": "REQUEST", "urge": "REQUEST", "ask": "REQUEST", "request": "REQUEST",
    "appeal": "REQUEST", "petition": "REQUEST", "press": "REQUEST", "pressure": "REQUEST",
    "pressurize": "REQUEST", "implore": "REQUEST", "plead": "REQUEST", "insist": "REQUEST",
    # ACCUSE
    "accuse": "ACCUSE/allege", "blame": "ACCUSE/allege", "allege": "ACCUSE/allege",
    "charge": "ACCUSE/allege", "indict": "ACCUSE/allege", "criticize": "ACCUSE/disapprove",
    "criticise": "ACCUSE/disapprove", "condemn": "ACCUSE/disapprove",
    "denounce": "ACCUSE/disapprove", "decry": "ACCUSE/disapprove", "deplore": "ACCUSE/disapprove",
    "slam": "ACCUSE/disapprove", "blast": "ACCUSE/disapprove", "castigate": "ACCUSE/disapprove",
    "rebuke": "ACCUSE/disapprove", "complain": "ACCUSE/disapprove",
    "investigate": "ACCUSE/investigate", "probe": "ACCUSE/investigate",
    "sue": "ACCUSE/allege", "warn": "THREATEN", "protest": "ACCUSE/disapprove",
    # REJECT
    "reject": "REJECT", "refuse": "REJECT", "deny": "REJECT", "dismiss": "REJECT",
    "oppose": "REJECT", "veto": "REJECT", "rebuff": "REJECT", "spurn": "REJECT",
    "renege": "REJECT", "violate": "REJECT", "defy": "REJECT", "decline": "REJECT",
    "snub": "REJECT", "boycott": "PROTEST/boycott",
    # THREATEN
    "threaten": "THREATEN", "vow": "THREATEN",
    "swear": "THREATEN",
    # PROTEST
    "demonstrate": "PROTEST/demo", "rally": "PROTEST/demo", "march": "PROTEST/demo",
    "riot": "PROTEST/riot", "strike": "PROTEST/strike", "picket": "PROTEST/demo",
    "block": "PROTEST/obstruct", "blockade": "PROTEST/obstruct", "barricade": "PROTEST/obstruct",
    # SANCTION
    "sanction": "SANCTION", "suspend": "SANCTION/discontinue", "halt": "SANCTION/discontinue",
    "cut": "SANCTION/discontinue", "freeze": "SANCTION/discontinue", "embargo": "SANCTION",
    "expel": "SANCTION/expel", "reduce": "SANCTION/discontinue", "recall": "SANCTION/withdraw",
    "sever": "SANCTION/withdraw", "convict": "SANCTION/convict", "sentence": "SANCTION/convict",
    "close": "SANCTION", "downgrade": "SANCTION/withdraw",
    # MOBILIZE
    "mobilize": "MOBILIZE/troops", "mobilise": "MOBILIZE/troops", "deploy": "MOBILIZE/troops",
    "mass": "MOBILIZE/troops", "reinforce": "MOBILIZE/troops", "strengthen": "MOBILIZE/troops",
    "station": "MOBILIZE/troops",
    # COERCE
    "arrest": "COERCE/arrest", "detain": "COERCE/arrest", "jail": "COERCE/arrest",
    "imprison": "COERCE/arrest", "seize": "COERCE/seize", "confiscate": "COERCE/seize",
    "ban": "COERCE/ban", "outlaw": "COERCE/ban", "prohibit": "COERCE/ban", "bar": "COERCE/ban",
    "censor": "COERCE/censor", "deport": "COERCE/deport", "demolish": "COERCE/destroy",
    "raze": "COERCE/destroy", "bulldoze": "COERCE/destroy", "prevent": "COERCE/restrict",
    "restrict": "COERCE/restrict", "impose": "COERCE", "hack": "COERCE/cyber",
    "deface": "COERCE/cyber", "round": "COERCE/arrest", "disperse": "COERCE/restrict",
    "kidnap": "COERCE/abduct", "abduct": "COERCE/abduct", "hold": "COERCE/arrest",
    "evict": "COERCE/deport", "order": "COERCE", "send": "MOBILIZE/troops",
    # ASSAULT
    "attack": "ASSAULT", "kill": "ASSAULT", "wound": "ASSAULT", "injure": "ASSAULT",
    "shoot": "ASSAULT/firearms", "shell": "ASSAULT/heavy-weapons", "bomb": "ASSAULT/aerial",
    "assassinate": "ASSAULT/assassinate", "massacre": "ASSAULT/massacre",
    "torture": "ASSAULT/torture", "beat": "ASSAULT/beat", "execute": "ASSAULT/execute",
    "rape": "ASSAULT/sexual", "murder": "ASSAULT", "ambush": "ASSAULT", "raid": "ASSAULT",
    "storm": "ASSAULT", "invade": "ASSAULT", "fight": "ASSAULT",
    "clash": "ASSAULT", "capture": "ASSAULT", "retake": "ASSAULT", "overrun": "ASSAULT",
    "occupy": "ASSAULT", "hit": "ASSAULT", "target": "ASSAULT", "pound": "ASSAULT/heavy-weapons",
    "bombard": "ASSAULT/heavy-weapons", "stab": "ASSAULT/primitive", "behead": "ASSAULT/execute",
    "lynch": "ASSAULT", "die": "ASSAULT", "destroy": "ASSAULT/destroy",
    "intercept": "ASSAULT/aerial", "hijack": "ASSAULT/abduct", "fire": "ASSAULT/firearms",
    "torch": "ASSAULT/primitive", "firebomb": "ASSAULT/primitive", "annex": "ASSAULT",
    "fine": "SANCTION/convict",
    "approve": "SUPPORT",
}}

# lemmas in VERBS that only count in some company: skipped when this returns False
WEAK_VERBS: dict[str, frozenset[str]] = {"en": frozenset({
    "return", "hold", "order", "close", "provide", "help", "treat", "share", "exchange",
    "establish", "restore", "back", "support", "free", "step", "hit", "target", "die",
    "cut", "reduce", "strike", "block", "lift", "ease", "press", "talk", "speak", "grant",
    "sign", "defend", "deliver", "bar", "charge", "round", "mass", "station", "impose", "send",
    "protest", "contribute", "normalize", "normalise", "insist", "assist", "fund", "accept",
    "offer", "invite", "fire", "approve",
})}

# a weak verb counts when its object / particle / prepositional object is one of these lemmas
WEAK_VERB_OBJECTS: dict[str, dict[str, frozenset[str]]] = {"en": {
    "return": frozenset({"home", "country", "territory", "base", "barracks", "power"}),
    "send": frozenset({"troop", "troops", "soldier", "soldiers", "force", "forces", "aid",
                       "weapon", "weapons", "arms", "ammunition", "equipment", "supplies",
                       "contingent", "contingents", "warship", "warships", "peacekeeper",
                       "peacekeepers"}),
    "hold": frozenset({"hostage", "captive", "prisoner", "custody", "talk", "talks",
                       "meeting", "summit", "election", "consultation", "negotiation"}),
    "order": frozenset({"suspend", "expel", "arrest", "close", "leave", "evacuate", "ban"}),
    "close": frozenset({"border", "borders", "embassy", "consulate", "office", "airspace",
                        "base", "crossing", "port"}),
    "provide": frozenset({"aid", "assistance", "help", "intelligence", "support", "weapon",
                          "arms", "food", "troop", "fund", "funding", "loan", "shelter",
                          "photograph", "equipment", "supply", "relief", "ammunition"}),
    "help": frozenset(), "treat": frozenset({"wounded", "injured", "patient", "victim"}),
    "share": frozenset({"intelligence", "expertise", "information", "technology", "data"}),
    "exchange": frozenset({"prisoner", "intelligence", "information", "ambassador"}),
    "establish": frozenset({"tie", "relation", "relations", "embassy"}),
    "restore": frozenset({"tie", "relation", "relations", "order", "aid", "power"}),
    "back": frozenset(), "support": frozenset(), "free": frozenset(),
    "step": frozenset({"down", "aside"}),
    "hit": frozenset(), "target": frozenset(), "die": frozenset({"torture", "attack",
                                                                 "bombing", "strike"}),
    "cut": frozenset({"aid", "tie", "relation", "relations", "electricity", "supply",
                      "supplies", "fund", "funding", "gas", "oil", "power", "water", "off"}),
    "reduce": frozenset({"aid", "supply", "supplies", "food", "fund", "funding", "tie"}),
    "strike": frozenset({"deal", "agreement", "accord"}),
    "block": frozenset({"road", "roads", "roadway", "bridge", "transport", "highway",
                        "street", "entrance", "access", "traffic", "port", "railway"}),
    "lift": frozenset({"curfew", "ban", "embargo", "sanction", "restriction", "siege",
                       "emergency", "blockade", "state"}),
    "ease": frozenset({"curfew", "ban", "embargo", "sanction", "restriction", "measure",
                       "siege", "blockade", "tension", "control"}),
    "press": frozenset({"for", "demand", "claim"}), "talk": frozenset({"with", "by", "over"}),
    "speak": frozenset({"with", "by", "over"}),
    "grant": frozenset({"asylum", "aid", "amnesty", "visa", "pardon", "access", "citizenship",
                        "autonomy", "loan", "permission", "refuge"}),
    "sign": frozenset({"agreement", "treaty", "accord", "deal", "pact", "memorandum",
                       "protocol", "declaration", "contract", "ceasefire", "truce"}),
    "defend": frozenset(), "deliver": frozenset({"aid", "good", "goods", "food", "supply",
                                                 "supplies", "weapon", "weapons", "relief"}),
    "bar": frozenset({"from"}), "charge": frozenset({"with"}),
    "round": frozenset({"up"}), "mass": frozenset({"troop", "troops", "force", "forces"}),
    "station": frozenset({"troop", "troops", "force", "forces", "soldier", "soldiers"}),
    "impose": frozenset({"sanction", "embargo", "curfew", "restriction", "ban", "tariff",
                         "law", "martial", "blockade", "penalty", "emergency", "fine"}),
    "warn": frozenset(), "protest": frozenset({"against", "outside", "in"}),
    "contribute": frozenset({"troop", "troops", "fund", "aid", "soldier"}),
    "assist": frozenset(), "fund": frozenset(), "approve": frozenset(),
    "fire": frozenset({"shot", "shots", "gas", "bullet", "bullets", "rocket", "rockets",
                       "missile", "missiles", "shell", "shells", "mortar", "mortars", "round",
                       "rounds", "on", "at", "into", "upon", "cannon", "grenade", "grenades",
                       "salvo", "volley", "artillery", "weapon", "weapons"}),
    "normalize": frozenset({"relation", "relations", "tie", "ties"}),
    "normalise": frozenset({"relation", "relations", "tie", "ties"}),
    "insist": frozenset({"on"}),
    "accept": frozenset({"refugee", "refugees", "migrant", "asylum", "plan", "proposal",
                         "formula", "deal", "offer", "mediation", "demand",
                         "condition", "term", "terms", "ceasefire", "truce", "resolution"}),
    "offer": frozenset({"troop", "troops", "aid", "help", "asylum", "talk", "talks",
                        "assistance", "support", "mediation", "ceasefire", "truce"}),
    "invite": frozenset({"delegation", "observer", "observers", "leader", "president",
                         "minister", "to"}),
}}

PHRASAL: dict[str, dict[str, str]] = {"en": {
    "cut off": "SANCTION/discontinue", "call off": "CONCEDE", "beat up": "ASSAULT/beat",
    "pull out": "RETREAT/withdraw", "pull back": "RETREAT/withdraw", "shoot down": "ASSAULT/aerial",
    "hand over": "COOPERATE", "hand down": "SANCTION/convict", "call up": "MOBILIZE/troops",
    "set ablaze": "ASSAULT/primitive", "step down": "RETREAT/resign", "round up": "COERCE/arrest",
    "crack down": "COERCE/restrict", "blow up": "ASSAULT/explosives", "force out": "COERCE/deport",
    "open up": "CONCEDE", "back down": "CONCEDE", "set free": "RETREAT/release",
    "carry out": "", "lay down": "RETREAT/disarm", "stand down": "RETREAT/disarm",
    "break off": "SANCTION/withdraw", "shut down": "COERCE/restrict", "turn down": "REJECT",
    "speak out": "ACCUSE/disapprove", "lash out": "ACCUSE/disapprove", "take over": "ASSAULT",
}}

NOUNS: dict[str, dict[str, str]] = {"en": {
    "agreement": "AGREE", "accord": "AGREE", "deal": "AGREE", "pact": "AGREE",
    "ceasefire": "AGREE", "cease-fire": "AGREE", "truce": "AGREE", "treaty": "SUPPORT",
    "pledge": "AGREE", "promise": "AGREE", "offer": "AGREE",
    "talk": "CONSULT", "talks": "CONSULT", "meeting": "CONSULT", "summit": "CONSULT/multilateral",
    "conference": "CONSULT/multilateral", "negotiation": "CONSULT", "consultation": "CONSULT",
    "visit": "CONSULT/visit", "call": "CONSULT/phone", "conversation": "CONSULT",
    "mediation": "CONSULT/third-party", "phone": "CONSULT/phone",
    "praise": "SUPPORT", "apology": "SUPPORT", "endorsement": "SUPPORT",
    "exercise": "COOPERATE", "games": "COOPERATE", "cooperation": "COOPERATE",
    "aid": "AID", "assistance": "AID", "asylum": "AID/asylum", "relief": "AID",
    "donation": "AID", "airlift": "AID",
    "concession": "CONCEDE", "amnesty": "CONCEDE", "reform": "CONCEDE",
    "withdrawal": "RETREAT/withdraw", "resignation": "RETREAT/resign", "release": "RETREAT/release",
    "pullout": "RETREAT/withdraw", "disarmament": "RETREAT/disarm", "retreat": "RETREAT/withdraw",
    "demand": "REQUEST", "appeal": "REQUEST", "request": "REQUEST", "plea": "REQUEST",
    "ultimatum": "THREATEN", "threat": "THREATEN", "warning": "THREATEN",
    "accusation": "ACCUSE/allege", "allegation": "ACCUSE/allege", "criticism": "ACCUSE/disapprove",
    "condemnation": "ACCUSE/disapprove", "complaint": "ACCUSE/disapprove",
    "investigation": "ACCUSE/investigate", "probe": "ACCUSE/investigate", "inquiry": "ACCUSE/investigate",
    "rejection": "REJECT", "refusal": "REJECT", "veto": "REJECT", "boycott": "PROTEST/boycott",
    "protest": "PROTEST/demo", "demonstration": "PROTEST/demo", "rally": "PROTEST/demo",
    "march": "PROTEST/demo", "riot": "PROTEST/riot", "strike": "PROTEST/strike",
    "sit-in": "PROTEST/demo", "blockade": "PROTEST/obstruct", "hunger": "PROTEST/hunger",
    "sanction": "SANCTION", "embargo": "SANCTION", "expulsion": "SANCTION/expel",
    "suspension": "SANCTION/discontinue",
    "deployment": "MOBILIZE/troops", "mobilization": "MOBILIZE/troops", "alert": "MOBILIZE/troops",
    "reinforcement": "MOBILIZE/troops", "buildup": "MOBILIZE/troops",
    "arrest": "COERCE/arrest", "detention": "COERCE/arrest", "curfew": "COERCE/curfew",
    "crackdown": "COERCE/restrict", "ban": "COERCE/ban", "censorship": "COERCE/censor",
    "deportation": "COERCE/deport", "law": "COERCE/martial-law", "demolition": "COERCE/destroy",
    "kidnapping": "COERCE/abduct", "abduction": "COERCE/abduct", "restriction": "COERCE/restrict",
    "attack": "ASSAULT", "assault": "ASSAULT", "offensive": "ASSAULT", "raid": "ASSAULT",
    "airstrike": "ASSAULT/aerial", "air-strike": "ASSAULT/aerial",
    "bombing": "ASSAULT/explosives", "explosion": "ASSAULT/explosives", "blast": "ASSAULT/explosives",
    "shelling": "ASSAULT/heavy-weapons", "fire": "ASSAULT/firearms", "gunfire": "ASSAULT/firearms",
    "fighting": "ASSAULT", "battle": "ASSAULT", "gunbattle": "ASSAULT/firearms", "clash": "ASSAULT",
    "ambush": "ASSAULT", "massacre": "ASSAULT/massacre", "assassination": "ASSAULT/assassinate",
    "torture": "ASSAULT/torture", "invasion": "ASSAULT", "shootout": "ASSAULT/firearms",
    "execution": "ASSAULT/execute", "war": "ASSAULT", "incursion": "ASSAULT",
    "cleansing": "ASSAULT/cleansing", "hijacking": "ASSAULT/abduct", "drill": "COOPERATE",
    "maneuver": "COOPERATE", "manoeuvre": "COOPERATE", "operation": "ASSAULT",
    "readiness": "MOBILIZE/troops", "action": "ASSAULT",
}}

# weak nouns that count without a light verb when modified so ("joint military exercises")
WEAK_NOUN_MODIFIERS: dict[str, dict[str, frozenset[str]]] = {"en": {
    "exercise": frozenset({"joint", "military", "naval", "war"}),
    "drill": frozenset({"joint", "military", "naval"}),
    "maneuver": frozenset({"joint", "military", "naval"}),
    "games": frozenset({"war"}), "readiness": frozenset({"military", "combat"}),
}}

# nouns that are no events with one of these modifiers ("a big deal", "a press conference",
# "a heart attack", "a price war")
NOUN_BANNED_MODIFIERS: dict[str, dict[str, frozenset[str]]] = {"en": {
    "deal": frozenset({"big", "great", "good"}), "conference": frozenset({"press", "news"}),
    "attack": frozenset({"heart", "panic", "asthma"}), "war": frozenset({"price", "bidding",
                                                                         "culture", "words"}),
    "call": frozenset({"close", "judgment", "roll", "wake"}),
    "strike": frozenset({"lucky"}), "fire": frozenset({"forest", "wild", "house"}),
    "campaign": frozenset({"election", "presidential"}),
}}

# verbs whose complement with "must"/"should" is a demand of their subject ("X said Y must")
MUST_REPORTING: dict[str, frozenset[str]] = {"en": frozenset({
    "say", "tell", "declare", "insist", "reiterate", "conclude", "announce", "state", "add",
    "stress", "emphasize", "emphasise", "demand", "urge", "write", "argue", "maintain",
})}

# nouns that are events only with one of these modifiers ("martial law", "military operation")
NOUN_NEEDS_MODIFIER: dict[str, dict[str, frozenset[str]]] = {"en": {
    "law": frozenset({"martial"}),
    "action": frozenset({"military", "armed"}),
    "operation": frozenset({"military", "ground", "air", "offensive", "counter-terrorism",
                            "counterterrorism", "anti-terror", "anti-terrorist", "special",
                            "combat", "punitive"}),
}}

# nouns that only count as events when governed by one of these verbs (or a light verb)
WEAK_NOUNS: dict[str, frozenset[str]] = {"en": frozenset({
    "call", "offer", "promise", "deal", "law", "fire", "release", "alert", "war", "strike",
    "reform", "relief", "treaty", "exercise", "games", "phone", "march", "talk", "talks",
    "request", "demand", "appeal", "hunger", "warning", "threat", "agreement", "aid",
    "assistance", "visit", "meeting", "battle", "fighting", "blast", "drill", "maneuver",
    "manoeuvre", "readiness",
})}

LIGHT_VERBS: dict[str, frozenset[str]] = {"en": frozenset({
    "launch", "stage", "carry", "conduct", "mount", "begin", "start", "continue", "hold",
    "impose", "issue", "lodge", "file", "open", "make", "give", "send", "deliver", "declare",
    "reach", "sign", "conclude", "announce", "order", "call", "lift", "extend", "end", "resume",
    "reject", "accept", "receive", "place", "put", "unleash", "step", "intensify", "wage",
    "organize", "organise", "join", "lead", "take", "have", "seek", "approve", "agree",
    "fire", "come", "be", "face", "suffer", "announce", "withdraw", "plan", "threaten",
    "extend", "broker", "renew", "tighten", "raise", "provide", "grant", "offer", "reiterate",
    "repeat", "voice", "express", "remain", "stay", "keep", "go", "enforce", "maintain",
    "increase", "heighten", "boost", "raise",
    "stag",  # the small English model lemmatises "staged" as "stag"
})}

# verbs that only lend their subject to the event noun they govern ("launched an attack")
PURE_LIGHT_VERBS: dict[str, frozenset[str]] = {"en": frozenset({
    "launch", "stage", "carry", "conduct", "mount", "begin", "start", "continue", "hold",
    "impose", "issue", "lodge", "file", "open", "make", "give", "wage", "unleash", "organize",
    "organise", "take", "have", "intensify", "resume", "renew", "reiterate", "repeat", "voice",
    "express", "remain", "stay", "keep", "go", "enforce", "maintain", "tighten", "extend",
    "be", "come", "face", "suffer", "join", "lead", "step", "stag",
})}

# (verb lemma, object lemma) → the type the pair has ("accept demands" is CONCEDE)
VERB_OBJECT_TYPES: dict[str, dict[tuple[str, str], str]] = {"en": {
    ("accept", "demand"): "CONCEDE", ("accept", "condition"): "CONCEDE",
    ("accept", "term"): "CONCEDE", ("meet", "demand"): "CONCEDE",
    ("withdraw", "ambassador"): "SANCTION/withdraw", ("withdraw", "envoy"): "SANCTION/withdraw",
    ("withdraw", "inspector"): "SANCTION/withdraw", ("withdraw", "peacekeeper"): "SANCTION/withdraw",
    ("withdraw", "force"): "RETREAT/withdraw", ("withdraw", "aid"): "SANCTION/withdraw",
    ("withdraw", "support"): "SANCTION/withdraw", ("withdraw", "worker"): "SANCTION/withdraw",
    ("withdraw", "staff"): "SANCTION/withdraw", ("withdraw", "recognition"): "SANCTION/withdraw",
    ("withdraw", "diplomat"): "SANCTION/withdraw",
    ("recall", "ambassador"): "SANCTION/withdraw", ("expel", "diplomat"): "SANCTION/expel",
    ("lift", "sanction"): "CONCEDE", ("lift", "ban"): "CONCEDE", ("lift", "curfew"): "CONCEDE",
    ("lift", "embargo"): "CONCEDE", ("lift", "siege"): "RETREAT",
    ("open", "border"): "AID/asylum", ("close", "border"): "SANCTION",
    ("send", "troop"): "MOBILIZE/troops", ("send", "soldier"): "MOBILIZE/troops",
    ("send", "force"): "MOBILIZE/troops", ("send", "contingent"): "MOBILIZE/troops",
    ("send", "warship"): "MOBILIZE/troops", ("send", "aid"): "AID", ("send", "peacekeeper"): "AID/peacekeeping",
    ("deploy", "peacekeeper"): "AID/peacekeeping",
    ("send", "weapon"): "AID/military", ("send", "arm"): "AID/military",
    ("send", "ammunition"): "AID/military", ("send", "equipment"): "AID/military",
    ("send", "supply"): "AID", ("send", "food"): "AID", ("send", "medicine"): "AID",
    # from the codebook's mode definitions
    ("find", "guilty"): "SANCTION/convict", ("declare", "ceasefire"): "CONCEDE",
    ("declare", "truce"): "CONCEDE", ("announce", "ceasefire"): "CONCEDE",
    ("declare", "emergency"): "COERCE/curfew", ("declare", "law"): "COERCE/curfew",
    ("impose", "law"): "COERCE/curfew", ("test", "missile"): "MOBILIZE/weapons",
    ("test", "weapon"): "MOBILIZE/weapons", ("test", "rocket"): "MOBILIZE/weapons",
    ("fire", "test"): "MOBILIZE/weapons", ("test-fire", "missile"): "MOBILIZE/weapons",
    ("forgive", "debt"): "AID", ("cancel", "debt"): "AID", ("bring", "trial"): "ACCUSE/allege",
    ("put", "trial"): "ACCUSE/allege", ("withdraw", "treaty"): "SANCTION/withdraw",
    ("withdraw", "agreement"): "SANCTION/withdraw", ("withdraw", "accord"): "SANCTION/withdraw",
    ("withdraw", "deal"): "SANCTION/withdraw", ("withdraw", "talk"): "SANCTION/withdraw",
    ("withdraw", "organization"): "SANCTION/withdraw", ("withdraw", "pact"): "SANCTION/withdraw",
    ("allow", "observer"): "RETREAT/access", ("allow", "peacekeeper"): "RETREAT/access",
    ("allow", "monitor"): "RETREAT/access", ("allow", "access"): "RETREAT/access",
    ("grant", "access"): "RETREAT/access", ("call", "for"): "REQUEST",
    ("shut", "internet"): "COERCE/withhold", ("fire", "gas"): "ASSAULT/crowd-control",
    ("fire", "bullet"): "ASSAULT/firearms", ("use", "gas"): "ASSAULT/crowd-control",
    ("lodge", "protest"): "ACCUSE/disapprove", ("file", "protest"): "ACCUSE/disapprove",
    ("issue", "protest"): "ACCUSE/disapprove", ("deliver", "protest"): "ACCUSE/disapprove",
    ("register", "protest"): "ACCUSE/disapprove", ("send", "protest"): "ACCUSE/disapprove",
    ("lodge", "complaint"): "ACCUSE/disapprove", ("file", "complaint"): "ACCUSE/disapprove",
    ("attack", "website"): "COERCE/cyber", ("attack", "server"): "COERCE/cyber",
    ("attack", "network"): "COERCE/cyber", ("hand", "weapon"): "RETREAT/disarm",
    ("hand", "arm"): "RETREAT/disarm", ("lay", "arm"): "RETREAT/disarm",
    ("lay", "weapon"): "RETREAT/disarm", ("declare", "state"): "COERCE/curfew",
    ("impose", "state"): "COERCE/curfew", ("set", "fire"): "ASSAULT/primitive",
    ("approve", "loan"): "AID", ("approve", "aid"): "AID", ("approve", "funding"): "AID",
    ("approve", "package"): "AID", ("resume", "relation"): "SUPPORT",
    ("resume", "tie"): "SUPPORT", ("resume", "talk"): "CONSULT", ("resume", "talks"): "CONSULT",
    ("resume", "negotiation"): "CONSULT", ("call", "on"): "REQUEST", ("call", "upon"): "REQUEST",
    ("seize", "control"): "ASSAULT", ("take", "control"): "ASSAULT",
    ("seize", "town"): "ASSAULT", ("seize", "city"): "ASSAULT", ("seize", "village"): "ASSAULT",
    ("seize", "territory"): "ASSAULT", ("seize", "airport"): "ASSAULT",
}}

# (verb lemma → object or complement lemmas) that make the verb no event at all:
# "released a statement", "asked not to be identified", "launched a website"
NOT_EVENT_OBJECTS: dict[str, dict[str, frozenset[str]]] = {"en": {
    "release": frozenset({"statement", "report", "memo", "video", "document", "data", "figure",
                          "return", "returns", "tax", "investigation", "information", "records",
                          "record", "album", "film", "book", "footage", "photo", "image",
                          "list", "plan", "budget", "result", "detail", "letter", "transcript",
                          "recording", "version", "audio", "picture", "poll", "survey",
                          "finding", "study", "note", "text", "emails", "email"}),
    "ask": frozenset({"identify", "identified", "name", "named", "whether", "if", "how", "what",
                      "why", "who", "when", "where", "question", "questions"}),
    "execute": frozenset({"campaign", "plan", "strategy", "order", "trade", "project",
                          "program", "programme", "policy", "warrant", "contract", "deal"}),
    "insist": frozenset({"that"}),
    "request": frozenset({"anonymity", "identify", "name"}),
    "speak": frozenset({"condition", "anonymity", "identify", "name"}),
    "attack": frozenset({"proposal", "idea", "plan", "record", "policy", "decision", "remark"}),
    "share": frozenset({"view", "concern", "story", "photo", "post"}),
    "strike": frozenset({"chord", "balance", "note", "tone"}),
}}

# a MOBILIZE whose clause mentions these is peacekeeping help (PLOVER AID/peacekeeping)
PEACEKEEPING: dict[str, frozenset[str]] = {"en": frozenset({"peacekeeping", "peacekeeper",
                                                           "peacekeepers", "peace-keeping"})}

CONTROL: dict[str, dict[str, str]] = {"en": {
    "threaten": "THREATEN", "warn": "THREATEN", "vow": "INTENT", "swear": "THREATEN",
    "refuse": "REJECT", "decline": "REJECT", "reject": "REJECT",
    "agree": "AGREE", "offer": "AGREE", "promise": "INTENT", "pledge": "INTENT",
    "accept": "AGREE", "consent": "AGREE",
    "plan": "INTENT", "prepare": "INTENT", "decide": "INTENT", "intend": "INTENT",
    "ready": "INTENT", "willing": "INTENT", "prepared": "INTENT", "determined": "INTENT",
    "set": "INTENT", "aim": "INTENT", "seek": "INTENT",
    "demand": "REQUEST", "urge": "REQUEST", "ask": "REQUEST", "call": "REQUEST",
    "appeal": "REQUEST", "press": "REQUEST", "pressure": "REQUEST", "push": "REQUEST",
    "advocate": "PROPOSAL", "propose": "PROPOSAL", "suggest": "PROPOSAL", "consider": "PROPOSAL",
    "discuss": "PROPOSAL", "possibility": "PROPOSAL", "idea": "PROPOSAL",
    "want": "PROPOSAL", "hope": "PROPOSAL", "need": "PROPOSAL", "talk": "PROPOSAL",
    "raise": "PROPOSAL", "debate": "PROPOSAL", "study": "PROPOSAL", "mull": "PROPOSAL",
    "weigh": "PROPOSAL", "explore": "PROPOSAL",
    # what is alleged has not been established: the accusation is the event
    "accuse": "ACCUSE", "blame": "ACCUSE", "allege": "ACCUSE", "suspect": "ACCUSE",
    "accusation": "PROPOSAL", "allegation": "PROPOSAL", "claim": "PROPOSAL",
    "suspicion": "PROPOSAL", "rumor": "PROPOSAL", "rumour": "PROPOSAL", "deny": "PROPOSAL",
}}

# (verb lemma, sector of its subject) → type: who does it decides what it is
SUBJECT_SECTOR_TYPES: dict[str, dict[tuple[str, str], str]] = {"en": {
    ("raid", "COP"): "COERCE/seize", ("storm", "COP"): "COERCE/seize",
    ("block", "GOV"): "COERCE/restrict", ("block", "COP"): "COERCE/restrict",
    ("block", "JUD"): "COERCE/restrict", ("block", "MIL"): "COERCE/restrict",
    ("protest", "CVL"): "PROTEST/demo", ("protest", "LAB"): "PROTEST/demo",
    ("protest", "EDU"): "PROTEST/demo", ("protest", "OPP"): "PROTEST/demo",
    ("protest", "REF"): "PROTEST/demo", ("protest", "NGO"): "PROTEST/demo",
}}

# complements of these modal auxiliaries are intentions of their subject (PLOVER AGREE/THREATEN)
FUTURE_AUX: dict[str, frozenset[str]] = {"en": frozenset({"will", "would", "shall", "'ll",
                                                         "going"})}
HYPOTHETICAL_AUX: dict[str, frozenset[str]] = {"en": frozenset({"could", "might", "may",
                                                               "should", "must"})}
NEGATIONS: dict[str, frozenset[str]] = {"en": frozenset({"not", "n't", "never", "no"})}

REPORTING: dict[str, frozenset[str]] = {"en": frozenset({
    "say", "tell", "report", "announce", "state", "add", "confirm", "claim", "note",
    "explain", "reveal", "quote", "write", "reiterate", "declare", "conclude",
    "believe", "think", "know", "learn", "indicate", "show", "describe",
    "acknowledge", "admit", "argue", "assert", "stress", "emphasize", "point",
    "disclose", "remark", "comment", "mention", "predict", "expect", "estimate",
})}

# Types that are cooperation: an intention to do them is AGREE, a refusal REJECT
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
MATERIAL_CONFLICT = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})

# Mode cues anywhere in the sentence, for the types they refine (lemma → mode)
MODE_CUES: dict[str, dict[str, dict[str, str]]] = {"en": {
    "CONSULT": {"phone": "phone", "telephone": "phone", "call": "phone", "videoconference": "phone",
                "video": "phone", "summit": "multilateral", "conference": "multilateral",
                "ministerial": "multilateral", "forum": "multilateral", "host": "visit",
                "visit": "visit", "mediation": "third-party", "mediate": "third-party"},
    "ASSAULT": {"drone": "drone", "missile": "aerial", "airstrike": "aerial", "air": "aerial",
                "aircraft": "aerial", "warplane": "aerial", "jet": "aerial", "helicopter": "aerial",
                "rocket": "heavy-weapons", "artillery": "heavy-weapons", "shell": "heavy-weapons",
                "shelling": "heavy-weapons", "mortar": "heavy-weapons", "tank": "heavy-weapons",
                "bomb": "explosives", "explosive": "explosives", "bombing": "explosives",
                "explosion": "explosives", "mine": "explosives", "minefield": "explosives",
                "ied": "explosives", "suicide": "suicide-attack", "gun": "firearms",
                "gunfire": "firearms", "gunman": "firearms", "gunmen": "firearms",
                "rifle": "firearms", "machete": "primitive", "knife": "primitive",
                "torture": "torture", "massacre": "massacre", "assassinate": "assassinate",
                "assassination": "assassinate", "beat": "beat", "rape": "sexual",
                "execute": "execute", "execution": "execute", "tear": "crowd-control",
                "cannon": "crowd-control", "rubber": "crowd-control", "chemical": "unconventional",
                "sarin": "unconventional", "nerve": "unconventional", "kidnap": "abduct",
                "hijack": "abduct"},
    "COERCE": {"internet": "withhold", "electricity": "withhold", "water": "withhold"},
    "PROTEST": {"hunger": "hunger", "strike": "strike", "riot": "riot", "block": "obstruct",
                "blockade": "obstruct", "boycott": "boycott", "rally": "demo",
                "demonstration": "demo", "march": "demo", "demonstrate": "demo"},
}}

# a drone-only attack is mode "drone"; drones with missiles or aircraft are "aerial"
MODE_ORDER: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("unconventional", "suicide-attack", "crowd-control", "aerial", "drone",
                "explosives", "heavy-weapons", "firearms",
                "assassinate", "torture", "massacre", "execute", "sexual", "beat", "primitive"),
}
