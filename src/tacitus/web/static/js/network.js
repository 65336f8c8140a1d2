// The actor network: who acts on whom, drawn with cytoscape.js. Node size follows the number
// of events, edge colour the mean Goldstein score (red conflict, grey neutral, green
// cooperation), edge width the number of events.

function goldsteinColour(score) {
  const t = Math.max(-1, Math.min(1, (score || 0) / 10));
  const grey = [150, 150, 150];
  const end = t < 0 ? [194, 59, 50] : [60, 150, 70];
  const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * Math.abs(t)));
  return `rgb(${mix.join(",")})`;
}

const LABELLED = 30;

const STYLE = [
  { selector: "node", style: {
    width: "data(size)", height: "data(size)", "background-color": "#3b6ea5", label: "data(label)",
    "font-size": 9, "text-valign": "bottom", "text-margin-y": 2, color: "#222",
    "text-wrap": "ellipsis", "text-max-width": 110, "text-outline-color": "#fff", "text-outline-width": 1.5,
  } },
  { selector: "edge", style: {
    width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
    "target-arrow-shape": "triangle", "arrow-scale": 0.7, "curve-style": "bezier", opacity: 0.85,
  } },
  { selector: "node:active, node:selected", style: { "background-color": "#f2a900" } },
  { selector: "node.hover", style: { label: "data(name)", "z-index": 10, "background-color": "#f2a900" } },
];

export class ActorNetwork {
  constructor(root, { onPickActor }) {
    this.cy = window.cytoscape({
      container: root, style: STYLE, minZoom: 0.2, maxZoom: 4,
      boxSelectionEnabled: false,
    });
    this.cy.on("tap", "node", (event) => onPickActor(event.target.data("name")));
    this.cy.on("mouseover", "node", (event) => event.target.addClass("hover"));
    this.cy.on("mouseout", "node", (event) => event.target.removeClass("hover"));
  }

  render(graph) {
    const ids = new Set(graph.nodes.map((n) => String(n.id)));
    // Only the busiest actors carry a label (the rest on hover), so labels stay legible.
    const busiest = [...graph.nodes].sort((a, b) => b.events - a.events).slice(0, LABELLED)
      .map((n) => String(n.id));
    const nodes = graph.nodes.map((n) => {
      const name = n.name || String(n.id);
      return { data: {
        id: String(n.id), name, label: busiest.includes(String(n.id)) ? name : "",
        size: Math.min(60, 12 + 6 * Math.sqrt(n.events)),
      } };
    });
    const edges = graph.edges
      .filter((e) => ids.has(String(e.source)) && ids.has(String(e.target)))
      .map((e, i) => ({ data: {
        id: `e${i}`, source: String(e.source), target: String(e.target),
        width: Math.min(8, 1.5 + Math.log2(e.events)), colour: goldsteinColour(e.goldstein),
      } }));
    this.cy.elements().remove();
    this.cy.add([...nodes, ...edges]);
    this.cy.layout({ name: "cose", animate: false, randomize: true, nodeRepulsion: () => 9000,
      idealEdgeLength: () => 60, padding: 20 }).run();
    // A few nodes would be blown up to fill the box, many shrunk to specks: bound the zoom,
    // and keep labels near 11 px on screen whatever the zoom.
    if (this.cy.zoom() > 1.5) {
      this.cy.zoom(1.5);
      this.cy.center();
    }
    const scale = 1 / this.cy.zoom();
    this.cy.style().selector("node")
      .style({ "font-size": Math.max(9, 11 * scale), "text-max-width": 100 * scale }).update();
  }

  get nodeCount() {
    return this.cy.nodes().length;
  }
}
