#!/usr/bin/env python3
"""Draws the app icons (a white diamond, the brand mark, on the brand blue) as PNG files in
assets/icons/. Pure Python, no image library: run it again after changing the colours.
    python3 scripts/make-icons.py
"""
import struct
import zlib
from pathlib import Path

BLUE = (29, 78, 216)
WHITE = (255, 255, 255)
OUT = Path(__file__).resolve().parent.parent / "assets" / "icons"


def png(path, size, pixel):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            row.extend(pixel(x + 0.5, y + 0.5, size))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def icon(maskable):
    def pixel(x, y, size):
        u, v = x / size - 0.5, y / size - 0.5
        # Rounded square for the normal icon; full bleed for the maskable one.
        if not maskable:
            r, half = 0.18, 0.5
            dx, dy = max(abs(u) - (half - r), 0), max(abs(v) - (half - r), 0)
            if dx * dx + dy * dy > r * r:
                return (0, 0, 0, 0)
        # The diamond stays inside the maskable safe zone (a circle of 40% radius).
        reach = 0.22 if maskable else 0.28
        inside = abs(u) + abs(v) <= reach
        return (*(WHITE if inside else BLUE), 255)

    return pixel


OUT.mkdir(parents=True, exist_ok=True)
for size in (192, 512):
    png(OUT / f"icon-{size}.png", size, icon(False))
png(OUT / "icon-maskable-512.png", 512, icon(True))
png(OUT / "apple-touch-icon.png", 180, icon(True))
print("icons written to", OUT)
