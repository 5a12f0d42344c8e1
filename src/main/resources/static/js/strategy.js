// Draws each objective's trend against its target from the JSON the page carries (the CSP forbids
// inline scripts). The table beside each chart has the same figures.
(function () {
  const el = document.getElementById('strategy-data');
  if (!el || typeof Chart === 'undefined') return;
  const d = JSON.parse(el.textContent);
  const labels = document.getElementById('strategy-labels').dataset;
  document.querySelectorAll('canvas.trend').forEach(function (canvas) {
    const o = d[canvas.dataset.objective];
    if (!o) return;
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: o.labels,
        datasets: [
          { label: labels.figure, data: o.values, borderColor: '#2f6f8f', backgroundColor: '#2f6f8f', spanGaps: false },
          { label: labels.target, data: o.labels.map(function () { return o.target; }), borderColor: '#c98a2b',
            borderDash: [6, 4], pointRadius: 0 }
        ]
      },
      options: { animation: false, scales: { y: { beginAtZero: true } } }
    });
  });
})();
