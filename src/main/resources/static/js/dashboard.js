// Draws the dashboard charts from the JSON the page carries (no inline script: the CSP forbids it).
(function () {
  const el = document.getElementById('dashboard-data');
  if (!el || typeof Chart === 'undefined') return;
  const d = JSON.parse(el.textContent);
  const accent = '#2f6f8f';
  function draw(id, type, label, values) {
    const canvas = document.getElementById(id);
    if (!canvas) return;
    new Chart(canvas, {
      type: type,
      data: { labels: d.labels, datasets: [{ label: label, data: values, backgroundColor: accent, borderColor: accent, tension: 0.25 }] },
      options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
    });
  }
  draw('chart-revenue', 'bar', 'Revenue', d.revenue);
  draw('chart-orders', 'line', 'Orders', d.orders);
  draw('chart-active', 'line', 'Active distributors', d.active);
  draw('chart-recruits', 'bar', 'New recruits', d.recruits);
})();
