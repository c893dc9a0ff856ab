/** One Server-Sent Event: `event`, `id` and `data` fields (comments are not events). */
export interface SseEvent {
  event?: string;
  id?: string;
  data: string;
}
