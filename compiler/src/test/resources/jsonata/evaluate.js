// Evaluates one JSONata expression with JavaScript JSONata (tools/node_modules/jsonata, the version
// Step Functions implements) for each set of variable bindings read as JSON from stdin:
//   {"expression": "...", "bindings": [{"d": 1.5}, ...]}
// and prints a JSON array with each result, or {"error": code} where evaluation failed.
const jsonata = require('jsonata');

let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', async () => {
  const request = JSON.parse(input);
  const expression = jsonata(request.expression);
  const results = [];
  for (const bindings of request.bindings) {
    try {
      results.push(await expression.evaluate({}, bindings));
    } catch (e) {
      results.push({ error: e.code || String(e) });
    }
  }
  process.stdout.write(JSON.stringify(results));
});
