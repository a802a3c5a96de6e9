"""Figures for the site, drawn at build time from the real code (an MkDocs hook).

Figures are never committed. Each one is drawn by a small script using ``nnlib`` and
Matplotlib, cached outside ``docs/``, and handed to the build as a generated file served at
``figures/<name>.png``. A page at ``docs/part2/x.md`` shows it with
``![what it shows](../figures/<name>.png)`` (always with alt text). A script may also
produce data files for a page's JavaScript (trained weights, sample digits), served under
``assets/`` (see "Data files" below).

Adding a figure
---------------
Create ``docs/overrides/figures/<stem>.py`` (names starting with ``_`` are helpers, not
figures)::

    '''The sigmoid and its derivative (what the figure shows, for the next maintainer).'''

    FIGURES = ["sigmoid.png"]    # optional, the images it draws; default ["<stem>.png"]
    USES_RUNS = []               # optional, shared training runs it reads (see below)
    DEPENDS_ON = []              # optional, other files or folders it reads, relative to
                                 # mkdocs.yml, e.g. ["snippets/part2/gradient_descent.py"]

    import matplotlib.pyplot as plt
    from _style import save      # shared look: size, dpi, white background

    def draw(out_dir, runs):
        fig, ax = plt.subplots()
        ...
        save(fig, out_dir / "sigmoid.png")

``draw(out_dir, runs)`` must write every image named in ``FIGURES`` into ``out_dir`` (a
``pathlib.Path``). ``FIGURES``, ``ASSETS``, ``USES_RUNS`` and ``DEPENDS_ON`` must be literal
lists: the hook reads them without importing the script. Settings (how many digits, colours, ranges)
are constants in the script itself, so they are part of its source and of its cache key. A
script may draw several figures when they share work. Data comes from
``nnlib.data.load_mnist()``, which reads ``NNLIB_DATA_DIR``. Check a new figure with
``mkdocs build`` and look at ``site/figures/<name>.png``.

Data files
----------
A script that makes data rather than images (the weights the "Draw a digit" page runs in
the browser) lists them in ``ASSETS``, by the site path they are served at, which starts
with ``assets/`` and ends in ``.js``, ``.json``, ``.bin``, ``.csv`` or ``.txt``::

    ASSETS = ["assets/draw/guide.js"]    # served at site/assets/draw/guide.js
    FIGURES = []                         # no image (the default would be ["<stem>.png"])

    def draw(out_dir, runs):
        path = out_dir / "assets/draw/guide.js"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(...)

``draw()`` writes each one at ``out_dir / <site path>``; it must exist and not be empty.
Data files are cached, keyed and checked like images (everything below applies to both);
the only difference is that their content is not checked to be a PNG.

Shared training runs
--------------------
Several figures read the same trained network (the guide run: loss curves, predictions,
hidden weights). A run is a function in ``docs/overrides/figures/_runs.py``, registered in
its ``RUNS`` dict, that trains and returns a ``dict`` of NumPy arrays (history curves,
weights, anything the figures need; no object arrays)::

    def guide_run() -> dict[str, np.ndarray]:
        ...
        return {"loss": np.array(history.loss), **model.params}

    RUNS = {"guide": guide_run}

A figure that declares ``USES_RUNS = ["guide"]`` gets it as ``runs["guide"]`` (a dict of
arrays). A run is computed at most once per build, the first time a figure asks for it, and
stored in ``.cache/figures/runs/<name>-<key>.npz`` (loaded with ``allow_pickle=False``), so
later builds reuse it until its inputs change. Keep everything a run needs in ``_runs.py``
and ``nnlib`` (its key hashes those two); seed every random choice so a run is repeatable.

Cache keys (why a stale figure is never served)
------------------------------------------------
- figure key: SHA-256 of the script's source, every ``_*.py`` helper beside it, every module
  of the ``nnlib`` package the build uses, the files in its ``DEPENDS_ON``, this hook's
  source, and the Python, NumPy and Matplotlib versions;
- run key: SHA-256 of the run's name, ``_runs.py``, every ``nnlib`` module and the NumPy
  version.

A figure is looked up in ``.cache/figures/<stem>-<key>/`` at the repository root. If it is
there, the build only copies it (a warm build). Otherwise every stale script is drawn in one
fresh Python subprocess (so it sees ``nnlib`` as it is on disk, even under ``mkdocs serve``,
and Matplotlib's state stays out of MkDocs), into a temporary folder that is renamed into
place only when every declared image exists and is a valid PNG (and every declared data
file exists and is not empty). Changing any input changes
the key, so an old image is never looked up again; older entries of the same script are
pruned. A script that raises fails the build with the figure's name and the traceback.

Nothing here writes into ``docs/``: a file written there would make ``mkdocs serve``
rebuild in a loop.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import os
import platform
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.figures")

FIGURES_SUBDIR = Path("docs", "overrides", "figures")  # the scripts, relative to mkdocs.yml
CACHE_SUBDIR = Path(".cache", "figures")  # the cache, relative to mkdocs.yml (gitignored)
SITE_DIR = "figures"  # where the images are served in the built site
ASSETS_DIR = "assets"  # where data files (ASSETS) are served, under their own sub-paths
ASSET_PATTERN = r"assets(/[a-z0-9][a-z0-9-]*)+\.(js|json|bin|csv|txt)"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
RUNS_MODULE = "_runs.py"
KEEP_RUNS = 3  # cached runs kept per name (switching branches back and forth stays cheap)


# --------------------------------------------------------------------------------------
# Reading the scripts and computing keys (in the MkDocs process: files only, no imports)
# --------------------------------------------------------------------------------------


class FigureScript:
    """One ``docs/overrides/figures/<stem>.py`` and what it declares."""

    def __init__(self, path: Path, root: Path | None = None):
        self.path = path
        self.stem = path.stem
        self.source = path.read_bytes()
        declared = _literal_assignments(
            self.source, path, ("FIGURES", "ASSETS", "USES_RUNS", "DEPENDS_ON")
        )
        self.figures: list[str] = declared.get("FIGURES", [f"{self.stem}.png"])
        self.assets: list[str] = declared.get("ASSETS", [])  # site paths, "assets/..."
        self.uses_runs: list[str] = declared.get("USES_RUNS", [])
        self.depends_on: list[tuple[str, Path]] = []  # (name relative to root, file)
        root = root or Path.cwd()
        for name in declared.get("DEPENDS_ON", []):
            target = root / name
            if not target.exists():
                raise ValueError(f"{path}: DEPENDS_ON names {name!r}, which does not exist")
            files = sorted(p for p in target.rglob("*") if p.is_file()) if target.is_dir() else [target]
            self.depends_on += [
                (p.relative_to(root).as_posix(), p) for p in files if "__pycache__" not in p.parts
            ]
        for name in self.figures:
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]*\.png", name):
                raise ValueError(
                    f"{path}: figure name {name!r} must look like 'lower-case-words.png'"
                )
        for name in self.assets:
            if not re.fullmatch(ASSET_PATTERN, name):
                raise ValueError(
                    f"{path}: data file {name!r} must look like 'assets/lower-case/words.js'"
                    " (.js, .json, .bin, .csv or .txt)"
                )

    @property
    def outputs(self) -> list[str]:
        """Everything ``draw()`` writes: the images' names, then the data files' site paths."""
        return self.figures + self.assets


def _literal_assignments(source: bytes, path: Path, names: tuple[str, ...]) -> dict:
    """Module-level ``NAME = [literal]`` assignments, read without running the script."""
    found = {}
    for node in ast.parse(source, filename=str(path)).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in names:
                try:
                    value = ast.literal_eval(node.value)
                except ValueError:
                    raise ValueError(
                        f"{path}: {target.id} must be a literal list of strings"
                    ) from None
                if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                    raise ValueError(f"{path}: {target.id} must be a list of strings")
                found[target.id] = value
    return found


def discover_scripts(figures_dir: Path, root: Path | None = None) -> list[FigureScript]:
    """Every figure script in ``figures_dir``, checking that no two draw the same image.

    ``root`` (the folder of mkdocs.yml) is what ``DEPENDS_ON`` paths are relative to.
    """
    scripts = [
        FigureScript(p, root) for p in sorted(figures_dir.glob("*.py")) if not p.name.startswith("_")
    ]
    owner: dict[str, Path] = {}
    for script in scripts:
        for name in script.outputs:
            if name in owner:
                raise ValueError(f"{name} is drawn by both {owner[name]} and {script.path}")
            owner[name] = script.path
    return scripts


def nnlib_sources() -> list[Path]:
    """The source files of the ``nnlib`` package this Python imports (without importing it).

    ``__init__.py`` comes first, so that file names are taken relative to the package folder.
    """
    spec = importlib.util.find_spec("nnlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("nnlib is not importable: install the project (pip install -e '.[docs]')")
    package_dir = Path(next(iter(spec.submodule_search_locations)))
    init = package_dir / "__init__.py"
    return [init] + sorted(p for p in package_dir.rglob("*.py") if p != init)


def _digest(parts: list[tuple[str, bytes]]) -> str:
    """SHA-256 over labelled parts, so that moving bytes between parts changes the key."""
    h = hashlib.sha256()
    for label, data in parts:
        h.update(label.encode())
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _versions() -> bytes:
    versions = [f"python={platform.python_version()}"]
    for dist in ("numpy", "matplotlib"):
        try:
            versions.append(f"{dist}={importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{dist}=missing")
    return " ".join(versions).encode()


def _files_part(label: str, paths: list[Path]) -> list[tuple[str, bytes]]:
    """Label each file with its name relative to the first file's folder, then its bytes."""
    base = paths[0].parent if paths else Path()
    return [(f"{label}:{p.relative_to(base).as_posix()}", p.read_bytes()) for p in paths]


def figure_key(script: FigureScript, helpers: list[Path], nnlib_files: list[Path]) -> str:
    """Cache key of one figure script: everything that can change its images."""
    return _digest(
        [("script", script.source)]
        + _files_part("helper", helpers)
        + _files_part("nnlib", nnlib_files)
        + [(f"depends:{name}", p.read_bytes()) for name, p in script.depends_on]
        + [("hook", Path(__file__).read_bytes()), ("versions", _versions())]
    )


def run_key(name: str, runs_module: Path, nnlib_files: list[Path]) -> str:
    """Cache key of one shared training run."""
    runs_source = runs_module.read_bytes() if runs_module.exists() else b""
    numpy_version = importlib.metadata.version("numpy").encode()
    return _digest(
        [("run", name.encode()), ("runs", runs_source), ("numpy", numpy_version)]
        + _files_part("nnlib", nnlib_files)
    )


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG file; raises ``ValueError`` if it is not a valid PNG."""
    with open(path, "rb") as f:
        head = f.read(24)
    if len(head) < 24 or not head.startswith(PNG_SIGNATURE) or head[12:16] != b"IHDR":
        raise ValueError(f"{path} is not a PNG image")
    width, height = struct.unpack(">II", head[16:24])
    if width == 0 or height == 0:
        raise ValueError(f"{path} is an empty PNG image ({width}x{height})")
    return width, height


# --------------------------------------------------------------------------------------
# Building: find or draw every figure
# --------------------------------------------------------------------------------------


class FigureError(Exception):
    """A figure could not be drawn; the message names the figure and says why."""


def build_figures(
    root: Path, figures_dir: Path | None = None, cache_dir: Path | None = None
) -> dict[str, Path]:
    """Make sure every figure is in the cache; return ``{"sigmoid.png": path, ...}``.

    Keys are the images' names and the data files' site paths (``"assets/draw/x.js"``): see
    :func:`site_path`. ``root`` is the folder of ``mkdocs.yml``. Stale figures are drawn in
    one subprocess.
    Raises ``FigureError`` naming every script that failed.
    """
    figures_dir = figures_dir or root / FIGURES_SUBDIR
    cache_dir = cache_dir or root / CACHE_SUBDIR
    if not figures_dir.is_dir():
        return {}
    try:
        scripts = discover_scripts(figures_dir, root)
        nnlib_files = nnlib_sources()
    except (ValueError, SyntaxError, RuntimeError) as exc:
        raise FigureError(str(exc)) from exc
    helpers = sorted(figures_dir.glob("_*.py"))
    runs_module = figures_dir / RUNS_MODULE

    images: dict[str, Path] = {}
    stale = []
    for script in scripts:
        entry = cache_dir / f"{script.stem}-{figure_key(script, helpers, nnlib_files)}"
        if entry.is_dir():
            log.debug("figure cache hit: %s", script.stem)
        else:
            stale.append((script, entry))
        images.update({name: entry / name for name in script.outputs})

    if stale:
        runs = {
            name: str(cache_dir / "runs" / f"{name}-{run_key(name, runs_module, nnlib_files)}.npz")
            for script, _ in stale
            for name in script.uses_runs
        }
        _draw_in_subprocess(root, figures_dir, cache_dir, stale, runs)
        for script, entry in stale:
            _prune(cache_dir, script.stem, keep=entry)
        _prune_runs(cache_dir / "runs")
    return images


def _draw_in_subprocess(root, figures_dir, cache_dir, stale, runs) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="figures-", dir=cache_dir) as tmp:
        tmp = Path(tmp)
        jobs = []
        for script, entry in stale:
            out_dir = tmp / script.stem
            out_dir.mkdir()
            jobs.append(
                {
                    "script": str(script.path),
                    "figures": script.figures,
                    "assets": script.assets,
                    "uses_runs": script.uses_runs,
                    "out_dir": str(out_dir),
                }
            )
        job_file, result_file = tmp / "jobs.json", tmp / "results.json"
        job_file.write_text(json.dumps({"figures_dir": str(figures_dir), "runs": runs, "jobs": jobs}))
        # no .pyc files: under `mkdocs serve` a new one in nnlib/ would trigger a rebuild
        env = dict(os.environ, MPLBACKEND="Agg", PYTHONDONTWRITEBYTECODE="1")
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, __file__, str(job_file), str(result_file)], cwd=root, env=env
        )
        results = json.loads(result_file.read_text()) if result_file.exists() else {}
        errors = []
        for script, entry in stale:
            outcome = results.get(str(script.path))
            if outcome is None:
                errors.append(
                    f"figure script {script.path.name} did not finish (exit code {proc.returncode})"
                )
            elif outcome["error"]:
                errors.append(f"figure script {script.path.name} failed:\n{outcome['error']}")
            else:
                log.info("figure drawn: %s in %.1f s", ", ".join(script.outputs), outcome["seconds"])
                try:
                    os.replace(tmp / script.stem, entry)
                except OSError:
                    if not entry.is_dir():  # a concurrent build placed the same key: fine
                        raise
        log.debug("figures subprocess took %.1f s", time.perf_counter() - started)
        if errors:
            raise FigureError("\n\n".join(errors))


def _prune(cache_dir: Path, stem: str, keep: Path) -> None:
    pattern = re.compile(re.escape(stem) + r"-[0-9a-f]{64}")
    for old in cache_dir.iterdir():
        if old != keep and old.is_dir() and pattern.fullmatch(old.name):
            shutil.rmtree(old, ignore_errors=True)


def _prune_runs(runs_dir: Path) -> None:
    by_name: dict[str, list[Path]] = {}
    for path in runs_dir.glob("*.npz"):
        match = re.fullmatch(r"(.+)-[0-9a-f]{64}\.npz", path.name)
        if match:
            by_name.setdefault(match.group(1), []).append(path)
    for paths in by_name.values():
        for old in sorted(paths, key=lambda p: p.stat().st_mtime, reverse=True)[KEEP_RUNS:]:
            old.unlink(missing_ok=True)


# --------------------------------------------------------------------------------------
# MkDocs events
# --------------------------------------------------------------------------------------


def site_path(name: str) -> str:
    """Where an output is served: an image at ``figures/<name>``, a data file at its own path."""
    return name if name.startswith(ASSETS_DIR + "/") else f"{SITE_DIR}/{name}"


def on_files(files, config):
    """Hand every figure to the build at ``figures/<name>.png`` (data files at ``assets/...``)."""
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File

    root = Path(config.config_file_path).resolve().parent
    started = time.perf_counter()
    try:
        images = build_figures(root)
    except FigureError as exc:
        raise PluginError(f"Figures: {exc}") from None
    for name, path in sorted(images.items()):
        uri = site_path(name)
        if files.get_file_from_path(uri) is not None:
            raise PluginError(
                f"Figures: docs/{uri} exists but figures are generated; delete the committed copy"
            )
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    log.info("figures ready: %d in %.1f s", len(images), time.perf_counter() - started)
    return files


# --------------------------------------------------------------------------------------
# The drawing subprocess: python figures.py JOBS.json RESULTS.json
# --------------------------------------------------------------------------------------


class _Runs:
    """``runs[name]``: a shared training run's arrays, trained once and cached as .npz."""

    def __init__(self, figures_dir: Path, paths: dict[str, str]):
        self._figures_dir = figures_dir
        self._paths = paths
        self._loaded: dict[str, dict] = {}
        self.allowed: list[str] = []

    def __getitem__(self, name: str) -> dict:
        if name not in self.allowed:
            raise KeyError(
                f"run {name!r} is not declared: add it to USES_RUNS so that it is part of the cache key"
            )
        if name not in self._loaded:
            path = Path(self._paths[name])
            if not path.exists():
                self._train(name, path)
            import numpy as np

            with np.load(path, allow_pickle=False) as data:
                self._loaded[name] = {key: data[key] for key in data.files}
        return self._loaded[name]

    def _train(self, name: str, path: Path) -> None:
        import numpy as np

        runs_module = _import_path(self._figures_dir / RUNS_MODULE, "_runs")
        registry = getattr(runs_module, "RUNS", {})
        if name not in registry:
            raise KeyError(f"no run {name!r} in {RUNS_MODULE} (RUNS has {sorted(registry)})")
        started = time.perf_counter()
        arrays = {key: np.asarray(value) for key, value in registry[name]().items()}
        for key, value in arrays.items():
            if value.dtype == object:
                raise TypeError(f"run {name!r}: {key!r} is an object array; return numbers only")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp.npz")
        np.savez(tmp, **arrays)
        os.replace(tmp, path)
        print(f"figures: run {name!r} trained in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def _import_path(path: Path, name: str):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _run_jobs(job_file: Path, result_file: Path) -> int:
    import traceback

    spec = json.loads(job_file.read_text())
    figures_dir = Path(spec["figures_dir"])
    sys.path.insert(0, str(figures_dir))  # figure scripts import their _helpers
    runs = _Runs(figures_dir, spec["runs"])
    results = {}
    for job in spec["jobs"]:
        started = time.perf_counter()
        error = None
        try:
            stem = Path(job["script"]).stem
            module = _import_path(Path(job["script"]), "figure_" + re.sub(r"\W", "_", stem))
            runs.allowed = job["uses_runs"]
            out_dir = Path(job["out_dir"])
            module.draw(out_dir, runs)
            for name in job["figures"]:
                if not (out_dir / name).exists():
                    raise FileNotFoundError(f"draw() did not write {name} (declared in FIGURES)")
                png_size(out_dir / name)
            for name in job["assets"]:
                if not (out_dir / name).is_file():
                    raise FileNotFoundError(f"draw() did not write {name} (declared in ASSETS)")
                if (out_dir / name).stat().st_size == 0:
                    raise ValueError(f"draw() wrote {name} empty (declared in ASSETS)")
            written = {p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file()}
            extra = sorted(written - set(job["figures"]) - set(job["assets"]))
            if extra:
                raise ValueError(f"draw() wrote {extra}, not declared in FIGURES or ASSETS")
        except Exception:
            error = traceback.format_exc()
        finally:
            if "matplotlib.pyplot" in sys.modules:
                sys.modules["matplotlib.pyplot"].close("all")
        results[job["script"]] = {"error": error, "seconds": time.perf_counter() - started}
        result_file.write_text(json.dumps(results))
    return 1 if any(r["error"] for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(_run_jobs(Path(sys.argv[1]), Path(sys.argv[2])))
