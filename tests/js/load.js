// Load a GraphML or GEXF file with the graphology parsers Gephi Lite uses and
// print {"nodes": n, "edges": m, ...} as JSON. Usage: node load.js FILE
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const graphml = require('graphology-graphml');
const gexf = require('graphology-gexf');

const file = process.argv[2];
const text = fs.readFileSync(file, 'utf-8');
const parser = file.endsWith('.gexf') ? gexf : graphml;
const graph = parser.parse(Graph, text);
const firstNode = graph.nodes()[0];
const firstEdge = graph.edges()[0];
process.stdout.write(JSON.stringify({
  nodes: graph.order,
  edges: graph.size,
  multi: graph.multi,
  type: graph.type,
  node: firstNode === undefined ? null : {id: firstNode, ...graph.getNodeAttributes(firstNode)},
  edge: firstEdge === undefined ? null : graph.getEdgeAttributes(firstEdge),
}) + '\n');
