#!/usr/bin/env node
// Vendors Argo's schema files into packages/sdk/schema/ (run by hand when upgrading Argo; not at build time).
//
//   node scripts/vendor-argo-schema.mjs <argo-reference-dir>
//   node scripts/vendor-argo-schema.mjs --older <argo-workflows-git-dir>
//
// First form (the current target, 4.1): <argo-reference-dir> holds `schema/jsonschema.json` and
// `crds/argoproj.io_<plural>.yaml` (the "full" CRDs of argoproj/argo-workflows). jsonschema.json is
// copied byte for byte; from each CRD the openAPIV3Schema of the served version is written as compact
// JSON (key order as in the CRD).
//
// Second form (the older targets wfc can lower to): reads the CRDs of the five kinds wfc validates of each release tag
// in OLDER (`git show <tag>:manifests/base/crds/full/...`) from a clone of argoproj/argo-workflows and
// writes `schema/argo-<ver>/crds.json`: the openAPIV3Schema of each kind with `description`s removed
// (validation does not read them) and repeated subtrees stored once (see scripts/lib/schema-pack.mjs;
// the SDK's crd-schemas.ts unpacks it).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { packSchemas } from "./lib/schema-pack.mjs";

/** The older targets: version -> release tag (the latest patch of each minor when vendored). */
export const OLDER = { 3.5: "v3.5.15", 3.6: "v3.6.19", 3.7: "v3.7.18", "4.0": "v4.0.10" };

const out = fileURLToPath(new URL("../packages/sdk/schema/", import.meta.url));
const kinds = {
  workflows: "workflow",
  workflowtemplates: "workflowtemplate",
  clusterworkflowtemplates: "clusterworkflowtemplate",
  cronworkflows: "cronworkflow",
  workfloweventbindings: "workfloweventbinding",
};
const OLDER_KINDS = {
  Workflow: "workflows",
  WorkflowTemplate: "workflowtemplates",
  ClusterWorkflowTemplate: "clusterworkflowtemplates",
  CronWorkflow: "cronworkflows",
  WorkflowEventBinding: "workfloweventbindings",
};

function servedSchema(crd, what) {
  const served = crd.spec.versions.filter((v) => v.served);
  if (served.length !== 1) throw new Error(`${what}: expected exactly one served version`);
  return served[0];
}

function vendorCurrent(src) {
  copyFileSync(join(src, "schema/jsonschema.json"), join(out, "jsonschema.json"));
  for (const [plural, name] of Object.entries(kinds)) {
    const served = servedSchema(parse(readFileSync(join(src, `crds/argoproj.io_${plural}.yaml`), "utf8")), plural);
    writeFileSync(join(out, `crd-${name}.json`), `${JSON.stringify(served.schema.openAPIV3Schema)}\n`);
    console.log(`crd-${name}.json <- crds/argoproj.io_${plural}.yaml (${served.name})`);
  }
}

// Argo's full CRDs before 3.7 reject valid workflows (argoproj/argo-workflows#8532: withItems of
// strings, volumeClaimTemplates' metadata, a CronWorkflow's workflowMetadata, plugin templates, a container template without a name...);
// upstream fixed the generator in 3.7 (commit 8304dc704c, #14044). ERRATA applies that fix's schema
// changes to the older versions' CRDs so that validating against them accepts what their controller
// runs (3.5 and 3.6 clusters install the minimal CRDs, which check nothing). `objectMeta` is the
// ObjectMeta schema the fix gives volume claim templates (taken from the first fixed release).
const ERRATA_BEFORE = "3.7";
function errata(schema, objectMeta) {
  const isTemplate = (n) => n?.properties?.container && n.properties.script && n.properties.dag && n.properties.steps;
  const visit = (n) => {
    if (n === null || typeof n !== "object") return;
    if (Array.isArray(n)) return n.forEach(visit);
    const props = n.properties;
    if (props) {
      if (isTemplate(n)) {
        delete props.container.required;
        delete props.script.required;
        props.plugin["x-kubernetes-preserve-unknown-fields"] = true;
      }
      if (props.withItems?.type === "array" && props.withItems.items?.type === "object")
        props.withItems = { "x-kubernetes-preserve-unknown-fields": true };
      if (props.inline && Object.keys(props.inline).length === 0)
        props.inline = { "x-kubernetes-preserve-unknown-fields": true };
      const claim = props.volumeClaimTemplate ?? props.volumeClaimTemplates?.items;
      if (claim?.properties?.metadata && !claim.properties.metadata.properties) claim.properties.metadata = objectMeta;
      if (props.workflowMetadata && !props.workflowMetadata.properties) props.workflowMetadata = objectMeta;
    }
    for (const v of Object.values(n)) visit(v);
  };
  visit(schema);
  return schema;
}

function vendorOlder(gitDir) {
  const git = (...args) =>
    execFileSync("git", ["--git-dir", gitDir, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
  const fixed = servedSchema(
    parse(git("show", `${OLDER[ERRATA_BEFORE]}:manifests/base/crds/full/argoproj.io_workflows.yaml`)),
    "objectMeta",
  );
  const objectMeta =
    fixed.schema.openAPIV3Schema.properties.spec.properties.volumeClaimTemplates.items.properties.metadata;
  for (const [ver, tag] of Object.entries(OLDER)) {
    const commit = git("rev-parse", `${tag}^{commit}`).trim();
    const schemas = {};
    for (const [kind, plural] of Object.entries(OLDER_KINDS)) {
      const path = `manifests/base/crds/full/argoproj.io_${plural}.yaml`;
      const schema = servedSchema(parse(git("show", `${commit}:${path}`)), `${tag} ${plural}`).schema.openAPIV3Schema;
      schemas[kind] = Number(ver) < Number(ERRATA_BEFORE) ? errata(schema, objectMeta) : schema;
    }
    const packed = packSchemas(schemas);
    const dir = join(out, `argo-${ver}`);
    mkdirSync(dir, { recursive: true });
    const body = { tag, commit, ...packed };
    writeFileSync(join(dir, "crds.json"), `${JSON.stringify(body)}\n`);
    console.log(`argo-${ver}/crds.json <- ${tag} (${commit}), ${packed.shared.length} shared subtrees`);
  }
}

if (process.argv[2] === "--older") {
  if (!process.argv[3]) {
    console.error("usage: node scripts/vendor-argo-schema.mjs --older <argo-workflows-git-dir>");
    process.exit(2);
  }
  vendorOlder(process.argv[3]);
} else if (process.argv[2]) {
  vendorCurrent(process.argv[2]);
} else {
  console.error("usage: node scripts/vendor-argo-schema.mjs <argo-reference-dir> | --older <argo-workflows-git-dir>");
  process.exit(2);
}
