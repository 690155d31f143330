#!/usr/bin/env node
// Lints Cypher statements with Neo4j's own parser and semantic analysis
// (@neo4j-cypher/language-support). Reads on stdin either a JSON array of
// {"name": "...", "query": "..."} or {"schema": {...}, "statements": [...]},
// where schema names the labels, relationship types and property keys the
// statements may use (unknown ones are then reported as warnings). Writes a
// JSON array of {"name": "...", "diagnostics": [{"severity", "message",
// "line", "character", "offset"}]} on stdout. Severity follows the LSP:
// 1 error, 2 warning, 3 information, 4 hint.
//
// Parameters ($id) are not declared, so "parameter not defined" findings are
// dropped; everything else is reported.
'use strict';

const { lintCypherQuery, isNotParamError } = require('@neo4j-cypher/language-support');

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

async function main() {
  const input = JSON.parse(await readStdin());
  const statements = Array.isArray(input) ? input : input.statements;
  const schema = Array.isArray(input) ? {} : input.schema || {};
  if (!Array.isArray(statements)) {
    throw new Error('stdin must hold [{name, query}] or {schema, statements: [{name, query}]}');
  }
  // Neo4j 5 servers run Cypher 5: check that dialect.
  const dbSchema = { ...schema, defaultLanguage: 'CYPHER 5' };
  const out = statements.map(({ name, query }) => {
    if (typeof query !== 'string') {
      throw new Error(`statement ${name}: query is not a string`);
    }
    const { diagnostics } = lintCypherQuery(query, dbSchema);
    return {
      name,
      diagnostics: diagnostics.filter(isNotParamError).map((d) => ({
        severity: d.severity,
        message: d.message,
        line: d.range.start.line + 1,
        character: d.range.start.character + 1,
        offset: d.offsets ? d.offsets.start : undefined,
      })),
    };
  });
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

main().catch((err) => {
  process.stderr.write(`cypherlint: ${err.message}\n`);
  process.exit(2);
});
