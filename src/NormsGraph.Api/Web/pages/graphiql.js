// Starts GraphiQL against this server's /graphql. With no saved session it opens on the README's example
// (who supported responsible vulnerability disclosure); ?query= and ?variables= in the address win.
(function () {
  'use strict';
  var exampleQuery = [
    'query WhoSupported($norm: ID!) {',
    '  norm(id: $norm) { id name }',
    '  positions(norm: $norm, stance: SUPPORT, first: 3) {',
    '    totalCount',
    '    nodes {',
    '      actor { id name type }',
    '      evidence',
    '      report { title date }',
    '    }',
    '  }',
    '}',
    ''
  ].join('\n');
  var exampleVariables = '{ "norm": "gge-13j" }';

  var params = new URLSearchParams(window.location.search);
  var saved = window.localStorage && window.localStorage.getItem('graphiql:query');
  var props = {
    fetcher: GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).toString() }),
    defaultQuery: exampleQuery,
    defaultEditorToolsVisibility: true
  };
  if (params.has('query')) {
    props.query = params.get('query');
    props.variables = params.get('variables') || undefined;
  } else if (!saved) {
    props.query = exampleQuery;
    props.variables = exampleVariables;
  }
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, props));
})();
