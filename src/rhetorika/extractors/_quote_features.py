"""Features of a quotation and its context, for the learned quotation classifier.

Each quotation becomes a set of active binary features: the shape of the
quoted words, the words right before and after the marks, whether its
sentence reports speech and names a speaker (and on which side), cues of
contradiction or distance, the line it stands on, and document-level cues:
the same words quoted earlier by a named speaker (a picked-up term); the
words used unquoted elsewhere; and the writer's own voice outside the
quotations (first or second person, exclamations and questions, how many of
the text's quotations are attributed), which tells an opinion piece from a
news report.
`DESCRIPTIONS` also names the stacking features that
``rhetorika.extractors.quotes.candidates`` adds from the hand rules'
decision (`RULE_KINDS`, `RULE_CUES`). The word classes below are closed classes of English
(determiners, pronouns, prepositions, auxiliaries) or the cue words named
in the literature on quotation (Cappelen and Lepore 1997; Recanati 2001;
Gutzmann and Stei 2011; Chicago Manual of Style 7.57-7.59; the AP
Stylebook; Shomir Wilson's metalanguage studies); none is mined from a
corpus. Which feature points to which kind is learned
(``scripts/train_quotes.py``); this module only describes.

The window read around a quotation is its sentence and line, at most
`WINDOW` characters each way, so the cost per quotation is bounded;
the document-level cues look up at most `DOC_SEARCHES` quotations of a
text, in at most 20,000 characters of earlier attributed quotations, and
search the text once per distinct quoted word sequence; the writer's
voice is read in one scan of the text outside the quotations, so a text's
cost stays linear in its length.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

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
from rhetorika.lexicons.loaded import builtin_lexicon, surface_forms
from rhetorika.quotemarks import MarkTuple

__all__ = [
    "CONTESTED",
    "DESCRIPTIONS",
    "DOC_SEARCHES",
    "RULE_CUES",
    "RULE_KINDS",
    "WINDOW",
    "quotation_features",
]

WINDOW = 150
"""Characters of context read on each side of a quotation."""

DOC_SEARCHES = 200
"""Quotations per text for which the echo and unquoted-elsewhere cues search."""

_HEADLINE_CHARS = 200
_SPOKEN_CHARS = 20_000  # attributed quotation text kept for the echo cue
_READ = 400  # characters of a quotation's content read for its shape
_DIGIT = re.compile(r"\d")
_WRITER_FIRST = 3  # first-person words outside quotations that make an opinion voice
_WRITER_SECOND = 2  # "you" words outside quotations that address the reader
_WRITER_EXCLAIMS = 3  # "!" and "?" outside quotations
_ATTRIBUTED_SHARE = 0.34  # below this share of attributed quotations, "mostly unattributed"
# The writer's voice outside quotations: first person ("I", "we"; "US" is a
# country, so the match is case-sensitive), second person, "!" and "?". The
# pattern consumes the first character (a class the engine skips to in its
# fast set loop; a leading lookahead is tried at every offset, a third
# slower) and reads the rest behind it: the character before the word is
# two behind (``(?<!X.)``), the word's first letter one behind.
_VOICE = re.compile(
    r"[IWwMmOouYy!?]"
    r"(?:(?<=[!?])"
    r"|(?<![\w'\u2019-].)(?:"
    r"(?:(?<=I)(?:['\u2019](?:m|ve))?|(?<=[Ww])e|(?<=[Mm])[ye]|(?<=[Oo])ur|(?<=u)s)(?P<first>)"
    r"|(?<=[Yy])ou(?:r|['\u2019]re)?(?P<second>)"
    r")(?![\w'\u2019-]))"
)

_WORD = re.compile(r"[^\W_](?:[\w\u2019'.&/-]*[^\W_])?")


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


_PREPOSITIONS = _words(
    "of in on for to with by from about against at into over under through between among "
    "toward towards upon without within during after before like"
)
_AUXILIARIES = _words(
    "would will could should can may might must shall has have had do does did to"
)
_SUBJECT_PRONOUNS = SUBJECT_PRONOUNS | {"who"}
_SPEAKER_PRONOUNS = PERSONAL_PRONOUNS - {"you"}
_NEGATIONS = NEGATORS | _words("nothing none nobody")
_FIRST_PERSON = FIRST_PERSON | _words("my our us me ours mine")
_SECOND_PERSON = _words("you your you're yours")
_FINITE = FINITE | _words("it's that's there's i'm we're they're he's she's you're")
_DISTANCING = _words(
    "so-called self-styled self-proclaimed self-described alleged supposed purported "
    "would-be ostensible pseudo quote-unquote"
)
_DISTANCING_ADVERBS = _words("allegedly supposedly purportedly ostensibly so-called")
_NAMING = _words(
    "called dubbed termed named nicknamed labeled labelled branded coined christened renamed"
)
_METALINGUISTIC = _words(
    "word words term terms phrase phrases expression expressions name names label labels "
    "slogan slogans hashtag hashtags acronym motto catchphrase buzzword nickname nicknames "
    "alias moniker letter letters headline spelled spelt pronounced option options"
)
_METALINGUISTIC_AFTER = _words("means meant mean stands refers translates spelled pronounced")
_WORK_NOUNS = _words(
    "book novel memoir film movie song album single show series programme program episode "
    "article essay op-ed column editorial report documentary podcast play poem magazine "
    "newspaper musical opera painting titled entitled headlined operation campaign bill act "
    "doctrine website blog"
)
_THING_NOUNS = _words(
    "hat hats cap caps shirt shirts t-shirt t-shirts sign signs banner banners sticker "
    "stickers slogan movement campaign law act bill plan policy programme program doctrine "
    "agenda pledge tour rally initiative strategy show series podcast segment"
)
_ROLE_NOUNS = _words(
    "spokesman spokeswoman spokesperson official officials minister president senator "
    "governor mayor secretary director chairman chief leader lawmaker lawmakers "
    "representative candidate prosecutor prosecutors lawyer attorney judge statement "
    "spokesmen analyst analysts expert experts aide aides adviser advisor"
)


# Verbs that report speech or writing, and verbs that frame someone's words.
_REPORTING = _words(
    "say says said saying tell tells told telling ask asks asked asking add adds added "
    "adding write writes wrote writing tweet tweets tweeted state states stated stating "
    "declare declares declared claim claims claimed insist insists insisted argue argues "
    "argued warn warns warned explain explains explained reply replies replied respond "
    "responds responded recall recalls recalled testify testified quote quoted quoting "
    "announce announced acknowledge acknowledged admit admits admitted concede conceded "
    "shout shouted yell yelled scream screamed chant chanted chanting whisper whispered "
    "exclaim exclaimed report reported cite cited citing continue continued conclude "
    "concluded note noted notes posted wrote remarked remark remarks mused joked"
)
_FRAMING = _words(
    "call calls called calling describe describes described describing vow vows vowed "
    "promise promised pledge pledged urge urged accuse accused deny denied complain "
    "complained charge charged allege alleged suggest suggested predict predicted praise "
    "praised slam slammed blast blasted condemn condemned decry decried dismiss dismissed "
    "criticize criticized criticise criticised hail hailed tout touted boast boasted "
    "demand demanded threaten threatened characterize characterized denounce denounced "
    "mock mocked deride derided welcome welcomed assure assured affirm affirmed "
    "reiterate reiterated read reads"
)
_SPEECH = _REPORTING | _FRAMING
_SPEAKER_WORDS = _SPEAKER_PRONOUNS | _ROLE_NOUNS  # a speaker wherever it stands
# Words that reject or mock what they qualify ("a preposterous 'solution'").
_REJECTION = _words(
    "preposterous ridiculous absurd laughable ludicrous fake phony phoney bogus sham pretend "
    "pretended mock farce joke charade travesty mockery nonsense ironic ironically irony "
    "hypocrisy hypocritical pathetic dubious bizarre disguised masquerading"
)
# Every word the sentence-wide cues look for (rejection, negation, distancing, "according").
_SENTENCE_CUES = _REJECTION | _NEGATIONS | _DISTANCING_ADVERBS | {"according"}
_CONTRADICTION = re.compile(
    r"(?<![\w-])(?:so\s+much\s+for|far\s+from|anything\s+but|far\s+cry|rather\s+than|"
    r"instead\s+of|not\s+(?:a|an|the|really|exactly|quite|much\s+of\s+a))\s*$",
    re.IGNORECASE,
)
# The last words of _CONTRADICTION's phrases, each after a space (see `_may_contradict`).
_CONTRADICTION_LAST = _words("for from but cry than of a an the really exactly quite")

# Words that writers often put in scare quotes: evaluative, political or
# contested terms (after the examples in Chicago 7.57, the AP Stylebook's
# irony rule, Wikipedia's MOS:WTW and the research note's cue 12). Written
# for rhetorika; not taken from any corpus.
CONTESTED = _words(
    """
    peace peaceful peacemaking peacekeeping negotiations negotiation talks dialogue settlement
    ceasefire truce compromise solution solutions problem problems crisis reform reforms
    reformers progress progressive progressives liberal liberals moderate moderates
    democracy democratic democrats elections election vote referendum freedom freedoms liberty
    liberation liberators justice fairness equality equity diversity inclusion inclusive
    tolerance tolerant rights human experts expert science scientists scientific research
    study studies evidence facts fact truth news journalism journalists reporters media
    fact-checkers checkers investigation investigations inquiry probe mistake mistakes error
    accident accidentally accidental partners partner partnership allies ally friends friend
    friendship help aid assistance humanitarian rescue protection security stability
    safety normal normalization legitimate legitimacy legal lawful voluntary
    voluntarily temporary temporarily generous generosity compassion compassionate mercy
    concern concerns desire willingness goodwill sincere sincerity honest honesty
    authority authorities leadership leader leaders hero heroes victims victim martyr
    terrorist terrorists terrorism extremist extremists extremism radical radicals
    far-right far-left alt-right right-wing left-wing racist racists racism sexist
    islamophobia islamophobic xenophobia xenophobic hate hateful phobia bigot bigots
    misinformation disinformation conspiracy fake resistance sovereignty independence
    self-determination denazification demilitarization operation liberated collusion
    preconditions guarantees commitments commitment values civilized civilization
    consensus unity solidarity smart sensible common-sense reasonable right wrong correct proper
    protesters protest activists refugees migrants asylum patriots patriotic
    """
)
"""Words writers often scare-quote; the rules' list, read by both classifiers."""


@cache
def _loaded_words() -> frozenset[str]:
    """Single-word forms of the shipped loaded-terms lexicon, lower-cased."""
    out = set()
    for entry in builtin_lexicon().entries:
        for form in surface_forms(entry):
            if len(form) == 1:
                out.add(fold(form[0]))
    return frozenset(out)


_SPEECH_CUES = frozenset(
    [
        "speech_tag_after",
        "speech_verb_later",
        "speech_verb_earlier",
        "prev_speech_verb",
        "according_to",
        "before_colon",
        "speaker_and_verb_before",
    ]
)
# Context features also read apart for quotations of one or two words.
_CROSSED = frozenset(
    [
        "no_speech_in_sentence",
        "prev_determiner",
        "prev_preposition",
        "prev_possessive",
        "prev_be",
        "negation_in_sentence",
        "loaded_inside",
        "headline",
        "ends_stop",
        "speaker_before",
        "starts_capital",
        "loaded_before",
        "rejection_in_sentence",
        "prev_negation",
    ]
)


DESCRIPTIONS: dict[str, str] = {
    "bias": "the base rate of each kind",
    "empty": "nothing between the marks",
    "words_1": "one word",
    "words_2": "two words",
    "words_3": "three words",
    "words_4_5": "four or five words",
    "words_6_9": "six to nine words",
    "words_10": "ten words or more",
    "starts_capital": "the quoted words start with a capital",
    "title_case": "every content word capitalised",
    "all_caps": "written in capitals",
    "ends_stop": "ends with . ! or ? inside the marks",
    "ends_comma": "ends with a comma inside the marks",
    "clause": "a full clause (a finite verb in three words or more)",
    "first_person": "I, we or my inside the quotation",
    "second_person": "you inside the quotation",
    "starts_determiner": "starts with a determiner of its own",
    "has_digit": "a digit inside",
    "markup_value": "looks like a handle, tag or address (@x, #x, http)",
    "unclosed": "the quotation is never closed",
    "nested": "inside another quotation",
    "in_list": "one of three or more quoted items in a row",
    "headline": "on a headline-like line",
    "opens_sentence": "nothing before it in its sentence",
    "before_colon": "follows a colon",
    "before_comma": "follows a comma",
    "before_equals": "follows '=' (markup attribute)",
    "before_bracket": "follows a bracket or dash",
    "prev_determiner": "follows a determiner ('the', 'a')",
    "prev_possessive": "follows a possessive ('their', 'Iran's')",
    "prev_distancing": "follows 'so-called', 'alleged' or 'self-styled'",
    "prev_naming": "follows 'called', 'dubbed' or 'termed'",
    "prev_naming_passive": "follows 'is called', 'was dubbed' or 'known as'",
    "prev_metalinguistic": "follows 'the word', 'the term' or 'the name'",
    "prev_as": "follows 'as' ('described as')",
    "prev_preposition": "follows a preposition",
    "prev_be": "follows a form of 'be'",
    "prev_auxiliary": "follows a modal or auxiliary ('would', 'has')",
    "prev_pronoun": "follows a subject pronoun ('he', 'they')",
    "prev_negation": "a negation just before",
    "prev_contradiction": "follows 'so much for', 'not a', 'far from'",
    "prev_capitalised": "follows a capitalised word mid-sentence",
    "prev_work_noun": "follows a work noun ('the film', 'titled')",
    "prev_speech_verb": "a reporting verb just before",
    "after_end": "nothing after it on its line",
    "after_comma": "followed by a comma",
    "after_stop": "followed by . ! or ?",
    "after_bracket": "followed by a bracket",
    "next_capitalised": "followed by a capitalised word",
    "next_thing_noun": "followed by a thing it names ('hats', 'campaign')",
    "next_metalinguistic": "followed by 'means' or 'stands for'",
    "speech_tag_after": "a speech tag right after ('she said')",
    "speech_verb_later": "a reporting verb later in the sentence",
    "speech_verb_earlier": "a reporting verb earlier in the sentence",
    "speaker_before": "a named speaker or pronoun earlier in the sentence",
    "speaker_after": "a named speaker or pronoun right after",
    "speaker_and_verb_before": "a speaker and a reporting verb earlier in the sentence",
    "according_to": "'according to' in the sentence",
    "negation_in_sentence": "a negation in the sentence",
    "distancing_in_sentence": "'allegedly' or 'so-called' in the sentence",
    "loaded_inside": "a loaded term inside the quotation",
    "contested_inside": "a word writers often scare-quote inside ('peace', 'experts')",
    "echo_of_speaker": "the same words quoted earlier from a named speaker",
    "quoted_before": "the same words quoted earlier",
    "unquoted_elsewhere": "the same words used unquoted elsewhere in the text",
    "loaded_before": "a loaded term just before",
    "rejection_in_sentence": "a word of rejection nearby ('preposterous', 'sham')",
    "no_speech_in_sentence": "no reporting verb or speech tag in the sentence",
    "writer_quotes_words": "the writer puts other unattributed words in quotation marks",
    "short_lowercase": "one or two words, lower-case",
    "writer_first_person": "the writer says 'I' or 'we' outside quotations (an opinion voice)",
    "writer_second_person": "the writer addresses 'you' outside quotations",
    "writer_exclaims": "the writer's own text has several '!' or '?'",
    "mostly_unattributed": "most quotations of the text have no speaker or speech verb",
}
"""Every feature's name and what it means, in words a reader understands."""
_SHORT = {name: "short_" + name for name in _CROSSED}  # the crossed names, built once
for _name in sorted(_CROSSED):
    DESCRIPTIONS["short_" + _name] = "one or two words, and " + DESCRIPTIONS[_name]

RULE_KINDS: dict[str, str] = {
    "scare": "a scare quote",
    "direct": "direct speech",
    "title": "a title",
    "mention": "a mention of the words",
    "other": "something else",
}
"""The rules' kinds, as the model's stacking features name them."""

RULE_CUES: dict[str, str] = {
    "unclosed": "the quotation is never closed",
    "work_noun_before": "a work noun before ('the film')",
    "work_noun_after": "a work noun after ('... show')",
    "named_thing_after": "followed by a thing it names",
    "metalinguistic_frame_before": "a frame such as 'the word' or 'known as' before",
    "metalinguistic_frame_after": "a frame such as 'means' after",
    "nickname_inside_name": "a nickname inside a name",
    "list_of_quoted_items": "one of a list of quoted items",
    "clause": "a clause with its own capital and end punctuation",
    "comma_or_colon_before": "a comma or colon before",
    "speech_tag_after": "a speech tag after",
    "reporting_verb_in_sentence": "a reporting verb earlier in the sentence",
    "reporting_verb_near": "a framing verb just before",
    "long": "five words or more",
    "first_person": "first-person words inside",
    "determiner_inside": "a determiner of its own inside",
    "predicate_fragment": "a predicate fragment after a modal",
    "distancing_word_before": "'so-called' or 'alleged' before",
    "speech_tag_later": "a speech tag later in the sentence",
    "title_case": "title-case words",
    "several_words": "three words or more",
    "short": "one or two words",
    "writer_syntax_before": "a determiner or possessive of the writer's before",
    "contradiction_near": "a negation or a sarcasm marker nearby",
    "contested_word": "a word writers often scare-quote",
    "quoted_verb": "a lone quoted verb after a pronoun",
    "possessor_before": "a possessor before ('Iran's')",
    "headline": "on a headline line",
    "unattributed_term": "an unattributed term",
    "writer_uses_scare_quotes": "the writer uses clear scare quotes elsewhere",
}
"""The rules' evidence names (text path) that the model reads as stacking features."""
for _kind, _words_of in RULE_KINDS.items():
    DESCRIPTIONS["rule_" + _kind] = "the hand rules call it " + _words_of
for _cue, _words_of in RULE_CUES.items():
    DESCRIPTIONS["rule_cue_" + _cue] = "a cue of the hand rules: " + _words_of


def line_bounds(text: str, start: int, end: int, *, window: int = WINDOW) -> tuple[int, int]:
    """Start of the line holding ``start`` and end of the line holding ``end``, within reach."""
    low = max(0, start - window)
    found = text.rfind("\n", low, start)
    line_start = low if found == -1 else found + 1
    high = min(len(text), end + window)
    line_end = text.find("\n", end, high)
    return line_start, high if line_end == -1 else line_end


def is_headline(line: str) -> bool:
    """Whether a line looks like a headline: short, mostly capitalised, no final full stop."""
    if len(line) > _HEADLINE_CHARS or line.rstrip()[-1:] == ".":
        return False
    words = _WORD.findall(line)
    if not words or len(words) > 20:
        return False
    return sum(1 for w in words if w[0].isupper()) >= 0.6 * len(words)


def _may_contradict(tail: str) -> bool:
    """Whether `_CONTRADICTION` may match ``tail`` (which ends with no space).

    Every phrase it ends on has a space before its last word, so that word
    is the tail's last run of non-spaces; a search costs ten times this
    test. A non-ASCII word is searched: under ``re.IGNORECASE`` "\u0131"
    matches "i" and the Kelvin sign "k", which ``str.lower`` does not give.
    """
    parts = tail.rsplit(None, 1)
    if not parts:
        return False
    word = parts[-1]
    return not word.isascii() or word.lower() in _CONTRADICTION_LAST


def _speaker(words: list[str], lowered: list[str], first_index: int) -> bool:
    """A pronoun, a role noun or a capitalised word (not sentence-initial) among ``words``.

    ``first_index`` is the index of ``words[0]`` in its sentence (the word
    at index 0 opens the sentence, so its capital says nothing).
    """
    if not _SPEAKER_WORDS.isdisjoint(lowered):
        return True
    skip = 1 - first_index if first_index < 1 else 0  # words at sentence index <= 0
    for word, low in zip(words[skip:], lowered[skip:], strict=True):
        if word[0].isupper() and low not in _SPEECH:
            return True
    return False


def _key(words: list[str]) -> str:
    return " ".join(w.lower() if w.isascii() else fold(w) for w in words)


def _lowered(words: list[str]) -> list[str]:
    """Each of ``words`` as matchers see it (`fold`, which is `str.lower` on ASCII).

    Words hold no space, so ASCII words are lower-cased in one call on the
    joined string (several times faster than one call per word).
    """
    joined = " ".join(words)
    if joined.isascii():
        return joined.lower().split(" ") if words else []
    return [w.lower() if w.isascii() else fold(w) for w in words]


def quotation_features(
    text: str, pairs: list[MarkTuple], starts: list[int], listed: set[int]
) -> list[list[str]]:
    """Active features of each quotation of ``text``, in the order of ``pairs``.

    Args:
        text: The whole text.
        pairs: Its paired quotation marks (`pair_marks()` tuples), by opening offset.
        starts: Its sentence start offsets.
        listed: Indexes of quotations in runs of three or more quoted items.

    Added in version 0.1.0.
    """
    out: list[list[str]] = []
    loaded = _loaded_words()
    lowered_text: str | None = None
    quoted_count: dict[str, int] = {}
    spoken = ""  # earlier quotations with a speaker, lower-cased
    seen: set[str] = set()
    unquoted: dict[str, bool] = {}  # each quoted key searched once per text
    searches = 0
    closes: list[int] = []  # closing offsets of the enclosing quotations
    contents: list[list[str]] = []
    keys: list[str] = []  # the quoted words' key, for quotations of four words at most
    attributed = 0  # quotations with a speech cue
    plain_short: list[bool] = []  # short_no_speech_in_sentence, per quotation
    for _, open_end, close_start, _, _, _ in pairs:
        words = _WORD.findall(text, open_end, min(close_start, open_end + _READ))
        contents.append(words)
        key = ""
        if 0 < len(words) <= 4:
            key = _key(words)
            quoted_count[key] = quoted_count.get(key, 0) + 1
        keys.append(key)
    for index, (open_start, open_end, close_start, closed, _, _) in enumerate(pairs):
        words = contents[index]
        n = len(words)
        active = ["bias"]
        out.append(active)
        while closes and closes[-1] <= open_start:
            closes.pop()
        if closes:
            active.append("nested")
        closes.append(close_start)
        if closed is None:
            active.append("unclosed")
        if index in listed:
            active.append("in_list")
        if n == 0:
            active.append("empty")
            plain_short.append(False)
            continue
        close_end = close_start if closed is None else closed
        content = text[open_end:close_start]
        stripped = content.strip()
        lowered = _lowered(words)

        # The quoted words.
        active.append(
            "words_1"
            if n == 1
            else "words_2"
            if n == 2
            else "words_3"
            if n == 3
            else "words_4_5"
            if n <= 5
            else "words_6_9"
            if n <= 9
            else "words_10"
        )
        if stripped[:1].isupper():
            active.append("starts_capital")
        if 2 <= n <= 12 and all(w[0].isupper() or w[0].isdigit() or len(w) <= 3 for w in words):
            active.append("title_case")
        if stripped.isupper() and len(stripped) > 1:
            active.append("all_caps")
        last = stripped[-1:]
        if last in ".!?\u2026":
            active.append("ends_stop")
        elif last in ",;:":
            active.append("ends_comma")
        if n >= 3 and not _FINITE.isdisjoint(lowered):
            active.append("clause")
        if not _FIRST_PERSON.isdisjoint(lowered):
            active.append("first_person")
        if not _SECOND_PERSON.isdisjoint(lowered):
            active.append("second_person")
        if n >= 2 and lowered[0] in DETERMINERS:
            active.append("starts_determiner")
        if _DIGIT.search(stripped):
            active.append("has_digit")
        if stripped[:1] in "@#" or "://" in stripped or stripped.startswith("www."):
            active.append("markup_value")
        if not loaded.isdisjoint(lowered):
            active.append("loaded_inside")
        if n <= 4 and not CONTESTED.isdisjoint(lowered):
            active.append("contested_inside")

        # The window: its sentence and line, at most WINDOW characters each way.
        line_start, line_end = line_bounds(text, open_start, close_end)
        sentence = max(bisect_right(starts, open_start) - 1, 0)
        sent_start = starts[sentence] if starts else 0
        left = min(max(line_start, sent_start, open_start - WINDOW), open_start)
        next_start = starts[sentence + 1] if sentence + 1 < len(starts) else len(text)
        while next_start < close_end and sentence + 2 < len(starts):
            sentence += 1
            next_start = starts[sentence + 1]
        right = max(min(line_end, next_start), close_end)
        before = text[left:open_start]
        after = text[close_end:right]
        # is_headline() refuses a line this long at once; the slice is skipped.
        if line_end - line_start <= _HEADLINE_CHARS and is_headline(text[line_start:line_end]):
            active.append("headline")
        before_words = _WORD.findall(before)
        after_words = _WORD.findall(after)
        low_before = _lowered(before_words)
        low_after = _lowered(after_words)
        tail = before.rstrip()
        last_char = tail[-1:]
        if not tail:
            active.append("opens_sentence")
        elif last_char == ":":
            active.append("before_colon")
        elif last_char == ",":
            active.append("before_comma")
        elif last_char == "=":
            active.append("before_equals")
        elif last_char in "([{\u2014\u2013-":
            active.append("before_bracket")
        prev = low_before[-1] if low_before and last_char.isalnum() else ""
        prev2 = low_before[-2] if len(low_before) >= 2 else ""
        if prev:
            if prev in DETERMINERS:
                active.append("prev_determiner")
            if prev in POSSESSIVES or prev.endswith(("'s", "\u2019s", "s'", "s\u2019")):
                active.append("prev_possessive")
            if prev in _DISTANCING:
                active.append("prev_distancing")
            if prev in _NAMING:
                if prev2 in BE or prev2 in ("also", "often", "sometimes", "now", "aptly"):
                    active.append("prev_naming_passive")
                else:
                    active.append("prev_naming")
            if prev == "as":
                if prev2 in ("known", "referred", "translated", "translates", "spelled"):
                    active.append("prev_naming_passive")
                else:
                    active.append("prev_as")
            if prev in _METALINGUISTIC or (prev in ("of", "for") and prev2 in _METALINGUISTIC):
                active.append("prev_metalinguistic")
            if prev in _PREPOSITIONS:
                active.append("prev_preposition")
            if prev in BE:
                active.append("prev_be")
            if prev in _AUXILIARIES:
                active.append("prev_auxiliary")
            if prev in _SUBJECT_PRONOUNS:
                active.append("prev_pronoun")
            if prev in _WORK_NOUNS or prev2 in _WORK_NOUNS:
                active.append("prev_work_noun")
            if before_words[-1][0].isupper() and len(before_words) > 1:
                active.append("prev_capitalised")
        # "alleged" right before is a distancing adjective, not a verb of speech.
        if prev not in _DISTANCING and (prev in _SPEECH or prev2 in _SPEECH):
            active.append("prev_speech_verb")
        near = low_before[-3:]
        if not _NEGATIONS.isdisjoint(near) or any(w.endswith("n't") for w in near):
            active.append("prev_negation")
        if not loaded.isdisjoint(near):
            active.append("loaded_before")
        # The sentence's cue words, found in one pass over each side's words.
        cues_before = _SENTENCE_CUES.intersection(low_before)
        cues_after = _SENTENCE_CUES.intersection(low_after)
        if not _REJECTION.isdisjoint(cues_before) or not _REJECTION.isdisjoint(low_after[:6]):
            active.append("rejection_in_sentence")
        if _may_contradict(tail) and _CONTRADICTION.search(tail):
            active.append("prev_contradiction")

        head = after.lstrip()
        first_char = head[:1]
        if not head:
            active.append("after_end")
        elif first_char == ",":
            active.append("after_comma")
        elif first_char in ".!?":
            active.append("after_stop")
        elif first_char in ")]}":
            active.append("after_bracket")
        if after_words and after[:1].isspace() and first_char.isalpha():
            if after_words[0][0].isupper():
                active.append("next_capitalised")
            if low_after[0] in _THING_NOUNS:
                active.append("next_thing_noun")
            if low_after[0] in _METALINGUISTIC_AFTER:
                active.append("next_metalinguistic")
        soon = low_after[:4]
        if not _SPEECH.isdisjoint(soon) and _speaker(after_words[:5], low_after[:5], 1):
            active.append("speech_tag_after")
        elif not _REPORTING.isdisjoint(low_after[4:]):
            active.append("speech_verb_later")
        if not _SPEECH.isdisjoint(low_before[:-2]):
            active.append("speech_verb_earlier")
        if _speaker(before_words, low_before, 0):
            active.append("speaker_before")
            if _speaker_verb(before_words, low_before):
                active.append("speaker_and_verb_before")
        if _speaker(after_words[:4], low_after[:4], 1):
            active.append("speaker_after")
        if "according" in cues_before or "according" in cues_after:
            active.append("according_to")
        if not _NEGATIONS.isdisjoint(cues_before) or not _NEGATIONS.isdisjoint(cues_after):
            active.append("negation_in_sentence")
        if not _DISTANCING_ADVERBS.isdisjoint(cues_before) or not _DISTANCING_ADVERBS.isdisjoint(
            cues_after
        ):
            active.append("distancing_in_sentence")

        if _SPEECH_CUES.isdisjoint(active):
            active.append("no_speech_in_sentence")
            plain_short.append(n <= 2)  # short_no_speech_in_sentence, below
        else:
            attributed += 1
            plain_short.append(False)
        if n <= 2:
            active.extend([_SHORT[name] for name in active if name in _SHORT])
            if stripped[:1].islower():
                active.append("short_lowercase")

        # The document: the same words quoted or used elsewhere.
        if n <= 4:
            key = keys[index]
            if key in seen:
                active.append("quoted_before")
            seen.add(key)
            if searches < DOC_SEARCHES:
                searches += 1
                if f" {key} " in spoken:
                    active.append("echo_of_speaker")
                if key not in unquoted:
                    if lowered_text is None:
                        lowered_text = fold(text)
                    unquoted[key] = _more_uses_than(lowered_text, key, quoted_count.get(key, 0))
                if unquoted[key]:
                    active.append("unquoted_elsewhere")
        if (
            "speech_tag_after" in active
            or "speaker_and_verb_before" in active
            or "before_colon" in active
        ) and len(spoken) < _SPOKEN_CHARS:
            spoken += f" {' '.join(lowered)} "
    plain = sum(plain_short)
    voice = _writer_voice(text, pairs) if pairs else []
    if len(pairs) >= 3 and attributed < _ATTRIBUTED_SHARE * len(pairs):
        voice.append("mostly_unattributed")
    for names, mine in zip(out, plain_short, strict=True):
        if plain - mine >= 2:
            names.append("writer_quotes_words")
        names.extend(voice)
    return out


def _writer_voice(text: str, pairs: list[MarkTuple]) -> list[str]:
    """The writer's voice outside every quotation: first person, "you", "!" and "?"."""
    gaps = []  # the stretches of text outside every quotation
    position = 0
    for open_start, _, close_start, closed, _, _ in pairs:
        if open_start >= position:  # else nested in a quotation already skipped
            gaps.append((position, open_start))
            position = close_start if closed is None else closed
    gaps.append((position, len(text)))
    counts = {"first": 0, "second": 0, "mark": 0}
    for start, end in gaps:
        for match in _VOICE.finditer(text, start, end):
            counts[match.lastgroup or "mark"] += 1
    voice = []
    if counts["first"] >= _WRITER_FIRST:
        voice.append("writer_first_person")
    if counts["second"] >= _WRITER_SECOND:
        voice.append("writer_second_person")
    if counts["mark"] >= _WRITER_EXCLAIMS:
        voice.append("writer_exclaims")
    return voice


def _more_uses_than(lowered_text: str, key: str, quoted: int) -> bool:
    """Whether ``key`` occurs as whole words in the text more than ``quoted`` times."""
    size = len(key)
    count = 0
    index = lowered_text.find(key)
    while index != -1:
        end = index + size
        if (index == 0 or not lowered_text[index - 1].isalnum()) and (
            end == len(lowered_text) or not lowered_text[end].isalnum()
        ):
            count += 1
            if count > quoted:
                return True
        index = lowered_text.find(key, end)
    return False


def _speaker_verb(words: list[str], lowered: list[str]) -> bool:
    """A speaker right before a reporting verb ("Smith said", "he told", "officials say")."""
    if _SPEECH.isdisjoint(lowered):
        return False
    for index in range(1, len(words)):
        if lowered[index] in _SPEECH and _speaker(
            words[max(0, index - 2) : index], lowered[max(0, index - 2) : index], index - 2
        ):
            return True
    return False
