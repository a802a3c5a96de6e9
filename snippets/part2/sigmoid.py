"""Part 2: the sigmoid, written from scratch, then the stable version nnlib
uses.

Run it on its own:  python snippets/part2/sigmoid.py
"""

# --8<-- [start:imports]
import numpy as np

# --8<-- [end:imports]

# --8<-- [start:from-scratch]
def sigmoid_from_scratch(z):
    """The textbook formula: 1 / (1 + e^(-z)).

    Fine, until z is a large negative number.
    """
    return 1 / (1 + np.exp(-z))


for z in [0.0, 1.0, -1.0, 0.4, 5.0, -5.0]:
    print(f"sigmoid({z:4}) = {sigmoid_from_scratch(z):.4f}")
assert sigmoid_from_scratch(0.0) == 0.5
assert np.isclose(sigmoid_from_scratch(1.0), 0.73, atol=0.005)
# --8<-- [end:from-scratch]

# --8<-- [start:shape]
z = np.linspace(-4, 4, 9)       # -4, -3, ..., 4
a = 1 / (1 + np.exp(-z))        # the same formula, on 9 numbers at once
print(a.round(3))
print(np.allclose(1 / (1 + np.exp(z)), 1 - a))   # sigma(-z) = 1 - sigma(z)
assert np.all(np.diff(a) > 0)               # always going up
assert np.all((a > 0) & (a < 1))            # always between 0 and 1
# --8<-- [end:shape]

# --8<-- [start:overflow]
z = np.array(-1000.0)
# turn NumPy's overflow warning into an error
with np.errstate(over="raise"):
    try:
        1 / (1 + np.exp(-z))          # needs e^1000: far too big for a float
    except FloatingPointError as err:
        print("FloatingPointError:", err)
print(np.finfo(np.float64).max)       # the largest float64, about e^709.8
# --8<-- [end:overflow]

# --8<-- [start:nnlib]
from nnlib import sigmoid

# no warning, no inf
print(sigmoid(np.array([-1000.0, -1.0, 0.0, 1.0, 1000.0])))
z = np.linspace(-30, 30, 601)
print(np.allclose(sigmoid(z), 1 / (1 + np.exp(-z))))  # the same function
print(sigmoid(np.float32(2.0)).dtype)                 # keeps float32
assert np.allclose(sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-12, atol=0)
assert sigmoid(0.0) == 0.5 and np.isclose(sigmoid(1.0), 0.7311, atol=1e-4)
# --8<-- [end:nnlib]

# The from-scratch version and nnlib's agree wherever the textbook formula
# is safe:
assert np.allclose(sigmoid_from_scratch(z), sigmoid(z), rtol=1e-12, atol=0)
