# Reads saved workbooks back with openpyxl and prints what a user would check, as JSON: every sheet with
# its visibility, its tables (ref, header and totals rows, calculated columns), and the values and number
# formats of its first 60 rows. Usage: read_back.py FILE...
import datetime
import json
import sys
import warnings

from openpyxl import load_workbook

# LibreOffice writes the template's millions format ($#,##0.00,,"M") with the M escaped, which openpyxl's
# date-format guess takes for a month, so it warns about every such cell; the format and value are intact.
warnings.filterwarnings('ignore', message=r'Cell .* is marked as a date but the serial value')


def plain(v):
    if isinstance(v, (datetime.datetime, datetime.date)):
        return {"date": v.isoformat()[:10]}
    if isinstance(v, (int, float, str, bool)) or v is None:
        return v
    return str(v)


out = {}
for path in sys.argv[1:]:
    wb = load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        tables = []
        for t in ws.tables.values():
            tables.append({
                "name": t.name,
                "ref": t.ref,
                "headerRowCount": t.headerRowCount,
                "totalsRowCount": t.totalsRowCount,
                "calculated": [c.calculatedColumnFormula.attr_text for c in t.tableColumns if c.calculatedColumnFormula is not None],
            })
        cells = {}
        formats = {}
        for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 60)):
            for c in row:
                if c.value is None:
                    continue
                cells[c.coordinate] = plain(c.value)
                if c.number_format != "General":
                    formats[c.coordinate] = c.number_format
        sheets.append({"name": ws.title, "state": ws.sheet_state, "tables": tables, "cells": cells, "formats": formats})
    out[path] = sheets
print(json.dumps(out))
