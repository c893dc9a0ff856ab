/**
 * The floor: the least a Deno proxy can do — Deno.serve in, fetch out, the answer relayed as
 * is (JSON read and re-sent, a stream's body piped), with no routing, validation, limits,
 * metrics or logs. The benchmark runs it beside the gateway on the same spot, so a figure
 * that misses its target can be read against what any Deno proxy costs on the same machine.
 *
 * With RELAY=js a stream's body is not piped (which Deno does natively, without running any
 * JavaScript per chunk) but read chunk by chunk in JavaScript and enqueued into the response,
 * as any proxy must that looks at the bytes — the gateway does, for resuming (docs/design.md
 * §4). It reads the way the gateway does (one reused buffer, each chunk copied out): the floor
 * of relaying through JavaScript.
 *
 *   UPSTREAM=http://127.0.0.1:9001 PORT=9100 [RELAY=js] deno run -A bench/bare-proxy.ts
 */
import { chunkReader } from "../src/upstream/byte-reader.ts";

const upstream = Deno.env.get("UPSTREAM")!;
const throughJs = Deno.env.get("RELAY") === "js";

/** The body read in JavaScript, each chunk copied into the response as it comes. */
function relayed(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = chunkReader(body);
  return new ReadableStream<Uint8Array>({
    async pull(ctl) {
      const r = await reader.read();
      if (r.done) ctl.close();
      else ctl.enqueue(r.value.slice());
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

Deno.serve(
  { hostname: "127.0.0.1", port: Number(Deno.env.get("PORT")), onListen() {} },
  async (req) => {
    const url = new URL(req.url);
    if (url.pathname === "/health") return new Response("ok");
    const res = await fetch(upstream + url.pathname + url.search, {
      method: req.method,
      body: req.method === "POST" ? await req.text() : undefined,
      headers: { "content-type": req.headers.get("content-type") ?? "application/json" },
    });
    const type = res.headers.get("content-type") ?? "application/json";
    if (type.startsWith("text/event-stream")) {
      const body = throughJs ? relayed(res.body!) : res.body;
      return new Response(body, { headers: { "content-type": type } });
    }
    return new Response(await res.text(), {
      status: res.status,
      headers: { "content-type": type },
    });
  },
);
