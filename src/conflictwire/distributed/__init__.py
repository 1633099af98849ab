"""Past one machine: the Dask backend (optional extra ``conflictwire[dask]``).

Importing this package does not import Dask; the first call that needs it does.
"""

from conflictwire.distributed.dask_backend import LOCAL, dask_client, run_dask, write_parquet_parts

__all__ = ["LOCAL", "dask_client", "run_dask", "write_parquet_parts"]
