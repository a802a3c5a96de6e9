"""Beyond the original guide: gradient checking, the test that
backpropagation is right.

A small float64 network and four random examples; nnlib.gradcheck compares
every gradient from the backward pass with a finite-difference estimate. Then
the backward pass is broken on purpose, twice, and the check points at the
parameters the bug touches.

Run it on its own:  python snippets/beyond/gradient_checking.py
"""

# --8<-- [start:imports]
import numpy as np

from nnlib import Network, gradcheck, one_hot

# --8<-- [end:imports]

# --8<-- [start:setup]
rng = np.random.default_rng(0)
# 4 examples with 6 inputs: small, so the check is quick
X = rng.standard_normal((4, 6))
Y = one_hot(rng.integers(0, 3, size=4), n_classes=3, dtype=np.float64)  # (4, 3)
# ReLU, softmax + cross-entropy, He init
net = Network([6, 5, 3], dtype=np.float64, rng=0)
# --8<-- [end:setup]

# --8<-- [start:by-hand]
net.forward(X)
net.backward(Y)
from_backprop = net.grads["W2"][0, 1]  # what backpropagation says: dL/dW2[0, 1]

eps = 1e-6
W2 = net.params["W2"]  # the live array: changing it changes the network
original = W2[0, 1]
W2[0, 1] = original + eps
net.forward(X)
loss_plus = net.loss(Y)
W2[0, 1] = original - eps
net.forward(X)
loss_minus = net.loss(Y)
W2[0, 1] = original  # put it back
from_definition = (loss_plus - loss_minus) / (2 * eps)

print(f"backpropagation:    {from_backprop:.10f}")
print(f"finite difference:  {from_definition:.10f}")
assert abs(from_backprop - from_definition) < 1e-8
# --8<-- [end:by-hand]

# --8<-- [start:describe]
def describe(error: float) -> str:
    """A relative error for printing; below 1e-8 only its bound, since those
    digits vary with the order in which the machine's BLAS library adds
    numbers up."""
    return "below 1e-8" if error < 1e-8 else f"{error:.0e}"
# --8<-- [end:describe]


# --8<-- [start:check]
errors = gradcheck(net, X, Y)  # every weight and bias, nudged one at a time
for name, error in errors.items():
    print(f"{name}: relative error {describe(error)}")
assert max(errors.values()) < 1e-8
# --8<-- [end:check]


# --8<-- [start:eps]
def check_with(eps: float) -> float:
    """The check's largest relative error when it nudges weights by ``eps``."""
    return max(gradcheck(net, X, Y, eps=eps).values())


for eps in [1e-1, 1e-3, 1e-5, 1e-7, 1e-11]:
    print(f"eps = {eps:.0e}: largest relative error",
          "below" if check_with(eps) < 1e-6 else "above", "1e-6")
# the sweet spot: both kinds of error are tiny
assert check_with(1e-5) < 1e-7
# too coarse: the slope changes within the step
assert check_with(1e-1) > 1e-4
# too fine: rounding of the two losses dominates
assert check_with(1e-11) > 1e-5
# --8<-- [end:eps]

# --8<-- [start:float32]
try:
    # float32, nnlib's default for speed
    gradcheck(Network([6, 5, 3], rng=0), X, Y)
except ValueError as error:
    print("ValueError:", error)
# --8<-- [end:float32]

# --8<-- [start:broken]
from nnlib.layers import ReLU


class ForgetfulReLU(ReLU):
    """A ReLU whose backward pass forgets to stop the gradient where the input
    was negative."""

    def backward(self, grad):
        return grad  # the bug: should be grad * self.positive


print(net.layers)  # [Linear(6, 5), ReLU(), Linear(5, 3)]
net.layers[1] = ForgetfulReLU()  # swap the broken layer in
errors = gradcheck(net, X, Y)
for name, error in errors.items():
    print(f"{name}: relative error {describe(error)}"
          + ("   <-- wrong" if error > 1e-6 else ""))
net.layers[1] = ReLU()  # and the right one back
# the layer after the bug is unaffected
assert errors["W2"] < 1e-7 and errors["b2"] < 1e-7
# the layer before it gets wrong gradients
assert errors["W1"] > 1e-2 and errors["b1"] > 1e-2
# --8<-- [end:broken]


# --8<-- [start:exercise-1]
class Undivided(Network):
    """Network whose backward pass forgets to average over the batch."""

    def backward(self, Y):
        # the bug: the mean loss needs (output - Y) / len(Y)
        grad = self.output - Y
        for layer in reversed(self.layers):
            grad = layer.backward(grad)


errors = gradcheck(Undivided([6, 5, 3], dtype=np.float64, rng=0), X, Y)
print({name: round(error, 6) for name, error in errors.items()})
n = len(X)
# 3/5 for n = 4
assert all(np.isclose(error, (n - 1) / (n + 1)) for error in errors.values())
# --8<-- [end:exercise-1]

# --8<-- [start:exercise-2]
from nnlib.layers import Sigmoid
from nnlib.activations import sigmoid, sigmoid_derivative


class InputSigmoid(Sigmoid):
    """A sigmoid layer that applies a * (1 - a) to its input z instead of its
    output a."""

    def forward(self, x, training=False):
        self.z = x
        return sigmoid(x)

    def backward(self, grad):
        # the bug: needs the output, sigmoid(z)
        return grad * sigmoid_derivative(self.z)


net = Network([6, 5, 3], activation="sigmoid", dtype=np.float64, rng=0)
# the real sigmoid layer passes
assert max(gradcheck(net, X, Y).values()) < 1e-7
net.layers[1] = InputSigmoid()
errors = gradcheck(net, X, Y)
print({name: describe(error) for name, error in errors.items()})
assert errors["W2"] < 1e-7 and errors["W1"] > 1e-2
# --8<-- [end:exercise-2]
