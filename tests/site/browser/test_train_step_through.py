"""The "Step through one batch" page (docs/step-through.md) in Chromium: every step is nnlib's.

The page runs the training engine's helpers one at a time on the first four training digits
and the starting weights of GuideNetwork(rng=0); every array of every step, and the loss
before and after the update, must be nnlib's to 1e-12. The arrow keys and the buttons step
forward and back. Screenshot: test-artifacts/screenshots/step-through.png.
"""

from __future__ import annotations

import numpy as np

from figures import train_data as export
from nnlib import GuideNetwork, load_mnist, one_hot
from nnlib.activations import sigmoid_derivative
from nnlib.tools.site.pages import ROOT

from .support import PHONE, SCREENSHOTS, new_page

READY = '#nnlib-step-through[data-ready="true"]'
TOLERANCE = 1e-12


def nnlib_steps() -> list[tuple[str, object]]:
    """What each step of the page shows, computed with nnlib, in the page's order."""
    X_train, y_train, _, _ = load_mnist(dtype=np.float64)
    n = export.STEP_DIGITS
    X, Y = X_train[:n], one_hot(y_train[:n], dtype=np.float64)
    net = GuideNetwork(rng=export.STEP_SEED)
    W1, b1, W2, b2 = (w.copy() for w in net.params.values())
    output = net.forward(X)
    hidden = net.hidden
    before = net.loss(Y)
    net.backward(Y)
    net.update(export.STEP_LEARNING_RATE)
    after_output = net.forward(X).copy()
    after = net.loss(Y)
    return [
        ("X", X),
        ("Y", Y),
        ("X @ W1", X @ W1),
        ("X @ W1 + b1", X @ W1 + b1),
        ("hidden", hidden),
        ("hidden @ W2 + b2", hidden @ W2 + b2),
        ("output", output),
        ("loss", before),
        ("error", output - Y),
        ("d_output", net.d_output),
        ("slope", sigmoid_derivative(hidden)),
        ("d_output @ W2.T", net.d_output @ W2.T),
        ("d_hidden", net.d_hidden),
        ("dW2", net.dW2),
        ("db2", net.db2),
        ("dW1", net.dW1),
        ("db1", net.db1),
        ("W1", net.W1),
        ("W2", net.W2),
        ("output", after_output),
        ("loss", after),
    ]


def open_step_through(browser, base, **options):
    page, watch = new_page(browser, base, **options)
    page.goto(base + "step-through.html", wait_until="load")
    page.wait_for_selector(READY, timeout=30_000)
    return page, watch


def test_every_step_is_nnlibs(browser, server):
    expected = nnlib_steps()
    page, watch = open_step_through(browser, server)
    try:
        steps = page.evaluate("nnlibStepThrough.steps()")
        assert [s["name"] for s in steps] == [name for name, _ in expected]
        for k, (name, value) in enumerate(expected):
            shown = page.evaluate("k => nnlibStepThrough.values(k)", k)
            if np.isscalar(value):
                assert abs(shown - value) < TOLERANCE, name
            else:
                array = np.array(shown["data"]).reshape(shown["rows"], shown["cols"])
                assert array.shape == value.shape, name
                assert np.abs(array - value).max() < TOLERANCE, name
        state = page.evaluate("nnlibStepThrough.state()")
        assert state["lossAfter"] < state["lossBefore"]
        # the loss the page prints is the one its Python block prints (docs/step-through.md)
        page_text = (ROOT / "docs" / "step-through.md").read_text()
        assert f"loss before {state['lossBefore']:.6f}, after {state['lossAfter']:.6f}" in page_text
        assert watch.problems() == []
    finally:
        page.context.close()


def test_arrow_keys_and_buttons_step(browser, server):
    page, watch = open_step_through(browser, server)
    try:
        root = page.locator("#nnlib-step-through")
        assert root.get_attribute("data-step") == "0"
        assert page.is_disabled("[data-step=previous]")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        assert root.get_attribute("data-step") == "2"
        assert page.text_content("[data-step=python]") == "self.X @ self.W1"
        assert page.text_content("[data-step=shape]") == "X @ W1: shape (4, 64)"
        page.keyboard.press("ArrowLeft")
        assert root.get_attribute("data-step") == "1"
        count = page.evaluate("nnlibStepThrough.state().count")
        while page.is_enabled("[data-step=next]"):
            page.click("[data-step=next]")
        assert root.get_attribute("data-step") == str(count - 1)
        assert "after:" in page.text_content("[data-step=loss]")
        page.evaluate("nnlibStepThrough.show(15)")  # dW1: pixels with ink, and one row per pixel
        assert page.text_content("[data-step=shape]") == "dW1: shape (784, 64)"
        page.screenshot(path=SCREENSHOTS / "step-through.png", full_page=True)
        assert watch.problems() == []
    finally:
        page.context.close()


def test_step_through_fits_a_phone_and_works_from_the_file_system(browser, site_dir):
    base = site_dir.as_uri() + "/"
    page, watch = open_step_through(browser, base, viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.tap("[data-step=next]")
        assert page.locator("#nnlib-step-through").get_attribute("data-step") == "1"
        assert [p for p in watch.problems() if "search/" not in p] == []
    finally:
        page.context.close()
