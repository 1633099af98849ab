"""``python -m conflictwire`` runs the command line."""

from conflictwire.cli import main

main()
