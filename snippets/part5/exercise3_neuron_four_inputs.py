"""Part 5, exercise 3 (solution): one neuron with four inputs, by hand and with
NumPy.

Inputs 0.5, -1.0, 2.0, 1.5; weights 0.8, 0.2, -0.5, 0.4; bias 0.3.
Run it on its own:  python snippets/part5/exercise3_neuron_four_inputs.py
"""

# --8<-- [start:solution]
import math

import numpy as np

inputs = [0.5, -1.0, 2.0, 1.5]
weights = [0.8, 0.2, -0.5, 0.4]
bias = 0.3

# By hand: one product per input, then the sum, then the bias.
#   0.5*0.8 = 0.4, -1.0*0.2 = -0.2, 2.0*(-0.5) = -1.0, 1.5*0.4 = 0.6
#   z = 0.4 - 0.2 - 1.0 + 0.6 + 0.3 = 0.1
z = 0.0
for x, w in zip(inputs, weights):
    z += x * w
z += bias
a = 1 / (1 + math.exp(-z))
print(f"by hand: z = {z:.4f}, a = {a:.4f}")

# The same neuron with NumPy: a dot product of two (4,) vectors.
z_np = np.array(inputs) @ np.array(weights) + bias
a_np = 1 / (1 + np.exp(-z_np))
print(f"NumPy:   z = {z_np:.4f}, a = {a_np:.4f}")

assert np.isclose(z, 0.1) and np.isclose(z_np, 0.1)
assert np.isclose(a, a_np) and a > 0.5  # z > 0, so a > 0.5
# --8<-- [end:solution]
