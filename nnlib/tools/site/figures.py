"""Figures for the site, drawn at build time from the real code, and cached.

The figure scripts live beside the pages, in ``docs/figures/`` (a Python package named
``figures``); ``docs/figures/README.md`` says how to write one. This module finds them,
decides which are stale, has :mod:`.figure_runner` draw those in one fresh Python process,
and hands every image to MkDocs at ``figures/<name>.png`` (data files at ``assets/...``).
The MkDocs hook ``docs/overrides/hooks/figures.py`` calls :func:`on_files`.

Cache keys (why a stale figure is never served):

- figure key: SHA-256 of the script's source, the package's helpers (``_*.py``,
  ``__init__.py``), the ``nnlib`` sources (but for this site machinery), the files in its
  ``DEPENDS_ON``, this module and the runner, and the Python, NumPy and Matplotlib versions;
- run key: SHA-256 of the run's name, ``_runs.py``, the ``nnlib`` sources, the files the run
  lists in ``_runs.py``'s ``RUN_DEPENDS_ON``, and NumPy's version.

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

PACKAGE = "figures"  # the scripts' package: docs/figures/, imported as `figures`
CACHE_SUBDIR = Path(".cache", "figures")  # the cache, relative to mkdocs.yml (gitignored)
SITE_DIR = "figures"  # where the images are served in the built site
ASSETS_DIR = "assets"  # where data files (ASSETS) are served, under their own sub-paths
ASSET_SUFFIXES = r"\.(js|json|bin|csv|txt)"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
IMAGE_SUFFIXES = r"\.(png|svg)"  # plots as PNG; diagrams as SVG (see nnlib/tools/site/diagrams.py)
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
RUNS_MODULE = "_runs.py"
KEEP_RUNS = 3  # cached runs kept per name (switching branches back and forth stays cheap)
MACHINERY = [Path(__file__), Path(__file__).with_name("figure_runner.py")]
_built: dict[str, Path] = {}  # what the last on_files handed to the build


# --------------------------------------------------------------------------------------
# Reading the scripts and computing keys (in the MkDocs process: files only, no imports)
# --------------------------------------------------------------------------------------


def figures_dir(docs_dir: Path) -> Path:
    """The figure scripts' folder: ``<docs_dir>/figures``."""
    return docs_dir / PACKAGE


def slug(stem: str) -> str:
    """A script's name as its figures are named: ``guide_training_curves`` -> ``guide-training-curves``."""
    return stem.replace("_", "-")


class FigureScript:
    """One ``docs/figures/<stem>.py`` and what it declares."""

    def __init__(self, path: Path, root: Path | None = None):
        self.path = path
        self.stem = path.stem
        self.source = path.read_bytes()
        declared = _literal_assignments(
            self.source, path, ("FIGURES", "ASSETS", "USES_RUNS", "DEPENDS_ON")
        )
        self.figures: list[str] = declared.get("FIGURES", [f"{slug(self.stem)}.png"])
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
        name_pattern = re.escape(slug(self.stem)) + r"(-[a-z0-9]+)*"
        for name in self.figures:
            if not re.fullmatch(name_pattern + IMAGE_SUFFIXES, name):
                raise ValueError(
                    f"{path}: figure name {name!r} must be named after its script: "
                    f"'{slug(self.stem)}.png' or '{slug(self.stem)}-<more-words>.png'"
                    " (or .svg)"
                )
        for name in self.assets:
            if not re.fullmatch(rf"{ASSETS_DIR}/{name_pattern}(/[a-z0-9][a-z0-9-]*)+{ASSET_SUFFIXES}", name):
                raise ValueError(
                    f"{path}: data file {name!r} must be served under its script's folder, "
                    f"'{ASSETS_DIR}/{slug(self.stem)}/lower-case-words.js'"
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


def discover_scripts(folder: Path, root: Path | None = None) -> list[FigureScript]:
    """Every figure script in ``folder`` (names starting with ``_`` are helpers, not figures).

    ``root`` (the folder of mkdocs.yml) is what ``DEPENDS_ON`` paths are relative to. Each
    output is named after its script, so no two scripts can draw the same one.
    """
    return [FigureScript(p, root) for p in sorted(folder.glob("*.py")) if not p.name.startswith("_")]


def nnlib_sources() -> list[Path]:
    """The source files of the ``nnlib`` package this Python imports (without importing it).

    ``__init__.py`` comes first, so that file names are taken relative to the package folder.
    The site machinery (this folder) is left out: it is keyed as the figures' machinery.
    """
    spec = importlib.util.find_spec("nnlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("nnlib is not importable: install the project (pip install -e '.[docs]')")
    package_dir = Path(next(iter(spec.submodule_search_locations)))
    init = package_dir / "__init__.py"
    here = Path(__file__).resolve().parent
    return [init] + sorted(
        p for p in package_dir.rglob("*.py") if p != init and not p.resolve().is_relative_to(here)
    )


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
        + [(f"machinery:{p.name}", p.read_bytes()) for p in MACHINERY]
        + [("versions", _versions())]
    )


def run_dependencies(runs_module: Path, root: Path) -> dict[str, list[Path]]:
    """``RUN_DEPENDS_ON`` of ``_runs.py``: the files (relative to ``root``) each run reads
    besides ``_runs.py`` and ``nnlib``, e.g. ``{"ladder": ["snippets/beyond/ladder.py"]}``.

    Read without importing, like a script's ``DEPENDS_ON``; a named file must exist.
    """
    if not runs_module.exists():
        return {}
    for node in ast.parse(runs_module.read_bytes(), filename=str(runs_module)).body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "RUN_DEPENDS_ON"):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                value = None
            if not (isinstance(value, dict) and all(
                    isinstance(v, list) and all(isinstance(f, str) for f in v) for v in value.values())):
                raise ValueError(f"{runs_module}: RUN_DEPENDS_ON must be a literal dict of lists of paths")
            missing = [f for files in value.values() for f in files if not (root / f).is_file()]
            if missing:
                raise ValueError(f"{runs_module}: RUN_DEPENDS_ON names {missing}, which do not exist")
            return {name: [root / f for f in files] for name, files in value.items()}
    return {}


def run_key(name: str, runs_module: Path, nnlib_files: list[Path],
            depends_on: list[Path] = ()) -> str:
    """Cache key of one shared training run (``depends_on``: its ``RUN_DEPENDS_ON`` files)."""
    runs_source = runs_module.read_bytes() if runs_module.exists() else b""
    numpy_version = importlib.metadata.version("numpy").encode()
    return _digest(
        [("run", name.encode()), ("runs", runs_source), ("numpy", numpy_version)]
        + _files_part("nnlib", nnlib_files)
        + [(f"depends:{p.name}", p.read_bytes()) for p in depends_on]
    )


def cached_run(root: Path, docs_dir: Path, name: str) -> Path:
    """Where the cache keeps the shared run ``name`` for the current sources (it may not exist yet)."""
    runs_module = figures_dir(docs_dir) / RUNS_MODULE
    depends_on = run_dependencies(runs_module, root).get(name, [])
    key = run_key(name, runs_module, nnlib_sources(), depends_on)
    return root / CACHE_SUBDIR / "runs" / f"{name}-{key}.npz"


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


def svg_size(path: Path) -> tuple[float, float]:
    """Width and height of an SVG's ``viewBox``; raises ``ValueError`` if it is not a valid SVG.

    Valid here means: well-formed XML whose root is an ``<svg>`` with a ``viewBox`` (so that it
    scales to any width) and whose ``id`` attributes are unique (a page may inline several).
    """
    import xml.etree.ElementTree as ET

    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"{path} is not well-formed SVG: {exc}") from None
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        raise ValueError(f"{path}: the root element is {root.tag!r}, not an SVG <svg>")
    box = root.get("viewBox", "").replace(",", " ").split()
    if len(box) != 4:
        raise ValueError(f"{path}: the <svg> has no viewBox, so it cannot scale to the page")
    width, height = float(box[2]), float(box[3])
    if width <= 0 or height <= 0:
        raise ValueError(f"{path}: the viewBox is empty ({width}x{height})")
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ValueError(f"{path}: ids used more than once: {repeated[:5]}")
    return width, height


def image_size(path: Path) -> tuple[float, float]:
    """Width and height of a figure, PNG or SVG; raises ``ValueError`` if it is not valid."""
    return svg_size(path) if path.suffix == ".svg" else png_size(path)


# --------------------------------------------------------------------------------------
# Building: find or draw every figure
# --------------------------------------------------------------------------------------


class FigureError(Exception):
    """A figure could not be drawn; the message names the figure and says why."""


def build_figures(root: Path, docs_dir: Path, cache_dir: Path | None = None) -> dict[str, Path]:
    """Make sure every figure is in the cache; return ``{"sigmoid.png": path, ...}``.

    Keys are the images' names and the data files' site paths (``"assets/draw/x.js"``): see
    :func:`site_path`. ``root`` is the folder of ``mkdocs.yml``. Stale figures are drawn in
    one subprocess. Raises ``FigureError`` naming every script that failed.
    """
    folder = figures_dir(docs_dir)
    cache_dir = cache_dir or root / CACHE_SUBDIR
    if not folder.is_dir():
        return {}
    try:
        scripts = discover_scripts(folder, root)
        nnlib_files = nnlib_sources()
        run_files = run_dependencies(folder / RUNS_MODULE, root)
    except (ValueError, SyntaxError, RuntimeError) as exc:
        raise FigureError(str(exc)) from exc
    helpers = sorted(folder.glob("_*.py"))
    runs_module = folder / RUNS_MODULE

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
            name: str(cache_dir / "runs"
                      / f"{name}-{run_key(name, runs_module, nnlib_files, run_files.get(name, []))}.npz")
            for script, _ in stale
            for name in script.uses_runs
        }
        _draw_in_subprocess(root, docs_dir, cache_dir, stale, runs)
        for script, entry in stale:
            _prune(cache_dir, script.stem, keep=entry)
        _prune_runs(cache_dir / "runs")
    return images


def _draw_in_subprocess(root, docs_dir, cache_dir, stale, runs) -> None:
    """Draw the ``stale`` scripts in one fresh process; move each result into the cache."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="figures-", dir=cache_dir) as tmp:
        tmp = Path(tmp)
        jobs = []
        for script, entry in stale:
            out_dir = tmp / script.stem
            out_dir.mkdir()
            jobs.append(
                {
                    "module": f"{PACKAGE}.{script.stem}",
                    "figures": script.figures,
                    "assets": script.assets,
                    "uses_runs": script.uses_runs,
                    "out_dir": str(out_dir),
                }
            )
        job_file, result_file = tmp / "jobs.json", tmp / "results.json"
        job_file.write_text(json.dumps({"runs": runs, "jobs": jobs}))
        # no .pyc files: under `mkdocs serve` a new one in nnlib/ would trigger a rebuild
        env = dict(os.environ, MPLBACKEND="Agg", PYTHONDONTWRITEBYTECODE="1")
        # One BLAS thread unless asked otherwise: at these small matrices a second thread
        # gains little, and beside any other busy process it slows training many-fold.
        env.setdefault("OPENBLAS_NUM_THREADS", "1")
        # docs/ on the import path: the scripts are the package `figures` (docs/figures/)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(docs_dir), env.get("PYTHONPATH")]))
        started = time.perf_counter()
        _train_runs_side_by_side(root, env, runs)
        proc = subprocess.run(
            [sys.executable, "-m", "nnlib.tools.site.figure_runner", str(job_file), str(result_file)],
            cwd=root,
            env=env,
        )
        results = json.loads(result_file.read_text()) if result_file.exists() else {}
        errors = []
        for script, entry in stale:
            outcome = results.get(f"{PACKAGE}.{script.stem}")
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


def _train_runs_side_by_side(root: Path, env: dict, runs: dict[str, str]) -> None:
    """Train the runs not in the cache yet, one process each, as many at once as there are
    CPUs: the guide run and the ladder take about as long, and one BLAS thread each.

    Only a head start: a run that fails here is trained again by the runner, which reports
    its error against the figure that asked for it.
    """
    missing = [(name, path) for name, path in sorted(runs.items()) if not Path(path).exists()]
    if len(missing) < 2:
        return  # nothing to overlap: the runner trains it when a figure asks
    width = max(1, min(len(missing), os.cpu_count() or 1))
    pending, running = list(missing), []
    while pending or running:
        while pending and len(running) < width:
            name, path = pending.pop(0)
            command = [sys.executable, "-m", "nnlib.tools.site.figure_runner", "--run", name, path]
            running.append(subprocess.Popen(command, cwd=root, env=env))
        time.sleep(0.05)
        running = [proc for proc in running if proc.poll() is None]


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
# The MkDocs event
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
        images = build_figures(root, Path(config.docs_dir))
    except FigureError as exc:
        raise PluginError(f"Figures: {exc}") from None
    for name, path in sorted(images.items()):
        uri = site_path(name)
        if files.get_file_from_path(uri) is not None:
            raise PluginError(
                f"Figures: docs/{uri} exists but figures are generated; delete the committed copy"
            )
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    _built.clear()
    _built.update(images)
    log.info("figures ready: %d in %.1f s", len(images), time.perf_counter() - started)
    return files


def built_outputs() -> dict[str, Path]:
    """The figures and data files of the current build, by name (see :func:`build_figures`)."""
    return dict(_built)
