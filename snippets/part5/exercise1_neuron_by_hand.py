"""Part 5, exercise 1 (solution): one neuron, by hand and with NumPy.

Inputs 0.5, -1.0, 2.0; weights 0.8, 0.2, -0.5; bias 0.3.
Run it on its own:  python snippets/part5/exercise1_neuron_by_hand.py
"""

# --8<-- [start:solution]
import math

import numpy as np

# By hand (pencil first, then let Python do the same arithmetic):
#   z = 0.5*0.8 + (-1.0)*0.2 + 2.0*(-0.5) + 0.3 = 0.4 - 0.2 - 1.0 + 0.3 = -0.5
#   a = 1 / (1 + e^0.5) = 1 / (1 + 1.6487) = 0.3775
z_by_hand = 0.5 * 0.8 + (-1.0) * 0.2 + 2.0 * (-0.5) + 0.3
a_by_hand = 1 / (1 + math.exp(-z_by_hand))

# With NumPy: the same neuron as vectors.
inputs = np.array([0.5, -1.0, 2.0])  # (3,)
weights = np.array([0.8, 0.2, -0.5])  # (3,)
bias = 0.3
z = inputs @ weights + bias  # (3,) @ (3,) -> a single number
a = 1 / (1 + np.exp(-z))

print(f"by hand: z = {z_by_hand:.4f}, a = {a_by_hand:.4f}")
print(f"NumPy:   z = {z:.4f}, a = {a:.4f}")
assert np.isclose(z, -0.5) and np.isclose(z_by_hand, -0.5)
assert np.isclose(a, 0.3775, atol=1e-4) and np.isclose(a, a_by_hand)
# A negative weighted sum gives an output below 0.5:
# this neuron is mostly "off".
assert a < 0.5
# --8<-- [end:solution]
