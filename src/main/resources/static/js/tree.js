// The genealogy explorer's toggles: a button per member with recruits shows or hides the list after
// it (htmx fills the list on the first click). Buttons, so Tab, Enter and Space work as everywhere.
document.addEventListener('click', function (e) {
  const button = e.target.closest('button.toggle');
  if (!button) return;
  const list = button.closest('li.node').querySelector(':scope > ul');
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', open ? 'true' : 'false');
  if (list) list.hidden = !open;
});
