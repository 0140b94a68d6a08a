/**
 * `--image-map PATTERN=IMAGE`: rewrites the images a workflow names to images this machine has.
 * PATTERN is a glob over the whole image reference (`*` matches any characters, `/` and `:`
 * included; `?` one character); the first matching entry wins. IMAGE `rootfs:DIR` runs the
 * container on the directory DIR as its root file system (podman's `--rootfs DIR:O`, writes
 * discarded): `rootfs:/` is the machine itself, a test convenience for podman only.
 */
import { ExecutorCodes, ExecutorError } from "./errors.js";

/**
 * One `PATTERN=IMAGE` entry.
 *
 * @example
 * ```ts
 * const e: ImageMapEntry = { pattern: "python:*", image: "localhost/python:3.12" };
 * ```
 */
export interface ImageMapEntry {
  readonly pattern: string;
  readonly image: string;
}

/**
 * What a container runs on after mapping: an image, or a directory as root file system.
 *
 * @example
 * ```ts
 * const r: ResolvedImage = resolveImage("alpine", []); // { kind: "image", image: "alpine", ... }
 * ```
 */
export type ResolvedImage =
  | { readonly kind: "image"; readonly image: string; readonly original: string; readonly mapped: boolean }
  | { readonly kind: "rootfs"; readonly dir: string; readonly original: string; readonly mapped: true };

/**
 * Parses `PATTERN=IMAGE`.
 *
 * @throws {ExecutorError} `E_RUN_BAD_IMAGE_MAP` when there is no `=` or a side is empty.
 * @example
 * ```ts
 * parseImageMapEntry("python:*=localhost/python:3.12") // { pattern: "python:*", image: "localhost/python:3.12" }
 * ```
 */
export function parseImageMapEntry(text: string): ImageMapEntry {
  const eq = text.lastIndexOf("=");
  const pattern = text.slice(0, eq).trim();
  const image = text.slice(eq + 1).trim();
  if (eq <= 0 || !pattern || !image)
    throw new ExecutorError(
      ExecutorCodes.badImageMap,
      `--image-map "${text}" is not PATTERN=IMAGE (e.g. 'python:*=localhost/python:3.12')`,
    );
  if (image.startsWith("rootfs:") && !image.slice("rootfs:".length).startsWith("/")) {
    throw new ExecutorError(
      ExecutorCodes.badImageMap,
      `--image-map "${text}": rootfs: takes an absolute directory (rootfs:/ is this machine's root file system)`,
    );
  }
  return { pattern, image };
}

function globToRegExp(glob: string): RegExp {
  let re = "";
  for (const ch of glob) re += ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${re}$`);
}

/**
 * Resolves an image through the map (first match wins; no match keeps the image).
 *
 * @example
 * ```ts
 * resolveImage("argoproj/argosay:v2", [{ pattern: "*", image: "rootfs:/" }]) // { kind: "rootfs", dir: "/", ... }
 * ```
 */
export function resolveImage(image: string, map: readonly ImageMapEntry[]): ResolvedImage {
  for (const e of map) {
    if (!globToRegExp(e.pattern).test(image)) continue;
    if (e.image.startsWith("rootfs:"))
      return { kind: "rootfs", dir: e.image.slice("rootfs:".length), original: image, mapped: true };
    return { kind: "image", image: e.image, original: image, mapped: true };
  }
  return { kind: "image", image, original: image, mapped: false };
}
