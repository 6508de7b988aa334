#!/usr/bin/env python3
"""Times one pyfao56 season (the reference case) for bench/side_by_side_pyfao56.sh.

pyfao56 (USDA-ARS, github.com/kthorp/pyfao56) is a measurement peer only: it is imported from
PYTHONPATH or site-packages, never vendored into egin. This file holds no pyfao56 code; it only
calls the package's public API (Parameters, Weather, Irrigation, Model).

Modes:
  --runs N   time N seasons in this process; each run = load the three input files, construct
             Model and run() it, write the daily output (savefile to /dev/null). Prints
             key=value lines (phases in ms, medians and minima) for the shell script to parse.
  --once     one season, output to /dev/null, no timing: the command the shell script times as a
             whole process (interpreter start and pandas import included).
"""

import argparse
import os
import platform
import statistics
import sys
import time
from datetime import datetime


def load_inputs(fao, case_dir, par_name, wth_name, irr_name):
    par = fao.Parameters()
    par.loadfile(os.path.join(case_dir, par_name))
    wth = fao.Weather()
    wth.loadfile(os.path.join(case_dir, wth_name))
    irr = fao.Irrigation()
    irr.loadfile(os.path.join(case_dir, irr_name))
    return par, wth, irr


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--case", required=True, help="folder with the .par/.wth/.irr files")
    ap.add_argument("--par", default="cotton2013.par")
    ap.add_argument("--wth", default="cotton2013.wth")
    ap.add_argument("--irr", default="cottondry2013.irr")
    ap.add_argument("--from", dest="start", default="2013-113", help="YYYY-DOY")
    ap.add_argument("--to", dest="end", default="2013-312", help="YYYY-DOY")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--runs", type=int)
    mode.add_argument("--once", action="store_true")
    args = ap.parse_args()

    import pyfao56 as fao  # imported here so that --help works without it

    if args.once:
        par, wth, irr = load_inputs(fao, args.case, args.par, args.wth, args.irr)
        mdl = fao.Model(args.start, args.end, par, wth, irr=irr)
        mdl.run()
        mdl.savefile(os.devnull)
        return 0

    import numpy
    import pandas

    days = (datetime.strptime(args.end, "%Y-%j") - datetime.strptime(args.start, "%Y-%j")).days + 1
    load_ms, run_ms, run_cpu_ms, write_ms = [], [], [], []
    mdl = None
    for _ in range(max(1, args.runs)):
        t0 = time.perf_counter()
        par, wth, irr = load_inputs(fao, args.case, args.par, args.wth, args.irr)
        t1 = time.perf_counter()
        c1 = time.process_time()
        mdl = fao.Model(args.start, args.end, par, wth, irr=irr)
        mdl.run()
        c2 = time.process_time()
        t2 = time.perf_counter()
        mdl.savefile(os.devnull)
        t3 = time.perf_counter()
        load_ms.append((t1 - t0) * 1e3)
        run_ms.append((t2 - t1) * 1e3)
        run_cpu_ms.append((c2 - c1) * 1e3)
        write_ms.append((t3 - t2) * 1e3)

    total_ms = [a + b + c for a, b, c in zip(load_ms, run_ms, write_ms)]
    print(f"pyfao56_version={getattr(fao, '__version__', 'unknown')}")
    print(f"pyfao56_file={fao.__file__}")
    print(f"python={platform.python_implementation()} {platform.python_version()}")
    print(f"pandas={pandas.__version__}")
    print(f"numpy={numpy.__version__}")
    print(f"runs={len(run_ms)}")
    print(f"days={days}")
    print(f"load_ms_median={statistics.median(load_ms):.3f}")
    print(f"run_ms_median={statistics.median(run_ms):.3f}")
    print(f"run_ms_min={min(run_ms):.3f}")
    print(f"run_cpu_ms_median={statistics.median(run_cpu_ms):.3f}")
    print(f"write_ms_median={statistics.median(write_ms):.3f}")
    print(f"total_ms_median={statistics.median(total_ms):.3f}")
    # End-of-season figures, so the shell script can show both programs computed the same thing.
    print(f"dr_end_mm={mdl.swbdata['Dr_end']:.3f}")
    print(f"etcadj_sum_mm={mdl.swbdata['ETcadj']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
