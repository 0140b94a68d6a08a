import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types.js";
import { applyOrder } from "./apply-all.js";
import { eventsKindFor } from "./events-resources.js";
import { nodeMatches, parseFieldSelector } from "./field-selector.js";

const k = (kind: string, name: string): KubeObject => ({ kind, metadata: { name } });

describe("applyOrder", () => {
  it("EventBus, then Argo templates, then EventSources, then Sensors; stable within a kind", () => {
    const input = [
      k("Sensor", "s1"),
      k("EventSource", "e"),
      k("WorkflowTemplate", "t"),
      k("Sensor", "s2"),
      k("EventBus", "b"),
      k("CronWorkflow", "c"),
    ];
    expect(applyOrder(input).map((i) => input[i]?.metadata?.name)).toEqual(["b", "t", "c", "e", "s1", "s2"]);
  });
  it("knows the Events kinds by name, plural and short name", () => {
    expect(["eventbus", "eb", "EventSource", "es", "sensors", "sn"].map(eventsKindFor)).toEqual([
      "EventBus",
      "EventBus",
      "EventSource",
      "EventSource",
      "Sensor",
      "Sensor",
    ]);
    expect(eventsKindFor("workflow")).toBeUndefined();
  });
});

describe("nodeMatches (Argo's SelectorMatchesNode)", () => {
  const node = {
    id: "wf-1",
    name: "wf.approve",
    displayName: "approve",
    type: "Suspend",
    phase: "Running",
    templateName: "approval",
    templateRef: { name: "lib", template: "gate" },
    inputs: { parameters: [{ name: "env", value: "prod" }] },
  };
  it("matches displayName, templateName (templateRef's template first), phase, inputs", () => {
    expect(nodeMatches(parseFieldSelector("displayName=approve,phase=Running"), node)).toBe(true);
    expect(nodeMatches(parseFieldSelector("templateName=gate"), node)).toBe(true);
    expect(nodeMatches(parseFieldSelector("templateRef.name=lib"), node)).toBe(true);
    expect(nodeMatches(parseFieldSelector("inputs.parameters.env.value=prod"), node)).toBe(true);
    expect(nodeMatches(parseFieldSelector("inputs.parameters.env.value!=prod"), node)).toBe(false);
    expect(nodeMatches(parseFieldSelector("id=wf-2"), node)).toBe(false);
    expect(nodeMatches(parseFieldSelector(""), node)).toBe(true);
  });
});
