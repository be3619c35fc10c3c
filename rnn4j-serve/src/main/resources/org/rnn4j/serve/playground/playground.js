/*
 * The rnn4j playground: the page that `rnn4j serve` shows at "/" (served from the jar by
 * org.rnn4j.serve.Playground), to try the model it serves by hand.
 *
 * It asks the server which model it holds (GET v1/model: the task family, the model file, its
 * labels, tags, value names or horizon, the limits), shows the form of that family, sends the
 * form as JSON to the family's operation and draws the answer:
 *
 *   classify  POST v1/classify  {texts}                      → each text's label, a bar per class
 *   tag       POST v1/tag       {texts}                      → tokens with their tags, entities
 *                                                              highlighted by type, the entities
 *   lm        POST v1/generate  {prime, count, max_tokens, temperature, top_k, top_p, greedy,
 *                                seed}                       → the samples and the seed used
 *             POST v1/score     {texts}                      → log-likelihood and perplexity
 *   seq2seq   POST v1/translate {texts, beam, alpha, max_length}
 *                                                            → translation, attention heatmap
 *   forecast  POST v1/forecast  {history, steps}             → a chart (inline SVG) and a table
 *
 * The header links GET health and GET metrics. An error answer, {"error": {"status", "field",
 * "message"}} (400, 413, 503 …), is shown next to the form that sent the request, naming the
 * field and marking its input; a failed connection is shown the same way. The page checks no
 * values itself: an entry that is not a number is sent as the string it is, and the server says
 * what it expected.
 *
 * Plain ES2020 with fetch: no libraries, no build step, nothing loaded from elsewhere. Every URL
 * is relative, so the page also works behind a proxy under a path prefix. Elements the browser
 * test reads carry ids and data-testid attributes; a form's data-state ("busy", "done",
 * "error") and data-runs (answers so far) tell when an answer has been drawn.
 */
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const STATUS_TEXT = {
  0: 'No connection', 400: 'Bad request', 404: 'Not found', 405: 'Method not allowed',
  413: 'Too large', 500: 'Server error', 503: 'Unavailable',
};
/** Entity colours: light enough for dark text, told apart by hue. */
const ENTITY_COLOURS = ['#ffd8a8', '#b2f2bb', '#a5d8ff', '#eebefa', '#ffec99', '#99e9f2',
  '#ffc9c9', '#d0bfff'];

const $ = (id) => document.getElementById(id);

/** An HTML element: attributes ('text' sets its text, null and false are left out), children. */
function el(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element, like el. */
function svgEl(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(e, attrs, children) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c != null) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

/** An error answer of the API, or a failed connection (status 0). */
class ApiError extends Error {
  constructor(status, field, message) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

/**
 * GET (no body) or POST a JSON body; resolves to the answer's JSON and its raw text.
 * @param {string} path relative to the page, e.g. 'v1/classify'
 * @param {string=} body the request's JSON text
 */
async function call(path, body) {
  let response;
  let text;
  try {
    response = await fetch(path, body === undefined ? { headers: { Accept: 'application/json' } } : {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body,
    });
    text = await response.text();
  } catch (e) {
    throw new ApiError(0, null, `could not reach the server (${e.message})`);
  }
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: said below
  }
  if (!response.ok) {
    const err = json && json.error;
    if (err) throw new ApiError(err.status ?? response.status, err.field ?? null, err.message ?? '');
    throw new ApiError(response.status, null, text.trim() || response.statusText);
  }
  if (json === null) throw new ApiError(response.status, null, 'the answer is not JSON');
  return { json, text };
}

// ---- reading the forms ----------------------------------------------------------------------

/** The lines of a textarea that hold something, with their line numbers (from 1). */
function nonBlankLines(textarea) {
  const texts = [];
  const lineOf = [];
  textarea.value.split('\n').forEach((line, i) => {
    const text = line.replace(/\r$/, '');
    if (text.trim() !== '') {
      texts.push(text);
      lineOf.push(i + 1);
    }
  });
  return { texts, lineOf };
}

/** An entry as JSON: undefined when blank, a number when it reads as one, else the string. */
function entry(input) {
  const raw = input.value.trim();
  if (raw === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : raw;
}

/** Splits numbers at commas, semicolons and whitespace; what is no number stays a string. */
function numbers(text) {
  return text.split(/[\s,;]+/).filter((s) => s !== '').map((s) => {
    const n = Number(s);
    return Number.isFinite(n) ? n : s;
  });
}

/** JSON text of an object, its undefined fields left out. */
function json(object) {
  return JSON.stringify(object);
}

// ---- submitting and errors --------------------------------------------------------------------

/**
 * Wires a form: on submit, request() gives {path, body, lineOf?}; the answer goes to render(),
 * whose node replaces the result; an error is shown under the form.
 */
function operation(name, request, render) {
  const form = $(`${name}-form`);
  const errorBox = $(`${name}-error`);
  const result = $(`${name}-result`);
  const button = $(`${name}-submit`);
  form.dataset.runs = '0';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearError(form, errorBox);
    const req = request();
    form.dataset.state = 'busy';
    button.disabled = true;
    result.setAttribute('aria-busy', 'true');
    try {
      const answer = await call(req.path, req.body);
      result.replaceChildren(render(answer.json, req, answer.text));
      form.dataset.state = 'done';
    } catch (e) {
      if (!(e instanceof ApiError)) console.error(e);
      result.replaceChildren();
      showError(form, errorBox, e instanceof ApiError ? e : new ApiError(-1, null, String(e)), req);
      form.dataset.state = 'error';
    } finally {
      button.disabled = false;
      result.removeAttribute('aria-busy');
      form.dataset.runs = String(Number(form.dataset.runs) + 1);
    }
  });
}

function clearError(form, box) {
  box.hidden = true;
  box.replaceChildren();
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
}

/** Status, field and message; the input of the field marked invalid; a line hint for texts[i]. */
function showError(form, box, e, req) {
  const status = e.status > 0 ? `${e.status} ${STATUS_TEXT[e.status] ?? ''}`.trim()
    : e.status === 0 ? STATUS_TEXT[0] : 'Page error';
  box.append(el('span', { class: 'error-status', 'data-testid': 'error-status', text: status }));
  if (e.field) {
    box.append(el('code', { class: 'error-field', 'data-testid': 'error-field', text: e.field }));
    const index = /^\w+\[(\d+)\]/.exec(e.field);
    if (index && req && req.lineOf && req.lineOf[Number(index[1])] !== undefined) {
      box.append(el('span', { class: 'error-line', text: `line ${req.lineOf[Number(index[1])]}` }));
    }
    const root = e.field.replace(/\[.*$/, '');
    const input = [...form.querySelectorAll('[data-field]')]
      .find((i) => i.dataset.field.split(' ').includes(root));
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', box.id);
    }
  }
  box.append(el('span', { class: 'error-message', 'data-testid': 'error-message', text: e.message }));
  box.hidden = false;
}

// ---- formatting -------------------------------------------------------------------------------

const percent = (p) => `${(100 * p).toFixed(1)}%`;

/** Round steps for an axis from lo to hi: about `count` of them. */
function ticks(lo, hi, count) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw);
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return out;
}

/** A tick label: no more digits than the step needs. */
function tickLabel(v, step) {
  const digits = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  return Math.abs(v) >= 1e6 ? v.toExponential(1) : v.toFixed(digits);
}

// ---- classify ---------------------------------------------------------------------------------

function setUpClassify(model) {
  $('panel-classify').hidden = false;
  operation('classify', () => {
    const { texts, lineOf } = nonBlankLines($('classify-texts'));
    return { path: 'v1/classify', body: json({ texts }), lineOf };
  }, (answer) => {
    const list = el('div', { class: 'cards', 'data-testid': 'classify-predictions' });
    for (const p of answer.predictions) {
      const labels = model.labels ?? Object.keys(p.probabilities);
      const bars = el('div', { class: 'bars', role: 'list', 'aria-label': 'Class probabilities' });
      for (const label of labels) {
        const prob = p.probabilities[label];
        bars.append(el('div', {
          class: `bar-row${label === p.label ? ' top' : ''}`, role: 'listitem',
          'data-testid': 'prob-bar', 'data-label': label, 'data-probability': prob,
        },
        el('span', { class: 'bar-label', text: label }),
        el('span', { class: 'bar', 'aria-hidden': 'true' },
          el('span', { class: 'fill', style: `width: ${(100 * prob).toFixed(2)}%` })),
        el('span', { class: 'bar-value', text: percent(prob) })));
      }
      list.append(el('article', { class: 'card', 'data-testid': 'classify-prediction' },
        el('p', { class: 'input-text', 'data-testid': 'classify-text', text: p.text }),
        el('p', { class: 'verdict' }, 'Label ',
          el('strong', { class: 'label-badge', 'data-testid': 'classify-label', text: p.label }),
          el('span', { class: 'muted', text: ` ${percent(p.probability)}` })),
        bars));
    }
    return list;
  });
}

// ---- tag --------------------------------------------------------------------------------------

/** The entity types of a tag set: B-LOC, I-LOC → LOC; O left out; in the order they come. */
function entityTypes(tags) {
  const types = [];
  for (const tag of tags ?? []) {
    if (tag === 'O') continue;
    const type = tag.replace(/^[BIESLU]-/, '');
    if (!types.includes(type)) types.push(type);
  }
  return types;
}

function setUpTag(model) {
  $('panel-tag').hidden = false;
  const types = entityTypes(model.tags);
  const colour = (type) => {
    let i = types.indexOf(type);
    if (i < 0) {
      types.push(type);
      i = types.length - 1;
    }
    return i < ENTITY_COLOURS.length ? ENTITY_COLOURS[i] : `hsl(${(i * 137.5) % 360} 80% 82%)`;
  };
  const legend = $('tag-legend');
  for (const type of [...types]) {
    legend.append(el('li', { 'data-testid': 'legend-type', 'data-type': type },
      el('span', { class: 'swatch', style: `background: ${colour(type)}`, 'aria-hidden': 'true' }), type));
  }
  operation('tag', () => {
    const { texts, lineOf } = nonBlankLines($('tag-texts'));
    return { path: 'v1/tag', body: json({ texts }), lineOf };
  }, (answer) => {
    const list = el('div', { class: 'cards', 'data-testid': 'tag-predictions' });
    for (const p of answer.predictions) {
      const line = el('p', { class: 'tagged', 'data-testid': 'tag-tokens' });
      const token = (t) => el('span', { class: 'tok', 'data-testid': 'token', 'data-tag': p.tags[t] },
        el('span', { class: 'word', text: p.tokens[t] }), el('span', { class: 'tag', text: p.tags[t] }));
      let t = 0;
      for (const span of p.entities) {
        for (; t < span.start; t++) line.append(token(t), ' ');
        const mark = el('mark', {
          class: 'entity', 'data-testid': 'entity-mark', 'data-type': span.type,
          style: `background: ${colour(span.type)}`, title: span.type,
        });
        for (; t < span.end; t++) mark.append(token(t), ' ');
        mark.append(el('span', { class: 'entity-type', text: span.type }));
        line.append(mark, ' ');
      }
      for (; t < p.tokens.length; t++) line.append(token(t), ' ');
      if (p.tokens.length === 0) line.append(el('span', { class: 'muted', text: '(no tokens)' }));
      const entities = el('ul', { class: 'entity-list', 'data-testid': 'entity-list' });
      for (const span of p.entities) {
        entities.append(el('li', {
          'data-testid': 'entity', 'data-type': span.type, 'data-start': span.start, 'data-end': span.end,
        },
        el('span', { class: 'type-chip', style: `background: ${colour(span.type)}`, text: span.type }),
        ' ', el('span', { class: 'entity-text', text: span.text }),
        el('span', { class: 'muted', text: span.end - span.start === 1 ? ` token ${span.end}`
          : ` tokens ${span.start + 1}–${span.end}` })));
      }
      list.append(el('article', { class: 'card', 'data-testid': 'tag-prediction' }, line,
        p.entities.length > 0 ? entities : el('p', { class: 'muted', text: 'No entities.' })));
    }
    return list;
  });
}

// ---- lm ---------------------------------------------------------------------------------------

function setUpLm(model) {
  $('panel-lm').hidden = false;
  const temperature = $('generate-temperature');
  const slider = $('generate-temperature-range');
  slider.addEventListener('input', () => { temperature.value = Number(slider.value).toFixed(2); });
  temperature.addEventListener('input', () => {
    const n = Number(temperature.value);
    if (temperature.value.trim() !== '' && Number.isFinite(n)) slider.value = String(n);
  });
  const greedy = $('generate-greedy');
  const sampling = [temperature, slider, $('generate-top-k'), $('generate-top-p')];
  const syncGreedy = () => sampling.forEach((i) => { i.disabled = greedy.checked; });
  greedy.addEventListener('change', syncGreedy);
  syncGreedy();
  if (model.default_max_tokens) $('generate-max-tokens').placeholder = String(model.default_max_tokens);

  operation('generate', () => {
    const prime = $('generate-prime').value;
    const body = {
      prime,
      count: entry($('generate-count')),
      max_tokens: entry($('generate-max-tokens')),
    };
    if (greedy.checked) {
      body.greedy = true;
    } else {
      body.temperature = entry(temperature);
      body.top_k = entry($('generate-top-k'));
      body.top_p = entry($('generate-top-p'));
    }
    // A seed is a 64-bit integer: written as typed, since a JavaScript number keeps only 53 bits.
    const seed = $('generate-seed').value.trim();
    let text = json(body);
    if (/^-?\d+$/.test(seed)) text = `${text.slice(0, -1)},"seed":${seed}}`;
    else if (seed !== '') text = `${text.slice(0, -1)},"seed":${JSON.stringify(seed)}}`;
    return { path: 'v1/generate', body: text, prime };
  }, (answer, req, raw) => {
    // The seed, from the raw text for the same reason.
    const seed = (/"seed"\s*:\s*(-?\d+)/.exec(raw) ?? [null, String(answer.seed)])[1];
    const reuse = el('button', { type: 'button', class: 'small', 'data-testid': 'generate-reuse-seed' },
      'Use this seed');
    reuse.addEventListener('click', () => { $('generate-seed').value = seed; });
    const samples = el('ol', { class: 'samples', 'data-testid': 'generate-samples' });
    for (const s of answer.samples) {
      const prime = s.text.slice(0, s.text.length - s.continuation.length);
      samples.append(el('li', { 'data-testid': 'generate-sample' },
        el('span', { class: 'prime', 'data-testid': 'sample-prime', text: prime }),
        el('span', { class: 'continuation', 'data-testid': 'sample-continuation', text: s.continuation }),
        s.continuation === '' ? el('span', { class: 'muted', text: ' (the model ended the text at once)' }) : null));
    }
    return el('div', {},
      el('p', { class: 'seed-line' }, 'Seed ', el('code', { 'data-testid': 'generate-seed-used', text: seed }),
        ' ', reuse),
      el('p', { class: 'key muted' }, el('span', { class: 'prime', text: 'prime' }), ' ',
        el('span', { class: 'continuation', text: 'generated' })),
      samples);
  });

  operation('score', () => {
    const { texts, lineOf } = nonBlankLines($('score-texts'));
    return { path: 'v1/score', body: json({ texts }), lineOf };
  }, (answer) => {
    const row = (cells, attrs) => el('tr', attrs, ...cells);
    const numberCells = (s) => [
      el('td', { class: 'num', 'data-testid': 'score-tokens', text: s.tokens }),
      el('td', { class: 'num', 'data-testid': 'score-log-likelihood', text: s.log_likelihood.toFixed(4) }),
      el('td', { class: 'num', 'data-testid': 'score-perplexity', text: s.perplexity.toFixed(3) })];
    const body = el('tbody', {}, answer.scores.map((s) => row(
      [el('td', { class: 'text-cell', 'data-testid': 'score-text', text: s.text }), ...numberCells(s)],
      { 'data-testid': 'score-row' })));
    return el('div', { class: 'table-wrap' }, el('table', { class: 'data', 'data-testid': 'score-table' },
      el('thead', {}, row(['Text', 'Tokens', 'Log-likelihood', 'Perplexity']
        .map((h) => el('th', { scope: 'col', text: h })))),
      body,
      el('tfoot', {}, row([el('th', { scope: 'row', text: 'All' }), ...numberCells(answer.total)],
        { 'data-testid': 'score-total' }))));
  });
}

// ---- seq2seq ----------------------------------------------------------------------------------

/** The attention of one translation: rows the output tokens, columns the source tokens. */
function heatmap(t) {
  const rows = t.attention ?? [];
  const table = el('table', {
    class: 'heatmap', 'data-testid': 'heatmap', 'data-rows': rows.length, 'data-cols': t.source_tokens.length,
  }, el('caption', { class: 'sr-only', text: 'Attention: a row per output token, a column per source token' }));
  table.append(el('thead', {}, el('tr', {},
    el('th', { scope: 'col', class: 'corner' }, el('span', { class: 'sr-only', text: 'output token' })),
    t.source_tokens.map((s) => el('th', { scope: 'col', 'data-testid': 'heat-source', text: s })))));
  const body = el('tbody');
  rows.forEach((weights, i) => {
    const tr = el('tr', {}, el('th', { scope: 'row', 'data-testid': 'heat-output', text: t.tokens[i] }));
    weights.forEach((w, j) => {
      const shade = Math.max(0, Math.min(1, w));
      tr.append(el('td', {
        'data-testid': 'heat-cell', 'data-weight': w, class: shade > 0.55 ? 'dark' : null,
        title: `${t.tokens[i]} ← ${t.source_tokens[j]}: ${w.toFixed(3)}`,
        style: `background: hsl(214 80% ${(97 - 62 * shade).toFixed(1)}%)`,
      }, shade >= 0.005 ? w.toFixed(2).replace(/^0/, '') : ''));
    });
    body.append(tr);
  });
  table.append(body);
  return el('div', { class: 'table-wrap' }, table,
    el('p', { class: 'heat-note' }, 'Attention: a row per output token, a column per source token. Weight ',
      el('span', { class: 'scale', 'aria-hidden': 'true' }, el('span', { text: '0' }),
        el('span', { class: 'ramp' }), el('span', { text: '1' })),
      el('span', { class: 'sr-only', text: 'from 0, light, to 1, dark' }), '; hover over a cell for its value.'));
}

function setUpSeq2seq(model) {
  $('panel-seq2seq').hidden = false;
  if (model.max_beam) $('translate-beam').title = `1 … ${model.max_beam}`;
  operation('translate', () => {
    const { texts, lineOf } = nonBlankLines($('translate-texts'));
    return {
      path: 'v1/translate',
      body: json({
        texts, beam: entry($('translate-beam')), alpha: entry($('translate-alpha')),
        max_length: entry($('translate-max-length')),
      }),
      lineOf,
    };
  }, (answer) => {
    const list = el('div', { class: 'cards', 'data-testid': 'translations' });
    for (const t of answer.translations) {
      list.append(el('article', { class: 'card', 'data-testid': 'translation' },
        el('p', { class: 'pair' }, el('span', { class: 'muted', text: 'Source ' }),
          el('span', { class: 'input-text', 'data-testid': 'translation-source', text: t.text })),
        el('p', { class: 'pair' }, el('span', { class: 'muted', text: 'Translation ' }),
          el('strong', { class: 'output-text', 'data-testid': 'translation-text', text: t.translation })),
        t.tokens.length > 0 && t.source_tokens.length > 0 ? heatmap(t)
          : el('p', { class: 'muted', text: 'No attention to show: the source or the translation is empty.' })));
    }
    return list;
  });
}

// ---- forecast ---------------------------------------------------------------------------------

/** One value name's chart: the history and the forecast after it, in two colours. */
function chart(name, history, forecast, width) {
  const height = width < 500 ? 220 : 260;
  const m = { left: 52, right: 12, top: 14, bottom: 38 };
  const all = history.concat(forecast).filter(Number.isFinite);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  const yTicks = ticks(lo, hi, 5);
  const yStep = yTicks.length > 1 ? yTicks[1] - yTicks[0] : 1;
  lo = Math.min(lo, yTicks[0]);
  hi = Math.max(hi, yTicks[yTicks.length - 1]);
  const n = history.length + forecast.length;
  const x = (t) => m.left + (n > 1 ? t / (n - 1) : 0.5) * (width - m.left - m.right);
  const y = (v) => m.top + (1 - (v - lo) / (hi - lo)) * (height - m.top - m.bottom);
  const pathOf = (values, from) => values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(from + i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const titleId = `chart-title-${name.replace(/\W/g, '_')}`;
  const svg = svgEl('svg', {
    class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': titleId,
    'data-testid': 'forecast-chart', 'data-name': name,
  }, svgEl('title', { id: titleId, text: `${name}: ${history.length} steps of history and a forecast of ${forecast.length}` }));
  // The forecast's side, shaded.
  const split = x(history.length - 0.5);
  svg.append(svgEl('rect', { class: 'future', x: split, y: m.top, width: width - m.right - split, height: height - m.top - m.bottom }));
  // Axes, grid and tick labels.
  for (const v of yTicks) {
    svg.append(svgEl('line', { class: 'grid', x1: m.left, x2: width - m.right, y1: y(v), y2: y(v) }),
      svgEl('text', { class: 'tick', x: m.left - 6, y: y(v) + 4, 'text-anchor': 'end', text: tickLabel(v, yStep) }));
  }
  const xTicks = ticks(0, n - 1, width < 500 ? 4 : 6).filter((t) => Number.isInteger(t));
  for (const t of xTicks) {
    svg.append(svgEl('line', { class: 'axis', x1: x(t), x2: x(t), y1: height - m.bottom, y2: height - m.bottom + 4 }),
      svgEl('text', { class: 'tick', x: x(t), y: height - m.bottom + 16, 'text-anchor': 'middle', text: String(t) }));
  }
  svg.append(
    svgEl('line', { class: 'axis', x1: m.left, x2: width - m.right, y1: height - m.bottom, y2: height - m.bottom }),
    svgEl('line', { class: 'axis', x1: m.left, x2: m.left, y1: m.top, y2: height - m.bottom }),
    svgEl('text', { class: 'axis-label', x: (m.left + width - m.right) / 2, y: height - 4, 'text-anchor': 'middle', text: 'step' }));
  // The lines: history, a dashed join, the forecast with a dot per step.
  svg.append(svgEl('path', { class: 'history-line', 'data-testid': 'history-line', 'data-points': history.length, d: pathOf(history, 0) }));
  if (history.length > 0 && forecast.length > 0) {
    svg.append(svgEl('path', { class: 'join-line', d: pathOf([history[history.length - 1], forecast[0]], history.length - 1) }));
  }
  svg.append(svgEl('path', { class: 'forecast-line', 'data-testid': 'forecast-line', 'data-points': forecast.length, d: pathOf(forecast, history.length) }));
  forecast.forEach((v, i) => svg.append(svgEl('circle', { class: 'forecast-dot', cx: x(history.length + i), cy: y(v), r: 3 },
    svgEl('title', { text: `step ${history.length + i}: ${v}` }))));
  return el('figure', { class: 'chart-box' },
    el('figcaption', {}, el('strong', { text: name }), ' ',
      el('span', { class: 'key history', text: 'history' }), ' ',
      el('span', { class: 'key forecast', text: 'forecast' })),
    svg);
}

function setUpForecast(model) {
  $('panel-forecast').hidden = false;
  const names = model.names ?? ['value'];
  const f = names.length;
  const box = $('forecast-history');
  if (f === 1) {
    $('forecast-history-label').textContent = `History of ${names[0]}: numbers separated by commas, spaces or new lines`;
    box.placeholder = '112, 118, 132, 129, 121, 135';
  } else {
    $('forecast-history-label').textContent = `History: one step per line, ${f} numbers each (${names.join(', ')})`;
    box.placeholder = Array.from({ length: 3 }, (_, t) => names.map((_, j) => 10 * (j + 1) + t).join(', ')).join('\n');
  }
  if (model.horizon) $('forecast-steps').placeholder = String(model.horizon);

  operation('forecast', () => {
    let history;
    let lineOf;
    if (f === 1) {
      history = numbers(box.value);
    } else {
      const lines = nonBlankLines(box);
      history = lines.texts.map(numbers);
      lineOf = lines.lineOf;
    }
    return { path: 'v1/forecast', body: json({ history, steps: entry($('forecast-steps')) }), history, lineOf };
  }, (answer, req) => {
    const forecast = answer.forecasts[0];
    const series = (rows, j) => rows.map((v) => (Array.isArray(v) ? v[j] : v));
    const shown = answer.names ?? names;
    // Drawn at the width it is shown at, so that its text stays legible on a phone.
    const width = Math.max(300, Math.min(720, $('forecast-result').clientWidth - 18));
    const charts = el('div', { class: 'charts' },
      shown.map((name, j) => chart(name, series(req.history, j).map(Number), series(forecast, j), width)));
    const table = el('table', { class: 'data', 'data-testid': 'forecast-table' },
      el('caption', { text: `The next ${answer.steps} steps` }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Step' }),
        shown.map((name) => el('th', { scope: 'col', text: name })))),
      el('tbody', {}, forecast.map((v, i) => el('tr', { 'data-testid': 'forecast-row' },
        el('th', { scope: 'row', text: `+${i + 1}` }),
        shown.map((_, j) => el('td', { class: 'num', 'data-testid': 'forecast-value', text: String(series([v], j)[0]) }))))));
    return el('div', {}, charts, el('div', { class: 'table-wrap' }, table));
  });
}

// ---- the page ---------------------------------------------------------------------------------

const FAMILIES = {
  classify: setUpClassify, tag: setUpTag, lm: setUpLm, seq2seq: setUpSeq2seq, forecast: setUpForecast,
};

/** One line on what the model is. */
function about(model) {
  switch (model.task) {
    case 'classify': return `Classifies texts into ${model.labels.length} classes: ${model.labels.join(', ')}.`;
    case 'tag': return `Tags each token with one of ${model.tags.length} tags: ${model.tags.join(', ')}.`;
    case 'lm': return `A language model of ${model.tokens === 'char' ? 'characters' : 'words'}, `
      + `${model.vocabulary_size} tokens in its vocabulary.`;
    case 'seq2seq': return `Translates with attention: ${model.source_vocabulary_size} source and `
      + `${model.target_vocabulary_size} target tokens in its vocabularies.`;
    case 'forecast': return `Forecasts ${model.names.join(', ')}; trained for ${model.horizon} steps ahead`
      + `${model.season > 1 ? `, season ${model.season}` : ''}.`;
    default: return '';
  }
}

/** Ctrl+Enter (⌘+Enter) in a text box sends its form, as a button click would. */
document.addEventListener('keydown', (event) => {
  const form = event.target.closest && event.target.closest('form.op');
  if (form && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    if (!form.querySelector('button[type=submit]').disabled) form.requestSubmit();
  }
});

async function start() {
  const aboutLine = $('model-about');
  let model;
  try {
    model = (await call('v1/model')).json;
  } catch (e) {
    aboutLine.textContent = '';
    showError(document.body, $('page-error'), e instanceof ApiError ? e : new ApiError(-1, null, String(e)));
    document.body.dataset.state = 'error';
    return;
  }
  $('model-task').textContent = model.task;
  $('model-file').textContent = model.model ?? '';
  document.title = `${model.task} · ${model.model} — rnn4j playground`;
  const setUp = FAMILIES[model.task];
  if (!setUp) {
    aboutLine.textContent = '';
    showError(document.body, $('page-error'), new ApiError(-1, null,
      `this page has no form for the task "${model.task}"; its operations are ${(model.operations ?? []).join(', ')}`));
    document.body.dataset.state = 'error';
    return;
  }
  aboutLine.textContent = about(model);
  setUp(model);
  document.body.dataset.task = model.task;
  document.body.dataset.state = 'ready';
}

start();
