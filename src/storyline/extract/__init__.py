"""Extractors: pure functions from a parsed spaCy Doc (and earlier records) to records.

One package per capability, each with its public functions in its ``__init__``:

    attribution/  extract_attributions(doc, entities) -> [Attribution]   who said what
    events/       extract_events(doc, entities, places, dates) -> [Event] what happened (PLOVER)
    counts/       extract_counts(doc) -> [Count]                       how many
    time/         extract_dates(doc, published) -> [DateValue]         when (TimeML DATE values)
    places/       extract_places(doc, entities) -> [Place]             where (GeoNames)
    parsed.py     what the parse-reading extractors require of a Doc

The words each one looks for are data: ``storyline/lexicons/<language>/<capability>.toml``,
read through ``storyline.lexicons.lexicon``.
"""
