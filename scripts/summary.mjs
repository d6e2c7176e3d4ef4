// Prints the one closing line CI reads: "N passed, N failed, N skipped", summed over
// Vitest's and Playwright's JSON reports, after one line per skipped test saying why it was
// skipped (the reason our tests put in their title or skip annotation). A missing report
// counts as a failure.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const skips = [];

function playwrightSkips(suite) {
  for (const spec of suite.specs ?? [])
    for (const test of spec.tests)
      if (test.status === 'skipped') {
        const why = test.annotations?.find((a) => a.type === 'skip')?.description;
        skips.push(`${spec.file}: ${spec.title}${why ? ` (skipped: ${why})` : ''}`);
      }
  for (const child of suite.suites ?? []) playwrightSkips(child);
}

for (const path of process.argv.slice(2)) {
  if (!existsSync(path)) {
    console.log(`summary: no report at ${path}`);
    failed++;
    continue;
  }
  const report = JSON.parse(readFileSync(path, 'utf8'));
  if ('numPassedTests' in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    for (const file of report.testResults)
      for (const a of file.assertionResults)
        if (a.status === 'pending' || a.status === 'skipped' || a.status === 'todo') skips.push([...a.ancestorTitles, a.title].join(' > '));
  } else if (report.stats) {
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
    for (const suite of report.suites ?? []) playwrightSkips(suite);
  }
}
for (const line of skips) console.log(`skipped: ${line}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
