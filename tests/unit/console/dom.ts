/**
 * A DOM for the console's view tests: linkedom's document installed as the globals Preact
 * renders into (`document`, `window`, …); `render` mounts a view and gives its container.
 */
import { parseHTML } from "linkedom";
import { render as preactRender, type VNode } from "preact";
import { act } from "preact/test-utils";

const dom = parseHTML("<!doctype html><html><head></head><body></body></html>");
const globals = globalThis as unknown as Record<string, unknown>;
for (const name of ["document", "HTMLElement", "Node", "Element", "Event", "SVGElement"]) {
  globals[name] ??= (dom as unknown as Record<string, unknown>)[name];
}
globals.document = dom.document;
// Chessground reads `window` (Deno 2 has none): the global scope stands in for it.
globals.window ??= globalThis;
// Chessground redraws on animation frames: here a frame is the next turn of the event loop.
globals.requestAnimationFrame ??= (cb: (t: number) => void) =>
  setTimeout(() => cb(performance.now()), 0);
globals.cancelAnimationFrame ??= (id: number) => clearTimeout(id);

/** linkedom's own Event, which its dispatchEvent can fill in (Deno's has read-only fields). */
export const DomEvent: typeof Event = (dom as unknown as { Event: typeof Event }).Event;

/** Dispatches a plain event of `type` (`click`, `input`, …) on `el`. */
export function fire(el: Element | null, type: string): void {
  if (!el) throw new Error(`nothing to ${type}`);
  el.dispatchEvent(new DomEvent(type, { bubbles: true }));
}

/** Sets an input's value and fires its `input` event, as typing would. */
export function typeInto(el: Element | null, value: string): void {
  (el as unknown as { value: string }).value = value;
  fire(el, "input");
}

/** The test document. */
export const testDocument: Document = dom.document as unknown as Document;

/** Renders `vnode` into a fresh container (effects flushed) and returns the container. */
export async function mount(vnode: VNode): Promise<Element> {
  const root = testDocument.createElement("div");
  testDocument.body.appendChild(root);
  await act(() => preactRender(vnode, root));
  return root;
}

/** Unmounts what `mount` rendered (its effects cleaned up). */
export async function unmount(root: Element): Promise<void> {
  await act(() => preactRender(null, root));
  root.remove();
}

/** Runs `fn` inside Preact's act (state updates and effects flushed after it). */
export async function flush(fn: () => unknown = () => {}): Promise<void> {
  await act(async () => {
    await fn();
  });
}
