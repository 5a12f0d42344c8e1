// Draws the plan comparison's chart (paid per period, plan A beside plan B) from the JSON the page
// carries (no inline script: the CSP forbids it). The table after it holds the same figures.
(function () {
  const el = document.getElementById('compare-data');
  const canvas = document.getElementById('chart-paid');
  if (!el || !canvas || typeof Chart === 'undefined') return;
  const d = JSON.parse(el.textContent);
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: d.labels,
      datasets: [
        { label: canvas.dataset.labelA, data: d.a, backgroundColor: '#2a6482' },
        { label: canvas.dataset.labelB, data: d.b, backgroundColor: '#c2410c' }
      ]
    },
    options: { animation: false, locale: document.documentElement.lang || 'en', scales: { y: { beginAtZero: true } } }
  });
})();
