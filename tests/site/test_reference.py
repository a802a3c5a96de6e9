"""The "In the library" notes (nnlib/tools/site/reference.py), on a toy package."""

from __future__ import annotations

from nnlib.tools.site.reference import TEACHING_MODULES, add_library_note, pages_building

ACTIVATIONS = '''
def sigmoid(z):
    """Squash z.

    Built in [Part 2: the sigmoid](../part2/sigmoid.md#the-formula).
    Used in [Part 3, step 1](../part3/step1-one-neuron.md).
    """


def _private(z):
    """Built in [Part 2](../part2/sigmoid.md)."""


class Dense:
    """A layer. Built in [step 3](../part3/step3-a-layer.md) and [step 4](../part3/step4.md)."""
'''


def toy_package(tmp_path):
    for module in TEACHING_MODULES:
        (tmp_path / f"{module}.py").write_text('"""A module."""\n')
    (tmp_path / "activations.py").write_text(ACTIVATIONS)
    return tmp_path


def test_built_in_lines_map_pages_to_what_they_build(tmp_path):
    built = pages_building(toy_package(tmp_path))
    assert built == {
        "part2/sigmoid.md": ["nnlib.activations.sigmoid"],  # not "Used in", not private names
    }


def test_the_note_goes_before_what_you_learned():
    page = "# Sigmoid\n\nText.\n\n## What you learned\n\n- a lot\n\nNext: [on](x.md)\n"
    noted = add_library_note(page, ["nnlib.activations.sigmoid", "nnlib.activations.relu"])
    before, after = noted.split("## What you learned")
    assert before.endswith(
        '!!! info "In the library"\n\n    What this page builds is in `nnlib`, tested, with its '
        "reference: [`sigmoid`][nnlib.activations.sigmoid], [`relu`][nnlib.activations.relu].\n\n"
    )
    assert after.endswith("Next: [on](x.md)\n")
    assert add_library_note("# Page\n", ["nnlib.init.he"]).startswith("# Page\n\n!!! info")
