import assert from "node:assert/strict";
import { parseSpotFlags } from "../../../src/spot/flags.ts";

Deno.test("spot flags: defaults, PORT from the environment, flags over it", () => {
  assert.deepEqual(parseSpotFlags([], {}), {
    host: "127.0.0.1",
    port: 8001,
    engines: 1,
    queue: 8,
    logLevel: "info",
    searchDeadlineMs: 600_000,
  });
  assert.equal(parseSpotFlags([], { PORT: "9001" }).port, 9001);
  const all = parseSpotFlags(
    ["--port", "9002", "--engines", "2", "--queue", "0", "--host", "0.0.0.0"],
    { PORT: "9001", LOG_LEVEL: "warn", SPOT_SEARCH_DEADLINE_MS: "5000" },
  );
  assert.deepEqual(all, {
    host: "0.0.0.0",
    port: 9002,
    engines: 2,
    queue: 0,
    logLevel: "warn",
    searchDeadlineMs: 5000,
  });
});

Deno.test("spot flags: every bad flag or variable is one line naming it and what it received", () => {
  const cases: [string[], Record<string, string>, string][] = [
    [["--port", "abc"], {}, '--port must be an integer 1..65535, received "abc"'],
    [["--port", "0"], {}, '--port must be an integer 1..65535, received "0"'],
    [[], { PORT: "x" }, 'PORT must be an integer 1..65535, received "x"'],
    [["--engines", "abc"], {}, '--engines must be an integer 1..64, received "abc"'],
    [["--engines", "0"], {}, '--engines must be an integer 1..64, received "0"'],
    [["--queue", "1.5"], {}, '--queue must be an integer 0..10000, received "1.5"'],
    [["--queue", ""], {}, '--queue must be an integer 0..10000, received ""'],
    [
      [],
      { LOG_LEVEL: "loud" },
      'LOG_LEVEL must be one of debug, info, warn, error, received "loud"',
    ],
    [
      [],
      { SPOT_SEARCH_DEADLINE_MS: "soon" },
      'SPOT_SEARCH_DEADLINE_MS must be an integer 1..86400000, received "soon"',
    ],
  ];
  for (const [args, env, message] of cases) {
    assert.throws(() => parseSpotFlags(args, env), { message }, args.join(" "));
  }
  assert.throws(
    () => parseSpotFlags(["--bogus"], {}),
    /^Error: Unknown option '--bogus' \(usage: deno task spot \[--port 8001\]/,
  );
});
