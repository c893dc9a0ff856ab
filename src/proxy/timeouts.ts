/** Live timeouts (they follow config reloads): request, stream idle, client keep-alive. */
export interface EngineTimeouts {
  /** One attempt: to the whole JSON answer, or to a stream's first event. */
  requestMs: number;
  /** A whole JSON request, every attempt included (REQUEST_DEADLINE). */
  deadlineMs: number;
  idleMs: number;
  keepAliveMs: number;
}
