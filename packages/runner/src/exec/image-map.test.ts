import { describe, expect, it } from "vitest";
import { containerRunArgs } from "./container-args.js";
import { ExecutorError } from "./errors.js";
import { parseImageMapEntry, resolveImage } from "./image-map.js";

describe("image map", () => {
  const map = ["python:*=localhost/py:3", "*/argosay:*=localhost/argosay:v2", "*=rootfs:/"].map(parseImageMapEntry);
  it("first matching glob wins; * crosses / and :", () => {
    expect(resolveImage("python:3.12-slim", map)).toMatchObject({
      kind: "image",
      image: "localhost/py:3",
      mapped: true,
    });
    expect(resolveImage("argoproj/argosay:v2", map)).toMatchObject({ kind: "image", image: "localhost/argosay:v2" });
    expect(resolveImage("quay.io/x/y:1", map)).toMatchObject({ kind: "rootfs", dir: "/" });
    expect(resolveImage("alpine", [])).toMatchObject({ kind: "image", image: "alpine", mapped: false });
  });
  it("rejects entries that are not PATTERN=IMAGE", () => {
    expect(() => parseImageMapEntry("python")).toThrow(ExecutorError);
    expect(() => parseImageMapEntry("=x")).toThrow(/not PATTERN=IMAGE/);
    expect(() => parseImageMapEntry("*=rootfs:relative")).toThrow(/absolute directory/);
  });
});

describe("containerRunArgs", () => {
  const spec = {
    name: "p",
    labels: { "wfc.run": "w" },
    env: [["A", "1"]] as [string, string][],
    mounts: [
      { hostPath: "/h/b", containerPath: "/a/b" },
      { hostPath: "/h", containerPath: "/a", readOnly: true },
    ],
  };
  it("command replaces the entrypoint, args the CMD; mounts shallow first", () => {
    expect(
      containerRunArgs(
        {
          command: ["sh", "-c"],
          args: ["echo hi"],
          workingDir: "/w",
          securityContext: { runAsUser: 1000, privileged: true },
        },
        { ...spec, image: resolveImage("alpine", []) },
      ),
    ).toEqual([
      "run",
      "--name",
      "p",
      "--label",
      "wfc.run=w",
      "-e",
      "A=1",
      "-w",
      "/w",
      "--user",
      "1000",
      "--privileged",
      "-v",
      "/h:/a:ro",
      "-v",
      "/h/b:/a/b",
      "--entrypoint",
      "sh",
      "alpine",
      "-c",
      "echo hi",
    ]);
    expect(
      containerRunArgs(
        { args: ["echo", "x"] },
        { ...spec, mounts: [], env: [], image: resolveImage("argosay", []) },
      ).slice(-3),
    ).toEqual(["argosay", "echo", "x"]);
  });
  it("a rootfs image runs command then args", () => {
    expect(
      containerRunArgs(
        { command: ["python"], args: ["/s"] },
        { ...spec, mounts: [], env: [], image: resolveImage("py", [parseImageMapEntry("*=rootfs:/")]) },
      ).slice(-4),
    ).toEqual(["--rootfs", "/:O", "python", "/s"]);
  });
});
