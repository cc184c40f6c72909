// Prints the export's channel files, one path a line: the JSON files of FOLDER that hold an array
// of at least 100 questions (the same selection as InterviewPrep.Benchmarks; in the shared export
// that is 24 files, leaving out the 6 small or malformed certification-like ones).
import fs from "node:fs";
import path from "node:path";

const folder = process.argv[2];
const files = fs.readdirSync(folder).filter((f) => f.endsWith(".json")).sort();
for (const file of files) {
  const full = path.join(folder, file);
  try {
    const rows = JSON.parse(fs.readFileSync(full, "utf8"));
    if (Array.isArray(rows) && rows.length >= 100) console.log(full);
  } catch {
    // not valid JSON: not a channel file
  }
}
