/** Go's `time.RFC3339` in UTC (`2026-01-01T00:00:00Z`), which is what Argo's status timestamps look like. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}
