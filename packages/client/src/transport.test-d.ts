import { describe, expectTypeOf, it } from "vitest";
import {
  type ClusterErrorCode,
  type ConnectOptions,
  connect,
  connectKubernetes,
  type KubernetesConnectOptions,
  redact,
  safeUrl,
  type WorkflowClient,
} from "./index.js";

describe("transport types", () => {
  it("credential and response-shape failures have their own codes", () => {
    expectTypeOf<"CredentialError">().toExtend<ClusterErrorCode>();
    expectTypeOf<"UnexpectedResponse">().toExtend<ClusterErrorCode>();
    expectTypeOf<"Bogus">().not.toExtend<ClusterErrorCode>();
  });

  it("Kubernetes mode takes kubectl's overriding flags and the watch timeout", () => {
    expectTypeOf<KubernetesConnectOptions["token"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<KubernetesConnectOptions["insecureSkipTlsVerify"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<KubernetesConnectOptions["caFile"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ConnectOptions["watchTimeoutMs"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf(connectKubernetes).returns.resolves.toEqualTypeOf<WorkflowClient>();
    expectTypeOf(connect).toBeCallableWith({ watchTimeoutMs: 5_000, token: "t", caFile: "ca.pem" });
  });

  it("redact and safeUrl map strings to strings", () => {
    expectTypeOf(redact).toEqualTypeOf<(s: string) => string>();
    expectTypeOf(safeUrl).toEqualTypeOf<(url: string) => string>();
  });
});
