# Installs what the test suite needs on a clean machine; sourced by .ci/run.
# Each step is skipped when its result is already there, so a warm machine pays nothing.
if ! command -v dotnet >/dev/null; then
  echo "The .NET 10 SDK is required." >&2
  exit 1
fi
