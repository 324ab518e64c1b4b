"""Headless Chromium and a small PNG reader, for the browser test and the docs picture.

Chromium comes from the Debian package ``chromium`` (``make install-browser``).
PNG files are decoded with :mod:`zlib` alone: enough for Chromium's
screenshots (8-bit RGB or RGBA, not interlaced).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import numpy

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)
TIMEOUT = 120


def chromium() -> str | None:
    """The Chromium executable, or ``None`` when it is not installed."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def _run(args: list[str]) -> str:
    executable = chromium()
    if executable is None:
        raise FileNotFoundError("chromium is not installed; run `make install-browser`")
    with tempfile.TemporaryDirectory(prefix="rhetorika-chromium-") as profile:
        done = subprocess.run(
            [executable, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"chromium exited with {done.returncode}: {done.stderr[-2000:]}")
    return done.stdout


def screenshot(page: Path, png: Path, *, width: int, height: int) -> None:
    """Open ``page`` and save what a ``width`` x ``height`` window shows as ``png``."""
    _run([f"--screenshot={png}", f"--window-size={width},{height}", page.as_uri()])
    if not png.exists():
        raise RuntimeError(f"chromium wrote no screenshot to {png}")


def dump_dom(page: Path) -> str:
    """The DOM of ``page`` after loading, serialised as HTML."""
    return _run(["--dump-dom", page.as_uri()])


@attrs.frozen
class Image:
    """Decoded pixels, an array of shape ``(height, width, 3)``."""

    pixels: numpy.ndarray[Any, Any]

    def colours(self) -> Counter[tuple[int, int, int]]:
        """How many pixels have each colour."""
        flat = self.pixels.reshape(-1, 3)
        values, counts = numpy.unique(flat, axis=0, return_counts=True)
        return Counter(
            {(int(r), int(g), int(b)): int(n) for (r, g, b), n in zip(values, counts, strict=True)}
        )


def _unfilter_slow(kind: int, line: bytearray, previous: bytearray, channels: int) -> None:
    """PNG filters 3 (average) and 4 (Paeth), which depend on the pixel just decoded."""
    for x in range(len(line)):
        left = line[x - channels] if x >= channels else 0
        up = previous[x]
        if kind == 3:
            line[x] = (line[x] + (left + up) // 2) & 0xFF
            continue
        corner = previous[x - channels] if x >= channels else 0
        estimate = left + up - corner
        pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
        nearest = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
        line[x] = (line[x] + nearest) & 0xFF


def read_png(path: Path) -> Image:
    """Decode an 8-bit, non-interlaced RGB or RGBA PNG (alpha dropped)."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    position, idat = 8, b""
    width = height = channels = 0
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError(f"{path}: only 8-bit RGB(A), non-interlaced PNG is read")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * channels
    out = numpy.zeros((height, stride), dtype=numpy.uint8)
    previous = numpy.zeros(stride, dtype=numpy.uint8)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = numpy.frombuffer(raw, dtype=numpy.uint8, count=stride, offset=start + 1)
        if kind == 0:
            row = line.copy()
        elif kind == 1:  # sub: a running sum along each channel
            sums = numpy.cumsum(line.reshape(width, channels), axis=0, dtype=numpy.uint64)
            row = (sums & 0xFF).astype(numpy.uint8).reshape(stride)
        elif kind == 2:  # up
            row = line + previous
        elif kind in (3, 4):
            buffer = bytearray(line.tobytes())
            _unfilter_slow(kind, buffer, bytearray(previous.tobytes()), channels)
            row = numpy.frombuffer(bytes(buffer), dtype=numpy.uint8)
        else:
            raise ValueError(f"{path}: unknown PNG filter {kind} on row {y}")
        out[y] = row
        previous = row
    pixels = out.reshape(height, width, channels)[:, :, :3]
    return Image(pixels=pixels)
