"""One side of ``python -m nnlib bench``: a process that trains with one framework, on command.

The benchmark (:mod:`nnlib.tools.bench`) starts two of these, one for nnlib and one for PyTorch,
and asks them in turn to train one epoch. Each runs in its own process because NumPy's
OpenBLAS threads keep spinning for a while after every matrix product: in a shared process
they would steal a core from PyTorch's threads and make it look about twice as slow as it is.

The parent sets the thread counts in the environment before the process starts (BLAS
libraries read them once, at import). The conversation is one JSON object per line: a
request on stdin, the answer on stdout. Anything a library prints goes to stderr, so it
cannot garble an answer.

    python -m nnlib.tools.bench_worker nnlib      # or: torch
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Iterable
from typing import TextIO

import numpy as np

from nnlib.data import load_mnist, one_hot
from nnlib.guide import GuideNetwork, train_one_example_at_a_time
from nnlib.conv import cnn, cnn_chunk_size
from nnlib.network import Network, Sequential
from nnlib.optim import SGD, Adam, Momentum
from nnlib.train import gradient_in_chunks, replicas, train


def load_data(request: dict) -> tuple[np.ndarray, ...]:
    """MNIST as float32, the training set cut to ``train_size`` examples if asked."""
    X_train, y_train, X_test, y_test = load_mnist(request["data_dir"], download=False)
    size = request.get("train_size") or len(X_train)
    return X_train[:size], y_train[:size], X_test, y_test


def initial_network(request: dict) -> Network | Sequential:
    """The network both frameworks start from: nnlib's He initialisation, seeded.

    The dense network of ``request["sizes"]``, or with ``request["model"] == "cnn"`` the
    convolutional network of :func:`nnlib.conv.cnn`.
    """
    if request.get("model") == "cnn":
        return cnn(rng=request["seed"])
    return Network(request["sizes"], activation="relu", output="softmax", init="he", rng=request["seed"])


def initial_optimizer(request: dict) -> Momentum | Adam:
    """nnlib's optimiser for the model: SGD with momentum for the dense network, else Adam."""
    if request.get("model") == "cnn":
        return Adam(lr=request["lr"])
    return Momentum(lr=request["lr"], momentum=request["momentum"])


def torch_dense(torch, start: Network):
    """PyTorch's layers for the dense network ``start``, holding its weights."""
    layers = []
    for linear in start.linears:
        layer = torch.nn.Linear(*linear.W.shape)
        with torch.no_grad():  # torch keeps weights as (out, in): the transpose of nnlib's
            layer.weight.copy_(torch.from_numpy(linear.W.T.copy()))
            layer.bias.copy_(torch.from_numpy(linear.b[0]))
        layers += [layer, torch.nn.ReLU()]
    return torch.nn.Sequential(*layers[:-1])  # no ReLU after the last layer


def torch_cnn(torch, start: Sequential):
    """PyTorch's layers for :func:`nnlib.conv.cnn`, holding ``start``'s weights.

    PyTorch keeps images channels first, ``(n, channels, height, width)``, and filters as
    ``(filters, channels, kernel, kernel)``; nnlib keeps both channels last. So the filters
    are transposed, and the dense layer's rows are reordered to the order in which PyTorch's
    ``Flatten`` reads a ``(32, 4, 4)`` map (channel, row, column) instead of nnlib's (row,
    column, channel). The two networks then compute the same function.
    """
    nn = torch.nn
    conv1, conv2, dense = start.weighted
    layers = [nn.Conv2d(1, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(16, 32, 5), nn.ReLU(),
              nn.MaxPool2d(2), nn.Flatten(), nn.Linear(512, 10)]
    h, w, c = 4, 4, 32  # the last map's shape, channels last
    dense_W = dense.W.reshape(h, w, c, -1).transpose(2, 0, 1, 3).reshape(h * w * c, -1)
    with torch.no_grad():
        for layer, source in ((layers[0], conv1), (layers[3], conv2)):
            layer.weight.copy_(torch.from_numpy(source.W.transpose(0, 3, 1, 2).copy()))
            layer.bias.copy_(torch.from_numpy(source.b))
        layers[7].weight.copy_(torch.from_numpy(dense_W.T.copy()))
        layers[7].bias.copy_(torch.from_numpy(dense.b[0]))
    return nn.Sequential(*layers)


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far, in MB.

    On Linux, the ``VmHWM`` line of ``/proc/self/status``: the high-water mark of this
    program alone. ``getrusage``'s ``ru_maxrss`` also counts the parent's memory at the
    moment it started this worker (a parent that holds MNIST already weighs a few hundred
    MB), so it is only the fallback, for systems without ``/proc`` (macOS reports bytes,
    Linux kilobytes). ``resource`` is imported here: Windows does not have it (the peak is
    then NaN), and the module must still import there.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # "VmHWM:   282368 kB"
    except OSError:
        pass
    try:
        import resource
    except ImportError:
        return float("nan")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


class NnlibWorker:
    """Trains with :func:`nnlib.train`, exactly as a reader would, one epoch per request."""

    def __init__(self, request: dict) -> None:
        self.X, self.y, self.X_test, self.y_test = load_data(request)
        self.Y = one_hot(self.y)
        self.setup = request
        self.model = initial_network(request)
        self.optimizer = initial_optimizer(request)
        self.batch_size = request["batch_size"]
        # The CNN's batches split between the threads (the parent gave this process one BLAS
        # thread), in chunks as `nnlib train` computes them.
        self.threads = request["threads"] if request.get("model") == "cnn" else 1
        self.chunk_size = cnn_chunk_size(self.threads) if request.get("model") == "cnn" else None
        # One generator for the whole run: each epoch draws the next shuffle from it,
        # the same sequence of shuffles the PyTorch worker draws.
        self.rng = np.random.default_rng(request["seed"])

    def epoch(self, request: dict) -> dict:
        """Train one epoch with nnlib.train; its seconds and mean loss."""
        history = train(self.model, self.X, self.Y, epochs=1, batch_size=self.batch_size,
                        optimizer=self.optimizer, rng=self.rng, progress=False,
                        chunk_size=self.chunk_size, threads=self.threads)
        return {"seconds": history.seconds[0], "loss": history.loss[0]}

    def evaluate(self, request: dict) -> dict:
        """The accuracy on the 10,000 test digits."""
        return {"test_accuracy": float(np.mean(self.model.predict(self.X_test) == self.y_test))}

    def matmul_rate(self, request: dict) -> dict:
        """This process's matrix-multiply rate at the training shapes, in GFLOP/s."""
        from nnlib.tools.bench import matmul_gflops

        return {"gflops": matmul_gflops(request["sizes"], request["batch_size"])}

    def batch_time(self, request: dict) -> dict:
        """Seconds per image of one pass over the first ``images`` examples in batches of
        ``batch_size``, from the initial network (after a short untimed warm-up)."""
        model, optimizer = initial_network(self.setup), initial_optimizer(self.setup)
        size, images = request["batch_size"], min(request["images"], len(self.X))
        rng = np.random.default_rng(self.setup["seed"])  # the shuffles the PyTorch worker draws
        seconds = 0.0
        for examples in (4 * size, images):  # the warm-up, then the timed pass
            history = train(model, self.X[:examples], self.Y[:examples], epochs=1,
                            batch_size=size, optimizer=optimizer, rng=rng, progress=False,
                            threads=self.threads)
            seconds = history.seconds[0]
        return {"seconds_per_image": seconds / images}

    def where_time_goes(self, request: dict) -> dict:
        """Milliseconds per training step of each part of the model, over ``batches`` steps,
        in one thread (the CNN's worker has one BLAS thread).

        Every layer's forward and backward pass is timed (for a convolution, its ``im2col``
        copy and ``col2im`` scatter apart from the rest, its matrix products), then the
        loss and the optimiser's step. Timing adds a little to each part; the shares are
        what matter.
        """
        return {"milliseconds": time_each_part(self.model, self.optimizer, self.X, self.Y,
                                               self.batch_size, request["batches"],
                                               self.chunk_size)}

    def share_times(self, request: dict) -> dict:
        """What splitting the CNN's batches between this worker's threads costs: see
        :func:`time_shares`, over ``steps`` steps."""
        return {"milliseconds": time_shares(self.model, self.X, self.Y, self.batch_size,
                                            self.threads, request["steps"])}

    def guide_epochs(self, request: dict) -> dict:
        """The original guide's own network, trained as the original guide trains it: float64, SGD(0.5), batches of 64."""
        model = GuideNetwork(rng=request["seed"])
        history = train(model, self.X, self.Y, epochs=request["epochs"], batch_size=64,
                        optimizer=SGD(0.5), rng=request["seed"], progress=False)
        return {"seconds": history.seconds}

    def per_example(self, request: dict) -> dict:
        """Seconds for the original guide network's one-example-at-a-time loop over ``examples`` examples."""
        n = min(request["examples"], len(self.X))
        model = GuideNetwork(rng=request["seed"])
        start = time.perf_counter()
        train_one_example_at_a_time(model, self.X[:n], self.Y[:n], batch_size=64, learning_rate=0.5)
        return {"seconds": time.perf_counter() - start, "examples": n}


def time_each_part(model: Sequential, optimizer, X: np.ndarray, Y: np.ndarray, batch_size: int,
                   batches: int, chunk_size: int | None = None) -> dict[str, float]:
    """Train ``batches`` steps of ``model`` on the first examples of ``X``, timing each part.

    With ``chunk_size``, each batch is computed that many examples at a time, as
    ``nnlib.train`` does (a part's time is then the sum over the chunks of a step).

    Returns milliseconds per step, in the order they run, keyed by layer and pass (``"1
    Conv2D(1, 16, kernel=5) forward"``). A convolution's pass is split into its copy
    (``": im2col"``), its scatter (``": col2im"``) and the rest (``": products"``, its
    matrix products and bias). ``"the rest"`` is the softmax, the loss and Python's own
    work; ``"optimiser step"`` the update; ``"whole step"`` all of it.
    """
    from nnlib import conv

    seconds: dict[str, float] = {}
    running: list[str] = []  # the layer pass that is running, to which a copy belongs

    def timed(label: str, function, belongs_to_layer: bool = False):
        def run(*args):
            name = f"{running[-1]}: {label}" if belongs_to_layer else label
            running.append(name)
            start = time.perf_counter()
            try:
                return function(*args)
            finally:
                seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - start
                running.pop()
        return run

    copies = {"im2col": conv.im2col, "col2im": conv.col2im}
    try:
        for name, function in copies.items():
            setattr(conv, name, timed(name, function, belongs_to_layer=True))
        for place, layer in enumerate(model.layers, start=1):
            for direction in ("forward", "backward"):
                label = f"{place} {layer!r} {direction}"
                setattr(layer, direction, timed(label, getattr(layer, direction)))
        step = timed("optimiser step", optimizer.step)
        for i in range(batches):
            first = i * batch_size % (len(X) - batch_size + 1)  # round again if X is short
            x, y = X[first : first + batch_size], Y[first : first + batch_size]
            start = time.perf_counter()
            if chunk_size is not None:
                grads = gradient_in_chunks(model, x, y, chunk_size)[2]
            else:
                model.forward(x, training=True)
                model.loss(y)
                model.backward(y)
                grads = model.grads
            step(model.params, grads)
            seconds["whole step"] = seconds.get("whole step", 0.0) + time.perf_counter() - start
    finally:
        for name, function in copies.items():
            setattr(conv, name, function)
        for layer in model.layers:  # back to the class's own methods
            layer.__dict__.pop("forward", None)
            layer.__dict__.pop("backward", None)
    parts = {}
    for name, value in seconds.items():  # a pass with copies: split off the copies
        if ": " not in name and name != "whole step":
            copied = [f"{name}: {copy}" for copy in copies if f"{name}: {copy}" in seconds]
            parts[f"{name}: products" if copied else name] = value - sum(seconds[c] for c in copied)
            parts.update({c: seconds[c] for c in copied})
    parts["the rest"] = seconds["whole step"] - sum(parts.values())
    parts["whole step"] = seconds["whole step"]
    return {name: 1000 * value / batches for name, value in parts.items()}


def time_shares(model: Sequential, X: np.ndarray, Y: np.ndarray, batch_size: int, threads: int,
                steps: int) -> dict[str, float]:
    """Milliseconds per step of one thread's share of a batch, ``batch_size // threads``
    images, forward and backward passes (as ``train(threads=...)`` splits a batch):

    - ``"alone"``: one thread computes its share while the others rest;
    - ``"together"``: every thread computes a share at once, each of other images, none
      waiting for another between steps (the mean over the threads).

    ``together`` above ``alone`` is what the threads cost each other on the processor
    (caches, memory, Python's lock); a whole training step adds what the threads alone
    cannot do: waiting for each other, adding up the shares' gradients, the optimiser's
    step. The weights are not updated.
    """
    copies, share = replicas(model, threads), batch_size // threads
    seconds = [0.0] * threads
    errors: list[BaseException] = []  # a thread's error, raised again in the caller

    def compute(place: int, start_together: threading.Barrier | None = None) -> None:
        try:
            if start_together is not None:
                start_together.wait()
            start = time.perf_counter()
            for step in range(steps):
                first = (place + step * threads) * share % (len(X) - share + 1)
                x, y = X[first : first + share], Y[first : first + share]
                gradient_in_chunks(copies[place], x, y, share)
            seconds[place] = time.perf_counter() - start
        except BaseException as error:
            errors.append(error)
            if start_together is not None:
                start_together.abort()  # the others stop waiting for this one

    compute(0)  # one thread alone
    if errors:
        raise errors[0]
    alone = seconds[0]
    start_together = threading.Barrier(threads)
    others = [threading.Thread(target=compute, args=(place, start_together)) for place in range(1, threads)]
    for thread in others:
        thread.start()
    compute(0, start_together)
    for thread in others:
        thread.join()
    if errors:
        raise errors[0]
    return {"alone": 1000 * alone / steps, "together": 1000 * sum(seconds) / threads / steps}


class TorchWorker:
    """The same training in PyTorch: same weights, same shuffles, same batch size and optimiser."""

    def __init__(self, request: dict) -> None:
        import torch

        self.torch = torch
        torch.set_num_threads(request["threads"])
        self.batch_size = request["batch_size"]
        self.rng = np.random.default_rng(request["seed"])
        X, y, X_test, y_test = load_data(request)
        # from_numpy shares memory with the NumPy arrays: no copy of the data set.
        self.X, self.y = torch.from_numpy(X), torch.from_numpy(y)
        self.X_test, self.y_test = torch.from_numpy(X_test), torch.from_numpy(y_test)
        self.setup = request
        start = initial_network(request)
        if request.get("model") == "cnn":
            self.X, self.X_test = self.X.view(-1, 1, 28, 28), self.X_test.view(-1, 1, 28, 28)
            self.model = torch_cnn(torch, start)
            self.optimizer = torch.optim.Adam(self.model.parameters(), lr=request["lr"])
        else:
            self.model = torch_dense(torch, start)
            self.optimizer = torch.optim.SGD(self.model.parameters(), lr=request["lr"],
                                             momentum=request["momentum"])

    def epoch(self, request: dict) -> dict:
        """One epoch of the usual PyTorch loop, keeping the same running loss and accuracy as nnlib.train."""
        order = self.torch.from_numpy(self.rng.permutation(len(self.X)))
        return self.train_pass(self.model, self.optimizer, order, self.batch_size)

    def train_pass(self, model, optimizer, order, batch_size: int) -> dict:
        """Train on the examples ``order`` lists, in that order and in batches of ``batch_size``."""
        torch = self.torch
        cross_entropy = torch.nn.functional.cross_entropy
        start = time.perf_counter()
        total_loss, correct = 0.0, 0
        for first in range(0, len(order), batch_size):
            batch = order[first : first + batch_size]
            x, y = self.X[batch], self.y[batch]
            scores = model(x)
            loss = cross_entropy(scores, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total_loss += loss.item() * len(batch)
            correct += int((scores.argmax(dim=1) == y).sum())
        return {"seconds": time.perf_counter() - start, "loss": total_loss / len(order)}

    def batch_time(self, request: dict) -> dict:
        """Seconds per image of one pass over the first ``images`` examples in batches of
        ``batch_size``, from the initial convolutional network (after a short untimed warm-up)."""
        torch, size = self.torch, request["batch_size"]
        images = min(request["images"], len(self.X))
        model = torch_cnn(torch, initial_network(self.setup))
        optimizer = torch.optim.Adam(model.parameters(), lr=self.setup["lr"])
        rng = np.random.default_rng(self.setup["seed"])  # the shuffles the nnlib worker draws
        seconds = 0.0
        for examples in (4 * size, images):  # the warm-up, then the timed pass
            order = torch.from_numpy(rng.permutation(examples))
            seconds = self.train_pass(model, optimizer, order, size)["seconds"]
        return {"seconds_per_image": seconds / images}

    def evaluate(self, request: dict) -> dict:
        """The accuracy on the 10,000 test digits."""
        with self.torch.no_grad():  # in slices of 1,000, as nnlib's predict, to bound memory
            predicted = self.torch.cat([self.model(x).argmax(dim=1) for x in self.X_test.split(1000)])
        return {"test_accuracy": float((predicted == self.y_test).float().mean())}


WORKERS = {"nnlib": NnlibWorker, "torch": TorchWorker}


def versions(framework: str) -> dict:
    """What this worker runs on, for the report."""
    found = {"numpy": np.__version__}
    if framework == "torch":
        import torch

        found["torch"] = torch.__version__
        found["torch_threads"] = torch.get_num_threads()
    return found


def serve(framework: str, requests: Iterable[str], answer: TextIO) -> None:
    """Answer each request (a JSON line) with one JSON line, until ``{"do": "quit"}`` or the end of input."""
    worker = None
    for line in requests:
        request = json.loads(line)
        try:
            if request["do"] == "quit":
                break
            if request["do"] == "setup":
                worker = WORKERS[framework](request)
                reply = {"versions": versions(framework)}
            else:
                reply = getattr(worker, request["do"])(request)
            reply["peak_memory_mb"] = peak_memory_mb()
        except Exception as error:  # report it to the parent, which says what went wrong
            reply = {"error": f"{type(error).__name__}: {error}"}
        answer.write(json.dumps(reply) + "\n")
        answer.flush()


def main(argv: list[str] | None = None) -> int:
    """``python -m nnlib.tools.bench_worker nnlib|torch``: serve stdin's requests."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or argv[0] not in WORKERS:
        print(f"usage: python -m nnlib.tools.bench_worker {{{'|'.join(WORKERS)}}}", file=sys.stderr)
        return 2
    # Keep the real stdout for answers; anything printed by a library goes to stderr instead.
    answer = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    serve(argv[0], sys.stdin, answer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
