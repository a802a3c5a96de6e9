"""The "Draw a digit" page (docs/draw.md) in Chromium: the page's numbers are nnlib's.

- Real MNIST test digits, loaded by clicking the page's own "Try a test digit" button, give
  the ten outputs of nnlib's forward pass on the same 784 pixels, to 1e-5, for each of the
  three networks (Part 3's, the better dense one, and the convolutional nnlib.conv.cnn).
- Strokes drawn with Playwright's mouse (a "1" as a vertical line, a "0" as an ellipse) give
  the 28 x 28 image that nnlib.tools.drawing.to_mnist makes from the same canvas, every
  network reads the digit that was drawn, and its outputs are nnlib's, to 1e-5.
- On a phone-sized screen a finger (touch events) draws, and the page fits the screen.
- Opened from the file system (file://), the page still loads its weights and answers.

Screenshots of the page with a drawn digit: test-artifacts/screenshots/draw-*.png.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from figures import draw as export
from nnlib import GuideNetwork, Network, load_mnist
from nnlib.conv import cnn
from nnlib.layers import ReLU
from nnlib.tools.drawing import BOX, bounding_box, centre_of_mass, shrink, to_mnist

from nnlib.tools.site.figures import cached_run

from .support import DESKTOP, PHONE, ROOT, SCREENSHOTS, new_page

NETWORKS = ["guide", "beyond", "cnn"]
DENSE = ["guide", "beyond"]  # the networks of rows of pixels; "cnn" reads images
TOLERANCE = 1e-5  # largest difference allowed between the page's outputs and nnlib's
N_TEST_DIGITS = 30  # the page offers 30 (docs/figures/draw.py); the issue asks for at least 20
READY = '#nnlib-draw[data-ready="true"]'


# --------------------------------------------------------------------------------------
# The trained networks, as nnlib runs them
# --------------------------------------------------------------------------------------


def exported(site_dir, name: str) -> dict:
    """What the built site's assets/draw/<name>.js hands to the page."""
    text = (site_dir / "assets" / "draw" / f"{name}.js").read_text()
    return export.read_script(text)


WEIGHTS = {"guide": ["W1", "b1", "W2", "b2"], "beyond": ["W1", "b1", "W2", "b2"],
           "cnn": ["W1", "b1", "W2", "b2", "W3", "b3"]}


def trained_weights(site_dir, name: str) -> dict[str, np.ndarray]:
    """The run's own weights (the original guide's in float64) from the build's run cache.

    The site fixture has just built the site, so the run for the current sources is cached;
    should another build have pruned it meanwhile, the exported weights stand in.
    """
    cached = cached_run(ROOT, ROOT / "docs", name)
    if cached.exists():
        with np.load(cached, allow_pickle=False) as run:
            return {k: run[k] for k in WEIGHTS[name]}
    decode = export.decode
    return {k: decode(v) for k, v in exported(site_dir, name)["arrays"].items()}


def nnlib_network(site_dir, name: str):
    """The network the page runs, rebuilt in nnlib with the trained weights."""
    weights = trained_weights(site_dir, name)
    if name == "guide":
        net = GuideNetwork(784, 64, 10, rng=0, dtype=np.float64)
    elif name == "beyond":
        net = Network([784, 128, 10], "relu", "softmax", "he", rng=0, dtype=np.float32)
    else:
        net = cnn(rng=0)  # float32, channels last: W1 (16, 5, 5, 1), ..., W3 (512, 10)
    for key, value in weights.items():
        net.params[key][...] = value
    return net


def dense_input(net, image: np.ndarray) -> np.ndarray:
    """What the CNN's last layer (dense) reads for one 28 x 28 image: (1, 512)."""
    out = image.reshape(1, 28, 28, 1).astype(np.float32)
    for layer in net.layers[:-1]:
        out = layer.forward(out)
    return out


@pytest.fixture(scope="module")
def mnist_test():
    _, _, X_test, y_test = load_mnist()
    return X_test, y_test


# --------------------------------------------------------------------------------------
# Driving the page
# --------------------------------------------------------------------------------------


def open_draw_page(browser, base: str, **options):
    page, watch = new_page(browser, base, **options)
    page.goto(base + "draw.html", wait_until="load")
    page.wait_for_selector(READY)
    return page, watch


def choose_network(page, name: str) -> None:
    page.check(f'input[name="nnlib-draw-network"][value="{name}"]')
    page.wait_for_selector(f'#nnlib-draw[data-ready="true"][data-network="{name}"]')


def next_frame(page) -> None:
    """Wait until the page has redrawn (it updates once per animation frame)."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def shown_outputs(page) -> list[float]:
    """The ten outputs the page shows, at full precision (each bar's data-p)."""
    return [float(p) for p in page.eval_on_selector_all("[data-draw=outputs] li", "rows => rows.map(r => r.dataset.p)")]


def canvas_to_page(page, points):
    """Canvas pixel coordinates (0..280) to page coordinates, wherever the canvas is."""
    box = page.locator("[data-draw=canvas]").bounding_box()
    scale = box["width"] / 280
    return [(box["x"] + x * scale, box["y"] + y * scale) for x, y in points]


def draw_with_mouse(page, points) -> None:
    (x, y), *rest = canvas_to_page(page, points)
    page.mouse.move(x, y)
    page.mouse.down()
    for x, y in rest:
        page.mouse.move(x, y)
    page.mouse.up()
    next_frame(page)


def draw_with_finger(page, points) -> None:
    """Touch events, as a finger on a phone makes them (through Chrome's DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    (x, y), *rest = canvas_to_page(page, points)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for x, y in rest:
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()
    next_frame(page)


def vertical_line(x=140, top=40, bottom=240, steps=25):
    return [(x, top + (bottom - top) * i / steps) for i in range(steps + 1)]


def ellipse(cx=140, cy=140, rx=60, ry=95, steps=60):
    return [
        (cx + rx * math.sin(2 * math.pi * i / steps), cy - ry * math.cos(2 * math.pi * i / steps))
        for i in range(steps + 1)
    ]


STROKES = {"1": vertical_line(), "0": ellipse()}


# --------------------------------------------------------------------------------------
# The exported files
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NETWORKS)
def test_exported_weights_are_the_trained_ones(site_dir, name):
    entry = exported(site_dir, name)
    weights = trained_weights(site_dir, name)
    decode = export.decode
    assert sorted(entry["arrays"]) == sorted(WEIGHTS[name])
    for key, value in weights.items():
        page_values = decode(entry["arrays"][key])
        assert page_values.shape == value.shape and page_values.dtype == np.float32
        assert np.array_equal(page_values, value.astype(np.float32))  # float32, bit for bit
    if name in DENSE:
        assert entry["sizes"] == [784, weights["W1"].shape[1], 10]
    else:  # the shape each layer hands on, as nnlib.conv.cnn computes it
        net = nnlib_network(site_dir, name)
        shapes, out = [], np.zeros((1, 28, 28, 1), np.float32)
        for layer in net.layers:
            shapes.append(list(out.shape[1:]))
            out = layer.forward(out)
        # what each layer hands on, counting a convolution and its ReLU as one
        wanted = [shape for shape, layer in zip(shapes, net.layers)
                  if not isinstance(layer, ReLU)] + [list(out.shape[1:])]
        assert entry["sizes"] == wanted
        assert {k: list(v.shape) for k, v in weights.items()} == {
            "W1": [16, 5, 5, 1], "b1": [16], "W2": [32, 5, 5, 16], "b2": [32],
            "W3": [512, 10], "b3": [1, 10]}
        assert f"{entry['epochs']} epochs" in entry["training"]
    assert 0.95 < entry["test_accuracy"] < 1.0


def test_the_cnn_entry_holds_its_weights_bit_for_bit():
    """Without a build: what draw.py writes for the "cnn" run, from a made-up run."""
    rng = np.random.default_rng(0)
    shapes = {"W1": (16, 5, 5, 1), "b1": (16,), "W2": (32, 5, 5, 16), "b2": (32,),
              "W3": (512, 10), "b3": (1, 10)}
    run = {k: rng.standard_normal(shape).astype(np.float32) for k, shape in shapes.items()}
    run["test_accuracy"] = np.array([0.9835, 0.9884, 0.991])
    entry = json.loads(json.dumps(export.network_entry("cnn", run)))  # as the page gets it
    assert sorted(entry["arrays"]) == sorted(shapes)
    for key, shape in shapes.items():
        decoded = export.decode(entry["arrays"][key])
        assert decoded.shape == shape and np.array_equal(decoded, run[key])
    assert entry["kind"] == "CNN" and entry["epochs"] == 3 and entry["test_accuracy"] == 0.991
    assert "3 epochs" in entry["training"] and "{" not in entry["training"]


def test_exported_test_digits_are_mnists(site_dir, mnist_test):
    X_test, y_test = mnist_test
    digits = exported(site_dir, "digits")
    indices = np.array(digits["indices"])
    pixels = export.decode(digits["pixels"])
    assert len(indices) == N_TEST_DIGITS and pixels.shape == (N_TEST_DIGITS, 784)
    assert np.array_equal(digits["labels"], y_test[indices])
    assert sorted(np.bincount(digits["labels"], minlength=10)) == [3] * 10
    assert np.array_equal(pixels, np.rint(X_test[indices] * 255))


# --------------------------------------------------------------------------------------
# Test digits: the page's outputs are nnlib's
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NETWORKS)
def test_test_digits_give_nnlibs_outputs(browser, server, site_dir, mnist_test, name):
    X_test, y_test = mnist_test
    net = nnlib_network(site_dir, name)
    page, watch = open_draw_page(browser, server)
    try:
        choose_network(page, name)
        seen, worst, right = [], 0.0, 0
        for _ in range(N_TEST_DIGITS):
            page.click("[data-draw=test-digit]")
            root = page.locator("#nnlib-draw")
            index = int(root.get_attribute("data-test-index"))
            state = page.evaluate("nnlibDraw.state()")
            pixels = X_test[index : index + 1]
            # the page feeds the 784 pixels exactly as MNIST has them
            assert state["source"] == "test" and state["network"] == name
            assert np.allclose(state["input"], pixels[0], rtol=0, atol=1e-7)
            expected = net.forward(pixels)[0]
            page_outputs = np.array(shown_outputs(page))
            difference = np.abs(page_outputs - expected).max()
            assert difference < TOLERANCE, (index, page_outputs, expected)
            worst = max(worst, difference)
            predicted = int(root.get_attribute("data-predicted"))
            assert predicted == int(expected.argmax())
            assert page.text_content("[data-draw=prediction]") == str(predicted)
            right += predicted == y_test[index]
            seen.append(index)
        assert len(set(seen)) == N_TEST_DIGITS  # each click showed another digit
        # measured: 29 right for the original guide's network, 30 for the other two
        assert right >= N_TEST_DIGITS - 3
        # docs/draw.md: "they must agree to 0.00001, and they do, to better than 0.000001"
        # (measured: about 3e-8 for Part 3's network, 3e-7 for the better one, 1e-7 for the CNN)
        assert worst < 1e-6
        assert watch.problems() == []
    finally:
        page.context.close()
    report = SCREENSHOTS.parent / "draw-agreement.json"
    measured = json.loads(report.read_text()) if report.exists() else {}
    measured[name] = {"digits": N_TEST_DIGITS, "max_abs_difference": worst, "right": int(right)}
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(json.dumps(measured, indent=2) + "\n")


# --------------------------------------------------------------------------------------
# Drawing: the page's 28 x 28 image is nnlib.tools.drawing's, and the digit is read
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("digit", sorted(STROKES))
def test_a_drawn_digit_is_prepared_like_mnist_and_read(browser, server, site_dir, digit):
    page, watch = open_draw_page(browser, server, viewport=DESKTOP)
    try:
        draw_with_mouse(page, STROKES[digit])
        state = page.evaluate("nnlibDraw.state()")
        ink = np.array(page.evaluate("nnlibDraw.ink()")).reshape(280, 280)
        image = np.array(state["input"]).reshape(28, 28)
        assert state["source"] == "drawing" and ink.sum() > 1000  # a real stroke, anti-aliased
        assert 0 < ink[ink > 0].min() < 1  # with grey edges
        # the same canvas through the Python version of the preprocessing
        expected = to_mnist(ink)
        assert np.abs(image - expected).max() < 1e-12
        top, bottom, left, right = bounding_box(image)
        assert max(bottom - top, right - left) == BOX
        assert all(13.5 <= c < 14.5 for c in centre_of_mass(image))
        # every network reads the digit, and its outputs are nnlib's for the same pixels
        for name in NETWORKS:
            choose_network(page, name)
            assert page.locator("#nnlib-draw").get_attribute("data-predicted") == digit, name
            net = nnlib_network(site_dir, name)
            expected = net.forward(image.reshape(1, 784))[0]
            assert np.abs(np.array(shown_outputs(page)) - expected).max() < TOLERANCE, name
            if name == "cnn":  # the panel shows the 512 numbers its dense layer reads
                features = np.array(page.evaluate("nnlibDraw.state()")["hidden"])
                dense = net.layers[-1]
                assert np.abs(features - dense_input(net, image)[0]).max() < TOLERANCE
                assert features.shape == (dense.W.shape[0],) == (512,)
                assert page.locator("[data-draw=hidden] .nnlib-draw__map").count() == 32
                assert page.locator("[data-draw=hidden] span").count() == 512
                title = page.text_content("[data-draw=hidden-title]")
                assert title == "What the dense layer reads"
            if name in ("guide", "cnn"):
                page.locator("#nnlib-draw").scroll_into_view_if_needed()
                suffix = "" if name == "guide" else f"-{name}"
                page.screenshot(path=SCREENSHOTS / f"draw-{digit}{suffix}.png")
        # without the preprocessing, the canvas is only shrunk, as nnlib.tools.drawing.shrink does
        page.uncheck("[data-draw=preprocess]")
        next_frame(page)
        shrunk = np.array(page.evaluate("nnlibDraw.state()")["input"]).reshape(28, 28)
        assert np.abs(shrunk - shrink(ink)).max() < 1e-12
        page.check("[data-draw=preprocess]")
        next_frame(page)
        page.click("[data-draw=clear]")
        assert page.evaluate("nnlibDraw.state()")["output"] is None
        assert page.text_content("[data-draw=prediction]") == "?"
        assert watch.problems() == []
    finally:
        page.context.close()


def test_a_small_digit_in_a_corner_is_read_too(browser, server):
    """The point of the preprocessing: size and place do not matter."""
    page, watch = open_draw_page(browser, server)
    try:
        draw_with_mouse(page, ellipse(cx=220, cy=60, rx=20, ry=32, steps=40))
        state = page.evaluate("nnlibDraw.state()")
        ink = np.array(page.evaluate("nnlibDraw.ink()")).reshape(280, 280)
        assert np.abs(np.array(state["input"]) - to_mnist(ink).ravel()).max() < 1e-12
        assert page.locator("#nnlib-draw").get_attribute("data-predicted") == "0"
        assert watch.problems() == []
    finally:
        page.context.close()


# --------------------------------------------------------------------------------------
# A phone, a finger; and the page opened from the file system
# --------------------------------------------------------------------------------------


def test_on_a_phone_a_finger_draws(browser, server):
    page, watch = open_draw_page(browser, server, viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        box = page.locator("[data-draw=canvas]").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]  # the whole pad shows
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.locator("[data-draw=canvas]").scroll_into_view_if_needed()
        scrolled = page.evaluate("window.scrollY")
        draw_with_finger(page, vertical_line())
        assert page.evaluate("window.scrollY") == scrolled  # drawing does not scroll the page
        state = page.evaluate("nnlibDraw.state()")
        ink = np.array(page.evaluate("nnlibDraw.ink()")).reshape(280, 280)
        assert state["source"] == "drawing" and ink.sum() > 1000
        assert np.abs(np.array(state["input"]) - to_mnist(ink).ravel()).max() < 1e-12
        assert page.locator("#nnlib-draw").get_attribute("data-predicted") == "1"
        # the answer shows right under the pad, on the same screen as the drawing
        page.evaluate("document.querySelector('.nnlib-draw__pad').scrollIntoView()")
        answer = page.locator("[data-draw=prediction]").bounding_box()
        assert answer["y"] + answer["height"] <= PHONE["height"]
        page.screenshot(path=SCREENSHOTS / "draw-phone.png")
        page.tap("[data-draw=test-digit]")
        assert page.locator("#nnlib-draw").get_attribute("data-source") == "test"
        assert watch.problems() == []
    finally:
        page.context.close()


def test_the_page_works_from_the_file_system(browser, site_dir):
    base = site_dir.as_uri() + "/"
    page, watch = open_draw_page(browser, base)
    try:
        page.click("[data-draw=test-digit]")
        assert page.locator("#nnlib-draw").get_attribute("data-test-index") == "0"
        assert page.text_content("[data-draw=prediction]") == "7"  # test digit 0 is a 7
        for name in ("beyond", "cnn"):
            choose_network(page, name)
            assert page.text_content("[data-draw=prediction]") == "7", name
        # The site's search index is another matter (it needs the offline plugin on file://).
        assert [p for p in watch.problems() if "search/" not in p] == []
    finally:
        page.context.close()
