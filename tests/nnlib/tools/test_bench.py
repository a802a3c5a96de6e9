"""``python -m nnlib bench`` (nnlib.tools.bench and nnlib.tools.bench_worker).

One short run (3,000 training digits, 2 timed epochs, one thread) is measured once for the
module, and the tests check the numbers it returns: every measurement is there, nnlib and
PyTorch really train the same network (the same accuracy from the same start), memory
stays under 1 GB. How a result is printed is checked on hand-made results, whose report is
known to the character. No test asserts a time: times depend on the machine.
"""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path
import os
import subprocess
import sys

import pytest

from nnlib.tools import bench, cli
from nnlib.tools.bench_worker import peak_memory_mb, serve


@pytest.fixture(scope="module")
def quick(mnist) -> tuple[bench.BenchResult, list[str]]:
    """A short run with PyTorch where it is installed, and the lines it printed on the way."""
    streamed = []
    result = bench.measure(epochs=2, data_dir=os.environ["NNLIB_DATA_DIR"], threads=1,
                           train_size=3000, guide_epochs=1, per_example_examples=128,
                           progress=streamed.append)
    return result, streamed


def test_a_run_measures_every_number(quick):
    result, _ = quick
    assert result.epochs == 2 and result.threads == 1 and result.train_size == 3000
    assert result.frameworks[0] == "nnlib"
    assert all(len(seconds) == 2 for seconds in result.epoch_seconds.values())
    assert len(result.matmul_gflops) == 2 and min(result.matmul_gflops) > 0.1
    assert result.flops == 6 * 101_770 * 3000
    assert len(result.guide_epoch_seconds) == 1 and result.per_example_count == 128
    assert result.per_example_epoch_seconds > result.median_epoch("nnlib")  # the slow loop
    assert result.test_accuracy["nnlib"] > 0.85  # measured 0.8855 after 3 epochs
    assert set(result.peak_memory_mb) == set(result.frameworks)
    assert all(0 < mb < 1024 for mb in result.peak_memory_mb.values())  # under 1 GB
    assert set(result.versions) >= {"Python", "NumPy", "BLAS", "nnlib"}


def test_the_lines_printed_during_a_run_are_the_report(quick):
    result, streamed = quick
    out = io.StringIO()
    bench.report(result, out)
    assert out.getvalue().splitlines() == streamed + bench.summary_lines(result)


@pytest.mark.skipif(not bench.torch_available(), reason="PyTorch is not installed (pip install 'nnlib[bench]')")
def test_nnlib_and_torch_train_the_same_network(quick):
    result, _ = quick
    assert result.torch_missing is None and "PyTorch" in result.versions
    # Same network, same start, same batches: the two reach the same accuracy.
    assert abs(result.test_accuracy["nnlib"] - result.test_accuracy["torch"]) < 0.005
    # With two epochs, the speed-up (the median of the paired ratios) is their mean.
    assert len(result.ratios) == 2 and result.speed_up == pytest.approx(sum(result.ratios) / 2)


def openblas_kernel_from_threadpoolctl() -> str | None:
    """The kernel threadpoolctl reports for NumPy's OpenBLAS, None without either."""
    try:
        import threadpoolctl
    except ImportError:
        return None
    openblas = [lib for lib in threadpoolctl.threadpool_info() if lib.get("internal_api") == "openblas"]
    return openblas[0]["architecture"] if openblas else None


def test_the_run_names_the_openblas_kernel_and_a_forced_one(quick):
    result, _ = quick
    kernel = openblas_kernel_from_threadpoolctl()
    if kernel is None:
        pytest.skip("threadpoolctl is not installed, or NumPy here is not built with OpenBLAS")
    assert bench.openblas_kernel() == kernel
    assert result.versions["BLAS"].endswith(f", {kernel} kernel")
    forced = os.environ.get("OPENBLAS_CORETYPE")
    assert result.forced_kernel == bench.forced_kernel_note()
    if forced:  # as on the project's machines: the kernel it names is the one running
        assert kernel.lower() == forced.lower()


@pytest.mark.skipif(not bench.torch_available(), reason="PyTorch is not installed")
def test_a_broken_pytorch_is_reported_and_nnlib_timed_alone(mnist, tmp_path, monkeypatch):
    fake = tmp_path / "torch"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise ImportError('broken on purpose')\n")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]))
    result = bench.measure(epochs=1, data_dir=os.environ["NNLIB_DATA_DIR"], threads=1,
                           train_size=3000, guide_epochs=1, per_example_examples=64)
    assert result.torch_missing.startswith("PyTorch cannot be imported")
    assert "broken on purpose" in result.torch_missing
    assert result.frameworks == ["nnlib"] and result.speed_up is None
    assert "PyTorch" not in result.versions


def test_the_command_line_without_torch(data_dir):
    """`python -m nnlib bench` as a reader runs it (on the full data: a few seconds)."""
    env = dict(os.environ, **{bench.NO_TORCH_ENV: "1"})
    env.pop("OPENBLAS_NUM_THREADS", None)  # --threads decides
    result = subprocess.run(
        [sys.executable, "-W", "error", "-m", "nnlib", "bench", "--epochs", "1", "--threads", "1"],
        capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("threads: 1 per framework") for line in lines)
    assert any(line.startswith("PyTorch is not installed, so there is nothing") for line in lines)
    assert any(" = 36.6 GFLOP in " in line for line in lines)  # 6 x 101,770 x 60,000
    memory = [line for line in lines if line.startswith("peak memory: nnlib worker ")]
    assert len(memory) == 1 and int(memory[0].split()[4]) < 1024  # the full MNIST, under 1 GB


def test_zero_threads_or_epochs_are_refused(capsys):
    assert cli.main(["bench", "--threads", "0"]) == 1
    assert capsys.readouterr().err == "error: --threads must be at least 1, got 0\n"
    with pytest.raises(ValueError, match="epochs must be a whole number >= 1, got 0"):
        bench.measure(epochs=0)


# --------------------------------------------------------------------------- the report

SAMPLE = bench.BenchResult(
    epochs=2, threads=1, train_size=60000, date="2026-11-27 05:03", cpu="AMD EPYC", cores=2,
    usable_cores=2, system="Linux 6.1 x86_64",
    versions={"Python": "3.11.7", "NumPy": "2.4.6", "BLAS": "scipy-openblas 0.3.31, Haswell kernel",
              "nnlib": "0.1.0", "PyTorch": "2.13.0+cpu"},
    epoch_seconds={"nnlib": [0.25, 0.30], "torch": [0.40, 0.36]},
    test_accuracy={"nnlib": 0.9744, "torch": 0.9752}, matmul_gflops=[120.0, 110.0],
    guide_epoch_seconds=[0.37, 0.39], per_example_seconds=0.128, per_example_count=1920,
    peak_memory_mb={"nnlib": 276.4, "torch": 527.0},
)

SAMPLE_REPORT = """\
nnlib bench: 784-128-10 network (ReLU, softmax + cross-entropy), float32, batch 128, SGD with momentum 0.9 (lr 0.05), same initial weights and shuffles
date: 2026-11-27 05:03 UTC
machine: AMD EPYC, 2 cores (2 usable), Linux 6.1 x86_64
versions: Python 3.11.7, NumPy 2.4.6 (scipy-openblas 0.3.31, Haswell kernel), nnlib 0.1.0, PyTorch 2.13.0+cpu
threads: 1 per framework (OPENBLAS_NUM_THREADS for nnlib, torch.set_num_threads for PyTorch), each in its own process, alternating epoch by epoch
data: 60,000 training images, 10,000 test images; 1 untimed warm-up epoch, then 2 timed

warm-up epoch done
epoch  1: nnlib 0.250 s  torch 0.400 s  torch/nnlib 1.60
epoch  2: nnlib 0.300 s  torch 0.360 s  torch/nnlib 1.20

nnlib: 0.275 s per epoch (median of 2)
torch: 0.380 s per epoch (median of 2)
speed-up vs torch: 1.40x
  (median of the 2 per-epoch ratios torch/nnlib; they ranged 1.20-1.60)
test accuracy after 3 epochs: nnlib 0.9744, torch 0.9752
float32 matrix multiply at the training shapes: 115.0 GFLOP/s (median of 2, one after each nnlib epoch; best 120.0)
nnlib epoch: 6 x 101,770 parameters x 60,000 examples = 36.6 GFLOP in 0.275 s = 133.2 GFLOP/s, 116% of the matrix-multiply rate
  (nnlib skips the gradient with respect to the input images, so the products it really computes are 67% of that count)
the original guide's network (784-64-10 sigmoid, float64, batch 64, plain SGD): 0.380 s per epoch (median of 2)
the original guide's network one example at a time (Python loop): 4.0 s per epoch (estimated from 1,920 examples)
peak memory: nnlib worker 276 MB, torch worker 527 MB
"""


def report_of(result: bench.BenchResult) -> str:
    out = io.StringIO()
    bench.report(result, out)
    return out.getvalue()


def test_the_report_of_a_known_result():
    assert report_of(SAMPLE) == SAMPLE_REPORT


def test_the_report_without_pytorch():
    versions = {name: v for name, v in SAMPLE.versions.items() if name != "PyTorch"}
    alone = dataclasses.replace(
        SAMPLE, versions=versions, torch_missing="PyTorch is not installed",
        epoch_seconds={"nnlib": [0.25, 0.30]}, test_accuracy={"nnlib": 0.9744},
        peak_memory_mb={"nnlib": 276.4}, forced_kernel="note: OPENBLAS_CORETYPE=Haswell is set")
    lines = report_of(alone).splitlines()
    assert lines[3] == "versions: Python 3.11.7, NumPy 2.4.6 (scipy-openblas 0.3.31, Haswell kernel), nnlib 0.1.0"
    assert lines[4] == "note: OPENBLAS_CORETYPE=Haswell is set"
    assert lines[7] == ("PyTorch is not installed, so there is nothing to compare against: timing nnlib "
                        "alone. Install it with `pip install 'nnlib[bench]'` (or `pip install torch`) "
                        "for the comparison.")
    assert lines[10] == "epoch  1: nnlib 0.250 s"
    assert not any("torch" in line for line in lines[13:])
    assert "test accuracy after 3 epochs: nnlib 0.9744" in lines
    assert lines[-1] == "peak memory: nnlib worker 276 MB"


@pytest.mark.parametrize("threads, advice", [
    (1, "Rerun on a quiet machine."),
    (2, "Rerun on a quiet machine, or with one thread per framework (OPENBLAS_NUM_THREADS=1), "
        "which suffers far less."),
])
def test_the_report_warns_about_a_busy_machine(threads, advice):
    busy = dataclasses.replace(SAMPLE, threads=threads, epoch_seconds={"nnlib": [0.2, 0.5], "torch": [0.4, 0.4]})
    assert report_of(busy).splitlines()[-1] == (
        "warning: the slowest epoch of one framework took 2.5 times as long as its fastest: "
        f"something else was using the processor. {advice}")


# --------------------------------------------------------------------------- the pieces

def test_default_threads_follow_openblas_num_threads(monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "1")
    assert bench.default_threads() == 1
    monkeypatch.delenv("OPENBLAS_NUM_THREADS")
    assert bench.default_threads() == bench.usable_cores() >= 1


def test_forced_kernel_note_says_how_to_unset_it(monkeypatch):
    monkeypatch.setenv("OPENBLAS_CORETYPE", "Haswell")  # read from the environment only: NumPy is loaded
    note = bench.forced_kernel_note()
    assert note.startswith("note: OPENBLAS_CORETYPE=Haswell is set, so NumPy's OpenBLAS runs its Haswell kernel")
    assert note.endswith("env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python -m nnlib bench")
    monkeypatch.delenv("OPENBLAS_CORETYPE")
    assert bench.forced_kernel_note() is None


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


def test_peak_memory_is_this_process_alone():
    peak = peak_memory_mb()
    if sys.platform.startswith("linux"):
        with open("/proc/self/status") as status:
            hwm = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
        assert peak == pytest.approx(hwm / 1024, abs=64)  # it may grow between the two reads
    assert 1 < peak < 100_000


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


def test_a_record_keeps_the_result_and_its_report(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "1")
    path = tmp_path / "run.json"
    bench.save_record(SAMPLE, path, command="python -m nnlib.tools.bench --epochs 2")
    result, record = bench.load_record(path)
    assert result == SAMPLE and record["command"].endswith("--epochs 2")
    assert record["environment"]["OPENBLAS_NUM_THREADS"] == "1"
    assert path.with_suffix(".txt").read_text(encoding="utf-8") == SAMPLE_REPORT
    path.write_text(json.dumps({"result": {}}))
    with pytest.raises(ValueError, match="not a benchmark record"):
        bench.load_record(path)


RECORDS = Path(__file__).parents[3] / "benchmarks"


@pytest.mark.parametrize("name, threads", [("cnn-one-thread", 1), ("cnn-two-threads", 2)])
def test_the_committed_cnn_records_are_complete_and_consistent(name, threads):
    """performance-details.md quotes benchmarks/cnn-*.json and shows a report: every
    measurement is there, the parts of a step add up to it, memory stays under 1.5 GB."""
    result, record = bench.load_record(RECORDS / f"{name}.json")
    assert record["command"].startswith(("OPENBLAS_NUM_THREADS=1 " if threads == 1 else "env "))
    assert "--model cnn" in record["command"] and result.model == "cnn"
    assert result.threads == threads and result.batch_size == 64 and result.train_size == 60000
    assert result.frameworks == ["nnlib", "torch"] and result.versions["BLAS"].endswith("SkylakeX kernel")
    assert all(len(seconds) == result.epochs == 5 for seconds in result.epoch_seconds.values())
    assert (RECORDS / f"{name}.txt").read_text(encoding="utf-8") == report_of(result)
    parts = dict(result.step_milliseconds)
    assert sum(parts.values()) - parts["whole step"] == pytest.approx(parts["whole step"])
    assert all(mb < 1536 for mb in result.peak_memory_mb.values())  # the 1.5 GB
    assert min(result.test_accuracy.values()) > 0.985  # 6 epochs of Adam at a fixed rate
    assert result.batch_sizes == bench.BATCH_SIZES == [16, 32, 64, 128, 256]
    assert all(len(ms) == 5 and min(ms) > 0 for ms in result.image_milliseconds.values())
    # with two threads, what splitting the batches costs (performance-details.md quotes it)
    assert set(result.share_milliseconds) == ({"alone", "together"} if threads > 1 else set())
    assert all(ms > 0 for ms in result.share_milliseconds.values())


@pytest.mark.parametrize("name", ["one-thread", "forced-kernel"])
def test_the_committed_records_are_complete_and_consistent(name):
    """The performance pages quote benchmarks/<name>.json (docs/figures/beyond_bench.py)
    and show its report, <name>.txt: every measurement is there, and the report, with its
    ratios and medians, is the one its timings give."""
    result, record = bench.load_record(RECORDS / f"{name}.json")
    assert record["command"].startswith(("OPENBLAS_NUM_THREADS=1 ", "env ")) and record["load_average_at_end"]
    assert result.frameworks == ["nnlib", "torch"] and "PyTorch" in result.versions
    assert all(len(seconds) == result.epochs for seconds in result.epoch_seconds.values())
    assert len(result.matmul_gflops) == result.epochs and result.guide_epoch_seconds
    assert result.per_example_count > 0 and set(result.peak_memory_mb) == {"nnlib", "torch"}
    assert result.train_size == 60000 and result.date and result.cpu
    assert (RECORDS / f"{name}.txt").read_text(encoding="utf-8") == report_of(result)
    assert result.speed_up == sorted(result.ratios)[len(result.ratios) // 2]  # an odd count
    kernel = {"forced-kernel": "Haswell kernel"}.get(name, "SkylakeX kernel")
    assert result.versions["BLAS"].endswith(kernel)
    assert result.threads == 1
    assert (result.forced_kernel is not None) == (name == "forced-kernel")


def test_the_counted_work_exceeds_what_nnlib_computes():
    """performance.md: the fraction of the matrix-multiply rate can exceed 100%, because the
    6 x parameters x examples count includes the input gradient nnlib skips."""
    assert bench._done_fraction(bench.SIZES) < 1
    assert SAMPLE.nnlib_gflops / (sum(SAMPLE.matmul_gflops) / 2) > 1  # 116% in the sample


# --------------------------------------------------------------------------- --model cnn

@pytest.mark.skipif(not bench.torch_available(), reason="PyTorch is not installed (pip install 'nnlib[bench]')")
def test_torch_cnn_computes_what_nnlib_cnn_computes():
    """The same weights, moved to PyTorch's channels-first layout, give the same outputs."""
    import numpy as np
    import torch

    from nnlib.conv import cnn
    from nnlib.tools.bench_worker import torch_cnn

    start = cnn(rng=3)
    for layer in start.weighted:  # nonzero biases: their order must be right too
        layer.b[...] = np.random.default_rng(4).standard_normal(layer.b.shape)
    x = np.random.default_rng(5).random((7, 784), dtype=np.float32)
    with torch.no_grad():
        scores = torch_cnn(torch, start)(torch.from_numpy(x).view(-1, 1, 28, 28)).numpy()
    start.forward(x)
    np.testing.assert_allclose(scores, start.scores, rtol=1e-4, atol=1e-5)


def test_the_parts_of_a_cnn_step_add_up_to_the_step(mnist):
    from nnlib import Adam, one_hot
    from nnlib.conv import cnn
    from nnlib.tools.bench_worker import time_each_part

    X, y, _, _ = mnist
    model = cnn()
    parts = time_each_part(model, Adam(1e-3), X[:192], one_hot(y[:192]), 64, 3)
    names = list(parts)
    assert names[:2] == ["1 Conv2D(1, 16, kernel=5) forward: products",
                         "1 Conv2D(1, 16, kernel=5) forward: im2col"]
    assert "4 Conv2D(16, 32, kernel=5) backward: col2im" in names
    assert "1 Conv2D(1, 16, kernel=5) backward" in names  # the first layer has no col2im
    assert names[-3:] == ["optimiser step", "the rest", "whole step"]
    whole = parts.pop("whole step")
    assert sum(parts.values()) == pytest.approx(whole)
    assert all(ms > 0 for name, ms in parts.items() if name != "the rest")
    # the model is left as it was: its own methods, and nnlib.conv's own functions
    assert "forward" not in vars(model.layers[0])
    from nnlib import conv
    assert conv.im2col.__module__ == "nnlib.conv" and conv.im2col.__name__ == "im2col"


def test_the_shares_of_a_batch_are_timed_alone_and_together_without_training(mnist):
    import numpy as np

    from nnlib import one_hot
    from nnlib.conv import cnn
    from nnlib.tools.bench_worker import time_shares

    X, y, _, _ = mnist
    model = cnn()
    before = {name: weights.copy() for name, weights in model.params.items()}
    shares = time_shares(model, X[:200], one_hot(y[:200]), 64, 2, 3)
    assert set(shares) == {"alone", "together"} and min(shares.values()) > 0
    for name, weights in model.params.items():  # timed, not trained
        np.testing.assert_array_equal(weights, before[name])
    with pytest.raises(ValueError, match="shape"):  # an error in a thread is not lost
        time_shares(model, X[:200], one_hot(y[:200])[:, :5], 64, 2, 1)


CNN_SAMPLE = dataclasses.replace(
    SAMPLE, model="cnn", batch_size=64, lr=2e-3, matmul_gflops=[], guide_epoch_seconds=[],
    per_example_seconds=0.0, per_example_count=0,
    step_milliseconds={"1 Conv2D(1, 16, kernel=5) forward: products": 0.5,
                       "1 Conv2D(1, 16, kernel=5) forward: im2col": 0.25, "the rest": 0.25,
                       "whole step": 1.0})


def test_the_report_of_a_cnn_run():
    lines = report_of(CNN_SAMPLE).splitlines()
    assert lines[0] == (
        "nnlib bench: convolutional network (conv 5x5 16, ReLU, pool, conv 5x5 32, ReLU, pool, "
        "dense to 10, softmax + cross-entropy), float32, batch 64, Adam (lr 0.002), same initial "
        "weights and shuffles")
    assert "speed-up vs torch: 1.40x" in lines
    assert not any("GFLOP" in line or "original guide" in line for line in lines)
    assert lines[-5:] == [
        "where nnlib's time goes, per step of 64 images, in one thread (mean of 200 steps, timed "
        "part by part):",
        "  1 Conv2D(1, 16, kernel=5) forward: products   0.500 ms   50%",
        "  1 Conv2D(1, 16, kernel=5) forward: im2col     0.250 ms   25%",
        "  the rest                                      0.250 ms   25%",
        "  whole step                                    1.000 ms",
    ]


def test_the_report_of_a_two_thread_cnn_run_says_what_splitting_costs():
    two_threads = dataclasses.replace(CNN_SAMPLE, threads=2, train_size=640,
                                      epoch_seconds={"nnlib": [0.04, 0.05], "torch": [0.03, 0.03]},
                                      share_milliseconds={"alone": 2.5, "together": 3.0})
    lines = report_of(two_threads).splitlines()
    start = lines.index(next(line for line in lines if line.startswith("what splitting")))
    assert lines[start:start + 5] == [
        "what splitting each batch of 64 between 2 threads costs, per step (forward and backward; "
        "the shares: mean of 200 steps; the whole steps: from the timed epochs):",
        "  one thread alone, its 32 images                 2.500 ms",
        "  2 threads at once, 32 images each, no waiting   3.000 ms",
        "  nnlib's whole step, train(threads=2)            4.500 ms",  # 0.045 s / 10 steps
        "  PyTorch's whole step, 2 threads                 3.000 ms",
    ]
    assert not any(line.startswith("what splitting") for line in report_of(CNN_SAMPLE).splitlines())


def test_bench_refuses_an_unknown_model(capsys):
    with pytest.raises(ValueError, match="model must be one of mlp, cnn, got 'rnn'"):
        bench.measure(model="rnn")
    with pytest.raises(SystemExit) as stopped:
        cli.main(["bench", "--model", "rnn"])
    assert stopped.value.code == 2
    assert "invalid choice: 'rnn' (choose from mlp, cnn)" in capsys.readouterr().err


def test_the_readme_quotes_the_committed_records():
    """README.md's performance paragraphs give the recorded runs' numbers, not older ones."""
    import statistics

    readme = " ".join((RECORDS.parent / "README.md").read_text(encoding="utf-8").split())
    run = {name: bench.load_record(RECORDS / f"{name}.json")[0]
           for name in ("one-thread", "forced-kernel", "cnn-one-thread", "cnn-two-threads")}
    fraction = run["one-thread"].nnlib_gflops / statistics.median(run["one-thread"].matmul_gflops)
    assert (f"measured nnlib {run['one-thread'].speed_up:.2f}× as fast as PyTorch per epoch, "
            f"at {fraction:.0%} of the matrix-multiply rate "
            f"({run['forced-kernel'].speed_up:.2f}× with the forced kernel") in readme
    assert (f"With one thread each nnlib measured {run['cnn-one-thread'].speed_up:.2f}× "
            f"PyTorch's speed; with two, {run['cnn-two-threads'].speed_up:.2f}×") in readme
