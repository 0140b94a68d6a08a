/**
 * The run report (`wfc run --report`, `wfc get --report`): one self-contained HTML file with the
 * node graph coloured by phase, a timeline, the failing node and its message up front, and each
 * node's inputs, outputs and logs on click.
 */
import { type DrawEdge, type DrawNode, drawGraph, esc } from "./draw.js";
import { clip } from "./graph-model.js";
import { htmlPage, jsonScript, svgElement } from "./html-page.js";
import { PHASE_COLORS, phaseColor } from "./phase-colors.js";
import { LEAF_TYPES, type ReportData } from "./report-model.js";
import { formatSeconds, timelineSvg } from "./timeline.js";

function drawNodes(data: ReportData): { nodes: DrawNode[]; edges: DrawEdge[] } {
  const ids = new Set(data.nodes.map((x) => x.id));
  const isChild = new Set(data.nodes.flatMap((x) => x.children));
  const nodes: DrawNode[] = data.nodes.map((x) => {
    const c = phaseColor(x.phase);
    const group = x.type === "StepGroup" || x.type === "TaskGroup";
    const lines = group
      ? [""]
      : [
          clip(x.displayName),
          clip(
            [LEAF_TYPES.has(x.type) ? x.template : x.type, x.seconds !== undefined ? formatSeconds(x.seconds) : ""]
              .filter(Boolean)
              .join(" · "),
          ),
        ];
    return {
      id: x.id,
      lines,
      fill: c.fill,
      stroke: c.stroke,
      shape: group ? "junction" : "box",
      bold: x.id === data.failed,
      title: `${x.name} (${x.type}): ${x.phase}${x.message ? ` — ${x.message}` : ""}`,
      attrs: { "data-id": x.id, "data-phase": x.phase },
    };
  });
  const edges: DrawEdge[] = [];
  for (const x of data.nodes) for (const c of x.children) if (ids.has(c)) edges.push({ from: x.id, to: c });
  // exit handlers and workflow hooks hang off nothing in Argo's tree: draw them from the root
  const root = data.nodes.find((x) => x.id === data.name);
  if (root)
    for (const x of data.nodes)
      if (x.id !== root.id && !isChild.has(x.id) && x.type !== "TaskGroup")
        edges.push({ from: root.id, to: x.id, dashed: true, label: x.name.endsWith(".onExit") ? "on exit" : "hook" });
  return { nodes, edges };
}

const SCRIPT = `
const data = JSON.parse(document.getElementById("wfc-data").textContent);
const byId = new Map(data.nodes.map((n) => [n.id, n]));
const el = (tag, attrs, ...kids) => { const e = document.createElement(tag); for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v); for (const c of kids) e.append(c); return e; };
function kv(rows) { const t = el("table", {class: "kv"}); for (const [k, v] of rows) t.append(el("tr", {}, el("td", {}, k), el("td", {}, v))); return t; }
function params(title, list) { const box = el("div", {}); box.append(el("h2", {}, title)); if (!list || !list.length) { box.append(el("div", {class: "empty"}, "none")); return box; } box.append(kv(list.map((p) => [p.name, p.value !== undefined ? String(p.value) : JSON.stringify(p)]))); return box; }
function show(id) {
  const n = byId.get(id); if (!n) return;
  document.querySelectorAll(".wfc-node.selected").forEach((e) => e.classList.remove("selected"));
  document.querySelectorAll('[data-id="' + CSS.escape(id) + '"]').forEach((e) => e.classList.add("selected"));
  const d = document.getElementById("details"); d.textContent = "";
  d.append(el("h2", {id: "details-name"}, n.displayName));
  const badge = el("span", {class: "badge", id: "details-phase", style: "background:" + (data.colors[n.phase] || data.colors.Pending).stroke}, n.phase);
  d.append(kv([["phase", badge], ["node", n.name], ["type", n.type], ["template", n.template || "-"], ["started", n.startedAt || "-"], ["finished", n.finishedAt || "-"], ["duration", n.seconds !== undefined ? n.seconds + " s" : "-"]]));
  if (n.message) d.append(el("h2", {}, "message"), el("pre", {id: "details-message"}, n.message));
  d.append(params("inputs", n.inputs && n.inputs.parameters));
  const o = n.outputs || {}; const outRows = (o.parameters || []).slice();
  if (o.result !== undefined) outRows.push({name: "result", value: o.result});
  if (o.exitCode !== undefined) outRows.push({name: "exit code", value: o.exitCode});
  for (const a of o.artifacts || []) outRows.push({name: "artifact " + a.name, value: JSON.stringify(Object.fromEntries(Object.entries(a).filter(([k]) => k !== "name")))});
  d.append(params("outputs", outRows));
  d.append(el("h2", {}, "logs"));
  d.append(n.log !== undefined ? el("pre", {id: "details-log"}, n.log || "(empty)") : el("div", {class: "empty", id: "details-log"}, data.nodes.some((x) => x.log !== undefined) ? "no log for this node" : data.logsNote));
}
document.addEventListener("click", (ev) => {
  const t = ev.target.closest && ev.target.closest("[data-id]");
  if (t) show(t.dataset.id);
});
const flog = document.getElementById("failure-log"); if (flog) flog.scrollTop = flog.scrollHeight;
show(data.failed || (data.nodes.find((n) => n.type === "Pod") || data.nodes[0] || {}).id);
`;

/**
 * The report page. Deterministic: same workflow status and logs, same bytes.
 *
 * @example
 * ```ts
 * writeFileSync("report.html", reportHtml(reportData(workflow, { runDir })));
 * ```
 */
export function reportHtml(data: ReportData): string {
  const { nodes, edges } = drawNodes(data);
  const g = drawGraph(nodes, edges, 0, 0);
  const tl = timelineSvg(data);
  const failed = data.nodes.find((x) => x.id === data.failed);
  const c = phaseColor(data.phase);
  const failure =
    data.phase === "Succeeded"
      ? ""
      : `<div class="card failure" id="failure"><h2>${failed ? `Failed node: <span data-id="${esc(failed.id)}" class="wfc-node">${esc(failed.name)}</span> (${esc(failed.phase)})` : `Workflow ${esc(data.phase)}`}</h2>${failed?.message || data.message ? `<pre id="failure-message">${esc(failed?.message || data.message)}</pre>` : ""}${failed?.log ? `<h2>last log lines</h2><pre id="failure-log">${esc(failed.log.trimEnd().split("\n").slice(-20).join("\n"))}</pre>` : ""}</div>`;
  const legend = `<div class="legend">${Object.entries(PHASE_COLORS)
    .filter(([p]) => data.nodes.some((x) => x.phase === p))
    .map(
      ([p, col]) =>
        `<span><i style="background:${col.fill};border-color:${col.stroke}"></i>${p} ${data.nodes.filter((x) => x.phase === p).length}</span>`,
    )
    .join("")}<span>click a node for its inputs, outputs and logs</span></div>`;
  const colors = Object.fromEntries(Object.entries(PHASE_COLORS));
  const body = `<header><h1>${esc(data.name)}</h1><span class="badge" id="wf-phase" style="background:${c.stroke}">${esc(data.phase)}</span><span class="meta">${esc(data.startedAt)}${data.seconds !== undefined ? ` · ${formatSeconds(data.seconds)}` : ""} · ${data.nodes.length} nodes</span></header>
<main>${failure}<div class="layout"><div><div class="card" id="graph"><h2>graph</h2>${legend}${svgElement(g.body, g.width, g.height)}</div>${tl ? `<div class="card" id="timeline"><h2>timeline</h2>${svgElement(tl.body, tl.width, tl.height)}</div>` : ""}</div><div class="card" id="details"><div class="empty">click a node</div></div></div></main>${jsonScript("wfc-data", { ...data, colors })}`;
  return htmlPage(`${data.name} ${data.phase}`, body, SCRIPT);
}
