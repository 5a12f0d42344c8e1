// Asks before a form marked data-confirm is sent (closing a period cannot be undone). A file, not an
// inline handler: the CSP forbids inline script.
document.addEventListener('submit', function (e) {
  const message = e.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) e.preventDefault();
});
