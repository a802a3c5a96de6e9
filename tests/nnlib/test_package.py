"""The package itself (nnlib/__init__.py, nnlib/__main__.py): its names and its version."""

import importlib
import importlib.metadata

import nnlib


def test_every_exported_name_exists():
    assert {"Model", "TrainingStalled", "train", "GuideNetwork"} <= set(nnlib.__all__)
    assert all(hasattr(nnlib, name) for name in nnlib.__all__)
    assert nnlib.__all__ == sorted(nnlib.__all__, key=lambda name: (name[0].islower(), name))


def test_the_version_is_the_installed_package_version():
    assert nnlib.__version__ == importlib.metadata.version("nnlib")


def test_the_version_says_so_when_nnlib_is_not_installed(monkeypatch):
    def not_installed(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    try:
        assert importlib.reload(nnlib).__version__ == "0+unknown"
    finally:
        monkeypatch.undo()
        importlib.reload(nnlib)
    assert nnlib.__version__ == importlib.metadata.version("nnlib")


def test_importing_main_runs_nothing():
    """Doctest collection imports every module: nnlib.__main__ must not run the command line."""
    module = importlib.import_module("nnlib.__main__")
    assert callable(module.main)
