#!/usr/bin/env node
// Validates every element template in processes/.camunda/element-templates/ against the
// Camunda 7 element templates JSON schema (npm @camunda/element-templates-json-schema),
// the schema Camunda Modeler uses for Camunda 7 diagrams. Exits 1 on any error.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv');

const schemaFile = require.resolve('@camunda/element-templates-json-schema/resources/schema.json');
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
const dir = path.resolve(__dirname, process.argv[2] || '../../processes/.camunda/element-templates');

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

const files = fs.existsSync(dir)
  ? fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort()
  : [];
let failed = 0;
for (const name of files) {
  const file = path.join(dir, name);
  let templates;
  try {
    templates = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: not valid JSON: ${e.message}`);
    failed++;
    continue;
  }
  const errors = [];
  if (!validate(templates)) {
    // the schema's top level is oneOf(template, array of templates): report per template when
    // it is an array so a message points at the broken one
    for (const [i, template] of (Array.isArray(templates) ? templates : [templates]).entries()) {
      if (!validate(Array.isArray(templates) ? [template] : template)) {
        // drop the noise of the top-level oneOf (object or array) and point into the template
        const relevant = validate.errors.filter((err) => err.instancePath !== '');
        for (const err of relevant.length ? relevant : validate.errors) {
          const where = Array.isArray(templates) ? err.instancePath.replace(/^\/0/, '') : err.instancePath;
          errors.push(`template ${i} (${template && template.id}): ${where || '/'} ${err.message}`
            + (err.params && Object.keys(err.params).length ? ` ${JSON.stringify(err.params)}` : ''));
        }
      }
    }
    if (errors.length === 0) {
      errors.push(...validate.errors.map((err) => `${err.instancePath || '/'} ${err.message}`));
    }
  }
  // ids must be unique per version: Modeler refuses duplicates
  const seen = new Set();
  for (const template of Array.isArray(templates) ? templates : [templates]) {
    const key = `${template && template.id}@${template && template.version}`;
    if (seen.has(key)) errors.push(`duplicate template ${key}`);
    seen.add(key);
  }
  if (errors.length) {
    failed++;
    console.error(`${file}:`);
    for (const error of errors) console.error(`  ${error}`);
  } else {
    const count = Array.isArray(templates) ? templates.length : 1;
    console.log(`${path.relative(process.cwd(), file)}: ${count} template(s) valid`);
  }
}
if (files.length === 0) {
  console.error(`no element templates found in ${dir}`);
  process.exit(1);
}
process.exit(failed ? 1 : 0);
