// DerivedSeries: the series egin computes from a zone's raw ones as readings arrive — vapour
// pressure deficit, humidity deficit, dew point, radiation sum since sunrise, daily light
// integral and growing degree days — for every greenhouse and weather-station zone. Pure: fed
// stored readings, it returns derived readings; it must not store, ingest or read a clock.
//
// A zone's sources are found by channel quantity (the first sensor channel of each):
//   "air_temperature" (Cel, or K), "relative_humidity" (%RH), "global_radiation" (W/m2),
//   "par" (umol/m2/s, photosynthetic photon flux density).
// Its derived channels form one device "derived" (keys "zone/derived/<id>"); only those its
// sources allow are declared and produced:
//
// | id                    | quantity                | unit     | from   | equation                      |
// |-----------------------|-------------------------|----------|--------|-------------------------------|
// | vpd_kpa               | vapour_pressure_deficit | kPa      | T, RH  | e°(T) − ea; FAO-56 Eq. 11, 54 |
// | humidity_deficit_g_m3 | humidity_deficit        | g/m3     | T, RH  | χ = Mw e / (R T), ideal gas   |
// | dew_point_c           | dew_point               | Cel      | T, RH  | FAO-56 Eq. 11 / 14 inverted   |
// | radiation_sum_j_cm2   | radiation_sum           | J/cm2    | Rg     | ∫ Rg dt since local sunrise   |
// | dli_mol_m2_d          | daily_light_integral    | mol/m2/d | PAR/Rg | ∫ PPFD dt since local midnight|
// | gdd_c_d               | growing_degree_days     | Cel.d    | T      | Σ max(0, (Tmax+Tmin)/2 − Tb)  |
//
// When: VPD, humidity deficit and dew point at each T or RH time stamp when the other one's
// newest reading is at most 2 sampling periods (the larger of the two) away; the radiation sum and
// DLI at each radiation or PAR time stamp; GDD at each T time stamp. Flagged readings (spike,
// stuck, device status) and readings older than the newest one already seen of their channel are
// left out. Integrals use the trapezoid rule between successive readings, across gaps too; the
// segment that straddles a reset (sunrise, midnight) is cut at it by linear interpolation when
// the two readings are at most 1 h apart.
// Sunrise is FAO-56's: sunset hour angle ωs (Eq. 25) and solar time (Eq. 31–33), the sun's
// centre on the horizon without refraction (a few minutes after the almanac's sunrise).
// GDD: the day's Tmax and Tmin are the extremes of its readings (local day); a value at time t is
// the sum over the finished days plus the day so far by the same formula. It starts from 0 at
// the first reading of each local calendar year, or at the configured start date.
// State lives in memory: after a restart, feed the stored readings of the current day (and of the
// GDD season) again to rebuild it; the outputs are the same and the store ignores duplicates.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/core/date.hpp"
#include "egin/runtime/ingest_pipeline.hpp"
#include "egin/runtime/site.hpp"

namespace egin::runtime {

/// | option                 | meaning                                              | unit        |
/// |------------------------|------------------------------------------------------|-------------|
/// | gdd_base_c             | base temperature of growing degree days              | °C          |
/// | gdd_start              | first local day counted (none: each calendar year)   | date        |
/// | par_fraction           | PAR share of global radiation energy                 | —           |
/// | par_umol_per_j         | photons per joule of PAR in daylight                 | µmol J⁻¹    |
struct DerivedOptions {
  double gdd_base_c = 10.0;  // McMaster & Wilhelm 1997: 10 °C for maize and many warm crops
  std::optional<Date> gdd_start;
  /// PAR ≈ 0.50 of global radiation (Szeicz 1974, Solar radiation for plant growth, J. Appl.
  /// Ecol. 11: 617–636; Monteith & Unsworth 2013, Principles of Environmental Physics, Sect. 5).
  double par_fraction = 0.50;
  /// 4.57 µmol J⁻¹ for daylight PAR (McCree 1972, Agric. Meteorol. 10: 443–453): with the 0.50
  /// above, 1 W m⁻² of global radiation ≈ 2.29 µmol m⁻² s⁻¹ PPFD.
  double par_umol_per_j = 4.57;
};

/// FAO-56 Eq. 11 and Eq. 54: VPD = e°(T) − ea, ea = e°(T) RH/100 (RH limited to 0–100 %).
double vapour_pressure_deficit_kpa(double t_air_c, double rh_pct);

/// Absolute humidity of water vapour by the ideal gas law, χ = Mw e / (R T) (Monteith &
/// Unsworth 2013, Principles of Environmental Physics, 4th ed., Sect. 2.1.2), Mw = 18.015 g mol⁻¹,
/// R = 8.314 J mol⁻¹ K⁻¹: the humidity deficit χ(e°(T)) − χ(ea), g m⁻³.
double humidity_deficit_g_m3(double t_air_c, double rh_pct);

/// Dew point: FAO-56 Eq. 14 (ea = e°(Tdew)) with Eq. 11 inverted, Tdew = 237.3 x / (17.27 − x),
/// x = ln(ea / 0.6108). NaN when RH <= 0.
double dew_point_c(double t_air_c, double rh_pct);

/// Degree days of one day by the daily mean method (McMaster & Wilhelm 1997, Agric. For.
/// Meteorol. 87: 291–300, Eq. 1 "Method 1"): max(0, (Tmax + Tmin)/2 − Tbase).
double degree_days_c_d(double tmax_c, double tmin_c, double base_c);

/// The device id of the derived channels in every zone.
inline constexpr std::string_view kDerivedDeviceId = "derived";

struct DerivedReading {
  std::string key;  // "zone/derived/<channel id>"
  TimeMs t_ms = 0;
  double value = 0.0;
};

class DerivedSeries final {
 public:
  /// Throws InputError when an option is out of range (base −10 to 40 °C, PAR fraction 0.3 to
  /// 0.7, 3 to 6 µmol J⁻¹) or the site's offset is outside ±14 h.
  explicit DerivedSeries(const Site& site, DerivedOptions options = {});

  /// The derived device of each zone that has one: (zone id, device).
  [[nodiscard]] std::vector<std::pair<std::string, DeviceSpec>> devices() const;

  /// The derived readings the batch gives rise to, in time order. Readings of other channels are
  /// ignored; the batch may be in any order.
  std::vector<DerivedReading> on_readings(std::span<const StoredReading> readings);

  /// Local sunrise (UTC ms) of the local calendar day `day` at the site (FAO-56 Eq. 25, 31).
  [[nodiscard]] TimeMs sunrise_ms(Date day) const;

 private:
  enum class Role { kTemperature, kHumidity, kRadiation, kPar };

  struct Sample {
    TimeMs t_ms = 0;
    double value = 0.0;
    bool valid = false;
  };

  /// Trapezoid integral of a rate since the last reset; `scale` turns value × seconds into the
  /// output unit.
  struct Integral {
    TimeMs period_start_ms = 0;
    double sum = 0.0;
    Sample last;
  };

  struct Zone {
    std::string id;
    std::string prefix;                      // "zone/derived/"
    std::optional<ChannelSpec> temperature;  // copies: the Site need not outlive this
    std::optional<ChannelSpec> humidity;
    std::optional<ChannelSpec> radiation;
    std::optional<ChannelSpec> par;
    bool temperature_kelvin = false;
    Sample t_air;
    Sample rh;
    Sample radiation_last;
    Sample par_last;
    Integral radiation_sum;
    Integral light;
    // GDD: the season's year (or 0 with a start date), finished days, the current day.
    bool gdd_started = false;
    int gdd_year = 0;
    double gdd_done_c_d = 0.0;
    std::int64_t gdd_day = 0;
    double day_tmax_c = 0.0;
    double day_tmin_c = 0.0;
  };

  struct Source {
    std::size_t zone = 0;
    Role role = Role::kTemperature;
  };

  [[nodiscard]] TimeMs sunrise_at_or_before(TimeMs t_ms) const;
  [[nodiscard]] TimeMs midnight_at_or_before(TimeMs t_ms) const;
  static double integrate(Integral& integral, TimeMs t_ms, double value, TimeMs period_start_ms,
                          double scale);
  void emit_humidity(Zone& zone, TimeMs t_ms, std::vector<DerivedReading>& out) const;
  void emit_gdd(Zone& zone, TimeMs t_ms, std::vector<DerivedReading>& out) const;

  DerivedOptions options_;
  double latitude_rad_;
  double longitude_deg_;
  TimeMs offset_ms_;
  std::vector<Zone> zones_;
  std::unordered_map<std::string, Source> sources_;  // channel key → zone and role
};

}  // namespace egin::runtime
