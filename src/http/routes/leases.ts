import { Hono } from "hono";
import { zValidator } from "@hono/zod-validator";
import { z } from "zod";
import { authenticatedUser } from "../../auth/identity.ts";
import { GatewayError } from "../../errors/gateway-error.ts";
import { type AnswerContext, grantedOrThrow, unavailableError } from "../../limits/answers.ts";
import type { ConcurrencyLimiter, Lease } from "../../limits/limiter.ts";

/** What the lease routes need: the limiter and the context of its 429/503 answers. */
export interface LeaseRouteOptions {
  limiter: ConcurrencyLimiter;
  answers: AnswerContext;
}

/**
 * `POST /v1/leases` body: a user id and the class (only `batch` is leased to apps). With app
 * authentication on, the user is the authenticated one and `user_id` may be left out.
 */
export const leaseRequest = z.object({
  user_id: z.string({ error: "user_id must be a string" }).trim().min(1, "user_id is empty")
    .max(256, "user_id is over 256 characters").optional(),
  class: z.literal("batch", { error: 'class must be "batch"' }).default("batch"),
});

/** The JSON of a lease: `{lease_id, user_id, class, expires_at, ttl_s}`. */
export function leaseBody(l: Lease): Record<string, string | number | null> {
  return {
    lease_id: l.id,
    user_id: l.user ?? null,
    class: l.class,
    expires_at: new Date(l.expiresAt).toISOString(),
    ttl_s: Math.round(l.ttl / 1000),
  };
}

const notHeld = (id: string) =>
  new GatewayError("not_found", `Lease ${id} is not held: it expired or was released`, {
    hint: "Take a new one with POST /v1/leases, and renew it before ttl_s passes",
  });

/** The lease's user: the authenticated one (a different `user_id` is 403), else `user_id`. */
function leaseUser(verified: string | undefined, given: string | undefined): string {
  if (verified !== undefined && given !== undefined && given !== verified) {
    throw new GatewayError("forbidden", `user_id "${given}" is not the authenticated user`, {
      hint: "Leave user_id out: the lease is taken for the user your credential names",
    });
  }
  const user = verified ?? given;
  if (user === undefined) {
    throw new GatewayError("invalid_request", "Cannot take a lease: user_id is required", {
      hint: 'Send {"user_id": "<your user id>", "class": "batch"} as JSON',
    });
  }
  return user;
}

/** The job-lease API of docs/design.md §3: take, renew and give back a slot. */
export function leaseRoutes(o: LeaseRouteOptions): Hono {
  const app = new Hono();
  const validJson = zValidator("json", leaseRequest, (r) => {
    if (r.success) return;
    const issue = r.error.issues[0];
    throw new GatewayError("invalid_request", `Cannot take a lease: ${issue?.message}`, {
      hint: 'Send {"user_id": "<your user id>", "class": "batch"} as JSON',
    });
  });
  app.post("/v1/leases", validJson, async (c) => {
    const { user_id: given, class: cls } = c.req.valid("json");
    const user = leaseUser(authenticatedUser(c), given);
    const lease = grantedOrThrow(
      await o.limiter.acquire({ class: cls, user }),
      cls,
      user,
      o.answers,
    );
    return c.json(leaseBody(lease), 201);
  });
  app.post("/v1/leases/:id/renew", async (c) => {
    const id = c.req.param("id");
    const r = await o.limiter.renew(id);
    if (r.kind === "error") throw unavailableError();
    if (r.kind === "lost") throw notHeld(id);
    return c.json(leaseBody(r.lease), 200);
  });
  app.delete("/v1/leases/:id", async (c) => {
    const r = await o.limiter.release(c.req.param("id"));
    if (r.kind === "error") throw unavailableError();
    return c.body(null, 204);
  });
  return app;
}
