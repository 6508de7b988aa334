#!/usr/bin/env python3
"""Converts the Autonomous Greenhouse Challenge 2018 reference-grower data
(../shared/reference/agc2018_cucumber/, see README.md) into what egin's validation test reads:
outdoor weather in egin's weather CSV contract, the measured actuators as an egin controls CSV, and
the measured indoor climate. 60 days, 10 September to 9 November 2018, 5-minute records; and the
measured daily resource use (heating energy, lamp electricity, CO2) of the same days.
Run from this folder: python3 convert.py /work/shared/reference/agc2018_cucumber
"""
import csv
import datetime as dt
import math
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference/agc2018_cucumber"
OFFSET = dt.timezone(dt.timedelta(hours=1))  # Dutch standard time (the logs' own zone is not stated)
EXCEL0 = dt.datetime(1899, 12, 30, tzinfo=OFFSET)
FIRST = dt.datetime(2018, 9, 10, tzinfo=OFFSET)
LAST = dt.datetime(2018, 11, 9, tzinfo=OFFSET)
SIGMA = 5.67e-8


def num(x):
    try:
        v = float(x)
    except ValueError:
        return None
    return None if math.isnan(v) else v


def cell(v, fmt):
    return "" if v is None else fmt.format(v)


def main():
    with open(f"{SRC}/meteo.csv", newline="") as f:
        meteo = list(csv.DictReader(f))
    with open(f"{SRC}/Reference_Growers/Greenhouse_climate.csv", newline="") as f:
        climate = list(csv.DictReader(f))
    assert len(meteo) == len(climate)
    w = open("weather_agc2018.csv", "w")
    c = open("controls_agc2018.csv", "w")
    e = open("measured_agc2018.csv", "w")
    w.write("# name: WUR Bleiswijk, AGC 2018 weather station (Hemming et al. 2019), 5-minute records\n")
    w.write("# latitude_deg: 52.0\n# longitude_deg: 4.49\n# elevation_m: 0\n# wind_height_m: 10\n# period_s: 300\n")
    w.write("time,t_out_c,rh_out_pct,iglob_w_m2,wind_m_s,t_sky_c,co2_out_ppm\n")
    c.write("# AGC 2018 reference growers' compartment: measured actuators (Greenhouse_climate.csv)\n")
    c.write("# roof_vent_frac = mean of the lee and wind side openings; t_pipe_c 0 where the rail was off\n")
    c.write("# interpolation: hold\n")
    c.write("time,roof_vent_frac,thermal_screen_frac,blackout_screen_frac,lamp_frac,t_pipe_c,t_grow_pipe_c\n")
    e.write("# AGC 2018 reference growers' compartment: measured air temperature, RH and CO2\n")
    e.write("time,t_air_c,rh_air_pct,co2_air_ppm\n")
    for m, g in zip(meteo, climate):
        t = EXCEL0 + dt.timedelta(days=float(g["GHtime"]))
        t = t.replace(second=0, microsecond=0) + dt.timedelta(minutes=round(t.second / 60))
        if t < FIRST or t >= LAST:
            continue
        stamp = t.isoformat(timespec="minutes")
        t_out = num(m["Tout"])
        pyrgeo = num(m["Pyrgeo"])
        # The pyrgeometer gives the net long-wave flux; the sky sends L_down = net + σ T⁴.
        t_sky = None
        if t_out is not None and pyrgeo is not None:
            ld = pyrgeo + SIGMA * (t_out + 273.15) ** 4
            t_sky = (ld / SIGMA) ** 0.25 - 273.15 if ld > 0 else None
        w.write(",".join([stamp, cell(t_out, "{:.2f}"), cell(num(m["Rhout"]), "{:.1f}"),
                          cell(num(m["Iglob"]), "{:.1f}"), cell(num(m["Windsp"]), "{:.2f}"),
                          cell(t_sky, "{:.2f}"), "410"]) + "\n")
        lee, wind = num(g["VentLee"]), num(g["Ventwind"])
        vent = None if lee is None or wind is None else (lee + wind) / 200.0
        pct = lambda k: None if num(g[k]) is None else num(g[k]) / 100.0
        c.write(",".join([stamp, cell(vent, "{:.4f}"), cell(pct("EnScr"), "{:.3f}"),
                          cell(pct("BlackScr"), "{:.3f}"), cell(pct("AssimLight"), "{:.2f}"),
                          cell(num(g["PipeLow"]), "{:.2f}"), cell(num(g["PipeGrow"]), "{:.2f}")]) + "\n")
        e.write(",".join([stamp, cell(num(g["Tair"]), "{:.2f}"), cell(num(g["RHair"]), "{:.1f}"),
                          cell(num(g["CO2air"]), "{:.0f}")]) + "\n")


def resources():
    with open(f"{SRC}/Reference_Growers/ResourceCalculations.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    r = open("resources_agc2018.csv", "w")
    r.write("# AGC 2018 reference growers' compartment: daily resource use (ResourceCalculations.csv)\n")
    r.write("# heating: rail + grow pipe; lamps: hours on x 187 umol/m2/s / 1.6 umol/J; co2: valve hours x 0.0128 kg/m2/h\n")
    r.write("date,heating_kwh_m2,lamp_kwh_m2,co2_kg_m2\n")
    for row in rows:
        d = (EXCEL0 + dt.timedelta(days=float(row["time"]))).date()
        if d < FIRST.date() or d >= LAST.date():
            continue
        r.write(",".join([d.isoformat(), cell(num(row["Heating_Energy"]), "{:.4f}"),
                          cell(num(row["Electricity_Lamp"]), "{:.4f}"),
                          cell(num(row["CO2_dosage"]), "{:.4f}")]) + "\n")


if __name__ == "__main__":
    main()
    resources()
