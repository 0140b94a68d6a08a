/**
 * Local images for the runner's end-to-end tests, made from this machine (no registry): a busybox
 * image from the busybox-static binary, and stand-ins for Argo's e2e images (argosay, whalesay)
 * with the shell shims in ./shims. `podman import` of a directory of a few MB.
 */
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ContainerEngine, detectEngine } from "../../packages/runner/src/exec/index.js";

/** The shims directory (argosay, cowsay, python). */
export const SHIMS = fileURLToPath(new URL("./shims", import.meta.url));

export const BUSYBOX_IMAGE = "localhost/wfc-test/busybox:latest";
export const ARGOSAY_IMAGE = "localhost/wfc-test/argosay:v2";
export const WHALESAY_IMAGE = "localhost/wfc-test/whalesay:latest";
export const NGINX_IMAGE = "localhost/wfc-test/nginx:latest";
export const CURL_IMAGE = "localhost/wfc-test/curl:latest";
export const INFLUXDB_IMAGE = "localhost/wfc-test/influxdb:latest";

/** The engine, or undefined with the reason (tests skip with it). */
export async function testEngine(): Promise<{ engine?: ContainerEngine; reason?: string }> {
  try {
    return { engine: await detectEngine() };
  } catch (e) {
    return { reason: (e as Error).message };
  }
}

function busyboxBinary(): string | undefined {
  return ["/bin/busybox", "/usr/bin/busybox"].find((p) => existsSync(p));
}

function importImage(engine: ContainerEngine, tag: string, extra: (root: string) => void, changes: string[]): void {
  const bb = busyboxBinary();
  if (!bb) throw new Error("busybox is not installed (apt-get install busybox-static)");
  const root = mkdtempSync(join(tmpdir(), "wfc-img-"));
  try {
    for (const d of ["bin", "tmp", "usr/local/bin", "etc"]) mkdirSync(join(root, d), { recursive: true });
    chmodSync(join(root, "tmp"), 0o1777);
    copyFileSync(bb, join(root, "bin/busybox"));
    chmodSync(join(root, "bin/busybox"), 0o755);
    const applets = execFileSync(bb, ["--list"], { encoding: "utf8" })
      .split("\n")
      .filter((a) => a && a !== "busybox");
    for (const a of applets) symlinkSync("busybox", join(root, "bin", a));
    extra(root);
    const tar = `${root}.tar`;
    execFileSync("tar", ["-C", root, "-cf", tar, "."]);
    execFileSync(engine.bin, ["import", ...changes.flatMap((c) => ["--change", c]), tar, tag], { stdio: "ignore" });
    rmSync(tar, { force: true });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function has(engine: ContainerEngine, tag: string): boolean {
  try {
    execFileSync(engine.bin, ["image", "inspect", tag], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Builds the test images the engine does not have yet. */
export function ensureTestImages(engine: ContainerEngine): void {
  const env = "ENV=PATH=/usr/local/sbin:/usr/local/bin:/bin";
  const shim = (root: string, name: string, to: string) => {
    copyFileSync(join(SHIMS, name), join(root, to));
    chmodSync(join(root, to), 0o755);
  };
  // alpine examples `apk add curl` then use it: a no-op apk and the curl stand-in
  if (!has(engine, BUSYBOX_IMAGE))
    importImage(
      engine,
      BUSYBOX_IMAGE,
      (r) => {
        shim(r, "apk", "usr/local/bin/apk");
        shim(r, "curl", "usr/local/bin/curl");
      },
      [env],
    );
  if (!has(engine, ARGOSAY_IMAGE)) {
    importImage(
      engine,
      ARGOSAY_IMAGE,
      (r) => {
        shim(r, "argosay", "argosay");
        shim(r, "cowsay", "usr/local/bin/cowsay");
      },
      [env, 'ENTRYPOINT ["/argosay"]'],
    );
  }
  if (!has(engine, NGINX_IMAGE)) {
    const page = (r: string) => {
      mkdirSync(join(r, "usr/share/nginx/html"), { recursive: true });
      mkdirSync(join(r, "usr/sbin"), { recursive: true });
      writeFileSync(join(r, "usr/share/nginx/html/index.html"), "<h1>Welcome to nginx!</h1>\n");
      shim(r, "nginx", "usr/sbin/nginx");
    };
    importImage(engine, NGINX_IMAGE, page, [
      "ENV=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/bin",
      'CMD ["nginx", "-g", "daemon off;"]',
    ]);
  }
  if (!has(engine, CURL_IMAGE)) importImage(engine, CURL_IMAGE, (r) => shim(r, "curl", "usr/local/bin/curl"), [env]);
  if (!has(engine, INFLUXDB_IMAGE)) {
    importImage(
      engine,
      INFLUXDB_IMAGE,
      (r) => {
        shim(r, "influxd", "usr/local/bin/influxd");
        shim(r, "influx-respond", "usr/local/bin/influx-respond");
      },
      [env, 'CMD ["influxd"]'],
    );
  }
  if (!has(engine, WHALESAY_IMAGE))
    importImage(engine, WHALESAY_IMAGE, (r) => shim(r, "cowsay", "usr/local/bin/cowsay"), [env, 'CMD ["cowsay"]']);
}

/** Lists the containers labelled `wfc.run=<name>` (all states). */
export function containersOf(engine: ContainerEngine, run: string): string[] {
  const out = execFileSync(engine.bin, ["ps", "-a", "--filter", `label=wfc.run=${run}`, "--format", "{{.Names}}"], {
    encoding: "utf8",
  });
  return out.split("\n").filter(Boolean);
}
