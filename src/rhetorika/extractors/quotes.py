"""Quotations: every quoted span, and what its marks do for the writer.

Marks are paired over the whole text by
[`rhetorika.quotemarks.pair_quotes()`][rhetorika.quotemarks.pair_quotes] (the sentence segmenter
may split inside a quotation, so pairing never works per sentence). Each quotation is then
classified from cues read in a short window around it (its sentence, at most 160 characters each
way, never past a line break), in a fixed order; the first rule that applies decides:

1. **title**: title-case words next to a work noun ("the film", "CNN's",
   "told", "on") or followed by a thing they name ("... hats", "... law"),
   outside headlines.
2. **mention**: a metalinguistic frame before ("the word", "the term", "known
   as", "is called", "Russian for") or after ("means", "stands for"); a
   nickname inside a name; an item of a run of three or more short quoted
   items ("'Race' (80), 'Gender' (69), ...").
3. **scare**, strongly: "so-called", "self-styled", "alleged", "under the
   guise of", "some sort of" right before (or "allegedly" a few words
   before), unless the quotation is clearly speech and longer than two words.
4. **direct**: a clause with its own capital and end punctuation; a comma or
   colon before; a speech tag after ("...," she said); a dependency parse
   that attaches it to a reporting verb; a speech verb earlier in the
   sentence ("said", "told", "according to"), or a framing verb just before
   ("called", "described as", "dismissed ... as"); a speech tag later in the
   sentence; five words or more; first-person words; a determiner of its own
   inside ("a great thing"); a modal or auxiliary before a multi-word
   fragment ("would 'shock the conscience'"). A hostile frame does not make
   a scare quote: "dismissed them as 'troublemakers'" is direct.
5. **title** again for title-case words of two or more outside headlines;
   anything still undecided of three words or more is **direct**.
6. One or two words, unattributed: **scare** when the context rejects them
   (a negation or a sarcasm marker nearby: "no", "neither", "far cry",
   "preposterous"), the words are ones writers often scare-quote ("peace",
   "experts", "partners"), a possessor comes right before ("Iran's
   'elections'", "their 'science'") or a lone quoted verb follows a pronoun
   (he "apologised"); in a headline **direct**; otherwise a
   term: **mention**, unless the writer uses two or more clear scare quotes
   elsewhere in the text and a determiner or adjective of their own comes
   right before ("the 'new union'"), which makes it **scare**.
7. **other**: empty marks, and the value of a markup attribute (``author="@x"``
   inside an embedded post: an opening mark right after ``name=``), checked first.

The cue lists are written for rhetorika from the literature (Cappelen and
Lepore 1997; Recanati 2001; Predelli 2003; Gutzmann and Stei 2011; the Chicago
Manual of Style 7.57-7.59; the AP Stylebook's irony rule; Shomir Wilson's
metalanguage studies), not mined from any corpus.

These rules are the default. ``QuotationExtractor(classifier="model")``
classifies with an experimental learned model instead: a multinomial logistic
regression over generic features of each quotation and its context
(`rhetorika.extractors._quote_features`) and over these rules' own decision
and cues (stacking), with weights shipped as data
(``data/quotations.v1.json``, trained by ``scripts/train_quotes.py`` on the
study half of the hand-labelled quotations). Its ``confidence`` is the
calibrated probability and its ``evidence`` names features in words. On the
check half it is more accurate over the five kinds, level with the rules on
scare quotes where nobody tuned them, and misses one of the seed article's
scare quotes, so it is opt-in.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from rhetorika._doc import doc_text, sentence_offsets
from rhetorika._text import by_first_letter, first_letters, fold, led_by, phrase_key
from rhetorika._warnings import annotated
from rhetorika.exceptions import ConfigurationError
from rhetorika.extractors._quote_features import (
    CONTESTED,
    RULE_CUES,
    is_headline,
    line_bounds,
    quotation_features,
)
from rhetorika.extractors._quote_model import QuoteModel, builtin_model
from rhetorika.quotemarks import MarkPair, MarkTuple, pair_marks
from rhetorika.results import Quotation, QuotationKind
from rhetorika.sentences import sentence_of
from rhetorika.typing import FeatureColumn
from rhetorika.words import per_100_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from rhetorika.typing import Features

__all__ = [
    "CLASSIFIERS",
    "QuotationExtractor",
    "candidates",
    "classify",
    "features",
    "model_quotations_of",
    "quotations_of",
]

CLASSIFIERS: tuple[str, ...] = ("rules", "model")
"""The quotation classifiers: the hand-written rules (default) and the learned model."""


def _word_set(words: str) -> frozenset[str]:
    """A set of the whitespace-separated words of ``words``."""
    return frozenset(words.split())


_WINDOW = 160  # characters of context read on each side of a quotation
_NEAR = 60  # characters before a quotation in which a framing verb attributes it
_LONG = 5  # words from which a quotation is taken as reported speech
_SENTENCE_REACH = 100  # characters before a quotation in which a speech verb attributes it
_SHORT = 2  # words up to which an unattributed quotation may be a scare quote
_WORD = re.compile(r"[^\W_](?:[\w\u2019'.&/-]*[^\W_])?")

# Verbs and phrases that report speech or writing. Core verbs attribute a
# quotation anywhere earlier in its sentence; the wider set (framing verbs
# such as "called" or "dismissed ... as") only within a few words.
_CORE_REPORTING = (
    r"say|says|said|saying|tell|tells|told|telling|ask|asks|asked|add|adds|added|adding|"
    r"write|writes|wrote|tweet|tweeted|stated|declare|declares|declared|"
    r"claimed|insist|insists|insisted|argue|argues|argued|warn|warns|warned|"
    r"explain|explains|explained|replied|responded|"
    r"recall|recalls|recalled|testify|testifies|testified|quoted|quoting|"
    r"announce|announces|announced|"
    r"acknowledge|acknowledged|admit|admits|admitted|concede|conceded|"
    r"shout|shouted|shouting|yell|yelled|yelling|scream|screamed|screaming|chant|chanted|"
    r"chanting|whisper|whispered|exclaimed|claims?\s+that|says\s+that|"
    r"reported|cite|cites|cited|citing|put\s+it|according\s+to"
)
_FRAMING = (
    r"call|calls|called|calling|describe|describes|described|describing|dub|dubs|dubbed|"
    r"term|termed|label|labels|labeled|labelled|brand|branded|refer|refers|referred|"
    r"vow|vows|vowed|vowing|promise|promises|promised|promising|pledge|pledged|pledging|"
    r"urge|urges|urged|accuse|accuses|accused|deny|denies|denied|note|notes|noted|"
    r"complain|complains|complained|charge|charged|allege|alleges|suggest|suggests|suggested|"
    r"predict|predicts|predicted|praise|praised|slam|slams|slammed|blast|blasts|blasted|"
    r"condemn|condemned|decry|decried|dismiss|dismisses|dismissed|criticize|criticized|"
    r"criticise|criticised|hail|hails|hailed|tout|touts|touted|boast|boasted|brag|bragged|"
    r"read|reads|advise|advises|advised|demand|demanded|express|expressed|threaten|threatened|"
    r"characterize|characterized|characterise|characterised|frame|framed|framing|"
    r"denounce|denounced|mock|mocked|deride|derided|welcome|welcomed|assure|assured|"
    r"affirm|affirmed|reiterate|reiterated|spokesman|spokeswoman|spokesperson"
)
_REPORTING = _CORE_REPORTING + "|" + _FRAMING


_CORE = led_by(
    first_letters(_CORE_REPORTING),
    rf"(?<![\w-])(?:{by_first_letter(_CORE_REPORTING)})(?![\w-])",
    re.IGNORECASE,
)
_REPORT = led_by(
    first_letters(_REPORTING),
    rf"(?<![\w-])(?:{by_first_letter(_REPORTING)})(?![\w-])",
    re.IGNORECASE,
)
# The same two patterns, case-sensitive, for lower-cased ASCII text: there
# a case-insensitive pattern of lower-case words finds what its
# case-sensitive form finds in the lower-cased text, twice as fast
# (beyond ASCII, "ſ" matches "s" and "K" (Kelvin) "k" only case-insensitively).
_CORE_LOWER = led_by(
    first_letters(_CORE_REPORTING),
    rf"(?<![\w-])(?:{by_first_letter(_CORE_REPORTING)})(?![\w-])",
)
_REPORT_LOWER = led_by(
    first_letters(_REPORTING),
    rf"(?<![\w-])(?:{by_first_letter(_REPORTING)})(?![\w-])",
)
_TAG_VERBS = (
    r"said|says|told|tells|asked|asks|added|adds|wrote|writes|tweeted|explained|continued|"
    r"replied|recalled|noted|argued|insisted|warned|declared|stated|concluded|exclaimed|"
    r"shouted|yelled|whispered|according\s+to|adding|saying|recalls|argues|insists|warns"
)
# A speech tag right after the closing mark: "..., she said", "..., said Smith".
_TAG_AFTER = re.compile(
    r"\s*(?:[(\[\u2014\u2013-]\s*)?(?:"
    rf"(?:he|she|they|we|I|it|you|[A-Z][\w.\u2019'-]*"
    r"|(?:the|a|an|his|her|their|its|our)(?:\s+[\w.\u2019'-]+){1,4}?)"
    rf"(?:\s+[A-Z][\w.\u2019'-]*){{0,3}}"
    rf"(?:,\s+[^,]{{1,60}},)?(?:\s+(?:also|then|later|again|once|\w+ly))?\s+(?:{_TAG_VERBS})(?![\w-])"
    rf"|(?:{_TAG_VERBS})\s+(?:[A-Z]|he|she|they|the|a|an|his|her)"
    r")",
)

# Distancing words right before a quotation. The patterns below are
# anchored at the end of the text they search, so the order of their
# alternatives (regrouped by first letter) cannot change what they match.
_DISTANCING_WORDS = (
    r"so[- ]called|self[- ]styled|self[- ]proclaimed|alleged(?:ly)?|supposed(?:ly)?|"
    r"purported(?:ly)?|would-be|ostensible|ostensibly|pseudo|quote[- ]unquote|"
    r"under the guise of|in the name of|guise of|pretext of|some\s+sort\s+of|some\s+kind\s+of|"
    r"allegedly(?:\s+[\w-]+){0,5}|supposedly(?:\s+[\w-]+){0,5}|purportedly(?:\s+[\w-]+){0,5}|"
    r"ostensibly(?:\s+[\w-]+){0,5}"
)
_DISTANCING = led_by(
    first_letters(_DISTANCING_WORDS),
    rf"(?:{by_first_letter(_DISTANCING_WORDS)})\s*$",
    re.IGNORECASE,
)
# What a tail matched by _DISTANCING holds: its last word ends with one of
# these, or the tail holds an adverb that the pattern lets five more words follow.
_DISTANCING_ENDS = (
    "called",
    "styled",
    "proclaimed",
    "alleged",
    "allegedly",
    "supposed",
    "supposedly",
    "purported",
    "purportedly",
    "ostensible",
    "ostensibly",
    "pseudo",
    "unquote",
    "of",
)


def _may_distance(tail: str, last_word: str) -> bool:
    """Whether `_DISTANCING` may match ``tail``, whose last word of letters is ``last_word``.

    An ASCII tail whose last word ends with none of `_DISTANCING_ENDS` and
    that holds no distancing adverb has no match (non-ASCII tails are
    searched: under ``re.IGNORECASE`` "ſ" matches "s").
    """
    if not tail:
        return False  # every alternative needs a word
    if not last_word or not tail.isascii():
        return True
    lowered = tail.lower()
    # The adverbs that five more words may follow: allegedly, supposedly,
    # purportedly ("edly"), ostensibly ("ibly"); plain substring tests, as this
    # runs for every quotation.
    return last_word.lower().endswith(_DISTANCING_ENDS) or "edly" in lowered or "ibly" in lowered


_METALINGUISTIC_WORDS = (
    r"word|words|term|terms|phrase|phrases|expression|expressions|name|names|label|"
    r"slogan|hashtag|acronym|the\s+letters?|motto|catchphrase|buzzword|code\s+words?|"
    r"nickname|alias|handle|moniker|option|category|heading|spelled|spelt|pronounced|"
    r"translates\s+(?:as|to)|"
    r"better\s+known\s+as|also\s+known\s+as|now\s+known\s+as|widely\s+known\s+as|known\s+as|"
    r"is\s+called|are\s+called|was\s+called|were\s+called|be\s+called|been\s+called|"
    r"is\s+(?:dubbed|termed|named|nicknamed)|are\s+(?:dubbed|termed|named|nicknamed)|"
    r"was\s+(?:dubbed|termed|named|nicknamed)|were\s+(?:dubbed|termed|named|nicknamed)|"
    r"also\s+called|self-described|sometimes\s+called|often\s+called|said\s+the\s+word"
)
_METALINGUISTIC_BEFORE = led_by(
    "abcehiklmnopstwA-Z",
    r"(?<![\w-])(?:the\s+(?:very\s+)?|a\s+|this\s+|that\s+|his\s+|her\s+|their\s+)?"
    rf"(?:{by_first_letter(_METALINGUISTIC_WORDS)}"
    r"|[A-Z][a-z]+(?:ian|ish|ese|ic|ch|in|ek|ew|di|si)\s+for)(?:\s+like|\s+such\s+as)?\s*[,:]?\s*$",
)
# The last words of _METALINGUISTIC_BEFORE's matches ("the term", "known
# as", "Russian for", "such as"), so that a tail ending in another word of
# letters is not searched (see `_could_end`); tests/test_quotes.py checks the
# set against the pattern.
_METALINGUISTIC_LAST = _word_set(
    "word words term terms phrase phrases expression expressions name names label slogan "
    "hashtag acronym letter letters motto catchphrase buzzword nickname alias handle moniker "
    "option category heading spelled spelt pronounced as to called dubbed termed named "
    "nicknamed described for like"
)
_METALINGUISTIC_AFTER = re.compile(
    r"\s*(?:[,)]\s*)?(?:means|meant|mean|stands\s+for|refers\s+to|is\s+(?:a\s+)?(?:short|slang)\s+for|"
    r"is\s+defined|is\s+spelled|is\s+pronounced|translates|actually\s+means|phrase|term|"
    r"five\s+times|\d+\s+times)(?![\w-])",
)
_TITLE_BEFORE = led_by(
    "abcdefhilmnoprstwA-Z",
    r"(?<![\w-])(?:book|novel|memoir|film|movie|song|album|single|show|series|programme|program|"
    r"episode|article|essay|op-ed|column|editorial|report|documentary|podcast|play|poem|"
    r"magazine|newspaper|sketch|musical|opera|painting|speech|lecture|course|class|syllabus|"
    r"titled|entitled|headlined|operation|campaign|initiative|act|bill|law|doctrine|"
    r"website|site|blog|page|section|hashtag|"
    r"(?:[A-Z]{2,}|Fox|Fox\s+News|Sirius\s+XM|television|radio)[\u2019']s?|on|told|appearing\s+on|"
    r"author\s+of|host\s+of|star\s+of|starred\s+in|acted\s+in|edits|interview\s+with|"
    r"appeared\s+on|appearance\s+on)\s*[,:]?\s*$",
)
_TITLE_AFTER_WORDS = (
    r"host|hosts|anchor|interview|broadcast|segment|episode|sketch|show|program|programme|"
    r"hat|hats|cap|caps|shirt|shirts|t-shirt|t-shirts|sign|signs|banner|sticker|stickers|"
    r"movement|campaign|law|act|bill|plan|policy|initiative|strategy|doctrine|"
    r"document|report|syllabus|course|page|account|pledge|agenda|category|list|slogan|"
    r"book|film|movie|song|album|podcast|series|newsletter|website|app"
)
_TITLE_AFTER = re.compile(
    rf"\s*(?:{by_first_letter(_TITLE_AFTER_WORDS)})(?![\w-])",
    re.IGNORECASE,
)
# Nouns after a quotation that make it the name of a thing: the "MAGA" hat.
_THING_AFTER_WORDS = (
    r"hat|hats|cap|caps|shirt|shirts|t-shirt|t-shirts|sign|signs|banner|banners|sticker|"
    r"stickers|bumper\s+sticker|pledge|agenda|slogan|hashtag|document|syllabus|movement|"
    r"campaign|initiative|doctrine|strategy|programme|program|bill|act|law|podcast|show|"
    r"series|segment|host|anchor"
)
_THING_AFTER = re.compile(
    rf"\s*(?:{by_first_letter(_THING_AFTER_WORDS)})(?![\w-])",
    re.IGNORECASE,
)
_DETERMINER = re.compile(
    r"(?<![\w-])(?:a|an|the|this|that|these|those|such|its|their|his|her|our|your|my|whose|"
    r"any|no|some|every|of|as|real|sole|true|latest|new|very|mere|[\w-]+[\u2019']s|[\w-]+s[\u2019'])"
    r"\s*$",
    re.IGNORECASE,
)
_NEGATION_WORDS = (
    r"no|not|nor|neither|never|nothing|hardly|far\s+from|instead\s+of|"
    r"anything\s+but|preposterous|ridiculous|absurd|laughable|ludicrous|fake|phony|bogus|"
    r"sham|pretend|pretended|imitate|imitates|imitating|flawed|nonsense|whatever|nightmare|"
    r"farce|joke|charade|travesty|mockery|far\s+cry|irony|ironic|ironically|hypocrisy|"
    r"hypocritical|pathetic|so\s+much\s+for"
)
_NEGATION_NEAR = led_by(
    first_letters(_NEGATION_WORDS),
    rf"(?<![\w-])(?:{by_first_letter(_NEGATION_WORDS)})(?![\w-])",
    re.IGNORECASE,
)
_NAME_PART = re.compile(r"(?:[A-Z][\w\u2019'-]*\.?|[A-Z]\.(?:[A-Z]\.)*)\s*$")
_NAME_AFTER = re.compile(r"\s*[A-Z][\w\u2019'-]+")
# A clause ends with one of these, perhaps followed by closing marks and
# brackets (the regular expression [.?!,…;:]['’"”)\]]*\s*$, as string tests).
_CLAUSE_ENDS = tuple(".?!,\u2026;:")
_CLOSING = "'\u2019\"\u201d)]"
_FIRST_PERSON = led_by(
    "Imouw", r"(?<![\w-])(?:I|I'm|I\u2019m|we|we're|we\u2019re|my|our|us|me)(?![\w-])"
)

_SMALL_WORDS = _word_set(
    "a an the of and or for to in on at by with from as but nor vs v. de la le von van der"
)


def _title_case(words: list[str]) -> bool:
    """Whether every word but the small ones starts with a capital or digit (at least one does).

    Stops at the first lower-case content word, so a long quotation costs little.
    """
    content = False
    for word in words:
        # fold() is lower() on ASCII words; calling it only when needed is faster.
        if word[0].isupper() or word[0].isdigit():
            content = (
                content or (word.lower() if word.isascii() else fold(word)) not in _SMALL_WORDS
            )
        elif (word.lower() if word.isascii() else fold(word)) not in _SMALL_WORDS:
            return False
    return content


_ENOUGH_WORDS = 12  # more than any count the rules compare with
_FIRST_READ = 100  # characters that usually hold that many words
_SHORT_READ = 40  # characters up to which a quotation of plain words is split at spaces


def _first_words(content: str) -> list[str]:
    """The words of ``content``, or at least its first `_ENOUGH_WORDS`, which the rules read.

    A long quotation is split only as far as its first hundred characters
    when they hold enough words: the word pattern has no
    lookaround, so a match followed by another inside the prefix is the
    same match in the whole.
    """
    if len(content) <= _SHORT_READ:
        parts = content.split()
        if "".join(parts).isalnum():  # words of letters or digits: each is a match of _WORD
            return parts
    words: list[str] = _WORD.findall(content, 0, _FIRST_READ)
    if len(words) >= _ENOUGH_WORDS or len(content) <= _FIRST_READ:
        return words
    found: list[str] = _WORD.findall(content)
    return found


def classify(
    text: str,
    pair: MarkPair,
    starts: list[int],
    *,
    in_list: bool = False,
    governed_by_reporting: bool = False,
) -> tuple[QuotationKind, float, tuple[str, ...]]:
    """Classify one paired quotation of ``text`` from the cues around it.

    Args:
        text: The whole text.
        pair: The quotation's marks.
        starts: Sentence start offsets of ``text``.
        in_list: The quotation is one of three or more quoted items in a row
            ("'Race' (80), 'Gender' (69), ...").
        governed_by_reporting: A dependency parse says a reporting verb
            governs the quotation.

    Returns:
        ``(kind, confidence, evidence)``.

    Added in version 0.1.0.
    """
    mark = (pair.open_start, pair.open_end, pair.close_start, pair.close_end, "", None)
    return _decide(text, mark, starts, in_list, governed_by_reporting)


def _decide(
    text: str, mark: MarkTuple, starts: list[int], in_list: bool, governed_by_reporting: bool
) -> tuple[QuotationKind, float, tuple[str, ...]]:
    """`classify()` of a quotation given by `pair_marks()`."""
    open_start, open_end, close_start, closed, _, _ = mark
    content = text[open_end:close_start]
    words = _first_words(content)
    n = len(words)  # the rules compare it with 10 at most
    if n == 0:
        return QuotationKind.OTHER, 0.5, ("empty",)
    if _markup_value(text, open_start):
        return QuotationKind.OTHER, 0.9, ("markup_attribute_value",)
    close_end = close_start if closed is None else closed
    line_start, line_end = line_bounds(text, open_start, close_end, window=_WINDOW)
    sent_start = starts[sentence_of(starts, open_start)] if starts else 0
    left_start = min(max(line_start, sent_start, open_start - _WINDOW), open_start)
    before = text[left_start:open_start]
    after = text[close_end:line_end]
    stripped = content.strip()
    tail = before.rstrip()[-40:]
    last_char = tail[-1:]
    # The tail's last word, if it is made of letters only: the patterns
    # anchored at the end of the tail need not search when it is none of
    # their last words (`_ends_with_one_of`).
    last_word = _last_letters(tail)
    evidence: list[str] = []
    if closed is None:
        evidence.append("unclosed")

    headline = None  # is_headline() of the line, read only by the rules that ask
    lowercase = stripped[:1].islower()
    # Title case decides nothing beyond ten words (five reach the speech cue "long").
    title_case = n <= 10 and _title_case(words)
    clause = (
        n >= 4 and stripped[:1].isupper() and stripped.rstrip(_CLOSING).endswith(_CLAUSE_ENDS)
    ) or (n >= 3 and stripped[-1:] in "?!")
    distancing = _may_distance(tail, last_word) and _DISTANCING.search(tail)

    # 1. Titles: a work noun next to a name-like quotation (the cheap tests first).
    if not distancing:
        if title_case and not lowercase and n <= 10:
            headline = is_headline(text[line_start:line_end])
            if not headline:
                title_before = _TITLE_BEFORE.search(tail)
                if title_before or _TITLE_AFTER.match(after):
                    evidence.append("work_noun_before" if title_before else "work_noun_after")
                    return QuotationKind.TITLE, 0.8, tuple(evidence)
        if n >= 2 and _THING_AFTER.match(after):
            if headline is None:
                headline = is_headline(text[line_start:line_end])
            if not headline:
                evidence.append("named_thing_after")
                return QuotationKind.TITLE, 0.65, tuple(evidence)

    # 2. Mentions: the words themselves are the topic.
    frame = tail and _could_end(last_word, _METALINGUISTIC_LAST)
    if frame and _METALINGUISTIC_BEFORE.search(tail):
        evidence.append("metalinguistic_frame_before")
        return QuotationKind.MENTION, 0.75, tuple(evidence)
    if n <= 4 and _METALINGUISTIC_AFTER.match(after):
        evidence.append("metalinguistic_frame_after")
        return QuotationKind.MENTION, 0.75, tuple(evidence)
    if headline is None and n <= 2 and title_case:
        headline = is_headline(text[line_start:line_end])
    if (
        n <= 2
        and title_case
        and not headline
        and _NAME_PART.search(tail)
        and _NAME_AFTER.match(after)
        and (tail[-1:].isalpha() or tail[-1:] == ".")
    ):
        evidence.append("nickname_inside_name")
        return QuotationKind.MENTION, 0.7, tuple(evidence)
    if in_list and n <= 3:
        evidence.append("list_of_quoted_items")
        return QuotationKind.MENTION, 0.6, tuple(evidence)
    if stripped[-1:] in ".!?" and not after[:3].lstrip()[:1].islower():
        after_sentence = ""  # the quotation ended its sentence
    else:
        after_sentence = _sentence_rest(after)

    # 3. Direct speech: cues that someone's words are being reported, counted
    # as they are found. Strong: a clause, a comma or colon before, a speech
    # tag after, a parse; each other cue (a speech verb, length, first person,
    # a determiner inside, a predicate fragment, a speech tag later) is weak.
    speech = weak = 0
    if clause:
        evidence.append("clause")
        speech += 1
    if last_char and last_char in ",:" and (not lowercase or n >= 4):
        evidence.append("comma_or_colon_before")
        speech += 1
    if after_sentence and _TAG_AFTER.match(after_sentence):
        evidence.append("speech_tag_after")
        speech += 1
    if governed_by_reporting:
        evidence.append("governed_by_reporting_verb")
        speech += 1
    reach = before[-_SENTENCE_REACH:]
    if reach.isascii():  # most are: the patterns' case-sensitive forms on lower case
        reach = reach.lower()
        core, report = _CORE_LOWER, _REPORT_LOWER
    else:
        core, report = _CORE, _REPORT
    if core.search(reach):
        evidence.append("reporting_verb_in_sentence")
        weak += 1
    elif report.search(reach[-_NEAR:]):  # before[-_NEAR:], as _NEAR < _SENTENCE_REACH
        evidence.append("reporting_verb_near")
        weak += 1
    if n >= _LONG:
        evidence.append("long")
        weak += 1
    if _FIRST_PERSON.search(content):
        evidence.append("first_person")
        weak += 1
    if n >= 2:
        first = words[0].lower() if words[0].isascii() else fold(words[0])
        if first in _OWN_DETERMINERS:
            evidence.append("determiner_inside")
            weak += 1
        if tail and _could_end_folded(last_word, _AUXILIARY_LAST) and _AUXILIARY.search(tail):
            evidence.append("predicate_fragment")
            weak += 1
    if distancing:
        evidence.append("distancing_word_before")
        if not speech or n <= _SHORT:
            return QuotationKind.SCARE, 0.85, tuple(evidence)
    if speech:
        return QuotationKind.DIRECT, 0.9 if speech > 1 else 0.75, tuple(evidence)
    # A speech verb later in the sentence, unless another quotation comes first.
    next_mark = _NEXT_MARK.search(after_sentence)
    unquoted_after = after_sentence if next_mark is None else after_sentence[: next_mark.start()]
    if unquoted_after and _REPORTED_AFTER.search(unquoted_after):
        evidence.append("speech_tag_later")
        weak += 1
    if weak:
        return QuotationKind.DIRECT, 0.6 if weak == 1 else 0.7, tuple(evidence)
    if headline is None and title_case and not lowercase and n >= 2:
        headline = is_headline(text[line_start:line_end])
    if title_case and not lowercase and n >= 2 and not headline:
        evidence.append("title_case")
        return QuotationKind.TITLE, 0.55, tuple(evidence)

    # 4. Scare quotes: short words in the writer's own syntax, not attributed.
    if n > _SHORT:
        evidence.append("several_words")
        return QuotationKind.DIRECT, 0.5, tuple(evidence)
    evidence.append("short")
    if _DETERMINER.search(tail[-30:]):
        evidence.append("writer_syntax_before")
    evidence.extend(_scare_signals(before, after_sentence, content, words))
    signals = [cue for cue in evidence if cue in _SCARE_SIGNALS]
    if signals:
        return QuotationKind.SCARE, 0.7 if len(signals) > 1 else 0.6, tuple(evidence)
    if headline is None:
        headline = is_headline(text[line_start:line_end])
    if headline:
        evidence.append("headline")  # headlines quote people in single quotes (AP)
        return QuotationKind.DIRECT, 0.5, tuple(evidence)
    evidence.append("unattributed_term")
    return QuotationKind.MENTION, 0.45, tuple(evidence)


def _markup_value(text: str, open_start: int) -> bool:
    """Whether the opening mark follows ``name=`` with no space: a markup attribute's value.

    Embedded posts and copied HTML (``<tweet author="@x" datetime="...">``)
    put quotation marks around values that are no one's words and no term.
    """
    if open_start < 2 or text[open_start - 1] != "=":
        return False
    before = text[open_start - 2]
    return before.isalnum() or before in "_-:"


def _scare_signals(before: str, after_sentence: str, content: str, words: list[str]) -> list[str]:
    """Cues that the writer rejects or ironizes the quoted words."""
    signals = []
    negation = _NEGATION_NEAR.search(before[-60:])
    if negation and negation.group().lower() == "not" and not before[negation.end() :].strip():
        negation = None  # "to not 'take sides'": a negated predicate, not a rejected term
    if negation or _NEGATION_NEAR.match(after_sentence[:30]):
        signals.append("contradiction_near")
    if content.lstrip()[:1].islower() and _POSSESSOR.search(before[-30:]):
        signals.append("possessor_before")  # Iran's "elections", their "science"
    if len(words) == 1 and words[0].islower() and _VERB_SLOT.search(before[-20:]):
        signals.append("quoted_verb")  # he "apologised": irony on an action
    bare = phrase_key(content).strip(" .,!?;:")
    if bare in CONTESTED or any(fold(w).strip(".,") in CONTESTED for w in words):
        signals.append("contested_word")
    return signals


# A speech verb later in the sentence, after a comma: "..., DFA spokesman Neil Sroka said."
_REPORTED_AFTER = re.compile(
    rf",\s+(?:[^,.]{{0,80}}\s)?(?:{_TAG_VERBS})(?![\w-])[^.!?]{{0,80}}[.!?]?\s*$"
)

# The next opening mark: ["“‘«‹„], '' or ' after a non-word character. The
# expression consumes the mark's first character and reads it behind, so the
# engine skips to the marks in its fast set loop (a leading lookahead is tried
# at every offset: ten times slower on the rest of a sentence).
_NEXT_MARK = re.compile(
    "[\"'\u201c\u2018\u00ab\u2039\u201e]"
    "(?:(?<=[\"\u201c\u2018\u00ab\u2039\u201e])|(?<=')'|(?<=')(?<!\\w.))"
)

_SCARE_SIGNALS = frozenset(
    ["contradiction_near", "contested_word", "quoted_verb", "possessor_before"]
)
# Someone's "X": a possessor right before the quoted words.
_POSSESSOR = led_by(
    "hioptyA-Z",
    r"(?:(?<![\w-])(?:their|his|her|its|our|your)|(?<![\w-])[A-Z][\w-]*[\u2019']s?)\s*$",
)
# Right before a quoted word, a slot only a verb can fill.
_VERB_SLOT = led_by("histw", r"(?<![\w-])(?:he|she|they|we|it|who)\s*$", re.IGNORECASE)
_OWN_DETERMINERS = _word_set(
    "a an the this that these those my our your his her their its i we you he she they it "
    "there every all"
)
_AUXILIARY_WORDS = (
    r"would|will|may|might|could|should|can|must|shall|has|have|had|was|were|"
    r"is|are|be|been|being|get|gets|got|would\s+have|will\s+be|which|who"
)
_AUXILIARY = led_by(
    first_letters(_AUXILIARY_WORDS),
    rf"(?<![\w-])(?:{by_first_letter(_AUXILIARY_WORDS)})\s*$",
    re.IGNORECASE,
)
# The last words of _AUXILIARY's matches, lower-case (see `_could_end_folded`).
_AUXILIARY_LAST = _word_set(_AUXILIARY_WORDS.replace("\\s+", "|").replace("|", " "))


def _last_letters(tail: str) -> str:
    """The last word of ``tail`` (one comma or colon after it dropped) if all letters, else "".

    A pattern anchored at the end of ``tail`` whose matches begin after a
    space or a non-word character matches only if its last word is this
    whole word: `_could_end` then tells from a set whether to search.
    """
    parts = tail.rsplit(None, 1)
    if not parts:
        return ""
    word = parts[-1]
    if word[-1] in ",:":
        word = word[:-1]
    return word if word.isalpha() else ""


def _could_end(last_word: str, last_words: frozenset[str]) -> bool:
    """Whether a case-sensitive tail pattern ending in ``last_words`` may match the tail."""
    return not last_word or last_word in last_words


def _could_end_folded(last_word: str, last_words: frozenset[str]) -> bool:
    """Like `_could_end`, for a case-insensitive pattern and lower-case ``last_words``.

    A word with a non-ASCII letter is searched: under ``re.IGNORECASE`` "ſ"
    matches "s" and the Kelvin sign "k", which ``str.lower`` does not give.
    """
    return not last_word or not last_word.isascii() or last_word.lower() in last_words


def _sentence_rest(after: str) -> str:
    """The part of ``after`` up to the end of its sentence (or line)."""
    match = _SENTENCE_END.search(after)
    return after if match is None else after[: match.start() + 1]


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\u201c\"'\u2018])")


def quotations_of(text: str, starts: list[int]) -> tuple[Quotation, ...]:
    """Find and classify every quotation of ``text`` whose sentences start at ``starts``.

    Added in version 0.1.0.
    """
    marks = pair_marks(text)
    return _assemble(
        text, marks, starts, _rule_decisions(text, marks, starts, _listed(text, marks))
    )


_EMPTY_EVIDENCE: tuple[str, ...] = ("nothing between the marks",)


def candidates(text: str, starts: list[int]) -> tuple[list[MarkPair], list[list[str]]]:
    """Every paired quotation of ``text`` and the names of its active model features.

    This is what the learned model sees; ``scripts/train_quotes.py`` trains on it.
    Besides the features of `rhetorika.extractors._quote_features`, each
    quotation carries the hand rules' decision and cues on the text path
    (``rule_<kind>``, ``rule_cue_<cue>``): the model weighs the rules'
    judgement against the other features (stacking).

    Added in version 0.1.0.
    """
    marks, active = _candidates(text, starts)
    return [MarkPair.from_tuple(mark) for mark in marks], active


def _candidates(text: str, starts: list[int]) -> tuple[list[MarkTuple], list[list[str]]]:
    """`candidates()` with the pairs as `pair_marks()` tuples (no `MarkPair` built)."""
    marks = pair_marks(text)
    listed = _listed(text, marks)
    active = quotation_features(text, marks, starts, listed)
    decisions = _rule_decisions(text, marks, starts, listed)
    for names, (kind, _, evidence) in zip(active, decisions, strict=True):
        names.append(_RULE_KIND_NAMES[kind])
        names.extend([_RULE_CUE_NAMES[cue] for cue in evidence if cue in _RULE_CUE_NAMES])
    return marks, active


# The stacking features' names, built once (not once per quotation).
_RULE_KIND_NAMES = {kind: "rule_" + kind.value for kind in QuotationKind}
_RULE_CUE_NAMES = {cue: "rule_cue_" + cue for cue in RULE_CUES}


def model_quotations_of(
    text: str, starts: list[int], *, model: QuoteModel | None = None
) -> tuple[Quotation, ...]:
    """Like `quotations_of()`, but classified by the learned model (experimental).

    Args:
        text: The text.
        starts: Its sentence start offsets.
        model: The classifier; the shipped one when ``None``.

    Added in version 0.1.0.
    """
    model = builtin_model() if model is None else model
    kinds = [QuotationKind(value) for value in model.classes]
    marks, active = _candidates(text, starts)
    out = []
    for mark, names in zip(marks, active, strict=True):
        if "empty" in names:
            kind, confidence, evidence = QuotationKind.OTHER, 1.0, _EMPTY_EVIDENCE
        else:
            index, confidence, evidence = model.predict(names)
            kind = kinds[index]
        out.append(_quotation(text, mark, starts, kind, confidence, evidence))
    # `pair_marks` sorts the pairs by content offsets: the results come in order.
    return tuple(out)


def _rule_decisions(
    text: str,
    marks: list[MarkTuple],
    starts: list[int],
    listed: set[int],
    *,
    doc: Doc | None = None,
) -> list[tuple[QuotationKind, float, tuple[str, ...]]]:
    """The rules' decision on each pair, after the one document-level cue.

    ``doc``, when it holds a dependency parse, adds the cue of a reporting
    verb that governs the quotation.
    """
    return _with_writer_cue(
        [
            _decide(
                text,
                mark,
                starts,
                index in listed,
                doc is not None and _governed_by_reporting(doc, mark),
            )
            for index, mark in enumerate(marks)
        ]
    )


def _assemble(
    text: str,
    marks: list[MarkTuple],
    starts: list[int],
    found: list[tuple[QuotationKind, float, tuple[str, ...]]],
) -> tuple[Quotation, ...]:
    """Build the results of the pairs and their decisions, in the pairs' order (by offsets)."""
    # `pair_marks` sorts the pairs by content offsets: the results come in order.
    return tuple(
        [
            _quotation(text, mark, starts, kind, confidence, evidence)
            for mark, (kind, confidence, evidence) in zip(marks, found, strict=True)
        ]
    )


def _with_writer_cue(
    found: list[tuple[QuotationKind, float, tuple[str, ...]]],
) -> list[tuple[QuotationKind, float, tuple[str, ...]]]:
    """The rules' decisions after the one document-level cue.

    A writer who uses scare quotes with clear signals elsewhere in the text
    likely means an unattributed term in their own syntax the same way.
    """
    clear = sum(
        1
        for kind, confidence, _ in found
        if kind is QuotationKind.SCARE and confidence >= _CLEAR_SCARE
    )
    if clear < _SCARE_WRITER:
        return found
    out = []
    for kind, confidence, evidence in found:
        if "unattributed_term" in evidence and "writer_syntax_before" in evidence:
            kind, confidence = QuotationKind.SCARE, 0.5
            evidence = (*evidence, "writer_uses_scare_quotes")
        out.append((kind, confidence, evidence))
    return out


_CLEAR_SCARE = 0.6
_SCARE_WRITER = 2  # clear scare quotes that mark a writer who uses them
_LIST_GAP = re.compile(r"[\s,;()\d%]*(?:(?:and|or|than|nor)[\s,]*)?[\s,;()\d%]*")


def _listed(text: str, marks: list[MarkTuple]) -> set[int]:
    """Indexes of quotations in runs of three or more quoted items ("'a', 'b' and 'c'")."""
    listed: set[int] = set()
    run = [0]
    for index in range(1, len(marks) + 1):
        linked = False
        if index < len(marks):
            gap_start = marks[index - 1][3]  # where the previous closing mark ends
            open_start = marks[index][0]
            if gap_start is not None and 0 <= open_start - gap_start <= 20:
                gap = _LIST_GAP.match(text, gap_start, open_start)
                linked = gap is not None and gap.end() == open_start
        if linked:
            run.append(index)
            continue
        if len(run) >= 3:
            listed.update(run)
        run = [index]
    return listed


# Results are built by setting their slots, without attrs' __init__ (twice as
# slow, and a news article has dozens of quotations). Its validators check
# 0 <= start <= end, which the pairing guarantees (a content starts where its
# opening mark ends and ends where its closing mark begins);
# tests/test_quotes.py compares the two constructions.
_QUOTATION_SLOTS = [Quotation.__dict__[field.name].__set__ for field in attrs.fields(Quotation)]
(
    _SET_START,
    _SET_END,
    _SET_TEXT,
    _SET_OPEN_MARK,
    _SET_CLOSE_MARK,
    _SET_KIND,
    _SET_CONFIDENCE,
    _SET_EVIDENCE,
    _SET_SENTENCE,
) = _QUOTATION_SLOTS
_NEW = object.__new__


def _quotation(
    text: str,
    mark: MarkTuple,
    starts: list[int],
    kind: QuotationKind,
    confidence: float,
    evidence: tuple[str, ...],
) -> Quotation:
    """The `Quotation` of ``mark``, a pair of `pair_marks()`, classified as given."""
    open_start, open_end, close_start, close_end, _, _ = mark
    quotation: Quotation = _NEW(Quotation)
    _SET_START(quotation, open_end)
    _SET_END(quotation, close_start)
    _SET_TEXT(quotation, text[open_end:close_start])
    _SET_OPEN_MARK(quotation, (open_start, open_end))
    _SET_CLOSE_MARK(quotation, None if close_end is None else (close_start, close_end))
    _SET_KIND(quotation, kind)
    _SET_CONFIDENCE(quotation, confidence)
    _SET_EVIDENCE(quotation, evidence)
    _SET_SENTENCE(quotation, sentence_of(starts, open_end))
    return quotation


class QuotationExtractor:
    """Quotations and what they do: scare quotes, direct speech, titles, mentions.

    Args:
        classifier: ``"rules"`` (the default) classifies with the hand-written
            rules; ``"model"`` with the experimental learned model, which
            reads the text only (a parse is not used) and is not better than
            the rules on scare quotes (see the scare-quotes explanation page).

    Raises:
        ConfigurationError: ``classifier`` is not one of `CLASSIFIERS`.

    Added in version 0.1.0.
    """

    name = "quotations"

    def __init__(self, *, classifier: str = "rules") -> None:
        if not isinstance(classifier, str) or classifier not in CLASSIFIERS:
            raise ConfigurationError(
                f"unknown classifier {classifier!r}; valid: {', '.join(CLASSIFIERS)}"
            )
        self.classifier = classifier

    def __call__(self, doc: Doc) -> tuple[Quotation, ...]:
        text = doc_text(doc)  # the analyzer's text, not rebuilt from the tokens
        starts = sentence_offsets(doc)
        if self.classifier == "model":
            return model_quotations_of(text, starts)
        if not annotated(
            doc, "DEP", extractor=self.name, fallback="the words around each quotation"
        ):
            return quotations_of(text, starts)
        marks = pair_marks(text)
        found = _rule_decisions(text, marks, starts, _listed(text, marks), doc=doc)
        return _assemble(text, marks, starts, found)

    def from_text(self, text: str, sentence_starts: list[int]) -> tuple[Quotation, ...]:
        """The same results as ``self(doc)`` for a default-pipeline ``Doc`` of ``text``."""
        if self.classifier == "model":
            return model_quotations_of(text, sentence_starts)
        return quotations_of(text, sentence_starts)

    @staticmethod
    def feature_columns() -> tuple[FeatureColumn, ...]:
        """Its columns of the feature rows (see the module's ``feature_columns``)."""
        return feature_columns()

    @staticmethod
    def features(result: tuple[Quotation, ...], *, words: int, sentences: int) -> Features:
        """Its columns for ``result`` (see the module's ``features``)."""
        return features(result, words=words)

    def __repr__(self) -> str:
        if self.classifier == "rules":
            return "QuotationExtractor()"
        return f"QuotationExtractor(classifier={self.classifier!r})"


_REPORTING_LEMMAS = _word_set(
    "say tell ask add write tweet state declare announce claim insist argue warn vow promise "
    "pledge note explain reply respond recall testify describe call urge accuse deny admit "
    "acknowledge concede complain charge allege suggest predict shout yell scream read report "
    "cite"
)


def _governed_by_reporting(doc: Doc, mark: MarkTuple) -> bool:
    """Whether the parse attaches the quotation to a reporting verb outside it."""
    span = doc.char_span(mark[1], mark[2], alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    inside = range(span.start, span.end)
    for token in span:
        head = token.head
        if head.i in inside:
            continue
        for candidate in (head, head.head):
            if candidate.lemma_.lower() in _REPORTING_LEMMAS and candidate.i not in inside:
                return True
    return False


def feature_columns() -> tuple[FeatureColumn, ...]:
    """The columns `features()` returns, in order: declared, not learned from a text."""
    columns = [FeatureColumn("quotations_count", integer=True)]
    for kind in QuotationKind:
        columns.append(FeatureColumn(f"quotations_{kind.value}_count", integer=True))
        columns.append(FeatureColumn(f"quotations_{kind.value}_per_100_words"))
    return tuple(columns)


def features(result: tuple[Quotation, ...], *, words: int) -> Features:
    """This extractor's columns of `rhetorika.to_features()`.

    Added in version 0.1.0.
    """
    row: Features = {"quotations_count": len(result)}
    for kind in QuotationKind:
        count = sum(1 for q in result if q.kind is kind)
        row[f"quotations_{kind.value}_count"] = count
        row[f"quotations_{kind.value}_per_100_words"] = per_100_words(count, words)
    return row
