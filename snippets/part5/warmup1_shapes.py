"""Part 5, warm-up 1 (solution): reshape a batch of images; which products fit.

Run it on its own:  python snippets/part5/warmup1_shapes.py
"""

# --8<-- [start:solution]
import numpy as np

rng = np.random.default_rng(0)
images = rng.random((5, 28, 28))  # 5 stand-in "digits", 28 x 28 pixels
W1 = rng.standard_normal((784, 64)) * 0.1  # (inputs, neurons)

X = images.reshape(5, 784)  # one image per row; reshape(5, -1) also works
print(f"X: {X.shape}")
assert np.array_equal(X[2].reshape(28, 28), images[2])  # same pixels

for left, right in [(X, W1), (W1, X), (X, W1.T), (W1.T, X.T)]:
    if left.shape[1] == right.shape[0]:
        print(f"{left.shape} @ {right.shape} -> {(left @ right).shape}")
    else:
        print(f"{left.shape} @ {right.shape}: inner sizes differ")
# --8<-- [end:solution]
