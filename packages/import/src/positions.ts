/** Positions (`file:line:col`) of the fields validation reports, found in the YAML text. */
import { yamlLibrary } from "@wfc/sdk/internal";
import type { Node as YamlNode } from "yaml";

/** Maps a document index and a validation path (`spec.templates[0].container.image`) to `file:line:col`. */
export function positionFinder(text: string, file: string): (i: number, path: string) => string {
  // The SDK's one-file copy of `yaml`, loaded only when a position is asked for.
  const { isMap, isSeq, parseAllDocuments } = yamlLibrary();
  let docs: ReturnType<typeof parseAllDocuments> | undefined;
  try {
    docs = parseAllDocuments(text, { version: "1.1", schema: "failsafe", uniqueKeys: false, strict: false });
  } catch {
    docs = undefined;
  }
  const list = Array.isArray(docs) ? docs.filter((d) => d.contents !== null) : [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const pos = (offset: number): string => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return `${file}:${lo + 1}:${offset - lineStarts[lo]! + 1}`;
  };
  return (i, path) => {
    const doc = list[i];
    if (!doc) return file;
    let node: YamlNode | null | undefined = doc.contents as YamlNode;
    let at = node?.range?.[0] ?? 0;
    const segs = [...path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)].map((m) => m[1] ?? m[2]!);
    for (const seg of segs) {
      if (isMap(node)) {
        const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value) === seg);
        if (!pair) break;
        at = (pair.key as YamlNode | null)?.range?.[0] ?? at;
        node = pair.value as YamlNode | null;
      } else if (isSeq(node) && /^\d+$/.test(seg)) {
        const item = node.items[Number(seg)] as YamlNode | undefined;
        if (!item) break;
        at = item.range?.[0] ?? at;
        node = item;
      } else break;
    }
    return pos(at);
  };
}
