"""Beyond the original guide: small experiments behind each change, one
section per change.

Each section imports what it needs and runs on its own, as the page shows it,
and checks what the page says about it.

Run it on its own:  python snippets/beyond/changes.py
"""

# --8<-- [start:relu]
import numpy as np

from nnlib import relu_derivative, sigmoid, sigmoid_derivative

z = np.array([-4.0, -1.0, 0.0, 1.0, 4.0])
print("sigmoid slope:", sigmoid_derivative(sigmoid(z)).round(3))
print("ReLU slope:   ", relu_derivative(z))
print("ten sigmoid layers: gradient times at most 0.25 ** 10 = "
      f"{0.25 ** 10:.1e}")
assert sigmoid_derivative(sigmoid(z)).max() == 0.25
assert relu_derivative(z).tolist() == [0, 0, 0, 1, 1]
# --8<-- [end:relu]

# --8<-- [start:softmax-gradient]
import numpy as np

from nnlib import softmax, softmax_cross_entropy, softmax_cross_entropy_gradient

logits = np.array([[2.0, -1.0, 0.5]])  # one example, three classes
Y = np.array([[0.0, 0.0, 1.0]])  # the right answer is class 2
p = softmax(logits)
print("softmax p:    ", p.round(3))
print("gradient:     ", softmax_cross_entropy_gradient(logits, Y).round(3))
print("p - y:        ", (p - Y).round(3))
eps = 1e-6  # and from the definition of a derivative, one logit at a time:
nudges = np.eye(3) * eps
numeric = [(softmax_cross_entropy(logits + d, Y)
            - softmax_cross_entropy(logits - d, Y)) / (2 * eps)
           for d in nudges]
print("by definition:", np.round(numeric, 3))
assert np.allclose(numeric, (p - Y)[0], atol=1e-8)
# --8<-- [end:softmax-gradient]

# --8<-- [start:confidently-wrong]
# the output for the right class: the network is confidently wrong
a, y = 0.001, 1.0
# Part 3's d_output (the original guide's)
print(f"sigmoid + squared error: {(a - y) * a * (1 - a):+.4f}")
print(f"softmax + cross-entropy: {a - y:+.4f}")
assert abs((a - y) * a * (1 - a)) < 0.001 < 0.99 < abs(a - y)
# --8<-- [end:confidently-wrong]

# --8<-- [start:he]
import numpy as np

from nnlib import relu
from nnlib.init import INITIALIZERS  # guide_init, xavier and he by name

# 256 examples into a deep net of width 64
x = np.random.default_rng(1).random((256, 64))
for name in ("guide", "he"):
    rng = np.random.default_rng(0)
    h = x
    for layer in range(10):  # ten ReLU layers of 64 neurons
        h = relu(h @ INITIALIZERS[name](64, 64, rng, np.float64))
    print(f"{name:>5} init: spread of the 10th layer's outputs {h.std():.1e}")
    if name == "guide":
        # the signal fades: each layer scales its spread by about 0.57
        assert h.std() < 0.01
    else:
        assert 0.1 < h.std() < 10  # it keeps its size
# --8<-- [end:he]


# --8<-- [start:valley]
import numpy as np

from nnlib import SGD, Adam, Momentum


def steps_to_the_bottom(optimizer, max_steps=10_000):
    """Minimise f(w) = (w0**2 + 50 * w1**2) / 2, a long narrow valley; count
    the steps."""
    params = {"w": np.array([1.0, 1.0])}
    for step in range(1, max_steps + 1):
        grads = {"w": params["w"] * np.array([1.0, 50.0])}  # the gradient of f
        optimizer.step(params, grads)
        distance = np.abs(params["w"]).max()
        if distance < 1e-3:
            return step
        if distance > 1e6:
            return "diverged"
    return "not there yet"


for optimizer in [SGD(0.035), SGD(0.041), Momentum(0.01, momentum=0.9),
                  Adam(0.05)]:
    print(f"{optimizer!r:40} {steps_to_the_bottom(optimizer)}")
# 0.041 > 2 / 50: the steep side blows up
assert steps_to_the_bottom(SGD(0.041)) == "diverged"
assert steps_to_the_bottom(Momentum(0.01)) < steps_to_the_bottom(SGD(0.035)) / 2
# --8<-- [end:valley]

# --8<-- [start:dropout]
import numpy as np

from nnlib.layers import Dropout

layer = Dropout(0.2, np.random.default_rng(0))
# 1,000 examples of 128 hidden outputs, all 1
h = np.ones((1000, 128), dtype=np.float32)
training = layer.forward(h, training=True)
print(f"training: {np.mean(training == 0):.1%} zeroed, "
      f"the rest {training.max():.2f}, mean {training.mean():.3f}")
print(f"testing:  {np.mean(layer.forward(h) == 0):.1%} zeroed, "
      f"mean {layer.forward(h).mean():.3f}")
assert abs(np.mean(training == 0) - 0.2) < 0.01
assert abs(training.mean() - 1) < 0.01
# --8<-- [end:dropout]
