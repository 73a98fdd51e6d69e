#!/usr/bin/env python3
"""Draws images/icon.png (128x128): a white sheet on a red ground, with the red separator line
(版头分隔线, GB/T 9704-2012 7.2.6) under a red masthead block and grey text lines, the look of a
公文 first page. Hand-written PNG encoder, no image library needed."""
import struct
import sys
import zlib

W = H = 128
RED = (200, 16, 46, 255)
WHITE = (255, 255, 255, 255)
GREY = (150, 150, 150, 255)
CLEAR = (0, 0, 0, 0)


def pixel(x, y):
    # rounded red tile
    r = 20
    cx = min(max(x, r), W - 1 - r)
    cy = min(max(y, r), H - 1 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return CLEAR
    # the sheet
    if 28 <= x < 100 and 16 <= y < 112:
        if 40 <= x < 88 and 26 <= y < 36:
            return RED  # masthead (发文机关标志)
        if 36 <= x < 92 and 42 <= y < 45:
            return RED  # separator line
        for top in (54, 64, 74, 84, 94):
            if top <= y < top + 4 and 38 <= x < (90 if top != 94 else 70):
                return GREY
        return WHITE
    return RED


def png(path):
    raw = b''.join(b'\x00' + b''.join(bytes(pixel(x, y)) for x in range(W)) for y in range(H))

    def chunk(kind, data):
        body = kind + data
        return struct.pack('>I', len(data)) + body + struct.pack('>I', zlib.crc32(body) & 0xFFFFFFFF)

    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n')
        f.write(chunk(b'IHDR', struct.pack('>IIBBBBB', W, H, 8, 6, 0, 0, 0)))
        f.write(chunk(b'IDAT', zlib.compress(raw, 9)))
        f.write(chunk(b'IEND', b''))


png(sys.argv[1] if len(sys.argv) > 1 else 'images/icon.png')
