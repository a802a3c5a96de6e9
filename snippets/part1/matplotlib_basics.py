"""Part 1, Level 4: Matplotlib, enough to see what the network does.

Run it on its own:  python snippets/part1/matplotlib_basics.py
A window opens for each figure; close it to go on. The tests run this file with
MPLBACKEND=Agg, where plt.show() draws nothing, so it writes no files anywhere.
"""

# --8<-- [start:imports]
import matplotlib.pyplot as plt
import numpy as np

# --8<-- [end:imports]

# --8<-- [start:curve]
z = np.linspace(-6, 6, 200)             # 200 points: enough for a smooth curve
a = 1 / (1 + np.exp(-z))

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(z, a, label="sigmoid")
ax.plot(z, a * (1 - a), label="its derivative", linestyle="--")
ax.axhline(0.5, color="grey", linewidth=0.5)  # a thin reference line
ax.set_xlabel("z")
ax.set_ylabel("output")
ax.set_title("The sigmoid squashes any z into (0, 1)")
ax.legend()
plt.show()
print(len(ax.lines), "lines drawn")
plt.close(fig)                           # free the memory: matters in a loop
# --8<-- [end:curve]
assert z.shape == a.shape == (200,)

# --8<-- [start:loss-curve]
losses = [0.45, 0.21, 0.16, 0.13, 0.12, 0.11]   # one loss per epoch
epochs = range(1, len(losses) + 1)

fig, ax = plt.subplots(figsize=(5, 3))
ax.plot(epochs, losses, marker="o")
ax.set_xlabel("epoch")
ax.set_ylabel("loss")
ax.set_title("Training loss")
plt.show()
print(len(ax.lines[0].get_xdata()), "points")
plt.close(fig)
# --8<-- [end:loss-curve]

# --8<-- [start:image]
pixels = np.arange(28)
rows, cols = pixels[:, None], pixels[None, :]         # (28, 1) and (1, 28)
distance = np.sqrt((rows - 13.5) ** 2 + ((cols - 13.5) / 0.7) ** 2)  # (28, 28)
image = np.exp(-((distance - 8) ** 2) / 4)            # a ring of ink: a "0"

fig, ax = plt.subplots(figsize=(3, 3))
ax.imshow(image, cmap="gray_r")  # 0 (no ink) white, 1 (full ink) black
ax.set_title("a 28x28 image")
ax.axis("off")                  # pixel numbers on the axes only distract
plt.show()
print(image.shape, f"min {image.min():.2f}, max {image.max():.2f}")
plt.close(fig)
assert image.shape == (28, 28) and 0.0 <= image.min() and image.max() <= 1.0
# --8<-- [end:image]

# --8<-- [start:flat-image]
flat = np.linspace(0, 1, 784)         # what the network sees: one row of 784
fig, ax = plt.subplots(figsize=(3, 3))
ax.imshow(flat.reshape(28, 28), cmap="gray_r")   # reshape back to draw it
plt.show()
plt.close(fig)
# --8<-- [end:flat-image]

# --8<-- [start:grid]
rng = np.random.default_rng(0)
images = rng.random((10, 28, 28))     # 10 noise "images", just to fill the grid
labels = rng.integers(0, 10, size=10)

fig, axes = plt.subplots(2, 5, figsize=(10, 4))  # axes is a (2, 5) array
for ax, image, label in zip(axes.flat, images, labels):
    ax.imshow(image, cmap="gray_r")
    ax.set_title(f"label {label}")
    ax.axis("off")
fig.tight_layout()                    # stop the titles overlapping
plt.show()
print(axes.shape, len(fig.axes), "panels")
plt.close(fig)
assert axes.shape == (2, 5)
# --8<-- [end:grid]

# --8<-- [start:save]
import tempfile
from pathlib import Path

z = np.linspace(-6, 6, 200)
fig, ax = plt.subplots()
ax.plot(z, np.tanh(z))
with tempfile.TemporaryDirectory() as folder:   # deleted again at the end
    path = Path(folder) / "curve.png"
    fig.savefig(path, dpi=100)  # in your project: fig.savefig("curve.png")
    print(path.name, path.read_bytes()[:4])
    assert path.read_bytes()[:4] == b"\x89PNG"
plt.close(fig)
# --8<-- [end:save]
