/*
 * "Train it in your browser" (docs/train.md): the page around the engine.
 *
 * Plain JavaScript written for this project, no library. The training itself
 * is docs/javascripts/train-engine.js, run in a Web Worker made from its
 * source text (a Blob URL, which Chromium accepts even on a page opened from
 * file://); if no worker can start, the same engine runs in the page's own
 * thread, a few milliseconds at a time, so the page still answers clicks.
 * This file: loading the digits, the controls, the live charts, the hidden
 * neurons' weights, the drawing pad and the .npz download.
 * tests/site/browser/test_train.py drives it.
 */
(function () {
  "use strict";

  const root = document.getElementById("nnlib-train");
  if (!root) return;
  const $ = (name) => root.querySelector(`[data-train="${name}"]`);
  const engine = nnlibTrainEngine();
  const N_INPUTS = 784;
  const FIELD = 28;
  const MAX_SHOWN = 64; // hidden neurons whose weights are drawn

  // ---------------------------------------------------------------------------
  // The digits: assets/train-data/{train,test}.js (docs/figures/train_data.py)
  // ---------------------------------------------------------------------------

  const assetsBase = root.dataset.assets;

  function loadAsset(name) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = assetsBase + name + ".js";
      script.onload = () => resolve(self.nnlibTrainAssets[name]);
      script.onerror = () => reject(new Error(`could not load ${script.src}`));
      document.head.appendChild(script);
    });
  }

  // base64 -> gzipped bytes -> MNIST's bytes (0..255), with the browser's own
  // gzip (DecompressionStream)
  async function unpack(entry) {
    if (typeof DecompressionStream === "undefined") {
      throw new Error("this browser cannot unpack the digits (no DecompressionStream)");
    }
    const packed = Uint8Array.from(atob(entry.gzip_base64), (c) => c.charCodeAt(0));
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  async function loadDigits(name) {
    const entry = await loadAsset(name);
    return { pixels: await unpack(entry.pixels), labels: entry.labels, nInputs: N_INPUTS };
  }

  // ---------------------------------------------------------------------------
  // The trainer: a Web Worker, or the page's own thread
  // ---------------------------------------------------------------------------

  function workerTrainer() {
    const source =
      '"use strict";\n' + nnlibTrainEngine.toString() +
      "\nnnlibTrainEngine().serve(self);\n";
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    const worker = new Worker(url); // throws where workers are not allowed
    return {
      kind: "worker",
      post: (message) => worker.postMessage(message),
      listen: (handler, failed) => {
        worker.onmessage = (event) => handler(event.data);
        worker.onerror = (event) => {
          event.preventDefault();
          failed(event.message || "the worker stopped");
        };
      },
      stop: () => worker.terminate(),
    };
  }

  function pageTrainer() {
    // a stand-in for the worker's `self`: messages go both ways asynchronously
    let handler = null;
    const scope = {
      postMessage: (message) => setTimeout(() => handler && handler(message), 0),
      onmessage: null,
    };
    engine.serve(scope, (f) => setTimeout(f, 0));
    return {
      kind: "page",
      post: (message) => setTimeout(() => scope.onmessage({ data: message }), 0),
      listen: (h) => { handler = h; },
      stop: () => { handler = null; },
    };
  }

  let trainer = null;
  let data = null; // {train, test}: the decoded digits

  function connect(preferWorker) {
    if (trainer) trainer.stop();
    trainer = null;
    if (preferWorker) {
      try {
        trainer = workerTrainer();
      } catch (error) {
        trainer = null;
      }
    }
    if (!trainer) trainer = pageTrainer();
    root.dataset.trainer = trainer.kind;
    trainer.listen(receive, (why) => {
      // a worker that fails at the start: the page's own thread takes over
      if (trainer && trainer.kind === "worker") {
        showMessage(`The training runs in the page itself (${why}).`, "note");
        connect(false);
        sendData();
      }
    });
  }

  function sendData() {
    trainer.post({ type: "data", train: data.train, test: data.test });
  }

  // ---------------------------------------------------------------------------
  // State and messages from the trainer
  // ---------------------------------------------------------------------------

  const run = {
    state: "loading", // loading, idle, running, paused, done, error
    settings: null,
    examplesSeen: 0,
    totalExamples: 0,
    batchLosses: [], // every batch's loss, in order
    batchSize: 1,
    tests: [], // [examples seen, test accuracy]
    history: null,
    weights: null, // the latest {W1, b1, W2, b2}, Float64Arrays
    runningSeconds: 0, // wall-clock time spent running, pauses excluded
    runningSince: null,
    pauseRequested: null, // performance.now() of the last click on Pause
    pauseLatency: null, // milliseconds from that click to the trainer's answer
  };
  let network = null; // the engine's GuideNetwork with the latest weights

  function setState(state) {
    run.state = state;
    root.dataset.state = state;
    const busy = state === "running" || state === "paused";
    $("start").disabled = state === "loading";
    $("pause").disabled = !busy;
    $("pause").textContent = state === "paused" ? "Resume" : "Pause";
    $("reset").disabled = state === "loading";
    $("download").disabled = !run.weights || state === "running";
    for (const input of root.querySelectorAll("[data-train=settings] input")) {
      input.disabled = busy;
    }
  }

  function clock() {
    const now = performance.now();
    if (run.runningSince !== null) {
      run.runningSeconds += (now - run.runningSince) / 1000;
      run.runningSince = run.state === "running" ? now : null;
    }
  }

  function receive(m) {
    if (m.type === "ready") {
      root.dataset.ready = "true";
      setState("idle");
      $("status").textContent =
        `Ready: ${m.nTrain.toLocaleString("en")} training digits and ` +
        `${m.nTest.toLocaleString("en")} test digits loaded.`;
      return;
    }
    if (m.type === "invalid") {
      showMessage(m.problems.join(" "), "error");
      setState(run.weights ? "done" : "idle");
      return;
    }
    if (m.type === "reset") return;
    // progress, paused, done: of this run only (not of one reset since)
    if (m.runId !== run.id) return;
    run.examplesSeen = m.examplesSeen;
    run.totalExamples = m.totalExamples;
    run.batchSize = m.batchSize;
    for (const loss of m.batchLosses) run.batchLosses.push(loss);
    for (const test of m.tests) run.tests.push(test);
    run.history = m.history;
    run.epoch = m.epoch;
    run.busySeconds = m.busySeconds;
    if (m.weights) useWeights(m.weights);
    if (m.type === "paused") {
      clock();
      run.runningSince = null;
      if (run.pauseRequested !== null) {
        run.pauseLatency = performance.now() - run.pauseRequested;
        run.pauseRequested = null;
      }
      setState("paused");
    } else if (m.type === "done") {
      clock();
      run.runningSince = null;
      if (m.error) {
        showMessage(m.error.message, "error");
        run.error = m.error;
        setState("error");
      } else {
        setState("done");
      }
    }
    clock();
    scheduleDraw();
  }

  function useWeights(weights) {
    if (!run.initialW1) run.initialW1 = weights.W1.slice(); // the run's start
    run.weights = weights;
    const hidden = weights.b1.length;
    if (!network || network.b1.cols !== hidden) {
      network = new engine.GuideNetwork(N_INPUTS, hidden, 10, 1);
    }
    for (const [name, W] of Object.entries(network.params)) W.data.set(weights[name]);
    pad.predict();
  }

  function showMessage(text, kind) {
    const box = $("message");
    box.textContent = text;
    box.dataset.kind = kind || "";
    box.hidden = !text;
  }

  // ---------------------------------------------------------------------------
  // The controls
  // ---------------------------------------------------------------------------

  function readSettings() {
    const number = (name) => {
      const text = $(name).value.trim();
      return text === "" ? NaN : Number(text);
    };
    return {
      hidden: number("hidden"),
      learningRate: number("learning-rate"),
      batchSize: number("batch-size"),
      epochs: number("epochs"),
      seed: number("seed"),
    };
  }

  function start(settings, options) {
    const problems = engine.checkSettings(settings, data.train.labels.length);
    if (problems.length) {
      showMessage(problems.join(" "), "error");
      root.dataset.invalid = "true";
      return false;
    }
    root.dataset.invalid = "false";
    showMessage("", "");
    Object.assign(run, {
      settings, examplesSeen: 0, totalExamples: settings.epochs * data.train.labels.length,
      batchLosses: [], tests: [], history: null, weights: null, error: null,
      initialW1: null, runningSeconds: 0, runningSince: performance.now(), pauseRequested: null,
      pauseLatency: null, epoch: 0,
    });
    run.id = (run.id || 0) + 1;
    setState("running");
    trainer.post({ type: "start", runId: run.id, settings, options: options || {} });
    scheduleDraw();
    return true;
  }

  function pause() {
    if (run.state === "running") {
      run.pauseRequested = performance.now();
      trainer.post({ type: "pause" });
    } else if (run.state === "paused") {
      run.runningSince = performance.now();
      setState("running");
      trainer.post({ type: "resume" });
    }
  }

  function reset() {
    trainer.post({ type: "reset" });
    run.id = (run.id || 0) + 1; // messages of the old run are ignored
    Object.assign(run, {
      examplesSeen: 0, totalExamples: 0, batchLosses: [], tests: [], history: null,
      weights: null, initialW1: null, runningSeconds: 0, runningSince: null, error: null,
    });
    network = null;
    showMessage("", "");
    setState("idle");
    pad.clear();
    scheduleDraw();
  }

  $("start").addEventListener("click", () => start(readSettings()));
  $("pause").addEventListener("click", pause);
  $("reset").addEventListener("click", reset);
  $("download").addEventListener("click", download);
  $("show-change").addEventListener("change", scheduleDraw);
  root.querySelector("[data-train=settings]").addEventListener("submit", (event) => {
    event.preventDefault();
    start(readSettings());
  });

  // ---------------------------------------------------------------------------
  // Drawing: progress, curves, weights (at most once per animation frame)
  // ---------------------------------------------------------------------------

  let drawPending = false;
  function scheduleDraw() {
    if (drawPending) return;
    drawPending = true;
    requestAnimationFrame(() => {
      drawPending = false;
      drawProgress();
      drawLossChart();
      drawAccuracyChart();
      drawWeights();
    });
  }

  function examplesPerSecond() {
    const seconds = run.runningSeconds +
      (run.runningSince !== null ? (performance.now() - run.runningSince) / 1000 : 0);
    return seconds > 0 ? run.examplesSeen / seconds : 0;
  }

  function drawProgress() {
    const bar = $("progress");
    bar.max = Math.max(run.totalExamples, 1);
    bar.value = run.examplesSeen;
    if (run.state === "idle" || run.state === "loading") return;
    const n = data.train.labels.length;
    // the epoch under way (or just finished, at its last example)
    const epoch = Math.max(1, Math.ceil(run.examplesSeen / n));
    const rate = Math.round(examplesPerSecond());
    const last = run.tests.length ? run.tests[run.tests.length - 1][1] : null;
    const words = {
      running: "Training", paused: "Paused", done: "Done", error: "Stopped",
    }[run.state];
    $("status").textContent =
      `${words}: epoch ${epoch} of ${run.settings.epochs}, ` +
      `${run.examplesSeen.toLocaleString("en")} of ` +
      `${run.totalExamples.toLocaleString("en")} examples, ` +
      `${rate.toLocaleString("en")} examples per second` +
      (last !== null ? `; test accuracy ${(100 * last).toFixed(1)}%.` : ".");
    root.dataset.examplesPerSecond = String(examplesPerSecond());
  }

  // ---- the two charts: the project's own canvas code

  function colours() {
    const style = getComputedStyle(root);
    return {
      ink: style.getPropertyValue("--md-default-fg-color").trim() || "#222",
      muted: style.getPropertyValue("--md-default-fg-color--lighter").trim() || "#aaa",
      accent: style.getPropertyValue("--md-primary-fg-color").trim() || "#3f51b5",
    };
  }

  // A canvas the size it is shown at, sharp on high-density screens
  function prepare(canvas) {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 320, height = canvas.clientHeight || 200;
    if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
    if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    return { ctx, width, height };
  }

  // Axes with a few ticks; returns the functions from data to pixels
  function axes(ctx, width, height, xMax, yMax, yTicks, yFormat, xLabel) {
    const c = colours();
    const left = 44, right = 12, top = 10, bottom = 34;
    const x = (v) => left + ((width - left - right) * v) / xMax;
    const y = (v) => height - bottom - ((height - top - bottom) * v) / yMax;
    ctx.font = "11px sans-serif";
    ctx.fillStyle = c.ink;
    ctx.strokeStyle = c.muted;
    ctx.lineWidth = 1;
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const t of yTicks) {
      ctx.beginPath();
      ctx.moveTo(left, y(t));
      ctx.lineTo(width - right, y(t));
      ctx.stroke();
      ctx.fillText(yFormat(t), left - 4, y(t));
    }
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    const step = niceStep(xMax / 4);
    for (let t = 0; t <= xMax + 1e-9; t += step) {
      // the last label ends at its tick, so that it is not cut off
      ctx.textAlign = x(t) > width - right - 20 ? "right" : "center";
      ctx.fillText(t.toLocaleString("en"), x(t), height - bottom + 4);
    }
    ctx.textAlign = "center";
    ctx.fillText(xLabel, (left + width - right) / 2, height - 14);
    return { x, y };
  }

  function niceStep(raw) {
    const power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw) return m * power;
    return 10 * power;
  }

  function drawLossChart() {
    const { ctx, width, height } = prepare($("loss-chart"));
    const losses = run.batchLosses;
    const xMax = Math.max(run.totalExamples, 1);
    const finite = losses.filter(Number.isFinite);
    const yMax = Math.max(0.1, Math.ceil(10 * Math.max(0.5, ...finite.slice(0, 50))) / 10);
    const ticks = [];
    for (let t = 0; t <= yMax + 1e-9; t += yMax / 4) ticks.push(t);
    const { x, y } = axes(ctx, width, height, xMax, yMax, ticks, (t) => t.toFixed(2),
      "examples seen");
    if (!losses.length) return;
    // the mean loss of the batches falling in each pixel column
    const c = colours();
    ctx.strokeStyle = c.accent;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    const size = run.batchSize, total = data.train.labels.length;
    let column = -1, sum = 0, count = 0, seen = 0, first = true;
    const flush = () => {
      if (!count) return;
      const px = x(seen), py = y(Math.min(sum / count, yMax));
      if (first) ctx.moveTo(px, py); else ctx.lineTo(px, py);
      first = false;
      sum = 0;
      count = 0;
    };
    for (let i = 0; i < losses.length; i++) {
      // the batch's size: the last of each epoch may be smaller
      const within = seen % total;
      seen += Math.min(size, total - within);
      const col = Math.floor(x(seen));
      if (col !== column) {
        flush();
        column = col;
      }
      if (Number.isFinite(losses[i])) {
        sum += losses[i];
        count++;
      }
    }
    flush();
    ctx.stroke();
  }

  function drawAccuracyChart() {
    const { ctx, width, height } = prepare($("accuracy-chart"));
    const xMax = Math.max(run.totalExamples, 1);
    const { x, y } = axes(ctx, width, height, xMax, 1, [0, 0.25, 0.5, 0.75, 1],
      (t) => `${Math.round(100 * t)}%`, "examples seen");
    const c = colours();
    ctx.strokeStyle = c.accent;
    ctx.fillStyle = c.accent;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    run.tests.forEach(([seen, accuracy], i) => {
      if (i === 0) ctx.moveTo(x(seen), y(accuracy));
      else ctx.lineTo(x(seen), y(accuracy));
    });
    ctx.stroke();
    for (const [seen, accuracy] of run.tests) {
      ctx.beginPath();
      ctx.arc(x(seen), y(accuracy), 2.5, 0, 2 * Math.PI);
      ctx.fill();
    }
  }

  // ---- the hidden neurons' weights: each column of W1 as a 28 x 28 image,
  // red positive, blue negative, white 0 (as the figure on Part 3's pages)

  const BLUE = [33, 102, 172], WHITE = [247, 247, 247], RED = [178, 24, 43];

  function shade(t) {
    // t in [-1, 1] -> a colour between blue, white and red
    const [from, to, s] = t < 0 ? [WHITE, BLUE, -t] : [WHITE, RED, t];
    return from.map((f, i) => Math.round(f + (to[i] - f) * Math.min(s, 1)));
  }

  const SHADES = Array.from({ length: 257 }, (_, i) => shade((i - 128) / 128));

  function drawWeights() {
    const canvas = $("weights");
    const ctx = canvas.getContext("2d");
    if (!run.weights) {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      $("weights-caption").textContent = "";
      return;
    }
    // what each neuron has learned: its weights minus where they started;
    // or, unticked, the weights themselves
    const change = $("show-change").checked && run.initialW1;
    const W1 = change
      ? run.weights.W1.map((w, i) => w - run.initialW1[i])
      : run.weights.W1;
    const hidden = run.weights.b1.length;
    const shown = Math.min(hidden, MAX_SHOWN);
    const columns = Math.min(shown, 8), rows = Math.ceil(shown / columns);
    const cell = FIELD + 1;
    canvas.width = columns * cell - 1;
    canvas.height = rows * cell - 1;
    canvas.style.setProperty("--columns", columns);
    // one colour scale for all: the 99.5th percentile of the weights' sizes,
    // estimated from every 7th weight (sorting them all would slow training)
    const sizes = [];
    for (let k = 0; k < N_INPUTS; k++) {
      for (let h = (k % 7); h < shown; h += 7) sizes.push(Math.abs(W1[k * hidden + h]));
    }
    sizes.sort((a, b) => a - b);
    let limit = sizes[Math.floor(0.995 * (sizes.length - 1))];
    if (!(limit > 0 && Number.isFinite(limit))) limit = 1; // blown-up weights
    const image = ctx.createImageData(canvas.width, canvas.height);
    image.data.fill(0);
    for (let h = 0; h < shown; h++) {
      const ox = (h % columns) * cell, oy = Math.floor(h / columns) * cell;
      for (let k = 0; k < N_INPUTS; k++) {
        const w = W1[k * hidden + h];
        const t = Number.isNaN(w) ? 0 : Math.max(-1, Math.min(1, w / limit));
        const colour = SHADES[Math.round(128 + 128 * t)];
        const px = ox + (k % FIELD), py = oy + Math.floor(k / FIELD);
        const at = 4 * (py * canvas.width + px);
        image.data[at] = colour[0];
        image.data[at + 1] = colour[1];
        image.data[at + 2] = colour[2];
        image.data[at + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);
    $("weights-caption").textContent =
      (change ? "The change of each weight since the start. " : "The weights. ") +
      (shown < hidden ? `The first ${shown} of ${hidden} hidden neurons. ` : "") +
      `Red +${limit.toFixed(3)} or more, blue -${limit.toFixed(3)} or less.`;
  }

  // ---------------------------------------------------------------------------
  // Draw a digit with the weights just trained (the draw page's preprocessing,
  // docs/javascripts/draw.js)
  // ---------------------------------------------------------------------------

  const pad = (function () {
    const canvas = $("pad");
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    const drawing = window.nnlibDrawing;
    let down = false, last = null, input = null, pending = false;

    function point(event) {
      const rect = canvas.getBoundingClientRect();
      return [
        ((event.clientX - rect.left) * canvas.width) / rect.width,
        ((event.clientY - rect.top) * canvas.height) / rect.height,
      ];
    }
    function strokeTo(p) {
      ctx.strokeStyle = drawing.INK;
      ctx.lineWidth = drawing.STROKE_WIDTH;
      ctx.lineCap = "round";
      ctx.lineJoin = "round";
      ctx.beginPath();
      ctx.moveTo(...(last || p));
      ctx.lineTo(...p);
      ctx.stroke();
      last = p;
    }
    function read() {
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const ink = new drawing.Matrix(canvas.height, canvas.width);
      for (let i = 0; i < ink.data.length; i++) ink.data[i] = pixels[4 * i + 3] / 255;
      input = drawing.toMnist(ink).data;
      predict();
    }
    function schedule() {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        read();
      });
    }
    canvas.addEventListener("pointerdown", (event) => {
      event.preventDefault();
      canvas.setPointerCapture(event.pointerId);
      down = true;
      last = null;
      strokeTo(point(event));
      schedule();
    });
    canvas.addEventListener("pointermove", (event) => {
      if (!down) return;
      event.preventDefault();
      const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [event];
      for (const e of events) strokeTo(point(e));
      schedule();
    });
    for (const type of ["pointerup", "pointercancel"]) {
      canvas.addEventListener(type, () => {
        down = false;
        last = null;
        schedule();
      });
    }

    function predict() {
      const outputs = $("outputs");
      const blank = !input || input.every((v) => v === 0);
      let output = null;
      if (network && !blank) {
        const X = new engine.Matrix(1, N_INPUTS, Float64Array.from(input));
        output = Array.from(network.forward(X).data.subarray(0, 10));
      }
      const best = output ? output.indexOf(Math.max(...output)) : -1;
      $("prediction").textContent = output ? String(best) : "?";
      root.dataset.predicted = output ? String(best) : "";
      outputs.replaceChildren(...Array.from({ length: 10 }, (_, d) => {
        const item = document.createElement("li");
        item.dataset.p = output ? String(output[d]) : "";
        item.classList.toggle("nnlib-train__best", d === best);
        item.textContent = `${d}: ${output ? output[d].toFixed(3) : "–"}`;
        return item;
      }));
      $("pad-hint").textContent = !network
        ? "Train the network first (or pause it): then draw here."
        : blank
          ? "Draw a digit here."
          : "Your drawing, read by the network as it is now.";
      return output;
    }

    function clear() {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      input = null;
      predict();
    }

    $("clear").addEventListener("click", clear);
    return { predict, clear, input: () => input };
  })();

  // ---------------------------------------------------------------------------
  // Download the weights as .npz, the format nnlib.load_weights reads: a zip
  // of .npy files (stored, not compressed), as np.savez writes it
  // ---------------------------------------------------------------------------

  // --8<-- [start:npz]
  // One .npy file: a header describing the array, then its bytes
  function npy(descr, shape, body) {
    const dims = shape.length === 1 ? `${shape[0]},` : shape.join(", ");
    let header =
      `{'descr': '${descr}', 'fortran_order': False, 'shape': (${dims}), }`;
    // magic, version, header length, header: padded to a multiple of 64
    const unpadded = 10 + header.length + 1;
    header += " ".repeat((64 - (unpadded % 64)) % 64) + "\n";
    const out = new Uint8Array(10 + header.length + body.length);
    out.set([0x93, 78, 85, 77, 80, 89, 1, 0]); // \x93NUMPY, version 1.0
    new DataView(out.buffer).setUint16(8, header.length, true);
    for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
    out.set(body, 10 + header.length);
    return out;
  }

  function float64Bytes(values) {
    const bytes = new Uint8Array(8 * values.length);
    const view = new DataView(bytes.buffer);
    values.forEach((v, i) => view.setFloat64(8 * i, v, true)); // little-endian
    return bytes;
  }

  // A 0-d NumPy string ('<U'): UTF-32, little-endian
  function unicodeBytes(text) {
    const codes = Array.from(text, (c) => c.codePointAt(0));
    const bytes = new Uint8Array(4 * codes.length);
    const view = new DataView(bytes.buffer);
    codes.forEach((code, i) => view.setUint32(4 * i, code, true));
    return { descr: `<U${codes.length}`, bytes };
  }

  const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });

  function crc32(bytes) {
    let c = 0xffffffff;
    for (let i = 0; i < bytes.length; i++) {
      c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    }
    return (c ^ 0xffffffff) >>> 0;
  }

  // A zip archive of {name: bytes}, every entry stored as it is
  function zip(files) {
    const parts = [], central = [];
    let offset = 0;
    for (const [name, body] of Object.entries(files)) {
      const nameBytes = new TextEncoder().encode(name);
      const crc = crc32(body);
      const local = new DataView(new ArrayBuffer(30));
      local.setUint32(0, 0x04034b50, true); // local file header
      local.setUint16(4, 20, true); // version needed: 2.0
      local.setUint16(8, 0, true); // method 0: stored
      local.setUint16(12, 33, true); // date: 1980-01-01
      local.setUint32(14, crc, true);
      local.setUint32(18, body.length, true);
      local.setUint32(22, body.length, true);
      local.setUint16(26, nameBytes.length, true);
      parts.push(new Uint8Array(local.buffer), nameBytes, body);
      const entry = new DataView(new ArrayBuffer(46));
      entry.setUint32(0, 0x02014b50, true); // central directory entry
      entry.setUint16(4, 20, true);
      entry.setUint16(6, 20, true);
      entry.setUint16(14, 33, true);
      entry.setUint32(16, crc, true);
      entry.setUint32(20, body.length, true);
      entry.setUint32(24, body.length, true);
      entry.setUint16(28, nameBytes.length, true);
      entry.setUint32(42, offset, true);
      central.push(new Uint8Array(entry.buffer), nameBytes);
      offset += 30 + nameBytes.length + body.length;
    }
    const size = central.reduce((total, part) => total + part.length, 0);
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true); // end of central directory
    end.setUint16(8, central.length / 2, true);
    end.setUint16(10, central.length / 2, true);
    end.setUint32(12, size, true);
    end.setUint32(16, offset, true);
    return new Blob([...parts, ...central, new Uint8Array(end.buffer)],
      { type: "application/zip" });
  }

  // What nnlib.save_weights writes: W1, b1, W2, b2 and the __config__ string
  function weightsFile(weights) {
    const hidden = weights.b1.length;
    const shapes = {
      W1: [N_INPUTS, hidden], b1: [1, hidden], W2: [hidden, 10], b2: [1, 10],
    };
    const files = {};
    for (const [name, shape] of Object.entries(shapes)) {
      files[`${name}.npy`] = npy("<f8", shape, float64Bytes(weights[name]));
    }
    const config = JSON.stringify({
      class: "GuideNetwork", n_inputs: N_INPUTS, n_hidden: hidden,
      n_outputs: 10, dtype: "float64",
    });
    const text = unicodeBytes(config);
    files["__config__.npy"] = npy(text.descr, [], text.bytes);
    return zip(files);
  }
  // --8<-- [end:npz]

  function download() {
    if (!run.weights) return;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(weightsFile(run.weights));
    link.download = "nnlib-trained-in-the-browser.npz";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  // ---------------------------------------------------------------------------
  // For the tests and the curious, in the browser's console
  // ---------------------------------------------------------------------------

  window.nnlibTrain = {
    engine,
    start, // start(settings, {weights, orders}) skips the form
    pause,
    reset,
    state: () => ({
      state: run.state,
      trainer: trainer && trainer.kind,
      examplesSeen: run.examplesSeen,
      totalExamples: run.totalExamples,
      history: run.history,
      tests: run.tests,
      batchLosses: run.batchLosses.length,
      runningSeconds: run.runningSeconds,
      busySeconds: run.busySeconds,
      pauseLatency: run.pauseLatency,
      error: run.error,
    }),
    weights: () => run.weights &&
      Object.fromEntries(Object.entries(run.weights).map(([k, v]) => [k, Array.from(v)])),
    digits: () => data,
    initialW1: () => run.initialW1 && Array.from(run.initialW1),
    // train in the page's own thread, as where no worker can start
    useMainThread: () => {
      connect(false);
      sendData();
    },
    predictDrawing: () => pad.predict(),
    drawingInput: () => pad.input() && Array.from(pad.input()),
  };

  // ---------------------------------------------------------------------------
  // Start: load the digits, start the trainer
  // ---------------------------------------------------------------------------

  setState("loading");
  const loadStarted = performance.now();
  Promise.all([loadDigits("train"), loadDigits("test")]).then(
    ([train, test]) => {
      data = { train, test };
      root.dataset.loadSeconds = String((performance.now() - loadStarted) / 1000);
      connect(true);
      sendData();
    },
    (error) => {
      $("status").textContent = `The page could not start: ${error.message}`;
      root.dataset.ready = "error";
    }
  );
  window.addEventListener("resize", scheduleDraw);
})();
