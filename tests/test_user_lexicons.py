"""Tests for user lexicons: TSV, CSV and JSON files, validation errors, and how they combine."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rhetorika
from rhetorika import LexiconFormatError, LoadedCategory
from rhetorika.extractors.loaded import LoadedTermExtractor
from rhetorika.lexicons.loaded import COLUMNS, LoadedEntry, load_lexicon
from rhetorika.pipeline import default_nlp, make_doc

HEADER = "# rhetorika-lexicon: newsroom  format=1  version=3  license=CC0-1.0"
NLP = default_nlp()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def tsv(*rows: str, columns: str = "entry\tcategory\tintensity\talternatives") -> str:
    return "\n".join([HEADER, columns, *rows]) + "\n"


def found(extractor: LoadedTermExtractor, text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.category.value, t.lexicon) for t in extractor(make_doc(NLP, text))]


# ---- round trip -------------------------------------------------------------------

_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)
_entry = st.lists(_word, min_size=1, max_size=3).map(" ".join)
_row = st.fixed_dictionaries(
    {
        "entry": _entry,
        "category": st.sampled_from([c.value for c in LoadedCategory]),
        "intensity": st.sampled_from(["0.0", "0.25", "0.5", "1.0"]),
        "inflect": st.sampled_from(["-", "n", "v", "a"]),
        "alternatives": st.lists(_entry, max_size=2).map(";".join),
        "veto_prev": st.lists(_word, max_size=2).map(";".join),
        "note": st.sampled_from(["", "own", "from our style guide"]),
    }
)
_rows = st.lists(_row, min_size=1, max_size=6, unique_by=lambda r: r["entry"])


def _as_tsv(rows: list[dict[str, str]]) -> str:
    columns = list(rows[0])
    lines = [HEADER, "\t".join(columns)] + ["\t".join(r[c] for c in columns) for r in rows]
    return "\n".join(lines) + "\n"


def _as_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return HEADER + "\n" + out.getvalue()


def _as_json(rows: list[dict[str, str]]) -> str:
    entries = []
    for row in rows:
        item: dict[str, object] = dict(row)
        item["intensity"] = float(row["intensity"])
        item["alternatives"] = [a for a in row["alternatives"].split(";") if a]
        entries.append(item)
    data = {
        "rhetorika-lexicon": "newsroom",
        "format": 1,
        "version": 3,
        "license": "CC0-1.0",
        "entries": entries,
    }
    return json.dumps(data, indent=2)


def _comparable(entry: LoadedEntry) -> tuple[object, ...]:
    return (
        entry.entry,
        entry.category,
        entry.intensity,
        entry.inflect,
        entry.alternatives,
        entry.veto_prev,
        entry.note,
        entry.lexicon,
    )


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_rows)
def test_round_trip_tsv_csv_json(tmp_path: Path, rows: list[dict[str, str]]) -> None:
    """The same entries written as TSV, CSV and JSON load to the same lexicon."""
    loaded = [
        load_lexicon(write(tmp_path, "lex.tsv", _as_tsv(rows))),
        load_lexicon(write(tmp_path, "lex.csv", _as_csv(rows))),
        load_lexicon(write(tmp_path, "lex.json", _as_json(rows))),
    ]
    expected = [row["entry"] for row in rows]
    for lexicon in loaded:
        assert "newsroom.v3" == lexicon.id
        assert expected == [entry.entry for entry in lexicon.entries]
    first = [_comparable(e) for e in loaded[0].entries]
    assert first == [_comparable(e) for e in loaded[1].entries]
    assert first == [_comparable(e) for e in loaded[2].entries]


def test_csv_and_tsv_keep_line_numbers(tmp_path: Path) -> None:
    """Entries remember their line in the file, comments and blank lines counted."""
    text = tsv("# a comment", "", "junk food\tpejorative\t0.4\t")
    assert [4 + 1] == [e.line for e in load_lexicon(write(tmp_path, "a.tsv", text)).entries]


# ---- how user lexicons combine with the built-in one -----------------------------------


def test_extend_adds_entries_with_their_lexicon_id(tmp_path: Path) -> None:
    """mode='extend' adds user entries; each result names the lexicon it came from."""
    path = write(tmp_path, "news.tsv", tsv("junk food\tpejorative\t0.4\tprocessed food"))
    extractor = LoadedTermExtractor(lexicons=[path])
    assert "loaded.v1+newsroom.v3" == extractor.lexicon_id
    assert [("regime", "pejorative", "loaded.v1"), ("junk food", "pejorative", "newsroom.v3")] == (
        found(extractor, "The regime sold junk food.")
    )


def test_one_loaded_lexicon_is_taken_like_one_path(tmp_path: Path) -> None:
    """lexicons=load_lexicon(path) finds what lexicons=[path] finds, as lexicons=path does."""
    path = write(tmp_path, "news.tsv", tsv("junk food\tpejorative\t0.4\tprocessed food"))
    one = LoadedTermExtractor(lexicons=load_lexicon(path))
    assert "loaded.v1+newsroom.v3" == one.lexicon_id
    text = "The regime sold junk food."
    assert found(LoadedTermExtractor(lexicons=[path]), text) == found(one, text)


def test_extend_refuses_to_redefine_a_builtin_entry(tmp_path: Path) -> None:
    """mode='extend' rejects an entry the built-in lexicon has, naming file and line."""
    path = write(tmp_path, "news.tsv", tsv("regime\tcontested\t0.3\tgovernment"))
    with pytest.raises(LexiconFormatError) as info:
        LoadedTermExtractor(lexicons=[path])
    assert info.value.line == 3
    assert str(path) in str(info.value)
    assert "mode='override'" in str(info.value)


def test_override_replaces_and_switches_off(tmp_path: Path) -> None:
    """mode='override' replaces a built-in entry; category 'off' removes one."""
    path = write(tmp_path, "news.tsv", tsv("regime\tcontested\t0.3\tgovernment", "thug\toff\t\t"))
    extractor = LoadedTermExtractor(lexicons=[path], mode="override")
    assert [("regime", "contested", "newsroom.v3")] == found(extractor, "The regime's thugs.")


def test_replace_uses_only_user_entries(tmp_path: Path) -> None:
    """mode='replace' drops the built-in lexicon altogether."""
    path = write(
        tmp_path,
        "news.json",
        _as_json(
            [{"entry": "junk food", "category": "emotive", "intensity": "0.5", "alternatives": ""}]
        ),
    )
    extractor = LoadedTermExtractor(lexicons=[path], mode="replace")
    assert "newsroom.v3" == extractor.lexicon_id
    assert [("junk food", "emotive", "newsroom.v3")] == found(
        extractor, "The regime sold junk food."
    )


def test_off_needs_override(tmp_path: Path) -> None:
    """Category 'off' in mode='extend' is an error naming file and line."""
    path = write(tmp_path, "news.tsv", tsv("thug\toff\t\t"))
    with pytest.raises(LexiconFormatError, match=r"news\.tsv, line 3: category 'off'"):
        LoadedTermExtractor(lexicons=[path])


def test_analyzer_accepts_a_configured_extractor(tmp_path: Path) -> None:
    """An Analyzer runs a LoadedTermExtractor built with a user lexicon."""
    path = write(tmp_path, "news.tsv", tsv("junk food\tpejorative\t0.4\t"))
    analyzer = rhetorika.Analyzer(extractors=[LoadedTermExtractor(lexicons=[path])])
    report = analyzer.analyze("They sold junk food.")
    assert report.loaded_terms is not None
    assert ["junk food"] == [t.text for t in report.loaded_terms]


# ---- bad files ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "line", "fragment"),
    [
        ("a.tsv", tsv("regime\trude\t0.5\t"), 3, "unknown category 'rude'"),
        ("a.tsv", tsv("regime\tpejorative\t1.5\t"), 3, "outside [0, 1]"),
        ("a.tsv", tsv("regime\tpejorative\tstrong\t"), 3, "is not a number"),
        ("a.tsv", tsv("reg(ime)+\tpejorative\t0.5\t"), 3, "not a pattern"),
        ("a.tsv", tsv("(a+)+$\tpejorative\t0.5\t"), 3, "not a pattern"),
        (
            "a.tsv",
            tsv("junk\temotive\t\t", "Junk\tpejorative\t\t"),
            4,
            "repeats the entry on line 3",
        ),
        ("a.tsv", tsv("junk\temotive", columns="entry\tcategory\trule"), 3, "expected 3"),
        (
            "a.tsv",
            tsv("junk\temotive\tshout", columns="entry\tcategory\trule"),
            3,
            "unknown rule 'shout'",
        ),
        (
            "a.tsv",
            tsv("junk\temotive\tx", columns="entry\tcategory\tinflect"),
            3,
            "unknown inflect 'x'",
        ),
        (
            "a.tsv",
            tsv("junk\temotive\tNOUNY", columns="entry\tcategory\tpos"),
            3,
            "unknown POS tags ['NOUNY']",
        ),
        (
            "a.tsv",
            tsv("junk\temotive", columns="entry\tcategory\tcolour"),
            2,
            "unknown ['colour']",
        ),
        ("a.tsv", "entry\tcategory\njunk\temotive\n", 1, "expected the header"),
        ("a.csv", HEADER + '\nentry,category\n"junk\nfood",emotive\n', 3, "spans several lines"),
        ("a.csv", HEADER + "\nentry,category\njunk,loud\n", 3, "unknown category 'loud'"),
        (
            "a.json",
            '{"rhetorika-lexicon": "x", "format": 1,\n "version": 1,\n "entries": [}',
            3,
            "invalid JSON",
        ),
        (
            "a.json",
            '{"rhetorika-lexicon": "x", "format": 1, "version": 1, "entries": [\n'
            '  {"entry": "junk", "category": "emotive"},\n  {"entry": "bad", "colour": "red"}\n]}',
            3,
            "unknown fields ['colour']",
        ),
        (
            "a.json",
            '{"rhetorika-lexicon": "x", "format": 1, "version": 1, "entries": [\n'
            '  {"entry": "junk", "category": "emotive"},\n'
            '  {"entry": "bad", "category": "rude"}\n]}',
            3,
            "unknown category 'rude'",
        ),
        (
            "a.json",
            '{"rhetorika-lexicon": "x", "format": 1, "version": 1, "entries": [\n'
            '  {"entry": "junk", "category": true}\n]}',
            2,
            "must be a string",
        ),
        ("a.json", '["not", "an", "object"]', 1, "expected a JSON object"),
    ],
)
def test_bad_files_name_file_and_line(
    tmp_path: Path, name: str, text: str, line: int, fragment: str
) -> None:
    """Every malformed file raises LexiconFormatError naming the file, the line and the fault."""
    path = write(tmp_path, name, text)
    with pytest.raises(LexiconFormatError) as info:
        load_lexicon(path)
    assert str(path) == info.value.path
    assert line == info.value.line
    assert f"{path}, line {line}:" in str(info.value)
    assert fragment in str(info.value)


def test_unknown_extension_and_missing_file(tmp_path: Path) -> None:
    """A file of unknown format or a missing file is an error naming the path."""
    with pytest.raises(LexiconFormatError, match=r"use one of \.tsv, \.csv, \.json"):
        load_lexicon(write(tmp_path, "a.yaml", "entries: []"))
    with pytest.raises(LexiconFormatError, match="cannot read the file"):
        load_lexicon(tmp_path / "absent.tsv")


def test_deeply_nested_json_is_a_format_error(tmp_path: Path) -> None:
    """A JSON file nested too deeply for the parser is a LexiconFormatError, not a crash."""
    text = '{"rhetorika-lexicon": "x", "entries": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(LexiconFormatError, match="nested too deeply"):
        load_lexicon(write(tmp_path, "deep.json", text))


def test_a_path_inside_a_lexicon_is_only_data(tmp_path: Path) -> None:
    """A field that looks like a path is kept as text; no other file is opened."""
    secret = write(tmp_path, "secret.tsv", tsv("zebra\temotive\t0.5\t"))
    path = write(tmp_path, "a.tsv", tsv(f"junk\temotive\t0.5\t{secret}"))
    (entry,) = load_lexicon(path).entries
    assert (str(secret),) == entry.alternatives
    assert [] == [t for t in LoadedTermExtractor(lexicons=[path]).entries if t.entry == "zebra"]


def test_columns_are_documented() -> None:
    """Every column a lexicon may have is described in the how-to guide."""
    guide = Path(__file__).resolve().parent.parent / "docs" / "how-to" / "custom-lexicons.md"
    page = guide.read_text(encoding="utf-8")
    assert [] == [column for column in COLUMNS if f"`{column}`" not in page]


@pytest.mark.parametrize("item", [42, None, b"newsroom.v3.tsv"])
def test_a_lexicon_that_is_not_a_path_says_what_is_expected(item: object) -> None:
    """A lexicon that is neither a path nor a LoadedLexicon is refused, saying what to pass."""
    expected = (
        "a lexicon must be a file path (str or os.PathLike) or a LoadedLexicon "
        f"from load_lexicon(), got {type(item).__name__}"
    )
    with pytest.raises(rhetorika.ArgumentTypeError) as info:
        LoadedTermExtractor(lexicons=[item])  # type: ignore[list-item]
    assert expected == str(info.value)
    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "# rhetorika-lexicon: newsroom  version=3  license=CC0-1.0",
            "the header has no format; give it as format=1",
        ),
        (
            "# rhetorika-lexicon: newsroom  format=1  license=CC0-1.0",
            "the header has no version; give it as version=<whole number>, e.g. version=1",
        ),
    ],
)
def test_a_header_without_format_or_version_says_what_to_add(
    tmp_path: Path, header: str, expected: str
) -> None:
    """A header that leaves out format= or version= says which one to add, and how."""
    path = write(tmp_path, "a.tsv", f"{header}\nentry\tcategory\nsheeple\tpejorative\n")
    with pytest.raises(LexiconFormatError) as info:
        load_lexicon(path)
    assert f"{path}, line 1: {expected}" == str(info.value)
