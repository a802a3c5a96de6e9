"""Bad input fails the real ``mkdocs build`` with a message that says where, and what.

tests/site/test_figure_cache.py checks the figure cache function by function, and
tests/site/test_page_code.py the test collection; here the whole build runs, on a small
throwaway project that inherits the site's own mkdocs.yml (its Markdown settings, theme,
validation and hooks; only the pages, the figure scripts and the plugins are its own):

- a page that includes a snippet file that does not exist, or a section that the file does
  not mark, fails the build, and the message names the page and the path;
- an included block gets its file as title, and a title typed by hand on one fails the build;
- a figure script that raises fails the build, naming the figure script and the error;
- after an input of a figure changes, the next build serves the new image, never the cached
  old one.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest
import yaml

from nnlib.tools.site.pages import ROOT


def site_hooks() -> list[str]:
    """The hooks listed in the site's mkdocs.yml, as absolute paths."""
    from mkdocs.config import load_config

    return [str(ROOT / hook) for hook in load_config(str(ROOT / "mkdocs.yml")).hooks]


def make_project(folder: Path, pages: dict[str, str], files: dict[str, str] | None = None) -> Path:
    """A project in ``folder`` whose mkdocs.yml inherits the site's; returns its mkdocs.yml."""
    config = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": "docs",
        "nav": list(pages),
        "hooks": site_hooks(),
        "plugins": ["search"],  # not the notebook plugin: there is no notebook here
        "extra_css": [],
        "watch": [],
    }
    (folder / "docs" / "overrides").mkdir(parents=True)  # theme.custom_dir
    (folder / "docs" / "figures").mkdir()
    (folder / "docs" / "figures" / "__init__.py").write_text("")
    for name, text in {**{f"docs/{p}": t for p, t in pages.items()}, **(files or {})}.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


def build(config_file: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file)],
        cwd=config_file.parent,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=300,
    )


def error_lines(proc: subprocess.CompletedProcess) -> str:
    """What MkDocs reported as errors (not the traceback lines under them)."""
    log = proc.stdout + proc.stderr
    starts = ("ERROR", "Error", "Aborted")
    return "\n".join(line for line in log.splitlines() if line.startswith(starts))


INDEX = "# Home\n"
SNIPPET = """\
    x = 1
    # --8<-- [start:there]
    y = 2
    # --8<-- [end:there]
"""


def test_a_working_include_builds(tmp_path):
    # the throwaway project itself is sound: the failures below come from what they change
    page = '# Page\n\n```python\n--8<-- "snippets/demo.py:there"\n```\n'
    files = {"snippets/demo.py": SNIPPET}
    config = make_project(tmp_path, {"index.md": INDEX, "page.md": page}, files)
    proc = build(config)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    html = (tmp_path / "site" / "page.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    assert "y = 2" in text and "x = 1" not in text  # the section, and only the section
    assert '<span class="filename">snippets/demo.py</span>' in html  # titled with its file


def test_a_title_typed_by_hand_on_an_included_block_fails_the_build(tmp_path):
    page = '# Page\n\n```python title="demo.py"\n--8<-- "snippets/demo.py:there"\n```\n'
    config = make_project(tmp_path, {"index.md": INDEX, "page.md": page},
                          {"snippets/demo.py": SNIPPET})
    proc = build(config)
    assert proc.returncode != 0, "the build passed with a hand-typed title"
    assert "page.md, line 3: the fence has a title typed by hand" in error_lines(proc)


@pytest.mark.parametrize(
    "include, path",
    [
        ("snippets/nowhere.py", "snippets/nowhere.py"),  # no such file
        ("snippets/demo.py:nowhere", "snippets/demo.py"),  # no such section in the file
    ],
    ids=["missing file", "missing section"],
)
def test_a_broken_include_fails_the_build_naming_page_and_path(tmp_path, include, path):
    page = f'# Broken\n\nSome text.\n\n```python\n--8<-- "{include}"\n```\n'
    files = {"snippets/demo.py": SNIPPET}
    config = make_project(tmp_path, {"index.md": INDEX, "part9/broken.md": page}, files)
    proc = build(config)
    assert proc.returncode != 0, "the build passed with a broken include"
    errors = error_lines(proc)
    assert "part9/broken.md" in errors, errors
    assert path in errors, errors
    if ":" in include:
        assert "nowhere" in errors, errors  # and the section


BROKEN_FIGURE = """\
    def draw(out_dir, runs):
        raise ValueError("no data for the broken figure")
"""


def test_a_figure_script_that_raises_fails_the_build_with_its_name_and_error(tmp_path):
    page = "# Page\n\n![a figure](figures/broken-figure.png)\n"
    config = make_project(
        tmp_path,
        {"index.md": INDEX, "page.md": page},
        {"docs/figures/broken_figure.py": BROKEN_FIGURE},
    )
    proc = build(config)
    assert proc.returncode != 0, "the build passed with a failing figure script"
    log = proc.stdout + proc.stderr
    assert "broken_figure.py" in error_lines(proc), log
    assert "ValueError: no data for the broken figure" in log


# A figure whose one pixel has the colour written in an input file it declares.
COLOURED_FIGURE = """\
    DEPENDS_ON = ["figure-inputs/colour.txt"]

    import struct, zlib
    from pathlib import Path

    def draw(out_dir, runs):
        red, green, blue = (int(v) for v in Path("figure-inputs/colour.txt").read_text().split())
        def chunk(kind, data):
            crc = struct.pack(">I", zlib.crc32(kind + data))
            return struct.pack(">I", len(data)) + kind + data + crc
        header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        pixels = chunk(b"IDAT", zlib.compress(bytes([0, red, green, blue])))
        png = b"\\x89PNG\\r\\n\\x1a\\n" + header + pixels + chunk(b"IEND", b"")
        (out_dir / "pixel.png").write_bytes(png)
"""


def pixel(png: bytes) -> tuple[int, int, int]:
    """The colour of a 1x1 RGB PNG (as written above)."""
    assert png.startswith(b"\x89PNG") and struct.unpack(">II", png[16:24]) == (1, 1)
    length = struct.unpack(">I", png[33:37])[0]
    raw = zlib.decompress(png[41 : 41 + length])
    return tuple(raw[1:4])


def test_a_changed_figure_input_is_redrawn_never_served_stale(tmp_path):
    page = "# Page\n\n![one pixel](figures/pixel.png)\n"
    config = make_project(
        tmp_path,
        {"index.md": INDEX, "page.md": page},
        {
            "docs/figures/pixel.py": COLOURED_FIGURE,
            "figure-inputs/colour.txt": "255 0 0\n",
        },
    )
    served = tmp_path / "site" / "figures" / "pixel.png"

    first = build(config)
    assert first.returncode == 0, first.stdout + first.stderr
    assert pixel(served.read_bytes()) == (255, 0, 0)

    (tmp_path / "figure-inputs" / "colour.txt").write_text("0 0 255\n")
    second = build(config)
    assert second.returncode == 0, second.stdout + second.stderr
    assert pixel(served.read_bytes()) == (0, 0, 255), "the old figure was served"
