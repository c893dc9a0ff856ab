import type { Context } from "hono";

/** Who a request is when app authentication is on: the verified user, and by what. */
export interface Identity {
  user: string;
  via: "api_key" | "jwt";
}

/** The verified identity in the request context (set by app-auth.ts; Hono's variable map). */
declare module "hono" {
  interface ContextVariableMap {
    identity: Identity | undefined;
  }
}

/** The authenticated user of a request, or undefined when app authentication is off. */
export function authenticatedUser(c: Context): string | undefined {
  return c.get("identity")?.user;
}
