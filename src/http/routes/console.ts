import { Hono } from "hono";
import { GatewayError } from "../../errors/gateway-error.ts";
import type { ConsoleAsset } from "./console-assets.ts";
import { assetResponse } from "./console-headers.ts";

/** The console's files by name, or why there are none (README "Console"). */
export type ConsoleFiles = Map<string, ConsoleAsset> | { missing: string };

/**
 * The console (README "Console"): `/` and `/console` redirect to `/console/`, which is the
 * page; `/console/<hashed name>` its script and stylesheet. `files` resolves once the bundle
 * is loaded (built first when it was stale), so the gateway serves before it is ready.
 */
export function consoleRoutes(files: Promise<ConsoleFiles>): Hono {
  const app = new Hono();
  const serve = async (name: string, req: Request) => {
    const loaded = await files;
    if (!(loaded instanceof Map)) {
      throw new GatewayError("not_found", `The console is not available: ${loaded.missing}`, {
        hint: "Run `deno task console:build`, then restart the gateway",
      });
    }
    const asset = loaded.get(name);
    if (!asset) {
      throw new GatewayError("not_found", `No console file "${name}"`, {
        hint: "Open /console/ (a reloaded page asks for the current files)",
      });
    }
    return assetResponse(asset, {
      ifNoneMatch: req.headers.get("if-none-match") ?? undefined,
      acceptEncoding: req.headers.get("accept-encoding") ?? undefined,
    }, req.method === "HEAD");
  };
  app.get("/", (c) => c.redirect("/console/", 302));
  app.get("/console", (c) => c.redirect("/console/", 301));
  app.get("/console/", (c) => serve("index.html", c.req.raw));
  app.get("/console/:file", (c) => serve(c.req.param("file"), c.req.raw));
  return app;
}
