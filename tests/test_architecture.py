"""Layering: imports point one way (cli/api -> runner/store -> stages -> records)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "conflictwire"
STAGES = ("inputs", "clean", "nlp", "events", "geo", "output")
UPPER = ("store", "api", "cli", "runner", "evaluation", "distributed")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_stages_do_not_import_store_api_cli_or_runner() -> None:
    offenders = []
    for stage in STAGES:
        for path in (PACKAGE / stage).rglob("*.py"):
            for module in _imports(path):
                parts = module.split(".")
                if parts[0] == "conflictwire" and len(parts) > 1 and parts[1] in UPPER:
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert not offenders, offenders


def test_records_import_nothing_from_the_package() -> None:
    modules = _imports(PACKAGE / "records.py")
    assert not [m for m in modules if m.startswith("conflictwire")]


def test_library_never_prints() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "cli" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "print"
            ):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not offenders, offenders
