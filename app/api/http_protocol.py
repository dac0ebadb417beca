"""uvicorn's h11 protocol, accepting raw UTF-8 in the request target as browsers would send it.

`curl "localhost:8000/v1/jobs?city=临沂"` puts the UTF-8 bytes of 临沂 straight into the request
line. HTTP allows only ASCII there, so h11 (and httptools, whose parser has no leniency for URLs)
answer a plain-text 400 before the application sees the request. Browsers percent-encode such
bytes; this protocol does the same to the request line, and to nothing else: headers and bodies
pass through untouched. `jobmatch serve` runs uvicorn with it.
"""
from __future__ import annotations

import re

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

_NON_ASCII = re.compile(rb"[\x80-\xff]")


def percent_encode_request_line(data: bytes, *, continuing: bool = False) -> bytes:
    """Percent-encode the non-ASCII bytes up to the first line end in ``data``; ``continuing``:
    the request line began in an earlier chunk."""
    # h11 tolerates blank lines before a request line.
    start = 0 if continuing else len(data) - len(data.lstrip(b"\r\n"))
    end = data.find(b"\n", start)
    end = len(data) if end < 0 else end
    line = data[start:end]
    if not _NON_ASCII.search(line):
        return data
    return data[:start] + _NON_ASCII.sub(lambda match: b"%%%02X" % match.group()[0], line) + data[end:]


class Utf8TargetH11Protocol(H11Protocol):
    def data_received(self, data: bytes) -> None:
        # Only while no request is in progress does new data continue a request line; once h11
        # holds a complete line (a newline in what it has not parsed yet), the rest is headers
        # and body. A pipelined request behind an unfinished one is left as it is.
        if self.conn.their_state is h11.IDLE:
            pending = self.conn.trailing_data[0].lstrip(b"\r\n")
            if b"\n" not in pending:
                data = percent_encode_request_line(data, continuing=bool(pending))
        super().data_received(data)
