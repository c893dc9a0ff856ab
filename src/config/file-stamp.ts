/**
 * What identifies the content a config path points at, through any symlinks: the resolved
 * target and its inode, size and modification time. The kubelet's `..data` swap changes the
 * target, an editor's save-by-rename the inode, an edit in place the size or time.
 */
export async function fileStamp(path: string): Promise<string> {
  try {
    const real = await Deno.realPath(path);
    const info = await Deno.stat(real);
    return [real, info.ino, info.size, info.mtime?.getTime()].join("|");
  } catch {
    return "missing";
  }
}

/** The folder that holds `path` ("." for a bare file name). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "." : slash === 0 ? "/" : path.slice(0, slash);
}

/**
 * The folders to watch for `path`: the one that holds it (where the kubelet swaps `..data` and
 * editors rename), and the one that holds its resolved target when that lies elsewhere (a
 * symlink to a file in another folder, edited there).
 */
export function foldersToWatch(path: string, real: string | undefined): string[] {
  const own = folderOf(path);
  const target = real === undefined ? own : folderOf(real);
  const inside = target === own || target.startsWith(`${own === "/" ? "" : own}/`);
  return inside ? [own] : [own, target];
}
