// The compact navigation on a phone: the menu button (hidden until this script runs, so without
// script the navigation simply stays open) shows and hides the navigation; Escape closes it.
document.addEventListener('DOMContentLoaded', function () {
  const button = document.getElementById('menu-button');
  const top = document.getElementById('top');
  if (!button || !top) return;
  button.hidden = false;
  top.classList.add('has-menu');
  function set(open) {
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    top.classList.toggle('open', open);
  }
  button.addEventListener('click', function () { set(button.getAttribute('aria-expanded') !== 'true'); });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && top.classList.contains('open')) { set(false); button.focus(); }
  });
});
