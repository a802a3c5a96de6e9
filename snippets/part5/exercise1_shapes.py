"""Part 5, exercise 1 (solution): a (5, 3) array times a (3, 2) matrix.

Run it on its own:  python snippets/part5/exercise1_shapes.py
"""

# --8<-- [start:solution]
import numpy as np

rng = np.random.default_rng(0)
A = rng.standard_normal((5, 3))  # 5 rows, 3 columns
B = rng.standard_normal((3, 2))  # 3 rows, 2 columns

C = A @ B  # (5, 3) @ (3, 2): the inner 3s match and disappear
print(f"{A.shape} @ {B.shape} -> {C.shape}")
assert C.shape == (5, 2)

# Each entry is one row of A times one column of B, summed:
assert np.isclose(C[4, 1], sum(A[4, k] * B[k, 1] for k in range(3)))

# The other order does not fit: (3, 2) @ (5, 3), inner sizes 2 and 5.
try:
    B @ A
except ValueError:
    print(f"{B.shape} @ {A.shape} -> ValueError")
# --8<-- [end:solution]
