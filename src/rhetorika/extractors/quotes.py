"""Quotations: every quoted span, and what its marks do for the writer.

Marks are paired over the whole text by :func:`rhetorika.quotemarks.pair_quotes`
(the sentence segmenter may split inside a quotation, so pairing never works
per sentence). Each quotation is then classified from cues in a short window
around it, weighed in a fixed order:

1. **title**: the name of a work, programme, law, campaign or slogan: a work
   noun before or after the marks ("the book", "CNN's", "hat", "movement")
   or a naming verb with title-case content.
2. **mention**: the words themselves are the topic: a metalinguistic frame
   ("the word", "the term", "known as", "means", "Russian for"), or a
   nickname between the parts of a name.
3. **direct**: someone's words reported as such: a clause with its own
   capital and end punctuation, a comma or colon before the opening mark, a
   speech tag after the closing one ("..., she said"), a reporting verb with
   its speaker close by ("said", "told", "according to", "called", "described
   as"), or a long quotation.
4. **scare**: short quoted words inside the writer's own syntax with no
   attribution nearby, strongly when "so-called", "alleged" or "self-styled"
   come right before.
5. **other**: empty or unclosed marks, or nothing decides.

The cue lists are written for rhetorika from the literature (Cappelen and
Lepore 1997; Gutzmann and Stei 2011; Predelli 2003; the Chicago Manual of
Style 7.57-7.59; Shomir Wilson's metalanguage studies), not mined from any
corpus. A trained pipeline's dependency parse, when present, adds one cue: a
reporting verb that governs the quotation.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rhetorika.pipeline import sentence_offsets
from rhetorika.quotemarks import MarkPair, pair_quotes
from rhetorika.results import Quotation, QuotationKind
from rhetorika.sentences import sentence_of
from rhetorika.serialize import per_100_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from rhetorika.typing import Features

__all__ = ["QuotationExtractor", "classify", "features", "quotations_of"]

_WINDOW = 160  # characters of context read on each side of a quotation
_WORD = re.compile(r"[^\W_](?:[\w\u2019'.&/-]*[^\W_])?")

_REPORTING = (
    r"say|says|said|saying|tell|tells|told|telling|ask|asks|asked|asking|add|adds|added|adding|"
    r"write|writes|wrote|written|writing|tweet|tweets|tweeted|tweeting|post|posted|"
    r"state|states|stated|declare|declares|declared|announce|announces|announced|"
    r"claim|claims|claimed|claiming|insist|insists|insisted|argue|argues|argued|"
    r"warn|warns|warned|warning|vow|vows|vowed|promise|promises|promised|pledge|pledged|"
    r"note|notes|noted|explain|explains|explained|reply|replies|replied|respond|responded|"
    r"recall|recalls|recalled|testify|testified|testifies|quote|quoted|quoting|"
    r"describe|describes|described|describing|call|calls|called|calling|"
    r"urge|urges|urged|accuse|accuses|accused|deny|denies|denied|admit|admits|admitted|"
    r"acknowledge|acknowledged|concede|conceded|complain|complained|charge|charged|"
    r"allege|alleged|suggest|suggests|suggested|predict|predicted|praise|praised|"
    r"slam|slams|slammed|blast|blasts|blasted|condemn|condemned|decry|decried|"
    r"dismiss|dismisses|dismissed|criticize|criticized|criticise|criticised|"
    r"shout|shouted|yell|yelled|scream|screamed|whisper|whispered|"
    r"read|reads|report|reports|reported|reporting|cite|cites|cited|citing|"
    r"demand|demanded|demands|express|expressed|advise|advises|advised|"
    r"vowing|promising|insisting|arguing|declaring|claiming|describing|"
    r"interview|statement|letter|tweet|memo|email|e-mail|headline|spokesman|spokeswoman|"
    r"spokesperson|recalled|continued|concluded|conclude|conclusion|affirmed|assured|"
    r"label|labels|labeled|labelled|brand|branded|term|termed|dub|dubbed|refer|referred|"
    r"framing|framed|hail|hailed|touted|touting|boasted|bragged|threatened|threatening"
)
# A reporting verb or noun, as a whole word.
_REPORT = re.compile(rf"(?<![\w-])(?:{_REPORTING})(?![\w-])|according to", re.IGNORECASE)
# A speech tag right after the closing mark: "..., she said", "..., said Smith".
_TAG_AFTER = re.compile(
    r"\s*(?:[(\[-\u2014\u2013]\s*)?(?:(?:he|she|they|we|I|it|[A-Z][\w.\u2019'-]*|the\s+\w+|a\s+\w+)"
    r"(?:\s+[A-Z][\w.\u2019'-]*){0,3}(?:\s+\w+ly)?\s+)?"
    rf"(?:{_REPORTING})(?![\w-])",
)
_SPEAKER_WORD = re.compile(
    r"(?<![\w-])(?:he|she|they|we|I|it|who|[A-Z][\w\u2019'.-]+)(?![\w-])",
)

_DISTANCING = re.compile(
    r"(?:so[- ]called|self[- ]styled|self[- ]proclaimed|alleged(?:ly)?|supposed(?:ly)?|"
    r"purported(?:ly)?|would-be|ostensible|ostensibly|pseudo|quote[- ]unquote|"
    r"under the guise of|in the name of|guise of|pretext of)\s*$",
    re.IGNORECASE,
)
_METALINGUISTIC_BEFORE = re.compile(
    r"(?<![\w-])(?:the\s+(?:very\s+)?|a\s+|this\s+|that\s+|his\s+|her\s+|their\s+)?"
    r"(?:word|words|term|terms|phrase|phrases|expression|expressions|name|names|label|"
    r"slogan|hashtag|acronym|letter|letters|motto|catchphrase|buzzword|code\s+words?|"
    r"nickname|alias|handle|moniker|option|category|heading|spelled|spelt|pronounced|"
    r"translates\s+(?:as|to)|"
    r"(?:better\s+|also\s+|now\s+|widely\s+)?known\s+as|(?:is|are|was|were|be|been)\s+called|"
    r"(?:is|are|was|were)\s+(?:dubbed|termed|named|nicknamed)|also\s+called|"
    r"self-described|sometimes\s+called|often\s+called|"
    r"[A-Z][a-z]+\s+for|hear|hearing|say|said\s+the\s+word)\s*$",
)
_METALINGUISTIC_AFTER = re.compile(
    r"\s*(?:[,)]\s*)?(?:means|meant|mean|stands\s+for|refers\s+to|is\s+(?:a\s+)?(?:short|slang)\s+for|"
    r"is\s+defined|is\s+spelled|is\s+pronounced|translates|actually\s+means|phrase|term|"
    r"five\s+times|\d+\s+times)(?![\w-])",
)
_TITLE_BEFORE = re.compile(
    r"(?<![\w-])(?:book|novel|memoir|film|movie|song|album|single|show|series|programme|program|"
    r"episode|article|essay|op-ed|column|editorial|report|documentary|podcast|play|poem|"
    r"magazine|newspaper|sketch|musical|opera|painting|speech|lecture|course|class|syllabus|"
    r"titled|entitled|headlined|operation|campaign|initiative|act|bill|law|doctrine|"
    r"website|site|blog|page|section|hashtag|"
    r"(?:[A-Z]{2,}|Fox|Fox\s+News|Sirius\s+XM|television|radio)[\u2019']s?|on|told|appearing\s+on|"
    r"author\s+of|host\s+of|star\s+of|starred\s+in|acted\s+in|edits|wrote)\s*$",
)
_TITLE_AFTER = re.compile(
    r"\s*(?:host|hosts|anchor|interview|broadcast|segment|episode|sketch|show|program|programme|"
    r"hat|hats|cap|caps|shirt|shirts|t-shirt|t-shirts|sign|signs|banner|sticker|stickers|"
    r"movement|campaign|law|act|bill|plan|policy|programme|initiative|strategy|doctrine|"
    r"document|report|syllabus|course|page|account|pledge|agenda|category|list|slogan|"
    r"book|film|movie|song|album|podcast|series|newsletter|website|app)(?![\w-])",
    re.IGNORECASE,
)
_DETERMINER = re.compile(
    r"(?<![\w-])(?:a|an|the|this|that|these|those|such|its|their|his|her|our|your|my|whose|"
    r"any|no|some|every|of|as|real|sole|true|latest|new|very|mere|[\w-]+[\u2019']s|[\w-]+s[\u2019'])"
    r"\s*$",
    re.IGNORECASE,
)
_NEGATION_NEAR = re.compile(
    r"(?<![\w-])(?:no|not|nor|neither|never|nothing|hardly|far\s+from|instead\s+of|"
    r"anything\s+but|preposterous|ridiculous|absurd|laughable|ludicrous|fake|phony|bogus|"
    r"sham|pretend|pretended|imitate|imitates|imitating|flawed|nonsense|whatever)(?![\w-])",
    re.IGNORECASE,
)
_NAME_PART = re.compile(r"(?:[A-Z][\w\u2019'-]*\.?|[A-Z]\.(?:[A-Z]\.)*)\s*$")
_NAME_AFTER = re.compile(r"\s*[A-Z][\w\u2019'-]+")
_CLAUSE_END = re.compile(r"[.?!,\u2026;:]['\u2019\"\u201d)\]]*\s*$")
_FIRST_PERSON = re.compile(r"(?<![\w-])(?:I|I'm|I\u2019m|we|we're|we\u2019re|my|our|us|me)(?![\w-])")

_SMALL_WORDS = frozenset(
    "a an the of and or for to in on at by with from as but nor vs v. de la le von van der".split()
)


def _title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start of the line holding ``start`` and end of the line holding ``end``, within reach."""
    low = max(0, start - _WINDOW)
    line_start = text.rfind("\n", low, start) + 1 or low
    if line_start == 0 and low:
        line_start = low
    high = min(len(text), end + _WINDOW)
    line_end = text.find("\n", end, high)
    return line_start, high if line_end == -1 else line_end


def _headline(line: str) -> bool:
    """Whether a line looks like a headline: short, mostly capitalised, no final full stop."""
    words = _WORD.findall(line)
    if not words or len(words) > 20 or line.rstrip()[-1:] == ".":
        return False
    capital = sum(1 for w in words if w[0].isupper())
    return capital >= 0.6 * len(words)


def classify(
    text: str, pair: MarkPair, starts: list[int], *, governed_by_reporting: bool = False
) -> tuple[QuotationKind, float, tuple[str, ...]]:
    """Classify one paired quotation of ``text`` from the cues around it.

    Args:
        text: The whole text.
        pair: The quotation's marks.
        starts: Sentence start offsets of ``text``.
        governed_by_reporting: A dependency parse says a reporting verb
            governs the quotation.

    Returns:
        ``(kind, confidence, evidence)``.

    Added in version 0.1.0.
    """
    content = text[pair.open_end : pair.close_start]
    words = _WORD.findall(content)
    n = len(words)
    if n == 0:
        return QuotationKind.OTHER, 0.5, ("empty",)
    close_end = pair.close_end if pair.close_end is not None else pair.close_start
    line_start, line_end = _line_bounds(text, pair.open_start, close_end)
    sent_start = starts[sentence_of(starts, pair.open_start)] if starts else 0
    left_start = max(line_start, min(sent_start, pair.open_start), pair.open_start - _WINDOW)
    if left_start > pair.open_start:
        left_start = pair.open_start
    before = text[left_start : pair.open_start]
    after = text[close_end:line_end]
    after_sentence = _sentence_rest(after)
    before_stripped = before.rstrip()
    last_char = before_stripped[-1:]
    evidence: list[str] = []
    if pair.close_end is None:
        evidence.append("unclosed")

    line = text[line_start:line_end]
    headline = _headline(line)
    lowercase = content.lstrip()[:1].islower()
    title_case = _title_case(words)
    clause = (
        n >= 4 and content.lstrip()[:1].isupper() and bool(_CLAUSE_END.search(content))
    ) or (n >= 3 and content.rstrip()[-1:] in "?!")

    # 1. Titles.
    title_before = _TITLE_BEFORE.search(before_stripped[-40:])
    title_after = _TITLE_AFTER.match(after)
    if title_case and not lowercase and not clause and (title_before or title_after):
        evidence.append("work_noun_before" if title_before else "work_noun_after")
        return QuotationKind.TITLE, 0.8, tuple(evidence)

    # 2. Mentions.
    if _METALINGUISTIC_BEFORE.search(before_stripped[-40:]):
        evidence.append("metalinguistic_frame_before")
        return QuotationKind.MENTION, 0.75, tuple(evidence)
    if n <= 4 and _METALINGUISTIC_AFTER.match(after):
        evidence.append("metalinguistic_frame_after")
        return QuotationKind.MENTION, 0.75, tuple(evidence)
    if n <= 3 and not lowercase and _NAME_PART.search(before) and _NAME_AFTER.match(after):
        if before_stripped[-1:].isalpha() or before_stripped[-1:] == ".":
            evidence.append("nickname_inside_name")
            return QuotationKind.MENTION, 0.7, tuple(evidence)

    # 3. Direct speech.
    distancing = _DISTANCING.search(before_stripped[-30:])
    if clause:
        evidence.append("clause")
    if last_char in ",:" and not before_stripped.endswith(("e.g.,", "i.e.,")):
        evidence.append("comma_or_colon_before")
    if _TAG_AFTER.match(after_sentence):
        evidence.append("speech_tag_after")
    if governed_by_reporting:
        evidence.append("governed_by_reporting_verb")
    near_before = before[-_NEAR:]
    report_before = _REPORT.search(near_before)
    report_after = _REPORT.search(after_sentence[:_NEAR])
    if report_before or report_after:
        evidence.append("reporting_verb_near")
    if n >= _LONG:
        evidence.append("long")
    if _FIRST_PERSON.search(content):
        evidence.append("first_person")
    strong = {"clause", "comma_or_colon_before", "speech_tag_after", "governed_by_reporting_verb"}
    speech = [cue for cue in evidence if cue in strong]
    if distancing:
        evidence.append("distancing_word_before")
        if not speech or n <= 3:
            return QuotationKind.SCARE, 0.85, tuple(evidence)
    if speech:
        return QuotationKind.DIRECT, 0.9 if len(speech) > 1 else 0.75, tuple(evidence)
    if "long" in evidence or "first_person" in evidence:
        return QuotationKind.DIRECT, 0.7, tuple(evidence)
    if "reporting_verb_near" in evidence:
        return QuotationKind.DIRECT, 0.65, tuple(evidence)
    if title_case and not lowercase and n >= 2 and not headline:
        evidence.append("title_case")
        return QuotationKind.TITLE, 0.55, tuple(evidence)

    # 4. Scare quotes.
    if n <= _SHORT:
        evidence.append("short")
        if _DETERMINER.search(before_stripped[-30:]):
            evidence.append("writer_syntax_before")
        if _NEGATION_NEAR.search(before[-60:]) or _NEGATION_NEAR.match(after_sentence[:30]):
            evidence.append("contradiction_near")
        if lowercase or not headline:
            return QuotationKind.SCARE, 0.6, tuple(evidence)
    return QuotationKind.OTHER, 0.4, tuple(evidence)


_NEAR = 60
_LONG = 8
_SHORT = 3


def _sentence_rest(after: str) -> str:
    """The part of ``after`` up to the end of its sentence (or line)."""
    match = _SENTENCE_END.search(after)
    return after if match is None else after[: match.start() + 1]


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\u201c\"'\u2018])")


def quotations_of(text: str, starts: list[int]) -> tuple[Quotation, ...]:
    """Find and classify every quotation of ``text`` whose sentences start at ``starts``.

    Added in version 0.1.0.
    """
    out = []
    for pair in pair_quotes(text):
        kind, confidence, evidence = classify(text, pair, starts)
        out.append(_quotation(text, pair, starts, kind, confidence, evidence))
    out.sort(key=lambda q: (q.start, q.end))
    return tuple(out)


def _quotation(
    text: str,
    pair: MarkPair,
    starts: list[int],
    kind: QuotationKind,
    confidence: float,
    evidence: tuple[str, ...],
) -> Quotation:
    close = None if pair.close_end is None else (pair.close_start, pair.close_end)
    return Quotation(
        start=pair.open_end,
        end=pair.close_start,
        text=text[pair.open_end : pair.close_start],
        open_mark=(pair.open_start, pair.open_end),
        close_mark=close,
        kind=kind,
        confidence=confidence,
        evidence=evidence,
        sentence=sentence_of(starts, pair.open_end) if starts else 0,
    )


class QuotationExtractor:
    """Quotations and what they do: scare quotes, direct speech, titles, mentions.

    Added in version 0.1.0.
    """

    name = "quotations"

    def __call__(self, doc: Doc) -> tuple[Quotation, ...]:
        text = doc.text
        starts = sentence_offsets(doc)
        if not doc.has_annotation("DEP"):
            return quotations_of(text, starts)
        out = []
        for pair in pair_quotes(text):
            governed = _governed_by_reporting(doc, pair)
            kind, confidence, evidence = classify(
                text, pair, starts, governed_by_reporting=governed
            )
            out.append(_quotation(text, pair, starts, kind, confidence, evidence))
        out.sort(key=lambda q: (q.start, q.end))
        return tuple(out)

    def __repr__(self) -> str:
        return "QuotationExtractor()"


_REPORTING_LEMMAS = frozenset(
    "say tell ask add write tweet state declare announce claim insist argue warn vow promise "
    "pledge note explain reply respond recall testify describe call urge accuse deny admit "
    "acknowledge concede complain charge allege suggest predict shout yell scream read report "
    "cite".split()
)


def _governed_by_reporting(doc: Doc, pair: MarkPair) -> bool:
    """Whether the parse attaches the quotation to a reporting verb outside it."""
    span = doc.char_span(pair.open_end, pair.close_start, alignment_mode="expand")
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


def features(result: tuple[Quotation, ...], *, words: int) -> Features:
    """This extractor's columns of :func:`rhetorika.to_features`."""
    row: Features = {"quotations_count": len(result)}
    for kind in QuotationKind:
        count = sum(1 for q in result if q.kind is kind)
        row[f"quotations_{kind.value}_count"] = count
        row[f"quotations_{kind.value}_per_100_words"] = per_100_words(count, words)
    return row
