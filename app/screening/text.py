"""Text helpers: the posting text the offsets refer to, width folding and Chinese numerals."""
from __future__ import annotations

import re

# Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) fold to ASCII one character for one,
# so offsets found in the folded text are valid in the original. Punctuation is left alone because
# rule authors write Chinese punctuation in their patterns.
_WIDTH_FOLD = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}
_WIDTH_FOLD.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})
_WIDTH_FOLD.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})
_WIDTH_FOLD[0x3000] = 0x20  # ideographic space

# Most postings have no full-width letters or digits; a search is far cheaper than translate().
_NEEDS_FOLD = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]")

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100}


def posting_text(*, title: str, description: str) -> str:
    """The text that finding offsets index into: the title, a newline, then the description."""
    return f"{title}\n{description}"


def fold_width(text: str) -> str:
    return text.translate(_WIDTH_FOLD) if _NEEDS_FOLD.search(text) else text


def parse_number(token: str) -> int | None:
    """Read "35", "三十五", "十二", "两", "一百八十" as an int; None when it is not a number."""
    token = token.strip()
    if not token:
        return None
    if token.isdigit():
        return int(token)
    total = 0
    pending = 0
    for char in token:
        if char in _DIGITS:
            pending = _DIGITS[char]
        elif char in _UNITS:
            # A bare unit ("十二") means one of it.
            total += (pending or 1) * _UNITS[char]
            pending = 0
        else:
            return None
    return total + pending
