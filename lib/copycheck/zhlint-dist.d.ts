// zhlint's browser build (dist/) carries no types of its own; it is the same API as lib/.
declare module "zhlint/dist/zhlint.es.js" {
  export { run } from "zhlint/lib/run.js";
}
