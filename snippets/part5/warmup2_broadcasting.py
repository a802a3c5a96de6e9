"""Part 5, warm-up 2 (solution): which additions broadcast, and to what.

Run it on its own:  python snippets/part5/warmup2_broadcasting.py
"""

# --8<-- [start:solution]
import numpy as np

Z = np.zeros((5, 64))  # 5 examples, 64 neurons
for b in [np.ones((1, 64)), np.ones(64), np.ones((5, 1)), np.ones(5)]:
    try:
        print(f"(5, 64) + {b.shape} -> {(Z + b).shape}")
    except ValueError:
        print(f"(5, 64) + {b.shape} -> ValueError")

# A bias is one number per neuron: each column gets its own value.
b1 = np.arange(64).reshape(1, 64)
assert np.all((Z + b1)[:, 7] == 7)

# The trap: a (5,) vector minus a (5, 1) column is not 5 numbers.
guesses, labels = np.zeros(5), np.zeros((5, 1))
print(f"(5,) - (5, 1) -> {(guesses - labels).shape}")
assert (guesses - labels.ravel()).shape == (5,)  # flatten it first
# --8<-- [end:solution]
