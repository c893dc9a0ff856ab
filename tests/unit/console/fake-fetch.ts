/**
 * The gateway's answers for the view tests, served by a function in place of `fetch` (the
 * views' only I/O): each route a handler; every request recorded.
 */
export type Handler = (req: Request) => Response | Promise<Response>;

/** An SSE body of `events` (`event`, `id`, `data`), ended. */
export function sse(events: { event: string; id: string; data: unknown }[]): Response {
  const text = events.map((e) =>
    `event: ${e.event}\nid: ${e.id}\ndata: ${JSON.stringify(e.data)}\n\n`
  )
    .join("");
  return new Response(text, { headers: { "content-type": "text/event-stream" } });
}

/** Installs a `fetch` that answers from `routes` (by method and path); returns the log and undo. */
export function serveFetch(
  routes: Record<string, Handler>,
): { requests: Request[]; restore: () => void } {
  const original = globalThis.fetch;
  const requests: Request[] = [];
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const req = new Request(new URL(String(input), "http://gateway.test"), init);
    requests.push(req);
    const url = new URL(req.url);
    const handler = routes[`${req.method} ${url.pathname}`];
    if (!handler) {
      return new Response(
        JSON.stringify({ error: { code: "not_found", message: "No such route" } }),
        { status: 404 },
      );
    }
    return await handler(req);
  }) as typeof fetch;
  return { requests, restore: () => (globalThis.fetch = original) };
}
