"""The figure cache (nnlib/tools/site/figures.py and its runner), on toy figure scripts.

The toy scripts write a tiny PNG by hand (no Matplotlib, so the tests stay fast) and append
a line to a log file each time they run, so the tests can see what was drawn or trained.
"""

from __future__ import annotations

import pytest

from nnlib.tools.site import figures as hook
from nnlib.tools.site.pages import ROOT, docs_dir


# A helper shared by the toy scripts: a valid 1x1 PNG, and a log of what ran.
HELPER = '''
import os, struct, zlib

def tiny_png(path):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"\\x00\\xff\\x00\\x00"  # one red pixel, filter byte first
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    pixels = chunk(b"IDAT", zlib.compress(raw))
    path.write_bytes(b"\\x89PNG\\r\\n\\x1a\\n" + header + pixels + chunk(b"IEND", b""))

def log(what):
    with open(os.environ["FIGURES_TEST_LOG"], "a") as f:
        f.write(what + "\\n")
'''

RUNS = '''
import numpy as np
from figures._helper import log

def toy_run():
    log("trained toy")
    return {"loss": np.array([3.0, 2.0, 1.0]), "W1": np.ones((2, 3))}

RUNS = {"toy": toy_run}
'''

PLAIN = '''
from figures._helper import log, tiny_png

def draw(out_dir, runs):
    log("drew plain")
    tiny_png(out_dir / "plain.png")
'''

USES_RUN = '''
FIGURES = ["curves-a.png", "curves-b.png"]
USES_RUNS = ["toy"]
from figures._helper import log, tiny_png

def draw(out_dir, runs):
    run = runs["toy"]
    assert run["loss"].tolist() == [3.0, 2.0, 1.0] and run["W1"].shape == (2, 3)
    log("drew curves")
    tiny_png(out_dir / "curves-a.png")
    tiny_png(out_dir / "curves-b.png")
'''

ALSO_USES_RUN = '''
USES_RUNS = ["toy"]
from figures._helper import log, tiny_png

def draw(out_dir, runs):
    assert runs["toy"]["loss"][-1] == 1.0
    log("drew weights")
    tiny_png(out_dir / "weights.png")
'''


@pytest.fixture
def setup(tmp_path, monkeypatch):
    """A figures folder with three toy scripts sharing one run, a cache, a fake nnlib."""
    docs = tmp_path / "docs"
    figures = docs / "figures"
    figures.mkdir(parents=True)
    (figures / "__init__.py").write_text("")
    (figures / "_helper.py").write_text(HELPER)
    (figures / "_runs.py").write_text(RUNS)
    (figures / "plain.py").write_text(PLAIN)
    (figures / "curves.py").write_text(USES_RUN)
    (figures / "weights.py").write_text(ALSO_USES_RUN)
    fake_nnlib = tmp_path / "fake" / "nnlib"  # not where the runner imports nnlib from
    fake_nnlib.mkdir(parents=True)
    (fake_nnlib / "__init__.py").write_text("VERSION = 1\n")
    monkeypatch.setattr(hook, "nnlib_sources", lambda: [fake_nnlib / "__init__.py"])
    log = tmp_path / "log.txt"
    monkeypatch.setenv("FIGURES_TEST_LOG", str(log))
    cache = tmp_path / "cache"

    def build():
        log.unlink(missing_ok=True)
        images = hook.build_figures(tmp_path, docs, cache_dir=cache)
        ran = log.read_text().splitlines() if log.exists() else []
        return images, sorted(ran)

    return hook, figures, fake_nnlib, cache, build


def test_cold_build_draws_everything_and_trains_the_shared_run_once(setup):
    _, _, _, cache, build = setup
    images, ran = build()
    assert sorted(images) == ["curves-a.png", "curves-b.png", "plain.png", "weights.png"]
    assert ran == ["drew curves", "drew plain", "drew weights", "trained toy"]
    for path in images.values():
        assert path.is_relative_to(cache) and hook.png_size(path) == (1, 1)
    assert len(list((cache / "runs").glob("toy-*.npz"))) == 1


def test_warm_build_only_reuses(setup):
    _, _, _, _, build = setup
    first, _ = build()
    second, ran = build()
    assert ran == [] and second == first


def test_changed_script_redraws_only_itself_and_old_image_goes(setup):
    _, figures, _, _, build = setup
    before, _ = build()
    (figures / "plain.py").write_text(PLAIN + "\n# a new setting\n")
    after, ran = build()
    assert ran == ["drew plain"]
    assert after["plain.png"] != before["plain.png"]
    assert not before["plain.png"].exists()  # never served again
    assert after["weights.png"] == before["weights.png"]


def test_changed_nnlib_redraws_everything_and_retrains(setup):
    _, _, nnlib, _, build = setup
    build()
    (nnlib / "__init__.py").write_text("VERSION = 2\n")
    _, ran = build()
    assert ran == ["drew curves", "drew plain", "drew weights", "trained toy"]


def test_changed_helper_redraws_but_keeps_the_run(setup):
    _, figures, _, _, build = setup
    build()
    (figures / "_helper.py").write_text(HELPER + "\n# restyled\n")
    _, ran = build()
    assert ran == ["drew curves", "drew plain", "drew weights"]  # the run's key is unchanged


def test_a_failing_script_fails_with_its_name_and_error(setup):
    _, figures, _, cache, build = setup
    (figures / "broken.py").write_text(
        "def draw(out_dir, runs):\n    raise ValueError('no data here')\n"
    )
    with pytest.raises(hook.FigureError, match=r"(?s)broken\.py failed.*ValueError: no data here"):
        build()
    assert not list(cache.glob("broken-*"))  # nothing cached for it
    assert len(list(cache.glob("plain-*"))) == 1  # the others were drawn and kept


def test_a_script_must_draw_what_it_declares(setup):
    _, figures, _, _, build = setup
    (figures / "lazy.py").write_text(
        "FIGURES = ['lazy.png', 'lazy-other.png']\ndef draw(out_dir, runs):\n    pass\n"
    )
    with pytest.raises(hook.FigureError, match="did not write lazy.png"):
        build()


def test_a_run_must_be_declared(setup):
    _, figures, _, _, build = setup
    (figures / "sneaky.py").write_text("def draw(out_dir, runs):\n    runs['toy']\n")
    with pytest.raises(hook.FigureError, match="USES_RUNS"):
        build()


def test_declarations_must_be_literal(setup):
    _, figures, _, _, build = setup
    (figures / "odd.py").write_text(
        "FIGURES = [name for name in 'ab']\ndef draw(out_dir, runs):\n    pass\n"
    )
    with pytest.raises(hook.FigureError, match="literal list"):
        build()


def test_png_check_rejects_non_png(tmp_path):
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"GIF89a" + bytes(30))
    with pytest.raises(ValueError, match="not a PNG"):
        hook.png_size(fake)


def test_declared_dependencies_are_part_of_the_key(setup, tmp_path):
    _, figures, _, _, build = setup
    data = tmp_path / "data"
    data.mkdir()
    (data / "points.txt").write_text("1 2 3\n")
    (figures / "plain.py").write_text("DEPENDS_ON = ['data']\n" + PLAIN)
    build()
    _, ran = build()
    assert ran == []
    (data / "points.txt").write_text("1 2 4\n")
    _, ran = build()
    assert ran == ["drew plain"]


def test_a_missing_dependency_is_an_error(setup):
    _, figures, _, _, build = setup
    (figures / "plain.py").write_text("DEPENDS_ON = ['nowhere.txt']\n" + PLAIN)
    with pytest.raises(hook.FigureError, match="nowhere.txt"):
        build()


# Data files (ASSETS): a script may write files for a page's JavaScript, served under assets/.
DATA = '''
FIGURES = []
ASSETS = ["assets/export/weights.js", "assets/export/digits.json"]
USES_RUNS = ["toy"]
from figures._helper import log

def draw(out_dir, runs):
    log("exported data")
    folder = out_dir / "assets" / "export"
    folder.mkdir(parents=True)
    (folder / "weights.js").write_text("var W1 = %s;\\n" % runs["toy"]["W1"].tolist())
    (folder / "digits.json").write_text("[5, 0, 4]")
'''


def test_data_files_are_cached_and_served_at_their_site_path(setup):
    _, figures, _, cache, build = setup
    (figures / "export.py").write_text(DATA)
    images, ran = build()
    assert "exported data" in ran
    weights = images["assets/export/weights.js"]
    assert weights.is_relative_to(cache)
    assert weights.read_text() == "var W1 = [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]];\n"
    assert images["assets/export/digits.json"].read_text() == "[5, 0, 4]"
    assert hook.site_path("assets/export/weights.js") == "assets/export/weights.js"
    assert hook.site_path("plain.png") == "figures/plain.png"
    _, ran = build()
    assert ran == []  # a warm build only reuses them
    (figures / "export.py").write_text(DATA + "\n# another setting\n")
    again, ran = build()
    assert ran == ["exported data"] and not weights.exists()  # redrawn, the old one pruned


def test_a_data_file_must_be_written_and_not_empty(setup):
    _, figures, _, _, build = setup
    (figures / "export.py").write_text(DATA.replace('write_text("[5, 0, 4]")', 'write_text("")'))
    with pytest.raises(hook.FigureError, match="wrote assets/export/digits.json empty"):
        build()
    (figures / "export.py").write_text(DATA.replace('(folder / "digits.json")', "(folder / 'x')"))
    with pytest.raises(hook.FigureError, match="did not write assets/export/digits.json"):
        build()


def test_a_data_file_must_be_declared_and_named_under_assets(setup):
    _, figures, _, _, build = setup
    (figures / "export.py").write_text(DATA.replace(', "assets/export/digits.json"]', "]"))
    with pytest.raises(hook.FigureError, match=r"wrote \['assets/export/digits.json'\], not declared"):
        build()
    for bad in ("export/weights.js", "assets/Export/weights.js", "assets/export/page.md",
                "assets/x.png", "assets/other/weights.js"):
        (figures / "export.py").write_text(DATA.replace("assets/export/weights.js", bad, 1))
        with pytest.raises(hook.FigureError, match="must be served under its script's folder"):
            build()


def test_a_figure_is_named_after_its_script(setup):
    _, figures, _, _, build = setup
    (figures / "plain.py").write_text("FIGURES = ['other.png']\n" + PLAIN.replace("plain.png", "other.png"))
    with pytest.raises(hook.FigureError, match="must be named after its script: 'plain.png'"):
        build()


def test_the_sites_figure_scripts_are_named_after_what_they_draw():
    scripts = hook.discover_scripts(hook.figures_dir(docs_dir()), ROOT)
    assert len(scripts) > 10  # every script passed the naming rule to get here
