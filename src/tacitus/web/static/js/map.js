// The map: Leaflet over a bundled Natural Earth country outline (no tile server, works
// offline), one circle per located event with its area proportional to the fatalities.

import { el } from "./dom.js";

const WORLD = "static/vendor/world-atlas/countries-110m.json";

/**
 * Natural Earth rings that cross the antimeridian (Russia, Fiji) jump from +180 to -180;
 * drawn on a flat map that jump is a band across the world. Shift each point by 360 degrees
 * whenever needed so every ring stays continuous (Leaflet draws longitudes beyond 180).
 */
function unwrapRing(ring) {
  let shift = 0;
  return ring.map(([lon, lat], i) => {
    if (i > 0) {
      const step = lon - ring[i - 1][0];
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    return [lon + shift, lat];
  });
}

function unwrap(feature) {
  const geometry = feature.geometry;
  if (geometry.type === "Polygon") geometry.coordinates = geometry.coordinates.map(unwrapRing);
  if (geometry.type === "MultiPolygon") geometry.coordinates = geometry.coordinates.map((p) => p.map(unwrapRing));
  return feature;
}

function radius(killed) {
  return Math.min(30, 4 + 2.2 * Math.sqrt(killed || 0));
}

export class EventMap {
  constructor(root, { onOpen }) {
    const L = window.L;
    this.onOpen = onOpen;
    this.map = L.map(root, { worldCopyJump: true, minZoom: 1, maxZoom: 10, zoomSnap: 0.5, preferCanvas: true });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Outline: Natural Earth via world-atlas");
    this.map.setView([20, 10], 1.5);
    this.markers = L.layerGroup().addTo(this.map);
    this.byId = new Map();
    this.ready = fetch(WORLD).then((r) => r.json()).then((topology) => {
      const land = window.topojson.feature(topology, topology.objects.countries);
      land.features.forEach(unwrap);
      L.geoJSON(land, {
        interactive: false,
        style: { color: "#8a8a80", weight: 0.6, fillColor: "#efece3", fillOpacity: 1 },
      }).addTo(this.map).bringToBack();
    });
  }

  /** Replace the markers; fit the view to them when `fit` (new filters, not a new event). */
  render(points, { fit, selected }) {
    const L = window.L;
    this.markers.clearLayers();
    this.byId.clear();
    const sorted = [...points].sort((a, b) => (b.killed || 0) - (a.killed || 0));
    for (const point of sorted) {
      const marker = L.circleMarker([point.lat, point.lon], {
        radius: radius(point.killed), weight: 1, color: "#7a1f19", fillColor: "#c23b32", fillOpacity: 0.55,
      });
      const killed = point.killed ? `, ${point.killed} killed` : "";
      marker.bindTooltip(el("span", {}, `${point.type} ${point.date || "undated"}${killed}`,
        el("br"), point.location_name || ""));
      marker.on("click", () => this.onOpen(point.id));
      marker.addTo(this.markers);
      this.byId.set(point.id, marker);
    }
    this.highlight(selected);
    if (fit && points.length) {
      const bounds = L.latLngBounds(points.map((p) => [p.lat, p.lon]));
      this.map.fitBounds(bounds.pad(0.2), { maxZoom: 5, animate: false });
    }
  }

  highlight(id) {
    for (const [markerId, marker] of this.byId) {
      const on = markerId === id;
      marker.setStyle(on ? { color: "#111", weight: 3, fillColor: "#f2c12e", fillOpacity: 0.9 }
        : { color: "#7a1f19", weight: 1, fillColor: "#c23b32", fillOpacity: 0.55 });
      if (on) marker.bringToFront();
    }
  }

  get markerCount() {
    return this.byId.size;
  }
}
