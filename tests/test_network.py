"""What each entry point does with sockets, recorded in a fresh interpreter (issue #20).

The reliability page promises no connection, ever, and says precisely what
does happen: on paths that import spaCy, urllib3 (spaCy -> requests) checks
at import whether IPv6 works by binding a socket to ``('::1', 0)``; it never
connects. Each path runs in a subprocess whose ``sitecustomize`` records
every socket, bind and connect, inside ``unshare -n`` (an empty network
namespace) where the machine allows it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "putin_imitates_peace_negotiations.txt"

_RECORDER = textwrap.dedent(
    """
    import atexit, os, socket

    _log = []

    class _Recorded(socket.socket):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            super().__init__(family, type, proto, fileno)
            _log.append(f"socket {socket.AddressFamily(self.family).name}")

        def bind(self, address):
            if self.family == getattr(socket, "AF_UNIX", None):  # a local file, not the network
                _log.append("bind a Unix-domain socket")
                return super().bind(address)
            _log.append(f"bind {address!r}")
            return super().bind(address)

        def connect(self, address):
            if self.family == getattr(socket, "AF_UNIX", None):
                _log.append("connect a Unix-domain socket")
                return super().connect(address)
            _log.append(f"connect {address!r}")
            raise OSError("network access attempted")

        def connect_ex(self, address):
            _log.append(f"connect {address!r}")
            raise OSError("network access attempted")

    def _refuse(address, *args, **kwargs):
        _log.append(f"connect {address!r}")
        raise OSError("network access attempted")

    socket.socket = _Recorded
    socket.create_connection = _refuse

    @atexit.register
    def _write():
        with open(os.environ["RHETORIKA_SOCKET_LOG"], "a", encoding="utf-8") as out:
            out.write("".join(line + "\\n" for line in _log))
    """
)

PATHS = {
    "import": "import rhetorika",
    "analyze": "import rhetorika; rhetorika.analyze(TEXT)",
    "render": "import rhetorika; rhetorika.render(TEXT)",
    "doc": (
        "from rhetorika.pipeline import Analyzer, default_nlp; "
        "Analyzer(nlp=default_nlp()).analyze(TEXT)"
    ),
    "pipe": (
        "from rhetorika import Analyzer\n"
        "if __name__ == '__main__':\n"
        "    assert 2 == len(list(Analyzer().pipe([TEXT, TEXT], n_process=2)))"
    ),
    "cli-analyze": "from rhetorika.cli import main; main(['analyze', SEED, '-o', '-'])",
    "cli-highlight": "from rhetorika.cli import main; main(['highlight', SEED, '-o', '-'])",
    "cli-features": "from rhetorika.cli import main; main(['features', SEED, '-o', '-'])",
}
# The one path here that imports spaCy (the default Analyzer and the CLI
# tokenize without it); every other path touches no socket at all.
WITH_SPACY = {"doc"}
# What urllib3's import-time IPv6 check does, and nothing else may happen.
IPV6_CHECK = ["socket AF_INET6", "bind ('::1', 0)"]
# Workers started from a fork server: the caller asks it for each worker
# over a Unix-domain socket (a file-system name, never the network).
FORK_SERVER = {"pipe"}
UNIX_EVENTS = {"socket AF_UNIX", "bind a Unix-domain socket", "connect a Unix-domain socket"}


def _no_network_prefix() -> list[str]:
    """``unshare -n`` when it works here, else nothing (the recorder still sees every call)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return []
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True, check=False)
    return [unshare, "-n"] if probe.returncode == 0 else []


@pytest.mark.parametrize("path", sorted(PATHS))
def test_no_path_connects_and_only_the_ipv6_check_binds(tmp_path: Path, path: str) -> None:
    """Each path opens no connection; only urllib3's IPv6 check binds, to ('::1', 0)."""
    (tmp_path / "sitecustomize.py").write_text(_RECORDER, encoding="utf-8")
    script = tmp_path / "run.py"
    script.write_text(
        f"SEED = {str(SEED)!r}\nTEXT = open(SEED, encoding='utf-8').read()\n{PATHS[path]}\n",
        encoding="utf-8",
    )
    log = tmp_path / "sockets.log"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT / "src")]),
        "RHETORIKA_SOCKET_LOG": str(log),
    }
    done = subprocess.run(
        [*_no_network_prefix(), sys.executable, str(script)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert 0 == done.returncode, done.stderr[-2000:]
    events = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    if path in FORK_SERVER:
        events = [event for event in events if event not in UNIX_EVENTS]
    assert not [event for event in events if event.startswith("connect")]
    assert (IPV6_CHECK if path in WITH_SPACY else []) == events
