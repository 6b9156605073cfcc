"""The helpers the browser check injects into every page: colour parsing, WCAG
contrast, focus styles, selectors."""

# --------------------------------------------------------------------------- 4/5b. browser

BROWSER_JS_HELPERS = r"""
window.__sc = (() => {
  const cv = document.createElement('canvas'); cv.width = cv.height = 1;
  const ctx = cv.getContext('2d', {willReadFrequently: true});
  function parse(c) {
    if (!c || c === 'transparent') return [0, 0, 0, 0];
    const m = c.match(/^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/);
    if (m) {
      const a = m[4] === undefined ? 1 : (m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]));
      return [+m[1], +m[2], +m[3], a];
    }
    ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = '#000'; ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
  }
  const over = (t, b) => [0, 1, 2].map(i => t[i] * t[3] + b[i] * (1 - t[3])).concat([1]);
  const lum = c => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const hex = c => '#' + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
  function sel(e, withId) {
    const parts = [];
    for (let x = e; x && x.nodeType === 1 && x !== document.documentElement && parts.length < 4; x = x.parentElement) {
      let s = x.tagName.toLowerCase();
      if (withId && x.id) { parts.unshift(s + '#' + x.id); break; }
      const classes = [...x.classList].slice(0, 2);
      if (classes.length) s += '.' + classes.join('.');
      parts.unshift(s);
    }
    return parts.join(' > ');
  }
  function canvasColor() {
    const d = document.createElement('div');
    d.style.cssText = 'position:absolute;width:0;height:0;background:Canvas';
    document.body.appendChild(d);
    const c = parse(getComputedStyle(d).backgroundColor); d.remove();
    return c[3] >= 1 ? c : [255, 255, 255, 1];
  }
  function background(el) {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.backgroundImage && cs.backgroundImage !== 'none') return {unknown: 'background-image on ' + sel(e, true)};
      const c = parse(cs.backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = canvasColor();
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return {bg};
  }
  function opacity(el) {
    let o = 1;
    for (let e = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity || '1');
    return o;
  }
  function contrast() {
    const out = [], unknown = [];
    for (const el of document.body.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'style', 'noscript', 'template', 'title', 'desc'].includes(tag)) continue;
      let text = '';
      for (const n of el.childNodes) if (n.nodeType === 3) text += n.textContent;
      text = text.trim();
      if (!text) continue;
      if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) continue;
      if (r.right + scrollX <= 0 || r.bottom + scrollY <= 0) continue;  // parked off-screen (skip link)
      const cs = getComputedStyle(el);
      const svg = el instanceof SVGElement;
      const fgText = svg ? cs.fill : cs.color;
      if (svg && /url\(|none/.test(fgText)) continue;
      const b = background(el);
      if (b.unknown) { unknown.push(sel(el, true) + ': ' + b.unknown); continue; }
      let fg = parse(fgText);
      fg = [fg[0], fg[1], fg[2], fg[3] * opacity(el)];
      const fgOnBg = over(fg, b.bg);
      const size = parseFloat(cs.fontSize), weight = parseInt(cs.fontWeight, 10) || 400;
      const large = size >= 24 || (size >= 18.66 && weight >= 700);
      const kind = el.closest('h1,h2,h3,h4,h5,h6') ? 'heading' : (el.closest('a') ? 'link' : (svg ? 'svg text' : 'text'));
      out.push({kind, selector: sel(el, true), rule: sel(el, false), text: text.slice(0, 60),
                fg: hex(fgOnBg), bg: hex(b.bg), ratio: Math.round(ratio(fgOnBg, b.bg) * 100) / 100,
                required: large ? 3 : 4.5, size: Math.round(size * 10) / 10, weight});
    }
    return {items: out, unknown};
  }
  function focusStyle(el) {
    const cs = getComputedStyle(el);
    return {outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
            outlineVisible: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
            outlineColor: hex(parse(cs.outlineColor)), shadow: cs.boxShadow,
            bg: (background(el).bg ? hex(background(el).bg) : null),
            ratio: background(el).bg ? Math.round(ratio(parse(cs.outlineColor), background(el).bg) * 100) / 100 : null};
  }
  return {contrast, focusStyle, sel};
})();
"""
