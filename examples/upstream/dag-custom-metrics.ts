import { container, dag, forEach, vars, workflow, z } from "@wfc/sdk";

const tag = vars.inputs.parameter("tag");

// Template-level metrics, labelled with an input and the node's status.
const echo = container(
  {
    name: "echo",
    inputs: { message: z.string(), tag: z.string() },
    metrics: {
      prometheus: [
        {
          name: "playground_workflow_duration_task_seconds",
          help: "Duration gauge by task name in seconds - task level",
          labels: [
            { key: "playground_task_name", value: `${tag}` },
            { key: "status", value: `${vars.status}` },
          ],
          gauge: { realtime: false, value: `${vars.duration}` },
        },
        {
          name: "playground_workflow_result_task_counter",
          help: "Count of task execution by result status  - task level",
          labels: [
            { key: "playground_task_name_counter", value: `${tag}` },
            { key: "status", value: `${vars.status}` },
          ],
          counter: { value: "1" },
        },
      ],
    },
  },
  ({ message }) => ({ image: "busybox", command: ["echo", message] }),
);

const dagTask = dag({ name: "dag-task" }, () => {
  forEach(
    [
      { tag: "TEST-ONE-A", command: "ONE-A" },
      { tag: "TEST-ONE-B", command: "ONE-B" },
    ],
    (item) => echo({ message: `console output-->TEST-${item.command}`, tag: item.tag }, { name: "TEST-ONE" }),
  );
  forEach(
    [
      { tag: "TEST-TWO-A", command: "TWO-A" },
      { tag: "TEST-TWO-B", command: "TWO-B" },
    ],
    (item) => echo({ message: `console output-->TEST-${item.command}`, tag: item.tag }, { name: "TEST-TWO" }),
  );
});

// Workflow-level metrics.
export default workflow({
  generateName: "dag-task-",
  metrics: {
    prometheus: [
      {
        name: "playground_workflow_duration",
        help: "Duration gauge by workflow level",
        labels: [
          { key: "playground_id_workflow", value: "test" },
          { key: "status", value: `${vars.workflow.status}` },
        ],
        gauge: { realtime: false, value: `${vars.workflow.duration}` },
      },
      {
        name: "playground_workflow_result_counter",
        help: "Count of workflow execution by result status  - workflow level",
        labels: [
          { key: "playground_id_workflow_counter", value: "test" },
          { key: "status", value: `${vars.workflow.status}` },
        ],
        counter: { value: "1" },
      },
    ],
  },
  entrypoint: dagTask,
});
