#!/usr/bin/env bash
# Vendor the web page's JavaScript libraries from npm into src/tacitus/web/static/vendor/.
#
# Why vendored: the page must run offline from the installed package with no build step, so
# the minified dist files ship inside tacitus. Each package is fetched with `npm pack` at a
# pinned version, its tarball checked against a pinned sha512 (the registry's dist.integrity),
# and only the dist files we load plus the package's LICENSE are copied. Re-running rewrites
# the same bytes; to upgrade, change a version and its integrity here (`npm view NAME@VER
# dist.integrity`), run the script, and review vendor/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=src/tacitus/web/static/vendor

# name version sha512-integrity licence "dist files to copy (paths inside the package)"
PACKAGES=(
  "leaflet 1.9.4 sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA== BSD-2-Clause dist/leaflet.js dist/leaflet.css"
  "topojson-client 3.1.0 sha512-605uxS6bcYxGXw9qi62XyrV6Q3xwbndjachmNxu8HWTtVPxZfEJN9fd/SZS1Q54Sn2y0TMyMxFj/cJINqGHrKw== ISC dist/topojson-client.min.js"
  "world-atlas 2.0.2 sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ== ISC countries-110m.json"
  "cytoscape 3.34.4 sha512-msY99tMY8iWTg+sIPGfSqDcPNOt4xcj+v/K/7qUFaCUxxlqnMkUYLBjRUzn9W5CU/R2hrmtJa5+UtovrEM2ctg== MIT dist/cytoscape.min.js"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$DEST"
mkdir -p "$DEST"

{
  echo "# Vendored JavaScript libraries"
  echo
  echo "Written by \`scripts/vendor_js.sh\` (do not edit by hand): each package fetched with"
  echo "\`npm pack NAME@VERSION\`, its tarball checked against the pinned sha512, and only the files"
  echo "below copied, with the package's licence as \`NAME/LICENSE\`."
  echo
  echo "| package | version | licence | source | files |"
  echo "|---|---|---|---|---|"
} >"$work/README.md"

for entry in "${PACKAGES[@]}"; do
  read -r name version integrity licence files <<<"$entry"
  tarball=$(cd "$work" && npm pack --silent "$name@$version")
  actual="sha512-$(openssl dgst -sha512 -binary "$work/$tarball" | base64 -w0)"
  if [[ "$actual" != "$integrity" ]]; then
    echo "error: $name@$version: tarball sha512 $actual differs from the pinned $integrity" >&2
    exit 1
  fi
  mkdir -p "$work/$name"
  tar -xzf "$work/$tarball" -C "$work/$name" --strip-components=1
  mkdir -p "$DEST/$name"
  copied=()
  for file in $files; do
    cp "$work/$name/$file" "$DEST/$name/"
    copied+=("\`$name/$(basename "$file")\`")
  done
  cp "$work/$name/LICENSE" "$DEST/$name/LICENSE"
  echo "| $name | $version | $licence | https://www.npmjs.com/package/$name/v/$version | ${copied[*]} |" >>"$work/README.md"
done

{
  echo
  echo "\`world-atlas/countries-110m.json\` is TopoJSON built from Natural Earth 1:110m admin-0"
  echo "countries (public domain); the packaging is ISC."
} >>"$work/README.md"
cp "$work/README.md" "$DEST/README.md"
echo "vendored ${#PACKAGES[@]} packages into $DEST"
