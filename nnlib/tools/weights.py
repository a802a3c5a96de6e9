"""Save a trained network's weights to an ``.npz`` file and load them back.

Only arrays and one JSON string go into the file, and it is read with
``allow_pickle=False``, so loading a file can never run code.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import numpy as np

from nnlib.guide import GuideNetwork
from nnlib.network import Network

CONFIG_KEY = "__config__"
_SAVE_AGAIN = "Save the network again with nnlib.save_weights (or python -m nnlib train --save)."


def save_weights(model: GuideNetwork | Network, path: str | os.PathLike) -> Path:
    """Write ``model``'s parameters and architecture to ``path`` (``.npz``); return the path written.

    Used in [Part 3, step 8: run it](../part3/step8-training-loop.md#run-it), by
    ``python -m nnlib train --save PATH``.

    Examples:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     net = GuideNetwork(n_inputs=4, n_hidden=3, n_outputs=2)
        ...     path = save_weights(net, f"{folder}/net")  # .npz is added
        ...     print(path.name, load_weights(path))
        net.npz GuideNetwork(4-3-2, sigmoid, float64)
    """
    path = Path(path)
    if path.suffix != ".npz":
        path = path.with_suffix(path.suffix + ".npz")
    config = np.array(json.dumps(model.config()))
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez(tmp, **model.params, **{CONFIG_KEY: config})
    os.replace(tmp, path)  # a crash mid-write never leaves a half-written weights file
    return path


def load_weights(path: str | os.PathLike) -> GuideNetwork | Network:
    """Rebuild the network that [`save_weights`][nnlib.tools.weights.save_weights] wrote at ``path``.

    The architecture comes from the file, and so do the trained weights.

    See [Part 3, step 8: run it](../part3/step8-training-loop.md#run-it), whose
    ``python -m nnlib train --save PATH`` writes such a file.

    Raises:
        FileNotFoundError: there is no file at ``path``.
        ValueError: the file is damaged, truncated or not an nnlib weights file; the
            message names the file and what is wrong with it.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no weights file at {path}: train and save a network first.")
    if not zipfile.is_zipfile(path):
        raise ValueError(
            f"{path} is not an nnlib weights file: it is not a .npz (zip) archive, so it is "
            f"truncated, damaged or another kind of file. {_SAVE_AGAIN}"
        )
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
    except (ValueError, OSError, EOFError, zipfile.BadZipFile) as error:
        raise ValueError(
            f"{path} is not a readable nnlib weights file ({error}). {_SAVE_AGAIN}"
        ) from error
    if CONFIG_KEY not in arrays:
        raise ValueError(f"{path} has no {CONFIG_KEY} entry: it was not written by nnlib.save_weights.")
    try:
        config = json.loads(str(arrays.pop(CONFIG_KEY)))
        kind = config.pop("class")
        dtype = np.dtype(config.pop("dtype")).type
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"{path}: its {CONFIG_KEY} entry is damaged ({error}). {_SAVE_AGAIN}") from error
    if kind == "GuideNetwork":
        model = GuideNetwork(**config, dtype=dtype)
    elif kind == "Network":
        model = Network(**config, dtype=dtype)
    else:
        raise ValueError(f"{path} holds an unknown network kind {kind!r}.")
    for name, target in model.params.items():
        if name not in arrays or arrays[name].shape != target.shape:
            found = arrays[name].shape if name in arrays else "nothing"
            raise ValueError(f"{path}: {name} should have shape {target.shape}, found {found}.")
        target[...] = arrays[name]
    return model
