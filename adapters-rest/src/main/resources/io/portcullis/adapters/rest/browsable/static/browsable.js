/*
 * The browsable pages of Portcullis. Sends the page's form as JSON with fetch() and shows the
 * answer in place of the one the page was loaded with. After a login the access and refresh
 * tokens are kept in this tab's sessionStorage (unless the service sets token cookies) and the
 * access token is sent as a Bearer token to the endpoints that need a login.
 * Everything shown goes through textContent: nothing from an answer is ever parsed as markup.
 */
(function () {
  'use strict';

  var ACCESS = 'portcullis.access';
  var REFRESH = 'portcullis.refresh';
  var WHO = 'portcullis.user';
  var SHOWN = ['Allow', 'Content-Type', 'Vary', 'WWW-Authenticate', 'Retry-After', 'Location'];

  var body = document.body;
  var endpoint = body.getAttribute('data-endpoint') || '';
  var cookieMode = body.getAttribute('data-cookie-mode') === 'true';
  var needsLogin = body.getAttribute('data-authenticated') === 'true';
  var csrfHeader = body.getAttribute('data-csrf-header') || '';
  var csrfCookie = body.getAttribute('data-csrf-cookie') || '';
  var SAFE = ['GET', 'HEAD', 'OPTIONS'];
  var scheme = body.getAttribute('data-auth-scheme') || 'Bearer';
  var form = document.getElementById('endpoint-form');

  function stored(name) {
    try { return window.sessionStorage.getItem(name); } catch (e) { return null; }
  }

  function store(name, value) {
    try {
      if (value) { window.sessionStorage.setItem(name, value); } else { window.sessionStorage.removeItem(name); }
    } catch (e) { /* storage refused: the page still works, without keeping the login */ }
  }

  function forget() {
    store(ACCESS); store(REFRESH); store(WHO);
    showSession();
  }

  function showSession() {
    var session = document.getElementById('session');
    var button = document.getElementById('forget');
    if (!session) { return; }
    var who = stored(WHO);
    if (stored(ACCESS)) {
      session.textContent = 'Signed in as ' + (who || 'a user') + ' (token kept by this tab).';
      button.hidden = false;
    } else if (cookieMode && who) {
      session.textContent = 'Signed in as ' + who + ' (token cookie).';
      button.hidden = false;
    } else {
      session.textContent = cookieMode ? 'Token cookies sign requests in.' : 'Not signed in.';
      button.hidden = true;
    }
  }

  function line(text) {
    var span = document.createElement('span');
    span.className = 'line';
    span.textContent = text;
    return span;
  }

  function show(method, url, response, text) {
    document.getElementById('request-line').textContent = method + ' ' + url;
    var pre = document.getElementById('response');
    pre.classList.toggle('failed', response.status >= 400);
    pre.classList.toggle('succeeded', response.status < 400);
    document.getElementById('status-line').textContent =
        'HTTP ' + response.status + (response.statusText ? ' ' + response.statusText : '');
    var headers = document.getElementById('response-headers');
    while (headers.firstChild) { headers.removeChild(headers.firstChild); }
    SHOWN.forEach(function (name) {
      var value = response.headers.get(name);
      if (value) { headers.appendChild(line(name + ': ' + value)); }
    });
    document.getElementById('response-body').textContent = text;
  }

  function cookie(name) {
    var pairs = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < pairs.length; i++) {
      if (pairs[i].indexOf(name + '=') === 0) { return decodeURIComponent(pairs[i].substring(name.length + 1)); }
    }
    return '';
  }

  function send(method, url, payload) {
    var headers = { 'Accept': 'application/json' };
    // The CSRF proof the service asks of cookie-authenticated unsafe requests.
    if (csrfHeader && SAFE.indexOf(method) < 0) {
      headers[csrfHeader] = csrfCookie ? cookie(csrfCookie) : 'browsable-page';
    }
    var token = stored(ACCESS);
    if (token && (needsLogin || (scheme === 'Token' && endpoint === 'logout'))) {
      headers['Authorization'] = scheme + ' ' + token;
    }
    var init = { method: method, headers: headers, credentials: 'same-origin' };
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(payload);
    }
    return window.fetch(url, init).then(function (response) {
      return response.text().then(function (text) {
        var json;
        try { json = text ? JSON.parse(text) : undefined; } catch (e) { json = undefined; }
        show(method, url, response, json === undefined ? text : JSON.stringify(json, null, 4));
        var result = { method: method, status: response.status, json: json || {} };
        after(result, Boolean(headers['Authorization']));
        return result;
      });
    }, function (error) {
      document.getElementById('request-line').textContent = method + ' ' + url;
      document.getElementById('status-line').textContent = 'No answer: ' + error;
      return null;
    });
  }

  function fill(values) {
    if (!form) { return; }
    Object.keys(values).forEach(function (name) {
      var input = form.elements.namedItem(name);
      if (input && values[name] !== null && typeof values[name] !== 'object') {
        input.value = String(values[name]);
      }
    });
  }

  function after(result, sentToken) {
    var json = result.json;
    if (endpoint === 'login' && result.status === 200) {
      if (!cookieMode) {
        store(ACCESS, json.access || json.key);
        store(REFRESH, json.refresh);
      }
      var user = json.user || {};
      store(WHO, user.email || user.username || String(user.pk || ''));
      showSession();
    } else if (endpoint === 'token-refresh' && result.status === 200 && !cookieMode) {
      store(ACCESS, json.access);
      if (json.refresh) { store(REFRESH, json.refresh); }
    } else if (endpoint === 'logout') {
      forget();
    } else if (endpoint === 'user' && result.status === 200) {
      fill(json);
    }
    if (sentToken && result.status === 401) {
      // The kept token expired or was revoked: drop it, so the next attempt asks for a login.
      store(ACCESS);
      showSession();
    }
  }

  function here() {
    return window.location.pathname;
  }

  if (form) {
    var clicked = null;
    Array.prototype.forEach.call(form.querySelectorAll('button[data-method]'), function (button) {
      button.addEventListener('click', function () { clicked = button; });
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = event.submitter || clicked;
      var method = (button && button.getAttribute('data-method')) || 'POST';
      var payload = {};
      Array.prototype.forEach.call(form.elements, function (input) {
        if (!input.name || input.disabled || input.getAttribute('data-read-only') === 'true' || input.value === '') {
          return;
        }
        payload[input.name] = input.value;
      });
      send(method, form.getAttribute('action'), payload);
    });
    // The tokens a logout or a refresh needs, when this tab keeps them.
    if (endpoint === 'logout' || endpoint === 'token-refresh') {
      fill({ refresh: stored(REFRESH) || '' });
    }
  }

  var getButton = document.getElementById('send-get');
  if (getButton) { getButton.addEventListener('click', function () { send('GET', here()); }); }
  var optionsButton = document.getElementById('send-options');
  if (optionsButton) { optionsButton.addEventListener('click', function () { send('OPTIONS', here()); }); }
  var forgetButton = document.getElementById('forget');
  if (forgetButton) { forgetButton.addEventListener('click', forget); }

  showSession();
  if (endpoint === 'user') {
    var status = Number(body.getAttribute('data-status'));
    if (status === 200) {
      try { fill(JSON.parse(document.getElementById('response-body').textContent)); } catch (e) { /* not JSON */ }
    } else if (status === 401 && stored(ACCESS)) {
      // Loaded by navigation, which carries no token: ask again with the one this tab keeps.
      send('GET', here());
    }
  }
}());
