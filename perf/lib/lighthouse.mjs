// Lighthouse (mobile, the default throttling), performance category only:
// node lighthouse.mjs TARGETS.json OUT.json RUNS REPORTDIR
// TARGETS.json: [{ "key": "ours:home", "url": "..." }, ...]. Each run is a fresh Chromium profile,
// so it is a first visit. Keeps the score (0-100), LCP and TBT (ms) and total-byte-weight (bytes).
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const [targetsFile, outFile, runsArg, reportDir] = process.argv.slice(2);
const targets = JSON.parse(fs.readFileSync(targetsFile, "utf8"));
const runs = Number(runsArg);
const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "lighthouse", "cli", "index.js");
const log = (...a) => console.error("[lighthouse]", ...a);

const results = Object.fromEntries(targets.map((t) => [t.key, { url: t.url, runs: [] }]));
for (let run = 1; run <= runs; run++) {
  for (const t of targets) {
    const report = path.join(reportDir, `${t.key.replace(/[^a-z0-9]+/gi, "-")}-${run}.json`);
    execFileSync(process.execPath, [cli, t.url, "--only-categories=performance", "--output=json",
      `--output-path=${report}`, "--quiet", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
      { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" } });
    const lhr = JSON.parse(fs.readFileSync(report, "utf8"));
    if (lhr.runtimeError) throw new Error(`${t.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const a = lhr.audits;
    const row = {
      score: Math.round(lhr.categories.performance.score * 100),
      lcpMs: a["largest-contentful-paint"].numericValue,
      tbtMs: a["total-blocking-time"].numericValue,
      bytes: a["total-byte-weight"].numericValue,
    };
    results[t.key].runs.push(row);
    log(`run ${run}/${runs} ${t.key}: score ${row.score}, LCP ${row.lcpMs.toFixed(0)} ms, TBT ${row.tbtMs.toFixed(0)} ms, ${(row.bytes / 1024).toFixed(0)} KiB`);
  }
}
fs.writeFileSync(outFile, JSON.stringify(results, null, 2));
