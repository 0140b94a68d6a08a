import { workflowEventBinding } from "@wfc/sdk";
import githubPathFilter from "./workflow-event-binding__github-path-filter-workflowtemplate.js";

// Runs only when a pushed commit touches files under subpath/A/ or subpath/B/.
// Both the selector and the parameter's valueFrom are expr-lang expressions.
const SELECTOR = `metadata["x-github-event"] == ["push"]

// The discriminator is the last subpath of URL path
&& discriminator == "github-path-filter"

// for each of these file paths
&& any([ "subpath/A/", "subpath/B/" ], {
    let prefix = #;

    // loop over every commit
    any(payload.commits ?? [], {
      let commit = #;

      // loop over each file action in the commit
      any(["added", "removed", "modified"], {
        let file_action = #;

        // Loop over each of the files in the file action
        any(commit[file_action] ?? [], {
          let filepath = #;

          // return true if the given file is in our subpath
          hasPrefix(filepath, prefix)
        })
      })
    })
  })
`;

const FILES = `// Use the reduce function to collect all files affeccted by commits in this push
reduce(
  payload.commits ?? [],
  {
    let commit = #;
    concat(#acc, commit["added"], commit["removed"], commit["modified"])
  },
  []
)
`;

export const githubPathFilterBinding = workflowEventBinding({
  name: "github-path-filter",
  selector: SELECTOR,
  template: githubPathFilter,
  parameters: { files: { event: FILES } },
});
