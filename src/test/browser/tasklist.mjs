// Drives the Camunda webapps of a running PMO Flow in headless Chromium (Debian's /usr/bin/chromium; no browser is
// ever downloaded) for TasklistBrowserIT. One invocation = one person doing one thing:
//
//   node tasklist.mjs < request.json        (once: npm ci in this folder; `mvn verify -Pbrowser-it` does both)
//
// request.json: { "baseUrl": "http://localhost:8080", "user": "pat.pmo", "action": ..., "screenshots": "dir" }
//   action "startProcess": "process": "Project intake", "steps": [...]   → starts it with the start form
//   action "completeTask": "taskId": "...", "claim": true, "steps": [...] → completes the task form
//     with "expect": "blocked" instead: fills the steps, then reports whether Complete stayed disabled
//     with "expect": "refused" instead: fills the steps, clicks Complete, and reports the server's refusal (status,
//       message), what Tasklist showed the person and whether the form stayed open; fails if the form went through
//   action "page": "path": "/api/..."                                     → logs in to Tasklist, then opens the
//     path in the same session and returns its status, title and text
//   action "banner": "app": "tasklist" | "cockpit"                         → is the CE end-of-life banner shown?
// steps, each on a form-js component id (the form's "id", e.g. Field_MilestoneName; rows of a dynamic list
// add _<row>, e.g. Field_MilestoneName_1):
//   { "field": "Field_X", "fill": "text" }       textfield, textarea, number
//   { "field": "Field_X", "date": "2027-03-01" }  datetime (subtype date), typed as mm/dd/yyyy like a person
//   { "field": "Field_X", "select": "Medium" }    select, by the option's label
//   { "field": "Field_X", "radio": "Approve" }    radio, by the option's label
//   { "field": "Field_X", "check": true }         checkbox
//   { "addRow": "List_X" }                        dynamic list: the "Add new" button
//   { "field": "Field_X", "value": "text" }       asserts what a (prefilled) textfield/number/textarea shows;
//     add "readonly": true to assert a person cannot type into it
//   { "field": "Field_X", "dateValue": "2027-03-01" } asserts what a (prefilled) date field shows
//   { "see": "text" }                             asserts the form shows the text (e.g. a gate's label)
// Prints one JSON object on stdout; on failure exits 1 with the reason on stderr and a screenshot in "screenshots".
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const TIMEOUT = 20_000;
const NOTIFICATIONS = '.notifications .alert'; // what Tasklist tells the person (commons-ui cam-notifications)

const began = Date.now();
const request = JSON.parse(await readStdin());
const { baseUrl, user, password = 'demo', action } = request;

if (!existsSync(CHROMIUM)) {
  fail(`${CHROMIUM} is missing: install Debian's package with 'apt-get install -y chromium'`);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
page.setDefaultTimeout(TIMEOUT);
const pageErrors = [];
const refills = [];
page.on('pageerror', (e) => pageErrors.push(e.message));

try {
  let result;
  if (action === 'startProcess') {
    result = await startProcess();
  } else if (action === 'completeTask') {
    result = await completeTask();
  } else if (action === 'banner') {
    result = await banner();
  } else if (action === 'page') {
    result = await openPage();
  } else {
    throw new Error(`unknown action ${action}`);
  }
  await screenshot('ok');
  process.stdout.write(JSON.stringify({ ...result, pageErrors, refills, elapsedMs: Date.now() - began }) + '\n');
  await browser.close();
} catch (e) {
  const shot = await screenshot('failed').catch(() => null);
  await browser.close().catch(() => {});
  fail(`${action} as ${user}: ${e.message}` + (shot ? `\nscreenshot: ${shot}` : '')
    + (pageErrors.length ? `\npage errors: ${pageErrors.join(' | ')}` : ''));
}

async function login(app) {
  await page.goto(`${baseUrl}/camunda/app/${app}/default/#/login`);
  const name = page.locator('input[ng-model="username"]');
  const secret = page.locator('input[type="password"]');
  // On a cold server the login view focuses the user name late and can catch keystrokes meant for the password.
  for (let attempt = 1; ; attempt++) {
    await name.fill(user);
    await secret.fill(password);
    if (await name.inputValue() === user && await secret.inputValue() === password) {
      break;
    }
    if (attempt === 3) {
      throw new Error(`could not type the credentials into the ${app} login form`);
    }
  }
  await page.click('button[type="submit"]');
  try {
    await page.waitForURL((url) => !url.hash.includes('/login'));
  } catch {
    throw new Error(`login to ${app} failed; page says: ${await notifications()}`);
  }
}

async function startProcess() {
  await login('tasklist');
  await page.click('[cam-widget-header] a:has-text("Start process"), [cam-widget-header] button:has-text("Start process")');
  const dialog = page.locator('.modal-dialog');
  await dialog.locator('a', { hasText: exactly(request.process) }).click();
  await dialog.locator('.fjs-container').waitFor();
  await fillSteps(dialog);
  const start = dialog.locator('button[ng-click="startProcessInstance()"]');
  await waitEnabled(start, dialog, 'Start');
  const [response] = await Promise.all([
    page.waitForResponse((r) => /\/process-definition\/[^/]+\/submit-form$/.test(r.url())
      && r.request().method() === 'POST'),
    start.click(),
  ]);
  const body = await response.json().catch(() => ({}));
  if (response.status() !== 200) {
    throw new Error(`start was refused (${response.status()}): ${body.message ?? ''}`);
  }
  await dialog.waitFor({ state: 'detached' });
  return { started: true, processInstanceId: body.id, businessKey: body.businessKey };
}

async function completeTask() {
  await login('tasklist');
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${request.taskId}&detailsTab=form`);
  const task = page.locator('.task-details, [cam-tasklist-task]').first();
  await task.waitFor();
  if (request.claim) {
    await task.locator('button.claim').click();
    await task.locator('button.unclaim, [ng-click="unclaim()"]').first().waitFor();
  }
  const form = task.locator('.fjs-container');
  await form.waitFor();
  await fillSteps(form);
  const complete = task.locator('button:has-text("Complete")');
  if (request.expect === 'refused') {
    return refused(task, form, complete);
  }
  if (request.expect === 'blocked') {
    await form.locator('.fjs-form-field-error:not(:empty)').first().waitFor();
    // Tasklist updates the button in its next digest after form-js shows the error: give it that moment
    const completeDisabled = await complete.and(page.locator(':disabled')).waitFor({ timeout: 5_000 })
      .then(() => true, () => false);
    let submitted = false;
    if (!completeDisabled) { // a person would click it; report whether the form went out anyway
      const sent = page.waitForResponse((r) => r.url().endsWith('/submit-form'), { timeout: 3_000 })
        .then(() => true, () => false);
      await complete.click();
      submitted = await sent;
    }
    return { completeDisabled, submitted, errors: await fieldErrors(form) };
  }
  await waitEnabled(complete, form, 'Complete');
  await screenshot('filled'); // the form as the person saw it before completing it
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/task/${request.taskId}/submit-form`)
      && r.request().method() === 'POST'),
    complete.click(),
  ]);
  if (response.status() !== 204) {
    const body = await response.json().catch(() => ({}));
    throw new Error(`completion was refused (${response.status()}): ${body.message ?? ''}`);
  }
  await form.waitFor({ state: 'detached' });
  return { completed: true };
}

/** Complete is clicked and the server must refuse: what did it say, what did the person see, is the form still open? */
async function refused(task, form, complete) {
  await waitEnabled(complete, form, 'Complete');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/task/${request.taskId}/submit-form`)
      && r.request().method() === 'POST'),
    complete.click(),
  ]);
  if (response.ok()) {
    throw new Error(`the server accepted the form (${response.status()}) where a refusal was expected`);
  }
  const body = await response.json().catch(() => ({}));
  await page.locator(NOTIFICATIONS).first().waitFor();
  await screenshot('refused');
  return {
    status: response.status(),
    message: body.message ?? '',
    shown: await notifications(),
    formStillOpen: await form.isVisible(),
    completeStillThere: await complete.isVisible(),
  };
}

async function openPage() {
  await login('tasklist');
  const response = await page.goto(`${baseUrl}${request.path}`);
  return {
    status: response.status(),
    contentType: response.headers()['content-type'] ?? '',
    title: await page.title(),
    text: await page.locator('body').innerText(),
  };
}

async function banner() {
  const app = request.app;
  await login(app);
  await page.locator('[cam-widget-header]').first().waitFor();
  // The banner is part of the header's template; wait until it is in the DOM, then ask whether one can see it.
  const eol = page.locator('[cam-widget-header] .ce-eol-banner');
  await eol.first().waitFor({ state: 'attached' });
  return { app, bannerInDom: await eol.count(), bannerVisible: await eol.first().isVisible() };
}

async function fillSteps(root) {
  for (const step of request.steps ?? []) {
    try {
      await fillStep(root, step);
    } catch (e) {
      throw new Error(`step ${JSON.stringify(step)}: ${e.message}`);
    }
  }
}

async function fillStep(root, step) {
  if (step.addRow) {
    const list = root.locator(`[role="group"][aria-labelledby$="-${step.addRow}"]`);
    const rows = list.locator('.fjs-repeat-row-remove');
    const before = await rows.count();
    await list.locator('button.fjs-repeat-render-add').click();
    await rows.nth(before).waitFor();
    return;
  }
  const field = `-${step.field}`;
  if ('fill' in step) {
    const input = root.locator(`input[id$="${field}"], textarea[id$="${field}"]`);
    // Right after "Add new" form-js may still re-render the list and drop what was typed into the new row
    // (seen as an empty, required field): type again then, and report it in "refills".
    for (let attempt = 1; ; attempt++) {
      await input.fill(String(step.fill));
      await input.blur();
      if (await input.inputValue() === String(step.fill) || attempt === 3) {
        break;
      }
      refills.push(step.field);
    }
  } else if ('date' in step) {
    const [y, m, d] = step.date.split('-');
    const input = root.locator(`input[id$="${field}-date"]`);
    await input.click();
    await input.pressSequentially(`${m}/${d}/${y}`);
    await input.press('Tab'); // the date picker takes what was typed when the field loses focus
  } else if ('select' in step) {
    const select = root.locator('.fjs-form-field-select').filter({ has: page.locator(`[id$="${field}-display"]`) });
    const options = select.locator('.fjs-dropdownlist');
    if (!(await options.isVisible())) { // focus alone (a Tab from the field before) opens it already
      await select.locator(`[id$="${field}-display"]`).click();
    }
    await options.locator('.fjs-dropdownlist-item', { hasText: exactly(step.select) }).click();
  } else if ('radio' in step) {
    await root.locator(`label[for*="${field}-"]`, { hasText: exactly(step.radio) }).locator('input').check();
  } else if ('check' in step) {
    await root.locator(`input[type="checkbox"][id$="${field}"]`).setChecked(Boolean(step.check));
  } else if ('value' in step) {
    const input = root.locator(`input[id$="${field}"], textarea[id$="${field}"]`);
    await shows(input, String(step.value));
    if (step.readonly && !(await input.evaluate((e) => e.readOnly || e.disabled))) {
      throw new Error('the field can be edited; it should be read-only');
    }
  } else if ('dateValue' in step) {
    const [y, m, d] = step.dateValue.split('-');
    // form-js shows a date as m/d/yyyy (3/1/2027), without leading zeros
    await shows(root.locator(`input[id$="${field}-date"]`), `${Number(m)}/${Number(d)}/${y}`);
  } else if ('see' in step) {
    await root.getByText(step.see).first().waitFor();
  } else {
    throw new Error('unknown step');
  }
}

/** Waits (auto-waiting, up to the default timeout) until the input shows the value; else says what it shows. */
async function shows(input, value) {
  await input.waitFor();
  const handle = await input.elementHandle();
  try {
    await page.waitForFunction(([e, v]) => e.value === v, [handle, value], { timeout: TIMEOUT });
  } catch {
    throw new Error(`shows ${JSON.stringify(await input.inputValue())}, expected ${JSON.stringify(value)}`);
  }
}

async function waitEnabled(button, form, name) {
  try {
    await button.and(page.locator(':enabled')).waitFor({ timeout: 10_000 });
  } catch {
    throw new Error(`"${name}" stayed disabled; errors shown on the form: ${JSON.stringify(await fieldErrors(form))}`);
  }
}

async function fieldErrors(form) {
  return (await form.locator('.fjs-form-field-error').allTextContents()).map((t) => t.trim()).filter(Boolean);
}

async function notifications() {
  return (await page.locator(NOTIFICATIONS).allTextContents())
    .map((t) => t.replace(/\s+/g, ' ').replace(/^(×|Close|\s)+/, '').trim()).filter(Boolean).join(' | ');
}

async function screenshot(kind) {
  if (!request.screenshots) {
    return null;
  }
  mkdirSync(request.screenshots, { recursive: true });
  const path = join(request.screenshots, `${request.name ?? action}-${kind}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

function exactly(text) {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function fail(message) {
  process.stderr.write(message + '\n');
  process.exit(1);
}
