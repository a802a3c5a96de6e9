"""Part 3, step 2: many inputs.

The weighted sum as a loop, then as one NumPy dot product.

Run it on its own:  python snippets/part3/step2_many_inputs.py
"""

# --8<-- [start:imports]
import numpy as np

# --8<-- [end:imports]

# --8<-- [start:vectors]
inputs = np.array([0.5, 0.3, 0.2])  # shape (3,): one example, three inputs
weights = np.array([0.2, 0.5, 0.25])  # shape (3,): one weight per input
bias = 0.1
# --8<-- [end:vectors]

# --8<-- [start:loop]
z = 0.0
# pair each input with its weight
for x, w in zip(inputs, weights, strict=True):
    z += x * w  # 0.5*0.2 + 0.3*0.5 + 0.2*0.25 = 0.1 + 0.15 + 0.05 = 0.3
z += bias
print(f"loop:       z = {z:.4f}")
assert np.isclose(z, 0.4)
# --8<-- [end:loop]

# --8<-- [start:vectorised]
z = np.dot(inputs, weights) + bias  # the same sum in one call
z_at = inputs @ weights + bias  # `@` is Python's operator for the same product
print(f"vectorised: z = {z:.4f}, with @: z = {z_at:.4f}")
assert np.isclose(z, 0.4) and np.isclose(z_at, 0.4)
assert np.shape(z) == ()  # (3,) @ (3,) -> a single number
# --8<-- [end:vectorised]

# --8<-- [start:activation]
from nnlib import sigmoid

a = sigmoid(inputs @ weights + bias)
print(f"a = sigmoid(0.4) = {a:.4f}")
assert np.isclose(a, 0.5987, atol=1e-4)
# --8<-- [end:activation]

# --8<-- [start:original]
# The original guide's step 2: other numbers, the same z.
z_original = np.dot([1.0, 2.0, 3.0], [0.2, 0.8, -0.5]) + 0.1
print(f"original guide: z = {z_original:.4f}")
assert np.isclose(z_original, 0.4)
# --8<-- [end:original]

# --8<-- [start:mnist-image]
from nnlib import load_mnist

X_train, y_train, X_test, y_test = load_mnist()
# the first training digit, flattened: 28 * 28 = 784 pixels in [0, 1]
image = X_train[0]
rng = np.random.default_rng(0)
weights = rng.standard_normal(784) * 0.1  # one weight per pixel
# (784,) @ (784,) -> one number, exactly as with 3 inputs
z = image @ weights + 0.0
print(f"image {image.shape}, weights {weights.shape}, z = {z:.4f}, "
      f"label {y_train[0]}")
assert image.shape == (784,) and np.shape(z) == ()
# --8<-- [end:mnist-image]

# --8<-- [start:batch]
weights, bias = np.array([0.2, 0.5, 0.25]), 0.1  # the neuron from above
X = np.array(
    [
        [0.5, 0.3, 0.2],  # example 0: our inputs from above
        [1.0, 0.0, 0.0],  # example 1: only input 1
        [0.0, 0.0, 1.0],  # example 2: only input 3
        [0.0, 0.0, 0.0],  # example 3: all zeros, so z is just the bias
    ]
)  # shape (4, 3): one ROW per example, one column per input
z = X @ weights + bias  # (4, 3) @ (3,) -> (4,): one weighted sum per example
print(f"X {X.shape} @ weights {weights.shape} -> z {z.shape}: {z.round(4)}")
assert z.shape == (4,)
assert np.allclose(z, [0.4, 0.3, 0.35, 0.1])
# --8<-- [end:batch]
