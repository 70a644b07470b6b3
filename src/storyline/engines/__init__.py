"""Runners of the same stage functions: in-process (local) or on a Dask cluster (dask)."""
