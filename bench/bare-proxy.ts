/**
 * The floor: the least a Deno proxy can do — Deno.serve in, fetch out, the answer relayed as
 * is (JSON read and re-sent, a stream's body piped), with no routing, validation, limits,
 * metrics or logs. The benchmark runs it beside the gateway on the same spot, so a figure
 * that misses its target can be read against what any Deno proxy costs on the same machine.
 *
 *   UPSTREAM=http://127.0.0.1:9001 PORT=9100 deno run -A bench/bare-proxy.ts
 */
const upstream = Deno.env.get("UPSTREAM")!;
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
      return new Response(res.body, { headers: { "content-type": type } });
    }
    return new Response(await res.text(), {
      status: res.status,
      headers: { "content-type": type },
    });
  },
);
