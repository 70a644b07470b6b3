"""Extractors: pure functions from a parsed Doc (and earlier records) to records."""
