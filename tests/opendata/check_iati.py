#!/usr/bin/python3
"""Checks an IATI 2.03 activity file beyond its XSD: every code it writes against the codelist
that codelists/mapping.xml names for its place, and the money: per activity, the disbursement
transactions (type 3) add up to the tranches' disbursements stated beside them (tests pass the
expected sums), and the planned disbursements add up to the budget (the award).

usage: check_iati.py SCHEMAS_DIR FILE.xml [EXPECTED.json]
EXPECTED.json: {"<iati-identifier>": {"award": "300000.00", "disbursed": "120000.00"}}
Prints what it checked; exits 1 naming every fault."""
import json
import os
import sys
from decimal import Decimal

from lxml import etree

XML_NS = "{http://www.w3.org/XML/1998/namespace}"


def load_codelists(folder):
    lists = {}
    for name in os.listdir(folder):
        if name.endswith(".xml") and name != "mapping.xml":
            tree = etree.parse(os.path.join(folder, name))
            lists[name[:-4]] = {c.text.strip() for c in tree.iter("code") if c.text}
    return lists


def check_codes(doc, codelists_dir):
    """Every value at a mapped place must be a code of its codelist; a place whose codelist is not
    kept locally must not occur at all (except the version, which is the XSD's own)."""
    lists = load_codelists(codelists_dir)
    mapping = etree.parse(os.path.join(codelists_dir, "mapping.xml"))
    faults, checked = [], 0
    for m in mapping.iter("mapping"):
        path = m.findtext("path").strip()
        ref = m.find("codelist").get("ref")
        condition = m.findtext("condition")
        if condition:
            head, _, attr = path.rpartition("/")
            xpath = f"{head}[{condition.strip()}]/{attr}"
        else:
            xpath = path
        xpath = xpath.replace("@xml:lang", "@*[local-name()='lang']")
        values = [str(v).strip() for v in doc.xpath(xpath)]
        if not values:
            continue
        if ref == "Version":
            bad = [v for v in values if v != "2.03"]
        elif ref not in lists:
            faults.append(f"{path}: written ({values[:3]}) but codelist {ref} is not in {codelists_dir}")
            continue
        else:
            bad = [v for v in values if v not in lists[ref]]
        checked += len(values)
        for v in sorted(set(bad)):
            faults.append(f"{path} = {v!r} is not a code of {ref}")
    return faults, checked


def total(elements):
    return sum((Decimal(e.text) for e in elements), Decimal(0))


def check_sums(doc, expected):
    faults = []
    activities = doc.findall("iati-activity")
    for a in activities:
        ident = a.findtext("iati-identifier")
        status = a.find("activity-status").get("code")
        budget = total(a.findall("budget/value"))
        planned = total(a.findall("planned-disbursement/value"))
        paid = total(a.xpath("transaction[transaction-type/@code='3']/value"))
        committed = total(a.xpath("transaction[transaction-type/@code='2']/value"))
        if status != "5" and planned != budget:
            faults.append(f"{ident}: planned disbursements {planned} != budget {budget}")
        if committed and committed != budget:
            faults.append(f"{ident}: commitment {committed} != budget {budget}")
        if paid > budget:
            faults.append(f"{ident}: disbursed {paid} > budget {budget}")
        if expected is not None:
            want = expected.get(ident)
            if want is None:
                faults.append(f"{ident}: not expected in this file")
                continue
            if budget != Decimal(want["award"]):
                faults.append(f"{ident}: budget {budget} != award {want['award']}")
            if paid != Decimal(want["disbursed"]):
                faults.append(f"{ident}: disbursements {paid} != disbursed {want['disbursed']}")
        for period in a.findall("result/indicator/period"):
            if period.find("period-start").get("iso-date") > period.find("period-end").get("iso-date"):
                faults.append(f"{ident}: a result period ends before it starts")
        dates = {d.get("type"): d.get("iso-date") for d in a.findall("activity-date")}
        if dates.get("1", "") > dates.get("3", "9999"):
            faults.append(f"{ident}: planned end before planned start")
    if expected is not None:
        written = {a.findtext("iati-identifier") for a in activities}
        for ident in sorted(set(expected) - written):
            faults.append(f"{ident}: expected but not in the file")
    return faults, len(activities)


def main():
    schemas, path = sys.argv[1], sys.argv[2]
    expected = json.load(open(sys.argv[3])) if len(sys.argv) > 3 else None
    doc = etree.parse(path)
    code_faults, codes = check_codes(doc, os.path.join(schemas, "iati-2.03", "codelists"))
    sum_faults, activities = check_sums(doc, expected)
    faults = code_faults + sum_faults
    print(f"{path}: {activities} activities, {codes} codes checked against their codelists, "
          f"{len(faults)} fault(s)")
    for f in faults:
        print("  " + f)
    sys.exit(1 if faults or activities == 0 else 0)


if __name__ == "__main__":
    main()
