#!/usr/bin/python3
"""Validates a 360Giving data package against the local 1.4.3 package and grant schemas (JSON
Schema 2020-12, with formats checked), and its money: amountDisbursed = the sum of the
disbursement transactions, and neither above amountAwarded; with EXPECTED.json, each grant's
award and disbursed amounts as the API states them.

usage: check_360giving.py SCHEMAS_DIR FILE.json [EXPECTED.json]
EXPECTED.json: {"<grant id>": {"award": "300000.00", "disbursed": "120000.00"}}"""
import json
import os
import re
import sys
from datetime import datetime
from decimal import Decimal

import jsonschema

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def format_checker():
    """jsonschema checks date-time only with a package Debian 12 does not ship
    (rfc3339-validator): check it here, so that a date-time field is really one."""
    checker = jsonschema.FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def is_date_time(value):
        if not isinstance(value, str):
            return True
        if not RFC3339.match(value):
            return False
        datetime.fromisoformat(value[:19])  # a real day and time: raises ValueError otherwise
        return True

    return checker


def main():
    schemas, path = sys.argv[1], sys.argv[2]
    expected = json.load(open(sys.argv[3])) if len(sys.argv) > 3 else None
    folder = os.path.join(schemas, "360giving-1.4.3")
    package_schema = json.load(open(os.path.join(folder, "360-giving-package-schema.json")))
    grant_schema = json.load(open(os.path.join(folder, "360-giving-schema.json")))
    # The package names the grant schema by its remote address: resolve it to the local file.
    resolver = jsonschema.RefResolver.from_schema(
        package_schema, store={grant_schema["$id"]: grant_schema})
    validator = jsonschema.Draft202012Validator(
        package_schema, resolver=resolver, format_checker=format_checker())
    data = json.load(open(path), parse_float=Decimal)
    faults = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator.iter_errors(json.loads(json.dumps(data, default=float)))]
    for g in data.get("grants", []):
        paid = sum((t["value"] for t in g.get("disbursementTransaction", [])), Decimal(0))
        if Decimal(g.get("amountDisbursed", 0)) != paid:
            faults.append(f"{g['id']}: amountDisbursed {g.get('amountDisbursed')} != transactions {paid}")
        if paid > g["amountAwarded"]:
            faults.append(f"{g['id']}: disbursed {paid} > awarded {g['amountAwarded']}")
        if expected is not None:
            want = expected.get(g["id"])
            if want is None:
                faults.append(f"{g['id']}: not expected in this file")
            elif (Decimal(want["award"]) != g["amountAwarded"]
                  or Decimal(want["disbursed"]) != Decimal(g.get("amountDisbursed", 0))):
                faults.append(f"{g['id']}: {g['amountAwarded']}/{g.get('amountDisbursed')} != {want}")
    if expected is not None:
        for ident in sorted(set(expected) - {g["id"] for g in data.get("grants", [])}):
            faults.append(f"{ident}: expected but not in the file")
    print(f"{path}: {len(data.get('grants', []))} grants validated against the 360Giving 1.4.3 "
          f"package and grant schemas, {len(faults)} fault(s)")
    for f in faults:
        print("  " + f)
    sys.exit(1 if faults or not data.get("grants") else 0)


if __name__ == "__main__":
    main()
