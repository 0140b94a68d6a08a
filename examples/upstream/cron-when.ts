import { container, cronWorkflow, expr, vars } from "@wfc/sdk";

const sleepBusybox = container({ name: "sleep-busybox" }, { image: "busybox", command: ["sleep"], args: ["10"] });

const last = vars.cronworkflow.lastScheduledTime;

// Scheduled every minute, but runs only when the last run is more than 6 minutes ago.
export default cronWorkflow({
  name: "sleep-when",
  schedules: ["* * * * *"],
  cron: { concurrencyPolicy: "Allow", when: expr` ${last} == nil || (now() - ${last}).Seconds() > 360 ` },
  entrypoint: sleepBusybox,
});
