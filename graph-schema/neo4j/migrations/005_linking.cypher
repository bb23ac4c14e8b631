// Migration 5: linking. A full-text index over statement evidence (the BM25-like lexical signal, Lucene's
// scoring) and a vector index over the evidence vectors that linking stores on each statement, with the name
// of the model that computed them (a model change recomputes every vector; 384 is all-MiniLM-L6-v2's size).
CREATE FULLTEXT INDEX statement_evidence IF NOT EXISTS
FOR (n:Statement)
ON EACH [n.evidence];
CREATE VECTOR INDEX statement_vector IF NOT EXISTS
FOR (n:Statement)
ON (n.vector)
OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};
CREATE INDEX statement_vector_model IF NOT EXISTS FOR (n:Statement) ON (n.vectorModel);
