// Camunda Modeler's own checks, run by `mvn verify`: what an analyst would see as errors or warnings on opening
// processes/*.bpmn, forms/*.form and processes/.camunda/element-templates/*.json in the Modeler. Any finding,
// warning or error, fails the build.
//
// Usage: node build/lint.mjs <project root>
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { BpmnModdle } from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import modelerModdle from 'modeler-moddle/resources/modeler.json';
import { Linter } from '@camunda/linting';
import { FormLinter } from '@camunda/form-linting';
import { validate, getSchemaVersion } from '@bpmn-io/element-templates-validator';

// @camunda/form-linting 0.25 maps Camunda Platform versions to form-js versions only up to 7.22 and runs no rule
// at all for a later one; 7.22's form-js rules are the nearest it has to 7.24's webapps.
const FORM_LINT_PLATFORM_VERSION = '7.22.0';

const root = resolve(process.argv[2] || '../..');
const findings = [];
const counts = { bpmn: 0, forms: 0, templates: 0 };

function report(file, where, category, message) {
  findings.push(`${relative(root, file)}: ${category}${where ? ` at ${where}` : ''}: ${message}`);
}

function filesIn(dir, suffix) {
  const path = join(root, dir);
  if (!existsSync(path)) {
    return [];
  }
  return readdirSync(path).filter(name => name.endsWith(suffix)).sort().map(name => join(path, name));
}

// The Modeler parses with the same moddle packages; whatever it cannot read it shows as an import warning.
const moddle = new BpmnModdle({ camunda: camundaModdle, modeler: modelerModdle });
const bpmnLinter = new Linter({ type: 'platform', modeler: 'desktop' });

for (const file of filesIn('processes', '.bpmn')) {
  counts.bpmn++;
  const { rootElement, warnings } = await moddle.fromXML(readFileSync(file, 'utf8'));
  for (const warning of warnings) {
    report(file, warning.element && warning.element.id, 'import warning', warning.message);
  }
  if (!rootElement.get('modeler:executionPlatform') || !rootElement.get('modeler:executionPlatformVersion')) {
    // the Modeler's linter silently checks nothing without them
    report(file, rootElement.id, 'error', 'no modeler:executionPlatform / modeler:executionPlatformVersion');
    continue;
  }
  for (const r of await bpmnLinter.lint(rootElement)) {
    report(file, r.id, r.category, `${r.message} (${r.rule})`);
  }
}

const formLinter = new FormLinter();
for (const file of filesIn('forms', '.form')) {
  counts.forms++;
  const form = JSON.parse(readFileSync(file, 'utf8'));
  if (form.executionPlatform !== 'Camunda Platform' || !form.executionPlatformVersion) {
    report(file, form.id, 'error', 'no executionPlatform "Camunda Platform" / executionPlatformVersion');
    continue;
  }
  for (const r of formLinter.lint({ ...form, executionPlatformVersion: FORM_LINT_PLATFORM_VERSION })) {
    report(file, r.id, r.category || 'error', r.message);
  }
}

for (const file of filesIn('processes/.camunda/element-templates', '.json')) {
  counts.templates++;
  let templates;
  try {
    templates = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    report(file, null, 'error', `not valid JSON: ${e.message}`);
    continue;
  }
  for (const template of Array.isArray(templates) ? templates : [ templates ]) {
    const { errors, warnings } = validate(template);
    const problems = [ ...(errors || []), ...(warnings || []) ];
    // the schema accepts one template or an array of them: a broken template also fails "must be array" and the
    // oneOf between the two at its root, which says nothing more
    const telling = problems.filter(e => e.instancePath || ![ 'type', 'oneOf' ].includes(e.keyword));
    for (const e of telling.length ? telling : problems) {
      report(file, `${template.id}${e.instancePath || ''}`, 'error', e.message);
    }
  }
}

if (counts.bpmn === 0 || counts.forms === 0 || counts.templates === 0) {
  findings.push(`nothing to lint under ${root}: ${JSON.stringify(counts)} (wrong project root?)`);
}

findings.forEach(f => console.error(f));
console.log(`model lint (Camunda Platform rules of @camunda/linting, forms as ${FORM_LINT_PLATFORM_VERSION}, element`
  + ` templates against schema ${getSchemaVersion()}): ${counts.bpmn} processes, ${counts.forms} forms,`
  + ` ${counts.templates} template files, ${findings.length} findings`);
process.exitCode = findings.length ? 1 : 0;
