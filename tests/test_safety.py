"""Untrusted data: lexicons are data only, outputs are never clobbered, HTML is escaped."""

from __future__ import annotations

import ast
import builtins
import contextlib
import io
import os
import pathlib
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import rhetorika
from rhetorika.cli import _output as _files
from rhetorika.cli import _parser, main
from rhetorika.exceptions import ConfigurationError
from rhetorika.lexicons import available_lexicons, read_builtin, read_rows
from rhetorika.lexicons.loaded import load_lexicon
from rhetorika.lexicons.user import read_user_file

SRC = Path(rhetorika.__file__).resolve().parent
UNSAFE_MODULES = {"pickle", "cPickle", "dill", "marshal", "shelve", "yaml", "jsonpickle"}
UNSAFE_CALLS = {"eval", "exec", "compile", "__import__"}
# The one exception, and why: the worker pool's parent unpickles only the bytes
# its own worker processes pickled, over the pool's private pipe, as
# concurrent.futures itself does with every result (it does so explicitly to
# pause the garbage collector while it rebuilds a batch).
TRUSTED_PICKLE = {"_parallel.py": ["pickle"]}


def _python_files() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: str(p.relative_to(SRC)))
def test_package_never_deserialises_code(path: Path) -> None:
    """No module imports pickle, marshal, shelve or YAML, or calls eval/exec/compile.

    Except the worker pool, which unpickles what its own workers sent (see above).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in UNSAFE_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in UNSAFE_MODULES:
                found.append(node.module)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in UNSAFE_CALLS
        ):
            found.append(f"{node.func.id}()")
    assert TRUSTED_PICKLE.get(str(path.relative_to(SRC)), []) == found


class _FileWatch:
    """Records every file opened through the usual Python entry points."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened: list[str] = []
        real_open = builtins.open

        def watched_open(file: Any, *args: Any, **kwargs: Any) -> Any:
            self.opened.append(str(file))
            return real_open(file, *args, **kwargs)

        def watch(method: Callable[..., Any]) -> Callable[..., Any]:
            def wrapper(path: Any, *args: Any, **kwargs: Any) -> Any:
                self.opened.append(str(path))
                return method(path, *args, **kwargs)

            return wrapper

        monkeypatch.setattr(builtins, "open", watched_open)
        monkeypatch.setattr(io, "open", watched_open)
        for name in ("open", "read_text", "read_bytes"):
            monkeypatch.setattr(pathlib.Path, name, watch(getattr(pathlib.Path, name)))
        real_os_open = os.open
        monkeypatch.setattr(os, "open", watch(real_os_open))


HOSTILE_PATHS = [
    "../../../../etc/passwd",
    "/etc/passwd",
    "file:///etc/passwd",
    "~/.ssh/id_rsa",
    "@include /etc/hostname",
    "!!python/object/apply:os.system ['id']",
    "__import__('os').system('id')",
]


def _lexicon_lines(secret: Path) -> list[str]:
    header = f"# rhetorika-lexicon: evil  format=1  version=1  include={secret}  path=../x"
    rows = [f"{text}\tpejorative" for text in [*HOSTILE_PATHS, str(secret)]]
    return [header, f"# see {secret}", "term\tcategory", *rows]


def test_paths_in_a_lexicon_are_data_not_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """read_rows opens no file, whatever paths the lexicon names; they come back as text."""
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me", encoding="utf-8")
    lines = _lexicon_lines(secret)
    watch = _FileWatch(monkeypatch)
    header, rows = read_rows(lines, path="evil.tsv", required=("term", "category"))
    assert [] == watch.opened
    assert [*HOSTILE_PATHS, str(secret)] == [row.fields["term"] for row in rows]
    assert ("include", str(secret)) in header.extra


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json"])
def test_user_lexicon_file_opens_only_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """A user lexicon naming other files makes rhetorika open only the lexicon itself."""
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me", encoding="utf-8")
    lines = _lexicon_lines(secret)
    if fmt == "tsv":
        content = "\n".join(lines)
    elif fmt == "csv":
        content = "\n".join(line.replace("\t", ",") for line in lines)
    else:
        import json

        entries = [{"term": t, "category": "pejorative"} for t in [*HOSTILE_PATHS, str(secret)]]
        content = json.dumps(
            {
                "rhetorika-lexicon": "evil",
                "format": 1,
                "version": 1,
                "license": "MIT",
                "include": str(secret),
                "entries": entries,
            }
        )
    lexicon = tmp_path / f"evil.{fmt}"
    lexicon.write_text(content, encoding="utf-8")
    watch = _FileWatch(monkeypatch)
    with contextlib.suppress(rhetorika.RhetorikaError):  # refusing it is fine
        read_user_file(lexicon, required=("term", "category"))
    assert all(Path(name).resolve() == lexicon.resolve() for name in watch.opened)


@pytest.mark.parametrize(
    "resource", ["../__init__.py", "../../rhetorika/__init__.py", "/etc/passwd", ".hidden", ""]
)
def test_builtin_lexicon_names_cannot_leave_the_package(resource: str) -> None:
    """read_builtin refuses names with a path in them, listing the real lexicons."""
    with pytest.raises(ConfigurationError, match="not the file name of a built-in lexicon"):
        read_builtin(resource, required=("term",))


@pytest.mark.parametrize("name", available_lexicons())
def test_builtin_lexicons_open_only_themselves(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a shipped lexicon opens that one resource and nothing else."""
    watch = _FileWatch(monkeypatch)
    with contextlib.suppress(rhetorika.LexiconFormatError):  # columns differ per lexicon
        read_builtin(name, required=())
    assert all(Path(opened).name == name for opened in watch.opened)


# --- Output files ---


def _commands_with_output() -> list[str]:
    parser = _parser()
    commands = next(action for action in parser._actions if action.dest == "command").choices  # type: ignore[union-attr]
    return sorted(
        name
        for name, sub in commands.items()
        if any("--output" in action.option_strings for action in sub._actions)
    )


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """A small input file."""
    path = tmp_path / "article.txt"
    path.write_text("It may rain. Officials \u201cwelcomed\u201d the plan.", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", _commands_with_output())
def test_existing_output_is_kept_without_force(command: str, article: Path) -> None:
    """Without --force an existing output file keeps its bytes and the exit code is 1."""
    out = article.parent / "out.csv"
    out.write_bytes(b"precious")
    err = io.StringIO()
    code = main([command, str(article), "-o", str(out)], stdout=io.StringIO(), stderr=err)
    assert 1 == code
    assert b"precious" == out.read_bytes()
    assert "--force" in err.getvalue()
    code = main(
        [command, str(article), "-o", str(out), "--force"], stdout=io.StringIO(), stderr=err
    )
    assert 0 == code
    assert b"precious" != out.read_bytes()


def _crash_midway(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """Make the output write half its bytes, then fail with ``error``."""
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __getattr__(self, name: str) -> Any:  # readable(), closed, ... for wrappers
            return getattr(self.handle, name)

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise error

    monkeypatch.setattr(_files.os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))


@pytest.mark.parametrize("command", _commands_with_output())
@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
@pytest.mark.parametrize("existing", [False, True])
def test_failed_write_leaves_no_half_file(
    command: str,
    article: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: BaseException,
    existing: bool,
) -> None:
    """A write that fails midway leaves no temporary file and the old output (or none)."""
    out = article.parent / "out.csv"
    if existing:
        out.write_bytes(b"previous run")
    _crash_midway(monkeypatch, error)
    argv = [command, str(article), "-o", str(out), "--force"]
    if isinstance(error, KeyboardInterrupt):
        with pytest.raises(KeyboardInterrupt):
            main(argv, stdout=io.StringIO(), stderr=io.StringIO())
    else:
        err = io.StringIO()
        assert 1 == main(argv, stdout=io.StringIO(), stderr=err)
        assert "cannot write" in err.getvalue()
    left = sorted(p.name for p in article.parent.iterdir())
    assert (["article.txt", "out.csv"] if existing else ["article.txt"]) == left
    if existing:
        assert b"previous run" == out.read_bytes()


@pytest.mark.parametrize("command", _commands_with_output())
def test_output_into_a_missing_directory_is_an_error_message(command: str, article: Path) -> None:
    """-o into a directory that does not exist exits 1 with a message, not a traceback."""
    err = io.StringIO()
    target = article.parent / "missing" / "out.csv"
    assert 1 == main([command, str(article), "-o", str(target)], stdout=io.StringIO(), stderr=err)
    assert "cannot write there" in err.getvalue()
    assert not target.parent.exists()


# --- HTML ---

HOSTILE_HTML = [
    "<script>alert(1)</script>",
    '"onmouseover="alert(1)',
    "</style><script>alert(2)</script>",
    "<img src=x onerror=alert(3)>",
    "' onfocus='alert(4)",
    "</textarea></title><!--",
]


class _Structure(HTMLParser):
    """What a browser would build: tags, attributes, comments and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.comments: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]
        self.text += [value for _, value in attrs if value]

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("style", ["page", "fragment"])
@pytest.mark.parametrize("payload", HOSTILE_HTML)
def test_render_escapes_hostile_text(style: str, payload: str) -> None:
    """Markup in the text stays text: no script, no event handler, no comment, one style."""
    text = f"Officials may \u201c{payload}\u201d the so-called {payload} plan. {payload}"
    structure = _Structure()
    structure.feed(rhetorika.render(text, style=style, title=payload))
    structure.close()
    assert not {"script", "img", "textarea", "iframe"} & set(structure.tags)
    assert 1 == structure.tags.count("style")
    assert [] == [name for name in structure.attributes if name.startswith("on")]
    assert [] == structure.comments
    assert payload in "".join(structure.text)


@pytest.mark.parametrize("pattern", ["(a+)+$", "(x|x)*y", ".*", "a{1,100000}", "[^\\W]+"])
def test_user_lexicon_entries_cannot_be_patterns(tmp_path: Path, pattern: str) -> None:
    """A regular expression in a user lexicon (one that could backtrack) is refused."""
    path = tmp_path / "patterns.tsv"
    path.write_text(
        "# rhetorika-lexicon: patterns  format=1  version=1  license=MIT\n"
        f"entry\tcategory\n{pattern}\tpejorative\n",
        encoding="utf-8",
    )
    with pytest.raises(rhetorika.LexiconFormatError, match="line 3"):
        load_lexicon(path)
