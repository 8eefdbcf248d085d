/**
 * Runs dependency-cruiser with .dependency-cruiser.cjs over the given folders and prints the
 * violations; exits 1 when there are any.
 *
 * Why not the depcruise CLI: it refuses to start on Node 20 (its engines say ^22), which some of
 * our machines still run; the API underneath works there, so lint calls it directly.
 */
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error('usage: node scripts/depcruise.mjs <folder>...');
  process.exit(2);
}
const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const report = await cruise(folders, { ...options, outputType: 'err' });
process.stdout.write(report.output);
process.exitCode = report.exitCode === 0 ? 0 : 1;
