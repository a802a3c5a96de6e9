"""Arrays as data files a page's JavaScript reads, also from file:// (no fetch needed).

A data file is a script that stores a JSON value in a global object; arrays go in as
little-endian bytes in base64. Used by draw.py (the "Draw a digit" page) and train_data.py
(the training page, whose worker has no ``window``, hence the ``scope`` argument).
"""

from __future__ import annotations

import base64
import json

import numpy as np


def encode(array: np.ndarray, dtype: str) -> dict:
    """An array as ``{"shape", "dtype", "base64"}``: little-endian bytes, row by row."""
    data = np.ascontiguousarray(array, dtype=np.dtype(dtype).newbyteorder("<"))
    return {
        "shape": list(array.shape),
        "dtype": dtype,
        "base64": base64.b64encode(data.tobytes()).decode("ascii"),
    }


def decode(entry: dict) -> np.ndarray:
    """The inverse of :func:`encode` (the tests read the exported files with it)."""
    raw = base64.b64decode(entry["base64"])
    return np.frombuffer(raw, dtype=np.dtype(entry["dtype"]).newbyteorder("<")).reshape(entry["shape"])


def as_script(target: str, name: str, value: dict, writer: str, source: str) -> str:
    """JavaScript that stores ``value`` as ``<target>[name]`` (``target``: e.g.
    ``window.nnlibDrawAssets``), with a comment naming the ``writer`` script and its ``source``."""
    return (
        f"// Generated at build time by {writer} from {source}.\n"
        f"{target} = {target} || {{}};\n"
        f"{target}[{json.dumps(name)}] = {json.dumps(value, separators=(',', ':'))};\n"
    )


def read_script(text: str) -> dict:
    """The value a file written by :func:`as_script` stores (for the tests)."""
    last = text.strip().splitlines()[-1]
    return json.loads(last.split(" = ", 1)[1].rstrip(";"))
