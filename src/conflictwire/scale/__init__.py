"""Scale on one machine: work chunks, a process pool with ordered results, a progress line."""

from conflictwire.scale.chunks import chunked
from conflictwire.scale.pool import WorkerPool, run_parallel
from conflictwire.scale.progress import ProgressBar

__all__ = ["ProgressBar", "WorkerPool", "chunked", "run_parallel"]
