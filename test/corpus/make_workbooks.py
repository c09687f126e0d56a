# Workbooks no code of ours wrote, made by openpyxl at test time (issue 13, the corpus test): a backlog
# under a merged title with a blank row, hidden rows, hidden and very hidden sheets, percentages typed as
# text, dates and number formats; an Excel table with a totals row and a calculated column beside a
# headerless table; a backlog of 20,000 rows. Usage: make_workbooks.py OUTDIR
import datetime
import sys

from openpyxl import Workbook
from openpyxl.worksheet.table import Table, TableColumn, TableFormula, TableStyleInfo

out = sys.argv[1]
teams = ["Content", "Demand Gen", "Web"]


def items(n):
    for i in range(n):
        yield [f"M-{100 + i}", f"Item {i}", teams[i % 3], 500 + (i * 37) % 4000, [0.5, 1, 2, 3][i % 4], ["80%", "50%", "100%"][i % 3], 1 + i % 8]


# 1. A title merged across the backlog, a blank row inside it, hidden rows and sheets, text percentages.
wb = Workbook()
ws = wb.active
ws.title = "Q3 backlog"
ws["A1"] = "Q3 marketing backlog"
ws.merge_cells("A1:I1")
ws.append(["ID", "Item", "Team", "Reach", "Impact", "Confidence", "Person-weeks", "Requested", "Progress"])
for i, row in enumerate(items(32)):
    if i == 20:
        ws.append([])
    ws.append(row + [datetime.date(2026, 3, 1) + datetime.timedelta(days=i), "Done" if i in (3, 7) else "Not started"])
    ws.cell(row=ws.max_row, column=8).number_format = "yyyy-mm-dd"
ws.row_dimensions[5].hidden = True
t = wb.create_sheet("Teams")
t.append(["Team", "Capacity"])
for name, cap in zip(teams, [30, 25, 20]):
    t.append([name, cap])
k = wb.create_sheet("KPIs")
k.append(["KPI", "Unit", "Target", "Jun"])
k.append(["Win rate", "%", 0.3, 0.285])
k["C2"].number_format = "0.0%"
k["D2"].number_format = "0.0%"
look = wb.create_sheet("Lookups")
look.append(["Code", "Meaning"])
look.append(["A", "Alpha"])
look.sheet_state = "hidden"
plan = wb.create_sheet("Plan")
plan.append(["Keep", "this"])
plan.append(["Budget", 1000])
plan.sheet_state = "veryHidden"
wb.save(f"{out}/op-merged.xlsx")

# 2. An Excel table with a totals row and a calculated column, and a headerless table beside it.
wb = Workbook()
ws = wb.active
ws.title = "Backlog"
head = ["ID", "Item", "Team", "Reach", "Impact", "Confidence", "Effort", "RICE score"]
ws.append(head)
n = 30
for i, row in enumerate(items(n)):
    r = i + 2
    ws.append(row[:5] + [[0.8, 0.5, 1][i % 3], row[6], f"=D{r}*E{r}*F{r}/G{r}"])
ws.append(["Total", None, None, f"=SUBTOTAL(109,Backlog[Reach])", None, None, f"=SUBTOTAL(109,Backlog[Effort])", None])
cols = [TableColumn(id=j + 1, name=h) for j, h in enumerate(head)]
cols[0].totalsRowLabel = "Total"
cols[3].totalsRowFunction = "sum"
cols[6].totalsRowFunction = "sum"
cols[7].calculatedColumnFormula = TableFormula(attr_text="Backlog[[#This Row],[Reach]]*Backlog[[#This Row],[Impact]]*Backlog[[#This Row],[Confidence]]/Backlog[[#This Row],[Effort]]")
table = Table(displayName="Backlog", name="Backlog", ref=f"A1:H{n + 2}", tableColumns=cols, totalsRowCount=1)
table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
table._initialise_columns = lambda: None
ws.add_table(table)
ws["K2"] = 1
ws["L2"] = 2
raw = Table(displayName="Raw", name="Raw", ref="K2:L2", headerRowCount=0, tableColumns=[TableColumn(id=1, name="x"), TableColumn(id=2, name="y")])
ws.add_table(raw)
t = wb.create_sheet("Teams")
t.append(["Team", "Capacity"])
for name, cap in zip(teams, [30, 25, 20]):
    t.append([name, cap])
wb.save(f"{out}/op-table.xlsx")

# 3. 20,000 rows, written the way large exports are (streamed).
wb = Workbook(write_only=True)
ws = wb.create_sheet("Backlog")
ws.append(["ID", "Item", "Team", "Reach", "Impact", "Confidence", "Effort"])
for row in items(20000):
    ws.append(row[:5] + [0.8, row[6]])
t = wb.create_sheet("Teams")
t.append(["Team", "Capacity"])
for name in teams:
    t.append([name, 2000])
wb.save(f"{out}/op-big.xlsx")
