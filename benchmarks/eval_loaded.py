"""Accuracy of the loaded-terms extractor on the Propaganda Techniques Corpus.

Scores rhetorika and a sentiment-lexicon baseline (VADER words of absolute
valence >= 1.5) against the ``Loaded_Language`` and ``Name_Calling,Labeling``
spans of ``loaded/ptc_train_dev.jsonl`` with the SemEval-2020 Task 11
span-identification measure (partial credit: precision averages, over
predicted spans, the share of each covered by gold spans; recall the same the
other way round). Overlapping spans are merged first, as the task's scorer
does, on both sides.

The data never enters the repository: pass its folder with ``--data``::

    python benchmarks/eval_loaded.py --data ../shared/eval --errors

``--without NOTE`` leaves out the built-in entries whose note (the
provenance column) contains NOTE: ``--without "third batch"`` scores the
lexicon without the entries written after studying this file's errors.

The headline figure scores each term's phrase (a loaded adjective with the
noun phrase it colours, as PTC annotators mark it) over every category;
variants score the bare terms, and only the categories that PTC's two
labels cover.

``--errors`` adds, per lexicon entry, how many of its matches touched a gold
span (hits) and how many did not (false alarms), with examples, plus the
most frequent gold words that no prediction touched (misses), for study.
They are printed only: the corpus may not be redistributed, so
``benchmarks/results/loaded.json`` keeps the scores and the per-entry counts,
never corpus text.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from scoring import half_of

LABELS = ("Loaded_Language", "Name_Calling,Labeling")
CORPORA: dict[str, tuple[str, tuple[str, ...]]] = {
    "ptc": ("loaded/ptc_train_dev.jsonl", LABELS),
    "basil": ("loaded/basil.jsonl", ("lex",)),
}
"""Each corpus: its file under ``--data`` and the span labels that count as loaded terms."""
HALVES = ("study", "check")
VOICES = ("all", "writer", "quoted")
_QUOTES = re.compile(
    r"\"([^\"\n]{1,400})\"|\u201c([^\u201c\u201d\n]{1,400})\u201d"
    r"|\u00ab([^\u00ab\u00bb\n]{1,400})\u00bb|\u201e([^\u201c\u201d\u201e\n]{1,400})\u201c"
)
VADER_THRESHOLD = 1.5
PTC_CATEGORIES = ("pejorative", "emotive", "dehumanizing", "intensifier")
"""Categories that correspond to PTC's Loaded_Language and Name_Calling,Labeling.

Framing verbs (Recasens' factive and assertive verbs), contested terms
(one-sided terminology), euphemisms (PTC's Obfuscation) and minimisers
(PTC's Exaggeration,Minimisation) are kinds of framing that these two PTC
labels do not cover, so the second variant leaves them out.
"""
VARIANTS: tuple[tuple[str, bool, tuple[str, ...] | None], ...] = (
    ("terms, every category", False, None),
    ("phrases, PTC categories", True, PTC_CATEGORIES),
    ("terms, PTC categories", False, PTC_CATEGORIES),
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")

Span = tuple[int, int]


def merge(spans: Iterable[Span]) -> list[Span]:
    """Merge overlapping or touching-inside spans into disjoint sorted spans."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class Score:
    """Partial-credit precision and recall accumulated over documents."""

    def __init__(self) -> None:
        self.p_sum = 0.0
        self.r_sum = 0.0
        self.n_pred = 0
        self.n_gold = 0

    def add(self, predicted: list[Span], gold: list[Span]) -> None:
        self.add_precision(predicted, gold)
        self.add_recall(predicted, gold)

    def add_precision(self, predicted: list[Span], gold: list[Span]) -> None:
        for s in predicted:
            self.p_sum += sum(_overlap(s, t) for t in gold) / (s[1] - s[0])
        self.n_pred += len(predicted)

    def add_recall(self, predicted: list[Span], gold: list[Span]) -> None:
        for t in gold:
            self.r_sum += sum(_overlap(s, t) for s in predicted) / (t[1] - t[0])
        self.n_gold += len(gold)

    def as_dict(self) -> dict[str, float | int]:
        p = self.p_sum / self.n_pred if self.n_pred else 0.0
        r = self.r_sum / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "predicted_spans": self.n_pred,
            "gold_spans": self.n_gold,
        }


def vader_predictor() -> Callable[[str], list[tuple[int, int, str]]]:
    """Words whose VADER valence has absolute value >= 1.5."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    lexicon = SentimentIntensityAnalyzer().lexicon

    def predict(text: str) -> list[tuple[int, int, str]]:
        out = []
        for m in _WORD.finditer(text):
            word = m.group().lower().replace("\u2019", "'")
            if abs(lexicon.get(word, 0.0)) >= VADER_THRESHOLD:
                out.append((m.start(), m.end(), word))
        return out

    return predict


def rhetorika_predictor(
    *,
    phrases: bool = False,
    categories: Iterable[str] | None = None,
    without: Iterable[str] = (),
    judge: str = "on",
    overrule: Iterable[str] = (),
) -> tuple[Callable[[str], list[tuple[int, int, str]]], str]:
    """rhetorika's loaded-terms extractor on the default blank pipeline.

    With ``phrases``, a term that colours a longer phrase predicts the phrase.
    ``without`` leaves out the built-in entries whose note (provenance)
    contains any of its strings, such as ``"third batch"``. ``judge`` and
    ``overrule`` are passed to the extractor.
    """
    import attrs

    from rhetorika.extractors.loaded import LoadedTermExtractor
    from rhetorika.lexicons.loaded import LoadedLexicon, builtin_lexicon
    from rhetorika.pipeline import default_nlp, make_doc

    nlp = default_nlp()
    extractor = LoadedTermExtractor(categories=categories, judge=judge, overrule=overrule)
    left_out = [e for e in extractor.entries if any(note in e.note for note in without)]
    if left_out:
        # category "off" switches a built-in entry off (mode="override")
        off = [attrs.evolve(e, category=None) for e in left_out]
        builtin = builtin_lexicon()
        lexicon = LoadedLexicon(header=builtin.header, path="<without>", entries=tuple(off))
        extractor = LoadedTermExtractor(
            lexicons=[lexicon],
            mode="override",
            categories=categories,
            judge=judge,
            overrule=overrule,
        )

    def predict(text: str) -> list[tuple[int, int, str]]:
        terms = extractor(make_doc(nlp, text))
        if phrases:
            return [(*(t.phrase or (t.start, t.end)), t.entry) for t in terms]
        return [(t.start, t.end, t.entry) for t in terms]

    return predict, extractor.lexicon_id


def left_out_count(without: Iterable[str]) -> int:
    """How many built-in entries have a note containing one of ``without``."""
    from rhetorika.lexicons.loaded import builtin_lexicon

    notes = list(without)
    return sum(1 for e in builtin_lexicon().entries if any(note in e.note for note in notes))


def in_half(record: dict[str, object], half: str) -> bool:
    """The study/check split of ``../shared/eval/README.md``, by ``doc_id`` else ``id``."""
    return half_of(record) == half


def quotations(text: str) -> list[Span]:
    """Spans of text inside quotation marks (straight, curly, guillemets)."""
    return [m.span(m.lastindex or 0) for m in _QUOTES.finditer(text)]


def voice_of(span: Span, quoted: list[Span]) -> str:
    """``"quoted"`` when ``span`` lies inside a quotation, else ``"writer"``."""
    return "quoted" if any(a <= span[0] and span[1] <= b for a, b in quoted) else "writer"


def gold_spans(corpus: str, record: dict[str, object]) -> list[tuple[int, int, str]]:
    """The gold spans of ``record`` with their voice (BASIL says it; PTC by quotation marks)."""
    labels = CORPORA[corpus][1]
    text = str(record["text"])
    quoted = quotations(text)
    out = []
    for span in record["spans"]:  # type: ignore[attr-defined]
        if span["label"] not in labels:
            continue
        if "quote" in span:
            voice = "quoted" if span["quote"] == "yes" else "writer"
        else:
            voice = voice_of((span["start"], span["end"]), quoted)
        out.append((span["start"], span["end"], voice))
    return out


def evaluate(
    corpus: str,
    records: list[dict[str, object]],
    predict: Callable[[str], list[tuple[int, int, str]]],
) -> tuple[dict[str, dict[str, float | int]], dict[str, object]]:
    """Score ``predict`` on ``records`` overall and by voice; also the per-entry listing.

    By voice, precision counts the predictions in that voice (inside
    quotation marks or not) against every gold span, and recall the gold
    spans in that voice (BASIL's own ``quote`` flag; quotation marks for
    PTC) against every prediction.
    """
    scores = {voice: Score() for voice in VOICES}
    hits: Counter[str] = Counter()
    false_alarms: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for record in records:
        text = str(record["text"])
        quoted = quotations(text)
        gold_voiced = gold_spans(corpus, record)
        gold = merge((a, b) for a, b, _ in gold_voiced)
        found = predict(text)
        predicted = merge((a, b) for a, b, _ in found)
        scores["all"].add(predicted, gold)
        for voice in ("writer", "quoted"):
            mine = [s for s in predicted if voice_of(s, quoted) == voice]
            theirs = merge((a, b) for a, b, v in gold_voiced if v == voice)
            scores[voice].add_precision(mine, gold)
            scores[voice].add_recall(predicted, theirs)
        for start, end, entry in found:
            if any(_overlap((start, end), t) for t in gold):
                hits[entry] += 1
            else:
                false_alarms[entry] += 1
                if len(examples[entry]) < 3:
                    left = text[max(0, start - 40) : start].replace("\n", " ")
                    right = text[end : end + 40].replace("\n", " ")
                    examples[entry].append(f"{left}[{text[start:end]}]{right}")
        for t in gold:
            if not any(_overlap(s, t) for s in predicted):
                for word in _WORD.findall(text[t[0] : t[1]]):
                    missed[word.lower()] += 1
    entries = sorted(set(hits) | set(false_alarms), key=lambda e: (-hits[e], e))
    listing: dict[str, object] = {
        "per_entry": [
            {
                "entry": e,
                "hits": hits[e],
                "false_alarms": false_alarms[e],
                "false_alarm_examples": examples.get(e, []),
            }
            for e in entries
        ],
        "missed_gold_words": missed.most_common(150),
    }
    return {voice: score.as_dict() for voice, score in scores.items()}, listing


def _line(name: str, scores: dict[str, dict[str, float | int]]) -> str:
    parts = []
    for voice in VOICES:
        s = scores[voice]
        parts.append(f"{voice} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")
    return f"  {name:<40} " + " | ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="folder of the eval corpora")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="print the per-entry listing (study half only: never read the check half's errors)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent / "results" / "loaded.json",
        help="where to write the JSON results",
    )
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="NOTE",
        help="leave out built-in entries whose note contains NOTE, e.g. 'third batch' "
        "(repeatable)",
    )
    args = parser.parse_args(argv)
    if args.without:
        print(f"leaving out {left_out_count(args.without)} built-in entries: {args.without}")
    systems: dict[str, Callable[[str], list[tuple[int, int, str]]]] = {}
    predict, lexicon_id = rhetorika_predictor(phrases=True, without=args.without)
    systems["rhetorika (phrases, every category)"] = predict
    for name, phrases, categories in VARIANTS:
        systems[f"rhetorika ({name})"] = rhetorika_predictor(
            phrases=phrases, categories=categories, without=args.without
        )[0]
    systems["rhetorika, lexicon only (judge='off')"] = rhetorika_predictor(
        phrases=True, without=args.without, judge="off"
    )[0]
    systems["rhetorika, judge may overrule loaded.v1"] = rhetorika_predictor(
        phrases=True, without=args.without, overrule=("loaded.v1",)
    )[0]
    systems["baseline VADER"] = vader_predictor()
    result: dict[str, object] = {
        "measure": "SemEval-2020 Task 11 span identification, partial credit, merged spans",
        "voices": "all; writer (outside quotation marks); quoted (inside; BASIL: its quote flag)",
        "lexicon": lexicon_id,
        "without": args.without,
        "entries_left_out": left_out_count(args.without),
        "vader_threshold": VADER_THRESHOLD,
        "ptc_categories": list(PTC_CATEGORIES),
        "corpora": {},
    }
    started = time.perf_counter()
    for corpus, (path, labels) in CORPORA.items():
        lines = (args.data / path).read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines]
        entry: dict[str, object] = {"file": path, "documents": len(records), "labels": labels}
        for half in HALVES:
            chosen = [r for r in records if in_half(r, half)]
            print(f"{corpus} {half} half ({len(chosen)} documents)")
            table: dict[str, object] = {"documents": len(chosen)}
            for name, system in systems.items():
                scores, listing = evaluate(corpus, chosen, system)
                table[name] = scores
                print(_line(name, scores))
                if name == "rhetorika (phrases, every category)" and half == "study":
                    table["per_entry"] = [
                        {key: row[key] for key in ("entry", "hits", "false_alarms")}
                        for row in listing["per_entry"]  # type: ignore[attr-defined]
                    ]
                    if args.errors:
                        _print_errors(listing)
            entry[half] = table
        result["corpora"][corpus] = entry  # type: ignore[index]
    result["seconds"] = round(time.perf_counter() - started, 2)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


def _print_errors(listing: dict[str, object]) -> None:
    for row in listing["per_entry"]:  # type: ignore[attr-defined]
        print(
            f"{row['entry']:<32} hits {row['hits']:>4}  false alarms {row['false_alarms']:>4}"
            f"  {' | '.join(row['false_alarm_examples'][:1])}"
        )
    print("missed gold words:", listing["missed_gold_words"][:80])  # type: ignore[index]


if __name__ == "__main__":
    sys.exit(main())
