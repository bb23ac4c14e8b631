# Installs what the test suite needs on a clean machine; sourced by .ci/run.
# Each step is skipped when its result is already there, so a warm machine pays nothing.
if ! command -v dotnet >/dev/null; then
  echo "The .NET 10 SDK is required." >&2
  exit 1
fi

# Cypher lint (tools/cypher-lint): Neo4j's parser checks every .cypher file in the tests. npm ci installs
# exactly the lockfile; a copy of the lockfile in node_modules marks a finished install, so a warm machine
# skips it and a changed lockfile reinstalls. Once installed, the lint tests may no longer skip.
cypher_lint=tools/cypher-lint
if command -v npm >/dev/null; then
  if ! cmp -s "$cypher_lint/package-lock.json" "$cypher_lint/node_modules/.installed-lock.json"; then
    if (cd "$cypher_lint" && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1); then
      cp "$cypher_lint/package-lock.json" "$cypher_lint/node_modules/.installed-lock.json"
    else
      echo "npm ci in $cypher_lint failed; the Cypher lint tests will skip." >&2
    fi
  fi
else
  echo "npm not found; the Cypher lint tests will skip." >&2
fi
if cmp -s "$cypher_lint/package-lock.json" "$cypher_lint/node_modules/.installed-lock.json"; then
  export NORMSGRAPH_REQUIRE_CYPHER_LINT=1
fi
unset cypher_lint

# graphql-http's audit suite (tools/graphql-http-audit): the GraphQL-over-HTTP spec's checks, run against the API
# by GraphQLHttpAuditTests. Installed and marked the same way as the Cypher lint.
http_audit=tools/graphql-http-audit
if command -v npm >/dev/null; then
  if ! cmp -s "$http_audit/package-lock.json" "$http_audit/node_modules/.installed-lock.json"; then
    if (cd "$http_audit" && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1); then
      cp "$http_audit/package-lock.json" "$http_audit/node_modules/.installed-lock.json"
    else
      echo "npm ci in $http_audit failed; the graphql-http audit test will skip." >&2
    fi
  fi
fi
if cmp -s "$http_audit/package-lock.json" "$http_audit/node_modules/.installed-lock.json"; then
  export NORMSGRAPH_REQUIRE_GRAPHQL_HTTP_AUDIT=1
fi
unset http_audit

# docker-compose v1, to validate docker-compose.yml offline (ComposeFileTests); it also rejects a top-level `name:`.
if ! command -v docker-compose >/dev/null && command -v apt-get >/dev/null; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose; } >/dev/null 2>&1 \
    || echo "could not install docker-compose; the compose file check will skip." >&2
fi
if command -v docker-compose >/dev/null; then
  export NORMSGRAPH_REQUIRE_COMPOSE=1
fi

# Browser tests (tests/NormsGraph.Api.Tests/Browser) drive Debian's chromium through Playwright, and the GraphML
# export is read back by NetworkX. Installed only when missing; once there, their tests may no longer skip.
web_apt=()
[ -x /usr/bin/chromium ] || web_apt+=(chromium)
python3 -c "import networkx" >/dev/null 2>&1 || web_apt+=(python3-networkx)
if [ "${#web_apt[@]}" -gt 0 ] && command -v apt-get >/dev/null; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${web_apt[@]}"; } >/dev/null 2>&1 \
    || echo "could not install ${web_apt[*]}; the browser or GraphML reader tests will skip." >&2
fi
unset web_apt
if [ -x /usr/bin/chromium ]; then
  export NORMSGRAPH_REQUIRE_BROWSER=1
fi
if python3 -c "import networkx" >/dev/null 2>&1; then
  export NORMSGRAPH_REQUIRE_GRAPHML_READER=1
fi

# The GraphiQL and embed pages' npm libraries (src/NormsGraph.Api/Web). The API build runs the same `npm ci` when
# they are missing or older than the lockfile; doing it here first keeps its output out of the test log.
web_assets=src/NormsGraph.Api/Web
if command -v npm >/dev/null && ! cmp -s "$web_assets/package-lock.json" "$web_assets/node_modules/.installed-lock.json"; then
  if (cd "$web_assets" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null 2>&1); then
    cp "$web_assets/package-lock.json" "$web_assets/node_modules/.installed-lock.json"
  else
    echo "npm ci in $web_assets failed; the build will try again, and the pages say how to enable them." >&2
  fi
fi
# With npm here the build installs them, so the tests of the pages that need them may no longer skip.
if command -v npm >/dev/null; then
  export NORMSGRAPH_REQUIRE_WEB_LIBRARIES=1
fi
unset web_assets
