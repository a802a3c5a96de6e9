"""``python -m nnlib bench``: the report's lines, the fairness of the comparison, its pieces.

The benchmark's numbers depend on the machine; these tests check that a short run prints
every line the README and the performance page promise, in a form a script can parse, that
nnlib and PyTorch really train the same network (same accuracy from the same start), that a
missing PyTorch gives a clear message instead of a traceback, and the helper functions.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys

import numpy as np
import pytest

from nnlib import GuideNetwork, one_hot
from nnlib.tools import bench
from nnlib.tools.bench_worker import serve

FLOAT = r"(\d+(?:\.\d+)?)"


def run_bench(data_dir, **options) -> str:
    out = io.StringIO()
    settings = dict(epochs=2, data_dir=data_dir, threads=1, train_size=3000, guide_epochs=1,
                    per_example_examples=128)
    assert bench.main(**{**settings, **options}, out=out) == 0
    return out.getvalue()


def line(pattern: str, text: str) -> re.Match:
    match = re.search(pattern, text, re.M)
    assert match, f"no line matching {pattern!r} in:\n{text}"
    return match


def check_common_lines(text: str, epochs: int) -> float:
    """The lines printed with or without PyTorch; returns nnlib's seconds per epoch."""
    line(r"^date: \d{4}-\d\d-\d\d \d\d:\d\d UTC$", text)
    line(r"^machine: .+, \d+ cores \(\d+ usable\)", text)
    line(r"^versions: Python [\d.]+, NumPy [\d.]+ \(.+\), nnlib [\d.]+", text)
    line(r"^threads: 1 per framework", text)
    kernel = openblas_kernel_from_threadpoolctl()
    if kernel:
        line(rf"^versions: Python [\d.]+, NumPy [\d.]+ \(.+, {kernel} kernel\)", text)
    assert ("note: OPENBLAS_CORETYPE=" in text) == bool(os.environ.get("OPENBLAS_CORETYPE"))
    nnlib_seconds = float(line(rf"^nnlib: {FLOAT} s per epoch \(median of {epochs}\)$", text).group(1))
    rate = line(rf"^float32 matrix multiply at the training shapes: {FLOAT} GFLOP/s "
                rf"\(median of {epochs}, one after each nnlib epoch; best {FLOAT}\)$", text)
    gflops, best = float(rate.group(1)), float(rate.group(2))
    assert best >= gflops
    fraction = line(rf"^nnlib epoch: 6 x 101,770 parameters x 3,000 examples = {FLOAT} GFLOP "
                    rf"in {FLOAT} s = {FLOAT} GFLOP/s, (\d+)% of the matrix-multiply rate$", text)
    assert float(fraction.group(1)) == pytest.approx(6 * 101_770 * 3000 / 1e9, abs=0.05)
    assert 0 < nnlib_seconds < 10 and gflops > 0.1
    assert int(fraction.group(4)) == pytest.approx(100 * float(fraction.group(3)) / gflops, abs=1)
    line(rf"^guide network \(784-64-10 sigmoid, float64, batch 64, plain SGD\): {FLOAT} s per epoch", text)
    line(rf"^guide network one example at a time \(Python loop\): {FLOAT} s per epoch "
         rf"\(estimated from 128 examples\)$", text)
    memory = line(rf"^peak memory: nnlib worker {FLOAT} MB", text)
    assert float(memory.group(1)) < 1024  # the target: training stays under 1 GB resident
    assert len(re.findall(r"^epoch +\d+: nnlib \d", text, re.M)) == epochs
    return nnlib_seconds


@pytest.mark.skipif(not bench.torch_available(), reason="PyTorch is not installed (pip install 'nnlib[bench]')")
def test_bench_against_torch_prints_every_line(data_dir):
    text = run_bench(data_dir)
    nnlib_seconds = check_common_lines(text, epochs=2)
    torch_seconds = float(line(rf"^torch: {FLOAT} s per epoch \(median of 2\)$", text).group(1))
    speed_up = float(line(r"^speed-up vs torch: (\d+\.\d\d)x$", text).group(1))
    assert speed_up > 0 and torch_seconds > 0
    # The speed-up is the median of paired per-epoch ratios, with 2 epochs the mean of two.
    ratios = [float(r) for r in re.findall(r"torch/nnlib (\d+\.\d\d)$", text, re.M)]
    assert len(ratios) == 2 and speed_up == pytest.approx(sum(ratios) / 2, abs=0.011)
    assert nnlib_seconds > 0
    line(r"^versions: .*, PyTorch \d", text)
    # Same network, same start, same batches: the two reach the same accuracy.
    accuracy = line(rf"^test accuracy after 3 epochs: nnlib {FLOAT}, torch {FLOAT}$", text)
    nnlib_accuracy, torch_accuracy = float(accuracy.group(1)), float(accuracy.group(2))
    assert nnlib_accuracy > 0.85 and abs(nnlib_accuracy - torch_accuracy) < 0.005


def test_bench_without_torch_says_so_and_times_nnlib(data_dir, monkeypatch):
    monkeypatch.setenv(bench.NO_TORCH_ENV, "1")
    text = run_bench(data_dir, epochs=1)
    assert "PyTorch is not installed, so there is nothing to compare against: timing nnlib alone." in text
    assert "pip install 'nnlib[bench]'" in text
    assert "speed-up vs torch" not in text and "torch:" not in text
    check_common_lines(text, epochs=1)
    line(rf"^test accuracy after 2 epochs: nnlib {FLOAT}$", text)


def test_default_threads_follow_openblas_num_threads(monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "1")
    assert bench.default_threads() == 1
    monkeypatch.delenv("OPENBLAS_NUM_THREADS")
    assert bench.default_threads() == bench.usable_cores() >= 1


def test_bench_command_line_without_torch(data_dir):
    """`python -m nnlib bench` as a reader runs it (on the full data: a few seconds)."""
    env = dict(os.environ, **{bench.NO_TORCH_ENV: "1"})
    env.pop("OPENBLAS_NUM_THREADS", None)  # --threads decides
    result = subprocess.run([sys.executable, "-W", "error", "-m", "nnlib", "bench", "--epochs", "1", "--threads", "1"],
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^threads: 1 per framework", result.stdout, re.M)
    assert "PyTorch is not installed" in result.stdout
    assert re.search(r"^nnlib: \d+\.\d{3} s per epoch \(median of 1\)$", result.stdout, re.M)
    assert re.search(r"= 36\.6 GFLOP in", result.stdout)  # 6 x 101,770 x 60,000
    memory = re.search(r"^peak memory: nnlib worker (\d+) MB$", result.stdout, re.M)
    assert memory and int(memory.group(1)) < 1024  # the full MNIST trains in under 1 GB
    assert "Traceback" not in result.stderr


def openblas_kernel_from_threadpoolctl() -> str | None:
    """The kernel threadpoolctl reports for NumPy's OpenBLAS, None without either."""
    try:
        import threadpoolctl
    except ImportError:
        return None
    openblas = [lib for lib in threadpoolctl.threadpool_info() if lib.get("internal_api") == "openblas"]
    return openblas[0]["architecture"] if openblas else None


def test_the_report_names_the_openblas_kernel_and_a_forced_one():
    kernel = openblas_kernel_from_threadpoolctl()
    if kernel is None:
        pytest.skip("threadpoolctl is not installed, or NumPy here is not built with OpenBLAS")
    assert bench.openblas_kernel() == kernel
    assert bench.blas_name().endswith(f", {kernel} kernel")
    forced = os.environ.get("OPENBLAS_CORETYPE")
    if forced:  # as on the project's machines: the kernel it names is the one running
        assert kernel.lower() == forced.lower()
    # The report's own lines are checked in check_common_lines, on every bench run of this file.


def test_forced_kernel_note_says_how_to_unset_it(monkeypatch):
    monkeypatch.setenv("OPENBLAS_CORETYPE", "Haswell")  # read from the environment only: NumPy is loaded
    note = bench.forced_kernel_note()
    assert note.startswith("note: OPENBLAS_CORETYPE=Haswell is set, so NumPy's OpenBLAS runs its Haswell kernel")
    assert note.endswith("env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python -m nnlib bench")
    monkeypatch.delenv("OPENBLAS_CORETYPE")
    assert bench.forced_kernel_note() is None


def test_bench_command_line_rejects_zero_threads():
    result = subprocess.run([sys.executable, "-m", "nnlib", "bench", "--threads", "0"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "error: --threads must be at least 1, got 0" in result.stderr and "Traceback" not in result.stderr


def test_bench_rejects_zero_epochs():
    with pytest.raises(ValueError, match="epochs must be >= 1"):
        bench.main(epochs=0)


def test_torch_available_can_be_switched_off(monkeypatch):
    monkeypatch.setenv(bench.NO_TORCH_ENV, "1")
    assert bench.torch_available() is False


def test_parameter_count_and_done_fraction():
    assert bench.parameter_count([784, 128, 10]) == 101_770
    assert bench.parameter_count([784, 64, 10]) == 50_890
    # nnlib skips the first layer's input gradient: 2 of the 6 FLOPs per weight of layer 1.
    assert bench._done_fraction([784, 128, 10]) == pytest.approx(1 - 2 * 100_352 / (6 * 101_632))


def test_matmul_rate_is_measured():
    gflops = bench.matmul_gflops([784, 128, 10], 128, seconds=0.02, repeats=2)
    assert 0.1 < gflops < 100_000


def test_per_example_loop_gives_the_batch_gradients():
    rng = np.random.default_rng(0)
    X = rng.random((20, 784))
    Y = one_hot(rng.integers(0, 10, 20), dtype=np.float64)
    net = GuideNetwork(rng=0)
    loop = bench.batch_gradients_one_example_at_a_time(net, X, Y)
    net.forward(X)
    net.backward(Y)
    for name, grad in net.grads.items():
        np.testing.assert_allclose(loop[name], grad, rtol=1e-10, atol=1e-15)


def test_per_example_training_equals_batch_training_in_the_same_order():
    rng = np.random.default_rng(1)
    X = rng.random((150, 784))  # two full batches of 64 and one of 22
    Y = one_hot(rng.integers(0, 10, 150), dtype=np.float64)
    looped, batched = GuideNetwork(rng=0), GuideNetwork(rng=0)
    bench.train_one_example_at_a_time(looped, X, Y, batch_size=64, learning_rate=0.5)
    for first in range(0, 150, 64):
        batched.forward(X[first : first + 64])
        batched.backward(Y[first : first + 64])
        batched.update(0.5)
    for name in batched.params:
        np.testing.assert_allclose(looped.params[name], batched.params[name], rtol=1e-10, atol=1e-13)


def test_worker_reports_errors_as_answers():
    answers = io.StringIO()
    serve("nnlib", [json.dumps({"do": "epoch"}) + "\n", json.dumps({"do": "quit"}) + "\n"], answers)
    reply = json.loads(answers.getvalue())
    assert "error" in reply and "AttributeError" in reply["error"]  # no setup yet: no worker


def test_worker_process_failure_is_reported(tmp_path):
    worker = bench.Worker("nnlib", threads=1)
    try:
        with pytest.raises(RuntimeError, match="nnlib worker failed to setup"):
            worker.ask("setup", data_dir=str(tmp_path / "nowhere"), train_size=None, sizes=[784, 128, 10],
                       seed=0, lr=0.05, momentum=0.9, batch_size=128, threads=1)
    finally:
        worker.close()


@pytest.mark.skipif(not bench.torch_available(), reason="PyTorch is not installed")
def test_bench_when_torch_cannot_be_imported(data_dir, tmp_path, monkeypatch):
    """An installed but broken PyTorch: the same clear message, not a traceback."""
    fake = tmp_path / "torch"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise ImportError('broken on purpose')\n")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]))
    text = run_bench(data_dir, epochs=1)
    assert "PyTorch cannot be imported" in text and "broken on purpose" in text
    assert "timing nnlib alone" in text and "speed-up vs torch" not in text
