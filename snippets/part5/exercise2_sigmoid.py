"""Part 5, exercise 2 (solution): the sigmoid from memory, tried at -10, 0, 10.

Run it on its own:  python snippets/part5/exercise2_sigmoid.py
"""

# --8<-- [start:solution]
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


for z in [-10, 0, 10]:
    print(f"sigmoid({z:3}) = {sigmoid(z):.7f}")

# One call on an array gives the three at once.
values = sigmoid(np.array([-10.0, 0.0, 10.0]))
assert values[1] == 0.5  # zero: undecided
assert 0 < values[0] < 0.0001 and 0.9999 < values[2] < 1
assert np.isclose(values[0] + values[2], 1)  # sigmoid(-z) = 1 - sigmoid(z)
# --8<-- [end:solution]
