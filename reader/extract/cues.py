"""Cues of saying: verbs in every inflection, multi-word cues, and the nouns of a colon credit.

A cue is what ties words to a speaker: "said", "bristled", "went on to say", "according to",
"Kerr's reply:". Verbs are listed by their base form and inflected here, so "responds",
"responded" and "responding" all count. ``CUE_WORDS`` is every form; ``REPORT_WORDS`` the forms
that take a content clause (reported speech: "said the plan would fail"); ``INVERTING`` the forms
that may stand before their subject ("said the minister").
"""

from __future__ import annotations

import re


def _w(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Verbs of saying, and of attitudes news reports as speech ("believes", "called it").
_SAYING = """say tell add deny ask warn write state explain insist argue claim note recall reply
respond continue declare announce acknowledge admit concede caution complain vow promise predict
suggest stress emphasize emphasise observe remark shout yell tweet post testify reiterate confirm
pledge urge accuse call describe dismiss denounce criticize criticise praise hail brand label
blame allege counter agree maintain boast joke lament charge demand dispute reject answer exclaim
chant whisper muse quip object protest bristle retort snap scoff sneer fume rant gush marvel
concur assert contend report reveal disclose elaborate clarify affirm assure brag comment confess
crow echo groan grumble hint implore inform instruct interject interrupt laugh lecture mention
moan mock mumble murmur mutter opine plead proclaim pronounce propose query question quote recount
reason recommend reflect remind repeat reassure scream sigh speculate swear tease theorize
theorise thunder underscore underline volunteer wonder advise signal attest forecast estimate
slam blast attack thank congratulate welcome applaud condemn decry lambast lambaste deride
ridicule taunt chide scold rebuke chastise threaten beg pray cry sing read speak add tout
champion defend characterize characterise dub nickname term refer liken compare summarize
summarise conclude preach grouse gripe huff specify stipulate vouch guarantee lobby demur
hedge waver quibble rail knock press"""
_THINKING = """believe think feel fear worry hope expect consider view regard see know suspect
doubt imagine figure reckon assume guess trust wish want"""
# Verbs that take a content clause ("said the plan would fail"): reported speech.
_CLAUSE = """say tell add deny warn write state explain insist argue claim note recall announce
acknowledge admit concede caution complain vow promise predict stress emphasize emphasise confirm
reiterate testify allege maintain ask assert contend report reveal disclose"""
# Verbs that may stand before their subject: "said the minister", "responded aide Ivo Prent".
_INVERTING = """say tell add ask write warn continue explain insist argue note reply recall
declare acknowledge admit caution complain observe remark counter answer respond retort snap
quip shout yell scoff sneer concede wonder muse joke exclaim explain offer recount testify tweet
post conclude report"""

_IRREGULAR = {
    "say": "says said saying",
    "tell": "tells told telling",
    "write": "writes wrote written writing",
    "speak": "speaks spoke spoken speaking",
    "swear": "swears swore sworn swearing",
    "read": "reads read reading",
    "think": "thinks thought thinking",
    "feel": "feels felt feeling",
    "know": "knows knew known knowing",
    "see": "sees saw seen seeing",
    "sing": "sings sang sung singing",
    "forecast": "forecasts forecast forecasting",
    "lambast": "lambasts lambasted lambasting",
    "quote": "quotes quoted quoting",
}
_DOUBLING = _w(
    """admit commit quip snap regret rebut chat refer prefer concur jab blog plan stop spar
    control compel propel"""
)


def inflect(verb: str) -> tuple[str, ...]:
    """Every form of a regular verb: base, -s, -ed, -ing (and the irregular ones listed)."""
    if verb in _IRREGULAR:
        return (verb, *_IRREGULAR[verb].split())
    if verb in _DOUBLING:
        last = verb[-1]
        return (verb, verb + "s", verb + last + "ed", verb + last + "ing")
    if verb.endswith("e"):
        return (verb, verb + "s", verb + "d", verb[:-1] + "ing")
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return (verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing")
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return (verb, verb + "es", verb + "ed", verb + "ing")
    return (verb, verb + "s", verb + "ed", verb + "ing")


def _forms(verbs: str) -> frozenset[str]:
    return frozenset(f for v in verbs.split() for f in inflect(v))


# Base forms: "will say", "to tell", "did not deny" are cues too, but a base form alone
# ("the say", "a call") is often a noun, so it counts only after an auxiliary or "to".
BASE_FORMS = frozenset(_SAYING.split()) | frozenset(_THINKING.split())
# Past participles that are seldom active cues ("he is known to …", "was seen as")
_PARTICIPLES = _w("known seen sung spoken sworn written")
SAYING_WORDS = (_forms(_SAYING) - BASE_FORMS - _PARTICIPLES) | _w("said read")
THINKING_WORDS = _forms(_THINKING) - BASE_FORMS - _PARTICIPLES
CUE_WORDS = SAYING_WORDS | THINKING_WORDS
REPORT_WORDS = _forms(_CLAUSE) - BASE_FORMS - _w("asking")
INVERTING = _forms(_INVERTING) - BASE_FORMS - _w("saying telling adding asking writing")

# Multi-word cues: the verb's cue span reaches over the particle or the rest of the phrase.
MULTI_WORD = re.compile(
    r"(?:went|goes|go|going)\s+on\s+to\s+(?:say|add|tell|note|write|call|describe)s?\b"
    r"|(?:went|goes)\s+on(?=\s*[,.;:])"
    r"|(?:pointed|points|pointing|point)\s+out\b"
    r"|(?:shot|shoots|fired|fires|hit|hits|struck|strikes|pushed|pushes)\s+back\b"
    r"|(?:lashed|lashes|spoke|speaks|cried|cries|called|calls|reached|reaches)\s+out\b"
    r"|(?:weighed|weighs|chimed|chimes|piped|pipes|jumped|jumps)\s+in\b"
    r"|(?:summed|sums|wrapped|wraps|summing|followed|follows)\s+up\b"
    r"|(?:made|makes|making)\s+(?:clear|the\s+case|the\s+point)\b"
    r"|(?:had|has|have)\s+this\s+to\s+say\b"
    r"|(?:took|takes|taking|went|goes)\s+to\s+(?:Twitter|X|Facebook|Instagram|social\s+media|the\s+podium|the\s+floor)\b"
)
# The verbs a multi-word cue starts with, so a scan for cues can find it by its first word.
MULTI_STARTS = _w(
    """went goes go going pointed points pointing point shot shoots fired fires hit hits struck
    strikes pushed pushes lashed lashes spoke speaks cried cries called calls reached reaches
    weighed weighs chimed chimes piped pipes jumped jumps summed sums wrapped wraps summing
    followed follows made makes making had has have took takes taking"""
)

# Nouns that credit what follows a colon to their possessor or subject: "Kerr's reply: “No.”"
SPEECH_NOUNS = _w(
    """reply replies response responses answer answers statement statements message messages
    words verdict retort comment comments remark remarks tweet tweets post posts note notes
    letter letters email emails text texts view views take advice warning warnings plea
    explanation argument argued line pitch promise vow message slogan mantra motto rejoinder
    response quote quip joke assessment conclusion diagnosis summary version account
    assertion assertions claim claims insistence suggestion description characterization
    characterisation dictum pledge pledges demand charge accusation accusations complaint
    admission prediction boast refrain catchphrase tagline motto advice question questions
    criticism praise testimony speech remarks message argument thesis theory opinion belief
    contention point words verdict phrase broadside attack attacks call calls appeal cry
    denunciation dismissal rebuke swipe jab dig retweet headline headlines title motto
    message tweetstorm rant tirade lament"""
)


def _trie(words: frozenset[str]) -> str:
    """An alternation of ``words`` as a prefix tree ("sa(?:id|ys)"): several times quicker for
    the regex engine to try at each position than a flat list of hundreds of words."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if ends else body

    return build(tree)


def _cue_pattern(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?<![’'-])(?:[Aa]ccording to|" + _trie(words) + r")\b(?![’'-])")


CUE_RE = _cue_pattern(CUE_WORDS)
# The cues of reported speech only: a shorter pattern, run over the whole text.
REPORT_RE = _cue_pattern(REPORT_WORDS)
