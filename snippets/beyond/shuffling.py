"""Beyond the original guide: why the training loop shuffles the examples
every epoch.

One epoch of the 784-128-10 network on the first 10,000 training digits, three
times from the same starting weights: in a random order, in the order the file
stores them, and sorted by label (all the 0s, then all the 1s, ...). The test
accuracy is measured every 10 batches along the way.

Run it on its own:  python snippets/beyond/shuffling.py
"""

# --8<-- [start:imports]
import numpy as np

from nnlib import Momentum, Network, accuracy, load_mnist, one_hot

# --8<-- [end:imports]


# --8<-- [start:in-order]
def one_epoch_in_order(X, Y, X_test, y_test, *, batch_size=64, every=10):
    """Train a fresh network on one epoch of X in the order given, no shuffling.

    Returns the test accuracy after every ``every`` batches, and the network.
    """
    net = Network([784, 128, 10], rng=0)  # ReLU, softmax, He init, float32
    optimizer = Momentum(lr=0.05)
    accuracies = []
    for number, first in enumerate(range(0, len(X), batch_size), start=1):
        net.forward(X[first : first + batch_size], training=True)
        net.backward(Y[first : first + batch_size])
        optimizer.step(net.params, net.grads)
        if number % every == 0:
            accuracies.append(accuracy(y_test, net.predict(X_test)))
    return accuracies, net
# --8<-- [end:in-order]


def run_orders() -> dict[str, list[float]]:
    """Test accuracy along one epoch for each order of the same examples."""
    # --8<-- [start:orders]
    X_train, y_train, X_test, y_test = load_mnist()
    X, y = X_train[:10_000], y_train[:10_000]
    orders = {
        "shuffled": np.random.default_rng(0).permutation(len(X)),
        "as stored": np.arange(len(X)),
        # all 0s first, all 9s last
        "sorted by label": np.argsort(y, kind="stable"),
    }
    curves = {}
    for name, order in orders.items():
        curves[name], net = one_epoch_in_order(X[order], one_hot(y[order]),
                                               X_test, y_test)
        print(f"{name:16} test accuracy after one epoch: "
              f"{curves[name][-1]:.1%}")
    # the network trained on sorted digits, 9s last
    predicted = net.predict(X_test)
    print(f"it answers 9 for {np.mean(predicted == 9):.0%} of the test digits")
    # --8<-- [end:orders]
    assert curves["shuffled"][-1] > 0.9 and curves["as stored"][-1] > 0.9
    assert curves["sorted by label"][-1] < 0.5 and np.mean(predicted == 9) > 0.5
    return curves


if __name__ == "__main__":
    run_orders()
