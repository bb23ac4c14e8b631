// Lints Cypher files with Neo4j's own parser and semantic analysis (@neo4j-cypher/language-support),
// against a checked-in schema, so syntax errors, undefined variables, unknown functions, procedures and
// parameters fail the build instead of the first request to a real server.
//
//   node lint.mjs --schema <schema.json> [--builtins <builtins.json>] [--strict] <file.cypher>...
//
// Every file is linted in this one process (loading the analyser takes a while). A file may hold several
// statements separated by ';'. Exit code: 0 clean, 1 diagnostics that fail (errors; warnings too with
// --strict), 2 bad usage or an unreadable file.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const ERROR = 1;
const WARNING = 2;

function parseArguments(argv) {
  const options = { schema: undefined, builtins: join(dirname(fileURLToPath(import.meta.url)), 'neo4j5-builtins.json'), strict: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--schema' || argument === '--builtins') {
      const value = argv[++i];
      if (value === undefined) {
        throw new Error(`${argument} needs a file`);
      }
      options[argument.slice(2)] = value;
    } else if (argument === '--strict') {
      options.strict = true;
    } else if (argument.startsWith('--')) {
      throw new Error(`unknown option ${argument}`);
    } else {
      options.files.push(argument);
    }
  }
  if (options.schema === undefined || options.files.length === 0) {
    throw new Error('usage: node lint.mjs --schema <schema.json> [--builtins <file>] [--strict] <file.cypher>...');
  }
  return options;
}

// The shape lintCypherQuery expects (DbSchema in dbSchema.d.ts): name lists, a parameter map whose
// values only need to be defined, and functions and procedures registered per Cypher version.
function buildDbSchema(schema, builtins) {
  const version = builtins.cypherVersion;
  return {
    labels: schema.labels,
    relationshipTypes: schema.relationshipTypes,
    propertyKeys: schema.propertyKeys,
    parameters: Object.fromEntries(schema.parameters.map((name) => [name, null])),
    functions: { [version]: builtins.functions },
    procedures: { [version]: builtins.procedures },
    defaultLanguage: version,
  };
}

function severityName(severity) {
  return severity === ERROR ? 'error' : severity === WARNING ? 'warning' : 'info';
}

function main() {
  let options;
  let dbSchema;
  try {
    options = parseArguments(process.argv.slice(2));
    dbSchema = buildDbSchema(JSON.parse(readFileSync(options.schema, 'utf8')), JSON.parse(readFileSync(options.builtins, 'utf8')));
  } catch (error) {
    console.error(`cypher-lint: ${error.message}`);
    return 2;
  }

  let errors = 0;
  let warnings = 0;
  for (const file of options.files) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`cypher-lint: cannot read ${file}: ${error.message}`);
      return 2;
    }
    const { diagnostics } = lintCypherQuery(text, dbSchema, { consoleCommandsEnabled: false });
    for (const d of diagnostics) {
      const name = relative(process.cwd(), file) || file;
      console.log(`${name}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severityName(d.severity)}: ${d.message}`);
      if (d.severity === ERROR) {
        errors++;
      } else if (d.severity === WARNING) {
        warnings++;
      }
    }
  }
  console.log(`cypher-lint: ${options.files.length} files, ${errors} errors, ${warnings} warnings`);
  return errors > 0 || (options.strict && warnings > 0) ? 1 : 0;
}

process.exitCode = main();
