"""Part 5, warm-up 3 (solution): argmax, mean and sum along the right axis.

Run it on its own:  python snippets/part5/warmup3_axes.py
"""

# --8<-- [start:task]
import numpy as np

rng = np.random.default_rng(1)
output = rng.random((5, 10)).round(2)  # 5 examples, a score for each digit
labels = np.array([1, 3, 8, 5, 7])  # the true digit of each example
# --8<-- [end:task]

# --8<-- [start:solution]
guesses = output.argmax(axis=1)  # across each row: (5,), one per example
accuracy = np.mean(guesses == labels)  # True counts 1, False 0
column_sums = output.sum(axis=0, keepdims=True)  # down the columns
print(f"guesses {guesses}, labels {labels}")
print(f"accuracy {accuracy:.1f}")
print(f"sum over the batch: {column_sums.shape}")

assert guesses.shape == (5,) and column_sums.shape == (1, 10)
assert output.argmax(axis=0).shape == (10,)  # the wrong axis: per digit
# --8<-- [end:solution]
