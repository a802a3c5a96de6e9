"""Part 5, exercise 4 (solution): the 784-64-10 forward pass on 5 MNIST test
digits.

Run it on its own:  python snippets/part5/exercise4_two_layer_forward.py
"""

# --8<-- [start:solution]
import numpy as np

from nnlib import GuideNetwork, load_mnist, sigmoid

X_train, y_train, X_test, y_test = load_mnist()
X = X_test[:5]  # (5, 784)

rng = np.random.default_rng(0)
W1, b1 = rng.standard_normal((784, 64)) * 0.1, np.zeros((1, 64))
W2, b2 = rng.standard_normal((64, 10)) * 0.1, np.zeros((1, 10))

hidden = sigmoid(X @ W1 + b1)  # (5, 784) @ (784, 64) -> (5, 64)
output = sigmoid(hidden @ W2 + b2)  # (5, 64) @ (64, 10) -> (5, 10)
guesses = output.argmax(axis=1)  # (5,): the largest output of each row
print(f"hidden {hidden.shape}, output {output.shape}")
print(f"guesses {guesses}, labels {y_test[:5]}")

assert hidden.shape == (5, 64) and output.shape == (5, 10)
assert guesses.shape == (5,)
assert np.all((output > 0) & (output < 1))
assert np.allclose(output, GuideNetwork(rng=0).forward(X))  # nnlib agrees
# --8<-- [end:solution]
