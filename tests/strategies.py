"""Hypothesis strategies shared by the test modules.

Start from the widest domain (any ``str``), then English-like text built from
the seed article's sentences and cue words, so properties are exercised on
text where the extractors actually find something.
"""

from __future__ import annotations

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
