"""Synthetic personal identifiers: Chinese names, GB 11643 id numbers and mobile numbers.

Ids are well-formed (valid check digit, real birth date, gender digit) but random, so they
do not belong to anyone; uniqueness within one generated batch is enforced by the caller's
``taken`` set.
"""
from __future__ import annotations

import random
from datetime import date

from synthetic.vocabulary import (
    FEMALE_NAME_CHARS,
    MALE_NAME_CHARS,
    PHONE_PREFIXES,
    SURNAME_WEIGHTS,
    SURNAMES,
)
from app.domain.enums import Gender
from app.domain.national_id import check_digit


def chinese_name(*, rng: random.Random, gender: Gender) -> str:
    surname = rng.choices(SURNAMES, weights=SURNAME_WEIGHTS)[0]
    pool = MALE_NAME_CHARS if gender is Gender.MALE else FEMALE_NAME_CHARS
    # About a quarter of people born around 2000 have a one-character given name.
    length = 1 if rng.random() < 0.25 else 2
    return surname + "".join(rng.choice(pool) for _ in range(length))


def national_id(
    *, rng: random.Random, region_code: str, birth_date: date, gender: Gender, taken: set[str]
) -> str:
    """An 18-character id whose 17th digit is odd for men and even for women (GB 11643)."""
    parity_digits = "13579" if gender is Gender.MALE else "02468"
    while True:
        sequence = f"{rng.randrange(100):02d}" + rng.choice(parity_digits)
        first17 = region_code + birth_date.strftime("%Y%m%d") + sequence
        value = first17 + check_digit(first17)
        if value not in taken:
            taken.add(value)
            return value


def mobile_number(*, rng: random.Random, taken: set[str]) -> str:
    while True:
        value = rng.choice(PHONE_PREFIXES) + f"{rng.randrange(100_000_000):08d}"
        if value not in taken:
            taken.add(value)
            return value
