"""Part 5, warm-up 4 (solution): the sigmoid's slope a * (1 - a), checked
against a finite difference.

Run it on its own:  python snippets/part5/warmup4_slope.py
"""

# --8<-- [start:solution]
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_derivative(a):
    """The slope of the sigmoid, from its OUTPUT a = sigmoid(z)."""
    return a * (1 - a)


for a in [0.5, 0.99]:
    print(f"a = {a}: slope {sigmoid_derivative(a):.4f}")

z = np.linspace(-6, 6, 25)
h = 1e-5
numerical = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h)  # central difference
analytic = sigmoid_derivative(sigmoid(z))  # pass sigmoid(z), not z
worst = np.max(np.abs(numerical - analytic))
print(f"largest difference below 1e-9: {worst < 1e-9}")
assert worst < 1e-9 and np.all(analytic <= 0.25)

# The common mistake: giving the derivative z instead of a.
print(f"sigmoid_derivative(2.0) = {sigmoid_derivative(2.0):.4f}  (wrong)")
print(f"sigmoid_derivative(sigmoid(2.0)) = "
      f"{sigmoid_derivative(sigmoid(2.0)):.4f}  (right)")
# --8<-- [end:solution]
