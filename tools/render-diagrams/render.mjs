// Renders every processes/*.bpmn to docs/diagrams/<name>.svg with the bpmn-js viewer (the renderer Camunda
// Modeler uses) in headless Chromium from the Debian package; no browser is downloaded.
//   once:  (cd tools/render-diagrams && npm ci)      then:  node tools/render-diagrams/render.mjs
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const processesDir = join(root, 'processes');
const outDir = join(root, 'docs', 'diagrams');
const viewerBundle = join(here, 'node_modules', 'bpmn-js', 'dist', 'bpmn-viewer.production.min.js');
const chromiumPath = '/usr/bin/chromium';

if (!existsSync(viewerBundle)) {
  throw new Error(`bpmn-js is not installed: run 'npm ci' in ${here}`);
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

const models = (await readdir(processesDir)).filter((f) => f.endsWith('.bpmn')).sort();
await mkdir(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  await page.setContent('<!DOCTYPE html><html><body><div id="canvas" style="width:1600px;height:900px"></div></body></html>');
  await page.addScriptTag({ path: viewerBundle });
  for (const model of models) {
    const xml = await readFile(join(processesDir, model), 'utf8');
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
    for (const w of warnings) {
      console.warn(`${model}: ${w}`);
    }
    const name = basename(model, '.bpmn');
    const target = join(outDir, name + '.svg');
    await writeFile(target, stableMarkerIds(svg, name) + '\n');
    console.log(`${model} -> ${target.slice(root.length + 1)}`);
  }
} finally {
  await browser.close();
}
