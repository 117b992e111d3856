/**
 * `npm run bench [-- NAME ...]`: runs each module's benchmark (bench/<name>/run.ts) as its own
 * process, one after another; all of them without a name. Each prints its own figures.
 * Extra arguments after `--` go to every benchmark (e.g. `-- ballots --dialect sqlite`).
 * A module adds its name here.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const BENCHES = ['meetings', 'ballots', 'disclosures'];

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const names = args.filter((a) => BENCHES.includes(a));
const rest = args.filter((a) => !BENCHES.includes(a));
let failed = 0;
for (const name of names.length ? names : BENCHES) {
  console.log(`\n##### bench/${name} #####`);
  const r = spawnSync(process.execPath, [join(root, 'bin/run-ts.mjs'), join(root, 'bench', name, 'run.ts'), ...rest], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
