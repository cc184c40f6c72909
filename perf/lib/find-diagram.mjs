// Prints the path (/questions/{id}) of the first question whose page contains a mermaid diagram,
// looking at /channels/kubernetes first, then at every channel listed on /channels.
const base = process.argv[2];
const MAX_QUESTIONS = 400;

async function html(path) {
  const response = await fetch(new URL(path, base + "/"));
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return response.text();
}

// Links are written relative to <base href="/">: "questions/q-1" or "/questions/q-1".
function links(page, prefix) {
  const found = [...page.matchAll(new RegExp(`href="/?(${prefix}/[^"?#/]+)"`, "g"))].map((m) => "/" + m[1]);
  return [...new Set(found)];
}

const channels = ["/channels/kubernetes", ...links(await html("/channels"), "channels")];
let tried = 0;
for (const channel of [...new Set(channels)]) {
  for (const question of links(await html(channel), "questions")) {
    if (++tried > MAX_QUESTIONS) break;
    if ((await html(question)).includes("mermaid-diagram")) {
      console.log(question);
      process.exit(0);
    }
  }
}
console.error(`no question with a mermaid diagram among the ${tried} questions looked at`);
process.exit(1);
