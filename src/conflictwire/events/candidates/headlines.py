"""Cues of headlines and press releases that are not happenings of their own.

* a cue that describes a person ("arrested a leader who directed attacks") tells no happening;
* a running total ("9,000 killed since the start of the conflict") is no one event;
* a trailing source ("...: Kiev", "... - Defence Ministry") or a leading speaker ("LPR says")
  names who speaks, not where it happened; a regional speaker's region is a fallback place.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from conflictwire.events.candidates.triggers import Trigger, find_triggers
from conflictwire.records import EventLocation

__all__ = [
    "described",
    "is_cumulative",
    "profiled_or_seized",
    "reaction_to",
    "sought_not_struck",
    "speaker_region",
    "speaker_spans",
    "told_before",
]

# A cue that describes a person rather than tells a happening: "arrested a leader who directed
# attacks", "suspected of planning attacks", "insurgents seen planting a roadside bomb".
_DESCRIBED = re.compile(
    r"\b(?:suspected\s+of|accused\s+of|responsible\s+for|involved\s+in|charged\s+with"
    r"|linked\s+to|wanted\s+for|(?:no|any|a|his|her|their)\s+role\s+in"
    r"|who\s+(?:had\s+|allegedly\s+|reportedly\s+)?(?:directed"
    r"|coordinated|planned|organi[sz]ed|facilitated|orchestrated|masterminded|carried\s+out"
    r"|conducted|(?:was|were)\s+planning)|(?:seen|caught|spotted)\s+(?:planting|emplacing"
    r"|placing|burying)|(?:believed|thought|suspected|alleged|known|said)\s+to\s+(?:have\s+)?"
    r"(?:been\s+)?(?:\w+ly\s+)?(?:involved\s+in|responsible\s+for|coordinated|directed|planned"
    r"|organi[sz]ed|facilitated|conducted|carried\s+out|led|coordinate|direct|plan|lead))"
    r"\s+(?:[\w-]+\s+){0,4}$",
    re.I,
)


# "held on a murder charge", "faces terrorism charges": the charge names a deed, not a happening.
_CHARGE_AFTER = re.compile(r"^[\w-]*\s+(?:charges?|counts?|case|suspects?|convictions?)\b", re.I)


# "analyst Mark Shell", "Royal Dutch Shell", "Sgt. Mike Riot", "nicknamed 'the Bomber'": a cue
# word that is part of a name (a capitalized word beside it, in running text) or a nickname.
_NAME_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][a-z'’-]+\s+$")
_NICKNAME_BEFORE = re.compile(
    r"\b(?:nicknamed|known\s+as|dubbed|alias|a\.k\.a\.|aka)\s+[\"“'‘]?(?:the\s+)?$", re.I
)
_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
_DEMONYM = re.compile(r"(?:ian|ese|ish|ean|i|an|ic)$")


def _title_case(text: str) -> bool:
    words = _WORDS.findall(text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def _named(text: str, start: int, end: int) -> bool:
    """The cue word at ``text[start:end]`` is a surname, a company's or a nickname."""
    before, word = text[:start], text[start:end]
    if _NICKNAME_BEFORE.search(before):
        return True
    if not word[:1].isupper() or _title_case(text):
        return False
    name = _NAME_BEFORE.search(before)
    if name is not None and not _DEMONYM.search(name.group(0).strip()):
        return True  # "Mark Shell"; but "Russian Shelling" is the shelling, capitalized
    return re.match(r"\s+[A-Z][a-z]", text[end:]) is not None  # "Shell Oil"


# "the financial crisis struck", "a cholera epidemic has killed 1,200", "died of the H5N1
# strain": a cue word whose doer or cause is no one's violence.
_NO_DOER = frozenset({
    "crisis", "recession", "disease", "virus", "flu", "influenza", "pandemic", "epidemic",
    "outbreak", "cholera", "malaria", "measles", "ebola", "storm", "earthquake", "quake",
    "hurricane", "cyclone", "typhoon", "tornado", "flood", "floods", "lightning", "drought",
    "famine", "illness", "cancer", "infection", "heatwave", "avalanche", "landslide",
    "tsunami", "accident", "crash", "collision",
})  # fmt: skip
_ILLNESS_AFTER = re.compile(
    r"^\s+(?:of|from)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:strain|virus|flu|disease"
    r"|illness|cancer|infection|complications|cholera|malaria|ebola|covid(?:-19)?|h\d+n\d+"
    r"|heart\s+attack|natural\s+causes|overdose|injuries\s+sustained\s+in\s+(?:a|the)\s+crash)\b"
    r"|^\s+(?:after|when)\s+(?:contracting|catching|being\s+infected)",
    re.I,
)


def _no_doer(sent: Span, trig: Trigger) -> bool:
    if _ILLNESS_AFTER.match(sent.text[trig.end - sent.start_char :]):
        return True
    span = sent.doc.char_span(trig.start, trig.end, alignment_mode="expand")
    if span is None or len(span) == 0 or span.root.pos_ != "VERB":
        return False
    subj = _subject(span.root)
    return subj is not None and subj.lemma_.lower() in _NO_DOER


def described(sent: Span, trig: Trigger) -> bool:
    offset = sent.start_char
    if _no_doer(sent, trig):
        return True
    if _CHARGE_AFTER.match(sent.text[trig.end - offset :]):
        return True
    if _named(sent.text, trig.start - offset, trig.end - offset):
        return True
    return _DESCRIBED.search(sent.text[: trig.start - offset]) is not None


# Weapons someone found, seized or dealt in are objects, not attacks: "seized grenades and
# suicide vests", "a cache containing mortar rounds", "distributing IEDs".
_HANDLED = frozenset({
    "seize", "find", "discover", "recover", "confiscate", "uncover", "contain", "possess",
    "store", "hide", "transport", "smuggle", "procure", "distribute", "manufacture", "supply",
    "sell", "buy", "cache", "arrest", "detain", "capture", "apprehend", "wear", "pack",
    "load", "set", "rig",
})  # fmt: skip
# A press release's profile of its target tells what the person does, not one happening:
# "The leader directs roadside bomb attacks", "the commander coordinated and conducted attacks".
_ROLES = frozenset({
    "leader", "commander", "sub-commander", "subcommander", "facilitator", "financier", "chief",
    "emir", "network", "cell", "operative", "expert", "maker", "trafficker", "associate",
    "insurgent", "militant",
})  # fmt: skip
_PROFILE_VERBS = frozenset({
    "coordinate", "conduct", "direct", "oversee", "plan", "facilitate", "organize", "organise",
    "orchestrate", "mastermind", "supply", "provide", "finance", "fund", "train", "lead",
    "command", "operate", "help", "assist", "be", "oversaw", "responsible", "instrumental",
    "involve", "know",
})  # fmt: skip


def _subject(verb: Token) -> Token | None:
    while True:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
            return subj
        verb = verb.head


# What a named person does in a profile ("Mullah Nazar organized attacks"); "X conducted an
# attack" tells a happening, so the verbs are narrower than a role noun's.
_NAMED_PROFILE_VERBS = frozenset({
    "organize", "organise", "coordinate", "direct", "oversee", "facilitate", "orchestrate",
    "mastermind", "supply", "finance", "fund", "train", "plan", "command", "procure",
    "distribute", "run",
})  # fmt: skip


def _role_subject(verb: Token) -> bool:
    subj = _subject(verb)
    if subj is None:
        return False
    if subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subj = verb.head
    if any(t.lemma_.lower() in _ROLES and t.tag_ in ("NN", "NNP") for t in subj.subtree):
        return True  # "The leader, Mullah Rahmatullah, organized attacks"
    return subj.pos_ == "PROPN" and verb.lemma_.lower() in _NAMED_PROFILE_VERBS


# "ISAF condemns the attack", "police confirmed the attack", "marked the anniversary of the
# massacre": a reaction to a happening already told (or long past), not another one.
_REACTIONS = frozenset({
    "condemn", "denounce", "deplore", "regret", "investigate", "mourn", "decry", "criticize",
    "criticise", "praise", "welcome", "confirm", "commemorate", "remember", "mark",
})  # fmt: skip


_SOUGHT = frozenset({"operation", "raid", "search", "mission", "sweep"})


def sought_not_struck(tok: Token) -> bool:
    """ "The operation targeted a Taliban facilitator": the raid sought him; no strike."""
    return tok.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _SOUGHT for c in tok.children
    )


def told_before(tok: Token) -> bool:
    """ "the civilian who died", "those who were killed": a death the story already told,
    named again in a relative clause on a definite noun."""
    head = tok.head
    return tok.dep_ == "relcl" and any(
        c.dep_ == "det" and c.lower_ in ("the", "those", "these") for c in head.children
    )


def reaction_to(tok: Token) -> bool:
    """A definite trigger noun that is the object of a reaction verb ("condemned the attack")."""
    if tok.pos_ not in ("NOUN", "PROPN") or not any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those", "today's")
        for c in tok.children
    ):
        return False
    head = tok.head
    while head.dep_ in ("prep", "pobj", "conj") and head.head.i != head.i:
        head = head.head
    return head.lemma_.lower() in _REACTIONS


def profiled_or_seized(tok: Token) -> bool:
    """A weapon or attack noun that is an object handled or a target's profile, not a happening."""
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB") or tok.tag_.startswith("VBD"):
        return False
    nominal = tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound")
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            break
        node = node.head
        lemma = node.lemma_.lower()
        if lemma in _HANDLED and nominal:
            return True
        if lemma in ("responsible", "instrumental", "involved") and node.pos_ == "ADJ":
            return True
        if node.pos_ in ("VERB", "AUX") and not (
            node.dep_ in ("amod", "compound") or (node.dep_ == "acl" and node.tag_ == "VBN")
        ):
            # A participle modifying a noun ("rocket-propelled grenades") is no clause head.
            return lemma in _PROFILE_VERBS and _role_subject(node) and nominal
    return False


# A running total is no one happening: "More than 9,000 killed since start of conflict".
_CUMULATIVE = re.compile(
    r"\b(?:since (?:the )?(?:start|beginning|outbreak)(?! of (?:the |this )?(?:day|morning|night"
    r"|week))|since \d{4}|in (?:the |russia['’]s )?war"
    r"(?![\w-])(?! zone)|this year|so far|in total|summary|overall"
    r"|total (?:of|losses|death toll))\b",
    re.I,
)


# A headline's trailing source ("...: Kiev", "... - Defence Ministry", "... - JFO HQ") and a
# leading speaker ("Kiev reports ...", "LPR says ...") tell who speaks, not where it happened.
_TAIL_SOURCE = re.compile(r"(?:\s[-–—]+\s+|:\s+)(?P<src>[^:\n–—]{1,60}?)\s*[.!?]?\s*$")
_LEAD_SPEAKER = re.compile(
    r"^\W*(?P<src>(?:[A-Z][\w.'’-]*\s+){0,3}?[A-Z][\w.'’-]*)\s+(?:says|said|reports|reported"
    r"|claims|claimed|accuses|accused|announces|announced|confirms|confirmed)\b"
)


def speaker_region(loc: EventLocation) -> EventLocation:
    """A regional speaker's or actor's region ("- DPR Operational Command", "LPR militiaman")
    when the text names no other place: a region's authority or force tells of its own ground.
    A national capital ("...: Kiev", "Kiev troops") stands for the whole country: no place."""
    place = loc.place
    if place is None or place.feature_code == "PPLC" or place.kind not in ("admin1", "admin2"):
        return EventLocation(None, None, None, loc.country)
    return EventLocation(place, 3, loc.location_text, loc.country)


def speaker_spans(sent: Span) -> list[tuple[int, int]]:
    """Where the sentence names who tells it, as (start, end) in document offsets."""
    spans = []
    text = sent.text
    tail = _TAIL_SOURCE.search(text.rstrip())
    if tail is not None:
        src = tail.group("src")
        if len(src.split()) <= 6 and not re.search(r"\d", src) and not find_triggers(src, 0):
            spans.append((sent.start_char + tail.start("src"), sent.start_char + tail.end("src")))
    lead = _LEAD_SPEAKER.match(text)
    if lead is not None:
        spans.append((sent.start_char + lead.start("src"), sent.start_char + lead.end("src")))
    return spans


def is_cumulative(text: str) -> bool:
    return _CUMULATIVE.search(text) is not None
