/** The expectation table of docs/scenarios.md, made from each kind's own docs line (a docs test compares the page with it). */
import { EXPECTATION_KINDS } from './index';

export function expectationTable(): string {
  const rows = Object.values(EXPECTATION_KINDS).map((k) => `| \`${k.kind}\` | ${k.docs.fields} | ${k.docs.measured} | ${k.docs.pass} |`);
  return ['| expectation | fields | measured (unit) and method | pass when |', '|---|---|---|---|', ...rows].join('\n');
}
