"""Hypothesis strategies shared by the test modules.

Start from the widest domain (any ``str``), then English-like text built from
the seed article's sentences and cue words, so properties are exercised on
text where the extractors actually find something.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

from rhetorika.sentences import sentence_starts

SEED_PATH = (
    Path(__file__).resolve().parent.parent / "seeds" / "putin_imitates_peace_negotiations.txt"
)
SEED = SEED_PATH.read_text(encoding="utf-8")

_starts = sentence_starts(SEED)
SEED_SENTENCES: list[str] = [
    SEED[a:b].strip() for a, b in zip(_starts, [*_starts[1:], len(SEED)], strict=True)
]

QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u2039\u203a\u201e"

any_text = st.text()
"""Any ``str`` Python can hold, surrogates and control characters included."""

wild_text = st.text(
    alphabet=st.characters(codec=None, categories=None),
    max_size=300,
)

quote_runs = st.text(alphabet=QUOTE_MARKS + " a.\n", max_size=200)
"""Text made mostly of quotation marks and apostrophes."""

_QUOTE_PAIRS = [
    ("\u201c", "\u201d"),
    ('"', '"'),
    ("\u2018", "\u2019"),
    ("'", "'"),
    ("\u00ab", "\u00bb"),
    ("\u2039", "\u203a"),
    ("\u201e", "\u201c"),
    ("''", "''"),
]
_QUOTED_WORDS = ["peace", "experts", "We will not back down,", "The Long Goodbye", "literally"]

quoted_phrase = st.builds(
    lambda pair, words: pair[0] + words + pair[1],
    st.sampled_from(_QUOTE_PAIRS),
    st.sampled_from(_QUOTED_WORDS),
)
"""A phrase in quotation marks of any style the pairing knows."""

quoted_text = st.lists(
    st.one_of(
        st.sampled_from(SEED_SENTENCES),
        quoted_phrase,
        st.sampled_from(["said", "the so-called", "the word", "she said.", "\n\n", "don't"]),
    ),
    max_size=12,
).map(" ".join)
"""English-like text full of quotations in every mark style."""

quoted_paragraph = st.tuples(st.sampled_from(SEED_SENTENCES), quoted_text).map(" ".join)
"""Quotation-rich text that starts with a whole sentence (for prefix-shift properties)."""

cue_words = st.sampled_from(
    [
        "may",
        "might",
        "could",
        "allegedly",
        "so-called",
        "regime",
        "clearly",
        "about 40",
        "It seems",
        "critics say",
        "onslaught",
        "May",
        "\u201cpeace\u201d",
        '"process"',
        "Dr.",
        "U.S.",
        "unprovoked",
        "perhaps",
        "indeed",
    ]
)

english_text = st.lists(
    st.one_of(st.sampled_from(SEED_SENTENCES), cue_words, st.sampled_from([" ", "\n", "\n\n"])),
    max_size=12,
).map(" ".join)
"""English-like text: seed sentences, cue words and line breaks in any order."""

cue_free_sentence = st.sampled_from(
    ["The weather was mild on Tuesday. ", "Trains ran on time. ", "Tom had lunch at noon.\n"]
)
"""Sentences no extractor finds anything in, for prefix-shift properties."""

hedge_cues = st.sampled_from(
    [
        "It may rain.",
        "in May 2024",
        "you may leave",
        "about 40",
        "talked about the war",
        "I think that it is wrong.",
        "I think about it.",
        "Critics argue that it failed.",
        "It is not clear whether",
        "not necessarily",
        "of course",
        "so-called",
        "allegedly",
        "claimed that",
        "an insurance claim",
        "appeared on TV",
        "appears to be",
        "kind of odd",
        "a kind of tree",
        "is widely regarded as",
        "I\u2019m not sure",
        "COULD",
        "no doubt",
        "imo it works",
        "the IMO said",
        "i dont think so",
        "people familiar with the matter said",
        "people close to the river",
        "All Americans",
        "all the money",
        "they all look",
        "every year",
        "Every American",
        "completely wrong",
        "completely destroyed",
        "simply not true",
        "exactly what",
        "we know that",
        "The fact that",
        "despite the fact that",
        "never replied during the hearing",
        "if he really did",
        "clearly marked",
        "freedom for everyone",
        "isn't necessarily",
        "with certainty",
        "No country can",
        "No injuries were",
        "no reasonable prosecutor would",
        "100% sure",
        "100 percent of",
        "width:100%;",
        "she was never charged",
        "I never knew anything",
        "not all Americans",
        "utterly amoral",
        "completely lost",
        "quite clearly illegal",
        "did not actually",
        "were all \u201cunbelievers\u201d",
    ]
)
"""Hedge and booster cues in and out of the contexts their rules test."""

hedge_text = st.lists(
    st.one_of(hedge_cues, st.sampled_from(SEED_SENTENCES), st.sampled_from([" ", ". ", "\n"])),
    max_size=10,
).map(" ".join)
"""Text dense in hedge and booster cues, for the hedge properties."""

english_paragraph = st.tuples(st.sampled_from(SEED_SENTENCES), english_text).map(" ".join)
"""English-like text that starts with a whole sentence (for prefix-shift properties)."""

loaded_words = st.sampled_from(
    [
        "regime",
        "regimes",
        "Regime\u2019s",
        "exercise regime",
        "onslaught",
        "thugs",
        "so-called",
        "so called",
        "just a",
        "utterly",
        "truly evil",
        "not a disaster",
        "vermin",
        "swarm of bees",
        "horde of migrants",
        "admitted",
        "was admitted to hospital",
        "\u201cReign of Terror\u201d",
        '"thugs"',
        "Massive Attack",
        "record-breaking",
        "collateral damage",
    ]
)
"""Loaded terms and their look-alikes, for texts where context rules fire."""

loaded_text = st.lists(
    st.one_of(
        st.sampled_from(SEED_SENTENCES), loaded_words, st.sampled_from([" ", "\n", "\n\n", ". "])
    ),
    max_size=14,
).map(" ".join)
"""English-like text dense in loaded terms and the contexts that cancel them."""
cue_free_paragraph = cue_free_sentence.map(lambda sentence: sentence.strip() + "\n\n")
"""A cue-free paragraph: a prefix that cannot join the first sentence or line of a text."""
# --- Hostile text: the widest domain, for totality and fuzzing (issue 9) ---

lone_surrogates = st.characters(categories=["Cs"])
"""Lone surrogates: a Python ``str`` may hold them, UTF-8 cannot encode them."""

every_character = st.one_of(st.characters(codec=None), lone_surrogates)
"""Any code point, lone surrogates (category Cs) included."""

control_characters = st.sampled_from(
    [chr(c) for c in range(0x20)] + ["\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\ufffe"]
)
"""NUL, the C0 controls, DEL, NEL, line and paragraph separators, BOM, a noncharacter."""

combining_marks = st.characters(categories=["Mn", "Me", "Mc"])
"""Combining marks, which attach to whatever precedes them (or to nothing)."""

bidi_and_zero_width = st.sampled_from(
    list("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    + list("\u0627\u0644\u0639\u0631\u0628\u064a\u0629\u05e9\u05dc\u05d5\u05dd\u061f\u060c")
)
"""Zero-width characters, bidirectional controls and Arabic and Hebrew letters."""

emoji = st.sampled_from(
    [
        "\U0001f600",
        "\U0001f44d\U0001f3fd",  # thumbs up, skin tone modifier
        "\U0001f469\u200d\U0001f4bb",  # ZWJ sequence
        "\U0001f1fa\U0001f1e6",  # a flag: two regional indicators
        "\u2764\ufe0f",  # variation selector
        "\U0001f3f3\ufe0f\u200d\U0001f308",
        "\U000e0067",  # a tag character on its own
    ]
)
"""Emoji with skin-tone modifiers, ZWJ sequences, flags and variation selectors."""

punctuation_only = st.text(
    alphabet=QUOTE_MARKS + "()[]{}<>.,;:!?-\u2013\u2014\u2026/\\*&%$#@^~`|_+= \n\t",
    max_size=400,
)
"""Text made only of quotation marks, brackets and other punctuation."""


@st.composite
def long_runs(draw: st.DrawFn) -> str:
    """A single character or short pattern repeated into a very long token."""
    unit = draw(
        st.one_of(
            st.sampled_from(['"', "(", "a", "\u201c", ".", "-", "'s", "\u0301"]),
            st.text(min_size=1, max_size=3),
        )
    )
    return unit * draw(st.integers(min_value=50, max_value=3_000))


@cache
def length_changing_case_characters() -> tuple[str, ...]:
    """Every code point whose ``lower()`` or ``upper()`` is not one code point ("İ", "ß", "ﬁ")."""
    return tuple(
        char
        for char in map(chr, range(sys.maxunicode + 1))
        if len(char.lower()) != 1 or len(char.upper()) != 1
    )


@cache
def unicode_dash_characters() -> tuple[str, ...]:
    """Every dash punctuation character (category Pd), and the soft hyphen."""
    return (
        *(c for c in map(chr, range(sys.maxunicode + 1)) if unicodedata.category(c) == "Pd"),
        "\u00ad",
    )


@cache
def separator_characters() -> tuple[str, ...]:
    """Every whitespace character (``str.isspace``) and separator (categories Z*)."""
    return tuple(
        c
        for c in map(chr, range(sys.maxunicode + 1))
        if c.isspace() or unicodedata.category(c).startswith("Z")
    )


length_changing_case = st.deferred(lambda: st.sampled_from(length_changing_case_characters()))
"""A character whose case mapping changes the text's length."""

unicode_dashes = st.deferred(lambda: st.sampled_from(unicode_dash_characters()))
"""A Unicode dash or hyphen."""

separators = st.deferred(lambda: st.sampled_from(separator_characters()))
"""A whitespace or separator character, line breaks and "\x1c"-"\x1f" included."""

_SPACED_CUES = [
    "so-called",
    "self-styled",
    "Some critics say",
    "critics argue that",
    "it is not clear whether",
    "of course",
    "people familiar with the matter said",
    "no doubt",
    "Perhaps",
    "NEVER",
    "record-breaking",
    "collateral damage",
    "exercise regime",
    "\u201cpeace process\u201d",
]


@st.composite
def folding_text(draw: st.DrawFn) -> str:
    """Cues with their hyphens and spaces swapped for other dashes and separators, in any
    case, next to characters whose case mapping changes length (issue 14's KeyErrors)."""
    parts = []
    for cue in draw(st.lists(st.sampled_from(_SPACED_CUES), min_size=1, max_size=6)):
        cue = cue.replace("-", draw(unicode_dashes)).replace(" ", draw(separators))
        cue = draw(st.sampled_from([cue, cue.upper(), cue.title(), cue.lower()]))
        extra = draw(st.text(alphabet=length_changing_case, max_size=2))
        parts.append(draw(st.sampled_from([extra + cue, cue + extra, extra + " " + cue])))
        parts.append(draw(st.sampled_from([" ", ". ", "\n", draw(separators)])))
    return "".join(parts)


_fragments = st.one_of(
    st.text(alphabet=every_character, max_size=40),
    st.text(alphabet=control_characters, max_size=10),
    st.text(alphabet=combining_marks, max_size=10),
    st.text(alphabet=bidi_and_zero_width, max_size=10),
    st.lists(emoji, max_size=6).map("".join),
    st.text(alphabet=lone_surrogates, min_size=1, max_size=3),
    quote_runs,
    punctuation_only,
    cue_words,
    st.sampled_from(SEED_SENTENCES),
    st.sampled_from([" ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u3000"]),
    st.text(alphabet=st.one_of(length_changing_case, unicode_dashes, separators), max_size=10),
    folding_text(),
)

hostile_text = st.one_of(
    any_text,
    st.text(alphabet=every_character),
    punctuation_only,
    long_runs(),
    st.lists(_fragments, max_size=12).map("".join),
    st.lists(st.one_of(_fragments, long_runs()), max_size=4).map("".join),
    folding_text(),
)
"""The widest text domain: any code point, surrogates, controls, combining
marks, bidi and zero-width characters, emoji sequences, very long tokens,
punctuation-only text, mixed with English so extractors fire; and cues written
with every dash, separator and length-changing case mapping (folding_text)."""

_lexicon_header = st.sampled_from(
    [
        "# rhetorika-lexicon: fuzz  format=1  version=1  license=MIT",
        "# rhetorika-lexicon: fuzz  format=2  version=1",
        "# rhetorika-lexicon:",
        "# rhetorika-lexicon: fuzz format=1 version=x",
        "# rhetorika-lexicon: a=b",
    ]
)
_lexicon_line = st.one_of(
    st.text(alphabet=every_character, max_size=60),
    st.lists(st.text(alphabet=every_character, max_size=12), min_size=1, max_size=4).map(
        "\t".join
    ),
    st.sampled_from(["term\tcategory", "term\tcategory\tnote", "# comment", "", "\t", "\r"]),
    st.sampled_from(["../../etc/passwd\tpejorative", "/etc/passwd\tpejorative"]),
    st.text(min_size=1001, max_size=1200).map(lambda s: s + "\tpejorative"),
)

lexicon_lines = st.tuples(
    st.one_of(_lexicon_header, st.text(alphabet=every_character, max_size=60)),
    st.lists(_lexicon_line, max_size=12),
).map(lambda t: [t[0], *t[1]])
"""Lines of a lexicon file: a header (usually valid) and rows of anything."""

open_vocabulary_words = st.sampled_from(
    [
        "outrageous",
        "adored",
        "Horrible",
        "hated",
        "fiercely",
        "praised",
        "anti-vaxxers",
        "anti-fascist",
        "Anti-War",
        "pro-Russian",
        "far-right",
        "hard left-wingers",
        "Russiagate",
        "Watergate",
        "gun-loving",
        "Trumpism",
        "Marxists",
        "Tourism",
        "claimed",
        "insisted upon",
        "lies ahead",
        "2003 invasion of",
        "invasion of Ukraine, officials",
        "adjusted gross income",
        "may be cruel",
        "not evil",
        '"awful"',
    ]
)
"""Open-vocabulary candidates (affect words, morphology) and the contexts that cancel them."""

open_vocabulary_text = st.lists(
    st.one_of(
        st.sampled_from(SEED_SENTENCES),
        open_vocabulary_words,
        loaded_words,
        st.sampled_from([" ", "\n", "\n\n", ". ", ", "]),
    ),
    max_size=14,
).map(" ".join)
"""English-like text dense in candidates the judge decides about."""
