import { Hono } from "hono";
import { readJsonObject } from "../api/body.ts";
import { parseAnalysisParams } from "../api/params.ts";
import { VERSION } from "../api/types.ts";
import { GatewayError } from "../errors/gateway-error.ts";
import { renderError } from "../errors/render.ts";
import { encodeComment, encodeEvent, SSE_HEADERS } from "../sse/format.ts";
import { analyze, type AnalyzeDeps } from "./analyze.ts";
import { busyError, type Priority } from "./engine-pool.ts";

/** `X-Priority: batch` marks a job's background position; anything else is interactive. */
export function requestPriority(header: string | undefined): Priority {
  return header?.trim().toLowerCase() === "batch" ? "batch" : "interactive";
}

/** The reference spot's HTTP API (DESIGN §2). `keepAliveMs`: comment period while searching. */
export function spotApp(deps: AnalyzeDeps & { keepAliveMs?: number }): Hono {
  const app = new Hono();
  app.onError(renderError);
  app.notFound(() => {
    throw new GatewayError("not_found", "No such route");
  });
  app.get("/health", (c) =>
    c.json({
      status: "healthy",
      version: VERSION,
      engine: deps.engineName(),
      busy: deps.pool.busy,
      capacity: deps.pool.capacity,
    }));
  app.post("/analyze", async (c) => {
    const req = parseAnalysisParams(await readJsonObject(c));
    const priority = requestPriority(c.req.header("x-priority"));
    return c.json(await analyze(deps, req, () => {}, c.req.raw.signal, priority));
  });
  app.get("/analyze/stream", (c) => {
    const req = parseAnalysisParams(c.req.query());
    const priority = requestPriority(c.req.header("x-priority"));
    if (deps.pool.isFull(priority)) throw busyError(); // refuse before the 200 goes out
    const abort = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(ctl) {
        const send = (bytes: Uint8Array) => !abort.signal.aborted && ctl.enqueue(bytes);
        send(encodeComment("queued"));
        const thinking = setInterval(
          () => send(encodeComment("thinking")),
          deps.keepAliveMs ?? 4000,
        );
        const onLines = (lines: { depth: number; multipv: number }[]) => {
          for (const l of lines) {
            send(
              encodeEvent({
                event: "info",
                id: `${l.depth}.${l.multipv}`,
                data: JSON.stringify(l),
              }),
            );
          }
        };
        analyze(deps, req, onLines, abort.signal, priority).then(
          (result) =>
            send(encodeEvent({ event: "result", id: "result", data: JSON.stringify(result) })),
          (err: unknown) => {
            const e = err instanceof GatewayError
              ? err
              : new GatewayError("engine_failure", "Search failed");
            send(encodeEvent({ event: "error", data: JSON.stringify({ error: e.toBody() }) }));
          },
        ).finally(() => {
          clearInterval(thinking);
          if (!abort.signal.aborted) ctl.close();
        });
      },
      cancel: () => abort.abort(),
    });
    return new Response(body, { headers: SSE_HEADERS });
  });
  return app;
}
