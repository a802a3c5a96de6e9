"""nnlib: a neural network from scratch with NumPy, the code behind the nnlib guide.

The guide builds everything by hand first; the finished pieces live here so that later
chapters, the tests and the command line (``python -m nnlib``) all use the same code.
"""

from importlib.metadata import PackageNotFoundError, version

from nnlib.activations import relu, relu_derivative, sigmoid, sigmoid_derivative, softmax
from nnlib.conv import Conv2D, Flatten, MaxPool2D, cnn
from nnlib.data import MNISTError, load_mnist, one_hot
from nnlib.gradcheck import gradcheck
from nnlib.guide import GuideNetwork
from nnlib.init import guide_init, he, xavier
from nnlib.losses import (
    cross_entropy,
    mean_squared_error,
    mse_gradient,
    softmax_cross_entropy,
    softmax_cross_entropy_gradient,
)
from nnlib.metrics import accuracy, confusion_matrix
from nnlib.network import Network, Sequential
from nnlib.optim import SGD, Adam, Momentum, cosine_schedule
from nnlib.train import History, Model, TrainingDiverged, TrainingStalled, train
from nnlib.tools.weights import load_weights, save_weights
from nnlib.tutor import check

try:  # the version pyproject.toml gives, as installed (pip install -e . counts)
    __version__ = version("nnlib")
except PackageNotFoundError:  # run from a source folder that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Adam", "Conv2D", "Flatten", "GuideNetwork", "History", "MNISTError", "MaxPool2D", "Model",
    "Momentum", "Network", "SGD", "Sequential", "TrainingDiverged", "TrainingStalled",
    "accuracy", "check", "cnn", "confusion_matrix", "cosine_schedule", "cross_entropy",
    "gradcheck", "guide_init", "he", "load_mnist", "load_weights", "mean_squared_error", "mse_gradient", "one_hot", "relu",
    "relu_derivative", "save_weights", "sigmoid", "sigmoid_derivative", "softmax",
    "softmax_cross_entropy", "softmax_cross_entropy_gradient", "train", "xavier",
]
