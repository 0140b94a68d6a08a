/**
 * The frame of wfc's self-contained HTML pages (graph and run report): inline CSS and script, no
 * external resource of any kind, so a page opens offline from a file.
 */
import { DEFS, esc, STYLE } from "./draw.js";

/** Wraps drawn markup in a standalone `<svg>` element. */
export function svgElement(body: string, width: number, height: number, attrs = ""): string {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"${attrs}>${DEFS}${STYLE}${body}</svg>`;
}

/** JSON for a `<script type="application/json">` block (no `</script>` can end it early). */
export function jsonScript(id: string, data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return `<script type="application/json" id="${id}">${json}</script>`;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:DejaVu Sans,Helvetica,Arial,sans-serif;color:#111827;background:#f8fafc}
header{padding:14px 20px;background:#111827;color:#f9fafb;display:flex;gap:16px;align-items:baseline;flex-wrap:wrap}
header h1{font-size:18px;margin:0}
header .meta{font-size:13px;color:#cbd5e1}
main{padding:16px 20px}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px 14px;margin-bottom:14px;overflow:auto}
.card h2{font-size:14px;margin:0 0 8px 0;color:#374151}
.wfc-node{cursor:pointer}
.wfc-node:hover .wfc-box{filter:brightness(0.95)}
.wfc-node.selected .wfc-box{stroke:#111827;stroke-width:3}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:bold;color:#fff}
.failure{border-left:6px solid #dc2626;background:#fef2f2}
.failure pre{max-height:150px}
#graph>svg,#timeline>svg{display:block;margin:0 auto}
.failure h2 .wfc-node{text-decoration:underline dotted}
pre{background:#0f172a;color:#e2e8f0;padding:8px 10px;border-radius:6px;overflow:auto;font-size:12px;margin:4px 0 8px 0;white-space:pre-wrap;word-break:break-all}
table.kv{border-collapse:collapse;font-size:13px;margin-bottom:8px}
table.kv td{border-top:1px solid #f1f5f9;padding:3px 10px 3px 0;vertical-align:top}
table.kv td:first-child{color:#6b7280;white-space:nowrap}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:14px;align-items:start}
#details{position:sticky;top:10px;max-height:calc(100vh - 20px);overflow:auto}
#details .empty{color:#6b7280;font-size:13px;margin-bottom:8px}
.legend{font-size:12px;color:#4b5563;display:flex;gap:12px;flex-wrap:wrap;margin-bottom:6px}
.legend span i{display:inline-block;width:12px;height:12px;border-radius:3px;vertical-align:-2px;margin-right:4px;border:1px solid #0003}
.hidden{display:none}
svg.fit{width:100%;height:auto}
button.zoom{float:right;font-size:12px;border:1px solid #d1d5db;background:#fff;border-radius:4px;padding:2px 8px;cursor:pointer;margin-left:8px}
button.link{background:none;border:none;color:#2563eb;cursor:pointer;padding:0;font-size:13px}
`;

// a picture wider than its card starts shrunk to fit; a button per card flips it to actual size
const ZOOM = `
for (const svg of document.querySelectorAll(".card > svg")) {
  const card = svg.parentElement;
  if (svg.width.baseVal.value <= card.clientWidth - 30) continue;
  svg.classList.add("fit");
  const b = document.createElement("button");
  b.className = "zoom"; b.textContent = "actual size";
  b.addEventListener("click", () => { const fit = svg.classList.toggle("fit"); b.textContent = fit ? "actual size" : "fit to width"; });
  card.insertBefore(b, card.firstChild);
}
`;

/**
 * A complete HTML document.
 *
 * @example
 * ```ts
 * htmlPage("etl", "<main>…</main>", "");
 * ```
 */
export function htmlPage(title: string, body: string, script: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body>${body}<script>${ZOOM}${script}</script></body></html>
`;
}
