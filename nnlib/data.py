"""Load the MNIST handwritten digits from the four standard IDX files.

MNIST comes as four files: training images and labels, test images and labels. Each is in
the simple IDX format: a 4-byte "magic number" saying what the file holds, the size of each
dimension as a big-endian 32-bit integer, then the raw bytes (one byte per pixel or label).
The files are usually gzip-compressed (``.gz``); uncompressed copies work too.

Where the files are looked for, in order:

1. the ``data_dir`` argument,
2. the environment variable ``NNLIB_DATA_DIR``,
3. a per-user cache directory (see [`default_data_dir`][nnlib.data.default_data_dir]).

Missing files are downloaded from public mirrors (the original site refuses scripts).
Every file is checked against the SHA-256 of its *decompressed* bytes, so a truncated or
damaged file is reported, with its path and what to do, instead of training on garbage.

    >>> X_train, y_train, X_test, y_test = load_mnist()          # doctest: +SKIP
    >>> X_train.shape, y_train[:5]                                # doctest: +SKIP
    ((60000, 784), array([5, 0, 4, 1, 9]))
"""

from __future__ import annotations

import gzip
import hashlib
import http.client
import os
import shutil
import struct
import sys
import tempfile
import urllib.error
import urllib.request
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import platformdirs

# The four files, by the names every MNIST loader uses (without the ".gz").
TRAIN_IMAGES = "train-images-idx3-ubyte"
TRAIN_LABELS = "train-labels-idx1-ubyte"
TEST_IMAGES = "t10k-images-idx3-ubyte"
TEST_LABELS = "t10k-labels-idx1-ubyte"
FILES = (TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)

# SHA-256 of the *uncompressed* files, the published checksums of the canonical MNIST.
# We hash the decompressed bytes because the .gz wrappers differ between mirrors
# (a gzip header records a file name and a time), while the data inside is identical.
SHA256 = {
    TRAIN_IMAGES: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    TRAIN_LABELS: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    TEST_IMAGES: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    TEST_LABELS: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
}

# What the IDX header of each file must say: its magic number and its shape.
# The magic number's last byte is the number of dimensions; 0x08 before it means "bytes".
LABELS_MAGIC = 2049  # 0x00000801: unsigned bytes, 1 dimension
IMAGES_MAGIC = 2051  # 0x00000803: unsigned bytes, 3 dimensions
EXPECTED = {
    TRAIN_IMAGES: (IMAGES_MAGIC, (60000, 28, 28)),
    TRAIN_LABELS: (LABELS_MAGIC, (60000,)),
    TEST_IMAGES: (IMAGES_MAGIC, (10000, 28, 28)),
    TEST_LABELS: (LABELS_MAGIC, (10000,)),
}

# Public mirrors, tried in order. http://yann.lecun.com/exdb/mnist/ (the original) refuses
# requests from scripts, so it is not listed.
MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
)

ENV_VAR = "NNLIB_DATA_DIR"

# Said at the end of every message about a damaged file.
_FIX_HINT = (
    "Delete it and run `python -m nnlib data` to download it again, "
    f"or point {ENV_VAR} at a directory with good copies."
)


class MNISTError(Exception):
    """The MNIST files are missing, damaged, or could not be downloaded.

    The message always names the directory or file involved and says what to do.

    Used in [Part 3, step 4: the data](../part3/step4-two-layers.md#the-data).
    """


# --------------------------------------------------------------------------- where


def default_data_dir() -> Path:
    """Return the per-user cache directory where MNIST is kept when nothing else is given.

    The ``mnist`` folder of nnlib's cache directory, as ``platformdirs`` names it for this
    system: ``$XDG_CACHE_HOME/nnlib/mnist`` (usually ``~/.cache/nnlib/mnist``) on Linux,
    ``~/Library/Caches/nnlib/mnist`` on macOS, ``%LOCALAPPDATA%\\nnlib\\Cache\\mnist``
    on Windows. The directory is not created here; it is created when the files are first
    downloaded.

    Used in [Home: running the code yourself](../index.md#running-the-code-yourself).

    Examples:
        >>> default_data_dir().name
        'mnist'
    """
    return Path(platformdirs.user_cache_dir("nnlib", appauthor=False)) / "mnist"


def _resolve_dir(data_dir: str | os.PathLike[str] | None) -> tuple[Path, str | None]:
    """Return the directory to use and, if a person chose it, where they chose it.

    A directory chosen explicitly (argument or environment variable) must already exist:
    a typo there should be reported, not silently filled with a fresh download. The
    default cache directory is created on demand, so its "source" is ``None``.
    """
    if data_dir is not None:
        return Path(data_dir).expanduser(), "the data_dir argument"
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser(), f"the environment variable {ENV_VAR}"
    return default_data_dir(), None


def _check_chosen_dir(directory: Path, source: str | None) -> None:
    """Raise ``MNISTError`` if an explicitly chosen directory does not exist."""
    if source is None or directory.is_dir():
        return
    problem = "is not a directory" if directory.exists() else "does not exist"
    instead = f"unset {ENV_VAR}" if ENV_VAR in source else "pass data_dir=None"
    raise MNISTError(
        f"MNIST directory {directory} (from {source}) {problem}. Fix the path, or create "
        f"the directory and run `python -m nnlib data` to download the files into it, or "
        f"{instead} to use the default cache directory {default_data_dir()}."
    )


def _find_file(directory: Path, name: str) -> Path | None:
    """Return the compressed (``name.gz``) or raw (``name``) file, or ``None`` if neither exists.

    If both exist the ``.gz`` wins: it is what downloads produce.
    """
    for candidate in (directory / f"{name}.gz", directory / name):
        if candidate.is_file():
            return candidate
    return None


def _missing_files(directory: Path) -> list[str]:
    return [name for name in FILES if _find_file(directory, name) is None]


# --------------------------------------------------------------------------- reading


def _decompress(raw: bytes, where: str) -> bytes:
    """Return the gzip-decompressed ``raw`` bytes; ``where`` names their source in errors."""
    try:
        return gzip.decompress(raw)
    except (EOFError, OSError, zlib.error) as error:
        # EOFError: the .gz stops early (an interrupted copy or download);
        # BadGzipFile (an OSError) or zlib.error: the bytes are not gzip, or damaged.
        raise MNISTError(
            f"{where}: is truncated or not a valid gzip file ({error}). {_FIX_HINT}"
        ) from error


def _read_bytes(path: Path) -> bytes:
    """Return the file's decompressed bytes (or its bytes, if it is not a ``.gz``)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise MNISTError(f"{path}: cannot be read ({error}). {_FIX_HINT}") from error
    return _decompress(raw, str(path)) if path.suffix == ".gz" else raw


def _parse_idx(data: bytes, name: str, path: Path | str) -> np.ndarray:
    """Check the IDX header against what ``name`` must hold and return the array (uint8).

    ``path`` is only used in error messages: the file, or the URL being downloaded.

    The checks run from the most specific message to the least: wrong kind of file (magic
    number), wrong number of items, wrong length (truncated), and only then the checksum,
    which catches any other change.
    """
    magic, shape = EXPECTED[name]
    header_size = 4 + 4 * len(shape)
    if len(data) < header_size:
        raise MNISTError(
            f"{path}: is truncated: only {len(data)} bytes, too short even for the "
            f"{header_size}-byte IDX header. {_FIX_HINT}"
        )
    (found_magic,) = struct.unpack(">I", data[:4])  # ">": big-endian, "I": 32-bit unsigned
    if found_magic != magic:
        kind = "labels" if magic == LABELS_MAGIC else "images"
        raise MNISTError(
            f"{path}: wrong IDX magic number {found_magic} (expected {magic} for an "
            f"{kind} file); it is not the MNIST file {name}. {_FIX_HINT}"
        )
    found_shape = struct.unpack(f">{len(shape)}I", data[4:header_size])
    if found_shape != shape:
        raise MNISTError(
            f"{path}: the IDX header gives shape {found_shape}, expected {shape} "
            f"(wrong item count or image size). {_FIX_HINT}"
        )
    expected_size = header_size + int(np.prod(shape))
    if len(data) != expected_size:
        problem = "is truncated" if len(data) < expected_size else "has extra bytes"
        raise MNISTError(
            f"{path}: {problem}: {len(data)} bytes of data (decompressed), expected "
            f"{expected_size}. {_FIX_HINT}"
        )
    if hashlib.sha256(data).hexdigest() != SHA256[name]:
        raise MNISTError(
            f"{path}: SHA-256 checksum mismatch: the header and size are right but the "
            f"contents differ from the real MNIST file {name} (damaged or modified). "
            f"{_FIX_HINT}"
        )
    # frombuffer makes no copy: the array is a read-only view of the bytes.
    return np.frombuffer(data, dtype=np.uint8, offset=header_size).reshape(shape)


def _load_file(directory: Path, name: str) -> np.ndarray:
    path = _find_file(directory, name)
    if path is None:  # load_mnist checks first; this guards direct callers
        raise MNISTError(f"{directory}: has no {name}.gz or {name}.")
    return _parse_idx(_read_bytes(path), name, path)


def _missing_message(directory: Path, missing: list[str]) -> str:
    listed = ", ".join(f"{name}.gz" for name in missing)
    return (
        f"MNIST files missing in {directory}: {listed} (uncompressed copies without "
        f".gz also work). Run `python -m nnlib data` or call load_mnist(download=True) "
        f"to download them, or point {ENV_VAR} at a directory that has them."
    )


def load_mnist(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    flatten: bool = True,
    dtype: npt.DTypeLike = np.float32,
    download: bool = True,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Load MNIST as ``(X_train, y_train, X_test, y_test)``.

    Args:
        data_dir: directory with the four IDX files. ``None`` means ``$NNLIB_DATA_DIR``,
            else [`default_data_dir`][nnlib.data.default_data_dir]. A directory you name must exist.
        flatten: ``True`` gives each image as a row of 784 pixels, shape (N, 784), ready
            for a network's input layer; ``False`` keeps them as (N, 28, 28) for plotting.
        dtype: floating type of the pixels, e.g. ``np.float32`` or ``np.float64``.
        download: fetch missing files from `MIRRORS`. With ``False``, missing
            files raise [`MNISTError`][nnlib.data.MNISTError].

    Returns:
        ``X_train`` (60000, 784) and ``X_test`` (10000, 784), pixels scaled from 0..255
        to [0, 1]; ``y_train`` (60000,) and ``y_test`` (10000,), int64 labels 0-9.

    Raises:
        MNISTError: a directory or file is missing, a file is truncated or damaged (its
            SHA-256 differs from the real MNIST), or the download failed.
        ValueError: ``dtype`` is not a floating-point type.

    Used in [Part 3, step 4: the data](../part3/step4-two-layers.md#the-data).

    Examples:
        >>> X_train, y_train, X_test, y_test = load_mnist()  # doctest: +SKIP
        >>> X_train.shape, X_train.dtype, y_train[:5]  # doctest: +SKIP
        ((60000, 784), dtype('float32'), array([5, 0, 4, 1, 9]))
    """
    dtype = np.dtype(dtype)
    if not np.issubdtype(dtype, np.floating):
        raise ValueError(
            f"dtype must be a floating type such as np.float32, got {dtype}: "
            f"pixels are scaled to [0, 1]."
        )
    directory, source = _resolve_dir(data_dir)
    _check_chosen_dir(directory, source)
    missing = _missing_files(directory)
    if missing:
        if not download:
            raise MNISTError(_missing_message(directory, missing))
        _download_missing(directory, mirrors=None, timeout=30.0)

    def images(name: str) -> np.ndarray:
        pixels = _load_file(directory, name)
        if flatten:
            pixels = pixels.reshape(len(pixels), -1)
        # One pass from bytes 0..255 to floats 0..1; the result is a fresh, writable array.
        return np.divide(pixels, 255, dtype=dtype)

    def labels(name: str) -> np.ndarray:
        return _load_file(directory, name).astype(np.int64)

    return images(TRAIN_IMAGES), labels(TRAIN_LABELS), images(TEST_IMAGES), labels(TEST_LABELS)


# --------------------------------------------------------------------------- downloading


def _note(message: str) -> None:
    """Tell the person waiting what is happening (stderr, so stdout stays clean)."""
    print(f"nnlib: {message}", file=sys.stderr, flush=True)


def _download_one(name: str, directory: Path, mirrors: Sequence[str], timeout: float) -> Path:
    """Download ``name.gz`` into ``directory`` from the first mirror that serves good bytes."""
    target = directory / f"{name}.gz"
    failures = []
    for mirror in mirrors:
        url = mirror.rstrip("/") + "/" + target.name
        # A temporary file in the same directory: os.replace onto the final name is then
        # atomic, so the final name only ever holds a complete, verified file.
        try:
            fd, tmp_name = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".part", dir=directory
            )
        except OSError as error:
            raise MNISTError(
                f"cannot write into {directory} ({error}). Choose a writable directory "
                f"(data_dir argument or {ENV_VAR})."
            ) from error
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                _note(f"downloading {url}")
                request = urllib.request.Request(url, headers={"User-Agent": "nnlib"})
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    shutil.copyfileobj(response, out)
                    announced = response.headers.get("Content-Length")
                # urllib does not notice a connection that closes early; the length does.
                if announced is not None and out.tell() != int(announced):
                    raise MNISTError(
                        f"{url}: the connection closed after {out.tell()} of "
                        f"{announced} bytes"
                    )
            # Verify the decompressed bytes BEFORE the file gets its real name.
            _parse_idx(_decompress(tmp.read_bytes(), url), name, url)
            os.replace(tmp, target)
            return target
        except (OSError, http.client.HTTPException, ValueError, MNISTError) as error:
            # OSError covers URLError, HTTPError (404...) and timeouts; HTTPException a
            # connection cut mid-file; ValueError a malformed mirror URL.
            if isinstance(error, urllib.error.HTTPError):
                error.close()  # an HTTP error carries an open response; release it
            reason = str(error).removeprefix(f"{url}: ").replace(_FIX_HINT, "").strip()
            _note(f"skipping {mirror}: {reason}")
            failures.append(f"  - {url}: {reason}")
        finally:
            # Whatever happened (even Ctrl-C), leave no partial file behind.
            tmp.unlink(missing_ok=True)
    raise MNISTError(
        f"could not download {target.name} into {directory}; every mirror failed:\n"
        + "\n".join(failures)
        + f"\nDownload the four MNIST .gz files by hand (any mirror above, in a browser) "
        f"into {directory}, or set {ENV_VAR} to a directory that already has them."
    )


def download_mnist(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    mirrors: Sequence[str] | None = None,
    timeout: float = 30.0,
) -> Path:
    """Download whichever of the four MNIST files are missing, and return the directory.

    Files already present are left alone (use [`describe`][nnlib.data.describe] to check them). Each file
    is written to a temporary file next to its final place, its decompressed SHA-256 is
    checked, and only then is it renamed into place; nothing half-written is left behind.
    A mirror that fails or serves wrong bytes is skipped with a note on stderr.

    Args:
        data_dir: as in [`load_mnist`][nnlib.data.load_mnist]; the default cache directory is created if needed.
        mirrors: base URLs to try in order, each followed by the file name;
            ``None`` means `MIRRORS`.
        timeout: seconds to wait on a silent connection before trying the next mirror.

    Raises:
        MNISTError: a chosen directory does not exist, or every mirror failed for a file
            (the message lists each mirror with its error).

    Used in [Home: running the code yourself](../index.md#running-the-code-yourself).
    """
    directory, source = _resolve_dir(data_dir)
    _check_chosen_dir(directory, source)
    _download_missing(directory, mirrors, timeout)
    return directory


def _download_missing(directory: Path, mirrors: Sequence[str] | None, timeout: float) -> None:
    """Create ``directory`` if needed and download the files missing from it."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise MNISTError(
            f"cannot create the MNIST directory {directory} ({error}). Set {ENV_VAR} "
            f"to a writable directory."
        ) from error
    mirrors = MIRRORS if mirrors is None else tuple(mirrors)
    for name in _missing_files(directory):
        _download_one(name, directory, mirrors, timeout)


# --------------------------------------------------------------------------- checking


def describe(data_dir: str | os.PathLike[str] | None = None) -> str:
    """Check all four MNIST files and return a short report; raise if any has a problem.

    Every file is read, its IDX header checked and its decompressed SHA-256 compared,
    whether or not an earlier file failed, so one run shows every problem. Nothing is
    downloaded (``python -m nnlib data`` first calls [`download_mnist`][nnlib.data.download_mnist]).

    Returns:
        The report (directory, then one line per file with its size and ``OK``), when all
        four files are good.

    Raises:
        MNISTError: some file is missing or damaged. The message is the same report, with
            the problem on that file's line, followed by what to do.

    Used in [Home: running the code yourself](../index.md#running-the-code-yourself).

    Examples:
        >>> print(describe())  # doctest: +SKIP
        MNIST directory: /home/you/.cache/nnlib/mnist (default cache directory)
          train-images-idx3-ubyte.gz         9.72 MB  OK (SHA-256 verified)
          ...
        All 4 files OK.
    """
    directory, source = _resolve_dir(data_dir)
    _check_chosen_dir(directory, source)
    how = f"from {source}" if source else "default cache directory"
    lines = [f"MNIST directory: {directory} ({how})"]
    problems = 0
    for name in FILES:
        path = _find_file(directory, name)
        if path is None:
            lines.append(f"  {name + '.gz':32} MISSING")
            problems += 1
            continue
        try:
            _parse_idx(_read_bytes(path), name, path)
        except MNISTError as error:
            reason = str(error).replace(f"{path}: ", "", 1).replace(_FIX_HINT, "").strip()
            lines.append(f"  {path.name:32} PROBLEM: {reason}")
            problems += 1
        else:
            size = path.stat().st_size
            shown = f"{size / 1e6:.2f} MB" if size >= 1e6 else f"{size / 1e3:.1f} kB"
            lines.append(f"  {path.name:32} {shown:>9}  OK (SHA-256 verified)")
    if problems:
        lines.append(
            f"{problems} of {len(FILES)} files have problems. Delete any damaged file and "
            f"run `python -m nnlib data` to download what is missing, or point {ENV_VAR} "
            f"at a directory with good copies."
        )
        raise MNISTError("\n".join(lines))
    lines.append("All 4 files OK.")
    return "\n".join(lines)


# --------------------------------------------------------------------------- labels


def one_hot(
    labels: npt.ArrayLike, n_classes: int = 10, dtype: npt.DTypeLike = np.float32
) -> np.ndarray:
    """Turn integer labels into one-hot rows: label 3 becomes ``[0, 0, 0, 1, 0, ..., 0]``.

    The network's outputs are one row per example with one column per class; the targets
    ``Y`` it learns from must have the same shape, with a 1 in the column of the right
    class.

    Built in [Part 1, NumPy: fancy indexing](../part1/numpy.md#fancy-indexing).
    Used in [Part 3, step 5: the error](../part3/step5-the-error.md#targets-one-hot-rows).

    Examples:
        >>> one_hot([2, 0], n_classes=3)
        array([[0., 0., 1.],
               [1., 0., 0.]], dtype=float32)

    Raises:
        ValueError: ``labels`` is not 1-D, holds a non-integer, or a label is outside
            ``0 .. n_classes - 1``.
    """
    labels = np.asarray(labels)
    if isinstance(n_classes, bool) or not isinstance(n_classes, (int, np.integer)) or n_classes < 1:
        raise ValueError(f"n_classes must be a positive integer, got {n_classes!r}.")
    if labels.ndim != 1:
        hint = ""
        if labels.ndim == 2 and labels.shape[1] == n_classes:
            hint = " They look one-hot already."
        elif labels.ndim == 2 and labels.shape[1] == 1:
            hint = " Use labels.ravel()."
        raise ValueError(
            f"labels must be a 1-D array of class numbers, got shape {labels.shape}.{hint}"
        )
    if labels.dtype == bool or not (
        np.issubdtype(labels.dtype, np.integer) or np.issubdtype(labels.dtype, np.floating)
    ):
        raise ValueError(f"labels must be integers, got dtype {labels.dtype}.")
    if np.issubdtype(labels.dtype, np.floating):
        # Whole numbers stored as floats (3.0) are fine; 2.5 or NaN is a mistake.
        not_whole = ~np.isfinite(labels) | (labels != np.round(labels))
        if not_whole.any():
            index = int(np.argmax(not_whole))
            raise ValueError(
                f"labels must be whole numbers, found {labels[index]} at index {index}."
            )
    outside = (labels < 0) | (labels >= n_classes)
    if outside.any():
        index = int(np.argmax(outside))
        raise ValueError(
            f"labels must be in 0..{n_classes - 1}, found {labels[index]} at index {index}."
        )
    Y = np.zeros((len(labels), n_classes), dtype=dtype)
    Y[np.arange(len(labels)), labels.astype(np.intp)] = 1
    return Y
