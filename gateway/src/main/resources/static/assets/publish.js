'use strict';
// Publish screen (TikTok Direct Post UX) and comment queue. Writes go through POST /api/commands with an
// Idempotency-Key (a retried click never posts twice); uploads go to POST /api/ingest/media first.

const $ = (id) => document.getElementById(id);
const state = { roles: [], user: '', creators: [], info: null, videoSeconds: null, commandId: null, polling: null };
const WRITE_ROLES = ['ADMIN', 'OPERATOR'];
const READ_ONLY_ROLES = ['CLIENT', 'ONCALL'];

class ApiError extends Error {}

function xsrfToken() {
  const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

async function request(method, path, { json, body, contentType, headers = {} } = {}) {
  const h = { Accept: 'application/json', ...headers };
  if (method !== 'GET') h['X-XSRF-TOKEN'] = xsrfToken();
  if (json !== undefined) { h['Content-Type'] = 'application/json'; body = JSON.stringify(json); }
  else if (contentType) h['Content-Type'] = contentType;
  let response;
  try {
    response = await fetch(path, { method, headers: h, credentials: 'same-origin', body });
  } catch (e) {
    throw new ApiError('The gateway cannot be reached. Check your network connection and try again.');
  }
  if (response.status === 401) { window.location.assign('/login'); throw new ApiError('Your session ended. Sign in again.'); }
  if (!response.ok) {
    let detail = '';
    try { const p = await response.json(); detail = p.detail || p.title || ''; } catch (ignored) { /* not JSON */ }
    throw new ApiError(detail || `The request failed (HTTP ${response.status}).`);
  }
  return response.status === 204 ? null : response.json();
}
const api = (path) => request('GET', path);

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

function toast(text) {
  const t = $('toast'); t.textContent = text; t.hidden = false;
  clearTimeout(toast.timer); toast.timer = setTimeout(() => { t.hidden = true; }, 5000);
}
function showError(id, e) { const p = $(id); p.textContent = e ? e.message : ''; p.hidden = !e; }
const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');
const canWrite = () => state.roles.some((r) => WRITE_ROLES.includes(r)) && !state.roles.some((r) => READ_ONLY_ROLES.includes(r));
const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);
const PRIVACY_LABELS = { PUBLIC_TO_EVERYONE: 'Everyone', MUTUAL_FOLLOW_FRIENDS: 'Friends (followers you follow back)',
  FOLLOWER_OF_CREATOR: 'Followers', SELF_ONLY: 'Only me' };

/** Sends a command; the same key for a retry of the same action. */
async function command(kind, creator, parameters, { dryRun = false, key = newKey() } = {}) {
  return request('POST', '/api/commands', { headers: { 'Idempotency-Key': key },
    json: { kind, connectionId: creator.id, advertiserId: creator.advertiserId, dryRun, parameters } });
}

/** The command's latest result as ingest-service recorded it (null while it is not there yet). */
async function commandResult(id) {
  try { const view = await api(`/api/ingest/commands/${encodeURIComponent(id)}`); return view.result || null; }
  catch (e) { return null; }
}

async function awaitResult(id, accept = (r) => r && r.outcome && r.outcome !== 'IN_PROGRESS') {
  for (let i = 0; i < 60; i++) {
    const r = await commandResult(id);
    if (accept(r)) return r;
    await new Promise((res) => setTimeout(res, 1000));
  }
  throw new ApiError('No answer from ingest-service yet; look at the command again later.');
}

// ---------- session and creators ----------

async function loadSession() {
  const session = await api('/api/session');
  state.user = session.user; state.roles = session.roles;
  $('who').textContent = `${session.user} · ${session.roles.join(', ').toLowerCase()}`;
  $('read-only').hidden = canWrite();
  $('publish').hidden = !canWrite();
  document.querySelectorAll('.write-col').forEach((c) => { c.hidden = !canWrite(); });
}

async function loadCreators() {
  const all = await api('/api/auth/connections');
  state.creators = all.filter((c) => c.kind === 'CREATOR' && c.status === 'ACTIVE');
  $('creator').replaceChildren(el('option', { value: '', text: 'Choose a connected creator account' }),
    ...state.creators.map((c) => el('option', { value: c.id, text: c.displayName || c.advertiserId })));
}

const creatorById = (id) => state.creators.find((c) => c.id === id);

async function chooseCreator() {
  state.info = null; resetPostForm();
  const creator = creatorById($('creator').value);
  $('creator-card').hidden = true;
  $('post-fields').disabled = true;
  if (!creator) return;
  try {
    // TikTok's Direct Post rules: ask creator_info every time the screen opens for an account
    const info = await api(`/api/ingest/creators/${encodeURIComponent(creator.id)}/creator-info`);
    state.info = info;
    $('creator-avatar').src = `/api/ingest/creators/${encodeURIComponent(creator.id)}/avatar`;
    $('creator-avatar').alt = `${info.nickname}'s avatar`;
    $('creator-nickname').textContent = info.nickname;
    $('creator-username').textContent = info.username ? `@${info.username}` : '';
    $('creator-limits').textContent = `Videos up to ${info.maxVideoPostDurationSec} seconds.`;
    $('creator-card').hidden = false;
    $('privacy').replaceChildren(el('option', { value: '', text: 'Choose who can view it', selected: true, disabled: true }),
      ...info.privacyLevelOptions.map((p) => el('option', { value: p, text: PRIVACY_LABELS[p] || p })));
    const interactions = [['allow-comment', info.commentDisabled, 'comments'], ['allow-duet', info.duetDisabled, 'duets'],
      ['allow-stitch', info.stitchDisabled, 'stitches']];
    const off = [];
    for (const [id, disabled, name] of interactions) {
      $(id).checked = false; $(id).disabled = disabled;
      if (disabled) off.push(name);
    }
    $('interaction-note').textContent = off.length ? `This account has turned off ${off.join(', ')} in TikTok.` : '';
    $('post-fields').disabled = false;
    showError('publish-error', null);
  } catch (e) {
    showError('publish-error', e);
  }
  updateButtons();
}

// ---------- the post form ----------

function resetPostForm() {
  state.videoSeconds = null; state.commandId = null;
  $('video-check').textContent = ''; $('dry-run').hidden = true;
  $('consent').checked = false;
}

function source() { return document.querySelector('input[name=source]:checked').value; }

function videoReady() {
  if (source() === 'PULL_FROM_URL') {
    try { const u = new URL($('video-url').value); return ['http:', 'https:'].includes(u.protocol); } catch (e) { return false; }
  }
  const file = $('video-file').files[0];
  return !!file && state.videoSeconds !== null && state.info && state.videoSeconds <= state.info.maxVideoPostDurationSec;
}

function updateButtons() {
  const ready = !!state.info && videoReady() && $('privacy').value !== '';
  $('preview').disabled = !ready;
  // the post button waits for the explicit consent
  $('post').disabled = !ready || !$('consent').checked;
}

function checkVideoFile() {
  state.videoSeconds = null;
  const file = $('video-file').files[0];
  $('video-check').textContent = '';
  if (!file) { updateButtons(); return; }
  const probe = document.createElement('video');
  probe.preload = 'metadata';
  probe.onloadedmetadata = () => {
    URL.revokeObjectURL(probe.src);
    state.videoSeconds = Math.ceil(probe.duration);
    const max = state.info ? state.info.maxVideoPostDurationSec : null;
    $('video-check').textContent = max !== null && state.videoSeconds > max
      ? `This video is ${state.videoSeconds} s long; this account may post at most ${max} s.`
      : `${state.videoSeconds} s, ${(file.size / 1048576).toFixed(1)} MB.`;
    updateButtons();
  };
  probe.onerror = () => { $('video-check').textContent = 'This file cannot be read as a video.'; updateButtons(); };
  probe.src = URL.createObjectURL(file);
}

function parameters(mediaId) {
  const at = $('scheduled-at').value;
  const p = { title: $('title').value, privacyLevel: $('privacy').value,
    disableComment: !$('allow-comment').checked, disableDuet: !$('allow-duet').checked, disableStitch: !$('allow-stitch').checked };
  if (source() === 'PULL_FROM_URL') p.videoUrl = $('video-url').value; else p.mediaId = mediaId;
  if (at) p.scheduledAt = new Date(at).toISOString();
  return p;
}

async function preview() {
  const creator = creatorById($('creator').value);
  try {
    const params = parameters('<the uploaded video>');
    if (source() === 'FILE_UPLOAD') params.mediaId = await uploadOnce();
    const key = newKey();
    await command('video.publish', creator, params, { dryRun: true, key });
    const result = await awaitResult(key);
    const req = result.request;
    $('dry-run').textContent = result.outcome === 'DRY_RUN' && req
      ? `${req.method} ${req.url}\n\n${req.body || ''}` : `Not possible: ${result.reason || result.outcome}`;
    $('dry-run').hidden = false;
  } catch (e) { showError('publish-error', e); }
}

/** Uploads the chosen file once per file (a retry or a preview reuses the stored one). */
async function uploadOnce() {
  const file = $('video-file').files[0];
  const fingerprint = `${file.name}|${file.size}|${file.lastModified}`;
  if (state.upload && state.upload.fingerprint === fingerprint) return state.upload.id;
  const stored = await request('POST', `/api/ingest/media?fileName=${encodeURIComponent(file.name)}`,
    { body: file, contentType: file.type || 'video/mp4' });
  state.upload = { fingerprint, id: stored.id };
  return stored.id;
}

async function post(event) {
  event.preventDefault();
  if ($('post').disabled) return;
  const creator = creatorById($('creator').value);
  $('post').disabled = true;
  showError('publish-error', null);
  try {
    const params = parameters(source() === 'FILE_UPLOAD' ? await uploadOnce() : null);
    // one key per post: clicking again after a network error repeats the same command, it does not post twice
    state.commandId = state.commandId || newKey();
    await command('video.publish', creator, params, { key: state.commandId });
    toast('Sent. TikTok may take a few minutes to process the video.');
    followPost(state.commandId);
  } catch (e) {
    showError('publish-error', e);
    updateButtons();
  }
}

function followPost(id) {
  clearInterval(state.polling);
  const box = $('post-status');
  box.hidden = false; box.className = 'post-status'; box.textContent = 'Waiting for ingest-service…';
  const tick = async () => {
    let post = null;
    try { post = await api(`/api/ingest/publishes/${encodeURIComponent(id)}`); } catch (e) { /* not there yet */ }
    if (!post) {
      const result = await commandResult(id);
      if (result && result.outcome && ['REJECTED', 'FAILED'].includes(result.outcome)) {
        box.className = 'post-status bad'; box.textContent = `Not posted: ${result.reason || result.outcome}`;
        clearInterval(state.polling);
      }
      return;
    }
    const labels = { SCHEDULED: `Scheduled for ${when(post.scheduledAt)}`, SENDING: 'Sending to TikTok…',
      PROCESSING: `TikTok is processing the video (${post.tiktokStatus || 'PROCESSING'})…`,
      PUBLISH_COMPLETE: 'Published on TikTok.', FAILED: `Failed: ${post.failReason || 'no reason given'}` };
    box.textContent = labels[post.state] || post.state;
    if (post.state === 'PUBLISH_COMPLETE') box.className = 'post-status ok';
    if (post.state === 'FAILED') box.className = 'post-status bad';
    if (post.state === 'PUBLISH_COMPLETE' || post.state === 'FAILED') {
      clearInterval(state.polling); state.commandId = null; loadPosts();
    }
  };
  tick();
  state.polling = setInterval(tick, 2000);
}

async function loadPosts() {
  const section = $('posts-section');
  try {
    const posts = await api('/api/ingest/publishes');
    const name = (id) => { const c = creatorById(id); return c ? (c.displayName || c.advertiserId) : id; };
    $('posts').tBodies[0].replaceChildren(...posts.map((p) => el('tr', {},
      el('td', { text: when(p.createdAt) }), el('td', { text: name(p.connectionId) }), el('td', { text: p.title }),
      el('td', { text: PRIVACY_LABELS[p.privacyLevel] || p.privacyLevel }), el('td', { text: when(p.scheduledAt) }),
      el('td', { text: p.state }), el('td', { text: p.failReason || '' }))));
    section.querySelector('.panel-error').hidden = true;
  } catch (e) {
    const p = section.querySelector('.panel-error'); p.textContent = e.message; p.hidden = false;
  }
}

// ---------- comment queue ----------

async function commentAction(button, kind, comment, parameters, done) {
  const creator = creatorById(comment.connectionId) || { id: comment.connectionId, advertiserId: comment.openId };
  button.disabled = true;
  try {
    const key = newKey();
    await command(kind, creator, { commentId: comment.commentId, ...parameters }, { key });
    const result = await awaitResult(key);
    if (result.outcome !== 'SUCCEEDED') throw new ApiError(result.reason || `The ${kind} command ended ${result.outcome.toLowerCase()}.`);
    toast(done);
    await loadComments();
  } catch (e) {
    showError('comments-error', e);
    button.disabled = false;
  }
}

function commentRow(c) {
  const account = creatorById(c.connectionId);
  const stateText = [c.handled ? `handled by ${c.handledBy}` : 'open', c.hidden ? 'hidden' : null,
    c.repliedAt ? 'replied' : null].filter(Boolean).join(', ');
  const actions = el('td', { className: 'write-col' });
  actions.hidden = !canWrite();
  if (canWrite()) {
    const box = el('div', { className: 'row-actions' });
    const assignee = el('input', { type: 'text', value: c.assignee || '', 'aria-label': 'Assignee', placeholder: 'assignee' });
    const assign = el('button', { type: 'button', className: 'small secondary', text: 'Assign' });
    assign.addEventListener('click', () => commentAction(assign, 'comment.assign', c,
      { assignee: assignee.value.trim() || null }, 'Assigned.'));
    const mine = el('button', { type: 'button', className: 'small secondary', text: 'Take' });
    mine.addEventListener('click', () => commentAction(mine, 'comment.assign', c, { assignee: state.user }, 'Assigned to you.'));
    const handled = el('button', { type: 'button', className: 'small secondary', text: c.handled ? 'Reopen' : 'Mark handled' });
    handled.addEventListener('click', () => commentAction(handled, 'comment.handled', c, { handled: !c.handled },
      c.handled ? 'Reopened.' : 'Marked handled.'));
    const replyText = el('input', { type: 'text', maxLength: 150, 'aria-label': 'Reply text', placeholder: 'reply' });
    const reply = el('button', { type: 'button', className: 'small', text: 'Reply' });
    reply.addEventListener('click', () => {
      if (!replyText.value.trim()) { showError('comments-error', new ApiError('Write the reply first.')); return; }
      commentAction(reply, 'comment.reply', c, { text: replyText.value.trim() }, 'Reply sent to TikTok.');
    });
    const hide = el('button', { type: 'button', className: 'small danger', text: c.hidden ? 'Unhide' : 'Hide' });
    hide.addEventListener('click', () => commentAction(hide, 'comment.hide', c, { hidden: !c.hidden },
      c.hidden ? 'Shown again on TikTok.' : 'Hidden on TikTok.'));
    box.append(assignee, assign, mine, handled, replyText, reply, hide);
    actions.append(box);
  }
  return el('tr', {}, el('td', { text: when(c.commentedAt || c.firstSeenAt) }),
    el('td', { text: account ? (account.displayName || account.advertiserId) : c.connectionId }),
    el('td', { text: c.videoId }), el('td', { text: c.username || '' }), el('td', { className: 'text', text: c.text }),
    el('td', { text: c.assignee || '' }), el('td', { text: stateText }), actions);
}

async function loadComments() {
  try {
    const list = await api(`/api/ingest/comments?status=${encodeURIComponent($('comment-status').value)}`);
    $('comments').tBodies[0].replaceChildren(...list.map(commentRow));
    $('comments-empty').hidden = list.length > 0;
    showError('comments-error', null);
  } catch (e) { showError('comments-error', e); }
}

// ---------- start ----------

async function start() {
  try { await loadSession(); } catch (e) { showError('publish-error', e); return; }
  try { await loadCreators(); } catch (e) { showError('publish-error', e); }
  $('creator').addEventListener('change', chooseCreator);
  document.querySelectorAll('input[name=source]').forEach((r) => r.addEventListener('change', () => {
    $('file-label').hidden = source() !== 'FILE_UPLOAD'; $('url-label').hidden = source() !== 'PULL_FROM_URL'; updateButtons();
  }));
  $('video-file').addEventListener('change', checkVideoFile);
  ['video-url', 'privacy', 'consent'].forEach((id) => $(id).addEventListener('input', updateButtons));
  $('consent').addEventListener('change', updateButtons);
  $('privacy').addEventListener('change', updateButtons);
  $('preview').addEventListener('click', preview);
  $('publish-form').addEventListener('submit', post);
  $('comment-status').addEventListener('change', loadComments);
  $('comments-refresh').addEventListener('click', loadComments);
  loadPosts();
  loadComments();
}

start();
