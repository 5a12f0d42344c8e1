// The relationship network picture (back office): cytoscape, served from its WebJar, draws the
// graph the server sends (/office/network/graph.json: contacts and communities, capped for drawing).
// The tables on the page hold the same, for a screen reader and for every contact past the cap.
document.addEventListener('DOMContentLoaded', function () {
  const box = document.getElementById('network-picture');
  if (!box || typeof cytoscape === 'undefined') return;
  fetch(box.getAttribute('data-src'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (g) {
      const elements = [];
      g.nodes.forEach(function (n) { elements.push({ group: 'nodes', data: n }); });
      g.edges.forEach(function (e, i) { elements.push({ group: 'edges', data: { id: 'e' + i, source: e.source, target: e.target, kind: e.kind } }); });
      const cy = cytoscape({
        container: box,
        elements: elements,
        // cose reads well up to a few hundred nodes; past that a circle is instant and still shows who clusters.
        layout: g.nodes.length <= 250 ? { name: 'cose', animate: false, randomize: false, nodeRepulsion: 6000 }
                                      : { name: 'concentric', animate: false, minNodeSpacing: 4 },
        wheelSensitivity: 0.3,
        style: [
          { selector: 'node', style: { 'label': 'data(label)', 'font-size': 9, 'color': '#1d2a33', 'width': 12, 'height': 12,
              'background-color': '#7fa6bd', 'text-valign': 'bottom', 'text-margin-y': 2 } },
          { selector: 'node[tie = "close"]', style: { 'background-color': '#1d4e66' } },
          { selector: 'node[tie = "friend"]', style: { 'background-color': '#2a6482' } },
          { selector: 'node[kind = "community"]', style: { 'shape': 'round-rectangle', 'background-color': '#b45309',
              'width': 'mapData(size, 1, 100, 16, 44)', 'height': 'mapData(size, 1, 100, 16, 44)', 'font-size': 11, 'font-weight': 600 } },
          { selector: 'edge', style: { 'width': 1, 'line-color': '#c3ccd5', 'curve-style': 'haystack' } },
          { selector: 'edge[kind = "link"]', style: { 'width': 1.5, 'line-color': '#4f5d6e' } }
        ]
      });
      box.setAttribute('data-drawn', String(cy.nodes().length));
    });
});
