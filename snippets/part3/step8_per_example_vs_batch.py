"""Part 3, step 8: one example at a time, or a whole batch in one matrix
product?

Both give the same gradient: the batch gradient is the AVERAGE of the
per-example gradients. That is why the sums are divided by the number of
examples in the batch.
Run it on its own:  python snippets/part3/step8_per_example_vs_batch.py
"""

# --8<-- [start:setup]
import numpy as np

from nnlib import GuideNetwork, load_mnist, one_hot, sigmoid

X_train, y_train, X_test, y_test = load_mnist()
# (32, 784): a batch of 32, like the last one of an epoch
x_batch = X_train[:32].astype(np.float64)
y_batch = one_hot(y_train[:32], dtype=np.float64)  # (32, 10)
net = GuideNetwork(rng=0)
# (784, 64), (1, 64), (64, 10), (1, 10)
W1, b1, W2, b2 = net.W1, net.b1, net.W2, net.b2
# --8<-- [end:setup]

# --8<-- [start:per-example]
dW2_sum = np.zeros_like(W2)  # (64, 10)
for x, y in zip(x_batch, y_batch):  # x (784,), y (10,): one example at a time
    hidden = sigmoid(x @ W1 + b1[0])  # (784,) @ (784, 64) -> (64,)
    output = sigmoid(hidden @ W2 + b2[0])  # (64,) @ (64, 10) -> (10,)
    d_output = (output - y) * output * (1 - output)  # (10,)
    dW2_sum += np.outer(hidden, d_output)  # (64,) outer (10,) -> (64, 10)
dW2_per_example = dW2_sum / len(x_batch)  # the average over the 32 examples
# --8<-- [end:per-example]
# --8<-- [start:per-example-show]
print("per example:", dW2_per_example.shape)
# --8<-- [end:per-example-show]

# --8<-- [start:mini-batch]
hidden = sigmoid(x_batch @ W1 + b1)  # (32, 784) @ (784, 64) -> (32, 64)
output = sigmoid(hidden @ W2 + b2)  # (32, 64) @ (64, 10) -> (32, 10)
d_output = (output - y_batch) * output * (1 - output)  # (32, 10)
# (64, 32) @ (32, 10): the sum is inside the product
dW2_batch = hidden.T @ d_output / len(x_batch)
# --8<-- [end:mini-batch]
# --8<-- [start:mini-batch-show]
print("mini-batch: ", dW2_batch.shape)
# --8<-- [end:mini-batch-show]

# --8<-- [start:same]
same = np.allclose(dW2_per_example, dW2_batch)
print("the same gradient:", same)
assert same
# --8<-- [end:same]

# --8<-- [start:fixed-64]
dW2_fixed = hidden.T @ d_output / 64  # the original's fixed 64, on 32
ratio = np.linalg.norm(dW2_fixed) / np.linalg.norm(dW2_batch)
print(f"dividing by 64 instead of {len(x_batch)}: "
      f"the step is {ratio:.2f} times as long")
# half the average: not the average at all
assert np.allclose(dW2_fixed, dW2_batch / 2)
# --8<-- [end:fixed-64]
