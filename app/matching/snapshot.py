"""Index snapshots: a worker starts from files instead of re-reading and re-tokenising every posting.

A snapshot is one directory holding the job side of a ``MatchEngine`` as flat arrays:

- ``job_ids.npy`` / ``job_vectors.npy`` (float32, one row per posting, plus spare zero rows so
  that postings added after the start land in the file's own pages), the same for the title
  vectors, and the HNSW graph of the body vectors (``job_graph.bin``) when it was built;
- both BM25 indexes (body, title) as CSC arrays plus their vocabulary (lexical.LexicalArrays): no
  text is tokenised at start;
- the job documents the hard filters and explanations read (pickled ``JobDoc``s);
- ``meta.json``: format, encoder model id and dimension, the change-feed watermark the snapshot
  is current to, counts and a CRC-32 of every file.

Loading memory-maps the arrays (``numpy.load(mmap_mode=...)``): the vectors copy-on-write, the
BM25 arrays read-only. So several API processes on one host share those pages through the page
cache, and a process only pays private memory for what it changes. After loading, the process
applies the change feed from the snapshot's watermark (with the same late-commit margin as a full
load), which brings it to the database's state: re-applying a change is an upsert.

Graduates are not in snapshots: their documents carry the P9 hardship flag and a birth date,
which should not be copied into files outside the database; they are read from it at start.

Writing: to a temporary directory in the same parent, then renamed into place and the ``current``
link swapped with an atomic rename, so a reader sees the old snapshot or the new one, never half
of one. A file lock keeps the processes of one host from writing at the same time. A snapshot
that fails any check (missing file, CRC, shapes, format, another encoder model) is ignored with
a log line and the process loads from the database instead; it never stops the process.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import pickle
import shutil
import tempfile
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from app.matching.engine import MatchEngine
from app.matching.lexical import LexicalArrays, LexicalIndex
from app.matching.occupations import warm_titles

log = logging.getLogger("jobmatch.snapshot")

FORMAT = 1
CURRENT = "current"
_LEXICAL_ARRAYS = ("data", "tf", "indices", "indptr", "ids", "lengths")


@dataclass(frozen=True)
class SnapshotInfo:
    path: Path
    watermark: int
    jobs: int
    created_at: float


def _crc(path: Path) -> int:
    crc = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 22):
            crc = zlib.crc32(chunk, crc)
    return crc


@contextmanager
def _writer_lock(directory: Path) -> Iterator[bool]:
    """True when this process may write (no other process of the host is writing)."""
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / ".write.lock").open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_snapshot(engine: MatchEngine, directory: Path, *, watermark: int, spare_rows: int | None = None) -> Path | None:
    """Save the engine's job side as current to ``watermark``; returns the new snapshot's path, or
    None when another process of the host is writing one right now."""
    with _writer_lock(directory) as allowed:
        if not allowed:
            return None
        started = time.perf_counter()
        temporary = Path(tempfile.mkdtemp(prefix=".writing-", dir=directory))
        try:
            files = _write_files(engine, temporary, spare_rows=spare_rows)
            meta = {"format": FORMAT, "model_id": engine.encoder.model_id, "dim": engine.encoder.dim,
                    "watermark": int(watermark), "created_at": time.time(), **files["counts"],
                    "graph": files["graph"], "lexical_avgdl": files["avgdl"],
                    "crc32": {name: _crc(temporary / name) for name in sorted(os.listdir(temporary))}}
            (temporary / "meta.json").write_text(json.dumps(meta), "utf-8")
            final = directory / f"snapshot-{int(watermark):012d}-{time.time_ns()}"
            os.rename(temporary, final)
            link = directory / f".{CURRENT}-{time.time_ns()}"
            os.symlink(final.name, link)
            os.replace(link, directory / CURRENT)  # atomic: readers see the old or the new one
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
        _remove_old(directory, keep=final.name)
        log.info("index snapshot written: %s (%d jobs, watermark %d, %.1f s)", final.name, meta["jobs"],
                 watermark, time.perf_counter() - started)
        return final


def _write_files(engine: MatchEngine, folder: Path, *, spare_rows: int | None) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for name, index in (("job", engine.job_vectors), ("title", engine.job_title_vectors)):
        ids, vectors = index.export_arrays()
        spare = spare_rows if spare_rows is not None else max(4096, len(ids) // 20)
        np.save(folder / f"{name}_ids.npy", ids)
        padded = np.lib.format.open_memmap(folder / f"{name}_vectors.npy", mode="w+", dtype=np.float32,
                                           shape=(len(ids) + spare, index.dim))
        padded[: len(ids)] = vectors
        padded[len(ids):] = 0.0
        padded.flush()
        del padded
        counts[f"{name}_vectors"] = len(ids)
    graph = engine.job_vectors.save_graph(str(folder / "job_graph.bin"))
    avgdl: dict[str, float] = {}
    for name, lexical in (("lexical", engine.job_lexical), ("title_lexical", engine.job_title_lexical)):
        arrays = lexical.export_arrays()
        for field in _LEXICAL_ARRAYS:
            np.save(folder / f"{name}_{field}.npy", getattr(arrays, field))
        (folder / f"{name}_terms.txt").write_text("\n".join(arrays.terms), "utf-8")
        avgdl[name] = arrays.avgdl
        counts[name] = len(arrays.ids)
    docs = [doc for doc in (engine.jobs.get(int(i)) for i in engine.job_vectors.export_arrays()[0]) if doc is not None]
    with (folder / "job_docs.pickle").open("wb") as handle:
        pickle.dump(docs, handle, protocol=pickle.HIGHEST_PROTOCOL)
    counts["jobs"] = len(docs)
    return {"counts": counts, "graph": graph, "avgdl": avgdl}


def _remove_old(directory: Path, *, keep: str) -> None:
    # A process that mapped an old snapshot keeps its pages: removing the files does not touch them.
    for entry in directory.iterdir():
        if entry.name != keep and entry.is_dir() and (entry.name.startswith("snapshot-")
                                                      or entry.name.startswith(".writing-")):
            if entry.name.startswith(".writing-") and time.time() - entry.stat().st_mtime < 3600:
                continue  # perhaps another process's write in progress (it holds the lock only while writing)
            shutil.rmtree(entry, ignore_errors=True)


def load_snapshot(engine: MatchEngine, directory: Path | None) -> SnapshotInfo | None:
    """Load the current snapshot into an empty engine's job side; None (and a log line) when there is
    none usable. On failure the engine's job side is left empty for a load from the database."""
    if directory is None:
        return None
    current = directory / CURRENT
    if not current.exists():
        return None
    try:
        path = current.resolve(strict=True)
        meta = json.loads((path / "meta.json").read_text("utf-8"))
        if meta.get("format") != FORMAT:
            log.warning("index snapshot %s ignored: format %s, expected %s", path.name, meta.get("format"), FORMAT)
            return None
        if meta.get("model_id") != engine.encoder.model_id or meta.get("dim") != engine.encoder.dim:
            log.warning("index snapshot %s ignored: made with model %s, this process uses %s", path.name,
                        meta.get("model_id"), engine.encoder.model_id)
            return None
        for name, crc in meta["crc32"].items():
            if _crc(path / name) != crc:
                raise ValueError(f"{name} fails its CRC-32")
        _load_files(engine, path, meta)
    except Exception as error:  # noqa: BLE001 - any damage means "load from the database instead"
        log.warning("index snapshot in %s ignored (%s: %s); loading from the database", directory,
                    type(error).__name__, error)
        _clear_jobs(engine)
        return None
    log.info("index loaded from snapshot %s (%d jobs, watermark %d)", path.name, meta["jobs"], meta["watermark"])
    return SnapshotInfo(path=path, watermark=int(meta["watermark"]), jobs=int(meta["jobs"]),
                        created_at=float(meta["created_at"]))


def _load_files(engine: MatchEngine, path: Path, meta: dict[str, Any]) -> None:
    with (path / "job_docs.pickle").open("rb") as handle:
        docs = pickle.load(handle)  # noqa: S301 - our own file, written by write_snapshot
    if len(docs) != meta["jobs"]:
        raise ValueError("job documents do not match the snapshot's count")
    for doc in docs:
        engine.jobs.upsert(doc)
    warm_titles(sorted({doc.title for doc in docs}))
    for name, index in (("job", engine.job_vectors), ("title", engine.job_title_vectors)):
        ids = np.load(path / f"{name}_ids.npy")
        vectors = np.load(path / f"{name}_vectors.npy", mmap_mode="c")
        if len(ids) != meta[f"{name}_vectors"]:
            raise ValueError(f"{name} vectors do not match the snapshot's count")
        graph = meta.get("graph") if name == "job" else None
        index.load_arrays(ids, vectors, graph_path=str(path / "job_graph.bin") if graph else None,
                          graph_state=graph)
    for name in ("lexical", "title_lexical"):
        arrays = LexicalArrays(
            **{field: np.load(path / f"{name}_{field}.npy", mmap_mode="r") for field in _LEXICAL_ARRAYS},
            avgdl=float(meta["lexical_avgdl"][name]),
            terms=(path / f"{name}_terms.txt").read_text("utf-8").split("\n") if meta[name] else [])
        setattr(engine, f"job_{name}", LexicalIndex.from_arrays(arrays))


def _clear_jobs(engine: MatchEngine) -> None:
    engine.jobs = type(engine.jobs)()
    for name in ("job_vectors", "job_title_vectors"):
        index = getattr(engine, name)
        setattr(engine, name, type(index)(model_id=index.model_id, dim=index.dim, ann_threshold=index.ann_threshold))
    engine.job_lexical, engine.job_title_lexical = LexicalIndex(), LexicalIndex()
