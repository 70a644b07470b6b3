"""Word lists for attribution extraction, keyed by language ("en" first).

Each list is data: add a language by adding a key with the same shape. Verbs and nouns are
lemmas (spaCy ``token.lemma_``, lower-cased). The lists were written by hand from what reporting
language looks like in news and checked against the errors on PolNeAR's train/dev halves; no
list is learned from annotated data.
"""
from __future__ import annotations

# Verbs that introduce a direct quotation ("…," she said / he told reporters: "…").
SPEECH_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        say tell add write ask continue explain note reply respond tweet declare insist argue
        claim warn recall state announce acknowledge admit joke quip remark exclaim shout yell
        post answer conclude reiterate stress emphasize observe predict promise vow suggest
        report read complain boast counter retort concede muse wonder testify confirm deny urge
        plead scream whisper laugh chant recount describe mutter lament caution allege assert
        maintain contend point comment elaborate begin go put proclaim repeat sing cry declare
        mention interject agree thunder fume gush marvel snap shoot tease summarize summarise
        told offer pledge charge demand inform advise assure affirm reveal disclose
        tout brag vent rant rage murmur sigh grumble scoff""".split()),
}

# Speech verbs that report only a quotation beside them ("…," he went on / began / continued);
# their clauses and objects are not statements ("went to Iowa", "began his tour").
QUOTE_ONLY_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("go begin continue put".split()),
}

# Adverbs that mark the clause they modify as reported by someone unnamed ("X reportedly
# considered a run"). "allegedly" and "supposedly" were tried: no gain on PolNeAR train.
REPORT_ADVERBS: dict[str, frozenset[str]] = {
    "en": frozenset({"reportedly"}),
}

# Verbs whose clausal complement (ccomp: "that …", "whether …", "how …") is the content.
CLAUSE_VERBS: dict[str, frozenset[str]] = {
    "en": SPEECH_VERBS["en"] | frozenset("""
        believe think know hope hop fear expect find show indicate reveal learn estimate
        realize realise understand hear doubt worry guess assume figure imagine recognize
        recognise remember forget signal hint demonstrate prove determine demand request
        recommend propose decide suspect speculate reckon insist acknowledge conclude agree
        announce disclose convince persuade assure suppose bet predict presume question
        dispute emphasise underscore highlight reason theorize posit argue vow swear threaten
        concede anticipate calculate discover imply wonder complain joke describe remind
        discuss reply respond maintain want consider call seem appear feel wish rule
        testify""".split()) - frozenset({"go", "begin"}),
}

# Verbs whose to-infinitive (xcomp) is the content: "vowed to …", "plans to …".
XCOMP_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        intend promise vow pledge hope hop refuse decline threaten seek expect aim agree offer
        decide urge ask call encourage implore push warn tell order advise propose vote demand
        appear seem claim swear plead like look report support show know want persuade plan""".split()),
}

# Verbs whose direct object (with what hangs on it) is the content: "criticised the plan".
OBJECT_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        say tell call show endorse accuse describe cite criticize criticise offer announce ask
        mention blame question denounce blast dismiss write issue tweet recall propose slam
        post tout mock report note portray highlight explain thank name claim reveal repeat
        deny declare remind promote acknowledge echo identify compare condemn prefer point
        reference voice reiterate quote emphasize emphasise publish applaud underscore believe
        credit stress email disclose deem urge congratulate lament invoke order expect predict
        outline warn distance detail remember recite talk disavow signal sound fear recount hail
        unveil oppose discuss attack defend reject express promise pledge praise decry deride
        ridicule lambaste chastise rebuke berate assail castigate excoriate disparage insult
        retweet confirm dispute refute applaud welcome laud characterize characterise label
        brand dub liken see back release list lay view answer file demand support lambast
        lambaste pound compliment specify sense hammer rip knock bash trash fault chide taunt
        needle jab skewer savage pan flay blister fustigate vilify demonize demonise smear
        belittle mischaracterize misrepresent dismiss downplay tout trumpet extol
        commend salute acclaim suggest vow want seek share cast favor favour""".split()),
}

# Verbs whose prepositional object is the content: "talked about …", "warned of …".
PREP_VERBS: dict[str, dict[str, frozenset[str]]] = {
    "en": {
        "talk": frozenset({"about", "of"}),
        "speak": frozenset({"about", "of", "against"}),
        "warn": frozenset({"of", "about", "against"}),
        "refer": frozenset({"to"}),
        "comment": frozenset({"on", "about"}),
        "complain": frozenset({"about", "of"}),
        "point": frozenset({"to"}),
        "rail": frozenset({"against"}),
        "insist": frozenset({"on"}),
        "call": frozenset({"for"}),
        "push": frozenset({"for"}),
        "press": frozenset({"for"}),
        "argue": frozenset({"for", "against"}),
        "advocate": frozenset({"for"}),
        "joke": frozenset({"about"}),
        "testify": frozenset({"about", "on"}),
        "lash": frozenset({"at"}),
        "write": frozenset({"about", "of"}),
        "boast": frozenset({"about", "of"}),
        "brag": frozenset({"about"}),
        "weigh": frozenset({"on"}),
        "speculate": frozenset({"about", "on"}),
        "hint": frozenset({"at"}),
        "agree": frozenset({"with", "on"}),
        "disagree": frozenset({"with"}),
        "side": frozenset({"with"}),
        "worry": frozenset({"about"}),
        "tweet": frozenset({"about"}),
        "respond": frozenset({"to"}),
        "ask": frozenset({"about"}),
        "describe": frozenset({"as"}),
        "criticize": frozenset({"for"}),
        "apologize": frozenset({"for"}),
        "accuse": frozenset({"of"}),
        "declare": frozenset({"for"}),
        "hope": frozenset({"for"}),
        "hop": frozenset({"for"}),
        "name": frozenset({"as"}),
        "pivot": frozenset({"to"}),
        "believe": frozenset({"in"}),
        "touch": frozenset({"on"}),
        "know": frozenset({"about"}),
        "seem": frozenset({"like"}),
        "think": frozenset({"about", "of"}),
        "charge": frozenset({"with"}),
        "open": frozenset({"about"}),
        "identify": frozenset({"as"}),
        "report": frozenset({"on"}),
        "focus": frozenset({"on"}),
        "rule": frozenset({"against", "on", "for", "in"}),
        "lobby": frozenset({"for", "against"}),
        "stand": frozenset({"by", "with", "against"}),
        "sound": frozenset({"like"}),
        "vote": frozenset({"for", "against"}),
    },
}

# Adjectives of attitude after "be": "was critical of …", "is confident that …", "eager to …".
ATTITUDE_ADJECTIVES: dict[str, frozenset[str]] = {
    "en": frozenset("""
        concerned opposed critical skeptical sceptical angry optimistic pessimistic interested
        proud clear eager upfront divided appreciative delighted lukewarm confident worried
        happy unhappy sure certain convinced aware supportive dismissive hopeful fearful afraid
        furious frustrated disappointed pleased satisfied excited enthusiastic adamant
        insistent explicit vocal outspoken candid blunt emphatic firm unequivocal ambivalent
        uncertain unsure doubtful wary suspicious cautious reluctant willing determined
        committed keen anxious nervous upset outraged irritated annoyed thrilled grateful
        thankful sorry focused consumed obsessed fixated obvious apparent evident ready
        slow bearish bullish vague frank passionate""".split()),
}

# Nouns of stance after a light verb: "expressed concern about X" — X is the content.
STANCE_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        concern concerns support opposition doubt doubts skepticism scepticism frustration
        outrage anger interest confidence hope hopes fear fears worry worries criticism praise
        displeasure disdain dismay disapproval approval admiration contempt insight insights
        reservation reservations objection objections disagreement agreement enthusiasm
        optimism pessimism sympathy solidarity regret regrets""".split()),
}

# Nouns that carry a reported content: "the claim that …", "his plan to …".
REPORT_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        claim statement assertion belief view argument report allegation suggestion warning
        promise pledge vow plan decision call proposal criticism support endorsement remark
        comment announcement prediction fear hope concern insistence contention notion idea
        accusation charge denial admission acknowledgment acknowledgement threat demand
        request assurance message suspicion speculation rumor rumour estimate finding
        conclusion testimony recommendation complaint confirmation indication sign
        proposition commitment intention insinuation eagerness willingness
        refusal reluctance determination""".split()),
}

# Report and stance nouns with the preposition that introduces their content:
# "call for X", "criticism of X", "support for X", "views on X".
_OF = frozenset({"of"})
_ABOUT = frozenset({"about", "on", "over", "regarding", "toward", "towards"})
NOUN_PREPOSITIONS: dict[str, dict[str, frozenset[str]]] = {
    "en": {
        "call": frozenset({"for"}), "calls": frozenset({"for"}),
        "criticism": _OF | _ABOUT, "critique": _OF, "condemnation": _OF, "denunciation": _OF,
        "accusation": _OF, "allegation": _OF, "endorsement": _OF, "support": frozenset({"for", "of"}),
        "opposition": frozenset({"to"}), "response": frozenset({"to"}), "reaction": frozenset({"to"}),
        "announcement": _OF, "view": _ABOUT | _OF, "views": _ABOUT | _OF, "position": _ABOUT,
        "stance": _ABOUT, "opinion": _ABOUT | _OF, "doubt": _ABOUT, "doubts": _ABOUT,
        "concern": _ABOUT | frozenset({"for"}), "concerns": _ABOUT, "disagreement": frozenset({"with", "over"}),
        "praise": frozenset({"for", "of"}), "defense": _OF, "defence": _OF, "rejection": _OF,
        "denial": _OF, "demand": frozenset({"for"}), "plea": frozenset({"for"}),
        "appeal": frozenset({"for", "to"}), "request": frozenset({"for"}), "warning": _ABOUT | _OF,
        "promise": _OF, "pledge": _OF, "reversal": _ABOUT, "tone": _ABOUT, "message": _OF | _ABOUT,
        "attack": frozenset({"on"}), "attacks": frozenset({"on"}), "comments": _ABOUT,
        "comment": _ABOUT, "remarks": _ABOUT, "statement": _ABOUT, "testimony": _ABOUT,
        "complaint": _ABOUT, "complaints": _ABOUT, "question": _ABOUT, "questions": _ABOUT,
        "assessment": _OF, "description": _OF, "characterization": _OF, "portrayal": _OF,
        "mention": _OF, "discussion": _OF | _ABOUT, "advocacy": _OF | frozenset({"for"}),
        "opponent": _OF, "supporter": _OF, "critic": _OF, "proponent": _OF, "advocate": _OF | frozenset({"for"}),
        "champion": _OF, "backer": _OF, "defender": _OF, "skeptic": _OF, "sceptic": _OF, "foe": _OF,
        "evidence": _OF, "voice": frozenset({"for", "against"}),
        "estimate": _OF, "idea": _ABOUT, "ideas": _ABOUT, "obsession": frozenset({"with"}),
        "push": frozenset({"for"}), "disdain": frozenset({"for"}), "contempt": frozenset({"for"}),
        "admiration": frozenset({"for", "of"}), "fondness": frozenset({"for"}), "love": frozenset({"for", "of"}),
        "hatred": frozenset({"of", "for"}), "distaste": frozenset({"for"}), "enthusiasm": frozenset({"for"}),
        "embrace": _OF, "assault": frozenset({"on"}), "broadside": frozenset({"against", "at"}),
    },
}

# "according to X", "as X reported": multi-word cues read off the parse.
ACCORDING: dict[str, tuple[str, str]] = {"en": ("accord", "to")}

# Light verbs that turn a report noun into a statement by their subject: "made the claim that".
LIGHT_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("make issue offer express voice give raise deliver float repeat have hold take".split()),
}

# Nouns that, as the object of a light verb, make a statement: "made the case for X",
# "has doubts that X", "made no mention of X", "holds views on X".
LIGHT_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        case argument point mention comment comments remark remarks statement claim call
        suggestion feeling feelings view views doubt doubts concern concerns opinion opinions
        position stance pitch plea promise pledge vow appeal announcement accusation
        allegation prediction criticism complaint attack attacks reference references
        observation assertion insistence warning warnings message questions question secret
        illusion illusions shot shots swipe swipes aim jab jabs potshot potshots dig digs""".split()),
}

PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("i you he she we they it me him her us them who which that this these those one".split()),
}
PERSON_PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("i he she me him her who you".split()),
}

# Source types: heads and modifiers of the source phrase (lower-cased words).
SOCIAL_MEDIA: dict[str, frozenset[str]] = {
    "en": frozenset("""
        telegram twitter tweet tweets facebook instagram tiktok youtube vkontakte vk weibo
        wechat reddit truth-social threads bluesky blogger blog blogs influencer post posts
        x.com channel channels account accounts feed hashtag""".split()),
}
MEDIA: dict[str, frozenset[str]] = {
    "en": frozenset("""
        media newspaper newspapers agency agencies outlet outlets network networks television
        tv radio magazine reporter reporters journalist journalists correspondent press paper
        tabloid broadcaster broadcasters daily news editorial reuters ap afp tass interfax ria
        novosti xinhua cnn bbc nbc abc cbs msnbc fox politico nyt times post journal guardian
        bloomberg axios breitbart huffpost huffington telegraph economist wire anchor host
        columnist editor editors website site""".split()),
}
GOVERNMENT: dict[str, frozenset[str]] = {
    "en": frozenset("""
        government ministry ministries kremlin administration department officials official
        authorities authority police military army navy pentagon parliament congress senate
        house cabinet embassy council commission agency state governor's prosecutors
        prosecutor court judge regime duma rada white_house spokesman spokeswoman spokesperson
        presidency office""".split()),
}
DOCUMENT: dict[str, frozenset[str]] = {
    "en": frozenset("""
        report reports study studies poll polls survey surveys statement statements document
        documents letter letters email emails memo memos lawsuit complaint filing filings
        analysis data figures records record bill ruling indictment transcript book article
        release documents paper research census numbers video footage ad advertisement
        platform resolution order warrant affidavit testimony cable""".split()),
}
ORGANIZATION: dict[str, frozenset[str]] = {
    "en": frozenset("""
        campaign company group committee party organization organisation association union
        firm corporation foundation institute center centre coalition alliance council board
        team staff aides aide spokesman spokeswoman spokesperson""".split()),
}
UNNAMED: dict[str, frozenset[str]] = {
    "en": frozenset("source sources people someone somebody many some others critics observers"
                    " experts analysts witnesses residents insiders".split()),
}
