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

Counting work: a training step costs about 6 floating-point operations per parameter and
example (2 in the forward pass, 4 in the backward pass), so an epoch is ``6 * parameters *
examples`` FLOPs, about 36.6 billion here. nnlib never computes the gradient with respect to
the input images (nobody needs it), so it does only about two thirds of that counted work.
"""

from __future__ import annotations

import datetime
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from typing import TextIO

import numpy as np

from nnlib.activations import sigmoid, sigmoid_derivative
from nnlib.data import download_mnist

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


# --8<-- [start:per-example]
def batch_gradients_one_example_at_a_time(net, X: np.ndarray, Y: np.ndarray) -> dict[str, np.ndarray]:
    """The guide network's gradients for a batch, computed one example at a time in a Python loop.

    The same numbers as ``net.backward`` gives for the whole batch, added up example by example.
    """
    grads = {name: np.zeros_like(w) for name, w in net.params.items()}
    for x, y in zip(X, Y):  # x: (784,) one image, y: (10,) its one-hot target
        hidden = sigmoid(x @ net.W1 + net.b1[0])  # (784,) @ (784, 64) -> (64,)
        output = sigmoid(hidden @ net.W2 + net.b2[0])  # (64,) @ (64, 10) -> (10,)
        d_output = (output - y) * sigmoid_derivative(output)  # (10,)
        d_hidden = (net.W2 @ d_output) * sigmoid_derivative(hidden)  # (64, 10) @ (10,) -> (64,)
        grads["W2"] += np.outer(hidden, d_output)  # (64, 10)
        grads["b2"][0] += d_output
        grads["W1"] += np.outer(x, d_hidden)  # (784, 64)
        grads["b1"][0] += d_hidden
    return {name: g / len(X) for name, g in grads.items()}


def train_one_example_at_a_time(net, X: np.ndarray, Y: np.ndarray, *, batch_size: int = 64,
                                learning_rate: float = 0.5) -> None:
    """One epoch of the guide's training, in the data's order, with the per-example loop above."""
    for first in range(0, len(X), batch_size):
        grads = batch_gradients_one_example_at_a_time(net, X[first : first + batch_size],
                                                      Y[first : first + batch_size])
        for name, w in net.params.items():
            w -= learning_rate * grads[name]
# --8<-- [end:per-example]


def parameter_count(sizes: list[int]) -> int:
    """Weights and biases of a dense network with these layer sizes (101,770 for 784-128-10)."""
    return sum(fan_in * fan_out + fan_out for fan_in, fan_out in zip(sizes[:-1], sizes[1:]))


def matmul_gflops(sizes: list[int], batch_size: int, dtype=np.float32, seconds: float = 0.1,
                  repeats: int = 3) -> float:
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

    def __init__(self, framework: str, threads: int) -> None:
        env = dict(os.environ)
        # BLAS libraries read these once, when they load: set them before the process starts.
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            env[name] = str(threads)
        if framework == "torch":
            # NumPy only loads the data there; its OpenBLAS threads must not sit next to PyTorch's.
            env["OPENBLAS_NUM_THREADS"] = "1"
        self.framework = framework
        self.process = subprocess.Popen(
            [sys.executable, "-m", "nnlib.tools.bench_worker", framework],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
        )

    def ask(self, do: str, **request) -> dict:
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


def main(epochs: int = 5, data_dir: str | None = None, *, threads: int | None = None,
         train_size: int | None = None, guide_epochs: int = 2,
         per_example_examples: int = PER_EXAMPLE_EXAMPLES, out: TextIO | None = None) -> int:
    """Run the benchmark and print the report; return the exit code (0 when it ran).

    ``epochs`` timed epochs per framework (after one warm-up epoch each); ``threads`` per
    framework (default: ``$OPENBLAS_NUM_THREADS`` if set, else every usable core);
    ``train_size`` cuts the training set (for a quick try: the numbers then mean little).
    """
    out = out or sys.stdout
    if epochs < 1:
        raise ValueError(f"epochs must be >= 1, got {epochs}")
    threads = threads or default_threads()

    def say(text: str = "") -> None:
        print(text, file=out, flush=True)

    download_mnist(data_dir)  # fetch the files first if needed, so the workers find them
    data_dir = str(data_dir) if data_dir is not None else None
    with_torch = torch_available()
    n_params = parameter_count(SIZES)
    setup = {"data_dir": data_dir, "train_size": train_size, "sizes": SIZES, "seed": SEED,
             "lr": LEARNING_RATE, "momentum": MOMENTUM, "batch_size": BATCH_SIZE, "threads": threads}

    shape = "-".join(map(str, SIZES))
    say(f"nnlib bench: {shape} network (ReLU, softmax + cross-entropy), float32, batch {BATCH_SIZE}, "
        f"SGD with momentum {MOMENTUM} (lr {LEARNING_RATE}), same initial weights and shuffles")
    say(f"date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
    say(f"machine: {cpu_name()}, {os.cpu_count()} cores ({usable_cores()} usable), "
        f"{platform.system()} {platform.release()} {platform.machine()}")

    workers: dict[str, Worker] = {}
    try:
        workers["nnlib"] = Worker("nnlib", threads)
        info = workers["nnlib"].ask("setup", **setup)
        versions = (f"Python {platform.python_version()}, NumPy {info['versions']['numpy']} "
                    f"({blas_name()}), nnlib {_nnlib_version()}")
        missing = "PyTorch is not installed"
        if with_torch:
            workers["torch"] = Worker("torch", threads)
            try:
                torch_info = workers["torch"].ask("setup", **setup)
                versions += f", PyTorch {torch_info['versions']['torch']}"
            except RuntimeError as error:
                if "ImportError" not in str(error) and "ModuleNotFoundError" not in str(error):
                    raise
                workers.pop("torch").close()
                with_torch, missing = False, f"PyTorch cannot be imported ({error})"
        say(f"versions: {versions}")
        if note := forced_kernel_note():
            say(note)
        say(f"threads: {threads} per framework (OPENBLAS_NUM_THREADS for nnlib, torch.set_num_threads "
            f"for PyTorch), each in its own process, alternating epoch by epoch")
        n_train = train_size or 60000
        say(f"data: {n_train:,} training images, 10,000 test images; "
            f"{WARMUP_EPOCHS} untimed warm-up epoch, then {epochs} timed")
        if not with_torch:
            say(f"{missing}, so there is nothing to compare against: timing nnlib alone. "
                "Install it with `pip install 'nnlib[bench]'` (or `pip install torch`) for the comparison.")
        say()

        times, rates = alternate_epochs(workers, epochs, say)
        names = list(workers)
        accuracy = {name: workers[name].ask("evaluate")["test_accuracy"] for name in names}
        gflops = statistics.median(rates)
        guide = workers["nnlib"].ask("guide_epochs", seed=SEED, epochs=guide_epochs)["seconds"]
        loop = workers["nnlib"].ask("per_example", seed=SEED, examples=per_example_examples)
        memory = {name: workers[name].peak_memory_mb for name in names}
    finally:
        for worker in workers.values():
            worker.close()

    say()
    nnlib_epoch = statistics.median(times["nnlib"])
    say(f"nnlib: {nnlib_epoch:.3f} s per epoch (median of {epochs})")
    if with_torch:
        say(f"torch: {statistics.median(times['torch']):.3f} s per epoch (median of {epochs})")
        ratios = [t / n for t, n in zip(times["torch"], times["nnlib"])]
        say(f"speed-up vs torch: {statistics.median(ratios):.2f}x")
        say(f"  (median of the {epochs} per-epoch ratios torch/nnlib; they ranged "
            f"{min(ratios):.2f}-{max(ratios):.2f})")
    total_epochs = WARMUP_EPOCHS + epochs
    say(f"test accuracy after {total_epochs} epochs: "
        + ", ".join(f"{name} {accuracy[name]:.4f}" for name in names))
    flops = 6 * n_params * n_train
    achieved = flops / nnlib_epoch / 1e9
    say(f"float32 matrix multiply at the training shapes: {gflops:.1f} GFLOP/s "
        f"(median of {len(rates)}, one after each nnlib epoch; best {max(rates):.1f})")
    say(f"nnlib epoch: 6 x {n_params:,} parameters x {n_train:,} examples = {flops / 1e9:.1f} GFLOP "
        f"in {nnlib_epoch:.3f} s = {achieved:.1f} GFLOP/s, {achieved / gflops:.0%} of the matrix-multiply rate")
    say(f"  (nnlib skips the gradient with respect to the input images, so the products it really "
        f"computes are {_done_fraction(SIZES):.0%} of that count)")
    say(f"guide network (784-64-10 sigmoid, float64, batch 64, plain SGD): "
        f"{statistics.median(guide):.3f} s per epoch (median of {len(guide)})")
    per_epoch = loop["seconds"] / loop["examples"] * n_train
    say(f"guide network one example at a time (Python loop): {per_epoch:.1f} s per epoch "
        f"(estimated from {loop['examples']:,} examples)")
    say("peak memory: " + ", ".join(f"{name} worker {memory[name]:.0f} MB" for name in names))
    spread = max(max(t) / min(t) for t in times.values())
    if spread > BUSY_SPREAD:
        say(f"warning: the slowest epoch of one framework took {spread:.1f} times as long as its fastest: "
            f"something else was using the processor. Rerun on a quiet machine"
            + (", or with one thread per framework (OPENBLAS_NUM_THREADS=1), which suffers far less."
               if threads > 1 else "."))
    return 0


def alternate_epochs(workers: dict[str, "Worker"], epochs: int, say) -> tuple[dict[str, list[float]], list[float]]:
    """Train the workers in turn, one epoch each, warm-up first; return the timed seconds per epoch.

    Also returns the matrix-multiply rate the nnlib worker measured after each of its timed epochs.
    """
    names = list(workers)
    times: dict[str, list[float]] = {name: [] for name in names}
    rates = []
    for epoch in range(WARMUP_EPOCHS + epochs):
        order = names if epoch % 2 == 0 else names[::-1]  # who goes first alternates
        for name in order:
            seconds = workers[name].ask("epoch")["seconds"]
            if epoch >= WARMUP_EPOCHS:
                times[name].append(seconds)
            if name == "nnlib" and epoch >= WARMUP_EPOCHS:
                rates.append(workers[name].ask("matmul_rate", sizes=SIZES, batch_size=BATCH_SIZE)["gflops"])
            time.sleep(HANDOVER_PAUSE)
        if epoch < WARMUP_EPOCHS:
            say("warm-up epoch done")
            continue
        row = "  ".join(f"{name} {times[name][-1]:.3f} s" for name in names)
        if "torch" in times:
            row += f"  torch/nnlib {times['torch'][-1] / times['nnlib'][-1]:.2f}"
        say(f"epoch {epoch + 1 - WARMUP_EPOCHS:>2}: {row}")
    return times, rates


def _done_fraction(sizes: list[int]) -> float:
    """Share of the 6-FLOPs-per-parameter count that nnlib computes (no input gradient for layer 1)."""
    weights = [fan_in * fan_out for fan_in, fan_out in zip(sizes[:-1], sizes[1:])]
    return (6 * sum(weights) - 2 * weights[0]) / (6 * sum(weights))


def _nnlib_version() -> str:
    import nnlib

    return nnlib.__version__


if __name__ == "__main__":
    sys.exit(main())
