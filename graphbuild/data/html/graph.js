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

  // ---- the data: every entity and relation, drawn or not ----------------------
  // A relation without an object (declines_troops) is a loop in the graph; the page
  // shows it as a badge on its entity, never as a loop.
  function isLoop(e) { return e.from === e.to; }
  var nodeById = new Map();
  data.nodes.forEach(function (n) { nodeById.set(n.id, n); });
  var edgeById = new Map();
  var edgesOf = new Map();
  var degree = new Map();
  data.nodes.forEach(function (n) { edgesOf.set(n.id, []); degree.set(n.id, 0); });
  data.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    edgesOf.get(e.from).push(e);
    degree.set(e.from, degree.get(e.from) + 1);
    if (isLoop(e)) return;
    edgesOf.get(e.to).push(e);
    degree.set(e.to, degree.get(e.to) + 1);
  });
  // Label priority: most related first, then most mentioned.
  var byImportance = data.nodes.slice().sort(function (a, b) {
    return degree.get(b.id) - degree.get(a.id) || b.mentions - a.mentions ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  }).map(function (n) { return n.id; });
  var importance = new Map(byImportance.map(function (id, i) { return [id, i]; }));
  // An article as the panels cite it: its title and id, then its outlet and date when known.
  function articleSource(id) {
    var title = data.articles[id];
    var about = data.article_details[id] || {};
    return [title ? title + ' (' + id + ')' : id, about.outlet, about.published]
      .filter(Boolean).join(' · ');
  }
  // Articles without an outlet are grouped as the "unknown outlet", which the filter
  // offers as a choice of its own.
  var UNKNOWN_OUTLET = '';
  function outletOf(article) {
    var about = data.article_details[article];
    return about ? about.outlet : UNKNOWN_OUTLET;
  }
  var edgeArticles = new Map(data.edges.map(function (e) {
    return [e.id, Array.from(new Set(e.evidence.map(function (p) { return p.article; })))];
  }));
  function other(e, id) { return e.from === id ? e.to : e.from; }

  // ---- vis-network ------------------------------------------------------------
  var style = data.style;
  // No vis label: the page places labels itself (drawOverlay) so that they never collide.
  function visNode(n) {
    return {
      id: n.id, x: n.x, y: n.y, size: n.size, shape: n.shape,
      color: { background: n.colour, border: '#3d434b',
               highlight: { background: n.colour, border: '#000' },
               hover: { background: n.colour, border: '#000' } }
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

  // What the filters let through. An entity is drawn when it passes them and has a
  // relation drawn, unless the isolated toggle is on or search brought it in.
  var revealed = new Set();
  var hiddenNodes = new Set(), hiddenEdges = new Set();
  var passesEdge = function () { return true; };
  // Outlets switched off in the filters: their articles support nothing while off.
  var outletsOff = new Set();
  function fromOutletsOn(articles) {
    return articles.filter(function (a) { return !outletsOff.has(outletOf(a)); }).length;
  }
  // How many articles support an edge or an entity, counting the outlets switched on.
  function edgeDocuments(e) {
    return outletsOff.size ? fromOutletsOn(edgeArticles.get(e.id)) : e.documents;
  }
  function nodeDocuments(n) {
    return outletsOff.size ? fromOutletsOn(n.sources) : n.documents;
  }
  // Whether the outlets switched on report it at all (everything does while all are on).
  function reportedNode(n) { return !outletsOff.size || nodeDocuments(n) > 0; }
  function reportedEdge(e) { return !outletsOff.size || edgeDocuments(e) > 0; }
  function visibleLoops(id) {
    return edgesOf.get(id).filter(function (e) { return isLoop(e) && passesEdge(e); });
  }

  // The DataSets hold the drawn part of the graph plus what search or a link brought in.
  var loaded = new Set();
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  function load(ids) {
    var fresh = ids.filter(function (id) { return !loaded.has(id); });
    fresh.forEach(function (id) { loaded.add(id); });
    nodes.add(fresh.map(function (id) { return visNode(nodeById.get(id)); }));
    var added = new Set();
    var newEdges = [];
    fresh.forEach(function (id) {
      edgesOf.get(id).forEach(function (e) {
        if (!isLoop(e) && !added.has(e.id) && loaded.has(e.from) && loaded.has(e.to) &&
            edges.get(e.id) === null) {
          added.add(e.id);
          newEdges.push(visEdge(e));
        }
      });
    });
    edges.add(newEdges);
  }
  load(data.nodes.filter(function (n) { return n.drawn; }).map(function (n) { return n.id; }));

  var big = data.shown.nodes > 1000;
  var container = document.getElementById('graph');
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false, randomSeed: 1 },
    nodes: { borderWidth: 1 },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, selectionWidth: 2 },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big,
                   hideEdgesOnZoom: big, navigationButtons: false, keyboard: false }
  });
  window.network = network;

  // ---- labels and badges, drawn over the graph in screen pixels ---------------
  // Labels keep their size at any zoom; one that would overlap a label already
  // placed (more important, selected or hovered) is left out, so zooming in or
  // hovering shows more of them.
  var LABEL_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
  var BADGE_FONT = 'bold 10px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
  var LABEL_HEIGHT = 15, BADGE_HEIGHT = 14, CELL = 64;
  var hoveredId = null;
  var placed = [];
  var textWidths = new Map();
  function textWidth(ctx, font, text) {
    var key = font + '\u0000' + text;
    if (!textWidths.has(key)) {
      ctx.font = font;
      textWidths.set(key, ctx.measureText(text).width);
    }
    return textWidths.get(key);
  }
  function Boxes() { this.cells = new Map(); }
  Boxes.prototype.keys = function (box) {
    var keys = [];
    for (var cx = Math.floor(box.left / CELL); cx <= Math.floor(box.right / CELL); cx++) {
      for (var cy = Math.floor(box.top / CELL); cy <= Math.floor(box.bottom / CELL); cy++) {
        keys.push(cx + ',' + cy);
      }
    }
    return keys;
  };
  // Free for the label of ``owner``: no label or badge there, and no entity more
  // important than ``owner`` (a label may cover lesser nodes, never a hub).
  Boxes.prototype.free = function (box, owner) {
    var cells = this.cells;
    var rank = importance.get(owner);
    return this.keys(box).every(function (key) {
      return !(cells.get(key) || []).some(function (b) {
        return (b.kind !== 'node' || importance.get(b.id) < rank) && overlap(b, box);
      });
    });
  };
  Boxes.prototype.add = function (box) {
    var cells = this.cells;
    this.keys(box).forEach(function (key) {
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(box);
    });
  };
  function overlap(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }
  function labelOrder() {
    var first = network.getSelectedNodes().slice();
    if (hoveredId) first.push(hoveredId);
    network.getSelectedNodes().forEach(function (id) {
      edgesOf.get(id).forEach(function (e) { first.push(other(e, id)); });
    });
    var seen = new Set(first);
    return Array.from(seen).concat(byImportance.filter(function (id) { return !seen.has(id); }));
  }
  // Where a label may go, best first: below its node, above, right, left.
  function labelPlaces(at, w) {
    var gap = at.r + 2;
    return [
      { left: at.x - w / 2, right: at.x + w / 2, top: at.y + gap, bottom: at.y + gap + LABEL_HEIGHT },
      { left: at.x - w / 2, right: at.x + w / 2, top: at.y - gap - LABEL_HEIGHT, bottom: at.y - gap },
      { left: at.x + gap, right: at.x + gap + w, top: at.y - LABEL_HEIGHT / 2, bottom: at.y + LABEL_HEIGHT / 2 },
      { left: at.x - gap - w, right: at.x - gap, top: at.y - LABEL_HEIGHT / 2, bottom: at.y + LABEL_HEIGHT / 2 }
    ];
  }
  function pill(ctx, box, text, background, colour) {
    ctx.fillStyle = background;
    ctx.fillRect(box.left, box.top, box.right - box.left, box.bottom - box.top);
    ctx.fillStyle = colour;
    ctx.fillText(text, (box.left + box.right) / 2, (box.top + box.bottom) / 2);
  }
  function drawOverlay(ctx) {
    var ratio = (network.canvas && network.canvas.pixelRatio) || window.devicePixelRatio || 1;
    var width = container.clientWidth, height = container.clientHeight;
    var scale = network.getScale();
    var shown = Array.from(loaded).filter(function (id) { return !hiddenNodes.has(id); });
    var positions = network.getPositions(shown);
    var boxes = new Boxes();
    placed = [];
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    function screen(id) {
      var p = network.canvasToDOM(positions[id]);
      var r = nodeById.get(id).size * scale;
      return { x: p.x, y: p.y, r: r,
               on: p.x + r > 0 && p.x - r < width && p.y + r > 0 && p.y - r < height };
    }
    // Badges first: they are facts, always drawn.
    ctx.font = BADGE_FONT;
    shown.forEach(function (id) {
      var claims = visibleLoops(id);
      if (!claims.length) return;
      var at = screen(id);
      if (!at.on) return;
      var text = '\u2715 ' + claims.map(function (e) { return e.label; }).join(', ');
      var w = textWidth(ctx, BADGE_FONT, text) + 8;
      var box = { id: id, kind: 'badge', left: at.x + at.r * 0.6,
                  top: at.y - at.r * 0.6 - BADGE_HEIGHT, right: 0, bottom: 0 };
      if (box.left + w > width) box.left = at.x - at.r * 0.6 - w;  // keep it on screen
      box.right = box.left + w;
      box.bottom = box.top + BADGE_HEIGHT;
      pill(ctx, box, text, style.negated, '#fff');
      boxes.add(box);
      placed.push(box);
    });
    // Nodes are obstacles too (see Boxes.free).
    var first = new Set(network.getSelectedNodes().concat(hoveredId ? [hoveredId] : []));
    shown.forEach(function (id) {
      var at = screen(id);
      if (at.on) boxes.add({ id: id, kind: 'node', left: at.x - at.r, top: at.y - at.r,
                             right: at.x + at.r, bottom: at.y + at.r });
    });
    ctx.font = LABEL_FONT;
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    labelOrder().forEach(function (id) {
      if (!loaded.has(id) || hiddenNodes.has(id)) return;
      var at = screen(id);
      if (!at.on) return;
      var text = nodeById.get(id).label;
      var w = textWidth(ctx, LABEL_FONT, text) + 4;
      var box = labelPlaces(at, w).find(function (place) {
        return place.left >= 0 && place.right <= width && place.top >= 0 &&
          place.bottom <= height && boxes.free(place, id);
      });
      if (!box && first.has(id)) box = labelPlaces(at, w)[0];
      if (!box) return;
      box.id = id;
      box.kind = 'label';
      ctx.fillStyle = '#1f2328';
      var x = (box.left + box.right) / 2, y = (box.top + box.bottom) / 2;
      ctx.strokeText(text, x, y);
      ctx.fillText(text, x, y);
      boxes.add(box);
      placed.push(box);
    });
    ctx.restore();
  }
  network.on('afterDrawing', drawOverlay);

  network.once('afterDrawing', function () {
    window.graphReady = true;
    document.body.setAttribute('data-ready', 'true');
    if (window.performance && performance.mark) performance.mark('graphbuild-ready');
  });

  // ---- legend, notice --------------------------------------------------------
  var legend = document.getElementById('legend-items');
  data.types.forEach(function (t) {
    var swatch = el('span', 'swatch' + (t.shape === 'diamond' ? ' diamond' : ''));
    swatch.style.background = t.colour;
    legend.appendChild(el('span', null, swatch, t.name));
  });
  legend.appendChild(el('span', null, el('span', 'line'), 'relation'));
  legend.appendChild(el('span', null, el('span', 'line negated'), 'negated ("not …")'));
  legend.appendChild(el('span', null, el('span', 'line disputed'), 'disputed'));
  legend.appendChild(el('span', null, el('span', 'pill', '\u2715'), 'claim without object'));
  legend.appendChild(el('span', null, 'size: mentions; zoom or hover for more labels'));

  if (data.truncated) {
    var notice = document.getElementById('notice');
    notice.textContent = 'Drawing the ' + data.shown.nodes.toLocaleString('en') +
      ' best-connected of ' + data.total.nodes.toLocaleString('en') + ' entities' +
      ' and ' + data.shown.edges.toLocaleString('en') + ' of ' +
      plural(data.total.edges, 'relation') + ' (limit: ' + data.max_nodes +
      ' nodes); search finds and draws any other. The GraphML, GEXF and JSON exports ' +
      'contain the full graph.';
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
    hoveredId = n.id;
    network.redraw();
    var lines = [n.label, n.type + ' · ' + plural(n.mentions, 'mention') + ' · ' +
      plural(n.documents, 'article')];
    var claims = visibleLoops(n.id);
    if (claims.length) lines.push(claims.map(function (e) { return e.label; }).join(', '));
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
  network.on('blurNode', function () {
    hoveredId = null;
    hideTooltip();
    network.redraw();
  });
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
    if (value instanceof Node) {
      dd.appendChild(value);
    } else if (Array.isArray(value) && oneLineEach) {
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
    var filtered = 0;
    e.evidence.forEach(function (p) {
      if (outletsOff.has(outletOf(p.article))) { filtered++; return; }
      var quote = el('q', null, p.pre);
      if (p.cue) quote.appendChild(el('mark', null, p.cue));
      quote.appendChild(document.createTextNode(p.post));
      var source = el('span', 'source', '— ' + articleSource(p.article) +
        (p.modality ? ' · ' + p.modality : ''));
      list.appendChild(el('li', p.negated ? 'negated' : null, quote, source));
    });
    if (filtered) {
      list.appendChild(el('li', 'filtered', plural(filtered, 'sentence') +
        ' from outlets switched off in the filters'));
    }
    return list;
  }
  function edgeTitle(e) {
    return nodeById.get(e.from).label + ' — ' + e.label +
      (isLoop(e) ? '' : ' → ' + nodeById.get(e.to).label);
  }
  function edgeSection(e, heading) {
    var section = el('section', 'relation');
    section.appendChild(el(heading, null, edgeTitle(e)));
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
  // How a relation reads in a panel: "does not attend" rather than "not attends", and
  // "← affiliated with" for a relation that points at the entity.
  var NEGATED_WORDING = { attends: 'does not attend', hosts: 'does not host' };
  var MEETING_FIRST = ['hosts', 'attends', 'does not attend'];
  function groupName(e, id) {
    var name = e.negated && NEGATED_WORDING[e.relation] ? NEGATED_WORDING[e.relation] : e.label;
    var meeting = nodeById.get(id).type === 'meeting';
    return e.to === id && !isLoop(e) && !meeting ? '← ' + name : name;
  }
  function relationGroups(id) {
    var groups = new Map();
    edgesOf.get(id).filter(reportedEdge).sort(function (a, b) {
      return b.documents - a.documents || (a.id < b.id ? -1 : 1);
    }).forEach(function (e) {
      var name = groupName(e, id);
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(e);
    });
    var first = nodeById.get(id).type === 'meeting' ? MEETING_FIRST : [];
    return Array.from(groups.keys()).sort(function (a, b) {
      var ia = first.indexOf(a), ib = first.indexOf(b);
      if (ia !== ib) return (ia < 0 ? first.length : ia) - (ib < 0 ? first.length : ib);
      return a.replace('← ', '') < b.replace('← ', '') ? -1 : 1;
    }).map(function (name) { return { name: name, edges: groups.get(name) }; });
  }
  function entityLinks(group, id) {
    var span = el('span', 'entities');
    group.edges.forEach(function (e) {
      if (isLoop(e)) {
        span.appendChild(el('span', null, plural(e.documents, 'article')));
        return;
      }
      var target = other(e, id);
      var link = el('button', 'entity-link', nodeById.get(target).label);
      link.type = 'button';
      link.addEventListener('click', function () { selectNode(target); });
      span.appendChild(link);
      if (e.disputed) span.appendChild(el('span', 'badge disputed', 'disputed'));
    });
    return span;
  }
  function showNode(id) {
    var n = nodeById.get(id);
    openPanel('node', id);
    panelBody.appendChild(el('h2', null, n.label));
    panelBody.appendChild(el('p', 'subtitle', n.type + ' · ' + plural(n.mentions, 'mention') +
      ' · ' + plural(n.documents, 'article')));
    // The answer first: who hosts, attends and stays away; when and where; then the rest.
    var groups = relationGroups(id);
    var answers = el('dl', 'answers');
    groups.forEach(function (g) { row(answers, g.name, entityLinks(g, id)); });
    row(answers, 'date', n.iso_date ? n.date + ' (' + n.iso_date + ')' : n.date);
    row(answers, 'venue', n.venue);
    row(answers, 'outlets', n.outlets);
    if (answers.firstChild) panelBody.appendChild(answers);
    var all = edgesOf.get(id).length;
    var reported = groups.reduce(function (sum, g) { return sum + g.edges.length; }, 0);
    panelBody.appendChild(el('h3', null, all
      ? 'Evidence (' + plural(reported, 'relation') + ')' : 'No relations extracted'));
    if (reported < all) {
      panelBody.appendChild(el('p', 'subtitle', plural(all - reported, 'relation') +
        ' only from outlets switched off in the filters'));
    }
    groups.forEach(function (g) {
      g.edges.forEach(function (e) { panelBody.appendChild(edgeSection(e, 'h4')); });
    });
    var details = el('dl', 'details');
    row(details, 'aliases', n.aliases);
    row(details, 'roles', n.roles);
    row(details, 'id', n.id);
    extras(details, n);
    panelBody.appendChild(details);
    var articles = el('details', 'articles',
      el('summary', null, 'Articles (' + n.sources.length + ')'));
    n.sources.forEach(function (s) { articles.appendChild(el('div', null, articleSource(s))); });
    panelBody.appendChild(articles);
  }
  function showEdge(id) {
    var e = edgeById.get(id);
    if (!e) return;
    openPanel('edge', id);
    panelBody.appendChild(edgeSection(e, 'h2'));
  }

  // ---- selection and #node=<id> links ---------------------------------------------
  var HASH = /^#node=(.+)$/;
  function setHash(id) {
    var url = location.pathname + location.search + (id ? '#node=' + encodeURIComponent(id) : '');
    history.replaceState(null, '', url);
  }
  // Select any entity: one not drawn yet is brought in with its edges to drawn ones.
  function selectNode(id) {
    if (!nodeById.has(id)) return;
    if (!loaded.has(id) || hiddenNodes.has(id)) {
      load([id]);
      revealed.add(id);
      applyFilters(false);
    }
    results.hidden = true;
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(id);
    setHash(id);
    markTimeline(id);
  }
  function closePanel() {
    panel.hidden = true;
    network.unselectAll();
    setHash(null);
    markTimeline(null);
  }
  // After a filter changes, the open panel shows only what the outlets switched on support.
  function refreshPanel() {
    if (panel.hidden) return;
    var id = panel.getAttribute('data-id');
    if (panel.getAttribute('data-kind') === 'node') showNode(id); else showEdge(id);
  }
  document.getElementById('panel-close').addEventListener('click', closePanel);
  network.on('click', function (params) {
    hideTooltip();
    if (params.nodes.length) selectNode(params.nodes[0]);
    else if (params.edges.length) { showEdge(params.edges[0]); setHash(null); }
    else closePanel();
  });
  function selectFromHash() {
    var match = HASH.exec(location.hash);
    if (!match) return false;
    var id;
    try { id = decodeURIComponent(match[1]); } catch (error) { return false; }
    if (!nodeById.has(id)) return false;
    selectNode(id);
    return true;
  }
  window.addEventListener('hashchange', selectFromHash);

  // ---- search: every entity, drawn or not ------------------------------------------
  var searchIndex = data.nodes.map(function (n) {
    return { node: n, names: [n.label].concat(n.aliases).map(normalise) };
  });
  var search = document.getElementById('search');
  var results = document.getElementById('search-results');
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
      var drawn = loaded.has(n.id) && !hiddenNodes.has(n.id);
      var item = el('li', null, n.label,
        el('span', 'alias', n.type + (matched.length ? ' · ' + matched.join(', ') : '') +
          (drawn ? '' : ' · not drawn')));
      item.setAttribute('role', 'option');
      item.setAttribute('data-id', n.id);
      item.setAttribute('aria-selected', i === 0 ? 'true' : 'false');
      item.addEventListener('mousedown', function (event) {
        event.preventDefault();
        selectNode(n.id);
      });
      results.appendChild(item);
    });
    if (!hits.length) results.appendChild(el('li', null, 'no match'));
    results.hidden = false;
  }
  function moveSelection(step) {
    var items = Array.from(results.querySelectorAll('li[role=option]'));
    if (!items.length) return;
    var at = items.findIndex(function (li) { return li.getAttribute('aria-selected') === 'true'; });
    var next = Math.max(0, Math.min(items.length - 1, at + step));
    items.forEach(function (li, i) { li.setAttribute('aria-selected', String(i === next)); });
    items[next].scrollIntoView({ block: 'nearest' });
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (results.hidden) runSearch();
      else moveSelection(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      var chosen = results.querySelector('li[aria-selected="true"]');
      if (chosen) selectNode(chosen.getAttribute('data-id'));
    } else if (event.key === 'Escape') {
      results.hidden = true;
    }
  });
  search.addEventListener('blur', function () { results.hidden = true; });

  // ---- filters -----------------------------------------------------------------
  var typeBoxes = [], relationBoxes = [], outletBoxes = [];
  // A filter's checkbox labelled "text (count)"; returns the count's element.
  function checkbox(parent, value, text, count, colour, shape, list) {
    var box = el('input');
    box.type = 'checkbox';
    box.checked = true;
    box.value = value;
    box.addEventListener('change', refilter);
    list.push(box);
    var label = el('label', null, box);
    if (colour) {
      var swatch = el('span', 'swatch' + (shape === 'diamond' ? ' diamond' : ''));
      swatch.style.background = colour;
      label.appendChild(swatch);
    }
    var shown = el('span', null, count.toLocaleString('en'));
    label.appendChild(el('span', null, text + ' (', shown, ')'));
    parent.appendChild(label);
    return shown;
  }
  // The counts beside the type and relation filters follow the outlet filter.
  var typeCounts = new Map(), relationCounts = new Map();
  var typeFilters = document.getElementById('type-filters');
  data.types.forEach(function (t) {
    typeCounts.set(t.name, checkbox(typeFilters, t.name, t.name, t.count, t.colour, t.shape,
                                    typeBoxes));
  });
  var relationFilters = document.getElementById('relation-filters');
  data.relations.forEach(function (r) {
    relationCounts.set(r.name, checkbox(relationFilters, r.name, r.text, r.count, null, null,
                                        relationBoxes));
  });
  var articlesPerOutlet = new Map();
  Object.keys(data.article_details).forEach(function (id) {
    var outlet = outletOf(id);
    articlesPerOutlet.set(outlet, (articlesPerOutlet.get(outlet) || 0) + 1);
  });
  var outletNames = Array.from(articlesPerOutlet.keys()).sort(function (a, b) {
    return (a === UNKNOWN_OUTLET) - (b === UNKNOWN_OUTLET) || a.localeCompare(b, 'en');
  });
  var outletFilters = document.getElementById('outlet-filters');
  outletNames.forEach(function (outlet) {
    checkbox(outletFilters, outlet, outlet || 'unknown outlet', articlesPerOutlet.get(outlet),
             null, null, outletBoxes);
  });
  // A single outlet could only be switched off with everything it supports.
  document.getElementById('outlet-fieldset').hidden = outletNames.length < 2;
  var showNegated = document.getElementById('show-negated');
  var minDocuments = document.getElementById('min-documents');
  var showIsolated = document.getElementById('show-isolated');
  showNegated.addEventListener('change', refilter);
  minDocuments.addEventListener('input', refilter);
  showIsolated.addEventListener('change', refilter);
  var isolatedCount = data.nodes.filter(function (n) {
    return n.drawn && !degree.get(n.id);
  }).length;
  document.getElementById('isolated-count').textContent = isolatedCount.toLocaleString('en');
  if (!isolatedCount) {
    showIsolated.disabled = true;
    showIsolated.parentNode.title = data.truncated
      ? 'Above the node limit only related entities are drawn; search finds the others.'
      : 'Every entity has a relation.';
  }

  // ---- timeline: meetings by the day they name, then the undated ones ---------------
  var timeline = document.getElementById('timeline');
  var timelineEntries = new Map();  // meeting id -> its list item
  function byLabel(a, b) { return a.label < b.label ? -1 : a.label > b.label ? 1 : 0; }
  function timelineEntry(n) {
    var entry = el('button', 'timeline-entry');
    entry.type = 'button';
    [n.iso_date && el('time', null, n.iso_date), n.date && el('span', 'written', n.date),
     el('span', 'name', n.label)].filter(Boolean).forEach(function (part, i) {
      if (i) entry.appendChild(document.createTextNode(' '));
      entry.appendChild(part);
    });
    entry.setAttribute('data-id', n.id);
    entry.addEventListener('click', function () { selectNode(n.id); });
    var item = el('li', null, entry);
    timelineEntries.set(n.id, item);
    return item;
  }
  var meetings = data.nodes.filter(function (n) { return n.type === 'meeting'; });
  var datedList = document.getElementById('timeline-dated');
  meetings.filter(function (n) { return n.iso_date; }).sort(function (a, b) {
    return a.iso_date < b.iso_date ? -1 : a.iso_date > b.iso_date ? 1 : byLabel(a, b);
  }).forEach(function (n) { datedList.appendChild(timelineEntry(n)); });
  var undatedList = document.getElementById('timeline-undated');
  meetings.filter(function (n) { return !n.iso_date; }).sort(byLabel)
    .forEach(function (n) { undatedList.appendChild(timelineEntry(n)); });
  timeline.hidden = !meetings.length;
  function markTimeline(selected) {
    timelineEntries.forEach(function (item, id) {
      item.firstChild.setAttribute('aria-current', String(id === selected));
    });
  }
  // The timeline lists the meetings the outlets switched on report.
  function filterTimeline() {
    var listed = 0, undated = 0;
    timelineEntries.forEach(function (item, id) {
      var n = nodeById.get(id);
      item.hidden = !reportedNode(n);
      if (item.hidden) return;
      listed++;
      if (!n.iso_date) undated++;
    });
    document.getElementById('timeline-count').textContent = plural(listed, 'meeting');
    document.getElementById('timeline-undated-heading').hidden = !undated;
  }

  var counts = document.getElementById('counts');
  // The type and relation counts of what the outlets switched on report.
  function countReported() {
    var types = new Map(), relations = new Map();
    data.nodes.forEach(function (n) {
      if (reportedNode(n)) types.set(n.type, (types.get(n.type) || 0) + 1);
    });
    data.edges.forEach(function (e) {
      if (reportedEdge(e)) relations.set(e.relation, (relations.get(e.relation) || 0) + 1);
    });
    typeCounts.forEach(function (shown, name) {
      shown.textContent = (types.get(name) || 0).toLocaleString('en');
    });
    relationCounts.forEach(function (shown, name) {
      shown.textContent = (relations.get(name) || 0).toLocaleString('en');
    });
  }
  function applyFilters(refit) {
    outletsOff = new Set(outletBoxes.filter(function (b) { return !b.checked; })
      .map(function (b) { return b.value; }));
    var types = new Set(typeBoxes.filter(function (b) { return b.checked; })
      .map(function (b) { return b.value; }));
    var relations = new Set(relationBoxes.filter(function (b) { return b.checked; })
      .map(function (b) { return b.value; }));
    var minimum = Math.max(1, parseInt(minDocuments.value, 10) || 1);
    passesEdge = function (e) {
      return relations.has(e.relation) && (!e.negated || showNegated.checked) &&
        edgeDocuments(e) >= minimum;
    };
    function passesNode(id) {
      var n = nodeById.get(id);
      return revealed.has(id) || (types.has(n.type) && nodeDocuments(n) >= minimum);
    }
    var related = new Set();
    var edgeShown = new Map();
    edges.forEach(function (item) {
      var e = edgeById.get(item.id);
      var show = passesEdge(e) && passesNode(e.from) && passesNode(e.to);
      edgeShown.set(e.id, show);
      if (show) { related.add(e.from); related.add(e.to); }
    });
    var nodeUpdates = [], edgeUpdates = [];
    var shownNodes = 0, shownEdges = 0;
    loaded.forEach(function (id) {
      var hide = !passesNode(id) ||
        !(related.has(id) || visibleLoops(id).length || showIsolated.checked || revealed.has(id));
      if (hide !== hiddenNodes.has(id)) {
        nodeUpdates.push({ id: id, hidden: hide });
        if (hide) hiddenNodes.add(id); else hiddenNodes.delete(id);
      }
      if (!hide) shownNodes++;
    });
    edgeShown.forEach(function (show, id) {
      var hide = !show;
      if (hide !== hiddenEdges.has(id)) {
        edgeUpdates.push({ id: id, hidden: hide });
        if (hide) hiddenEdges.add(id); else hiddenEdges.delete(id);
      }
      if (show) shownEdges++;
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    counts.textContent = shownNodes.toLocaleString('en') + ' of ' +
      data.nodes.length.toLocaleString('en') + ' entities, ' +
      shownEdges.toLocaleString('en') + ' of ' + data.edges.length.toLocaleString('en') +
      ' relations drawn';
    countReported();
    filterTimeline();
    if (refit) fitShown();
    network.redraw();
  }
  function refilter() {
    applyFilters(true);
    refreshPanel();
  }
  // Fit the view to what is drawn, without zooming a handful of nodes up to giant size.
  function fitShown() {
    var shown = Array.from(loaded).filter(function (id) { return !hiddenNodes.has(id); });
    if (!shown.length) return;
    network.fit({ nodes: shown, animation: false });
    if (network.getScale() > 1.5) network.moveTo({ scale: 1.5, animation: false });
  }

  applyFilters(false);
  if (!selectFromHash()) fitShown();

  // For tests and tools: the labels and badges of the last frame, in screen pixels.
  window.graphbuild = { labels: function () { return placed.slice(); } };
})();
