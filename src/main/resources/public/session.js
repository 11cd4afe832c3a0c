// Shows "Log out" in the header when this painsearch is protected by a password.
fetch('/api/session', { headers: { Accept: 'application/json' } })
  .then((res) => (res.ok ? res.json() : null))
  .then((s) => {
    const link = document.getElementById('nav-logout');
    if (link && s && s.loginRequired) link.hidden = false;
  })
  .catch(() => {});
