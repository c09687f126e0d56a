// Debian's openpyxl, an independent writer and reader of test workbooks: run with /usr/bin/python3 (a python3
// earlier on PATH may not see it). OPENPYXL says whether it is there, so a suite can say it is skipped.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';

export const OPENPYXL =
  existsSync(PYTHON) &&
  (() => {
    try {
      execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  })();
