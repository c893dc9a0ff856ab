/**
 * A ConfigMap volume laid out exactly as the kubelet writes it (its atomic writer): the data
 * in a timestamped folder `..2026_12_01_08_00_00.000000001`, a symlink `..data` to it, and
 * each key a symlink through `..data` (`spots.json -> ..data/spots.json`). An update writes a
 * new timestamped folder, points a new `..data_tmp` symlink at it, renames that over `..data`
 * (atomic) and deletes the old folder.
 */
export class ConfigMapVolume {
  #generation = 0;
  #current?: string;

  private constructor(readonly dir: string) {}

  /** A new volume in a temporary folder holding `files` (name → text). */
  static async create(files: Record<string, string>): Promise<ConfigMapVolume> {
    const volume = new ConfigMapVolume(await Deno.makeTempDir({ prefix: "configmap-" }));
    await volume.update(files);
    for (const name of Object.keys(files)) {
      await Deno.symlink(`..data/${name}`, `${volume.dir}/${name}`);
    }
    return volume;
  }

  /** The path of a key as a pod sees it (`<dir>/spots.json`). */
  path(name: string): string {
    return `${this.dir}/${name}`;
  }

  /** Replaces the data the kubelet's way. */
  async update(files: Record<string, string>): Promise<void> {
    this.#generation++;
    const stamp = `..2026_12_01_08_00_00.${String(this.#generation).padStart(9, "0")}`;
    await Deno.mkdir(`${this.dir}/${stamp}`);
    for (const [name, text] of Object.entries(files)) {
      await Deno.writeTextFile(`${this.dir}/${stamp}/${name}`, text);
    }
    await Deno.symlink(stamp, `${this.dir}/..data_tmp`);
    await Deno.rename(`${this.dir}/..data_tmp`, `${this.dir}/..data`);
    if (this.#current) await Deno.remove(`${this.dir}/${this.#current}`, { recursive: true });
    this.#current = stamp;
  }

  /** Deletes the volume. */
  async remove(): Promise<void> {
    await Deno.remove(this.dir, { recursive: true });
  }
}
