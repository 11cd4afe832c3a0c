#!/bin/sh
# Installs axe-core, the accessibility checker the browser tests run, from the npm registry into the folder given
# (target/axe), exactly as package-lock.json pins it. Run by the Maven build before the tests; painsearch itself never
# loads it. Without npm it says so, and AxeBrowserTest skips (fails under CI).
dest=$1
if ! command -v npm >/dev/null 2>&1; then
    echo "npm is not installed, so axe-core is not: the accessibility checks (AxeBrowserTest) cannot run"
    exit 0
fi
mkdir -p "$dest"
cp "$(dirname "$0")/package.json" "$(dirname "$0")/package-lock.json" "$dest/"
cd "$dest"
# Offline, or the registry unreachable: the build goes on, and the accessibility test says axe-core is missing.
if ! npm ci --no-audit --no-fund --prefer-offline --loglevel=error; then
    echo "npm could not install axe-core (is the npm registry reachable?): AxeBrowserTest cannot run"
fi
