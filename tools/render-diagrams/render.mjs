// Renders the models for the README with the viewers Camunda Modeler uses, in headless Chromium from the Debian
// package (no browser is downloaded):
//   processes/*.bpmn -> docs/diagrams/<name>.svg   (bpmn-js)
//   processes/*.dmn  -> docs/diagrams/<name>.png   (dmn-js: the decision table, which dmn-js draws as HTML)
// and records the SHA-256 of every model it rendered in docs/diagrams/models.sha256 (sha256sum format), which
// DiagramsUpToDateTest compares with the models, so a diagram that no longer shows its model fails the build.
//   once:  (cd tools/render-diagrams && npm ci)      then:  node tools/render-diagrams/render.mjs
import { chromium } from 'playwright-core';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const processesDir = join(root, 'processes');
const outDir = join(root, 'docs', 'diagrams');
const manifest = join(outDir, 'models.sha256');
const bpmnBundle = join(here, 'node_modules', 'bpmn-js', 'dist', 'bpmn-viewer.production.min.js');
const dmnAssets = join(here, 'node_modules', 'dmn-js', 'dist', 'assets');
const dmnBundle = join(here, 'node_modules', 'dmn-js', 'dist', 'dmn-viewer.production.min.js');
const dmnStyles = ['dmn-js-shared.css', 'dmn-js-decision-table.css', 'dmn-font/css/dmn-embedded.css']
  .map((css) => join(dmnAssets, css));
const chromiumPath = '/usr/bin/chromium';

for (const bundle of [bpmnBundle, dmnBundle]) {
  if (!existsSync(bundle)) {
    throw new Error(`${basename(bundle)} is not installed: run 'npm ci' in ${here}`);
  }
}
if (!existsSync(chromiumPath)) {
  throw new Error(`${chromiumPath} is missing: install Debian's package with 'apt-get install -y chromium'`);
}

// bpmn-js gives arrow-head markers random ids; numbering them keeps an unchanged model's SVG byte-identical.
function stableMarkerIds(svg, prefix) {
  const ids = new Map();
  for (const [, id] of svg.matchAll(/<marker id="([^"]+)"/g)) {
    ids.set(id, `${prefix}-arrow-${ids.size + 1}`);
  }
  return svg.replace(/#([A-Za-z0-9_-]+)'\)|<marker id="([^"]+)"/g, (match, ref, def) =>
    ref ? `#${ids.get(ref) ?? ref}')` : `<marker id="${ids.get(def)}"`);
}

async function renderBpmn(page, model, xml) {
  const { svg, warnings } = await page.evaluate(async (bpmnXml) => {
    const viewer = new BpmnJS({ container: '#canvas' });
    try {
      const { warnings } = await viewer.importXML(bpmnXml);
      const { svg } = await viewer.saveSVG();
      return { svg, warnings: warnings.map((w) => w.message) };
    } finally {
      viewer.destroy();
    }
  }, xml);
  const name = basename(model, '.bpmn');
  const target = join(outDir, name + '.svg');
  await writeFile(target, stableMarkerIds(svg, name) + '\n');
  return { target, warnings };
}

async function renderDmn(page, model, xml) {
  const warnings = await page.evaluate(async (dmnXml) => {
    window.viewer?.destroy();
    window.viewer = new DmnJS({ container: '#canvas' });
    const { warnings } = await window.viewer.importXML(dmnXml);
    const table = window.viewer.getViews().find((view) => view.type === 'decisionTable');
    if (!table) {
      throw new Error('the model has no decision table to show');
    }
    await window.viewer.open(table);
    return warnings.map((w) => w.message);
  }, xml);
  const target = join(outDir, basename(model, '.dmn') + '.png');
  await page.locator('#canvas').screenshot({ path: target });
  return { target, warnings };
}

const models = (await readdir(processesDir)).filter((f) => f.endsWith('.bpmn') || f.endsWith('.dmn')).sort();
await mkdir(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const hashes = [];
try {
  const bpmnPage = await browser.newPage();
  await bpmnPage.setContent('<!DOCTYPE html><html><body><div id="canvas" style="width:1600px;height:900px"></div></body></html>');
  await bpmnPage.addScriptTag({ path: bpmnBundle });
  // the decision table sizes itself; the container shrinks around it so the screenshot has no empty margin
  const dmnPage = await browser.newPage({ viewport: { width: 1800, height: 900 }, deviceScaleFactor: 1 });
  await dmnPage.setContent('<!DOCTYPE html><html><body style="margin:0;background:#fff">'
    + '<div id="canvas" style="display:inline-block;padding:8px"></div></body></html>');
  for (const css of dmnStyles) {
    await dmnPage.addStyleTag({ path: css });
  }
  // an image has no use for the button into the DRD; the room below the table keeps the bpmn.io logo (which
  // its license asks to stay visible) off the last rule
  await dmnPage.addStyleTag({ content: '.view-drd { display: none } .dmn-decision-table-container { padding-bottom: 32px }' });
  await dmnPage.addScriptTag({ path: dmnBundle });

  for (const model of models) {
    const bytes = await readFile(join(processesDir, model));
    const xml = bytes.toString('utf8');
    const { target, warnings } = model.endsWith('.bpmn')
      ? await renderBpmn(bpmnPage, model, xml)
      : await renderDmn(dmnPage, model, xml);
    for (const w of warnings) {
      console.warn(`${model}: ${w}`);
    }
    hashes.push(`${createHash('sha256').update(bytes).digest('hex')}  processes/${model}`);
    console.log(`${model} -> ${target.slice(root.length + 1)}`);
  }
} finally {
  await browser.close();
}
await writeFile(manifest, hashes.join('\n') + '\n');
console.log(`hashes of the rendered models -> ${manifest.slice(root.length + 1)}`);
