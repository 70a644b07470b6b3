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
        testify debate ponder mull regret appreciate confess stipulate clarify verify certify
        attest foresee hypothesize hypothesise underline surmise infer deduce""".split()) - frozenset({"go", "begin"}),
}

# Verbs whose to-infinitive (xcomp) is the content: "vowed to …", "plans to …".
XCOMP_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        intend promise vow pledge hope hop refuse decline threaten seek expect aim agree offer
        decide urge ask call encourage implore push warn tell order advise propose vote demand
        appear seem claim swear plead like look report support show know want persuade plan
        prefer wish love opt""".split()),
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
        commend salute acclaim suggest vow want seek share cast favor favour admire respect
        hate despise loathe distrust dislike resent deplore abhor detest rebut concede confess
        reaffirm relish""".split()),
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
        "push": frozenset({"for", "against"}),
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
        "vouch": frozenset({"for"}),
        "wonder": frozenset({"about"}),
        "care": frozenset({"about"}),
        "inquire": frozenset({"about"}),
        "plead": frozenset({"for"}),
        "clamor": frozenset({"for"}),
        "appeal": frozenset({"for"}),
        "beg": frozenset({"for"}),
        "root": frozenset({"for"}),
        "pray": frozenset({"for"}),
        "wish": frozenset({"for"}),
        "yearn": frozenset({"for"}),
        "long": frozenset({"for"}),
        "gush": frozenset({"about", "over"}),
        "rant": frozenset({"about", "against"}),
        "rage": frozenset({"against"}),
        "fume": frozenset({"about", "over"}),
        "vent": frozenset({"about"}),
        "grouse": frozenset({"about"}),
        "moan": frozenset({"about"}),
        "whine": frozenset({"about"}),
        "caution": frozenset({"against"}),
        "counsel": frozenset({"against"}),
        "advise": frozenset({"against"}),
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
        slow bearish bullish vague frank passionate tired upbeat loyal bent hesitant open
        receptive hostile sympathetic ashamed embarrassed disgusted appalled shocked surprised
        stunned troubled alarmed horrified encouraged heartened dubious cynical fond mindful
        positive unapologetic apologetic defensive defiant unaware familiar enamored enamoured
        impressed content comfortable uncomfortable disillusioned indifferent averse partial
        dedicated devoted nostalgic desperate hungry impatient sanguine gloomy downbeat glum
        scared terrified mad glad sad""".split()),
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
        "accusation": _OF, "allegation": _OF, "endorsement": _OF | frozenset({"for"}), "support": frozenset({"for", "of"}),
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
        "backlash": frozenset({"against"}), "preference": frozenset({"for"}), "apology": frozenset({"for"}),
        "rebuttal": frozenset({"of", "to"}),
    },
}

# "according to X", "as X reported": multi-word cues read off the parse.
ACCORDING: dict[str, tuple[str, str]] = {"en": ("accord", "to")}

# Light verbs that turn a report noun into a statement by their subject: "made the claim that".
LIGHT_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("make issue offer express voice give raise deliver float repeat have hold take".split()),
}

# Light nouns of a verbal attack, whose target may hang on the verb: "took a shot at X".
JAB_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("shot shots swipe swipes aim jab jabs potshot potshots dig digs".split()),
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
        illusion illusions""".split()) | JAB_NOUNS["en"],
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

# --- Grammar words the frames read (verbs are lemmas; other words lower-cased forms) ---

# Copulas and linking verbs: "was critical of …", "she is a staunch opponent of …".
COPULAS: dict[str, frozenset[str]] = {
    "en": frozenset({"be", "become", "remain", "seem", "appear", "sound", "grow", "get"}),
}

# Raising verbs: "Mr. Rubio appeared to be on the upswing", "seems to suggest that …".
RAISING_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset({"seem", "appear", "sound", "look"}),
}

# "is said to", "is believed to", "is thought to": passives that report with no one named.
PASSIVE_RAISING_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset({"say", "believe", "think", "expect", "report", "rumor", "rumour",
                     "know", "consider", "estimate", "project", "predict"}),
}

# Verbs whose passive ("X was endorsed by Y") still reports Y's words or stance; "the idea was
# rejected by most countries" is a decision, not a statement.
PASSIVE_STANCE_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        support endorse back praise criticize criticise condemn cite quote describe mention
        blame question dispute attack mock slam blast denounce call hail applaud welcome
        accuse""".split()),
}

# Passives of feeling whose subject holds the stance: "was convinced that …", "is worried about …".
ATTITUDE_PASSIVE_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset({"convince", "persuade", "concern", "worry", "disappoint", "outrage",
                     "encourage", "satisfy", "please", "alarm", "frighten", "surprise"}),
}

# Passives whose subject is the one addressed or busy, not part of the claim ("was asked about X").
ASKED_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("ask question press push focus tell warn lobby".split()),
}

# Verbs whose object is the one addressed, not what was said: "told me", "asked reporters".
ADDRESSEE_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("tell ask inform remind assure urge warn thank answer".split()),
}

# Nouns for the people addressed (objects of an addressee verb): "asked reporters", "told the crowd".
ADDRESSEES: dict[str, frozenset[str]] = {
    "en": frozenset("""
        reporter reporters voter voters supporter supporters crowd audience people dispatcher
        journalist journalists friend friends member members viewer viewers listener listeners
        official officials host interviewer colleague colleagues audiences crowds""".split()),
}

# Object verbs that describe someone only with "as": "cast her rival as …", not "cast a ballot".
AS_ONLY_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset({"cast"}),
}

# Short answers that stand for a content: "75 percent said yes", "half said so", "said the same".
ANSWERS: dict[str, frozenset[str]] = {
    "en": frozenset({"so", "yes", "no", "same"}),
}

# Prepositions after a stance or light noun that introduce its content: "concern about X".
STANCE_PREPOSITIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"about", "over", "for", "of", "with", "on", "to", "into", "at", "toward", "towards"}),
}

# Prepositions aimed at a target, after a light noun: "a swipe against X", "hostility toward X".
TARGET_PREPOSITIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"against", "toward", "towards"}),
}

# Prepositions after an attitude adjective that introduce its content: "critical of X".
ADJECTIVE_PREPOSITIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"of", "about", "with", "on", "to", "by", "over", "at", "in", "for"}),
}

# Subject nouns spelled out by a copula, beside report and stance nouns: "His slogan is …".
GIST_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        slogan mantra motto refrain theme phrase catchphrase line pitch point bet goal aim
        answer response reply verdict advice message argument view position thesis takeaway
        worry lesson""".split()),
}

# Words opening a headline or caption line with a colon that are not speakers ("Photo: …").
NOT_SPEAKERS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        note update updated photo photos video related read watch listen editor editors source
        sources via getty follow credit correction disclosure image images caption subscribe
        click see also share tags filed posted published warning q a question answer transcript
        when where who what why how clarification latest breaking exclusive live analysis
        opinion commentary editorial advertisement sponsored""".split()),
}

# Fronted sources with "in", beside documents: "In his view, …", "In an interview, …".
IN_SOURCE_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"view", "opinion", "words", "interview", "speech", "estimation",
                     "judgment", "judgement", "assessment", "account"}),
}

# Fronted sources with "by": "By one estimate, …", "By his account, …".
BY_SOURCE_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"measure", "account", "estimate", "count", "tally"}),
}

# Linking words before a parenthetical cue, not part of what was said: "But, he said, …".
LINKERS: dict[str, frozenset[str]] = {
    "en": frozenset("and but yet still however moreover meanwhile besides yes".split()),
}

# Discourse words opening a content, not part of what was said: "And …", "However …".
DISCOURSE_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("and but so yet however still also moreover meanwhile besides".split()),
}

# Coordinating words that may join two parts of one content ("X, and Y").
COORDINATORS: dict[str, frozenset[str]] = {
    "en": frozenset({"and", "or", "but", "nor"}),
}

# Connectors opening a content with a comma, not part of what was said: "In addition, …".
CONNECTORS: dict[str, frozenset[tuple[str, ...]]] = {
    "en": frozenset({("in", "addition"), ("in", "fact"), ("in", "contrast"), ("for", "example"),
                     ("for", "instance"), ("as", "a", "result"), ("in", "short"), ("of", "course"),
                     ("by", "contrast"), ("in", "other", "words")}),
}

# Fronted relative objects of a cue: "which he described as a hoax", "what Mr. Hedge called …".
WH_FRONTED: dict[str, frozenset[str]] = {
    "en": frozenset({"which", "what", "whom", "who", "that"}),
}

# Relative pronouns as object of a clause inserted after a comma: ", which he said …".
WH_RELATIVES: dict[str, frozenset[str]] = {
    "en": frozenset({"which", "who", "whom", "that"}),
}

# Words pointing back at a statement already given: "he said that", "she said so".
BACK_POINTERS: dict[str, frozenset[str]] = {
    "en": frozenset({"that", "this", "so", "it"}),
}

# Settings after a cue, not content: "said in a statement", "lauded X in his address".
SETTING_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        statement interview speech rally conference event debate tweet post letter email radio
        television tv show program programme broadcast hearing meeting op-ed column appearance
        address briefing call week month year day night morning afternoon evening time""".split()),
}

# Things put out that say something: "issued a statement saying …", "a video that said …".
OUTPUT_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        statement release memo letter email ad advertisement commercial video tweet post message
        note op-ed editorial report press""".split()),
}

# Verbs that put out an output noun: "issued a statement", "released a video".
PUBLISH_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        issue release put send post publish place run air write email file circulate distribute
        unveil launch tweet pen deliver give read""".split()),
}

# Speech verbs of a report relayed inside another one ("… that the channel reported …").
RELAY_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset({"say", "report", "tell", "write", "announce", "claim", "state", "tweet", "post",
                     "add", "cite", "quote", "confirm", "declare"}),
}

# Auxiliaries of a planned or possible report, not one that happened ("would declare", "to say").
MODALS: dict[str, frozenset[str]] = {
    "en": frozenset("will would could may might should can must shall to wo ca 'll".split()),
}

# Negations of a report that did not happen ("did not say", "never said").
NEGATIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"not", "n't", "never"}),
}

# Platform names that make a source social media: "his Telegram channel", "on X".
PLATFORMS: dict[str, frozenset[str]] = {
    "en": frozenset({"telegram", "twitter", "facebook", "instagram", "tiktok", "youtube", "x"}),
}

# Source heads of media reports that a next-sentence report relays ("Local media reported …").
RELAYING_HEADS: dict[str, frozenset[str]] = {
    "en": frozenset({"media", "medium", "press", "outlets", "reports", "newspapers", "agencies",
                     "television", "tv"}),
}

# Dummy subjects that stand for no one: "it is said that …", "there were fears that …".
EXPLETIVES: dict[str, frozenset[str]] = {
    "en": frozenset({"it", "there"}),
}

# Pronouns heading a free relative, which name no one either: "what seemed odd was …".
FREE_RELATIVES: dict[str, frozenset[str]] = {
    "en": frozenset({"what"}),
}

# Relative pronouns standing for the source they follow: "officials, who said …".
RELATIVE_PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"who", "which", "that"}),
}

# Relative pronouns opening a clause inserted after a comma: "…, who spoke on Tuesday, …".
COMMA_RELATIVES: dict[str, frozenset[str]] = {
    "en": frozenset({"who", "which"}),
}

# Relative pronouns for things, as subject: "a video that said …", "a statement which read …".
THING_RELATIVES: dict[str, frozenset[str]] = {
    "en": frozenset({"that", "which"}),
}

# Plural pronouns that speak for a group, an organisation source: "we believe", "they said".
PLURAL_PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"we", "they", "us", "them"}),
}

# Prepositions on the verb that take a jab's target: "took a shot at X", "a swipe on X".
JAB_PREPOSITIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"at", "against", "on"}),
}

# Objects of "make" that are the statement itself: "Trump made similar comments".
STATEMENT_OBJECTS: dict[str, frozenset[str]] = {
    "en": frozenset({"comment", "remark", "statement", "point"}),
}

# Linking phrases before a parenthetical cue, beside single linkers: "Of course, he said, …".
LINKER_PHRASES: dict[str, frozenset[tuple[str, ...]]] = {
    "en": frozenset({("of", "course")}),
}


# Verbs by which a subject receives a reaction, and the reactions received: "drew sharp
# criticism from X", "won the support of X", "came under fire": the subject is the content,
# the one reacting (after "from") the source.
RECEIVING_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("draw receive win get garner earn attract face enjoy".split()),
}
RECEIVED_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        criticism praise support backing condemnation endorsement endorsements ridicule rebuke
        backlash flak""".split()),
}
# "came under criticism", "came under fire": the verb and preposition that take the reaction.
UNDER_VERBS: dict[str, tuple[str, frozenset[str]]] = {
    "en": ("under", frozenset({"come"})),
}
UNDER_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"criticism", "fire", "scrutiny"}),
}
# Prepositions introducing who reacted: "criticism from X", "won the support of X".
REACTOR_PREPOSITIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"from", "of"}),
}


# Sources named after what they report, by a trailing preposition: "Trump leads in the latest
# poll", "Bush remains mired in fourth in most surveys".
TRAILING_SOURCES: dict[str, tuple[str, frozenset[str]]] = {
    "en": ("in", frozenset("poll polls survey surveys".split())),
}


# Verbs of judgement whose passive subject and predicate are the content: "Pigs are considered
# unclean", "Mr. Sanders is seen as a reformer".
JUDGEMENT_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("consider see view regard deem perceive".split()),
}


# "made (it) clear that …": the verb and the adjectives that turn it into a statement.
MAKE_CLEAR: dict[str, tuple[str, frozenset[str]]] = {
    "en": ("make", frozenset({"clear", "plain"})),
}


# --- the act of an attribution: what was said, believed, perceived, or none of these ------------
# An attribution's act comes from its cue (``attribution_acts``). Speech: the cue reports words
# someone said or wrote. Thought: a belief, wish, fear or feeling held. Perception: something
# seen or heard. Anything else ("plans to", "supports", "a poll shows") is "other".
THOUGHT_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        believe think know hope hop fear expect want doubt wish worry guess assume figure imagine
        suspect reckon suppose presume wonder feel consider understand realize realise remember
        forget recognize recognise anticipate foresee regret appreciate prefer like love hate
        despise loathe distrust dislike resent deplore abhor detest admire respect trust ponder
        mull reason theorize hypothesize hypothesise surmise infer deduce bet speculate care
        yearn long pray root view regard deem perceive favor favour relish dread envision
        envisage""".split()),
}
PERCEPTION_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("see hear notice watch witness spot sense glimpse overhear smell".split()),
}
# Verbs of a verbal act whose content is not a clause: "criticised the plan", "called for talks".
COMMUNICATION_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        call criticize criticise accuse blame cite mention describe urge demand request ask
        propose recommend endorse condemn denounce blast dismiss slam praise thank name quote
        publish email retweet release list specify detail outline recite lambast lambaste
        mock ridicule deride decry rebuke berate chide taunt hail applaud laud commend
        congratulate reference voice echo label brand dub characterize characterise portray
        talk speak discuss debate rail lash testify apologize apologise issue file order
        tell inform remind advise assure warn caution counsel plead appeal beg lobby
        advocate press push sign rule answer question dispute refute rebut reaffirm
        confirm deny disclose reveal announce claim charge attack defend reject
        compliment hammer rip knock bash trash fault needle jab skewer savage pan flay
        vilify demonize demonise smear belittle mischaracterize misrepresent downplay
        trumpet extol salute acclaim insult disparage castigate excoriate assail disavow
        gush rant rage fume vent grouse moan whine clamor inquire vouch confess confide""".split()),
}
# Report nouns that name something said or written ("the statement that …").
SPEECH_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        claim statement assertion argument report allegation suggestion warning promise pledge
        vow call proposal criticism remark comment announcement prediction insistence
        contention accusation charge denial admission acknowledgment acknowledgement threat
        demand request assurance message speculation rumor rumour testimony recommendation
        complaint confirmation insinuation case mention point plea appeal pitch observation
        attack attacks reference references question questions praise condemnation
        endorsement endorsements ridicule rebuke backlash flak fire shot shots swipe swipes
        jab jabs potshot potshots dig digs word words letter tweet post interview speech
        remarks comments statements reports claims""".split()),
}
THOUGHT_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        belief view views fear fears hope hopes concern concerns notion idea suspicion doubt
        doubts feeling feelings opinion opinions sense worry worries confidence optimism
        pessimism skepticism scepticism sympathy frustration outrage anger interest dismay
        displeasure disdain disapproval approval admiration contempt reservation reservations
        regret regrets impression illusion illusions enthusiasm mind thinking expectation
        expectations wish wishes""".split()),
}
# Adjectives after "be" that report a manner of speaking rather than a state of mind.
SPEECH_ADJECTIVES: dict[str, frozenset[str]] = {
    "en": frozenset("""
        clear explicit vocal outspoken candid blunt emphatic unequivocal upfront frank adamant
        insistent unapologetic apologetic""".split()),
}
# Light verbs that voice their noun ("expressed concern", "raised doubts"): the act is speech.
VOICING_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("express voice raise issue make give deliver offer float repeat".split()),
}
# Past forms that no suffix rule reaches, to read a cue's words without a parse (store upgrade).
IRREGULAR_FORMS: dict[str, dict[str, str]] = {
    "en": {"said": "say", "told": "tell", "thought": "think", "saw": "see", "seen": "see",
           "heard": "hear", "wrote": "write", "written": "write", "felt": "feel", "knew": "know",
           "known": "know", "spoke": "speak", "spoken": "speak", "sang": "sing", "swore": "swear",
           "sworn": "swear", "understood": "understand", "forgot": "forget", "forgotten": "forget",
           "gave": "give", "given": "give", "made": "make", "meant": "mean", "read": "read",
           "put": "put", "bet": "bet", "foresaw": "foresee", "foreseen": "foresee", "overheard": "overhear",
           "shot": "shoot", "went": "go", "began": "begin", "begun": "begin", "cried": "cry",
           "held": "hold", "took": "take", "taken": "take", "had": "have", "has": "have"},
}
# Lines that a web page puts between paragraphs to link elsewhere ("READ MORE: Trump says …"):
# the headline of another article, not a statement reported in this one.
LINK_LINE_PREFIXES: dict[str, tuple[str, ...]] = {
    "en": ("read more:", "read more -", "watch:", "watch below:", "watch more:", "related:", "more:",
           "also read:", "see also:", "click here", "listen:", "video:"),
}
