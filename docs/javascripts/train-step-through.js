/*
 * "Step through one batch" (docs/step-through.md): four real digits through
 * the original guide's network, one operation at a time.
 *
 * Plain JavaScript written for this project, no library. The numbers come
 * from the training engine (docs/javascripts/train-engine.js), its helpers
 * called one at a time, on the starting weights of nnlib's
 * GuideNetwork(rng=0) and the first four training digits, exported at build
 * time by docs/figures/train_data.py (assets/train-data/step-through.js).
 * tests/site/browser/test_train_step_through.py checks them against nnlib.
 */
(function () {
  "use strict";

  const root = document.getElementById("nnlib-step-through");
  if (!root) return;
  const $ = (name) => root.querySelector(`[data-step="${name}"]`);
  const E = nnlibTrainEngine();
  const FIELD = 28;

  // ---------------------------------------------------------------------------
  // The data: the page's asset (base64, gzip for the pixels)
  // ---------------------------------------------------------------------------

  function loadAsset(name) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = root.dataset.assets + name + ".js";
      script.onload = () => resolve(self.nnlibTrainAssets[name]);
      script.onerror = () => reject(new Error(`could not load ${script.src}`));
      document.head.appendChild(script);
    });
  }

  const bytesOf = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

  async function unpack(entry) {
    const stream = new Blob([bytesOf(entry.gzip_base64)]).stream()
      .pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  function float64Matrix(entry) {
    const view = new DataView(bytesOf(entry.base64).buffer);
    const [rows, cols] = entry.shape;
    const M = new E.Matrix(rows, cols);
    for (let i = 0; i < rows * cols; i++) M.data[i] = view.getFloat64(8 * i, true);
    return M;
  }

  // ---------------------------------------------------------------------------
  // The batch, one operation at a time, with the engine's helpers
  // ---------------------------------------------------------------------------

  const copy = (A) => new E.Matrix(A.rows, A.cols, A.data.slice(0, A.rows * A.cols));
  const zeros = (rows, cols) => new E.Matrix(rows, cols);

  function lossOf(output, Y) {
    // nnlib.losses.mean_squared_error, as the engine's GuideNetwork.loss
    let sum = 0;
    for (let i = 0; i < output.data.length; i++) {
      const e = output.data[i] - Y.data[i];
      sum += e * e;
    }
    return (0.5 * sum) / output.rows;
  }

  function compute(asset, pixels) {
    const n = asset.count, lr = asset.learning_rate;
    const X = new E.Matrix(n, 784, Float64Array.from(pixels, (b) => b / 255));
    const Y = zeros(n, 10);
    asset.labels.forEach((label, i) => { Y.data[i * 10 + label] = 1; });
    const w = {};
    for (const name of ["W1", "b1", "W2", "b2"]) w[name] = float64Matrix(asset.weights[name]);

    // forward (nnlib/guide.py, GuideNetwork.forward)
    const XW1 = E.matmul(X, w.W1, zeros(n, 64));
    const z1 = E.add(copy(XW1), w.b1);
    const hidden = E.sigmoid(copy(z1));
    const HW2 = E.matmul(hidden, w.W2, zeros(n, 10));
    const z2 = E.add(copy(HW2), w.b2);
    const output = E.sigmoid(copy(z2));
    const lossBefore = lossOf(output, Y);
    // backward (GuideNetwork.backward)
    const error = E.subtract(output, Y, zeros(n, 10));
    const outputSlope = E.sigmoidDerivative(output, zeros(n, 10));
    const d_output = E.multiply(error, outputSlope, zeros(n, 10));
    const slope = E.sigmoidDerivative(hidden, zeros(n, 64));
    const back = E.matmul(d_output, w.W2.T, zeros(n, 64));
    const d_hidden = E.multiply(back, slope, zeros(n, 64));
    const dW2 = E.divide(E.matmul(hidden.T, d_output, zeros(64, 10)), n);
    const db2 = E.divide(E.sumRows(d_output, zeros(1, 10)), n);
    const dW1 = E.divide(E.matmul(X.T, d_hidden, zeros(784, 64)), n);
    const db1 = E.divide(E.sumRows(d_hidden, zeros(1, 64)), n);
    // update (GuideNetwork.update)
    const after = {};
    for (const [name, grad] of [["W1", dW1], ["b1", db1], ["W2", dW2], ["b2", db2]]) {
      after[name] = copy(w[name]);
      E.subtractScaled(after[name], lr, grad);
    }
    // the same four digits again, with the new weights: the engine's network
    const net = new E.GuideNetwork(784, 64, 10, n);
    for (const [name, W] of Object.entries(net.params)) W.data.set(after[name].data);
    net.forward(X);
    const lossAfter = net.loss(Y);
    const outputAfter = copy(net.output);

    const S = (part, python, js, name, value, note) =>
      ({ part, python, js, name, value, note });
    return {
      n, lr, lossBefore, lossAfter, labels: asset.labels, X,
      steps: [
        S("The batch", "X = X_train[:4]  # four digits, pixels 0..1", "",
          "X", X, "Four real training digits, one row of 784 pixels each (most are 0: no ink)."),
        S("The batch", "Y = one_hot(y_train[:4])", "",
          "Y", Y, "The targets: a 1 in the column of each digit's label."),
        S("Forward", "self.X @ self.W1", "matmul(X, W1)",
          "X @ W1", XW1, "Each hidden neuron's weighted sum of the 784 pixels, per digit."),
        S("Forward", "self.X @ self.W1 + self.b1", "add(..., b1)",
          "X @ W1 + b1", z1, "Plus the biases, one per neuron (all 0 before any training)."),
        S("Forward", "self.hidden = sigmoid(self.X @ self.W1 + self.b1)", "sigmoid(...)",
          "hidden", hidden, "Squashed into (0, 1): the hidden layer's outputs."),
        S("Forward", "self.hidden @ self.W2 + self.b2", "add(matmul(hidden, W2), b2)",
          "hidden @ W2 + b2", z2, "The output neurons' weighted sums: ten per digit."),
        S("Forward", "self.output = sigmoid(self.hidden @ self.W2 + self.b2)", "sigmoid(...)",
          "output", output, "The ten outputs per digit. The largest is the network's answer."),
        S("The error", "loss = mean_squared_error(self.output, Y)", "net.loss(Y)",
          "loss", lossBefore, "Half the squared error, summed over the outputs, averaged over the four digits."),
        S("Backward", "error = self.output - Y", "subtract(output, Y)",
          "error", error, "The original guide's error: positive where an output is too high."),
        S("Backward", "self.d_output = error * sigmoid_derivative(self.output)",
          "multiply(error, sigmoidDerivative(output))",
          "d_output", d_output, "Per example: the error times the output sigmoid's slope a (1 - a)."),
        S("Backward", "slope = sigmoid_derivative(self.hidden)", "sigmoidDerivative(hidden)",
          "slope", slope, "The hidden sigmoids' slopes, at most 0.25."),
        S("Backward", "self.d_output @ self.W2.T", "matmul(d_output, W2.T)",
          "d_output @ W2.T", back, "The error sent back to each hidden neuron through its ten weights."),
        S("Backward", "self.d_hidden = (self.d_output @ self.W2.T) * slope",
          "multiply(..., slope)",
          "d_hidden", d_hidden, "Per example, times the hidden slope: each hidden neuron's share."),
        S("Backward", "self.dW2 = self.hidden.T @ self.d_output / n",
          "divide(matmul(hidden.T, d_output), n)",
          "dW2", dW2, "Summed over the four digits, divided by n = 4: the batch-averaged gradient."),
        S("Backward", "self.db2 = self.d_output.sum(axis=0, keepdims=True) / n",
          "divide(sumRows(d_output), n)", "db2", db2, "The output biases' gradient."),
        S("Backward", "self.dW1 = self.X.T @ self.d_hidden / n",
          "divide(matmul(X.T, d_hidden), n)",
          "dW1", dW1, "One row per pixel: a pixel with no ink in any of the four digits gets 0."),
        S("Backward", "self.db1 = self.d_hidden.sum(axis=0, keepdims=True) / n",
          "divide(sumRows(d_hidden), n)", "db1", db1, "The hidden biases' gradient."),
        S("Update", "self.W1 -= learning_rate * self.dW1", "subtractScaled(W1, lr, dW1)",
          "W1", after.W1, `Every weight moves against its gradient, times ${lr}.`),
        S("Update", "self.W2 -= learning_rate * self.dW2  # and b1, b2",
          "subtractScaled(W2, lr, dW2)",
          "W2", after.W2, "The output layer's weights, and the biases, the same way."),
        S("Again", "self.output = self.forward(X)  # the new weights",
          "net.forward(X)", "output", outputAfter,
          "The same four digits through the updated network."),
        S("Again", "loss = mean_squared_error(self.output, Y)", "net.loss(Y)",
          "loss", lossAfter, "Lower than before the update: one step of gradient descent."),
      ],
    };
  }

  // ---------------------------------------------------------------------------
  // Showing one step
  // ---------------------------------------------------------------------------

  let batch = null;
  let index = 0;

  // The entries shown of an array: all four digits' rows for (4, m) arrays;
  // for the (784, m) ones, a few pixels where the first digit has ink
  function shownRows(A) {
    if (A.rows === batch.n) return Array.from({ length: A.rows }, (_, i) => i);
    if (A.rows === 784) return batch.inkPixels;
    return Array.from({ length: Math.min(A.rows, 4) }, (_, i) => i);
  }

  function shownColumns(A) {
    if (A.cols === 784) return batch.inkPixels; // X: the same pixels
    return Array.from({ length: Math.min(A.cols, 10) }, (_, j) => j);
  }

  function rowLabel(A, i) {
    if (A.rows === batch.n) return `digit ${i + 1} (a ${batch.labels[i]})`;
    if (A.rows === 784) return `pixel ${i} (row ${Math.floor(i / FIELD)}, column ${i % FIELD})`;
    return `row ${i}`;
  }

  function table(A) {
    const rows = shownRows(A), cols = shownColumns(A);
    const t = document.createElement("table");
    const head = t.createTHead().insertRow();
    head.insertCell().textContent = "";
    for (const j of cols) {
      const th = document.createElement("th");
      th.textContent = A.cols === 784 ? `px ${j}` : `[:, ${j}]`;
      head.appendChild(th);
    }
    if (cols.length < A.cols) head.appendChild(document.createElement("th")).textContent = "…";
    const body = t.createTBody();
    for (const i of rows) {
      const tr = body.insertRow();
      const th = document.createElement("th");
      th.textContent = rowLabel(A, i);
      tr.appendChild(th);
      for (const j of cols) {
        const value = A.data[i * A.cols + j];
        const cell = tr.insertCell();
        cell.textContent = format(value);
        cell.dataset.value = String(value);
        if (value > 0) cell.classList.add("nnlib-step__positive");
        if (value < 0) cell.classList.add("nnlib-step__negative");
      }
      if (cols.length < A.cols) tr.insertCell().textContent = "…";
    }
    if (rows.length < A.rows) {
      const tr = body.insertRow();
      tr.insertCell().textContent = "…";
    }
    return t;
  }

  function format(v) {
    if (v === 0) return "0";
    const a = Math.abs(v);
    return a >= 0.001 && a < 1000 ? v.toFixed(4) : v.toExponential(2);
  }

  function show(k) {
    index = Math.max(0, Math.min(batch.steps.length - 1, k));
    const step = batch.steps[index];
    $("counter").textContent = `Step ${index + 1} of ${batch.steps.length}: ${step.part}`;
    $("python").textContent = step.python;
    $("js").textContent = step.js ? `JavaScript: ${step.js}` : "";
    $("note").textContent = step.note;
    const values = $("values");
    if (typeof step.value === "number") {
      $("shape").textContent = `${step.name}: a number`;
      const p = document.createElement("p");
      p.className = "nnlib-step__scalar";
      p.textContent = step.value.toFixed(6);
      p.dataset.value = String(step.value);
      values.replaceChildren(p);
    } else {
      const A = step.value;
      $("shape").textContent = `${step.name}: shape (${A.rows}, ${A.cols})`;
      values.replaceChildren(table(A));
    }
    $("loss").textContent =
      `Loss before the update: ${batch.lossBefore.toFixed(6)}` +
      (index >= batch.steps.length - 1
        ? `; after: ${batch.lossAfter.toFixed(6)}.`
        : "; after: step to the end to see it.");
    $("previous").disabled = index === 0;
    $("next").disabled = index === batch.steps.length - 1;
    root.dataset.step = String(index);
  }

  function drawDigits() {
    const holder = $("digits");
    holder.replaceChildren();
    for (let i = 0; i < batch.n; i++) {
      const figure = document.createElement("figure");
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = FIELD;
      const ctx = canvas.getContext("2d");
      const image = ctx.createImageData(FIELD, FIELD);
      for (let p = 0; p < FIELD * FIELD; p++) {
        // dark ink on white, as the site's digit figures (gray_r)
        const shade = Math.round(255 * (1 - batch.X.data[i * 784 + p]));
        image.data.set([shade, shade, shade, 255], 4 * p);
      }
      ctx.putImageData(image, 0, 0);
      const caption = document.createElement("figcaption");
      caption.textContent = `digit ${i + 1}: a ${batch.labels[i]}`;
      figure.append(canvas, caption);
      holder.appendChild(figure);
    }
  }

  $("previous").addEventListener("click", () => show(index - 1));
  $("next").addEventListener("click", () => show(index + 1));
  document.addEventListener("keydown", (event) => {
    if (!batch || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest && event.target.closest("input, textarea, select")) return;
    if (event.key === "ArrowRight") show(index + 1);
    else if (event.key === "ArrowLeft") show(index - 1);
    else return;
    event.preventDefault();
  });

  // For the tests and the curious, in the browser's console
  window.nnlibStepThrough = {
    state: () => ({
      index, count: batch.steps.length, name: batch.steps[index].name,
      lossBefore: batch.lossBefore, lossAfter: batch.lossAfter,
    }),
    values: (k) => {
      const v = batch.steps[k].value;
      return typeof v === "number"
        ? v
        : { rows: v.rows, cols: v.cols, data: Array.from(v.data) };
    },
    steps: () => batch.steps.map((s) => ({ name: s.name, python: s.python, part: s.part })),
    show,
  };

  loadAsset("step-through")
    .then(async (asset) => {
      const pixels = await unpack(asset.pixels);
      batch = compute(asset, pixels);
      // the pixels shown for the (784, m) arrays: the first digit's inkiest,
      // nearest the centre
      const ink = [];
      for (let p = 0; p < 784; p++) if (batch.X.data[p] > 0.9) ink.push(p);
      const centre = (p) => Math.abs(Math.floor(p / FIELD) - 14) + Math.abs((p % FIELD) - 14);
      batch.inkPixels = ink.sort((a, b) => centre(a) - centre(b)).slice(0, 4).sort((a, b) => a - b);
      drawDigits();
      show(0);
      root.dataset.ready = "true";
    })
    .catch((error) => {
      $("counter").textContent = `The page could not start: ${error.message}`;
      root.dataset.ready = "error";
    });
})();
