#!/usr/bin/env python3
"""Copies the offline data the product uses from the team's recorded fixtures into the bundled snapshot.

Run from the repository root with the fixtures folder as argument (default ../shared/fixtures):
    python3 backend/tools/bundle_offline_data.py ../shared/fixtures
It rewrites the generated files under backend/src/main/resources/market-snapshot/ (dart/*, datasets/*) and prints
the manifest entries; values are never changed, only wrappers removed and unused columns dropped.
"""
import csv
import json
import os
import sys

FIXTURES = sys.argv[1] if len(sys.argv) > 1 else "../shared/fixtures"
OUT = "backend/src/main/resources/market-snapshot"

# Columns DartClient reads from fnlttSinglAcntAll; the rest (corp_code, account_detail, bfefrmtrm_*) is dropped.
FULL_COLUMNS = ["rcept_no", "reprt_code", "bsns_year", "sj_div", "sj_nm", "account_id", "account_nm", "thstrm_nm",
                "thstrm_dt", "thstrm_amount", "thstrm_add_amount", "frmtrm_nm", "frmtrm_amount", "ord", "currency"]


def write_json(path, obj):
    with open(os.path.join(OUT, path), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))


def korean_dexter():
    folder = os.path.join(FIXTURES, "opendart/korean-dexter")
    for name in sorted(os.listdir(folder)):
        fixture = json.load(open(os.path.join(folder, name), encoding="utf-8"))
        corp = fixture["corpCode"]
        for r in fixture["responses"]:
            p = r["params"]
            if r["endpoint"] == "company":
                write_json(f"dart/company_{corp}.json", r["response"])
            else:
                write_json(f"dart/fnlttSinglAcnt_{corp}_{p['bsns_year']}_{p['reprt_code']}.json", r["response"])


def full_statements():
    sources = {
        "00126380_2019": "opendart/fin_data_parser_kor/samsung_electronics/2019_CFS.json",
        "00126380_2020": "opendart/fin_data_parser_kor/samsung_electronics/2020_CFS.json",
        "00126380_2021": "opendart/fin_data_parser_kor/samsung_electronics/2021_CFS.json",
        "00126380_2022": "opendart/fin_data_parser_kor/samsung_electronics/2022_CFS.json",
        "00356370_2023": "opendart/skynet-finance/00356370_balance_sheet_raw.json",
    }
    for key, path in sources.items():
        body = json.load(open(os.path.join(FIXTURES, path), encoding="utf-8"))
        rows = [{c: row[c] for c in FULL_COLUMNS if c in row} for row in body["list"]]
        write_json(f"dart/fnlttSinglAcntAll_{key}_11011_CFS.json",
                   {"status": body["status"], "message": body["message"], "list": rows})


def price_csv(src, dst, drop_last_row):
    with open(src, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    if drop_last_row:
        body = body[:-1]  # captured intraday
    with open(dst, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["date", "open", "high", "low", "close", "volume"])
        for row in body:
            w.writerow(row[:6])  # 등락률 is derived by pykrx from consecutive closes: dropped


def datasets():
    os.makedirs(os.path.join(OUT, "datasets/pykrx-invest-kr"), exist_ok=True)
    os.makedirs(os.path.join(OUT, "datasets/pykrx-stock-dashboard"), exist_ok=True)
    os.makedirs(os.path.join(OUT, "datasets/yfinance-findata"), exist_ok=True)
    folder = os.path.join(FIXTURES, "krx/invest-KR")
    for name in sorted(os.listdir(folder)):
        price_csv(os.path.join(folder, name), os.path.join(OUT, "datasets/pykrx-invest-kr", name), True)
    price_csv(os.path.join(FIXTURES, "krx/stock-dashboard/005930.csv"),
              os.path.join(OUT, "datasets/pykrx-stock-dashboard/005930.csv"), False)
    for name in ["005930.KS.csv", "000660.KS.csv", "035720.KS.csv"]:
        price_csv(os.path.join(FIXTURES, "yahoo/findata", name),
                  os.path.join(OUT, "datasets/yfinance-findata", name.replace(".KS", "")), False)


if __name__ == "__main__":
    korean_dexter()
    full_statements()
    datasets()
    for f in sorted(os.listdir(os.path.join(OUT, "dart"))):
        print(f)
