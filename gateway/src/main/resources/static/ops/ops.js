// Operations console: read-only figures from each service's /api/ops/<service>, through the gateway, with the
// OPS bearer token the user pasted (kept in sessionStorage only: closing the tab signs out).
(function () {
  'use strict';
  const TOKEN_KEY = 'aftersales.ops.token';
  const SOURCES = ['ticket-service', 'dispatch-service', 'returns-service', 'feedback-service'];
  const charts = {};
  let messages = {};
  let language = 'en';
  let timer = null;

  const $ = (id) => document.getElementById(id);

  function t(key, ...args) {
    const text = messages[key] !== undefined ? messages[key] : key;
    return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] !== undefined ? args[i] : m));
  }

  function applyLabels() {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : language;
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  }

  function token() {
    const hash = new URLSearchParams(location.hash.slice(1));
    if (hash.get('token')) {
      sessionStorage.setItem(TOKEN_KEY, hash.get('token'));
      history.replaceState(null, '', location.pathname + location.search);
    }
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function showLogin(errorKey) {
    $('console').hidden = true;
    $('logout').hidden = true;
    $('login').hidden = false;
    showError(errorKey);
    if (timer) { clearInterval(timer); timer = null; }
  }

  function showError(key) {
    $('error').hidden = !key;
    $('error').textContent = key ? t(key) : '';
  }

  function formatNumber(value, digits) {
    if (value === null || value === undefined || Number.isNaN(value)) { return '–'; }
    return new Intl.NumberFormat(language, { minimumFractionDigits: digits || 0, maximumFractionDigits: digits || 0 }).format(value);
  }

  function setFigure(id, value, text) {
    const el = $(id);
    el.dataset.value = value === null || value === undefined ? '' : String(value);
    el.textContent = text !== undefined ? text : formatNumber(value);
  }

  function fillTable(id, entries, labelPrefix) {
    const table = $(id);
    table.replaceChildren(...entries.map(([key, value]) => {
      const row = document.createElement('tr');
      row.dataset.key = key;
      const label = document.createElement('td');
      label.textContent = labelPrefix ? t(labelPrefix + key) : key;
      const cell = document.createElement('td');
      cell.className = 'n';
      cell.dataset.value = String(value);
      cell.textContent = formatNumber(value);
      row.append(label, cell);
      return row;
    }));
  }

  function chart(id, type, labels, datasets, options) {
    if (!window.Chart) { return; }
    if (charts[id]) {
      charts[id].data.labels = labels;
      charts[id].data.datasets = datasets;
      charts[id].update('none');
      return;
    }
    charts[id] = new window.Chart($(id), {
      type, data: { labels, datasets },
      options: Object.assign({ responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false } } }, options || {})
    });
  }

  async function load(source, bearer) {
    const response = await fetch('/api/ops/' + source, { headers: { Authorization: 'Bearer ' + bearer, Accept: 'application/json' } });
    if (!response.ok) {
      const error = new Error(source + ' ' + response.status);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  function renderTickets(s) {
    setFigure('backlog-total', s.backlog);
    const statuses = Object.entries(s.backlogByStatus);
    fillTable('backlog-table', statuses.filter(([, n]) => n > 0), 'status.');
    chart('backlog-chart', 'bar', statuses.map(([k]) => t('status.' + k)),
      [{ data: statuses.map(([, n]) => n), backgroundColor: '#2563eb' }], { indexAxis: 'y' });
    $('sla-title').textContent = t('sla.title', s.breachWindowHours);
    setFigure('sla-breaches', s.breachesInWindowTotal);
    fillTable('sla-table', Object.entries(s.breachesInWindow), 'clock.');
    const runningBreached = Object.values(s.runningClocksAtRisk).reduce((sum, states) => sum + states.breached, 0);
    setFigure('sla-running-breached', runningBreached);
  }

  function renderDispatch(s) {
    setFigure('technicians-on-duty', s.techniciansOnDuty);
    const pct = s.utilisation === null ? null : s.utilisation;
    setFigure('technicians-utilisation', pct, pct === null ? '–'
      : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(pct));
    $('utilisation-bar').style.width = pct === null ? '0' : Math.min(100, pct * 100) + '%';
    $('utilisation-bar').classList.toggle('high', pct !== null && pct > 0.9);
    $('technicians-capacity').textContent = t('technicians.capacity', s.assignedOpenJobs, s.capacityPerDay);
    fillTable('technicians-table', Object.entries(s.techniciansByStatus), 'technician.');
  }

  function renderReturns(s) {
    setFigure('returns-awaiting', s.awaitingCompany);
    setFigure('returns-late-depot', s.lateDepotRepairs);
    const buckets = Object.entries(s.ageing);
    fillTable('returns-table', buckets, 'ageing.');
    chart('returns-chart', 'bar', buckets.map(([k]) => t('ageing.' + k)),
      [{ data: buckets.map(([, n]) => n), backgroundColor: ['#16a34a', '#f59e0b', '#c2410c'] }]);
  }

  function renderFeedback(s) {
    setFigure('csat-value', s.csat, s.csat === null ? t('csat.noAnswers') : formatNumber(s.csat, 2));
    $('csat-label').textContent = t('csat.value', s.scoreWindowDays);
    setFigure('nps-value', s.nps === null ? null : Math.round(s.nps));
    chart('csat-chart', 'line', s.csatTrend.map((d) => d.day.slice(5)),
      [{ data: s.csatTrend.map((d) => d.averageCsat), borderColor: '#2563eb', backgroundColor: 'rgba(37,99,235,.15)',
         fill: true, spanGaps: true, tension: 0.3 }],
      { scales: { y: { min: 1, max: 5 } } });
    setFigure('quality-open', s.openQualityAlerts);
    const table = $('quality-table');
    if (s.latestQualityAlerts.length === 0) {
      const row = document.createElement('tr');
      const cell = document.createElement('td');
      cell.textContent = t('quality.none');
      cell.className = 'muted';
      row.append(cell);
      table.replaceChildren(row);
    } else {
      const head = document.createElement('tr');
      ['quality.model', 'quality.batch', 'quality.region', 'quality.fault', 'quality.raisedAt'].forEach((k) => {
        const th = document.createElement('th'); th.textContent = t(k); head.append(th);
      });
      table.replaceChildren(head, ...s.latestQualityAlerts.map((a) => {
        const row = document.createElement('tr');
        [a.model, a.batchNumber, a.regionCode, a.faultCode, new Date(a.raisedAt).toLocaleString(language)].forEach((v) => {
          const td = document.createElement('td'); td.textContent = v; row.append(td);
        });
        return row;
      }));
    }
    fillTable('complaints-table', Object.entries(s.openComplaintsBySeverity), 'severity.');
  }

  const RENDERERS = { 'ticket-service': renderTickets, 'dispatch-service': renderDispatch,
    'returns-service': renderReturns, 'feedback-service': renderFeedback };

  async function refresh() {
    const bearer = token();
    if (!bearer) { showLogin(); return; }
    const results = await Promise.allSettled(SOURCES.map((source) => load(source, bearer)));
    const statuses = results.filter((r) => r.status === 'rejected').map((r) => r.reason.status);
    if (statuses.includes(401)) { sessionStorage.removeItem(TOKEN_KEY); showLogin('error.unauthenticated'); return; }
    if (statuses.includes(403)) { showLogin('error.forbidden'); return; }
    $('login').hidden = true;
    $('console').hidden = false;
    $('logout').hidden = false;
    results.forEach((r, i) => { if (r.status === 'fulfilled') { RENDERERS[SOURCES[i]](r.value); } });
    showError(statuses.length ? 'error.unavailable' : null);
    $('refreshed-at').textContent = new Date().toLocaleTimeString(language);
    document.body.dataset.loaded = String(Date.now());
  }

  async function start() {
    const bootstrap = await (await fetch('/ops/bootstrap', { headers: { Accept: 'application/json' } })).json();
    messages = bootstrap.messages;
    language = bootstrap.language;
    applyLabels();
    $('refresh-every').textContent = t('refreshEvery', bootstrap.refreshSeconds);
    $('login-form').addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, $('token-input').value.trim().replace(/^Bearer\s+/i, ''));
      showError(null);
      begin(bootstrap.refreshSeconds);
    });
    $('logout').addEventListener('click', () => { sessionStorage.removeItem(TOKEN_KEY); showLogin(); });
    begin(bootstrap.refreshSeconds);
  }

  function begin(seconds) {
    refresh();
    if (!timer) { timer = setInterval(refresh, seconds * 1000); }
  }

  document.addEventListener('DOMContentLoaded', start);
})();
