"""Checks PNG files with Python's own zlib: chunk CRCs, IHDR, and that IDAT inflates to the right size.

Usage: check_png.py FILE...; prints "OK <file> <width> <height> <opaque pixels>" per file, exits non-zero on the first problem.
"""
import struct
import sys
import zlib


def check(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "bad signature"
    pos, chunks = 8, []
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc, f"bad CRC in {kind}"
        chunks.append((kind, body))
        pos += 12 + length
    assert chunks[0][0] == b"IHDR" and chunks[-1][0] == b"IEND", "chunk order"
    width, height, depth, colour = struct.unpack(">IIBB", chunks[0][1][:10])
    assert depth == 8 and colour == 6, "expected 8-bit RGBA"
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    stride = 1 + 4 * width
    assert len(raw) == height * stride, "pixel data size"
    opaque = sum(1 for y in range(height) for x in range(width) if raw[y * stride + 1 + 4 * x + 3] == 255)
    print(f"OK {path} {width} {height} {opaque}")


for path in sys.argv[1:]:
    check(path)
