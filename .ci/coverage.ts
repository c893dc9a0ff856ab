// deno-lint-ignore-file no-console -- a CI script reports on stdout
// Line coverage of src/ from an lcov file; a src file that no test loaded counts as uncovered,
// so an untested module cannot hide from the 90 % rule. Prints the percentage; exit 1 if < 90.
const [lcovPath, srcDir] = Deno.args as [string, string];
const lcov = await Deno.readTextFile(lcovPath);
const seen = new Map<string, { found: number; hit: number }>();
let file = "";
for (const line of lcov.split("\n")) {
  if (line.startsWith("SF:")) {
    file = line.slice(3);
    if (file.includes(`/${srcDir}/`)) seen.set(file, { found: 0, hit: 0 });
  }
  const rec = seen.get(file);
  if (rec && line.startsWith("LF:")) rec.found = Number(line.slice(3));
  if (rec && line.startsWith("LH:")) rec.hit = Number(line.slice(3));
}
let found = 0, hit = 0;
for (const { found: f, hit: h } of seen.values()) (found += f, hit += h);
async function walk(dir: string): Promise<void> {
  for await (const e of Deno.readDir(dir)) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory) await walk(path);
    else if (path.endsWith(".ts") && ![...seen.keys()].some((k) => k.endsWith(path.slice(1)))) {
      const text = await Deno.readTextFile(path);
      // A file of types only has no runtime code, so nothing for coverage to load.
      if (!/^\s*(export\s+)?(async\s+)?(function|class|const|let|var|enum|await)\b/m.test(text)) {
        continue;
      }
      const lines = text.split("\n").filter((l) => l.trim()).length;
      console.error(`not loaded by any test: ${path} (${lines} lines counted uncovered)`);
      found += lines;
    }
  }
}
await walk(`./${srcDir}`);
const pct = found === 0 ? 0 : (100 * hit) / found;
console.log(pct.toFixed(1));
if (pct < 90) Deno.exit(1);
