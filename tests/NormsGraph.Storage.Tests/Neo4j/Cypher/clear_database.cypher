// Test only: every contract test starts from an empty graph. The schema (constraints, indexes) stays;
// the store's start-up migrations find it and record their versions again.
MATCH (n)
DETACH DELETE n
