import { resolve } from "node:path";
import { fileStamp, foldersToWatch } from "./file-stamp.ts";
import type { RoutingConfig } from "./schema.ts";
import { Serial } from "./serial.ts";

/** What the watcher needs: how to load, and where good configs and refusals go. */
export interface WatchOptions {
  path: string;
  load: () => Promise<{ ok: true; config: RoutingConfig } | { ok: false; error: string }>;
  onConfig: (config: RoutingConfig, trigger: string) => void;
  onError: (error: string, trigger: string) => void;
  /** Quiet time after the last file event before the path is looked at (default 200 ms). */
  debounceMs?: number;
}

/**
 * Reloads the config when what the path points at changes, and on SIGHUP. It watches the
 * folder that holds the path (non-recursively), not the file, and re-resolves the path on
 * every event: editors replace files by rename, and a Kubernetes ConfigMap volume swaps its
 * `..data` symlink to a new folder and deletes the old one. Loads never overlap; a change
 * during a load gets one more load after it. A bad new file goes to `onError` and nothing
 * else happens: the running config keeps serving.
 */
export class ConfigWatcher {
  #watcher?: Deno.FsWatcher;
  #folders = "";
  #timer?: ReturnType<typeof setTimeout>;
  #stamp = "";
  #stopped = false;
  #loads = new Serial<string>((trigger) => this.#load(trigger));
  #onHup = () => void this.reload("SIGHUP");

  constructor(private readonly opts: WatchOptions) {}

  /** Loads now (or once more after a load in progress) and reports through the callbacks. */
  reload(trigger: string): Promise<void> {
    return this.#loads.run(trigger);
  }

  /** Starts watching the path's folder (if it exists) and listening for SIGHUP. */
  async start(): Promise<void> {
    Deno.addSignalListener("SIGHUP", this.#onHup);
    this.#stamp = await fileStamp(this.opts.path);
    await this.#watch();
  }

  /** Stops watching: removes the signal listener, closes the watcher, drops a pending look. */
  stop(): void {
    this.#stopped = true;
    Deno.removeSignalListener("SIGHUP", this.#onHup);
    clearTimeout(this.#timer);
    this.#watcher?.close();
    this.#watcher = undefined;
  }

  async #load(trigger: string): Promise<void> {
    // The stamp is taken before reading: a change during the load shows as a new stamp.
    this.#stamp = await fileStamp(this.opts.path);
    const res = await this.opts.load();
    if (res.ok) this.opts.onConfig(res.config, trigger);
    else this.opts.onError(res.error, trigger);
    await this.#watch(); // a symlink may now point into another folder
  }

  async #changed(): Promise<void> {
    if (this.#stopped || (await fileStamp(this.opts.path)) === this.#stamp) return;
    await this.reload("file");
  }

  async #watch(): Promise<void> {
    const real = await Deno.realPath(this.opts.path).catch(() => undefined);
    const folders = foldersToWatch(resolve(this.opts.path), real);
    if (this.#stopped || folders.join("\n") === this.#folders) return;
    this.#watcher?.close();
    try {
      this.#watcher = Deno.watchFs(folders, { recursive: false });
      this.#folders = folders.join("\n");
    } catch {
      return; // no folder to watch (spots from the environment): SIGHUP still reloads
    }
    void this.#listen(this.#watcher);
  }

  async #listen(watcher: Deno.FsWatcher): Promise<void> {
    for await (const event of watcher) {
      if (event.kind === "access") continue;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.#changed(), this.opts.debounceMs ?? 200);
    }
  }
}
