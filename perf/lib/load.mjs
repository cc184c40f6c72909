// Load runs with autocannon: node load.mjs TARGETS.json OUT.json RUNS DURATION
// TARGETS.json: [{ "key": "ours:/", "url": "http://127.0.0.1:PORT/" }, ...]
// Each target gets one warm-up of WARMUP seconds, then RUNS runs of DURATION seconds with 16
// connections. Runs go round the targets (run 1 of every target, then run 2, ...), so a slow
// spell on the shared machine touches every target rather than one.
import fs from "node:fs";
import autocannon from "autocannon";

const [targetsFile, outFile, runsArg, durationArg] = process.argv.slice(2);
const targets = JSON.parse(fs.readFileSync(targetsFile, "utf8"));
const runs = Number(runsArg);
const duration = Number(durationArg);
const CONNECTIONS = 16;
const WARMUP = 3;

const log = (...a) => console.error("[load]", ...a);

function cannon(url, seconds) {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds });
}

const results = Object.fromEntries(targets.map((t) => [t.key, { url: t.url, runs: [] }]));
for (const t of targets) {
  log(`warm-up ${WARMUP} s: ${t.url}`);
  await cannon(t.url, WARMUP);
}
for (let run = 1; run <= runs; run++) {
  for (const t of targets) {
    const r = await cannon(t.url, duration);
    const row = {
      reqPerSec: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      requests: r.requests.total,
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
    };
    results[t.key].runs.push(row);
    log(`run ${run}/${runs} ${t.key}: ${row.reqPerSec.toFixed(0)} req/s, p50 ${row.p50} ms, errors ${row.errors}, timeouts ${row.timeouts}, non-2xx ${row.non2xx}`);
  }
}
fs.writeFileSync(outFile, JSON.stringify(results, null, 2));
