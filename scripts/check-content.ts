/**
 * npm run check:content [-- tệp ...]
 * Checks the content without building the site; with file names, reports only the problems of those files.
 * Exits with 1 when there is an error (warnings do not fail).
 */
import { checkContent, formatProblems } from '../src/lib/content-check';

const problems = checkContent(process.argv.slice(2));
console.log(formatProblems(problems));
process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
