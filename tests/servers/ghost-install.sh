#!/usr/bin/env bash
# Installs Ghost 5.130.6 for the publishing integration tests (tests/servers/ghost.ts) into a cache
# folder outside the clone, once: about 4 minutes and 600 MB the first time, nothing afterwards.
# 5.130.6 is the newest Ghost that runs on Node 20 (every 6.x needs Node 22). `npm install ghost`
# fails: some devDependencies are GitHub tarballs that cannot be fetched, so they are dropped and
# the production dependencies installed with yarn 1.22, as Ghost's own tooling does.
set -euo pipefail

version=5.130.6
folder="${COMMONPLACE_GHOST_FOLDER:-${HOME}/.cache/commonplace/ghost-${version}}"
# Written last, so an interrupted install is redone instead of reused.
marker="${folder}/.commonplace-installed"

if [[ -f "${marker}" ]]; then
  echo "Ghost ${version} already installed in ${folder}"
  exit 0
fi

# sqlite3 and re2 compile with node-gyp, which needs a C++ toolchain and Python.
if ! command -v make >/dev/null || ! command -v g++ >/dev/null || ! command -v python3 >/dev/null; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    apt-get install -y -qq make g++ python3 >/dev/null
  else
    echo "Installing Ghost needs make, g++ and python3 (for node-gyp)." >&2
    exit 1
  fi
fi

started=$SECONDS
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
rm -rf "${folder}"
mkdir -p "$(dirname "${folder}")"

(cd "${work}" && npm pack --silent "ghost@${version}" >/dev/null)
tar -xzf "${work}/ghost-${version}.tgz" -C "${work}"
node -e '
  const fs = require("node:fs");
  const file = process.argv[1];
  const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  delete manifest.devDependencies;
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
' "${work}/package/package.json"

# Its output goes to a log, shown only when the install fails: yarn warns about hundreds of packages.
if ! (cd "${work}/package" &&
  npx --yes yarn@1.22.22 install --production --non-interactive --no-progress --ignore-engines \
    --cache-folder "${work}/yarn-cache") >"${work}/yarn.log" 2>&1; then
  tail -n 60 "${work}/yarn.log" >&2
  exit 1
fi

mv "${work}/package" "${folder}"
touch "${marker}"
echo "Ghost ${version} installed in ${folder} in $((SECONDS - started)) s"
