// The login page: posts the password, then returns to the page that asked for it. /login.html?logout ends the session.
const $ = (id) => document.getElementById(id);

function show(id, message) {
  $(id).textContent = message || '';
  $(id).hidden = !message;
}

async function post(path, body) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body || {}),
  });
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  return { ok: res.ok, status: res.status, data };
}

// Only a path on this site is a place to go back to, never another address.
function next() {
  const target = new URLSearchParams(location.search).get('next') || '/';
  return target.startsWith('/') && !target.startsWith('//') ? target : '/';
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  show('error', '');
  const answer = await post('/api/login', { password: $('password').value });
  if (answer.ok) {
    location.assign(next());
  } else {
    show('error', (answer.data && answer.data.error) || 'The server answered ' + answer.status);
    $('password').select();
  }
});

if (new URLSearchParams(location.search).has('logout')) {
  post('/api/logout').then(() => show('notice', 'You are logged out.'));
}
