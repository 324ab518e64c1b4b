"""Determinism and isolation: same bytes every time, no shared state, no network."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import rhetorika
from rhetorika.cli import main
from rhetorika.pipeline import Analyzer, default_nlp

ROOT = Path(__file__).resolve().parent.parent
SRC = Path(rhetorika.__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "putin_imitates_peace_negotiations.txt").read_text(encoding="utf-8")
TEXTS = [
    SEED,
    SEED[:2000],
    "It may \u201cwork\u201d, critics say. Perhaps.\n\nDr. Smith disagreed!",
    '"' * 300 + " (((nested))) " + "\u05e9\u05dc\u05d5\u05dd \u200f\U0001f44d\U0001f3fd",
    "",
    "a\ud800b\x00c",
]


def _digest(reports: list[rhetorika.Report]) -> str:
    joined = "\n".join(rhetorika.to_json(report) for report in reports)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def test_json_is_identical_across_runs() -> None:
    """Analysing the same texts twice, with fresh Analyzers, gives byte-identical JSON."""
    first = [rhetorika.to_json(Analyzer().analyze(text)) for text in TEXTS]
    second = [rhetorika.to_json(Analyzer().analyze(text)) for text in TEXTS]
    assert first == second


def test_json_is_identical_across_processes() -> None:
    """pipe(n_process=2) gives byte for byte the JSON of one process."""
    analyzer = Analyzer()
    one = [rhetorika.to_json(r) for r in analyzer.pipe(TEXTS * 2)]
    two = [rhetorika.to_json(r) for r in analyzer.pipe(TEXTS * 2, n_process=2, batch_size=2)]
    assert one == two


_DIGEST_SCRIPT = textwrap.dedent(
    """
    import hashlib, json, sys
    import rhetorika
    from rhetorika.pipeline import Analyzer, default_nlp
    texts = json.loads(sys.stdin.read())
    text_path = [rhetorika.to_json(rhetorika.analyze(t)) for t in texts]
    doc_path = [rhetorika.to_json(Analyzer(nlp=default_nlp()).analyze(t)) for t in texts]
    print(hashlib.sha256("\\n".join(text_path + doc_path).encode("utf-8")).hexdigest())
    """
)


def _run_python(code: str, *, env: dict[str, str], stdin: str = "") -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert 0 == result.returncode, result.stderr
    return result.stdout


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), str(ROOT), env.get("PYTHONPATH", "")])
    env.update(extra)
    return env


def test_json_is_identical_whatever_the_hash_seed() -> None:
    """Subprocesses with different PYTHONHASHSEED values print the same JSON digest."""
    import json

    texts = json.dumps([t for t in TEXTS if "\ud800" not in t])
    digests = {
        seed: _run_python(_DIGEST_SCRIPT, env=_env(PYTHONHASHSEED=seed), stdin=texts).strip()
        for seed in ("0", "1", "4242")
    }
    assert 1 == len(set(digests.values())), digests
    assert 64 == len(digests["0"])


def _configurations() -> dict[str, Any]:
    small = default_nlp()
    small.max_length = 500  # forces the chunked path
    return {
        "all": Analyzer(),
        "readability": Analyzer(extractors=["readability"]),
        "doc path": Analyzer(nlp=default_nlp()),
        "chunked": Analyzer(nlp=small),
    }


def test_analyzers_with_different_configurations_do_not_interfere() -> None:
    """Four Analyzers shared by eight threads give exactly their sequential results."""
    analyzers = _configurations()
    expected = {
        name: [rhetorika.to_json(a.analyze(text)) for text in TEXTS]
        for name, a in analyzers.items()
    }
    jobs = [(name, index) for _ in range(3) for name in analyzers for index in range(len(TEXTS))]

    def run(job: tuple[str, int]) -> tuple[str, int, str]:
        name, index = job
        return name, index, rhetorika.to_json(analyzers[name].analyze(TEXTS[index]))

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, jobs))
    assert all(expected[name][index] == got for name, index, got in results)


def test_analyze_cache_is_safe_across_threads() -> None:
    """Threads calling analyze() with many extractor lists (evicting cache entries) all succeed."""
    names = rhetorika.available_extractors()
    lists = [None, *[[n] for n in names], list(names), list(reversed(names))] * 4
    expected = {
        i: rhetorika.to_json(rhetorika.analyze(TEXTS[2], extractors=e))
        for i, e in enumerate(lists)
    }

    def run(i: int) -> str:
        return rhetorika.to_json(rhetorika.analyze(TEXTS[2], extractors=lists[i]))

    with ThreadPoolExecutor(max_workers=8) as pool:
        got = dict(zip(range(len(lists)), pool.map(run, range(len(lists))), strict=True))
    assert expected == got


class _NoNetwork(socket.socket):
    def __init__(self, family: int = -1, *args: Any, **kwargs: Any) -> None:
        if family in (socket.AF_INET, socket.AF_INET6, -1):
            raise OSError("network access attempted")
        super().__init__(family, *args, **kwargs)


def _refuse(*args: object, **kwargs: object) -> Any:
    raise OSError("network access attempted")


def test_core_paths_make_no_network_access(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """With sockets blocked in this process, analyze, the Doc path, render and the CLI work."""
    monkeypatch.setattr(socket, "socket", _NoNetwork)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    with pytest.raises(OSError, match="network"):
        socket.create_connection(("example.com", 80))
    rhetorika.analyze(SEED)
    Analyzer(nlp=default_nlp()).analyze(SEED)
    render = getattr(rhetorika, "render", None)
    if render is not None:
        render(SEED[:500])
    source = tmp_path / "seed.txt"
    source.write_text(SEED, encoding="utf-8")
    out = tmp_path / "out.json"
    assert 0 == main(["analyze", str(source), "--format", "json", "-o", str(out)])


_BLOCKER = textwrap.dedent(
    """
    import socket

    class _NoNetwork(socket.socket):
        def __init__(self, family=-1, *args, **kwargs):
            if family in (socket.AF_INET, socket.AF_INET6, -1):
                raise OSError("network access attempted")
            super().__init__(family, *args, **kwargs)

    def _refuse(*args, **kwargs):
        raise OSError("network access attempted")

    socket.socket = _NoNetwork
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
    """
)

_IMPORT_AND_RUN = textwrap.dedent(
    """
    import socket, sys
    try:
        socket.create_connection(("example.com", 80))
    except OSError as error:
        assert "network access attempted" in str(error), error
    else:
        sys.exit("the socket blocker is not installed")
    import rhetorika
    from rhetorika.cli import main
    from rhetorika.pipeline import Analyzer, default_nlp
    text = open(sys.argv[1], encoding="utf-8").read()
    rhetorika.analyze(text)
    Analyzer(nlp=default_nlp()).analyze(text)
    assert 2 == len(list(Analyzer().pipe([text, text], n_process=2)))
    sys.exit(main(["analyze", sys.argv[1], "--format", "csv"]))
    """
)


def test_import_and_run_with_sockets_blocked_from_startup(tmp_path: Path) -> None:
    """A fresh interpreter whose sitecustomize blocks sockets imports and runs rhetorika."""
    (tmp_path / "sitecustomize.py").write_text(_BLOCKER, encoding="utf-8")
    env = _env()
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), env["PYTHONPATH"]])
    seed = ROOT / "seeds" / "putin_imitates_peace_negotiations.txt"
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_AND_RUN, str(seed)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert 0 == result.returncode, result.stderr[-2000:]
    assert result.stdout.startswith("source,")
