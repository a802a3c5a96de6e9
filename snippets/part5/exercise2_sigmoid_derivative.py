"""Part 5, exercise 2 (solution): write sigmoid and its derivative; check the
derivative numerically.

Run it on its own:  python snippets/part5/exercise2_sigmoid_derivative.py
"""

# --8<-- [start:solution]
import numpy as np


def sigmoid(z):
    """1 / (1 + e^-z).

    Computed so that np.exp never sees a large positive number.
    """
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))  # at most 1: no overflow, even for z = -1000
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_derivative(a):
    """The slope of the sigmoid, from its OUTPUT a = sigmoid(z): a * (1 - a)."""
    return a * (1 - a)


z = np.linspace(-6, 6, 25)
h = 1e-5
# central difference: the slope
numerical = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h)
analytic = sigmoid_derivative(sigmoid(z))  # note: pass sigmoid(z), not z
worst = np.max(np.abs(numerical - analytic))
print(f"largest difference: {worst:.1e}")
print(f"slope at 0: {sigmoid_derivative(sigmoid(0.0)):.4f} (its maximum)")
assert worst < 1e-9
assert np.isclose(sigmoid_derivative(sigmoid(0.0)), 0.25)
assert np.all(analytic <= 0.25)
# --8<-- [end:solution]

# --8<-- [start:checks]
from nnlib import sigmoid as nnlib_sigmoid
from nnlib import sigmoid_derivative as nnlib_sigmoid_derivative

assert np.allclose(sigmoid(z), nnlib_sigmoid(z))
assert np.allclose(sigmoid_derivative(sigmoid(z)),
                   nnlib_sigmoid_derivative(nnlib_sigmoid(z)))
assert sigmoid(-1000.0) == 0.0 and sigmoid(1000.0) == 1.0  # no overflow warning
# The common mistake: feeding z to a derivative that expects the output a.
print(f"sigmoid_derivative(2.0) = {sigmoid_derivative(2.0):.4f}"
      "  (wrong: 2.0 is z, not a)")
print("sigmoid_derivative(sigmoid(2.0)) = "
      f"{sigmoid_derivative(sigmoid(2.0)):.4f}  (right)")
assert sigmoid_derivative(2.0) < 0  # a slope of the sigmoid is never negative
# --8<-- [end:checks]
