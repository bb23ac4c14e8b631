// Test only: the container wait strategy's probe. It answers only once the database is online, which is
// later than port 7474 opening.
RETURN 1 AS ready
