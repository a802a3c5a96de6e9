"""Running a learner's file in a child process, with a time limit and an output cap.

The learner's code never runs in the checker's process: the child
(:mod:`nnlib.tutor.child`) writes what the learner's functions gave into a temporary
folder, and the checker reads it back. A file that runs too long is stopped; one that
prints too much is stopped too, and only the start of what it printed is kept.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from nnlib.tutor.exercises import Exercise
from nnlib.tutor.learner import Outcome, load_outcomes

OUTPUT_LIMIT = 100_000  # bytes of output before the run is stopped
OUTPUT_SHOWN = 2_000  # bytes of it the report shows


@dataclass(frozen=True)
class RunResult:
    """What running a learner's file gave.

    ``status`` is ``"ok"``, ``"load-error"`` (their file raised while loading, a syntax
    error included), ``"main-error"`` (Exercise 6's script raised), ``"timeout"``,
    ``"too-much-output"`` or ``"crashed"`` (no results: the process died). ``message``
    says what happened, for the learner.
    """

    status: str
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    message: str = ""
    output: str = ""  # the start of what the file printed
    output_dropped: int = 0  # bytes printed beyond that
    seconds: float = 0.0


class _Reader(threading.Thread):
    """Reads a pipe to its end: keeps the first bytes, counts the rest, and stops the
    process when it has printed more than the limit."""

    def __init__(self, process: subprocess.Popen, limit: int, shown: int) -> None:
        super().__init__(daemon=True)
        self.process, self.limit, self.shown = process, limit, shown
        self.kept = bytearray()
        self.total = 0
        self.too_much = False

    def run(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while chunk := stream.read1(65536):
            self.total += len(chunk)
            if len(self.kept) < self.shown:
                self.kept += chunk[: self.shown - len(self.kept)]
            if self.total > self.limit and not self.too_much:
                self.too_much = True
                _stop(self.process)


def _stop(process: subprocess.Popen) -> None:
    """Kill the child and whatever it started (it leads its own process group)."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # Windows: no process groups here
            process.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass


def run_file(exercise: Exercise, path: Path, timeout: float | None = None,
             output_limit: int | None = None, shown: int = OUTPUT_SHOWN) -> RunResult:
    """Run the probes of ``exercise`` on the learner's file ``path`` in a child process.

    The child runs in the file's folder, with the environment of this process (so
    ``NNLIB_DATA_DIR`` is honoured) and no input; it is stopped after ``timeout``
    seconds (the exercise's own limit by default) or once it has printed more than
    ``output_limit`` bytes (100,000 by default; ten times that for Exercise 6, whose
    script trains).
    """
    timeout = exercise.timeout if timeout is None else timeout
    if output_limit is None:  # a training script may print a line per batch
        output_limit = OUTPUT_LIMIT * 10 if exercise.run_as_main else OUTPUT_LIMIT
    path = Path(path).resolve()
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="nnlib-check-") as results:
        command = [sys.executable, "-m", "nnlib.tutor.child", exercise.key, str(path), results]
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONUNBUFFERED="1")
        env.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: threads only wait
        # the child imports this same nnlib
        paths = [str(Path(__file__).resolve().parents[2]), env.get("PYTHONPATH", "")]
        env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
        process = subprocess.Popen(command, cwd=path.parent, env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        reader = _Reader(process, output_limit, shown)
        reader.start()
        timed_out = False
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            _stop(process)
            process.wait()
        _stop(process)  # anything it left behind
        reader.join(timeout=5)
        if process.stdout is not None:
            process.stdout.close()
        seconds = time.time() - started
        output = reader.kept.decode("utf-8", errors="replace")
        dropped = max(reader.total - len(reader.kept), 0)
        common = {"output": output, "output_dropped": dropped, "seconds": seconds}
        if reader.too_much:
            return RunResult("too-much-output", message=(
                f"Your file printed more than {output_limit:,} bytes, so it was stopped. "
                f"Is there a print inside a loop?"), **common)
        if timed_out:
            return RunResult("timeout", message=(
                f"Stopped after {timeout:g} s: your code did not finish in time. "
                f"Is there a loop that never ends, or a call to input()?"), **common)
        if not (Path(results) / "result.json").exists():
            return RunResult("crashed", message=(
                f"Your file ended the run before any check could finish (exit status "
                f"{process.returncode}). Does it call exit() or os._exit()?"), **common)
        outcomes, extra = load_outcomes(Path(results))
    status = extra.get("status", "ok")
    return RunResult(status, outcomes, extra.get("message", ""), **common)
