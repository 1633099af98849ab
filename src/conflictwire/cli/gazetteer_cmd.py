"""``conflictwire gazetteer build|info|import``: manage the offline gazetteer index."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]

gazetteer_app = typer.Typer(
    help="Build, inspect and extend the offline gazetteer index.", no_args_is_help=True
)


@gazetteer_app.command("build")
def build() -> None:
    """Build the index from the bundled data and your imports (replaces it atomically)."""
    from conflictwire.geo.geocoder import build_index

    path = build_index()
    typer.echo(f"gazetteer index written to {path}")


@gazetteer_app.command("info")
def info() -> None:
    """Where the index is, how big, and which imports it holds."""
    from conflictwire.geo.geocoder import imports_dir
    from conflictwire.geo.store import Gazetteer, index_path

    path = index_path()
    if not path.is_file():
        typer.echo(f"no index yet at {path} (built on first use, or by `gazetteer build`)")
    else:
        view = Gazetteer.load(path)
        size = path.stat().st_size / 1e6
        typer.echo(f"index: {path} ({size:.1f} MB)")
        typer.echo(f"places: {len(view)}, names: {view.n_keys}")
    imports = sorted(imports_dir().glob("*.jsonl")) if imports_dir().is_dir() else []
    typer.echo(f"imports: {len(imports)}" + "".join(f"\n  {p.name}" for p in imports))


@gazetteer_app.command("import")
def import_(
    file: Annotated[
        Path,
        typer.Argument(
            exists=True,
            dir_okay=False,
            readable=True,
            help="GeoNames dump (.zip/.txt), alternateNames, or CSV.",
        ),
    ],
    rebuild: Annotated[bool, typer.Option(help="Rebuild the index right away.")] = True,
) -> None:
    """Add places: a GeoNames dump (UA.zip, allCountries.zip), alternateNamesV2, or your CSV
    (header: name, lat, lon, country[, admin1, admin2]). Bad rows are named and skipped."""
    from conflictwire.geo.geocoder import build_index, imports_dir
    from conflictwire.geo.imports import import_file

    report = import_file(file, imports_dir())
    for error in report.errors:
        typer.echo(f"conflictwire: {error}", err=True)
    typer.echo(
        f"{file.name}: {report.rows} {report.kind} rows imported, {len(report.errors)} skipped"
    )
    if report.rows and rebuild:
        path = build_index()
        typer.echo(f"gazetteer index rebuilt at {path}")


def register(app: typer.Typer) -> None:
    app.add_typer(gazetteer_app, name="gazetteer")
