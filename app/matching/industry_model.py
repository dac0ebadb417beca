"""A trained industry classifier for postings saved without an industry (P5).

Why a model at all: the keyword vote in ``app.services.industry`` only knows the words somebody
listed, so a posting phrased in other words falls to ``other`` or to a wrong industry. A TF-IDF +
logistic-regression pipeline learns many more cues from labelled postings and gives a
probability to show as the suggestion's confidence.

Why it may be absent: the artefact (``models/industry_classifier.joblib``, made by
``scripts/train_industry.py``) is a pickle tied to the scikit-learn version that wrote it. If it
is missing, unreadable or from another version, ``predict`` returns ``None`` and the service
keeps working on the keyword vote instead of failing to save postings.

``normalise_text`` is referenced by the pickled pipeline by module path, so it must stay
importable here under that name.
"""
from __future__ import annotations

import logging
import re
import threading
import unicodedata
import warnings
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.domain.enums import Industry

log = logging.getLogger(__name__)

DEFAULT_MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "industry_classifier.joblib"
# Read at call time (not bound as a default argument) so tests and operators can repoint it.
model_path: Path = DEFAULT_MODEL_PATH

# Punctuation, digits and whitespace carry no industry and would only form junk n-grams.
_NOISE = re.compile(r"[\W\d_]+")
_MAX_CHARS = 3000  # long boilerplate adds time, not signal
# One load at a time: concurrent first requests would otherwise each unpickle the file, and
# warnings.catch_warnings() below changes process-wide filters.
_load_lock = threading.Lock()


def posting_text(title: str, description: str, skills: Sequence[str] = ()) -> str:
    """The model's input for one posting, shared by training and serving so they cannot drift."""
    return f"{title} {' '.join(skills)} {description}"[:_MAX_CHARS]


def normalise_text(text: str) -> str:
    """Full-width → half-width, lower case, noise collapsed to single spaces."""
    return _NOISE.sub(" ", unicodedata.normalize("NFKC", text).lower())


def build_pipeline(*, c: float = 4.0, seed: int = 0) -> Any:
    """The untrained pipeline; training and evaluation live in ``scripts/train_industry.py``.

    Character 1–2-grams only. Single characters (护, 船, 药, 鱼) and pairs (化工, 光伏) carry most
    of the industry signal in Chinese and need no word segmenter. On a leave-occupations-out
    check (train on some occupations, test on the unseen rest) they beat jieba words plus
    character 2–3- or 1–3-grams by three to five points, and they avoid jieba's process-wide
    dictionary, which ``app.matching.lexical`` extends at run time and so would tokenise
    differently in training and serving. Sublinear TF and ``max_df`` damp the generator's templated boilerplate;
    balanced class weights because no industry should be preferred a priori.
    """
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    vectorizer = TfidfVectorizer(
        analyzer="char", ngram_range=(1, 2), preprocessor=normalise_text, min_df=3, max_df=0.5,
        sublinear_tf=True, max_features=30000, dtype=np.float32,
    )
    classifier = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, random_state=seed)
    return Pipeline([("tfidf", vectorizer), ("classifier", classifier)])


def predict(
    title: str, description: str, skills: Sequence[str] = (), *, path: Path | None = None
) -> tuple[Industry, float] | None:
    """The most probable industry and its probability, or ``None`` when no model is usable."""
    with _load_lock:
        model = load_model(path or model_path)
    if model is None:
        return None
    try:
        probabilities = model.predict_proba([posting_text(title, description, skills)])[0]
    except Exception:  # a model from another version may load yet fail here; never block a save
        log.exception("industry model failed to predict; using the keyword vote")
        return None
    best = int(probabilities.argmax())
    return Industry(str(model.classes_[best])), float(probabilities[best])


@lru_cache(maxsize=4)
def load_model(path: Path) -> Any | None:
    """Load once per path; a missing or incompatible file gives ``None`` (logged once)."""
    if not path.is_file():
        log.info("no industry model at %s; using the keyword vote", path)
        return None
    try:
        import joblib
        from sklearn.exceptions import InconsistentVersionWarning

        with warnings.catch_warnings():
            # A pickle from another scikit-learn version may predict wrongly without failing,
            # so a version mismatch counts as "no model", not merely as a warning.
            warnings.simplefilter("error", InconsistentVersionWarning)
            model = joblib.load(path)
        known = {code.value for code in Industry}
        if not {str(code) for code in model.classes_} <= known:
            raise ValueError(f"unknown classes {list(model.classes_)}")
        return model
    except Exception:
        log.warning("industry model at %s could not be loaded; using the keyword vote", path, exc_info=True)
        return None
