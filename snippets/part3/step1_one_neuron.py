"""Part 3, step 1: one neuron.

Three inputs, three weights, one bias, one output. Plain Python, no NumPy yet:
every multiplication is written out so you can follow it with a pencil.
Run it on its own:  python snippets/part3/step1_one_neuron.py
"""

# --8<-- [start:numbers]
inputs = [1.0, 0.5, -1.0]  # x1, x2, x3: what the neuron sees
weights = [0.2, 0.4, 0.1]  # w1, w2, w3: how much it cares about each input
bias = 0.3  # b: its own offset, added whatever the inputs are
# --8<-- [end:numbers]

# --8<-- [start:weighted-sum]
# Multiply each input by its weight, add them up, add the bias.
z = (inputs[0] * weights[0]
     + inputs[1] * weights[1]
     + inputs[2] * weights[2]
     + bias)
assert abs(z - 0.6) < 1e-12  # 0.2 + 0.2 - 0.1 + 0.3
# --8<-- [end:weighted-sum]
# --8<-- [start:weighted-sum-show]
print(f"z = {z:.4f}")
# --8<-- [end:weighted-sum-show]

# --8<-- [start:sigmoid]
import math


def sigmoid(z):
    """Squash any number into the range (0, 1)."""
    return 1 / (1 + math.exp(-z))


a = sigmoid(z)  # the neuron's output, its "activation"
assert abs(a - 0.6457) < 1e-4
assert 0 < a < 1
# --8<-- [end:sigmoid]
# --8<-- [start:sigmoid-show]
print(f"a = sigmoid({z:.1f}) = {a:.4f}")
# --8<-- [end:sigmoid-show]

# --8<-- [start:change-a-weight]
# Training will change the weights.
# What does changing one weight do to the output?
weights[0] = 0.5  # was 0.2; input 1 is 1.0, so z grows by 0.3
z = (inputs[0] * weights[0]
     + inputs[1] * weights[1]
     + inputs[2] * weights[2]
     + bias)
print(f"z = {z:.4f}, a = {sigmoid(z):.4f}")
# a bigger weight on a positive input: a bigger output
assert abs(z - 0.9) < 1e-12 and sigmoid(z) > a
# --8<-- [end:change-a-weight]

# --8<-- [start:nnlib]
from nnlib import sigmoid as nnlib_sigmoid

# nnlib's sigmoid is the same function, written so it never overflows
# (see Part 2).
print(f"nnlib: {float(nnlib_sigmoid(0.6)):.4f}, ours: {sigmoid(0.6):.4f}")
assert abs(float(nnlib_sigmoid(0.6)) - sigmoid(0.6)) < 1e-15
# --8<-- [end:nnlib]
