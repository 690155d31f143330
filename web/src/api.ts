// The explorer's only way to the data: newsgraph's public GraphQL API on
// the server that served the page.

/** An error the API answered with (its extensions.code), or a failure to reach it. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Runs one GraphQL operation and returns its data; any error in the answer throws an ApiError. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let resp: Response;
  try {
    resp = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('UNAVAILABLE', 'The newsgraph server cannot be reached. Is it running?');
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await resp.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError('INTERNAL', `The server answered ${resp.status} ${resp.statusText} without a GraphQL response.`);
  }
  const first = body.errors?.[0];
  if (first) {
    throw new ApiError(first.extensions?.code ?? 'INTERNAL', first.message);
  }
  if (!resp.ok || body.data == null) {
    throw new ApiError('INTERNAL', `The server answered ${resp.status} ${resp.statusText} with no data.`);
  }
  return body.data;
}

/** Entity kinds of the schema, in the order the explorer lists them. */
export const entityKinds = ['GROUP', 'PERSON', 'ORGANIZATION', 'PLACE', 'OUTLET', 'PROGRAM'] as const;

/** Relation types of the schema. */
export const relationTypes = [
  'RIVAL_OF',
  'ALLIED_WITH',
  'ATTACKED',
  'BRANCH_OF',
  'MEMBER_OF',
  'LEADER_OF',
  'LOCATED_IN',
  'PART_OF',
  'HOSTED',
  'APPEARED_ON',
] as const;

export interface Article {
  id: string;
  title: string;
  outlet: string;
  publishedAt: string | null;
  url: string | null;
}

export interface Citation {
  article: Article;
  sentenceIndex: number;
  sentence: string;
  start: number;
  end: number;
  trigger: string;
  extractor: string;
  confidence: number;
}

export interface EntityRef {
  id: string;
  name: string;
  kind: string;
}

/** The fields of an article a citation shows. */
export const articleFields = 'article { id title outlet publishedAt url }';

/** The fields of a citation the explorer shows. */
export const citationFields = `${articleFields} sentenceIndex sentence start end trigger extractor confidence`;
