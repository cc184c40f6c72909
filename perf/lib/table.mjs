// Builds the markdown report from the JSON files of a work dir: node table.mjs WORKDIR
// Every figure is the median over the runs (for an even count, the mean of the middle two).
import fs from "node:fs";
import path from "node:path";

const work = process.argv[2];
const read = (name) => {
  const file = path.join(work, name);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null;
};
const meta = read("meta.json");
const load = read("load.json");
const lh = read("lighthouse.json");
const circuits = { ours: [], template: [] };
for (const f of fs.readdirSync(work).filter((f) => /^circuits-(ours|template)-\d+\.json$/.test(f)).sort()) {
  const r = JSON.parse(fs.readFileSync(path.join(work, f), "utf8"));
  circuits[r.app].push(r);
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, digits = 0) => (x === null || x === undefined ? "n/a" : x.toFixed(digits));
const ratio = (a, b) => (a === null || b === null || b === 0 ? "n/a" : `${(a / b).toFixed(2)}×`);
const rows = [];
const row = (...cells) => rows.push(`| ${cells.join(" | ")} |`);

if (load) {
  const stat = (key) => {
    const runs = load[key].runs;
    const bad = runs.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
    return { rps: median(runs.map((r) => r.reqPerSec)), p50: median(runs.map((r) => r.p50)), bad };
  };
  const cell = (s) => `${fmt(s.rps)} req/s, p50 ${fmt(s.p50)} ms${s.bad ? ` ⚠ ${s.bad} errors/timeouts/non-2xx` : ""}`;
  const home = stat("template:/");
  const pairs = [
    ["`GET /` under load (autocannon, 16 connections, " + meta.duration + " s)", "ours:/", "template:/", "template's `/`"],
    ["`GET /channels`", "ours:/channels", "template:/", "template's `/`"],
    ["`GET /channels/kubernetes`", "ours:/channels/kubernetes", "template:/", "template's `/`"],
    ["`GET " + meta.question + "` (a question with a diagram)", "ours:question", "template:/", "template's `/`"],
    ["`GET /search?q=kubernetes+pod`", "ours:/search", "template:/", "template's `/`"],
    ["`GET /healthz` vs the template's `/favicon.png`", "ours:/healthz", "template:/favicon.png", "template's `/favicon.png`"],
  ];
  for (const [label, ours, tmpl, what] of pairs) {
    const o = stat(ours);
    const t = tmpl === "template:/" ? home : stat(tmpl);
    row(label, cell(o), `${cell(t)} (${what})`, `req/s ${ratio(o.rps, t.rps)}, p50 ${ratio(o.p50, t.p50)}`);
  }
}

if (lh) {
  const pages = ["ours:home", "ours:channel", "ours:question"];
  const m = (key, field) => median(lh[key].runs.map((r) => r[field]));
  const line = (label, field, unit, scale = 1, digits = 0, keys = pages) => {
    const t = m("template:home", field);
    row(label,
      keys.map((k) => fmt(m(k, field) / scale, digits)).join(" / ") + unit,
      `${fmt(t / scale, digits)}${unit} (template home)`,
      keys.map((k) => ratio(m(k, field), t)).join(" / "));
  };
  line("Lighthouse mobile performance, home / channel / question with diagram", "score", "");
  line("Largest Contentful Paint (mobile, throttled), home / channel / question", "lcpMs", " ms");
  line("Total blocking time, home / channel / question", "tbtMs", " ms");
  line("bytes for a first visit (total-byte-weight), home / question with diagram", "bytes", " KiB", 1024, 0, ["ours:home", "ours:question"]);
}

if (circuits.ours.length || circuits.template.length) {
  const at = (app, n, pick) => median(circuits[app].map((r) => {
    const level = r.levels.find((l) => l.circuits === n);
    return level ? pick(level) : null;
  }));
  // The largest level every run reached (a run stops at a level whose pages do not open).
  const reached = (app) => Math.min(...circuits[app].map((r) => Math.max(0, ...r.levels.map((l) => l.circuits))));
  const max = Math.min(reached("ours"), reached("template"));
  for (const app of ["ours", "template"]) {
    for (const r of circuits[app].filter((r) => r.failed)) {
      meta.notes.push(`${app}: could not open ${r.failed.circuits} circuits (${r.failed.open} were open): ${r.failed.error}`);
    }
  }
  const heapO = at("ours", max, (l) => l.perCircuit.gcHeapMB);
  const heapT = at("template", max, (l) => l.perCircuit.gcHeapMB);
  const rssO = at("ours", max, (l) => l.perCircuit.rssMB);
  const rssT = at("template", max, (l) => l.perCircuit.rssMB);
  row(`memory per live circuit (\`/study/kubernetes\` vs template \`/counter\`), ${max} circuits: GC heap after a forced full GC (RSS in brackets)`,
    `${fmt(heapO, 3)} MB (RSS ${fmt(rssO, 2)} MB)`, `${fmt(heapT, 3)} MB (RSS ${fmt(rssT, 2)} MB)`,
    `${ratio(heapO, heapT)} (RSS ${ratio(rssO, rssT)})`);
  const p95 = (app) => meta.circuits.map((n) => at(app, n, (l) => l.keys.p95));
  const o = p95("ours");
  const t = p95("template");
  const to = meta.client === "browser" ? "to screen (Chromium pages)" : "to its render batch (light protocol clients)";
  row(`key press ${to} in study mode, p95, at ${meta.circuits.join(" / ")} circuits, each pressing a key every ${meta.keyInterval ?? 1} s`,
    o.map((x) => fmt(x, 1)).join(" / ") + " ms", t.map((x) => fmt(x, 1)).join(" / ") + " ms (template `/counter`)",
    o.map((x, i) => ratio(x, t[i])).join(" / "));
  if (meta.client !== "browser") {
    const screen = (app) => meta.circuits.map((n) => at(app, n, (l) => l.screen?.p95 ?? null));
    const so = screen("ours");
    const st = screen("template");
    row(`key press to screen in one Chromium page among them (a key a second), p95, at ${meta.circuits.join(" / ")} circuits`,
      so.map((x) => fmt(x, 1)).join(" / ") + " ms", st.map((x) => fmt(x, 1)).join(" / ") + " ms (template `/counter`)",
      so.map((x, i) => ratio(x, st[i])).join(" / "));
  }
}

const out = [];
out.push(`Medians of ${meta.runs} run(s). Ours: ${meta.oursCommit}; template: \`dotnet new blazor --interactivity Server\` (${meta.sdk}).`);
out.push("");
out.push("| measure | ours | template | ratio |");
out.push("| --- | --- | --- | --- |");
out.push(...rows);
out.push("");
out.push(...meta.notes.map((n) => `- ${n}`));
if (load) {
  out.push("", "Load runs (every autocannon run):", "", "| target | run | req/s | p50 ms | p99 ms | requests | errors | timeouts | non-2xx |", "| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const [key, v] of Object.entries(load)) {
    v.runs.forEach((r, i) => out.push(`| ${key} | ${i + 1} | ${fmt(r.reqPerSec)} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors} | ${r.timeouts} | ${r.non2xx}${r.errors + r.timeouts + r.non2xx ? " ⚠" : ""} |`));
  }
}
if (circuits.ours.length || circuits.template.length) {
  out.push("", "Circuits (every run and level):", "", "| app | run | circuits | GC heap MB | RSS MB | per circuit GC heap / RSS MB | presses | missed | p50 ms | p95 ms | one page to screen: p50 / p95 ms |", "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const app of ["ours", "template"]) {
    circuits[app].forEach((r, i) => {
      out.push(`| ${app} | ${i + 1} | 0 | ${fmt(r.baseline.gcHeapMB, 1)} | ${fmt(r.baseline.rssMB, 1)} | | | | | | |`);
      for (const l of r.levels) {
        out.push(`| ${app} | ${i + 1} | ${l.circuits} | ${fmt(l.memory.gcHeapMB, 1)} | ${fmt(l.memory.rssMB, 1)} | ${fmt(l.perCircuit.gcHeapMB, 3)} / ${fmt(l.perCircuit.rssMB, 3)} | ${l.keys.presses} | ${l.keys.missed} | ${fmt(l.keys.p50, 1)} | ${fmt(l.keys.p95, 1)} | ${l.screen ? `${fmt(l.screen.p50, 1)} / ${fmt(l.screen.p95, 1)}` : ""} |`);
      }
    });
  }
}
console.log(out.join("\n"));
