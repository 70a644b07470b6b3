"""The `storyline` command: a thin shell over storyline.jobs, storyline.store and storyline.show.

Library errors become `Error: ...` on stderr with exit code 1, never a traceback. Bad input
files are reported one line each (`Error: PATH: reason`) while the good ones are processed;
the exit code is 1 only when nothing could be read.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from storyline import jobs
from storyline.environment import check_environment
from storyline.errors import InputError, StorylineError
from storyline.store import DEFAULT_DB, Store

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="storyline: news in, stories out — who said what, what happened, where, when, how many.")
out = Console()
err = Console(stderr=True)

DbOpt = Annotated[str, typer.Option("--db", help="SQLite file (or a SQLAlchemy URL) of the store.")]
OptDbOpt = Annotated[Optional[str], typer.Option("--db", help="Also store results in this database.")]
PublishedOpt = Annotated[Optional[str], typer.Option(
    "--published", help="Publication date YYYY-MM-DD for inputs that carry none.")]
PathsArg = Annotated[Optional[list[str]], typer.Argument(
    help="Files, folders, feed URLs, or - for stdin (the default).", show_default=False)]
EmbeddingsOpt = Annotated[bool, typer.Option(
    "--embeddings", help="Add sentence embeddings to story clustering (needs the storyline[embeddings] extra).")]
OutOpt = Annotated[Optional[Path], typer.Option("-o", "--output", help="Write JSONL here instead of stdout.")]


def command(name: str | None = None):
    """Register a command whose library errors become `Error: ...` and exit code 1. A missing
    dependency is reported once, before any input is read."""

    def wrap(fn):
        @functools.wraps(fn)
        def run(*args, **kwargs):
            try:
                check_environment()
                return fn(*args, **kwargs)
            except StorylineError as e:
                err.print(f"Error: {e}", markup=False, highlight=False, soft_wrap=True)
                raise typer.Exit(1) from None

        return app.command(name)(run)

    return wrap


def _published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise StorylineError(f"--published {value!r} is not a date: use YYYY-MM-DD") from None


def _report_error(e: InputError) -> None:
    err.print(f"Error: {e}", markup=False, highlight=False, soft_wrap=True)


def _finish(report: jobs.RunReport) -> None:
    if report.articles == 0 and report.errors:
        raise typer.Exit(1)
    if report.articles == 0:
        raise StorylineError("no input articles")


def _open_out(path: Path | None):
    return open(path, "w", encoding="utf-8") if path else sys.stdout


@command()
def ingest(paths: Annotated[list[str], typer.Argument(help="Files, folders, feed URLs, or - for stdin.")],
           db: DbOpt = DEFAULT_DB, published: PublishedOpt = None,
           source: Annotated[Optional[str], typer.Option(help="Source name for inputs that carry none.")] = None,
           batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = 64,
           processes: Annotated[int, typer.Option(help="spaCy worker processes.")] = 1,
           embeddings: EmbeddingsOpt = False) -> None:
    """Read news, extract facts, group stories, and store everything (re-ingest adds nothing)."""
    store = Store(db)
    with _progress() as bar:
        rebuild = None
        if store.needs_story_rebuild():  # a store written by an older version: rows from articles
            total = store.count_articles()
            rebuild = bar.add_task("upgrading story state", total=total)
        task = bar.add_task("ingesting", total=None)
        report = jobs.ingest(paths, store, published=_published(published), source=source,
                             batch_size=batch_size, on_error=_report_error, n_process=processes,
                             progress=lambda n: bar.advance(task, n), embeddings=embeddings,
                             rebuild_progress=(lambda n: bar.advance(rebuild, n)) if rebuild is not None else None)
    if report.reclustered:
        err.print(f"the store was written by an older storyline: its story state was rebuilt from "
                  f"{report.reclustered} stored articles", highlight=False)
    err.print(f"{report.articles} articles read, {report.added} added, {report.skipped} already stored, "
              f"{len(report.errors)} errors; {len(report.stories)} stories touched; "
              f"{store.count_articles()} articles in {db}", highlight=False)
    _finish(report)


@command()
def watch(folder: Annotated[Path, typer.Argument(help="Folder to watch for new or changed files.")],
          db: DbOpt = DEFAULT_DB, published: PublishedOpt = None,
          source: Annotated[Optional[str], typer.Option(help="Source name for inputs that carry none.")] = None,
          interval: Annotated[float, typer.Option(help="Seconds between scans.")] = 5.0) -> None:
    """Ingest new files as they appear in a folder (Ctrl-C to stop)."""
    if not folder.is_dir():
        raise StorylineError(f"{folder}: not a folder")
    store = Store(db)
    err.print(f"watching {folder} every {interval:g} s, storing in {db} (Ctrl-C to stop)")

    def said(r: jobs.RunReport) -> None:
        err.print(f"{r.articles} articles read, {r.added} added, {r.skipped} already stored, "
                  f"{len(r.errors)} errors", highlight=False)

    try:
        jobs.watch(folder, store, interval=interval, published=_published(published), source=source,
                   on_error=_report_error, on_report=said)
    except KeyboardInterrupt:
        err.print("stopped")


@command()
def extract(paths: PathsArg = None, published: PublishedOpt = None, output: OutOpt = None,
            db: OptDbOpt = None) -> None:
    """Write one JSON object per article (the machine-readable contract), in input order."""
    report = jobs.RunReport()
    paths = paths or ["-"]
    if db:
        store = Store(db)
        r = jobs.ingest(paths, store, published=_published(published), on_error=_report_error)
        report = r
        f = _open_out(output)
        try:
            for rec in store.articles():
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        finally:
            if output:
                f.close()
    else:
        f = _open_out(output)
        try:
            for ex in jobs.extract(paths, published=_published(published), report=report, on_error=_report_error):
                f.write(json.dumps(ex.to_contract(), ensure_ascii=False) + "\n")
                f.flush()
        finally:
            if output:
                f.close()
    _finish(report)


@command()
def cluster(paths: PathsArg = None, published: PublishedOpt = None, output: OutOpt = None,
            batch: Annotated[bool, typer.Option("--batch", help="Re-cluster everything at the end.")] = False,
            embeddings: EmbeddingsOpt = False) -> None:
    """Assign each article to a story, in arrival order: {id, story, duplicate_of}."""
    report = jobs.RunReport()
    f = _open_out(output)
    try:
        for a in jobs.cluster(paths or ["-"], published=_published(published), batch=batch,
                              embeddings=embeddings, report=report, on_error=_report_error):
            f.write(json.dumps({"id": a.article_id, "story": a.story, "duplicate_of": a.duplicate_of},
                               ensure_ascii=False) + "\n")
    finally:
        if output:
            f.close()
    _finish(report)


@command()
def recluster(db: DbOpt = DEFAULT_DB, embeddings: EmbeddingsOpt = False) -> None:
    """Cluster every stored article again, in arrival order, and re-file stories (one transaction)."""
    from storyline.stories import ClusterConfig

    store = _existing_store(db)
    report = jobs.RunReport()
    with _progress() as bar:
        task = bar.add_task("clustering", total=store.count_articles())
        jobs.recluster(store, ClusterConfig(embeddings=embeddings), report=report,
                       progress=lambda n: bar.advance(task, n))
    err.print(f"{report.reclustered} articles in {len(report.stories)} stories", highlight=False)


@command()
def stories(db: DbOpt = DEFAULT_DB,
            limit: Annotated[int, typer.Option(help="How many to list.")] = 50) -> None:
    """List stories, latest first."""
    store = _existing_store(db)
    rows = store.stories()[:limit]
    table = Table("story", "articles", "from", "to", "title")
    for r in rows:
        table.add_row(r["id"], str(r["articles"]), r["first_published"] or "", r["last_published"] or "",
                      r["title"] or "")
    out.print(table)
    out.print(f"{len(store.stories())} stories, {store.count_articles()} articles")


@command()
def show(key: Annotated[str, typer.Argument(help="A story id or an article id.")],
         db: DbOpt = DEFAULT_DB,
         story: Annotated[bool, typer.Option("--story", help="Given an article, show its whole story.")] = False
         ) -> None:
    """Show a story (merged account, versions) or an article (text with facts highlighted)."""
    from storyline import show as render

    store = _existing_store(db)
    if store.story(key) is not None:
        render.print_story(out, key, list(store.articles(story=key)))
        return
    article = store.article(key)
    if article is None:
        raise StorylineError(f"no story or article {key!r} in {db}: `storyline stories` lists them")
    if story and article.get("story"):
        render.print_story(out, article["story"], list(store.articles(story=article["story"])))
    else:
        render.print_article(out, article)


@command()
def quotes(db: DbOpt = DEFAULT_DB,
           speaker: Annotated[Optional[str], typer.Option(help="Part of the speaker's name.")] = None,
           about: Annotated[Optional[str], typer.Option(help="Words the statement contains.")] = None,
           limit: int = 100) -> None:
    """Who said what: statements and claims with their speakers and cues."""
    store = _existing_store(db)
    table = Table("speaker", "cue", "kind", "statement", "article")
    for q in store.quotes(speaker=speaker, about=about, limit=limit):
        table.add_row(q["speaker"] or "(unnamed)", q["cue"] or "", q["kind"], q["content"], q["article"])
    out.print(table)


@command()
def events(db: DbOpt = DEFAULT_DB,
           type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
           actor: Annotated[Optional[str], typer.Option(help="Part of an actor's or recipient's name.")] = None,
           limit: int = 100) -> None:
    """What happened: PLOVER events with actors, recipients, dates and places."""
    store = _existing_store(db)
    table = Table("type", "mode", "actor", "recipient", "trigger", "date", "place", "flags", "article")
    for e in store.events(type=type, actor=actor, limit=limit):
        flags = ",".join(k for k in ("negated", "hypothetical", "future") if e[k])
        table.add_row(e["type"], e["mode"] or "", e["actors"], e["recipients"], e["trigger"], e["date"] or "",
                      e["place"] or "", flags, e["article"])
    out.print(table)


@command()
def search(query: Annotated[str, typer.Argument(help="Words to find (SQLite FTS5 syntax).")],
           db: DbOpt = DEFAULT_DB, limit: int = 20) -> None:
    """Full-text search over stored articles."""
    store = _existing_store(db)
    table = Table("article", "story", "title", "match")
    for r in store.search(query, limit=limit):
        table.add_row(r["id"], r["story"] or "", r["title"] or "", r.get("snippet", ""))
    out.print(table)


@command()
def export(db: DbOpt = DEFAULT_DB,
           format: Annotated[str, typer.Option("--format", help="jsonl, stories-jsonl, gkg or parquet (a folder of tables; needs --output).")] = "jsonl",
           output: OutOpt = None) -> None:
    """Export stored articles (contract records with story ids), merged stories, GKG-style TSV or Parquet tables."""
    from storyline.store import export as ex

    store = _existing_store(db)
    formats = {
        "jsonl": lambda f: ex.write_jsonl(store.articles(), f),
        "stories-jsonl": lambda f: ex.write_jsonl(({"id": s["id"], **store.story(s["id"])} for s in store.stories()), f),
        "gkg": lambda f: ex.write_gkg(store.articles(), f),
    }
    if format == "parquet":
        from storyline.store.parquet import write_parquet

        if output is None or output.exists() and not output.is_dir():
            raise StorylineError("parquet export writes one file per table: give --output FOLDER")
        n = write_parquet(store.articles(), output)
        err.print(f"{n} articles exported to {output}/ (articles, entities, attributions, events, "
                  "counts, dates, places .parquet)", highlight=False)
        return
    if format not in formats:
        raise StorylineError(f"unknown export format {format!r}: use {', '.join(formats)} or parquet")
    f = _open_out(output)
    try:
        n = formats[format](f)
    finally:
        if output:
            f.close()
    err.print(f"{n} records exported", highlight=False)


@command()
def serve(db: DbOpt = DEFAULT_DB,
          host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port.")] = 8000) -> None:
    """Serve the web pages and the JSON API (OpenAPI docs at /docs)."""
    import uvicorn

    from storyline.web.app import create_app

    _existing_store(db)
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")


@command("eval")
def evaluate(name: Annotated[str, typer.Argument(help="attributions, stories, events, dates or places.")],
             data: Annotated[Optional[Path], typer.Option(help="Data folder (default: ../shared/data/...).")] = None,
             split: Annotated[Optional[str], typer.Option(help="Split, e.g. dev or train.")] = None,
             limit: Annotated[Optional[int], typer.Option(help="Only the first N documents.")] = None,
             as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
             embeddings: Annotated[bool, typer.Option(
                 "--embeddings", help="stories only: cluster with the embeddings extra.")] = False,
             writers: Annotated[int, typer.Option(
                 help="stories only: also cluster through a store, with this many concurrent writer processes.")] = 0,
             store_url: Annotated[Optional[str], typer.Option(
                 "--store", help="stories only, with --writers: an empty database URL to write (default: a temporary SQLite file).")] = None) -> None:
    """Score storyline on annotated data with the published protocols, baselines beside it."""
    import importlib

    names = ("attributions", "stories", "events", "dates", "places")
    if name not in names:
        raise StorylineError(f"unknown evaluation {name!r}: choose one of {', '.join(names)}")
    if (embeddings or writers) and name != "stories":
        raise StorylineError("--embeddings and --writers apply to `storyline eval stories` only")
    module = importlib.import_module(f"storyline.evaluation.{name}")
    kwargs = {}
    if embeddings:
        from storyline.stories import ClusterConfig

        kwargs["config"] = ClusterConfig(embeddings=True)
    if writers:
        kwargs.update(writers=writers, store_url=store_url)
    report = module.run(data=data, split=split, limit=limit, **kwargs)
    if as_json:
        out.print_json(json.dumps(report.to_json()))
        return
    systems = list(report.rows)
    metrics = list(dict.fromkeys(m for row in report.rows.values() for m in row))
    table = Table(title=f"storyline eval {name}")  # one row per metric: stays narrow
    table.add_column("metric", no_wrap=True)
    for system in systems:
        table.add_column(system)
    for m in metrics:
        table.add_row(m, *(_fmt(report.rows[s].get(m)) for s in systems))
    out.print(table)
    for note in report.notes:
        out.print(note, highlight=False)


def _fmt(v) -> str:
    if v is None:
        return ""
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def _existing_store(db: str) -> Store:
    if "://" not in str(db) and not Path(db).exists():
        raise StorylineError(f"no database at {db}: run `storyline ingest PATH --db {db}` first")
    return Store(db)


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True)


def main() -> None:
    app()
