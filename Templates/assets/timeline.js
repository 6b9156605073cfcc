// Interaction for the timelines dossier draws at build time: zoom (buttons, +/-, Ctrl+wheel
// or pinch), pan (drag, arrow keys, Shift+wheel), "focus" and "whole history" views, filters
// by lane and by status, and the view kept in the address (overview only). Without this
// script the drawings are complete; it only moves what Swift placed. Plain, no framework.
(function () {
  'use strict';
  const SVGNS = 'http://www.w3.org/2000/svg';
  const DAY_MS = 86400000;
  const STATUSES = ['confirmed', 'reported', 'projected', 'disputed', 'unconfirmed'];

  // Day ordinals as the build writes them: days since 0000-03-01 (proleptic Gregorian).
  function ordinal(y, m, d) {
    if (m <= 2) y -= 1;
    const era = Math.floor(y / 400), yoe = y - era * 400;
    const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
    return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  }
  const EPOCH = ordinal(1970, 1, 1);
  const toDate = (day) => new Date((day - EPOCH) * DAY_MS);
  const toISO = (day) => toDate(day).toISOString().slice(0, 10);
  function fromISO(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || '');
    return m ? ordinal(+m[1], +m[2], +m[3]) : null;
  }
  // The page's words: those of its language in timeline-words.js (made by the build from
  // Templates/i18n/), then a figure's own data-words (older templates), English without them.
  const ENGLISH = {
    view: 'Timeline view', zoom_out: 'Zoom out', zoom_in: 'Zoom in', earlier: 'Move earlier', later: 'Move later',
    focus: 'Focus', focus_view: 'Focus view', whole: 'Whole history', filter: 'Filter', lanes: 'Lanes', status: 'Status',
    showing: 'Showing {from} to {to}', showing_focus: 'Showing the focus, with earlier history compressed',
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  };
  function wordsOf(figure) {
    let words = {};
    try { words = JSON.parse(figure.dataset.words || '{}'); } catch (e) { /* a broken attribute leaves English */ }
    const site = (window.dossierTimelineWords || {})[document.documentElement.lang] || {};
    return Object.assign({}, ENGLISH, site, words);
  }

  function el(name, attrs, text) {
    const node = document.createElementNS(SVGNS, name);
    for (const key in attrs) node.setAttribute(key, attrs[key]);
    if (text) node.textContent = text;
    return node;
  }
  function html(name, attrs, text) {
    const node = document.createElement(name);
    for (const key in attrs) node.setAttribute(key, attrs[key]);
    if (text) node.textContent = text;
    return node;
  }

  // One drawing (a width variant): remembers what Swift placed, so the focus view is exact.
  function Drawing(svg, words) {
    const num = (name) => +svg.dataset[name];
    this.svg = svg;
    this.months = words.months;
    this.x0 = num('x0'); this.x1 = num('x1');
    this.first = num('first'); this.last = num('last');
    this.focus = [num('focusA'), num('focusB')];
    this.axisY = num('axisY');
    this.font = parseFloat(getComputedStyle(svg).fontSize) || 11;
    this.height = svg.viewBox.baseVal.height;
    this.saved = new Map();
    const keep = (node, names) => this.saved.set(node, names.map((n) => [n, node.getAttribute(n)]));
    svg.querySelectorAll('.mark > g').forEach((g) => keep(g, ['transform']));
    svg.querySelectorAll('.span').forEach((r) => keep(r, ['x', 'width']));
    svg.querySelectorAll('.label').forEach((t) => keep(t, ['x']));
    svg.querySelectorAll('.leader').forEach((l) => keep(l, ['x1', 'x2']));
    svg.querySelectorAll('.connector .link').forEach((p) => keep(p, ['d']));
    svg.querySelectorAll('.connector-label').forEach((t) => keep(t, ['x']));
    svg.querySelectorAll('.today-line').forEach((l) => keep(l, ['x1', 'x2', 'y2']));
    svg.querySelectorAll('.today-label').forEach((t) => keep(t, ['x', 'text-anchor']));
    svg.querySelectorAll('.future-zone, .earlier-zone').forEach((r) => keep(r, ['x', 'width', 'height']));
    this.axis = svg.querySelector('.axis');
    this.axisHTML = this.axis.innerHTML;
  }

  Drawing.prototype.restore = function () {
    this.saved.forEach((attrs, node) => attrs.forEach(([n, v]) => (v === null ? node.removeAttribute(n) : node.setAttribute(n, v))));
    this.axis.innerHTML = this.axisHTML;
    this.svg.querySelectorAll('.earlier-zone, .zone-label, .scale-break').forEach((n) => n.removeAttribute('display'));
    this.svg.querySelectorAll('.mark, .label, .leader, .connector').forEach((n) => n.classList.remove('out'));
  };

  // A linear view of days [a, b): every mark, label and connector moved to it.
  Drawing.prototype.show = function (a, b) {
    const x0 = this.x0, x1 = this.x1;
    const x = (day) => x0 + ((day - a) / (b - a)) * (x1 - x0);
    const inside = (px) => px >= x0 - 1 && px <= x1 + 1;
    const centres = new Map();
    this.svg.querySelectorAll('.earlier-zone, .zone-label, .scale-break').forEach((n) => n.setAttribute('display', 'none'));
    this.svg.querySelectorAll('.mark').forEach((mark) => {
      const da = +mark.dataset.a, db = +mark.dataset.b;
      const cx = db - da === 1 ? x(da) : (x(da) + x(db)) / 2;
      centres.set(mark.dataset.i, cx);
      const g = mark.querySelector('g');
      const y = /\s([-\d.]+)\)$/.exec(g.getAttribute('transform'))[1];
      g.setAttribute('transform', 'translate(' + cx.toFixed(1) + ' ' + y + ')');
      const span = g.querySelector('.span');
      if (span) { span.setAttribute('x', (x(da) - cx).toFixed(1)); span.setAttribute('width', Math.max(1, x(db) - x(da)).toFixed(1)); }
      mark.classList.toggle('out', !inside(cx));
    });
    // Labels keep their side of the mark; one that would now touch another is hidden.
    const placed = [];
    this.svg.querySelectorAll('.label').forEach((label) => {
      const cx = centres.get(label.dataset.i);
      const end = label.getAttribute('text-anchor') === 'end';
      label.setAttribute('x', (end ? cx + 3 : cx - 3).toFixed(1));
      const leader = label.parentNode.querySelector('.leader[data-i="' + label.dataset.i + '"]');
      if (leader) { leader.setAttribute('x1', cx.toFixed(1)); leader.setAttribute('x2', cx.toFixed(1)); }
      label.classList.remove('out');
      const box = label.getBBox();
      const lane = label.closest('.lane');
      const clash = box.x < x0 || box.x + box.width > x1 ||
        placed.some((p) => p.lane === lane && p.box.y === box.y && box.x < p.box.x + p.box.width + 4 && p.box.x < box.x + box.width + 4);
      label.classList.toggle('out', clash);
      if (leader) leader.classList.toggle('out', clash);
      if (!clash) placed.push({ lane, box });
    });
    this.svg.querySelectorAll('.connector').forEach((c) => {
      const xa = x(+c.dataset.a), xb = x(+c.dataset.b);
      const path = c.querySelector('.link');
      const d = path.getAttribute('d').match(/[-\d.]+/g);
      path.setAttribute('d', 'M' + xa.toFixed(1) + ' ' + d[1] + 'V' + d[2] + 'H' + xb.toFixed(1) + 'V' + d[4]);
      const text = c.querySelector('.connector-label');
      if (text) {
        const half = text.getComputedTextLength() / 2 + 2;
        text.setAttribute('x', Math.min(x1 - half, Math.max(x0 + half, (xa + xb) / 2)).toFixed(1));
      }
      c.classList.toggle('out', !inside(xa) || !inside(xb));
    });
    const today = this.svg.querySelector('.today');
    if (today) {
      const tx = x(+today.dataset.a);
      const line = today.querySelector('.today-line'), label = today.querySelector('.today-label');
      line.setAttribute('x1', tx.toFixed(1)); line.setAttribute('x2', tx.toFixed(1));
      const left = tx - 4 - label.getComputedTextLength() > x0;
      label.setAttribute('x', (left ? tx - 4 : tx + 4).toFixed(1));
      if (left) label.setAttribute('text-anchor', 'end'); else label.removeAttribute('text-anchor');
      today.classList.toggle('out', !inside(tx));
      const zone = this.svg.querySelector('.future-zone');
      if (zone) {
        const zx = Math.min(x1, Math.max(x0, tx));
        zone.setAttribute('x', zx.toFixed(1)); zone.setAttribute('width', (x1 - zx).toFixed(1));
      }
    }
    this.drawAxis(a, b, x);
  };

  Drawing.prototype.drawAxis = function (a, b, x) {
    const axis = this.axis, y = this.axisY, font = this.font;
    axis.textContent = '';
    axis.appendChild(el('line', { class: 'axis-line', x1: this.x0, y1: y, x2: this.x1, y2: y }));
    const years = (b - a) / 365.2425, perYear = (this.x1 - this.x0) / years;
    const step = [1, 2, 5, 10, 20, 50].find((s) => s * perYear >= 38) || 100;
    const monthly = perYear / 12 >= 5, labelQuarters = perYear / 4 >= 38, labelMonths = perYear / 12 >= 38;
    const start = toDate(a).getUTCFullYear(), end = toDate(b).getUTCFullYear();
    let lastRight = -Infinity;
    for (let year = start; year <= end; year++) {
      for (let month = 1; month <= (monthly ? 12 : 1); month++) {
        const day = ordinal(year, month, 1);
        if (day < a || day > b) continue;
        const px = x(day), major = month === 1;
        axis.appendChild(el('line', { class: major ? 'tick major' : 'tick', x1: px, y1: y, x2: px, y2: y + (major ? 5 : 3) }));
        let text = null;
        if (major && year % step === 0) text = String(year);
        else if (!major && (labelMonths || (labelQuarters && (month - 1) % 3 === 0))) text = this.months[month - 1];
        if (text && px + 2 > lastRight && px + 2 + text.length * font * 0.66 < this.x1 + 20) {
          const t = el('text', { class: major ? 'year' : 'month', x: (px + 2).toFixed(1), y: y + font + 4 }, text);
          axis.appendChild(t);
          lastRight = px + 2 + t.getComputedTextLength() + 6;
        }
      }
    }
  };

  // Lanes stacked again without the hidden ones; the axis and the as-of line follow.
  Drawing.prototype.restack = function (hiddenLanes, hiddenStatuses) {
    let top = 18;
    this.svg.querySelectorAll('.lane').forEach((lane) => {
      const hidden = hiddenLanes.has(lane.dataset.lane);
      lane.setAttribute('display', hidden ? 'none' : 'inline');
      if (hidden) return;
      lane.setAttribute('transform', 'translate(0 ' + top + ')');
      top += +lane.dataset.h;
    });
    const shift = top + 4 - this.axisY;
    this.axis.setAttribute('transform', 'translate(0 ' + shift + ')');
    const height = this.height + shift;
    this.svg.setAttribute('viewBox', '0 0 ' + this.svg.viewBox.baseVal.width + ' ' + height);
    this.svg.setAttribute('height', height);
    this.svg.querySelectorAll('.today-line').forEach((l) => l.setAttribute('y2', top + 4));
    this.svg.querySelectorAll('.future-zone, .earlier-zone').forEach((r) => r.setAttribute('height', top + 4 - 18));
    this.svg.querySelectorAll('.mark').forEach((mark) => {
      const status = STATUSES.find((s) => mark.classList.contains('status-' + s));
      const off = hiddenStatuses.has(status);
      mark.classList.toggle('filtered', off);
      mark.parentNode.querySelectorAll('[data-i="' + mark.dataset.i + '"]:not(.mark)').forEach((n) => n.classList.toggle('filtered', off));
    });
    this.svg.querySelectorAll('.connector').forEach((c) => {
      const status = STATUSES.find((s) => c.classList.contains('status-' + s));
      c.classList.toggle('filtered', hiddenStatuses.has(status));
    });
  };

  // The name of the mark under the pointer or the keyboard, drawn over everything.
  // Wrapped into lines that fit the drawing, so a long title stays whole on a phone.
  function showTip(svg, mark) {
    let tip = svg.querySelector('.tip');
    if (!tip) {
      tip = el('g', { class: 'tip', 'aria-hidden': 'true' });
      tip.appendChild(el('rect', { rx: 3 }));
      tip.appendChild(el('text', {}));
    }
    svg.appendChild(tip);
    tip.removeAttribute('display');
    const text = tip.querySelector('text');
    const vb = svg.viewBox.baseVal, room = vb.width - 14, lineHeight = 14;
    text.textContent = '';
    let line = el('tspan', { x: 5, y: 13 });
    text.appendChild(line);
    let lines = 1;
    for (const word of mark.querySelector('title').textContent.split(' ')) {
      const before = line.textContent;
      line.textContent = before ? before + ' ' + word : word;
      if (before && line.getComputedTextLength() > room) {
        line.textContent = before;
        line = el('tspan', { x: 5, y: 13 + lineHeight * lines++ }, word);
        text.appendChild(line);
      }
    }
    const height = 5 + lineHeight * lines;
    tip.querySelector('rect').setAttribute('height', height);
    const box = mark.getBBox();
    const ctm = mark.getCTM(), rootCTM = svg.getCTM();
    const local = ctm && rootCTM ? rootCTM.inverse().multiply(ctm) : null;
    const cx = local ? local.e + local.a * (box.x + box.width / 2) : box.x;
    const cy = local ? local.f + local.d * box.y : box.y;
    const width = Math.max(...[...text.children].map((t) => t.getComputedTextLength())) + 10;
    const left = Math.max(2, Math.min(vb.width - width - 2, cx - width / 2));
    const top = cy > height + 8 ? cy - height - 6 : cy + 18;
    tip.querySelector('rect').setAttribute('width', width.toFixed(1));
    tip.setAttribute('transform', 'translate(' + left.toFixed(1) + ' ' + top.toFixed(1) + ')');
  }
  function hideTip(svg) {
    const tip = svg.querySelector('.tip');
    if (tip) tip.setAttribute('display', 'none');
  }

  function setup(figure, index) {
    const words = wordsOf(figure);
    const drawings = [...figure.querySelectorAll('svg.timeline-drawing')].map((svg) => new Drawing(svg, words));
    if (!drawings.length) return;
    const overview = figure.dataset.timeline === 'overview';
    const useURL = overview && index === 0;
    const ref = drawings[0];
    const whole = [ref.first, ref.last];
    const state = { view: null, lanes: new Set(), statuses: new Set() };

    const visible = () => drawings.find((d) => d.svg.getClientRects().length) || ref;
    const current = () => state.view || [...ref.focus];
    function apply() {
      drawings.forEach((d) => (state.view ? d.show(state.view[0], state.view[1]) : d.restore()));
      drawings.forEach((d) => d.restack(state.lanes, state.statuses));
      focusButton.setAttribute('aria-pressed', String(!state.view));
      wholeButton.setAttribute('aria-pressed', String(!!state.view && state.view[0] <= whole[0] && state.view[1] >= whole[1]));
      status.textContent = state.view
        ? words.showing.replace('{from}', toISO(state.view[0])).replace('{to}', toISO(state.view[1] - 1)) : words.showing_focus;
      if (useURL) save();
    }
    function setView(a, b) {
      const span = Math.min(whole[1] - whole[0], Math.max(60, b - a));
      if (span >= whole[1] - whole[0]) { a = whole[0]; b = whole[1]; }
      else { a = Math.max(whole[0], Math.min(a, whole[1] - span)); b = a + span; }
      state.view = [Math.round(a), Math.round(b)];
      apply();
    }
    function zoom(factor, at) {
      const [a, b] = current();
      const pivot = at === undefined ? (a + b) / 2 : at;
      setView(pivot - (pivot - a) / factor, pivot + (b - pivot) / factor);
    }
    function pan(days) {
      const [a, b] = current();
      setView(a + days, b + days);
    }
    // Days under a pointer, and days per CSS pixel, in the drawing on screen.
    function dayAt(clientX) {
      const d = visible(), rect = d.svg.getBoundingClientRect();
      const vx = ((clientX - rect.left) / rect.width) * d.svg.viewBox.baseVal.width;
      const [a, b] = current();
      return a + ((vx - d.x0) / (d.x1 - d.x0)) * (b - a);
    }
    function daysPerPixel() {
      const d = visible(), rect = d.svg.getBoundingClientRect();
      const [a, b] = current();
      return ((b - a) / (d.x1 - d.x0)) * (d.svg.viewBox.baseVal.width / rect.width);
    }

    // Controls, before the drawings.
    const tools = html('div', { class: 'timeline-tools', role: 'group', 'aria-label': words.view });
    const button = (label, text, action) => {
      const b = html('button', { type: 'button', 'aria-label': label }, text);
      b.addEventListener('click', action);
      tools.appendChild(b);
      return b;
    };
    button(words.zoom_out, '−', () => zoom(1 / 1.6));
    button(words.zoom_in, '+', () => zoom(1.6));
    button(words.earlier, '←', () => pan(-(current()[1] - current()[0]) / 4));
    button(words.later, '→', () => pan((current()[1] - current()[0]) / 4));
    const focusButton = button(words.focus_view, words.focus, () => { state.view = null; apply(); });
    const wholeButton = button(words.whole, words.whole, () => setView(whole[0], whole[1]));
    const filters = html('details', { class: 'timeline-filters' });
    filters.appendChild(html('summary', {}, words.filter));
    function checkboxes(title, values, names, set) {
      const box = html('fieldset', {});
      box.appendChild(html('legend', {}, title));
      values.forEach((value, i) => {
        const label = html('label', {});
        const input = html('input', { type: 'checkbox', value });
        input.checked = !set.has(value);
        input.addEventListener('change', () => { if (input.checked) set.delete(value); else set.add(value); apply(); });
        label.appendChild(input);
        label.appendChild(document.createTextNode(' ' + names[i]));
        box.appendChild(label);
      });
      filters.appendChild(box);
    }
    const status = html('p', { class: 'visually-hidden', 'aria-live': 'polite' });
    tools.appendChild(status);
    figure.insertBefore(tools, figure.firstChild);

    if (useURL) {
      const params = new URLSearchParams(location.search);
      const a = fromISO(params.get('from')), b = fromISO(params.get('to'));
      if (a !== null && b !== null && b > a) state.view = [a, b + 1];
      (params.get('hide') || '').split(',').filter(Boolean).forEach((v) => state.lanes.add(v));
      (params.get('status') || '').split(',').filter(Boolean).forEach((v) => { if (!STATUSES.includes(v)) return; state.statuses.add(v); });
    }
    if (overview) {
      const all = new Map();
      drawings.forEach((d) => d.svg.querySelectorAll('.lane').forEach((l) => all.set(l.dataset.lane, l.dataset.name)));
      checkboxes(words.lanes, [...all.keys()], [...all.values()], state.lanes);
    }
    checkboxes(words.status, STATUSES, STATUSES.map((s) => words['status_' + s] || s), state.statuses);
    if (state.lanes.size || state.statuses.size) filters.open = true;
    tools.appendChild(filters);

    function save() {
      const params = new URLSearchParams(location.search);
      ['from', 'to', 'hide', 'status'].forEach((k) => params.delete(k));
      if (state.view) { params.set('from', toISO(state.view[0])); params.set('to', toISO(state.view[1] - 1)); }
      if (state.lanes.size) params.set('hide', [...state.lanes].join(','));
      if (state.statuses.size) params.set('status', [...state.statuses].join(','));
      const query = params.toString();
      try { history.replaceState(history.state, '', location.pathname + (query ? '?' + query : '') + location.hash); } catch (e) { /* file:// in some browsers */ }
    }

    drawings.forEach((d) => {
      const svg = d.svg;
      svg.setAttribute('tabindex', '0');
      svg.addEventListener('keydown', (event) => {
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        const span = current()[1] - current()[0];
        const keys = { '+': () => zoom(1.6), '=': () => zoom(1.6), '-': () => zoom(1 / 1.6), '_': () => zoom(1 / 1.6),
          ArrowLeft: () => pan(-span / 8), ArrowRight: () => pan(span / 8), Home: () => setView(whole[0], whole[0] + span),
          End: () => setView(whole[1] - span, whole[1]), '0': () => { state.view = null; apply(); } };
        if (keys[event.key]) { keys[event.key](); event.preventDefault(); }
      });
      svg.addEventListener('wheel', (event) => {
        if (event.ctrlKey || event.metaKey) {
          event.preventDefault();
          zoom(event.deltaY < 0 ? 1.25 : 0.8, dayAt(event.clientX));
        } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
          event.preventDefault();
          pan((event.deltaX || event.deltaY) * daysPerPixel());
        }
      }, { passive: false });
      // Drag to pan; two fingers to pinch.
      const pointers = new Map();
      let dragged = false, pinch = null;
      svg.addEventListener('pointerdown', (event) => {
        pointers.set(event.pointerId, event.clientX);
        dragged = false;
        if (pointers.size === 2) {
          const [p, q] = [...pointers.values()];
          pinch = { distance: Math.abs(p - q), view: current(), centre: dayAt((p + q) / 2) };
        }
      });
      svg.addEventListener('pointermove', (event) => {
        if (!pointers.has(event.pointerId)) return;
        const previous = pointers.get(event.pointerId);
        pointers.set(event.pointerId, event.clientX);
        if (pinch && pointers.size === 2) {
          const [p, q] = [...pointers.values()];
          const factor = Math.abs(p - q) / Math.max(1, pinch.distance);
          const [a, b] = pinch.view;
          setView(pinch.centre - (pinch.centre - a) / factor, pinch.centre + (b - pinch.centre) / factor);
          return;
        }
        const dx = event.clientX - previous;
        if (Math.abs(dx) > 0 && (dragged || Math.abs(dx) > 2)) {
          if (!dragged) svg.setPointerCapture(event.pointerId);
          dragged = true;
          pan(-dx * daysPerPixel());
        }
      });
      const up = (event) => { pointers.delete(event.pointerId); if (pointers.size < 2) pinch = null; };
      svg.addEventListener('pointerup', up);
      svg.addEventListener('pointercancel', up);
      // A drag must not follow the link it started on.
      svg.addEventListener('click', (event) => { if (dragged) { event.preventDefault(); dragged = false; } }, true);
      svg.querySelectorAll('.mark').forEach((mark) => {
        mark.addEventListener('focus', () => showTip(svg, mark));
        mark.addEventListener('mouseenter', () => showTip(svg, mark));
        mark.addEventListener('blur', () => hideTip(svg));
        mark.addEventListener('mouseleave', () => { if (document.activeElement !== mark) hideTip(svg); });
      });
    });
    apply();
  }

  document.querySelectorAll('figure.timeline-figure').forEach(setup);
})();
