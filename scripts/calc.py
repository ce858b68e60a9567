#!/usr/bin/python3
"""Opens .xlsx files in LibreOffice Calc (headless, through UNO), recalculates them and reads cells.

Used by test/calc/ (npm run test:calc). Reads a JSON list of jobs on stdin, one per file:
  {"file": "/abs/path.xlsx", "set": [{"sheet": "Assumptions", "cell": "B3", "text": "Truce collapses"}],
   "read": [{"sheet": "Force", "cell": "B13"}], "countFormulas": true}
Each file is loaded, recalculated (calculateAll), then for each `set` the cell is set and the
document recalculated again, then the `read` cells are read. Prints a JSON list of results:
  {"values": [number | string | null, ...], "formulas": [string, ...], "formulaCells": n}
A number is a number, text is text, an empty cell null, an error its text (e.g. "#NAME?").
Needs /usr/bin/python3 with the uno module (apt-get install -y libreoffice-calc-nogui python3-uno).
It starts its own soffice with its own profile and stops it by its PID.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table.CellContentType import EMPTY, FORMULA, TEXT

FORMULA_FLAG = 16  # com.sun.star.sheet.CellFlags.FORMULA


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(port, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        if proc.poll() is not None:
            raise RuntimeError("soffice exited before accepting connections")
        try:
            ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:  # not listening yet
            time.sleep(0.5)
    raise RuntimeError("could not connect to soffice")


def value_of(cell):
    kind = cell.getType()
    if kind == EMPTY:
        return None
    if kind == FORMULA:
        if cell.getError() != 0:
            return cell.getString()
        result = cell.FormulaResultType2  # 1 value, 2 text
        if result == 2:
            text = cell.getString()
            return None if text == "" else text
        return cell.getValue()
    if kind == TEXT:
        return cell.getString()
    return cell.getValue()


def run_job(desktop, job):
    url = uno.systemPathToFileUrl(os.path.abspath(job["file"]))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    try:
        doc.calculateAll()
        sheets = doc.getSheets()
        for s in job.get("set", []):
            sheets.getByName(s["sheet"]).getCellRangeByName(s["cell"]).setString(s["text"])
            doc.calculateAll()
        values, formulas = [], []
        for r in job.get("read", []):
            cell = sheets.getByName(r["sheet"]).getCellRangeByName(r["cell"])
            values.append(value_of(cell))
            formulas.append(cell.getFormula() if cell.getType() == FORMULA else "")
        count = 0
        if job.get("countFormulas"):
            for i in range(sheets.getCount()):
                ranges = sheets.getByIndex(i).queryContentCells(FORMULA_FLAG)
                for addr in ranges.getRangeAddresses():
                    count += (addr.EndColumn - addr.StartColumn + 1) * (addr.EndRow - addr.StartRow + 1)
        return {"values": values, "formulas": formulas, "formulaCells": count}
    finally:
        doc.close(True)


def main():
    jobs = json.load(sys.stdin)
    port = 20000 + os.getpid() % 20000
    profile = tempfile.mkdtemp(prefix="defecon-calc-")
    proc = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            f"-env:UserInstallation=file://{profile}",
            f"--accept=socket,host=127.0.0.1,port={port};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        desktop = connect(port, proc)
        print(json.dumps([run_job(desktop, job) for job in jobs]))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
