"""Numbers written into the prose from the build's runs (nnlib/tools/site/numbers.py)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from figures import numbers as numbers_script
from nnlib.tools.site.numbers import fill_in, load_numbers


def test_placeholders_are_filled_in_the_prose_and_not_in_code():
    page = ("It reaches {{ guide.accuracy.last }} after {{guide.epochs}} epochs.\n\n"
            "```python\nprint('{{ guide.accuracy.last }}')\n```\n")
    filled = fill_in(page, {"guide.accuracy.last": "95.5%", "guide.epochs": "20"}, "x.md")
    assert filled.startswith("It reaches 95.5% after 20 epochs.")
    assert "print('{{ guide.accuracy.last }}')" in filled


def test_an_unknown_number_names_the_page_and_the_name():
    with pytest.raises(KeyError, match=r"part3/x.md: no number named 'guide.accuracy.epoch-99'"):
        fill_in("{{ guide.accuracy.epoch-99 }}", {"guide.accuracy.last": "95.5%"}, "part3/x.md")


def test_numbers_files_are_merged_and_a_name_is_computed_once(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps({"a.x": "1"}))
    second.write_text(json.dumps({"b.y": "2"}))
    outputs = {"assets/numbers/numbers.json": first, "assets/other/numbers.json": second,
               "assets/draw/guide.js": tmp_path / "ignored.js"}
    assert load_numbers(outputs) == {"a.x": "1", "b.y": "2"}
    second.write_text(json.dumps({"a.x": "3"}))
    with pytest.raises(ValueError, match="'a.x' is computed twice"):
        load_numbers(outputs)


def test_the_numbers_come_from_the_run():
    run = {"test_accuracy": np.array([0.884, 0.9052, 0.9549]), "test_output": np.zeros((10000, 10))}
    numbers = numbers_script.run_numbers("guide", run)
    assert numbers["guide.accuracy.epoch-1"] == "88.4%"
    assert numbers["guide.accuracy.epoch-2"] == "90.5%"
    assert numbers["guide.accuracy.last"] == "95.5%" and numbers["guide.epochs"] == "3"
    assert numbers["guide.epochs-to-90"] == "2"
    assert numbers["guide.right.last"] == "9,549" and numbers["guide.wrong.last"] == "451"
