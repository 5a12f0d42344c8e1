// Draws the dashboard charts from the JSON the page carries (no inline script: the CSP forbids it).
// Each canvas names its series in the page's language (data-label); the table below has the figures.
(function () {
  const el = document.getElementById('dashboard-data');
  if (!el || typeof Chart === 'undefined') return;
  const d = JSON.parse(el.textContent);
  const accent = '#2a6482';
  function draw(id, type, values) {
    const canvas = document.getElementById(id);
    if (!canvas) return;
    new Chart(canvas, {
      type: type,
      data: { labels: d.labels, datasets: [{ label: canvas.dataset.label, data: values, backgroundColor: accent, borderColor: accent, tension: 0.25 }] },
      options: { animation: false, locale: document.documentElement.lang || 'en', plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
    });
  }
  draw('chart-revenue', 'bar', d.revenue);
  draw('chart-orders', 'line', d.orders);
  draw('chart-active', 'line', d.active);
  draw('chart-recruits', 'bar', d.recruits);
})();
