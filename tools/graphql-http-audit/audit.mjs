// Runs graphql-http's audit suite (the GraphQL-over-HTTP spec's MUST and SHOULD checks) against a running
// server and prints one line per audit and a summary. Exit code 0 when every audit passes, 1 otherwise.
//
//   node audit.mjs http://127.0.0.1:5080/graphql
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint url>');
  process.exit(2);
}
const results = await auditServer({ url });
let failed = 0;
for (const result of results) {
  if (result.status !== 'ok') {
    failed++;
    console.log(`${result.status} ${result.id} ${result.name}: ${result.reason}`);
  }
}
const passed = results.length - failed;
console.log(`graphql-http audit: ${results.length} audits, ${passed} ok, ${failed} not ok`);
process.exit(failed === 0 ? 0 : 1);
