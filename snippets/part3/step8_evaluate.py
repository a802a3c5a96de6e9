"""Part 3, step 8: what did the trained network learn, and where does it go
wrong?

Trains the original guide's network for 5 epochs with nnlib, then looks at its
answers on the 10,000 test digits.
Run it on its own:  python snippets/part3/step8_evaluate.py
"""

# --8<-- [start:train]
import numpy as np

from nnlib import GuideNetwork, load_mnist, one_hot, train

X_train, y_train, X_test, y_test = load_mnist()
net = GuideNetwork(rng=0)
history = train(net, X_train, one_hot(y_train, dtype=np.float64), epochs=5,
                rng=0, X_test=X_test, y_test=y_test, progress=False)
assert history.test_accuracy[-1] > 0.90
# --8<-- [end:train]
# --8<-- [start:train-show]
print(f"test accuracy after 5 epochs: {history.test_accuracy[-1]:.4f}")
# --8<-- [end:train-show]

# --8<-- [start:per-digit]
from nnlib import confusion_matrix

predicted = net.predict(X_test)  # (10000,) digits
# (10, 10): C[i, j] = digits i read as j
C = confusion_matrix(y_test, predicted)
# right answers / examples, for each digit
per_digit = C.diagonal() / C.sum(axis=1)
assert C.sum() == len(y_test)
assert np.isclose(C.trace() / C.sum(), history.test_accuracy[-1])
# --8<-- [end:per-digit]
# --8<-- [start:per-digit-show]
for digit, acc in enumerate(per_digit):
    print(f"{digit}: {acc:.3f}", end="   " if digit % 5 < 4 else "\n")
# --8<-- [end:per-digit-show]

# --8<-- [start:confusions]
mistakes = C.copy()
np.fill_diagonal(mistakes, 0)  # keep only the wrong answers
# the three largest counts
for flat in np.argsort(mistakes, axis=None)[::-1][:3]:
    true, guess = np.unravel_index(flat, mistakes.shape)
    print(f"{true} read as {guess}: {mistakes[true, guess]} times")
# --8<-- [end:confusions]

# --8<-- [start:confidently-wrong]
output = net.forward(X_test)  # (10000, 10)
wrong = np.flatnonzero(predicted != y_test)  # indexes of the mistakes
# how sure it was of its wrong answer
confidence = output[wrong, predicted[wrong]]
print(f"{len(wrong)} mistakes; the most confident:")
for i in wrong[np.argsort(confidence)[::-1][:3]]:
    print(f"  test digit {i}: label {y_test[i]}, read as {predicted[i]} "
          f"(output {output[i, predicted[i]]:.3f})")
assert len(wrong) == len(y_test) - C.trace()
# --8<-- [end:confidently-wrong]
