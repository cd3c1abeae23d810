/* graphbuild page: draws the precomputed layout with vis-network and explains it.
 *
 * Every string in the data comes from untrusted articles. It reaches the page
 * only through textContent / createTextNode (never innerHTML) or the canvas,
 * and the Content-Security-Policy allows no script but this page's own.
 */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('graph-data').textContent);

  // ---- DOM helpers: text only ------------------------------------------------
  function el(tag, className) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function plural(n, word) { return n.toLocaleString('en') + ' ' + word + (n === 1 ? '' : 's'); }
  function normalise(text) {
    return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  }

  var nodeById = new Map();
  data.nodes.forEach(function (n) { nodeById.set(n.id, n); });
  var edgeById = new Map();
  var edgesOf = new Map();
  data.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    [e.from, e.to].forEach(function (id) {
      if (!edgesOf.has(id)) edgesOf.set(id, []);
      if (edgesOf.get(id).indexOf(e) < 0) edgesOf.get(id).push(e);
    });
  });
  function articleTitle(id) {
    var title = data.articles[id];
    return title ? title + ' (' + id + ')' : id;
  }

  // ---- vis-network ------------------------------------------------------------
  var style = data.style;
  function visNode(n) {
    return {
      id: n.id, label: n.label, x: n.x, y: n.y, size: n.size, shape: n.shape,
      color: { background: n.colour, border: '#3d434b',
               highlight: { background: n.colour, border: '#000' },
               hover: { background: n.colour, border: '#000' } },
      font: { size: 12 + Math.min(8, Math.round(n.size / 8)) }
    };
  }
  function visEdge(e) {
    var colour = e.negated ? style.negated : style.edge;
    var edge = {
      id: e.id, from: e.from, to: e.to, label: e.label + (e.disputed ? ' (disputed)' : ''),
      dashes: e.negated ? [6, 4] : false,
      width: Math.min(6, 1 + Math.log2(Math.max(1, e.documents))),
      color: { color: colour, highlight: colour, hover: colour, opacity: 0.9 },
      font: { color: e.negated ? style.negated : '#343a40', size: 10, strokeWidth: 3,
              align: 'middle' },
      smooth: e.smooth ? { enabled: true, type: e.smooth.type, roundness: e.smooth.roundness }
        : false
    };
    if (e.disputed) edge.shadow = { enabled: true, color: style.disputed, size: 6, x: 0, y: 0 };
    return edge;
  }

  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));
  var big = data.nodes.length > 1000;
  var container = document.getElementById('graph');
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false, randomSeed: 1 },
    nodes: { borderWidth: 1, scaling: { label: { drawThreshold: 6 } } },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, selectionWidth: 2 },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big,
                   hideEdgesOnZoom: big, navigationButtons: false, keyboard: false }
  });
  window.network = network;

  network.once('afterDrawing', function () {
    window.graphReady = true;
    document.body.setAttribute('data-ready', 'true');
    if (window.performance && performance.mark) performance.mark('graphbuild-ready');
  });

  // ---- legend, notice, counts ------------------------------------------------
  var legend = document.getElementById('legend');
  data.types.forEach(function (t) {
    var swatch = el('span', 'swatch' + (t.shape === 'diamond' ? ' diamond' : ''));
    swatch.style.background = t.colour;
    legend.appendChild(el('div', null, swatch, t.name));
  });
  legend.appendChild(el('div', null, el('span', 'line'), 'relation'));
  legend.appendChild(el('div', null, el('span', 'line negated'), 'negated ("not …")'));
  legend.appendChild(el('div', null, el('span', 'line disputed'), 'disputed'));
  legend.appendChild(el('div', null, 'size: mentions'));

  if (data.truncated) {
    var notice = document.getElementById('notice');
    notice.textContent = 'Showing the ' + data.shown.nodes.toLocaleString('en') +
      ' most connected of ' + data.total.nodes.toLocaleString('en') + ' entities' +
      ' and ' + data.shown.edges.toLocaleString('en') + ' of ' +
      plural(data.total.edges, 'relation') + ' (limit: ' + data.max_nodes +
      ' nodes). The GraphML, GEXF and JSON exports contain the full graph.';
    notice.hidden = false;
  }

  // ---- tooltip on hover ------------------------------------------------------
  var tooltip = document.getElementById('tooltip');
  function showTooltip(lines, pointer) {
    clear(tooltip);
    lines.forEach(function (line, i) {
      tooltip.appendChild(el('div', i ? 'muted' : null, line));
    });
    tooltip.hidden = false;
    var x = pointer.DOM.x + 14, y = pointer.DOM.y + 14;
    var maxX = container.clientWidth - tooltip.offsetWidth - 4;
    tooltip.style.left = Math.max(0, Math.min(x, maxX)) + 'px';
    tooltip.style.top = y + 'px';
  }
  function hideTooltip() { tooltip.hidden = true; }
  network.on('hoverNode', function (params) {
    var n = nodeById.get(params.node);
    var lines = [n.label, n.type + ' · ' + plural(n.mentions, 'mention') + ' · ' +
      plural(n.documents, 'article')];
    if (n.aliases.length) lines.push('also: ' + n.aliases.slice(0, 5).join(', '));
    lines.push('click for evidence');
    showTooltip(lines, params.pointer);
  });
  network.on('hoverEdge', function (params) {
    var e = edgeById.get(params.edge);
    var lines = [nodeById.get(e.from).label + ' — ' + e.label + ' → ' + nodeById.get(e.to).label,
      plural(e.documents, 'article') + ' · confidence ' + e.confidence +
      (e.disputed ? ' · disputed' : '') + (e.modality ? ' · ' + e.modality : '')];
    showTooltip(lines, params.pointer);
  });
  network.on('blurNode', hideTooltip);
  network.on('blurEdge', hideTooltip);
  network.on('dragStart', hideTooltip);
  network.on('zoom', hideTooltip);

  // ---- side panel ----------------------------------------------------------------
  var panel = document.getElementById('panel');
  var panelBody = document.getElementById('panel-body');
  function row(dl, term, value, oneLineEach) {
    if (value === undefined || value === null || value === '' ||
        (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el('dt', null, term));
    var dd = el('dd');
    if (Array.isArray(value) && oneLineEach) {
      value.forEach(function (item) { dd.appendChild(el('div', null, item)); });
    } else {
      dd.textContent = Array.isArray(value) ? value.join('; ') : String(value);
    }
    dl.appendChild(dd);
  }
  function extras(dl, item) {
    (item.extra || []).forEach(function (pair) { row(dl, pair[0], pair[1]); });
  }
  function badges(e) {
    var span = el('span');
    if (e.negated) span.appendChild(el('span', 'badge negated', 'negated'));
    if (e.disputed) span.appendChild(el('span', 'badge disputed', 'disputed'));
    if (e.modality) span.appendChild(el('span', 'badge', e.modality));
    span.appendChild(el('span', 'badge', 'confidence ' + e.confidence));
    span.appendChild(el('span', 'badge', plural(e.documents, 'article')));
    return span;
  }
  function evidenceList(e) {
    var list = el('ul', 'evidence');
    e.evidence.forEach(function (p) {
      var quote = el('q', null, p.pre);
      if (p.cue) quote.appendChild(el('mark', null, p.cue));
      quote.appendChild(document.createTextNode(p.post));
      var source = el('span', 'source', '— ' + articleTitle(p.article) +
        (p.modality ? ' · ' + p.modality : ''));
      list.appendChild(el('li', p.negated ? 'negated' : null, quote, source));
    });
    return list;
  }
  function edgeSection(e, heading) {
    var section = el('section', 'relation');
    section.appendChild(el(heading, null, nodeById.get(e.from).label + ' — ' + e.label + ' → ' +
      nodeById.get(e.to).label));
    section.appendChild(badges(e));
    var dl = el('dl');
    row(dl, 'attributed to', e.attributed_to);
    row(dl, 'role', e.role);
    row(dl, 'cue', e.cue);
    extras(dl, e);
    if (dl.firstChild) section.appendChild(dl);
    section.appendChild(evidenceList(e));
    return section;
  }
  function openPanel(kind, id) {
    clear(panelBody);
    panel.hidden = false;
    panel.setAttribute('data-kind', kind);
    panel.setAttribute('data-id', id);
    panel.scrollTop = 0;
  }
  function showNode(id) {
    var n = nodeById.get(id);
    if (!n) return;
    openPanel('node', id);
    panelBody.appendChild(el('h2', null, n.label));
    var dl = el('dl');
    row(dl, 'type', n.type);
    row(dl, 'aliases', n.aliases);
    row(dl, 'roles', n.roles);
    row(dl, 'date', n.date);
    row(dl, 'venue', n.venue);
    row(dl, 'mentions', n.mentions);
    row(dl, 'articles', n.sources.map(articleTitle), true);
    row(dl, 'id', n.id);
    extras(dl, n);
    panelBody.appendChild(dl);
    var related = (edgesOf.get(id) || []).slice().sort(function (a, b) {
      return b.documents - a.documents || (a.id < b.id ? -1 : 1);
    });
    panelBody.appendChild(el('h3', null, related.length
      ? 'Supporting sentences (' + plural(related.length, 'relation') + ')'
      : 'No relations extracted'));
    related.forEach(function (e) { panelBody.appendChild(edgeSection(e, 'h4')); });
  }
  function showEdge(id) {
    var e = edgeById.get(id);
    if (!e) return;
    openPanel('edge', id);
    panelBody.appendChild(edgeSection(e, 'h2'));
  }
  function closePanel() { panel.hidden = true; network.unselectAll(); }
  document.getElementById('panel-close').addEventListener('click', closePanel);
  network.on('click', function (params) {
    hideTooltip();
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
    else panel.hidden = true;
  });

  // ---- search ----------------------------------------------------------------------
  var searchIndex = data.nodes.map(function (n) {
    return { node: n, names: [n.label].concat(n.aliases).map(normalise) };
  });
  var search = document.getElementById('search');
  var results = document.getElementById('search-results');
  function focusNode(id) {
    results.hidden = true;
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(id);
  }
  function runSearch() {
    var query = normalise(search.value);
    clear(results);
    if (!query) { results.hidden = true; return; }
    var hits = [];
    searchIndex.forEach(function (entry) {
      var best = -1;
      entry.names.forEach(function (name) {
        var at = name.indexOf(query);
        if (at >= 0) {
          var score = (name === query ? 0 : at === 0 ? 1 : 2);
          if (best < 0 || score < best) best = score;
        }
      });
      if (best >= 0) hits.push({ node: entry.node, score: best });
    });
    hits.sort(function (a, b) {
      return a.score - b.score || b.node.mentions - a.node.mentions ||
        (a.node.label < b.node.label ? -1 : 1);
    });
    hits.slice(0, 25).forEach(function (hit, i) {
      var n = hit.node;
      var matched = n.aliases.filter(function (a) {
        return normalise(a).indexOf(query) >= 0 && a !== n.label;
      });
      var item = el('li', null, n.label,
        el('span', 'alias', n.type + (matched.length ? ' · ' + matched.join(', ') : '')));
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', i === 0 ? 'true' : 'false');
      item.addEventListener('mousedown', function (event) {
        event.preventDefault();
        focusNode(n.id);
      });
      results.appendChild(item);
    });
    if (!hits.length) results.appendChild(el('li', null, 'no match'));
    results.hidden = false;
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      var first = results.querySelector('li[aria-selected="true"]');
      if (first) first.dispatchEvent(new MouseEvent('mousedown'));
    } else if (event.key === 'Escape') {
      results.hidden = true;
    }
  });
  search.addEventListener('blur', function () { results.hidden = true; });

  // ---- filters -----------------------------------------------------------------
  var typeBoxes = [], relationBoxes = [];
  function checkbox(parent, value, text, colour, shape, list) {
    var box = el('input');
    box.type = 'checkbox';
    box.checked = true;
    box.value = value;
    box.addEventListener('change', applyFilters);
    list.push(box);
    var label = el('label', null, box);
    if (colour) {
      var swatch = el('span', 'swatch' + (shape === 'diamond' ? ' diamond' : ''));
      swatch.style.background = colour;
      label.appendChild(swatch);
    }
    label.appendChild(document.createTextNode(text));
    parent.appendChild(label);
  }
  var typeFilters = document.getElementById('type-filters');
  data.types.forEach(function (t) {
    checkbox(typeFilters, t.name, t.name + ' (' + t.count + ')', t.colour, t.shape, typeBoxes);
  });
  var relationFilters = document.getElementById('relation-filters');
  data.relations.forEach(function (r) {
    checkbox(relationFilters, r.name, r.text + ' (' + r.count + ')', null, null, relationBoxes);
  });
  var showNegated = document.getElementById('show-negated');
  var minDocuments = document.getElementById('min-documents');
  showNegated.addEventListener('change', applyFilters);
  minDocuments.addEventListener('input', applyFilters);

  var hiddenNodes = new Set(), hiddenEdges = new Set();
  var counts = document.getElementById('counts');
  function applyFilters() {
    var types = new Set(typeBoxes.filter(function (b) { return b.checked; })
      .map(function (b) { return b.value; }));
    var relations = new Set(relationBoxes.filter(function (b) { return b.checked; })
      .map(function (b) { return b.value; }));
    var minimum = Math.max(1, parseInt(minDocuments.value, 10) || 1);
    var nodeUpdates = [], edgeUpdates = [];
    var shownNodes = 0, shownEdges = 0;
    data.nodes.forEach(function (n) {
      var hide = !types.has(n.type) || n.documents < minimum;
      if (hide !== hiddenNodes.has(n.id)) {
        nodeUpdates.push({ id: n.id, hidden: hide });
        if (hide) hiddenNodes.add(n.id); else hiddenNodes.delete(n.id);
      }
      if (!hide) shownNodes++;
    });
    data.edges.forEach(function (e) {
      var hide = !relations.has(e.relation) || (e.negated && !showNegated.checked) ||
        e.documents < minimum || hiddenNodes.has(e.from) || hiddenNodes.has(e.to);
      if (hide !== hiddenEdges.has(e.id)) {
        edgeUpdates.push({ id: e.id, hidden: hide });
        if (hide) hiddenEdges.add(e.id); else hiddenEdges.delete(e.id);
      }
      if (!hide) shownEdges++;
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    counts.textContent = shownNodes.toLocaleString('en') + ' of ' +
      data.nodes.length.toLocaleString('en') + ' entities, ' +
      shownEdges.toLocaleString('en') + ' of ' + data.edges.length.toLocaleString('en') +
      ' relations shown';
  }
  applyFilters();

  window.graphbuild = { showNode: showNode, showEdge: showEdge, applyFilters: applyFilters,
                        focusNode: focusNode };
})();
