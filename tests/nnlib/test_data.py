"""Tests for nnlib.data: the MNIST loader, its error messages, downloads and one_hot.

The real files come from the directory in the environment variable NNLIB_DATA_DIR (CI and
the machines here set it); without it the tests that need them are skipped. Nothing here
touches the internet: downloads are tested against a small HTTP server on 127.0.0.1, and
an autouse fixture points the default mirrors at a closed port in case a test forgets.
"""

from __future__ import annotations

import gzip
import hashlib
import http.server
import os
import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import platformdirs
import pytest

from nnlib import data
from nnlib.data import MNISTError, default_data_dir, describe, download_mnist, load_mnist, one_hot

NAMES = data.FILES
GZ_NAMES = [f"{name}.gz" for name in NAMES]
IMAGE_GZ = [f"{data.TRAIN_IMAGES}.gz", f"{data.TEST_IMAGES}.gz"]
LABEL_GZ = [f"{data.TRAIN_LABELS}.gz", f"{data.TEST_LABELS}.gz"]
FIX_HINT = "python -m nnlib data"


# --------------------------------------------------------------------------- fixtures


def _real_dir() -> Path:
    value = os.environ.get("NNLIB_DATA_DIR")
    if not value:
        pytest.skip("NNLIB_DATA_DIR is not set: point it at a directory with the 4 MNIST files")
    return Path(value)


@pytest.fixture(scope="module")
def real_dir() -> Path:
    return _real_dir()


@pytest.fixture(scope="module")
def real_data(real_dir: Path) -> tuple[np.ndarray, ...]:
    """The real MNIST, loaded once for the whole module (about 0.2 s)."""
    return load_mnist(real_dir, download=False)


@pytest.fixture(scope="module")
def gz_bytes(real_dir: Path) -> dict[str, bytes]:
    """The real .gz files' bytes, by file name (what a good mirror serves)."""
    return {name: (real_dir / name).read_bytes() for name in GZ_NAMES}


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any download a test did not plan fail fast on a closed local port."""
    monkeypatch.setattr(data, "MIRRORS", (f"http://127.0.0.1:{_closed_port()}/",))
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")  # never route tests via a proxy


def _closed_port() -> int:
    """A local port with nothing listening on it: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_files(real_dir: Path, target: Path, names: list[str]) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(real_dir / name, target / name)
    return target


def listing(directory: Path) -> list[str]:
    """Every file in the directory, hidden ones included: temp files must not hide."""
    return sorted(os.listdir(directory))


def damaged(raw: bytes, index: int = -1) -> bytes:
    """The same bytes with one changed (same length, so only the checksum can tell)."""
    changed = bytearray(raw)
    changed[index] ^= 0xFF
    return bytes(changed)


def decompressed_sha256(path: Path) -> str:
    return hashlib.sha256(gzip.decompress(path.read_bytes())).hexdigest()


# --------------------------------------------------------------------------- real data


def test_real_data_shapes_dtypes_and_ranges(real_data: tuple[np.ndarray, ...]) -> None:
    X_train, y_train, X_test, y_test = real_data
    assert X_train.shape == (60000, 784) and X_test.shape == (10000, 784)
    assert y_train.shape == (60000,) and y_test.shape == (10000,)
    assert X_train.dtype == np.float32 and X_test.dtype == np.float32
    assert y_train.dtype == np.int64 and y_test.dtype == np.int64
    for X in (X_train, X_test):
        assert X.min() == 0.0 and X.max() == 1.0
    # Every digit occurs, and only digits 0-9.
    assert set(np.unique(y_train)) == set(range(10)) == set(np.unique(y_test))
    # The training set's well-known class sizes (digit 1 is the most common).
    assert np.bincount(y_train).tolist() == [
        5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949,
    ]


def test_real_data_first_labels(real_data: tuple[np.ndarray, ...]) -> None:
    _, y_train, _, y_test = real_data
    assert y_train[:5].tolist() == [5, 0, 4, 1, 9]
    assert y_test[:5].tolist() == [7, 2, 1, 0, 4]


def test_pixels_are_bytes_divided_by_255(real_data: tuple[np.ndarray, ...]) -> None:
    X_train = real_data[0]
    # Every value is k/255 for a whole k in 0..255, and the first image has 166 inked pixels.
    k = X_train[:100] * 255
    np.testing.assert_allclose(k, np.round(k), atol=1e-4)
    assert np.count_nonzero(X_train[0]) == 166
    assert X_train.flags.writeable  # a real array, not a read-only view of the file


def test_arrays_are_writable_and_independent(
    real_dir: Path, real_data: tuple[np.ndarray, ...]
) -> None:
    X_train, y_train, _, _ = load_mnist(real_dir, download=False)
    X_train[0] = 5.0
    y_train[0] = 7
    # Changing one load's arrays does not touch another's (no shared cache).
    assert real_data[0][0].max() == 1.0 and real_data[1][0] == 5


def test_unflattened_images_and_float64(
    real_dir: Path, real_data: tuple[np.ndarray, ...]
) -> None:
    X_train, _, X_test, _ = load_mnist(real_dir, flatten=False, dtype=np.float64, download=False)
    assert X_train.shape == (60000, 28, 28) and X_test.shape == (10000, 28, 28)
    assert X_train.dtype == np.float64 and X_test.dtype == np.float64
    # Same pixels as the flat float32 version, row by row.
    np.testing.assert_allclose(X_test.reshape(10000, 784), real_data[2], rtol=1e-6)
    # The first training image (a 5) is centred: its border is blank.
    assert X_train[0, 0].max() == 0.0 and X_train[0, :, 0].max() == 0.0


def test_directory_comes_from_environment_variable(
    real_dir: Path, real_data: tuple[np.ndarray, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NNLIB_DATA_DIR", str(real_dir))
    _, y_train, _, y_test = load_mnist(download=False)
    np.testing.assert_array_equal(y_train, real_data[1])
    np.testing.assert_array_equal(y_test, real_data[3])


def test_integer_dtype_is_refused(real_dir: Path) -> None:
    with pytest.raises(ValueError, match="floating"):
        load_mnist(real_dir, dtype=np.uint8, download=False)


@pytest.fixture(scope="module")
def raw_dir(real_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four files decompressed, under their names without .gz."""
    target = tmp_path_factory.mktemp("raw")
    for name in NAMES:
        (target / name).write_bytes(gzip.decompress((real_dir / f"{name}.gz").read_bytes()))
    return target


def test_uncompressed_files_work(raw_dir: Path, real_data: tuple[np.ndarray, ...]) -> None:
    loaded = load_mnist(raw_dir, download=False)
    for got, expected in zip(loaded, real_data):
        np.testing.assert_array_equal(got, expected)
    assert listing(raw_dir) == sorted(NAMES)


def test_describe_reports_every_file_ok(real_dir: Path) -> None:
    report = describe(real_dir)
    assert str(real_dir) in report
    assert report.count("OK (SHA-256 verified)") == 4
    for name in GZ_NAMES:
        assert name in report
    assert "9.72 MB" in report  # train-images-idx3-ubyte.gz, 9,719,438 bytes
    assert report.endswith("All 4 files OK.")


# --------------------------------------------------------------------------- damaged files


def assert_helpful(error: pytest.ExceptionInfo[MNISTError], path: Path, *words: str) -> None:
    """The message names the path, says what is wrong, and says what to do."""
    message = str(error.value)
    assert str(path) in message
    for word in words:
        assert word in message, f"{word!r} not in: {message}"
    assert FIX_HINT in message and "NNLIB_DATA_DIR" in message


def test_truncated_gz_file(real_dir: Path, tmp_path: Path) -> None:
    copy_files(real_dir, tmp_path, GZ_NAMES)
    path = tmp_path / f"{data.TRAIN_LABELS}.gz"
    path.write_bytes(path.read_bytes()[:10000])  # as if a copy stopped part-way
    with pytest.raises(MNISTError) as error:
        load_mnist(tmp_path, download=False)
    assert_helpful(error, path, "truncated")
    assert listing(tmp_path) == sorted(GZ_NAMES)


def test_truncated_raw_file(raw_dir: Path, tmp_path: Path) -> None:
    copy_files(raw_dir, tmp_path, list(NAMES))
    path = tmp_path / data.TEST_LABELS
    path.write_bytes(path.read_bytes()[:5008])  # header + half the labels
    with pytest.raises(MNISTError) as error:
        load_mnist(tmp_path, download=False)
    assert_helpful(error, path, "is truncated", "5008 bytes", "expected 10008")
    assert listing(tmp_path) == sorted(NAMES)


def test_extra_bytes_are_reported(raw_dir: Path, tmp_path: Path) -> None:
    copy_files(raw_dir, tmp_path, list(NAMES))
    path = tmp_path / data.TEST_LABELS
    path.write_bytes(path.read_bytes() + b"\x00")
    with pytest.raises(MNISTError) as error:
        load_mnist(tmp_path, download=False)
    assert_helpful(error, path, "has extra bytes", "10009")


def test_changed_bytes_in_gz_fail_the_checksum(real_dir: Path, tmp_path: Path) -> None:
    copy_files(real_dir, tmp_path, GZ_NAMES)
    path = tmp_path / f"{data.TEST_IMAGES}.gz"
    # A valid gzip file of the right length whose pixels differ: only the SHA-256 catches it.
    path.write_bytes(gzip.compress(damaged(gzip.decompress(path.read_bytes())), compresslevel=1))
    with pytest.raises(MNISTError) as error:
        load_mnist(tmp_path, download=False)
    assert_helpful(error, path, "SHA-256", "mismatch")
    assert listing(tmp_path) == sorted(GZ_NAMES)


def test_changed_bytes_in_raw_file_fail_the_checksum(raw_dir: Path, tmp_path: Path) -> None:
    copy_files(raw_dir, tmp_path, list(NAMES))
    path = tmp_path / data.TRAIN_LABELS
    path.write_bytes(damaged(path.read_bytes(), index=100))
    with pytest.raises(MNISTError) as error:
        load_mnist(tmp_path, download=False)
    assert_helpful(error, path, "SHA-256", "mismatch")


def test_damaged_gzip_stream(real_dir: Path, tmp_path: Path) -> None:
    copy_files(real_dir, tmp_path, GZ_NAMES)
    path = tmp_path / f"{data.TEST_LABELS}.gz"
    path.write_bytes(damaged(path.read_bytes(), index=-6))  # inside gzip's own CRC
    with pytest.raises(MNISTError) as error:
        load_mnist(tmp_path, download=False)
    assert_helpful(error, path, "not a valid gzip file")


def test_wrong_magic_number(raw_dir: Path, tmp_path: Path) -> None:
    copy_files(raw_dir, tmp_path, list(NAMES))
    path = tmp_path / data.TRAIN_LABELS
    raw = path.read_bytes()
    path.write_bytes((2051).to_bytes(4, "big") + raw[4:])  # claims to be an images file
    with pytest.raises(MNISTError) as error:
        load_mnist(tmp_path, download=False)
    assert_helpful(error, path, "wrong IDX magic number 2051", "expected 2049")


def test_wrong_item_count(raw_dir: Path, tmp_path: Path) -> None:
    copy_files(raw_dir, tmp_path, list(NAMES))
    path = tmp_path / data.TEST_LABELS
    raw = path.read_bytes()
    path.write_bytes(raw[:4] + (9999).to_bytes(4, "big") + raw[8:])
    with pytest.raises(MNISTError) as error:
        load_mnist(tmp_path, download=False)
    assert_helpful(error, path, "(9999,)", "expected (10000,)")


def test_file_shorter_than_its_header(raw_dir: Path, tmp_path: Path) -> None:
    copy_files(raw_dir, tmp_path, list(NAMES))
    path = tmp_path / data.TEST_IMAGES
    path.write_bytes(b"\x00\x00\x08")
    with pytest.raises(MNISTError) as error:
        load_mnist(tmp_path, download=False)
    assert_helpful(error, path, "truncated", "3 bytes")


def test_missing_explicit_directory(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-dir"
    for call in (
        lambda: load_mnist(missing),  # even with download=True: a typo is not a cache
        lambda: load_mnist(missing, download=False),
        lambda: describe(missing),
        lambda: download_mnist(missing),
    ):
        with pytest.raises(MNISTError) as error:
            call()
        message = str(error.value)
        assert str(missing) in message and "does not exist" in message
        assert "data_dir argument" in message
    assert listing(tmp_path) == []


def test_explicit_path_that_is_a_file(real_dir: Path) -> None:
    path = real_dir / GZ_NAMES[0]
    with pytest.raises(MNISTError, match="is not a directory") as error:
        load_mnist(path, download=False)
    assert str(path) in str(error.value)


def test_missing_directory_from_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "typo"
    monkeypatch.setenv("NNLIB_DATA_DIR", str(missing))
    with pytest.raises(MNISTError) as error:
        load_mnist()
    assert str(missing) in str(error.value) and "NNLIB_DATA_DIR" in str(error.value)
    assert not missing.exists()


def test_missing_files_without_download(real_dir: Path, tmp_path: Path) -> None:
    copy_files(real_dir, tmp_path, IMAGE_GZ)
    with pytest.raises(MNISTError) as error:
        load_mnist(tmp_path, download=False)
    message = str(error.value)
    assert str(tmp_path) in message
    for name in LABEL_GZ:
        assert name in message
    for name in IMAGE_GZ:
        assert name not in message  # only the missing ones are listed
    assert FIX_HINT in message and "NNLIB_DATA_DIR" in message and "download=True" in message
    assert listing(tmp_path) == sorted(IMAGE_GZ)


def test_describe_lists_each_problem(real_dir: Path, raw_dir: Path, tmp_path: Path) -> None:
    copy_files(real_dir, tmp_path, [f"{data.TRAIN_IMAGES}.gz", f"{data.TEST_IMAGES}.gz"])
    shutil.copyfile(raw_dir / data.TRAIN_LABELS, tmp_path / data.TRAIN_LABELS)
    (tmp_path / data.TRAIN_LABELS).write_bytes(damaged((raw_dir / data.TRAIN_LABELS).read_bytes()))
    # t10k-labels is missing altogether.
    with pytest.raises(MNISTError) as error:
        describe(tmp_path)
    lines = str(error.value).splitlines()
    assert str(tmp_path) in lines[0]
    by_file = {line.split()[0]: line for line in lines[1:5]}
    assert "OK" in by_file[f"{data.TRAIN_IMAGES}.gz"]
    assert "OK" in by_file[f"{data.TEST_IMAGES}.gz"]
    assert "PROBLEM" in by_file[data.TRAIN_LABELS] and "SHA-256" in by_file[data.TRAIN_LABELS]
    assert "MISSING" in by_file[f"{data.TEST_LABELS}.gz"]
    assert "2 of 4 files have problems" in lines[5] and FIX_HINT in lines[5]


def test_gz_is_preferred_when_both_exist(raw_dir: Path, real_dir: Path, tmp_path: Path) -> None:
    copy_files(raw_dir, tmp_path, list(NAMES))
    copy_files(real_dir, tmp_path, GZ_NAMES)
    (tmp_path / data.TEST_LABELS).write_bytes(b"not read")
    assert load_mnist(tmp_path, download=False)[3][:5].tolist() == [7, 2, 1, 0, 4]


# --------------------------------------------------------------------------- where files live


def test_default_data_dir_is_the_user_cache_of_platformdirs() -> None:
    expected = Path(platformdirs.user_cache_dir("nnlib", appauthor=False)) / "mnist"
    assert default_data_dir() == expected


def test_default_data_dir_follows_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("XDG_CACHE_HOME is the cache directory's setting on Linux only")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert default_data_dir() == tmp_path / "cache" / "nnlib" / "mnist"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_data_dir() == tmp_path / "home" / ".cache" / "nnlib" / "mnist"


def test_default_directory_is_created_by_download(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("XDG_CACHE_HOME is the cache directory's setting on Linux only")
    monkeypatch.delenv("NNLIB_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    target = tmp_path / "nnlib" / "mnist"
    # Without download, the message points at the cache directory and creates nothing.
    with pytest.raises(MNISTError, match="missing in " + str(target)):
        load_mnist(download=False)
    assert not target.exists()
    # With download (every mirror refused here), the directory exists and stays clean.
    with pytest.raises(MNISTError, match="every mirror failed"):
        load_mnist()
    assert listing(target) == []


# --------------------------------------------------------------------------- downloads


class MirrorHandler(http.server.BaseHTTPRequestHandler):
    """Serves /<kind>/<file>.gz, where kind says how the mirror behaves."""

    def do_GET(self) -> None:  # noqa: N802 (the name http.server expects)
        _, kind, name = self.path.split("/", 2)
        good = self.server.files.get(name)  # type: ignore[attr-defined]
        if kind == "good" and good is not None:
            self.reply(good)
        elif kind == "corrupt" and good is not None:
            # Valid gzip, right length, one pixel changed: only the checksum can tell.
            self.reply(gzip.compress(damaged(gzip.decompress(good)), compresslevel=1))
        elif kind == "silent":
            time.sleep(1.0)  # longer than the test's timeout: the client gives up first
        elif kind == "html":
            self.reply(b"<html>Access denied</html>")  # what a misbehaving site sends
        elif kind == "cut" and good is not None:
            # Announce the whole file, send half, then hang up.
            self.send_response(200)
            self.send_header("Content-Length", str(len(good)))
            self.end_headers()
            self.wfile.write(good[: len(good) // 2])
            self.close_connection = True
        else:
            self.send_error(404, "File not found")

    def reply(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass  # keep the test output quiet


@pytest.fixture
def mirror(gz_bytes: dict[str, bytes]) -> Iterator[str]:
    """Base URL of a local HTTP server; append "good/", "corrupt/", ... to pick a mirror."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), MirrorHandler)
    server.files = gz_bytes  # type: ignore[attr-defined]
    server.daemon_threads = True
    # A short poll interval makes shutdown() quick (the default waits up to 0.5 s).
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_download_everything_from_one_good_mirror(
    mirror: str, tmp_path: Path, gz_bytes: dict[str, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    assert download_mnist(tmp_path, mirrors=[mirror + "good/"], timeout=10) == tmp_path
    assert listing(tmp_path) == sorted(GZ_NAMES)
    for name in NAMES:
        assert (tmp_path / f"{name}.gz").read_bytes() == gz_bytes[f"{name}.gz"]
        assert decompressed_sha256(tmp_path / f"{name}.gz") == data.SHA256[name]
    assert capsys.readouterr().err.count("downloading") == 4
    # A second call finds everything present and downloads nothing.
    download_mnist(tmp_path, mirrors=[mirror + "good/"], timeout=10)
    assert capsys.readouterr().err == ""
    assert load_mnist(tmp_path, download=False)[1][:5].tolist() == [5, 0, 4, 1, 9]


def test_load_mnist_downloads_missing_files_from_mirrors(
    mirror: str, real_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_files(real_dir, tmp_path, IMAGE_GZ)
    monkeypatch.setattr(data, "MIRRORS", (mirror + "good/",))
    _, y_train, _, y_test = load_mnist(tmp_path)
    assert y_train[:5].tolist() == [5, 0, 4, 1, 9] and y_test[:5].tolist() == [7, 2, 1, 0, 4]
    assert listing(tmp_path) == sorted(GZ_NAMES)


@pytest.mark.parametrize("bad", ["missing/", "html/", "cut/", "closed-port"])
def test_failing_mirror_is_skipped(
    bad: str,
    mirror: str,
    real_dir: Path,
    tmp_path: Path,
    gz_bytes: dict[str, bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:
    copy_files(real_dir, tmp_path, IMAGE_GZ)  # only the two small label files download
    bad_url = f"http://127.0.0.1:{_closed_port()}/" if bad == "closed-port" else mirror + bad
    download_mnist(tmp_path, mirrors=[bad_url, mirror + "good/"], timeout=10)
    assert listing(tmp_path) == sorted(GZ_NAMES)
    for name in LABEL_GZ:
        assert (tmp_path / name).read_bytes() == gz_bytes[name]
    notes = capsys.readouterr().err
    assert notes.count(f"skipping {bad_url}") == 2  # one note per label file


def test_silent_mirror_times_out(
    mirror: str,
    real_dir: Path,
    tmp_path: Path,
    gz_bytes: dict[str, bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:
    copy_files(real_dir, tmp_path, GZ_NAMES[:3])  # only t10k-labels is missing
    download_mnist(tmp_path, mirrors=[mirror + "silent/", mirror + "good/"], timeout=0.2)
    assert (tmp_path / LABEL_GZ[1]).read_bytes() == gz_bytes[LABEL_GZ[1]]
    assert "timed out" in capsys.readouterr().err
    assert listing(tmp_path) == sorted(GZ_NAMES)


def test_corrupt_mirror_is_skipped_and_good_bytes_kept(
    mirror: str,
    real_dir: Path,
    tmp_path: Path,
    gz_bytes: dict[str, bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:
    copy_files(real_dir, tmp_path, LABEL_GZ[:1] + IMAGE_GZ[:1])
    # The test-set images (1.6 MB) and labels download; the corrupt mirror is tried first.
    download_mnist(tmp_path, mirrors=[mirror + "corrupt/", mirror + "good/"], timeout=10)
    assert listing(tmp_path) == sorted(GZ_NAMES)
    for name in (data.TEST_IMAGES, data.TEST_LABELS):
        assert (tmp_path / f"{name}.gz").read_bytes() == gz_bytes[f"{name}.gz"]
        assert decompressed_sha256(tmp_path / f"{name}.gz") == data.SHA256[name]
    assert capsys.readouterr().err.count("SHA-256 checksum mismatch") == 2


def test_all_mirrors_bad(mirror: str, real_dir: Path, tmp_path: Path) -> None:
    copy_files(real_dir, tmp_path, IMAGE_GZ)
    bad = [
        mirror + "missing/",
        f"http://127.0.0.1:{_closed_port()}/",
        mirror + "corrupt/",
        mirror + "cut/",
    ]
    with pytest.raises(MNISTError) as error:
        download_mnist(tmp_path, mirrors=bad, timeout=10)
    message = str(error.value)
    lines = message.splitlines()
    assert str(tmp_path) in lines[0] and f"{data.TRAIN_LABELS}.gz" in lines[0]
    for line, url, reason in zip(
        lines[1:5], bad, ["404", "refused", "SHA-256 checksum mismatch", "closed after"]
    ):
        assert line.startswith(f"  - {url}{data.TRAIN_LABELS}.gz: ")
        assert reason.lower() in line.lower(), line
    assert "by hand" in message and "NNLIB_DATA_DIR" in message
    assert listing(tmp_path) == sorted(IMAGE_GZ)  # nothing partial left behind


def test_interrupted_download_leaves_nothing(
    mirror: str, real_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_files(real_dir, tmp_path, IMAGE_GZ)

    def interrupted(source: object, target: object) -> None:
        target.write(b"half a file")  # type: ignore[attr-defined]
        raise KeyboardInterrupt  # Ctrl-C in the middle of the copy

    monkeypatch.setattr(data.shutil, "copyfileobj", interrupted)
    with pytest.raises(KeyboardInterrupt):
        download_mnist(tmp_path, mirrors=[mirror + "good/"], timeout=10)
    assert listing(tmp_path) == sorted(IMAGE_GZ)


def test_no_mirrors_at_all(tmp_path: Path) -> None:
    with pytest.raises(MNISTError, match="every mirror failed"):
        download_mnist(tmp_path, mirrors=[])
    assert listing(tmp_path) == []


# --------------------------------------------------------------------------- one_hot


def test_one_hot_values() -> None:
    Y = one_hot([3, 0, 9])
    expected = np.zeros((3, 10), dtype=np.float32)
    expected[0, 3] = expected[1, 0] = expected[2, 9] = 1
    np.testing.assert_array_equal(Y, expected)
    assert Y.dtype == np.float32


def test_one_hot_options() -> None:
    Y = one_hot(np.array([2, 0], dtype=np.uint8), n_classes=3, dtype=np.float64)
    assert Y.dtype == np.float64
    assert Y.tolist() == [[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]
    assert one_hot(np.array([1.0, 0.0]), n_classes=2).tolist() == [[0, 1], [1, 0]]
    assert one_hot(np.array([], dtype=np.int64)).shape == (0, 10)


def test_one_hot_round_trips_real_labels(real_data: tuple[np.ndarray, ...]) -> None:
    y_test = real_data[3]
    Y = one_hot(y_test)
    assert Y.shape == (10000, 10) and Y.sum() == 10000
    np.testing.assert_array_equal(Y.argmax(axis=1), y_test)


@pytest.mark.parametrize(
    ("labels", "kwargs", "expected_words"),
    [
        ([1, 10, 2], {}, ["0..9", "found 10 at index 1"]),
        ([-1], {}, ["found -1 at index 0"]),
        ([0, 3], {"n_classes": 3}, ["0..2", "found 3 at index 1"]),
        ([1.0, 2.5], {}, ["whole numbers", "2.5 at index 1"]),
        ([1.0, np.nan], {}, ["nan at index 1"]),
        (np.zeros((4, 10)), {}, ["(4, 10)", "one-hot already"]),
        (np.zeros((4, 1), dtype=int), {}, ["(4, 1)", "ravel"]),
        (np.int64(3), {}, ["1-D", "shape ()"]),
        (["3"], {}, ["integers", "<U1"]),
        ([True, False], {}, ["integers", "bool"]),
        ([0], {"n_classes": 0}, ["n_classes", "0"]),
    ],
)
def test_one_hot_errors(labels: object, kwargs: dict, expected_words: list[str]) -> None:
    with pytest.raises(ValueError) as error:
        one_hot(labels, **kwargs)
    for word in expected_words:
        assert word in str(error.value), str(error.value)
