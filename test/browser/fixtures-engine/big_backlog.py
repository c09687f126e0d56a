"""Writes a large backlog workbook for the playground's browser tests (issue 14.6).

usage: big_backlog.py ROWS OUT.xlsx [--plain]

Backlog sheet: ID, Item, Team, Reach, Impact, Confidence, Effort for ROWS items, and a Teams sheet
(Team, Capacity) so the capacity planner has something to plan against. --plain writes one sheet of
ID, Item, Value only (the scrolling test). Values follow from the row number, so a test can say what
any row holds without reading the file: item i is I-<i>, reach 100 + (i * 37) % 5000, effort 1 + i % 8.
"""
import sys
from openpyxl import Workbook

TEAMS = ["Content", "Demand Gen", "Product Marketing", "Brand", "Ops"]
IMPACTS = [0.25, 0.5, 1, 2, 3]
CONFIDENCES = [0.5, 0.8, 1]


def main() -> None:
    rows = int(sys.argv[1])
    out = sys.argv[2]
    plain = "--plain" in sys.argv[3:]
    wb = Workbook(write_only=True)
    if plain:
        ws = wb.create_sheet("Rows")
        ws.append(["ID", "Item", "Value"])
        for i in range(1, rows + 1):
            ws.append([f"I-{i}", f"Item number {i}", i * 3])
    else:
        ws = wb.create_sheet("Backlog")
        ws.append(["ID", "Item", "Team", "Reach", "Impact", "Confidence", "Effort"])
        for i in range(1, rows + 1):
            ws.append([f"I-{i}", f"Backlog item {i}", TEAMS[i % len(TEAMS)], 100 + (i * 37) % 5000, IMPACTS[i % 5], CONFIDENCES[i % 3], 1 + i % 8])
        teams = wb.create_sheet("Teams")
        teams.append(["Team", "Capacity"])
        for t in TEAMS:
            teams.append([t, rows // 10])
    wb.save(out)


if __name__ == "__main__":
    main()
