// Trigger parameters as Argo Events resolves them: cases follow pkg/sensors/triggers/params_test.go.
import { describe, expect, it } from "vitest";
import { localEvent } from "./cloud-event.js";
import { EventError } from "./errors.js";
import { executeGoTemplate } from "./go-template.js";
import { applyParams, resolveParamValue } from "./params.js";

const event = localEvent({
  source: "webhook",
  subject: "example",
  type: "webhook",
  id: "1",
  time: new Date("2026-03-04T10:00:00Z"),
  data: { body: { name: "fake", count: 3, ok: true, nested: { a: [1, 2] }, nothing: null, sha: "0123456789abcdef" } },
});
const events = { dep: event };

describe("resolveParamValue", () => {
  it("dataKey: strings, numbers, booleans, JSON, null", () => {
    expect(resolveParamValue({ dependencyName: "dep", dataKey: "body.name" }, events)).toEqual({
      value: "fake",
      type: "String",
    });
    expect(resolveParamValue({ dependencyName: "dep", dataKey: "body.count" }, events)).toEqual({
      value: "3",
      type: "Number",
    });
    expect(resolveParamValue({ dependencyName: "dep", dataKey: "body.ok" }, events)).toEqual({
      value: "true",
      type: "True",
    });
    expect(resolveParamValue({ dependencyName: "dep", dataKey: "body.nested" }, events)).toEqual({
      value: '{"a":[1,2]}',
      type: "JSON",
    });
    expect(resolveParamValue({ dependencyName: "dep", dataKey: "body.nothing" }, events)).toEqual({
      value: "null",
      type: "Null",
    });
  });
  it("contextKey and contextTemplate read the CloudEvents context", () => {
    expect(resolveParamValue({ dependencyName: "dep", contextKey: "subject" }, events)?.value).toBe("example");
    expect(
      resolveParamValue({ dependencyName: "dep", contextTemplate: "{{ .Input.source | upper }}" }, events)?.value,
    ).toBe("WEBHOOK");
  });
  it("dataTemplate wins over dataKey; a missing key falls back to value", () => {
    expect(
      resolveParamValue(
        { dependencyName: "dep", dataKey: "body.name", dataTemplate: "{{ .Input.body.sha | substr 0 7 }}" },
        events,
      )?.value,
    ).toBe("0123456");
    expect(resolveParamValue({ dependencyName: "dep", dataKey: "body.missing", value: "dflt" }, events)).toEqual({
      value: "dflt",
      type: "String",
    });
    expect(() => resolveParamValue({ dependencyName: "dep", dataKey: "body.missing" }, events)).toThrow(EventError);
  });
  it("no event for the dependency: the value, or nothing", () => {
    expect(resolveParamValue({ dependencyName: "other", dataKey: "x", value: "v" }, events)).toEqual({
      value: "v",
      type: "String",
    });
    expect(resolveParamValue({ dependencyName: "other", dataKey: "x" }, events)).toBeUndefined();
  });
  it("no key: the whole event, its data base64-encoded as Go marshals bytes", () => {
    const whole = JSON.parse(resolveParamValue({ dependencyName: "dep" }, events)?.value ?? "");
    expect(whole.context.subject).toBe("example");
    expect(JSON.parse(Buffer.from(whole.data, "base64").toString())).toEqual(event.data);
  });
});

describe("applyParams", () => {
  const wf = {
    spec: { arguments: { parameters: [{ name: "message", value: "hello" }] } },
    metadata: { generateName: "wf-" },
  };
  it("overwrites, appends, prepends", () => {
    const src = { dependencyName: "dep", dataKey: "body.name" };
    const dest = "spec.arguments.parameters.0.value";
    expect(applyParams(wf, [{ src, dest }], events)).toEqual({
      ...wf,
      spec: { arguments: { parameters: [{ name: "message", value: "fake" }] } },
    });
    expect(
      (applyParams(wf, [{ src, dest, operation: "append" }], events) as typeof wf).spec.arguments.parameters[0]?.value,
    ).toBe("hellofake");
    expect(
      (applyParams(wf, [{ src, dest, operation: "prepend" }], events) as typeof wf).spec.arguments.parameters[0]?.value,
    ).toBe("fakehello");
    expect(() => applyParams(wf, [{ src, dest, operation: "replace" }], events)).toThrow(
      /unsupported trigger parameter operation/,
    );
  });
  it("JSON values are written as strings unless useRawData", () => {
    const src = { dependencyName: "dep", dataKey: "body.nested" };
    expect(applyParams({}, [{ src, dest: "x" }], events)).toEqual({ x: '{"a":[1,2]}' });
    expect(applyParams({}, [{ src: { ...src, useRawData: true }, dest: "x" }], events)).toEqual({ x: { a: [1, 2] } });
    expect(
      applyParams({}, [{ src: { dependencyName: "dep", dataKey: "body.count", useRawData: true }, dest: "n" }], events),
    ).toEqual({ n: 3 });
  });
  it("creates missing objects and leaves the input unchanged", () => {
    expect(
      applyParams(wf, [{ src: { dependencyName: "dep", dataKey: "body.name" }, dest: "metadata.labels.who" }], events),
    ).toMatchObject({
      metadata: { generateName: "wf-", labels: { who: "fake" } },
    });
    expect(wf.metadata).toEqual({ generateName: "wf-" });
  });
});

describe("Go templates", () => {
  it("fields, pipelines, functions, trimming, missing values", () => {
    const data = { Input: { body: { message: "hello there", name: "A B c" } } };
    expect(executeGoTemplate("{{ .Input.body.message | title }}", data, "t")).toBe("Hello There");
    expect(executeGoTemplate("{{ .Input.body.name | nospace | lower }}-", data, "t")).toBe("abc-");
    expect(executeGoTemplate("Hi {{.Input.body.name}},\n  {{- upper .Input.body.message }}", data, "t")).toBe(
      "Hi A B c,HELLO THERE",
    );
    expect(executeGoTemplate("{{ .Input.body.none }}", data, "t")).toBe("<no value>");
  });
  it("refuses what it does not implement, naming it", () => {
    expect(() => executeGoTemplate("{{ if .Input }}x{{ end }}", {}, "dataTemplate")).toThrow(
      /does not support the template action "if"/,
    );
    expect(() => executeGoTemplate("{{ .Input | sha256sum }}", {}, "dataTemplate")).toThrow(
      /"sha256sum" is not supported/,
    );
  });
});
