'use strict';
// Campaign management: budget and status changes of campaigns, ad groups and ads, new campaigns, ad groups and ads,
// and Spark Ads (authorize a creator's post with the code they made in the TikTok app, then run it as an ad in an ad
// group), sent to TikTok as commands through POST /api/commands (ADMIN and OPERATOR only; the section stays hidden
// for everyone else). Every change is previewed first (a dry run: the exact TikTok request, nothing sent), then sent on
// confirmation under a new Idempotency-Key; the result (TikTok's answer, the entity before and after) is read from
// /api/ingest/commands/{id}.
(() => {
  const byId = (id) => document.getElementById(id);
  const WRITE_ROLES = ['ADMIN', 'OPERATOR'];
  const POLL_MS = 700;
  const POLL_LIMIT = 60;
  let pending = null;

  function xsrf() {
    const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : '';
  }

  async function call(method, path, body, key) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') headers['X-XSRF-TOKEN'] = xsrf();
    if (key) headers['Idempotency-Key'] = key;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 404) return null;
    if (!response.ok) {
      let detail = '';
      try { detail = (await response.json()).detail || ''; } catch (ignored) { /* not JSON */ }
      throw new Error(detail || `The request failed (HTTP ${response.status}).`);
    }
    return response.json();
  }

  const newKey = () => `ui-${crypto.randomUUID()}`;
  const show = (node, on) => { node.hidden = !on; };

  function error(message) {
    const p = byId('commands-section').querySelector('.panel-error');
    p.textContent = message || '';
    p.hidden = !message;
  }

  const value = (id) => byId(id).value.trim();
  const budgetMode = () => byId('command-budget-mode').value;
  /** TikTok's schedule time (UTC, yyyy-MM-dd HH:mm:ss) from the datetime-local input. */
  const scheduleTime = () => {
    const v = value('command-start');
    return v ? `${v.replace('T', ' ')}${v.length === 16 ? ':00' : ''}` : '';
  };

  /**
   * The form's actions: the inputs each one needs (required ones; the labels' data-for attributes show them) and the
   * command it sends.
   */
  const ACTIONS = {
    budget: { required: ['command-campaign', 'command-budget'],
      command: () => ({ kind: 'campaign.update', parameters: { campaignId: value('command-campaign'), budget: value('command-budget') } }) },
    status: { required: ['command-campaign'],
      command: () => ({ kind: 'campaign.status.update',
        parameters: { campaignIds: [value('command-campaign')], operationStatus: byId('command-status').value } }) },
    create: { required: ['command-name'], budget: true,
      command: () => ({ kind: 'campaign.create', parameters: withBudget({ campaignName: value('command-name'),
        objectiveType: byId('command-objective').value, budgetMode: budgetMode() }) }) },
    'adgroup-budget': { required: ['command-adgroup', 'command-budget'],
      command: () => ({ kind: 'adgroup.update', parameters: { adgroupId: value('command-adgroup'), budget: value('command-budget') } }) },
    'adgroup-status': { required: ['command-adgroup'],
      command: () => ({ kind: 'adgroup.status.update',
        parameters: { adgroupIds: [value('command-adgroup')], operationStatus: byId('command-status').value } }) },
    'adgroup-create': { required: ['command-campaign', 'command-name', 'command-start'], budget: true,
      command: () => ({ kind: 'adgroup.create', parameters: withBudget({ campaignId: value('command-campaign'),
        adgroupName: value('command-name'), budgetMode: budgetMode(), billingEvent: byId('command-billing').value,
        optimizationGoal: byId('command-goal').value, scheduleType: 'SCHEDULE_FROM_NOW', scheduleStartTime: scheduleTime() }) }) },
    'ad-status': { required: ['command-ad'],
      command: () => ({ kind: 'ad.status.update',
        parameters: { adIds: [value('command-ad')], operationStatus: byId('command-status').value } }) },
    'ad-create': { required: ['command-adgroup', 'command-name', 'command-ad-text', 'command-video'],
      command: () => ({ kind: 'ad.create', parameters: { adgroupId: value('command-adgroup'), adName: value('command-name'),
        adText: value('command-ad-text'), adFormat: 'SINGLE_VIDEO', videoId: value('command-video') } }) },
    'spark-authorize': { required: ['command-auth-code'],
      command: () => ({ kind: 'spark.authorize', parameters: { authCode: value('command-auth-code') } }) },
    'spark-ad': { required: ['command-adgroup', 'command-name', 'command-item', 'command-identity'],
      command: () => {
        const parameters = { adgroupId: value('command-adgroup'), adName: value('command-name'), adFormat: 'SINGLE_VIDEO',
          tiktokItemId: value('command-item'), identityType: 'AUTH_CODE', identityId: value('command-identity') };
        if (value('command-ad-text')) parameters.adText = value('command-ad-text');
        return { kind: 'ad.create', parameters };
      } },
  };

  function withBudget(parameters) {
    if (parameters.budgetMode !== 'BUDGET_MODE_INFINITE') parameters.budget = value('command-budget');
    return parameters;
  }

  function fieldsFor(kind) {
    const action = ACTIONS[kind];
    const form = byId('command-form');
    form.querySelectorAll('label[data-for]').forEach((label) => {
      const shown = label.dataset.for.split(' ').includes(kind);
      label.hidden = !shown;
      const input = label.querySelector('input');
      if (input) input.required = shown && action.required.includes(input.id);
    });
    if (action.budget) byId('command-budget').required = budgetMode() !== 'BUDGET_MODE_INFINITE';
  }

  /** The command the form describes, as POST /api/commands takes it. */
  function command() {
    const option = byId('command-connection').selectedOptions[0];
    if (!option) throw new Error('Connect a TikTok advertiser first.');
    return { connectionId: option.value, advertiserId: option.dataset.advertiser,
      ...ACTIONS[byId('command-kind').value].command() };
  }

  /** Submits a command and waits for its result (ingest-service executes it asynchronously). */
  async function run(body, dryRun) {
    const key = newKey();
    const accepted = await call('POST', `/api/commands${dryRun ? '?dryRun=true' : ''}`, body, key);
    for (let i = 0; i < POLL_LIMIT; i += 1) {
      const view = await call('GET', accepted.location);
      if (view && view.result && view.result.outcome !== 'IN_PROGRESS') return view;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(`The command ${key} was accepted but has no result yet; see the list below.`);
  }

  const OUTCOMES = { DRY_RUN: 'Preview', SUCCEEDED: 'Done', FAILED: 'TikTok refused it', REJECTED: 'Not sent',
    IN_PROGRESS: 'In progress' };

  function describe(view) {
    const p = view.parameters || {};
    switch (view.kind) {
      case 'campaign.update': return `Budget of campaign ${p.campaignId} → ${p.budget}`;
      case 'campaign.status.update': return `Status of campaign ${(p.campaignIds || []).join(', ')} → ${p.operationStatus}`;
      case 'campaign.create': return `New campaign “${p.campaignName}” (${p.budgetMode}${p.budget ? ` ${p.budget}` : ''})`;
      case 'adgroup.update': return `Budget of ad group ${p.adgroupId} → ${p.budget}`;
      case 'adgroup.status.update': return `Status of ad group ${(p.adgroupIds || []).join(', ')} → ${p.operationStatus}`;
      case 'adgroup.create': return `New ad group “${p.adgroupName}” in campaign ${p.campaignId}`;
      case 'ad.status.update': return `Status of ad ${(p.adIds || []).join(', ')} → ${p.operationStatus}`;
      case 'ad.create': return p.tiktokItemId ? `New Spark ad “${p.adName}” (post ${p.tiktokItemId}) in ad group ${p.adgroupId}`
        : `New ad “${p.adName}” in ad group ${p.adgroupId}`;
      case 'spark.authorize': return `Authorize a creator’s post (code ${p.authCode})`;
      default: return view.kind;
    }
  }

  function outcome(view) {
    const r = view.result;
    byId('command-summary').textContent = r.outcome === 'DRY_RUN'
      ? 'This request would be sent to TikTok (the access token goes in a header and is not shown):'
      : `${OUTCOMES[r.outcome] || r.outcome}${r.reason ? `: ${r.reason}` : ''}${r.tiktokRequestId ? ` (TikTok request ${r.tiktokRequestId})` : ''}`;
    byId('command-request').textContent = r.request
      ? `${r.request.method} ${r.request.url}\n${r.request.body ? JSON.stringify(JSON.parse(r.request.body), null, 2) : ''}` : '';
    const change = byId('command-change');
    change.replaceChildren();
    if (r.before || r.after) {
      const names = new Set([...Object.keys(r.before || {}), ...Object.keys(r.after || {})]);
      const dt = (text) => Object.assign(document.createElement('dt'), { textContent: text });
      const dd = (text) => Object.assign(document.createElement('dd'), { textContent: text === undefined ? '—' : String(text) });
      change.append(dt(''), dd('before'), dd('after'));
      names.forEach((n) => change.append(dt(n), dd((r.before || {})[n]), dd((r.after || {})[n])));
    }
    show(change, r.before || r.after);
    // an authorized post: offer to run it as a Spark ad
    const post = view.kind === 'spark.authorize' && r.outcome === 'SUCCEEDED' && r.after ? r.after : null;
    const sparkAd = byId('command-spark-ad');
    sparkAd.dataset.item = post ? post.itemId : '';
    sparkAd.dataset.identity = post ? post.identityId : '';
    show(sparkAd, post && post.itemId && post.identityId);
    show(byId('command-outcome'), true);
  }

  /** Switches the form to a Spark ad of the post just authorized; the ad group and name are the operator's. */
  function sparkAdFromPost() {
    const button = byId('command-spark-ad');
    byId('command-kind').value = 'spark-ad';
    byId('command-item').value = button.dataset.item;
    byId('command-identity').value = button.dataset.identity;
    fieldsFor('spark-ad');
    pending = null;
    byId('command-send').disabled = true;
    byId('command-adgroup').focus();
  }

  async function loadRecent() {
    const list = await call('GET', '/api/ingest/commands?limit=20');
    const rows = (list || []).map((v) => {
      const tr = document.createElement('tr');
      const td = (text, title) => Object.assign(document.createElement('td'), { textContent: text, title: title || '' });
      const r = v.result;
      tr.append(td(new Date(v.requestedAt).toLocaleString()), td(v.actor), td(`${v.dryRun ? '(preview) ' : ''}${describe(v)}`),
        td(r ? (OUTCOMES[r.outcome] || r.outcome) : v.state.toLowerCase(), r && r.reason ? r.reason : ''));
      return tr;
    });
    byId('commands').tBodies[0].replaceChildren(...rows);
    show(byId('commands-empty'), rows.length === 0);
  }

  async function loadConnections() {
    const connections = await call('GET', '/api/ingest/connections');
    byId('command-connection').replaceChildren(...(connections || [])
      // advertiser accounts only: creator connections carry a TikTok open id, not a numeric advertiser id
      .filter((c) => c.status === 'ACTIVE' && /^\d+$/.test(c.advertiserId))
      .map((c) => {
        const option = document.createElement('option');
        option.value = c.id;
        option.textContent = c.displayName ? `${c.displayName} (${c.advertiserId})` : c.advertiserId;
        option.dataset.advertiser = c.advertiserId;
        return option;
      }));
  }

  async function preview(event) {
    event.preventDefault();
    error('');
    const button = byId('command-preview');
    button.disabled = true;
    byId('command-send').disabled = true;
    try {
      const body = command();
      const view = await run(body, true);
      outcome(view);
      pending = view.result.outcome === 'DRY_RUN' ? body : null;
      byId('command-send').disabled = !pending;
      await loadRecent();
    } catch (e) {
      error(e.message);
    } finally {
      button.disabled = false;
    }
  }

  async function send() {
    if (!pending) return;
    error('');
    const button = byId('command-send');
    button.disabled = true;
    try {
      const view = await run(pending, false);
      pending = null;
      outcome(view);
      await loadRecent();
    } catch (e) {
      error(e.message);
      button.disabled = false;
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    let session;
    try { session = await call('GET', '/api/session'); } catch (e) { return; }
    const roles = (session && session.roles) || [];
    if (!roles.some((r) => WRITE_ROLES.includes(r)) || roles.includes('CLIENT')) return;
    byId('commands-section').hidden = false;
    fieldsFor(byId('command-kind').value);
    byId('command-kind').addEventListener('change', () => { fieldsFor(byId('command-kind').value); pending = null; byId('command-send').disabled = true; });
    byId('command-budget-mode').addEventListener('change', () => fieldsFor(byId('command-kind').value));
    byId('command-form').addEventListener('input', () => { pending = null; byId('command-send').disabled = true; });
    byId('command-form').addEventListener('submit', preview);
    byId('command-send').addEventListener('click', send);
    byId('command-spark-ad').addEventListener('click', sparkAdFromPost);
    byId('command-start').value = new Date().toISOString().slice(0, 19);
    try { await loadConnections(); await loadRecent(); } catch (e) { error(e.message); }
  });
})();
