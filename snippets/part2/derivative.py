"""Part 2: the sigmoid's derivative, a * (1 - a), checked against a finite
difference.

Run it on its own:  python snippets/part2/derivative.py
"""

# --8<-- [start:imports]
import numpy as np

from nnlib import sigmoid, sigmoid_derivative

# --8<-- [end:imports]

# --8<-- [start:formula]
z = 0.0
a = sigmoid(z)                  # the forward pass already computed this
slope = a * (1 - a)             # so the slope costs one multiplication
print(f"a = {a}, slope = {slope}")
print(sigmoid_derivative(a))    # nnlib's version: it takes the OUTPUT a
assert slope == 0.25 and sigmoid_derivative(0.5) == 0.25
# --8<-- [end:formula]

# --8<-- [start:original-examples]
for a in [0.5, 0.99]:              # the original guide's two examples
    z = np.log(a / (1 - a))        # the weighted sum z that gives this a
    assert np.isclose(sigmoid(z), a)
    print(f"a = {a}: z = {z:.2f}, slope {sigmoid_derivative(a):.4f}")
ratio = sigmoid_derivative(0.5) / sigmoid_derivative(0.99)
print(f"{ratio:.0f} times smaller at a = 0.99")
# --8<-- [end:original-examples]

# --8<-- [start:secants]
z = 0.0                         # the point: the sigmoid's steepest
steps = [3.0, 2.0, 1.0, 0.5]    # ever smaller steps h
for h in steps:
    secant = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h)
    print(f"h = {h}: secant slope {secant:.4f}")
print(f"tangent slope {sigmoid_derivative(sigmoid(z)):.4f}")
# --8<-- [end:secants]

# --8<-- [start:finite-difference]
h = 1e-6                        # a tiny step to the left and to the right
for z in [-3.0, -1.0, 0.0, 0.4, 2.0]:
    a = sigmoid(z)
    formula = a * (1 - a)
    numeric = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h)   # rise over run
    print(f"z = {z:4}: formula {formula:.6f}, numeric {numeric:.6f}")
    assert np.isclose(formula, numeric, rtol=1e-6, atol=0)
# --8<-- [end:finite-difference]

# --8<-- [start:vanishing]
z = np.array([-10.0, -5.0, -2.0, 0.0, 2.0, 5.0, 10.0])
slopes = sigmoid_derivative(sigmoid(z))
for zi, s in zip(z, slopes):
    print(f"z = {zi:5}: slope {s:.6f}")
assert slopes.max() == 0.25 and slopes[0] < 1e-4
# --8<-- [end:vanishing]

# --8<-- [start:chain-rule]
# one input, one weight, a bias, the right answer
x, w, b, target = 1.5, 0.8, -0.2, 1.0


def loss(w):
    a = sigmoid(x * w + b)
    return 0.5 * (a - target) ** 2


z = x * w + b
a = sigmoid(z)
# dL/dw = dL/da * da/dz * dz/dw: one slope per step, from the loss back
dL_da = a - target              # L = 0.5 * (a - target) ** 2
da_dz = sigmoid_derivative(a)   # a = sigmoid(z)
dz_dw = x                       # z = x * w + b
gradient = dL_da * da_dz * dz_dw
h = 1e-6
numeric = (loss(w + h) - loss(w - h)) / (2 * h)
print(f"output {a:.2f}, target {target}")
print(f"slopes {dL_da:.4f} * {da_dz:.4f} * {dz_dw}")
print(f"chain rule {gradient:.6f}, numeric {numeric:.6f}")
assert np.isclose(gradient, numeric, rtol=1e-6, atol=0)
# --8<-- [end:chain-rule]

# --8<-- [start:z-mistake]
z = 0.0
print(sigmoid_derivative(z))            # WRONG: 0 * (1 - 0) = 0
print(sigmoid_derivative(sigmoid(z)))   # right: pass a = sigmoid(z)
assert sigmoid_derivative(sigmoid(z)) == 0.25
# --8<-- [end:z-mistake]
