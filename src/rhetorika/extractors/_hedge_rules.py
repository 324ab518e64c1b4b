"""Context rules: accept, reject or re-read a lexicon match by its neighbours.

Every ambiguous entry of the hedge lexicon names one of these rules. A rule
gets a `Candidate` (the match, the words around it within its
sentence, and its spaCy token when the ``Doc`` has tags or a parse) and
returns a `Verdict` or ``None`` to reject the match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from rhetorika._contractions import WITHOUT_APOSTROPHE
from rhetorika._text import fold
from rhetorika._wordclasses import (
    BE,
    DETERMINERS,
    FINITE,
    FIRST_PERSON,
    NEGATORS,
    PERSONAL_PRONOUNS,
    POSSESSIVES,
    SUBJECT_PRONOUNS,
)
from rhetorika.data._affect import affect_table
from rhetorika.extractors._hedge_entry import LexiconEntry, normalize

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "RULES",
    "Candidate",
    "Rule",
    "Verdict",
    "bounded_time",
    "hypothetical",
    "is_number",
    "negated",
    "past_form",
]

_WINDOW = 80

# --- context -----------------------------------------------------------------------------

_CONTEXT_WORD = re.compile(r"[^\W_]+(?:['\u2019\x92][^\W_]+)*|['\u2019\x92][^\W_]+|[^\w\s]")
# The first alternative of _CONTEXT_WORD after whitespace: the first word of ``right``.
_FIRST_WORD = re.compile(r"\s*([^\W_]+(?:'[^\W_]+)*)")


class Candidate:
    """A lexicon match with the words around it, for context rules.

    ``left`` holds the lower-cased words before the match in its sentence,
    nearest last; ``right`` the words after it, nearest first (both read
    lazily, since most rules need only a word or two on one side). ``token``
    is the match's first spaCy token when the ``Doc`` has POS tags or a parse.
    ``folded`` is `rhetorika._text.fold()` of ``text`` (the same length), which
    the candidate pass has made anyway: context words are read from it, so no
    window is folded again; ``form``, the match's `normalize()`, is its lexicon key.
    """

    __slots__ = (
        "_left",
        "_right",
        "end",
        "entry",
        "folded",
        "form",
        "limits",
        "raw",
        "start",
        "tagged",
        "text",
        "token",
    )

    def __init__(
        self,
        *,
        text: str,
        start: int,
        end: int,
        limits: tuple[int, int],
        entry: LexiconEntry,
        token: Token | None = None,
        tagged: bool = False,
        folded: str | None = None,
        form: str | None = None,
    ) -> None:
        self.text = text
        self.folded = fold(text) if folded is None else folded
        self.start = start
        self.end = end
        self.limits = limits
        self.raw = text[start:end]
        self.form = normalize(self.raw) if form is None else form
        self.entry = entry
        self.token = token
        self.tagged = tagged
        self._left: list[str] | None = None
        self._right: list[str] | None = None

    @property
    def left(self) -> list[str]:
        """Lower-cased words before the match within its sentence, nearest last."""
        if self._left is None:
            begin = max(self.limits[0], self.start - _WINDOW)
            self._left = _words(self.folded[begin : self.start])
        return self._left

    @property
    def right(self) -> list[str]:
        """Lower-cased words after the match within its sentence, nearest first."""
        if self._right is None:
            end = min(self.limits[1], self.end + _WINDOW)
            self._right = _words(self.folded[self.end : end])
        return self._right

    def l(self, index: int) -> str:  # noqa: E743
        """The ``index``-th word to the left (1 = adjacent), or ``""``."""
        left = self.left
        return left[-index] if len(left) >= index else ""

    def r(self, index: int) -> str:
        """The ``index``-th word to the right (1 = adjacent), or ``""``."""
        right = self.right
        return right[index - 1] if len(right) >= index else ""

    def next_word(self) -> str | None:
        """``r(1)`` when it is a word, found without reading ``right``; else ``None``.

        One anchored match instead of tokenizing the whole window: most
        candidates of the commonest cues ("some", "about") are rejected by
        the word after them. ``None`` (punctuation or nothing follows) sends
        the rule to its full reading.
        """
        if self._right is not None:
            return self._right[0] if self._right and self._right[0][:1].isalnum() else None
        end = min(self.limits[1], self.end + _WINDOW)
        match = _FIRST_WORD.match(self.folded, self.end, end)
        if match is None:
            return None
        word = match.group(1)
        return WITHOUT_APOSTROPHE.get(word, word)


class Verdict(NamedTuple):
    """What a rule decided about an accepted candidate."""

    kind: str
    category: str
    subtype: str
    rule: str


Rule = Callable[[Candidate], "Verdict | None"]


def _words(segment: str) -> list[str]:
    """The words of a folded segment, with "dont" and the like read as "don't"."""
    words = _CONTEXT_WORD.findall(segment)
    if WITHOUT_APOSTROPHE.keys().isdisjoint(words):
        return words
    return [WITHOUT_APOSTROPHE.get(word, word) for word in words]


# --- word classes --------------------------------------------------------------------------

_BE = BE | frozenset(
    "'s 're 'm isn't aren't wasn't weren't i'm it's that's there's he's she's we're they're "
    "you're".split()
)
_NEGATORS = NEGATORS | frozenset("n't scarcely barely without cannot".split())
_DETERMINERS = DETERMINERS | POSSESSIVES | frozenset("what which each one same all other".split())
_SUBJECT_PRONOUNS = SUBJECT_PRONOUNS | frozenset("there this that one".split())
_OBJECT_PRONOUNS = frozenset("me him her them us".split())
_FIRST_PERSON = FIRST_PERSON | {"we'd"}
_FINITE = FINITE | frozenset(
    "'s 're 'm may might couldn't wouldn't shouldn't haven't hasn't hadn't 'll 'd 've".split()
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions "
    "trillion dozen dozens half twice thrice double triple".split()
)
_AFTER_A_NUMBER = frozenset(
    "dozen hundred thousand million billion trillion third quarter half fifth tenth "
    "score couple".split()
)
_CURRENCY = frozenset("$ £ € ¥ us$".split())
_CLAUSE_END = frozenset(". , ; : ! ? ) ] … - – —".split()) | {""}
_SKIP_BEFORE_VERB = frozenset(
    "really do does did don't doesn't didn't n't not also still personally honestly just "
    "sincerely strongly truly firmly genuinely actually always never certainly now even only "
    "somehow would 'd could might may will 'll can must should have has had 've am 'm is are "
    "was were 's 're be been being tend tended to come came started start begin began "
    "generally often usually sometimes therefore thus both all kind sort of do n't also "
    "further initially originally later once long".split()
)
_PASSIVE_ADVERBS = frozenset(
    "widely generally commonly often long also still now once popularly largely "
    "traditionally sometimes usually frequently mistakenly wrongly previously initially "
    "originally later further even not n't never been being formerly mostly broadly "
    "universally increasingly variously alternately first".split()
)
_PASSIVE_AUX = _BE | frozenset("get gets got getting become became".split())
_VAGUE_SOURCES = frozenset(
    "some many most several various numerous critics experts observers analysts "
    "commentators scholars historians scientists sources skeptics sceptics detractors "
    "others people researchers economists authors writers fans opponents supporters "
    "proponents".split()
)
_VAGUE_FILLERS = _VAGUE_SOURCES | frozenset(
    "of them have has had also even still now would 've do did however , often claim "
    "political military legal western local independent".split()
)
_REPORTING = frozenset(
    "say says said argue argues argued believe believes believed claim claims claimed "
    "contend contends contended suggest suggests suggested think thinks thought feel feels "
    "felt maintain maintains maintained assert asserts asserted allege alleges alleged "
    "insist insists insisted note noted warn warns warned speculate speculated consider "
    "considers considered regard regards regarded view views viewed agree agrees agreed "
    "fear fears feared suspect suspects suspected question questioned doubt doubts doubted "
    "dispute disputed hold holds held estimate estimated worry worried charge charged "
    "wonder wondered call called describe described see sees saw accuse accused "
    "predict predicted expect expected saying arguing claiming contending suggesting "
    "insisting warning noting alleging asserting maintaining predicting".split()
)
_DEGREE = frozenset(
    "so too very quite really entirely completely totally all that absolutely particularly "
    "always yet even exactly fully altogether necessarily at 100% pretty terribly".split()
)


def _is_number(word: str) -> bool:
    return any(char.isdigit() for char in word) or word in _NUMBER_WORDS


def _negated(left: list[str], *, reach: int = 3, skip: frozenset[str] = _DEGREE) -> bool:
    """Whether a negator stands among the last ``reach`` words, degree words skipped."""
    seen = 0
    for word in reversed(left):
        if word in _NEGATORS or word.endswith("n't"):
            return True  # before the be-forms: "isn't necessarily", "wasn't really"
        if word in skip or word in _BE:
            continue
        seen += 1
        if seen >= reach:
            return False
    return False


_INSERT_PUNCTUATION = frozenset([",", ")", '"', "\u201d", "]"])


def _subject(c: Candidate) -> str:
    """The nearest word before a verb that is not an auxiliary or adverb, or ``""``."""
    token = c.token
    if token is not None and token.dep:
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return normalize(child.text)
    for word in reversed(c.left):
        if word not in _SKIP_BEFORE_VERB and word not in _INSERT_PUNCTUATION:
            return word
    return ""


def _passive(c: Candidate) -> bool:
    """Whether the participle follows a form of *be* (adverbs skipped)."""
    token = c.token
    if token is not None and token.dep:
        return any(child.dep_ == "auxpass" for child in token.children)
    for word in reversed(c.left):
        if word == "been":
            return True  # "has been assumed by many"
        if word in _PASSIVE_ADVERBS:
            continue
        return word in _PASSIVE_AUX
    return False


_NOMINATIVE = frozenset("i we he she they".split())
_TITLES = frozenset("mr mrs ms dr st gov sen rep gen prof".split())
_SENTENCE_ADVERBS = frozenset(
    "again also still now really just honestly personally strongly firmly truly sincerely "
    "genuinely actually certainly even then very quite deeply".split()
)

# Words that end a subject noun phrase without a verb: its own relative clause
# ("a palace that had been abandoned"), a subordinate clause or a comparison.
_SUBJECT_STOP = (
    frozenset(
        "that which who whom whose where when while because although though since than if "
        "unless until as like".split()
    )
    | _CLAUSE_END
    | frozenset(['"', "(", "\u201c", "\u201d"])
)


def _clause_opens(words: list[str]) -> bool:
    """Whether ``words`` open a finite clause: a subject, then an auxiliary or copula.

    A pronoun subject reaches its verb within a few words ("it 's raining",
    "they were never told"); a noun phrase within a few more, and not
    across a relative pronoun, a subordinator or punctuation, so "a palace
    that had been abandoned" and "flimsy, like toys" are a noun phrase and
    an adjective, not clauses. After a noun, "'s" is read as a possessive
    ("the singer 's voice").
    """
    if not words:
        return False
    first = words[0]
    if first.split("'")[0] in _NOMINATIVE:
        return True  # "like I wasted the evening": only a clause has a nominative subject
    if first.split("'")[0] in ("you", "it", "there") and "'" in first:
        return True  # a contracted subject and verb: "you're", "it's" (not relative "that's")
    if first in _FINITE:
        return True  # the subject moved away: "what it thinks is important"
    if first in _SUBJECT_PRONOUNS or first in PERSONAL_PRONOUNS:
        reach, possessive = 4, False
    elif first in _DETERMINERS:
        reach, possessive = 8, True
    elif first[:1].isalpha():
        reach, possessive = 5, True
    else:
        return False
    previous = first
    for word in words[1 : reach + 1]:
        if word == "." and previous in _TITLES:
            continue  # "Mr. Cruz has"
        previous = word
        if word in _SUBJECT_STOP:
            return False
        if (word in _FINITE and not (possessive and word == "'s")) or word.endswith("n't"):
            return True
    return False


def _object_infinitive(right: list[str]) -> bool:
    """Whether a short noun phrase and *to* open ``right`` ("growth to slow", "them to win")."""
    for index, word in enumerate(right[:5]):
        if word == "to":
            return index > 0 and index + 1 < len(right) and right[index + 1][:1].isalpha()
        if word in _SUBJECT_STOP or word in _FINITE:
            return False
    return False


def _clause_follows(right: list[str]) -> bool:
    """Whether a finite clause (or *that*, *like*/*as if* + clause, a final *so*) follows."""
    while right and right[0] in _SENTENCE_ADVERBS:
        right = right[1:]  # "we assumed again that ..."
    if not right:
        return False
    first = right[0]
    if first == "that":
        return right[1:2] != ["way"]  # "we feel that way" holds a view, no clause
    if first == "so":
        return len(right) == 1 or right[1] in _CLAUSE_END  # "I think so."
    if first == "like":
        return _clause_opens(right[1:])  # "I feel like we are ignored", not "like a dog"
    if first == "as" and len(right) > 1 and right[1] in ("if", "though"):
        return True
    return _clause_opens(right)


def _keep(c: Candidate, rule: str) -> Verdict:
    entry = c.entry
    return Verdict(entry.kind, entry.category, entry.subtype, rule)


def _as_hedge(category: str, subtype: str, rule: str) -> Verdict:
    return Verdict("hedge", category, subtype, rule)


# --- the rules -----------------------------------------------------------------------------


_TOPIC_NOUNS = frozenset(
    "song songs story stories book books film films movie movies novel novels tale tales "
    "article articles poem poems documentary show play series album track talk talks "
    "lecture speech essay report question questions".split()
)
_CIRCLING_VERBS = frozenset(
    "center centers centered centred centres centre revolve revolves revolved "
    "revolving centering".split()
)
_PRONOUN_ONE_AFTER = frozenset("of another who that which".split())


def quantity_follows(c: Candidate) -> Verdict | None:
    """Rounders ("about", "around", "some") count only before a number or quantity.

    The preposition a noun or verb selects stays a preposition before a
    number: "a song about two brothers", "the plot centers around three
    friends"; so does "about one of" ("one" a pronoun).
    """
    following = c.next_word()
    if following is not None and not (
        _is_number(following) or following in ("a", "an") or following in _CURRENCY
    ):
        return None  # "about the plan": decided without reading the context words
    first, second = c.r(1), c.r(2)
    if c.l(1) in _TOPIC_NOUNS or c.l(1) in _CIRCLING_VERBS:
        return None
    if first == "one" and second in _PRONOUN_ONE_AFTER:
        return None
    if first in _CURRENCY:
        first = second
        second = c.r(3)
    if _is_number(first) or (first in ("a", "an") and second in _AFTER_A_NUMBER):
        return _keep(c, "quantity_follows")
    return None


def quantity_precedes(c: Candidate) -> Verdict | None:
    """ "or so" rounds only right after a quantity ("20 minutes or so")."""
    if any(_is_number(word) for word in c.left[-3:]) or c.l(2) in ("a", "an"):
        return _keep(c, "quantity_precedes")
    return None


_TAXONOMIC_BEFORE = _DETERMINERS | frozenset(
    "different new special certain particular similar strange same kind sort".split()
)


def adaptor_not_taxonomic(c: Candidate) -> Verdict | None:
    """ "kind of"/"sort of" hedge ("kind of odd"), but not "a kind of tree"."""
    token = c.token
    if token is not None and token.dep:
        if any(child.dep_ in ("det", "amod", "poss") for child in token.children):
            return None
        return _keep(c, "adaptor_not_taxonomic")
    if c.l(1) in _TAXONOMIC_BEFORE or c.r(1) in _KIND_HEADS:
        return None  # "a kind of tree", "in a self-parody sort of way"
    if c.l(2) in _DETERMINERS and c.l(1) not in _BE and c.l(1) not in _FINITE:
        return None
    return _keep(c, "adaptor_not_taxonomic")


# Nouns that "X sort of" classifies: "a self-parody sort of way", "a rock kind of thing".
_KIND_HEADS = frozenset("way thing things person people guy stuff place".split())


def extent_not_degree_clause(c: Candidate) -> Verdict | None:
    """ "to some extent" hedges; "to a degree that ..." and "to the extent of" measure."""
    if c.r(1) in ("that", "of", "which", "where", "unprecedented", "never", "not"):
        return None
    return _keep(c, "extent_not_degree_clause")


def rather_degree(c: Candidate) -> Verdict | None:
    """ "rather" softens ("rather odd"), except in "rather than", "would rather", "or rather".

    After a negation, "but rather" corrects ("not a villain but rather a
    victim"); it does not soften as in "small but rather elegant".
    """
    if c.r(1) in ("than", ",", "") or c.l(1) in ("would", "'d", "i'd", "had", "or", "we'd"):
        return None
    if (c.l(1) == "but" or (c.l(2) == "but" and c.l(1) in _BE)) and any(
        word in _NEGATORS or word.endswith("n't") for word in c.left
    ):
        return None
    return _keep(c, "rather_degree")


_YOU_MAY_EPISTEMIC = frozenset(
    "be have well find notice want wish know recall remember think feel need like already "
    "experience see hear get end never even encounter".split()
)
_MONTH_CONTEXT = frozenset(
    "in on of since until by from early late mid last next this through during before "
    "after till".split()
)


def may_modal(c: Candidate) -> Verdict | None:
    """Epistemic "may"; not the month or a name ("May 2024", "Theresa May"), not permission."""
    token = c.token
    if c.tagged and token is not None:
        if token.tag_ and token.tag_ != "MD":
            return None
    elif c.raw[:1] == "M" and c.raw != "MAY":
        sentence_initial = not c.left or c.l(1) in ('"', "'", "\u201c", "(", "-", "\u2014")
        if not sentence_initial or c.l(1) in _MONTH_CONTEXT:
            return None
        if _is_number(c.r(1)) or c.r(1) in (",", "") or c.r(1) in _SUBJECT_PRONOUNS:
            return None
        if c.r(1) in ("god", "the", "he", "she", "they", "peace", "all"):
            return None
    if c.r(1) in ("i", "we"):
        return None  # "how may I help", "may we ask"
    if c.r(1) == "as" and c.r(2) == "well":
        return None
    if c.l(1) == "be" or (c.l(2) == "case" and c.l(1) == "the") or c.l(1) == "what":
        return None  # "come what may", "as the case may be", "be that as it may"
    if c.l(1) == "it" and c.l(2) == "as" and c.l(3) == "that":
        return None
    addressee = c.l(1) == "you" or (c.l(2) == "you" and c.l(1) in ("now", "also", "still", "then"))
    epistemic_next = c.r(1) in _YOU_MAY_EPISTEMIC or (
        c.r(1) in ("also", "not", "still") and c.r(2) in _YOU_MAY_EPISTEMIC
    )
    if addressee and not epistemic_next:
        return None  # permission: "you may leave"
    return _keep(c, "may_modal")


_MIGHT_NOUN_BEFORE = frozenset(
    "the its his her their our my your military economic naval industrial nuclear full all "
    "with of american russian chinese soviet western air financial sheer great mighty "
    "imperial".split()
)


def might_modal(c: Candidate) -> Verdict | None:
    """Epistemic "might"; not the noun ("military might", "with all his might")."""
    token = c.token
    if c.tagged and token is not None and token.tag_ and token.tag_ != "MD":
        return None
    if c.l(1) in _MIGHT_NOUN_BEFORE:
        return None
    if c.r(1) == "as" and c.r(2) == "well":
        return None
    return _keep(c, "might_modal")


_ABILITY_ADVERBS = frozenset(
    "barely hardly scarcely finally no longer never not only successfully still".split()
)
# "Easily" leaves the reading of "could" to the verb after it: "could easily
# be argued" (possibility), "could easily see" (ability). "Still" marks
# retained ability ("could still walk") except before "be" or "have".
_COULD_NEUTRAL = frozenset(["easily"])
_RESULT_PARTICIPLES = frozenset(
    "detected measured observed established found identified demonstrated seen heard shown "
    "obtained isolated achieved reproduced confirmed recovered localized localised "
    "distinguished resolved visualized visualised determined performed completed "
    "reached saved built".split()
)
_ABILITY_VERBS = frozenset(
    "see hear tell feel smell taste sense afford remember recall understand swim read write "
    "speak walk run sleep breathe stand bear handle resist help wait move eat drive play "
    "manage barely hardly".split()
)


_DEGREE_AFTER_SO = frozenset("much many far long little few".split())


def could_epistemic(c: Candidate) -> Verdict | None:
    """Epistemic "could" ("it could rain"); not past ability ("she could swim")."""
    right = c.right
    skipped = 0
    while skipped < 2 and len(right) > skipped + 1:
        word = right[skipped]
        if word in _COULD_NEUTRAL or (word == "still" and right[skipped + 1] in ("be", "have")):
            skipped += 1
        else:
            break
    if right[skipped : skipped + 2] == ["not", "only"]:
        skipped += 2  # "could not only destroy him but ...": not a negation
    first, second = c.r(1 + skipped), c.r(2 + skipped)
    if first in _ABILITY_ADVERBS or first.endswith("n't"):
        return None
    if first in _CLAUSE_END or first == "to":
        return None  # "as fast as he could.", "did what we could to help"
    if c.r(1) in ("i", "we", "you"):
        return None  # inversion: "nor could I say", "could you help"
    if first in _ABILITY_VERBS:
        return None  # past ability: "I could see why", "she could swim"
    if first == "be" and second in _RESULT_PARTICIPLES:
        return None  # a reported result: "no binding could be detected"
    if c.l(1) in ("before", "until", "till") or c.l(2) in ("before", "until", "till"):
        return None  # "before he could talk"
    window = c.left[-4:]
    if "if" in window and "," not in window[window.index("if") :]:
        return None  # inside the if-clause; "if mishandled, could have ruined" is possibility
    if "wish" in window or "how" == c.l(1):
        return None
    purpose_so = c.l(2) == "so" and len(c.left) > 2 and c.l(1) not in _DEGREE_AFTER_SO
    if ("so" in window and "that" in window) or purpose_so or c.l(1) == "so":
        return None  # purpose: "so that they could", "..., so we could catch the train"
    as_as = c.l(2) == "as" or c.l(3) == "as"
    if as_as and first not in ("be", "have", "well", "also", "potentially", "possibly"):
        return None  # "as much as we could"
    return _keep(c, "could_epistemic")


_POSSIBLE_BEFORE_REJECT = frozenset(
    "as if where wherever whenever when best only every all made make makes making "
    "soonest fullest maximum minimum greatest highest lowest largest smallest fewest "
    "least worst".split()
)
_IGNORANCE_VERBS = frozenset(
    "determine say know tell ascertain exclude establish predict assess estimate judge "
    "confirm verify rule".split()
)


def possible_epistemic(c: Candidate) -> Verdict | None:
    """ "possible" as likelihood ("a possible cause"), not feasibility or "as soon as possible"."""
    first = c.r(1)
    negated = _negated(c.left, reach=2)
    if c.form.startswith("possibilit"):
        return None if c.l(1) == "no" else _keep(c, "possible_epistemic")
    if first in ("to", "for") and not (first == "to" and c.r(2) in _IGNORANCE_VERBS):
        return None  # "it is possible to travel"
    if negated:
        if first == "to" and c.r(2) in _IGNORANCE_VERBS:
            return _as_hedge("plausibility", "ignorance", "possible_epistemic")
        return None  # "not possible": a certain claim
    before = c.l(1)
    if (
        (before in _BE or c.l(2) in _BE)
        and first != "that"
        and _subject(c)
        not in (
            "it",
            "that",
            "this",
            "anything",
            "everything",
        )
    ):
        return None  # feasibility: "boarding is possible there"
    if before in _POSSIBLE_BEFORE_REJECT or c.l(2) in ("made", "make", "makes", "making"):
        return None
    if before.endswith("est") and len(before) > 4:
        return None  # "the lowest possible price"
    if first in _CLAUSE_END and c.l(2).endswith("est") and len(c.l(2)) > 4:
        return None  # "in the fastest way possible."
    return _keep(c, "possible_epistemic")


def likelihood(c: Candidate) -> Verdict | None:
    """ "likely" is a hedge, negated or not ("not likely" is improbable, not certain)."""
    if _negated(c.left, reach=2):
        return _keep(c, "likelihood")  # "not likely": improbable is still not certain
    return _keep(c, "likelihood")


_BECOME = frozenset("become becomes became becoming".split())
_EVIDENT_DEGREE = _DEGREE | frozenset(
    "increasingly readily immediately quickly soon already".split()
)
_VISIBLE_AFTER = _CLAUSE_END | frozenset(
    "in on at to from for with by throughout until till since after before when as and but "
    "or only even now here there again enough".split()
)


def apparent_modifier(c: Candidate) -> Verdict | None:
    """ "apparent" hedges as "seeming": "an apparent heart attack", "it is apparent that".

    Not when it means evident or visible: "it soon became apparent", "the
    most apparent change", "the damage is apparent in the photos"; and
    "heir apparent" is a title.
    """
    if c.l(1) == "heir" or c.r(1) == "heir":
        return None
    if c.l(1) in ("most", "more", "less"):
        return None
    before = next((word for word in reversed(c.left) if word not in _EVIDENT_DEGREE), "")
    if before in _BECOME or (before in _BE and c.r(1) in _VISIBLE_AFTER):
        return None
    return _keep(c, "apparent_modifier")


_POTENTIAL_NOUN_BEFORE = frozenset(
    "full growth military economic great huge enormous untapped its his her their our my "
    "your electric electrical membrane resting action chemical redox".split()
)


def potential_modifier(c: Candidate) -> Verdict | None:
    """ "potential" as a hedging adjective ("a potential risk"), not the noun ("its potential")."""
    token = c.token
    if c.tagged and token is not None and token.pos_:
        return _keep(c, "potential_modifier") if token.pos_ == "ADJ" else None
    if c.r(1) in _CLAUSE_END or c.r(1) in ("of", "to", "for", "and", "or", "in", "is", "was"):
        return None
    if c.l(1) in _POTENTIAL_NOUN_BEFORE:
        return None
    return _keep(c, "potential_modifier")


_WH = frozenset("whether if how why what when where who which".split())


def unknown_predicative(c: Candidate) -> Verdict | None:
    """ "unknown" hedges as a predicate ("the cause is unknown"), not "an unknown soldier"."""
    if c.r(1) in _WH:
        return _keep(c, "unknown_predicative")
    for word in reversed(c.left[-3:]):
        if word in _BE or word in ("remains", "remain", "remained", "largely", "still"):
            return _keep(c, "unknown_predicative")
    return None


_APPEAR_PLACE = frozenset(
    "in on at before with alongside onstage together for from during under inside outside "
    "throughout across live briefly again regularly twice once only first here there "
    "nowhere out online upon into within between opposite".split()
)


def appear_complement(c: Candidate) -> Verdict | None:
    """ "appear" with a complement ("appears to be", "it appears that"), not "appeared on TV"."""
    token = c.token
    if token is not None and token.dep:
        deps = {child.dep_ for child in token.children}
        if deps & {"xcomp", "ccomp", "acomp", "attr", "oprd"}:
            return _keep(c, "appear_complement")
        return None
    right = c.right
    while right and right[0].endswith("ly") and right[0] not in ("likely", "unlikely"):
        right = right[1:]  # "has appeared frequently as a panelist"
    first = right[0] if right else ""
    if first == "as":
        return _keep(c, "appear_complement") if right[1:2] in (["if"], ["though"]) else None
    if first in _APPEAR_PLACE and first not in ("there", "here"):
        return None  # "it appears in various works of fiction", "appeared on TV"
    if c.l(1) in ("it", "there") or first in ("to", "that", "likely", "unlikely"):
        return _keep(c, "appear_complement")
    if first in _APPEAR_PLACE or first in _DETERMINERS or first in _CLAUSE_END:
        return None
    if _is_number(first) or first[:1].isdigit():
        return None
    return _keep(c, "appear_complement")


_IMPERSONAL = frozenset("it this that everything something".split())


def like_clause(c: Candidate) -> Verdict | None:
    """ "looks like" hedges before a clause ("it looks like it will rain"), not a likeness.

    "It looks like a human girl" compares; "looks like the engine is failing"
    and a bare "Looks like rain." at the start of a sentence hedge.
    """
    if c.r(1) == "what":
        return None  # "they look like what they are": a comparison with a free relative
    if _clause_follows(c.right) or not c.left:
        return _keep(c, "like_clause")
    return None


def tend_to(c: Candidate) -> Verdict | None:
    """ "tend to" + verb hedges a generalisation; "tend to the wounded" does not."""
    first = c.r(1)
    if first in _DETERMINERS or first in _OBJECT_PRONOUNS or first in _CLAUSE_END:
        return None
    return _keep(c, "tend_to")


def suggest_evidential(c: Candidate) -> Verdict | None:
    """ "results suggest (that)" hedges; advice ("I suggest you leave") does not."""
    first = c.r(1)
    if first in ("you", "to") or (first == "that" and c.r(2) == "you"):
        return None
    if first.endswith("ing") and first not in ("something", "nothing", "anything", "everything"):
        return None
    if first != "that" and _subject(c) in PERSONAL_PRONOUNS and not c.form.endswith("ing"):
        return None  # "we suggested a restaurant"
    return _keep(c, "suggest_evidential")


def clause_or_of_follows(c: Candidate) -> Verdict | None:
    """A hedging noun counts before "that" or "of" ("the suggestion that")."""
    return _keep(c, "clause_or_of_follows") if c.r(1) in ("that", "of") else None


_CONFIDENT = frozenset("confident sure certain convinced positive".split())
_APPRAISING = frozenset("highly well little much poorly ill fondly less more".split())


def _names_a_person(subject: str, c: Candidate) -> bool:
    """Whether the subject word is a personal pronoun, a vague source or a capitalised name."""
    if subject in PERSONAL_PRONOUNS or subject in _VAGUE_SOURCES or subject in _FIRST_PERSON:
        return True
    if subject in _SUBJECT_PRONOUNS or subject in _DETERMINERS or subject in _IMPERSONAL:
        return False  # "This is supposed to be", "It felt like"
    before = c.text[c.limits[0] : c.start]
    at = c.folded[c.limits[0] : c.start].rfind(subject) if subject else -1
    return at >= 0 and before[at].isupper()  # "Frank felt like", not "the seat felt like"


_THINK_REJECT_AFTER = frozenset(
    "about of twice through over up highly ahead back big straight outside in".split()
)
_ASSUME_OBJECTS = frozenset(
    "office power control responsibility command leadership duties charge role post "
    "presidency position throne title name identity form shape risk burden".split()
)
_PARENTHETICAL_VERBS = frozenset("think believe guess suppose suspect hope".split())
_HARD = frozenset("hard difficult impossible easy tough reason inclined".split())
_SMALL_CLAUSE_OBJECTS = frozenset("himself herself themselves itself it him her them this".split())


def cognition_subject(c: Candidate) -> Verdict | None:
    """Cognition verbs: first person + clause hedges; vague subjects are weasels.

    "I think (that) ...", "we believe ...", "I feel that ...", "I feel like
    we are ..." are plausibility hedges, and so is "it feels like the engine
    is failing"; "critics believe" is a weasel; "the Kremlin believes it has
    ..." is an attribution of belief; "think about", "believe in", "feel
    sick", "feel like a new person" (a likeness), "a cheap feel to it",
    "assume office" and "the thought of" are not hedges.
    """
    lemma = c.entry.id
    form = c.form
    first = c.r(1)
    if _negated(c.left, reach=2) and lemma == "doubt":
        return None  # "I don't doubt": not tentative
    if first in _THINK_REJECT_AFTER and lemma in ("think", "believe", "feel"):
        return None  # "think about", "believe in", "feel up to"
    if lemma == "think" and (first == "hard" or (first == "long" and c.r(2) != "-")):
        return None  # "thought long and hard": deliberation, not belief
    if lemma == "feel" and first in _CONFIDENT:
        return None  # "I feel confident that ...": assurance, not doubt
    if lemma == "think" and "of" in c.right[1:4] and _APPRAISING.intersection(c.right[:3]):
        return None  # "thought very highly of", "think so little of": an appraisal
    if lemma == "believe" and (
        first in _OBJECT_PRONOUNS or (c.l(1) == "to" and c.l(2) in _HARD) or c.l(1) == "make"
    ):
        return None  # "believe me", "hard to believe", "make believe"
    if lemma == "believe" and any(w in ("can't", "cannot", "couldn't") for w in c.left[-3:]):
        return None
    if lemma in ("think", "feel", "suspect", "doubt", "expect", "hope", "estimate") and (
        c.l(1) in _DETERMINERS - {"that", "all"} or c.l(1) in ("'s", "first", "second")
    ):
        if lemma == "suspect" and form == "suspected":
            return _as_hedge("attribution", "distancing_modifier", "cognition_subject")
        return None  # "the thought of", "a feeling", "the suspect"
    if first in ("is", "was", "are", "were", "has", "had") and not _names_a_person(_subject(c), c):
        return None  # a noun as subject: "the theme and feel is", not "that I think is"
    if lemma == "assume" and (
        first in _ASSUME_OBJECTS or (first in _DETERMINERS and c.r(2) in _ASSUME_OBJECTS)
    ):
        return None
    if form.endswith(("ed", "ought", "elt")) and (
        _passive(c) or (first == "to" and c.l(1) == ",")
    ):
        return _as_hedge("weasel", "agentless_passive", "cognition_subject")
    judged = (
        first == "that"
        or first in _SMALL_CLAUSE_OBJECTS
        or ("as" in c.right[1:6] or ("to" in c.right[1:6] and "be" in c.right[1:7]))
    )
    subject = _subject(c)
    if lemma == "doubt" and (not c.left or c.l(1) in _DETERMINERS or c.l(1) in ("in", "cast")):
        return _as_hedge("plausibility", "epistemic_noun", "cognition_subject")
    if not subject or subject in ("you", "u", "ya"):
        return None  # imperative, or the generic "you": "when you consider that"
    if lemma == "hope" and subject not in _FIRST_PERSON:
        return None  # "she hopes to win" reports a wish, not a belief
    if subject in _FIRST_PERSON or subject in ("i", "we"):
        if lemma == "consider" and not judged:
            return None  # "we will consider the offer"
        if lemma in ("feel", "expect", "assume"):
            if lemma == "expect" and first == "to":
                return _keep(c, "cognition_subject")
            if not _clause_follows(c.right):
                return None
        elif first in _CLAUSE_END and lemma not in _PARENTHETICAL_VERBS:
            return None
        return _keep(c, "cognition_subject")
    clause = _clause_follows(c.right) or (first == "to" and lemma != "feel")
    if lemma == "expect" and not clause:
        clause = _object_infinitive(c.right)  # "experts expect growth to slow"
    if lemma == "feel" and clause and first in ("like", "as") and subject in _IMPERSONAL:
        return _as_hedge("plausibility", "epistemic_verb", "cognition_subject")  # "it feels like"
    if lemma == "feel" and first in ("like", "as") and not _names_a_person(subject, c):
        return None  # "the seat felt like I was sitting on a tower": a sensation
    if lemma == "consider":
        # "consider X (to be) Y" judges; "consider the offer" deliberates.
        clause = judged or (subject in _VAGUE_SOURCES and first not in _CLAUSE_END)
    if subject in _VAGUE_SOURCES and (clause or first in _CLAUSE_END):
        return _as_hedge("weasel", "vague_source", "cognition_subject")
    if clause and subject not in _DETERMINERS and subject[:1].isalpha():
        return _as_hedge("attribution", "belief_report", "cognition_subject")
    return None


_NAMED_AGENT_BEFORE = _DETERMINERS - {"some", "many", "most", "all"}


_CONFORMITY_BEFORE = frozenset(
    "vary varies varied varying sorted sort arranged classified ranked grouped adjusted "
    "priced proceed proceeded proceeds went go goes going played performed built "
    "designed drilled recited organised organized divided".split()
)
_CONFORMITY_NOUNS = frozenset(
    "plan plans rule rules schedule law laws instructions recipe rhythm pattern patterns "
    "tradition traditions custom customs size sizes need needs design standard standards "
    "procedure procedures protocol principle principles script formula method methods "
    "type types age ability abilities guidelines regulations order priority".split()
)


def according_to_source(c: Candidate) -> Verdict | None:
    """ "according to" attributes a claim to a source ("according to the police").

    It does not when it means "in line with": "according to plan", "sorted
    according to size", "recited according to a fixed rhythm".
    """
    if c.l(1) in _CONFORMITY_BEFORE:
        return None
    for word in c.right[:4]:
        if word in _CLAUSE_END:
            break
        if word in _CONFORMITY_NOUNS:
            return None
    return _keep(c, "according_to_source")


def agentless_passive(c: Candidate) -> Verdict | None:
    """Passive opinion verbs without a named agent: "is widely regarded as", "is considered"."""
    first = c.r(1)
    if first == "by" and (c.r(2) in _NAMED_AGENT_BEFORE or c.r(2)[:1].isupper()):
        return _as_hedge("attribution", "belief_report", "agentless_passive")
    if c.l(1) in ("when", "if", "things", "once", "after", "before"):
        return None  # "all things considered", "when considered"
    words = c.form.split()
    if words[0] == "supposed":
        if _hearsay_supposed(c):
            return _as_hedge("attribution", "hearsay", "agentless_passive")
        return None  # "I am supposed to be at work": an obligation
    if c.l(1) in ("have", "has", "had", "'ve"):
        return None  # active perfect: "has seen as many"
    if len(words) > 1:  # "seen as", "viewed as", "said to be"
        if _passive(c) or c.l(1) in (",", "") or c.l(1) in _PASSIVE_ADVERBS:
            return _keep(c, "agentless_passive")
        return None
    if words[0] in ("rumored", "rumoured", "reputed"):
        return _keep(c, "agentless_passive")
    if _passive(c) or (c.l(1) == "," and first in ("to", "as", "by", "one", "the", "a", "an")):
        return _keep(c, "agentless_passive")
    return None


# Prepositions that put the words after them in a phrase that is not the
# subject of a clause ("in defense of some disputed gunpowder"); "with",
# "by", "to" and "among" can still introduce a source ("with critics saying").
_NOT_BEFORE_SOURCE = frozenset(
    "of in on at for from into against about over under through between without behind "
    "during".split()
)
# "the majority of experts believe": the phrase with "of" is the subject.
_SHARE_OF = frozenset(
    "majority minority most many some all half number group lot lots plenty handful "
    "dozens hundreds thousands millions percent %".split()
)


def vague_source(c: Candidate) -> Verdict | None:
    """An unnamed plural source of a claim: "some say", "critics argue", "many have suggested"."""
    following = c.next_word()
    if following is not None and following not in _REPORTING and following not in _VAGUE_FILLERS:
        return None  # "some time", "many cases": decided without reading the context words
    if c.l(1) in _DETERMINERS and c.l(1) not in ("some", "many", "most"):
        return None  # "the critics said": a definite group
    if c.l(1) in _NOT_BEFORE_SOURCE and not (c.l(1) == "of" and c.l(2) in _SHARE_OF):
        return None  # "in defense of some disputed gunpowder": not a subject
    for word in c.right[:5]:
        if word in _REPORTING:
            return _keep(c, "vague_source")
        if word not in _VAGUE_FILLERS:
            return None
    return None


def anonymous_source(c: Candidate) -> Verdict | None:
    """ "people familiar with the matter said", "sources close to the talks": an unnamed source.

    A report must be near, before ("said a person familiar with ...",
    "according to sources close to ...") or after; "people familiar with
    Python find it easy" names no source.
    """
    if "according" in c.left[-3:] or any(word in _REPORTING for word in c.left[-3:]):
        return _keep(c, "anonymous_source")
    if any(word in _REPORTING for word in c.right[:10]):
        return _keep(c, "anonymous_source")
    return None


_PRESENT_BE = frozenset("is are 's 're isn't aren't".split())


def supposed_modifier(c: Candidate) -> Verdict | None:
    """Distancing modifiers ("the alleged plot"), and hearsay "is supposed to".

    "The battery is supposed to last four hours" passes on what is said of
    a thing; "you were supposed to call" and "the package was supposed to
    arrive" state an obligation or a plan, and are not hedges.
    """
    if c.form == "supposed" and c.r(1) == "to":
        if _hearsay_supposed(c):
            return _as_hedge("attribution", "hearsay", "supposed_modifier")
        return None
    if c.l(1) in _FIRST_PERSON:
        return None
    return _keep(c, "supposed_modifier")


def _hearsay_supposed(c: Candidate) -> bool:
    """ "is supposed to" with a present-tense *be* and a subject that is not a person."""
    if c.l(1) not in _PRESENT_BE:
        return False
    if c.form == "supposed" and not c.r(2)[:1].isalpha():
        return False  # "does what it's supposed to." leaves out the verb: a function
    subject = _subject(c)
    return bool(subject) and not _names_a_person(subject, c)


_CLAIM_OBJECTS = frozenset(
    "responsibility credit victory title titles lives life seat seats throne prize asylum "
    "damages compensation benefits land territory ownership the a an his her their its our "
    "my your him them us me back".split()
)
_CLAIM_COMPOUNDS = frozenset(
    "insurance land tax injury damages patent legal pension benefit benefits warranty "
    "expense expenses compensation territorial title accident medical asylum "
    "unemployment disability".split()
)


def claim_report(c: Candidate) -> Verdict | None:
    """ "claim" as a distancing report ("claimed that", "claims of fraud").

    Not a cue: "insurance claim", "claimed responsibility", "claimed the title",
    "lay claim to".
    """
    if c.l(1) in ("lay", "lays", "laid", "laying") and c.r(1) == "to":
        return None  # "lay claim to": asserting a right, not reporting a claim
    first, second = c.r(1), c.r(2)
    if c.l(1) in _CLAIM_COMPOUNDS:
        return None
    if first in _CLAIM_OBJECTS:
        return None
    if first in ("that", "to", "of", "about", "by"):
        return _keep(c, "claim_report")
    if first in _SUBJECT_PRONOUNS and (second in _FINITE or second.endswith("n't")):
        return _keep(c, "claim_report")
    if first in _CLAUSE_END and c.form != "claim" and c.l(1) in PERSONAL_PRONOUNS | {"officials"}:
        return _keep(c, "claim_report")  # "..., he claimed."
    return None


def accusation_report(c: Candidate) -> Verdict | None:
    """Accusations report a charge, not a fact: "accused of fraud", "accusations that"."""
    if c.r(1) in ("of", "that", "by") or "of" in c.right[1:6]:
        return _keep(c, "accusation_report")
    return None


_FACTUAL_EMPHATICS = frozenset(["actually", "literally"])


def booster_negation(c: Candidate) -> Verdict | None:
    """A booster under negation is a hedge: "not necessarily", "not always", "not really".

    "No" before the booster is a determiner or an answer ("no really good
    songs", "No, really"), not its negation. "Actually" and "literally" under
    negation deny a fact ("he did not actually support them"): the guideline
    counts no negated booster as a booster, and a denial does not soften
    either, so they are neither (as "not entirely wrong" denies a degree).
    """
    before = _raw_word_before(c)
    if before and before not in _NEGATORS and before not in _BE and not before.endswith("n't"):
        return _keep(c, "booster_negation")  # a plain word before it: not negated
    if c.l(1) != "no" and _negated(c.left, reach=1, skip=frozenset()):
        if c.form in _FACTUAL_EMPHATICS:
            return None
        return _as_hedge("plausibility", "negated_booster", "booster_negation")
    return _keep(c, "booster_negation")


def little_bit_degree(c: Candidate) -> Verdict | None:
    """ "a little bit" softens a predicate ("a little bit odd"), not an amount (of salt)."""
    if c.r(1) == "of":
        return None  # "a little bit of salt": an amount
    return _keep(c, "little_bit_degree")


_IGNORANCE_COMPLEMENT = _CLAUSE_END | frozenset(
    "what whether if how why when where who which whose that but yet exactly".split()
)


def ignorance_complement(c: Candidate) -> Verdict | None:
    """ "I don't know" hedges a question or a claim ("I don't know why", "..., I don't know.").

    With a plain object it reports a gap in knowledge, not doubt about
    what is said: "I don't know her brother", "I do not know the rules of cricket".
    """
    first = c.r(1)
    if first in _IGNORANCE_COMPLEMENT or (first == "for" and c.r(2) in ("sure", "certain")):
        return _keep(c, "ignorance_complement")
    return None


_NAME_BEFORE_PARENTHESIS = re.compile(r"[A-Z][\w-]*\s*\(\s*$")


def opinion_abbreviation(c: Candidate) -> Verdict | None:
    """ "imo" and "IMHO" mark an opinion; "the IMO" is the Maritime Organization.

    Lower case is always the web abbreviation. In capitals it is an
    organisation after a determiner, before "said" or "'s", or in
    parentheses after a capitalised name ("International Maritime
    Organization (IMO)").
    """
    if c.raw.islower():
        return _keep(c, "opinion_abbreviation")
    if c.l(1) in _DETERMINERS or c.r(1) in ("'s", "said", "says"):
        return None
    window = c.text[max(c.limits[0], c.start - _WINDOW) : c.start]
    if _NAME_BEFORE_PARENTHESIS.search(window):
        return None
    return _keep(c, "opinion_abbreviation")


_PREDICATIVE_BEFORE = (
    _BE
    | _DEGREE
    | frozenset(
        "feel feels felt seem seems seemed appear appears remain remains become becomes "
        "became for be".split()
    )
)


_EVIDENCE_NOUNS = frozenset(
    "evidence proof sign signs indication violation violations breach case example "
    "attempt message".split()
)


_MAKE = frozenset("make makes made making".split())
# Degree words that insist on clarity rather than describe it ("crystal clear").
_CERTAIN_DEGREE = frozenset("absolutely perfectly abundantly patently".split())
# Words after "the obvious" that show it is a noun: "state the obvious in this regard".
_OBVIOUS_AFTER = frozenset("in to about here and but that which".split())


def _makes_it(c: Candidate) -> bool:
    """ "make it clear", "made it ominously clear", "made clear that": a small clause's predicate.

    "Made clear that ..." is "made it clear that ..." with the clause in the
    object's place (the clause test is the caller's).
    """
    left = c.left[-3:]
    if "it" in left and bool(_MAKE & set(c.left[-4:])):
        return True
    before = next((word for word in reversed(c.left) if word not in _DEGREE), "")
    return before in _MAKE


def _clarity_formula(c: Candidate) -> bool:
    """ "To be clear, ...", "let me be clear": the writer announcing a claim as beyond doubt.

    "To be clear" is the formula only as a sentence's frame, set off by a
    comma, colon or dash ("To be clear, no employee was involved"), not as a
    predicate ("the law needs to be clear"); "let me be clear" and "let's be
    clear" always are.
    """
    if c.l(1) != "be":
        return False
    if c.l(2) in ("me", "us", "let's") and c.l(3 if c.l(2) != "let's" else 2).startswith("let"):
        return True
    opens = all(word in _CLAUSE_BREAK or word in ("and", "but", "so") for word in c.left[:-2])
    return c.l(2) == "to" and opens and c.r(1) in (",", ":", "\u2014", "\u2013", "-")


def certainty_predicative(c: Candidate) -> Verdict | None:
    """ "sure", "certain", "clear" boost only as predicates, and hedge under negation.

    "I am not sure", "it is unclear" and "it is not clear whether" hedge;
    "it is clear that" boosts; "make sure", "a certain man" and "clear water"
    are neither. "Obvious" and "evident" have no physical sense, so any
    predicate use boosts ("the contradictions are evident"); "clear" needs a
    clause or an impersonal "it" ("it is clear that", "made it clear to
    him", "made clear that"), an attributive verdict ("a clear violation", "clear evidence"),
    or an insisting degree ("is absolutely clear", "is crystal clear"), or
    is the formula "to be clear," or "let me be clear".
    "The obvious" as a noun ("state the obvious") is what nobody can doubt.
    """
    form, first = c.form, c.r(1)
    if form == "sure" and (c.l(1) in ("make", "makes", "made", "making") or first == "enough"):
        return None
    if form == "certain" and (c.l(1) in ("a", "an") or not c.left):
        return None  # "a certain man", "Certain people"
    if form == "sure":
        before = next((w for w in reversed(c.left) if w not in _DEGREE and w != "still"), "")
        if before in _NEGATORS or before.endswith("n't"):
            # "not sure" is only ever a predicate: "still not sure why it broke"
            return _as_hedge("plausibility", "negated_booster", "certainty_predicative")
    predicative = bool(set(c.left[-2:]) & _PREDICATIVE_BEFORE)
    if form in ("obvious", "evident"):
        predicative = predicative and (
            first in ("that", "to", "from", "whether", "why", "how", "what", "if")
            or bool({"it", "it's"} & set(c.left[-4:]))
        )
    if form == "clear":
        predicative = (predicative or _makes_it(c)) and (
            first in ("that", "to", "from", "whether", "why", "how", "what", "if")
            or bool({"it", "it's"} & set(c.left[-4:]))
        )
        # "no clear evidence" is a hedge below; any other negation leaves no verdict
        negated = c.l(1) != "no" and _negated(c.left, reach=1)
        if not predicative and first in _EVIDENCE_NOUNS and not negated:
            predicative = True  # "a clear violation", "despite clear evidence": a verdict
        if not predicative and c.l(1) in _CERTAIN_DEGREE and c.l(2) in _BE:
            predicative = True  # "his empathy is absolutely clear": insisted on
    if form == "clear" and _clarity_formula(c):
        return _keep(c, "certainty_predicative")
    if form == "obvious" and c.l(1) == "the" and (first in _CLAUSE_END or first in _OBVIOUS_AFTER):
        return _keep(c, "certainty_predicative")  # "state the obvious:", "the obvious in this"
    if not predicative and form in ("obvious", "evident") and c.l(1) in _BE | _DEGREE:
        if _negated(c.left, reach=2):
            return None  # "hardly evident", "no obvious reason": no clause, no hedge
        return _keep(c, "certainty_predicative")  # "the contradictions are evident"
    if not predicative:
        return None
    if _negated(c.left, reach=2):
        return _as_hedge("plausibility", "negated_booster", "certainty_predicative")
    return _keep(c, "certainty_predicative")


# --- booster rules ---------------------------------------------------------------------------
#
# Boosters after Hyland (2005) and the labelling guideline of issue 19: a
# booster raises the writer's commitment to a claim. The rules below keep
# the readings that make a claim stronger (a sweeping generalisation, a
# certainty frame, insistence on a judgement) and drop the neighbouring
# readings that only describe the world (a quantity, one past event, a
# manner, a degree of physical result).

_CLAUSE_BREAK = frozenset(', ; : ( ) — – - \u201c \u201d "'.split()) | {".", "!", "?", ""}
_HYPOTHETICAL = frozenset("if unless whether lest suppose supposing".split())
_INVERSION_OPENERS = frozenset("should were had".split())


# Every word of _HYPOTHETICAL and _INVERSION_OPENERS holds one of these strings.
_MAY_SUPPOSE = re.compile("if|unless|whether|lest|suppos|should|were|had")


def _hypothetical(c: Candidate) -> bool:
    """Whether the match sits in an if-, unless- or whether-clause, or an inverted condition.

    "If they're really concerned", "Should the disease actually spread":
    the emphatic contrasts the real with the supposed, it does not insist.
    """
    window = c.folded[max(c.limits[0], c.start - _WINDOW) : c.start]
    if _MAY_SUPPOSE.search(window) is None:
        return False  # none of the words below, even as parts of words: no need to read them
    for index in range(len(c.left) - 1, -1, -1):
        word = c.left[index]
        if word in _HYPOTHETICAL:
            return True
        if word in _CLAUSE_BREAK:
            return False
        if index == 0 and word in _INVERSION_OPENERS:
            return True
    return False


def reality_emphatic(c: Candidate) -> Verdict | None:
    """ "really", "actually", "truly", "literally": emphatic, except in a supposition.

    Negation works as for every booster ("not really" hedges; "never
    actually said" denies a fact and is neither); inside a condition
    ("if he really did act alone", "should the disease actually spread")
    the word sets the real against the supposed and is no booster.
    """
    verdict = booster_negation(c)
    if verdict is not None and verdict.kind == "booster" and _hypothetical(c):
        return None
    return verdict._replace(rule="reality_emphatic") if verdict is not None else None


_MANNER_NEXT = frozenset(
    "and or to enough visible invisible audible marked unmarked defined labeled labelled "
    "seen heard written stated identified legible outlined displayed explained articulated "
    "spelled spelt laid worded presented communicated expressed readable printed "
    "signposted delineated distinguished".split()
)
_MANNER_VERBS = frozenset(
    "see saw seen sees speak speaks spoke spoken explain explains explained state states "
    "stated say says said write writes wrote written hear hears heard communicate "
    "communicated express expressed think thinks thought articulate articulated read "
    "remember remembered recall recalled show showed shown define defined mark marked "
    "label labelled labeled put spell spelled outline outlined ask asked answer answered "
    "present presented visible audible".split()
)
_GRADING = frozenset("very so too more less most as quite fairly rather pretty".split())


def stance_not_manner(c: Candidate) -> Verdict | None:
    """ "clearly", "plainly", "surely" as the writer's certainty, not as a manner.

    The stance adverb comments on a whole claim ("this is clearly a set-up",
    "Clearly, the posture is ..."); the manner adverb says how something
    was done or seen: it follows the verb or its object ("take that message
    clearly to the public", "ask you very plainly"), is graded ("very
    clearly"), is coordinated with another manner adverb ("clearly and
    convincingly") or modifies a participle of display ("clearly marked");
    "slowly but surely" is a pace. Graded before a judgement, it is still
    the writer's certainty: "quite clearly illegal". Right before a finite
    verb or a negation it is a sentence adverb ("the United States clearly
    does not have"), and opening a sentence it comments on all of it, after
    an opening quotation mark too.
    """
    first = c.r(1)
    if c.l(1) != "no" and _negated(c.left, reach=1, skip=frozenset()):
        return _as_hedge("plausibility", "negated_booster", "stance_not_manner")  # "not clearly"
    if c.form == "surely" and c.l(1) == "but" and c.l(2) == "slowly":
        return None  # "slowly but surely": a steady pace
    if first in _FINITE or first in _NEGATORS or first.endswith("n't"):
        return _keep(c, "stance_not_manner")  # before the verb: "the US clearly does not have"
    predicate = c.l(1) in _BE  # "they are clearly to blame", "it was clearly."
    opens = all(word in _CLAUSE_BREAK for word in c.left)  # "“Clearly, it is ..."
    if (first in _MANNER_NEXT and not (predicate and first == "to")) or (
        first in _CLAUSE_END and not opens and not predicate
    ):
        return None
    if c.l(1) in _MANNER_VERBS:
        return None
    if c.l(1) in _GRADING and not (first in _JUDGEMENTS or _evaluative_predicate(first, "")):
        return None  # "very clearly", but "quite clearly illegal" judges
    after_object = c.l(1) in _OBJECT_PRONOUNS or c.l(1) in ("it", "this", "that")
    if after_object and c.l(2) in _MANNER_VERBS:
        return None  # "explain it clearly", "told him plainly"
    return _keep(c, "stance_not_manner")


_TIME_NOUNS = frozenset(
    "day days night nights morning mornings evening evenings afternoon week weeks weekend "
    "month months year years decade decades century time times hour hours minute minutes "
    "second seconds moment season seasons quarter quarters summer winter spring autumn "
    "fall monday tuesday wednesday thursday friday saturday sunday january february march "
    "april june july august september october november december".split()
)
_ONE_TIME = frozenset("yesterday today tonight during until earlier".split())
_TIME_DEICTICS = frozenset("that last this".split())
_COUNTERFACTUAL_MODALS = frozenset("would could should might 'd must".split())


def _bounded_time(right: list[str]) -> bool:
    """Whether the clause after the match names one bounded time ("during the hearing")."""
    for index, word in enumerate(right[:12]):
        if word in _CLAUSE_BREAK:
            return False
        following = right[index + 1] if index + 1 < len(right) else ""
        if word in _ONE_TIME:
            return True
        if word in _TIME_DEICTICS and following in _TIME_NOUNS:
            return True  # "that day", "last week"
        if word in ("in", "on") and (following[:2] in ("19", "20") and len(following) == 4):
            return True  # "in 2016"
        if word == "on" and following in _TIME_NOUNS:
            return True  # "on Tuesday"
        at_the = word == "at" and following == "the" and index + 2 < len(right)
        if at_the and right[index + 2] in ("time", "moment", "hearing", "meeting"):
            return True
    return False


_BEFORE_A_SINGLE_EVENT = _COUNTERFACTUAL_MODALS | _BE | {"have"}
# Everything _bounded_time can find, as one pattern over the raw text (it may find more).
_BOUNDED_TIME_RAW = re.compile(
    r"(?i)\b(?:yesterday|today|tonight|during|until|earlier"
    r"|(?:that|last|this|on)\s+(?:" + "|".join(sorted(_TIME_NOUNS)) + r")"
    r"|(?:in|on)\s+(?:19|20)\d\d|at\s+the\s+(?:time|moment|hearing|meeting))\b"
)


def _dated_clause(c: Candidate) -> bool:
    """With a trained pipeline: the verb "never" modifies has a date or time after it."""
    token = c.token
    if token is None or not token.dep or not token.ent_iob:
        return False
    head = token.head
    return any(
        child.i > token.i and child.ent_type_ in ("DATE", "TIME")
        for child in head.subtree
        if child.sent == token.sent
    )


def _in_title(c: Candidate) -> bool:
    """Whether the match is a capitalised word inside a run of capitalised words (a title)."""
    if not c.raw[:1].isupper() or c.raw.isupper() or not c.left:
        return False
    before = c.text[max(c.limits[0], c.start - 40) : c.start].split()
    after = c.text[c.end : min(c.limits[1], c.end + 40)].split()
    return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper())


_ONE_SUBJECTS = frozenset("he she it".split())
_IRREGULAR_PAST = frozenset(
    "arose awoke became began bit blew broke brought built bought caught chose came cost "
    "dealt did drew drank drove ate fell fed felt fought found fled flew forgot forgave "
    "froze got gave went grew hung had heard hid hit held hurt kept knelt knew laid led "
    "left lent let lay lit lost made meant met paid put quit read rode rang rose ran said "
    "saw sold sent set shook shone shot showed shut sang sank sat slept slid spoke spent "
    "spun split spread stood stole stuck struck swore swept swam took taught tore told "
    "thought threw understood woke wore won wrote".split()
)
_ONE_PARTICIPLES = frozenset(
    "arisen been begun broken chosen done drawn driven eaten fallen forgiven forgotten "
    "frozen given gone grown hidden known ridden risen seen shaken shown spoken stolen "
    "sworn taken thrown torn woken worn written".split()
)
# Words that make a past clause a sweeping claim after all: a span of time, a
# repetition, or a negative-polarity "any" ("never knew anything", "for years").
_SWEEPING_PAST = re.compile(
    r"\b(?:any\w*|ever|again|once|years|decades|life|lifetime|career|since|whatsoever)\b"
)


# Stative verbs describe a state that lasts, not an event: "he never wanted to",
# "she never liked him" sweep over a whole period.
_STATIVE_PAST = frozenset(
    "wanted liked loved hated believed trusted cared wished needed seemed doubted "
    "knew understood thought felt meant owned belonged".split()
)


def _past_form(word: str) -> bool:
    """Whether ``word`` looks like a simple past or a past participle (no POS tags needed)."""
    if word in _STATIVE_PAST:
        return False
    if word in _IRREGULAR_PAST or word in _ONE_PARTICIPLES:
        return True
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed")


def _one_past_event(c: Candidate, before: str) -> bool:
    """ "He never arrived", "she was never charged": one past event of one definite subject.

    The guideline's non-booster "never": a simple past (or a past passive)
    of an event verb (not a state: "he never wanted to") whose subject is
    "he", "she", "it" or "the" + a singular noun, with no span of time,
    repetition or "any" in the sentence. First-person and plural subjects
    ("I never knew", "we never sought", "they never happened") make a
    claim about a whole life or a group and generalise.
    """
    following = _next_raw_word(c)
    if not following:
        return False
    if before in ("was", "were") and following.endswith("ed"):
        subject = c.l(2)
    elif before in ("had", "has"):
        return False  # a perfect spans time: "has never been", "had never seen"
    elif _past_form(following) and following not in _ONE_PARTICIPLES:
        subject = before
    else:
        return False
    definite = subject in _ONE_SUBJECTS or (
        c.l(2 if subject == before else 3) == "the"
        and subject[:1].isalpha()
        and not subject.endswith("s")
    )
    if not definite:
        return False
    sentence = c.folded[c.limits[0] : c.limits[1]]
    return _SWEEPING_PAST.search(sentence) is None


# --- readings from a dependency parse (a trained pipeline) --------------------------------
# With the blank pipeline a Doc has no parse and the word-window readings
# decide; these read the same cues off the parse: the verb "never" modifies,
# the noun "all"/"every" quantifies, the word a degree adverb modifies.


def _parsed(c: Candidate) -> Token | None:
    """The match's first token when its ``Doc`` has a dependency parse, else ``None``."""
    token = c.token
    return token if token is not None and token.dep else None


_PERFECT = frozenset("have has had 've 'd".split())
_STATIVE_LEMMAS = frozenset(
    "want like love hate believe trust care wish need seem doubt know understand think "
    "feel mean own belong".split()
)
_TIME_PREPOSITIONS = frozenset("during until till in on at since".split())


def _time_noun(token: Token) -> bool:
    """Whether ``token`` names a time: a time noun or a year ("1998", "2016")."""
    lower = token.lower_
    return lower in _TIME_NOUNS or (
        len(lower) == 4 and lower[:2] in ("19", "20") and lower.isdigit()
    )


def _bounded_by_parse(verb: Token) -> bool:
    """Whether a phrase attached to ``verb`` names one bounded time.

    The parse's version of `_bounded_time`: "during the hearing", "until
    then", "that day", "last week", "on Tuesday", "in 2016", "at the
    meeting", "yesterday", found among the verb's own dependents wherever
    they stand in the clause, not within a window of words after the match.
    """
    for child in verb.children:
        lower = child.lower_
        if lower in _ONE_TIME and child.dep_ in ("advmod", "npadvmod", "prep", "mark"):
            return True  # "yesterday", "until then", "during the trial"
        deictic = any(d.lower_ in _TIME_DEICTICS for d in child.children)
        if child.dep_ in ("npadvmod", "tmod") and _time_noun(child) and deictic:
            return True  # "that day", "last week"
        if child.dep_ == "prep" and lower in _TIME_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                if lower in ("in", "on") and _time_noun(obj) and obj.lower_[:1].isdigit():
                    return True  # "in 2016"
                if lower == "on" and obj.lower_ in _TIME_NOUNS and obj.tag_ == "NNP":
                    return True  # "on Tuesday"
                if lower == "at" and obj.lower_ in ("time", "moment", "hearing", "meeting"):
                    return True  # "at the meeting"
    return False


def _one_event_by_parse(c: Candidate, verb: Token) -> bool:
    """ "He never arrived", "the board was never told": one past event, read from the parse.

    The verb "never" modifies is a simple past (or a past passive: "was
    never charged") of an event, not a state ("never wanted", "was never a
    friend"); it has no perfect or modal auxiliary ("has never been",
    "would never"); its subject is one definite thing or person ("he",
    "the senator", a name), wherever it stands ("the establishment that
    abandoned him never had ..."); and the sentence has no span of time,
    repetition or "any" (`_SWEEPING_PAST`).
    """
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ in _PERFECT for a in auxiliaries):
        return False
    if verb.tag_ == "VBN":
        if not any(a.dep_ == "auxpass" and a.tag_ == "VBD" for a in auxiliaries):
            return False
    elif verb.tag_ != "VBD" or verb.lemma_.lower() in _STATIVE_LEMMAS or verb.lemma_ == "be":
        return False
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1:
        return False
    subject = subjects[0]
    if subject.lower_ in _ONE_SUBJECTS:
        definite = True
    elif subject.tag_ == "NNP":
        definite = True  # a name: "Oswald never arrived"
    elif subject.tag_ == "NN":
        definite = any(
            child.dep_ in ("det", "poss") and child.lower_ in ("the", "this", "that", "his", "her")
            for child in subject.children
        )
    else:
        definite = False
    if not definite:
        return False
    sentence = c.folded[c.limits[0] : c.limits[1]]
    return _SWEEPING_PAST.search(sentence) is None


def _universal_by_parse(c: Candidate, token: Token) -> Verdict | None:
    """`universal_not_single_event` read from the parse: the verb "never"/"always" modifies.

    Tense and aspect come from the verb's tag and auxiliaries, a bounded
    time from the phrases attached to it; a counterfactual perfect ("would
    have never been able", "would never have") is one imagined event.
    """
    verb = token.head
    if _bounded_by_parse(verb):
        return None
    if c.form == "never" and _one_event_by_parse(c, verb):
        return None
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
    if auxiliaries & _COUNTERFACTUAL_MODALS and auxiliaries & {"have", "'ve"}:
        return None  # "would have never been able to", "would never have"
    if c.form == "never":
        return _keep(c, "universal_not_single_event")
    verdict = booster_negation(c)
    return verdict._replace(rule="universal_not_single_event") if verdict is not None else None


def _quantified_noun(token: Token) -> Token | None:
    """The noun a quantifier ("all", "every") determines in the parse, or ``None``."""
    if token.dep_ in ("det", "predet", "amod", "quantmod") and token.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        return token.head
    return None


def _group_noun(noun: Token) -> bool:
    """Whether ``noun`` names people as a group: "Americans", "citizens", "politicians"."""
    return noun.lower_ in _GROUP_NOUNS or noun.tag_ == "NNPS" or noun.ent_type_ == "NORP"


def _every_by_parse(c: Candidate, noun: Token) -> Verdict | None:
    """ "every" read from the noun it determines: a time or a count is not a generalisation.

    "Every fiscal year", "every two weeks", "every single day" count time,
    whatever stands between "every" and the noun; "every young person",
    "at every turn" generalise; "almost every" approximates; "every
    other", "every so often" are left out as the word-window reading
    leaves them.
    """
    if _time_noun(noun) or any(child.dep_ == "nummod" for child in noun.children):
        return None
    if _next_raw_word(c) in ("other", "so", "once", "now", "few") or c.l(1) in _APPROXIMATORS:
        return None  # "every other week", "every so often", "every now and then"
    return _keep(c, "sweeping_every")


def _all_by_parse(c: Candidate, token: Token, noun: Token) -> Verdict | None:
    """ "all" (``token``) read from the noun it determines; other nouns are left to the words.

    A group of people, whatever modifiers stand between ("all American
    citizens", "all decent people"), is a sweeping generalisation; a
    determiner or number on the noun ("all the money", "all five
    consulates") or a time ("all day", "all year long") is a quantity.
    """
    if any(
        child.dep_ in ("det", "poss", "nummod") and child.i != token.i for child in noun.children
    ):
        return None
    if _time_noun(noun):
        return None
    if c.l(1) == "of" and (_is_number(c.l(2)) or c.l(2) in _SHARES):
        return None  # "30 percent of all voters": a share
    if _group_noun(noun) and noun.tag_ in ("NNS", "NNPS"):
        return _keep(c, "sweeping_all")
    return _sweeping_all(c)


def universal_not_single_event(c: Candidate) -> Verdict | None:
    """ "never" (and "always") as a generalisation, not one event, title or counterfactual.

    "He never arrived at the meeting" states one past fact: a simple past
    with a definite singular subject ("he never arrived", "she was never
    charged"; `_one_past_event`), or a clause with a bounded time ("during
    the hearing", "that day", "on Tuesday", "in 2016"), is read that way. A
    counterfactual perfect ("would have never been able", "would never
    have") is one imagined event, and a capitalised word
    in a run of capitalised words is part of a title. The rest generalise:
    "we never sought", "that will never happen", "there has never been".
    """
    if _in_title(c):
        return None
    if _dated_clause(c):
        return None
    token = _parsed(c)
    if token is not None and token.head.i != token.i and token.head.pos_ in ("VERB", "AUX"):
        return _universal_by_parse(c, token)
    before = _raw_word_before(c)
    if c.form == "never" and _one_past_event(c, before):
        return None
    if (
        before
        and before not in _BEFORE_A_SINGLE_EVENT
        and (c.form == "never" or (before not in _NEGATORS and not before.endswith("n't")))
        and not _BOUNDED_TIME_RAW.search(c.text, c.end, min(c.limits[1], c.end + _WINDOW))
    ):
        # A plain word before, no time phrase after: no need to read the context words.
        return _keep(c, "universal_not_single_event")
    if c.l(1) in ("have", "'ve") and c.l(2) in _COUNTERFACTUAL_MODALS:
        return None  # "would have never been able to"
    if c.r(1) == "have" and c.l(1) in _COUNTERFACTUAL_MODALS:
        return None  # "would never have"
    if _bounded_time(c.right):
        return None
    if c.form == "never":
        return _keep(c, "universal_not_single_event")  # itself a negator: "never never" stays
    verdict = booster_negation(c)
    return verdict._replace(rule="universal_not_single_event") if verdict is not None else None


_SCOPE_PREPOSITIONS = frozenset(
    "for to with among from by of on at about against toward towards between upon before "
    "over like than".split()
)
_ADDRESS_VERBS = frozenset(
    "tell told tells thank thanks thanked invite invited urge urges urged ask asks asked "
    "remind reminds reminded warn warns warned let lets give gives gave help helps helped "
    "keep kept want wants wanted make makes made call calls called welcome welcomed "
    "encourage encouraged allow allowed".split()
)
_RESTRICTED_AFTER = frozenset(
    "involved present concerned affected attending here in at who whom from on with of".split()
)


def _object_of_a_verb(c: Candidate) -> bool:
    """Whether "everyone else" follows a plain word and no verb follows it: an object.

    "Blames everyone else for", "interview everyone else at the party";
    a subject has its verb next ("everyone else is teaching", "today
    everyone else knows").
    """
    before, after = c.l(1), c.r(2)
    if not before[:1].isalpha() or before in _BEFORE_A_SUBJECT:
        return False
    verb_3sg = after.endswith("s") and after.isalpha() and after not in _SCOPE_PREPOSITIONS
    return not (after in _FINITE or after.endswith("n't") or verb_3sg)


def universal_subject(c: Candidate) -> Verdict | None:
    """ "everyone"/"everybody" as a sweeping claim, not as the scope of an act.

    As subject it generalises ("everyone knows", "everyone understood the
    dangers"). As the object of a verb or a preposition it names who an act
    reached ("reminded everyone of", "freedom for everyone"), and with a
    restricting phrase it is a definite group ("everyone involved in the
    trial"); "everyone else" after a verb and before no verb of its own is
    its object ("blames everyone else for it"). Negated ("not everyone") it
    hedges. With a dependency parse, its relation decides; without one, the
    words around it do.
    """
    token = c.token
    if c.form in ("everyone", "everybody") and token is not None and token.dep:
        if token.dep_ in ("dobj", "pobj", "dative", "obj", "iobj"):
            return None  # the parse says: the scope of an act
        if any(child.dep_ in ("relcl", "acl", "prep") for child in token.children):
            return (
                None  # "everyone involved in the trial", "everyone on the team": a definite group
            )
    elif c.form in ("everyone", "everybody"):
        before = c.l(1)
        if before in _SCOPE_PREPOSITIONS or before in _ADDRESS_VERBS:
            return None
        if before.endswith("ed") and len(before) > 4 and before not in _BE:
            return None  # "excommunicated everyone"
        if c.r(1) in _RESTRICTED_AFTER or c.r(1) in PERSONAL_PRONOUNS:
            return None  # "everyone from Cape Breton", "everyone I interviewed": a definite group
        if c.r(1) == "else" and _object_of_a_verb(c):
            return None  # "blames everyone else", "interview everyone else at the party"
    verdict = booster_negation(c)
    return verdict._replace(rule="universal_subject") if verdict is not None else None


_APPROXIMATORS = frozenset("almost nearly virtually practically much".split())
_DO_FORMS = frozenset("do does did doing done".split())
_NEEDS_CONTEXT = _APPROXIMATORS | _DO_FORMS | {"about"}


def sweeping_pronoun(c: Candidate) -> Verdict | None:
    """ "everything", "nothing", "none", "nowhere": sweeping, unless approximated or one act.

    "Nothing in my time has equalled it", "it goes against everything they
    stand for" generalise. "Almost everything", "pretty much everything"
    and "virtually nothing" are approximations; "none of this" and "none of
    these outbreaks" count a set the text has named, as "all of this" does
    (a referential quantity); "doing nothing" and "if we
    do nothing about" report one (in)action, unless "but" follows ("did
    nothing but shut her down"); "nowhere near" is a degree.
    """
    return _negated_universal(c, _sweeping_pronoun(c))


_DEMONSTRATIVES = frozenset("this that these those".split())


def _sweeping_pronoun(c: Candidate) -> Verdict | None:
    """The reading of `sweeping_pronoun` before negation."""
    if c.form == "none" and c.r(1) == "of" and c.r(2) in _DEMONSTRATIVES:
        return None  # "none of this would be happening": a referential quantity
    raw_before = _raw_word_before(c)
    if raw_before and raw_before not in _NEEDS_CONTEXT and c.form != "nowhere":
        return _keep(c, "sweeping_pronoun")  # a plain word before it: no reading to check
    before = c.l(1)
    if before in _APPROXIMATORS or (before == "about" and c.l(2) == "just"):
        return None
    if c.form == "nothing" and before in _DO_FORMS and c.r(1) != "but":
        return None
    if c.form == "nowhere" and c.r(1) in ("near", "to"):
        return None
    return _keep(c, "sweeping_pronoun")


_GROUP_NOUNS = frozenset(
    "people men women children kids citizens politicians presidents leaders officials "
    "journalists reporters experts scientists academics liberals conservatives leftists "
    "democrats republicans muslims christians catholics jews hindus atheists immigrants "
    "refugees migrants foreigners believers voters humans priests bishops cops police "
    "teachers students parents nations countries governments religions cultures races "
    "americans europeans africans mexicans russians chinese arabs whites blacks men's "
    "members elites media politicians bureaucrats lawyers doctors soldiers workers "
    "feminists socialists communists globalists progressives activists protesters illegals "
    "criminals terrorists judges senators congressmen bankers billionaires gays hispanics "
    "latinos asians israelis palestinians iranians jihadists islamists protestants "
    "evangelicals clergy cardinals germans mankind humanity everyone".split()
)
_GROUP_PRONOUN_SUBJECTS = frozenset("they we".split())


def sweeping_all(c: Candidate) -> Verdict | None:
    """ "all" as a sweeping generalisation about a group, not a quantity or a scope.

    A booster: "all" + a plural group noun ("all Americans", "all
    politicians lie"), a plural subject opening a clause ("All presidents
    since Clinton have ..."), a floating "all" after a subject pronoun and before
    its verb ("they all look alike", "we all want to know") or after a
    plural *be* before a nominal predicate ("they are all the same", "his
    victims were all unbelievers"), and "all of them/us" opening a clause.
    Not: a share ("30 percent of all voters", "half of all Americans"), an
    event ("we were all headed there", "were all killed"), a determiner after it ("all the
    money", "all her ministers"), a number ("all five consulates"), a
    quantity or time ("all gun sales", "all day"), address ("you all").
    """
    token = _parsed(c)
    noun = _quantified_noun(token) if token is not None else None
    if token is not None and noun is not None:
        return _negated_universal(c, _all_by_parse(c, token, noun))
    return _negated_universal(c, _sweeping_all(c))


def _sweeping_all(c: Candidate) -> Verdict | None:
    """The reading of `sweeping_all` before negation (`_all_by_parse` first, with a parse)."""
    following = _next_raw_word(c)
    if not following or not (
        following in _GROUP_NOUNS or following.endswith("s") or _may_follow(c, _ALL_OPENERS)
    ):
        return None  # "at all", "all the money": decided without reading the context words
    if c.l(1) == "of" and (_is_number(c.l(2)) or c.l(2) in _SHARES):
        return None  # "30 percent of all voters", "half of all Americans": a share
    first = c.r(1)
    if first in _OPENING_QUOTES:
        first = c.r(2)  # a quoted predicate: "his victims were all \u201cunbelievers\u201d"
    if not first[:1].isalpha():
        return None
    plural = first.endswith("s") and first not in _NOT_PLURAL
    if first in _GROUP_NOUNS or (plural and _capitalised_next(c)):
        return _keep(c, "sweeping_all")
    if not _may_follow(c, _ALL_OPENERS):
        return None  # "sales of all ...": no word before it that the readings below need
    opens_clause = not c.left or c.l(1) in _CLAUSE_BREAK or c.l(1) in ("and", "but")
    if opens_clause and plural and first.isalpha():
        return _keep(c, "sweeping_all")  # the subject "All presidents since Clinton have ..."
    if first == "of" and c.r(2) in ("them", "us") and opens_clause:
        return _keep(c, "sweeping_all")
    if c.l(1) in _GROUP_PRONOUN_SUBJECTS:
        if first in ("to", "of", "but", "the", "in", "at", "over", "around", "along", "right"):
            return None
        return _keep(c, "sweeping_all")
    predicate = first not in _NOT_A_PREDICATE and not first.endswith(("ed", "en"))
    if c.l(1) in _PLURAL_BE and predicate:
        return _keep(c, "sweeping_all")  # "they are all the same", "were all unbelievers"
    return None


_ALL_OPENERS = frozenset("and but they we are were 're".split())
# Words that take a share of a whole: "percent of all voters", "a third of all".
_SHARES = frozenset(
    "percent per cent % half third thirds quarter quarters fifth share majority minority "
    "most many some none few fraction proportion number out".split()
)


def _may_follow(c: Candidate, words: frozenset[str]) -> bool:
    """A cheap look at the raw text: could the word before the match be one of ``words``?

    True too at the start of the sentence or after punctuation, so callers
    skip reading the context words only when no reading needs them.
    """
    segment = c.folded[max(c.limits[0], c.start - 12) : c.start].rstrip()
    if not segment or not segment[-1].isalnum():
        return True
    last = segment.rsplit(None, 1)[-1]
    return last in words or not last[:1].isalnum() or last.endswith("'re")


_NEXT_WORD = re.compile(r"\s*[\"\u201c]?([^\W\d_]+(?:['\u2019\u02bc\x92][^\W_]+)*)")
_OPENING_QUOTES = frozenset(['"', "\u201c"])


def _next_raw_word(c: Candidate) -> str:
    """A cheap look at the raw text: the lower-cased letters right after the match, or ``""``.

    An opening quotation mark is looked through: quotes around a word do not change what it is.
    """
    match = _NEXT_WORD.match(c.folded, c.end, min(c.limits[1], c.end + 40))
    return match.group(1) if match else ""


def _raw_word_before(c: Candidate) -> str:
    """A cheap look at the raw text: the letters-only word before the match, or ``""``.

    When it is not ``""`` it equals ``c.l(1)``: a whole word, lower-cased,
    a contraction typed without its apostrophe read as the contraction.
    """
    begin = max(c.limits[0], c.start - 16)
    segment = c.folded[begin : c.start]
    if not segment[-1:].isspace():
        return ""
    chunks = segment.split()
    last = chunks[-1] if chunks else ""
    whole = len(chunks) > 1 or begin == c.limits[0] or segment[:1].isspace()
    if not last.isalpha() or not whole:
        return ""
    return WITHOUT_APOSTROPHE.get(last, last)  # "dont" reads as "don't", as in _words


def _negated_universal(c: Candidate, verdict: Verdict | None) -> Verdict | None:
    """A universal right after a negator is a hedge: "not all", "not every", "isn't everything".

    The guideline's rule for every booster (a negated booster is a hedge),
    for the quantifier rules that accept on their own reading.
    """
    if verdict is None or verdict.kind != "booster":
        return verdict
    before = _raw_word_before(c) or c.l(1)
    if before in ("not", "never") or before.endswith("n't"):
        return _as_hedge("plausibility", "negated_booster", verdict.rule)
    return verdict


_NOT_PLURAL = frozenset("this these those is was has its his hers yours ours theirs us".split())
_PLURAL_BE = frozenset("are were 're".split())
_NOT_A_PREDICATE = frozenset(
    "in over around about of right but too set gone here there that so at to over "
    "along out up down back together".split()
)


def _capitalised_next(c: Candidate) -> bool:
    after = c.text[c.end : min(c.limits[1], c.end + 30)].split()
    return bool(after) and after[0][:1].isupper() and not after[0].isupper()


_COUNTED = _TIME_NOUNS | _NUMBER_WORDS | {"other", "so", "now", "few", "once", "single"}


def sweeping_every(c: Candidate) -> Verdict | None:
    """ "every" + noun as a generalisation, not a period of time or an approximation.

    "Every American", "every aspect of", "at every turn", "met every
    standard", "every single county" generalise. "Every year", "every
    day", "every single day", "every two weeks", "every other", "every so
    often", "every once in a while" count time; "virtually every" and
    "almost every" approximate.
    """
    return _negated_universal(c, _sweeping_every(c))


def _sweeping_every(c: Candidate) -> Verdict | None:
    """The reading of `sweeping_every` before negation."""
    token = _parsed(c)
    noun = _quantified_noun(token) if token is not None else None
    if noun is not None:
        return _every_by_parse(c, noun)
    following = _next_raw_word(c)
    before = _raw_word_before(c)
    if following and following not in _COUNTED and before and before not in _APPROXIMATORS:
        return _keep(c, "sweeping_every")  # decided without reading the context words
    first = c.r(1)
    if first == "single":
        first = c.r(2)  # "every single day" counts days as "every day" does
    counted = first in _COUNTED or _is_number(first)
    if counted and first != "one":
        return None
    if not first[:1].isalpha():
        return None
    if c.l(1) in _APPROXIMATORS:
        return None
    return _keep(c, "sweeping_every")


def first_person_knowledge(c: Candidate) -> Verdict | None:
    """ "I know (that) ...", "we now know ...": a first-person claim of knowledge.

    The lexicon matches only a first-person subject with "know", so
    future, hypothetical and third-person knowing ("we'll know", "we would
    never know it", "they know that") never reach this rule. Plain knowing
    of a thing or person ("I know him", "I do know Rome") has no clause
    after it and is not a booster. An indirect question in a statement
    ("we all know how she feels", "I know what they want") and knowledge
    with its grounds ("we know from 9/11 that", "we know because") claim
    knowledge too; a question ("do we know why?") does not.
    """
    right = c.right
    main_clause = not c.left or c.l(1) in _CLAUSE_BREAK or c.l(1) in _KNOWLEDGE_OPENERS
    if c.r(1) in ("who", "which") and not main_clause:
        return None  # "the people I know who ...": a relative clause about acquaintances
    if c.r(1) == "that" or (right and _clause_follows(right)):
        return _keep(c, "first_person_knowledge")
    if "to" in right[:3] and "be" in right[1:4]:
        return _keep(c, "first_person_knowledge")  # "what we know to be true"
    if c.l(1) in _WH or c.l(1) in _COUNTERFACTUAL_MODALS or c.l(1) in ("as", "if"):
        return None  # "how would we know", "what I know", "as we know it", "if we knew"
    if main_clause and c.r(1) in _WH - {"if", "whether"} and not _question(c):
        return _keep(c, "first_person_knowledge")  # "we all know how she feels"
    if c.r(1) in ("because", "from") and (c.r(1) == "because" or "that" in right[1:8]):
        return _keep(c, "first_person_knowledge")  # "we know from 9/11 that ..."
    return None


# Words after which "I know" opens a main clause ("and we all know why"), unlike a
# relative clause ("the people I know who ...") or a question ("do we know how").
_KNOWLEDGE_OPENERS = frozenset("and but so yet now then because since".split())


def _question(c: Candidate) -> bool:
    """Whether the match's sentence ends with a question mark."""
    return c.text[c.start : c.limits[1]].rstrip().endswith("?")


def proof_claim(c: Candidate) -> Verdict | None:
    """ "proves that", "has proven to be", "demonstrates that": evidence as certain proof.

    The lexicon matches the verb with "that", "to be" or "my point"; a bare
    object ("records prove he arrived" reports what records say) is not
    matched. An attempt ("to prove that") or a possibility ("could prove
    that") is not a booster; under negation ("does not prove that") the
    claim is weakened: a hedge.
    """
    if c.l(1) == "to" or c.l(1) in _COUNTERFACTUAL_MODALS or c.l(1) in ("can", "will", "'ll"):
        return None
    if _negated(c.left, reach=2):
        return _as_hedge("plausibility", "negated_booster", "proof_claim")
    return _keep(c, "proof_claim")


def truth_assertion(c: Candidate) -> Verdict | None:
    """ "It is true that ...", "It's true.": the writer vouching; not "true for", "if true"."""
    if c.l(1) in _HYPOTHETICAL:
        return None
    first = c.r(1)
    if first == "that" or (first == "," and "that" in c.right[1:6]):
        return _keep(c, "truth_assertion")
    if first in (".", "!") and _opens_sentence(c):
        return _keep(c, "truth_assertion")  # "It's true." on its own: the speaker vouching
    if first in _CLAUSE_END or first in _TRUE_OF:
        return None  # "true for Corker", "true to form": a property, not a vouched claim
    return _keep(c, "truth_assertion")  # a clause without "that": "It is true Trump likes ..."


_TRUE_OF = frozenset("for of to in about with as enough or and but if when".split())


_JUDGEMENTS = frozenset(
    "wrong false untrue true right correct accurate inaccurate clear unclear unacceptable "
    "unprecedented innocent guilty insane crazy mad absurd ridiculous baseless unfounded "
    "fabricated bogus fake misleading dishonest honest irrelevant deserving undeserving "
    "justified unjustified unjustifiable legitimate illegitimate illegal unlawful "
    "inappropriate inexcusable unforgivable outrageous unbelievable unreasonable unfair "
    "unconstitutional immoral evil wicked corrupt incompetent useless pointless meaningless "
    "worthless unnecessary needless senseless preposterous ludicrous nonsensical disgraceful "
    "shameful despicable appalling unthinkable impossible committed convinced certain sure "
    "confident opposed dedicated devoted sincere consistent inconsistent incompatible "
    "ignorant oblivious unwarranted groundless spurious mistaken misguided delusional "
    "unsupported indefensible reprehensible unhinged irrational bizarre fraudulent "
    "inadequate unqualified unfit agree agrees agreed disagree disagrees disagreed reject "
    "rejects rejected deny denies denied oppose opposes support supports supported condemn "
    "condemns condemned denounce denounces denounced endorse endorses endorsed refute "
    "refutes refuted repudiate repudiated trust understand understood phony phoney "
    "insufficient against unlikely implausible untenable unconvincing".split()
)
_NEGATORS_AFTER = frozenset("not no never nothing cannot".split())


_EVALUATIVE_VALENCE = 1.0
_BEFORE_A_VERB = _COUNTERFACTUAL_MODALS | frozenset("to will 'll can cannot may".split())
# Words the affect table rates that are not evaluations after a degree adverb:
# closed-class and discourse words, and irregular participles (a result, like -ed).
_NOT_EVALUATIVE = frozenset(
    "no yes ok okay like well so free kind won lost broken beaten torn stolen forgotten "
    "hurt fallen cut struck stuck worn shaken".split()
)


# Adjectives in -ed that judge rather than report a result: "totally conflicted",
# "utterly flawed data", "completely biased", "a rigged system".
_JUDGING_PARTICIPLES = frozenset(
    "flawed biased rigged conflicted deranged corrupted compromised discredited debunked "
    "misinformed deluded warped twisted skewed unfounded unjustified unwarranted unqualified "
    "uninformed ill-informed misled brainwashed bankrupt".split()
)


def _evaluative_predicate(word: str, before: str) -> bool:
    """Whether ``word`` reads as an evaluation, not an action or a state.

    Words the affect table (VADER) rates at least 1 from neutral evaluate
    ("utterly flawed", "totally chaotic", "completely fine"), as Recasens et
    al. (2013) and the taxonomy read intensifiers; participles and verbs do
    not ("completely destroyed", "completely lost", "to totally destroy"
    measure a result), so forms in -ed or -ing, irregular participles, a
    word after "to" or a modal, and closed-class words ("completely no")
    are left out, except the -ed adjectives that judge ("utterly flawed",
    "totally conflicted").
    """
    if word in _JUDGING_PARTICIPLES and before not in _BEFORE_A_VERB:
        return True
    if word.endswith(("ed", "ing")) or before in _BEFORE_A_VERB or word in _NOT_EVALUATIVE:
        return False
    rating = affect_table().get(word)
    return rating is not None and abs(rating[0]) >= _EVALUATIVE_VALENCE


# Degree words that are adjectives too ("an outright ban"), and the nouns they insist on.
_ADJECTIVE_TOO = frozenset("outright downright".split())
_UNTRUTHS = frozenset(
    "lie lies liar liars falsehood falsehoods fabrication fabrications hoax fraud "
    "nonsense propaganda deception lying".split()
)


_STANCE_LEMMAS = frozenset(
    "agree disagree reject deny oppose support condemn denounce endorse refute repudiate "
    "trust understand".split()
)


def _degree_by_parse(head: Token) -> bool | None:
    """What a degree adverb modifies, from the parse: ``True`` a judgement, ``False`` a result.

    A verb is a result ("completely destroyed the building", "totally
    redefine") unless it states a stance ("I completely agree", "totally
    reject"); an adjective is a judgement when it evaluates ("completely
    and utterly wrong", "totally, absolutely false"). Anything else
    (``None``) is left to the word after the adverb.
    """
    lower = head.lower_
    if head.pos_ == "VERB":
        return head.lemma_.lower() in _STANCE_LEMMAS or lower in _JUDGING_PARTICIPLES
    if head.pos_ == "ADJ":
        return lower in _JUDGEMENTS or _evaluative_predicate(lower, "")
    return None


def judgement_degree(c: Candidate) -> Verdict | None:
    """ "completely", "totally", "entirely", "utterly" intensifying a judgement or a stance.

    "Completely wrong", "totally unprecedented", "entirely deserving", "I
    completely agree", "patently false", "outright wicked", "an outright
    lie": the writer insists on an evaluation. "Completely
    destroyed", "completely redefine", "close it down completely", "an
    outright ban" measure a physical or factual result: a degree, not a booster. Negated, the word
    denies a degree ("never wholly accurate"); the hedge "not entirely
    clear" is a lexicon entry of its own.
    """
    token = _parsed(c)
    if token is not None and token.dep_ == "advmod" and token.head.i > token.i:
        reading = _degree_by_parse(token.head)
        if reading is not None:
            if not reading or _negated(c.left, reach=1, skip=frozenset()):
                return None
            return _keep(c, "judgement_degree")
    right = c.right
    index = 1 if right[:1] == [","] else 0
    if len(right) <= index:
        return None
    word = right[index]
    if c.form in _ADJECTIVE_TOO and c.l(1) not in _BE:
        # "an outright lie", not "an outright ban": an adjective only before a charge of untruth
        if word not in _UNTRUTHS:
            return None
    elif not (word in _JUDGEMENTS or _evaluative_predicate(word, c.l(1))):
        return None
    if _negated(c.left, reach=1, skip=frozenset()):
        return None  # "not entirely wrong" denies a degree ("not entirely clear": a lexicon hedge)
    return _keep(c, "judgement_degree")


def insisting_simply(c: Candidate) -> Verdict | None:
    """ "simply" insisting on a denial or a verdict, not "only" or "plainly".

    "It is simply not true", "he simply did not take it seriously", "it was
    simply too late", "simply wrong", "is simply outrageous", "is simply
    incontrovertible" insist; "simply a draft", "simply happy to have a
    home", "not simply defying the law" mean "just".
    """
    first = c.r(1)
    if _negated(c.left, reach=1, skip=frozenset()):
        return None
    denial = c.r(2) in _NEGATORS_AFTER or c.r(2).endswith("n't")
    if (
        first in _NEGATORS_AFTER
        or first.endswith("n't")
        or first == "too"
        or (first in ("did", "does", "do", "is", "was") and denial)
    ):
        return _keep(c, "insisting_simply")
    if first in _JUDGEMENTS and first not in ("support", "supports", "trust", "understand"):
        return _keep(c, "insisting_simply")
    verdict = first in _CERTAIN_ADJECTIVES or _evaluative_predicate(first, c.l(1))
    if verdict and c.l(1) in _BE and c.r(2) not in _COMPLEMENT_AFTER_ADJECTIVE:
        return _keep(c, "insisting_simply")  # "is simply outrageous", "is simply incontrovertible"
    return None


# Certainty adjectives, which insisting words strengthen as they do a judgement.
_CERTAIN_ADJECTIVES = frozenset(
    "undeniable indisputable incontrovertible irrefutable unassailable unquestionable "
    "self-evident inescapable incontestable obvious evident clear certain".split()
)
# What makes "simply happy to", "simply glad that" a feeling, not a verdict.
_COMPLEMENT_AFTER_ADJECTIVE = frozenset("to that with about for of".split())


_INSISTED = frozenset(
    "because what why who the this that these those my our his her their its zero nothing "
    "none nobody opposite right so backwards wrong".split()
)


def insisting_precision(c: Candidate) -> Verdict | None:
    """ "precisely" and "exactly" insisting on a claim, not measuring.

    "That is exactly what they want", "precisely because", "it was
    precisely this reality", "exactly zero witnesses" insist. "Exactly how
    it was spinning", "exactly 5 metres", "at exactly noon" measure.
    "Not exactly" understates or denies ("not exactly cheap", "not exactly
    what they want"): neither reading insists, and it is left alone.
    """
    first = c.r(1)
    if _negated(c.left, reach=1, skip=frozenset()):
        return None  # "not exactly": an understatement or a denial, no insistence
    if _is_number(first) and first not in ("zero", "one"):
        return None
    if first in _INSISTED or (c.l(1) in _BE and first in ("a", "an", "like", "as")):
        return _keep(c, "insisting_precision")
    return None


def the_fact_asserted(c: Candidate) -> Verdict | None:
    """ "The fact that ..." opening a clause presents its content as fact.

    After a preposition or a verb it is a plain complement, a way to make
    a clause a noun ("despite the fact that", "lamented the fact that",
    "focused on the fact that"): not a booster.
    """
    if not c.left or c.l(1) in _CLAUSE_BREAK or c.l(1) in ("and", "but", "yet", "so"):
        return _keep(c, "the_fact_asserted")
    return None


def _opens_sentence(c: Candidate) -> bool:
    """Whether only punctuation or a conjunction stands before the match in its sentence."""
    return all(word in _CLAUSE_BREAK or word in _KNOWLEDGE_OPENERS for word in c.left)


# What can stand right before a frame that opens a clause: punctuation (single
# quotation marks too), a conjunction or a subordinator ("because the reality is, ...").
_BEFORE_A_FRAME = (
    _CLAUSE_BREAK
    | _KNOWLEDGE_OPENERS
    | frozenset("\u2018 \u2019 ' when while although though as or".split())
)


def framing_truth(c: Candidate) -> Verdict | None:
    """ "The truth is, ...", "the fact of the matter is that ...": a claim framed as fact.

    The frame opens a clause (after punctuation, a conjunction or a
    subordinator: "because the reality is, ...") and a comma or a clause
    follows it ("The fact is, I don't want it made public"); "the truth is
    sexier than the lie" is a predicate about truth, and "tell you what the
    truth is" a question about it: neither is a booster. (The form with
    "that" is an entry of its own, without a rule.)
    """
    if c.left and c.l(1) not in _BEFORE_A_FRAME:
        return None
    right = c.right
    if right[:1] in ([","], ["that"]) or _clause_opens(right):
        return _keep(c, "framing_truth")
    return None


def impossibility_claim(c: Candidate) -> Verdict | None:
    """ "There is no way that ...": certainty that something cannot be.

    With "that" or a clause ("there's no way he wins", "there's no way any
    of them get picked") it rules a claim out; "no way to see into his
    mind", "no way of knowing" and "no way around that" state a lack of means.
    """
    if c.r(1) in _MEANS_AFTER:
        return None
    return _keep(c, "impossibility_claim")


# Words after "no way" that make it a lack of means, not an impossible claim.
_MEANS_AFTER = frozenset("to of around out for in into through back forward but".split())


def insisting_aside(c: Candidate) -> Verdict | None:
    """ "Believe me.", "Trust me, it won't work": the speaker vouching for a claim.

    Only as an aside set off by punctuation, after punctuation or a
    conjunction ("..., believe me.", "and believe me, ..."); "they didn't
    believe me" and "you can trust me with it" are plain verbs.
    """
    if (not c.left or c.l(1) in _BEFORE_A_FRAME) and c.r(1) in _CLAUSE_END:
        return _keep(c, "insisting_aside")
    return None


def certainty_with(c: Candidate) -> Verdict | None:
    """ "with certainty" boosts; "no one can say with certainty" hedges (negator 4 words back)."""
    if _negated(c.left, reach=4, skip=frozenset()) or "nobody" in c.left[-4:]:
        return _as_hedge("plausibility", "negated_booster", "certainty_with")
    return _keep(c, "certainty_with")


_GENERIC_VERBS = frozenset(
    "can could would will should must may might cannot is are 's 're".split()
)
_NOT_A_SUBJECT_NOUN = frozenset("matter longer sooner wonder more less than".split())
_CLAUSE_OPENERS = frozenset("that and but because so".split())

# Words that can stand right before a subject: openers, subordinators, auxiliaries
# of a question ("why does everyone ..."), negators and approximators.
_BEFORE_A_SUBJECT = (
    _CLAUSE_OPENERS
    | _HYPOTHETICAL
    | _WH
    | _FINITE
    | _NEGATORS
    | _APPROXIMATORS
    | frozenset("or nor yet when while since as though although where then now just".split())
)


def sweeping_no(c: Candidate) -> Verdict | None:
    """ "No" + a noun as the subject of a generic claim: a negative universal.

    "No country can ...", "No government is above the law", "... that no
    reasonable prosecutor would ...": the counterpart of "every" + noun
    (and of "nobody", "nothing"), read by tense as "never" is: a modal or a
    present *be* makes the claim general. A past or perfect report ("No
    injuries were reported", "No decision has been made"), "no" after a
    verb ("there is no ...", "has no ..."), an answer ("No, ..."), "no
    matter" and "no longer" are not. "No other" + a singular noun as
    subject compares the one against all the rest, in any tense ("No other
    bishop has ever done this"); with a plural it means "no further" ("No
    other questions were asked").
    """
    before = _raw_word_before(c)
    if before and before not in _CLAUSE_OPENERS:
        return None  # "there is no", "has no": not a subject; decided without the context words
    if not before and c.left and c.l(1) not in _CLAUSE_BREAK and c.l(1) not in _CLAUSE_OPENERS:
        return None
    right = c.right
    if not right or not right[0][:1].isalpha() or right[0] in _NOT_A_SUBJECT_NOUN:
        return None
    if right[0] == "other" and len(right) > 1 and right[1].endswith("s"):
        return None  # "No other questions were asked": no further ones, not a comparison
    if right[0] == "other" and not _in_title(c):
        for word in right[1:8]:
            if word in _FINITE or word in _GENERIC_VERBS or word.endswith("n't"):
                return _keep(c, "sweeping_no")  # "No other prelate has done so": any tense
            if word in _CLAUSE_BREAK or word in _WH:
                return None
        return None
    if right[0] in _DETERMINERS or right[0] in _SUBJECT_PRONOUNS or _in_title(c):
        return None  # "and no, this isn't ...": an answer; a headline's "No"
    for word in right[1:7]:
        if word in _GENERIC_VERBS:
            return _keep(c, "sweeping_no")
        if word in _CLAUSE_BREAK or word in _FINITE or word.endswith("n't") or word in _WH:
            return None  # a past or perfect verb, a relative clause, or no verb at all
    return None


_CONVICTION = frozenset(
    "sure certain confident convinced committed behind right wrong true false accurate "
    "correct".split()
)
_CONVICTION_OBJECTS = _OBJECT_PRONOUNS | frozenset("it this that yes yeah , \u2014".split())


def percent_conviction(c: Candidate) -> Verdict | None:
    """ "100 percent" as full conviction, not a share.

    "I am 100% sure", "100 percent committed", "100 percent fabricated",
    "agreeing with me 100 percent." and "Yeah, 100 percent." claim
    certainty (issue 19's "100%"); "100 percent of precincts", "a 100%
    rating", "rose 100 percent" and "width:100%" measure.
    """
    return _negated_universal(c, _percent_conviction(c))


def _percent_conviction(c: Candidate) -> Verdict | None:
    """The reading of `percent_conviction` before negation."""
    following = c.next_word()
    if following is None:
        if c.r(1) in _CLAUSE_END and c.r(1) != "-" and c.l(1) in _CONVICTION_OBJECTS:
            return _keep(c, "percent_conviction")  # "agreeing with me 100 percent."
        return None
    if following in _CONVICTION or following in _JUDGEMENTS:
        return _keep(c, "percent_conviction")
    if _evaluative_predicate(following, c.l(1)) or (
        following.endswith("ed") and c.l(1) in _BE  # "is 100 percent fabricated"
    ):
        return _keep(c, "percent_conviction")
    return None


RULES: dict[str, Rule] = {
    rule.__name__: rule
    for rule in (
        quantity_follows,
        quantity_precedes,
        adaptor_not_taxonomic,
        extent_not_degree_clause,
        rather_degree,
        may_modal,
        might_modal,
        could_epistemic,
        possible_epistemic,
        likelihood,
        apparent_modifier,
        potential_modifier,
        unknown_predicative,
        appear_complement,
        like_clause,
        tend_to,
        suggest_evidential,
        clause_or_of_follows,
        cognition_subject,
        according_to_source,
        agentless_passive,
        vague_source,
        supposed_modifier,
        claim_report,
        accusation_report,
        booster_negation,
        certainty_predicative,
        little_bit_degree,
        ignorance_complement,
        opinion_abbreviation,
        anonymous_source,
        reality_emphatic,
        stance_not_manner,
        universal_not_single_event,
        universal_subject,
        sweeping_pronoun,
        sweeping_all,
        sweeping_every,
        first_person_knowledge,
        proof_claim,
        truth_assertion,
        judgement_degree,
        insisting_simply,
        insisting_precision,
        the_fact_asserted,
        framing_truth,
        impossibility_claim,
        insisting_aside,
        certainty_with,
        percent_conviction,
        sweeping_no,
    )
}
"""The context rules by name, as the lexicon's ``rule`` column names them."""


# --- readings the booster judge shares (rhetorika.extractors._booster_judge) ---------------
# The same tests the rules make, under public names, so the judge's features
# and the rules read a negation, a past tense or a bounded time alike.

bounded_time = _bounded_time
hypothetical = _hypothetical
is_number = _is_number
negated = _negated
past_form = _past_form
