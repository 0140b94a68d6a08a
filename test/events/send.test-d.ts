// The harness's send() takes a message contract's payload type.
import { send } from "@wfc/runner/testing";
import { describe, test } from "vitest";
import { fileIngested, fileUploaded } from "../../examples/events/chain/pipeline.js";

describe("send(contract, payload)", () => {
  test("the payload must have the contract's type", () => {
    send(fileUploaded, { path: "a.csv" });
    send(fileIngested, { path: "a.parquet", rows: 3 });
    // @ts-expect-error -- rows is a number
    send(fileIngested, { path: "a.parquet", rows: "3" });
    // @ts-expect-error -- path is missing
    send(fileUploaded, {});
  });
});
