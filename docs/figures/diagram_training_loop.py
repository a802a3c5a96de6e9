"""The training loop of step 8 as one cycle: epochs, shuffled batches, forward, backward, update.

The outer loop runs the epochs; each starts with a new order of the training examples, then
cycles through the batches (forward, backward, update, next batch), and ends with the test
accuracy. The numbers are step 8's: the defaults of its ``main`` (epochs, training examples,
batch size, learning rate) and the sizes of the data it loads. Shown at the top of Part 3,
step 8.
"""

FIGURES = ["diagram-training-loop.svg"]
DEPENDS_ON = ["snippets/part3/step8_training_loop.py"]

import inspect

from figures._backward import STEP8
from figures._snippets import section_values
from figures._svg import Diagram


def loop_values() -> dict:
    """Step 8's settings (``main``'s defaults) and what follows from them."""
    v = section_values(STEP8, "imports", "main")
    settings = {name: p.default for name, p in inspect.signature(v["main"]).parameters.items()}
    n_train, batch = settings["n_train"], settings["batch_size"]
    full, last = divmod(n_train, batch)
    _, _, X_test, _ = v["load_mnist"]()
    return settings | {"full_batches": full, "last_batch": last,
                       "batches": full + (last > 0), "n_test": len(X_test)}


def draw(out_dir, runs):
    s = loop_values()
    batch, n_train = s["batch_size"], s["n_train"]
    d = Diagram("diagram-training-loop", 740, 370)
    d.rect(10, 36, 720, 322, stroke="muted", dashed=True, rx=12)
    d.text(24, 18, f"for epoch in range({s['epochs']}):", anchor="start", mono=True, size=14,
           bold=True)
    d.text(280, 18, f"{s['epochs']} epochs, each one pass over the {n_train} training images",
           anchor="start", size=13, colour_="muted")

    # A new order every epoch
    d.box(50, 56, 330, 44, f"order = permutation({n_train})", fill="grey-fill",
          stroke="purple", size=14)
    d.text(395, 78, "shuffle: a new order every epoch", anchor="start", size=13,
           colour_="muted")
    d.arrow(110, 100, 110, 140)

    # The batches: one cycle per batch
    row, w, h, step = 140, 140, 54, 172
    xs = [40 + i * step for i in range(4)]
    labels = [
        (f"next batch\n({batch}, 784)", "blue"),
        ("forward\nstep 4", "blue"),
        ("error, backward\nsteps 5 and 6", "red"),
        (f"update\nW -= {s['learning_rate']} × dW", "green"),
    ]
    for x, (label, hue) in zip(xs, labels):
        d.box(x, row, w, h, label, fill=f"{hue}-fill", stroke=hue, size=13)
    for x1, x2 in zip(xs, xs[1:]):
        d.arrow(x1 + w, row + h / 2, x2, row + h / 2)
    back = row + h + 34
    d.polyline([(xs[3] + w / 2, row + h), (xs[3] + w / 2, back), (xs[0] + w / 2, back)],
               stroke="ink")
    d.arrow(xs[0] + w / 2, back, xs[0] + w / 2, row + h)
    d.text((xs[0] + xs[3] + w) / 2, back - 13,
           f"{s['batches']} batches an epoch: {s['full_batches']} of {batch}, "
           f"then one of {s['last_batch']}", size=13, colour_="muted")

    # After the batches: the test accuracy, then the next epoch
    test_y = back + 56
    d.arrow(xs[3] + w / 2, back, xs[3] + w / 2, test_y)
    d.text(xs[3] + w / 2 - 8, (back + test_y) / 2, "after the last batch", anchor="end",
           size=13, colour_="muted")
    d.box(250, test_y, 450, 44, f"test accuracy on the {s['n_test']} test images",
          fill="orange-fill", stroke="orange", size=14)
    d.polyline([(250, test_y + 22), (28, test_y + 22), (28, 78)], stroke="ink")
    d.arrow(28, 78, 50, 78)
    d.text(140, test_y + 8, "next epoch", size=13, colour_="muted")
    d.save(out_dir / "diagram-training-loop.svg")
