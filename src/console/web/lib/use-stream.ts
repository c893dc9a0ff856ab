/// <reference lib="dom" />
import { useEffect, useState } from "preact/hooks";
import type { SseEvent } from "../../../sse/event.ts";
import { openSse } from "./sse-client.ts";
import type { StreamState } from "./stream-state.ts";

/**
 * Follows an event stream while the component is shown (closed when it goes, or when `url`
 * changes; none while `url` is undefined): each event to `onEvent`, the state returned.
 */
export function useStream(
  url: string | undefined,
  onEvent: (event: SseEvent) => void,
  isLast?: (event: SseEvent) => boolean,
): StreamState | undefined {
  const [state, setState] = useState<StreamState | undefined>(undefined);
  useEffect(() => {
    if (!url) return;
    const client = openSse({ url, onEvent, onState: setState, isLast });
    return () => client.close();
  }, [url]);
  return state;
}
