"""Run the real ``rhetorika`` command in a child process, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_cli(
    *argv: str,
    cwd: Path = ROOT,
    umask: int | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m rhetorika.cli ARGV`` in ``cwd`` and wait for it.

    The child imports this checkout's ``src`` first, so an installed copy
    cannot stand in; ``umask`` is set in the child before it starts.
    """

    def set_umask() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run(
        [sys.executable, "-m", "rhetorika.cli", *argv],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        timeout=300,
        check=False,
        preexec_fn=set_umask,
    )
