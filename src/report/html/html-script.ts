/**
 * The report's only script (inline): expand/collapse cases, filters by outcome, tag, protocol and
 * text, and jumping from the requirement matrix to a case. Works from file:// with no network.
 */
export const HTML_SCRIPT = String.raw`
(function () {
  var cases = Array.prototype.slice.call(document.querySelectorAll('.case'));
  function toggle(el, open) {
    var isOpen = open === undefined ? !el.classList.contains('open') : open;
    el.classList.toggle('open', isOpen);
    var head = el.querySelector('.case-head');
    if (head) head.setAttribute('aria-expanded', String(isOpen));
  }
  cases.forEach(function (el) {
    el.querySelector('.case-head').addEventListener('click', function () { toggle(el); });
  });
  var outcomeBoxes = Array.prototype.slice.call(document.querySelectorAll('[data-filter-outcome]'));
  var tagSelect = document.getElementById('filter-tag');
  var protocolSelect = document.getElementById('filter-protocol');
  var search = document.getElementById('filter-text');
  var count = document.getElementById('visible-count');
  function apply() {
    var outcomes = outcomeBoxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var tag = tagSelect ? tagSelect.value : '';
    var protocol = protocolSelect ? protocolSelect.value : '';
    var text = search ? search.value.trim().toLowerCase() : '';
    var shown = 0;
    cases.forEach(function (el) {
      var ok = outcomes.indexOf(el.getAttribute('data-outcome')) >= 0
        && (!tag || (' ' + el.getAttribute('data-tags') + ' ').indexOf(' ' + tag + ' ') >= 0)
        && (!protocol || (' ' + el.getAttribute('data-protocols') + ' ').indexOf(' ' + protocol + ' ') >= 0)
        && (!text || el.getAttribute('data-search').indexOf(text) >= 0);
      el.classList.toggle('hidden', !ok);
      if (ok) shown++;
    });
    document.querySelectorAll('.suite').forEach(function (suite) {
      suite.classList.toggle('hidden', !suite.querySelector('.case:not(.hidden)'));
    });
    if (count) count.textContent = shown + ' of ' + cases.length + ' cases shown';
  }
  outcomeBoxes.forEach(function (b) { b.addEventListener('change', apply); });
  [tagSelect, protocolSelect].forEach(function (s) { if (s) s.addEventListener('change', apply); });
  if (search) search.addEventListener('input', apply);
  var toggleAll = document.getElementById('toggle-all');
  if (toggleAll) toggleAll.addEventListener('click', function () {
    var expand = toggleAll.getAttribute('aria-pressed') !== 'true';
    cases.forEach(function (el) { if (!expand || !el.classList.contains('hidden')) toggle(el, expand); });
    toggleAll.setAttribute('aria-pressed', String(expand));
    toggleAll.textContent = expand ? 'Collapse all' : 'Expand all';
  });
  function openHash() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.classList.contains('case')) { target.classList.remove('hidden'); toggle(target, true); target.scrollIntoView(); }
  }
  window.addEventListener('hashchange', openHash);
  // Printing (or saving as PDF) shows every case expanded; print CSS does the rest.
  window.addEventListener('beforeprint', function () { cases.forEach(function (el) { el.setAttribute('data-was-open', el.classList.contains('open') ? '1' : ''); toggle(el, true); }); });
  window.addEventListener('afterprint', function () { cases.forEach(function (el) { toggle(el, el.getAttribute('data-was-open') === '1'); }); });
  apply();
  openHash();
})();
`;
