"""Part 3, step 4: two layers, 784 -> 64 -> 10, on real MNIST digits.

The hidden layer's 64 outputs are the output layer's 64 inputs. The network is
not trained yet, so its answers are guesses; step 8 trains it.
Run it on its own:  python snippets/part3/step4_two_layers.py
"""

# --8<-- [start:data]
import numpy as np

from nnlib import load_mnist, sigmoid

X_train, y_train, X_test, y_test = load_mnist()  # reads $NNLIB_DATA_DIR
X = X_train[:5]  # five digits, each flattened to 784 pixels in [0, 1]
assert X.shape == (5, 784) and 0.0 <= X.min() and X.max() <= 1.0
# --8<-- [end:data]
# --8<-- [start:data-show]
print(f"X {X.shape}, labels {y_train[:5]}")
# --8<-- [end:data-show]

# --8<-- [start:init]
rng = np.random.default_rng(0)  # a seed: the same "random" weights every run
# (784, 64): 64 hidden neurons, 784 weights each
W1 = rng.standard_normal((784, 64)) * 0.1
b1 = np.zeros((1, 64))  # (1, 64)
# (64, 10): 10 output neurons, 64 weights each
W2 = rng.standard_normal((64, 10)) * 0.1
b2 = np.zeros((1, 10))  # (1, 10)
n_weights = W1.size + b1.size + W2.size + b2.size
assert n_weights == 784 * 64 + 64 + 64 * 10 + 10 == 50_890
# --8<-- [end:init]
# --8<-- [start:init-show]
print(f"{n_weights} numbers to learn")
# --8<-- [end:init-show]

# --8<-- [start:forward]
hidden = sigmoid(X @ W1 + b1)  # (5, 784) @ (784, 64) -> (5, 64)
output = sigmoid(hidden @ W2 + b2)  # (5, 64) @ (64, 10) -> (5, 10)
assert hidden.shape == (5, 64) and output.shape == (5, 10)
assert np.all((output > 0) & (output < 1))
# --8<-- [end:forward]
# --8<-- [start:forward-show]
print(f"hidden {hidden.shape}, output {output.shape}")
print("output for the first digit:", output[0].round(2))
print("guesses:", output.argmax(axis=1), "true labels:", y_train[:5])
# --8<-- [end:forward-show]

# --8<-- [start:compare]
from nnlib import GuideNetwork

net = GuideNetwork(rng=0)  # the same seed: the same weights as ours
for name, ours in {"W1": W1, "b1": b1, "W2": W2, "b2": b2}.items():
    assert np.array_equal(net.params[name], ours), name
same = np.allclose(net.forward(X), output, rtol=0, atol=1e-12)
print("GuideNetwork gives the same output:", same)
assert same
# --8<-- [end:compare]
