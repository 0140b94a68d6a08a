import { container, forEachParam, steps, workflow, z } from "@wfc/sdk";

type Os = { image: string; tag: string };

const catOsRelease = container(
  {
    name: "cat-os-release",
    inputs: { image: z.string(), tag: z.string() },
    annotations: ({ image, tag }) => ({ "workflows.argoproj.io/display-name": `os-${image}-${tag}` }),
  },
  ({ image, tag }) => ({ image: `${image}:${tag}`, command: ["cat"], args: ["/etc/os-release"] }),
);

const main = steps({ name: "loop-param-arg-example", inputs: { "os-list": z.string() } }, ({ "os-list": osList }) => {
  forEachParam<Os, unknown>(osList, (os) => catOsRelease({ image: os.image, tag: os.tag }, { name: "test-linux" }));
});

export default workflow({
  generateName: "loops-param-arg-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  annotations: {
    "workflows.argoproj.io/no-test-resons":
      "the code that checks images allowed to run in test runs before the actual\nimage value is applied. In this case it checks for the template variable\nand it is not an allowed image\n",
  },
  parameters: {
    "os-list": z.string().default(`[
  { "image": "debian", "tag": "9.1" },
  { "image": "debian", "tag": "8.9" },
  { "image": "alpine", "tag": "3.6" },
  { "image": "ubuntu", "tag": "17.10" }
]
`),
  },
  entrypoint: main,
});
