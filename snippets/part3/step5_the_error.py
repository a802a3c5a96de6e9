"""Part 3, step 5: the error. How far is the output from the answer we wanted?

Run it on its own:  python snippets/part3/step5_the_error.py
"""

# --8<-- [start:setup]
import numpy as np

from nnlib import GuideNetwork, load_mnist

X_train, y_train, X_test, y_test = load_mnist()
X, y = X_train[:5], y_train[:5]  # the five digits of step 4: 5, 0, 4, 1, 9
net = GuideNetwork(rng=0)  # step 4's weights, untrained
output = net.forward(X)  # (5, 10)
# --8<-- [end:setup]

# --8<-- [start:one-hot]
from nnlib import one_hot

# (5,) labels -> (5, 10) targets: a 1 in the column of the right digit
Y = one_hot(y)
assert Y.shape == (5, 10) and Y[0, 5] == 1 and Y[0].sum() == 1
# the same rows as the original guide's np.eye(10)[3], for every label
assert np.array_equal(Y, np.eye(10)[y])
# --8<-- [end:one-hot]
# --8<-- [start:one-hot-show]
print("label", y[0], "->", Y[0])
# --8<-- [end:one-hot-show]

# --8<-- [start:error]
# (5, 10) - (5, 10) -> (5, 10): one number per output per example
error = output - Y
assert error.shape == (5, 10)
# too low on the 5, too high elsewhere
assert error[0, 5] < 0 and np.all(np.delete(error[0], 5) > 0)
# --8<-- [end:error]
# --8<-- [start:error-show]
print("output:", output[0].round(2))
print("target:", Y[0])
print("error: ", error[0].round(2))
# --8<-- [end:error-show]

# --8<-- [start:loss]
from nnlib import mean_squared_error

n = len(X)
# half the squared error, summed, averaged over examples
loss = 0.5 * np.sum(error**2) / n
print(f"loss by hand: {loss:.4f}, nnlib: {mean_squared_error(output, Y):.4f}")
assert np.isclose(loss, mean_squared_error(output, Y))
# --8<-- [end:loss]

# --8<-- [start:untrained]
from nnlib import accuracy, mean_squared_error, one_hot

output = net.forward(X_test)  # all 10,000 test digits at once: (10000, 10)
loss = mean_squared_error(output, one_hot(y_test))
guesses = output.argmax(axis=1)  # the digit with the largest output
correct = np.mean(guesses == y_test)
print(f"untrained: loss {loss:.4f}, accuracy {correct:.4f}")
print("how often it guesses each digit:", np.bincount(guesses, minlength=10))
right = guesses == y_test
print(f"right: {right.sum()}, of them 8s: {right[y_test == 8].sum()}; "
      f"8s among the test digits: {np.sum(y_test == 8)}")
assert np.isclose(correct, accuracy(y_test, output))
assert 0.05 < correct < 0.20  # about 1 in 10: no better than guessing
# one favourite digit for most images
assert np.bincount(guesses).max() > len(guesses) / 2
# every output is near 0.5; see the page for why that gives about 1.25
assert 1.0 < loss < 1.5
# --8<-- [end:untrained]
