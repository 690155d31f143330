// GraphiQL for newsgraph, bundled from npm with its editor's workers, so
// that it loads nothing from outside this server.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';

const defaultQuery = `# newsgraph's GraphQL API: the schema's documentation is in the
# Docs pane. The explorer at / needs no GraphQL at all.
{
  stats { articles entities relationships claims citations }
  search(text: "brigades", first: 5) {
    nodes {
      score
      matched
      node {
        __typename
        ... on Entity { id name kind }
        ... on Claim { id text }
      }
    }
  }
}
`;

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() });
const root = document.getElementById('graphiql');
if (root) {
  createRoot(root).render(createElement(GraphiQL, { fetcher, defaultQuery }));
}
