"""Part 1, Level 3: element-wise math.

Run it on its own:  python snippets/part1/numpy_elementwise.py
"""

# --8<-- [start:imports]
import numpy as np

# --8<-- [end:imports]

# --8<-- [start:arithmetic]
a = np.array([1.0, 2.0, 3.0])
b = np.array([10.0, 20.0, 30.0])
print(a + b)       # pair by pair: 1+10, 2+20, 3+30
print(a * b)       # NOT a matrix product: 1*10, 2*20, 3*30
print(b / a)
print(a ** 2)
print(a * 2 + 1)   # a plain number applies to every element
assert np.array_equal(a * b, [10.0, 40.0, 90.0])
# --8<-- [end:arithmetic]

# --8<-- [start:functions]
z = np.array([-2.0, 0.0, 2.0])
print(np.exp(z).round(3))                # e to the power of each element
print((1 / (1 + np.exp(-z))).round(3))   # the sigmoid of every element at once
print(np.maximum(z, 0))                  # ReLU: negative numbers become 0
print(np.abs(z), np.sqrt(np.abs(z)).round(3))
assert np.isclose(1 / (1 + np.exp(-z[1])), 0.5)
# --8<-- [end:functions]

# --8<-- [start:loss]
output = np.array([0.8, 0.1, 0.3])
target = np.array([1.0, 0.0, 0.0])
error = output - target           # one subtraction for all three
loss = 0.5 * np.sum(error ** 2)   # half the squared error
print(error.round(2))
print(round(loss, 4))
assert np.isclose(loss, 0.5 * (0.04 + 0.01 + 0.09))
# --8<-- [end:loss]

# --8<-- [start:loop]
inputs = [0.5, 0.3, 0.2]
doubled = []
for x in inputs:
    doubled.append(x * 2)
print(doubled)
# --8<-- [end:loop]

# --8<-- [start:vectorised]
inputs = np.array([0.5, 0.3, 0.2])
doubled = inputs * 2
print(doubled)
# --8<-- [end:vectorised]
assert doubled.tolist() == [1.0, 0.6, 0.4]

# --8<-- [start:list-mistake]
as_list = [1.0, 2.0]
print(as_list * 2)             # a list repeats itself
print(as_list + [3.0, 4.0])    # and + joins lists
as_array = np.array(as_list)
print(as_array * 2)            # an array does the math
assert as_list * 2 == [1.0, 2.0, 1.0, 2.0]
# --8<-- [end:list-mistake]
