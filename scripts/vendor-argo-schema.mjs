#!/usr/bin/env node
// Vendors Argo's schema files into packages/sdk/schema/ (run by hand when upgrading Argo; not at build time).
//
//   node scripts/vendor-argo-schema.mjs <argo-reference-dir>
//
// <argo-reference-dir> holds `schema/jsonschema.json` and `crds/argoproj.io_<plural>.yaml`
// (the "full" CRDs of argoproj/argo-workflows). jsonschema.json is copied byte for byte; from each CRD
// the openAPIV3Schema of the served version is written as compact JSON (key order as in the CRD).
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const src = process.argv[2];
if (!src) {
  console.error("usage: node scripts/vendor-argo-schema.mjs <argo-reference-dir>");
  process.exit(2);
}
const out = fileURLToPath(new URL("../packages/sdk/schema/", import.meta.url));
const kinds = {
  workflows: "workflow",
  workflowtemplates: "workflowtemplate",
  clusterworkflowtemplates: "clusterworkflowtemplate",
  cronworkflows: "cronworkflow",
  workfloweventbindings: "workfloweventbinding",
};

copyFileSync(join(src, "schema/jsonschema.json"), join(out, "jsonschema.json"));
for (const [plural, name] of Object.entries(kinds)) {
  const crd = parse(readFileSync(join(src, `crds/argoproj.io_${plural}.yaml`), "utf8"));
  const served = crd.spec.versions.filter((v) => v.served);
  if (served.length !== 1) throw new Error(`${plural}: expected exactly one served version`);
  writeFileSync(join(out, `crd-${name}.json`), `${JSON.stringify(served[0].schema.openAPIV3Schema)}\n`);
  console.log(`crd-${name}.json <- crds/argoproj.io_${plural}.yaml (${served[0].name})`);
}
