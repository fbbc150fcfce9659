// Partner depot portal: the depot's own repair orders only (the API narrows them by the token's depot), their
// promised date, and status reports.
import { get, post, query } from '../api.js';
import { fmtDate, fmtDateTime, inLanguage, label, t } from '../i18n.js';
import { card, clear, field, form, h, showProblem, table } from '../ui.js';

const NEXT = { ROUTED: ['RECEIVED'], RECEIVED: ['DIAGNOSED'], DIAGNOSED: ['WAITING_PARTS', 'REPAIRED'],
  WAITING_PARTS: ['REPAIRED'], REPAIRED: ['SHIPPED_BACK'], SHIPPED_BACK: [] };

export async function render(main, { user }) {
  const list = h('div', { id: 'depot-repairs' });
  const detail = h('div', { id: 'depot-repair' });
  const listCard = card(user.depot ? t('depot.titleOf', { depot: user.depot }) : t('depot.title'), list);
  const detailCard = card(t('depot.repair'), detail);
  clear(main, h('div', { class: 'columns' }, listCard, detailCard));

  async function load() {
    const repairs = await get('/api/depot-repairs' + query({ limit: 50 }));
    clear(list, table([
      { title: t('depot.unit'), render: (r) => h('button', { type: 'button', class: 'link', onclick: () => show(r.id) }, r.serialNumber + ' · ' + r.model) },
      { title: t('depot.depot'), render: (r) => r.depotCode },
      { title: t('depot.status'), render: (r) => label('depotStatus', r.status) },
      { title: t('depot.promised'), render: (r) => h('span', { class: r.promiseAtRiskRaised ? 'at-risk' : '' }, fmtDate(r.promisedBy)) },
    ], repairs, { rowAttributes: (r) => ({ dataset: { repairId: r.id, depot: r.depotCode, status: r.status } }), empty: t('depot.none') }));
    return repairs;
  }

  async function show(id) {
    const r = await get('/api/depot-repairs/' + id);
    const next = NEXT[r.status] || [];
    clear(detail, h('div', { id: 'repair-view', dataset: { repairId: r.id, status: r.status } },
      h('p', {}, h('strong', {}, r.serialNumber + ' · ' + r.model), ' — ', r.faultDescription || ''),
      h('p', {}, t('depot.status') + ': ', h('span', { id: 'repair-status', dataset: { value: r.status } }, label('depotStatus', r.status)),
        ' · ' + t('depot.promised') + ': ', h('span', { id: 'repair-promised', dataset: { value: r.promisedBy || '' } }, fmtDate(r.promisedBy))),
      table([
        { title: t('timeline.at'), render: (s) => fmtDateTime(s.at) },
        { title: t('depot.status'), render: (s) => label('depotStatus', s.status) },
        { title: t('timeline.reason'), render: (s) => inLanguage(s.note) },
        { title: t('timeline.actor'), render: (s) => s.reportedBy || '' },
      ], r.history || [], { caption: t('depot.history') }),
      next.length ? form({ id: 'depot-status-form', submit: t('depot.report'), action: async (v) => {
        await post('/api/depot-repairs/' + id + '/status', { status: v.status, note: v.note });
        await load();
        await show(id);
      } },
      field('status', t('depot.next'), { kind: 'select', options: next.map((s) => [s, label('depotStatus', s)]) }),
      field('note', t('depot.note'), { kind: 'textarea' })) : null));
  }

  try {
    await load();
  } catch (error) {
    showProblem(listCard, error);
  }
}
