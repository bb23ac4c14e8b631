#!/usr/bin/env python3
"""Runs every example of docs/api.md and README.md (a ```graphql block, optional "with variables `{…}`", or a ```sh
block that posts a query with curl -d, then the ```json answer) against a running API and prints the ones whose
answer differs. The docs promise real answers of a fresh store on the
sample reports; run this after an extractor change.

    dotnet run --project src/NormsGraph.Api -- --urls http://127.0.0.1:5481 --Store:Embedded:Path=/tmp/docs/g.db \
      --Ingestion:Inbox=/tmp/docs/inbox --Api:Keys:0:Name=curator --Api:Keys:0:Key=change-me-curator-key --Api:Keys:0:Scopes:0=write &
    python3 tools/docs/check_api_examples.py http://127.0.0.1:5481 [--write]   # on a fresh store: mutations run once

With --write the documented answers are replaced by the real ones (review the diff)."""
import json, re, sys, urllib.request

KEY = "change-me-curator-key"

def blocks(text):
    # (kind, start, end, body) for every fenced block
    for m in re.finditer(r"^```(\w*)\n(.*?)^```", text, re.M | re.S):
        yield m.group(1), m.start(2), m.end(2), m.group(2)

def run(base, query, variables):
    body = json.dumps({"query": query, "variables": variables}).encode()
    request = urllib.request.Request(base + "/graphql", body, {"Content-Type": "application/json", "Accept": "application/graphql-response+json",
                                                             **({"X-Api-Key": KEY} if query.lstrip().startswith("mutation") else {})})
    try:
        with urllib.request.urlopen(request) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        return json.load(error)

def request_of(kind, body, between):
    """The query and variables of an example block, or None when the block is not a GraphQL request."""
    if kind == "graphql":
        variables = re.search(r"variables `(\{.*?\})`", between)
        return body, json.loads(variables.group(1)) if variables else {}
    posted = re.search(r"curl .*?/graphql.*?-d '(\{.*\})'", body, re.S) if kind == "sh" else None
    if posted:
        payload = json.loads(posted.group(1))
        return payload["query"], payload.get("variables") or {}
    return None

def check(base, path, write):
    text = open(path, encoding="utf-8").read()
    found = list(blocks(text))
    replacements, differing, checked = [], 0, 0
    for i, (kind, start, end, body) in enumerate(found):
        if i + 1 >= len(found) or found[i + 1][0] != "json":
            continue
        request = request_of(kind, body, text[end:found[i + 1][1]])
        if request is None:
            continue
        actual = run(base, *request)
        documented = json.loads(found[i + 1][3])
        checked += 1
        if actual != documented:
            differing += 1
            line = text.count("\n", 0, start) + 1
            print(f"{path}:{line}: the answer differs")
            replacements.append((found[i + 1][1], found[i + 1][2], json.dumps(actual, indent=2, ensure_ascii=False) + "\n"))
    if write:
        for start, end, new in reversed(replacements):
            text = text[:start] + new + text[end:]
        open(path, "w", encoding="utf-8").write(text)
    print(f"{path}: {checked} examples, {differing} differ")
    return differing

def main():
    base, write = sys.argv[1], "--write" in sys.argv
    differing = sum(check(base, path, write) for path in ("README.md", "docs/api.md"))
    sys.exit(1 if differing and not write else 0)

main()
