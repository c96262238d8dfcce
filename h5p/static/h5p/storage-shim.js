/* In a sandboxed (opaque-origin) frame even reading localStorage/sessionStorage throws, and
 * H5P core reads them unguarded. Give it an in-memory stand-in before it loads. */
(function () {
  'use strict';
  function MemoryStorage() { this._d = {}; }
  MemoryStorage.prototype = {
    get length() { return Object.keys(this._d).length; },
    key: function (i) { return Object.keys(this._d)[i] || null; },
    getItem: function (k) { return Object.prototype.hasOwnProperty.call(this._d, k) ? this._d[k] : null; },
    setItem: function (k, v) { this._d[k] = String(v); },
    removeItem: function (k) { delete this._d[k]; },
    clear: function () { this._d = {}; }
  };
  ['localStorage', 'sessionStorage'].forEach(function (name) {
    var works = false;
    try { works = !!window[name] && (window[name].getItem('x'), true); } catch (e) { works = false; }
    if (!works) {
      try { Object.defineProperty(window, name, {value: new MemoryStorage(), configurable: true}); } catch (e) { /* keep going */ }
    }
  });
})();
