'use strict';
// The operator dashboard: plain JavaScript against the gateway's APIs, with the session cookie.

const $ = (id) => document.getElementById(id);

async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401) { window.location.assign('/login'); throw new Error('signed out'); }
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not JSON */ }
    throw new Error(`${path.split('?')[0]}: ${detail}`);
  }
  return response.json();
}

function cell(text, className) {
  const td = document.createElement('td');
  if (text === null || text === undefined) { td.textContent = 'missing'; td.className = 'missing ' + (className || ''); }
  else { td.textContent = text; if (className) td.className = className; }
  return td;
}

function row(cells) { const tr = document.createElement('tr'); cells.forEach((c) => tr.appendChild(c)); return tr; }

function money(amount, currency) {
  if (amount === null || amount === undefined) return null;
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(Number(amount));
}
function count(n) { return n === null || n === undefined ? null : new Intl.NumberFormat().format(Number(n)); }
function percent(r) { return r === null || r === undefined ? null : (Number(r) * 100).toFixed(2) + ' %'; }
function ratio(r) { return r === null || r === undefined ? null : Number(r).toFixed(2) + '×'; }

function showError(e) { const p = $('error'); p.textContent = e.message; p.hidden = false; }

async function loadConnections() {
  const body = $('connections').querySelector('tbody');
  const list = await api('/api/auth/connections');
  body.replaceChildren(...list.map((c) => row([cell(c.advertiserId), cell(c.displayName),
    cell(c.status, 'status-' + c.status), cell(c.grantedBy), cell(new Date(c.grantedAt).toLocaleString())])));
  $('connections-empty').hidden = list.length > 0;
}

async function loadAdvertisers() {
  const { advertisers } = await api('/api/reporting/advertisers');
  const select = $('advertiser');
  const chosen = select.value;
  select.replaceChildren(...advertisers.map((a) => {
    const o = document.createElement('option');
    o.value = a.advertiserId; o.textContent = `${a.name || a.advertiserId} (${a.currency}, ${a.timeZone})`;
    o.dataset.zone = a.timeZone;
    return o;
  }));
  if (chosen) select.value = chosen;
  return advertisers;
}

async function loadDaily() {
  const advertiserId = $('advertiser').value;
  if (!advertiserId) { $('daily-empty').hidden = false; return; }
  const query = `advertiserId=${encodeURIComponent(advertiserId)}&from=${$('from').value}&to=${$('to').value}`;
  $('export').href = `/api/reporting/campaigns/daily?${query}`;
  const report = await api(`/api/reporting/campaigns/daily?${query}`);
  $('zone').textContent = `Dates are local to the advertiser: ${report.timeZone}. Amounts in ${report.currency}.`;
  const body = $('daily').querySelector('tbody');
  body.replaceChildren(...report.rows.map((r) => row([cell(r.date), cell(r.campaignName || r.campaignId),
    cell(r.deleted ? 'DELETED' : r.campaignStatus), cell(money(r.spend, report.currency), 'num'), cell(count(r.impressions), 'num'),
    cell(count(r.clicks), 'num'), cell(percent(r.ctr), 'num'), cell(money(r.cpc, report.currency), 'num'),
    cell(count(r.conversions), 'num'), cell(ratio(r.roas), 'num')])));
  $('daily-empty').hidden = report.rows.length > 0;
  const t = report.totals || {};
  $('totals').replaceChildren(...[['Spend', money(t.spend, report.currency)], ['Impressions', count(t.impressions)],
    ['Clicks', count(t.clicks)], ['CTR', percent(t.ctr)], ['Conversions', count(t.conversions)], ['ROAS', ratio(t.roas)]]
    .map(([label, value]) => { const d = document.createElement('div'); d.className = 'kpi';
      const b = document.createElement('b'); b.textContent = value === null ? '–' : value;
      const s = document.createElement('span'); s.textContent = label; d.append(b, s); return d; }));
}

async function loadAlerts() {
  const alerts = await api('/api/alerting/alerts?state=FIRING');
  $('alerts').replaceChildren(...alerts.map((a) => {
    const li = document.createElement('li');
    const sev = document.createElement('span'); sev.className = 'sev-' + a.severity; sev.textContent = a.severity.toUpperCase();
    li.append(sev, ' ', a.summary);
    return li;
  }));
  $('alerts-empty').hidden = alerts.length > 0;
}

function defaultRange() {
  const to = new Date(Date.now() - 86400000);
  const from = new Date(to.getTime() - 13 * 86400000);
  $('to').value = to.toISOString().slice(0, 10);
  $('from').value = from.toISOString().slice(0, 10);
}

function csrfForLogout() {
  const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]+)/);
  if (m) $('logout-csrf').value = decodeURIComponent(m[1]);
}

async function loadSession() {
  const session = await api('/api/session');
  $('who').textContent = `Signed in as ${session.user} (${session.roles.join(', ')})`;
}

async function refresh() {
  for (const load of [loadSession, loadConnections, loadAdvertisers, loadAlerts]) {
    try { await load(); } catch (e) { showError(e); }
  }
  try { await loadDaily(); } catch (e) { showError(e); }
}

document.addEventListener('DOMContentLoaded', () => {
  defaultRange();
  csrfForLogout();
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); loadDaily().catch(showError); });
  $('advertiser').addEventListener('change', () => loadDaily().catch(showError));
  refresh();
  setInterval(() => { loadAlerts().catch(showError); }, 15000);
});
