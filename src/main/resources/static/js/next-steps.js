// Draws the next-steps charts from the JSON the page carries (no inline script: the CSP forbids it).
(function () {
  const el = document.getElementById('next-steps-data');
  if (!el || typeof Chart === 'undefined') return;
  const d = JSON.parse(el.textContent);
  function draw(id, label, customers, distributors) {
    const canvas = document.getElementById(id);
    if (!canvas) return;
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: d.labels,
        datasets: [
          { label: 'Customers ' + label, data: customers, backgroundColor: '#2f6f8f' },
          { label: 'Distributors ' + label, data: distributors, backgroundColor: '#c98a2b' }
        ]
      },
      options: { animation: false, scales: { y: { beginAtZero: true } } }
    });
  }
  draw('chart-members', 'members', d.customersMembers, d.distributorsMembers);
  draw('chart-revenue', 'revenue', d.customersRevenue, d.distributorsRevenue);
})();
