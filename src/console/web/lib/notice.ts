/// <reference lib="dom" />
import type { VNode } from "preact";
import { html } from "../html.ts";
import { type ApiError, describeError } from "./api-error.ts";
import { describeState, type StreamState } from "./stream-state.ts";

/** A stream's state as a notice line (nothing while all is well). */
export function StreamNotice({ state }: { state: StreamState | undefined }): VNode | null {
  if (!state) return null;
  if (state.kind === "failed") return html`<${ErrorNotice} error=${state.error} />` as VNode;
  const text = describeState(state);
  const tone = state.kind === "reconnecting" ? "notice warn" : "notice info";
  return text
    ? html`<p class=${tone} role="status" data-stream=${state.kind}>${text}</p>` as VNode
    : null;
}

/** An API error as the page shows it: the message, the hint, the Retry-After. */
export function ErrorNotice({ error }: { error: ApiError | undefined }): VNode | null {
  if (!error) return null;
  return html`
    <p class="notice error" role="alert" data-code=${error.code}
      data-retry-after=${error.retryAfterS ?? ""}>${describeError(error)}</p>
  ` as VNode;
}
