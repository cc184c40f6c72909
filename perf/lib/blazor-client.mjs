// A light Blazor Server client: it holds a real circuit the way blazor.web.js does (the page's
// prerendered components and persisted state, the "blazorpack" hub protocol, render batches
// acknowledged, JS interop answered) without a browser, so one machine can hold hundreds of
// circuits and the server is what gets measured.
//
//   const client = await BlazorClient.open(baseUrl, path, { answers });
//   client.invokeDotNet(objectId, "Method", [args]);   // what a JS module's invokeMethodAsync sends
//   client.dispatchClick(handlerId);                    // what a click on a Blazor @onclick sends
//   client.onBatch = (batch) => ...                     // every render batch, decoded (strings, event handlers)
//   await client.close();
import { Encoder, Decoder } from "@msgpack/msgpack";
import WebSocket from "ws";

const RECORD_SEPARATOR = "\x1e";
const MessageType = { Invocation: 1, Completion: 3, Ping: 6, Close: 7 };
const encoder = new Encoder();
const decoder = new Decoder();

// SignalR's binary framing: each message is a VarInt length, then the MessagePack bytes.
function frame(message) {
  const body = encoder.encode(message);
  const prefix = [];
  let length = body.length;
  do {
    let byte = length & 0x7f;
    length >>>= 7;
    if (length > 0) byte |= 0x80;
    prefix.push(byte);
  } while (length > 0);
  const out = new Uint8Array(prefix.length + body.length);
  out.set(prefix);
  out.set(body, prefix.length);
  return out;
}

function* unframe(bytes) {
  let offset = 0;
  while (offset < bytes.length) {
    let length = 0, shift = 0, byte;
    do {
      byte = bytes[offset++];
      length |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    yield decoder.decode(bytes.subarray(offset, offset + length));
    offset += length;
  }
}

const int32 = (b, i) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
const uint32 = (b, i) => int32(b, i) >>> 0;
const utf8 = new TextDecoder();

/**
 * Decodes what a harness needs from a render batch (the layout blazor.web.js reads): the string
 * table, and the event handler ids of attribute frames by attribute name.
 */
export function readBatch(bytes) {
  const stringTable = int32(bytes, bytes.length - 4);
  const strings = [];
  for (let i = stringTable; i < bytes.length - 20; i += 4) {
    let offset = int32(bytes, i), length = 0, shift = 0, byte;
    do {
      byte = bytes[offset++];
      length |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    strings.push(utf8.decode(bytes.subarray(offset, offset + length)));
  }
  const handlers = [];
  const frames = int32(bytes, bytes.length - 16);
  const count = int32(bytes, frames);
  for (let f = 0; f < count; f++) {
    const at = frames + 4 + 20 * f;
    if (int32(bytes, at) !== 3) continue; // attribute frames
    const id = uint32(bytes, at + 16) * 2 ** 32 + uint32(bytes, at + 12);
    if (id) handlers.push({ name: strings[int32(bytes, at + 4)], id });
  }
  return { strings: new Set(strings), handlers };
}

export class BlazorClient {
  /**
   * Opens a circuit on `path` the way a browser does: GET the page (keeping its cookies), then
   * negotiate, connect, StartCircuit and UpdateRootComponents with the page's component markers.
   * `answers` maps a JS function's identifier to the value the client returns from it (a function
   * of its arguments, or a value); `import` returns a fresh JS object reference by default, and
   * anything else returns null.
   */
  static async open(base, path, { answers = {}, timeoutMs = 60_000 } = {}) {
    const client = new BlazorClient(base, answers);
    await client.#connect(path, timeoutMs);
    return client;
  }

  onBatch = null;
  /** The .NET object references the server passed to JS, by the JS function's identifier. */
  dotNetObjects = new Map();
  handlers = new Map();

  #base; #answers; #cookies = new Map(); #socket; #nextInvocation = 1; #pending = new Map();
  #nextObject = 1; #ping;

  constructor(base, answers) {
    this.#base = base;
    this.#answers = answers;
  }

  #cookieHeader() {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  #keepCookies(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.#cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  async #connect(path, timeoutMs) {
    const page = await fetch(this.#base + path, { redirect: "manual" });
    if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}`);
    this.#keepCookies(page);
    const html = await page.text();
    const markers = [...html.matchAll(/<!--Blazor:(\{"type":"server".*?\})-->/g)].map((m) => JSON.parse(m[1]));
    if (markers.length === 0) throw new Error(`${path} has no interactive server components`);
    const state = /<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->/.exec(html)?.[1] ?? "";

    const negotiate = await fetch(`${this.#base}/_blazor/negotiate?negotiateVersion=1`, {
      method: "POST", headers: { cookie: this.#cookieHeader() },
    });
    if (!negotiate.ok) throw new Error(`negotiate answered ${negotiate.status}`);
    const { connectionToken } = await negotiate.json();

    const url = `${this.#base.replace(/^http/, "ws")}/_blazor?id=${encodeURIComponent(connectionToken)}`;
    this.#socket = new WebSocket(url, { headers: { cookie: this.#cookieHeader(), origin: this.#base } });
    this.#socket.binaryType = "nodebuffer";
    await new Promise((resolve, reject) => {
      this.#socket.once("open", resolve);
      this.#socket.once("error", reject);
    });

    // The handshake is JSON, ended by the record separator; everything after it is binary.
    const handshake = new Promise((resolve, reject) => {
      this.#socket.once("message", (data) => {
        const text = data.toString();
        if (text.startsWith("{}")) resolve(); else reject(new Error(`handshake refused: ${text}`));
        this.#socket.on("message", (bytes) => this.#receive(bytes));
      });
    });
    this.#socket.send(JSON.stringify({ protocol: "blazorpack", version: 1 }) + RECORD_SEPARATOR);
    await handshake;
    this.#socket.on("close", () => {
      clearInterval(this.#ping);
      for (const { reject } of this.#pending.values()) reject(new Error("the circuit closed"));
    });
    this.#ping = setInterval(() => this.#send([MessageType.Ping]), 10_000);

    const uri = this.#base + path;
    this.circuitId = await this.#invoke("StartCircuit", [`${this.#base}/`, uri, "[]", ""], timeoutMs);
    if (!this.circuitId) throw new Error("StartCircuit refused the circuit");
    const rendered = this.#nextBatch(timeoutMs);
    const operations = markers.map((marker, i) => ({ type: "add", ssrComponentId: i + 1, marker }));
    this.#send([MessageType.Invocation, {}, null, "UpdateRootComponents", [JSON.stringify({ batchId: 1, operations }), state]]);
    await rendered;
  }

  #send(message) {
    if (this.#socket.readyState === WebSocket.OPEN) this.#socket.send(frame(message));
  }

  #invoke(target, args, timeoutMs) {
    const id = String(this.#nextInvocation++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.#pending.delete(id); reject(new Error(`${target} timed out`)); }, timeoutMs);
      this.#pending.set(id, {
        resolve: (v) => { clearTimeout(timer); resolve(v); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.#send([MessageType.Invocation, {}, id, target, args]);
    });
  }

  #batchWaiters = [];
  #nextBatch(timeoutMs) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no render batch")), timeoutMs);
      this.#batchWaiters.push((batch) => { clearTimeout(timer); resolve(batch); });
    });
  }

  #receive(bytes) {
    for (const message of unframe(new Uint8Array(bytes))) {
      switch (message[0]) {
        case MessageType.Invocation: this.#onInvocation(message[3], message[4]); break;
        case MessageType.Completion: {
          const [, , id, resultKind, result] = message;
          const pending = this.#pending.get(id);
          this.#pending.delete(id);
          if (resultKind === 1) pending?.reject(new Error(result)); else pending?.resolve(result);
          break;
        }
        case MessageType.Close: this.#socket.close(); break;
      }
    }
  }

  #onInvocation(target, args) {
    switch (target) {
      case "JS.RenderBatch": {
        const [batchId, bytes] = args;
        const batch = readBatch(bytes);
        for (const { name, id } of batch.handlers) this.handlers.set(name, id);
        // Acknowledge first, as the browser does once the batch is applied.
        this.#send([MessageType.Invocation, {}, null, "OnRenderCompleted", [batchId, null]]);
        for (const waiter of this.#batchWaiters.splice(0)) waiter(batch);
        this.onBatch?.(batch);
        break;
      }
      case "JS.BeginInvokeJS": {
        const [asyncHandle, identifier, argsJson] = args;
        const parsed = argsJson ? JSON.parse(argsJson) : [];
        for (const arg of (argsJson ?? "").matchAll(/"__dotNetObject":(\d+)/g)) this.dotNetObjects.set(identifier, Number(arg[1]));
        const answer = this.#answers[identifier];
        const result = identifier === "import" ? { __jsObjectId: this.#nextObject++ }
          : typeof answer === "function" ? answer(parsed) : answer ?? null;
        if (asyncHandle) {
          this.#send([MessageType.Invocation, {}, null, "EndInvokeJSFromDotNet",
            [asyncHandle, true, JSON.stringify([asyncHandle, true, result])]]);
        }
        if (identifier === "Blazor._internal.navigationManager.navigateTo") {
          // The browser changes its URL and tells the circuit, which renders the page's new parameters.
          this.#send([MessageType.Invocation, {}, null, "OnLocationChanged", [new URL(parsed[0], this.#base).href, null, false]]);
        }
        break;
      }
      case "JS.Error": this.error = args[0]; break;
      default: break; // JS.EndInvokeDotNet, JS.EndUpdateRootComponents, JS.AttachComponent, ...
    }
  }

  /** What `DotNetObjectReference.invokeMethodAsync(method, ...args)` sends from a JS module. */
  invokeDotNet(objectId, method, args) {
    const callId = String(this.#nextInvocation++);
    this.#send([MessageType.Invocation, {}, null, "BeginInvokeDotNetFromJS", [callId, null, method, objectId, JSON.stringify(args)]]);
  }

  /** What a click on an element with a Blazor @onclick sends (through the renderer's interop object). */
  dispatchClick(handlerId) {
    const descriptor = { eventHandlerId: handlerId, eventName: "click", eventFieldInfo: null };
    const args = { detail: 1, screenX: 0, screenY: 0, clientX: 0, clientY: 0, offsetX: 0, offsetY: 0, pageX: 0, pageY: 0,
      movementX: 0, movementY: 0, button: 0, buttons: 0, ctrlKey: false, shiftKey: false, altKey: false, metaKey: false, type: "click" };
    this.invokeDotNet(this.dotNetObjects.get("Blazor._internal.attachWebRendererInterop"), "DispatchEventAsync", [descriptor, args]);
  }

  /** Leaves as a page does when the learner navigates away: the circuit is disposed at once, not kept for a reconnect. */
  async close() {
    clearInterval(this.#ping);
    if (this.circuitId) {
      const body = new FormData();
      body.set("circuitId", this.circuitId);
      await fetch(`${this.#base}/_blazor/disconnect`, { method: "POST", body, headers: { cookie: this.#cookieHeader() } }).catch(() => {});
    }
    this.#socket?.close();
  }
}
