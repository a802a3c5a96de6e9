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
print(np.finfo(np.float64).max)       # the largest float64
# and the largest power of e that fits, in float64 and in float32
print(f"e^{np.log(np.finfo(np.float64).max):.1f}, "
      f"e^{np.log(np.finfo(np.float32).max):.1f}")
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

# --8<-- [start:import-nnlib]
from nnlib import sigmoid, sigmoid_derivative

# --8<-- [end:import-nnlib]

# --8<-- [start:exactly-one]
z = np.arange(40_000) / 1000          # 0.000, 0.001, 0.002, ..., 39.999
for dtype in (np.float64, np.float32):
    a = sigmoid(z.astype(dtype))
    first = z[a == 1.0].min()         # the smallest z that gives exactly 1.0
    assert np.all(a[z >= first] == 1.0)   # and every larger z gives 1.0 too
    print(f"{np.dtype(dtype).name}: sigmoid(z) == 1.0 from z = {first:.3f}")
# --8<-- [end:exactly-one]

# --8<-- [start:flat-slope]
for z in [30.0, 36.0, 37.0]:
    a = sigmoid(z)
    print(f"z = {z}: a = {float(a)}, "
          f"a * (1 - a) = {float(sigmoid_derivative(a)):.3g}")
a = sigmoid(np.float32(17.0))
print(f"float32, z = 17.0: a = {a}, a * (1 - a) = {sigmoid_derivative(a)}")
print(sigmoid(-37.0))       # the other end: tiny, but not 0
assert sigmoid_derivative(sigmoid(37.0)) == 0.0
# --8<-- [end:flat-slope]

# The from-scratch version and nnlib's agree wherever the textbook formula
# is safe:
assert np.allclose(sigmoid_from_scratch(z), sigmoid(z), rtol=1e-12, atol=0)
