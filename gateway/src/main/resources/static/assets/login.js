// Sign-in page: echo the CSRF cookie into the form and say why the page is shown.
(function () {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  document.getElementById('login-csrf').value = cookie ? decodeURIComponent(cookie.substring(11)) : '';
  const params = new URLSearchParams(window.location.search);
  document.getElementById('login-error').hidden = !params.has('error');
  document.getElementById('login-out').hidden = !params.has('logout');
})();
