"""Mainland resident identity number (GB 11643-1999) checks.

Staff type these by hand into spreadsheets; a wrong check digit is the most
common error and is caught here before a record is stored.
"""
from __future__ import annotations

import re
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_PATTERN = re.compile(r"^\d{17}[\dX]$")


def check_digit(first17: str) -> str:
    """The 18th character that GB 11643 derives from the first 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def validate_national_id(value: str) -> str:
    """Return the normalised id (upper-case X) or raise ValueError with a plain reason."""
    normalised = value.strip().upper()
    if not _PATTERN.match(normalised):
        raise ValueError("身份证号必须是18位（前17位数字，最后一位数字或X）")
    try:
        date(int(normalised[6:10]), int(normalised[10:12]), int(normalised[12:14]))
    except ValueError:
        raise ValueError("身份证号中的出生日期无效") from None
    if check_digit(normalised[:17]) != normalised[17]:
        raise ValueError("身份证号校验位错误")
    return normalised


def birth_date_of(national_id: str) -> date:
    return date(int(national_id[6:10]), int(national_id[10:12]), int(national_id[12:14]))


def mask_national_id(value: str | None) -> str | None:
    """Keep region prefix and last 4 so staff can tell records apart without the full id."""
    if not value:
        return value
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_phone(value: str | None) -> str | None:
    if not value:
        return value
    return value[:3] + "****" + value[-4:] if len(value) >= 7 else "*" * len(value)
