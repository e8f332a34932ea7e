/* Lagebild map: draws the basemap, the clustered place markers, labels and legend from the
 * JSON configs that geo/app/mapview.py hands over: init() the map (the same for every view),
 * data() one view's places, fetched as JSON from the app (once per view and store generation)
 * or given inline. Everything from articles is put into the page as text nodes (textContent),
 * never as HTML. Marker icons and popups are built when shown, for that place only. */
(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  var FIRST_PLACES = 500;  // clustered and drawn before the rest

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function shapeEl(p) {
    var s = p.size, h = s / 2, w = 2, e;
    if (p.shape === 'square') {
      e = document.createElementNS(NS, 'rect');
      e.setAttribute('x', w); e.setAttribute('y', w);
      e.setAttribute('width', s - 2 * w); e.setAttribute('height', s - 2 * w);
    } else if (p.shape === 'diamond' || p.shape === 'triangle') {
      e = document.createElementNS(NS, 'polygon');
      e.setAttribute('points', p.shape === 'diamond'
        ? [h, w, s - w, h, h, s - w, w, h].join(' ')
        : [h, w, s - w, s - w, w, s - w].join(' '));
    } else {
      e = document.createElementNS(NS, 'circle');
      e.setAttribute('cx', h); e.setAttribute('cy', h); e.setAttribute('r', h - w);
    }
    e.setAttribute('stroke', p.colour);
    e.setAttribute('stroke-width', w);
    e.setAttribute('fill', p.approx ? '#ffffff' : p.colour);
    e.setAttribute('fill-opacity', p.approx ? '0.6' : '0.75');
    if (p.approx) e.setAttribute('stroke-dasharray', '3 2');
    return e;
  }

  function svgFor(p) {
    var svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('width', p.size); svg.setAttribute('height', p.size);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', p.label);
    svg.setAttribute('class', 'lb-place');
    svg.appendChild(shapeEl(p));
    return svg;
  }

  // The SVG is made when the marker is drawn: most places sit in a cluster and never are.
  var PlaceIcon = L.DivIcon.extend({
    createIcon: function (old) {
      this.options.html = svgFor(this.options.lbPlace);
      return L.DivIcon.prototype.createIcon.call(this, old);
    }
  });

  function icon(p) {
    return new PlaceIcon({lbPlace: p, className: 'lb-marker', iconSize: [p.size, p.size]});
  }

  // "1 Erwähnung", "3 Erwähnungen": counts come as German-formatted strings
  function count(n, one, many) {
    return n + ' ' + (String(n) === '1' ? one : many);
  }

  function popup(p) {
    var r = p.popup, div = el('div', 'lb-popup');
    div.appendChild(el('b', null, r.name));
    div.appendChild(el('div', 'lb-canon', r.kind + ' · ' + count(r.mentions, 'Erwähnung',
      'Erwähnungen') + ' · ' + count(r.figures, 'Zahl', 'Zahlen') + ' · ' + r.articles
      + ' Artikel'));
    div.appendChild(el('div', 'lb-canon', r.first
      ? 'Erwähnt ' + r.first + (r.last !== r.first ? ' bis ' + r.last : '') : 'undatiert'));
    if (r.quote) div.appendChild(el('div', 'lb-quote', '„' + r.quote + '“'));
    div.appendChild(el('div', 'lb-art', 'Alles Weitere in der Seitenleiste.'));
    return div;
  }

  function clusterIcon(cluster) {
    var n = cluster.getChildCount();
    var size = n < 10 ? 30 : n < 100 ? 36 : 44;
    var d = el('div', 'lb-cluster', n.toLocaleString('de-DE'));
    d.style.width = d.style.height = d.style.lineHeight = size + 'px';
    return L.divIcon({html: d, className: 'lb-cluster-icon', iconSize: [size, size]});
  }

  function getJSON(url, then, tries) {
    tries = tries === undefined ? 3 : tries;
    fetch(url).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(then).catch(function (e) {
      if (tries > 1) {
        setTimeout(function () { getJSON(url, then, tries - 1); }, 300);
      } else {
        console.error('Lagebild: ' + url + ': ' + e);
      }
    });
  }

  // The app's own URLs ('/media/...') under the path the app is served from.
  function appUrl(url) {
    if (url.charAt(0) !== '/') return url;
    var at = window.location.pathname.indexOf('/component/');
    return (at > 0 ? window.location.pathname.slice(0, at) : '') + url;
  }

  // The basemap comes as static files (cached by the browser): the places draw first, land,
  // outlines and names arrive underneath them.
  function basemap(map, cfg) {
    map.getContainer().style.background = '#b9d3e6';
    map.createPane('lbLand').style.zIndex = 250;  // above tiles, below the places
    getJSON(cfg.basemap.countries, function (data) {
      L.geoJSON(data, {pane: 'lbLand', interactive: false, style: {color: '#7d7d7d',
        weight: 0.8, fillColor: '#f2efe6', fillOpacity: cfg.online ? 0 : 1}}).addTo(map);
      getJSON(cfg.basemap.oblasts, function (obl) {
        L.geoJSON(obl, {pane: 'lbLand', interactive: false, style: {color: '#8f8270',
          weight: 0.7, dashArray: '3 3', fill: false}}).addTo(map);
      });
    });
    var names = L.layerGroup().addTo(map), rows = [];
    function drawNames() {
      names.clearLayers();
      var z = map.getZoom(), b = map.getBounds().pad(0.1);
      rows.forEach(function (t) {
        if (t[3] > z || !b.contains([t[0], t[1]])) return;
        names.addLayer(L.marker([t[0], t[1]], {interactive: false, keyboard: false,
          pane: 'lbLand', icon: L.divIcon({html: el('span', t[4], t[2]), className: 'lb-basename',
            iconSize: null})}));
      });
    }
    getJSON(cfg.basemap.labels, function (data) { rows = data; drawNames(); });
    map.on('zoomend moveend', drawNames);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(cfg.attribution);
  }

  function legend(map, cfg) {
    var ctl = L.control({position: 'bottomleft'});
    ctl.onAdd = function () {
      var box = L.DomUtil.create('details', 'leaflet-control lb-legend');
      box.appendChild(el('summary', null, 'Legende'));
      cfg.legend.forEach(function (row) {
        var line = el('div');
        if (row.colour) {
          var dot = el('span', null, '●');
          dot.style.color = row.colour;
          line.appendChild(dot);
          line.appendChild(document.createTextNode(' '));
        }
        line.appendChild(document.createTextNode(row.text));
        box.appendChild(line);
      });
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    ctl.addTo(map);
  }

  // The view (centre, zoom) lives in the page's URL without a rerun: written on every move, and
  // put back whenever Streamlit rewrites the query string for the filters.
  function keepViewInUrl(map) {
    var top;
    try { top = window.parent; void top.location.href; } catch (e) { return; }
    function withView(url) {
      if (!top.__lbView) return url;
      var u = new URL(url || top.location.href, top.location.href);
      u.searchParams.set('c', top.__lbView.c);
      u.searchParams.set('z', top.__lbView.z);
      return u.pathname + u.search + u.hash;
    }
    if (!top.history.__lbWrapped) {
      ['pushState', 'replaceState'].forEach(function (fn) {
        var orig = top.history[fn].bind(top.history);
        top.history[fn] = function (state, title, url) { return orig(state, title, withView(url)); };
      });
      top.history.__lbWrapped = true;
    }
    function save() {
      var c = map.getCenter();
      top.__lbView = {c: c.lat.toFixed(4) + ',' + c.lng.toFixed(4), z: String(map.getZoom())};
      top.history.replaceState(top.history.state, '', top.location.href);
    }
    map.on('moveend', save);
    save();
    try { top.document.documentElement.lang = 'de'; } catch (e) { /* not same-origin */ }
  }

  // A place chosen in the app's list reaches the map as streamlit-folium's center/zoom, which
  // it applies with map.setView([lat, lon], zoom): the one call with a plain array for a
  // centre (Leaflet and markercluster pass LatLng objects). That call flies instead of jumping.
  function flyOnChoice(map) {
    var setView = map.setView;
    map.setView = function (center, zoom) {
      if (arguments.length === 2 && Array.isArray(center)) {
        return map.flyTo(center, zoom, {duration: 0.8});
      }
      return setView.apply(map, arguments);
    };
  }

  function init(map, cfg) {
    document.documentElement.lang = 'de';
    map.setMinZoom(cfg.min_zoom);
    map.setMaxZoom(cfg.max_zoom);  // clustering needs it; without tiles Leaflet has none
    if (window.frameElement) window.frameElement.title = cfg.title;
    var css = el('style');
    css.textContent = cfg.css;
    document.head.appendChild(css);
    map.__lbCfg = cfg;
    basemap(map, cfg);
    legend(map, cfg);
    keepViewInUrl(map);
    flyOnChoice(map);
  }

  // A click tells the app at once which place it was. streamlit-folium reports clicks too,
  // but 250 ms later (it debounces them): its report then finds the same value already sent
  // and sends nothing. Without streamlit-folium's page globals this does nothing.
  function tellApp(label) {
    var g = window.__GLOBAL_DATA__, app = window.Streamlit;
    if (!g || !app || !g.returned_objects ||
        g.returned_objects.indexOf('last_object_clicked_tooltip') < 0) return;
    var value = {last_object_clicked_tooltip: label};
    if (JSON.stringify(g.previous_data) === JSON.stringify(value)) return;
    g.last_object_clicked_tooltip = label;
    g.previous_data = value;
    app.setComponentValue(value);
  }

  function marker(p) {
    // small and exact markers above big and approximate ones, so none is buried
    var z = -10 * p.size - (p.approx ? 1000 : 0);
    var m = L.marker([p.lat, p.lon], {icon: icon(p), riseOnHover: true, zIndexOffset: z,
      keyboard: true, title: '', lbLabel: p.label});
    m.bindTooltip(p.label);
    m.bindPopup(function () { return popup(p); }, {maxWidth: 320, autoPanPadding: [40, 40]});
    m.on('click', function () { tellApp(p.label); });
    m.on('add', function () {
      var node = m.getElement();
      if (!node || node.__lbKeys) return;
      node.__lbKeys = true;
      node.setAttribute('aria-label', p.label);
      L.DomEvent.on(node, 'keydown', function (ev) {
        if (ev.key === 'Enter' || ev.key === ' ') {
          L.DomEvent.preventDefault(ev);
          m.fire('click', {latlng: m.getLatLng(), originalEvent: ev}, true);
        }
      });
    });
    return m;
  }

  // One view's places: a layer holding the clustered markers and the names of the most
  // reported places. The map moves to the view (or fits its places) at once; the places
  // arrive with their JSON. The caller adds the layer to the map and removes it for the next.
  function data(map, d) {
    var cfg = map.__lbCfg;
    var layer = L.layerGroup();
    var group = L.markerClusterGroup({
      showCoverageOnHover: false, spiderfyOnMaxZoom: true,
      maxClusterRadius: 40, iconCreateFunction: clusterIcon,
      disableClusteringAtZoom: cfg.uncluster_zoom
    });
    layer.addLayer(group);

    // Names of the most reported places, most reported first; one that would overlap a name
    // already drawn at this zoom waits for a closer zoom.
    var labels = L.layerGroup();
    layer.addLayer(labels);
    function drawLabels() {
      labels.clearLayers();
      var taken = [];
      d.labels.forEach(function (p) {
        var pt = map.latLngToContainerPoint([p.lat, p.lon]);
        var w = 7 * p.name.length + 12, cx = pt.x + 8 + w / 2;  // the name starts 8 px right
        if (taken.some(function (t) {
          return Math.abs(t.x - cx) < (t.w + w) / 2 && Math.abs(t.y - pt.y) < 18;
        })) return;
        taken.push({x: cx, y: pt.y, w: w});
        labels.addLayer(L.marker([p.lat, p.lon], {interactive: false, keyboard: false,
          pane: 'tooltipPane', icon: L.divIcon({html: el('span', null, p.name),
            className: 'lb-label', iconSize: null, iconAnchor: [-8, 18]})}));
      });
    }
    map.on('zoomend', drawLabels);
    layer.on('remove', function () { map.off('zoomend', drawLabels); layer.__lbGone = true; });

    if (d.view) {
      map.setView(d.view.center, d.view.zoom, {animate: false});
    } else if (d.bounds) {
      // room for cluster icons and the names drawn to the right of the markers
      map.fitBounds(d.bounds, {paddingTopLeft: [50, 50], paddingBottomRight: [140, 60],
                               maxZoom: cfg.fit_max_zoom, animate: false});
    }
    drawLabels();

    // The most reported places are clustered and drawn first, the rest right after them in
    // chunks (clustering thousands of places takes a while): the map shows what matters at
    // once and stays responsive. ``complete`` says when every place is in.
    function fill(places) {
      if (layer.__lbGone) return;  // a newer view replaced this one while it loaded
      var markers = [], byId = {}, pending = [];
      places.forEach(function (p) {
        var m = marker(p);
        markers.push(m);
        byId[p.id] = m;
      });
      var order = markers.map(function (m, i) { return [places[i].weight, i]; })
        .sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; })
        .map(function (x) { return markers[x[1]]; });
      function go(fn) {
        // while clusters still animate in, a marker about to join its cluster looks visible
        if (group._inZoomAnimation) group.once('animationend', fn); else fn();
      }
      // for tests and the benchmark: show a place by its label (opens its cluster)
      var api = window.lagebild = {group: group, markers: byId, complete: false,
        show: function (label, done) {
          var m = markers.filter(function (x) { return x.options.lbLabel === label; })[0];
          if (!m) return false;
          var reveal = function () { group.zoomToShowLayer(m, done || function () {}); };
          if (api.complete) go(reveal); else pending.push(reveal);
          return true;
        }};
      function finish() {
        api.complete = true;
        pending.splice(0).forEach(go);
      }
      group.options.chunkedLoading = false;
      group.addLayers(order.slice(0, FIRST_PLACES));
      var rest = order.slice(FIRST_PLACES);
      if (!rest.length) { setTimeout(finish, 0); return; }
      setTimeout(function () {
        if (layer.__lbGone) return;
        group.options.chunkedLoading = true;
        group.options.chunkProgress = function (done, total) {
          if (done === total) setTimeout(finish, 0);
        };
        group.addLayers(rest);
      }, 0);
    }
    if (d.places) fill(d.places); else getJSON(appUrl(d.url), fill);
    return layer;
  }

  window.LagebildMap = {init: init, data: data};
})();
