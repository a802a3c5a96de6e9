"""nnlib.metrics: accuracy and the confusion matrix, true classes first."""

import numpy as np
import pytest

from nnlib import accuracy, confusion_matrix
from nnlib.metrics import as_labels


def test_as_labels_takes_the_largest_score_of_each_row():
    np.testing.assert_array_equal(as_labels(np.array([[0.1, 0.9], [0.8, 0.2]])), [1, 0])
    np.testing.assert_array_equal(as_labels(np.array([3, 1])), [3, 1])


def test_accuracy_from_labels_scores_and_one_hot():
    assert accuracy(np.array([1, 2, 0, 4]), np.array([1, 2, 3, 4])) == 0.75
    scores = np.array([[0.1, 0.9], [0.8, 0.2]])
    assert accuracy(np.array([1, 1]), scores) == 0.5
    assert accuracy(np.eye(2)[[1, 0]], scores) == 1.0


def test_accuracy_errors():
    with pytest.raises(ValueError, match="y_true gives 2 labels but y_pred gives 3"):
        accuracy(np.array([1, 2]), np.array([1, 2, 3]))
    with pytest.raises(ValueError, match="zero examples"):
        accuracy(np.array([], int), np.array([], int))


def test_confusion_matrix_counts_true_rows_and_predicted_columns():
    y_true = np.array([0, 0, 1, 2, 2, 2])
    cm = confusion_matrix(y_true, np.array([0, 1, 1, 2, 0, 2]), n_classes=3)
    np.testing.assert_array_equal(cm, [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    assert cm.sum() == 6 and np.trace(cm) == 4


def test_confusion_matrix_rejects_out_of_range_labels():
    with pytest.raises(ValueError, match="y_true has labels outside 0..2"):
        confusion_matrix(np.array([0, 3]), np.array([0, 1]), n_classes=3)
