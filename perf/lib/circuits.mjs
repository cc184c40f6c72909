// Live Blazor circuits: memory per circuit and key-press-to-DOM latency.
// node circuits.mjs --app ours|template --base URL --pid PID --levels 25,50,100 --seconds 30 --interval 5
//                   --gcdump PATH --work DIR --out OUT.json
// One Chromium; one browser context (a new anonymous visitor, so a new circuit) per page.
// For each level N (ascending) it opens pages up to N, measures the server's memory, then has
// every page press a key every --interval seconds (a learner reading between keys) for --seconds,
// and records the latencies.
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values: opt } = parseArgs({
  options: {
    app: { type: "string" }, base: { type: "string" }, pid: { type: "string" },
    levels: { type: "string", default: "25,50,100" }, seconds: { type: "string", default: "30" },
    interval: { type: "string", default: "5" },
    gcdump: { type: "string" }, work: { type: "string" }, out: { type: "string" },
  },
});
const levels = opt.levels.split(",").map(Number).sort((a, b) => a - b);
const seconds = Number(opt.seconds);
const interval = Number(opt.interval) * 1000;
const log = (...a) => console.error(`[circuits ${opt.app}]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const APPS = {
  ours: {
    path: "/study/kubernetes",
    ready: "[data-testid=study][data-keys=ready]",
    // Space reveals the answer; ArrowRight moves on (and hides it again).
    nextKey: () => `document.querySelector("[data-testid=answer]") ? "next" : "reveal"`,
    keys: { reveal: "Space", next: "ArrowRight" },
  },
  template: {
    path: "/counter",
    ready: "button.btn-primary",
    nextKey: () => `"count"`,
    keys: { count: "Enter" },
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
async function open() {
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
  return { context, page };
}

async function pressOnce(page) {
  if (opt.app === "ours") await page.waitForSelector(app.ready);
  const kind = await page.evaluate(app.nextKey());
  await page.evaluate((k) => window.__perfArm(k), kind);
  await page.keyboard.press(app.keys[kind]);
  return page.evaluate(() => window.__perfResult);
}

// Every page presses a key every `interval` ms for `seconds`, starting at a random offset.
async function pressKeys(pages) {
  const latencies = [];
  let missed = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(pages.map(async ({ page }) => {
    await sleep(Math.random() * interval);
    while (Date.now() < end) {
      const started = Date.now();
      const ms = await pressOnce(page);
      if (ms === null) missed++; else latencies.push(ms);
      await sleep(Math.max(0, interval - (Date.now() - started)));
    }
  }));
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(p / 100 * latencies.length) - 1)] : null;
  return { interval: interval / 1000, presses: latencies.length, missed, p50: pct(50), p95: pct(95), max: latencies.at(-1) ?? null };
}

let result;
try {
  // Warm-up: one circuit opened, used, and left (navigating away sends Blazor's disconnect, so the
  // circuit is gone rather than kept as a disconnected one), so the baseline has the code loaded.
  const warm = await open();
  await pressOnce(warm.page);
  await warm.page.goto("about:blank");
  await warm.context.close();
  await sleep(3000);
  const baseline = memory();
  log(`baseline: GC heap ${baseline.gcHeapMB.toFixed(1)} MB, RSS ${baseline.rssMB.toFixed(1)} MB`);

  const pages = [];
  result = { app: opt.app, path: app.path, baseline, levels: [] };
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
    log(`${n} circuits open (${((Date.now() - t) / 1000).toFixed(0)} s)`);
    await sleep(3000);
    const mem = memory();
    const perCircuit = {
      gcHeapMB: (mem.gcHeapMB - baseline.gcHeapMB) / n,
      rssMB: (mem.rssMB - baseline.rssMB) / n,
    };
    log(`${n} circuits: GC heap ${mem.gcHeapMB.toFixed(1)} MB, RSS ${mem.rssMB.toFixed(1)} MB; per circuit ${perCircuit.gcHeapMB.toFixed(3)} / ${perCircuit.rssMB.toFixed(3)} MB`);
    const keys = await pressKeys(pages);
    log(`${n} circuits: ${keys.presses} presses (${keys.missed} missed), p50 ${keys.p50?.toFixed(1)} ms, p95 ${keys.p95?.toFixed(1)} ms`);
    result.levels.push({ circuits: n, memory: mem, perCircuit, keys });
  }
} finally {
  if (result) fs.writeFileSync(opt.out, JSON.stringify(result, null, 2));
  await browser.close();
}
