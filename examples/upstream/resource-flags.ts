import { eq, resource, steps, workflow } from "@wfc/sdk";

const ROUTE = `apiVersion: route.openshift.io/v1
kind: Route
metadata:
  name: host-route
spec:
  to:
    kind: Service
    name: service-name
`;

const createRoute = resource({ name: "create-route" }, { action: "create", manifest: ROUTE });
// kubectl flags: validation turned off
const createRouteWithoutValidation = resource(
  { name: "create-route-without-validation" },
  { action: "create", flags: ["--validate=false"], manifest: ROUTE },
);

const main = steps({ name: "resource-validate-example" }, () => {
  const submit = createRoute({}, { name: "submit-resource", extra: { continueOn: { failed: true } } });
  createRouteWithoutValidation({}, { name: "submit-resource-without-validation", when: eq(submit.status, "Failed") });
});

export default workflow({
  generateName: "resource-validate-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  annotations: { "workflows.argoproj.io/no-test-reasons": "route openshift crd not installed\n" },
  entrypoint: main,
});
