#!/usr/bin/env bash
# The open-data files of the demo fund against the official standards (run by ctest):
#   IATI 2.03: xmllint --schema with the 2.03 XSD, then check_iati.py (every code against the
#   codelist mapping.xml names for it; planned disbursements = budget = award; disbursement
#   transactions = what the database says was disbursed);
#   360Giving 1.4.3: check_360giving.py (package and grant schemas, amounts against the database).
# Both the published files and the full ones (--scope all); the published files must hold no
# person's name or email.
#   usage: tests/opendata/validate.sh BINARY WORKDIR
# The schemas come from ../shared/schemas beside the repository (CITYGRANTS_SCHEMAS overrides).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="$1"
work="$2"
schemas="${CITYGRANTS_SCHEMAS:-$here/../../../shared/schemas}"
[ -f "$schemas/iati-2.03/iati-activities-schema.xsd" ] && [ -d "$schemas/360giving-1.4.3" ] || {
  echo "open-data validation: no schemas at $schemas (set CITYGRANTS_SCHEMAS)" >&2; exit 1; }
command -v xmllint >/dev/null || { echo "open-data validation: xmllint is missing; ops/test installs libxml2-utils" >&2; exit 1; }
/usr/bin/python3 -c 'import jsonschema, lxml' || {
  echo "open-data validation: python3-jsonschema/python3-lxml are missing; ops/test installs them" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work"
db="sqlite:$work/fund.db"
"$bin" migrate --db "$db" >/dev/null
"$bin" seed-demo --db "$db" --demo-password demo-password-1 >/dev/null

for scope in published all; do
  "$bin" export iati --db "$db" --out "$work/iati-$scope.xml" --scope "$scope"
  "$bin" export 360giving --db "$db" --out "$work/360giving-$scope.json" --scope "$scope"
  # What the database says each grant was awarded and disbursed, keyed as each file names it.
  /usr/bin/python3 - "$work/fund.db" "$scope" "$work" <<'PY'
import json, sqlite3, sys
db, scope, work = sys.argv[1:4]
c = sqlite3.connect(db)
prefix, ref = c.execute("SELECT giving_prefix, iati_ref FROM publisher").fetchone()
rows = c.execute(
    "SELECT g.reference, g.amount_minor, COALESCE((SELECT SUM(amount_minor) FROM tranches t "
    "WHERE t.grant_id = g.id AND t.state = 'disbursed'), 0) FROM grants g "
    + ("" if scope == "all" else "WHERE g.publishable = 1")).fetchall()
money = lambda minor: f"{minor // 100}.{minor % 100:02d}"  # the demo fund is in USD
iati = {f"{ref}-{r}": {"award": money(a), "disbursed": money(d)} for r, a, d in rows}
giving = {f"{prefix}-{r}": {"award": money(a), "disbursed": money(d)} for r, a, d in rows}
json.dump(iati, open(f"{work}/expected-iati-{scope}.json", "w"))
json.dump(giving, open(f"{work}/expected-360giving-{scope}.json", "w"))
print(f"{scope}: {len(rows)} grant(s) expected")
PY
  xmllint --noout --nonet --schema "$schemas/iati-2.03/iati-activities-schema.xsd" "$work/iati-$scope.xml"
  /usr/bin/python3 "$here/check_iati.py" "$schemas" "$work/iati-$scope.xml" "$work/expected-iati-$scope.json"
  /usr/bin/python3 "$here/check_360giving.py" "$schemas" "$work/360giving-$scope.json" \
    "$work/expected-360giving-$scope.json"
done

# No person in the public files: no user's email or name.
/usr/bin/python3 - "$work/fund.db" "$work/iati-published.xml" "$work/360giving-published.json" <<'PY'
import sqlite3, sys
people = sqlite3.connect(sys.argv[1]).execute("SELECT email, name FROM users").fetchall()
faults = 0
for path in sys.argv[2:]:
    text = open(path, encoding="utf-8").read()
    for email, name in people:
        for word in (email, name):
            if word in text:
                print(f"{path}: holds personal data: {word!r}")
                faults += 1
print(f"personal data: {len(people)} users' names and emails looked for, {faults} found")
sys.exit(1 if faults else 0)
PY
# Every DAC code a fund manager may choose is an active code of the IATI Sector codelist.
/usr/bin/python3 - "$here/../../modules/opendata/dac_sector.cpp" "$schemas/iati-2.03/codelists/Sector.xml" <<'PY'
import re, sys
from lxml import etree
ours = re.findall(r'\{"(\d{5})", "', open(sys.argv[1]).read())
active = {i.findtext("code") for i in etree.parse(sys.argv[2]).iter("codelist-item")
          if i.get("status", "active") == "active"}
bad = [c for c in ours if c not in active]
print(f"DAC sectors: {len(ours)} codes of ours, {len(bad)} not active in the Sector codelist {bad}")
sys.exit(1 if bad or len(ours) < 10 else 0)
PY
echo "open-data validation: passed"
