"""The README as a newcomer types it: CONTRACT.md's two commands, the shipped article, and the
output the README shows (issue 17, defects 7 and 8)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from conflictwire.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
RUN = "pip install -e . && conflictwire extract docs/example-article.txt"
TEST = 'pip install -e ".[test]" && pytest'


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end > 0 else None]


def _commands(section: str) -> list[str]:
    blocks = re.findall(r"```\n(.*?)```", section, re.S)
    return [line.split("#")[0].strip() for block in blocks for line in block.splitlines() if line]


def test_install_and_test_sections_hold_contracts_two_commands() -> None:
    assert _commands(_section("Install and run")) == [RUN]
    assert _commands(_section("Test")) == [TEST]
    assert "Python 3.11" in _section("Install and run")
    assert (ROOT / "docs" / "example-article.txt").is_file()


def test_ci_runs_the_readme_test_line() -> None:
    lines = [ln for ln in (ROOT / ".ci" / "run").read_text().splitlines() if ln.strip()]
    assert lines[-1].strip() == TEST


def test_the_test_extra_installs_what_the_tests_import() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    extra = re.search(r"^test = \[(.*?)^\]", pyproject, re.S | re.M)
    assert extra is not None
    for package in ("pytest", "httpx", "hypothesis", "psycopg", "dask", "playwright"):
        assert f'"{package}' in extra.group(1), package


def _shown(key: str) -> list[object]:
    example = _section("Example")
    return [json.loads(v) for v in re.findall(rf'"{key}": ("[^"]*"|\[[^\]]*\]|\d+)', example)]


def test_the_example_prints_what_the_readme_shows() -> None:
    article = ROOT / "docs" / "example-article.txt"
    shown = " ".join(_section("Example").split())
    assert " ".join(article.read_text(encoding="utf-8").split()) in shown  # the file as shown
    result = CliRunner().invoke(app, ["extract", "docs/example-article.txt"])
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    for key in ("event_date", "sub_event_type", "location", "certainty", "attribution"):
        assert [e[key] for e in events] == _shown(key), key
    assert [e["fatalities"] for e in events[:1]] == _shown("fatalities")
    start, end = _shown("start")[0], _shown("end")[0]
    assert (events[0]["evidence"][0]["start"], events[0]["evidence"][0]["end"]) == (start, end)
