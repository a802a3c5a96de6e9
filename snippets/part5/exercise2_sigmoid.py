"""Part 5, exercise 2 (solution): the sigmoid from memory, tried at -10, 0, 10,
then made safe far out (-1000).

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

# --8<-- [start:far]
import numpy as np


def textbook_sigmoid(z):
    return 1 / (1 + np.exp(-z))


with np.errstate(over="raise"):  # make NumPy's overflow warning an error
    try:
        textbook_sigmoid(-1000.0)
    except FloatingPointError as err:
        print(f"sigmoid(-1000): FloatingPointError: {err}")


def sigmoid(z):
    """1 / (1 + e^-z), with np.exp never given a positive number."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))  # at most 1: it cannot overflow
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


with np.errstate(over="raise"):  # no error now
    far = sigmoid(np.array([-1000.0, -10.0, 0.0, 10.0, 1000.0]))
print("at -1000, -10, 0, 10, 1000:", ", ".join(f"{v:.7f}" for v in far))
assert np.allclose(far[1:4], textbook_sigmoid(np.array([-10.0, 0.0, 10.0])))
# --8<-- [end:far]
