/**
 * The decorator style (`@wfc/sdk/decorators`): the seed's Prefect example (`random_number`,
 * `plus_one`) and its Airflow TaskFlow example (`first_task >> [second_task, third_task]`,
 * `third_task << fourth_task`, `@daily`), as classes whose methods are the tasks. Their builder
 * twins are in `decorators-builder.ts`; a test checks both build to identical manifests.
 *
 *   npx wfc build examples/decorators.ts
 */
import { outputFromPath, z } from "@wfc/sdk";
import { type ContainerSpec, container, flow, flows, type Refs, type Tasks, task } from "@wfc/sdk/decorators";

/** Prefect: `@task random_number`, `@task plus_one`, `@flow` passing one's result to the other. */
export class RandomPlusOne {
  /** Draws a random number between 0 and 99. */
  @task({ result: z.number() })
  randomNumber(): number {
    return Math.floor(Math.random() * 100);
  }

  /** Adds one. */
  @task({ inputs: { x: z.number() }, result: z.number() })
  plusOne({ x }: { x: number }): number {
    return x + 1;
  }

  /** Prints the number and writes its digit count to a file (a declared output). */
  @container({ inputs: { n: z.number() }, outputs: { digits: outputFromPath(z.number(), "/tmp/digits") } })
  report({ n }: Refs<{ n: number }>): ContainerSpec<{ digits: number }> {
    return {
      image: "busybox:1.37",
      command: ["sh", "-c"],
      args: [`echo "result: ${n}"; printf %s "${n}" | wc -c > /tmp/digits`],
    };
  }

  @flow({ generateName: "random-plus-one-" })
  static main(t: Tasks<RandomPlusOne>) {
    const n = t.randomNumber();
    const m = t.plusOne({ x: n.result });
    t.report({ n: m.result });
  }
}

/** Airflow TaskFlow: `@dag(schedule="@daily")`, ordering without data passed between tasks. */
export class DailyFanOut {
  @task()
  firstTask(): void {
    console.log("first");
  }

  @task()
  secondTask(): void {
    console.log("second");
  }

  @task()
  thirdTask(): void {
    console.log("third");
  }

  @task()
  fourthTask(): void {
    console.log("fourth");
  }

  @flow({ name: "daily-fan-out", schedules: ["@daily"] })
  static main(t: Tasks<DailyFanOut>) {
    const first = t.firstTask();
    const fourth = t.fourthTask();
    t.secondTask({}, { after: first }); // first_task >> second_task
    t.thirdTask({}, { after: [first, fourth] }); // first_task >> third_task, third_task << fourth_task
  }
}

export default flows(RandomPlusOne).main;
export const daily = flows(DailyFanOut).main;
