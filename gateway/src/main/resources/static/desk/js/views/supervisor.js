// Supervisor: jobs waiting, the ranked proposal with every score component, assign or override with a reason,
// the day plan with each technician's route drawn from coordinates (SVG), and the team's KPIs.
import { get, post, put, query } from '../api.js';
import { fmtDateTime, fmtNumber, fmtTime, label, language, t } from '../i18n.js';
import { action, card, clear, field, form, h, poll, showProblem, table } from '../ui.js';

const SVG = 'http://www.w3.org/2000/svg';
/** The ticket-cohort counts worth a supervisor's look (the others are the sums and denominators behind the KPIs). */
const COUNTS = ['tickets', 'complaints', 'csat_n', 'units_sold', 'returns'];
const COLOURS = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#ad1457', '#4e342e'];

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([k, v]) => element.setAttribute(k, v));
  children.forEach((c) => element.append(c));
  return element;
}

export async function render(main, { config }) {
  const queue = h('div', { id: 'job-queue' });
  const proposal = h('div', { id: 'proposal' });
  const plan = h('div', { id: 'day-plan' });
  const kpis = h('div', { id: 'team-kpis' });
  const queueCard = card(t('supervisor.queue'), h('p', { class: 'muted' }, t('supervisor.polling', { seconds: config.pollSeconds })), queue);
  const proposalCard = card(t('supervisor.proposal'), proposal);
  const planCard = card(t('supervisor.plan'), plan);
  const kpiCard = card(t('supervisor.kpis'), kpis);
  clear(main, h('div', { class: 'columns' }, h('div', {}, queueCard, proposalCard), h('div', {}, planCard, kpiCard)));
  let technicians = [];
  try { technicians = await get('/api/technicians'); } catch (error) { showProblem(planCard, error); }
  const technicianName = (id) => (technicians.find((x) => x.id === id) || {}).name || String(id).slice(0, 8);

  async function loadQueue() {
    const [waiting, held] = await Promise.all([get('/api/dispatch/jobs' + query({ status: 'AWAITING_ASSIGNMENT' })),
      get('/api/dispatch/jobs' + query({ status: 'HELD' }))]);
    clear(queue, table([
      { title: t('job.queued'), render: (j) => fmtDateTime(j.queuedAt) },
      { title: t('job.unit'), render: (j) => j.model + ' · ' + (j.faultDescription || j.faultCategory || '') },
      { title: t('job.priority'), render: (j) => label('priority', j.ticketPriority) },
      { title: t('job.status'), render: (j) => label('jobStatus', j.status) + (j.holdReason && language() === 'en' ? ' — ' + j.holdReason : '') },
      { title: t('job.due'), render: (j) => fmtDateTime(j.onSiteDueAt) },
      { title: '', render: (j) => h('button', { type: 'button', class: 'secondary', dataset: { jobId: j.id, ticketId: j.ticketId },
        onclick: () => showProposal(j) }, t('supervisor.propose')) },
    ], [...waiting, ...held], { empty: t('supervisor.queue.empty'), rowAttributes: (j) => ({ dataset: { ticketId: j.ticketId } }) }));
  }

  async function showProposal(job) {
    try {
      const p = await get('/api/dispatch/jobs/' + job.id + '/proposal');
      const options = [...p.ranked.map((c) => [c.technicianId, c.name + ' · ' + fmtNumber(c.score, 3)]),
        ...p.excluded.map((x) => [x.technicianId, x.name + ' · ' + t('proposal.excluded', { rule: x.rule })])];
      clear(proposal,
        h('p', {}, job.model + ' · ' + (job.faultDescription || ''), ' ', p.autoAssignable ? '' : h('span', { class: 'muted' }, t('proposal.manual'))),
        table([
          { title: '#', render: (c) => String(p.ranked.indexOf(c) + 1) },
          { title: t('proposal.technician'), render: (c) => c.name },
          { title: t('proposal.score'), className: 'n', render: (c) => fmtNumber(c.score, 3) },
          { title: t('proposal.components'), render: (c) => h('ul', { class: 'components' }, c.components.map((k) =>
            h('li', { dataset: { component: k.name } }, label('component', k.name) + ': ' + fmtNumber(k.value, 2) + ' × '
              + fmtNumber(k.weight, 2) + (k.why && language() === 'en' ? ' — ' + k.why : '')))) },
        ], p.ranked, { caption: t('proposal.ranked'), className: 'ranked', empty: t('proposal.none') }),
        p.excluded.length ? table([
          { title: t('proposal.technician'), render: (x) => x.name },
          { title: t('proposal.rule'), render: (x) => x.rule },
          { title: t('proposal.why'), render: (x) => (language() === 'en' ? x.why : label('rule', x.rule)) },
        ], p.excluded, { caption: t('proposal.excludedTitle') }) : null,
        form({ id: 'assign-form', submit: t('assign.submit'), action: async (v) => {
          await put('/api/dispatch/jobs/' + job.id + '/assignment', { technicianId: v.technicianId, reason: v.reason,
            overrideRules: v.overrideRules });
          clear(proposal, h('p', { class: 'notice', role: 'status', id: 'assigned' }, t('assign.done', { name: technicianName(v.technicianId) })));
          await loadQueue();
        } },
        field('technicianId', t('assign.technician'), { kind: 'select', options }),
        field('reason', t('assign.reason'), { required: true }),
        field('overrideRules', t('assign.override'), { kind: 'checkbox' })));
    } catch (error) {
      showProblem(proposalCard, error);
    }
  }

  async function loadPlan(fresh) {
    let view;
    try {
      view = fresh ? await post('/api/dispatch/day-plan', undefined) : await get('/api/dispatch/day-plan');
    } catch (error) {
      if (error.status === 404) {
        clear(plan, h('p', { class: 'muted' }, t('plan.none')), planButtons());
        return;
      }
      throw error;
    }
    const jobIds = [...new Set(view.routes.flatMap((r) => r.stops.map((s) => s.visitId)))];
    const jobs = new Map((await Promise.all(jobIds.map((id) => get('/api/dispatch/jobs/' + id).catch(() => null))))
      .filter(Boolean).map((j) => [j.id, j]));
    clear(plan, h('p', { class: 'muted' }, t('plan.summary', { at: fmtDateTime(view.solvedAt), score: view.score,
      stale: view.stale ? t('plan.stale') : '' })), routeMap(view, jobs), table([
      { title: t('proposal.technician'), render: (r) => h('span', {}, h('span', { class: 'swatch', style: 'background:' + colour(view, r) }), ' ', technicianName(r.technicianId)) },
      { title: t('plan.stops'), render: (r) => r.stops.map((s) => fmtTime(s.arrival) + ' ' + ((jobs.get(s.visitId) || {}).model || '')).join(' → ') || '–' },
      { title: t('plan.km'), className: 'n', render: (r) => fmtNumber(r.roadKm, 1) },
      { title: t('plan.late'), className: 'n', render: (r) => String(r.lateMinutes) },
    ], view.routes), planButtons());
  }

  function colour(view, route) {
    return COLOURS[view.routes.indexOf(route) % COLOURS.length];
  }

  /** Each route from the technician's home base through its stops, projected onto the box of all points. */
  function routeMap(view, jobs) {
    const lines = view.routes.map((r) => {
      const home = (technicians.find((x) => x.id === r.technicianId) || {}).homeBase;
      const points = [home, ...r.stops.map((s) => (jobs.get(s.visitId) || {}).location)].filter(Boolean);
      return { route: r, points };
    }).filter((l) => l.points.length > 0);
    const all = lines.flatMap((l) => l.points);
    if (all.length === 0) {
      return h('p', { class: 'muted' }, t('plan.noCoordinates'));
    }
    const width = 560; const height = 320; const pad = 24;
    const lats = all.map((p) => p.latitude); const lons = all.map((p) => p.longitude);
    const minLat = Math.min(...lats); const maxLat = Math.max(...lats); const minLon = Math.min(...lons); const maxLon = Math.max(...lons);
    const spanLon = Math.max(maxLon - minLon, 0.01); const spanLat = Math.max(maxLat - minLat, 0.01);
    const x = (p) => pad + ((p.longitude - minLon) / spanLon) * (width - 2 * pad);
    const y = (p) => height - pad - ((p.latitude - minLat) / spanLat) * (height - 2 * pad);
    const map = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'route-map', id: 'route-map',
      'aria-label': t('plan.mapLabel', { routes: lines.length }) });
    map.append(svg('rect', { x: 0, y: 0, width, height, fill: '#f7f9fb', stroke: '#d0d7de' }));
    lines.forEach((l) => {
      const stroke = colour(view, l.route);
      map.append(svg('polyline', { points: l.points.map((p) => x(p) + ',' + y(p)).join(' '), fill: 'none', stroke,
        'stroke-width': 2.5, 'data-technician': l.route.technicianId }));
      l.points.forEach((p, i) => {
        const mark = svg('circle', { cx: x(p), cy: y(p), r: i === 0 ? 6 : 4.5, fill: i === 0 ? '#fff' : stroke, stroke, 'stroke-width': 2 });
        mark.append(svg('title', {}, document.createTextNode(i === 0 ? t('plan.home') : t('plan.stop', { n: i }))));
        map.append(mark);
        if (i > 0) { map.append(svg('text', { x: x(p) + 7, y: y(p) - 6, 'font-size': 11, fill: '#333' }, document.createTextNode(String(i)))); }
      });
    });
    return map;
  }

  function planButtons() {
    return h('div', { class: 'actions' },
      action(t('plan.solve'), () => loadPlan(true), planCard, { class: 'secondary', id: 'solve-plan' }),
      action(t('plan.apply'), async () => { await post('/api/dispatch/day-plan/application', undefined); await loadPlan(false); await loadQueue(); },
        planCard, { class: 'secondary', id: 'apply-plan' }));
  }

  async function loadKpis() {
    // This month so far, as one row (the API would give a row per day otherwise).
    // No dates: the service answers "this month so far" on its own calendar (the KPI zone), not the browser's.
    const result = await get('/api/kpis' + query({ granularity: 'month' }));
    const row = result.rows[0] || { counts: {}, kpis: {} };
    clear(kpis, h('p', { class: 'muted' }, t('kpi.period', { from: result.from, to: result.to })),
      h('div', { class: 'figures' }, Object.entries(row.kpis).map(([name, value]) => h('div', { class: 'figure', dataset: { kpi: name, value: value === null ? '' : String(value) } },
        h('span', { class: 'value' }, value === null ? '–' : fmtNumber(value, value > 1.5 ? 1 : 3)), h('span', { class: 'name' }, label('kpi', name))))),
      table([{ title: t('kpi.measure'), render: ([k]) => label('count', k) }, { title: t('kpi.count'), className: 'n', render: ([, v]) => fmtNumber(v) }],
        COUNTS.filter((k) => row.counts[k] !== undefined).map((k) => [k, row.counts[k]]), { caption: t('kpi.counts'), className: 'counts' }));
  }

  poll(config.pollSeconds, () => loadQueue().catch((error) => showProblem(queueCard, error)));
  loadPlan(false).catch((error) => showProblem(planCard, error));
  loadKpis().catch((error) => showProblem(kpiCard, error));
}
