// Drives the Camunda webapps (Tasklist, Cockpit) of a running PMO Flow in headless Chromium for the *BrowserIT
// classes. One invocation = one person doing one thing:
//
//   node tasklist.mjs < request.json        (once: npm ci in this folder; `mvn verify -Pbrowser-it` does both)
//
// request.json: { "baseUrl": "http://localhost:8080", "user": "pat.pmo", "action": ..., "engine": "default",
//                 "screenshots": "dir" }; driver.mjs says what every request has and what every answer carries
//   action "startProcess": "process": "Project intake", "steps": [...]   → starts it with the start form
//   action "completeTask": "taskId": "...", "claim": true, "steps": [...] → completes the task form
//     with "expect": "blocked" instead: fills the steps, then reports whether Complete stayed disabled and the
//       messages the form shows ("errors")
//     with "expect": "refused" instead: fills the steps, clicks Complete, and reports the server's refusal (status,
//       message), what Tasklist showed the person and whether the form stayed open; fails if the form went through
//   action "taskLists"                                                    → the filters Tasklist offers the person
//     and the tasks each lists ("shot": then the first task of the first filter, opened)
//   action "cockpitInstance": "process": "Project lifecycle", "businessKey": "PRJ-…", "retry": true
//     → Cockpit: finds the instance by business key, reads its incidents and active activities, retries incidents
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
import { exactly, open, TIMEOUT } from './driver.mjs';

const NOTIFICATIONS = '.notifications .alert'; // what Tasklist tells the person (commons-ui cam-notifications)

const { request, page, run, shot, screenshot, pageErrors } = await open();
const { baseUrl, user, password = 'demo', engine = 'default' } = request;
const refills = [];

await run({ startProcess, completeTask, banner, page: openPage, taskLists, cockpitInstance }, () => ({ refills }));

async function login(app) {
  const name = page.locator('input[ng-model="username"]');
  await page.goto(`${baseUrl}/camunda/app/${app}/${engine}/#/login`);
  // The first page of a cold server can miss RequireJS's 7 s for loading the webapp's plugins ("Load timeout for
  // modules"): the page stays blank. A person reloads it; so does the driver, once, and forgets that error.
  const errorsBefore = pageErrors.length;
  if (!await name.waitFor().then(() => true, () => false)) {
    if (!pageErrors.slice(errorsBefore).some((e) => e.includes('Load timeout for modules'))) {
      throw new Error(`the ${app} login form did not appear; page errors: ${pageErrors.join(' | ')}`);
    }
    pageErrors.splice(errorsBefore);
    await page.reload();
  }
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
  await page.goto(`${baseUrl}/camunda/app/tasklist/${engine}/#/?task=${request.taskId}&detailsTab=form`);
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

/**
 * Tasklist as the person sees it: the filters offered (names, in order) and, for each, the tasks it lists (id and
 * name). With "shot": then "My tasks" again with its first task opened, saved for the README.
 */
async function taskLists() {
  await login('tasklist');
  const filters = page.locator('[cam-tasklist-filters] .task-filter');
  await filters.first().waitFor();
  const names = await filters.locator('h4.name a').evaluateAll((links) => links.map(
    (a) => a.childNodes[0].textContent.trim())); // the name without its counter
  const lists = {};
  for (let i = 0; i < names.length; i++) {
    if (i > 0) { // the first filter is focused at login
      await focusFilter(filters.nth(i));
    }
    lists[names[i]] = await listedTasks(filters.nth(i));
  }
  if (request.shot) {
    await focusFilter(filters.first());
    const first = await listedTasks(filters.first());
    if (first.length) {
      await page.locator('[cam-tasks] li.task h4.task a').first().click();
      await page.locator('.fjs-container .fjs-form-field').first().waitFor(); // the form, not just its frame
    }
    await shot();
  }
  return { filters: names, lists };
}

/** Clicks the filter, once the tooltip of the filter clicked before (shown while the mouse rests there) is gone. */
async function focusFilter(filter) {
  await page.mouse.move(0, 0);
  await page.locator('.tooltip').waitFor({ state: 'detached' });
  await filter.click();
}

/** Waits until the focused filter's list is loaded (as many rows as its counter says), then reads it. */
async function listedTasks(filter) {
  await filter.and(page.locator('.active')).waitFor();
  const counter = filter.locator('.counter');
  const rows = page.locator('[cam-tasks] li.task');
  try {
    await page.waitForFunction(([c, loader]) => !loader.offsetParent && c.offsetParent
      && /^\d+$/.test(c.textContent.trim())
      && document.querySelectorAll('[cam-tasks] li.task').length === Number(c.textContent.trim()),
    [await counter.elementHandle(), await page.locator('[cam-tasks] > .loader').elementHandle()], { timeout: TIMEOUT });
  } catch {
    throw new Error(`the list of "${await filter.locator('h4.name a').innerText()}" did not load: `
      + `${await rows.count()} rows, counter ${JSON.stringify(await counter.textContent())}`);
  }
  return rows.locator('h4.task a').evaluateAll((links) => links.map((a) => ({
    id: new URLSearchParams(a.getAttribute('href').replace(/^#\/\?/, '')).get('task'),
    name: a.textContent.trim(),
  })));
}

/**
 * Cockpit as an operator: opens the process by its name under Processes, searches its instances by business key as
 * a person types it ("Business Key" criterion), opens the instance and its Incidents tab and reads the incidents
 * and the activities that hold a token; with "retry", clicks each incident's "Increment Number of Retries" and
 * confirms. With "shot", saves the instance page (incidents shown) for the README.
 */
async function cockpitInstance() {
  await login('cockpit');
  await page.goto(`${baseUrl}/camunda/app/cockpit/${engine}/#/processes`);
  await page.locator('a', { hasText: exactly(request.process) }).first().click();
  const instances = page.locator('table.process-instances tbody tr');
  await instances.first().waitFor(); // the list has loaded, and with it the search box
  const search = page.locator('[cam-widget-search] input.main-field');
  const criterion = page.locator('[cam-widget-search] [uib-typeahead-popup] li', { hasText: exactly('Business Key') });
  // the search box can still be re-rendered a moment after the list appears, dropping what was typed: type again
  for (let attempt = 1; ; attempt++) {
    await search.click();
    await search.fill('');
    await search.pressSequentially('Business Key');
    if (await criterion.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
      await criterion.click();
      break;
    }
    if (attempt === 3) {
      throw new Error('Cockpit offered no "Business Key" criterion in its search');
    }
  }
  const value = page.locator('[cam-widget-search] .value-field input');
  // the criterion's value field opens for typing; when the search re-renders just then, the criterion stays with
  // "??" as its value and a closed field (seen once in CI): a person clicks the "??" to type, and so does the driver
  if (!await value.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
    await page.locator('[cam-widget-search-pill]', { hasText: 'Business Key' }).getByText('??').first().click();
    await value.waitFor();
  }
  await value.fill(request.businessKey);
  await value.press('Enter');
  const row = instances.filter({ hasText: request.businessKey });
  await row.waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('table.process-instances tbody tr').length === n, 1);
  const listedWithIncident = await row.locator('td.state .circle-red').count() > 0;
  await row.locator('td.instance-id a[href*="/process-instance/"]').click();
  await page.waitForURL((url) => url.hash.includes('/process-instance/'));
  await page.locator('.djs-overlays .badge.instance-count').first().waitFor();
  const activeActivities = await page.locator('.djs-overlays').filter({ has: page.locator('.badge.instance-count') })
    .evaluateAll((overlays) => overlays.map((o) => o.dataset.containerId));
  await page.locator('.nav-tabs a, .ctn-tabbed a', { hasText: exactly('Incidents') }).first().click();
  const incidentRows = page.locator('table.incidents-tab tbody tr');
  await incidentRows.first().or(page.getByText('No incidents')).first().waitFor();
  const incidents = [];
  for (const incident of await incidentRows.all()) {
    incidents.push({ message: (await incident.locator('td.message').innerText()).trim(),
      activity: (await incident.locator('td.activity').innerText()).trim() });
  }
  await shot();
  let retried = 0;
  if (request.retry) {
    for (const incident of await incidentRows.all()) {
      await incident.locator('a[ng-click="openJobRetryDialog(incident)"]').click();
      const dialog = page.locator('.modal-dialog');
      await dialog.locator('button', { hasText: exactly('Retry') }).click();
      await dialog.getByText('Incrementing the number of retries finished successfully').waitFor();
      await dialog.locator('button', { hasText: exactly('OK') }).click();
      await dialog.waitFor({ state: 'detached' });
      retried++;
    }
  }
  return { listedWithIncident, processInstanceId: page.url().match(/process-instance\/([^/?]+)/)[1], activeActivities,
    incidents, retried };
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
