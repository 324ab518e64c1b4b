"""Tests for the extractor registry and entry-point plug-ins."""

from __future__ import annotations

from importlib.metadata import EntryPoint

import pytest

import rhetorika
from rhetorika import extractors
from rhetorika.typing import Extractor

PLUGIN = EntryPoint(
    name="exclamations", value="tests.plugin_example:make", group=extractors.ENTRY_POINT_GROUP
)


@pytest.fixture
def with_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend an installed package advertises the example plug-in."""
    monkeypatch.delenv("RHETORIKA_NO_PLUGINS", raising=False)
    monkeypatch.setattr(extractors, "entry_points", lambda group: [PLUGIN])


def test_builtin_extractors_follow_the_protocol() -> None:
    """Every built-in extractor is an Extractor whose name is its registry name."""
    for name in extractors.BUILTIN_FIELDS:
        made = extractors.create_extractor(name)
        assert isinstance(made, Extractor)
        assert name == made.name


@pytest.mark.usefixtures("with_plugin")
def test_plugin_is_discovered_and_runs() -> None:
    """An entry-point plug-in is listed after the built-ins and its results land in extensions."""
    assert "exclamations" == rhetorika.available_extractors()[-1]
    report = rhetorika.Analyzer(extractors=["exclamations"]).analyze("Stop! Now!")
    assert {"exclamations": 2} == dict(report.extensions)


@pytest.mark.usefixtures("with_plugin")
def test_plugins_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """RHETORIKA_NO_PLUGINS=1 hides every plug-in."""
    monkeypatch.setenv("RHETORIKA_NO_PLUGINS", "1")
    assert "exclamations" not in rhetorika.available_extractors()
    with pytest.raises(rhetorika.UnknownExtractorError):
        extractors.create_extractor("exclamations")
