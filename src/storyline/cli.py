"""The `storyline` command: a thin shell over storyline.jobs, storyline.store and storyline.show.

Exit status: 0 when every input was stored or was already there (or the command did its job);
2 when some inputs were refused (each named on stderr as `Error: WHERE: reason`, kept in the
store for `storyline errors`) while the rest went on; 1 when the run itself failed (a store that
cannot be written, a bad option, nothing to read). No traceback reaches the user unless
`storyline --debug ...` asks for one.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
import sys
import traceback
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn,
                           TimeElapsedColumn)
from rich.table import Table
from rich.text import Text

from storyline import jobs
from storyline.engines import open_engine
from storyline.environment import check_environment
from storyline.errors import InputError, StorylineError
from storyline.ingest import count_articles
from storyline.store import DEFAULT_DB, Store

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="storyline: news in, stories out — who said what, what happened, where, when, how many.")
out = Console()
err = Console(stderr=True)

EXIT_OK, EXIT_FAILED, EXIT_REFUSED = 0, 1, 2
_debug = False


@app.callback()
def _options(debug: Annotated[bool, typer.Option(
        "--debug", help="Show the traceback of an error (for a bug report).")] = False) -> None:
    global _debug
    _debug = debug

DbOpt = Annotated[str, typer.Option("--db", help="SQLite file (or a SQLAlchemy URL) of the store.")]
OptDbOpt = Annotated[Optional[str], typer.Option("--db", help="Also store results in this database.")]
PublishedOpt = Annotated[Optional[str], typer.Option(
    "--published", help="Publication date YYYY-MM-DD for inputs that carry none.")]
PathsArg = Annotated[Optional[list[str]], typer.Argument(
    help="Files, folders, feed URLs, or - for stdin (the default).", show_default=False)]
EmbeddingsOpt = Annotated[bool, typer.Option(
    "--embeddings", help="Add sentence embeddings to story clustering (needs the storyline[embeddings] extra).")]
OutOpt = Annotated[Optional[Path], typer.Option("-o", "--output", help="Write JSONL here instead of stdout.")]
EngineOpt = Annotated[str, typer.Option(
    "--engine", help="Where the work runs: local (this process) or dask (partitioned over a Dask cluster; "
                     "needs the storyline[dask] extra). Same results either way.")]
WorkersOpt = Annotated[Optional[int], typer.Option(
    "--workers", help="--engine dask: start a local cluster of N worker processes (default: one per core).",
    show_default=False)]
SchedulerOpt = Annotated[Optional[str], typer.Option(
    "--scheduler", help="--engine dask: use the existing cluster at tcp://HOST:PORT (with a PostgreSQL store "
                        "for ingest: its workers write to it directly).", show_default=False)]


def command(name: str | None = None, group: typer.Typer | None = None):
    """Register a command (on ``group``, else the top level) whose errors become one `Error: ...`
    line and exit code 1 (with the traceback under --debug). A missing dependency is reported
    once, before any input is read."""

    def wrap(fn):
        @functools.wraps(fn)
        def run(*args, **kwargs):
            try:
                check_environment()
                return fn(*args, **kwargs)
            except (typer.Exit, typer.Abort, KeyboardInterrupt):
                raise
            except StorylineError as e:
                _fail(str(e))
            except Exception as e:  # a bug: said in one line, the traceback under --debug
                _fail(f"internal error: {type(e).__name__}: {e}" +
                      ("" if _debug else " (run `storyline --debug ...` for the traceback)"))

        return (group or app).command(name)(run)

    return wrap


def _fail(message: str):
    if _debug:
        err.print(traceback.format_exc(), markup=False, highlight=False)
    err.print(f"Error: {message}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(EXIT_FAILED) from None


def _published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise StorylineError(f"--published {value!r} is not a date: use YYYY-MM-DD") from None


def _report_error(e: InputError) -> None:
    label = "Repaired" if e.kept else "Error"
    err.print(f"{label}: {e}", markup=False, highlight=False, soft_wrap=True)


def _finish(report: jobs.RunReport) -> None:
    """Exit 2 when some input was refused, 1 when there was nothing to read, else 0."""
    if report.refused:
        raise typer.Exit(EXIT_REFUSED)
    if report.articles == 0:
        raise StorylineError("no input articles")


def _open_out(path: Path | None):
    return open(path, "w", encoding="utf-8") if path else sys.stdout


@command()
def ingest(paths: Annotated[list[str], typer.Argument(help="Files, folders, feed URLs, or - for stdin.")],
           db: DbOpt = DEFAULT_DB, published: PublishedOpt = None,
           source: Annotated[Optional[str], typer.Option(help="Source name for inputs that carry none.")] = None,
           batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = 64,
           processes: Annotated[int, typer.Option(help="spaCy worker processes (--engine local).")] = 1,
           embeddings: EmbeddingsOpt = False, engine: EngineOpt = "local", workers: WorkersOpt = None,
           scheduler: SchedulerOpt = None) -> None:
    """Read news, extract facts, group stories, and store everything (re-ingest adds nothing)."""
    store = Store(db)
    with open_engine(engine, workers, scheduler, store=store) as eng, _progress() as bar:
        rebuild = None
        if store.needs_story_rebuild():  # a store written by an older version: rows from articles
            total = store.count_articles()
            rebuild = bar.add_task("upgrading story state", total=total)
        task = bar.add_task(_doing("ingesting", eng), total=None)
        _total_in_background(bar, task, paths, published)
        report = jobs.ingest(paths, store, published=_published(published), source=source,
                             batch_size=batch_size, on_error=_report_error, n_process=processes,
                             progress=lambda n: bar.advance(task, n), embeddings=embeddings, engine=eng,
                             rebuild_progress=(lambda n: bar.advance(rebuild, n)) if rebuild is not None else None)
    if report.reclustered:
        err.print(f"the store was written by an older storyline: its story state was rebuilt from "
                  f"{report.reclustered} stored articles", highlight=False)
    err.print(f"{report.summary()}; {len(report.stories)} stories touched; "
              f"{store.count_articles()} articles in {db}", highlight=False, soft_wrap=True)
    if report.errors:
        err.print(f"refusals and repairs are kept in the store: storyline errors --db {db}",
                  highlight=False, soft_wrap=True)
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
        err.print(r.summary(), highlight=False, soft_wrap=True)

    try:
        jobs.watch(folder, store, interval=interval, published=_published(published), source=source,
                   on_error=_report_error, on_report=said)
    except KeyboardInterrupt:
        err.print("stopped")


@command()
def extract(paths: PathsArg = None, published: PublishedOpt = None, output: OutOpt = None,
            db: OptDbOpt = None, engine: EngineOpt = "local", workers: WorkersOpt = None,
            scheduler: SchedulerOpt = None) -> None:
    """Write one JSON object per article (the machine-readable contract), in input order."""
    report = jobs.RunReport()
    paths = paths or ["-"]
    store = Store(db) if db else None
    with open_engine(engine, workers, scheduler, store=store) as eng, _progress() as bar:
        task = bar.add_task(_doing("extracting", eng), total=None)
        _total_in_background(bar, task, paths, published)
        step = functools.partial(bar.advance, task)
        if store is not None:
            report = jobs.ingest(paths, store, published=_published(published), on_error=_report_error,
                                 engine=eng, progress=step)
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
                for ex in jobs.extract(paths, published=_published(published), report=report,
                                       on_error=_report_error, engine=eng, progress=step):
                    f.write(json.dumps(ex.to_contract(), ensure_ascii=False) + "\n")
                    f.flush()
            finally:
                if output:
                    f.close()
    _finish(report)


@command()
def cluster(paths: PathsArg = None, published: PublishedOpt = None, output: OutOpt = None,
            batch: Annotated[bool, typer.Option("--batch", help="Re-cluster everything at the end.")] = False,
            embeddings: EmbeddingsOpt = False, engine: EngineOpt = "local", workers: WorkersOpt = None,
            scheduler: SchedulerOpt = None) -> None:
    """Assign each article to a story, in arrival order: {id, story, duplicate_of}."""
    report = jobs.RunReport()
    with open_engine(engine, workers, scheduler) as eng, _progress() as bar:
        task = bar.add_task(_doing("extracting", eng), total=None)
        _total_in_background(bar, task, paths or ["-"], published)
        f = _open_out(output)
        try:
            for a in jobs.cluster(paths or ["-"], published=_published(published), batch=batch,
                                  embeddings=embeddings, report=report, on_error=_report_error, engine=eng,
                                  progress=functools.partial(bar.advance, task)):
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
def errors(db: DbOpt = DEFAULT_DB,
           since: Annotated[Optional[str], typer.Option(
               help="Only those met since then: a date or time (2026-12-06, 2026-12-06T09:30, UTC) "
                    "or an age (90m, 12h, 7d).")] = None,
           refused: Annotated[bool, typer.Option("--refused", help="Only refusals, not repairs.")] = False,
           limit: int = 100,
           as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False) -> None:
    """What ingest refused (and what it repaired), latest first, with where, why and when."""
    store = _existing_store(db)
    rows = store.input_errors(since=_since(since), outcome="refused" if refused else None, limit=limit)
    if as_json:
        for r in rows:
            out.print(json.dumps(r.to_dict(), ensure_ascii=False), markup=False, highlight=False, soft_wrap=True)
        return
    table = Table("last seen (UTC)", "times", "outcome", "where", "reason")
    for r in rows:
        table.add_row(r.last_seen, str(r.times), r.outcome, r.where, r.reason)
    out.print(table)
    n_refused = sum(r.outcome == "refused" for r in rows)
    out.print(f"{n_refused} refused, {len(rows) - n_refused} repaired"
              + (f" since {since}" if since else ""), highlight=False)


_AGE = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def _since(value: str | None, now: dt.datetime | None = None) -> str | None:
    """--since as the UTC ISO 8601 time the store compares with."""
    if value is None:
        return None
    now = now or dt.datetime.now(dt.timezone.utc)
    age = _AGE.match(value)
    if age:
        when = now - dt.timedelta(seconds=int(age[1]) * _SECONDS[age[2]])
    else:
        try:
            when = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise StorylineError(f"--since {value!r}: give a date or time (2026-12-06, "
                                 "2026-12-06T09:30) or an age (90m, 12h, 7d)") from None
        when = when.replace(tzinfo=dt.timezone.utc) if when.tzinfo is None else when.astimezone(dt.timezone.utc)
    return when.isoformat(timespec="seconds")


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
           act: Annotated[str, typer.Option(
               help="speech (what was said), thought (believed, feared, hoped), perception (seen, heard), "
                    "other, or all.")] = "speech",
           limit: int = 100) -> None:
    """Who said what: statements with their speakers and cues (speech; --act for the rest)."""
    store = _existing_store(db)
    table = Table("speaker", "cue", "kind", "act", "statement", "article")
    for q in store.quotes(speaker=speaker, about=about, limit=limit, act=act):
        table.add_row(q["speaker"] or "(unnamed)", q["cue"] or "", q["kind"], q["act"] or "", q["content"],
                      q["article"])
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


keys_app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                       help="API keys for writing over HTTP (storyline serve): create, list, revoke.")
app.add_typer(keys_app, name="keys")


@command("create", group=keys_app)
def keys_create(name: Annotated[str, typer.Argument(help="A name for the key (who holds it).")],
                scope: Annotated[str, typer.Option(
                    help="read (reads when serve --require-key), write (also add articles), "
                         "admin (also delete them).")] = "write",
                db: DbOpt = DEFAULT_DB) -> None:
    """Create a key; its secret is printed once, alone on the last line (only a hash is kept)."""
    from storyline.store import keys

    key, secret = keys.create(Store(db), name, scope)
    out.print(f"created key {key.name!r} (scope {key.scope}) in {db}; the secret is shown once:",
              markup=False, highlight=False, soft_wrap=True)
    print(secret, flush=True)


@command("list", group=keys_app)
def keys_list(db: DbOpt = DEFAULT_DB) -> None:
    """The keys: name, scope, created, last used, revoked (never the secret)."""
    from storyline.store import keys

    table = Table("name", "scope", "created (UTC)", "last used (UTC)", "revoked (UTC)")
    for k in keys.list_keys(_existing_store(db)):
        table.add_row(k.name, k.scope, k.created_at, k.last_used_at or "never", k.revoked_at or "")
    out.print(table)


@command("revoke", group=keys_app)
def keys_revoke(name: Annotated[str, typer.Argument(help="The key's name.")], db: DbOpt = DEFAULT_DB) -> None:
    """Revoke a key: requests with it are refused from now on (its name stays taken)."""
    from storyline.store import keys

    k = keys.revoke(_existing_store(db), name)
    out.print(f"key {k.name!r} revoked at {k.revoked_at}", markup=False, highlight=False)


@command()
def serve(db: DbOpt = DEFAULT_DB,
          host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port.")] = 8000,
          require_key: Annotated[bool, typer.Option(
              "--require-key", help="Reads need a key too (scope read or above); writes always do.")] = False,
          max_body: Annotated[str, typer.Option(
              help="Largest request body accepted (bytes, or with kB/MB/GB); larger ones are refused "
                   "with 413 before they are read.")] = "10MB",
          rate: Annotated[float, typer.Option(
              help="Requests per second each key may make, on average (a token bucket).")] = 2.0,
          burst: Annotated[int, typer.Option(
              help="Requests a key may make at once before the rate applies (the bucket's size).")] = 30) -> None:
    """Serve the web pages and the JSON API (OpenAPI docs at /docs); writes need an API key."""
    import uvicorn

    from storyline.web.app import create_app
    from storyline.web.auth import Limits

    if rate <= 0 or burst < 1:
        raise StorylineError("--rate must be above 0 and --burst at least 1")
    _existing_store(db)
    limits = Limits(max_body_bytes=_bytes(max_body), rate=rate, burst=burst, require_key=require_key)
    uvicorn.run(create_app(db, limits), host=host, port=port, log_level="info")


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(|b|kb|mb|gb|k|m|g)\s*$", re.IGNORECASE)


def _bytes(value: str) -> int:
    """--max-body as a number of bytes (10MB is 10 * 1024 * 1024)."""
    m = _SIZE.match(value)
    if not m or float(m[1]) <= 0:
        raise StorylineError(f"--max-body {value!r}: give a size such as 10MB, 512kB or 1048576")
    unit = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}
    return int(float(m[1]) * unit[m[2].lower()])


@command("eval")
def evaluate(name: Annotated[str, typer.Argument(help="attributions, quotes, stories, events, dates or places.")],
             data: Annotated[Optional[Path], typer.Option(help="Data folder (default: ../shared/data/...).")] = None,
             split: Annotated[Optional[str], typer.Option(help="Split, e.g. dev or train.")] = None,
             limit: Annotated[Optional[int], typer.Option(help="Only the first N documents.")] = None,
             as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
             embeddings: Annotated[bool, typer.Option(
                 "--embeddings", help="stories only: cluster with the embeddings extra.")] = False,
             writers: Annotated[int, typer.Option(
                 help="stories only: also cluster through a store, with this many concurrent writer processes.")] = 0,
             store_url: Annotated[Optional[str], typer.Option(
                 "--store", help="stories only, with --writers: an empty database URL to write (default: a temporary SQLite file).")] = None,
             errors: Annotated[int, typer.Option(
                 help="quotes only: list this many errors of each kind (missed, spurious, speaker, boundary).")] = 0) -> None:
    """Score storyline on annotated data with the published protocols, baselines beside it."""
    import importlib

    names = ("attributions", "quotes", "stories", "events", "dates", "places")
    if name not in names:
        raise StorylineError(f"unknown evaluation {name!r}: choose one of {', '.join(names)}")
    if (embeddings or writers) and name != "stories":
        raise StorylineError("--embeddings and --writers apply to `storyline eval stories` only")
    if errors and name != "quotes":
        raise StorylineError("--errors applies to `storyline eval quotes` only")
    module = importlib.import_module(f"storyline.evaluation.{name}")
    kwargs = {}
    if embeddings:
        from storyline.stories import ClusterConfig

        kwargs["config"] = ClusterConfig(embeddings=True)
    if writers:
        kwargs.update(writers=writers, store_url=store_url)
    if errors:
        kwargs["errors"] = errors
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


class RateColumn(ProgressColumn):
    """Articles per second (rich's own speed columns count bytes)."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "", style="progress.data.speed")


def _total_in_background(bar: Progress, task, paths: list[str], published: str | None) -> None:
    """Count the inputs' articles in a thread (reading only, no parse) and give the bar its total
    when known; stdin and feed URLs, which can be read only once, leave it open-ended."""
    import threading

    def count() -> None:
        try:
            n = count_articles(paths, published=_published(published))
        except Exception:  # a bad input is reported by the run itself; the bar stays open-ended
            return
        if n is not None:
            bar.update(task, total=n)

    threading.Thread(target=count, name="count-articles", daemon=True).start()


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    RateColumn(), TimeElapsedColumn(), console=err, transient=True)


def _doing(what: str, engine) -> str:
    return what if engine is None else f"{what} on {engine.n_workers} Dask workers"


def main() -> None:
    app()
