import type { RoutingConfig } from "./schema.ts";

/** What the watcher needs: how to load, and where good configs and refusals go. */
export interface WatchOptions {
  path: string;
  load: () => Promise<{ ok: true; config: RoutingConfig } | { ok: false; error: string }>;
  onConfig: (config: RoutingConfig, trigger: string) => void;
  onError: (error: string, trigger: string) => void;
  debounceMs?: number;
}

/**
 * Reloads the config on file change (Deno.watchFs, debounced) and on SIGHUP. A bad new file
 * goes to `onError` and nothing else happens: the running config keeps serving.
 */
export class ConfigWatcher {
  #watcher?: Deno.FsWatcher;
  #timer?: ReturnType<typeof setTimeout>;
  #onHup = () => void this.reload("SIGHUP");

  constructor(private readonly opts: WatchOptions) {}

  /** Loads now and reports through the callbacks. */
  async reload(trigger: string): Promise<void> {
    const res = await this.opts.load();
    if (res.ok) this.opts.onConfig(res.config, trigger);
    else this.opts.onError(res.error, trigger);
  }

  /** Starts watching the file (if it exists) and listening for SIGHUP. */
  start(): void {
    Deno.addSignalListener("SIGHUP", this.#onHup);
    // Watch the folder, not the file: editors and ConfigMaps replace files by rename.
    let file: string;
    try {
      file = Deno.realPathSync(this.opts.path);
      this.#watcher = Deno.watchFs(file.slice(0, file.lastIndexOf("/")) || "/");
    } catch {
      return; // no file to watch (spots from the environment): SIGHUP still reloads
    }
    (async () => {
      for await (const ev of this.#watcher!) {
        if (ev.kind === "access" || !ev.paths.some((p) => p === file)) continue;
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => void this.reload("file"), this.opts.debounceMs ?? 200);
      }
    })();
  }

  /** Stops watching: removes the signal listener, closes the watcher, drops a pending reload. */
  stop(): void {
    Deno.removeSignalListener("SIGHUP", this.#onHup);
    clearTimeout(this.#timer);
    this.#watcher?.close();
    this.#watcher = undefined;
  }
}
