/*
 * Lead Router: the ops dashboard on Cockpit's start page.
 *
 * Charts of how lead routing is doing, each with a title and a line saying what it shows:
 * routing health (leads waiting to be routed, leads routed per minute over the last hour, open
 * incidents), each rep's share of their rotation pool against the share the strategy promised,
 * the response SLA, conversion by routing strategy and the sales forecast. Every figure comes from
 * Lead Router's /api as the user signed in to Cockpit, which answers only what that user may read:
 * sales ops and admins see every team, a manager her own teams and reps; a part the user may not
 * read says so instead of its chart. It reads GET /api/stats/routing, /api/intake/backlog,
 * /api/analytics/fairness, /api/analytics/response, /api/analytics/conversion?by=strategy and
 * /api/analytics/forecast.
 *
 * Charts are drawn by uPlot (MIT, vendor/), bundled with the plugin: nothing is loaded from
 * elsewhere. Labels on a chart are drawn on its canvas; everything else is built from text nodes.
 * Each chart's holder carries what it drew (data-points, data-labels, data-values) for tests.
 */
import { addStylesheet, element, leadRouter, replace } from '../../../tasklist/scripts/lead-router/client.js';

const BLUE = '#1f77b4';
const GREEN = '#2b7a2b';
const GREY = '#555';
const HEIGHT = 230;

export default {
  id: 'lead-router-ops-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  async render(node, { api }) {
    addStylesheet('lead-router-ops-dashboard-css', new URL('./plugin.css', import.meta.url).href);
    addStylesheet('lead-router-uplot-css', new URL('./vendor/uPlot.min.css', import.meta.url).href);
    const call = leadRouter(api);
    const scope = element('p', { class: 'lr-ops-scope' }, 'Loading…');
    const grid = element('div', { class: 'lr-ops-grid' });
    const dashboard = element('div', { id: 'lead-router-ops-dashboard', class: 'lr-ops' },
      element('h2', { class: 'lr-ops-title' }, 'Lead routing'), scope, grid);
    node.appendChild(dashboard);
    let uPlot;
    try {
      uPlot = await loadUPlot();
    } catch (failed) {
      replace(scope, element('span', { class: 'lr-error' }, 'The charting library could not be loaded.'));
      return;
    }
    const cards = [
      card(grid, 'routing', 'Routing health',
        'Leads waiting to be routed, leads routed to a rep in each minute of the last hour, open incidents.'),
      card(grid, 'fairness', 'Leads per rep against the promised share',
        'Each rep\'s share of a rotation pool\'s leads (bars) and the share its strategy promised (dots), last 30 days.'),
      card(grid, 'sla', 'Response SLA met',
        'Responses by the deadline among those decided, with the 95 % interval (grey dots), last 30 days.'),
      card(grid, 'conversion', 'Conversion by routing strategy',
        'Converted among leads with a final outcome, with the 95 % interval (grey dots), last 30 days.'),
      card(grid, 'forecast', 'Sales forecast',
        'Expected conversions in the next 4, 8 and 12 weeks per team, from open leads and expected arrivals, with the 95 % interval.')
    ];
    const [routing, fairness, sla, conversion, forecast] = cards;
    await Promise.all([
      showRouting(routing, call, uPlot, scope, dashboard),
      showFairness(fairness, call, uPlot),
      showSla(sla, call, uPlot),
      showConversion(conversion, call, uPlot),
      showForecast(forecast, call, uPlot)
    ]);
    dashboard.setAttribute('data-loaded', 'true');
  }
};

/** uPlot's minified build, loaded once as a classic script (it defines the global uPlot). */
function loadUPlot() {
  if (window.uPlot) {
    return Promise.resolve(window.uPlot);
  }
  if (!loadUPlot.loading) {
    loadUPlot.loading = new Promise((resolve, reject) => {
      const script = element('script', { src: new URL('./vendor/uPlot.iife.min.js', import.meta.url).href });
      script.addEventListener('load', () => (window.uPlot ? resolve(window.uPlot) : reject(new Error('no uPlot'))));
      script.addEventListener('error', () => reject(new Error('uPlot not loaded')));
      document.head.appendChild(script);
    });
  }
  return loadUPlot.loading;
}

/** A card of the grid: title, one line of explanation, and a body the chart goes into. */
function card(grid, id, title, explanation) {
  const body = element('div', { class: 'lr-ops-body' }, element('p', { class: 'lr-muted' }, 'Loading…'));
  grid.appendChild(element('div', { class: 'lr-ops-card', 'data-card': id },
    element('h3', {}, title), element('p', { class: 'lr-ops-explanation' }, explanation), body));
  return body;
}

/** Runs a card's loading; a failure (403 for a part the user may not read) is said in the card. */
async function filled(body, load) {
  try {
    await load();
  } catch (failed) {
    replace(body, element('p', { class: failed.status === 403 ? 'lr-muted lr-ops-forbidden' : 'lr-error' },
      failed.status === 403 ? 'Not for your role: ' + failed.message : 'Could not be loaded: ' + failed.message));
  }
}

function showRouting(body, call, uPlot, scope, dashboard) {
  return filled(body, async () => {
    const [health, backlog] = await Promise.all([call('GET', '/api/stats/routing'),
      call('GET', '/api/intake/backlog').catch(() => null)]);
    dashboard.setAttribute('data-teams', health.teams.join(','));
    replace(scope, document.createTextNode('Figures of ' + (health.teams.length ? 'team'
      + (health.teams.length > 1 ? 's ' : ' ') + health.teams.join(', ') : 'no team') + ', as of '
      + new Date(health.at).toLocaleString() + '. Analytics cover the last 30 days.'));
    const holder = chartHolder('routed-per-minute');
    replace(body,
      element('div', { class: 'lr-ops-tiles' },
        tile('lr-ops-backlog', backlog ? String(backlog.unrouted) : '–',
          backlog ? 'waiting to be routed (limit ' + backlog.maxBacklog.toLocaleString() + ')' : 'waiting to be routed'),
        tile('lr-ops-routed', String(health.routedInWindow), 'routed in the last ' + health.windowMinutes + ' minutes'),
        tile('lr-ops-incidents' + (health.openIncidents ? ' lr-ops-alarm' : ''), String(health.openIncidents),
          'open incidents')),
      holder);
    const minutes = health.routedPerMinute;
    timeBars(uPlot, holder, minutes.map(m => Date.parse(m.minute) / 1000), minutes.map(m => m.routed),
      'leads routed per minute');
  });
}

function tile(cls, value, label) {
  return element('div', { class: 'lr-ops-tile ' + cls },
    element('span', { class: 'value' }, value), element('span', { class: 'stats-label' }, label));
}

function showFairness(body, call, uPlot) {
  return filled(body, async () => {
    const answer = await call('GET', '/api/analytics/fairness');
    const pools = answer.pools.filter(pool => pool.reps.length);
    if (!pools.length) {
      replace(body, element('p', { class: 'lr-muted' }, 'No lead went through a rotation pool in these days.'));
      return;
    }
    const holder = chartHolder('fairness');
    const picker = element('select', { class: 'form-control input-sm lr-ops-pool', 'aria-label': 'Rotation pool' },
      ...pools.map((pool, i) => element('option', { value: String(i) },
        pool.team + ' · ' + words(pool.strategy) + ' · ' + pool.leads + ' leads')));
    const note = element('p', { class: 'lr-ops-note' });
    const draw = () => {
      const pool = pools[Number(picker.value)];
      replace(holder);
      bars(uPlot, holder, {
        labels: pool.reps.map(r => r.rep),
        bars: { label: 'share', values: pool.reps.map(r => 100 * r.share), color: BLUE },
        points: [{ label: 'promised', values: pool.reps.map(r => 100 * r.promisedShare), color: GREY }],
        unit: ' %'
      });
      const worst = pool.largestDeviation;
      replace(note, worst ? document.createTextNode('Furthest from the promise: ' + worst.rep + ', '
        + signedPoints(worst.deviation) + (pool.exact ? '' : ' (large team: shares are estimated)') + '.') : null);
    };
    picker.addEventListener('change', draw);
    replace(body, pools.length > 1 ? picker : null, holder, note);
    draw();
  });
}

function showSla(body, call, uPlot) {
  return filled(body, async () => {
    const byTeam = await call('GET', '/api/analytics/response?by=team');
    // every team: one bar a team; a manager: one bar for each of her reps
    const answer = byTeam.scope === 'every team' ? byTeam : await call('GET', '/api/analytics/response?by=rep');
    const groups = answer.groups.filter(g => g.slaMet + g.slaBreached > 0);
    if (!groups.length) {
      replace(body, element('p', { class: 'lr-muted' }, 'No response deadline was met or missed in these days.'));
      return;
    }
    const holder = chartHolder('sla');
    replace(body, holder, element('p', { class: 'lr-ops-note' }, 'By ' + answer.by + ', ' + answer.scope + '; '
      + groups.reduce((n, g) => n + g.slaMet, 0) + ' met, ' + groups.reduce((n, g) => n + g.slaBreached, 0)
      + ' missed.'));
    bars(uPlot, holder, {
      labels: groups.map(g => g.rep || g.team),
      bars: { label: 'met', values: groups.map(g => 100 * g.slaMetInterval.rate), color: GREEN },
      points: intervalPoints(groups.map(g => g.slaMetInterval)),
      unit: ' %',
      max: 100
    });
  });
}

function showConversion(body, call, uPlot) {
  return filled(body, async () => {
    const answer = await call('GET', '/api/analytics/conversion?by=strategy');
    const groups = answer.groups.filter(g => g.routed > 0);
    if (!groups.length) {
      replace(body, element('p', { class: 'lr-muted' }, 'No lead was routed in these days.'));
      return;
    }
    const holder = chartHolder('conversion');
    replace(body, holder, element('p', { class: 'lr-ops-note' }, groups.map(g => words(g.key) + ': '
      + g.converted + ' of ' + g.decided + ' decided (' + g.routed + ' routed)').join('; ') + '; ' + answer.scope + '.'));
    bars(uPlot, holder, {
      labels: groups.map(g => words(g.key)),
      bars: { label: 'converted', values: groups.map(g => (g.decided ? 100 * g.conversion.rate : null)), color: BLUE },
      points: intervalPoints(groups.map(g => (g.decided ? g.conversion : null))),
      unit: ' %',
      max: 100
    });
  });
}

function showForecast(body, call, uPlot) {
  return filled(body, async () => {
    const answer = await call('GET', '/api/analytics/forecast');
    const rows = answer.teams.flatMap(team => team.horizons.map(h => ({ team: team.team, horizon: h })));
    if (!rows.length) {
      replace(body, element('p', { class: 'lr-muted' }, 'No team to forecast.'));
      return;
    }
    const holder = chartHolder('forecast');
    replace(body, holder, element('p', { class: 'lr-ops-note' }, answer.teams.map(team => {
      const last = team.horizons[team.horizons.length - 1];
      return team.team + ': ' + team.openLeads + ' open leads, about ' + Math.round(team.weeklyArrivals)
        + ' arriving a week, revenue in ' + last.weeks + ' weeks ≈ ' + Math.round(last.revenue.expected).toLocaleString();
    }).join('; ') + '.'));
    bars(uPlot, holder, {
      labels: rows.map(r => r.team + ' · ' + r.horizon.weeks + ' wk'),
      bars: { label: 'expected conversions', values: rows.map(r => r.horizon.conversions.expected), color: GREEN },
      points: [
        { label: '95 % low', values: rows.map(r => r.horizon.conversions.low), color: GREY, interval: true },
        { label: '95 % high', values: rows.map(r => r.horizon.conversions.high), color: GREY, interval: true }
      ]
    });
  });
}

function intervalPoints(rates) {
  return [
    { label: '95 % low', values: rates.map(r => (r ? 100 * r.low : null)), color: GREY, interval: true },
    { label: '95 % high', values: rates.map(r => (r ? 100 * r.high : null)), color: GREY, interval: true }
  ];
}

function chartHolder(id) {
  return element('div', { class: 'lr-ops-chart', 'data-chart': id });
}

/** ROUND_ROBIN → "round robin", weighted-round-robin → "weighted round robin". */
function words(key) {
  return key === null || key === undefined ? 'none' : String(key).toLowerCase().replace(/[_-]+/g, ' ');
}

function signedPoints(share) {
  const points = Math.round(1000 * share) / 10;
  return (points > 0 ? '+' : '') + points + ' points';
}

/** Records on the holder what a chart drew: the test's handle on "drawn with data". */
function describeChart(holder, labels, values) {
  holder.setAttribute('data-points', String(values.length));
  holder.setAttribute('data-labels', labels.join('|'));
  holder.setAttribute('data-values', values.map(v => (v === null ? '' : String(Math.round(v * 100) / 100))).join(','));
}

function widthOf(holder) {
  return Math.max(260, Math.floor(holder.getBoundingClientRect().width) || 480);
}

/** Keeps a chart as wide as its card. */
function followWidth(chart, holder) {
  window.addEventListener('resize', () => chart.setSize({ width: widthOf(holder), height: HEIGHT }));
}

/** Bars over categories (labels), with dots at other values of each category (a promise, an interval's ends). */
function bars(uPlot, holder, { labels, bars: main, points = [], unit = '', max }) {
  const n = labels.length;
  const xs = labels.map((label, i) => i);
  const rotate = n > 5 || labels.some(label => label.length > 14);
  const top = values => Math.max(1, ...values.filter(v => v !== null && v !== undefined));
  const chart = new uPlot({
    width: widthOf(holder),
    height: HEIGHT + (rotate ? 50 : 0),
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: () => [-0.5, n - 0.5] },
      y: { range: () => [0, max || 1.15 * top([...main.values, ...points.flatMap(p => p.values)])] }
    },
    axes: [
      {
        splits: () => xs,
        values: (u, splits) => splits.map(i => (Number.isInteger(i) && labels[i] !== undefined ? labels[i] : '')),
        rotate: rotate ? -35 : 0,
        size: rotate ? 95 : 40,
        grid: { show: false },
        font: '12px "Helvetica Neue", Helvetica, Arial, sans-serif'
      },
      {
        values: (u, ticks) => ticks.map(v => (Math.round(v * 10) / 10) + unit),
        size: 60,
        font: '12px "Helvetica Neue", Helvetica, Arial, sans-serif'
      }
    ],
    series: [
      {},
      { label: main.label, stroke: main.color, fill: main.color + 'b0', width: 0,
        paths: uPlot.paths.bars({ size: [0.6, 70] }), points: { show: false } },
      ...points.map(p => ({
        label: p.label,
        stroke: p.color,
        width: 0,
        paths: () => null,
        points: p.interval
          ? { show: true, size: 6, width: 1, stroke: p.color, fill: p.color, space: 0 }
          : { show: true, size: 10, width: 2, stroke: p.color, fill: '#fff', space: 0 }
      }))
    ]
  }, [xs, main.values, ...points.map(p => p.values)], holder);
  describeChart(holder, labels, main.values);
  followWidth(chart, holder);
  return chart;
}

/** Bars over time (seconds since the epoch): counts per minute. */
function timeBars(uPlot, holder, times, values, label) {
  const chart = new uPlot({
    width: widthOf(holder),
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: true }, y: { range: () => [0, Math.max(4, 1.15 * Math.max(...values))] } },
    axes: [
      { space: 70, font: '12px "Helvetica Neue", Helvetica, Arial, sans-serif', grid: { show: false } },
      { size: 50, font: '12px "Helvetica Neue", Helvetica, Arial, sans-serif',
        values: (u, ticks) => ticks.map(v => (Number.isInteger(v) ? String(v) : '')) }
    ],
    series: [
      {},
      { label, stroke: BLUE, fill: BLUE + 'b0', width: 0, paths: uPlot.paths.bars({ size: [0.8, 30] }),
        points: { show: false } }
    ]
  }, [times, values], holder);
  describeChart(holder, times.map(t => new Date(t * 1000).toISOString().substring(11, 16)), values);
  followWidth(chart, holder);
  return chart;
}

