"""Cue verbs of saying: which words attribute speech, which take a content clause, which invert."""

from __future__ import annotations

import re


def _w(words: str) -> frozenset[str]:
    return frozenset(words.split())


_CUE_FORMS = """said says say saying told tells telling added adds adding denied denies denying
asked asks asking warned warns warning wrote writes writing stated states explained explains
explaining insisted insists insisting argued argues arguing claimed claims claiming noted notes
noting recalled recalls recalling replied replies replying responded responds continued
declared declares announced announces acknowledged acknowledges admitted admits conceded
concedes cautioned cautions complained complains vowed vows promised promises predicted
predicts suggested suggests stressed stresses emphasized emphasised emphasizes emphasises
observed remarked shouted yelled tweeted tweets posted testified testifies reiterated
reiterates confirmed confirms pledged urged urges accused accuses called calls calling
described describes describing dismissed dismisses denounced denounces criticized criticised
praised hailed branded labeled labelled blamed blames alleged alleges countered agreed
maintained maintains boasted joked lamented charged demanded disputed rejected rejects
answered exclaimed chanted whispered mused quipped added insisted objected protested"""
CUE_WORDS = _w(_CUE_FORMS)
# Cues that take a content clause: the ones that make reported speech.
REPORT_WORDS = _w(
    """said says told tells added denied denies warned warns wrote writes stated explained insisted
    insists argued argues claimed claims noted recalled announced announces acknowledged admitted
    conceded cautioned complained vowed promised predicted stressed emphasized emphasised
    confirmed reiterated testified alleged maintained saying adding warning insisting
    arguing claiming noting asked asks"""
)
# Cues that can stand before their subject: "said Peskov", "added the minister".
INVERTING = _w(
    """said says told added asked wrote warned continued explained insisted argued noted
    replied recalled declared acknowledged admitted cautioned complained observed remarked
    countered answered"""
)
CUE_RE = re.compile(
    r"(?<![\w’'-])(?:[Aa]ccording to|" + "|".join(sorted(CUE_WORDS)) + r")(?![\w’'-])"
)
