#!/usr/bin/env python3
"""Converts the GreenLight 2.0.5 reference runs (../shared/reference/greenlight/, see README.md)
into the files egin's reference tests read: weather in egin's sub-daily weather CSV contract,
GreenLight's control trajectories as egin controls CSVs (for open-loop replay), and the compared
output columns. Run from this folder: python3 convert.py /work/shared/reference/greenlight
"""
import csv
import datetime as dt
import math
import os
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference/greenlight"
OFFSET = dt.timezone(dt.timedelta(hours=1))  # Dutch standard time; runs start at local midnight
STARTS = {  # SEL2000 is a reference year without a year: 2001 (not a leap year) numbers its days
    "jan01": dt.datetime(2001, 1, 1, tzinfo=OFFSET),
    "jun01": dt.datetime(2001, 6, 1, tzinfo=OFFSET),
    "sep27": dt.datetime(2001, 9, 27, tzinfo=OFFSET),  # day of year 270
}


def sat_vp(t):  # GreenLight 2.0 satVp (Pa)
    return 610.78 * math.exp(17.2694 * t / (t + 238.3))


def co2_ppm(t, mg_m3):  # GreenLight co2dens2ppm
    return 8.3144598 * (t + 273.15) * mg_m3 / (101325 * 44.01e-3)


def stamp(start, seconds):
    return (start + dt.timedelta(seconds=float(seconds))).isoformat(timespec="minutes")


def g(x, digits=6):
    return f"{float(x):.{digits}g}"


def read(name):
    with open(os.path.join(SRC, name), newline="") as f:
        rows = list(csv.reader(f))
    return rows


def weather(key, name, out):
    rows = read(name)
    head = rows[0]
    data = rows[3:]
    ix = {h: i for i, h in enumerate(head)}
    with open(out, "w", newline="") as f:
        f.write(f"# name: SEL2000 Dutch greenhouse reference year (Breuer & van de Braak 1988), from {name}\n")
        f.write("# latitude_deg: 52.0\n# longitude_deg: 4.5\n# elevation_m: 0\n# wind_height_m: 10\n")
        f.write("time,iglob_w_m2,t_out_c,rh_out_pct,wind_m_s,t_sky_c,co2_out_ppm,t_soil_c\n")
        for r in data:
            t = float(r[ix["tOut"]])
            rh = min(100.0, 100.0 * float(r[ix["vpOut"]]) / sat_vp(t))
            f.write(",".join([stamp(STARTS[key], r[ix["Time"]]), g(r[ix["iGlob"]]), g(t), g(rh, 8),
                              g(r[ix["wind"]]), g(r[ix["tSky"]]),
                              g(co2_ppm(t, float(r[ix["co2Out"]])), 8), g(r[ix["tSoOut"]])]) + "\n")


CONTROL_COLUMNS = [("uBoil", "boiler_frac"), ("uBoilGro", "grow_pipe_frac"), ("uRoof", "roof_vent_frac"),
                   ("uThScr", "thermal_screen_frac"), ("uBlScr", "blackout_screen_frac"),
                   ("uLamp", "lamp_frac"), ("uExtCo2", "co2_dosing_frac")]
EXPECTED_COLUMNS = [("tAir", "t_air_c"), ("vpAir", "vp_air_pa"), ("co2InPpm", "co2_air_ppm"),
                    ("tCan", "t_can_c"), ("cFruit", "c_fruit_mg_m2"), ("hBoilPipe", "heat_pipe_w_m2"),
                    ("qLampIn", "lamp_w_m2"), ("mcExtAir", "co2_dosing_mg_m2_s"),
                    ("mcFruitHar", "fruit_harvest_mg_m2_s")]


def run(key, name, stem, controls=True):
    rows = read(name)
    head = rows[0]
    data = rows[2:]
    ix = {h: i for i, h in enumerate(head)}
    if controls:
        with open(stem + "_controls.csv", "w", newline="") as f:
            f.write(f"# GreenLight 2.0.5 control trajectories of {name} (300-s output)\n")
            f.write("# interpolation: linear\n")
            f.write("time," + ",".join(c for _, c in CONTROL_COLUMNS) + "\n")
            for r in data:
                f.write(",".join([stamp(STARTS[key], r[ix["Time"]])] +
                                 [g(min(1.0, max(0.0, float(r[ix[gl]]))), 6) for gl, _ in CONTROL_COLUMNS]) + "\n")
    with open(stem + "_expected.csv", "w", newline="") as f:
        f.write(f"# GreenLight 2.0.5 outputs of {name}, compared columns\n")
        f.write("time," + ",".join(c for _, c in EXPECTED_COLUMNS) + "\n")
        for r in data:
            f.write(",".join([stamp(STARTS[key], r[ix["Time"]])] +
                             [g(r[ix[gl]], 7) for gl, _ in EXPECTED_COLUMNS]) + "\n")


def main():
    weather("jan01", "weather_sel2000_from_jan01_11d_hourly.csv", "weather_jan01_11d.csv")
    weather("jun01", "weather_sel2000_from_jun01_11d_hourly.csv", "weather_jun01_11d.csv")
    weather("sep27", "weather_sel2000_from_sep27_350d_hourly.csv", "weather_sep27_350d.csv")
    run("jan01", "sel2000_led_winter_jan01_10d_5min.csv", "led_jan01_young")
    run("jan01", "sel2000_led_winter_jan01_10d_5min_maturecrop.csv", "led_jan01_mature")
    run("jun01", "sel2000_led_summer_jun01_10d_5min.csv", "led_jun01_young")
    run("jun01", "sel2000_led_summer_jun01_10d_5min_maturecrop.csv", "led_jun01_mature")
    run("sep27", "sel2000_led_350d_hourly.csv", "led_350d", controls=False)
    run("sep27", "sel2000_hps_350d_hourly.csv", "hps_350d", controls=False)
    daily = {"sel2000_led_350d_daily.csv": "led_350d_daily_expected.csv",
             "sel2000_hps_350d_daily.csv": "hps_350d_daily_expected.csv",
             "sel2000_led_winter_jan01_10d_daily.csv": "led_jan01_young_daily_expected.csv",
             "sel2000_led_winter_jan01_10d_daily_maturecrop.csv": "led_jan01_mature_daily_expected.csv",
             "sel2000_led_summer_jun01_10d_daily.csv": "led_jun01_young_daily_expected.csv",
             "sel2000_led_summer_jun01_10d_daily_maturecrop.csv": "led_jun01_mature_daily_expected.csv"}
    for n, out in daily.items():
        with open(os.path.join(SRC, n)) as src, open(out, "w") as dst:
            dst.write(f"# GreenLight 2.0.5 daily totals, {n}\n" + src.read())


if __name__ == "__main__":
    main()
