import { describe, expect, it } from "vitest";
import { ClusterError } from "./errors.js";
import { redact, safeUrl } from "./redact.js";

describe("redact", () => {
  it("removes bearer and basic credentials, URL user-info and secret query parameters", () => {
    expect(redact("Authorization: Bearer abc.def-ghi")).toBe("Authorization: Bearer <redacted>");
    expect(redact("Authorization: Basic YWRtaW46czNjcjN0")).toBe("Authorization: Basic <redacted>");
    expect(safeUrl("https://admin:s3cr3t@host:6443/api?x=1&token=abc&access_token=def#f")).toBe(
      "https://<redacted>@host:6443/api?x=1&token=<redacted>&access_token=<redacted>#f",
    );
    expect(redact("see http://user@host/ and https://host/?password=p")).toBe(
      "see http://<redacted>@host/ and https://host/?password=<redacted>",
    );
  });

  it("is idempotent and leaves ordinary text alone", () => {
    const once = redact("GET https://a:b@h/?token=t failed");
    expect(redact(once)).toBe(once);
    expect(redact('workflow "hello" at https://h:6443/apis?labelSelector=a%3Db')).toBe(
      'workflow "hello" at https://h:6443/apis?labelSelector=a%3Db',
    );
  });

  it("every ClusterError message is redacted", () => {
    expect(new ClusterError("NetworkError", "cannot connect to http://u:PW@h/?token=T").message).toBe(
      "cannot connect to http://<redacted>@h/?token=<redacted>",
    );
  });
});
