// The embeddable graph: reads the view from /api/graph-view with the filters in the address, draws it with
// Cytoscape.js, and keeps the address, the node list, the legend and the iframe snippet in step with the
// filters. Everything is built with DOM calls (no HTML strings, no inline styles), so the page runs under a
// Content-Security-Policy without 'unsafe-inline'. window.normsGraph exposes the Cytoscape instance and
// timings for tests and for dashboards that script the frame.
(function () {
  'use strict';

  var kindColours = { norm: '#0072b2', principle: '#009e73', proposal: '#cc79a7' };
  var typeColours = {
    state: '#e69f00', intergovernmental: '#56b4e9', civil_society: '#d55e00', private_sector: '#f0e442',
    academia: '#8c564b', technical_community: '#7f7f7f', un_body: '#17becf', process: '#bcbd22', panel: '#9467bd', other: '#b0b0b0'
  };
  var stanceColours = { support: '#1b9e77', oppose: '#d62728', propose: '#1f77b4', concern: '#ff7f0e' };
  var stanceLines = { support: 'solid', oppose: 'dashed', propose: 'solid', concern: 'dotted' };
  var kindShapes = { norm: 'round-rectangle', principle: 'diamond', proposal: 'hexagon' };
  var allStances = Object.keys(stanceColours);
  var allTypes = Object.keys(typeColours);
  // Force-directed layouts cost O(n^2) per iteration and block the main thread; rings by distance from the
  // focus are O(n), stay readable, and put the focus in the middle where a reader looks first.
  var smallGraph = 60;
  var largeGraph = 250;

  // A read key, for servers that ask one of every reader (Api:ReadsNeedKey): given in the address's fragment, which a
  // browser sends to no server and in no Referer, and taken out of the address at once so a copied link lacks it.
  var apiKey = takeKey();
  var state = readState(new URLSearchParams(window.location.search));
  var cy = null;
  var selectedId = null;
  var requestNumber = 0;
  var api = window.normsGraph = { cy: null, metrics: null, view: null, loads: 0 };

  function $(id) { return document.getElementById(id); }

  function takeKey() {
    var key = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('key');
    if (key !== null) { window.history.replaceState(null, '', window.location.pathname + window.location.search); }
    return key;
  }

  function withKey(headers) {
    if (apiKey) { headers['X-Api-Key'] = apiKey; }
    return headers;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function listParam(params, name) {
    var values = [];
    params.getAll(name).forEach(function (v) {
      v.split(',').forEach(function (part) { part = part.trim(); if (part) { values.push(part.toLowerCase()); } });
    });
    return values;
  }

  function readState(params) {
    var stances = params.has('stances') ? listParam(params, 'stances') : allStances.slice();
    var types = params.has('actorTypes') ? listParam(params, 'actorTypes') : allTypes.slice();
    return {
      focus: params.getAll('focus').join(',').split(',').map(function (id) { return id.trim(); }).filter(Boolean),
      depth: params.get('depth') || '1',
      stances: stances,
      actorTypes: types,
      from: params.get('from') || '',
      to: params.get('to') || '',
      limit: params.get('limit') || '',
      process: params.get('process') || '',
      minStatements: params.get('minStatements') || '',
      minConfidence: params.get('minConfidence') || ''
    };
  }

  function toParams(s) {
    var params = new URLSearchParams();
    if (s.focus.length) { params.set('focus', s.focus.join(',')); }
    if (s.depth && s.depth !== '1') { params.set('depth', s.depth); }
    if (s.stances.length !== allStances.length) { params.set('stances', s.stances.join(',')); }
    if (s.actorTypes.length !== allTypes.length) { params.set('actorTypes', s.actorTypes.join(',')); }
    // Parameters without a control on the page still travel: to the server, into the address and into the embed code.
    ['from', 'to', 'limit', 'process', 'minStatements', 'minConfidence'].forEach(function (name) { if (s[name]) { params.set(name, s[name]); } });
    return params;
  }

  function nodeSize(weight) { return 18 + 9 * Math.sqrt(weight || 0); }
  function edgeWidth(weight) { return 1.2 + 1.6 * Math.sqrt(weight || 0); }

  function nodeColour(data) { return data.kind === 'actor' ? (typeColours[data.type] || typeColours.other) : (kindColours[data.kind] || '#666'); }

  function styles(large) {
    return [
      { selector: 'node', style: {
        'background-color': 'data(colour)', 'shape': 'data(shape)', 'width': 'data(size)', 'height': 'data(size)',
        'label': 'data(label)', 'font-size': 10, 'color': '#1d2330', 'text-valign': 'bottom', 'text-margin-y': 3,
        'text-wrap': 'ellipsis', 'text-max-width': 120, 'border-width': 1, 'border-color': '#333333', 'border-opacity': 0.35,
        'min-zoomed-font-size': large ? 14 : 7
      } },
      { selector: 'node[distance = 0]', style: { 'border-width': 3, 'border-color': '#1d2330', 'font-weight': 'bold' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f0a500' } },
      { selector: 'edge', style: {
        'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'line-style': 'data(line)', 'width': 'data(width)',
        // Haystack edges (straight, no arrow) draw far faster; a large view is read for its shape, not its arrows.
        'target-arrow-shape': large ? 'none' : 'triangle', 'arrow-scale': 0.8, 'curve-style': large ? 'haystack' : 'bezier', 'opacity': 0.8
      } },
      { selector: '.faded', style: { 'opacity': 0.3 } }
    ];
  }

  function layoutFor(view) {
    var count = view.elements.nodes.length;
    if (count <= smallGraph && state.focus.length === 0) {
      return { name: 'cose', animate: false, randomize: false, nodeRepulsion: function () { return 9000; }, idealEdgeLength: function () { return 70; }, numIter: 800, padding: 20 };
    }
    var maxWeight = 1;
    view.elements.nodes.forEach(function (n) { if (n.data.weight > maxWeight) { maxWeight = n.data.weight; } });
    return {
      name: 'concentric', animate: false, padding: 20, avoidOverlap: count <= 300, minNodeSpacing: count <= 40 ? 45 : count <= 300 ? 14 : 4,
      // Focused views: one ring per hop. Unfocused views: the busiest nodes in the middle.
      concentric: state.focus.length
        ? function (n) { return 10 - n.data('distance'); }
        : function (n) { return n.data('weight'); },
      levelWidth: state.focus.length ? function () { return 1; } : function () { return Math.max(1, maxWeight / 4); }
    };
  }

  function setStatus(text) { $('status').textContent = text; }

  // The server reads an empty list as no filter, so with every box of a group unchecked it drew every position while the
  // form said none: the page draws nothing then, and says why.
  function unchosen() {
    return state.stances.length === 0 ? 'stance' : state.actorTypes.length === 0 ? 'actor type' : null;
  }

  function load() {
    var number = ++requestNumber;
    if (unchosen()) {
      draw({ elements: { nodes: [], edges: [] }, truncated: false });
      setStatus('Choose at least one ' + unchosen() + ' to draw the graph.');
      api.metrics = { nodes: 0, edges: 0, fetchMs: 0, buildMs: 0, renderMs: 0, totalMs: 0 };
      api.loads++;
      document.body.setAttribute('data-state', 'ready');
      return Promise.resolve();
    }
    var params = toParams(state);
    var started = performance.now();
    setStatus('Loading the graph…');
    document.body.setAttribute('data-state', 'loading');
    return fetch('/api/graph-view?' + params.toString(), { headers: withKey({ Accept: 'application/json' }) })
      .then(function (response) {
        if (!response.ok) {
          return response.json().catch(function () { return {}; }).then(function (problem) {
            throw new Error(problem.detail || ('The server answered ' + response.status + '.'));
          });
        }
        return response.json();
      })
      .then(function (view) {
        if (number !== requestNumber) { return; }
        var fetched = performance.now();
        draw(view);
        var drawn = performance.now();
        // 'render' fires after Cytoscape has painted the laid-out graph; the first paint is what a reader waits for.
        cy.one('render', function () {
          var rendered = performance.now();
          api.metrics = { nodes: view.elements.nodes.length, edges: view.elements.edges.length, fetchMs: Math.round(fetched - started), buildMs: Math.round(drawn - fetched), renderMs: Math.round(rendered - fetched), totalMs: Math.round(rendered - started) };
          api.loads++;
          document.body.setAttribute('data-state', 'ready');
        });
        cy.forceRender();
      })
      .catch(function (error) {
        if (number !== requestNumber) { return; }
        setStatus('Could not load the graph: ' + error.message);
        document.body.setAttribute('data-state', 'error');
      });
  }

  function draw(view) {
    api.view = view;
    // Drawing attributes go into each element's data once: mapper functions in the style would run per element on every style pass.
    view.elements.nodes.forEach(function (n) {
      n.data.colour = nodeColour(n.data); n.data.shape = kindShapes[n.data.kind] || 'ellipse'; n.data.size = nodeSize(n.data.weight);
    });
    view.elements.edges.forEach(function (e) {
      e.data.colour = stanceColours[e.data.stance] || '#999'; e.data.line = stanceLines[e.data.stance] || 'solid'; e.data.width = edgeWidth(e.data.weight);
    });
    var elements = view.elements.nodes.concat(view.elements.edges);
    var large = view.elements.nodes.length > largeGraph;
    if (cy) { cy.destroy(); }
    var t0 = performance.now();
    cy = api.cy = cytoscape({
      container: $('cy'), elements: elements, style: styles(large), layout: layoutFor(view),
      minZoom: 0.1, maxZoom: 4, boxSelectionEnabled: false, autoungrabify: large, textureOnViewport: large, hideEdgesOnViewport: large
    });
    api.layoutMs = Math.round(performance.now() - t0);
    cy.on('tap', 'node', function (event) { select(event.target.id()); });
    cy.on('tap', function (event) { if (event.target === cy) { select(null); } });

    var n = view.elements.nodes.length, m = view.elements.edges.length;
    setStatus(n + (n === 1 ? ' node' : ' nodes') + ', ' + m + (m === 1 ? ' position' : ' positions') + (state.focus.length ? ' around ' + focusLabel(view) : ' in the whole graph'));
    $('title').textContent = state.focus.length ? 'NormsGraph: ' + focusLabel(view) : 'NormsGraph: the whole graph';
    var truncated = $('truncated');
    truncated.hidden = !view.truncated;
    truncated.textContent = view.truncated
      ? 'Only the ' + n + ' nearest and most active nodes are shown; narrow the filters, lower the depth or raise "Most nodes" to see more.'
      : '';
    $('clear-focus').hidden = state.focus.length === 0;
    renderLegend(view);
    renderNodeList(view);
    renderEmbedCode();
    if (selectedId && cy.getElementById(selectedId).nonempty()) { select(selectedId); } else { selectedId = null; clearDetails(); }
  }

  // The focus is the nodes at distance 0, not the ids in the address: the server centres a merged actor's old id on the
  // actor it was merged into (the title read "NormsGraph: bra" over France) and leaves out ids it does not know.
  function focusLabel(view) {
    var labels = view.elements.nodes.filter(function (n) { return n.data.distance === 0; }).map(function (n) { return n.data.label; });
    return labels.length ? labels.join(', ') : state.focus.join(', ');
  }

  function swatch(colour, square) {
    var s = el('span', 'swatch' + (square ? ' square' : ''));
    s.style.backgroundColor = colour;
    return s;
  }

  function legendGroup(title, items) {
    var group = el('div', 'group');
    group.appendChild(el('span', 'group-title', title));
    items.forEach(function (item) {
      var entry = el('span', 'item');
      entry.appendChild(item.mark);
      entry.appendChild(document.createTextNode(item.text));
      group.appendChild(entry);
    });
    return group;
  }

  function renderLegend(view) {
    var legend = $('legend');
    legend.textContent = '';
    var kinds = {}, types = {}, stances = {};
    view.elements.nodes.forEach(function (n) { if (n.data.kind === 'actor') { types[n.data.type || 'other'] = true; } else { kinds[n.data.kind] = true; } });
    view.elements.edges.forEach(function (e) { stances[e.data.stance] = true; });
    legend.appendChild(legendGroup('Targets', Object.keys(kindColours).filter(function (k) { return kinds[k]; }).map(function (k) {
      return { mark: swatch(kindColours[k], true), text: k };
    })));
    legend.appendChild(legendGroup('Actors', allTypes.filter(function (t) { return types[t]; }).map(function (t) {
      return { mark: swatch(typeColours[t]), text: t.replace(/_/g, ' ') };
    })));
    legend.appendChild(legendGroup('Stances', allStances.filter(function (s) { return stances[s]; }).map(function (s) {
      var line = el('span', 'line');
      line.style.borderTopColor = stanceColours[s];
      line.style.borderTopStyle = stanceLines[s];
      return { mark: line, text: s };
    })));
    legend.appendChild(el('span', 'item', 'Size: statements'));
  }

  function renderNodeList(view) {
    var list = $('node-list');
    list.textContent = '';
    view.elements.nodes.slice().sort(function (a, b) { return b.data.weight - a.data.weight || a.data.label.localeCompare(b.data.label); })
      .forEach(function (n) {
        var item = el('li');
        var button = el('button', null);
        button.type = 'button';
        button.setAttribute('data-node', n.data.id);
        button.setAttribute('aria-pressed', 'false');
        var mark = swatch(nodeColour(n.data), n.data.kind !== 'actor');
        mark.setAttribute('aria-hidden', 'true');
        button.appendChild(mark);
        button.appendChild(document.createTextNode(' ' + n.data.label + ' '));
        var count = el('span', 'count', n.data.weight);
        count.setAttribute('aria-label', n.data.weight + ' statements');
        button.appendChild(count);
        button.addEventListener('click', function () { select(n.data.id); });
        item.appendChild(button);
        list.appendChild(item);
      });
  }

  function embedUrl() {
    var query = toParams(state).toString();
    return window.location.origin + '/embed/graph' + (query ? '?' + query : '');
  }

  function renderEmbedCode() {
    var title = $('title').textContent;
    $('embed-snippet').value = '<iframe src="' + embedUrl().replace(/&/g, '&amp;').replace(/"/g, '&quot;') + '" title="' +
      title.replace(/&/g, '&amp;').replace(/"/g, '&quot;') + '" width="100%" height="600" loading="lazy" style="border:0"></iframe>';
  }

  function clearDetails() {
    var details = $('details');
    details.textContent = '';
    details.appendChild(el('h2', null, 'Details')).id = 'details-title';
    details.appendChild(el('p', 'hint', 'Choose a node in the graph or in the list below to see its positions, with the evidence and the report.'));
  }

  function select(id) {
    selectedId = id;
    cy.elements().removeClass('faded').unselect();
    document.querySelectorAll('#node-list button').forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-node') === id)); });
    if (!id) { clearDetails(); return; }
    var node = cy.getElementById(id);
    node.select();
    cy.elements().difference(node.closedNeighborhood()).addClass('faded');
    showDetails(node.data());
  }

  function showDetails(data) {
    var details = $('details');
    details.textContent = '';
    var heading = el('h2', null, data.label);
    heading.id = 'details-title';
    details.appendChild(heading);
    details.appendChild(el('p', 'meta', (data.kind === 'actor' ? 'Actor, ' + String(data.type || 'other').replace(/_/g, ' ') : data.kind.charAt(0).toUpperCase() + data.kind.slice(1)) +
      ' · ' + data.weight + (data.weight === 1 ? ' statement' : ' statements') + ' in this view · id ' + data.id));
    var focusButton = el('button', 'secondary', 'Focus on ' + data.label);
    focusButton.type = 'button';
    focusButton.addEventListener('click', function () { state.focus = [data.id]; applyState(); });
    details.appendChild(focusButton);
    var loading = el('p', 'hint', 'Loading positions…');
    details.appendChild(loading);

    var isActor = data.kind === 'actor';
    var query = 'query NodePositions($id: ID!) { positions(' + (isActor ? 'actor' : 'norm') + ': $id, first: 25) { totalCount nodes { stance evidence ' +
      (isActor ? 'target { id name }' : 'actor { id name }') + ' report { title date source } } } }';
    fetch('/graphql', {
      method: 'POST',
      headers: withKey({ 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' }),
      body: JSON.stringify({ query: query, variables: { id: data.id } })
    }).then(function (r) { return r.json(); }).then(function (body) {
      if (selectedId !== data.id) { return; }
      if (body.errors || !body.data) { throw new Error(body.errors ? body.errors[0].message : 'no data'); }
      var page = body.data.positions;
      loading.textContent = page.totalCount === 0 ? 'No positions.' : 'Positions' + (page.totalCount > page.nodes.length ? ' (first ' + page.nodes.length + ' of ' + page.totalCount + ')' : '') + ':';
      var list = el('ul', 'positions');
      page.nodes.forEach(function (p) {
        var item = el('li');
        var line = el('div');
        var other = isActor ? p.target : p.actor;
        line.appendChild(el('span', 'stance stance-' + p.stance.toLowerCase(), p.stance.toLowerCase()));
        line.appendChild(document.createTextNode(' ' + (isActor ? 'on ' : 'by ') + other.name));
        item.appendChild(line);
        item.appendChild(el('blockquote', 'evidence', p.evidence));
        item.appendChild(el('div', 'report', p.report.title + (p.report.date ? ' (' + p.report.date + ')' : '')));
        list.appendChild(item);
      });
      details.appendChild(list);
    }).catch(function (error) {
      if (selectedId === data.id) { loading.textContent = 'Could not load the positions: ' + error.message; }
    });
  }

  function syncForm() {
    var form = $('filters');
    form.querySelectorAll('.choices').forEach(function (group) {
      var chosen = state[group.getAttribute('data-param')];
      group.querySelectorAll('input').forEach(function (input) { input.checked = chosen.indexOf(input.value) >= 0; });
    });
    form.elements.from.value = state.from;
    form.elements.to.value = state.to;
    form.elements.depth.value = state.depth;
    form.elements.limit.value = state.limit || '200';
  }

  function readForm() {
    var form = $('filters');
    form.querySelectorAll('.choices').forEach(function (group) {
      var chosen = [];
      group.querySelectorAll('input').forEach(function (input) { if (input.checked) { chosen.push(input.value); } });
      state[group.getAttribute('data-param')] = chosen;
    });
    state.from = form.elements.from.value;
    state.to = form.elements.to.value;
    state.depth = form.elements.depth.value;
    var limit = form.elements.limit.value;
    state.limit = limit && limit !== '200' ? limit : '';
  }

  function applyState() {
    var query = toParams(state).toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : ''));
    syncForm();
    return load();
  }

  function copyEmbed() {
    var text = $('embed-snippet').value;
    var done = function () { $('copy-status').textContent = 'Copied.'; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { $('embed-snippet').select(); $('copy-status').textContent = 'Selected: press Ctrl+C to copy.'; });
    } else {
      $('embed-snippet').select();
      $('copy-status').textContent = document.execCommand && document.execCommand('copy') ? 'Copied.' : 'Selected: press Ctrl+C to copy.';
    }
  }

  var debounce = null;
  $('filters').addEventListener('change', function () {
    clearTimeout(debounce);
    debounce = setTimeout(function () { readForm(); applyState(); }, 150);
  });
  $('filters').addEventListener('submit', function (event) { event.preventDefault(); });
  $('clear-focus').addEventListener('click', function () { state.focus = []; applyState(); });
  $('copy-embed').addEventListener('click', copyEmbed);
  api.reload = load;
  api.select = function (id) { select(id); };
  syncForm();
  api.ready = load();
})();
