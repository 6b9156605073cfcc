// The header's two buttons. The colour scheme follows the system until the reader picks
// one, which is remembered (the inline script in <head> applies it before the first
// paint, so a page never flashes the other scheme); on a phone, the menu folds the
// navigation into one line. Without this script the header shows everything, unfolded.
(function () {
  'use strict';
  var root = document.documentElement;
  var system = window.matchMedia('(prefers-color-scheme: dark)');
  var toggle = document.querySelector('.theme-toggle');
  function scheme() { return root.getAttribute('data-theme') || (system.matches ? 'dark' : 'light'); }
  function sync() { if (toggle) toggle.setAttribute('aria-pressed', scheme() === 'dark' ? 'true' : 'false'); }
  if (toggle) {
    sync();
    toggle.addEventListener('click', function () {
      var next = scheme() === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { localStorage.setItem('dossier-theme', next); } catch (e) { /* private mode: this page only */ }
      sync();
    });
    if (system.addEventListener) system.addEventListener('change', sync);
  }
  var menu = document.querySelector('.menu-toggle');
  if (menu) {
    menu.addEventListener('click', function () {
      var open = menu.getAttribute('aria-expanded') !== 'true';
      menu.setAttribute('aria-expanded', open ? 'true' : 'false');
      root.classList.toggle('menu-open', open);
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && root.classList.contains('menu-open')) {
        root.classList.remove('menu-open');
        menu.setAttribute('aria-expanded', 'false');
        menu.focus();
      }
    });
  }
})();
