// Regenerates neo4j5-builtins.json: the built-in Cypher 5 functions and the db.*, dbms.* and tx.*
// procedures, as recorded from a Neo4j 5 server in the catalogue that ships inside the pinned
// @neo4j-cypher/language-support package. Plugin entries (APOC, GDS) are left out because the
// neo4j:5-community image we run has no plugins; a call to one of them must fail the lint.
// Run after changing the package version: node extract-builtins.mjs > neo4j5-builtins.json
import { testData } from '@neo4j-cypher/language-support';

const version = 'CYPHER 5';
const byName = (entries) => Object.fromEntries(entries.map((e) => [e.name, e]).sort(([a], [b]) => a.localeCompare(b)));
const catalogue = testData.mockSchema;
const functions = Object.values(catalogue.functions[version]).filter((f) => f.isBuiltIn);
const procedures = Object.values(catalogue.procedures[version]).filter((p) => /^(db|dbms|tx)\./.test(p.name));

process.stdout.write(
  JSON.stringify({ cypherVersion: version, functions: byName(functions), procedures: byName(procedures) }, null, 1) + '\n',
);
