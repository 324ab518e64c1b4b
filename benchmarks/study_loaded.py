"""Where the loaded-terms method loses, measured on the study halves only (issue 17).

Usage::

    python benchmarks/study_loaded.py --data ../shared/eval

Reads the **study halves** of ``loaded/ptc_train_dev.jsonl`` and
``loaded/basil.jsonl`` (never the check halves), takes every candidate the
extractor proposes with its judge features (``scripts/train_loaded.py``) and
measures, with the partial-credit span measure of ``eval_loaded.py``:

1. the gold spans by kind of miss (fully covered, partly covered, a
   candidate the judge rejected, no candidate at all) and by length;
2. span-extension variants (the whole hyphenated word, one word to the
   left or right, up to a closed-class word);
3. how often candidates of each source touch a gold span (the affect table
   by valence, inflections and ``un-`` forms of affect and lexicon words, and,
   when ``textblob`` is installed, the adjectives of its PDDL subjectivity
   lexicon), with the ceilings of a perfect judge;
4. the judge with more generic feature groups (valence bins, other
   candidates in the sentence, the article's lexicon density, exclamations
   and first person) and with class weighting: grouped five-fold held-aside
   log loss, ranking (AUC) and span F1 at the threshold the folds choose;
5. per-voice thresholds (quoted vs the writer's words).

Only figures are printed and written (``results/loaded_study.json``),
never corpus text. Thresholds chosen on the same held-aside probabilities
they are scored on are optimistic: a gain smaller than about 0.01 F1 is noise.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import train_loaded as training

from rhetorika.data._affect import affect_table
from rhetorika.lexicons.loaded import builtin_lexicon

Span = tuple[int, int]
Rows = list[training.Example]
CORPORA = ("ptc", "basil")
_STOP = frozenset(
    """a an the of to in on at by for with from and or but that which who whom whose this
    these those is are was were be been being has have had do does did will would can could
    should may might must not no as than then so if when while because it its their his her
    our your my they he she we you i them him us me there here said says say""".split()
)
_NEXT = re.compile(r"[ \t]*([^\W\d_]+(?:['\u2019-][^\W\d_]+)*)")
_PREV = re.compile(r"([^\W\d_]+(?:['\u2019-][^\W\d_]+)*)[ \t]*$")
_WORD_CHAR = re.compile(r"[\w'\u2019-]")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)]*\s+|\n+")
_FIRST_PERSON = re.compile(r"\b(?:i|we|me|us|our|my|you|your)\b", re.IGNORECASE)
_SUFFIXES = (
    ("ly", ""),
    ("ily", "y"),
    ("ness", ""),
    ("iness", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("ied", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("s", ""),
    ("es", ""),
)
THRESHOLDS = [round(0.05 + 0.025 * i, 3) for i in range(36)]


def partial_credit(predicted: dict[str, list[Span]], gold: dict[str, list[Span]]) -> list[float]:
    """Precision, recall and F1 of the SemEval-2020 Task 11 partial-credit measure."""
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for doc_id, spans in gold.items():
        theirs = training._merge(spans)
        mine = training._merge(predicted.get(doc_id, []))
        for s in mine:
            p_sum += sum(_overlap(s, t) for t in theirs) / (s[1] - s[0])
        for t in theirs:
            r_sum += sum(_overlap(s, t) for s in mine) / (t[1] - t[0])
        n_pred += len(mine)
        n_gold += len(theirs)
    p = p_sum / n_pred if n_pred else 0.0
    r = r_sum / n_gold if n_gold else 0.0
    return [round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def whole_word(text: str, start: int, end: int) -> Span:
    """The span grown to the whole hyphenated or apostrophised word around it."""
    while start > 0 and _WORD_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and _WORD_CHAR.match(text[end]):
        end += 1
    while end > start + 1 and text[end - 1] in "-'\u2019":
        end -= 1
    return start, end


def grow_right(text: str, start: int, end: int, words: int) -> Span:
    """Up to ``words`` more words to the right, stopping at a closed-class word."""
    for _ in range(words):
        match = _NEXT.match(text, end)
        if match is None or match.group(1).lower() in _STOP:
            break
        end = match.end(1)
    return start, end


def grow_left(text: str, start: int, end: int, words: int) -> Span:
    """Up to ``words`` more words to the left, stopping at a closed-class word."""
    for _ in range(words):
        match = _PREV.search(text, 0, start)
        if match is None or match.group(1).lower() in _STOP:
            break
        start = match.start(1)
    return start, end


class Study:
    """The study halves' candidates, their labels and the text they come from."""

    def __init__(self, data: Path) -> None:
        studied = training.read_study(data)
        self.rows, self.gold = training.examples(studied)
        self.texts = {(c, str(r["id"])): str(r["text"]) for c, rs in studied.items() for r in rs}
        self.y = np.array(
            [1.0 if training._overlaps(r[2], self.gold[(r[0], r[1])]) else 0.0 for r in self.rows]
        )
        self.folds = np.array([training.fold_of(r[1]) for r in self.rows])
        self.base = training.matrix(self.rows)

    def gold_of(self, corpus: str) -> dict[str, list[Span]]:
        return {d: spans for (c, d), spans in self.gold.items() if c == corpus}

    def score(
        self, corpus: str, keep: Callable[[int], bool], span: Callable[[int], Span]
    ) -> list[float]:
        """Partial credit of the kept candidates of ``corpus``, each predicting ``span(i)``."""
        predicted: dict[str, list[Span]] = defaultdict(list)
        for i, row in enumerate(self.rows):
            if row[0] == corpus and keep(i):
                predicted[row[1]].append(span(i))
        return partial_credit(predicted, self.gold_of(corpus))

    def held_aside(self, x: np.ndarray, weight: float = 1.0) -> np.ndarray:
        """Probabilities of five folds grouped by document, each from a model fit on the rest."""
        held = np.zeros(len(self.rows))
        for fold in range(training.FOLDS):
            inside = self.folds != fold
            model = fit_weighted(x[inside], self.y[inside], weight)
            held[~inside] = 1.0 / (1.0 + np.exp(-(x[~inside] @ model)))
        return held


def fit_weighted(x: np.ndarray, y: np.ndarray, weight: float) -> np.ndarray:
    """``training.fit`` with the positive class weighted by ``weight``."""
    if weight == 1.0:
        return training.fit(x, y)
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], training.L2)
    penalty[0] = 0.0
    sample = np.where(y > 0, weight, 1.0)
    for _ in range(60):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (sample * (p - y)) + penalty * w
        hessian = (x * (sample * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian + 1e-9 * np.eye(x.shape[1]), gradient)
        w -= step
        if float(np.max(np.abs(step))) < 1e-10:
            break
    return w


def auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """Area under the ROC curve by ranks (ties averaged)."""
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    for value in np.unique(scores):
        same = scores == value
        ranks[same] = ranks[same].mean()
    positives = labels > 0
    n_pos, n_neg = int(positives.sum()), int((~positives).sum())
    if not n_pos or not n_neg:
        return 0.5
    return float((ranks[positives].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def miss_kinds(
    study: Study, probabilities: Sequence[float], threshold: float
) -> dict[str, object]:
    """Gold spans by how the shipped method covers them, and the recall each kind loses."""
    out: dict[str, object] = {}
    for corpus in CORPORA:
        kept: dict[str, list[Span]] = defaultdict(list)
        proposed: dict[str, list[Span]] = defaultdict(list)
        for row, p in zip(study.rows, probabilities, strict=True):
            if row[0] != corpus:
                continue
            proposed[row[1]].append(row[2])
            if not row[5] or p >= threshold:
                kept[row[1]].append(row[3])
        counts: Counter[str] = Counter()
        lost: Counter[str] = Counter()
        total = 0
        for doc_id, spans in study.gold_of(corpus).items():
            text = study.texts[(corpus, doc_id)]
            mine = training._merge(kept[doc_id])
            for t in training._merge(spans):
                total += 1
                n = len(_WORD.findall(text[t[0] : t[1]]))
                length = "1" if n <= 1 else "2" if n == 2 else "3-4" if n <= 4 else "5+"
                cover = sum(_overlap(s, t) for s in mine) / (t[1] - t[0])
                if cover >= 0.99:
                    kind = "covered"
                elif cover > 0:
                    kind = "partly covered"
                elif any(_overlap(s, t) for s in proposed[doc_id]):
                    kind = "candidate rejected"
                else:
                    kind = "no candidate"
                counts[f"{kind}, {length} words"] += 1
                counts[f"{length} words"] += 1
                lost[kind] += 1 - cover
        out[corpus] = {
            "gold_spans": total,
            "counts": dict(sorted(counts.items())),
            "recall_lost": {kind: round(v / total, 3) for kind, v in sorted(lost.items())},
        }
    return out


def extensions(
    study: Study, probabilities: Sequence[float], threshold: float
) -> dict[str, object]:
    """Partial credit of the shipped predictions with their spans grown in several ways."""
    variants: dict[str, Callable[[str, Span, dict[str, float]], Span]] = {
        "as predicted": lambda text, s, f: s,
        "whole hyphenated word": lambda text, s, f: whole_word(text, *s),
        "one word right": lambda text, s, f: grow_right(text, *s, 1),
        "one word left": lambda text, s, f: grow_left(text, *s, 1),
        "one word left, nouns and words of no known class": lambda text, s, f: (
            grow_left(text, *s, 1) if _noun_or_unknown(f) else s
        ),
        "whole word, one left, one right": lambda text, s, f: grow_right(
            text, *grow_left(text, *whole_word(text, *s), 1), 1
        ),
    }
    out: dict[str, object] = {}
    for name, grow in variants.items():
        out[name] = {
            corpus: study.score(
                corpus,
                lambda i: not study.rows[i][5] or probabilities[i] >= threshold,
                lambda i, grow=grow: grow(  # type: ignore[misc]
                    study.texts[(study.rows[i][0], study.rows[i][1])],
                    study.rows[i][3],
                    study.rows[i][4],
                ),
            )
            for corpus in CORPORA
        }
    out["ceiling: each prediction grown to the whole gold span it touches"] = {
        corpus: study.score(
            corpus,
            lambda i: not study.rows[i][5] or probabilities[i] >= threshold,
            lambda i: _grown_to_gold(study.rows[i][3], study.gold[study.rows[i][:2]]),
        )
        for corpus in CORPORA
    }
    return out


def _grown_to_gold(span: Span, gold: Sequence[Span]) -> Span:
    for start, end in gold:
        if _overlap(span, (start, end)):
            return min(start, span[0]), max(end, span[1])
    return span


def _noun_or_unknown(features: dict[str, float]) -> bool:
    return bool(features.get("pos=noun")) or not any(k.startswith("pos=") for k in features)


def _hit_rate(hits: int, total: int) -> dict[str, float | int]:
    return {
        "candidates": total,
        "touch_gold": hits,
        "rate": round(hits / total, 3) if total else 0.0,
    }


def sources(study: Study) -> dict[str, object]:
    """How often candidates of each source touch a gold span, and a perfect judge's ceilings."""
    affect = affect_table()
    strong = {w for w, (v, _) in affect.items() if abs(v) >= training.MIN_VALENCE}
    lexicon = {e.key[0] for e in builtin_lexicon().entries if len(e.key) == 1}
    subjectivity = _subjectivity_lexicon()
    out: dict[str, object] = {}
    for corpus in CORPORA:
        table: dict[str, object] = {}
        bins: Counter[tuple[str, bool]] = Counter()
        for row, label in zip(study.rows, study.y, strict=True):
            if row[0] != corpus:
                continue
            if not row[5]:
                source = "lexicon"
            elif "source=affect" in row[4]:
                valence = row[4].get("valence", 0.0) * 4
                source = (
                    "affect |v| 1.5-2"
                    if valence < 2
                    else "affect |v| 2-3"
                    if valence < 3
                    else "affect |v| 3+"
                )
            else:
                source = "morphology"
            bins[(source, bool(label))] += 1
        for source in sorted({s for s, _ in bins}):
            table[source] = _hit_rate(
                bins[(source, True)], bins[(source, True)] + bins[(source, False)]
            )
        # words that are not candidates today
        inflected: Counter[bool] = Counter()
        subjective: Counter[bool] = Counter()
        taken: dict[str, list[Span]] = defaultdict(list)
        for row in study.rows:
            if row[0] == corpus:
                taken[row[1]].append(row[2])
        for doc_id, spans in study.gold_of(corpus).items():
            text = study.texts[(corpus, doc_id)]
            for match in re.finditer(r"[A-Za-z]+", text):
                word = match.group().lower()
                if word in strong or word in lexicon:
                    continue
                if any(a <= match.start() < b for a, b in taken[doc_id]):
                    continue
                hit = training._overlaps(match.span(), spans)
                if _inflection_of(word, strong | lexicon):
                    inflected[hit] += 1
                if subjectivity.get(word, 0.0) >= 0.9:
                    subjective[hit] += 1
        table["inflections and un- forms (not candidates today)"] = _hit_rate(
            inflected[True], inflected[True] + inflected[False]
        )
        if subjectivity:
            table["subjectivity >= 0.9, textblob (not candidates today)"] = _hit_rate(
                subjective[True], subjective[True] + subjective[False]
            )
        table["ceiling: perfect judge of today's open candidates"] = study.score(
            corpus, lambda i: not study.rows[i][5] or bool(study.y[i]), lambda i: study.rows[i][3]
        )
        table["ceiling: perfect judge of every candidate"] = study.score(
            corpus, lambda i: bool(study.y[i]), lambda i: study.rows[i][3]
        )
        out[corpus] = table
    return out


def _inflection_of(word: str, known: set[str]) -> bool:
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and word[: -len(suffix)] + replacement in known:
            return True
    return word.startswith("un") and word[2:] in known


def _subjectivity_lexicon() -> dict[str, float]:
    """Mean subjectivity of each word of textblob's ``en-sentiment.xml`` (PDDL), if installed."""
    import importlib.util
    import xml.etree.ElementTree as ElementTree

    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "en" / "en-sentiment.xml"
    senses: dict[str, list[float]] = defaultdict(list)
    for node in ElementTree.parse(path).getroot():
        senses[str(node.get("form")).lower()].append(float(node.get("subjectivity", 0.0)))
    return {word: sum(v) / len(v) for word, v in senses.items()}


def context_groups(study: Study) -> dict[str, list[str]]:
    """Extra generic feature columns, by group, for every candidate."""
    by_doc: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(study.rows):
        by_doc[(row[0], row[1])].append(i)
    columns: dict[str, list[list[float]]] = defaultdict(list)
    for key, members in by_doc.items():
        text = study.texts[key]
        bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        words = max(1, len(_WORD.findall(text)))
        lexicon_matches = sum(1 for j in members if not study.rows[j][5])
        density = lexicon_matches * 100 / words
        sentence_of = {j: bisect.bisect_right(bounds, study.rows[j][2][0]) - 1 for j in members}
        for i in members:
            row = study.rows[i]
            number = sentence_of[i]
            begin = bounds[number]
            end = bounds[number + 1] if number + 1 < len(bounds) else len(text)
            sentence = text[begin:end]
            others = [j for j in members if j != i and sentence_of[j] == number]
            lex = sum(1 for j in others if not study.rows[j][5])
            opened = len(others) - lex
            valence = row[4].get("valence", 0.0) * 4
            columns["valence bins"].append(
                [float(lo <= valence < hi) for lo, hi in ((1.5, 2), (2, 2.5), (2.5, 3), (3, 9))]
            )
            columns["other candidates in the sentence"].append(
                [float(lex == 1), float(lex >= 2), float(opened == 1), float(opened >= 2)]
            )
            columns["article's lexicon density"].append(
                [min(density / 3, 1.0), float(density >= 1.5)]
            )
            columns["exclamation, question, first person"].append(
                [
                    float("!" in sentence),
                    float("?" in sentence),
                    float(bool(_FIRST_PERSON.search(sentence))),
                ]
            )
    order = [i for members in by_doc.values() for i in members]
    back = np.argsort(order)
    return {name: np.array(values)[back].tolist() for name, values in columns.items()}


def judge_variants(study: Study) -> dict[str, object]:
    """Held-aside log loss, AUC and span F1 of the judge with more features or class weights."""
    groups = context_groups(study)
    every = list(groups)
    variants: list[tuple[str, list[str], float]] = [("shipped features", [], 1.0)]
    variants += [(f"+ {name}", [name], 1.0) for name in every]
    variants += [
        ("+ all four groups", every, 1.0),
        ("shipped features, loaded weighted 3x", [], 3.0),
    ]
    out: dict[str, object] = {}
    for name, chosen, weight in variants:
        x = (
            np.hstack([study.base, *(np.array(groups[g]) for g in chosen)])
            if chosen
            else study.base
        )
        held = study.held_aside(x, weight)
        eps = 1e-12
        log_loss = -float(
            np.mean(study.y * np.log(held + eps) + (1 - study.y) * np.log(1 - held + eps))
        )
        row: dict[str, object] = {"log_loss": round(log_loss, 4)}
        threshold = max(
            THRESHOLDS,
            key=lambda t: (sum(_kept_f1(study, held, c, t) for c in CORPORA), -t),
        )
        row["threshold"] = threshold
        for corpus in CORPORA:
            members = np.array([i for i, r in enumerate(study.rows) if r[0] == corpus])
            opened = np.array([i for i in members if study.rows[i][5]])
            top = opened[np.argsort(-held[opened], kind="mergesort")[:100]]
            row[corpus] = {
                "auc_all": round(auc(study.y[members], held[members]), 3),
                "auc_open": round(auc(study.y[opened], held[opened]), 3),
                "precision_top100_open": round(float(study.y[top].mean()), 3),
                "span_p_r_f1": study.score(
                    corpus,
                    lambda i, h=held, t=threshold: not study.rows[i][5] or h[i] >= t,
                    lambda i: study.rows[i][3],
                ),
            }
        out[name] = row
    return out


def _kept_f1(study: Study, held: np.ndarray, corpus: str, threshold: float) -> float:
    return study.score(
        corpus, lambda i: not study.rows[i][5] or held[i] >= threshold, lambda i: study.rows[i][3]
    )[2]


def voice_thresholds(study: Study, held: np.ndarray) -> dict[str, object]:
    """The best pair of thresholds for open candidates outside and inside quotation marks."""
    grid = [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.99]
    quoted = [bool(r[4].get("quoted_short") or r[4].get("quoted_long")) for r in study.rows]

    def scores(writer: float, inside: float) -> dict[str, list[float]]:
        def keep(i: int) -> bool:
            return not study.rows[i][5] or held[i] >= (inside if quoted[i] else writer)

        return {c: study.score(c, keep, lambda i: study.rows[i][3]) for c in CORPORA}

    best = max(
        ((w, q) for w in grid for q in grid),
        key=lambda pair: (sum(s[2] for s in scores(*pair).values()), -pair[0], -pair[1]),
    )
    single = max(grid, key=lambda t: (sum(s[2] for s in scores(t, t).values()), -t))
    return {
        "one threshold": {"threshold": single, **scores(single, single)},
        "per voice": {"writer": best[0], "quoted": best[1], **scores(*best)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="folder of the eval corpora")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent / "results" / "loaded_study.json",
    )
    args = parser.parse_args(argv)
    study = Study(args.data)
    judge = json.loads(training.OUT.read_text(encoding="utf-8"))
    weights = np.array([judge["weights"][name] for name in training.FEATURES])
    shipped = [float(p) for p in 1.0 / (1.0 + np.exp(-(study.base @ weights)))]
    threshold = float(judge["threshold"])
    result = {
        "half": "study (the check half is never read)",
        "measure": "SemEval-2020 Task 11 partial credit, merged spans; [P, R, F1]",
        "miss_kinds": miss_kinds(study, shipped, threshold),
        "span_extensions": extensions(study, shipped, threshold),
        "candidate_sources": sources(study),
        "judge_variants": judge_variants(study),
        "voice_thresholds": voice_thresholds(study, study.held_aside(study.base)),
    }
    text = json.dumps(result, indent=1)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
