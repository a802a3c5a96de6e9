"""The weight update of step 7: each parameter array beside its gradient of the same shape.

Four rows, W1, b1, W2, b2: the array (its rectangle's sides grow with the logarithm of its
dimensions, so a (784, 64) matrix is tall and a (1, 64) bias a thin bar), then
``-= learning_rate *``, then the gradient, drawn the same size. Shapes, the learning rate and
the batch size come from the step's snippet (sections "setup" and "one-step"). Shown at the
top of Part 3, step 7.
"""

FIGURES = ["diagram-weight-update.svg"]
DEPENDS_ON = ["snippets/part3/step7_weight_update.py"]

import math

from figures._backward import STEP7, shape
from figures._snippets import section_values
from figures._svg import Diagram


def size(dims) -> tuple[float, float]:
    """A rectangle for an array of shape (rows, columns): its width and height."""
    rows, columns = dims
    return 10 + 11 * math.log2(columns), 10 + 9 * math.log2(rows)


def draw(out_dir, runs):
    v = section_values(STEP7, "setup", "one-step")
    net, rate = v["net"], v["learning_rate"]
    names = list(net.params)
    heights = [size(net.params[name].shape)[1] for name in names]
    gap, top = 26, 88
    d = Diagram("diagram-weight-update", 740, top + sum(heights) + gap * len(names) + 20)
    d.text(370, 16, "net.W1 -= learning_rate * net.dW1, and the same for b1, W2, b2",
           mono=True, size=14)
    d.text(370, 40, f"learning_rate = {rate}; the gradients are averaged over the batch of "
           f"{len(v['X'])}", size=13, colour_="muted")
    param_x, grad_x, middle = 225, 520, 372
    d.text(param_x, top - 16, "parameter", size=13, colour_="muted")
    d.text(grad_x, top - 16, "its gradient: the same shape", size=13, colour_="muted")
    y = top
    for name, height in zip(names, heights):
        param, grad = net.params[name], net.grads[name]
        width, _ = size(param.shape)
        cy = y + height / 2
        d.rect(param_x - width / 2, y, width, height, fill="blue-fill", stroke="blue", rx=2)
        d.text(param_x - 60, cy, f"net.{name} {shape(param)}", anchor="end", mono=True,
               size=14, colour_="blue")
        d.text(middle, cy, f"-= {rate} ×", mono=True, size=14, bold=True)
        g_width, g_height = size(grad.shape)
        d.rect(grad_x - g_width / 2, y, g_width, g_height, fill="orange-fill", stroke="orange",
               rx=2)
        d.text(grad_x + 60, cy, f"net.d{name} {shape(grad)}", anchor="start", mono=True,
               size=14, colour_="orange")
        y += height + gap
    d.save(out_dir / "diagram-weight-update.svg")
