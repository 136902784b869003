"""Rewrite a zip-based document with fixed entry timestamps so that output is reproducible."""

from __future__ import annotations

import struct

STAMP = (2024, 1, 15, 9, 0, 0)
_DOS_TIME = (STAMP[3] << 11) | (STAMP[4] << 5) | (STAMP[5] // 2)
_DOS_DATE = ((STAMP[0] - 1980) << 9) | (STAMP[1] << 5) | STAMP[2]


def restamp(data: bytes) -> bytes:
    """Return the zip archive with every entry dated STAMP, patched in its headers in place."""
    buf = bytearray(data)
    end = buf.rfind(b"PK\x05\x06")
    count, _size, pos = struct.unpack_from("<HII", buf, end + 10)
    for _ in range(count):
        if buf[pos:pos + 4] != b"PK\x01\x02":
            raise ValueError("unexpected zip central directory layout")
        struct.pack_into("<HH", buf, pos + 12, _DOS_TIME, _DOS_DATE)
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", buf, pos + 28)
        (local,) = struct.unpack_from("<I", buf, pos + 42)
        struct.pack_into("<HH", buf, local + 10, _DOS_TIME, _DOS_DATE)
        pos += 46 + name_len + extra_len + comment_len
    return bytes(buf)
