"""Part 3, step 8: the full training loop.

784-64-10, sigmoid, learning rate 0.5, batches of 64, 20 epochs, a new shuffle
every epoch.

Run it on its own (about 20 s):  python snippets/part3/step8_training_loop.py
The tests call main() with fewer epochs and examples.
"""

# --8<-- [start:imports]
import time

import numpy as np

from nnlib import load_mnist, mean_squared_error, one_hot, sigmoid

# --8<-- [end:imports]


# --8<-- [start:main]
def main(epochs=20, n_train=60000, batch_size=64, learning_rate=0.5, seed=0):
    """Train the original guide's network from scratch.

    Return the test accuracy after each epoch.
    """
    X_train, y_train, X_test, y_test = load_mnist()
    X_train = X_train[:n_train]  # (n_train, 784)
    Y_train = one_hot(y_train[:n_train], dtype=np.float64)  # (n_train, 10)

    # Step 4: the weights. One generator for them and another for the
    # shuffling, so that changing one never changes the other (nnlib.train
    # does the same).
    rng = np.random.default_rng(seed)
    W1 = rng.standard_normal((784, 64)) * 0.1  # (784, 64)
    b1 = np.zeros((1, 64))  # (1, 64)
    W2 = rng.standard_normal((64, 10)) * 0.1  # (64, 10)
    b2 = np.zeros((1, 10))  # (1, 10)
    shuffle_rng = np.random.default_rng(seed)

    test_accuracies = []
    for epoch in range(epochs):  # one epoch = every training example seen once
        start = time.perf_counter()
        order = shuffle_rng.permutation(len(X_train))  # a new order every epoch
        total_loss = 0.0
        for first in range(0, len(X_train), batch_size):
            batch = order[first : first + batch_size]
            x_batch, y_batch = X_train[batch], Y_train[batch]
            n = len(x_batch)  # 64, except the last batch: 60000 = 937 * 64 + 32

            # Step 4: forward
            # (n, 784) @ (784, 64) -> (n, 64)
            hidden = sigmoid(x_batch @ W1 + b1)
            # (n, 64) @ (64, 10) -> (n, 10)
            output = sigmoid(hidden @ W2 + b2)
            # step 5, for the printout
            total_loss += mean_squared_error(output, y_batch) * n

            # Step 6: backward, gradients averaged over the n examples of
            # THIS batch
            error = output - y_batch  # (n, 10)
            d_output = error * (output * (1 - output))  # (n, 10)
            # (n, 10) @ (10, 64) -> (n, 64)
            d_hidden = (d_output @ W2.T) * (hidden * (1 - hidden))
            dW2 = hidden.T @ d_output / n  # (64, n) @ (n, 10) -> (64, 10)
            db2 = d_output.sum(axis=0, keepdims=True) / n  # (1, 10)
            dW1 = x_batch.T @ d_hidden / n  # (784, n) @ (n, 64) -> (784, 64)
            db1 = d_hidden.sum(axis=0, keepdims=True) / n  # (1, 64)

            # Step 7: update
            W1 -= learning_rate * dW1
            b1 -= learning_rate * db1
            W2 -= learning_rate * dW2
            b2 -= learning_rate * db2

        # After each epoch: how many test digits (never trained on) does it
        # get right?
        # (10000, 10)
        test_output = sigmoid(sigmoid(X_test @ W1 + b1) @ W2 + b2)
        test_accuracies.append(
            float(np.mean(test_output.argmax(axis=1) == y_test)))
        print(
            f"epoch {epoch + 1:>2}: loss {total_loss / len(X_train):.4f}, "
            f"test accuracy {test_accuracies[-1]:.4f} "
            f"({time.perf_counter() - start:.1f} s)"
        )
    return test_accuracies


# --8<-- [end:main]


# --8<-- [start:with-nnlib]
from nnlib import SGD, GuideNetwork, train


def main_with_nnlib(epochs=20, n_train=60000, seed=0):
    """The same training with nnlib.

    GuideNetwork holds steps 4-7, nnlib.train the loop.
    """
    X_train, y_train, X_test, y_test = load_mnist()
    history = train(
        # 784-64-10, sigmoid, float64, randn * 0.1 weights
        GuideNetwork(rng=seed),
        X_train[:n_train],
        one_hot(y_train[:n_train], dtype=np.float64),
        epochs=epochs,
        batch_size=64,
        optimizer=SGD(0.5),  # W -= 0.5 * dW
        rng=seed,  # the shuffling
        X_test=X_test,
        y_test=y_test,
        progress=False,
    )
    return history.test_accuracy


# --8<-- [end:with-nnlib]

if __name__ == "__main__":
    accuracies = main()
    assert accuracies[1] > 0.90  # past 90% by epoch 2
    with_nnlib = main_with_nnlib()
    print("nnlib.train(GuideNetwork(), ...): "
          f"final test accuracy {with_nnlib[-1]:.4f}")
    # the same numbers, epoch by epoch
    assert np.allclose(accuracies, with_nnlib)
