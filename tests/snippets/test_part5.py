"""Part 5 (the exercises): the last exercise's solution passes 90% on MNIST."""

from tests.snippets.conftest import load


def test_exercise6_solution_passes_90_percent(needs_mnist):
    accuracies = load("snippets.part5.exercise6_train_mnist").main(epochs=3)
    assert accuracies[-1] > 0.90, accuracies
