/*
 * "Draw a digit" (docs/draw.md): the networks trained for this site, running
 * in the page.
 *
 * Plain JavaScript written for this project, no library. Three parts:
 *   1. a tiny matrix type and the forward pass, written to mirror nnlib line
 *      by line (nnlib/guide.py, nnlib/network.py, nnlib/layers.py,
 *      nnlib/activations.py), and the convolutional network of nnlib/conv.py;
 *   2. the MNIST preprocessing of a drawing, mirroring nnlib/tools/drawing.py
 *      function by function;
 *   3. the page: the canvas, the buttons, and what is shown.
 * The trained weights and the test digits come from assets/draw/*.js, written
 * at build time by docs/figures/draw.py (script files, so the page also works
 * from file://).
 * tests/site/browser/test_draw.py checks that this code gives nnlib's numbers.
 */
(function () {
  "use strict";

  // ---------------------------------------------------------------------------
  // 1. Matrices and the forward pass
  // ---------------------------------------------------------------------------

  // A matrix is `rows` x `cols` numbers stored row by row, like a 2-D NumPy
  // array. JavaScript numbers are float64: the arithmetic below is done in
  // double precision.
  class Matrix {
    constructor(rows, cols, data) {
      this.rows = rows;
      this.cols = cols;
      this.data = data || new Float64Array(rows * cols);
    }
  }

  // --8<-- [start:helpers]
  // A @ B: (n, k) @ (k, m) -> (n, m)
  function matmul(A, B) {
    const C = new Matrix(A.rows, B.cols);
    for (let i = 0; i < A.rows; i++) {
      for (let k = 0; k < A.cols; k++) {
        const a = A.data[i * A.cols + k];
        // most pixels of a digit are 0: skip their row of B
        if (a === 0) continue;
        for (let j = 0; j < B.cols; j++) {
          C.data[i * C.cols + j] += a * B.data[k * B.cols + j];
        }
      }
    }
    return C;
  }

  // A + b, where b is one row (1, m) added to every row of A, as NumPy
  // broadcasts it
  function add(A, b) {
    const C = new Matrix(A.rows, A.cols);
    for (let i = 0; i < A.rows; i++) {
      for (let j = 0; j < A.cols; j++) {
        C.data[i * A.cols + j] = A.data[i * A.cols + j] + b.data[j];
      }
    }
    return C;
  }

  // f applied to every element, like a NumPy ufunc
  function map(A, f) {
    return new Matrix(A.rows, A.cols, A.data.map(f));
  }
  // --8<-- [end:helpers]

  // --8<-- [start:sigmoid]
  function sigmoid(Z) {
    return map(Z, (z) => {
      const e = Math.exp(-Math.abs(z)); // exp of a number <= 0: never overflows
      return z >= 0 ? 1 / (1 + e) : e / (1 + e);
    });
  }
  // --8<-- [end:sigmoid]

  // --8<-- [start:relu]
  function relu(Z) {
    return map(Z, (z) => Math.max(z, 0));
  }
  // --8<-- [end:relu]

  // --8<-- [start:softmax]
  function softmax(Z) {
    const out = new Matrix(Z.rows, Z.cols);
    for (let i = 0; i < Z.rows; i++) {
      // one row of scores
      const z = Z.data.subarray(i * Z.cols, (i + 1) * Z.cols);
      const max = Math.max(...z);
      // z - z.max(axis=-1, keepdims=True)
      const shifted = z.map((v) => v - max);
      // np.exp(shifted): at most exp(0) = 1
      const e = shifted.map((v) => Math.exp(v));
      const sum = e.reduce((total, v) => total + v, 0);
      // e / e.sum(axis=-1, keepdims=True)
      out.data.set(e.map((v) => v / sum), i * Z.cols);
    }
    return out;
  }
  // --8<-- [end:softmax]

  class GuideNetwork {
    constructor({ W1, b1, W2, b2 }) {
      this.W1 = W1; // (784, 64)
      this.b1 = b1; // (1, 64)
      this.W2 = W2; // (64, 10)
      this.b2 = b2; // (1, 10)
    }

    // --8<-- [start:guide-forward]
    forward(X) {
      this.X = X; // (n, 784)
      // (n, 784) @ (784, 64) -> (n, 64)
      this.hidden = sigmoid(add(matmul(this.X, this.W1), this.b1));
      // (n, 64) @ (64, 10) -> (n, 10)
      this.output = sigmoid(add(matmul(this.hidden, this.W2), this.b2));
      return this.output;
    }
    // --8<-- [end:guide-forward]
  }

  // --8<-- [start:layers]
  class Linear {
    constructor(W, b) {
      this.W = W; // (fan_in, fan_out)
      this.b = b; // (1, fan_out)
    }

    forward(x) {
      this.x = x;
      // (n, fan_in) @ (fan_in, fan_out) -> (n, fan_out)
      return add(matmul(x, this.W), this.b);
    }
  }

  class ReLU {
    forward(x) {
      return relu(x); // (nnlib also keeps x > 0 here, for the backward pass)
    }
  }
  // --8<-- [end:layers]

  class Network {
    constructor(linears, activation, output) {
      this.linears = linears;
      this.layers = [];
      for (const linear of linears.slice(0, -1)) {
        this.layers.push(
          linear,
          activation === "relu" ? new ReLU() : { forward: sigmoid }
        );
      }
      this.layers.push(linears[linears.length - 1]);
      this.outputKind = output;
    }

    // --8<-- [start:network-forward]
    forward(X) {
      let out = X; // JavaScript numbers are float64: no dtype to convert
      for (const layer of this.layers) {
        out = layer.forward(out);
      }
      this.scores = out; // the last layer's raw outputs (logits)
      this.output = this.outputKind === "softmax" ? softmax(out) : sigmoid(out);
      return this.output;
    }
    // --8<-- [end:network-forward]
  }

  // ---------------------------------------------------------------------------
  // The convolutional network (nnlib/conv.py): it reads the digit as an image
  // ---------------------------------------------------------------------------

  // --8<-- [start:cnn-image]
  // One image: height x width pixels of `channels` numbers each, stored
  // "channels last" like nnlib's (n, height, width, channels) arrays, so
  // the numbers of pixel (r, s) start at data[(r * width + s) * channels].
  // As a Matrix it is (height * width, channels): one row per pixel.
  class Image extends Matrix {
    constructor(height, width, channels, data) {
      super(height * width, channels, data);
      this.height = height;
      this.width = width;
      this.channels = channels;
    }
  }
  // --8<-- [end:cnn-image]

  // --8<-- [start:cnn-layers]
  // Every kernel x kernel patch of x as one row of a matrix, in nnlib's
  // order (patch row, patch column, channel), as nnlib.conv.im2col does:
  // then one matrix product applies every filter to every patch.
  function im2col(x, kernel) {
    const oh = x.height - kernel + 1, ow = x.width - kernel + 1;
    const width = kernel * x.channels; // one row of a patch, all channels
    const cols = new Matrix(oh * ow, kernel * width);
    for (let r = 0; r < oh; r++) {
      for (let s = 0; s < ow; s++) {
        const row = (r * ow + s) * cols.cols; // the patch at pixel (r, s)
        for (let a = 0; a < kernel; a++) {
          // channels last: a row of the patch lies side by side in x
          const start = ((r + a) * x.width + s) * x.channels;
          cols.data.set(
            x.data.subarray(start, start + width), row + a * width
          );
        }
      }
    }
    return cols;
  }

  // A convolution, "valid" (the filter never hangs over the edge), stride 1:
  // the same few weights look for their pattern at every place.
  // W is nnlib's (filters, kernel, kernel, channels) read as the matrix
  // (filters, kernel * kernel * channels): one filter per row.
  function conv2d(x, W, b) {
    // a row of W holds kernel * kernel * channels weights
    const kernel = Math.round(Math.sqrt(W.cols / x.channels));
    const cols = im2col(x, kernel); // (oh * ow, kernel * kernel * channels)
    // (oh * ow, k * k * c) @ (k * k * c, filters) -> (oh * ow, filters):
    // one row per output pixel, one column per filter, i.e. channels last
    const out = add(matmul(cols, transpose(W)), b);
    const oh = x.height - kernel + 1, ow = x.width - kernel + 1;
    return new Image(oh, ow, W.rows, out.data);
  }

  // The page's relu works on matrices; this keeps an image an image
  function reluImage(x) {
    return new Image(x.height, x.width, x.channels, relu(x).data);
  }

  // Each 2 x 2 block of each channel becomes its largest value: a filter's
  // strongest answer nearby, so a stroke moved by a pixel changes little,
  // and the image is a quarter of the size for the next layer. An odd last
  // row or column is left out, as in nnlib (and PyTorch).
  function maxPool2x2(x) {
    const h = Math.floor(x.height / 2), w = Math.floor(x.width / 2);
    const out = new Image(h, w, x.channels);
    const at = (r, s, ch) => x.data[(r * x.width + s) * x.channels + ch];
    for (let r = 0; r < h; r++) {
      for (let s = 0; s < w; s++) {
        for (let ch = 0; ch < x.channels; ch++) {
          out.data[(r * w + s) * x.channels + ch] = Math.max(
            at(2 * r, 2 * s, ch), at(2 * r, 2 * s + 1, ch),
            at(2 * r + 1, 2 * s, ch), at(2 * r + 1, 2 * s + 1, ch)
          );
        }
      }
    }
    return out;
  }

  // A dense layer, nnlib's Linear: the scores of the ten digits weigh every
  // feature the filters found, at each of the places pooling left
  function dense(x, W, b) {
    return add(matmul(x, W), b); // (n, fan_in) @ (fan_in, fan_out)
  }
  // --8<-- [end:cnn-layers]

  class CNN {
    constructor({ W1, b1, W2, b2, W3, b3 }) {
      this.W1 = W1; // (16, 5 * 5 * 1): 16 filters of 5 x 5, one channel
      this.b1 = b1; // (1, 16)
      this.W2 = W2; // (32, 5 * 5 * 16): 32 filters, each over 16 channels
      this.b2 = b2; // (1, 32)
      this.W3 = W3; // (512, 10)
      this.b3 = b3; // (1, 10)
    }

    // --8<-- [start:cnn-forward]
    forward(X) {
      // (1, 784): the page's one digit, as a 28 x 28 image with one channel
      const image = new Image(28, 28, 1, X.data);
      // 16 filters: (28, 28, 1) -> (24, 24, 16), pooled to (12, 12, 16)
      const c1 = reluImage(conv2d(image, this.W1, this.b1));
      this.maps1 = maxPool2x2(c1);
      // 32 filters: (12, 12, 16) -> (8, 8, 32), pooled to (4, 4, 32)
      const c2 = reluImage(conv2d(this.maps1, this.W2, this.b2));
      this.maps2 = maxPool2x2(c2);
      // Flatten: channels last, the 512 numbers are already in nnlib's order
      this.features = new Matrix(1, 512, this.maps2.data);
      // (1, 512) @ (512, 10) -> (1, 10), then softmax
      this.scores = dense(this.features, this.W3, this.b3);
      this.output = softmax(this.scores);
      return this.output;
    }
    // --8<-- [end:cnn-forward]
  }

  // The exported arrays: little-endian bytes in base64
  // (see docs/figures/draw.py).
  function decode(entry) {
    const bytes = Uint8Array.from(atob(entry.base64), (c) => c.charCodeAt(0));
    const view = new DataView(bytes.buffer);
    const size = entry.shape.reduce((a, b) => a * b, 1);
    const values = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      values[i] =
        entry.dtype === "float32"
          ? view.getFloat32(4 * i, true)
          : view.getUint8(i);
    }
    return values;
  }

  // (rows, ...rest) -> a matrix (rows, product of rest): a conv layer's
  // (filters, kernel, kernel, channels) becomes one filter per row. A bias
  // (filters,) becomes one row, to add to every row.
  function asMatrix(entry) {
    const [rows, ...rest] = entry.shape;
    if (rest.length === 0) return new Matrix(1, rows, decode(entry));
    const cols = rest.reduce((a, b) => a * b, 1);
    return new Matrix(rows, cols, decode(entry));
  }

  // How the hidden panel lays out its squares: `order[i]` is the value
  // square i shows, in groups ("maps") of `mapSize` squares, `columns` groups
  // a row. A dense layer's neurons: one group, value i in square i.
  function plainGrid(n) {
    const order = Array.from({ length: n }, (_, i) => i);
    return { order, columns: 1, map: [n > 64 ? 16 : 8, n] };
  }

  // The CNN's (4, 4, 32) features as 32 small 4 x 4 maps, one per channel,
  // 8 maps a row. Channels last: pixel (r, s) of map ch is value
  // (r * 4 + s) * 32 + ch.
  function featureMapGrid([h, w, channels]) {
    const order = [];
    for (let ch = 0; ch < channels; ch++) {
      for (let i = 0; i < h * w; i++) order.push(i * channels + ch);
    }
    return { order, columns: 8, map: [w, h * w] };
  }

  // A network object from an exported entry, with a uniform way to read its
  // hidden layer and lay it out on the page.
  function buildNetwork(entry) {
    const a = entry.arrays;
    if (entry.kind === "GuideNetwork") {
      const net = new GuideNetwork({
        W1: asMatrix(a.W1), b1: asMatrix(a.b1),
        W2: asMatrix(a.W2), b2: asMatrix(a.b2),
      });
      return { entry, net, hidden: () => net.hidden, grid: plainGrid(64) };
    }
    if (entry.kind === "CNN") {
      const weights = {};
      for (const key of Object.keys(a)) weights[key] = asMatrix(a[key]);
      const net = new CNN(weights);
      const features = entry.sizes[entry.sizes.length - 3]; // (4, 4, 32)
      return {
        entry, net, hidden: () => net.features, grid: featureMapGrid(features),
      };
    }
    const linears = [];
    for (let i = 1; i < entry.sizes.length; i++) {
      linears.push(new Linear(asMatrix(a["W" + i]), asMatrix(a["b" + i])));
    }
    const net = new Network(linears, entry.activation, entry.output);
    // the hidden layer's activations are what the last Linear layer received
    return {
      entry, net, hidden: () => linears[linears.length - 1].x,
      grid: plainGrid(entry.sizes[1]),
    };
  }

  // ---------------------------------------------------------------------------
  // 2. From a drawing to an MNIST digit (nnlib/tools/drawing.py, function by
  //    function)
  // ---------------------------------------------------------------------------

  const FIELD = 28; // an MNIST image is FIELD x FIELD pixels
  const BOX = 20; // the digit itself fits in BOX x BOX pixels
  const CENTRE = 14; // the pixel its centre of mass lands on

  // Nearest integer, halves upward: nnlib.tools.drawing.round_half_up does
  // the same.
  function roundHalfUp(x) {
    return Math.floor(x + 0.5);
  }

  // --8<-- [start:preprocess]
  // The smallest rectangle holding every inked pixel:
  // [top, bottom, left, right), or null
  function boundingBox(ink) {
    let top = ink.rows, bottom = 0, left = ink.cols, right = 0;
    for (let r = 0; r < ink.rows; r++) {
      for (let c = 0; c < ink.cols; c++) {
        if (ink.data[r * ink.cols + c] > 0) {
          top = Math.min(top, r);
          bottom = Math.max(bottom, r + 1);
          left = Math.min(left, c);
          right = Math.max(right, c + 1);
        }
      }
    }
    return bottom === 0 ? null : [top, bottom, left, right];
  }

  // (nOut, nIn): output pixel i is the average of the input over
  // [i * f, (i + 1) * f)
  function resampleMatrix(nIn, nOut) {
    const f = nIn / nOut;
    const M = new Matrix(nOut, nIn);
    for (let i = 0; i < nOut; i++) {
      const start = i * f, end = (i + 1) * f;
      for (let j = Math.floor(start); j < Math.min(Math.ceil(end), nIn); j++) {
        const overlap = Math.min(j + 1, end) - Math.max(j, start);
        if (overlap > 0) M.data[i * nIn + j] = overlap / f;
      }
    }
    return M;
  }

  function transpose(A) {
    const T = new Matrix(A.cols, A.rows);
    for (let i = 0; i < A.rows; i++) {
      for (let j = 0; j < A.cols; j++) {
        T.data[j * A.rows + i] = A.data[i * A.cols + j];
      }
    }
    return T;
  }

  // Cut to the bounding box, scale so the longer side is BOX pixels (same
  // scale both ways)
  function fitInBox(ink) {
    const found = boundingBox(ink);
    if (found === null) return null;
    const [top, bottom, left, right] = found;
    const digit = new Matrix(bottom - top, right - left);
    for (let r = top; r < bottom; r++) {
      digit.data.set(
        ink.data.subarray(r * ink.cols + left, r * ink.cols + right),
        (r - top) * digit.cols
      );
    }
    const scale = BOX / Math.max(digit.rows, digit.cols);
    const newHeight = Math.max(1, roundHalfUp(digit.rows * scale));
    const newWidth = Math.max(1, roundHalfUp(digit.cols * scale));
    return matmul(
      matmul(resampleMatrix(digit.rows, newHeight), digit),
      transpose(resampleMatrix(digit.cols, newWidth))
    );
  }

  // The ink-weighted mean [row, column]
  function centreOfMass(image) {
    let total = 0, rows = 0, cols = 0;
    for (let r = 0; r < image.rows; r++) {
      for (let c = 0; c < image.cols; c++) {
        const v = image.data[r * image.cols + c];
        total += v;
        rows += r * v;
        cols += c * v;
      }
    }
    return [rows / total, cols / total];
  }

  // Paste into a blank 28 x 28 field, centre of mass on pixel (14, 14),
  // whole-pixel shift
  function placeByCentreOfMass(digit) {
    const [row, col] = centreOfMass(digit);
    // so that 13.5 <= top + row < 14.5
    const top = Math.ceil(CENTRE - 0.5 - row);
    const left = Math.ceil(CENTRE - 0.5 - col);
    const out = new Matrix(FIELD, FIELD);
    for (let r = 0; r < digit.rows; r++) {
      for (let c = 0; c < digit.cols; c++) {
        const R = top + r, C = left + c;
        if (R >= 0 && R < FIELD && C >= 0 && C < FIELD) {
          out.data[R * FIELD + C] = digit.data[r * digit.cols + c];
        }
      }
    }
    return out;
  }

  function toMnist(ink) {
    const clipped = map(ink, (v) => Math.min(Math.max(v, 0), 1));
    const digit = fitInBox(clipped);
    return digit === null
      ? new Matrix(FIELD, FIELD)
      : placeByCentreOfMass(digit);
  }
  // --8<-- [end:preprocess]

  // Without the preprocessing: the whole canvas averaged down to 28 x 28, as
  // it is
  function shrink(ink) {
    return matmul(
      matmul(resampleMatrix(ink.rows, FIELD), ink),
      transpose(resampleMatrix(ink.cols, FIELD))
    );
  }

  // ---------------------------------------------------------------------------
  // 3. The page
  // ---------------------------------------------------------------------------

  // canvas pixels: after scaling, about MNIST's 2-3 pixel pen
  const STROKE_WIDTH = 18;
  const INK = "#111111";

  // The preprocessing, for the "Train it in your browser" page too
  // (docs/javascripts/train.js reads the drawing on its own pad with it)
  window.nnlibDrawing = { Matrix, toMnist, shrink, FIELD, STROKE_WIDTH, INK };

  const root = document.getElementById("nnlib-draw");
  if (!root) return;
  const $ = (name) => root.querySelector(`[data-draw="${name}"]`);
  const canvas = $("canvas");
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  // "assets/draw/", relative to the page
  const assetsBase = root.dataset.assets;

  const state = {
    network: "guide", // which network answers
    source: "empty", // "empty", "drawing" or "test"
    // position in the exported test digits, when source is "test"
    testDigit: -1,
    input: new Matrix(1, FIELD * FIELD), // the 784 pixels the network reads
    hidden: null,
    output: null,
  };
  const networks = {}; // run name -> built network, once its file has loaded
  let digits = null;

  // Load assets/draw/<name>.js once; it stores its data in
  // window.nnlibDrawAssets[name].
  const loading = {};
  function loadAsset(name) {
    if (!loading[name]) {
      loading[name] = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = assetsBase + name + ".js";
        script.onload = () => resolve(window.nnlibDrawAssets[name]);
        script.onerror = () =>
          reject(new Error(`could not load ${script.src}`));
        document.head.appendChild(script);
      });
    }
    return loading[name];
  }

  async function useNetwork(name) {
    if (!networks[name]) networks[name] = buildNetwork(await loadAsset(name));
    state.network = name;
    root.dataset.network = name;
    describeNetwork();
    buildHiddenGrid();
    predict();
  }

  // ---- drawing with a mouse, a pen or a finger
  // (pointer events cover all three)
  let drawing = false;
  let last = null;

  function canvasPoint(event) {
    const rect = canvas.getBoundingClientRect();
    return [
      ((event.clientX - rect.left) * canvas.width) / rect.width,
      ((event.clientY - rect.top) * canvas.height) / rect.height,
    ];
  }

  function strokeTo(point) {
    ctx.strokeStyle = INK;
    ctx.lineWidth = STROKE_WIDTH;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.beginPath();
    ctx.moveTo(...(last || point));
    ctx.lineTo(...point);
    ctx.stroke();
    last = point;
  }

  canvas.addEventListener("pointerdown", (event) => {
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    drawing = true;
    last = null;
    state.source = "drawing";
    root.classList.add("nnlib-draw--drawn");
    strokeTo(canvasPoint(event));
    schedulePredict();
  });
  canvas.addEventListener("pointermove", (event) => {
    if (!drawing) return;
    event.preventDefault();
    const events = event.getCoalescedEvents
      ? event.getCoalescedEvents()
      : [event];
    for (const e of events) {
      strokeTo(canvasPoint(e));
    }
    schedulePredict();
  });
  for (const type of ["pointerup", "pointercancel"]) {
    canvas.addEventListener(type, () => {
      drawing = false;
      last = null;
      schedulePredict();
    });
  }

  // The ink on the canvas: 0 where nothing is drawn, up to 1 where the stroke
  // is solid.
  function canvasInk() {
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const ink = new Matrix(canvas.height, canvas.width);
    for (let i = 0; i < ink.data.length; i++) {
      ink.data[i] = pixels[4 * i + 3] / 255; // alpha
    }
    return ink;
  }

  function clearCanvas() {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    root.classList.remove("nnlib-draw--drawn");
  }

  // ---- test digits: shown on the canvas, fed to the network exactly as
  // MNIST has them
  function showTestDigit(k) {
    const pixels = digits.pixels; // (30, 784) bytes, one row per digit
    const count = digits.labels.length;
    k = ((k % count) + count) % count;
    clearCanvas();
    const cell = canvas.width / FIELD;
    const input = new Matrix(1, FIELD * FIELD);
    for (let i = 0; i < FIELD * FIELD; i++) {
      const byte = pixels[k * FIELD * FIELD + i];
      input.data[i] = byte / 255;
      if (byte > 0) {
        ctx.fillStyle = `rgba(17, 17, 17, ${byte / 255})`;
        const x = (i % FIELD) * cell, y = Math.floor(i / FIELD) * cell;
        ctx.fillRect(x, y, cell, cell);
      }
    }
    root.classList.add("nnlib-draw--drawn");
    state.source = "test";
    state.testDigit = k;
    state.input = input;
    predict();
  }

  // ---- running the network and showing what it does
  let pending = false;
  function schedulePredict() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (state.source === "drawing") {
        const ink = canvasInk();
        const image = $("preprocess").checked ? toMnist(ink) : shrink(ink);
        state.input = new Matrix(1, FIELD * FIELD, image.data);
      }
      predict();
    });
  }

  function predict() {
    const model = networks[state.network];
    if (!model) return;
    const blank = state.input.data.every((v) => v === 0);
    if (blank) {
      state.hidden = null;
      state.output = null;
    } else {
      state.output = model.net.forward(state.input); // (1, 784) -> (1, 10)
      state.hidden = model.hidden();
    }
    render(model);
  }

  function buildHiddenGrid() {
    const grid = $("hidden");
    const { order, columns, map } = networks[state.network].grid;
    const [mapColumns, mapSize] = map;
    grid.replaceChildren();
    grid.style.setProperty("--columns", columns);
    for (let m = 0; m < order.length / mapSize; m++) {
      const group = document.createElement("div");
      group.className = "nnlib-draw__map";
      group.style.setProperty("--columns", mapColumns);
      for (let i = 0; i < mapSize; i++) {
        group.appendChild(document.createElement("span"));
      }
      grid.appendChild(group);
    }
  }

  function describeNetwork() {
    const entry = networks[state.network].entry;
    const cnn = entry.kind === "CNN";
    $("network-title").textContent = cnn
      ? entry.title
      : `${entry.title}, ${entry.sizes.join("-")}`;
    $("network-details").textContent =
      `${entry.training}; ${(100 * entry.test_accuracy).toFixed(1)}% ` +
      "of the 10,000 test digits right.";
    $("output-caption").textContent =
      entry.output === "softmax"
        ? "Softmax probabilities: they add up to 1."
        : "Sigmoid outputs: each between 0 and 1, one per digit; " +
          "they need not add up to 1.";
    $("hidden-title").textContent = cnn
      ? "What the dense layer reads"
      : "The hidden layer";
    const [h, w, channels] = cnn ? entry.sizes[entry.sizes.length - 3] : [];
    $("hidden-caption").textContent = cnn
      ? `${channels} feature maps of ${h} x ${w} after the second pooling, ` +
        "brightness relative to the largest value."
      : entry.activation === "relu"
        ? `${entry.sizes[1]} ReLU neurons, ` +
          "brightness relative to the most active one."
        : `${entry.sizes[1]} sigmoid neurons: dark = 0, bright = 1.`;
  }

  function render(model) {
    // the 28 x 28 input, dark ink on white as MNIST figures show it
    const small = $("input").getContext("2d");
    const picture = small.createImageData(FIELD, FIELD);
    for (let i = 0; i < FIELD * FIELD; i++) {
      const shade = Math.round(255 * (1 - state.input.data[i]));
      picture.data.set([shade, shade, shade, 255], 4 * i);
    }
    small.putImageData(picture, 0, 0);

    // the hidden layer
    const cells = $("hidden").querySelectorAll("span");
    const hidden = state.hidden ? Array.from(state.hidden.data) : [];
    const top =
      model.entry.activation === "relu" ? Math.max(...hidden, 1e-12) : 1;
    const order = model.grid.order;
    for (let i = 0; i < cells.length; i++) {
      const k = order[i]; // which hidden value this cell shows
      const value = hidden.length ? hidden[k] / top : 0;
      cells[i].style.setProperty("--a", value.toFixed(3));
      cells[i].title = hidden.length
        ? `neuron ${k}: ${hidden[k].toFixed(3)}`
        : `neuron ${k}`;
    }

    // the ten outputs
    const output = state.output ? Array.from(state.output.data) : null;
    const best = output ? output.indexOf(Math.max(...output)) : -1;
    const rows = $("outputs").children;
    for (let d = 0; d < 10; d++) {
      const p = output ? output[d] : 0;
      rows[d].dataset.p = output ? String(p) : "";
      rows[d].classList.toggle("nnlib-draw__best", d === best);
      rows[d].querySelector(".nnlib-draw__fill").style.width =
        `${(100 * p).toFixed(2)}%`;
      rows[d].querySelector(".nnlib-draw__value").textContent =
        output ? p.toFixed(3) : "";
    }
    $("prediction").textContent = output ? String(best) : "?";

    // where the input came from
    const blank = output === null;
    let source = "Draw a digit in the box, or try a test digit.";
    if (state.source === "test") {
      const k = state.testDigit;
      source =
        `MNIST test digit no. ${digits.indices[k]} ` +
        `(labelled ${digits.labels[k]}), fed to the network as it is.`;
    } else if (state.source === "drawing") {
      source = blank
        ? "Nothing drawn yet."
        : $("preprocess").checked
          ? "Your drawing, after the MNIST preprocessing."
          : "Your drawing, only shrunk to 28 x 28: no preprocessing.";
    }
    $("source").textContent = source;
    root.dataset.predicted = output ? String(best) : "";
    root.dataset.source = state.source;
    root.dataset.testIndex =
      state.source === "test" ? String(digits.indices[state.testDigit]) : "";
  }

  // ---- the controls
  $("clear").addEventListener("click", () => {
    clearCanvas();
    state.source = "empty";
    state.input = new Matrix(1, FIELD * FIELD);
    predict();
  });
  $("preprocess").addEventListener("change", schedulePredict);
  $("test-digit").addEventListener("click", () => {
    if (digits) {
      showTestDigit(state.source === "test" ? state.testDigit + 1 : 0);
    }
  });
  const radios = root.querySelectorAll('input[name="nnlib-draw-network"]');
  for (const radio of radios) {
    radio.addEventListener("change", () => {
      if (radio.checked) start(useNetwork(radio.value));
    });
  }

  // For the tests and the curious, in the browser's console: nnlibDraw.state()
  // and so on.
  window.nnlibDraw = {
    state: () => ({
      network: state.network,
      source: state.source,
      testIndex:
        state.source === "test" ? digits.indices[state.testDigit] : null,
      input: Array.from(state.input.data),
      hidden: state.hidden ? Array.from(state.hidden.data) : null,
      output: state.output ? Array.from(state.output.data) : null,
    }),
    ink: () => Array.from(canvasInk().data),
    toMnist: (ink, rows, cols) =>
      Array.from(toMnist(new Matrix(rows, cols, Float64Array.from(ink))).data),
    shrink: (ink, rows, cols) =>
      Array.from(shrink(new Matrix(rows, cols, Float64Array.from(ink))).data),
  };

  // Everything that can fail (a missing asset) shows its error on the page.
  function start(promise) {
    root.dataset.ready = "false";
    return promise.then(
      () => { root.dataset.ready = "true"; },
      (error) => {
        $("source").textContent = `The page could not start: ${error.message}`;
        root.dataset.ready = "error";
      }
    );
  }

  start(
    Promise.all([
      loadAsset("digits"),
      useNetwork(
        root.querySelector('input[name="nnlib-draw-network"]:checked').value
      ),
    ]).then(([loaded]) => {
      digits = { ...loaded, pixels: decode(loaded.pixels) };
      $("test-digit").disabled = false;
    })
  );
})();
