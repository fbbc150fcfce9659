// Call-centre agent: find the caller as they type, register customer and unit, open a ticket with knowledge
// suggestions that follow the fault description, solve it on the phone, and follow the ticket live (polling).
import { get, post, query } from '../api.js';
import { fmtDate, fmtDateTime, inLanguage, label, language, t } from '../i18n.js';
import { action, card, clear, debounce, dl, field, form, h, notice, poll, showProblem, table } from '../ui.js';

const CATEGORIES = ['AIR_CONDITIONER', 'WASHING_MACHINE', 'REFRIGERATOR', 'TELEVISION', 'WATER_HEATER'];

export async function render(main, { config }) {
  const state = { customer: null, products: [] };
  const results = h('ul', { class: 'results', id: 'caller-results', 'aria-live': 'polite' });
  const search = field('caller-search', t('agent.search'), { kind: 'search', placeholder: t('agent.search.placeholder') });
  const customerPanel = h('div', { id: 'customer-panel' });
  const ticketPanel = h('div', { id: 'ticket-panel' });
  const callerCard = card(t('agent.caller'), search, results, customerPanel);
  const recent = h('div', { id: 'recent-tickets' });

  const find = debounce(async (text) => {
    text = text.trim();
    if (text.length < 2) { clear(results); return; }
    try {
      const byPhone = /^[+\d][\d\s-]*$/.test(text);
      const bySerial = !byPhone && /^[A-Za-z0-9][A-Za-z0-9._/-]*\d[A-Za-z0-9._/-]*$/.test(text);
      const lists = await Promise.all([
        get('/api/customers' + query(byPhone ? { phone: text } : bySerial ? { serial: text } : { name: text })),
        bySerial ? get('/api/customers' + query({ name: text })) : Promise.resolve([]),
      ]);
      const seen = new Map();
      lists.flat().forEach((c) => seen.set(c.id, c));
      clear(results, seen.size === 0 ? h('li', { class: 'muted' }, t('agent.search.none'))
        : [...seen.values()].map((c) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => choose(c) },
          c.name + ' · ' + c.phones.join(', ') + (c.addresses[0] ? ' · ' + c.addresses[0].line : '')))));
    } catch (error) {
      showProblem(callerCard, error);
    }
  }, 300);
  search.input.addEventListener('input', (event) => find(event.target.value));

  async function choose(customer) {
    state.customer = customer;
    state.products = await get('/api/customers/' + customer.id + '/products');
    clear(results);
    renderCustomer();
    renderTicketForm();
  }

  function renderCustomer() {
    const c = state.customer;
    clear(customerPanel, h('div', { class: 'chosen', id: 'chosen-customer', dataset: { customerId: c.id } },
      dl([[t('customer.name'), c.name], [t('customer.phones'), c.phones.join(', ')],
        [t('customer.tier'), label('tier', c.tier)], [t('customer.address'), c.addresses[0] ? c.addresses[0].line : '–']]),
      table([
        { title: t('product.serial'), render: (p) => p.serialNumber },
        { title: t('product.model'), render: (p) => p.model },
        { title: t('product.purchaseDate'), render: (p) => fmtDate(p.purchaseDate) },
      ], state.products, { caption: t('agent.units'), empty: t('agent.units.none') })),
    productForm());
  }

  function customerForm() {
    return form({ id: 'customer-form', submit: t('agent.newCustomer.submit'),
      action: async (v, key) => {
        const created = await post('/api/customers', {
          name: v.name, phones: v.phones ? [v.phones] : [], tier: v.tier, preferredLanguage: v.preferredLanguage,
          contactConsent: v.contactConsent,
          addresses: v.line ? [{ line: v.line, regionCode: v.regionCode, latitude: v.latitude, longitude: v.longitude }] : [],
        }, { idempotencyKey: key });
        await choose(created);
      } },
    field('name', t('customer.name'), { required: true }),
    field('phones', t('customer.phone'), { kind: 'tel', required: true }),
    field('tier', t('customer.tier'), { kind: 'select', value: 'B', options: ['A', 'B', 'C'].map((v) => [v, label('tier', v)]) }),
    field('preferredLanguage', t('customer.language'), { kind: 'select', value: 'zh-CN', options: [['zh-CN', '中文'], ['en', 'English']] }),
    field('line', t('customer.address'), { required: true }),
    field('regionCode', t('customer.region')),
    field('latitude', t('customer.latitude'), { kind: 'number', step: 'any' }),
    field('longitude', t('customer.longitude'), { kind: 'number', step: 'any' }),
    field('contactConsent', t('customer.consent'), { kind: 'checkbox', checked: true }));
  }

  function productForm() {
    return form({ id: 'product-form', title: t('agent.newUnit'), submit: t('agent.newUnit.submit'), secondary: true,
      action: async (v, key) => {
        await post('/api/customers/' + state.customer.id + '/products', {
          serialNumber: v.serialNumber, model: v.model, category: v.category, batchNumber: v.batchNumber,
          purchaseDate: v.purchaseDate, storeCode: v.storeCode, receiptNumber: v.receiptNumber,
          priceType: v.priceType, warrantyCardPresent: v.warrantyCardPresent,
        }, { idempotencyKey: key });
        await choose(state.customer);
      } },
    field('serialNumber', t('product.serial'), { required: true }),
    field('model', t('product.model'), { required: true }),
    field('category', t('product.category'), { kind: 'select', options: CATEGORIES.map((c) => [c, label('category', c)]) }),
    field('batchNumber', t('product.batch')),
    field('purchaseDate', t('product.purchaseDate'), { kind: 'date', required: true }),
    field('storeCode', t('product.store')),
    field('receiptNumber', t('product.receipt')),
    field('priceType', t('product.priceType'), { kind: 'select', options: ['REGULAR', 'SPECIAL_PRICE', 'GIFT'].map((p) => [p, label('price', p)]) }),
    field('warrantyCardPresent', t('product.warrantyCard'), { kind: 'checkbox', checked: true }));
  }

  function renderTicketForm() {
    const suggestions = h('ul', { class: 'suggestions', id: 'knowledge-suggestions', 'aria-live': 'polite' });
    const products = state.products.map((p) => [p.serialNumber, p.serialNumber + ' · ' + p.model]);
    const description = field('faultDescription', t('ticket.fault'), { kind: 'textarea', required: true });
    const productField = field('serialNumber', t('ticket.unit'), { kind: 'select', options: products, required: true });
    const suggest = debounce(async () => {
      const text = description.input.value.trim();
      if (text.length < 2) { clear(suggestions); return; }
      const product = state.products.find((p) => p.serialNumber === productField.input.value);
      try {
        const found = await get('/api/knowledge-articles/search' + query({ q: text, model: product && product.model, limit: 5 }));
        clear(suggestions, found.length === 0 ? h('li', { class: 'muted' }, t('knowledge.none'))
          : found.map((s) => h('li', { dataset: { articleId: s.article.id } }, h('strong', {}, s.article.title), ' ',
            h('span', { class: 'muted' }, s.article.fix || ''))));
      } catch (error) {
        showProblem(ticketCard, error);
      }
    }, 400);
    description.input.addEventListener('input', suggest);
    const ticketCard = card(t('agent.openTicket'), products.length === 0 ? h('p', { class: 'muted' }, t('agent.needUnit')) :
      form({ id: 'ticket-form', submit: t('agent.openTicket.submit'), action: async (v, key) => {
        const product = state.products.find((p) => p.serialNumber === v.serialNumber);
        const ticket = await post('/api/tickets', {
          customerId: state.customer.id, serialNumber: v.serialNumber, model: product ? product.model : undefined,
          ticketType: v.ticketType, channel: v.channel, priority: v.priority, faultCategory: v.faultCategory,
          faultDescription: v.faultDescription,
        }, { idempotencyKey: key });
        showTicket(ticket.id);
      } },
      productField,
      field('ticketType', t('ticket.type'), { kind: 'select', value: 'REPAIR',
        options: ['REPAIR', 'INSTALLATION', 'CONSULTATION', 'COMPLAINT'].map((v) => [v, label('ticketType', v)]) }),
      field('channel', t('ticket.channel'), { kind: 'select', value: 'PHONE', options: ['PHONE', 'STORE', 'WEB', 'EMAIL'].map((v) => [v, label('channel', v)]) }),
      field('priority', t('ticket.priority'), { kind: 'select', value: 'NORMAL', options: ['LOW', 'NORMAL', 'HIGH', 'URGENT'].map((v) => [v, label('priority', v)]) }),
      field('faultCategory', t('ticket.faultCategory'), { kind: 'select', value: 'COOLING',
        options: ['COOLING', 'HEATING', 'NOISE', 'LEAK', 'POWER', 'DISPLAY', 'OTHER'].map((v) => [v, label('fault', v)]) }),
      description,
      h('div', { class: 'hint' }, h('h4', {}, t('knowledge.title')), suggestions)));
    ticketCard.id = 'ticket-card';
    clear(ticketPanel, ticketCard);
  }

  function showTicket(id) {
    location.hash = '#/agent/' + id;
  }

  async function renderTicket(id) {
    const panel = h('div', { id: 'ticket-live' });
    const ticketCard = card(t('ticket.title'), panel);
    clear(ticketPanel, ticketCard);
    let suggestionsShown = false;
    const refresh = async () => {
      const ticket = await get('/api/tickets/' + id);
      let job = null;
      try { job = await get('/api/dispatch/jobs' + query({ ticketId: id })); } catch (e) { job = null; }
      panel.dataset.status = ticket.status;
      panel.dataset.ticketId = ticket.id;
      clear(panel,
        h('p', { class: 'status-line' }, h('span', { class: 'badge', id: 'ticket-status', dataset: { value: ticket.status } },
          label('status', ticket.status)), ' ', h('span', { class: 'muted' }, t('ticket.polling', { seconds: config.pollSeconds }))),
        dl([[t('ticket.id'), ticket.id], [t('ticket.unit'), ticket.serialNumber + ' · ' + ticket.model],
          [t('ticket.fault'), ticket.faultDescription],
          [t('ticket.entitlement'), h('span', { id: 'ticket-entitlement', dataset: { value: ticket.entitlement.status } },
            label('entitlement', ticket.entitlement.status) + (language() === 'en' ? ' — ' + ticket.entitlement.reason : ''))],
          [t('ticket.chargeBasis'), h('span', { id: 'ticket-charge-basis' }, !ticket.chargeBasis.required ? t('charge.free')
            : ticket.chargeBasis.communicated ? t('charge.communicated', { at: fmtDateTime(ticket.chargeBasis.communicatedAt) })
              : t('charge.required'))],
          [t('ticket.dispatch'), job ? label('jobStatus', job.status) + (job.technicianId ? ' · ' + job.technicianId.slice(0, 8) : '') : '–'],
          [t('ticket.escalated'), ticket.escalatedTo ? label('escalation', ticket.escalatedTo) : '–']]),
        ticket.chargeBasis.required && !ticket.chargeBasis.communicated
          ? action(t('charge.record'), async () => { await post('/api/tickets/' + id + '/charge-basis', { note: t('charge.note') }); await refresh(); }, ticketCard, { id: 'record-charge-basis' })
          : null,
        table([
          { title: t('sla.clock'), render: (c) => label('sla', c.clock) },
          { title: t('sla.due'), render: (c) => fmtDateTime(c.dueAt) },
          { title: t('sla.state'), render: (c) => h('span', { class: 'sla-' + String(c.state).toLowerCase() }, label('slaState', c.state)) },
          { title: t('sla.rule'), render: (c) => c.rule },
        ], ticket.sla || [], { caption: t('sla.title'), className: 'sla' }),
        table([
          { title: t('timeline.at'), render: (e) => fmtDateTime(e.at) },
          { title: t('timeline.what'), render: (e) => (!e.toStatus ? label('timelineKind', e.kind)
            : e.fromStatus ? label('status', e.fromStatus) + ' → ' + label('status', e.toStatus) : label('status', e.toStatus)) },
          { title: t('timeline.actor'), render: (e) => e.actor || '–' },
          { title: t('timeline.reason'), render: (e) => inLanguage(e.reason) },
        ], ticket.timeline || [], { caption: t('timeline.title'), className: 'timeline', rowAttributes: (e) => ({ dataset: { kind: e.kind } }) }));
      if (!suggestionsShown) {
        suggestionsShown = true;
        renderActions(ticket, ticketCard, refresh);
      }
    };
    const actions = h('div', { id: 'ticket-actions' });
    ticketCard.append(actions);
    poll(config.pollSeconds, () => refresh().catch((error) => showProblem(ticketCard, error)));

    function renderActions(ticket, container, again) {
      const solved = (ticket.suggestedArticles || []).map((s) => h('li', {}, h('strong', {}, s.article.title), ' ',
        h('span', { class: 'muted' }, s.article.fix || ''), ' ',
        action(t('knowledge.solved'), async () => {
          await post('/api/tickets/' + id + '/knowledge-outcomes', { articleId: s.article.id, solved: true });
          await again();
        }, container, { class: 'secondary', dataset: { articleId: s.article.id } })));
      clear(actions,
        h('h3', {}, t('knowledge.onPhone')), solved.length ? h('ul', { class: 'suggestions' }, solved) : h('p', { class: 'muted' }, t('knowledge.none')),
        form({ id: 'escalate-form', title: t('escalate.title'), submit: t('escalate.submit'), secondary: true,
          action: async (v) => { await post('/api/tickets/' + id + '/escalation', { target: v.target, reason: v.reason }); await again(); } },
        field('target', t('escalate.target'), { kind: 'select', options: ['SUPERVISOR', 'MANUFACTURER'].map((v) => [v, label('escalation', v)]) }),
        field('reason', t('escalate.reason'), { required: true })),
        form({ id: 'complaint-form', title: t('complaint.title'), submit: t('complaint.submit'), secondary: true, reset: true,
          action: async (v, key) => {
            const complaint = await post('/api/complaints', { customerId: ticket.customerId, ticketId: id, channel: 'PHONE',
              aboutType: v.aboutType, aboutRef: id, severity: v.severity, description: v.description }, { idempotencyKey: key });
            notice(actions, t('complaint.opened') + ' · ' + complaint.id, 'complaint-opened');
          } },
        field('aboutType', t('complaint.about'), { kind: 'select', options: ['TICKET', 'TECHNICIAN', 'PRODUCT', 'STAFF_ATTITUDE'].map((v) => [v, label('about', v)]) }),
        field('severity', t('complaint.severity'), { kind: 'select', value: 'MEDIUM', options: ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'].map((v) => [v, label('severity', v)]) }),
        field('description', t('complaint.description'), { kind: 'textarea', required: true })));
    }
  }

  async function renderRecent() {
    try {
      const page = await get('/api/tickets' + query({ pageSize: 10 }));
      clear(recent, table([
        { title: t('ticket.opened'), render: (x) => fmtDateTime(x.openedAt) },
        { title: t('ticket.unit'), render: (x) => h('a', { href: '#/agent/' + x.id }, x.serialNumber + ' · ' + x.model) },
        { title: t('ticket.status'), render: (x) => label('status', x.status) },
      ], page.items || []));
    } catch (error) {
      showProblem(recentCard, error);
    }
  }
  const recentCard = card(t('agent.recent'), recent);

  // A call that concerns no registered unit (a consultation, a question about prices or the policy) is logged too.
  const callNotice = h('div', { id: 'call-logged' });
  const callCard = card(t('call.title'), callNotice, form({ id: 'call-form', submit: t('call.submit'), reset: true,
    action: async (v, key) => {
      const call = await post('/api/calls', {
        customerId: state.customer ? state.customer.id : null,
        callerName: state.customer ? null : (v.callerName || null),
        callerPhone: state.customer ? null : (v.callerPhone || null),
        topic: v.topic, category: v.category || null, question: v.question, answer: v.answer || null, outcome: v.outcome,
        callbackDueAt: v.outcome === 'CALLBACK_PROMISED' && v.callbackDueAt ? new Date(v.callbackDueAt).toISOString() : null,
      }, { idempotencyKey: key });
      clear(callNotice, h('p', { class: 'notice', role: 'status', dataset: { callId: call.id } },
        t('call.done', { outcome: label('callOutcome', call.outcome) })));
    } },
  field('topic', t('call.topic'), { kind: 'select', options: ['PRODUCT_CONSULTATION', 'USAGE_QUESTION', 'MARKET_QUESTION',
    'POLICY_QUESTION', 'INSTALLATION_ENQUIRY', 'OTHER'].map((x) => [x, label('callTopic', x)]) }),
  field('category', t('product.category'), { kind: 'select', options: [['', '–'], ...CATEGORIES.map((c) => [c, label('category', c)])] }),
  field('question', t('call.question'), { kind: 'textarea', required: true }),
  field('answer', t('call.answer'), { kind: 'textarea' }),
  field('outcome', t('call.outcome'), { kind: 'select', options: ['ANSWERED', 'CALLBACK_PROMISED', 'REFERRED']
    .map((x) => [x, label('callOutcome', x)]) }),
  field('callbackDueAt', t('call.callbackDueAt'), { kind: 'datetime-local' }),
  field('callerName', t('call.callerName')),
  field('callerPhone', t('call.callerPhone'), { kind: 'tel' })));

  clear(main, h('div', { class: 'columns' }, h('div', {}, callerCard, card(t('agent.newCustomer'), customerForm()), callCard),
    h('div', {}, ticketPanel, recentCard)));
  const ticketId = location.hash.split('/')[2];
  if (ticketId) {
    await renderTicket(ticketId);
  }
  renderRecent();
}
