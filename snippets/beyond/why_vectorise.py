"""Beyond the original guide: why vectorise? The same network, three ways,
timed.

1. Pure Python: lists and nested loops, one multiply-add at a time.
2. NumPy, one example at a time: each example's products are vector operations.
3. NumPy, mini-batches: 64 examples go through each layer in one matrix product.

All three compute the same gradients; the script checks that, then times each
and estimates the seconds one epoch (60,000 examples) would take. The site's
build runs it (docs/figures/beyond_vectorise.py) and writes the times it
measured, and the machine, into the page.

Run it on its own:  python snippets/beyond/why_vectorise.py
"""

# --8<-- [start:imports]
import math
import time

import numpy as np

from nnlib import (
    SGD,
    GuideNetwork,
    load_mnist,
    one_hot,
    sigmoid,
    sigmoid_derivative,
    train,
)
from nnlib.guide import (
    batch_gradients_one_example_at_a_time,
    train_one_example_at_a_time,
)

# --8<-- [end:imports]


# --8<-- [start:pure-python]
def sigmoid_scalar(z: float) -> float:
    """The sigmoid of one number, without overflow for large negative z."""
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    return math.exp(z) / (1 + math.exp(z))


def gradients_pure_python(x, y, W1, b1, W2, b2):
    """One example's gradients for the original guide's network, with Python
    lists and loops only.

    x: 784 numbers, y: 10 numbers,
    W1: 784 rows of 64, b1: 64, W2: 64 rows of 10, b2: 10.
    """
    hidden = []
    for j in range(len(b1)):  # 64 hidden neurons
        z = b1[j]
        for i in range(len(x)):  # 784 multiply-adds each
            z += x[i] * W1[i][j]
        hidden.append(sigmoid_scalar(z))
    output = []
    for k in range(len(b2)):  # 10 output neurons
        z = b2[k]
        for j in range(len(hidden)):
            z += hidden[j] * W2[j][k]
        output.append(sigmoid_scalar(z))
    d_output = [(output[k] - y[k]) * output[k] * (1 - output[k])
                for k in range(len(output))]
    d_hidden = []
    for j in range(len(hidden)):
        back = sum(W2[j][k] * d_output[k] for k in range(len(d_output)))
        d_hidden.append(back * hidden[j] * (1 - hidden[j]))
    dW2 = [[hidden[j] * d_output[k] for k in range(len(d_output))]
           for j in range(len(hidden))]
    dW1 = [[x[i] * d_hidden[j] for j in range(len(d_hidden))]
           for i in range(len(x))]
    return dW1, d_hidden, dW2, d_output
# --8<-- [end:pure-python]


def main() -> dict[str, float]:
    # --8<-- [start:same]
    # float32 pixels; the original guide's network computes in float64
    X_train, y_train, _, _ = load_mnist()
    Y_train = one_hot(y_train, dtype=np.float64)
    net = GuideNetwork(rng=0)  # 784-64-10, sigmoid, float64

    # The mini-batch way: one matrix product per layer for a batch of 64.
    net.forward(X_train[:64])
    net.backward(Y_train[:64])
    batch = {name: grad.copy() for name, grad in net.grads.items()}

    # NumPy, one example at a time (nnlib.guide's loop): the same gradients.
    per_example = batch_gradients_one_example_at_a_time(
        net, X_train[:64], Y_train[:64])
    assert all(np.allclose(per_example[name], batch[name],
                           rtol=1e-10, atol=1e-14) for name in batch)

    # Pure Python, for the first example alone: the same as a batch of one.
    as_lists = [net.W1.tolist(), net.b1[0].tolist(),
                net.W2.tolist(), net.b2[0].tolist()]
    dW1, db1, dW2, db2 = gradients_pure_python(
        X_train[0].tolist(), Y_train[0].tolist(), *as_lists)
    one = batch_gradients_one_example_at_a_time(net, X_train[:1], Y_train[:1])
    assert np.allclose(dW1, one["W1"]) and np.allclose(db1, one["b1"][0])
    assert np.allclose(dW2, one["W2"]) and np.allclose(db2, one["b2"][0])
    print("all three ways give the same gradients")
    # --8<-- [end:same]

    # --8<-- [start:timing]
    n = len(X_train)  # 60,000 examples in an epoch
    seconds = {}

    start = time.perf_counter()
    for i in range(3):  # three examples are enough to see the speed
        gradients_pure_python(X_train[i].tolist(), Y_train[i].tolist(),
                              *as_lists)
    seconds["pure Python loops"] = (time.perf_counter() - start) / 3 * n

    start = time.perf_counter()
    # 10 batches
    train_one_example_at_a_time(GuideNetwork(rng=0), X_train[:640],
                                Y_train[:640])
    seconds["NumPy, one example at a time"] = (
        (time.perf_counter() - start) / 640 * n)

    # a whole epoch, really run
    history = train(GuideNetwork(rng=0), X_train, Y_train, epochs=1,
                    batch_size=64, optimizer=SGD(0.5), progress=False)
    seconds["NumPy, mini-batches of 64"] = history.seconds[0]

    for name, s in seconds.items():
        print(f"{name:30} {s:9.2f} s per epoch")
    # --8<-- [end:timing]

    # No assertion on the times: they depend on the machine and on what else
    # runs on it. The page quotes the times the site's build measured.
    return seconds


if __name__ == "__main__":
    main()
