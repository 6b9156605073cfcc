// The relationship graph, drawn by the build, made interactive: hovering, focusing or
// tapping a node highlights its neighbourhood and names its relations; filters hide kinds
// of entity and types of relation; zoom and pan move the SVG's viewBox. Without this
// script the graph, its legend and the list of relations are all still there.
(function () {
  'use strict';

  function setUp(area) {
    var svg = area.querySelector('svg[data-graph]');
    if (!svg) return;
    var frame = area.querySelector('.graph-frame') || svg.parentNode;
    var nodes = Array.prototype.slice.call(svg.querySelectorAll('.node'));
    var edges = Array.prototype.slice.call(svg.querySelectorAll('.edge'));
    var edgeLabels = {};
    Array.prototype.forEach.call(svg.querySelectorAll('.edge-label'), function (label) { edgeLabels[label.getAttribute('data-edge')] = label; });
    var edgesOf = {};
    edges.forEach(function (edge) {
      [edge.getAttribute('data-from'), edge.getAttribute('data-to')].forEach(function (node) {
        (edgesOf[node] = edgesOf[node] || []).push(edge);
      });
    });

    // ---- highlight
    var pinned = null;
    function mark(edge, on) {
      edge.classList.toggle('hl', on);
      var label = edgeLabels[edge.getAttribute('data-edge')];
      if (label) label.classList.toggle('hl', on);
    }
    function highlight(id) {
      edges.forEach(function (edge) { mark(edge, false); });
      svg.classList.toggle('focusing', id !== null);
      if (id === null) { nodes.forEach(function (n) { n.classList.remove('hl'); }); return; }
      var near = {}, stacked = {};
      near[id] = true;
      (edgesOf[id] || []).forEach(function (edge) {
        if (edge.classList.contains('off')) return;
        mark(edge, true);
        // Name each relation nearer its far end, so the names do not pile up at the node.
        var line = edge.querySelector('.stroke'), label = edgeLabels[edge.getAttribute('data-edge')];
        if (line && label) {
          var t = edge.getAttribute('data-from') === id ? 0.62 : 0.38;
          // Two relations between the same pair share a line: their names go one under the other.
          var pair = [edge.getAttribute('data-from'), edge.getAttribute('data-to')].sort().join('-');
          var row = stacked[pair] = (stacked[pair] || 0) + 1;
          var x1 = +line.getAttribute('x1'), y1 = +line.getAttribute('y1'), x2 = +line.getAttribute('x2'), y2 = +line.getAttribute('y2');
          label.setAttribute('x', Math.round((x1 + (x2 - x1) * t) * 10) / 10);
          label.setAttribute('y', Math.round((y1 + (y2 - y1) * t + 4 + (row - 1) * 14) * 10) / 10);
        }
        near[edge.getAttribute('data-from')] = near[edge.getAttribute('data-to')] = true;
      });
      nodes.forEach(function (n) { n.classList.toggle('hl', !!near[n.getAttribute('data-node')]); });
    }
    var lastPointer = 'mouse';
    svg.addEventListener('pointerdown', function (event) { lastPointer = event.pointerType; }, true);
    nodes.forEach(function (node) {
      var id = node.getAttribute('data-node');
      node.addEventListener('pointerenter', function (event) { if (event.pointerType === 'mouse') highlight(id); });
      node.addEventListener('pointerleave', function (event) { if (event.pointerType === 'mouse') highlight(pinned); });
      node.addEventListener('focus', function () { highlight(id); });
      node.addEventListener('blur', function () { highlight(pinned); });
      // On a touch screen the first tap shows the neighbourhood, the second follows the link.
      node.addEventListener('click', function (event) {
        if (lastPointer !== 'touch' || pinned === id) return;
        event.preventDefault();
        pinned = id;
        highlight(id);
      });
    });
    edges.forEach(function (edge) {
      edge.addEventListener('pointerenter', function () { if (!svg.classList.contains('focusing')) mark(edge, true); });
      edge.addEventListener('pointerleave', function () { if (!svg.classList.contains('focusing')) mark(edge, false); });
    });

    // ---- filters
    var filters = area.querySelector('.graph-legend');
    function applyFilters() {
      var off = {};
      Array.prototype.forEach.call(filters.querySelectorAll('input[type=checkbox]'), function (box) {
        if (!box.checked) off[box.name + ':' + box.value] = true;
      });
      var hiddenNode = {};
      nodes.forEach(function (node) {
        var hide = !!off['kind:' + node.getAttribute('data-kind')];
        node.classList.toggle('off', hide);
        if (hide) { hiddenNode[node.getAttribute('data-node')] = true; node.setAttribute('tabindex', '-1'); } else node.removeAttribute('tabindex');
      });
      edges.forEach(function (edge) {
        var hide = !!off['type:' + edge.getAttribute('data-type')] || hiddenNode[edge.getAttribute('data-from')] || hiddenNode[edge.getAttribute('data-to')];
        edge.classList.toggle('off', !!hide);
      });
      highlight(pinned);
    }
    if (filters) filters.addEventListener('change', applyFilters);

    // ---- zoom and pan
    var base = svg.viewBox.baseVal;
    var home = { x: base.x, y: base.y, w: base.width, h: base.height };
    var view = { x: home.x, y: home.y, w: home.w, h: home.h };
    function show() { svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].map(function (v) { return Math.round(v * 10) / 10; }).join(' ')); }
    function zoom(factor, cx, cy) {
      var w = Math.min(home.w * 1.5, Math.max(home.w / 8, view.w / factor));
      var f = w / view.w;
      if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
      view.x = cx - (cx - view.x) * f; view.y = cy - (cy - view.y) * f;
      view.w = w; view.h = view.h * f;
      show();
    }
    function pan(dx, dy) { view.x += dx; view.y += dy; show(); }
    function reset() { view = { x: home.x, y: home.y, w: home.w, h: home.h }; show(); }
    function unitsPerPixel() { return view.w / (svg.getBoundingClientRect().width || 1); }
    function toUnits(event) {
      var box = svg.getBoundingClientRect();
      return { x: view.x + (event.clientX - box.left) * unitsPerPixel(), y: view.y + (event.clientY - box.top) * unitsPerPixel() };
    }
    var tools = area.querySelector('.graph-tools');
    if (tools) {
      tools.hidden = false;
      var fit = tools.querySelector('button[data-zoom=reset]');
      if (fit) fit.setAttribute('aria-pressed', 'false');
      tools.addEventListener('click', function (event) {
        var button = event.target.closest('button[data-zoom]');
        if (!button) return;
        var action = button.getAttribute('data-zoom');
        if (action === 'in') zoom(1.4); else if (action === 'out') zoom(1 / 1.4); else { reset(); button.setAttribute('aria-pressed', svg.classList.toggle('fit') ? 'true' : 'false'); }
      });
    }
    frame.addEventListener('keydown', function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var step = view.w / 10, handled = true;
      switch (event.key) {
        case '+': case '=': zoom(1.4); break;
        case '-': case '_': zoom(1 / 1.4); break;
        case '0': reset(); break;
        case 'ArrowLeft': pan(-step, 0); break;
        case 'ArrowRight': pan(step, 0); break;
        case 'ArrowUp': pan(0, -step); break;
        case 'ArrowDown': pan(0, step); break;
        case 'Escape': pinned = null; highlight(null); break;
        default: handled = false;
      }
      if (handled) event.preventDefault();
    });
    // A wheel zooms only with Ctrl (or a trackpad's pinch, which sends it): the page still scrolls.
    svg.addEventListener('wheel', function (event) {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      var at = toUnits(event);
      zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15, at.x, at.y);
    }, { passive: false });
    // Drag with a mouse or pen to pan; a finger scrolls the frame natively instead.
    var drag = null, dragged = false;
    svg.addEventListener('pointerdown', function (event) {
      if (event.pointerType === 'touch' || event.button !== 0 || event.target.closest('.node')) return;
      drag = { id: event.pointerId, x: event.clientX, y: event.clientY };
      dragged = false;
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener('pointermove', function (event) {
      if (!drag || drag.id !== event.pointerId) return;
      var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 2) dragged = true;
      if (!dragged) return;
      pan(-dx * unitsPerPixel(), -dy * unitsPerPixel());
      drag.x = event.clientX; drag.y = event.clientY;
    });
    function release() { drag = null; }
    svg.addEventListener('pointerup', function (event) {
      release();
      if (!dragged && !event.target.closest('.node')) { pinned = null; highlight(null); }
    });
    svg.addEventListener('pointercancel', release);
    svg.classList.add('interactive');
    // On a phone the drawing is wider than its frame: open it on the middle, not the left edge.
    if (frame.scrollWidth > frame.clientWidth) frame.scrollLeft = (frame.scrollWidth - frame.clientWidth) / 2;
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-graph-area]'), setUp);
})();
