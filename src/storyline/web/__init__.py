"""Web: the JSON API and the pages (FastAPI)."""
