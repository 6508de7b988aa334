#!/usr/bin/env python3
"""Builds a synthetic daily weather year in the egin weather CSV format from monthly normals.

    python3 data/weather/make_sample.py                       # writes shardara_2025_daily.csv
    python3 data/weather/make_sample.py NORMALS.toml OUT.csv [YEAR]

Standard library only (tomllib needs Python 3.11). The output is deterministic: the same normals,
year and seed give the same bytes. The file is SYNTHETIC: a stand-in with the right climate, not
a record of any real day. The procedure (data/weather/README.md explains it in prose):

1. Climatology. The 12 monthly means of tmax_c and tmin_c are turned into smooth daily curves by
   a Fourier series through the month mid-days (mean and 4 harmonics), corrected iteratively so
   that every month's mean of the daily curve equals its normal ("mean-preserving" interpolation).
2. Day-to-day variation. A seeded AR(1) anomaly (lag-1 correlation 0.7, standard deviation
   3.0 °C in January falling to 1.5 °C in July, cosine in between) is added to both curves
   (tmin gets 0.8 of it). Wet days are 2 °C cooler by day and 1 °C warmer by night. Then each
   month's anomalies are shifted so that the month's mean tmax and tmin equal the normals exactly.
   tmin is kept at least 2 °C below tmax. These variation parameters are choices of this
   generator, not observations.
3. Precipitation. The monthly counts of days with at least 1 mm are rounded to whole days with
   the largest-remainder method, so the year keeps its annual count. Wet days are drawn at random
   (seeded) within the month; amounts are 1 mm plus an exponential share of the rest of the
   monthly total, rounded to 0.1 mm with the rounding put on the wettest day, so each month's sum
   equals its normal. A month with a total but no wet day gets the total as drizzle under 1 mm
   (0.5 mm days).
4. No humidity, wind, sunshine or radiation is written when the normals do not give them; the
   ET0 code then uses the FAO-56 fallbacks (Tdew from Tmin, Ch. 3 Eq. 48 note; Rs from the
   temperature range, Eq. 50; u2 = 2 m/s) and says so.
"""

import calendar
import math
import pathlib
import random
import sys
import tomllib

SEED = 20250101
AR1_PHI = 0.7
SIGMA_JAN_C = 3.0
SIGMA_JUL_C = 1.5
TMIN_SHARE = 0.8
WET_TMAX_C = -2.0
WET_TMIN_C = +1.0
MIN_RANGE_C = 2.0
HARMONICS = 4


def month_days(year):
    return [calendar.monthrange(year, m)[1] for m in range(1, 13)]


def month_of_day(year):
    """Month index (0..11) of each day of the year."""
    out = []
    for m, n in enumerate(month_days(year)):
        out += [m] * n
    return out


def fourier_curve(values, year):
    """Daily curve through 12 monthly values placed at month mid-days (mean + HARMONICS)."""
    days = month_days(year)
    n_year = sum(days)
    mids, start = [], 0
    for n in days:
        mids.append(start + n / 2.0)
        start += n
    coef = []
    for k in range(HARMONICS + 1):
        a = sum(v * math.cos(2 * math.pi * k * t / n_year) for v, t in zip(values, mids)) / 12
        b = sum(v * math.sin(2 * math.pi * k * t / n_year) for v, t in zip(values, mids)) / 12
        coef.append((a, b))
    curve = []
    for d in range(n_year):
        t = d + 0.5
        y = coef[0][0]
        for k in range(1, HARMONICS + 1):
            a, b = coef[k]
            y += 2 * (a * math.cos(2 * math.pi * k * t / n_year) +
                      b * math.sin(2 * math.pi * k * t / n_year))
        curve.append(y)
    return curve


def monthly_means(daily, year):
    months = month_of_day(year)
    sums, counts = [0.0] * 12, [0] * 12
    for v, m in zip(daily, months):
        sums[m] += v
        counts[m] += 1
    return [s / c for s, c in zip(sums, counts)]


def mean_preserving_curve(normals, year, iterations=50):
    targets = list(normals)
    for _ in range(iterations):
        curve = fourier_curve(targets, year)
        got = monthly_means(curve, year)
        targets = [t + (n - g) for t, n, g in zip(targets, normals, got)]
    return fourier_curve(targets, year)


def largest_remainder(values):
    total = round(sum(values))
    floors = [math.floor(v) for v in values]
    order = sorted(range(len(values)), key=lambda i: values[i] - floors[i], reverse=True)
    for i in order[: total - sum(floors)]:
        floors[i] += 1
    return floors


def precipitation(normals, year, rng):
    days = month_days(year)
    counts = largest_remainder(normals["wet_days_ge_1mm"])
    totals = normals["precip_mm"]
    daily = []
    for m, n_days in enumerate(days):
        month = [0.0] * n_days
        total = totals[m]
        n_wet = min(counts[m], int(total))  # each wet day holds at least 1 mm
        if n_wet == 0 and total > 0:
            n_drizzle = math.ceil(total / 0.5)
            for d in rng.sample(range(n_days), n_drizzle):
                month[d] = 0.5
            month[max(range(n_days), key=lambda d: month[d])] += round(total - 0.5 * n_drizzle, 1)
        elif n_wet > 0:
            wet = sorted(rng.sample(range(n_days), n_wet))
            weights = [rng.expovariate(1.0) for _ in wet]
            rest = total - n_wet * 1.0
            amounts = [round(1.0 + rest * w / sum(weights), 1) for w in weights]
            wettest = max(range(n_wet), key=lambda i: amounts[i])
            amounts[wettest] = round(amounts[wettest] + total - sum(amounts), 1)
            for d, a in zip(wet, amounts):
                month[d] = a
        daily += month
    return daily


def build(normals_path, year):
    with open(normals_path, "rb") as f:
        doc = tomllib.load(f)
    site, normals = doc["site"], doc["monthly"]
    rng = random.Random(SEED)
    n_year = sum(month_days(year))
    months = month_of_day(year)
    tmax_clim = mean_preserving_curve(normals["tmax_c"], year)
    tmin_clim = mean_preserving_curve(normals["tmin_c"], year)
    precip = precipitation(normals, year, rng)

    anomaly, a = [], 0.0
    for d in range(n_year):
        sigma = (SIGMA_JAN_C + SIGMA_JUL_C) / 2 + (SIGMA_JAN_C - SIGMA_JUL_C) / 2 * math.cos(
            2 * math.pi * (d + 0.5 - 15.5) / n_year)
        a = AR1_PHI * a + rng.gauss(0.0, sigma * math.sqrt(1 - AR1_PHI**2))
        anomaly.append(a)
    tmax = [c + a + (WET_TMAX_C if p >= 1.0 else 0.0)
            for c, a, p in zip(tmax_clim, anomaly, precip)]
    tmin = [c + TMIN_SHARE * a + (WET_TMIN_C if p >= 1.0 else 0.0)
            for c, a, p in zip(tmin_clim, anomaly, precip)]
    for series, target in ((tmax, normals["tmax_c"]), (tmin, normals["tmin_c"])):
        got = monthly_means(series, year)
        for d in range(n_year):
            series[d] += target[months[d]] - got[months[d]]
    # Keep a diurnal range; split any shortfall equally so monthly means stay put on average.
    for d in range(n_year):
        short = MIN_RANGE_C - (tmax[d] - tmin[d])
        if short > 0:
            tmax[d] += short / 2
            tmin[d] -= short / 2

    lines = [
        f"# name: {site['name']} (synthetic {year})",
        f"# latitude_deg: {site['latitude_deg']}",
        f"# longitude_deg: {site['longitude_deg']}",
        f"# elevation_m: {site['elevation_m']}",
        "# wind_height_m: 2",
        f"# synthetic: yes - made by data/weather/make_sample.py (seed {SEED}) from "
        f"{pathlib.Path(normals_path).name}; not a record of real days",
        f"# source: monthly normals {site.get('wmo_normals_period', '')} cited in "
        f"{pathlib.Path(normals_path).name}",
        "date,tmax_c,tmin_c,precip_mm",
    ]
    for d in range(n_year):
        day = f"{year}-{months[d] + 1:02d}-{d - sum(month_days(year)[:months[d]]) + 1:02d}"
        lines.append(f"{day},{tmax[d]:.1f},{tmin[d]:.1f},{precip[d]:.1f}")
    return "\n".join(lines) + "\n"


def main(argv):
    here = pathlib.Path(__file__).resolve().parent
    normals = pathlib.Path(argv[1]) if len(argv) > 1 else here / "shardara_normals.toml"
    out = pathlib.Path(argv[2]) if len(argv) > 2 else here / "shardara_2025_daily.csv"
    year = int(argv[3]) if len(argv) > 3 else 2025
    out.write_text(build(normals, year), encoding="utf-8", newline="\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv)
