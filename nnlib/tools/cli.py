"""The command line: ``python -m nnlib train``, ``python -m nnlib data`` (and ``bench``,
``exercise`` and ``check``, the tutor's two commands).

``train`` with no options trains the original guide's network: 784-64-10, sigmoid, the original guide's
squared error, ``randn * 0.1`` weights, plain SGD with learning rate 0.5, batches of 64.
``train --model cnn`` trains the convolutional network of :func:`nnlib.conv.cnn` with Adam,
its learning rate gliding from 2e-3 to 0 along a cosine, each batch computed 16 images at a
time in one thread (``nnlib.conv.cnn_chunk_size``).
"""

from __future__ import annotations

import argparse
import sys

import numpy as np

from nnlib.conv import CNN_LR, cnn, cnn_chunk_size
from nnlib.data import MNISTError, describe, download_mnist, load_mnist, one_hot
from nnlib.init import INITIALIZERS
from nnlib.layers import ACTIVATION_LAYERS
from nnlib.network import OUTPUTS, Network
from nnlib.optim import OPTIMIZERS, cosine_schedule
from nnlib.tools.weights import save_weights
from nnlib.train import check_training_settings, train

N_PIXELS = 28 * 28  # an MNIST image, flattened: the network's input size
N_DIGITS = 10
MODELS = ["mlp", "cnn"]
# What each model trains with unless --optimizer or --lr say otherwise.
MODEL_OPTIMIZERS = {"mlp": ("sgd", 0.5), "cnn": ("adam", CNN_LR)}
# Options that shape the dense network only: --model cnn refuses them rather than ignore them.
DENSE_ONLY = ["hidden", "activation", "output", "init", "dropout", "l2"]


def model_name(name: str) -> str:
    """``--model``'s value, checked against MODELS (argparse reports the ValueError)."""
    if name not in MODELS:
        raise argparse.ArgumentTypeError(f"invalid choice: {name!r} (choose from {', '.join(MODELS)})")
    return name


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``python -m nnlib``; its choices come from nnlib's registries."""
    parser = argparse.ArgumentParser(prog="python -m nnlib", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    t = commands.add_parser("train", help="train a network on MNIST and report its test accuracy")
    t.add_argument("--model", type=model_name, default="mlp", metavar="{mlp,cnn}",
                   help="mlp: a dense network shaped by the options below (default); cnn: the "
                        "convolutional network of nnlib.conv.cnn, trained with Adam from 2e-3 "
                        "(unless --optimizer or --lr say otherwise), the rate gliding to 0 "
                        "along a cosine over the epochs")
    t.add_argument("--hidden", type=int, nargs="+", default=[64], metavar="N",
                   help="hidden layer sizes (default: 64, the original guide's network)")
    t.add_argument("--activation", choices=sorted(ACTIVATION_LAYERS), default="sigmoid")
    t.add_argument("--output", choices=sorted(OUTPUTS), default="sigmoid",
                   help="sigmoid + squared error (the original guide) or softmax + cross-entropy")
    t.add_argument("--init", choices=sorted(INITIALIZERS), default="guide")
    t.add_argument("--epochs", type=int, default=20)
    t.add_argument("--batch-size", type=int, default=64)
    t.add_argument("--lr", type=float, default=None,
                   help="learning rate (default: 0.5, or 2e-3 for --model cnn)")
    t.add_argument("--optimizer", choices=sorted(OPTIMIZERS), default=None,
                   help="(default: sgd, or adam for --model cnn)")
    t.add_argument("--dropout", type=float, default=0.0)
    t.add_argument("--l2", type=float, default=0.0)
    t.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--data-dir", default=None, help="MNIST directory (default: $NNLIB_DATA_DIR or the user cache)")
    t.add_argument("--save", default=None, metavar="PATH", help="save the trained weights to PATH (.npz)")
    t.add_argument("--threads", type=int, default=1, metavar="N",
                   help="split each batch between N threads (default: 1); with N > 1, also set "
                        "OPENBLAS_NUM_THREADS=1, so that NumPy's own threads do not compete")
    t.add_argument("--no-progress", action="store_true", help="no progress bar")

    d = commands.add_parser("data", help="download MNIST if needed, verify it and say where it is")
    d.add_argument("--data-dir", default=None, help="MNIST directory (default: $NNLIB_DATA_DIR or the user cache)")

    b = commands.add_parser("bench", help="time nnlib against PyTorch on the CPU")
    b.add_argument("--model", type=model_name, default="mlp", metavar="{mlp,cnn}",
                   help="mlp: the 784-128-10 dense network (default); cnn: the convolutional "
                        "network of nnlib.conv.cnn, trained with Adam in batches of 64")
    b.add_argument("--epochs", type=int, default=5,
                   help="timed epochs per framework, after one untimed warm-up (default: 5)")
    b.add_argument("--threads", type=int, default=None, metavar="N",
                   help="threads per framework (default: $OPENBLAS_NUM_THREADS if set, else every core)")
    b.add_argument("--data-dir", default=None, help="MNIST directory (default: $NNLIB_DATA_DIR or the user cache)")

    e = commands.add_parser("exercise", help="write the starter file of an exercise into this folder")
    e.add_argument("exercise", help="1 to 6 (the original guide's), warmup1 to warmup5, bug1 to bug3")

    c = commands.add_parser("check", help="check your solution of an exercise")
    c.add_argument("file", help="your file, e.g. exercise3.py")
    c.add_argument("--exercise", default=None,
                   help="which exercise (default: from the file name, e.g. exercise3.py is 3)")
    c.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help="stop your code after this long (default: 10, Exercise 6: 300)")
    return parser


def run_exercise(args: argparse.Namespace) -> int:
    """``python -m nnlib exercise N``: write the starter, never over an existing file."""
    from nnlib.tutor import find, write_starter

    exercise = find(args.exercise)
    try:
        path = write_starter(exercise.key)
    except FileExistsError:
        print(f"error: {exercise.filename} already exists here; it was left as it is. "
              f"Rename it, or work in another folder.", file=sys.stderr)
        return 1
    print(f"wrote {path.name}: {exercise.title}.\n"
          f"Fill it in, then check it with: python -m nnlib check {path.name}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    """``python -m nnlib check FILE``: the report, and 0 only when every check passed."""
    from nnlib.tutor import check_file

    if args.timeout is not None and not args.timeout > 0:
        raise ValueError(f"--timeout must be a positive number of seconds, got {args.timeout}")
    report, status = check_file(args.file, args.exercise, args.timeout)
    print(report)
    return status


def run_train(args: argparse.Namespace) -> int:
    """``python -m nnlib train``: every setting is checked before the data is loaded."""
    check_training_settings(args.epochs, args.batch_size)
    if args.threads < 1:
        raise ValueError(f"--threads must be at least 1, got {args.threads}")
    if args.model == "cnn":
        defaults = build_parser().parse_args(["train"])
        changed = [name for name in DENSE_ONLY if getattr(args, name) != getattr(defaults, name)]
        if changed:
            options = ", ".join("--" + name for name in changed)
            raise ValueError(f"{options} shape the dense network (--model mlp); the "
                             f"convolutional network has a fixed shape (nnlib.conv.cnn).")
        if args.save:
            raise ValueError("--save works for --model mlp only: the weights files of nnlib "
                             "hold dense networks.")
        model = cnn(rng=args.seed, dtype=np.dtype(args.dtype).type)
    else:
        model = Network([N_PIXELS, *args.hidden, N_DIGITS], activation=args.activation,
                        output=args.output, init=args.init, rng=args.seed,
                        dtype=np.dtype(args.dtype).type, dropout=args.dropout, l2=args.l2)
    default_optimizer, default_lr = MODEL_OPTIMIZERS[args.model]
    lr = default_lr if args.lr is None else args.lr
    optimizer = OPTIMIZERS[args.optimizer or default_optimizer](lr=lr)
    schedule = cosine_schedule(lr, args.epochs) if args.model == "cnn" else None
    X_train, y_train, X_test, y_test = load_mnist(args.data_dir)
    print(f"training {model} with {optimizer}, batch size {args.batch_size}, {args.epochs} epochs")
    history = train(model, X_train.astype(model.dtype, copy=False), one_hot(y_train, dtype=model.dtype),
                    epochs=args.epochs, batch_size=args.batch_size, optimizer=optimizer,
                    rng=args.seed, X_test=X_test, y_test=y_test, progress=not args.no_progress,
                    lr_schedule=schedule, threads=args.threads,
                    chunk_size=cnn_chunk_size(args.threads) if args.model == "cnn" else None)
    if args.no_progress:
        for epoch, (loss, acc, sec) in enumerate(zip(history.loss, history.test_accuracy, history.seconds), 1):
            print(f"epoch {epoch:>2}/{args.epochs}: loss {loss:.4f}, test accuracy {acc:.4f} ({sec:.1f} s)")
    if args.save:
        print(f"saved weights to {save_weights(model, args.save)}")
    print(f"test accuracy: {history.test_accuracy[-1]:.4f}")
    return 0


def run_data(args: argparse.Namespace) -> int:
    """``python -m nnlib data``: download what is missing, then check all four files."""
    download_mnist(args.data_dir)
    print(describe(args.data_dir))
    return 0


def run_bench(args: argparse.Namespace) -> int:
    """``python -m nnlib bench``: nnlib timed against PyTorch (see :mod:`nnlib.tools.bench`)."""
    from nnlib.tools.bench import main as bench_main

    if args.threads is not None and args.threads < 1:
        raise ValueError(f"--threads must be at least 1, got {args.threads}")
    return bench_main(epochs=args.epochs, data_dir=args.data_dir, threads=args.threads,
                      model=args.model)


def main(argv: list[str] | None = None) -> int:
    """Run one command; a bad setting or a failed run prints ``error: ...`` and returns 1."""
    args = build_parser().parse_args(argv)
    commands = {"train": run_train, "data": run_data, "bench": run_bench,
                "exercise": run_exercise, "check": run_check}
    try:
        return commands[args.command](args)
    except (MNISTError, ValueError) as error:  # TrainingDiverged and TrainingStalled too
        print(f"error: {error}", file=sys.stderr)
        return 1
