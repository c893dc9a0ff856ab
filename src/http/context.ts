/** Typed context variables shared by every middleware (Hono's ContextVariableMap pattern). */
declare module "hono" {
  interface ContextVariableMap {
    correlationId: string;
  }
}

/** The header names a correlation id is read from, in order of preference. */
export const CORRELATION_HEADERS = ["x-correlation-id", "x-request-id"] as const;
