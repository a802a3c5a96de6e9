"""Part 1, Level 2: intermediate Python.

Comprehensions, tuples, dicts, zip, classes.

Run it on its own:  python snippets/part1/intermediate.py
"""

# --8<-- [start:imports]
import math

# --8<-- [end:imports]

# --8<-- [start:comprehensions]
raw_pixels = [0, 51, 255, 102]
scaled = [p / 255 for p in raw_pixels]         # the same as a loop that appends
print(scaled)
bright = [p for p in raw_pixels if p > 100]    # keep only some items
print(bright)
squares = [i * i for i in range(5)]
print(squares)
print([x**2 for x in range(10) if x > 3])       # the original guide's example
assert scaled == [0.0, 0.2, 1.0, 0.4] and bright == [255, 102]
# --8<-- [end:comprehensions]

# --8<-- [start:tuples]
shape = (28, 28)          # a tuple: like a list, but it cannot change
rows, cols = shape        # unpacking: one name per item
print(rows * cols)


def min_max(values):
    """Return two things at once: Python packs them into a tuple."""
    return min(values), max(values)


low, high = min_max([3, 9, 1])
print(low, high)

a, b = 1, 2
a, b = b, a               # swap without a temporary variable
print(a, b)

try:
    shape[0] = 14
except TypeError as err:
    print("TypeError:", err)
assert (rows, cols) == (28, 28) and (low, high) == (1, 9) and (a, b) == (2, 1)
# --8<-- [end:tuples]

# --8<-- [start:dicts]
sizes = {"input": 784, "hidden": 64, "output": 10}
print(sizes["hidden"])            # look a value up by its key
sizes["hidden"] = 128             # change it
sizes["dropout"] = 0.5            # or add a new key
for name, size in sizes.items():  # .items() gives (key, value) pairs
    print(f"{name:>7}: {size}")
# .get gives a default for a missing key
print("l2" in sizes, sizes.get("l2", 0.0))
print(list(sizes.keys()))         # the keys alone
print(list(sizes.values()))       # the values alone
history = {}                      # an empty dict, filled in as training runs
history["loss"] = [0.9, 0.5]
print(history)
assert sizes["hidden"] == 128 and len(sizes) == 4
# --8<-- [end:dicts]

# --8<-- [start:count-parameters]
# The original guide's network, one entry per array of numbers it learns:
shapes = {"W1": (784, 64), "b1": (1, 64), "W2": (64, 10), "b2": (1, 10)}
counts = {name: rows * cols for name, (rows, cols) in shapes.items()}
print(counts)
print(f"total: {sum(counts.values()):,} numbers to learn")
assert sum(counts.values()) == 50_890
# --8<-- [end:count-parameters]

# --8<-- [start:format]
line = "epoch {}: loss {:.4f}"      # {} are places to fill, in order
print(line.format(3, 0.123456))
print("{name} holds {n:,} weights".format(name="W1", n=784 * 64))
assert line.format(3, 0.123456) == f"epoch {3}: loss {0.123456:.4f}"
# --8<-- [end:format]

# --8<-- [start:nested-loops]
n_examples, batch_size = 10, 4
updates = 0
for epoch in range(1, 3):                             # outer loop: epochs
    batches = []
    for start in range(0, n_examples, batch_size):    # inner loop: batches
        end = min(start + batch_size, n_examples)
        batches.append(end - start)  # the network would train on this batch
        updates += 1
    print(f"epoch {epoch}: batches of {batches}")
print(f"{updates} weight updates in all")
assert updates == 2 * 3
# --8<-- [end:nested-loops]

# --8<-- [start:try-except]
def read_rate(text):
    """Turn a setting typed by a person into a float, or fall back to 0.5."""
    try:
        return float(text)            # may fail ...
    except ValueError as err:         # ... and if it does, this block runs
        print("ValueError:", err)
        return 0.5


print(read_rate("0.1"))
print(read_rate("fast"))
assert read_rate("0.25") == 0.25
# --8<-- [end:try-except]

# --8<-- [start:zip-enumerate]
inputs = [0.5, 0.3, 0.2]
weights = [0.2, 0.5, 0.25]
for x, w in zip(inputs, weights):  # walk two lists side by side
    print(f"{x} * {w} = {x * w:.2f}")

for epoch, loss in enumerate([2.3, 1.1, 0.65], start=1):  # a counter for free
    print(f"epoch {epoch}: loss {loss}")

pairs = list(zip(inputs, weights))
assert pairs[0] == (0.5, 0.2) and len(pairs) == 3
# --8<-- [end:zip-enumerate]

# --8<-- [start:zip-strict]
inputs = [0.5, 0.3, 0.2]
weights = [0.2, 0.5]  # oops: one weight is missing
print(len(list(zip(inputs, weights))))  # zip stops quietly at the shorter list
try:
    list(zip(inputs, weights, strict=True))
except ValueError as err:
    print("ValueError:", err)
# --8<-- [end:zip-strict]

# --8<-- [start:neuron]
class Neuron:
    """One neuron: a weighted sum of its inputs, squashed by the sigmoid."""

    def __init__(self, weights, bias):
        # __init__ runs when the neuron is created;
        # it stores what the neuron knows.
        self.weights = weights
        self.bias = bias

    def forward(self, inputs):
        """Compute the neuron's output for one list of inputs."""
        z = self.bias
        for x, w in zip(inputs, self.weights, strict=True):
            z += x * w
        return 1 / (1 + math.exp(-z))

    def __repr__(self):
        # What print() shows: make it say what the object is.
        return f"Neuron(n_inputs={len(self.weights)}, bias={self.bias})"


neuron = Neuron(weights=[0.5, -0.5], bias=0.0)
print(neuron)
print(f"{neuron.forward([1.0, 1.0]):.4f}")  # z = 0.5 - 0.5 + 0 = 0
print(f"{neuron.forward([2.0, 0.0]):.4f}")  # z = 1.0
neuron.bias = 1.0  # attributes can change: that is learning
print(f"{neuron.forward([1.0, 1.0]):.4f}")  # z = 1.0 now
assert neuron.forward([2.0, 2.0]) == neuron.forward([0.0, 0.0])
assert math.isclose(Neuron([0.5, -0.5], 0.0).forward([1.0, 1.0]), 0.5)
# --8<-- [end:neuron]
