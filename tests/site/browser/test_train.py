"""The "Train it in your browser" page (docs/train.md) in Chromium: the page trains as nnlib does.

- One training step of the page's engine (docs/javascripts/train-engine.js), on a batch of real
  digits from the same starting weights, gives nnlib's weights to 1e-9 (float64 in both).
- One epoch on the page's 10,000 digits, from nnlib's starting weights and in nnlib's batch
  order (the test hands the page the permutation that ``nnlib.train`` draws), gives nnlib's test
  accuracy on the page's 2,000 test digits to within half a percentage point. This run goes
  through the page's own Web Worker.
- Speed: an epoch of 10,000 digits with 64 hidden neurons, timed in the page, next to nnlib
  doing the same work (printed and saved to test-artifacts/train-speed.json; not asserted).
- Pause answers within 200 ms mid-epoch; absurd settings get a message; a diverging run stops
  and says so; the downloaded .npz is what nnlib.load_weights reads; a drawn digit is read
  with the weights just trained; the page works from file:// (its worker too).

Screenshots: test-artifacts/screenshots/train-*.png.
"""

from __future__ import annotations

import json
import os
import time

import numpy as np
import pytest

from figures import train_data as export
from nnlib import GuideNetwork, load_weights, one_hot
from nnlib.metrics import accuracy
from nnlib.tools.drawing import to_mnist
from nnlib.train import train

from .support import DESKTOP, PHONE, SCREENSHOTS, new_page

READY = '#nnlib-train[data-ready="true"]'
STEP_TOLERANCE = 1e-9  # the issue's: one step's weights, page against nnlib
EPOCH_TOLERANCE = 0.005  # the issue's: half a percentage point of test accuracy
PAUSE_MS = 200  # the issue's: the worker stops within 200 ms of a click on Pause
ARTIFACTS = SCREENSHOTS.parent


def record(name: str, values: dict) -> None:
    """Add measured values to test-artifacts/train-measured.json (for the closing note)."""
    report = ARTIFACTS / "train-measured.json"
    measured = json.loads(report.read_text()) if report.exists() else {}
    measured[name] = values
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(json.dumps(measured, indent=2) + "\n")


# --------------------------------------------------------------------------------------
# The exported digits, as nnlib reads them
# --------------------------------------------------------------------------------------


def exported(site_dir, name: str) -> dict:
    return export.read_script((site_dir / "assets" / "train-data" / f"{name}.js").read_text())


@pytest.fixture(scope="module")
def digits(site_dir):
    """The page's digits: pixels as nnlib.load_mnist makes them (byte / 255), and labels."""
    found = {}
    for name in ("train", "test"):
        entry = exported(site_dir, name)
        pixels = export.decode_bytes(entry["pixels"])
        found[name] = (np.divide(pixels, 255, dtype=np.float64), np.array(entry["labels"]))
    return found


def test_exported_digits_are_mnists_first(site_dir, digits):
    from nnlib import load_mnist

    X_train, y_train, X_test, y_test = load_mnist(flatten=True, dtype=np.float64)
    X, y = digits["train"]
    assert X.shape == (export.N_TRAIN, 784) and np.array_equal(X, X_train[: export.N_TRAIN])
    assert np.array_equal(y, y_train[: export.N_TRAIN])
    X, y = digits["test"]
    assert X.shape == (export.N_TEST, 784) and np.array_equal(X, X_test[: export.N_TEST])
    assert np.array_equal(y, y_test[: export.N_TEST])
    sizes = {name: (site_dir / "assets" / "train-data" / f"{name}.js").stat().st_size
             for name in ("train", "test")}
    raw = export.N_TRAIN * 784
    assert sizes["train"] < 2_500_000 < raw / 3  # gzip then base64: about 2.2 MB
    record("asset-bytes", {**sizes, "train-raw-pixel-bytes": raw})


# --------------------------------------------------------------------------------------
# Driving the page
# --------------------------------------------------------------------------------------


def open_train_page(browser, base: str, **options):
    page, watch = new_page(browser, base, **options)
    page.goto(base + "train.html", wait_until="load")
    page.wait_for_selector(READY, timeout=30_000)
    return page, watch


def wait_for_state(page, *states, timeout=60_000):
    page.wait_for_function(
        "states => states.includes(nnlibTrain.state().state)", arg=list(states), timeout=timeout
    )
    return page.evaluate("nnlibTrain.state()")


def settings(**changes):
    values = {"hidden": 64, "learningRate": 0.5, "batchSize": 64, "epochs": 1, "seed": 1}
    return {**values, **changes}


def flat(weights: dict) -> dict:
    return {name: np.asarray(w, dtype=np.float64).ravel().tolist() for name, w in weights.items()}


# --------------------------------------------------------------------------------------
# Agreement with nnlib
# --------------------------------------------------------------------------------------

ONE_STEP_JS = """
([pixels, labels, weights, lr]) => {
  const E = nnlibTrain.engine;
  const digits = new E.Digits(Uint8Array.from(pixels), labels, 784);
  const order = labels.map((_, i) => i);
  const settings = {hidden: weights.b1.length, learningRate: lr,
                    batchSize: labels.length, epochs: 1, seed: 0};
  const trainer = new E.Trainer(digits, null, settings, {weights, orders: [order]});
  const loss = trainer.step();
  const out = {loss};
  for (const [name, W] of Object.entries(trainer.net.params)) out[name] = Array.from(W.data);
  return out;
}
"""


def test_one_step_gives_nnlibs_weights(browser, server, digits):
    X, y = digits["train"]
    batch = slice(100, 105)  # five real digits
    net = GuideNetwork(784, 64, 10, rng=3)
    start = {name: w.copy() for name, w in net.params.items()}
    pixels = np.rint(X[batch] * 255).astype(int).ravel().tolist()
    page, watch = open_train_page(browser, server)
    try:
        result = page.evaluate(ONE_STEP_JS, [pixels, y[batch].tolist(), flat(start), 0.5])
        assert watch.problems() == []
    finally:
        page.context.close()
    Y = one_hot(y[batch], dtype=np.float64)
    net.forward(X[batch])
    loss = net.loss(Y)
    net.backward(Y)
    net.update(0.5)
    assert abs(result["loss"] - loss) < STEP_TOLERANCE
    worst = 0.0
    for name, w in net.params.items():
        page_w = np.array(result[name]).reshape(w.shape)
        assert np.abs(page_w - start[name]).max() > 1e-4  # the step moved every array
        worst = max(worst, float(np.abs(page_w - w).max()))
    assert worst < STEP_TOLERANCE
    record("one-step", {"digits": 5, "max_abs_weight_difference": worst,
                        "loss_difference": abs(result["loss"] - loss)})


def test_one_epoch_gives_nnlibs_test_accuracy(browser, server, digits):
    """Through the page's own worker, from nnlib's starting weights, in nnlib's batch order."""
    X, y = digits["train"]
    X_test, y_test = digits["test"]
    seed = 1
    net = GuideNetwork(784, 64, 10, rng=0)
    start = flat(net.params)
    order = np.random.default_rng(seed).permutation(len(X))  # what train() draws for epoch 1
    history = train(net, X, one_hot(y, dtype=np.float64), epochs=1, batch_size=64, rng=seed,
                    X_test=X_test, y_test=y_test, progress=False)
    page, watch = open_train_page(browser, server)
    try:
        page.evaluate("([s, o]) => nnlibTrain.start(s, o)",
                      [settings(seed=seed), {"weights": start, "orders": [order.tolist()]}])
        state = wait_for_state(page, "done", "error")
        assert state["state"] == "done" and state["trainer"] == "worker"
        weights = page.evaluate("nnlibTrain.weights()")
        assert watch.problems() == []
    finally:
        page.context.close()
    page_accuracy = state["history"]["testAccuracy"][0]
    nnlib_accuracy = history.test_accuracy[0]
    assert abs(page_accuracy - nnlib_accuracy) <= EPOCH_TOLERANCE
    assert abs(state["history"]["loss"][0] - history.loss[0]) < 1e-6
    worst = max(float(np.abs(np.array(weights[k]).reshape(w.shape) - w).max())
                for k, w in net.params.items())
    record("one-epoch", {"page_test_accuracy": page_accuracy,
                         "nnlib_test_accuracy": nnlib_accuracy,
                         "page_loss": state["history"]["loss"][0], "nnlib_loss": history.loss[0],
                         "max_abs_weight_difference": worst})


def test_speed_of_an_epoch(browser, server, digits):
    """A benchmark, not a timed assertion: seconds per epoch in Chromium, and nnlib's."""
    X, y = digits["train"]
    page, watch = open_train_page(browser, server)
    try:
        runs = []
        for _ in range(2):
            page.evaluate("s => nnlibTrain.start(s)", settings())
            state = wait_for_state(page, "done", "error")
            assert state["state"] == "done"
            runs.append((state["runningSeconds"], state["busySeconds"]))
        engine_only = page.evaluate("""() => {
          const E = nnlibTrain.engine, d = nnlibTrain.digits().train;
          const digits = new E.Digits(d.pixels, d.labels, 784);
          const t = new E.Trainer(digits, null, {hidden: 64, learningRate: 0.5,
                                  batchSize: 64, epochs: 1, seed: 1});
          const start = performance.now();
          t.run(Infinity);
          return (performance.now() - start) / 1000;
        }""")
        assert watch.problems() == []
    finally:
        page.context.close()
    Y = one_hot(y, dtype=np.float64)
    nnlib_seconds = []
    for _ in range(2):
        net = GuideNetwork(784, 64, 10, rng=0)
        begin = time.perf_counter()
        train(net, X, Y, epochs=1, batch_size=64, rng=1, progress=False)
        nnlib_seconds.append(time.perf_counter() - begin)
    wall, busy = min(runs)
    measured = {
        "page_seconds_per_epoch_with_charts_and_tests": wall,
        "worker_busy_seconds": busy,
        "engine_only_seconds_main_thread": engine_only,
        "page_examples_per_second": len(X) / wall,
        "nnlib_seconds_per_epoch": min(nnlib_seconds),
        "nnlib_examples_per_second": len(X) / min(nnlib_seconds),
        "load_average_1_min": os.getloadavg()[0],  # other work on the machine slows both
    }
    record("speed", measured)
    print("\n" + json.dumps(measured, indent=2))


# --------------------------------------------------------------------------------------
# The controls
# --------------------------------------------------------------------------------------


def test_pause_stops_the_worker_within_200_ms(browser, server):
    page, watch = open_train_page(browser, server)
    try:
        page.fill("[data-train=epochs]", "6")  # long enough not to end before the click
        page.click("[data-train=start]")
        page.wait_for_function("nnlibTrain.state().examplesSeen > 25000", timeout=60_000)
        page.screenshot(path=SCREENSHOTS / "train-midway.png", full_page=True)
        page.click("[data-train=pause]")
        state = wait_for_state(page, "paused", timeout=5_000)
        assert state["pauseLatency"] < PAUSE_MS, state["pauseLatency"]
        seen = state["examplesSeen"]
        assert 0 < seen < state["totalExamples"]
        page.wait_for_timeout(300)
        assert page.evaluate("nnlibTrain.state().examplesSeen") == seen  # it really stopped
        assert page.text_content("[data-train=pause]") == "Resume"
        assert page.is_enabled("[data-train=download]")
        page.click("[data-train=pause]")  # resume
        page.wait_for_function(f"nnlibTrain.state().examplesSeen > {seen}", timeout=10_000)
        page.click("[data-train=reset]")
        assert page.evaluate("nnlibTrain.state().state") == "idle"
        assert page.evaluate("nnlibTrain.state().examplesSeen") == 0
        assert watch.problems() == []
    finally:
        page.context.close()
    record("pause", {"latency_ms": state["pauseLatency"], "examples_seen": seen})


def test_without_a_worker_the_page_trains_in_its_own_thread(browser, server):
    """Where no worker can start, the engine runs in the page, a few milliseconds at a time."""
    page, watch = open_train_page(browser, server)
    try:
        page.evaluate("nnlibTrain.useMainThread()")
        page.wait_for_function("nnlibTrain.state().trainer === 'page'")
        wait_for_state(page, "idle")
        page.click("[data-train=start]")
        page.wait_for_function("nnlibTrain.state().examplesSeen > 2000", timeout=60_000)
        page.click("[data-train=pause]")  # the page answers clicks while it trains
        state = wait_for_state(page, "paused", timeout=5_000)
        assert state["pauseLatency"] < PAUSE_MS, state["pauseLatency"]
        assert watch.problems() == []
    finally:
        page.context.close()


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("learning-rate", "100", "far too large"),
        ("learning-rate", "0", "above 0"),
        ("hidden", "0", "Hidden size must be a whole number"),
        ("batch-size", "20000", "cannot be larger"),
        ("epochs", "", "Epochs must be a whole number"),
    ],
)
def test_absurd_settings_get_a_message(browser, server, field, value, words):
    page, watch = open_train_page(browser, server)
    try:
        page.fill(f"[data-train={field}]", value)
        page.click("[data-train=start]")
        message = page.locator("[data-train=message]")
        assert message.is_visible() and words in message.text_content()
        assert page.evaluate("nnlibTrain.state().state") == "idle"  # nothing started
        page.fill(f"[data-train={field}]", {"learning-rate": "0.5", "hidden": "8"}.get(field, "1"))
        page.click("[data-train=start]")  # the page still answers
        assert not message.is_visible()
        wait_for_state(page, "running", "done")
        assert watch.problems() == []
    finally:
        page.context.close()


def test_a_diverging_run_stops_and_says_so(browser, server):
    """A run whose loss is not a number stops with the message of nnlib's TrainingDiverged.

    The page's controls refuse learning rates large enough to diverge, so the run is forced:
    first-layer weights of +inf on even pixels and -inf on odd ones, so that neighbouring
    inked pixels add inf - inf, NaN, on the first batch.
    """
    page, watch = open_train_page(browser, server)
    try:
        page.evaluate("""s => {
          const W1 = Array.from({length: 784 * 64},
                                (_, i) => (Math.floor(i / 64) % 2 ? -Infinity : Infinity));
          const weights = {W1, b1: new Array(64).fill(0), W2: new Array(640).fill(0.1),
                           b2: new Array(10).fill(0)};
          nnlibTrain.start(s, {weights});
        }""", settings())
        state = wait_for_state(page, "error")
        message = page.text_content("[data-train=message]")
        assert "diverged at epoch 1, batch 1" in message and "NaN" in message
        assert state["error"]["kind"] == "TrainingDiverged"
        assert watch.problems() == []
    finally:
        page.context.close()


# --------------------------------------------------------------------------------------
# The trained network: download, and a drawn digit
# --------------------------------------------------------------------------------------


def vertical_line(x=140, top=40, bottom=240, steps=25):
    return [(x, top + (bottom - top) * i / steps) for i in range(steps + 1)]


def draw_on_pad(page, points):
    box = page.locator("[data-train=pad]").bounding_box()
    scale = box["width"] / 280
    (x, y), *rest = [(box["x"] + px * scale, box["y"] + py * scale) for px, py in points]
    page.mouse.move(x, y)
    page.mouse.down()
    for x, y in rest:
        page.mouse.move(x, y)
    page.mouse.up()
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def test_download_loads_in_nnlib_and_a_drawn_digit_is_read(browser, server, digits, tmp_path):
    X_test, y_test = digits["test"]
    page, watch = open_train_page(browser, server)
    try:
        page.fill("[data-train=epochs]", "2")
        page.click("[data-train=start]")
        state = wait_for_state(page, "done", "error")
        assert state["state"] == "done"
        weights = page.evaluate("nnlibTrain.weights()")
        W1_start = np.array(page.evaluate("nnlibTrain.initialW1()"))
        with page.expect_download() as info:
            page.click("[data-train=download]")
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(path)
        draw_on_pad(page, vertical_line())
        drawn = np.array(page.evaluate("nnlibTrain.drawingInput()"))
        ink = np.array(page.evaluate("""() => {
          const c = document.querySelector('[data-train=pad]');
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          return Array.from({length: c.width * c.height}, (_, i) => d[4 * i + 3] / 255);
        }""")).reshape(280, 280)
        shown = [float(p) for p in page.eval_on_selector_all(
            "[data-train=outputs] li", "rows => rows.map(r => r.dataset.p)")]
        predicted = page.text_content("[data-train=prediction]")
        page.locator("[data-train=pad]").scroll_into_view_if_needed()
        page.screenshot(path=SCREENSHOTS / "train-drawn.png", full_page=True)
        assert watch.problems() == []
    finally:
        page.context.close()
    assert path.name == "nnlib-trained-in-the-browser.npz"
    net = load_weights(path)
    assert repr(net) == "GuideNetwork(784-64-10, sigmoid, float64)"
    for name, w in net.params.items():
        assert np.array_equal(w.ravel(), np.array(weights[name]))  # bit for bit
    # docs/train.md: "after a few epochs they are still mostly the original guide's random
    # starting numbers": what 2 epochs changed is smaller than where the weights started
    learned = net.W1.ravel() - W1_start
    assert learned.std() < W1_start.std() / 2
    # "pixels near the border keep them unchanged": blank in all the training digits
    X_train, _ = digits["train"]
    blank = X_train.max(axis=0) == 0
    assert blank.sum() > 0 and np.all(learned.reshape(784, -1)[blank] == 0)
    test_accuracy = accuracy(y_test, net.predict(X_test))
    assert test_accuracy == pytest.approx(state["history"]["testAccuracy"][-1], abs=1e-12)
    # the drawing goes through the draw page's preprocessing, then the trained network
    assert np.abs(drawn - to_mnist(ink).ravel()).max() < 1e-12
    expected = net.forward(drawn[None, :])[0]
    assert np.abs(np.array(shown) - expected).max() < 1e-12
    assert predicted == str(int(expected.argmax()))


# --------------------------------------------------------------------------------------
# From the file system, and on a phone
# --------------------------------------------------------------------------------------


def test_the_page_trains_from_the_file_system(browser, site_dir):
    base = site_dir.as_uri() + "/"
    page, watch = open_train_page(browser, base)
    try:
        load_seconds = float(page.locator("#nnlib-train").get_attribute("data-load-seconds"))
        page.click("[data-train=start]")
        page.wait_for_function("nnlibTrain.state().examplesSeen > 1000", timeout=30_000)
        assert page.evaluate("nnlibTrain.state().trainer") == "worker"  # a Blob URL worker
        page.click("[data-train=pause]")
        wait_for_state(page, "paused", timeout=5_000)
        assert [p for p in watch.problems() if "search/" not in p] == []
    finally:
        page.context.close()
    record("file-url", {"digits_load_seconds": load_seconds})


def test_the_page_fits_a_phone(browser, server):
    page, watch = open_train_page(browser, server, viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.tap("[data-train=start]")
        page.wait_for_function("nnlibTrain.state().examplesSeen > 3000", timeout=60_000)
        page.tap("[data-train=pause]")
        wait_for_state(page, "paused", timeout=5_000)
        page.screenshot(path=SCREENSHOTS / "train-phone.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert watch.problems() == []
    finally:
        page.context.close()
