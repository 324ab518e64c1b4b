"""benchmarks/sample_boosters.py on made-up texts: decisions, the guard, the judged figures.

The script's figures (benchmarks/README.md) need the bench corpus and a
hand-judged sample; how it classifies and counts does not, and is tested here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.scripts import ROOT, load_script

sample = load_script("benchmarks/sample_boosters.py")

TEXT = (
    "All Americans deserve better. The state tracks all gun sales. "
    "I am not sure it will never happen."
)


def test_each_candidate_is_kept_dropped_or_read_as_a_hedge() -> None:
    """A sweeping "All" is kept, "all gun sales" dropped, "not sure" a hedge, "never" kept."""
    rows = sample.decisions(TEXT)
    assert [
        ("All", "kept", "sweeping_all"),
        ("all", "dropped", "sweeping_all"),
        ("sure", "hedge", "certainty_predicative"),
        ("never", "kept", "universal_not_single_event"),
    ] == [(r["cue"], r["decision"], r["rule"]) for r in rows]
    assert ["I am not sure it will never happen."] == sorted(
        {r["sentence"] for r in rows if r["cue"] in ("sure", "never")}
    )


def test_draw_refuses_to_write_the_sample_into_the_repository(tmp_path: Path) -> None:
    """The sample quotes the corpus, so an --out inside the repository is refused."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "d1", "text": TEXT}) + "\n", encoding="utf-8")
    out = ROOT / "sample-should-not-exist.jsonl"
    argv = ["draw", "--corpus", str(corpus), "--seed", "1", "--out", str(out)]
    assert 2 == sample.main(argv)
    assert not out.exists()


def test_score_counts_judged_candidates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two kept boosters judged right and two rejected non-boosters: precision 1, recall 1."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "d1", "text": TEXT}) + "\n", encoding="utf-8")
    drawn = tmp_path / "sample.jsonl"
    argv = ["draw", "--corpus", str(corpus), "--seed", "1", "--per-side", "5", "--out", str(drawn)]
    assert 0 == sample.main(argv)
    keys = [json.loads(line)["key"] for line in drawn.read_text(encoding="utf-8").splitlines()[1:]]
    labels = {"d1@0-3": "universal", "d1@47-50": "no", "d1@71-75": "no", "d1@84-89": "universal"}
    assert sorted(labels) == sorted(keys)
    judged = tmp_path / "judged.tsv"
    judged.write_text(
        "key\tlabel\n" + "".join(f"{k}\t{v}\n" for k, v in labels.items()), encoding="utf-8"
    )
    capsys.readouterr()
    argv = ["score", "--corpus", str(corpus), "--sample", str(drawn), "--judged", str(judged)]
    assert 0 == sample.main(argv)
    printed = capsys.readouterr().out.splitlines()
    rows = [line.split() for line in printed]
    kept, rejected = (
        rows.index(["all", "all", "2/2", "1.000"]),
        rows.index(["all", "all", "0/2", "0.000"]),
    )
    assert printed[kept - 1].startswith("kept: precision")
    assert printed[rejected - 1].startswith("rejected: share that are boosters")
    assert "weighted to the corpus: kept precision 1.000, recall among candidates 1.000" in printed
    assert "changed since the draw: none" in printed
