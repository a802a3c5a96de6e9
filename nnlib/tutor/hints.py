"""The mistakes the tutor recognises, each with the page of the site that explains it.

A hint is chosen from what the learner's code *gave* on chosen inputs (a value, a shape,
an error, a warning), never from its source text. The pages are site paths, checked to
exist (anchors included) by the tutor's tests.
"""

from __future__ import annotations

from nnlib.tutor.report import Hint

HINTS: dict[str, Hint] = {
    "z-not-a": Hint(
        "The sigmoid's derivative was given z, not a",
        "sigmoid_derivative(a) takes the sigmoid's OUTPUT a = sigmoid(z) and returns "
        "a * (1 - a). Yours returned the slope at z = a: it applied the sigmoid again. "
        "Return a * (1 - a) and pass it sigmoid(z).",
        "part2/derivative.md#the-sigmoids-slope-a1-a"),
    "overflow": Hint(
        "np.exp(-z) overflows for large negative z",
        "For z = -1000, np.exp(1000) is too big for a float and NumPy warns 'overflow'. "
        "Never give np.exp a positive number: use exp(-|z|), with one form of the "
        "sigmoid for z >= 0 and the other for z < 0.",
        "part2/sigmoid.md#very-large-inputs"),
    "brackets": Hint(
        "The brackets of the sigmoid",
        "1 / 1 + np.exp(-z) is 1 + np.exp(-z). Divide 1 by the whole of (1 + np.exp(-z)).",
        "part2/sigmoid.md#from-scratch"),
    "transposed": Hint(
        "A transposed weight matrix",
        "A weight matrix is (inputs, neurons), and each gradient has the shape of the "
        "weight it updates. Sending the error back through W2 needs W2.T, and the "
        "gradient of W2 is hidden.T @ d_output, not d_output.T @ hidden.",
        "part3/step6-backpropagation.md#z2-hidden-w2-b2-three-gradients"),
    "weights-transposed": Hint(
        "A transposed weight matrix",
        "A weight matrix is (inputs, neurons): W1 is (784, 64), so that X @ W1 takes "
        "(n, 784) to (n, 64), and W2 is (64, 10).",
        "part3/step4-two-layers.md#the-weights"),
    "bias-shape": Hint(
        "The bias has the wrong shape",
        "A bias is one number per neuron, a row of shape (1, neurons), added to every "
        "row of the batch. Its gradient is summed over the batch "
        "(sum(axis=0, keepdims=True)), so it keeps that shape.",
        "part1/numpy-matrices.md#broadcasting"),
    "fixed-batch": Hint(
        "The gradient is divided by a fixed batch size",
        "The loss is an average over the examples actually in the batch, so its "
        "gradient is divided by len(X). A fixed number is wrong for the last, smaller "
        "batch of an epoch.",
        "part3/step8-training-loop.md#the-last-batch-is-smaller"),
    "sum-not-mean": Hint(
        "A sum where the mean belongs",
        "The loss is averaged over the batch, so every gradient is the sum over the "
        "examples divided by their number n: the per-example deltas, times 1/n.",
        "part2/gradient-descent.md#several-examples-the-average"),
    "mean-not-sum": Hint(
        "A mean where the sum belongs",
        "The loss adds up the squared errors of the 10 outputs of an example, halves "
        "them, and averages over the EXAMPLES only: 0.5 * np.sum((output - Y) ** 2) "
        "/ len(output). np.mean over everything also divides by the 10 outputs.",
        "part3/step5-the-error.md#the-loss-the-error-as-one-number"),
    "argmax-axis": Hint(
        "argmax over the wrong axis",
        "One guess per example is the largest output of each ROW: argmax(axis=1). "
        "Without an axis, argmax looks at the whole array as one list; axis=0 gives "
        "one answer per digit.",
        "part1/numpy-matrices.md#axis-operations"),
    "diverging-lr": Hint(
        "The learning rate is too large: the loss does not go down",
        "Each step overshoots the bottom of the valley, and the sigmoids end up stuck "
        "at 0 or 1. Use a smaller learning rate; this exercise uses 0.5.",
        "part2/gradient-descent.md#the-learning-rate"),
    "no-shuffle": Hint(
        "The examples are not shuffled",
        "On digits sorted by label, your training ends every epoch on the same digits, "
        "and the network answers those. Shuffle the examples (and their targets, with "
        "the same order) at the start of every epoch: rng.permutation(len(X)).",
        "part3/step8-training-loop.md#shuffling"),
    "sign": Hint(
        "The step goes uphill",
        "new = old - learning_rate * gradient: the minus sign moves against the slope, "
        "downhill. With a plus, the loss grows.",
        "part2/gradient-descent.md#step-by-step"),
    "missing-slope": Hint(
        "The sigmoid's slope is missing from the chain rule",
        "Three factors multiply: (a - t), the sigmoid's slope a * (1 - a), and x "
        "(for the weight) or 1 (for the bias).",
        "part2/derivative.md#the-chain-rule-one-slope-per-step"),
    "no-bias": Hint(
        "The bias is left out",
        "The weighted sum is the products added up, PLUS the bias.",
        "part3/step2-many-inputs.md"),
    "no-sigmoid": Hint(
        "The sigmoid is missing",
        "The neuron's output is the sigmoid of the weighted sum: a = sigmoid(z).",
        "part3/step1-one-neuron.md"),
    "inner-sizes": Hint(
        "The rule for the shape of a product",
        "(m, n) @ (n, p) gives (m, p): the inner sizes must be equal, and they "
        "disappear. When they differ, the product does not exist (return None).",
        "part1/numpy-matrices.md#matrix-multiplication"),
    "reshape-order": Hint(
        "The pixels are in the wrong order",
        "reshape keeps the pixels in their order and only changes the shape; "
        "a transpose (.T) before it mixes up the images.",
        "part1/numpy.md#reshape-is-not-transpose"),
    "broadcast-rules": Hint(
        "The broadcasting rules",
        "Line the shapes up from the right. Two sizes fit if they are equal or one of "
        "them is 1 (a missing size counts as 1); the result takes the larger size. "
        "A row and a column broadcast to a square.",
        "part1/numpy-matrices.md#the-rules"),
    "keepdims": Hint(
        "The sum lost a dimension",
        "sum(axis=0) of a (5, 10) array is (10,); keepdims=True keeps it a (1, 10) row, "
        "the shape of the output bias.",
        "part1/numpy-matrices.md#keepdims"),
}


def hint(name: str) -> Hint:
    """The hint called ``name`` (a ``KeyError`` names the unknown one)."""
    return HINTS[name]
