import { container, cronWorkflow, vars } from "@wfc/sdk";

const whalesay = container(
  { name: "whalesay" },
  {
    image: "docker/whalesay:latest",
    command: ["cowsay"],
    args: [`🕓 hello world. Scheduled on: ${vars.workflow.scheduledTime}`],
  },
);

export default cronWorkflow({
  name: "hello-world-multiple-schedules",
  schedules: ["*/3 * * * 1-5", "*/2 * * * *"],
  cron: {
    timezone: "America/Los_Angeles",
    startingDeadlineSeconds: 0,
    concurrencyPolicy: "Replace",
    successfulJobsHistoryLimit: 4,
    failedJobsHistoryLimit: 4,
    suspend: false,
  },
  entrypoint: whalesay,
});
