"""The performance pages' numbers, from the committed records of ``python -m nnlib bench``.

Not a figure: ``assets/beyond-bench/numbers.json`` holds, for each record in ``benchmarks/``
(written by ``python -m nnlib.tools.bench --record benchmarks/<name>.json``, with the
machine, the date, the versions and the command), the times, ratios and rates the pages
quote (``{{ bench.one-thread.speed-up }}``, see nnlib/tools/site/numbers.py). Nothing is
measured at build time: the numbers are those of the recorded runs, on the recorded machine.
"""

FIGURES = []  # no image
ASSETS = ["assets/beyond-bench/numbers.json"]
DEPENDS_ON = ["benchmarks"]

import json
import statistics
from pathlib import Path

from nnlib.tools import bench

RECORDS = Path(__file__).resolve().parents[2] / "benchmarks"
NAMES = ["one-thread", "forced-kernel"]  # the runs the pages quote
CNN_NAMES = ["cnn-one-thread", "cnn-two-threads"]  # python -m nnlib.tools.bench --model cnn


def record_numbers(name: str, result: bench.BenchResult, record: dict) -> dict[str, str]:
    """The numbers of one recorded run, each named ``bench.<name>.<what>``."""
    ratios = result.ratios
    versions = result.versions
    numbers = {
        "nnlib": f"{result.median_epoch('nnlib'):.3f} s",
        "torch": f"{result.median_epoch('torch'):.3f} s",
        "speed-up": f"{result.speed_up:.2f}×",
        "ratio-low": f"{min(ratios):.2f}×",
        "ratio-high": f"{max(ratios):.2f}×",
        "accuracy-nnlib": f"{100 * result.test_accuracy['nnlib']:.2f}%",
        "accuracy-torch": f"{100 * result.test_accuracy['torch']:.2f}%",
        "epochs": str(result.epochs),
        "threads": str(result.threads),
        "date": result.date.split()[0],
        "machine": f"{result.cpu}, {result.cores} cores ({result.usable_cores} usable), {result.system}",
        "versions": f"Python {versions['Python']}, NumPy {versions['NumPy']} ({versions['BLAS']}), "
                    f"PyTorch {versions['PyTorch']}",
        "memory-nnlib": f"{result.peak_memory_mb['nnlib']:.0f} MB",
        "memory-torch": f"{result.peak_memory_mb['torch']:.0f} MB",
        # how busy the machine was: the 1-minute load average when the run ended
        "load": f"{record['load_average_at_end'][0]:.1f}",
    }
    if result.model == "cnn":
        numbers.update(where_time_goes_numbers(result))
    else:
        rate = statistics.median(result.matmul_gflops)
        numbers.update({
            "gflops": f"{rate:.0f} GFLOP/s",
            "fraction": f"{result.nnlib_gflops / rate:.0%}",
            "guide": f"{statistics.median(result.guide_epoch_seconds):.2f} s",
            "per-example": f"{result.per_example_epoch_seconds:.1f} s",
        })
    return {f"bench.{name}.{key}": value for key, value in numbers.items()}


GROUP_KEYS = {  # bench.TIME_GROUPS -> the short name the pages use
    "convolutions' matrix products": "products",
    "im2col copies": "im2col",
    "col2im scatters": "col2im",
    "max pooling": "pooling",
    "ReLU": "relu",
    "dense layer, softmax, loss, Adam, Python": "rest",
}


def where_time_goes_numbers(result: bench.BenchResult) -> dict[str, str]:
    """A CNN run's step: its milliseconds, and each kind of work's milliseconds and share."""
    whole = result.step_milliseconds["whole step"]
    groups = bench.time_groups(result.step_milliseconds)
    one_core = whole - groups["convolutions' matrix products"]  # NumPy's element-wise work
    numbers = {"step": f"{whole:.2f} ms", "share-one-core": f"{one_core / whole:.0%}",
               "nnlib-step": f"{bench.step_milliseconds(result):.2f} ms",
               "torch-step": f"{bench.step_milliseconds(result, 'torch'):.2f} ms"}
    shares = result.share_milliseconds  # with two threads: a thread's half "alone", "together"
    for key, ms in shares.items():
        numbers[f"thread-{key}"] = f"{ms:.2f} ms"
    if shares:
        numbers["thread-slowdown"] = f"{shares['together'] / shares['alone']:.2f}×"
    for group, ms in groups.items():
        numbers[f"ms-{GROUP_KEYS[group]}"] = f"{ms:.2f} ms"
        numbers[f"share-{GROUP_KEYS[group]}"] = f"{ms / whole:.0%}"
    times = result.image_milliseconds
    for i, size in enumerate(result.batch_sizes):  # time per image at each batch size
        numbers[f"batch-{size}-nnlib"] = f"{times['nnlib'][i]:.3f} ms"
        numbers[f"batch-{size}-torch"] = f"{times['torch'][i]:.3f} ms"
        numbers[f"batch-{size}-ratio"] = f"{times['torch'][i] / times['nnlib'][i]:.2f}×"
    return numbers


def check_cnn_claims(one_thread: bench.BenchResult) -> None:
    """Fail the build if the one-thread CNN record contradicts performance-details.md: nnlib
    quickest per image at batch 16 or 32, slower with every larger batch, and leading
    PyTorch by the most at 16."""
    nnlib, torch = one_thread.image_milliseconds["nnlib"], one_thread.image_milliseconds["torch"]
    ratios = [t / n for t, n in zip(torch, nnlib)]
    small, larger = nnlib[:2], nnlib[2:]
    if not (max(small) < min(larger) and larger == sorted(larger) and ratios[0] == max(ratios)):
        raise ValueError(f"benchmarks/cnn-one-thread.json: nnlib's ms per image {nnlib} and "
                         f"the ratios {ratios} contradict performance-details.md's batch size text")


def check_two_thread_claims(two_threads: bench.BenchResult) -> None:
    """Fail the build if the two-thread CNN record contradicts performance-details.md: two
    threads at once slow each other down, and their halves of a step, with no waiting at
    all, take about as long as PyTorch's whole step or longer (at least 95% of it)."""
    shares = two_threads.share_milliseconds
    torch_step = bench.step_milliseconds(two_threads, "torch")
    if not (shares["together"] > shares["alone"] and shares["together"] >= 0.95 * torch_step):
        raise ValueError(f"benchmarks/cnn-two-threads.json: the halves of a step took {shares} ms "
                         f"and PyTorch's step {torch_step:.2f} ms, which contradicts "
                         f"performance-details.md's two-thread text")


def all_numbers(records: dict[str, tuple[bench.BenchResult, dict]]) -> dict[str, str]:
    """Every record's numbers, and the comparisons between records the pages make."""
    check_cnn_claims(records["cnn-one-thread"][0])
    check_two_thread_claims(records["cnn-two-threads"][0])
    numbers = {}
    for name, (result, record) in records.items():
        numbers.update(record_numbers(name, result, record))
    rate = {name: statistics.median(records[name][0].matmul_gflops) for name in NAMES}
    numbers["bench.kernel-gain"] = f"{rate['one-thread'] / rate['forced-kernel']:.1f}×"
    return numbers


def load_records(folder: Path = RECORDS) -> dict[str, tuple[bench.BenchResult, dict]]:
    return {name: bench.load_record(folder / f"{name}.json") for name in NAMES + CNN_NAMES}


def draw(out_dir, runs):
    path = out_dir / "assets" / "beyond-bench" / "numbers.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(all_numbers(load_records()), indent=1, sort_keys=True))
