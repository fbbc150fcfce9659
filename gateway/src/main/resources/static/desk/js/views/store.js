// Store counter: register a sale, evaluate a return (the deciding rule in plain words, with the window dates),
// open the RMA, then receipt, inspection (QC), fee and remedy steps; the store's return figures where allowed.
import { get, post, query } from '../api.js';
import { fmtDate, fmtDateTime, fmtMoney, fmtNumber, label, t } from '../i18n.js';
import { action, card, clear, dl, field, form, h, notice, showProblem, table } from '../ui.js';

const CATEGORIES = ['AIR_CONDITIONER', 'WASHING_MACHINE', 'REFRIGERATOR', 'TELEVISION', 'WATER_HEATER'];

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The decision in the user's words: the deciding rule, then every rule that fired or blocked, then the windows. */
export function decisionView(decision) {
  return h('div', { class: 'decision', id: 'policy-decision', dataset: { remedy: decision.remedy, rule: decision.decidingRule } },
    h('p', { class: 'verdict' }, h('strong', { id: 'decision-remedy' }, label('remedy', decision.remedy)), ' — ',
      h('span', { id: 'decision-explanation' }, t('rule.' + decision.decidingRule + '.plain', { days: decision.daysSincePurchase }))),
    dl([[t('returns.purchaseDate'), fmtDate(decision.purchaseDate)], [t('returns.requestDate'), fmtDate(decision.requestDate)],
      [t('returns.days'), h('span', { id: 'decision-days' }, String(decision.daysSincePurchase))]]),
    table([
      { title: t('returns.window'), render: (w) => label('rule', w.rule) },
      { title: t('returns.firstDay'), render: (w) => fmtDate(w.firstDay) },
      { title: t('returns.lastDay'), render: (w) => h('span', { dataset: { lastDay: w.lastDay } }, fmtDate(w.lastDay)) },
      { title: t('returns.contains'), render: (w) => (w.containsRequest ? t('common.yes') : t('common.no')) },
    ], decision.windows || [], { caption: t('returns.windows'), className: 'windows', rowAttributes: (w) => ({ dataset: { rule: w.rule } }) }),
    table([
      { title: t('returns.rule'), render: (r) => label('rule', r.rule) },
      { title: t('returns.verdict'), render: (r) => label('verdict', r.verdict) },
    ], decision.rules || [], { caption: t('returns.rules'), className: 'rules' }));
}

export async function render(main, { user }) {
  const isQc = user.roles.includes('QC') || user.roles.includes('SUPERVISOR') || user.roles.includes('ADMIN');
  const isStore = user.roles.includes('STORE') || user.roles.includes('SUPERVISOR') || user.roles.includes('ADMIN');
  const isSupervisor = user.roles.includes('SUPERVISOR') || user.roles.includes('ADMIN');
  const decisionSlot = h('div', { id: 'decision-slot' });
  const returnDetail = h('div', { id: 'return-detail' });
  const returnsList = h('div', { id: 'returns-list' });
  const statsSlot = h('div', { id: 'return-stats' });
  let lastFacts = null;

  const saleCard = card(t('store.sale'), form({ id: 'sale-form', submit: t('store.sale.submit'), reset: true, action: async (v, key) => {
    const customer = await post('/api/customers', { name: v.name, phones: [v.phones], tier: 'C', contactConsent: v.contactConsent,
      addresses: v.line ? [{ line: v.line }] : [] }, { idempotencyKey: key + '-customer' });
    await post('/api/customers/' + customer.id + '/products', { serialNumber: v.serialNumber, model: v.model, category: v.category,
      purchaseDate: v.purchaseDate, storeCode: user.store || v.storeCode, receiptNumber: v.receiptNumber, priceType: v.priceType,
      salespersonCode: v.salespersonCode || null, salePrice: v.salePrice ? Number(v.salePrice) : null,
      warrantyCardPresent: true, soldByUs: true }, { idempotencyKey: key + '-product' });
    clear(decisionSlot, h('p', { class: 'notice', role: 'status', id: 'sale-registered' }, t('store.sale.done', { serial: v.serialNumber })));
  } },
  field('name', t('customer.name'), { required: true }), field('phones', t('customer.phone'), { kind: 'tel', required: true }),
  field('line', t('customer.address')), field('contactConsent', t('customer.consent'), { kind: 'checkbox', checked: true }),
  field('serialNumber', t('product.serial'), { required: true }), field('model', t('product.model'), { required: true }),
  field('category', t('product.category'), { kind: 'select', options: CATEGORIES.map((c) => [c, label('category', c)]) }),
  field('purchaseDate', t('product.purchaseDate'), { kind: 'date', value: today(), required: true }),
  user.store ? null : field('storeCode', t('product.store')),
  field('receiptNumber', t('product.receipt')),
  field('priceType', t('product.priceType'), { kind: 'select', options: ['REGULAR', 'SPECIAL_PRICE', 'GIFT'].map((p) => [p, label('price', p)]) }),
  field('salespersonCode', t('product.salesperson')),
  field('salePrice', t('product.salePrice'), { kind: 'number', min: '0', step: '0.01' })));

  const evaluateCard = card(t('store.evaluate'), form({ id: 'evaluate-form', submit: t('store.evaluate.submit'), action: async (v) => {
    const facts = { serialNumber: v.serialNumber, requestDate: v.requestDate, storeCode: user.store || undefined,
      qualityFaultClaimed: v.qualityFaultClaimed, signsOfUse: v.signsOfUse, originalPackagingIntact: v.originalPackagingIntact,
      accessoriesComplete: v.accessoriesComplete, warrantyCardPresent: v.warrantyCardPresent, customerCausedDamage: false };
    const decision = await post('/api/returns/policy/evaluate', facts);
    lastFacts = { facts, reason: v.reason };
    clear(decisionSlot, decisionView(decision), isStore ? form({ id: 'rma-form', submit: t('store.rma.submit'), action: async (w, key) => {
      const created = await post('/api/returns', { facts: lastFacts.facts, reason: w.reason }, { idempotencyKey: key });
      await loadList();
      await showReturn(created.id);
    } }, field('reason', t('store.rma.reason'), { kind: 'textarea', value: v.reason, required: true })) : null);
  } },
  field('serialNumber', t('product.serial'), { required: true }),
  field('requestDate', t('returns.requestDate'), { kind: 'date', value: today() }),
  field('reason', t('store.reason'), { kind: 'textarea' }),
  field('qualityFaultClaimed', t('returns.faultClaimed'), { kind: 'checkbox', checked: true }),
  field('signsOfUse', t('returns.signsOfUse'), { kind: 'checkbox' }),
  field('originalPackagingIntact', t('returns.packaging'), { kind: 'checkbox', checked: true }),
  field('accessoriesComplete', t('returns.accessories'), { kind: 'checkbox', checked: true }),
  field('warrantyCardPresent', t('product.warrantyCard'), { kind: 'checkbox', checked: true })), decisionSlot);

  const listCard = card(t('store.returns'), returnsList);
  const detailCard = card(t('store.return'), returnDetail);
  const statsCard = card(t('store.stats'), statsSlot);
  clear(main, h('div', { class: 'columns' }, h('div', {}, evaluateCard, saleCard), h('div', {}, detailCard, listCard, statsCard)));

  async function loadList() {
    const returns = await get('/api/returns' + query({ limit: 20 }));
    clear(returnsList, table([
      { title: t('returns.created'), render: (r) => fmtDateTime(r.createdAt) },
      { title: t('product.serial'), render: (r) => h('button', { type: 'button', class: 'link', onclick: () => showReturn(r.id) }, r.request.serialNumber) },
      { title: t('returns.remedy'), render: (r) => label('remedy', r.remedy) },
      { title: t('returns.status'), render: (r) => label('returnStatus', r.status) },
    ], returns));
  }

  async function showReturn(id) {
    const r = await get('/api/returns/' + id);
    const again = () => showReturn(id).catch((error) => showProblem(detailCard, error));
    const steps = [];
    if (r.status === 'AUTHORIZED' && isStore) {
      steps.push(form({ id: 'receipt-form', title: t('returns.receipt'), submit: t('returns.receipt.submit'), action: async (v) => {
        await post('/api/returns/' + id + '/receipt', { condition: v.condition, receivedBy: user.name });
        await again();
      } }, field('condition', t('returns.condition'), { kind: 'textarea', required: true })));
    }
    if (r.status === 'RECEIVED' && isQc) {
      steps.push(form({ id: 'inspection-form', title: t('returns.inspection'), submit: t('returns.inspection.submit'), action: async (v) => {
        await post('/api/returns/' + id + '/inspection', {
          items: ['FUNCTION', 'APPEARANCE', 'PACKAGING', 'ACCESSORIES'].map((area) => ({ area, passed: v['passed' + area], notes: v['notes' + area] })),
          faultConfirmed: v.faultConfirmed, customerDamageFound: v.customerDamageFound, inspector: user.name });
        await again();
      } },
      ['FUNCTION', 'APPEARANCE', 'PACKAGING', 'ACCESSORIES'].map((area) => [
        field('passed' + area, t('inspection.passed', { area: label('area', area) }), { kind: 'checkbox', checked: true }),
        field('notes' + area, t('inspection.notes', { area: label('area', area) }))]),
      field('faultConfirmed', t('inspection.faultConfirmed'), { kind: 'checkbox' }),
      field('customerDamageFound', t('inspection.damage'), { kind: 'checkbox' })));
    }
    if (r.status === 'FEE_NEGOTIATION' && isStore) {
      steps.push(h('div', { class: 'actions', id: 'fee-actions' },
        action(t('returns.fee.accept'), async () => { await post('/api/returns/' + id + '/fee-settlement', { accepted: true }); await again(); }, detailCard, { class: 'primary', id: 'fee-accept' }),
        action(t('returns.fee.decline'), async () => { await post('/api/returns/' + id + '/fee-settlement', { accepted: false }); await again(); }, detailCard, { class: 'secondary', id: 'fee-decline' })));
    }
    if (r.status === 'INSPECTED' && isStore && r.remedy === 'EXCHANGE') {
      steps.push(form({ id: 'exchange-form', submit: t('returns.exchange'), action: async (v) => {
        await post('/api/returns/' + id + '/exchange-shipment', { replacementSerialNumber: v.replacementSerialNumber });
        await again();
      } }, field('replacementSerialNumber', t('returns.replacement'), { required: true })));
    }
    if (r.status === 'INSPECTED' && isQc && (r.remedy === 'FREE_REPAIR' || r.remedy === 'PAID_REPAIR')) {
      steps.push(action(t('returns.repair'), async () => { await post('/api/returns/' + id + '/repair', {}); await again(); }, detailCard, { class: 'primary' }));
    }
    if (r.status === 'IN_REPAIR' && isQc) {
      let depots = [];
      try { depots = await get('/api/depots'); } catch (error) { depots = []; }
      steps.push(form({ id: 'depot-form', title: t('returns.toDepot'), submit: t('returns.toDepot.submit'), action: async (v) => {
        const repair = await post('/api/depot-repairs', { returnId: id, depotCode: v.depotCode });
        await again();
        notice(detailCard, t('returns.toDepot.done', { depot: repair.depotCode }), 'depot-routed');
      } }, field('depotCode', t('returns.depot'), { kind: 'select', options: [['', t('returns.depot.auto')],
        ...depots.filter((d) => d.active !== false).map((d) => [d.code, d.name])] })),
      action(t('returns.repaired'), async () => { await post('/api/returns/' + id + '/repaired', {}); await again(); }, detailCard, { class: 'secondary', id: 'return-repaired' }));
    }
    if (r.status === 'IN_REPAIR' && isQc) {
      steps.push(form({ id: 'unrepairable-form', title: t('returns.unrepairable'), submit: t('returns.unrepairable.submit'), action: async (v) => {
        await post('/api/returns/' + id + '/unrepairable', { reason: v.reason });
        await again();
      } }, field('reason', t('returns.unrepairable.reason'), { kind: 'textarea', required: true })));
    }
    if (r.status === 'REPAIRED' && isQc && !(r.repairCheck && r.repairCheck.passed)) {
      steps.push(form({ id: 'repair-check-form', title: t('returns.repairCheck'), submit: t('returns.repairCheck.submit'), action: async (v) => {
        await post('/api/returns/' + id + '/repair-check', { passed: v.passed, notes: v.notes });
        await again();
      } }, field('passed', t('returns.repairCheck.passed'), { kind: 'checkbox', checked: true }),
      field('notes', t('returns.repairCheck.notes'), { kind: 'textarea' })));
    }
    if (r.status === 'REPAIRED' && isStore && r.repairCheck && r.repairCheck.passed) {
      steps.push(action(t('returns.ready'), async () => { await post('/api/returns/' + id + '/ready-for-pickup', {}); await again(); }, detailCard, { class: 'primary' }));
    }
    if (r.status === 'SETTLEMENT_PENDING' && isSupervisor) {
      steps.push(form({ id: 'settlement-form', title: t('returns.settlement'), submit: t('returns.settlement.submit'), action: async (v) => {
        await post('/api/returns/' + id + '/settlement', { outcome: v.outcome, note: v.note,
          compensation: v.outcome === 'RETURN_WITH_COMPENSATION' && v.compensation ? Number(v.compensation) : null });
        await again();
      } }, field('outcome', t('returns.settlement.outcome'), { kind: 'select', options: ['EXCHANGE', 'REFUND', 'RETURN_WITH_COMPENSATION']
        .map((o) => [o, label('settlement', o)]) }),
      field('compensation', t('returns.settlement.compensation'), { kind: 'number', min: '0.01', step: '0.01' }),
      field('note', t('returns.settlement.note'), { kind: 'textarea', required: true })));
    }
    if (r.status === 'SETTLED' && isStore && r.remedy === 'EXCHANGE') {
      steps.push(form({ id: 'settled-exchange-form', submit: t('returns.exchange'), action: async (v) => {
        await post('/api/returns/' + id + '/exchange-shipment', { replacementSerialNumber: v.replacementSerialNumber });
        await again();
      } }, field('replacementSerialNumber', t('returns.replacement'), { required: true })));
    }
    clear(returnDetail, h('div', { id: 'return-view', dataset: { returnId: r.id, status: r.status } },
      dl([[t('returns.status'), h('span', { id: 'return-status', dataset: { value: r.status } }, label('returnStatus', r.status))],
        [t('returns.remedy'), label('remedy', r.remedy)], [t('product.serial'), r.request.serialNumber],
        r.fee ? [t('returns.fee'), h('span', { id: 'return-fee', dataset: { amount: r.fee.amount } }, fmtMoney(r.fee.amount, r.fee.currency)
          + (r.fee.accepted === null || r.fee.accepted === undefined ? '' : ' · ' + (r.fee.accepted ? t('returns.fee.accepted') : t('returns.fee.declined'))))] : null,
        r.inspection ? [t('returns.inspection'), r.inspection.faultConfirmed ? t('inspection.fault') : t('inspection.noFault')] : null]),
      r.decision ? decisionView(r.decision) : null, steps));
  }

  async function loadStats() {
    const month = today().slice(0, 7);
    try {
      const stats = await get('/api/returns/stats' + query({ month, groupBy: 'STORE' }));
      clear(statsSlot, table([
        { title: t('stats.group'), render: (s) => s.key },
        { title: t('stats.sold'), className: 'n', render: (s) => fmtNumber(s.sold) },
        { title: t('stats.returned'), className: 'n', render: (s) => fmtNumber(s.returned) },
        { title: t('stats.rate'), className: 'n', render: (s) => (s.rate === null ? '–' : fmtNumber(Number(s.rate) * 100, 1) + '%') },
        { title: t('stats.level'), render: (s) => label('level', s.level) },
      ], stats.rows || [], { caption: t('stats.month', { month }), rowAttributes: (s) => ({ dataset: { key: s.key } }) }));
    } catch (error) {
      if (error.status === 403) {
        clear(statsSlot, h('p', { class: 'muted' }, t('stats.notForRole')));
      } else {
        showProblem(statsCard, error);
      }
    }
  }

  loadList().catch((error) => showProblem(listCard, error));
  loadStats();
}
