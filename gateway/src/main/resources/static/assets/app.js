'use strict';
// The operator dashboard: plain JavaScript against the gateway's APIs, with the session cookie.
// Every number the services send is a decimal string; a missing one (null) is shown as "missing", never as 0.

const $ = (id) => document.getElementById(id);
const state = { roles: [], user: '', advertisers: [], brands: [], clients: [], currency: 'USD', timeZones: [], syncing: new Set(),
  chart: null, drill: null };
const ALERT_ROLES = ['ADMIN', 'OPERATOR', 'ONCALL'];
const REPORT_ROLES = ['ADMIN', 'OPERATOR'];
const AUDIT_ROLES = ['ADMIN', 'AUDITOR'];
const AUDIT_PAGE = 50;
const SETTINGS_ROLES = ['ADMIN', 'OPERATOR', 'ONCALL', 'AUDITOR'];

// ---------- HTTP ----------

/** A failed call; {@code status} and the RFC 9457 {@code problem} (with {@code field} for settings) when the service sent one. */
class ApiError extends Error {
  constructor(message, status, problem) { super(message); this.status = status; this.problem = problem || null; }
}

function xsrfToken() {
  const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = xsrfToken();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError('The gateway cannot be reached. Check your network connection; the page retries on its own.');
  }
  if (response.status === 401) { window.location.assign('/login'); throw new ApiError('Your session ended. Sign in again.'); }
  if (!response.ok) {
    let detail = '';
    let problem = null;
    try { problem = await response.json(); detail = problem.detail || problem.title || ''; } catch (ignored) { /* not JSON */ }
    if (!detail) {
      detail = response.status >= 500
        ? `The service behind this panel is not answering (HTTP ${response.status}). It may be restarting; the page tries again on its own.`
        : `The request failed (HTTP ${response.status}).`;
    }
    throw new ApiError(detail, response.status, problem);
  }
  return response.status === 204 ? null : response.json();
}
const api = (path) => request('GET', path);

// ---------- formatting ----------

const MISSING = null;
const isMissing = (v) => v === null || v === undefined || v === '';

function money(v, currency = state.currency) {
  if (isMissing(v)) return MISSING;
  try { return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(Number(v)); }
  catch (e) { return `${Number(v).toLocaleString()} ${currency}`; }
}
function count(v) { return isMissing(v) ? MISSING : new Intl.NumberFormat().format(Number(v)); }
function percent(v, digits = 2) { return isMissing(v) ? MISSING : `${(Number(v) * 100).toFixed(digits)} %`; }
function ratio(v) { return isMissing(v) ? MISSING : `${Number(v).toFixed(2)}×`; }

/** format(value, currency): amounts in the report's currency (the scope's when absent). */
const FIGURES = {
  spend: { label: 'Spend', format: (v, c) => money(v, c), better: 0 },
  impressions: { label: 'Impressions', format: (v) => count(v), better: 1 },
  clicks: { label: 'Clicks', format: (v) => count(v), better: 1 },
  ctr: { label: 'CTR', format: (v) => percent(v), better: 1 },
  cpc: { label: 'CPC', format: (v, c) => money(v, c), better: -1 },
  cpm: { label: 'CPM', format: (v, c) => money(v, c), better: -1 },
  conversions: { label: 'Conversions', format: (v) => count(v), better: 1 },
  cpa: { label: 'CPA', format: (v, c) => money(v, c), better: -1 },
  conversionValue: { label: 'Conversion value', format: (v, c) => money(v, c), better: 1 },
  roas: { label: 'ROAS', format: (v) => ratio(v), better: 1 },
  conversionRate: { label: 'Conversion rate', format: (v) => percent(v), better: 1 },
  videoViews: { label: 'Video views', format: (v) => count(v), better: 1 },
};

function dateTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
/** An instant in the browser's zone, with the zone named (dateStyle cannot be combined with timeZoneName). */
function dateTimeZone(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZoneName: 'short' });
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function ago(iso) {
  if (!iso) return '';
  const s = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const abs = Math.abs(s);
  if (abs < 60) return rtf.format(-s, 'second');
  if (abs < 3600) return rtf.format(-Math.round(s / 60), 'minute');
  if (abs < 86400) return rtf.format(-Math.round(s / 3600), 'hour');
  return rtf.format(-Math.round(s / 86400), 'day');
}
function shortDate(ymd) {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
}

// ---------- DOM helpers ----------

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'className') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k in node && typeof v !== 'string') node[k] = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** A table cell; a missing value reads "missing", styled apart, never 0. */
function cell(value, className, title) {
  if (value === MISSING || value === undefined) {
    return el('td', { className: `missing ${className || ''}`.trim(), text: 'missing', title: 'TikTok did not report this figure' });
  }
  return el('td', { className, text: value, title });
}

function panelError(section, error) {
  const p = section.querySelector('.panel-error');
  if (!p) return;
  p.textContent = error ? error.message : '';
  p.hidden = !error;
}

function busy(section, on) { section.setAttribute('aria-busy', on ? 'true' : 'false'); }

/** Runs one panel's load: shows its own error inline, clears it on success, ignores answers overtaken by a newer load. */
const generations = new Map();
async function panel(section, load) {
  const generation = (generations.get(section) || 0) + 1;
  generations.set(section, generation);
  busy(section, true);
  try {
    await load(() => generations.get(section) === generation);
    if (generations.get(section) === generation) { panelError(section, null); section.classList.remove('stale'); }
  } catch (e) {
    if (generations.get(section) === generation) { panelError(section, e); section.classList.add('stale'); }
  } finally {
    if (generations.get(section) === generation) busy(section, false);
  }
}

function banner(message) {
  $('banner-list').append(el('li', { text: message }));
  $('banner').hidden = false;
}

let toastTimer;
function toast(message) {
  const t = $('toast');
  t.textContent = message; t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, 5000);
}

/** Runs a user action on a button: disables it meanwhile, reports the outcome. */
async function act(button, work, done) {
  button.disabled = true;
  try {
    await work();
    if (done) toast(done);
  } catch (e) {
    banner(e.message);
  } finally {
    button.disabled = false;
  }
}

const hasRole = (...roles) => state.roles.some((r) => roles.includes(r));
/** A CLIENT user sees only its own advertisers (the services enforce it; the page just leaves out what it cannot use). */
const isClient = () => hasRole('CLIENT');

// ---------- filters and the URL ----------

// The scope is one advertiser, a brand (its advertisers summed) or a client (the advertisers of all its brands);
// the selector's values are "advertiser:<id>", "brand:<id>" and "client:<id>".
const SCOPE_KINDS = ['advertiser', 'brand', 'client'];

function parseScope(value) {
  const i = (value || '').indexOf(':');
  if (i < 0 || !SCOPE_KINDS.includes(value.slice(0, i))) return null;
  return { kind: value.slice(0, i), id: value.slice(i + 1) };
}
const scopeValue = (kind, id) => `${kind}:${id}`;

function advertisersOf(brands) {
  const ids = new Set(brands.flatMap((b) => b.advertiserIds || []));
  return state.advertisers.filter((a) => ids.has(a.advertiserId));
}

/** The chosen scope with its name and its known advertisers; null when nothing can be chosen. */
function selectedScope() {
  const s = parseScope($('scope').value);
  if (!s) return null;
  if (s.kind === 'advertiser') {
    const a = state.advertisers.find((x) => x.advertiserId === s.id);
    return a ? { ...s, name: a.name || a.advertiserId, advertisers: [a] } : null;
  }
  if (s.kind === 'brand') {
    const b = state.brands.find((x) => x.brandId === s.id);
    return b ? { ...s, name: b.name, clientId: b.clientId, advertisers: advertisersOf([b]) } : null;
  }
  const c = state.clients.find((x) => x.clientId === s.id);
  return c ? { ...s, name: c.name, clientId: c.clientId, advertisers: advertisersOf(state.brands.filter((b) => b.clientId === c.clientId)) } : null;
}

/** The scope the reports are about; a failed advertiser list fails every report panel with its reason. */
function reportScope() {
  if (state.advertisersError) throw state.advertisersError;
  return selectedScope();
}

/** A brand or client none of whose advertisers has reported data: nothing to ask the services. */
const unreported = (scope) => !scope || scope.advertisers.length === 0;
const unreportedText = (scope) => `No advertiser of the ${scope.kind} ${scope.name} has reported data yet. `
  + 'An administrator assigns advertisers to brands through the reporting API.';

/** The currencies of a brand's or client's advertisers when there are several (never added up), else null. */
function mixedCurrencies(scope) {
  if (!scope || scope.kind === 'advertiser') return null;
  const currencies = [...new Set(scope.advertisers.map((a) => a.currency).filter(Boolean))].sort();
  return currencies.length > 1 ? currencies : null;
}
const oneCurrencyText = (scope, what) => `The advertisers of the ${scope.kind} ${scope.name} report in `
  + `${mixedCurrencies(scope).join(' and ')}; ${what} needs one currency. Choose one of the advertisers under Scope.`;

/** The query parameters naming the scope: advertiserId, brand or client. */
function scopeParams(scope = selectedScope()) {
  if (!scope) return {};
  return scope.kind === 'advertiser' ? { advertiserId: scope.id } : { [scope.kind]: scope.id };
}

function clientName(id) {
  const c = state.clients.find((x) => x.clientId === id);
  return c ? c.name : id;
}

function todayIn(zone) {
  try { return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()); }
  catch (e) { return new Date().toISOString().slice(0, 10); }
}
function addDays(ymd, days) {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Presets end yesterday in the advertisers' zones (the zone furthest behind), so a partial day does not skew the comparison. */
function applyPreset() {
  const preset = $('preset').value;
  if (preset === 'custom') return;
  const today = (state.timeZones.length ? state.timeZones : ['UTC']).map(todayIn).sort()[0];
  if (preset === 'mtd') { $('from').value = today.slice(0, 8) + '01'; $('to').value = today; return; }
  const to = addDays(today, -1);
  $('to').value = to;
  $('from').value = addDays(to, 1 - Number(preset));
}

function grain() { return document.querySelector('input[name="grain"]:checked').value; }

function saveToUrl() {
  const scope = parseScope($('scope').value);
  const p = new URLSearchParams(scope ? { [scope.kind]: scope.id } : {});
  p.set('preset', $('preset').value); p.set('grain', grain());
  if ($('preset').value === 'custom') { p.set('from', $('from').value); p.set('to', $('to').value); }
  history.replaceState(null, '', `#${p}`);
}

function restoreFromUrl() {
  const p = new URLSearchParams(window.location.hash.slice(1));
  if (p.get('preset') && [...$('preset').options].some((o) => o.value === p.get('preset'))) $('preset').value = p.get('preset');
  if (p.get('from')) $('from').value = p.get('from');
  if (p.get('to')) $('to').value = p.get('to');
  const g = document.querySelector(`input[name="grain"][value="${p.get('grain')}"]`);
  if (g) g.checked = true;
  const kind = SCOPE_KINDS.find((k) => p.get(k));
  return kind ? scopeValue(kind, p.get(kind)) : null;
}

function query(extra = {}) {
  const p = new URLSearchParams({ ...scopeParams(), from: $('from').value, to: $('to').value, ...extra });
  return p.toString();
}

function setDownload(id, path) {
  const a = $(id);
  if (!path) { a.hidden = true; return; }
  a.href = path; a.hidden = false;
  a.setAttribute('aria-label', `Download ${a.closest('section').querySelector('h2').firstChild.textContent.trim()} as CSV`);
}

// ---------- session ----------

async function loadSession() {
  const session = await api('/api/session');
  state.user = session.user; state.roles = session.roles; state.client = session.client || null;
  $('who').textContent = `${session.user} · ${session.roles.join(', ').toLowerCase()}`;
  // CLIENT users: the services answer only their own advertisers; the operators' tools are not shown at all
  $('audit-section').hidden = !hasRole(...AUDIT_ROLES) || isClient();
  $('settings-section').hidden = !hasRole(...SETTINGS_ROLES) || isClient();
  $('connect').hidden = !hasRole('ADMIN');
  $('connect-creator').hidden = !hasRole('ADMIN');
  document.querySelector('.actions-col').hidden = !hasRole('ADMIN');
  $('report-generate').hidden = !hasRole(...REPORT_ROLES);
}

// ---------- scopes: advertisers, brands, clients ----------

async function loadScopes(preferred) {
  let advertisers;
  const groups = Promise.allSettled([api('/api/reporting/brands'), api('/api/reporting/clients')]);
  try { ({ advertisers } = await api('/api/reporting/advertisers')); state.advertisersError = null; }
  catch (e) {
    state.advertisersError = e;
    if (state.advertisers.length === 0) { $('scope').replaceChildren(el('option', { value: '', text: 'Advertisers unavailable' })); $('scope').disabled = true; }
    throw e;
  }
  const [brands, clients] = await groups;
  state.advertisers = advertisers;
  if (brands.status === 'fulfilled') state.brands = brands.value.brands;
  if (clients.status === 'fulfilled') state.clients = clients.value.clients;
  const groupsError = brands.status === 'rejected' ? brands.reason : clients.status === 'rejected' ? clients.reason : null;
  const select = $('scope');
  const chosen = preferred || select.value;
  const group = (label, options) => (options.length ? el('optgroup', { label }, options) : null);
  select.replaceChildren(...[
    advertisers.length === 0 ? el('option', { value: '', text: 'No advertiser yet' }) : null,
    group('Advertisers', advertisers.map((a) => el('option', { value: scopeValue('advertiser', a.advertiserId),
      text: `${a.name || a.advertiserId}${a.deleted ? ' (deleted)' : ''} · ${a.currency}` }))),
    group('Brands', state.brands.map((b) => el('option', { value: scopeValue('brand', b.brandId),
      text: `${b.name} · brand of ${clientName(b.clientId)} · ${plural((b.advertiserIds || []).length, 'advertiser')}` }))),
    group('Clients', state.clients.map((c) => el('option', { value: scopeValue('client', c.clientId),
      text: `${c.name} · client · ${plural((c.brandIds || []).length, 'brand')}` }))),
    groupsError ? el('option', { value: '', disabled: true, text: `Brands and clients unavailable: ${groupsError.message}` }) : null,
  ].filter(Boolean));
  if (chosen && [...select.options].some((o) => o.value === chosen)) select.value = chosen;
  select.disabled = select.options.length === 0 || (advertisers.length === 0 && state.brands.length === 0);
  fillReportFilters();
  onScopeChosen();
}

/** Says when a chosen advertiser's history is still being read, so half-filled figures are not taken as final. */
function syncHint() {
  const hint = $('sync-hint');
  const scope = selectedScope();
  const reading = scope ? scope.advertisers.filter((a) => state.backfilling && state.backfilling.has(a.advertiserId)) : [];
  hint.hidden = reading.length === 0;
  hint.textContent = scope && scope.kind === 'advertiser'
    ? 'This advertiser’s history is still being read from TikTok: recent figures may be incomplete. The reports refresh when the sync ends.'
    : `The history of ${reading.map((a) => a.name || a.advertiserId).join(', ')} is still being read from TikTok: recent figures may be incomplete. The reports refresh when the sync ends.`;
}

function zoneNote(scope, currencies) {
  if (!scope) return '';
  if (scope.kind === 'advertiser') {
    const a = scope.advertisers[0];
    return `Dates are ${a.name || a.advertiserId}'s local days (${a.timeZone}); amounts in ${a.currency}.`;
  }
  const what = `${scope.kind} ${scope.name}`;
  const n = scope.advertisers.length;
  if (n === 0) return `No advertiser of the ${what} has reported data yet.`;
  const days = state.timeZones.length === 1 ? `their local days (${state.timeZones[0]})` : `each advertiser's own local days (${state.timeZones.join(', ')})`;
  const amounts = currencies.length === 1 ? `amounts in ${currencies[0]}`
    : `they report in ${currencies.join(' and ')}, which are never added up: totals are per currency, and charts and rankings need one advertiser`;
  return `Sums over ${n === 1 ? 'the one advertiser' : `the ${n} advertisers`} of the ${what}. Dates are ${days}; ${amounts}.`;
}

/** Another scope's figures must not linger, faded, under this scope's error: the panels start empty. */
function clearScopePanels() {
  $('kpis').replaceChildren(); $('overview-meta').textContent = ''; $('rollup').tBodies[0].replaceChildren();
  if (state.chart) { state.chart.destroy(); state.chart = null; }
  $('chart').replaceChildren(); $('series').tBodies[0].replaceChildren(); $('trend-note').textContent = '';
  $('top-table').tBodies[0].replaceChildren(); $('daily').tBodies[0].replaceChildren(); $('daily').tFoot.replaceChildren();
  $('pacing-list').replaceChildren(); $('pacing-summary').replaceChildren(); $('pacing-meta').textContent = '';
  for (const id of ['overview-csv', 'trend-csv', 'top-csv', 'daily-csv', 'pacing-csv']) setDownload(id, null);
}

function onScopeChosen() {
  syncHint();
  const scope = selectedScope();
  const advertisers = scope ? scope.advertisers : [];
  state.timeZones = [...new Set(advertisers.map((a) => a.timeZone).filter(Boolean))];
  const currencies = [...new Set(advertisers.map((a) => a.currency).filter(Boolean))];
  state.currency = currencies[0] || 'USD';
  $('zone').textContent = zoneNote(scope, currencies);
  if (state.drill && !advertisers.some((a) => a.advertiserId === state.drill.advertiserId)) closeDrill();
  // a refresh of the lists keeps what the user picked in the reports panel; a new scope moves it along
  if ($('scope').value !== state.followedScope) { state.followedScope = $('scope').value; followScopeInReports(scope); }
  applyPreset();
}

// ---------- overview ----------

function deltaNode(name, delta, previousText) {
  const spec = FIGURES[name];
  if (!delta || isMissing(delta.change)) {
    return el('span', { className: 'delta none', text: 'no comparison', title: 'A figure of this or the previous period is missing' });
  }
  const change = Number(delta.change);
  if (isMissing(delta.relativeChange)) {
    return el('span', { className: 'delta none', text: change === 0 ? 'unchanged' : 'new', title: `Previous period: ${previousText}` });
  }
  const rel = Number(delta.relativeChange);
  const direction = rel > 0 ? 1 : rel < 0 ? -1 : 0;
  if (direction === 0) return el('span', { className: 'delta none', text: 'unchanged', title: `Previous period: ${previousText}` });
  const tone = direction === 0 || spec.better === 0 ? 'neutral' : direction === spec.better ? 'good' : 'bad';
  const arrow = direction > 0 ? '▲' : direction < 0 ? '▼' : '■';
  const text = `${arrow} ${Math.abs(rel * 100).toFixed(1)} %`;
  const words = direction > 0 ? 'up' : direction < 0 ? 'down' : 'unchanged';
  return el('span', { className: `delta ${tone}`, title: `Previous period: ${previousText}` },
    el('span', { 'aria-hidden': 'true', text }),
    el('span', { className: 'visually-hidden', text: `${words} ${Math.abs(rel * 100).toFixed(1)} percent against the previous period (${previousText})` }));
}

async function loadOverview(current) {
  const scope = reportScope();
  $('overview-empty').hidden = !unreported(scope);
  $('rollup-box').hidden = !mixedCurrencies(scope);
  if (scope && unreported(scope)) {
    $('overview-empty').textContent = unreportedText(scope);
    $('kpis').replaceChildren(); $('overview-meta').textContent = ''; setDownload('overview-csv', null);
    return;
  }
  if (mixedCurrencies(scope)) { $('kpis').replaceChildren(); await loadRollup(scope, current); return; }
  if (!scope) {
    $('overview-empty').textContent = hasRole('ADMIN')
      ? 'No advertiser has reported data yet. Connect a TikTok advertiser below; figures appear after its first sync.'
      : 'No advertiser has reported data yet. An administrator has to connect a TikTok advertiser first.';
    $('kpis').replaceChildren(); $('overview-meta').textContent = ''; setDownload('overview-csv', null);
    return;
  }
  const o = await api(`/api/reporting/overview?${query()}`);
  if (!current()) return;
  const cur = o.current; const prev = o.previous;
  const zones = o.timeZone || (o.timeZones || []).join(', ') || 'time zone unknown';
  const days = o.advertiserIds && o.advertiserIds.length > 1 ? 'advertiser-days' : 'days';
  $('overview-meta').textContent = `${shortDate(cur.from)} – ${shortDate(cur.to)} vs ${shortDate(prev.from)} – ${shortDate(prev.to)} · `
    + `${cur.daysReported} of ${cur.daysInRange} ${days} reported · ${zones} · ${o.currency}`;
  const names = ['spend', 'impressions', 'clicks', 'ctr', 'cpc', 'cpm', 'conversions', 'cpa', 'conversionValue', 'roas'];
  $('kpis').replaceChildren(...names.map((name) => {
    const spec = FIGURES[name];
    const value = spec.format(cur.metrics[name], o.currency);
    const previous = spec.format(prev.metrics[name], o.currency);
    const previousText = previous === MISSING ? 'missing' : previous;
    return el('div', { className: 'kpi', role: 'listitem', 'data-metric': name },
      el('span', { className: 'kpi-label', text: spec.label }),
      value === MISSING
        ? el('b', { className: 'missing', text: 'missing', title: 'TikTok did not report this figure for every day of the range' })
        : el('b', { text: value, 'data-value': String(cur.metrics[name]) }),
      deltaNode(name, o.deltas[name], previousText),
      el('span', { className: 'kpi-prev', text: `prev. ${previousText}` }));
  }));
  setDownload('overview-csv', `/api/reporting/overview?${query({ format: 'csv' })}`);
}

/** A brand or client in several currencies: its totals per currency, from the roll-up. */
async function loadRollup(scope, current) {
  const params = { by: scope.kind, [scope.kind]: scope.id, from: $('from').value, to: $('to').value };
  const rollup = await api(`/api/reporting/rollups?${new URLSearchParams(params)}`);
  if (!current()) return;
  $('overview-meta').textContent = `${shortDate(rollup.from)} – ${shortDate(rollup.to)} · each advertiser's local days `
    + `(${state.timeZones.join(', ')}) · per currency`;
  $('rollup-note').textContent = `The advertisers of the ${scope.kind} ${scope.name} report in several currencies. `
    + 'Amounts in different currencies are never added up, so the totals are shown per currency.';
  $('rollup').tBodies[0].replaceChildren(...rollup.rows.map((r) => {
    const m = r.metrics;
    return el('tr', { 'data-currency': r.currency },
      el('th', { scope: 'row', text: r.currency }), cell(String(r.advertisers), 'num'),
      el('td', { className: isMissing(m.spend) ? 'num missing' : 'num', text: money(m.spend, r.currency) ?? 'missing',
        'data-value': isMissing(m.spend) ? null : String(m.spend) }),
      cell(count(m.impressions), 'num'), cell(count(m.clicks), 'num'), cell(percent(m.ctr), 'num'),
      cell(count(m.conversions), 'num'), cell(money(m.conversionValue, r.currency), 'num'), cell(money(m.cpa, r.currency), 'num'),
      cell(ratio(m.roas), 'num'));
  }));
  $('overview-empty').textContent = 'No advertiser of this scope has data in this range.';
  $('overview-empty').hidden = rollup.rows.length > 0;
  setDownload('overview-csv', `/api/reporting/rollups?${new URLSearchParams({ ...params, format: 'csv' })}`);
}

// ---------- time series ----------

function periodStart(p) {
  const [y, m, d] = p.start.slice(0, 10).split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 1000;
}

function num(v) { return isMissing(v) ? null : Number(v); }
/** The legend shows the hovered period's figure; with no period hovered it shows a dash, not "missing". */
function legendValue(i, v, format) {
  if (i === null || i === undefined) return '—';
  return v === null || v === undefined ? 'missing' : format(v);
}

function drawChart(series) {
  const box = $('chart');
  if (typeof uPlot === 'undefined') { box.textContent = 'The chart library did not load; the table below has the figures.'; return; }
  const xs = series.points.map(periodStart);
  const spend = series.points.map((p) => num(p.metrics.spend));
  const conversions = series.points.map((p) => num(p.metrics.conversions));
  const currency = series.currency;
  const styles = getComputedStyle(document.documentElement);
  const spendColor = styles.getPropertyValue('--chart-spend').trim() || '#fe2c55';
  const convColor = styles.getPropertyValue('--chart-conv').trim() || '#1f6feb';
  const g = series.grain;
  const label = (ts) => {
    const d = new Date(ts * 1000);
    if (g === 'month') return d.toLocaleDateString(undefined, { timeZone: 'UTC', month: 'short', year: 'numeric' });
    return d.toLocaleDateString(undefined, { timeZone: 'UTC', month: 'short', day: 'numeric' });
  };
  const periodName = (i) => (series.points[i] ? `${series.points[i].period}${series.points[i].partial ? ' (partial)' : ''}` : '');
  const opts = {
    width: Math.max(280, box.clientWidth),
    height: box.clientWidth < 600 ? 220 : 300,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    cursor: { points: { size: 8 } },
    scales: { x: { time: true }, spend: { range: (u, min, max) => [0, max > 0 ? max * 1.1 : 1] },
      conv: { range: (u, min, max) => [0, max > 0 ? max * 1.1 : 1] } },
    series: [
      { label: g === 'day' ? 'Day' : g === 'week' ? 'Week' : 'Month', value: (u, v, si, i) => (i === null || i === undefined ? '' : periodName(i)) },
      { label: `Spend (${currency})`, scale: 'spend', stroke: spendColor, width: 2, fill: `${spendColor}1a`,
        points: { show: xs.length <= 60 }, spanGaps: false, value: (u, v, si, i) => legendValue(i, v, (x) => money(x, currency)) },
      { label: 'Conversions', scale: 'conv', stroke: convColor, width: 2, dash: [6, 4],
        points: { show: xs.length <= 60 }, spanGaps: false, value: (u, v, si, i) => legendValue(i, v, count) },
    ],
    axes: [
      { values: (u, ticks) => ticks.map(label), stroke: '#5b6475', grid: { stroke: '#eef0f4' },
        // weeks and months are ticked at their own starts, not at uPlot's round days
        // every k-th period, as many as fit the width
        splits: (u) => { const k = Math.ceil(xs.length / Math.max(2, Math.floor(u.width / 72))); return xs.filter((x, i) => i % k === 0); } },
      { scale: 'spend', stroke: spendColor, grid: { stroke: '#eef0f4' }, size: 70,
        values: (u, ticks) => ticks.map((t) => new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact' }).format(t)) },
      { scale: 'conv', side: 1, stroke: convColor, grid: { show: false }, size: 50,
        values: (u, ticks) => ticks.map((t) => new Intl.NumberFormat(undefined, { notation: 'compact' }).format(t)) },
    ],
  };
  if (state.chart) state.chart.destroy();
  box.replaceChildren();
  state.chart = new uPlot(opts, [xs, spend, conversions], box);
  const t = series.totals.metrics;
  box.setAttribute('aria-label', `Chart of spend and conversions by ${g}, ${series.points.length} periods. `
    + `Total spend ${money(t.spend, currency) || 'missing'}, conversions ${count(t.conversions) || 'missing'}. The figures are in the table below.`);
}

async function loadTrend(current) {
  const scope = reportScope();
  if (unreported(scope) || mixedCurrencies(scope)) {
    if (state.chart) { state.chart.destroy(); state.chart = null; }
    $('chart').replaceChildren(); $('series').tBodies[0].replaceChildren(); setDownload('trend-csv', null);
    $('trend-note').textContent = mixedCurrencies(scope) ? oneCurrencyText(scope, 'a chart of spend') : '';
    $('chart').hidden = !!mixedCurrencies(scope);
    $('chart').nextElementSibling.hidden = $('chart').hidden;
    return;
  }
  $('chart').hidden = false;
  $('chart').nextElementSibling.hidden = false;
  const series = await api(`/api/reporting/timeseries?${query({ grain: grain() })}`);
  if (!current()) return;
  const missing = series.points.filter((p) => p.slotsReported === 0).length;
  const partial = series.points.filter((p) => p.partial).length;
  $('trend-note').textContent = [
    missing ? `${missing} period${missing > 1 ? 's' : ''} without data (gaps in the lines).` : '',
    partial ? `${partial} partial ${series.grain}${partial > 1 ? 's' : ''} at the edges of the range.` : '',
  ].filter(Boolean).join(' ');
  drawChart(series);
  $('series').tBodies[0].replaceChildren(...series.points.map((p) => el('tr', {},
    el('th', { scope: 'row', text: p.partial ? `${p.period} (partial)` : p.period }),
    cell(money(p.metrics.spend, series.currency), 'num'), cell(count(p.metrics.conversions), 'num'),
    cell(money(p.metrics.cpa, series.currency), 'num'), cell(ratio(p.metrics.roas), 'num'),
    cell(`${p.slotsReported} / ${p.slotsInRange}`, 'num'))));
  setDownload('trend-csv', `/api/reporting/timeseries?${query({ grain: grain(), format: 'csv' })}`);
}

// ---------- top campaigns ----------

function statusBadge(status, deleted) {
  if (deleted) return el('span', { className: 'badge bad', text: 'deleted' });
  if (!status) return el('span', { className: 'missing', text: 'unknown' });
  const names = { ENABLE: 'active', DISABLE: 'paused', NEEDS_REAUTH: 'needs re-authorisation' };
  const pretty = names[status] || status.replace(/^(CAMPAIGN_STATUS_|STATUS_)/, '').replace(/_/g, ' ').toLowerCase();
  const tone = /ENABLE|ACTIVE|DELIVERY_OK/.test(status) ? 'ok' : /DELETE|REVOKED|NEEDS_REAUTH/.test(status) ? 'bad' : 'muted';
  return el('span', { className: `badge ${tone}`, text: pretty, title: status });
}

async function loadTop(current) {
  const scope = reportScope();
  const body = $('top-table').tBodies[0];
  if (unreported(scope) || mixedCurrencies(scope)) {
    body.replaceChildren(); setDownload('top-csv', null);
    $('top-empty').textContent = mixedCurrencies(scope) ? oneCurrencyText(scope, 'a ranking') : 'No campaign has data in this range.';
    $('top-empty').hidden = false;
    return;
  }
  const metric = $('top-metric').value;
  const params = { level: 'campaign', metric, order: $('top-order').value, limit: '10' };
  const top = await api(`/api/reporting/top?${query(params)}`);
  if (!current()) return;
  const c = top.currency;
  document.querySelectorAll('#top-table th[data-metric]').forEach((th) => th.classList.toggle('ranked', th.dataset.metric === metric));
  body.replaceChildren(...top.rows.map((r) => {
    const m = r.metrics;
    const name = r.entityName || r.entityId;
    const cells = [cell(String(r.rank), 'num'),
      el('td', { className: 'name' },
        el('button', { type: 'button', className: 'link drill-open', text: name, title: `Show the ad groups of ${name} (${r.entityId})`,
          'data-entity': r.entityId,
          onclick: () => openDrill({ advertiserId: r.advertiserId, campaignId: r.entityId, campaignName: name }) }),
        scope.kind === 'advertiser' ? null : el('div', { className: 'sub', text: advertiserName(r.advertiserId) })),
      el('td', {}, statusBadge(r.status, r.deleted)),
      cell(money(m.spend, c), 'num'), cell(count(m.impressions), 'num'), cell(count(m.clicks), 'num'), cell(percent(m.ctr), 'num'),
      cell(count(m.conversions), 'num'), cell(money(m.conversionValue, c), 'num'), cell(money(m.cpa, c), 'num'),
      cell(ratio(m.roas), 'num'), cell(String(r.daysReported), 'num')];
    const keys = [null, null, null, 'spend', 'impressions', 'clicks', 'ctr', 'conversions', 'conversionValue', 'cpa', 'roas', null];
    cells.forEach((td, i) => { if (keys[i] === metric) td.classList.add('ranked'); });
    return el('tr', {}, cells);
  }));
  $('top-empty').textContent = 'No campaign has data in this range.';
  $('top-empty').hidden = top.rows.length > 0;
  setDownload('top-csv', `/api/reporting/top?${query({ ...params, format: 'csv' })}`);
}

// ---------- campaigns by day ----------

async function loadDaily(current) {
  const scope = reportScope();
  const table = $('daily');
  if (!scope || scope.kind !== 'advertiser') {
    table.tBodies[0].replaceChildren(); table.tFoot.replaceChildren(); setDownload('daily-csv', null);
    $('daily-empty').textContent = scope ? 'Campaign figures by day are shown per advertiser: choose one of the advertisers under Scope.'
      : 'No campaign data in this range yet.';
    $('daily-empty').hidden = false;
    return;
  }
  const report = await api(`/api/reporting/campaigns/daily?${query()}`);
  if (!current()) return;
  const c = report.currency;
  table.tBodies[0].replaceChildren(...report.rows.map((r) => el('tr', {},
    el('td', { text: r.date }), el('td', { className: 'name', text: r.campaignName || r.campaignId, title: r.campaignId }),
    el('td', {}, statusBadge(r.campaignStatus, r.deleted)),
    cell(money(r.spend, c), 'num'), cell(count(r.impressions), 'num'), cell(count(r.clicks), 'num'), cell(percent(r.ctr), 'num'),
    cell(money(r.cpc, c), 'num'), cell(count(r.conversions), 'num'), cell(ratio(r.roas), 'num'))));
  const t = report.totals || {};
  table.tFoot.replaceChildren(report.rows.length === 0 ? '' : el('tr', {},
    el('th', { scope: 'row', colSpan: 3, text: 'Total' }),
    cell(money(t.spend, c), 'num'), cell(count(t.impressions), 'num'), cell(count(t.clicks), 'num'), cell(percent(t.ctr), 'num'),
    cell(money(t.cpc, c), 'num'), cell(count(t.conversions), 'num'), cell(ratio(t.roas), 'num')));
  $('daily-empty').textContent = 'No campaign data in this range yet.';
  $('daily-empty').hidden = report.rows.length > 0;
  setDownload('daily-csv', `/api/reporting/campaigns/daily?${query({ format: 'csv' })}`);
}

/** Checks the range before asking the services, so a typo is explained next to the fields. */
function rangeProblem() {
  const from = $('from').value; const to = $('to').value;
  if (!from || !to) return 'Choose both a start and an end date.';
  if (to < from) return 'The end date is before the start date.';
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000 + 1;
  if (days > 366) return `The range is ${days} days long; reports cover at most 366 days.`;
  return null;
}

const REPORT_SECTIONS = ['overview', 'trend', 'top', 'daily-section'];

function loadReports(byUser) {
  const problem = rangeProblem();
  $('range-error').textContent = problem || '';
  $('range-error').hidden = !problem;
  $('from').setAttribute('aria-invalid', problem ? 'true' : 'false');
  $('to').setAttribute('aria-invalid', problem ? 'true' : 'false');
  for (const id of REPORT_SECTIONS) $(id).classList.toggle('stale', !!problem);
  if (problem) { if (byUser) $('to').focus(); return Promise.resolve(); }
  saveToUrl();
  return Promise.all([
    panel($('overview'), loadOverview),
    panel($('trend'), loadTrend),
    panel($('top'), loadTop),
    panel($('daily-section'), loadDaily),
    state.drill ? panel($('drill'), loadDrill) : null,
  ]);
}

// ---------- campaign breakdown: ad groups, then ads ----------

/** Opens the breakdown of one campaign (its advertiser's own figures, over the range of the filters). */
function openDrill(campaign) {
  state.drill = { ...campaign, adGroup: null };
  $('drill').hidden = false;
  panel($('drill'), loadDrill).then(() => $('drill-title').focus());
  $('drill').scrollIntoView({ block: 'start', behavior: 'smooth' });
}

function closeDrill() {
  state.drill = null;
  $('drill').hidden = true;
}

function drillCrumbs(d) {
  const campaign = d.adGroup
    ? el('button', { type: 'button', className: 'link', text: `Campaign ${d.campaignName}`,
      onclick: () => { d.adGroup = null; panel($('drill'), loadDrill); } })
    : el('span', { 'aria-current': 'page', text: `Campaign ${d.campaignName}` });
  return [el('li', {}, campaign), d.adGroup ? el('li', {}, el('span', { 'aria-current': 'page', text: `Ad group ${d.adGroup.name}` })) : null];
}

async function loadDrill(current) {
  const d = state.drill;
  if (!d) return;
  const level = d.adGroup ? 'ad' : 'adgroup';
  const params = { advertiserId: d.advertiserId, from: $('from').value, to: $('to').value, level,
    parentId: d.adGroup ? d.adGroup.id : d.campaignId, metric: 'spend', order: 'desc', limit: '1000' };
  $('drill-path').replaceChildren(...drillCrumbs(d).filter(Boolean));
  $('drill-level').textContent = level === 'ad' ? 'Ad' : 'Ad group';
  $('drill-caption').textContent = level === 'ad' ? `Ads of the ad group ${d.adGroup.name}` : `Ad groups of the campaign ${d.campaignName}`;
  const top = await api(`/api/reporting/top?${new URLSearchParams(params)}`);
  if (!current() || state.drill !== d) return;
  const c = top.currency;
  $('drill-meta').textContent = `${shortDate(top.from)} – ${shortDate(top.to)} · ${advertiserName(d.advertiserId)} · `
    + `${top.timeZone || 'time zone unknown'} · ${c}`;
  $('drill-table').tBodies[0].replaceChildren(...top.rows.map((r) => {
    const m = r.metrics;
    const name = r.entityName || r.entityId;
    const nameCell = level === 'adgroup'
      ? el('td', { className: 'name' }, el('button', { type: 'button', className: 'link drill-open', text: name,
        title: `Show the ads of ${name} (${r.entityId})`, 'data-entity': r.entityId,
        onclick: () => { d.adGroup = { id: r.entityId, name }; panel($('drill'), loadDrill); } }))
      : el('td', { className: 'name', text: name, title: r.entityId });
    return el('tr', {}, nameCell, el('td', {}, statusBadge(r.status, r.deleted)),
      cell(money(m.spend, c), 'num'), cell(count(m.impressions), 'num'), cell(count(m.clicks), 'num'), cell(percent(m.ctr), 'num'),
      cell(count(m.conversions), 'num'), cell(money(m.conversionValue, c), 'num'), cell(money(m.cpa, c), 'num'),
      cell(ratio(m.roas), 'num'), cell(String(r.daysReported), 'num'));
  }));
  $('drill-empty').textContent = level === 'ad' ? 'No ad of this ad group has data in this range.'
    : 'No ad group of this campaign has data in this range.';
  $('drill-empty').hidden = top.rows.length > 0;
  setDownload('drill-csv', `/api/reporting/top?${new URLSearchParams({ ...params, format: 'csv' })}`);
}

// ---------- budget pacing ----------

const PACE = {
  ON_TRACK: { label: 'on track', tone: 'ok', help: 'Projected to end within the tolerance of the budget' },
  UNDER: { label: 'under-pacing', tone: 'run', help: 'Projected to spend less than the budget by more than the tolerance' },
  OVER: { label: 'over-pacing', tone: 'warning', help: 'Projected to spend more than the budget by more than the tolerance' },
  OVERSPENT: { label: 'overspent', tone: 'bad', help: 'Has already spent more than the budget' },
  NOT_STARTED: { label: 'not started', tone: 'muted', help: 'The schedule has not begun' },
  ENDED: { label: 'ended', tone: 'muted', help: 'The schedule is over; the projection is the final spend' },
  NO_SCHEDULE: { label: 'no schedule', tone: 'muted', help: 'A lifetime budget without a full delivery schedule cannot be paced' },
  NO_DATA: { label: 'no spend data', tone: 'muted', help: 'TikTok reported no spend in the period yet (not taken as zero)' },
  NO_TIME_ZONE: { label: 'no time zone', tone: 'muted', help: 'The advertiser’s time zone is unknown, so its day cannot be placed' },
};
const OFF_PACE = ['UNDER', 'OVER', 'OVERSPENT'];

/** "2025-06-09T00:00-04:00" read as written: the advertiser's wall clock and its UTC offset. */
function localParts(text) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?/.exec(text || '');
  if (!m) return null;
  return { date: m[1], time: m[2], offset: !m[3] || m[3] === 'Z' || m[3] === '+00:00' ? 'UTC' : `UTC${m[3].replace('-', '−')}` };
}

function pacePeriod(r) {
  const a = localParts(r.periodStart);
  const b = localParts(r.periodEnd);
  const offsets = a && b && a.offset !== b.offset ? `${a.offset} → ${b.offset}` : a ? a.offset : '';
  const zone = `${r.timeZone || 'time zone unknown'}${offsets ? `, ${offsets}` : ''}`;
  if (r.budgetMode === 'daily') return a ? `daily budget · ${shortDate(a.date)} (${zone})` : `daily budget (${zone})`;
  if (!a) return `lifetime budget · no full schedule (${zone})`;
  return `lifetime budget · ${shortDate(a.date)} ${a.time} – ${b ? `${shortDate(b.date)} ${b.time}` : 'open end'} (${zone})`;
}

/** One bar: the budget as the track, spend so far as the fill, expected-by-now and projection as marks. */
function paceBar(r, figures) {
  const { budget, spent, expected, projected } = figures;
  const comparable = !r.spendCurrency;
  const scale = Math.max(budget || 0, comparable ? spent || 0 : 0, comparable ? projected || 0 : 0, expected || 0) || 1;
  const at = (v) => `${Math.max(0, Math.min(100, (v / scale) * 100)).toFixed(2)}%`;
  const bar = el('div', { className: 'pace-bar', 'aria-hidden': 'true' });
  if (budget !== null) { const track = el('span', { className: 'pace-budget' }); track.style.width = at(budget); bar.append(track); }
  if (comparable && spent !== null) { const fill = el('span', { className: 'pace-fill' }); fill.style.width = at(spent); bar.append(fill); }
  if (expected !== null) { const mark = el('span', { className: 'pace-mark expected' }); mark.style.left = at(expected); bar.append(mark); }
  if (comparable && projected !== null) { const mark = el('span', { className: 'pace-mark projected' }); mark.style.left = at(projected); bar.append(mark); }
  return bar;
}

function paceItem(r, campaignNames, nested) {
  const spendCurrency = r.spendCurrency || r.currency;
  const n = (v) => (isMissing(v) ? null : Number(v));
  const figures = { budget: n(r.budget), spent: n(r.spentSoFar), expected: n(r.expectedByNow), projected: n(r.projectedSpend) };
  const status = PACE[r.status] || { label: String(r.status || 'unknown').toLowerCase(), tone: 'muted', help: '' };
  const name = r.entityName || r.entityId;
  const shown = (v, c) => money(v, c) ?? 'missing';
  const facts = [`spent ${shown(r.spentSoFar, spendCurrency)} of ${shown(r.budget, r.currency)}`,
    `expected by now ${shown(r.expectedByNow, r.currency)}${r.expectedBasis === 'intraday-curve'
      ? ` on the account's usual intraday curve (learned from ${plural(r.curveDays, 'day')})` : ''}`,
    `projected ${shown(r.projectedSpend, spendCurrency)}`];
  if (!isMissing(r.elapsed)) facts.push(`${percent(r.elapsed, 0)} of the ${r.budgetMode === 'daily' ? 'day' : 'schedule'} elapsed`);
  const now = localParts(r.now);
  const parent = r.level === 'adgroup' ? `ad group of ${campaignNames.get(r.campaignId) || r.campaignId}` : 'campaign';
  const open = el('button', { type: 'button', className: 'link drill-open', text: name, title: `Show the ad groups of ${r.campaignId === r.entityId ? name : campaignNames.get(r.campaignId) || r.campaignId}`,
    onclick: () => openDrill({ advertiserId: r.advertiserId, campaignId: r.campaignId,
      campaignName: r.level === 'campaign' ? name : campaignNames.get(r.campaignId) || r.campaignId }) });
  return el('li', { className: `pace pace-${String(r.status).toLowerCase()}${nested ? ' child' : ''}`, 'data-status': r.status },
    el('div', { className: 'pace-head' }, open,
      el('span', { className: 'sub', text: `${parent} · ${r.advertiserName || r.advertiserId}` }),
      el('span', { className: `badge ${status.tone}`, text: status.label, title: status.help })),
    paceBar(r, figures),
    el('div', { className: 'pace-facts', text: facts.join(' · ') }),
    el('div', { className: 'sub', text: `${pacePeriod(r)}${now ? ` · local time now ${now.time}` : ''}${r.spendCurrency
      ? ` · spend reported in ${r.spendCurrency}, budget in ${r.currency}: not drawn against each other` : ''}` }));
}

async function loadPacing(current) {
  const scope = reportScope();
  const list = $('pacing-list');
  if (unreported(scope)) {
    list.replaceChildren(); $('pacing-summary').replaceChildren(); $('pacing-meta').textContent = ''; setDownload('pacing-csv', null);
    $('pacing-empty').textContent = scope ? unreportedText(scope) : 'Budgets are paced once an advertiser has reported data.';
    $('pacing-empty').hidden = false;
    return;
  }
  const pacing = await api(`/api/reporting/pacing?${new URLSearchParams(scopeParams(scope))}`);
  if (!current()) return;
  const rows = pacing.rows;
  const campaignNames = new Map(rows.filter((r) => r.level === 'campaign').map((r) => [r.campaignId, r.entityName || r.entityId]));
  for (const a of scope.advertisers) for (const c of a.campaigns || []) if (!campaignNames.has(c.campaignId)) campaignNames.set(c.campaignId, c.name || c.campaignId);
  // each campaign, then its ad groups
  const ordered = [];
  const children = new Map();
  for (const r of rows) if (r.level === 'adgroup' && rows.some((x) => x.level === 'campaign' && x.campaignId === r.campaignId)) {
    if (!children.has(r.campaignId)) children.set(r.campaignId, []);
    children.get(r.campaignId).push(r);
  }
  for (const r of rows) {
    if (r.level === 'campaign') ordered.push(r, ...(children.get(r.campaignId) || []));
    else if (!children.has(r.campaignId) || !children.get(r.campaignId).includes(r)) ordered.push(r);
  }
  const attention = $('pacing-attention').checked;
  const shown = attention ? ordered.filter((r) => OFF_PACE.includes(r.status)) : ordered;
  const nested = new Set([...children.values()].flat());
  list.replaceChildren(...shown.map((r) => paceItem(r, campaignNames, nested.has(r) && !attention)));
  const byStatus = new Map();
  for (const r of rows) byStatus.set(r.status, (byStatus.get(r.status) || 0) + 1);
  $('pacing-summary').replaceChildren(...Object.keys(PACE).filter((k) => byStatus.has(k)).map((k) =>
    el('span', { className: `badge ${PACE[k].tone}`, text: `${byStatus.get(k)} ${PACE[k].label}`, title: PACE[k].help })));
  $('pacing-meta').textContent = `${plural(rows.length, 'budget')} · paced at ${dateTimeZone(pacing.asOf)}`;
  $('pacing-empty').textContent = rows.length === 0 ? 'No campaign or ad group of this scope has a daily or lifetime budget.'
    : 'Every budget is on pace or not paced.';
  $('pacing-empty').hidden = shown.length > 0;
  setDownload('pacing-csv', `/api/reporting/pacing?${new URLSearchParams({ ...scopeParams(scope), format: 'csv' })}`);
}

// ---------- weekly client reports ----------

function fillReportFilters() {
  const select = $('report-client');
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '', text: 'All clients' }),
    ...state.clients.map((c) => el('option', { value: c.clientId, text: c.name })));
  if (state.clients.some((c) => c.clientId === chosen)) select.value = chosen;
  fillReportBrands();
}

function fillReportBrands(preferred) {
  const select = $('report-brand');
  const chosen = preferred !== undefined ? preferred : select.value;
  const client = $('report-client').value;
  const brands = client ? state.brands.filter((b) => b.clientId === client) : [];
  select.replaceChildren(el('option', { value: '', text: client ? 'All brands' : 'Choose a client first' }),
    ...brands.map((b) => el('option', { value: b.brandId, text: b.name })));
  if (brands.some((b) => b.brandId === chosen)) select.value = chosen;
  select.disabled = !client;
  const generate = $('report-generate');
  generate.disabled = !client;
  generate.title = client ? `Generates last week’s report of ${clientName(client)}${select.value ? `, brand ${select.selectedOptions[0].text}` : ''}`
    : 'Choose a client first';
}

/** The reports panel follows the scope: its client (and brand), or the client of the advertiser's brand. */
function followScopeInReports(scope) {
  let clientId = '';
  let brandId = '';
  if (scope && scope.kind === 'client') clientId = scope.id;
  else if (scope && scope.kind === 'brand') { clientId = scope.clientId; brandId = scope.id; }
  else if (scope) {
    const brand = state.brands.find((b) => (b.advertiserIds || []).includes(scope.id));
    if (brand) clientId = brand.clientId;
  }
  $('report-client').value = state.clients.some((c) => c.clientId === clientId) ? clientId : '';
  fillReportBrands(brandId);
}

/** A download link of a report; only a same-origin path from the API is used as given. */
function reportLink(r, format, label) {
  const given = r.links && r.links[format];
  const href = typeof given === 'string' && given.startsWith('/') && !given.startsWith('//')
    ? given : `/api/reporting/reports/${encodeURIComponent(r.reportId)}.${format}`;
  return el('a', { className: 'download', href, download: '', text: format.toUpperCase(), 'aria-label': `Download ${label} as ${format.toUpperCase()}` });
}

async function loadReportList(current) {
  const client = $('report-client').value;
  const brand = $('report-brand').value;
  const params = new URLSearchParams({ limit: '100' });
  if (client) params.set('clientId', client);
  if (brand) params.set('brandId', brand);
  const { reports } = await api(`/api/reporting/reports?${params}`);
  if (!current()) return;
  $('reports').tBodies[0].replaceChildren(...reports.map((r) => {
    const week = `${shortDate(r.periodStart)} – ${shortDate(r.periodEnd)}`;
    const label = `the report of ${r.clientName}${r.brandName ? `, ${r.brandName}` : ''}, week ${week}`;
    const formats = r.formats && r.formats.length ? r.formats : ['html', 'csv'];
    return el('tr', { 'data-report': r.reportId },
      el('td', { text: week, title: 'Monday to Sunday of the advertisers’ local dates' }),
      el('td', { className: 'name', text: r.clientName || clientName(r.clientId) }),
      el('td', { className: r.brandName ? 'name' : 'name note', text: r.brandName || 'all brands' }),
      el('td', {}, el('time', { datetime: r.generatedAt, text: dateTimeZone(r.generatedAt), title: ago(r.generatedAt) })),
      el('td', { text: r.scheduled ? 'schedule' : r.requestedBy }),
      el('td', {}, el('div', { className: 'action-buttons start' }, ...formats.filter((f) => f === 'html' || f === 'csv').map((f) => reportLink(r, f, label)))));
  }));
  const canGenerate = hasRole(...REPORT_ROLES);
  $('reports-empty').textContent = state.clients.length === 0
    ? 'No client is set up yet. Weekly reports are made per client and brand; an administrator creates them and assigns advertisers through the reporting API.'
    : `No report${client ? ` for ${clientName(client)}` : ''} yet. ${canGenerate && client ? 'Use “Generate now” for last week’s.' : canGenerate ? 'Choose a client to generate one now.' : 'The next ones are made on Monday.'}`;
  $('reports-empty').hidden = reports.length > 0;
}

async function generateReport(button) {
  const clientId = $('report-client').value;
  if (!clientId) return;
  const brandId = $('report-brand').value;
  await act(button, async () => {
    const report = await request('POST', '/api/reporting/reports', brandId ? { clientId, brandId } : { clientId });
    await panel($('reports-section'), loadReportList);
    toast(`Report of ${report.clientName}${report.brandName ? `, ${report.brandName}` : ''} for ${shortDate(report.periodStart)} – ${shortDate(report.periodEnd)} generated.`);
  });
}

// ---------- connections ----------

function syncCell(sync, name) {
  if (!sync) return el('td', { className: 'note', text: 'never synced' });
  return el('td', { className: 'sync-cell' }, ...syncSummary(sync), ...progressParts(sync, name));
}

const SYNC_REASONS = { GRANT: 'first sync after connecting', SCHEDULE: 'scheduled', MANUAL: 'requested' };

function syncSummary(sync) {
  const tone = sync.result === 'SUCCEEDED' ? 'ok' : sync.result === 'FAILED' ? 'bad' : 'run';
  const when = sync.result === 'RUNNING' ? sync.startedAt : (sync.finishedAt || sync.startedAt);
  const verb = sync.result === 'RUNNING' ? 'started' : sync.result === 'FAILED' ? 'failed' : 'finished';
  return [el('div', {},
    el('span', { className: `badge ${tone}`, text: sync.result.toLowerCase() }), ' ',
    el('time', { datetime: when, title: dateTime(when), text: `${verb} ${ago(when)}` })),
    el('div', { className: 'sub', text: [SYNC_REASONS[sync.reason] || sync.reason.toLowerCase(),
      sync.reason === 'MANUAL' && sync.requestedBy ? `by ${sync.requestedBy}` : '', sync.backfill ? '· reading history' : ''].filter(Boolean).join(' ') }),
    sync.error ? el('div', { className: 'sub bad-text', text: sync.error }) : null].filter(Boolean);
}

function progressParts(sync, name) {
  const pct = isMissing(sync.percent) ? null : Math.max(0, Math.min(100, Number(sync.percent)));
  const bar = el('progress', { max: 100, 'aria-label': `Sync progress of ${name}` });
  if (pct !== null) bar.value = pct;
  const details = [`${count(sync.rowsRead) ?? 0} rows`, `${count(sync.apiCalls) ?? 0} API calls`];
  if (sync.windowsTotal) details.unshift(`${sync.windowsDone}/${sync.windowsTotal} windows`);
  if (sync.result === 'RUNNING' && sync.estimatedFinishAt) details.push(`done ~${new Date(sync.estimatedFinishAt).toLocaleTimeString(undefined, { timeStyle: 'short' })}`);
  return [el('div', { className: 'progress-line' }, bar, el('span', { className: 'num', text: pct === null ? '–' : `${Math.round(pct)} %` })),
    el('div', { className: 'sub', text: details.join(' · ') })];
}

function dataThrough(streams) {
  const dates = (streams || []).map((s) => s.lastDateCovered).filter(Boolean).sort();
  return dates.length ? `data through ${dates[dates.length - 1]}` : '';
}

function startPath(kind) {
  return kind === 'CREATOR' ? '/api/auth/connections/tiktok-creator/start' : '/api/auth/connections/tiktok-business/start';
}

async function syncNow(button, c) {
  await act(button, async () => {
    await request('POST', `/api/ingest/connections/${encodeURIComponent(c.id)}/sync`);
    state.syncing.add(c.id);
    scheduleConnections(1500);
  }, `Sync of ${c.displayName || c.id} queued.`);
}

async function disconnect(button, c) {
  const name = c.displayName || c.advertiserId || c.id;
  if (!window.confirm(`Disconnect ${name}?\n\nAdpulse stops syncing this account and deletes its TikTok tokens. Reports keep the data already read. You can connect it again later.`)) return;
  await act(button, async () => {
    const result = await request('DELETE', `/api/auth/connections/${encodeURIComponent(c.id)}`);
    const r = result && result.tiktokRevocation;
    if (r && r.outcome === 'FAILED') banner(`${name} is disconnected, but TikTok did not confirm the revocation: ${r.detail}`);
    await loadConnections();
  }, `${name} disconnected.`);
}

async function loadConnections() {
  const [grants, syncs] = await Promise.allSettled([api('/api/auth/connections'), api('/api/ingest/connections')]);
  if (grants.status === 'rejected' && syncs.status === 'rejected') throw grants.reason;
  const byId = new Map();
  if (grants.status === 'fulfilled') grants.value.forEach((c) => byId.set(c.id, { ...c }));
  if (syncs.status === 'fulfilled') syncs.value.forEach((s) => byId.set(s.id, { ...s, ...(byId.get(s.id) || {}), lastSync: s.lastSync, streams: s.streams, synced: true }));
  const list = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  const admin = hasRole('ADMIN');
  state.syncing = new Set(list.filter((c) => c.lastSync && c.lastSync.result === 'RUNNING').map((c) => c.id));
  state.backfilling = new Set(list.filter((c) => c.lastSync && c.lastSync.result === 'RUNNING' && c.lastSync.backfill).map((c) => c.advertiserId));
  syncHint();
  $('connections').tBodies[0].replaceChildren(...list.map((c) => {
    const cellOfActions = el('td', { className: 'actions' });
    cellOfActions.hidden = !admin;
    const actions = el('div', { className: 'action-buttons' });
    cellOfActions.append(actions);
    if (admin) {
      const active = c.status === 'ACTIVE';
      const running = c.lastSync && c.lastSync.result === 'RUNNING';
      if (active && c.synced) {
        const sync = el('button', { type: 'button', className: 'small', text: running ? 'Syncing…' : 'Sync now', disabled: running,
          'aria-label': `Sync ${c.displayName || c.id} now` });
        sync.addEventListener('click', () => syncNow(sync, c));
        actions.append(sync);
      }
      if (c.status === 'NEEDS_REAUTH' || c.status === 'REVOKED') {
        actions.append(el('a', { className: 'button small', href: startPath(c.kind), text: 'Reconnect',
          'aria-label': `Reconnect ${c.displayName || c.id} through TikTok` }));
      }
      if (c.status !== 'REVOKED') {
        const drop = el('button', { type: 'button', className: 'small danger', text: 'Disconnect', 'aria-label': `Disconnect ${c.displayName || c.id}` });
        drop.addEventListener('click', () => disconnect(drop, c));
        actions.append(drop);
      }
    }
    const status = c.status || 'UNKNOWN';
    return el('tr', {},
      el('td', { className: 'name' }, el('div', { text: c.displayName || c.advertiserId || c.id }),
        el('div', { className: 'sub', text: `${c.kind === 'CREATOR' ? 'creator' : 'advertiser'} ${c.advertiserId || ''}` }),
        c.streams ? el('div', { className: 'sub', text: dataThrough(c.streams) }) : null),
      el('td', {}, statusBadge(status), c.statusReason ? el('div', { className: 'sub', text: c.statusReason }) : null,
        c.grantedBy ? el('div', { className: 'sub', text: `by ${c.grantedBy}, ${ago(c.grantedAt)}`, title: dateTime(c.grantedAt) }) : null),
      syncCell(c.lastSync, c.displayName || c.id), cellOfActions);
  }));
  $('connections-empty').hidden = list.length > 0;
  $('connections-empty').textContent = admin
    ? 'No TikTok account is connected yet. Use “Connect TikTok advertiser” to authorise one.'
    : 'No TikTok account is connected yet. Ask an administrator to connect one.';
  const partialError = grants.status === 'rejected' ? grants.reason : syncs.status === 'rejected'
    ? new ApiError(`Sync status unavailable: ${syncs.reason.message}`) : null;
  if (partialError) throw partialError;
  showCreators(list.filter((c) => c.kind === 'CREATOR' && c.status !== 'REVOKED'));
  // New figures may have arrived: reload the reports when the chosen advertiser's latest sync finished since last time.
  const finished = new Map(list.filter((c) => c.lastSync && c.lastSync.result === 'SUCCEEDED').map((c) => [c.advertiserId, c.lastSync.finishedAt]));
  const scope = selectedScope();
  const chosen = scope ? scope.advertisers.map((a) => a.advertiserId) : [];
  const known = state.finished;
  state.finished = finished;
  if (known && (chosen.some((id) => finished.get(id) !== known.get(id)) || [...finished.keys()].some((id) => !known.has(id)))) refreshReportData();
}

// ---------- organic videos of creator connections ----------

/** Offers the connected creators; CLIENT users do not see organic data (creators belong to no brand). */
function showCreators(creators) {
  const section = $('organic');
  section.hidden = isClient() || creators.length === 0;
  if (section.hidden) return;
  const select = $('organic-creator');
  const chosen = select.value;
  const ids = creators.map((c) => c.advertiserId);
  const same = select.options.length === ids.length && [...select.options].every((o, i) => o.value === ids[i]);
  if (!same) {
    select.replaceChildren(...creators.map((c) => el('option', { value: c.advertiserId, text: c.displayName || c.advertiserId })));
    if (ids.includes(chosen)) select.value = chosen;
  }
  panel(section, loadOrganic);
}

async function loadOrganic(current) {
  const openId = $('organic-creator').value;
  if (!openId) return;
  const q = new URLSearchParams({ openId });
  const [overview, list] = await Promise.all([api(`/api/reporting/organic/overview?${q}`),
    api(`/api/reporting/organic/videos?${q}&sort=views`)]);
  if (!current()) return;
  const figures = [['videoCount', 'Videos', count], ['views', 'Views', count], ['likes', 'Likes', count],
    ['comments', 'Comments', count], ['shares', 'Shares', count], ['engagementRate', 'Engagement rate', percent]];
  $('organic-kpis').replaceChildren(...figures.map(([name, label, format]) => {
    const value = format(overview[name]);
    return el('div', { className: 'kpi', role: 'listitem', 'data-metric': name },
      el('span', { className: 'kpi-label', text: label }),
      value === MISSING
        ? el('b', { className: 'missing', text: 'missing', title: 'TikTok did not return this count for every video' })
        : el('b', { text: value, 'data-value': String(overview[name]) }));
  }));
  $('organic-meta').textContent = overview.lastObservedAt ? `counts as of ${dateTime(overview.lastObservedAt)}` : '';
  $('organic-videos').tBodies[0].replaceChildren(...list.videos.map((v) => el('tr', { 'data-video': v.videoId },
    el('td', { className: 'name' },
      v.shareUrl ? el('a', { href: v.shareUrl, text: v.title || v.videoId, rel: 'noopener noreferrer', target: '_blank' })
        : el('span', { text: v.title || v.videoId }),
      v.durationSeconds ? el('div', { className: 'sub', text: `${v.durationSeconds} s` }) : null),
    cell(v.createTime ? dateTime(v.createTime) : MISSING),
    cell(count(v.views), 'num'), cell(count(v.likes), 'num'), cell(count(v.comments), 'num'), cell(count(v.shares), 'num'),
    cell(percent(v.engagementRate), 'num'))));
  $('organic-empty').hidden = list.videos.length > 0;
  setDownload('organic-csv', `/api/reporting/organic/videos?${q}&sort=views&format=csv`);
}

let connectionsTimer;
function scheduleConnections(delay) {
  clearTimeout(connectionsTimer);
  connectionsTimer = setTimeout(async () => {
    if (!document.hidden) await panel($('connections-section'), loadConnections);
    scheduleConnections(state.syncing.size > 0 ? 3000 : 30000);
  }, delay);
}

/** After a sync finishes, new advertisers or days may have arrived. */
async function refreshReportData() {
  try { await loadScopes(); } catch (e) { panelError($('overview'), e); return; }
  loadReports();
  panel($('pacing'), loadPacing);
}

// ---------- alerts ----------

function fingerprintMatchers(alert) {
  const labels = alert.labels || {};
  const matchers = [{ name: 'alertname', value: alert.rule, isRegex: false, isEqual: true }];
  for (const name of ['advertiser_id', 'campaign_id', 'condition', 'local_date']) {
    if (labels[name]) matchers.push({ name, value: String(labels[name]), isRegex: false, isEqual: true });
  }
  return matchers;
}

async function silence(button, alert, hours) {
  const now = Date.now();
  const body = {
    matchers: fingerprintMatchers(alert),
    startsAt: new Date(now).toISOString(),
    endsAt: new Date(now + hours * 3600000).toISOString(),
    comment: `Silenced for ${hours} h from the dashboard: ${alert.rule}${alert.labels && alert.labels.campaign_name ? `, campaign ${alert.labels.campaign_name}` : ''}`.slice(0, 1000),
  };
  await act(button, async () => { await request('POST', '/api/alerting/silences', body); await loadAlerting(() => true); },
    `Silenced for ${hours} hour${hours > 1 ? 's' : ''}.`);
}

async function acknowledge(button, alert) {
  await act(button, async () => {
    await request('POST', `/api/alerting/alerts/${encodeURIComponent(alert.fingerprint)}/ack`);
    await loadAlerting(() => true);
  }, 'Alert acknowledged.');
}

async function expireSilence(button, s) {
  await act(button, async () => {
    await request('DELETE', `/api/alerting/silences/${encodeURIComponent(s.id)}`);
    await loadAlerting(() => true);
  }, 'Silence expired.');
}

function alertItem(a, canAct) {
  const labels = a.labels || {};
  const meta = [labels.campaign_name ? `campaign ${labels.campaign_name}` : null,
    labels.advertiser_id ? `advertiser ${advertiserName(labels.advertiser_id)}` : null,
    labels.local_date ? `${labels.local_date}${labels.time_zone ? ` (${labels.time_zone})` : ''}` : null,
    a.rule].filter(Boolean).join(' · ');
  const item = el('li', { className: `alert sev-${a.severity}` },
    el('div', { className: 'alert-head' },
      el('span', { className: `badge sev ${a.severity}`, text: a.severity }),
      a.silencedBy && a.silencedBy.length ? el('span', { className: 'badge muted', text: 'silenced', title: `Silence ${a.silencedBy.join(', ')}` }) : null,
      a.acknowledgedBy ? el('span', { className: 'badge ok', text: `acknowledged by ${a.acknowledgedBy}`, title: dateTime(a.acknowledgedAt) }) : null,
      el('time', { className: 'sub', datetime: a.startsAt, title: dateTime(a.startsAt), text: `firing since ${ago(a.startsAt)}` })),
    el('p', { className: 'summary', text: a.summary }),
    el('div', { className: 'sub', text: meta }));
  if (canAct) {
    const actions = el('div', { className: 'alert-actions' });
    if (!a.acknowledgedBy) {
      const ack = el('button', { type: 'button', className: 'small', text: 'Acknowledge' });
      ack.addEventListener('click', () => acknowledge(ack, a));
      actions.append(ack);
    }
    for (const h of [1, 24]) {
      const b = el('button', { type: 'button', className: 'small secondary', text: `Silence ${h}h`,
        title: 'Mutes notifications of this alert (same rule, advertiser, campaign and day)' });
      b.addEventListener('click', () => silence(b, a, h));
      actions.append(b);
    }
    item.append(actions);
  }
  return item;
}

function advertiserName(id) {
  const a = state.advertisers.find((x) => x.advertiserId === id);
  return a && a.name ? a.name : id;
}

async function loadAlerting(current) {
  const canAct = hasRole(...ALERT_ROLES) && !isClient();
  // the delivery log and silences are operators' tools, refused to CLIENT users
  const operators = !isClient();
  const none = Promise.resolve(null);
  const [alerts, failed, silences] = await Promise.allSettled([
    api('/api/alerting/alerts?state=FIRING'),
    operators ? api('/api/alerting/deliveries?status=FAILED&limit=1000') : none,
    operators ? api('/api/alerting/silences?state=ACTIVE') : none,
  ]);
  if (!current()) return;
  if (alerts.status === 'rejected') throw alerts.reason;
  const list = alerts.value;
  $('alerts').replaceChildren(...list.map((a) => alertItem(a, canAct)));
  $('alerts-empty').hidden = list.length > 0;
  $('alerts-count').textContent = list.length ? String(list.length) : '';
  $('alerts-count').setAttribute('aria-label', `${list.length} firing`);
  const d = $('deliveries');
  d.hidden = !operators;
  if (!operators) {
    // nothing more to show
  } else if (failed.status === 'fulfilled') {
    const n = failed.value.length;
    d.textContent = n === 0 ? 'All notifications delivered.'
      : `${n >= 1000 ? '1000+' : n} notification${n > 1 ? 's' : ''} failed to deliver${failed.value[0].lastError ? ` (latest: ${failed.value[0].receiver}: ${failed.value[0].lastError})` : ''}.`;
    d.className = n === 0 ? 'note' : 'note warn-text';
  } else {
    d.textContent = `Delivery status unavailable: ${failed.reason.message}`; d.className = 'note warn-text';
  }
  const box = $('silences-box');
  if (silences.status === 'fulfilled' && silences.value && silences.value.length) {
    box.hidden = false;
    $('silences').replaceChildren(...silences.value.map((s) => {
      const li = el('li', {},
        el('code', { text: s.matchers.map((m) => `${m.name}${m.isEqual === false ? '!' : ''}${m.isRegex ? '=~' : '='}"${m.value}"`).join(', ') }),
        el('div', { className: 'sub', text: `until ${dateTime(s.endsAt)} · by ${s.createdBy}${s.comment ? ` · ${s.comment}` : ''}` }));
      if (canAct) {
        const b = el('button', { type: 'button', className: 'small secondary', text: 'Expire now' });
        b.addEventListener('click', () => expireSilence(b, s));
        li.append(b);
      }
      return li;
    }));
  } else {
    box.hidden = true;
  }
}

// ---------- alert history: every episode, filtered, a page at a time ----------

const HISTORY_PAGE = 50;
let historyOffset = 0;

function historyQuery() {
  const q = new URLSearchParams();
  for (const [param, id] of [['state', 'history-state'], ['severity', 'history-severity'],
    ['advertiserId', 'history-advertiser'], ['rule', 'history-rule']]) {
    const v = $(id).value.trim();
    if (v) q.set(param, v);
  }
  if ($('history-since').value) q.set('since', `${$('history-since').value}T00:00:00Z`);
  q.set('limit', String(HISTORY_PAGE));
  q.set('offset', String(historyOffset));
  return q;
}

function historyItem(a) {
  const labels = a.labels || {};
  return el('li', { className: `alert sev-${a.severity}` },
    el('div', { className: 'alert-head' },
      el('span', { className: `badge sev ${a.severity}`, text: a.severity }),
      el('span', { className: a.state === 'FIRING' ? 'badge bad' : 'badge ok', text: a.state.toLowerCase() }),
      el('time', { className: 'sub', datetime: a.startsAt,
        text: `${dateTime(a.startsAt)}${a.resolvedAt ? ` to ${dateTime(a.resolvedAt)}` : ''}` })),
    el('p', { className: 'summary', text: a.summary }),
    el('div', { className: 'sub', text: [a.rule,
      labels.advertiser_id ? `advertiser ${advertiserName(labels.advertiser_id)}` : null,
      labels.campaign_name ? `campaign ${labels.campaign_name}` : null,
      a.acknowledgedBy ? `acknowledged by ${a.acknowledgedBy}` : null, a.resolution].filter(Boolean).join(' · ') }));
}

/** Shows the first page for the filters, or ({@code more}) appends the next one. */
async function loadHistory(more) {
  const select = $('history-advertiser');
  if (select.options.length === 1) {
    select.append(...state.advertisers.map((a) => el('option', { value: a.advertiserId, text: a.name || a.advertiserId })));
  }
  if (!more) historyOffset = 0;
  $('history-error').hidden = true;
  try {
    const list = await api(`/api/alerting/alerts?${historyQuery()}`);
    const items = list.map(historyItem);
    if (more) $('history-list').append(...items);
    else $('history-list').replaceChildren(...(items.length ? items : [el('li', { className: 'empty', text: 'No alert matches these filters.' })]));
    historyOffset += list.length;
    $('history-more').hidden = list.length < HISTORY_PAGE;
  } catch (e) {
    $('history-error').textContent = e.message;
    $('history-error').hidden = false;
  }
}

// ---------- alerting settings: rules, overrides, routes (staff read, ADMIN edits) ----------

const SETTINGS_PATH = '/api/alerting/config';
/** The rules whose settings can be edited and their parameters, as alerting-service's RuleCatalog lists them. */
const SETTINGS_PARAMETERS = {
  'daily-budget-pacing': ['tolerance', 'min-tolerance-factor', 'min-spend'],
  'lifetime-budget-pacing': ['tolerance', 'min-tolerance-factor', 'min-spend'],
  'roas-below-target': ['target', 'min-spend'],
  'cpa-above-target': ['target', 'min-spend'],
  'spend-anomaly': ['history-days', 'min-history', 'threshold', 'min-deviation', 'min-relative-deviation'],
};
const SETTINGS_SECTIONS = [['rules', 'rules'], ['overrides', 'overrides'], ['routes', 'routing tree'], ['receivers', 'receivers'],
  ['inhibit-rules', 'inhibit rules']];
const settingsAdmin = () => hasRole('ADMIN');

async function loadSettings(current) {
  const [doc, history] = await Promise.all([api(SETTINGS_PATH), api(`${SETTINGS_PATH}/history?limit=10`)]);
  if (!current()) return;
  showSettings(doc);
  showSettingsHistory(history);
}

function showSettings(doc) {
  state.settings = doc;
  state.settingsOverrides = JSON.parse(JSON.stringify(doc.overrides || []));
  const admin = settingsAdmin();
  $('settings-meta').textContent = doc.version === 0 ? 'Version 0: the application configuration'
    : `Version ${doc.version} · by ${doc['changed-by']} · ${dateTime(doc['changed-at'])}`;
  const rows = [];
  for (const [rule, parameters] of Object.entries(SETTINGS_PARAMETERS)) {
    parameters.forEach((parameter, i) => {
      const value = doc.rules && doc.rules[rule] ? doc.rules[rule][parameter] : undefined;
      const input = el('input', { type: 'number', step: 'any', inputmode: 'decimal', readOnly: !admin,
        value: value === undefined || value === null ? '' : String(value), 'aria-label': `${rule} ${parameter}`,
        placeholder: parameter === 'target' ? 'none' : undefined });
      input.dataset.field = `rules.${rule}.${parameter}`;
      rows.push(el('tr', {}, i === 0 ? el('th', { scope: 'row', rowSpan: parameters.length, text: rule }) : null,
        el('td', { text: parameter }), el('td', {}, input)));
    });
  }
  $('settings-rules').tBodies[0].replaceChildren(...rows);
  showOverrides();
  $('settings-routes').value = JSON.stringify(doc.routes, null, 2);
  $('settings-receivers').value = JSON.stringify(doc.receivers, null, 2);
  $('settings-inhibit').value = JSON.stringify(doc['inhibit-rules'], null, 2);
  for (const id of ['settings-routes', 'settings-receivers', 'settings-inhibit']) $(id).readOnly = !admin;
  $('override-parameter').replaceChildren(...Object.entries(SETTINGS_PARAMETERS).flatMap(([rule, parameters]) =>
    parameters.map((p) => el('option', { value: `${rule}.${p}`, text: `${rule} · ${p}` }))));
  $('settings-add').hidden = !admin;
  $('settings-save').hidden = !admin;
  settingsProblem(null);
}

function showOverrides() {
  const admin = settingsAdmin();
  $('settings-overrides').tBodies[0].replaceChildren(...state.settingsOverrides.map((o, i) => {
    const values = Object.entries(o.rules || {}).flatMap(([rule, parameters]) =>
      Object.entries(parameters).map(([p, v]) => `${rule} · ${p} = ${v}`));
    const row = el('tr', { 'data-field': `overrides[${i}]` },
      el('td', { text: o.level }), el('td', {}, el('code', { text: o.id })),
      el('td', { text: (o['advertiser-ids'] || []).join(', ') }),
      el('td', {}, ...values.map((v) => el('div', { text: v }))),
      el('td', {}, admin ? el('button', { type: 'button', className: 'small secondary', text: 'Remove',
        'aria-label': `Remove the override of ${o.level} ${o.id}`,
        onclick: () => { state.settingsOverrides.splice(i, 1); showOverrides(); } }) : null));
    return row;
  }));
  $('settings-overrides-empty').hidden = state.settingsOverrides.length > 0;
}

/** Adds the chosen setting to the override of that level and id (a new one if there is none) in the draft. */
function setOverride() {
  const level = $('override-level').value;
  const id = $('override-id').value.trim();
  const [rule, parameter] = $('override-parameter').value.split(/\.(.+)/);
  const value = $('override-value').value.trim();
  if (!id || value === '' || Number.isNaN(Number(value))) {
    settingsProblem({ detail: !id ? 'Give the id of the campaign, brand or advertiser.' : 'Give the value as a number.' },
      !id ? $('override-id') : $('override-value'));
    return;
  }
  let o = state.settingsOverrides.find((x) => x.level === level && x.id === id);
  if (!o) { o = { level, id, rules: {} }; state.settingsOverrides.push(o); }
  if (level === 'brand') {
    const advertisers = $('override-advertisers').value.split(',').map((a) => a.trim()).filter(Boolean);
    if (advertisers.length) o['advertiser-ids'] = advertisers;
  }
  o.rules[rule] = { ...(o.rules[rule] || {}), [parameter]: Number(value) };
  settingsProblem(null);
  showOverrides();
  toast(`${level} ${id}: ${rule} · ${parameter} = ${value} (not saved yet)`);
}

function parseJsonField(id, name) {
  try {
    return JSON.parse($(id).value);
  } catch (e) {
    throw new ApiError(`${name}: not valid JSON (${e.message})`, 400, { field: name, detail: `${name}: not valid JSON (${e.message})` });
  }
}

function settingsDraft() {
  const rules = {};
  for (const input of $('settings-rules').querySelectorAll('input')) {
    const [, rule, parameter] = input.dataset.field.split('.');
    rules[rule] = rules[rule] || {};
    const text = input.value.trim();
    if (text === '') continue;
    if (Number.isNaN(Number(text))) {
      throw new ApiError(`${input.dataset.field}: must be a number`, 400, { field: input.dataset.field, detail: `${input.dataset.field}: must be a number` });
    }
    rules[rule][parameter] = Number(text);
  }
  return { version: state.settings.version, rules, overrides: state.settingsOverrides,
    routes: parseJsonField('settings-routes', 'routes'), receivers: parseJsonField('settings-receivers', 'receivers'),
    'inhibit-rules': parseJsonField('settings-inhibit', 'inhibit-rules') };
}

/** The element a problem's field is in: a rule's input, an override's row, or the text area of its section. */
function settingsFieldElement(field) {
  if (!field) return null;
  const exact = $('settings-section').querySelector(`[data-field="${CSS.escape(field)}"]`);
  if (exact) return exact;
  const override = field.match(/^overrides\[(\d+)\]/);
  if (override) return $('settings-section').querySelector(`tr[data-field="overrides[${override[1]}]"]`);
  if (field.startsWith('routes')) return $('settings-routes');
  if (field.startsWith('receivers')) return $('settings-receivers');
  if (field.startsWith('inhibit-rules')) return $('settings-inhibit');
  return null;
}

/** Shows the problem (null clears it) above the form and marks the field it names. */
function settingsProblem(problem, target) {
  for (const marked of $('settings-section').querySelectorAll('[aria-invalid="true"]')) marked.removeAttribute('aria-invalid');
  const box = $('settings-problem');
  box.hidden = !problem;
  if (!problem) { box.replaceChildren(); return; }
  const field = target || settingsFieldElement(problem.field);
  box.replaceChildren(el('strong', { text: problem.field ? `Not saved: ${problem.field}` : 'Not saved' }),
    el('div', { text: problem.detail || problem.title || '' }));
  if (field) {
    field.setAttribute('aria-invalid', 'true');
    if (field.focus) field.focus();
  } else {
    box.focus();
  }
}

async function saveSettings(button) {
  button.disabled = true;
  try {
    const saved = await request('PUT', SETTINGS_PATH, settingsDraft());
    showSettings(saved);
    toast(`Saved as version ${saved.version}; it applies to the next evaluation and notification.`);
    panel($('settings-section'), async (current) => { showSettingsHistory(await api(`${SETTINGS_PATH}/history?limit=10`), current); });
  } catch (e) {
    settingsProblem(e.problem && (e.problem.field || e.status === 409 || e.status === 403) ? { ...e.problem,
      detail: e.status === 409 ? `${e.message} Use Reload to see the current version; your draft is kept until then.` : e.message }
      : { detail: e.message });
  } finally {
    button.disabled = false;
  }
}

function showSettingsHistory(history, current = () => true) {
  if (!current()) return;
  $('settings-history').replaceChildren(...history.map((h) => {
    const changed = SETTINGS_SECTIONS.filter(([key]) => JSON.stringify(h.before[key]) !== JSON.stringify(h.after[key]))
      .map(([, name]) => name);
    return el('li', {}, el('strong', { text: `Version ${h.version}` }),
      el('div', { className: 'sub', text: `by ${h['changed-by']} · ${dateTime(h['changed-at'])} · changed: ${changed.length ? changed.join(', ') : 'nothing'}` }));
  }));
  $('settings-history-empty').hidden = history.length > 0;
}

// ---------- audit log (ADMIN, AUDITOR) ----------

function auditQuery(after) {
  const q = new URLSearchParams({ order: 'desc', limit: String(AUDIT_PAGE) });
  const actor = $('audit-actor').value.trim();
  const type = $('audit-type').value.trim();
  if (actor) q.set('actor', actor);
  if (type) q.set('type', type);
  if (after) q.set('after', after);
  return `/api/audit/events?${q}`;
}

function auditRow(e) {
  const access = e.route || e.decision ? [e.route, e.decision ? e.decision.toLowerCase() : null].filter(Boolean).join(' · ') : '';
  const row = el('tr', { 'data-sequence': String(e.sequence) },
    el('td', { className: 'num', text: String(e.sequence) }),
    el('td', { text: dateTime(e.recordedAt) }),
    el('td', {}, el('div', { text: e.type || e.topic }), el('div', { className: 'sub', text: e.topic })),
    el('td', { text: e.actor || '' }),
    el('td', { text: access }),
    el('td', {}, el('code', { text: e.subject || e.key || '' })),
    el('td', {}, e.valid ? el('span', { className: 'badge ok', text: 'valid event' })
      : el('span', { className: 'badge bad', text: 'invalid event', title: e.invalidReason || '' }),
    el('div', { className: 'sub' }, el('code', { text: `hash ${String(e.hash || '').slice(0, 12)}…`, title: e.hash || '' }))));
  if (state.auditBroken !== undefined && state.auditBroken !== null && e.sequence === state.auditBroken) row.classList.add('broken');
  return row;
}

async function loadAudit(current, after) {
  const page = await api(auditQuery(after));
  if (!current()) return;
  const body = $('audit-table').tBodies[0];
  const rows = page.items.map(auditRow);
  if (after) body.append(...rows); else body.replaceChildren(...rows);
  state.auditCursor = page.nextCursor;
  $('audit-more').hidden = !page.nextCursor;
  $('audit-empty').hidden = body.rows.length > 0;
}

/** Re-walks the chain at audit-service and says whether it holds, or where it first breaks and why. */
async function verifyChain(button) {
  const out = $('audit-verification');
  button.disabled = true;
  out.hidden = false; out.className = 'verification'; out.textContent = 'Verifying the chain…';
  try {
    const v = await api('/api/audit/verify');
    const anchored = v.lastCheckpointSequence !== null && v.lastCheckpointSequence !== undefined
      ? ` ${count(v.checkpoints)} checkpoint(s) match, the last at entry #${v.lastCheckpointSequence}.` : ' No checkpoint yet.';
    const pruned = v.pruned ? ` ${count(v.pruned)} old access entries are pruned to their hashes.` : '';
    if (v.valid) {
      state.auditBroken = null;
      out.className = 'verification ok';
      out.textContent = `Chain intact: ${count(v.checked)} entries checked up to entry #${v.headSequence} (head hash ${v.headHash}).`
        + anchored + pruned;
    } else if (v.firstBrokenSequence === null || v.firstBrokenSequence === undefined) {
      state.auditBroken = null;
      out.className = 'verification bad';
      out.textContent = `Checkpoint #${v.brokenCheckpointSequence} does not hold: ${v.problem}.`;
    } else {
      state.auditBroken = v.firstBrokenSequence;
      out.className = 'verification bad';
      out.textContent = `Chain broken at entry #${v.firstBrokenSequence}: ${v.problem}. `
        + `${count(v.checked)} entries before it are intact; head is entry #${v.headSequence}.`;
    }
    for (const tr of $('audit-table').tBodies[0].rows) {
      tr.classList.toggle('broken', state.auditBroken !== null && tr.dataset.sequence === String(state.auditBroken));
    }
  } catch (e) {
    out.className = 'verification bad';
    out.textContent = `The chain could not be verified: ${e.message}`;
  } finally {
    button.disabled = false;
  }
}

// ---------- start ----------

function resizeChart() {
  if (!state.chart) return;
  const w = $('chart').clientWidth;
  state.chart.setSize({ width: Math.max(280, w), height: w < 600 ? 220 : 300 });
}

document.addEventListener('DOMContentLoaded', async () => {
  $('logout-csrf').value = xsrfToken();
  $('logout-form').addEventListener('submit', () => { $('logout-csrf').value = xsrfToken(); });
  $('banner-close').addEventListener('click', () => { $('banner-list').replaceChildren(); $('banner').hidden = true; });
  const preferred = restoreFromUrl();
  if ($('preset').value === 'custom' && !$('from').value) $('preset').value = '14';
  applyPreset();

  $('filters').addEventListener('submit', (e) => { e.preventDefault(); loadReports(true); });
  $('scope').addEventListener('change', () => { clearScopePanels(); onScopeChosen(); loadReports(); panel($('pacing'), loadPacing); panel($('reports-section'), loadReportList); });
  $('preset').addEventListener('change', () => { applyPreset(); loadReports(); });
  for (const id of ['from', 'to']) $(id).addEventListener('change', () => { $('preset').value = 'custom'; });
  $('grain').addEventListener('change', () => { saveToUrl(); panel($('trend'), loadTrend); });
  $('top-metric').addEventListener('change', () => panel($('top'), loadTop));
  $('top-order').addEventListener('change', () => panel($('top'), loadTop));
  $('organic-creator').addEventListener('change', () => panel($('organic'), loadOrganic));
  $('pacing-attention').addEventListener('change', () => panel($('pacing'), loadPacing));
  $('drill-close').addEventListener('click', () => { const back = state.drill; closeDrill(); if (back) $('top-title').scrollIntoView({ block: 'start' }); });
  $('report-client').addEventListener('change', () => { fillReportBrands(''); panel($('reports-section'), loadReportList); });
  $('report-brand').addEventListener('change', () => { fillReportBrands(); panel($('reports-section'), loadReportList); });
  $('report-generate').addEventListener('click', () => generateReport($('report-generate')));
  window.addEventListener('hashchange', () => {
    const scope = restoreFromUrl();
    if (scope && scope !== $('scope').value && [...$('scope').options].some((o) => o.value === scope)) { clearScopePanels(); $('scope').value = scope; }
    onScopeChosen();
    loadReports();
    panel($('pacing'), loadPacing);
    panel($('reports-section'), loadReportList);
  });
  if ('ResizeObserver' in window) new ResizeObserver(resizeChart).observe($('chart'));

  $('audit-filters').addEventListener('submit', (e) => { e.preventDefault(); panel($('audit-section'), (current) => loadAudit(current)); });
  $('audit-more').addEventListener('click', () => panel($('audit-section'), (current) => loadAudit(current, state.auditCursor)));
  $('audit-verify').addEventListener('click', () => verifyChain($('audit-verify')));
  $('history-form').addEventListener('submit', (e) => { e.preventDefault(); loadHistory(false); });
  $('history-more').addEventListener('click', () => loadHistory(true));
  $('alert-history').addEventListener('toggle', () => { if ($('alert-history').open) loadHistory(false); });
  $('settings-form').addEventListener('submit', (e) => { e.preventDefault(); saveSettings($('settings-save')); });
  $('settings-reload').addEventListener('click', () => panel($('settings-section'), loadSettings));
  $('override-add').addEventListener('click', setOverride);
  $('override-level').addEventListener('change', () => { $('override-advertisers-label').hidden = $('override-level').value !== 'brand'; });

  try { await loadSession(); } catch (e) { banner(e.message); }
  if (!$('audit-section').hidden) panel($('audit-section'), (current) => loadAudit(current));
  if (!$('settings-section').hidden) panel($('settings-section'), loadSettings);
  const customRange = $('preset').value === 'custom' ? [$('from').value, $('to').value] : null;
  await panel($('overview'), async () => { await loadScopes(preferred); });
  if (customRange && customRange[0]) { $('from').value = customRange[0]; $('to').value = customRange[1]; }
  loadReports();
  panel($('pacing'), loadPacing);
  panel($('reports-section'), loadReportList);
  panel($('alerting'), loadAlerting);
  panel($('connections-section'), loadConnections).then(() => scheduleConnections(state.syncing.size > 0 ? 3000 : 30000));
  setInterval(() => {
    if (document.hidden) return;
    panel($('alerting'), loadAlerting);
    if (state.advertisersError) refreshReportData();
  }, 15000);
  // expected-by-now moves with the clock
  setInterval(() => { if (!document.hidden) panel($('pacing'), loadPacing); }, 60000);
});
