/**
 * The URL of the SDK package's root directory, whether this code runs from `src/`, from `dist/`
 * module by module, or from the single-file bundle `dist/bundle.js`.
 */
export const PACKAGE_ROOT: URL = new URL(import.meta.url.replace(/\/(dist|src)\/[\s\S]*$/, "/"));
