"""``python -m nnlib bench``: how fast is nnlib, measured fairly against PyTorch on the CPU.

It trains the same 784-128-10 network (ReLU, softmax with cross-entropy, float32, batches of
128, SGD with momentum 0.9) from the same initial weights, over the same shuffles of the same
data, once with nnlib and once with PyTorch, and prints seconds per epoch for each, their
ratio, the test accuracy each reached, and how close nnlib comes to the machine's speed
at multiplying matrices of the training shapes.

How the timing is kept fair:

- Each framework trains in its own worker process (:mod:`nnlib.tools.bench_worker`), never both
  in one: NumPy's OpenBLAS threads keep spinning for a moment after each matrix product
  and would steal a core from PyTorch's threads.
- Both get the same number of threads (``threads``; by default ``$OPENBLAS_NUM_THREADS`` if
  set, else all usable cores), set before the libraries load.
- The two alternate epoch by epoch (nnlib then PyTorch, then PyTorch then nnlib, ...), with
  a short pause at each hand-over, so a slow moment on a shared machine hits both alike.
  The speed-up is the median of the per-epoch ratios, and each time per epoch the median of
  its epochs, after one untimed warm-up epoch each.

The module measures and reports separately: :func:`measure` runs the benchmark and returns
a :class:`BenchResult`, and :func:`report` prints one; ``python -m nnlib bench`` does both,
printing each line as soon as it is known. ``python -m nnlib.tools.bench --record FILE.json``
also keeps the run: :func:`save_record` writes every measurement, the machine, the date,
the versions and the command to ``FILE.json``, and its report to ``FILE.txt``;
:func:`load_record` reads it back. The site's performance pages quote such committed
records (``benchmarks/``), never a number typed by hand.

``--model cnn`` times the convolutional network of :func:`nnlib.conv.cnn` instead (Adam,
batches of 64; nnlib computes them as ``python -m nnlib train --model cnn`` does: in chunks
of 16 in one thread, split between its own threads with more, one BLAS thread each). After
the epochs it times 200 steps part by part (:func:`where_time_goes_lines`), with more than
one thread what splitting the batches between them costs (:func:`share_lines`), and a pass
at each of ``BATCH_SIZES`` in both frameworks (:func:`batch_size_lines`).

Counting work: a training step costs about 6 floating-point operations per parameter and
example (2 in the forward pass, 4 in the backward pass), so an epoch is ``6 * parameters *
examples`` FLOPs, about 36.6 billion here. nnlib never computes the gradient with respect to
the input images (nobody needs it), so it does only about two thirds of that counted work.
"""

from __future__ import annotations

import dataclasses
import datetime
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Callable, TextIO

import numpy as np
import numpy.typing as npt

from nnlib.conv import CNN_LR
from nnlib.data import download_mnist
from nnlib.train import check_training_settings

SIZES = [784, 128, 10]
BATCH_SIZE = 128
LEARNING_RATE = 0.05
MOMENTUM = 0.9
SEED = 0
WARMUP_EPOCHS = 1  # not timed: the first epoch pays for page faults and thread start-up
HANDOVER_PAUSE = 0.3  # seconds between the two workers' turns: lets spinning BLAS/OpenMP threads go to sleep
PER_EXAMPLE_EXAMPLES = 1920  # 30 batches of 64: enough to time the slow loop, extrapolated to an epoch
NO_TORCH_ENV = "NNLIB_BENCH_NO_TORCH"  # set to 1 to run as if PyTorch were not installed
BUSY_SPREAD = 1.5  # slowest / fastest epoch above this: the machine was busy, say so
MODELS = ("mlp", "cnn")  # --model: the dense network above, or nnlib.conv.cnn
CNN_BATCH_SIZE = 64  # the batches `python -m nnlib train --model cnn` trains with
PROFILE_BATCHES = 200  # --model cnn: training steps timed part by part, after the epochs
BATCH_SIZES = [16, 32, 64, 128, 256]  # --model cnn: the batch sizes timed after the epochs
BATCH_IMAGES = 6400  # images per timed pass at each batch size


def parameter_count(sizes: list[int]) -> int:
    """Weights and biases of a dense network with these layer sizes (101,770 for 784-128-10)."""
    return sum(fan_in * fan_out + fan_out for fan_in, fan_out in zip(sizes[:-1], sizes[1:]))


def matmul_gflops(sizes: list[int], batch_size: int, dtype: npt.DTypeLike = np.float32,
                  seconds: float = 0.1, repeats: int = 3) -> float:
    """This machine's speed, in GFLOP/s, at the matrix products of one training step.

    For each layer: the forward product ``x @ W``, the weight gradient ``x.T @ g`` and the
    input gradient ``g @ W.T``, with the training shapes, timed in a loop for ``seconds``;
    the best of ``repeats`` tries (a busy moment on the machine only ever makes it slower).
    The benchmark measures it after every nnlib epoch and compares the median of those
    measurements with the median epoch, so that both come from the same moments.
    """
    rng = np.random.default_rng(0)
    products = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        x = rng.random((batch_size, fan_in), dtype=dtype)
        W = rng.random((fan_in, fan_out), dtype=dtype)
        g = rng.random((batch_size, fan_out), dtype=dtype)
        products += [(x, W), (x.T, g), (g, W.T)]
    flops = sum(2 * a.shape[0] * a.shape[1] * b.shape[1] for a, b in products)
    best = 0.0
    for _ in range(repeats):
        count, start = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - start) < seconds:
            for a, b in products:
                a @ b
            count += 1
        best = max(best, flops * count / elapsed / 1e9)
    return best


class Worker:
    """The parent's handle on one worker process: send a request, wait for its answer."""

    def __init__(self, framework: str, threads: int, blas_threads: int | None = None) -> None:
        env = dict(os.environ)
        # BLAS libraries read these once, when they load: set them before the process starts.
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            env[name] = str(threads if blas_threads is None else blas_threads)
        if framework == "torch":
            # NumPy only loads the data there; its OpenBLAS threads must not sit next to PyTorch's.
            env["OPENBLAS_NUM_THREADS"] = "1"
        self.framework = framework
        self.process = subprocess.Popen(
            [sys.executable, "-m", "nnlib.tools.bench_worker", framework],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
        )

    def ask(self, do: str, **request) -> dict:
        """Send the request ``do`` (with its settings) and return the worker's answer.

        Raises ``RuntimeError`` if the worker stopped, or answered with an error.
        """
        self.process.stdin.write(json.dumps({"do": do, **request}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the {self.framework} worker stopped (exit code {self.process.wait()})")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"the {self.framework} worker failed to {do}: {answer['error']}")
        self.peak_memory_mb = answer["peak_memory_mb"]
        return answer

    def close(self) -> None:
        """Ask the worker to quit (kill it if it does not), and close the pipes."""
        if self.process.poll() is None:
            try:
                self.process.stdin.write(json.dumps({"do": "quit"}) + "\n")
                self.process.stdin.close()
                self.process.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if not pipe.closed:
                pipe.close()


def torch_available() -> bool:
    """Whether PyTorch can be imported here (without importing it: that takes seconds)."""
    if os.environ.get(NO_TORCH_ENV):
        return False
    return importlib.util.find_spec("torch") is not None


def cpu_name() -> str:
    """The processor's model name, from /proc/cpuinfo where there is one."""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def usable_cores() -> int:
    """Cores this process may run on (fewer than the machine has inside some containers)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not available on macOS or Windows
        return os.cpu_count() or 1


def default_threads() -> int:
    """Threads per framework: what ``OPENBLAS_NUM_THREADS`` asks NumPy for, else every usable core."""
    requested = os.environ.get("OPENBLAS_NUM_THREADS", "")
    return int(requested) if requested.isdigit() and int(requested) > 0 else usable_cores()


def blas_name() -> str:
    """NumPy's BLAS library, version and kernel, e.g. 'scipy-openblas 0.3.31, SkylakeX kernel'."""
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        name = f"{blas['name']} {blas['version']}"
    except Exception:  # older NumPy: not worth failing a benchmark over
        name = "unknown BLAS"
    kernel = openblas_kernel()
    return f"{name}, {kernel} kernel" if kernel else name


def openblas_kernel() -> str | None:
    """The processor kernel OpenBLAS runs here (e.g. 'SkylakeX', 'Haswell'), None if unknown.

    Asked of the loaded library through threadpoolctl (in the ``bench`` extra), where installed.
    """
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return None
    for library in threadpool_info():
        if library.get("internal_api") == "openblas" and library.get("architecture"):
            return library["architecture"]
    return None


def forced_kernel_note() -> str | None:
    """What to do when ``OPENBLAS_CORETYPE`` forces an OpenBLAS kernel, else None.

    Some machines set it (with ``OPENBLAS_L2_SIZE``) because old OpenBLAS builds crash or
    compute wrong results on their processor. A current NumPy does not need it, and on a newer
    processor the forced older kernel can multiply matrices at half the speed.
    """
    forced = os.environ.get("OPENBLAS_CORETYPE")
    if not forced:
        return None
    return (f"note: OPENBLAS_CORETYPE={forced} is set, so NumPy's OpenBLAS runs its {forced} kernel, "
            "whatever this processor can do. To time NumPy at its best, unset it (and OPENBLAS_L2_SIZE) "
            "for this one command: env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python -m nnlib bench")


@dataclass
class BenchResult:
    """Everything one run of the benchmark measured, and the settings it ran with.

    Times are in seconds. ``epoch_seconds`` and ``test_accuracy`` have one entry per
    framework compared (``"nnlib"``, and ``"torch"`` when PyTorch was there to compare
    against); ``torch_missing`` says why it was not, else is ``None``.
    """

    epochs: int  # timed epochs per framework, after the warm-up
    threads: int  # per framework
    train_size: int  # training examples in an epoch
    date: str  # UTC, "YYYY-MM-DD HH:MM"
    cpu: str
    cores: int
    usable_cores: int
    system: str  # e.g. "Linux 6.1.0 x86_64"
    versions: dict[str, str]  # Python, NumPy, BLAS, nnlib and, when compared, PyTorch
    forced_kernel: str | None = None  # the note on OPENBLAS_CORETYPE, when it is set
    torch_missing: str | None = None
    epoch_seconds: dict[str, list[float]] = field(default_factory=dict)
    test_accuracy: dict[str, float] = field(default_factory=dict)
    matmul_gflops: list[float] = field(default_factory=list)  # one after each nnlib epoch
    guide_epoch_seconds: list[float] = field(default_factory=list)
    per_example_seconds: float = 0.0
    per_example_count: int = 0
    peak_memory_mb: dict[str, float] = field(default_factory=dict)
    sizes: list[int] = field(default_factory=lambda: list(SIZES))
    batch_size: int = BATCH_SIZE
    lr: float = LEARNING_RATE
    momentum: float = MOMENTUM
    warmup_epochs: int = WARMUP_EPOCHS
    model: str = "mlp"  # "mlp": the dense network of ``sizes``, SGD with momentum; "cnn": nnlib.conv.cnn, Adam
    # --model cnn: milliseconds per nnlib training step of each part (bench_worker.time_each_part)
    step_milliseconds: dict[str, float] = field(default_factory=dict)
    # --model cnn: milliseconds per image at each of BATCH_SIZES, per framework
    batch_sizes: list[int] = field(default_factory=list)
    image_milliseconds: dict[str, list[float]] = field(default_factory=dict)
    # --model cnn with threads > 1: milliseconds per step of one thread's share of a batch,
    # "alone" and "together" (bench_worker.time_shares)
    share_milliseconds: dict[str, float] = field(default_factory=dict)

    @property
    def frameworks(self) -> list[str]:
        """The frameworks timed, nnlib first."""
        return list(self.epoch_seconds)

    def median_epoch(self, framework: str = "nnlib") -> float:
        """The median seconds per timed epoch of ``framework``."""
        return statistics.median(self.epoch_seconds[framework])

    @property
    def ratios(self) -> list[float]:
        """torch / nnlib seconds for each timed epoch (empty without PyTorch)."""
        if "torch" not in self.epoch_seconds:
            return []
        return [t / n for t, n in zip(self.epoch_seconds["torch"], self.epoch_seconds["nnlib"])]

    @property
    def speed_up(self) -> float | None:
        """How many times as fast as PyTorch nnlib is: the median of :attr:`ratios`."""
        return statistics.median(self.ratios) if self.ratios else None

    @property
    def flops(self) -> float:
        """The floating-point operations an epoch is counted as: 6 x parameters x examples."""
        return 6 * parameter_count(self.sizes) * self.train_size

    @property
    def nnlib_gflops(self) -> float:
        """The rate nnlib's median epoch reaches, in GFLOP/s of counted work."""
        return self.flops / self.median_epoch("nnlib") / 1e9

    @property
    def per_example_epoch_seconds(self) -> float:
        """Seconds an epoch of the one-example-at-a-time loop takes, extrapolated."""
        return self.per_example_seconds / self.per_example_count * self.train_size

    @property
    def busiest_spread(self) -> float:
        """The largest slowest / fastest epoch ratio of any framework."""
        return max(max(t) / min(t) for t in self.epoch_seconds.values())


def measure(epochs: int = 5, data_dir: str | None = None, *, threads: int | None = None,
            train_size: int | None = None, guide_epochs: int = 2,
            per_example_examples: int = PER_EXAMPLE_EXAMPLES,
            progress: Callable[[str], None] | None = None, model: str = "mlp") -> BenchResult:
    """Run the benchmark and return what it measured.

    ``epochs`` timed epochs per framework (after one warm-up epoch each); ``threads`` per
    framework (default: ``$OPENBLAS_NUM_THREADS`` if set, else every usable core);
    ``train_size`` cuts the training set (for a quick try: the numbers then mean little).
    ``progress``, if given, receives the lines of :func:`report` that are known before the
    end (the header once the workers are ready, then one line per epoch), as they come.
    ``model="cnn"`` times :func:`nnlib.conv.cnn` instead (Adam, batches of 64), and only
    the two frameworks' epochs: the dense network's extra measurements are skipped.
    """
    if model not in MODELS:
        raise ValueError(f"model must be one of {', '.join(MODELS)}, got {model!r}")
    batch_size, lr = (CNN_BATCH_SIZE, CNN_LR) if model == "cnn" else (BATCH_SIZE, LEARNING_RATE)
    check_training_settings(epochs, batch_size)
    threads = threads or default_threads()
    progress = progress or (lambda line: None)
    download_mnist(data_dir)  # fetch the files first if needed, so the workers find them
    data_dir = str(data_dir) if data_dir is not None else None
    setup = {"data_dir": data_dir, "train_size": train_size, "sizes": SIZES, "seed": SEED,
             "lr": lr, "momentum": MOMENTUM, "batch_size": batch_size, "threads": threads,
             "model": model}
    result = BenchResult(
        epochs=epochs, threads=threads, train_size=train_size or 60000,
        model=model, batch_size=batch_size, lr=lr,
        date=f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M}",
        cpu=cpu_name(), cores=os.cpu_count() or 1, usable_cores=usable_cores(),
        system=f"{platform.system()} {platform.release()} {platform.machine()}",
        versions={}, forced_kernel=forced_kernel_note(),
    )
    workers: dict[str, Worker] = {}
    try:
        # The CNN: nnlib splits each batch between `threads` threads, one BLAS thread each.
        workers["nnlib"] = Worker("nnlib", threads, blas_threads=1 if model == "cnn" else None)
        info = workers["nnlib"].ask("setup", **setup)
        result.versions = {"Python": platform.python_version(), "NumPy": info["versions"]["numpy"],
                           "BLAS": blas_name(), "nnlib": _nnlib_version()}
        result.torch_missing = None if torch_available() else "PyTorch is not installed"
        if result.torch_missing is None:
            workers["torch"] = Worker("torch", threads)
            try:
                torch_info = workers["torch"].ask("setup", **setup)
                result.versions["PyTorch"] = torch_info["versions"]["torch"]
            except RuntimeError as error:
                if "ImportError" not in str(error) and "ModuleNotFoundError" not in str(error):
                    raise
                workers.pop("torch").close()
                result.torch_missing = f"PyTorch cannot be imported ({error})"
        for line in header_lines(result):
            progress(line)
        alternate_epochs(workers, result, progress)
        result.test_accuracy = {name: worker.ask("evaluate")["test_accuracy"]
                                for name, worker in workers.items()}
        result.peak_memory_mb = {name: worker.peak_memory_mb for name, worker in workers.items()}
        if model == "cnn":
            result.step_milliseconds = workers["nnlib"].ask(
                "where_time_goes", batches=PROFILE_BATCHES)["milliseconds"]
            if threads > 1:
                result.share_milliseconds = workers["nnlib"].ask(
                    "share_times", steps=PROFILE_BATCHES)["milliseconds"]
            time_batch_sizes(workers, result)
            return result
        result.guide_epoch_seconds = workers["nnlib"].ask(
            "guide_epochs", seed=SEED, epochs=guide_epochs)["seconds"]
        loop = workers["nnlib"].ask("per_example", seed=SEED, examples=per_example_examples)
        result.per_example_seconds, result.per_example_count = loop["seconds"], loop["examples"]
        result.peak_memory_mb = {name: worker.peak_memory_mb for name, worker in workers.items()}
    finally:
        for worker in workers.values():
            worker.close()
    return result


def time_batch_sizes(workers: dict[str, Worker], result: BenchResult) -> None:
    """Fill ``result.image_milliseconds``: each framework's time per image at each of
    ``BATCH_SIZES``, the frameworks taking turns as in :func:`alternate_epochs`."""
    result.batch_sizes = list(BATCH_SIZES)
    result.image_milliseconds = {name: [] for name in workers}
    for i, size in enumerate(BATCH_SIZES):
        for name in (list(workers) if i % 2 == 0 else list(workers)[::-1]):
            answer = workers[name].ask("batch_time", batch_size=size, images=BATCH_IMAGES)
            result.image_milliseconds[name].append(1000 * answer["seconds_per_image"])
            time.sleep(HANDOVER_PAUSE)


def alternate_epochs(workers: dict[str, Worker], result: BenchResult,
                     progress: Callable[[str], None]) -> None:
    """Train the workers in turn, one epoch each, warm-up first; record the timed epochs.

    Fills ``result.epoch_seconds`` and, after each timed nnlib epoch, ``result.matmul_gflops``
    (the matrix-multiply rate the nnlib worker measures then).
    """
    names = list(workers)
    result.epoch_seconds = {name: [] for name in names}
    for epoch in range(result.warmup_epochs + result.epochs):
        order = names if epoch % 2 == 0 else names[::-1]  # who goes first alternates
        timed = epoch >= result.warmup_epochs
        for name in order:
            seconds = workers[name].ask("epoch")["seconds"]
            if timed:
                result.epoch_seconds[name].append(seconds)
            if name == "nnlib" and timed and result.model == "mlp":
                rate = workers[name].ask("matmul_rate", sizes=result.sizes, batch_size=result.batch_size)
                result.matmul_gflops.append(rate["gflops"])
            time.sleep(HANDOVER_PAUSE)
        progress(epoch_line(result, epoch - result.warmup_epochs) if timed else "warm-up epoch done")


def header_lines(result: BenchResult) -> list[str]:
    """The report's first lines: the settings, the machine, the versions, then a blank line."""
    shape = "-".join(map(str, result.sizes))
    versions = result.versions
    compared = f", PyTorch {versions['PyTorch']}" if "PyTorch" in versions else ""
    network = (f"{shape} network (ReLU, softmax + cross-entropy), float32, batch {result.batch_size}, "
               f"SGD with momentum {result.momentum} (lr {result.lr})")
    if result.model == "cnn":
        network = (f"convolutional network (conv 5x5 16, ReLU, pool, conv 5x5 32, ReLU, pool, dense "
                   f"to 10, softmax + cross-entropy), float32, batch {result.batch_size}, Adam (lr {result.lr})")
    lines = [
        f"nnlib bench: {network}, same initial weights and shuffles",
        f"date: {result.date} UTC",
        f"machine: {result.cpu}, {result.cores} cores ({result.usable_cores} usable), {result.system}",
        f"versions: Python {versions['Python']}, NumPy {versions['NumPy']} ({versions['BLAS']}), "
        f"nnlib {versions['nnlib']}{compared}",
    ]
    if result.forced_kernel:
        lines.append(result.forced_kernel)
    lines += [
        f"threads: {result.threads} per framework ({_nnlib_threads(result)}, torch.set_num_threads "
        f"for PyTorch), each in its own process, alternating epoch by epoch",
        f"data: {result.train_size:,} training images, 10,000 test images; "
        f"{result.warmup_epochs} untimed warm-up epoch, then {result.epochs} timed",
    ]
    if result.torch_missing:
        lines.append(f"{result.torch_missing}, so there is nothing to compare against: timing nnlib alone. "
                     "Install it with `pip install 'nnlib[bench]'` (or `pip install torch`) for the comparison.")
    return lines + [""]


def _nnlib_threads(result: BenchResult) -> str:
    """How nnlib uses its threads: OpenBLAS's, or (the CNN) its own, one batch split between them."""
    if result.model == "cnn" and result.threads > 1:
        return "nnlib: train(threads=...), each batch split between them, one BLAS thread each"
    return "OPENBLAS_NUM_THREADS for nnlib"


def epoch_line(result: BenchResult, index: int) -> str:
    """The line for timed epoch ``index`` (from 0): each framework's seconds, and their ratio."""
    row = "  ".join(f"{name} {times[index]:.3f} s" for name, times in result.epoch_seconds.items())
    if "torch" in result.epoch_seconds:
        row += f"  torch/nnlib {result.ratios[index]:.2f}"
    return f"epoch {index + 1:>2}: {row}"


def summary_lines(result: BenchResult) -> list[str]:
    """The report's last lines, after the epochs: medians, speed-up, accuracy, rates, memory."""
    nnlib_epoch, epochs = result.median_epoch("nnlib"), result.epochs
    lines = ["", f"nnlib: {nnlib_epoch:.3f} s per epoch (median of {epochs})"]
    if result.speed_up is not None:
        lines += [
            f"torch: {result.median_epoch('torch'):.3f} s per epoch (median of {epochs})",
            f"speed-up vs torch: {result.speed_up:.2f}x",
            f"  (median of the {epochs} per-epoch ratios torch/nnlib; they ranged "
            f"{min(result.ratios):.2f}-{max(result.ratios):.2f})",
        ]
    accuracy = (f"test accuracy after {result.warmup_epochs + epochs} epochs: "
                + ", ".join(f"{name} {accuracy:.4f}" for name, accuracy in result.test_accuracy.items()))
    memory = "peak memory: " + ", ".join(
        f"{name} worker {mb:.0f} MB" for name, mb in result.peak_memory_mb.items())
    if result.model == "cnn":
        return (lines + [accuracy, memory] + where_time_goes_lines(result)
                + share_lines(result) + batch_size_lines(result) + _busy_warning(result))
    rates, achieved = result.matmul_gflops, result.nnlib_gflops
    gflops = statistics.median(rates)
    guide = result.guide_epoch_seconds
    lines += [
        accuracy,
        f"float32 matrix multiply at the training shapes: {gflops:.1f} GFLOP/s "
        f"(median of {len(rates)}, one after each nnlib epoch; best {max(rates):.1f})",
        f"nnlib epoch: 6 x {parameter_count(result.sizes):,} parameters x {result.train_size:,} examples "
        f"= {result.flops / 1e9:.1f} GFLOP in {nnlib_epoch:.3f} s = {achieved:.1f} GFLOP/s, "
        f"{achieved / gflops:.0%} of the matrix-multiply rate",
        f"  (nnlib skips the gradient with respect to the input images, so the products it really "
        f"computes are {_done_fraction(result.sizes):.0%} of that count)",
        f"the original guide's network (784-64-10 sigmoid, float64, batch 64, plain SGD): "
        f"{statistics.median(guide):.3f} s per epoch (median of {len(guide)})",
        f"the original guide's network one example at a time (Python loop): {result.per_example_epoch_seconds:.1f} s "
        f"per epoch (estimated from {result.per_example_count:,} examples)",
        memory,
    ]
    return lines + _busy_warning(result)


def batch_size_lines(result: BenchResult) -> list[str]:
    """The table of milliseconds per image at each batch size (``--model cnn``)."""
    if not result.batch_sizes:
        return []
    times = result.image_milliseconds
    images = min(BATCH_IMAGES, result.train_size)
    lines = [f"milliseconds per image by batch size ({images:,} images each, "
             "from the initial weights):"]
    for i, size in enumerate(result.batch_sizes):
        row = "  ".join(f"{name} {ms[i]:.4f}" for name, ms in times.items())
        if "torch" in times:
            row += f"  torch/nnlib {times['torch'][i] / times['nnlib'][i]:.2f}"
        lines.append(f"  batch {size:>3}: {row}")
    return lines


def where_time_goes_lines(result: BenchResult) -> list[str]:
    """The table of milliseconds per nnlib training step, part by part (``--model cnn``)."""
    parts = dict(result.step_milliseconds)
    if not parts:
        return []
    whole = parts.pop("whole step")
    lines = [f"where nnlib's time goes, per step of {result.batch_size} images, in one thread "
             f"(mean of {PROFILE_BATCHES} steps, timed part by part):"]
    width = max(map(len, parts))
    lines += [f"  {name:<{width}}  {ms:6.3f} ms  {ms / whole:4.0%}" for name, ms in parts.items()]
    return lines + [f"  {'whole step':<{width}}  {whole:6.3f} ms"]


def step_milliseconds(result: BenchResult, framework: str = "nnlib") -> float:
    """Milliseconds per training step of ``framework``'s median timed epoch."""
    steps = -(-result.train_size // result.batch_size)  # the last batch may be smaller
    return 1000 * result.median_epoch(framework) / steps


def share_lines(result: BenchResult) -> list[str]:
    """What splitting each batch between threads costs (``--model cnn``, more than one thread):
    one thread's share of a step alone and with the others, then the whole steps."""
    shares = result.share_milliseconds
    if not shares:
        return []
    threads, share = result.threads, result.batch_size // result.threads
    rows = {f"one thread alone, its {share} images": shares["alone"],
            f"{threads} threads at once, {share} images each, no waiting": shares["together"],
            f"nnlib's whole step, train(threads={threads})": step_milliseconds(result)}
    if "torch" in result.epoch_seconds:
        rows[f"PyTorch's whole step, {threads} threads"] = step_milliseconds(result, "torch")
    width = max(map(len, rows))
    return ([f"what splitting each batch of {result.batch_size} between {threads} threads costs, "
             f"per step (forward and backward; the shares: mean of {PROFILE_BATCHES} steps; "
             f"the whole steps: from the timed epochs):"]
            + [f"  {name:<{width}}  {ms:6.3f} ms" for name, ms in rows.items()])


COPIES = (": im2col", ": col2im")  # the parts of a convolution that copy rather than multiply
TIME_GROUPS = {  # a part of a step (bench_worker.time_each_part) -> what kind of work it is
    "convolutions' matrix products": lambda name: "Conv2D" in name and not name.endswith(COPIES),
    "im2col copies": lambda name: name.endswith(COPIES[0]),
    "col2im scatters": lambda name: name.endswith(COPIES[1]),
    "max pooling": lambda name: "MaxPool2D" in name,
    "ReLU": lambda name: "ReLU" in name,
    "dense layer, softmax, loss, Adam, Python": lambda name: True,  # everything else
}


def time_groups(step_milliseconds: dict[str, float]) -> dict[str, float]:
    """Milliseconds per step by kind of work (``TIME_GROUPS``), from the parts of a step.

    Examples:
        >>> groups = time_groups({"1 Conv2D(1, 16, kernel=5) forward: im2col": 0.3,
        ...                       "1 Conv2D(1, 16, kernel=5) forward: products": 0.5,
        ...                       "4 Conv2D(16, 32, kernel=5) backward: col2im": 0.25,
        ...                       "2 ReLU() forward": 0.25, "the rest": 0.125,
        ...                       "whole step": 1.425})
        >>> [groups[kind] for kind in ("convolutions' matrix products", "im2col copies",
        ...                            "col2im scatters", "max pooling", "ReLU")]
        [0.5, 0.3, 0.25, 0.0, 0.25]
    """
    groups = dict.fromkeys(TIME_GROUPS, 0.0)
    for name, milliseconds in step_milliseconds.items():
        if name != "whole step":
            group = next(group for group, belongs in TIME_GROUPS.items() if belongs(name))
            groups[group] += milliseconds
    return groups


def _busy_warning(result: BenchResult) -> list[str]:
    """A warning line if one framework's epochs varied so much that the machine was busy."""
    if result.busiest_spread <= BUSY_SPREAD:
        return []
    return [f"warning: the slowest epoch of one framework took {result.busiest_spread:.1f} times as long "
            f"as its fastest: something else was using the processor. Rerun on a quiet machine"
            + (", or with one thread per framework (OPENBLAS_NUM_THREADS=1), which suffers far less."
               if result.threads > 1 else ".")]


def report(result: BenchResult, out: TextIO | None = None) -> None:
    """Print ``result`` as ``python -m nnlib bench`` does: header, epochs, summary."""
    out = out or sys.stdout
    epoch_lines = ["warm-up epoch done"] * result.warmup_epochs + [
        epoch_line(result, index) for index in range(result.epochs)]
    for line in header_lines(result) + epoch_lines + summary_lines(result):
        print(line, file=out)


RECORD_VERSION = 1


def save_record(result: BenchResult, path: str | os.PathLike, command: str = "") -> None:
    """Keep ``result``: every field as JSON in ``path`` (with ``command``, how it was run, and
    the environment variables that change the timings), and its report beside it (``.txt``)."""
    from pathlib import Path

    path = Path(path)
    environment = {name: os.environ.get(name) for name in
                   ("OPENBLAS_NUM_THREADS", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    load = os.getloadavg() if hasattr(os, "getloadavg") else None  # others busy on the machine
    record = {"record_version": RECORD_VERSION, "command": command, "environment": environment,
              "load_average_at_end": load, "result": dataclasses.asdict(result)}
    path.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    with open(path.with_suffix(".txt"), "w", encoding="utf-8") as out:
        report(result, out)


def load_record(path: str | os.PathLike) -> tuple[BenchResult, dict]:
    """A record written by :func:`save_record`: the result, and the record's other fields."""
    from pathlib import Path

    record = json.loads(Path(path).read_text(encoding="utf-8"))
    if record.get("record_version") != RECORD_VERSION:
        raise ValueError(f"{path}: not a benchmark record of version {RECORD_VERSION}")
    return BenchResult(**record.pop("result")), record


def main(epochs: int = 5, data_dir: str | None = None, *, threads: int | None = None,
         train_size: int | None = None, guide_epochs: int = 2,
         per_example_examples: int = PER_EXAMPLE_EXAMPLES, out: TextIO | None = None,
         record: str | os.PathLike | None = None, command: str = "", model: str = "mlp") -> int:
    """Run the benchmark and print its report as it goes (see :func:`measure`); return 0.

    ``record``: also keep the run in this JSON file (and its report beside it, ``.txt``),
    noting ``command``; see :func:`save_record`.
    """
    out = out or sys.stdout

    def say(line: str) -> None:
        print(line, file=out, flush=True)

    result = measure(epochs, data_dir, threads=threads, train_size=train_size,
                     guide_epochs=guide_epochs, per_example_examples=per_example_examples,
                     progress=say, model=model)
    for line in summary_lines(result):
        say(line)
    if record is not None:
        save_record(result, record, command)
        say(f"recorded in {record} (report in {os.fspath(record).removesuffix('.json')}.txt)")
    return 0


def _done_fraction(sizes: list[int]) -> float:
    """Share of the 6-FLOPs-per-parameter count that nnlib computes (no input gradient for layer 1)."""
    weights = [fan_in * fan_out for fan_in, fan_out in zip(sizes[:-1], sizes[1:])]
    return (6 * sum(weights) - 2 * weights[0]) / (6 * sum(weights))


def _nnlib_version() -> str:
    import nnlib

    return nnlib.__version__


def _command_line(argv: list[str] | None = None) -> int:
    """``python -m nnlib.tools.bench [--epochs N] [--threads N] [--data-dir D] [--record F]``."""
    import argparse
    import shlex

    parser = argparse.ArgumentParser(prog="python -m nnlib.tools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=5, help="timed epochs per framework")
    parser.add_argument("--model", choices=MODELS, default="mlp",
                        help="mlp: the 784-128-10 network (default); cnn: nnlib.conv.cnn")
    parser.add_argument("--threads", type=int, default=None, help="threads per framework")
    parser.add_argument("--data-dir", default=None, help="folder of the MNIST files")
    parser.add_argument("--record", default=None, metavar="FILE.json",
                        help="keep the run: its measurements in FILE.json, its report in FILE.txt")
    args = parser.parse_args(argv)
    if args.record is not None and not args.record.endswith(".json"):
        parser.error("--record takes a file name ending in .json")
    settings = {name: os.environ[name] for name in ("OPENBLAS_NUM_THREADS",) if name in os.environ}
    unset = [name for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if name not in os.environ]
    command = " ".join([f"{name}={value}" for name, value in settings.items()]
                       + (["env"] + [f"-u {name}" for name in unset] if unset else [])
                       + ["python -m nnlib.tools.bench"] + [shlex.quote(a) for a in (argv or sys.argv[1:])])
    return main(args.epochs, args.data_dir, threads=args.threads, record=args.record, command=command,
                model=args.model)


if __name__ == "__main__":
    sys.exit(_command_line())
