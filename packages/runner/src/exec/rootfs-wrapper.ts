/**
 * With `--rootfs DIR:O` the container's overlay is gone once it exits, so `cp` cannot reach its
 * files: the main container runs under a small shell wrapper (the root file system is a machine's,
 * so it has `/bin/sh`) that runs the command, then copies each collected path into a mounted
 * directory before exiting with the command's exit code, as Argo's emissary does for the wait
 * container.
 */
import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { BindMount } from "./container-args.js";

/** Where the wrapper's directory is mounted in the container. */
export const WRAPPER_DIR = "/var/run/wfc";

const SCRIPT = `#!/bin/sh
# wfc: run the command, then copy the paths listed in collect to out/<index>
"$@"
rc=$?
i=0
while IFS= read -r p; do
  if [ -e "$p" ] || [ -L "$p" ]; then cp -a "$p" "${WRAPPER_DIR}/out/$i" 2>/dev/null || cp -r "$p" "${WRAPPER_DIR}/out/$i"; fi
  i=$((i+1))
done < "${WRAPPER_DIR}/collect"
exit $rc
`;

/** The wrapper's mount and the argv that runs `argv` under it. */
export interface RootfsWrapper {
  readonly mount: BindMount;
  readonly argv: readonly string[];
  /** Host directory holding `out/<index>` for each collected path, in order. */
  readonly outDir: string;
}

/**
 * Writes the wrapper and the list of paths to collect under `<workdir>/wfc`.
 *
 * @example
 * ```ts
 * const w = await writeRootfsWrapper(req.workdir, ["/tmp/y"], ["python", "script.py"]);
 * ```
 */
export async function writeRootfsWrapper(
  workdir: string,
  collect: readonly string[],
  argv: readonly string[],
): Promise<RootfsWrapper> {
  const dir = join(workdir, "wfc");
  const outDir = join(dir, "out");
  await mkdir(outDir, { recursive: true });
  await chmod(outDir, 0o777);
  await writeFile(join(dir, "wrap.sh"), SCRIPT, { mode: 0o755 });
  await writeFile(join(dir, "collect"), collect.map((p) => `${p}\n`).join(""));
  return {
    mount: { hostPath: dir, containerPath: WRAPPER_DIR },
    argv: ["/bin/sh", `${WRAPPER_DIR}/wrap.sh`, ...argv],
    outDir,
  };
}
