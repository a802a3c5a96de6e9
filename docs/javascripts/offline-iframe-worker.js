/*
 * Search when the site is opened from the file system (file://).
 *
 * Material runs its search in a Web Worker, and browsers refuse to start a worker from a
 * page opened from a file. On file:// pages only, this script replaces `Worker` with a small
 * stand-in that runs the worker's script in a hidden <iframe> and passes the messages across.
 * Over http(s) it does nothing. (Material's offline plugin writes the search index as
 * search/search_index.js, which a file:// page can load.)
 *
 * Plain JavaScript written for this project. mkdocs.yml lists it in extra.polyfills, so it
 * runs before Material's own script; its file name contains "iframe-worker", which keeps the
 * offline plugin from adding its own stand-in from a CDN.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  class IframeWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this.waiting = []; // messages posted before the worker's script has loaded
      this.iframe = document.createElement("iframe");
      this.iframe.hidden = true;
      this.iframe.setAttribute("aria-hidden", "true");
      (document.body || document.documentElement).appendChild(this.iframe);
      this.scope = this.iframe.contentWindow; // the worker's global object, `self`

      // The worker answers with postMessage(data): hand that to our listeners, later, as a
      // real worker would.
      this.scope.postMessage = (data) => setTimeout(() => this.emit("message", data));

      const script = this.scope.document.createElement("script");
      script.src = new URL(url, location.href).href;
      script.onload = () => {
        const waiting = this.waiting;
        this.waiting = null;
        waiting.forEach((data) => this.postMessage(data));
      };
      script.onerror = () => this.emit("error", `cannot load ${script.src}`);
      this.scope.document.head.appendChild(script);
    }

    // The page talks to the worker: a "message" event on the worker's global object.
    postMessage(data) {
      if (this.waiting) {
        this.waiting.push(data);
        return;
      }
      setTimeout(() => {
        this.scope.dispatchEvent(new this.scope.MessageEvent("message", { data }));
      });
    }

    terminate() {
      this.iframe.remove();
    }

    emit(type, data) {
      const event = type === "message" ? new MessageEvent(type, { data }) : new ErrorEvent(type, { message: data });
      this.dispatchEvent(event);
      const handler = this["on" + type];
      if (typeof handler === "function") handler.call(this, event);
    }
  }

  window.Worker = IframeWorker;
})();
