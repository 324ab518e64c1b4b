"""What the output-identity scripts share: the texts they read, and dump / compare.

``same_quotes.py`` and ``same_loaded.py`` prove that a speed change leaves an
extractor's output exactly as it was: ``dump`` records everything it finds
in many texts with one version of rhetorika (``PYTHONPATH`` decides which),
``compare`` reads two dumps and prints how many texts differ and the first
differences. Each script says what a text's record holds.
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def read_texts(corpus: Path, eval_dir: Path) -> list[str]:
    """The bench texts, then each distinct text of the eval folder's ``*.jsonl`` files."""
    texts = []
    seen = set()
    for path in [corpus, *sorted(eval_dir.glob("*.jsonl"))]:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line)["text"]
                if text not in seen:
                    seen.add(text)
                    texts.append(text)
    return texts


def _parts(record: Any) -> list[tuple[Any, Any]]:
    """A record's named parts: a dict's items, else a sequence's numbered items."""
    return list(record.items()) if isinstance(record, dict) else list(enumerate(record))


def dump_or_compare(
    argv: Sequence[str] | None,
    *,
    description: str,
    eval_help: str,
    dump: Callable[[list[str]], tuple[list[Any], str]],
    generated: Callable[[int], list[str]],
) -> int:
    """Run the ``dump`` or ``compare`` command; the exit status is 1 when dumps differ.

    ``dump`` turns the texts into one record per text and a line saying
    what was found; ``generated(count)`` gives the script's own made-up texts.
    """
    parser = argparse.ArgumentParser(description=description)
    sub = parser.add_subparsers(dest="command", required=True)
    dumping = sub.add_parser("dump")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--corpus", type=Path, required=True)
    dumping.add_argument("--eval", type=Path, required=True, help=eval_help)
    dumping.add_argument("--generated", type=int, default=3000)
    comparing = sub.add_parser("compare")
    comparing.add_argument("old", type=Path)
    comparing.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        texts = read_texts(args.corpus, args.eval) + generated(args.generated)
        records, summary = dump(texts)
        args.out.write_bytes(pickle.dumps(records))
        print(f"{len(texts)} texts, {summary}")
        return 0
    old = pickle.loads(args.old.read_bytes())
    new = pickle.loads(args.new.read_bytes())
    if len(old) != len(new):
        print(f"different numbers of texts: {len(old)} and {len(new)}")
        return 1
    differing = [index for index, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    parts = sum(len(_parts(record)) for record in old)
    print(f"{len(old)} texts, {parts} records; {len(differing)} texts differ")
    for index in differing[:5]:
        after = dict(_parts(new[index]))
        for key, before in _parts(old[index]):
            if before != after.get(key):
                print(f"text {index}, {key}:\n  old {before}\n  new {after.get(key)}")
    return 1 if differing else 0
