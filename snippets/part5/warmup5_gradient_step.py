"""Part 5, warm-up 5 (solution): one gradient descent step for Step 1's neuron.

Input 2.0, weight 0.5, bias 0.0, target 1.0, loss (a - t)^2 / 2.
Run it on its own:  python snippets/part5/warmup5_gradient_step.py
"""

# --8<-- [start:solution]
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def loss(w, b, x=2.0, t=1.0):
    a = sigmoid(x * w + b)
    return (a - t) ** 2 / 2


x, t = 2.0, 1.0
w, b = 0.5, 0.0
learning_rate = 0.5

a = sigmoid(x * w + b)
delta = (a - t) * a * (1 - a)  # chain rule: dL/da * da/dz
grad_w, grad_b = delta * x, delta  # dz/dw = x, dz/db = 1
print(f"before: a = {a:.4f}, loss {loss(w, b):.4f}, "
      f"gradient w {grad_w:.4f}, b {grad_b:.4f}")

h = 1e-6  # check the gradient with a finite difference
numerical = (loss(w + h, b) - loss(w - h, b)) / (2 * h)
assert np.isclose(grad_w, numerical)

new_w = w - learning_rate * grad_w  # new = old - learning_rate * gradient
new_b = b - learning_rate * grad_b
a = sigmoid(x * new_w + new_b)
print(f"after:  a = {a:.4f}, loss {loss(new_w, new_b):.4f}, "
      f"w = {new_w:.4f}, b = {new_b:.4f}")
assert loss(new_w, new_b) < loss(w, b)
# --8<-- [end:solution]
