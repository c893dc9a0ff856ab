import assert from "node:assert/strict";
import { Attempts } from "../../../src/proxy/attempts.ts";
import type { Outcome } from "../../../src/core/attempt-policy.ts";
import { seeded } from "../core/fixtures.ts";
import { FakeRouter } from "./fake-router.ts";

const KINDS: Outcome[] = [
  { kind: "ok" },
  { kind: "connect_error" },
  { kind: "timeout" },
  { kind: "http_5xx", status: 502 },
  { kind: "busy", retryAfterS: 1 },
  { kind: "stream_cut" },
  { kind: "aborted" },
];

Deno.test("Attempts: retry tokens balance to zero after any sequence, 'no spot left' included", () => {
  const random = seeded(5);
  for (let round = 0; round < 300; round++) {
    const spots = ["a", "b", "c"].slice(0, 1 + Math.floor(random() * 3));
    const router = new FakeRouter(spots);
    const books: Attempts[] = [];
    for (let r = 0; r < 1 + Math.floor(random() * 6); r++) {
      const book = new Attempts(router, [], Infinity);
      books.push(book);
      for (let i = 0; i < 5; i++) {
        using lease = book.next(random() < 0.2);
        if (!lease) break;
        if (random() < 0.8) book.record(lease, KINDS[Math.floor(random() * KINDS.length)]!, 1);
      }
    }
    for (const b of books) b[Symbol.dispose]();
    assert.equal(router.budget.inUse, 0, `round ${round}: tokens left in the budget`);
    assert.equal(router.inFlight, 0, `round ${round}: a lease was not settled`);
  }
});

Deno.test("Attempts: no token is taken when no spot is left", () => {
  const router = new FakeRouter(["a"]);
  using book = new Attempts(router, [], Infinity);
  const first = book.next()!;
  book.record(first, { kind: "connect_error" }, 1);
  assert.equal(book.next(), undefined);
  assert.equal(book.stopped, "no_spot");
  assert.equal(book.tokens, 0);
  assert.equal(router.budget.inUse, 0);
});

Deno.test("Attempts: at most 3 spots; a spent budget stops; a resume's first pick is free", () => {
  const router = new FakeRouter(["a", "b", "c", "d"]);
  const book = new Attempts(router, [], Infinity);
  for (let i = 0; i < 3; i++) {
    book.record(book.next(i === 1)!, { kind: "http_5xx", status: 500 }, 1);
  }
  assert.equal(book.tokens, 1, "the free resume took none");
  assert.equal(book.next(), undefined);
  assert.equal(book.stopped, "attempts");
  assert.deepEqual(book.tried.map((t) => t.spot), ["a", "b", "c"]);
  book[Symbol.dispose]();
  book[Symbol.dispose]();
  assert.equal(router.budget.inUse, 0, "disposed once");
  const starved = new FakeRouter(["a", "b"]);
  const other = new Attempts(starved, [], Infinity);
  other.record(other.next()!, { kind: "timeout" }, 1);
  starved.budget.tryRetry(); // someone else holds the only token
  assert.equal(other.next(), undefined);
  assert.equal(other.stopped, "budget");
  other[Symbol.dispose]();
});

Deno.test("Attempts: the overall deadline stops new attempts and bounds what is left", () => {
  let now = 0;
  const book = new Attempts(new FakeRouter(["a", "b"]), [], 1000, () => now);
  assert.equal(book.remainingMs(), 1000);
  now = 400;
  book.record(book.next()!, { kind: "http_5xx", status: 500 }, 1);
  assert.equal(book.remainingMs(), 600);
  now = 1000;
  assert.equal(book.next(), undefined);
  assert.equal(book.stopped, "deadline");
  book[Symbol.dispose]();
});

Deno.test("Attempts: a busy attempt's Retry-After goes into the log line", () => {
  using book = new Attempts(new FakeRouter(["a"]), [], Infinity);
  book.record(book.next()!, { kind: "busy", retryAfterS: 4 }, 2);
  assert.deepEqual(book.tried, [{ spot: "a", outcome: "busy", ms: 2, retryAfterS: 4 }]);
});
