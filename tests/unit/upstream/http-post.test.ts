import assert from "node:assert/strict";
import { post, type PostAnswer, PostError } from "../../../src/upstream/http-post.ts";
import { freePort } from "../../helpers/procs.ts";

const live = new AbortController().signal;
const opts = { timeoutMs: 2000, signal: live };

/** A raw HTTP/1.1 server on loopback: `answer(n)` says what to do with the n-th request. */
function rawServer(answer: (n: number) => "ok" | "close" | "hang") {
  const port = freePort();
  const listener = Deno.listen({ hostname: "127.0.0.1", port });
  const conns: Deno.Conn[] = [];
  let requests = 0, connections = 0;
  const serveConn = async (conn: Deno.Conn) => {
    const buf = new Uint8Array(65536);
    let text = "";
    while (true) {
      const n = await conn.read(buf).catch(() => null);
      if (n === null) return conn.close();
      text += new TextDecoder().decode(buf.subarray(0, n));
      const head = text.indexOf("\r\n\r\n");
      const length = Number(/content-length: (\d+)/i.exec(text)?.[1] ?? 0);
      if (head < 0 || text.length < head + 4 + length) continue;
      text = text.slice(head + 4 + length);
      const what = answer(++requests);
      if (what === "close") return conn.close();
      if (what === "hang") continue;
      const body = `{"n":${requests}}`;
      await conn.write(new TextEncoder().encode(
        `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
      ));
    }
  };
  const loop = (async () => {
    for await (const conn of listener) {
      connections++, conns.push(conn);
      void serveConn(conn).catch(() => {});
    }
  })();
  return {
    url: `http://127.0.0.1:${port}/analyze`,
    stats: () => ({ requests, connections }),
    stop: async () => {
      listener.close();
      for (const c of conns) {
        try {
          c.close();
        } catch { /* already closed */ }
      }
      await loop.catch(() => {});
    },
  };
}

/** The status and text of an answer (its Retry-After is tested with the gateway). */
const answer = (a: PostAnswer) => ({ status: a.status, text: a.text });

Deno.test("post: answers status and body, and reuses the connection", async () => {
  const srv = rawServer(() => "ok");
  try {
    assert.deepEqual(answer(await post(srv.url, "{}", {}, opts)), { status: 200, text: '{"n":1}' });
    assert.deepEqual(answer(await post(srv.url, "{}", {}, opts)), { status: 200, text: '{"n":2}' });
    assert.deepEqual(srv.stats(), { requests: 2, connections: 1 });
  } finally {
    await srv.stop();
  }
});

Deno.test("post: a pooled connection the spot closed is retried once on a new one", async () => {
  // Request 2 arrives on the kept-alive connection, which the server drops unanswered.
  const srv = rawServer((n) => (n === 2 ? "close" : "ok"));
  try {
    await post(srv.url, "{}", {}, opts);
    assert.deepEqual(answer(await post(srv.url, "{}", {}, opts)), { status: 200, text: '{"n":3}' });
    assert.deepEqual(srv.stats(), { requests: 3, connections: 2 });
  } finally {
    await srv.stop();
  }
});

Deno.test("post: a fresh connection dropped unanswered is a network error, not retried", async () => {
  const srv = rawServer(() => "close");
  try {
    const err = await post(srv.url, "{}", {}, opts).catch((e) => e);
    assert.ok(err instanceof PostError && err.kind === "network", String(err));
    assert.equal(srv.stats().requests, 1);
  } finally {
    await srv.stop();
  }
});

Deno.test("post: the deadline and the client's abort end a hanging request", async () => {
  const srv = rawServer(() => "hang");
  try {
    const late = await post(srv.url, "{}", {}, { timeoutMs: 50, signal: live }).catch((e) => e);
    assert.equal((late as PostError).kind, "timeout");
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 30);
    const gone = await post(srv.url, "{}", {}, { timeoutMs: 5000, signal: ctl.signal })
      .catch((e) => e);
    assert.equal((gone as PostError).kind, "aborted");
    const before = await post(srv.url, "{}", {}, { timeoutMs: 5000, signal: AbortSignal.abort() })
      .catch((e) => e);
    assert.equal((before as PostError).kind, "aborted");
  } finally {
    await srv.stop();
  }
});

Deno.test("post: a closed port is a network error", async () => {
  const err = await post(`http://127.0.0.1:${freePort()}/analyze`, "{}", {}, opts).catch((e) => e);
  assert.equal((err as PostError).kind, "network");
});
