// Draws the next-steps charts from the JSON the page carries (no inline script: the CSP forbids it).
// Each canvas names its two series in the page's language (data-customers, data-distributors).
(function () {
  const el = document.getElementById('next-steps-data');
  if (!el || typeof Chart === 'undefined') return;
  const d = JSON.parse(el.textContent);
  function draw(id, customers, distributors) {
    const canvas = document.getElementById(id);
    if (!canvas) return;
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: d.labels,
        datasets: [
          { label: canvas.dataset.customers, data: customers, backgroundColor: '#2a6482' },
          { label: canvas.dataset.distributors, data: distributors, backgroundColor: '#a86d12' }
        ]
      },
      options: { animation: false, locale: document.documentElement.lang || 'en', scales: { y: { beginAtZero: true } } }
    });
  }
  draw('chart-members', d.customersMembers, d.distributorsMembers);
  draw('chart-revenue', d.customersRevenue, d.distributorsRevenue);
})();
