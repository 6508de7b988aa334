// Validation on measurements: the Autonomous Greenhouse Challenge 2018, reference growers'
// compartment (data/agc2018/README.md). The twin (design agc2018-bleiswijk) is driven by the
// measured outdoor weather and the measured actuators — vents, energy and blackout screens, lamps,
// the measured rail and grow-pipe temperatures — for 60 days (10 September – 9 November 2018), and
// its air temperature and relative humidity are compared with the measured ones (issue 3 targets:
// RMSE ≤ 1.5 °C and ≤ 8 %). CO2 valve positions were not recorded (only daily sums): the dosing
// is steered to the measured CO2, so CO2 is an input here, not a result.
//
// Reached: air temperature RMSE 1.63 °C (bias −0.98: too cold, most at night and at 18–19 h),
// RH RMSE 7.4 % (bias +5.2, most in the afternoons). RH meets its target, temperature misses it
// by 0.13 K. The compartment's construction is assumed (the Bleiswijk compartments of Katzin et
// al. 2020 scaled to 96 m²) and the crop is a cucumber modelled with the tomato's parameters.
//
// Independent evidence: the measured daily resource use (resources_agc2018.csv).
// - Heating. Heating_Energy (rail + grow pipe) is published as kWh m⁻² d⁻¹: 77.7 over the 60
//   days. The twin, holding the measured pipe temperatures, delivers 30.5 kWh/m² (rail 24.2, grow
//   pipe 6.2), day by day correlated with it at r = 0.96 (the rail alone 0.98). Read as kWh the
//   measured heat is 2.5 times the twin's; that needs over 3.4 m of 51-mm rail pipe per m² at the
//   measured pipe temperatures, and even with 2.66 times the rail length the twin reaches only
//   58 kWh/m² and is already 0.77 K too warm (RMSE 2.10 °C). Read as MJ m⁻² d⁻¹ (÷ 3.6 = 21.6
//   kWh/m²) it agrees with the twin's rail heat day by day (measured / twin rail 0.89 over the 60
//   days, 0.88 on the six days the grow pipe was off, 1.00 in a fit with an offset), leaving no
//   room for the twin's grow-pipe heat, which is nearly the same every day and so cannot be
//   told from an offset. We take the MJ reading. The heating then gives no support for more pipe
//   (the 1.6-m/m² variant below): it says the twin gets at least the measured heat. Calibrating
//   both pipe lengths to it (× 0.71) gives 22.7 kWh/m² and 1.98 °C (bias −1.46); the rail alone
//   to its fit (× 0.93) 1.69 °C. Neither is adopted: the rail agrees within the spread of the
//   fits (0.88–1.00) and the grow pipe's share is not resolved. The cold bias then lies in the
//   losses or the crop, not in the heat input.
// - Lamps: 76.8 kWh/m² against 78.8 measured (the measured figure is itself lamp hours × 187
//   µmol m⁻² s⁻¹ / 1.6 µmol/J, the twin's 116.9 W/m²: a check of the replay, not of the lamps).
// - CO2: holding the measured CO2 the twin doses 6.91 kg/m² against 5.39 (valve hours × 0.0128
//   kg m⁻² h⁻¹): 28 % more, hardly changed by LAI 2 (6.77) or half the leakage (6.84): the
//   twin's air exchange through the vents while dosing is too high, or it doses when the real
//   valve was shut (not resolved here).
//
// Sensitivities (none adopted): LAI capped at 2 instead of 3 1.36 °C and 5.3 % (bias −0.50 K,
// −1.4 %); cover area 125 instead of 144 m² 1.57 °C; construction transmission 0.68 instead of
// 0.57 1.58 °C; pipe length 1.6 instead of 1.34 m/m² 1.50 °C (contradicted by the heating, see
// above); the screens taken as fully closed wherever the log gives ≥ 80 % (the energy screen's
// 95 % and the blackout screen's 85 % at night leave gaps that GreenLight's screen-flux formula
// makes a large air exchange) 1.52 °C (bias −0.57). The cold bias is largest with the screens
// closed (−1.2 to −1.4 K) and while the rail heats (−1.3 K). The design keeps its a-priori values.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "egin/agromet/csv_iso_time.hpp"
#include "egin/agromet/weather_csv.hpp"
#include "egin/greenhouse/controller.hpp"
#include "egin/greenhouse/design_toml.hpp"
#include "egin/greenhouse/physics.hpp"
#include "egin/greenhouse/twin.hpp"

namespace egin::greenhouse {
namespace {

const std::string kDir = std::string(EGIN_REFERENCE_DATA) + "/agc2018/";

struct Measured {
  std::vector<double> time_s;
  std::vector<double> t_air_c;
  std::vector<double> rh_pct;
  std::vector<double> co2_ppm;
};

double cell_or_nan(const std::string& s) { return s.empty() ? std::nan("") : std::stod(s); }

/// The data rows (those starting with the year's '2') of one of the CSV files, four cells each.
std::vector<std::vector<std::string>> data_rows(const std::string& file) {
  std::ifstream in(kDir + file);
  std::string line;
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] != '2') continue;
    std::vector<std::string> c;
    std::stringstream ss(line);
    std::string x;
    while (std::getline(ss, x, ',')) c.push_back(x);
    c.resize(4);
    rows.push_back(std::move(c));
  }
  return rows;
}

Measured read_measured() {
  Measured m;
  for (const std::vector<std::string>& c : data_rows("measured_agc2018.csv")) {
    m.time_s.push_back(static_cast<double>(agromet::parse_iso_time(c[0])->utc_s));
    m.t_air_c.push_back(cell_or_nan(c[1]));
    m.rh_pct.push_back(cell_or_nan(c[2]));
    m.co2_ppm.push_back(cell_or_nan(c[3]));
  }
  return m;
}

/// The measured daily resource use (resources_agc2018.csv): local date, heating, lamps.
struct DailyResources {
  std::vector<std::string> date;
  std::vector<double> heating;  // as published ("kWh m⁻² d⁻¹"; see the header)
  std::vector<double> lamp_kwh_m2;
  std::vector<double> co2_kg_m2;
};

DailyResources read_resources() {
  DailyResources r;
  for (const std::vector<std::string>& c : data_rows("resources_agc2018.csv")) {
    r.date.push_back(c[0]);
    r.heating.push_back(cell_or_nan(c[1]));
    r.lamp_kwh_m2.push_back(cell_or_nan(c[2]));
    r.co2_kg_m2.push_back(cell_or_nan(c[3]));
  }
  return r;
}

/// Pearson's correlation of two equally long series.
double correlation(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  double ma = 0.0, mb = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  double sab = 0.0, saa = 0.0, sbb = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return sab / std::sqrt(saa * sbb);
}

/// The measured actuators (a replay), with the CO2 valve steered to the measured CO2 over a
/// 50-ppm P-band (Katzin 2021 Eq. 4.4).
class MeasuredActuators final : public ContinuousController {
 public:
  MeasuredActuators(ControlsSeries series, const Measured& measured)
      : replay_(std::move(series)), measured_(measured) {}

  [[nodiscard]] Controls controls(const double* x, const OutdoorConditions& w) const override {
    Controls u = replay_.controls(x, w);
    u.co2_dosing_frac =
        proportional(co2_ppm(x[kTAir], x[kCo2Air]), target(w.time_utc_s), -50.0, 0.0, 1.0);
    return u;
  }
  [[nodiscard]] ControlsT<AdScalar> controls(const AdScalar* x,
                                             const OutdoorConditions& w) const override {
    ControlsT<AdScalar> u = replay_.controls(x, w);
    u.co2_dosing_frac = proportional(co2_ppm(x[kTAir], x[kCo2Air]), AdScalar(target(w.time_utc_s)),
                                     -50.0, 0.0, 1.0);
    return u;
  }

 private:
  [[nodiscard]] double target(double t) const {
    const auto& ts = measured_.time_s;
    std::size_t i =
        static_cast<std::size_t>(std::upper_bound(ts.begin(), ts.end(), t) - ts.begin());
    i = i == 0 ? 0 : i - 1;
    for (std::size_t k = i; k + 1 > 0; --k) {  // the last measured value at or before t
      if (!std::isnan(measured_.co2_ppm[k])) return measured_.co2_ppm[k];
      if (k == 0) break;
    }
    return 400.0;
  }

  ReplayController replay_;
  const Measured& measured_;
};

TEST(Agc2018, AirTemperatureAndHumidityFromMeasuredActuators) {
  const DesignFile df =
      read_design("agc2018-bleiswijk", std::string(EGIN_SOURCE_DIR) + "/data/greenhouses");
  const auto series = agromet::read_period_weather_csv(kDir + "weather_agc2018.csv");
  auto weather =
      std::make_shared<WeatherForcing>(WeatherForcing::from_series(series, df.design.soil));
  const Measured m = read_measured();
  MeasuredActuators actuators(ControlsSeries::read(kDir + "controls_agc2018.csv"), m);

  // Start from the measured air (a crop in production: GreenLight-1's mature state, LAI 2.4).
  StateVector x0 = greenlight_initial_state(InitialCrop::kMature);
  for (int i : {kTAir, kTTop, kTCan, kTCovIn, kTCovE, kTThScr, kTBlScr, kTFlr, kTPipe, kTGroPipe,
                kTLamp, kTIntLamp, kTCan24}) {
    x0[i] = m.t_air_c[0];
  }
  x0[kVpAir] = m.rh_pct[0] / 100.0 * sat_vp_pa(m.t_air_c[0]);
  x0[kVpTop] = x0[kVpAir];
  x0[kCo2Air] = co2_mg_m3(m.t_air_c[0], m.co2_ppm[0]);
  x0[kCo2Top] = x0[kCo2Air];
  GreenhouseTwin twin(make_model(df.design), weather, x0, m.time_s.front());

  double se_t = 0.0;
  double se_rh = 0.0;
  double bias_t = 0.0;
  double bias_rh = 0.0;
  int n = 0;
  const double spin_up_s = 2.0 * 86400.0;  // soil and structure settle from the guessed start
  // The twin's daily heat into the rail and the grow pipes, lamp electricity and CO2, per local
  // day (the records start at local midnight, 288 five-minute records a day).
  const DailyResources res = read_resources();
  std::vector<Totals> day_end;
  for (std::size_t i = 1; i < m.time_s.size(); ++i) {
    twin.advance(m.time_s[i] - m.time_s[i - 1], actuators);
    if (i % 288 == 0 || i + 1 == m.time_s.size()) day_end.push_back(twin.totals());
    if (m.time_s[i] - m.time_s.front() < spin_up_s) continue;
    if (std::isnan(m.t_air_c[i]) || std::isnan(m.rh_pct[i])) continue;
    const Outputs o = twin.outputs();
    const double dt = o.t_air_c - m.t_air_c[i];
    const double drh = o.rh_air_pct - m.rh_pct[i];
    se_t += dt * dt;
    se_rh += drh * drh;
    bias_t += dt;
    bias_rh += drh;
    ++n;
  }
  const double rmse_t = std::sqrt(se_t / n);
  const double rmse_rh = std::sqrt(se_rh / n);
  std::printf(
      "AGC 2018 reference compartment, %d five-minute samples: air temperature RMSE %.2f °C "
      "(bias %+.2f), RH RMSE %.1f %% (bias %+.1f)\n",
      n, rmse_t, bias_t / n, rmse_rh, bias_rh / n);
  EXPECT_GT(n, 16000);
  EXPECT_LT(rmse_t, 1.66);  // reached 1.63; target 1.5: missed, see above
  EXPECT_LT(rmse_rh, 7.6);  // reached 7.4
  EXPECT_LT(rmse_rh, 8.0);  // target: met
  EXPECT_LT(std::abs(bias_t / n), 1.05);
  EXPECT_LT(std::abs(bias_rh / n), 5.5);

  // Resource use against the measured daily sums (see the header).
  ASSERT_EQ(day_end.size(), res.date.size());
  std::vector<double> rail_d, grow_d, heat_meas_d;
  double rail = 0.0, grow = 0.0, heat_meas = 0.0, lamp_meas = 0.0, co2_meas = 0.0;
  for (std::size_t d = 0; d < day_end.size(); ++d) {
    const Totals before = d == 0 ? Totals{} : day_end[d - 1];
    rail_d.push_back((day_end[d].heat_pipe_j_m2 - before.heat_pipe_j_m2) / 3.6e6);
    grow_d.push_back((day_end[d].heat_grow_pipe_j_m2 - before.heat_grow_pipe_j_m2) / 3.6e6);
    heat_meas_d.push_back(res.heating[d]);
    rail += rail_d.back();
    grow += grow_d.back();
    heat_meas += res.heating[d];
    lamp_meas += res.lamp_kwh_m2[d];
    co2_meas += res.co2_kg_m2[d];
  }
  std::vector<double> heat_d(rail_d.size());
  for (std::size_t d = 0; d < heat_d.size(); ++d) heat_d[d] = rail_d[d] + grow_d[d];
  const double lamp = day_end.back().lamp_j_m2 / 3.6e6;
  const double co2 = day_end.back().co2_dosed_mg_m2 / 1e6;
  const double heat_meas_kwh = heat_meas / 3.6;  // the published figure read as MJ m⁻²
  std::printf(
      "60 days: pipe heat %.1f kWh/m² (rail %.1f, grow pipe %.1f) against Heating_Energy %.1f "
      "as published (kWh/m²), %.1f kWh/m² read as MJ/m²; daily correlation %.3f (rail %.3f)\n"
      "lamps %.1f kWh/m² against %.1f; CO2 dosed %.2f kg/m² against %.2f\n",
      rail + grow, rail, grow, heat_meas, heat_meas_kwh, correlation(heat_d, heat_meas_d),
      correlation(rail_d, heat_meas_d), lamp, lamp_meas, co2, co2_meas);
  EXPECT_GT(correlation(heat_d, heat_meas_d), 0.94);  // reached 0.962
  EXPECT_GT(correlation(rail_d, heat_meas_d), 0.96);  // reached 0.976
  // Read as kWh, the measured heat is 2.5 times the twin's; read as MJ, 0.71 of it (the rail
  // alone: 0.89 of it).
  EXPECT_NEAR((rail + grow) / heat_meas_kwh, 1.41, 0.05);
  EXPECT_NEAR(rail / heat_meas_kwh, 1.12, 0.05);
  EXPECT_NEAR(lamp / lamp_meas, 0.975, 0.02);  // the same 116.9 W/m²: a check of the replay
  EXPECT_NEAR(co2 / co2_meas, 1.28, 0.05);
}

}  // namespace
}  // namespace egin::greenhouse
