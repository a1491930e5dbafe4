// PMO Flow portfolio dashboard: a framework-free page over the JSON API (/api/**), so the page and the API never
// disagree. Login is the Camunda webapps' own (the same session as Tasklist and Cockpit); /api/** accepts that
// session for reading. Routes: / (portfolio), /projects/{key} (a project), /capacity (resource heat map).

const AUTH = '/camunda/api/admin/auth/user/default';
const ENGINE = '/camunda/api/engine/engine/default';
const TASKLIST = '/camunda/app/tasklist/default/';
const COCKPIT = '/camunda/app/cockpit/default/';

const PHASES = ['INTAKE', 'INITIATION', 'PLANNING', 'EXECUTION', 'CLOSURE', 'CLOSED', 'REJECTED', 'CANCELLED'];
const FUNNEL = ['INTAKE', 'INITIATION', 'PLANNING', 'EXECUTION', 'CLOSURE', 'CLOSED'];
const HEALTHS = ['GREEN', 'AMBER', 'RED'];
const PMO_TYPES = ['SUPPORTIVE', 'CONTROLLING', 'DIRECTIVE'];
const COLORS = { GREEN: '#1d7a3e', AMBER: '#d08c00', RED: '#b3261e', NONE: '#9aa5b1', brand: '#14467a',
  brand2: '#6a9fd4', brand3: '#e07b39' };
const PAGE_SIZE = 20;
/** People per page of the capacity heat map (the API allows up to 500). */
const CAPACITY_PAGE_SIZE = 50;

let xsrfToken = null;
let currentUser = null;
// the webapps this user may open (Cockpit is for operators): links to the others are not offered
let authorizedApps = [];
const charts = [];
let pendingCharts = [];

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// ---- HTTP

function remember(response) {
  const token = response.headers.get('X-XSRF-TOKEN');
  if (token) {
    xsrfToken = token;
  }
  return response;
}

async function getJson(path) {
  const response = remember(await fetch(path, { credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } }));
  if (!response.ok) {
    let message = response.statusText;
    try {
      message = (await response.json()).message ?? message;
    } catch {
      // not JSON: keep the status text
    }
    throw new HttpError(response.status, message);
  }
  return response.json();
}

/** The data of an endpoint, or null when this server does not offer it (yet): its tile says "not available". */
async function optional(path) {
  try {
    return await getJson(path);
  } catch (e) {
    if (e.status === 401) {
      throw e;
    }
    console.warn(`${path}: ${e.status ?? ''} ${e.message}`);
    return null;
  }
}

async function whoAmI() {
  const response = remember(await fetch(AUTH, { credentials: 'same-origin', headers: { Accept: 'application/json' } }));
  if (!response.ok) {
    return null;
  }
  const auth = await response.json().catch(() => null);
  authorizedApps = auth?.authorizedApps ?? [];
  return auth?.userId ?? null;
}

async function logIn(username, password) {
  if (!xsrfToken) {
    await whoAmI();
  }
  const response = remember(await fetch(`${AUTH}/login/welcome`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': xsrfToken ?? '',
      Accept: 'application/json' },
    body: new URLSearchParams({ username, password }),
  }));
  return response.ok;
}

async function logOut() {
  if (!xsrfToken) {
    await whoAmI();
  }
  await fetch(`${AUTH}/logout`, { method: 'POST', credentials: 'same-origin',
    headers: { 'X-XSRF-TOKEN': xsrfToken ?? '' } }).catch(() => {});
}

// ---- DOM helpers (text only through textContent: nothing from the API is parsed as HTML)

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, value);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const $ = (selector) => document.querySelector(selector);

function words(value) {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  const s = String(value).replaceAll('_', ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const compactFormat = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const money = (v) => (v === null || v === undefined || v === '' ? '—' : numberFormat.format(Number(v)));
const compact = (v) => (v === null || v === undefined ? '—' : compactFormat.format(Number(v)));
const ratio = (v) => (v === null || v === undefined ? '—' : Number(v).toFixed(2));

/** A share given as a fraction (0.75) written as a percentage (75 %). */
function rate(v) {
  return v === null || v === undefined ? '—' : `${Math.round(Number(v) * 100)} %`;
}

function date(v) {
  if (!v) {
    return '—';
  }
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? String(v) : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short',
    year: 'numeric' });
}

function dateTime(v) {
  if (!v) {
    return '—';
  }
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? String(v) : d.toLocaleString('en-GB', { day: 'numeric', month: 'short',
    year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function healthBadge(health) {
  const key = health ?? 'NONE';
  return h('span', { class: `badge h-${key}` }, h('span', { class: `dot h-${key}`, 'aria-hidden': 'true' }),
    health ? words(health) : 'Not assessed');
}

function notAvailable(what) {
  return h('p', { class: 'na' }, `${what} not available`);
}

function routeLink(href, ...children) {
  return h('a', { href, 'data-route': true }, ...children);
}

// ---- shapes: read what the API answers, tolerating maps or lists of {key, count}

function counts(value) {
  if (!value) {
    return null;
  }
  if (Array.isArray(value)) {
    const out = {};
    for (const row of value) {
      const key = row.key ?? row.name ?? row.value ?? row.phase ?? row.health ?? row.pmoType ?? 'NONE';
      out[key ?? 'NONE'] = Number(row.count ?? row.total ?? 0);
    }
    return out;
  }
  return typeof value === 'object' ? value : null;
}

function pick(object, ...names) {
  for (const name of names) {
    const value = name.split('.').reduce((o, part) => (o === null || o === undefined ? undefined : o[part]), object);
    if (value !== undefined && value !== null) {
      return value;
    }
  }
  return null;
}

const sum = (map) => Object.values(map ?? {}).reduce((a, b) => a + Number(b || 0), 0);

// ---- Charts

function destroyCharts() {
  pendingCharts = [];
  while (charts.length) {
    charts.pop().destroy();
  }
}

/** Charts are drawn once their canvas is in the page, so Chart.js can measure it. */
function drawCharts() {
  if (window.Chart) {
    pendingCharts.filter((c) => c.canvas.isConnected).forEach((c) => charts.push(c.draw()));
  }
  pendingCharts = [];
}

function chart(title, description, config, note) {
  const canvas = h('canvas', { role: 'img', 'aria-label': `${title}: ${description}` });
  const card = h('section', { class: 'card', 'aria-label': title }, h('h2', {}, title),
    h('div', { class: 'chart-box' }, canvas), note ? h('p', { class: 'chart-note' }, note) : null);
  pendingCharts.push({ canvas, draw: () => new window.Chart(canvas, {
    ...config,
    options: { responsive: true, maintainAspectRatio: false, animation: false,
      ...config.options, plugins: { legend: { position: 'bottom' }, ...config.options?.plugins } },
  }) });
  return card;
}

function chartUnavailable(title, what) {
  return h('section', { class: 'card', 'aria-label': title }, h('h2', {}, title), notAvailable(what));
}

// ---- Portfolio

function listQuery(params) {
  const q = new URLSearchParams();
  for (const name of ['phase', 'health', 'pmoType', 'businessUnit', 'status', 'q', 'sort']) {
    if (params.get(name)) {
      q.set(name, params.get(name));
    }
  }
  return q;
}

/** Counts from the filtered project list when the summary endpoint is not there: one small query per value. */
async function countsFromList() {
  const count = async (name, value) => {
    const page = await getJson(`/api/projects?${new URLSearchParams({ [name]: value, size: 1 })}`);
    return [value, page.totalElements];
  };
  const [phase, health, pmoType] = await Promise.all([
    Promise.all(PHASES.map((v) => count('phase', v))),
    Promise.all(HEALTHS.map((v) => count('health', v))),
    Promise.all(PMO_TYPES.map((v) => count('pmoType', v))),
  ]);
  return { phase: Object.fromEntries(phase), health: Object.fromEntries(health),
    pmoType: Object.fromEntries(pmoType), partial: true };
}

async function renderPortfolio(view, params) {
  const [summary, breakdown, flow] = await Promise.all([
    optional('/api/portfolio/summary'),
    optional('/api/portfolio/breakdown'),
    optional('/api/portfolio/flow'),
  ]);
  const data = summary ?? await countsFromList().catch(() => null);

  const byPhase = counts(pick(data, 'phase', 'byPhase', 'phases', 'counts.phase'));
  const byHealth = counts(pick(data, 'health', 'byHealth', 'counts.health'));
  const byPmoType = counts(pick(data, 'pmoType', 'byPmoType', 'pmoTypes', 'counts.pmoType'));
  const active = pick(data, 'activeProjects', 'active')
    ?? (byPhase ? sum(Object.fromEntries(Object.entries(byPhase).filter(([k]) => FUNNEL.slice(0, 5).includes(k))))
      : null);

  view.append(h('div', { class: 'page-head' }, h('h1', {}, 'Portfolio'),
    h('p', { class: 'muted' }, `Live from the project store · ${dateTime(new Date())}`)));

  view.append(h('div', { class: 'grid tiles', role: 'list', 'aria-label': 'Key figures' },
    tile('Active projects', active, byPhase ? `${sum(byPhase)} in the portfolio` : null, 'kpi-active'),
    budgetTile(data),
    eacTile(data),
    tile('On-time milestones', pick(data, 'onTimeMilestoneRate') !== null ? rate(pick(data, 'onTimeMilestoneRate'))
      : (summary ? '—' : null), summary && pick(data, 'onTimeMilestoneRate') === null ? 'no milestone done yet'
      : 'done by their due date', 'kpi-ontime'),
    tile('Open critical risks', pick(data, 'openCriticalRisks'), 'across active projects', 'kpi-risks',
      Number(pick(data, 'openCriticalRisks')) > 0),
    tile('Overdue approvals', pick(data, 'overdueApprovals'), 'approval tasks past due', 'kpi-overdue',
      Number(pick(data, 'overdueApprovals')) > 0)));

  view.append(h('div', { class: 'grid tiles-wide' },
    countTile('By phase', 'phase', PHASES, byPhase, params),
    countTile('By health', 'health', HEALTHS, byHealth, params, (k) => healthBadge(k)),
    countTile('By PMO type', 'pmoType', PMO_TYPES, byPmoType, params)));

  view.append(h('div', { class: 'grid charts' },
    healthByUnitChart(breakdown),
    funnelChart(breakdown, byPhase),
    budgetChart(breakdown),
    leadTimeChart(flow),
    phaseTimeChart(flow)));

  const units = businessUnits(breakdown);
  const list = h('section', { class: 'card', id: 'projects', 'aria-labelledby': 'projects-title' });
  view.append(list);
  await renderProjectList(list, params, units);
}

function tile(label, value, sub, id, alert = false) {
  const shown = value === null || value === undefined;
  return h('div', { class: `card tile${alert ? ' alert' : ''}`, role: 'listitem', id },
    h('div', { class: 'label' }, label),
    shown ? notAvailable('') : h('div', { class: 'value' }, typeof value === 'number' ? numberFormat.format(value)
      : value),
    !shown && sub ? h('div', { class: 'sub' }, sub) : null);
}

function budgetTile(data) {
  const budget = pick(data, 'budget', 'totals.budget', 'totalBudget');
  const actual = pick(data, 'actualCost', 'totals.actualCost', 'totalActualCost');
  if (budget === null && actual === null) {
    return tile('Budget vs actual', null, null, 'kpi-budget');
  }
  const used = budget ? Math.round((Number(actual ?? 0) / Number(budget)) * 100) : 0;
  return h('div', { class: 'card tile', role: 'listitem', id: 'kpi-budget' },
    h('div', { class: 'label' }, 'Budget vs actual'),
    h('div', { class: 'value' }, compact(actual ?? 0), h('span', { class: 'muted', style: 'font-size:1rem' },
      ` / ${compact(budget ?? 0)}`)),
    h('div', { class: `bar${used > 100 ? ' over' : ''}`, role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 100,
      'aria-valuenow': Math.min(used, 100), 'aria-label': `${used} % of the budget spent` },
    h('span', { style: `width:${Math.min(used, 100)}%` })),
    h('div', { class: 'sub' }, `${used} % of the budget spent`));
}

function eacTile(data) {
  const eac = pick(data, 'eac', 'estimateAtCompletion');
  const budget = pick(data, 'activeBudget');
  const over = eac !== null && budget !== null && Number(eac) > Number(budget);
  return tile('EAC of active projects', eac === null ? null : compact(eac),
    budget === null ? 'estimate at completion' : `against a budget of ${compact(budget)}`
      + (over ? ` (+${Math.round((Number(eac) / Number(budget) - 1) * 100)} %)` : ''), 'kpi-eac', over);
}

function countTile(title, param, keys, map, params, label = words) {
  const id = `count-${param}`;
  if (!map) {
    return h('section', { class: 'card tile', id, 'aria-label': title }, h('h2', { class: 'label' }, title),
      notAvailable('Counts'));
  }
  const allKeys = [...keys, ...Object.keys(map).filter((k) => !keys.includes(k))];
  return h('section', { class: 'card tile', id, 'aria-label': title }, h('h2', { class: 'label' }, title),
    h('ul', { class: 'counts' }, allKeys.map((key) => {
      const n = Number(map[key] ?? 0);
      const none = key === 'NONE' || key === 'null';
      const text = [h('span', {}, none ? (param === 'health' ? 'Not assessed' : 'Not routed yet') : label(key)),
        h('b', { 'data-count': key }, numberFormat.format(n))];
      if (n === 0 || (none && param !== 'health')) {
        return h('li', {}, h('span', { class: 'zero' }, text));
      }
      const q = new URLSearchParams(listQuery(params));
      q.set(param, none ? 'NONE' : key);
      return h('li', {}, h('a', { href: `/?${q}#projects`, 'data-route': true,
        'aria-label': `${none ? 'Not assessed' : words(key)}: ${n} projects — show them` }, text));
    })));
}

function businessUnits(breakdown) {
  const rows = pick(breakdown, 'healthByBusinessUnit', 'budgetByBusinessUnit', 'businessUnits');
  return Array.isArray(rows) ? [...new Set(rows.map((r) => r.businessUnit ?? r.name).filter(Boolean))].sort() : [];
}

function healthByUnitChart(breakdown) {
  const title = 'Health by business unit';
  const rows = pick(breakdown, 'healthByBusinessUnit');
  if (!Array.isArray(rows)) {
    return chartUnavailable(title, 'Breakdown');
  }
  const units = rows.map((r) => r.businessUnit ?? r.name ?? '—');
  const series = [...HEALTHS, 'NONE'].map((health) => ({
    label: health === 'NONE' ? 'Not assessed' : words(health),
    data: rows.map((r) => Number(counts(r.health ?? r.counts)?.[health] ?? r[health] ?? r[health.toLowerCase()]
      ?? (health === 'NONE' ? counts(r.health ?? r.counts)?.null ?? 0 : 0))),
    backgroundColor: COLORS[health],
  })).filter((s) => s.data.some((v) => v > 0));
  const describe = rows.map((r, i) => `${units[i]}: ${series.map((s) => `${s.data[i]} ${s.label}`).join(', ')}`)
    .join('; ');
  return chart(title, describe, {
    type: 'bar',
    data: { labels: units, datasets: series },
    options: { indexAxis: 'y', scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } } },
  });
}

function funnelChart(breakdown, byPhase) {
  const title = 'Phase funnel';
  const rows = pick(breakdown, 'phaseFunnel', 'funnel');
  let stages;
  if (Array.isArray(rows)) {
    stages = rows.map((r) => ({ phase: r.phase ?? r.name,
      reached: Number(r.reachedCount ?? r.reached ?? r.entered ?? r.count ?? 0),
      conversion: r.conversion ?? r.conversionRate ?? null }));
  } else if (byPhase) {
    // reached = now in this phase or any later one of the funnel
    stages = FUNNEL.map((phase, i) => ({ phase,
      reached: FUNNEL.slice(i).reduce((a, p) => a + Number(byPhase[p] ?? 0), 0), conversion: null }));
  } else {
    return chartUnavailable(title, 'Funnel');
  }
  stages.forEach((s, i) => {
    if (s.conversion === null) {
      s.conversion = i === 0 || !stages[i - 1].reached ? null : s.reached / stages[i - 1].reached;
    }
  });
  const labels = stages.map((s, i) => (i === 0 || s.conversion === null ? words(s.phase)
    : `${words(s.phase)} (${rate(s.conversion)})`));
  return chart(title, stages.map((s) => `${words(s.phase)} ${s.reached}`).join(', '), {
    type: 'bar',
    data: { labels, datasets: [{ label: 'Projects that reached the phase', data: stages.map((s) => s.reached),
      backgroundColor: COLORS.brand }] },
    options: { indexAxis: 'y', scales: { x: { ticks: { precision: 0 } } }, plugins: { legend: { display: false } } },
  }, 'In brackets: conversion from the phase before.');
}

function budgetChart(breakdown) {
  const title = 'Budget vs actual by business unit';
  const rows = pick(breakdown, 'budgetByBusinessUnit', 'budgetVsActual');
  if (!Array.isArray(rows)) {
    return chartUnavailable(title, 'Budget breakdown');
  }
  const units = rows.map((r) => r.businessUnit ?? r.name ?? '—');
  const datasets = [
    { label: 'Budget', data: rows.map((r) => Number(r.budget ?? 0)), backgroundColor: COLORS.brand2 },
    { label: 'Actual cost', data: rows.map((r) => Number(r.actualCost ?? r.actual ?? 0)), backgroundColor: COLORS.brand },
  ];
  if (rows.some((r) => r.eac !== undefined && r.eac !== null)) {
    datasets.push({ label: 'EAC', data: rows.map((r) => Number(r.eac ?? 0)), backgroundColor: COLORS.brand3 });
  }
  return chart(title, rows.map((r, i) => `${units[i]}: budget ${money(r.budget)}, actual ${money(r.actualCost ?? r.actual)}`)
    .join('; '), {
    type: 'bar',
    data: { labels: units, datasets },
    options: { scales: { y: { ticks: { callback: (v) => compact(v) } } } },
  });
}

function leadTimeChart(flow) {
  const title = 'Approval lead time';
  const all = pick(flow, 'approvalLeadTimes', 'leadTimes', 'approvalLeadTime', 'approvals');
  // the ten slowest kinds of approval, so the bars stay readable
  const rows = Array.isArray(all) ? all.filter((r) => Number(r.count ?? 1) > 0 && r.averageHours !== null)
    .sort((a, b) => Number(b.averageHours ?? 0) - Number(a.averageHours ?? 0)).slice(0, 10) : all;
  if (!Array.isArray(rows) || rows.length === 0) {
    return flow && Array.isArray(rows) ? h('section', { class: 'card' }, h('h2', {}, title),
      h('p', { class: 'muted' }, 'No approvals decided yet.')) : chartUnavailable(title, 'Flow analytics');
  }
  const label = (r) => [r.taskName ?? r.name ?? words(r.taskType ?? r.taskDefinitionKey ?? r.type),
    r.candidateGroup ?? r.group].filter(Boolean).join(' · ');
  const hours = (r) => {
    const v = r.averageHours ?? r.avgHours ?? r.meanHours ?? r.medianHours;
    if (v !== undefined && v !== null) {
      return Number(v);
    }
    const ms = r.averageMillis ?? r.avgMillis ?? r.averageMs ?? r.meanMillis;
    if (ms !== undefined && ms !== null) {
      return Number(ms) / 3_600_000;
    }
    const s = r.averageSeconds ?? r.avgSeconds;
    if (s !== undefined && s !== null) {
      return Number(s) / 3600;
    }
    const d = r.averageDays ?? r.avgDays;
    return d !== undefined && d !== null ? Number(d) * 24 : 0;
  };
  // in the unit that makes the bars readable: fresh installations decide in minutes, real ones in days
  const max = Math.max(...rows.map(hours));
  if (max === 0) {
    return h('section', { class: 'card' }, h('h2', {}, title), h('p', { class: 'muted' },
      'Every approval so far was decided within a minute.'));
  }
  const [unit, factor] = max >= 48 ? ['days', 1 / 24] : max >= 1 ? ['hours', 1] : ['minutes', 60];
  const value = (r) => Math.round(hours(r) * factor * 10) / 10;
  return chart(title, rows.map((r) => `${label(r)}: ${value(r)} ${unit}`).join('; '), {
    type: 'bar',
    data: { labels: rows.map((r) => label(r).split(' · ')), datasets: [{ label: `Average ${unit} to the decision`,
      data: rows.map(value), backgroundColor: COLORS.brand2 }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } },
      scales: { x: { title: { display: true, text: unit } } } },
  }, `Average ${unit} from a task being created to its decision, by task and group; the ten slowest.`);
}

function phaseTimeChart(flow) {
  const title = 'Time in phase';
  const rows = (pick(flow, 'phaseTimes') ?? []).filter((r) => r.averageHours !== null && r.averageHours !== undefined);
  if (!flow) {
    return chartUnavailable(title, 'Flow analytics');
  }
  if (rows.length === 0 || rows.every((r) => Number(r.averageHours) === 0)) {
    return h('section', { class: 'card' }, h('h2', {}, title), h('p', { class: 'muted' }, rows.length === 0
      ? 'No phase finished yet.' : 'Every phase finished so far took less than a minute.'));
  }
  return chart(title, rows.map((r) => `${words(r.phase)}: ${Number(r.averageHours).toFixed(1)} hours`).join('; '), {
    type: 'bar',
    data: { labels: rows.map((r) => words(r.phase)), datasets: [
      { label: 'Average hours', data: rows.map((r) => Number(r.averageHours)), backgroundColor: COLORS.brand },
      { label: 'Median hours', data: rows.map((r) => Number(r.medianHours ?? 0)), backgroundColor: COLORS.brand2 }] },
  }, 'Finished stays only.');
}

// [field, label, class, sortable]: the API sorts by key, name, updatedAt, budget, health and phase
const COLUMNS = [
  ['key', 'Key', null, true], ['name', 'Name', null, true], ['phase', 'Phase', null, true],
  ['health', 'Health', null, true], ['pmoType', 'PMO type', 'hide-narrow'],
  ['businessUnit', 'Business unit', 'hide-narrow'], ['budget', 'Budget', 'num', true],
  ['actualCost', 'Actual', 'num hide-narrow'], ['percentComplete', 'Done', 'num hide-narrow'],
  ['plannedEnd', 'Planned end', 'hide-narrow'],
];

async function renderProjectList(list, params, knownUnits) {
  const page = Math.max(0, Number(params.get('page') ?? 0));
  const sort = params.get('sort') ?? '';
  const query = listQuery(params);
  query.set('page', page);
  query.set('size', PAGE_SIZE);

  let result = null;
  let error = null;
  try {
    result = await getJson(`/api/projects?${query}`);
  } catch (e) {
    if (e.status === 401) {
      throw e;
    }
    error = e;
  }
  const rows = result?.content ?? [];
  const units = [...new Set([...knownUnits, ...rows.map((r) => r.businessUnit).filter(Boolean),
    params.get('businessUnit')].filter(Boolean))].sort();

  const select = (name, label, values, text = words) => h('label', {}, label,
    h('select', { name, id: `filter-${name}` }, h('option', { value: '' }, 'Any'),
      values.map((v) => h('option', { value: v, selected: params.get(name) === v }, text(v)))));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter projects',
    onsubmit: (e) => {
      e.preventDefault();
      const next = new URLSearchParams();
      for (const [name, value] of new FormData(form)) {
        if (value) {
          next.set(name, value);
        }
      }
      if (sort) {
        next.set('sort', sort);
      }
      navigate(`/?${next}#projects`);
    },
    onchange: (e) => {
      if (e.target.tagName === 'SELECT') {
        form.requestSubmit();
      }
    } },
  select('phase', 'Phase', PHASES),
  select('health', 'Health', [...HEALTHS, 'NONE'], (v) => (v === 'NONE' ? 'Not assessed' : words(v))),
  select('pmoType', 'PMO type', PMO_TYPES),
  select('businessUnit', 'Business unit', units, (v) => v),
  h('label', { class: 'grow' }, 'Search', h('input', { type: 'search', name: 'q', id: 'filter-q',
    value: params.get('q') ?? '', placeholder: 'Name or key' })),
  h('button', { type: 'submit', class: 'secondary' }, 'Apply'),
  h('a', { href: '/#projects', 'data-route': true }, 'Clear'));

  const descending = sort.startsWith('-');
  const sortField = descending ? sort.slice(1) : sort;
  const header = COLUMNS.map(([field, label, cls, sortable]) => {
    if (!sortable) {
      return h('th', { scope: 'col', class: cls }, label);
    }
    const active = sortField === field;
    return h('th', { scope: 'col', class: cls, 'aria-sort': active ? (descending ? 'descending' : 'ascending') : null },
      h('button', { type: 'button', class: 'sort', id: `sort-${field}`, 'aria-label': `Sort by ${label}`, onclick: () => {
        const next = listQuery(params);
        next.set('sort', active && !descending ? `-${field}` : field);
        next.delete('page');
        navigate(`/?${next}#projects`);
      } }, label));
  });
  const table = h('div', { class: 'table-wrap' }, h('table', { id: 'project-table' },
    h('caption', { class: 'muted' }, result ? `${result.totalElements} projects` : ''),
    h('thead', {}, h('tr', {}, header)),
    h('tbody', {}, rows.map((p) => h('tr', { 'data-key': p.key },
      h('td', {}, routeLink(`/projects/${encodeURIComponent(p.key)}`, p.key)),
      h('td', {}, p.name),
      h('td', {}, words(p.phase)),
      h('td', {}, healthBadge(p.health)),
      h('td', { class: 'hide-narrow' }, words(p.pmoType)),
      h('td', { class: 'hide-narrow' }, p.businessUnit),
      h('td', { class: 'num' }, money(p.budget)),
      h('td', { class: 'num hide-narrow' }, money(p.actualCost)),
      h('td', { class: 'num hide-narrow' }, `${p.percentComplete ?? 0} %`),
      h('td', { class: 'hide-narrow' }, date(p.plannedEnd)))))));

  const total = result?.totalElements ?? 0;
  const go = (n) => {
    const next = listQuery(params);
    if (n > 0) {
      next.set('page', n);
    }
    navigate(`/?${next}#projects`);
  };
  const csv = new URLSearchParams(listQuery(params));
  append(list, [
    h('div', { class: 'page-head' }, h('h2', { id: 'projects-title' }, 'Projects'),
      h('a', { href: `/api/projects.csv?${csv}`, download: 'projects.csv', id: 'csv-link' }, 'Export as CSV')),
    form,
    error ? h('p', { class: 'error', role: 'alert' }, `The project list could not be loaded: ${error.message}`) : table,
    !error && rows.length === 0 ? h('p', { class: 'muted' }, 'No project matches these filters.') : null,
    pager('Pages of the project list', page, PAGE_SIZE, total, 'projects', go)]);
}

/** Previous / next for a paged list; the page-info text reads "21–40 of 95" or "0 <noun>". */
function pager(label, page, size, total, noun, go) {
  const pages = Math.max(1, Math.ceil(total / size));
  return h('nav', { class: 'pager', 'aria-label': label },
    h('span', { id: 'page-info' }, total ? `${page * size + 1}–${Math.min(total, (page + 1) * size)} of ${total}`
      : `0 ${noun}`),
    h('span', { class: 'buttons' },
      h('button', { type: 'button', class: 'secondary', disabled: page === 0, onclick: () => go(page - 1) },
        'Previous'),
      h('span', {}, `Page ${page + 1} of ${pages}`),
      h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= pages, onclick: () => go(page + 1) },
        'Next')));
}

// ---- A project

async function renderProject(view, key) {
  let p;
  try {
    p = await getJson(`/api/projects/${encodeURIComponent(key)}`);
  } catch (e) {
    if (e.status === 401) {
      throw e;
    }
    view.append(h('h1', {}, key), h('p', { class: 'error', role: 'alert' },
      e.status === 404 ? `There is no project ${key}.` : `The project could not be loaded: ${e.message}`),
    routeLink('/', 'Back to the portfolio'));
    return;
  }
  document.title = `${p.name} (${p.key}) — PMO Flow`;
  const [tasks, instances] = await Promise.all([
    optional(`${ENGINE}/task?processInstanceBusinessKey=${encodeURIComponent(p.key)}&maxResults=50`),
    optional(`${ENGINE}/process-instance?businessKey=${encodeURIComponent(p.key)}&maxResults=50`),
  ]);

  const reports = p.statusReports ?? [];
  const latest = reports.length ? reports[reports.length - 1] : null;
  const ev = latest?.earnedValue ?? null;

  view.append(h('p', {}, routeLink('/', '← Portfolio')));
  view.append(h('div', { class: 'project-head page-head' },
    h('div', {},
      h('h1', {}, p.name, ' ', h('span', { class: 'muted' }, p.key)),
      h('ul', { class: 'facts' },
        h('li', {}, 'Phase ', h('b', { id: 'project-phase' }, words(p.phase))),
        h('li', {}, 'Status ', h('b', {}, words(p.status))),
        h('li', {}, 'PMO ', h('b', {}, words(p.pmoType))),
        h('li', {}, 'Unit ', h('b', {}, p.businessUnit ?? '—')),
        h('li', {}, 'Sponsor ', h('b', {}, p.sponsor ?? '—')),
        h('li', {}, 'Manager ', h('b', {}, p.projectManager ?? '—')),
        h('li', {}, 'Done ', h('b', {}, `${p.percentComplete ?? 0} %`)))),
    healthBadge(p.health)));

  view.append(h('section', { class: `card why h-${p.health ?? 'NONE'}`, id: 'health', 'aria-labelledby': 'health-title' },
    h('h2', { id: 'health-title' }, 'Health: ', p.health ? words(p.health) : 'not assessed yet'),
    h('p', { id: 'health-explanation' }, p.healthExplanation
      ?? (p.health ? 'No explanation recorded.' : 'Health is assessed with the first status report.')),
    h('ul', { class: 'links', 'aria-label': 'Elsewhere' },
      h('li', {}, h('a', { href: tasklistSearch(p.key) }, 'Tasks in Tasklist')),
      h('li', {}, authorizedApps.includes('cockpit') ? h('a', { href: cockpitLink(instances) }, 'Instances in Cockpit')
        : h('span', { class: 'muted', id: 'cockpit-unavailable' }, 'Cockpit: for operators')),
      h('li', {}, h('a', { href: `/api/projects/${encodeURIComponent(p.key)}/report`, id: 'report-link' },
        ['CLOSED', 'CANCELLED'].includes(p.phase) ? 'Final report' : 'Project report')),
      h('li', {}, h('a', { href: `/api/projects/${encodeURIComponent(p.key)}/decisions` }, 'Decisions (JSON)')))));

  view.append(h('div', { class: 'grid columns' }, planVsActual(p, ev), earnedValueChart(reports)));
  view.append(h('div', { class: 'grid columns' },
    h('section', { class: 'card', id: 'timeline', 'aria-labelledby': 'timeline-title' },
      h('h2', { id: 'timeline-title' }, 'Timeline'), timeline(p.history ?? [])),
    h('div', { class: 'grid', style: 'align-content:start' },
      workSection('Open tasks', tasks, (t) => [h('a', { href: `${TASKLIST}#/?task=${encodeURIComponent(t.id)}` }, t.name),
        h('span', { class: 'muted' }, ` · ${t.assignee ?? 'unassigned'}${t.due ? ` · due ${date(t.due)}` : ''}`)],
      'No open task you can see.'),
      workSection('Process instances', instances, (i) => [
        authorizedApps.includes('cockpit')
          ? h('a', { href: `${COCKPIT}#/process-instance/${encodeURIComponent(i.id)}/runtime` },
            processName(i.definitionId)) : processName(i.definitionId),
        h('span', { class: 'muted' }, i.suspended ? ' · suspended' : ' · running')],
      'No running instance (or no permission to see it).'),
      milestones(p.milestones ?? []))));

  view.append(tableSection('Risks', 'risks', p.risks, [
    ['Risk', (r) => r.title], ['P×I', (r) => `${r.probability}×${r.impact} = ${r.score}`, 'num'],
    ['Severity', (r) => words(r.severity) || '—'], ['Status', (r) => words(r.status)],
    ['Owner', (r) => r.owner ?? '—'], ['Response', (r) => [words(r.responseStrategy), r.responseNote ?? r.response]
      .filter(Boolean).join(': ') || '—'], ['Due', (r) => date(r.responseDue)]], 'No risk recorded.'));
  view.append(tableSection('Changes', 'changes', p.changes, [
    ['#', (c) => c.number, 'num'], ['Change', (c) => c.title], ['Cost', (c) => money(c.costImpact), 'num'],
    ['Days', (c) => c.scheduleImpactDays, 'num'], ['Scope', (c) => words(c.scopeImpact)],
    ['Status', (c) => words(c.status)], ['Decided by', (c) => c.decidedBy ?? '—'],
    ['Baseline', (c) => c.baselineVersion ?? '—', 'num']], 'No change requested.'));
  view.append(tableSection('Status reports', 'status-reports', reports, [
    ['#', (r) => r.number, 'num'], ['As of', (r) => date(r.asOf)], ['Done', (r) => `${r.percentComplete} %`, 'num'],
    ['Actual', (r) => money(r.actualCost), 'num'], ['SPI', (r) => ratio(r.earnedValue?.spi), 'num'],
    ['CPI', (r) => ratio(r.earnedValue?.cpi), 'num'], ['EAC', (r) => money(r.earnedValue?.eac), 'num'],
    ['Health', (r) => healthBadge(r.health)], ['Narrative', (r) => r.narrative ?? '—']], 'No status report yet.'));
  view.append(tableSection('Work packages', 'work-packages', p.workPackages, [
    ['Package', (w) => w.name], ['Owner', (w) => w.owner], ['Planned end', (w) => date(w.plannedEnd)],
    ['Status', (w) => words(w.status)], ['Completed', (w) => date(w.completedOn)],
    ['Actual', (w) => money(w.actualCost), 'num']], 'No plan yet.'));
  view.append(tableSection('Issues', 'issues', p.issues, [
    ['Issue', (i) => i.title], ['Severity', (i) => words(i.severity)], ['Owner', (i) => i.owner ?? '—'],
    ['Status', (i) => words(i.status)], ['Updated', (i) => dateTime(i.updatedAt)]], 'No issue logged.'));
  view.append(tableSection('Lessons learned', 'lessons', p.lessons, [
    ['Category', (l) => words(l.category)], ['Went well', (l) => l.wentWell ?? '—'],
    ['To improve', (l) => l.toImprove ?? '—'], ['Recommendation', (l) => l.recommendation ?? '—']],
  'Lessons are captured at closure.'));
}

function tasklistSearch(key) {
  const query = JSON.stringify([{ type: 'processInstanceBusinessKey', operator: 'eq', value: key, name: '' }]);
  return `${TASKLIST}#/?searchQuery=${encodeURIComponent(query)}`;
}

function cockpitLink(instances) {
  const running = Array.isArray(instances) ? instances : [];
  const lifecycle = running.find((i) => processName(i.definitionId) === 'Project lifecycle') ?? running[0];
  return lifecycle ? `${COCKPIT}#/process-instance/${encodeURIComponent(lifecycle.id)}/runtime` : `${COCKPIT}#/processes`;
}

const PROCESS_NAMES = { projectIntake: 'Project intake', projectLifecycle: 'Project lifecycle',
  phaseGate: 'Phase gate', projectMonitoring: 'Project monitoring', changeRequest: 'Change request',
  riskEscalation: 'Risk escalation', portfolioReview: 'Portfolio review' };

function processName(definitionId) {
  const key = String(definitionId ?? '').split(':')[0];
  return PROCESS_NAMES[key] ?? key;
}

function planVsActual(p, ev) {
  const baselines = p.baselines ?? [];
  const first = baselines[0] ?? null;
  const current = baselines.length ? baselines[baselines.length - 1] : null;
  const rows = [
    ['Start', date(first?.plannedStart), date(current?.plannedStart), date(p.plannedStart)],
    ['End', date(first?.plannedEnd), date(current?.plannedEnd), date(ev?.forecastEnd ?? p.plannedEnd)],
    ['Budget → actual cost', money(first?.budget), money(current?.budget ?? p.budget), money(p.actualCost)],
    ['Estimate at completion', '', '', money(ev?.eac)],
  ];
  return h('section', { class: 'card', id: 'plan-vs-actual', 'aria-labelledby': 'pva-title' },
    h('h2', { id: 'pva-title' }, 'Plan vs actual'),
    baselines.length === 0 ? h('p', { class: 'muted' }, 'No baseline yet: the plan gate freezes baseline 1.') : null,
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, 'Baseline 1'),
        h('th', { scope: 'col' }, current && current !== first ? `Baseline ${current.version}` : 'Current baseline'),
        h('th', { scope: 'col' }, 'Actual / forecast'))),
      h('tbody', {}, rows.map(([label, ...cells]) => h('tr', {}, h('th', { scope: 'row' }, label),
        cells.map((c) => h('td', { class: 'num' }, c || ''))))))),
    ev ? h('p', { class: 'chart-note' }, `SPI ${ratio(ev.spi)} · CPI ${ratio(ev.cpi)} · schedule variance `
      + `${ev.scheduleVarianceDays ?? 0} days · cost variance ${ev.costVariancePercent ?? 0} % (status report as of `
      + `${date(ev.asOf)})`) : null);
}

function earnedValueChart(reports) {
  const title = 'Earned value';
  const withEv = reports.filter((r) => r.earnedValue);
  if (withEv.length === 0) {
    return h('section', { class: 'card' }, h('h2', {}, title), h('p', { class: 'muted' },
      'Earned value appears with the first status report.'));
  }
  const describe = withEv.map((r) => `${date(r.asOf)}: PV ${money(r.earnedValue.pv)}, EV ${money(r.earnedValue.ev)}, `
    + `AC ${money(r.earnedValue.ac)}, EAC ${money(r.earnedValue.eac)}`).join('; ');
  if (withEv.length === 1) {
    const ev = withEv[0].earnedValue;
    return chart(title, describe, {
      type: 'bar',
      data: { labels: ['Planned value', 'Earned value', 'Actual cost', 'Budget (BAC)', 'EAC'],
        datasets: [{ label: `As of ${date(withEv[0].asOf)}`, data: [ev.pv, ev.ev, ev.ac, ev.bac, ev.eac].map(Number),
          backgroundColor: [COLORS.brand2, COLORS.GREEN, COLORS.RED, COLORS.NONE, COLORS.brand3] }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { ticks: { callback: (v) => compact(v) } } } },
    }, `From status report 1 as of ${date(withEv[0].asOf)}; a line over time from the second report on.`);
  }
  const labels = withEv.map((r) => date(r.asOf));
  const line = (label, field, color) => ({ label, data: withEv.map((r) => Number(r.earnedValue[field] ?? 0)),
    borderColor: color, backgroundColor: color, tension: 0.2 });
  return chart(title, describe, {
    type: 'line',
    data: { labels, datasets: [line('Planned value', 'pv', COLORS.brand2), line('Earned value', 'ev', COLORS.GREEN),
      line('Actual cost', 'ac', COLORS.RED), line('EAC', 'eac', COLORS.brand3)] },
    options: { scales: { y: { ticks: { callback: (v) => compact(v) } } } },
  });
}

function timeline(history) {
  if (history.length === 0) {
    return h('p', { class: 'muted' }, 'Nothing recorded yet.');
  }
  return h('ol', { class: 'timeline' }, [...history].reverse().map((e) => h('li', { 'data-type': e.type },
    h('div', { class: 'when' }, h('time', { datetime: e.at }, dateTime(e.at)), e.phase ? ` · ${words(e.phase)}` : ''),
    h('div', { class: 'what' }, words(e.type), e.decision ? ` — ${words(e.decision)}` : ''),
    h('div', { class: 'muted' }, e.actor ? `by ${e.actor}` : ''),
    e.comment ? h('p', { class: 'comment' }, e.comment) : null)));
}

function milestones(list) {
  return tableSection('Milestones', 'milestones', list, [
    ['Milestone', (m) => m.name], ['Due', (m) => date(m.dueDate)], ['Done', (m) => date(m.actualDate)],
    ['Status', (m) => {
      const late = m.status === 'DONE' && m.actualDate && m.dueDate && m.actualDate > m.dueDate;
      return [words(m.status), late ? h('span', { class: 'muted' }, ' (late)') : null,
        m.waiverReason ? h('span', { class: 'muted' }, ` — ${m.waiverReason}`) : null];
    }]], 'No milestone yet.');
}

function workSection(title, items, render, empty) {
  const id = title.toLowerCase().replaceAll(' ', '-');
  return h('section', { class: 'card', id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title),
    items === null ? notAvailable(title)
      : items.length === 0 ? h('p', { class: 'muted' }, empty)
        : h('ul', {}, items.map((item) => h('li', {}, render(item)))));
}

function tableSection(title, id, rows, columns, empty) {
  const list = rows ?? [];
  return h('section', { class: 'card', id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title),
    list.length === 0 ? h('p', { class: 'muted' }, empty) : h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, columns.map(([label, , cls]) => h('th', { scope: 'col', class: cls }, label)))),
      h('tbody', {}, list.map((row) => h('tr', {}, columns.map(([, value, cls]) => h('td', { class: cls },
        value(row)))))))));
}

// ---- Capacity heat map

function monday(d) {
  const copy = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  copy.setUTCDate(copy.getUTCDate() - ((copy.getUTCDay() + 6) % 7));
  return copy;
}

const isoDate = (d) => d.toISOString().slice(0, 10);

/** One row per person of the page: their weeks by Monday, with the projects behind each allocation. */
function capacityRows(data) {
  return (data.people ?? []).map((person) => ({
    person: person.userId,
    roles: [...new Set((person.weeks ?? []).flatMap((w) => (w.projects ?? []).map((c) => c.role)).filter(Boolean))],
    cells: new Map((person.weeks ?? []).map((w) => [w.week, {
      value: Number(w.allocationPercent ?? 0),
      over: Boolean(w.overAllocated),
      projects: (w.projects ?? []).map((c) => `${c.projectKey} ${c.allocationPercent} %`),
    }])),
  }));
}

function heatColor(value) {
  if (value <= 0) {
    return '#f3f5f8';
  }
  if (value > 100) {
    return '#f4b6b0';
  }
  const light = 92 - Math.round((value / 100) * 42);
  return `hsl(210 60% ${light}%)`;
}

async function renderCapacity(view, params) {
  const start = monday(new Date());
  const from = params.get('from') ?? isoDate(start);
  const to = params.get('to') ?? isoDate(new Date(start.getTime() + 11 * 7 * 86_400_000));
  view.append(h('div', { class: 'page-head' }, h('h1', {}, 'Resource capacity'),
    h('p', { class: 'muted' }, 'Allocation per person and week from the resource plans of active projects')));
  const form = h('form', { class: 'filters', 'aria-label': 'Period', onsubmit: (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    navigate(`/capacity?${new URLSearchParams({ from: fd.get('from'), to: fd.get('to') })}`);
  } },
  h('label', {}, 'From', h('input', { type: 'date', name: 'from', value: from, required: true })),
  h('label', {}, 'To', h('input', { type: 'date', name: 'to', value: to, required: true })),
  h('button', { type: 'submit', class: 'secondary' }, 'Show'));
  const card = h('section', { class: 'card', id: 'capacity', 'aria-labelledby': 'capacity-title' },
    h('h2', { id: 'capacity-title' }, 'Allocation by week'), form);
  view.append(card);

  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const size = Math.min(500, Math.max(1, Number(params.get('size') ?? CAPACITY_PAGE_SIZE) || CAPACITY_PAGE_SIZE));
  const data = await optional(`/api/resources/capacity?${new URLSearchParams({ from, to, page, size })}`);
  if (data === null) {
    card.append(notAvailable('Capacity'));
    return;
  }
  const rows = capacityRows(data);
  const weeks = data.weeks ?? [];
  if (rows.length === 0) {
    card.append(h('p', { class: 'muted' }, 'Nobody is allocated in this period.'));
    return;
  }
  const over = rows.reduce((n, r) => n + [...r.cells.values()].filter((c) => c.over).length, 0);
  const paged = data.totalPeople > rows.length;
  const go = (n) => navigate(`/capacity?${new URLSearchParams({ from, to,
    ...(size !== CAPACITY_PAGE_SIZE ? { size } : {}), ...(n > 0 ? { page: n } : {}) })}`);
  append(card, [
    over ? h('p', { class: 'notice', id: 'over-allocated' },
      `${over} person-weeks over 100 %${paged ? ' on this page' : ''}.`) : null,
    h('div', { class: 'table-wrap' }, h('table', { class: 'heat', id: 'heatmap' },
      h('caption', { class: 'muted' }, `${rows.length} people × ${weeks.length} weeks, allocation in %`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Person'),
        weeks.map((w) => h('th', { scope: 'col' }, h('time', { datetime: w }, shortWeek(w)))))),
      h('tbody', {}, rows.map((r) => h('tr', {},
        h('th', { scope: 'row', 'data-person': r.person }, r.person, r.roles.length ? h('span', { class: 'muted' }, ` · ${r.roles.join(', ')}`)
          : null),
        weeks.map((w) => {
          const cell = r.cells.get(w) ?? { value: 0, over: false, projects: [] };
          const label = `${r.person}, week of ${date(w)}: ${cell.value} %${cell.over ? ', over-allocated' : ''}`
            + (cell.projects.length ? ` (${cell.projects.join(', ')})` : '');
          return h('td', { class: cell.over ? 'over' : null, style: `background:${heatColor(cell.value)}`,
            title: label, 'aria-label': label }, cell.value ? `${cell.value}${cell.over ? '!' : ''}` : '');
        })))))),
    paged ? pager('Pages of people', page, size, data.totalPeople, 'people', go) : null,
    rolesTable(data, weeks),
    h('ul', { class: 'legend', 'aria-label': 'Legend' },
      h('li', {}, h('i', { style: `background:${heatColor(0)}` }), 'free'),
      h('li', {}, h('i', { style: `background:${heatColor(50)}` }), '50 %'),
      h('li', {}, h('i', { style: `background:${heatColor(100)}` }), '100 %'),
      h('li', {}, h('i', { style: `background:${heatColor(120)}; outline: 2px solid #b3261e` }), 'over 100 % (!)'))]);
}

function rolesTable(data, weeks) {
  const roles = pick(data, 'roles');
  if (!Array.isArray(roles) || roles.length === 0) {
    return null;
  }
  const max = Math.max(100, ...roles.flatMap((r) => (r.weeks ?? []).map((w) => Number(w.allocationPercent ?? 0))));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'heat', id: 'roles-heatmap' },
    h('caption', { class: 'muted' }, 'By role: allocation summed over people (200 % = two people full time)'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Role'),
      weeks.map((w) => h('th', { scope: 'col' }, h('time', { datetime: w }, shortWeek(w)))))),
    h('tbody', {}, roles.map((r) => {
      const byWeek = new Map((r.weeks ?? []).map((w) => [w.week, w]));
      return h('tr', {}, h('th', { scope: 'row' }, r.role ?? '—'), weeks.map((w) => {
        const cell = byWeek.get(w);
        const value = Number(cell?.allocationPercent ?? 0);
        const label = `${r.role}, week of ${date(w)}: ${value} %${cell?.people ? `, ${cell.people} people` : ''}`;
        return h('td', { style: `background:hsl(160 35% ${96 - Math.round((value / max) * 40)}%)`, title: label,
          'aria-label': label }, value ? String(value) : '');
      }));
    }))));
}

function shortWeek(w) {
  const d = new Date(w);
  return Number.isNaN(d.getTime()) ? w : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
}

// ---- Routing and start-up

function navigate(url) {
  history.pushState(null, '', url);
  render();
}

let renders = 0;

async function render() {
  const view = $('#view');
  const mine = ++renders;
  // a re-rendered list keeps the keyboard where it was (the filter just changed, the sort button just pressed)
  const focused = document.activeElement?.id || null;
  document.body.dataset.ready = 'loading';
  destroyCharts();
  view.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  const url = new URL(location.href);
  const path = url.pathname.replace(/\/+$/, '') || '/';
  document.querySelectorAll('[data-nav]').forEach((a) => a.removeAttribute('aria-current'));
  const fragment = document.createDocumentFragment();
  const content = h('div', {});
  fragment.append(content);
  try {
    // /api/** answers an expired session with a Basic challenge, which browsers turn into a password prompt:
    // ask the webapps first, they answer 404 without a challenge.
    if (!await whoAmI()) {
      throw new HttpError(401, 'no session');
    }
    if (path.startsWith('/projects/')) {
      await renderProject(content, decodeURIComponent(path.slice('/projects/'.length)));
    } else if (path === '/capacity') {
      $('[data-nav="capacity"]')?.setAttribute('aria-current', 'page');
      document.title = 'Capacity — PMO Flow';
      await renderCapacity(content, url.searchParams);
    } else {
      $('[data-nav="portfolio"]')?.setAttribute('aria-current', 'page');
      document.title = 'Portfolio — PMO Flow';
      await renderPortfolio(content, url.searchParams);
    }
  } catch (e) {
    if (e.status === 401) {
      showLogin('Your session has ended. Please log in again.');
      return;
    }
    content.append(h('p', { class: 'error', role: 'alert' }, `Something went wrong: ${e.message}`));
  }
  if (mine !== renders) {
    return;
  }
  view.replaceChildren(fragment);
  drawCharts();
  const again = focused ? document.getElementById(focused) : null;
  if (again && view.contains(again)) {
    again.focus({ preventScroll: true });
  } else if (focused && !url.hash) {
    $('#main').focus({ preventScroll: true });
  }
  document.body.dataset.ready = 'true';
  if (url.hash) {
    document.getElementById(url.hash.slice(1))?.scrollIntoView();
  }
}

function showLogin(message) {
  currentUser = null;
  destroyCharts();
  $('#view').replaceChildren();
  $('#nav').hidden = true;
  $('#user').hidden = true;
  $('#login').hidden = false;
  const error = $('#login-error');
  error.hidden = !message;
  error.textContent = message ?? '';
  document.title = 'Log in — PMO Flow';
  document.body.dataset.ready = 'login';
  $('#login-user').focus();
}

function showApp(user) {
  currentUser = user;
  $('#login').hidden = true;
  $('#nav').hidden = false;
  $('#user').hidden = false;
  $('#user-name').textContent = user;
  $('[data-nav="cockpit"]').hidden = !authorizedApps.includes('cockpit');
  $('[data-nav="tasklist"]').hidden = !authorizedApps.includes('tasklist');
  return render();
}

document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-route]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
    return;
  }
  e.preventDefault();
  navigate(a.getAttribute('href'));
});

window.addEventListener('popstate', () => {
  if (currentUser) {
    render();
  }
});

$('#login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const username = $('#login-user').value.trim();
  const password = $('#login-password').value;
  if (!username || !password) {
    showLogin('Enter your user name and password.');
    return;
  }
  const button = e.target.querySelector('button');
  button.disabled = true;
  try {
    if (await logIn(username, password)) {
      $('#login-password').value = '';
      await showApp(await whoAmI() ?? username);
      $('#main').focus();
    } else {
      showLogin('Wrong user name or password. After a failed attempt, wait a few seconds before the next.');
      $('#login-password').value = '';
    }
  } finally {
    button.disabled = false;
  }
});

$('#logout').addEventListener('click', async () => {
  await logOut();
  showLogin(null);
});

const user = await whoAmI();
if (user) {
  await showApp(user);
} else {
  showLogin(null);
}
