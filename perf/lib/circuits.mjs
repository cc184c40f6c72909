// Live Blazor circuits: memory per circuit and key-press-to-DOM latency.
// node circuits.mjs --app ours|template --client blazor|browser --base URL --pid PID --levels 25,50,100
//                   --seconds 30 --interval 5 --gcdump PATH --work DIR --out OUT.json
// Each circuit is a new anonymous visitor. For each level N (ascending) it opens circuits up to N,
// measures the server's memory, then has every circuit press a key every --interval seconds (a
// learner reading between keys) for --seconds, and records the latencies.
//
// --client blazor (the default): every circuit is held by a light client (blazor-client.mjs) that
//   speaks the circuit's protocol as blazor.web.js does; a key press is what the page's key module
//   sends, and the latency runs to the render batch that carries the change. One machine can play
//   100 learners this way and the server is what is measured (each learner has a machine of their own).
// --client browser: every circuit is a Chromium page (one context each); a key press is a real key,
//   and the latency runs to the DOM mutation that shows the change. On a 2-core machine 100 pages
//   saturate the cores themselves, so the figures at 100 measure Chromium as much as the server.
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { BlazorClient } from "./blazor-client.mjs";

const { values: opt } = parseArgs({
  options: {
    app: { type: "string" }, client: { type: "string", default: "blazor" }, base: { type: "string" }, pid: { type: "string" },
    levels: { type: "string", default: "25,50,100" }, seconds: { type: "string", default: "30" },
    interval: { type: "string", default: "5" },
    gcdump: { type: "string" }, work: { type: "string" }, out: { type: "string" },
  },
});
const levels = opt.levels.split(",").map(Number).sort((a, b) => a - b);
const seconds = Number(opt.seconds);
const interval = Number(opt.interval) * 1000;
const log = (...a) => console.error(`[circuits ${opt.app} ${opt.client}]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const APPS = {
  ours: {
    path: "/study/kubernetes",
    ready: "[data-testid=study][data-keys=ready]",
    // Space reveals the answer; ArrowRight moves on (and hides it again).
    nextKey: () => `document.querySelector("[data-testid=answer]") ? "next" : "reveal"`,
    keys: { reveal: "Space", next: "ArrowRight" },
    // The light client: what session-keys.js sends for the key, and the string the render batch
    // carrying the change holds (the answer's test id; the moved-to position's attribute name).
    light: {
      answers: { shortcutsEnabled: true },
      press: (client, state) => {
        const kind = state.revealed ? "next" : "reveal";
        state.revealed = !state.revealed;
        client.invokeDotNet(client.dotNetObjects.get("attach"), "OnKeyAsync", [kind === "reveal" ? " " : "ArrowRight"]);
        return (batch) => batch.strings.has(kind === "reveal" ? "answer" : "data-position");
      },
      live: (client) => client.dotNetObjects.has("attach"),
    },
  },
  template: {
    path: "/counter",
    ready: "button.btn-primary",
    nextKey: () => `"count"`,
    keys: { count: "Enter" },
    light: {
      answers: {},
      press: (client, state) => {
        const count = String(++state.count);
        client.dispatchClick(client.handlers.get("onclick"));
        return (batch) => batch.strings.has(count);
      },
      live: (client) => client.handlers.has("onclick"),
    },
  },
};
const app = APPS[opt.app];

// Runs in every page before its scripts. __perfArm(kind) arms one measurement: a capture-phase
// keydown listener on window (it runs before the app's listeners) takes t0 = performance.now(),
// and a MutationObserver takes the time of the first DOM mutation after which the expected change
// is visible (the answer shown, the position text or the count text changed).
// window.__perfResult then resolves to the latency in ms, or null after 10 s.
const IN_PAGE = `(() => {
  const probes = {
    reveal: () => !!document.querySelector("[data-testid=answer]"),
    next: () => document.querySelector("[data-testid=study-progress]")?.textContent,
    count: () => document.querySelector("[role=status]")?.textContent,
  };
  window.__perfArm = (kind) => {
    const read = probes[kind];
    const before = read();
    let t0 = 0;
    if (kind === "count") document.querySelector("button.btn-primary").focus();
    else if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    window.addEventListener("keydown", () => { if (!t0) t0 = performance.now(); }, { capture: true, once: true });
    window.__perfResult = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (t0 && read() !== before) { observer.disconnect(); resolve(performance.now() - t0); }
      });
      observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
      setTimeout(() => { observer.disconnect(); resolve(null); }, 10000);
    });
  };
})();`;

// Server memory: the GC heap after the full GC that dotnet-gcdump forces, and the RSS.
function memory() {
  const dump = `${opt.work}/heap-${opt.app}-${Date.now()}.gcdump`;
  execFileSync(opt.gcdump, ["collect", "-p", opt.pid, "-o", dump], { stdio: ["ignore", "ignore", "ignore"] });
  const report = execFileSync(opt.gcdump, ["report", dump], { encoding: "utf8", maxBuffer: 256 << 20 });
  fs.rmSync(dump, { force: true });
  const heap = Number(/([\d,]+)\s+GC Heap bytes/.exec(report)[1].replaceAll(",", ""));
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${opt.pid}/status`, "utf8"))[1]);
  return { gcHeapMB: heap / 2 ** 20, rssMB: rssKb / 1024 };
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
});

// Opens one circuit; for the template, waits until a click really counts (the circuit is live).
async function openPage() {
  const context = await browser.newContext();
  await context.addInitScript(IN_PAGE);
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(opt.base + app.path, { waitUntil: "domcontentloaded" });
  await page.waitForSelector(app.ready);
  if (opt.app === "template") {
    const status = page.locator("[role=status]");
    const before = await status.textContent();
    for (let i = 0; (await status.textContent()) === before; i++) {
      if (i > 600) throw new Error("the counter never became interactive");
      await page.click("button.btn-primary");
      await sleep(200);
    }
  }
  return {
    async press() {
      if (opt.app === "ours") await page.waitForSelector(app.ready);
      const kind = await page.evaluate(app.nextKey());
      await page.evaluate((k) => window.__perfArm(k), kind);
      await page.keyboard.press(app.keys[kind]);
      return page.evaluate(() => window.__perfResult);
    },
    async close() {
      await page.goto("about:blank");
      await context.close();
    },
  };
}

async function openLight() {
  const client = await BlazorClient.open(opt.base, app.path, { answers: app.light.answers });
  for (let i = 0; !app.light.live(client); i++) {
    if (i > 600) throw new Error("the circuit never became interactive");
    await sleep(100);
  }
  const state = { revealed: false, count: 0 };
  return {
    press() {
      return new Promise((resolve) => {
        const t0 = performance.now();
        const timer = setTimeout(() => { client.onBatch = null; resolve(null); }, 10_000);
        const changed = app.light.press(client, state);
        client.onBatch = (batch) => {
          if (!changed(batch)) return;
          clearTimeout(timer);
          client.onBatch = null;
          resolve(performance.now() - t0);
        };
      });
    },
    close: () => client.close(),
  };
}

const open = opt.client === "browser" ? openPage : openLight;

// Every page presses a key every `interval` ms for `seconds`, starting at a random offset.
// Every circuit presses a key every `every` ms for `seconds`, starting at a random offset.
async function pressKeys(circuits, every = interval) {
  const latencies = [];
  let missed = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(circuits.map(async (circuit) => {
    await sleep(Math.random() * every);
    while (Date.now() < end) {
      const started = Date.now();
      const ms = await circuit.press();
      if (ms === null) missed++; else latencies.push(ms);
      await sleep(Math.max(0, every - (Date.now() - started)));
    }
  }));
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(p / 100 * latencies.length) - 1)] : null;
  return { interval: every / 1000, presses: latencies.length, missed, p50: pct(50), p95: pct(95), max: latencies.at(-1) ?? null };
}

let result;
const pages = [];
// With light clients, one more learner uses a real Chromium page among them and presses a key every
// second: the time from its key to its screen, with the server as busy as the level makes it.
let observer = null;
try {
  // Warm-up: one circuit opened, used, and left (navigating away sends Blazor's disconnect, so the
  // circuit is gone rather than kept as a disconnected one), so the baseline has the code loaded.
  const warm = await open();
  await warm.press();
  await warm.close();
  await sleep(3000);
  const baseline = memory();
  log(`baseline: GC heap ${baseline.gcHeapMB.toFixed(1)} MB, RSS ${baseline.rssMB.toFixed(1)} MB`);

  result = { app: opt.app, client: opt.client, path: app.path, baseline, levels: [] };
  for (const n of levels) {
    const t = Date.now();
    try {
      while (pages.length < n) {
        const batch = Math.min(10, n - pages.length); // ten at a time: more only queue on a small machine
        pages.push(...await Promise.all(Array.from({ length: batch }, open)));
      }
    } catch (error) {
      // A page that does not open in 2 minutes ends the run at the last level reached.
      log(`could not open ${n} circuits (${pages.length} open): ${error.message.split("\n")[0]}`);
      result.failed = { circuits: n, open: pages.length, error: error.message.split("\n")[0] };
      break;
    }
    if (opt.client !== "browser" && !observer) observer = await openPage();
    log(`${n} circuits open (${((Date.now() - t) / 1000).toFixed(0)} s)`);
    await sleep(3000);
    const mem = memory();
    const live = n + (observer ? 1 : 0);
    const perCircuit = {
      gcHeapMB: (mem.gcHeapMB - baseline.gcHeapMB) / live,
      rssMB: (mem.rssMB - baseline.rssMB) / live,
    };
    log(`${n} circuits: GC heap ${mem.gcHeapMB.toFixed(1)} MB, RSS ${mem.rssMB.toFixed(1)} MB; per circuit ${perCircuit.gcHeapMB.toFixed(3)} / ${perCircuit.rssMB.toFixed(3)} MB`);
    const [keys, screen] = await Promise.all([pressKeys(pages), observer ? pressKeys([observer], 1000) : null]);
    log(`${n} circuits: ${keys.presses} presses (${keys.missed} missed), p50 ${keys.p50?.toFixed(1)} ms, p95 ${keys.p95?.toFixed(1)} ms`);
    if (screen) log(`${n} circuits: one browser page, key to screen: ${screen.presses} presses (${screen.missed} missed), p50 ${screen.p50?.toFixed(1)} ms, p95 ${screen.p95?.toFixed(1)} ms`);
    result.levels.push({ circuits: n, memory: mem, perCircuit, keys, screen });
  }
} finally {
  if (result) fs.writeFileSync(opt.out, JSON.stringify(result, null, 2));
  if (opt.client !== "browser") await Promise.all(pages.map((circuit) => circuit.close()));
  await browser.close();
}
