/*
 * "Train it in your browser" (docs/train.md): the training engine.
 *
 * Plain JavaScript written for this project, no library. The original guide's
 * network (784-hidden-10, sigmoid, the error output - target, plain SGD),
 * written to mirror nnlib/guide.py line by line: forward, backward, update.
 * Every number is a JavaScript number, a float64, as in nnlib's GuideNetwork.
 *
 * Everything is inside one function, nnlibTrainEngine(), which returns the
 * engine. The page calls it in its own thread (for the step-through, the
 * drawing pad and the tests) and also turns its source text into a Web
 * Worker (a Blob URL made from nnlibTrainEngine.toString(): Chromium refuses
 * `new Worker("file://...")`, so this also works from file://).
 *
 * Speed without changing a single number: results go into arrays allocated
 * once (the last argument of each helper), and the first layer's products
 * skip the pixels that are 0 (most of a digit), whose products add nothing.
 *
 * tests/site/browser/test_train.py checks this code against nnlib.
 */
function nnlibTrainEngine() {
  "use strict";

  // ---------------------------------------------------------------------------
  // Arrays
  // ---------------------------------------------------------------------------

  // `rows` x `cols` float64 numbers stored row by row, like a 2-D NumPy array.
  // A buffer may have room for more rows than it uses: the last batch of an
  // epoch is smaller.
  class Matrix {
    constructor(rows, cols, data) {
      this.rows = rows;
      this.cols = cols;
      this.data = data || new Float64Array(rows * cols);
    }

    // A.T: the same numbers read as the transpose (made once, never copied)
    get T() {
      if (!this._T) this._T = new Transposed(this);
      return this._T;
    }
  }

  class Transposed {
    constructor(base) {
      this.base = base;
    }
    get rows() { return this.base.cols; }
    get cols() { return this.base.rows; }
  }

  // A data set of digits: each row's non-zero pixels only (their columns
  // and their values byte / 255, exactly nnlib.load_mnist's float64 values).
  class Digits {
    constructor(pixels, labels, nInputs) {
      const n = labels.length;
      let nonZero = 0;
      for (let i = 0; i < pixels.length; i++) if (pixels[i] !== 0) nonZero++;
      this.count = n;
      this.nInputs = nInputs;
      this.labels = Int32Array.from(labels);
      this.offsets = new Int32Array(n + 1);
      this.columns = new Uint16Array(nonZero);
      this.values = new Float64Array(nonZero);
      let p = 0;
      for (let i = 0; i < n; i++) {
        this.offsets[i] = p;
        for (let k = 0; k < nInputs; k++) {
          const byte = pixels[i * nInputs + k];
          if (byte !== 0) {
            this.columns[p] = k;
            this.values[p] = byte / 255;
            p++;
          }
        }
      }
      this.offsets[n] = p;
    }

    // One digit's 784 pixels, dense (for the page's pictures)
    pixels(i, out) {
      out = out || new Float64Array(this.nInputs);
      out.fill(0);
      for (let p = this.offsets[i]; p < this.offsets[i + 1]; p++) {
        out[this.columns[p]] = this.values[p];
      }
      return out;
    }
  }

  // A batch: `rows` digits of a data set, chosen by their indices `ids`.
  // It acts as the (n, 784) matrix X of nnlib, without copying a pixel.
  class Batch {
    constructor(digits, capacity) {
      this.digits = digits;
      this.ids = new Int32Array(capacity);
      this.rows = 0;
      this.cols = digits.nInputs;
    }

    select(order, first, count) {
      this.rows = count;
      for (let i = 0; i < count; i++) this.ids[i] = order[first + i];
      return this;
    }

    get T() {
      if (!this._T) this._T = new Transposed(this);
      return this._T;
    }
  }

  // --8<-- [start:helpers]
  // out[at ... at + m] += a * B[from ... from + m]: the inner loop of the
  // products, four numbers at a time (the same sums, in the same order)
  function addScaledRow(out, at, a, B, from, m) {
    let j = 0;
    for (; j + 3 < m; j += 4) {
      out[at + j] += a * B[from + j];
      out[at + j + 1] += a * B[from + j + 1];
      out[at + j + 2] += a * B[from + j + 2];
      out[at + j + 3] += a * B[from + j + 3];
    }
    for (; j < m; j++) out[at + j] += a * B[from + j];
  }

  // out = A @ B, with A and B matrices, batches or transposes (.T)
  function matmul(A, B, out) {
    if (A instanceof Transposed) return matmulTA(A.base, B, out);
    if (B instanceof Transposed) return matmulBT(A, B.base, out);
    const n = A.rows, m = B.cols, o = out.data, b = B.data;
    out.rows = n;
    o.fill(0, 0, n * m);
    if (A instanceof Batch) {
      // (n, 784) @ (784, m): only the non-zero pixels of each digit
      const { offsets, columns, values } = A.digits;
      for (let i = 0; i < n; i++) {
        const id = A.ids[i], row = i * m;
        for (let p = offsets[id]; p < offsets[id + 1]; p++) {
          // row i of out += pixel value * row (its column) of B
          addScaledRow(o, row, values[p], b, columns[p] * m, m);
        }
      }
    } else {
      const a = A.data, K = A.cols;
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < K; k++) {
          const v = a[i * K + k];
          for (let j = 0; j < m; j++) o[i * m + j] += v * b[k * m + j];
        }
      }
    }
    return out;
  }

  // out = A.T @ B: (n, k).T @ (n, m) -> (k, m), a sum over the batch
  function matmulTA(A, B, out) {
    const n = A.rows, m = B.cols, o = out.data, b = B.data;
    out.rows = A.cols;
    o.fill(0, 0, A.cols * m);
    if (A instanceof Batch) {
      const { offsets, columns, values } = A.digits;
      for (let i = 0; i < n; i++) {
        const id = A.ids[i], row = i * m;
        for (let p = offsets[id]; p < offsets[id + 1]; p++) {
          // row (the pixel's column) of out += pixel value * row i of B
          addScaledRow(o, columns[p] * m, values[p], b, row, m);
        }
      }
    } else {
      const a = A.data, K = A.cols;
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < K; k++) {
          const v = a[i * K + k];
          for (let j = 0; j < m; j++) o[k * m + j] += v * b[i * m + j];
        }
      }
    }
    return out;
  }

  // out = A @ B.T: (n, m) @ (k, m).T -> (n, k)
  function matmulBT(A, B, out) {
    const n = A.rows, m = A.cols, k = B.rows, o = out.data;
    const a = A.data, b = B.data;
    out.rows = n;
    for (let i = 0; i < n; i++) {
      for (let h = 0; h < k; h++) {
        let sum = 0;
        for (let j = 0; j < m; j++) sum += a[i * m + j] * b[h * m + j];
        o[i * k + h] = sum;
      }
    }
    return out;
  }

  // A + b, b one row (1, m) added to every row of A (NumPy broadcasting),
  // written into A
  function add(A, b) {
    const m = A.cols, a = A.data;
    for (let i = 0; i < A.rows; i++) {
      for (let j = 0; j < m; j++) a[i * m + j] += b.data[j];
    }
    return A;
  }

  // out = A - B, out = A * B: element by element
  function subtract(A, B, out) {
    out.rows = A.rows;
    for (let i = 0; i < A.rows * A.cols; i++) {
      out.data[i] = A.data[i] - B.data[i];
    }
    return out;
  }

  function multiply(A, B, out) {
    out.rows = A.rows;
    for (let i = 0; i < A.rows * A.cols; i++) {
      out.data[i] = A.data[i] * B.data[i];
    }
    return out;
  }

  // A / n, written into A
  function divide(A, n) {
    for (let i = 0; i < A.rows * A.cols; i++) A.data[i] /= n;
    return A;
  }

  // out = A.sum(axis=0, keepdims=True): (n, m) -> (1, m)
  function sumRows(A, out) {
    const m = A.cols;
    out.data.fill(0);
    for (let i = 0; i < A.rows; i++) {
      for (let j = 0; j < m; j++) out.data[j] += A.data[i * m + j];
    }
    return out;
  }

  // W -= learning_rate * dW, element by element
  function subtractScaled(W, learning_rate, dW) {
    for (let i = 0; i < W.data.length; i++) {
      W.data[i] -= learning_rate * dW.data[i];
    }
  }
  // --8<-- [end:helpers]

  // --8<-- [start:sigmoid]
  // sigmoid of every element of A, written into A
  function sigmoid(A) {
    for (let i = 0; i < A.rows * A.cols; i++) {
      const z = A.data[i];
      const e = Math.exp(-Math.abs(z)); // exp of a number <= 0: never overflows
      A.data[i] = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    }
    return A;
  }

  // out = a * (1 - a), the sigmoid's slope from its output a
  function sigmoidDerivative(A, out) {
    out.rows = A.rows;
    for (let i = 0; i < A.rows * A.cols; i++) {
      const a = A.data[i];
      out.data[i] = a * (1 - a);
    }
    return out;
  }
  // --8<-- [end:sigmoid]

  // ---------------------------------------------------------------------------
  // The network: nnlib/guide.py, line by line
  // ---------------------------------------------------------------------------

  class GuideNetwork {
    // `capacity`: the largest batch it will see (buffers are allocated once)
    constructor(nInputs, nHidden, nOutputs, capacity) {
      this.W1 = new Matrix(nInputs, nHidden); // (784, 64)
      this.b1 = new Matrix(1, nHidden); // (1, 64)
      this.W2 = new Matrix(nHidden, nOutputs); // (64, 10)
      this.b2 = new Matrix(1, nOutputs); // (1, 10)
      this.capacity = capacity;
      const rows = (cols) => new Matrix(capacity, cols);
      this.hidden = rows(nHidden);
      this.output = rows(nOutputs);
      this.error = rows(nOutputs);
      this.output_slope = rows(nOutputs);
      this.hidden_slope = rows(nHidden);
      this.d_output = rows(nOutputs);
      this.d_hidden = rows(nHidden);
      this.dW1 = new Matrix(nInputs, nHidden);
      this.db1 = new Matrix(1, nHidden);
      this.dW2 = new Matrix(nHidden, nOutputs);
      this.db2 = new Matrix(1, nOutputs);
    }

    // The original guide's initialisation (nnlib.init.guide_init): standard
    // normal numbers times 0.1, from the page's own seeded generator
    initialise(rng) {
      for (const W of [this.W1, this.W2]) {
        for (let i = 0; i < W.data.length; i++) W.data[i] = rng.normal() * 0.1;
      }
      this.b1.data.fill(0);
      this.b2.data.fill(0);
    }

    get params() {
      return { W1: this.W1, b1: this.b1, W2: this.W2, b2: this.b2 };
    }

    // --8<-- [start:forward]
    forward(X) {
      this.X = X; // (n, 784)
      // (n, 784) @ (784, 64) -> (n, 64), then (n, 64) @ (64, 10) -> (n, 10)
      // (the last argument of matmul: where the result goes, see below)
      this.hidden = sigmoid(
        add(matmul(this.X, this.W1, this.hidden), this.b1)); // (n, 64)
      this.output = sigmoid(
        add(matmul(this.hidden, this.W2, this.output), this.b2)); // (n, 10)
      return this.output;
    }
    // --8<-- [end:forward]

    // The original guide's error as a number: nnlib.losses.mean_squared_error
    loss(Y) {
      let sum = 0;
      for (let i = 0; i < this.output.rows * this.output.cols; i++) {
        const e = this.output.data[i] - Y.data[i];
        sum += e * e;
      }
      return (0.5 * sum) / this.output.rows;
    }

    // --8<-- [start:backward]
    backward(Y) {
      const n = this.X.rows; // the actual batch size, not a fixed 64
      const error = subtract(this.output, Y, this.error); // (n, 10)
      this.d_output = multiply(error,
        sigmoidDerivative(this.output, this.output_slope), this.d_output);
      const slope = sigmoidDerivative(this.hidden, this.hidden_slope);
      this.d_hidden = multiply(
        matmul(this.d_output, this.W2.T, this.d_hidden), slope, this.d_hidden);
      // (64, n) @ (n, 10), then (1, 10)
      this.dW2 = divide(matmul(this.hidden.T, this.d_output, this.dW2), n);
      this.db2 = divide(sumRows(this.d_output, this.db2), n);
      // (784, n) @ (n, 64), then (1, 64)
      this.dW1 = divide(matmul(this.X.T, this.d_hidden, this.dW1), n);
      this.db1 = divide(sumRows(this.d_hidden, this.db1), n);
    }
    // --8<-- [end:backward]

    // --8<-- [start:update]
    update(learning_rate) {
      // W1 -= learning_rate * dW1, and so on
      subtractScaled(this.W1, learning_rate, this.dW1);
      subtractScaled(this.b1, learning_rate, this.db1);
      subtractScaled(this.W2, learning_rate, this.dW2);
      subtractScaled(this.b2, learning_rate, this.db2);
    }
    // --8<-- [end:update]
  }

  // Y: the one-hot rows of a batch's labels, written into Y
  function oneHot(batch, Y) {
    Y.rows = batch.rows;
    Y.data.fill(0, 0, Y.rows * Y.cols);
    for (let i = 0; i < batch.rows; i++) {
      Y.data[i * Y.cols + batch.digits.labels[batch.ids[i]]] = 1;
    }
    return Y;
  }

  // The index of the largest output of row i (the first one on a tie, as
  // NumPy's argmax)
  function argmaxRow(A, i) {
    let best = 0;
    for (let j = 1; j < A.cols; j++) {
      if (A.data[i * A.cols + j] > A.data[i * A.cols + best]) best = j;
    }
    return best;
  }

  // ---------------------------------------------------------------------------
  // Random numbers: the page's own seeded generator (not NumPy's: the same
  // seed gives another network in Python; the tests hand the engine nnlib's
  // initial weights and batch order instead)
  // ---------------------------------------------------------------------------

  function randomGenerator(seed) {
    let state = seed >>> 0;
    let spare = null;
    // mulberry32: 32 bits of state, a number in [0, 1)
    function uniform() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    // a standard normal number (Box-Muller, two at a time)
    function normal() {
      if (spare !== null) {
        const value = spare;
        spare = null;
        return value;
      }
      const u = 1 - uniform(), v = uniform(); // u in (0, 1]: log(u) is finite
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    }
    // 0, 1, ..., n - 1 in a random order (Fisher-Yates), written into `out`
    function permutation(n, out) {
      out = out || new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = i;
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(uniform() * (i + 1));
        const t = out[i];
        out[i] = out[j];
        out[j] = t;
      }
      return out;
    }
    return { uniform, normal, permutation };
  }

  // ---------------------------------------------------------------------------
  // Settings: absurd ones get a message, never a frozen page
  // ---------------------------------------------------------------------------

  const LIMITS = {
    hidden: [1, 512],
    batchSize: [1, null], // at most the number of training digits
    epochs: [1, 100],
    learningRate: [0, 10],
  };

  // A list of messages, empty when the settings are fine.
  function checkSettings(s, nTrain) {
    const problems = [];
    const whole = (name, value, low, high, meaning) => {
      if (!Number.isInteger(value) || value < low || value > high) {
        problems.push(
          `${name} must be a whole number from ${low} to ${high}, got ` +
          `${formatValue(value)}: it is ${meaning}.`
        );
      }
    };
    whole("Hidden size", s.hidden, ...LIMITS.hidden,
      "the number of hidden neurons (the original guide's: 64)");
    whole("Batch size", s.batchSize, 1, nTrain,
      `the number of digits per weight update (the original guide's: 64); ` +
      `this page has ${nTrain} training digits, so a batch cannot be larger`);
    whole("Epochs", s.epochs, ...LIMITS.epochs,
      "the number of passes over the training digits");
    if (!Number.isInteger(s.seed) || s.seed < 0 || s.seed > 4294967295) {
      problems.push(`Seed must be a whole number from 0 to 4294967295, got ${formatValue(s.seed)}.`);
    }
    const lr = s.learningRate;
    if (typeof lr !== "number" || !Number.isFinite(lr) || lr <= 0) {
      problems.push(
        `Learning rate must be a number above 0, got ${formatValue(lr)}: ` +
        "each step moves the weights by the learning rate times the gradient " +
        "(the original guide's: 0.5)."
      );
    } else if (lr > LIMITS.learningRate[1]) {
      problems.push(
        `A learning rate of ${lr} is far too large for this network (at most ` +
        `${LIMITS.learningRate[1]} here; the original guide's is 0.5): each ` +
        "step would throw the weights so far that every sigmoid saturates, " +
        "stuck near 0 or 1 where its slope is 0, and the network stops learning."
      );
    }
    return problems;
  }

  function formatValue(value) {
    return typeof value === "number" && !Number.isNaN(value) ? String(value) : "nothing";
  }

  // ---------------------------------------------------------------------------
  // Training: nnlib.train.train, one batch at a time so that the page can
  // draw, pause and resume between batches
  // ---------------------------------------------------------------------------

  // nnlib.train: the first epoch "stalls" when its loss did not fall and the
  // network is no better than guessing (see _stall_message there)
  const STALL_LOSS_RATIO = 0.95;
  const STALL_MIN_BATCHES = 20;

  function median(values) {
    const sorted = Float64Array.from(values).sort();
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  function stallMessage(batchLosses, trainAccuracy, nClasses, lr) {
    if (batchLosses.length < STALL_MIN_BATCHES) return null;
    const tenth = Math.floor(batchLosses.length / 10);
    const firstBatch = batchLosses[0];
    const first = median(batchLosses.slice(0, tenth));
    const lastTenth = batchLosses.slice(-tenth);
    const last = lastTenth.reduce((a, b) => a + b, 0) / tenth;
    const guessing = Math.min(2 / nClasses, (1 + 1 / nClasses) / 2);
    if (last <= STALL_LOSS_RATIO * Math.min(firstBatch, first) || trainAccuracy >= guessing) {
      return null;
    }
    return (
      `Training stalled: the loss did not fall in the first epoch ` +
      `(${firstBatch.toFixed(4)} on its first batch, ${last.toFixed(4)} on ` +
      `average over its last tenth) and the network got ` +
      `${(100 * trainAccuracy).toFixed(1)}% of the training digits right, ` +
      `about what guessing gets. With learning rate ${lr}: too large a rate ` +
      "saturates the sigmoids (stuck near 0 or 1, where the slope is 0 and " +
      "the weights stop moving), so try a smaller one, e.g. the original " +
      "guide's 0.5; if the rate is already tiny, try a larger one."
    );
  }

  class TrainingDiverged extends Error {}
  class TrainingStalled extends Error {}

  // How often the test accuracy is measured: this many times per epoch
  const TESTS_PER_EPOCH = 2; // each is a forward pass over every test digit
  const EVAL_ROWS = 500; // test digits per forward pass when measuring

  class Trainer {
    // settings: {hidden, learningRate, batchSize, epochs, seed};
    // options.weights: start from these {W1, b1, W2, b2} (arrays of numbers)
    // options.orders: the batch order of each epoch (else drawn from seed)
    constructor(train, test, settings, options = {}) {
      this.train = train;
      this.test = test;
      this.settings = settings;
      this.orders = options.orders || null;
      this.rng = randomGenerator(settings.seed);
      const capacity = Math.max(settings.batchSize, test ? EVAL_ROWS : 1);
      this.net = new GuideNetwork(train.nInputs, settings.hidden, 10, capacity);
      if (options.weights) {
        for (const [name, W] of Object.entries(this.net.params)) {
          W.data.set(options.weights[name]);
        }
      } else {
        this.net.initialise(this.rng);
      }
      this.batch = new Batch(train, settings.batchSize);
      this.testBatch = test ? new Batch(test, EVAL_ROWS) : null;
      this.Y = new Matrix(settings.batchSize, 10);
      this.order = new Int32Array(train.count);
      this.epoch = 0; // epochs finished
      this.first = 0; // the next batch starts at order[first]
      this.examplesSeen = 0;
      this.batchLosses = []; // every batch's loss, in order
      this.epochLosses = []; // this epoch's batch losses
      this.history = { loss: [], trainAccuracy: [], testAccuracy: [], tests: [] };
      this.total = 0; // this epoch's loss times batch sizes
      this.correct = 0; // this epoch's right answers while learning
      this.nextTest = 0;
      this.done = false;
      this.error = null;
      this.startEpoch();
      if (test) this.measure();
    }

    get totalExamples() {
      return this.settings.epochs * this.train.count;
    }

    startEpoch() {
      if (this.orders) this.order.set(this.orders[this.epoch]);
      else this.rng.permutation(this.train.count, this.order);
      this.first = 0;
      this.total = 0;
      this.correct = 0;
      this.epochLosses = [];
    }

    // The test accuracy now, recorded against the examples seen so far
    measure() {
      const accuracy = testAccuracy(this.net, this.test, this.testBatch);
      this.history.tests.push([this.examplesSeen, accuracy]);
      this.nextTest += this.train.count / TESTS_PER_EPOCH;
      return accuracy;
    }

    // --8<-- [start:step]
    // One batch of nnlib.train's loop
    step() {
      const { batchSize, learningRate } = this.settings;
      const count = Math.min(batchSize, this.train.count - this.first);
      const batch = this.batch.select(this.order, this.first, count);
      const targets = oneHot(batch, this.Y);
      const output = this.net.forward(batch);
      const loss = this.net.loss(targets);
      if (!Number.isFinite(loss)) {
        throw new TrainingDiverged(
          `Training diverged at epoch ${this.epoch + 1}, batch ` +
          `${this.first / batchSize + 1} (the loss is ${loss}). Lower the ` +
          `learning rate (now ${learningRate}) and train again.`
        );
      }
      this.net.backward(targets);
      this.net.update(learningRate);
      // --8<-- [end:step]
      this.total += loss * count;
      this.epochLosses.push(loss);
      this.batchLosses.push(loss);
      for (let i = 0; i < count; i++) {
        if (argmaxRow(output, i) === this.train.labels[batch.ids[i]]) this.correct++;
      }
      this.first += count;
      this.examplesSeen += count;
      if (this.first === this.train.count) this.endEpoch();
      else if (this.test && this.examplesSeen >= this.nextTest - 1e-9) this.measure();
      return loss;
    }

    endEpoch() {
      const n = this.train.count;
      this.history.loss.push(this.total / n);
      this.history.trainAccuracy.push(this.correct / n);
      if (this.test) {
        this.history.testAccuracy.push(this.measure());
        this.nextTest = this.examplesSeen + n / TESTS_PER_EPOCH;
      }
      if (this.epoch === 0) {
        const stalled = stallMessage(this.epochLosses, this.correct / n, 10,
          this.settings.learningRate);
        if (stalled) throw new TrainingStalled(stalled);
      }
      this.epoch++;
      if (this.epoch === this.settings.epochs) this.done = true;
      else this.startEpoch();
    }

    // Train until `deadline` (performance.now()) or the end; errors are kept
    run(deadline) {
      try {
        while (!this.done && performance.now() < deadline) this.step();
      } catch (error) {
        if (!(error instanceof TrainingDiverged || error instanceof TrainingStalled)) throw error;
        this.error = { kind: error.constructor.name, message: error.message };
        this.done = true;
      }
      return this.done;
    }
  }

  // The share of `digits` the network gets right (nnlib.metrics.accuracy of
  // its predictions), in forward passes of batch.ids.length digits
  function testAccuracy(net, digits, batch) {
    const all = new Int32Array(digits.count);
    for (let i = 0; i < all.length; i++) all[i] = i;
    let right = 0;
    for (let first = 0; first < digits.count; first += batch.ids.length) {
      const count = Math.min(batch.ids.length, digits.count - first);
      const output = net.forward(batch.select(all, first, count));
      for (let i = 0; i < count; i++) {
        if (argmaxRow(output, i) === digits.labels[first + i]) right++;
      }
    }
    return right / digits.count;
  }

  // ---------------------------------------------------------------------------
  // The worker: messages in, progress out. `scope` is the worker's `self`, or
  // a stand-in in the page's own thread (docs/javascripts/train.js).
  // ---------------------------------------------------------------------------

  const CHUNK_MS = 25; // train this long between looks at the messages
  const REPORT_MS = 100; // send progress at most this often
  const WEIGHTS_MS = 250; // and the first layer's weights at most this often

  function serve(scope, yieldNow) {
    let train = null, test = null, trainer = null;
    let running = false, lastReport = 0, lastWeights = 0, busy = 0, runId = null;
    // Let the messages in (a click on Pause), then go on: a MessageChannel
    // does it at once, where setTimeout(f, 0) waits at least 4 ms
    if (!yieldNow) {
      const channel = new MessageChannel();
      let next = null;
      channel.port1.onmessage = () => next();
      yieldNow = (f) => {
        next = f;
        channel.port2.postMessage(null);
      };
    }

    function report(kind, withWeights) {
      const t = trainer;
      const message = {
        type: kind,
        runId,
        epoch: t.epoch,
        examplesSeen: t.examplesSeen,
        totalExamples: t.totalExamples,
        batchLosses: t.batchLosses.splice(0), // the new ones since the last report
        batchSize: t.settings.batchSize,
        tests: t.history.tests.splice(0),
        history: {
          loss: t.history.loss,
          trainAccuracy: t.history.trainAccuracy,
          testAccuracy: t.history.testAccuracy,
        },
        busySeconds: busy / 1000,
        done: t.done,
        error: t.error,
      };
      const transfer = [];
      if (withWeights) {
        message.weights = {};
        for (const [name, W] of Object.entries(t.net.params)) {
          message.weights[name] = W.data.slice();
          transfer.push(message.weights[name].buffer);
        }
      }
      scope.postMessage(message, transfer);
    }

    function loop() {
      if (!running) return;
      const start = performance.now();
      const finished = trainer.run(start + CHUNK_MS);
      const now = performance.now();
      busy += now - start;
      if (finished) {
        running = false;
        report("done", true);
        return;
      }
      if (now - lastReport >= REPORT_MS) {
        const withWeights = now - lastWeights >= WEIGHTS_MS;
        if (withWeights) lastWeights = now;
        lastReport = now;
        report("progress", withWeights);
      }
      yieldNow(loop);
    }

    scope.onmessage = (event) => {
      const m = event.data;
      if (m.type === "data") {
        train = new Digits(m.train.pixels, m.train.labels, m.train.nInputs);
        test = new Digits(m.test.pixels, m.test.labels, m.test.nInputs);
        scope.postMessage({ type: "ready", nTrain: train.count, nTest: test.count });
      } else if (m.type === "start") {
        const problems = checkSettings(m.settings, train.count);
        if (problems.length) {
          scope.postMessage({ type: "invalid", problems });
          return;
        }
        trainer = new Trainer(train, test, m.settings, m.options || {});
        runId = m.runId;
        busy = 0;
        lastReport = lastWeights = performance.now();
        running = true;
        report("progress", true);
        yieldNow(loop);
      } else if (m.type === "pause") {
        running = false;
        if (trainer) report("paused", true);
      } else if (m.type === "resume") {
        if (trainer && !trainer.done && !running) {
          running = true;
          yieldNow(loop);
        }
      } else if (m.type === "reset") {
        running = false;
        trainer = null;
        scope.postMessage({ type: "reset" });
      }
    };
  }

  return {
    Matrix, Digits, Batch, GuideNetwork, Trainer, TrainingDiverged,
    TrainingStalled, matmul, add, subtract, multiply, divide, sumRows,
    subtractScaled, sigmoid, sigmoidDerivative, oneHot, argmaxRow,
    randomGenerator, checkSettings, stallMessage, testAccuracy, serve, LIMITS,
  };
}

// In a worker made from this file's text, the page appends the call to serve().
if (typeof window !== "undefined") window.nnlibTrainEngine = nnlibTrainEngine;
