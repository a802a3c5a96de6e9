"""Part 2: gradient descent on a one-dimensional loss, then on one sigmoid
neuron.

Run it on its own:  python snippets/part2/gradient_descent.py
"""

# --8<-- [start:imports]
import numpy as np

from nnlib import sigmoid, sigmoid_derivative

# --8<-- [end:imports]

# --8<-- [start:loss]
def loss(w):
    """A loss with its lowest point at w = 3."""
    return (w - 3) ** 2


def gradient(w):
    """The slope of the loss at w: the derivative of (w - 3)^2 is 2 (w - 3)."""
    return 2 * (w - 3)


# at w = 0: loss 9, slope -6 (downhill is to the right)
print(loss(0.0), gradient(0.0))
print(loss(3.0), gradient(3.0))   # at the bottom the slope is 0
assert gradient(3.0) == 0 and gradient(5.0) > 0 > gradient(1.0)
# --8<-- [end:loss]


# --8<-- [start:hill]
w = 0.0
learning_rate = 0.1
slope = 2 * (w - 3)                  # feel the slope under your feet
steps = 0
while abs(slope) > 0.01:             # repeat until flat ground
    w = w - learning_rate * slope    # take a step downhill
    slope = 2 * (w - 3)              # feel the slope again
    steps += 1
print(f"flat after {steps} steps: w = {w:.4f}, slope = {slope:.4f}")
# --8<-- [end:hill]

# --8<-- [start:descend]
w = 0.0                 # start somewhere: here, far from the answer
learning_rate = 0.1     # eta: how big a step to take
print(f"step  0: w = {w:.4f}, loss = {(w - 3) ** 2:.6f}")
for step in range(1, 31):
    slope = 2 * (w - 3)                  # dL/dw at the current w
    w = w - learning_rate * slope        # w <- w - eta * dL/dw
    if step in (1, 2, 3, 10, 20, 30):
        print(f"step {step:2}: w = {w:.4f}, loss = {(w - 3) ** 2:.6f}")
assert abs(w - 3) < 0.01
# --8<-- [end:descend]

# --8<-- [start:learning-rates]
def descend(w, learning_rate, steps):
    """Take `steps` gradient descent steps on (w - 3)^2.

    Return every w visited.
    """
    path = [w]
    for _ in range(steps):
        w = w - learning_rate * 2 * (w - 3)
        path.append(w)
    return path


start, steps = 0.0, 30           # as above: from w = 0, 30 steps
rates = [0.01, 0.1, 0.9, 1.1]    # too small, right, large, too big
for learning_rate in rates:
    path = descend(start, learning_rate, steps)
    first_steps = ", ".join(f"{w:.2f}" for w in path[1:4])
    print(f"eta = {learning_rate:4}: {first_steps}, "
          f"... after {steps} steps w = {path[-1]:.3f}")

assert abs(descend(0.0, 0.01, 30)[-1] - 3) > 1     # too small: still far away
assert abs(descend(0.0, 0.1, 30)[-1] - 3) < 0.01   # about right
assert abs(descend(0.0, 1.1, 30)[-1] - 3) > 100    # too big: flies off
# --8<-- [end:learning-rates]

# --8<-- [start:one-neuron]
x, target = 1.0, 0.9     # one input, and the output we want for it
w, b = 0.0, 0.0          # start knowing nothing: the output is sigmoid(0) = 0.5
learning_rate = 2.0
for step in range(101):
    a = sigmoid(x * w + b)                            # forward pass
    if step % 20 == 0:
        print(f"step {step:3}: output {a:.4f}, "
              f"loss {0.5 * (a - target) ** 2:.6f}")
    delta = (a - target) * sigmoid_derivative(a)      # dL/dz, by the chain rule
    w = w - learning_rate * delta * x                 # dz/dw = x
    b = b - learning_rate * delta                     # dz/db = 1
assert abs(sigmoid(x * w + b) - target) < 0.01
# --8<-- [end:one-neuron]

# --8<-- [start:batch]
x = np.array([0.5, 1.0, 1.5, 2.0, 2.5])    # a batch of n = 5 inputs
t = np.array([0.2, 0.4, 0.6, 0.8, 0.9])    # and the 5 targets
w, b = 0.3, -0.1
n = len(x)


def batch_loss(w):
    """The loss of the whole batch: the average of the 5 losses."""
    a = sigmoid(x * w + b)
    return np.mean(0.5 * (a - t) ** 2)


a = sigmoid(x * w + b)                     # (5,): one output per example
delta = (a - t) * sigmoid_derivative(a)    # (5,): per-example dL/dz
gradient = np.sum(delta * x) / n           # average: sum, divide by n
h = 1e-6
numeric = (batch_loss(w + h) - batch_loss(w - h)) / (2 * h)
print(f"average {gradient:.6f}, numeric {numeric:.6f}")
print(f"sum     {np.sum(delta * x):.6f} ({n} times as big)")
assert np.isclose(gradient, numeric, rtol=1e-6, atol=0)
assert np.isclose(gradient, np.mean(delta * x))
# --8<-- [end:batch]
