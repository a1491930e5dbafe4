// Drives the portfolio dashboard (/) of a running PMO Flow in headless Chromium (Debian's /usr/bin/chromium; no
// browser is ever downloaded) for DashboardBrowserIT. One invocation = one person looking at one thing:
//
//   node dashboard.mjs < request.json        (once: npm ci in this folder; `mvn verify -Pbrowser-it` does both)
//
// request.json: { "baseUrl": "http://localhost:8080", "user": "pat.pmo", "action": ..., "screenshots": "dir",
//                 "shot": "docs/screenshots/x.png" (optional: a full-page screenshot of the result) }; driver.mjs
// says what every request has and what every answer carries
//   action "anonymous"                 → opens / without logging in: is the login form shown, what else is there,
//                                        and whether this browser has a webapp session (it must not)
//   action "portfolio"                 → logs in on /, reads the KPI tiles, the counts and the project list;
//     "filter": {"phase": "EXECUTION"}  then picks filter values in the list's form and reads the list again
//     "search": "portal"                then types a search and reads the list again
//     "sortBy": "Name"                  then clicks a column header and reads the list again
//   action "project": "key": "PRJ-…"   → logs in on /projects/{key}: header, health and its explanation, timeline,
//                                        the sections shown and the links to Tasklist, Cockpit and the report
//   action "capacity" ["path": "/capacity?size=2"] → logs in on /capacity: the heat map's people, weeks and cells;
//                                        with a pager, also the people of the next page
//   action "logout"                    → logs in, logs out: the login form is back and the session is gone
// The driver never fetches /api/** without a session itself: its 401 carries a Basic challenge, and Chromium would
// wait on the credentials prompt (the HTTP tests check those 401s).
import { open } from './driver.mjs';

const { request, page, run, shot } = await open();
const { baseUrl, user, password = 'demo' } = request;

await run({ anonymous, portfolio, project, capacity, logout });

async function ready() {
  await page.waitForSelector('body[data-ready="true"]');
}

/** Opens the path, gets the login form, logs in with it and waits until the page has loaded its data. */
async function loginAt(path) {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForSelector('body[data-ready="login"]');
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  try {
    await ready();
  } catch {
    throw new Error(`login failed; page says: ${await page.locator('#login-error').textContent()}`);
  }
}

async function anonymous() {
  const response = await page.goto(`${baseUrl}/`);
  await page.waitForSelector('body[data-ready="login"]');
  return {
    sessionStatus: await sessionStatus(),
    status: response.status(),
    url: page.url(),
    loginVisible: await page.locator('#login-form').isVisible(),
    userFieldFocused: await page.evaluate(() => document.activeElement?.id === 'login-user'),
    navVisible: await page.locator('#nav').isVisible(),
    viewText: await page.locator('#view').innerText(),
    bodyText: await page.locator('body').innerText(),
  };
}

async function readPortfolio() {
  const counts = {};
  for (const group of ['phase', 'health', 'pmoType']) {
    counts[group] = {};
    for (const b of await page.locator(`#count-${group} [data-count]`).all()) {
      counts[group][await b.getAttribute('data-count')] = Number((await b.innerText()).replace(/[^0-9]/g, ''));
    }
  }
  const kpis = {};
  for (const tile of await page.locator('[id^="kpi-"]').all()) {
    kpis[await tile.getAttribute('id')] = (await tile.innerText()).replace(/\s+/g, ' ').trim();
  }
  return { counts, kpis, list: await readList(), charts: await page.locator('canvas').count(),
    chartTitles: await page.locator('.charts h2').allInnerTexts(),
    csvHref: await page.locator('#csv-link').getAttribute('href') };
}

async function readList() {
  const rows = [];
  for (const row of await page.locator('#project-table tbody tr').all()) {
    rows.push({ key: await row.getAttribute('data-key'),
      cells: (await row.locator('td').allInnerTexts()).map((t) => t.trim()) });
  }
  return { rows, pageInfo: (await page.locator('#page-info').innerText()).trim(), url: page.url() };
}

async function portfolio() {
  await loginAt('/');
  const result = { before: await readPortfolio() };
  await shot({ fullPage: true });
  if (request.filter) {
    for (const [name, value] of Object.entries(request.filter)) {
      await Promise.all([page.waitForURL((u) => u.searchParams.get(name) === value),
        page.locator(`#filter-${name}`).selectOption(value)]);
      await ready();
    }
    result.filtered = await readList();
  }
  if (request.search) {
    await page.getByLabel('Search').fill(request.search);
    await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === request.search),
      page.getByLabel('Search').press('Enter')]);
    await ready();
    result.searched = await readList();
  }
  if (request.sortBy) {
    await Promise.all([page.waitForURL((u) => u.searchParams.has('sort')),
      page.getByRole('button', { name: `Sort by ${request.sortBy}` }).click()]);
    await ready();
    result.sorted = await readList();
  }
  return result;
}

async function project() {
  await loginAt(`/projects/${encodeURIComponent(request.key)}`);
  await page.waitForSelector('#timeline');
  const timeline = [];
  for (const entry of await page.locator('#timeline li').all()) {
    timeline.push({ type: await entry.getAttribute('data-type'), text: (await entry.innerText()).replace(/\s+/g, ' ') });
  }
  const links = {};
  for (const a of await page.locator('#health .links a').all()) {
    links[(await a.innerText()).trim()] = await a.getAttribute('href');
  }
  const result = {
    title: (await page.locator('#view h1').first().innerText()).trim(),
    phase: await page.locator('#project-phase').innerText(),
    healthTitle: await page.locator('#health-title').innerText(),
    healthExplanation: await page.locator('#health-explanation').innerText(),
    timeline,
    links,
    taskLinks: await page.locator('#open-tasks a').evaluateAll((as) => as.map((a) => ({ text: a.textContent,
      href: a.getAttribute('href') }))),
    instanceLinks: await page.locator('#process-instances a').evaluateAll((as) => as.map((a) => ({
      text: a.textContent, href: a.getAttribute('href') }))),
    sections: await page.locator('main section h2').allInnerTexts(),
    planVsActual: await page.locator('#plan-vs-actual').innerText(),
  };
  await shot({ fullPage: true });
  return result;
}

async function capacity() {
  await loginAt(request.path ?? '/capacity');
  const people = () => page.locator('#heatmap tbody th').evaluateAll((cells) => cells.map((c) => c.dataset.person));
  const result = {
    text: await page.locator('#capacity').innerText(),
    people: await people(),
    weeks: await page.locator('#heatmap thead th').count() - 1,
    overAllocatedCells: await page.locator('#heatmap td.over').count(),
    overAllocatedWeeks: Object.fromEntries(await page.locator('#heatmap tbody tr').evaluateAll((rows) => rows.map(
      (r) => [r.querySelector('th').dataset.person, r.querySelectorAll('td.over').length]))),
    roles: await page.locator('#roles-heatmap tbody th').allInnerTexts(),
    pageInfo: await page.locator('#capacity #page-info').count() ? await page.locator('#capacity #page-info').innerText()
      : null,
  };
  if (result.pageInfo) {
    await page.locator('#capacity').getByRole('button', { name: 'Next' }).click();
    await ready();
    result.nextPage = { people: await people(), pageInfo: await page.locator('#capacity #page-info').innerText() };
  }
  await shot({ fullPage: true });
  return result;
}

async function logout() {
  await loginAt('/');
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForSelector('body[data-ready="login"]');
  const session = await sessionStatus();
  await page.reload();
  await page.waitForSelector('body[data-ready="login"]');
  return { loginVisible: await page.locator('#login-form').isVisible(), sessionStatus: session,
    viewText: await page.locator('#view').innerText() };
}

/** 200 with a webapp session, 404 without (Camunda's own answer; no Basic challenge). */
function sessionStatus() {
  return page.evaluate(async () => (await fetch('/camunda/api/admin/auth/user/default')).status);
}
