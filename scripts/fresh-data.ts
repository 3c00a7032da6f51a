// Framework re-runs a data loader only when the loader's own source changes, but ours read data/ (new training
// runs, a newly installed model). Dropping the cached outputs before every dev/build start keeps pages current.
import { rmSync } from "node:fs";

rmSync("src/pages/.observablehq/cache/data", { recursive: true, force: true });
console.log("fresh-data: data loaders will run again");
