#include "egin/agromet/weather_csv_writer.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <ostream>

#include "egin/agromet/csv_iso_time.hpp"

namespace egin::agromet {
namespace {

/// `v` with `decimals` places; "" when missing; never "-0.0".
std::string cell(double v, int decimals) {
  if (is_missing(v)) {
    return {};
  }
  const double unit = std::pow(10.0, -decimals);
  if (std::abs(v) < 0.5 * unit) {
    v = 0.0;
  }
  return fmt::format("{:.{}f}", v, decimals);
}

void write_site(std::ostream& out, const SiteMeta& site, bool has_wind, const CsvMetadata& extra) {
  if (!site.name.empty()) {
    out << "# name: " << site.name << '\n';
  }
  if (!is_missing(site.latitude_deg)) {
    out << "# latitude_deg: " << site.latitude_deg << '\n';
  }
  if (!is_missing(site.longitude_deg)) {
    out << "# longitude_deg: " << site.longitude_deg << '\n';
  }
  if (!is_missing(site.elevation_m)) {
    out << "# elevation_m: " << site.elevation_m << '\n';
  }
  if (has_wind) {
    out << "# wind_height_m: " << site.wind_height_m << '\n';
  }
  for (const auto& [key, value] : extra) {
    out << "# " << key << ": " << value << '\n';
  }
}

template <typename Record>
struct Column {
  const char* name;
  double Record::*field;
  int decimals;
};

template <typename Record, std::size_t N>
std::vector<Column<Record>> present(const std::array<Column<Record>, N>& columns,
                                    const std::vector<Record>& rows) {
  std::vector<Column<Record>> out;
  for (const auto& c : columns) {
    for (const Record& r : rows) {
      if (!is_missing(r.*c.field)) {
        out.push_back(c);
        break;
      }
    }
  }
  return out;
}

}  // namespace

void write_daily_weather_csv(std::ostream& out, const DailyWeatherSeries& series,
                             const CsvMetadata& extra) {
  using C = Column<DailyWeather>;
  constexpr std::array<C, 13> kColumns = {{
      {"tmax_c", &DailyWeather::tmax_c, 1},
      {"tmin_c", &DailyWeather::tmin_c, 1},
      {"tmean_c", &DailyWeather::tmean_c, 1},
      {"rh_max_pct", &DailyWeather::rh_max_pct, 1},
      {"rh_min_pct", &DailyWeather::rh_min_pct, 1},
      {"rh_mean_pct", &DailyWeather::rh_mean_pct, 1},
      {"tdew_c", &DailyWeather::tdew_c, 1},
      {"ea_kpa", &DailyWeather::ea_kpa, 3},
      {"rs_mj_m2", &DailyWeather::rs_mj_m2, 2},
      {"sunshine_h", &DailyWeather::sunshine_h, 1},
      {"wind_m_s", &DailyWeather::wind_m_s, 2},
      {"precip_mm", &DailyWeather::precip_mm, 1},
      {"et0_mm", &DailyWeather::et0_mm, 2},
  }};
  const auto columns = present(kColumns, series.days);
  bool has_wind = false;
  for (const auto& c : columns) {
    has_wind = has_wind || c.field == &DailyWeather::wind_m_s;
  }
  write_site(out, series.site, has_wind, extra);
  out << "date";
  for (const auto& c : columns) {
    out << ',' << c.name;
  }
  out << '\n';
  for (const DailyWeather& d : series.days) {
    out << d.date.iso();
    for (const auto& c : columns) {
      out << ',' << cell(d.*c.field, c.decimals);
    }
    out << '\n';
  }
}

void write_period_weather_csv(std::ostream& out, const PeriodWeatherSeries& series,
                              const CsvMetadata& extra) {
  using C = Column<PeriodWeather>;
  // rs_mj_m2 is written as iglob_w_m2 (below); the others as they are.
  constexpr std::array<C, 8> kColumns = {{
      {"t_out_c", &PeriodWeather::t_out_c, 2},
      {"rh_out_pct", &PeriodWeather::rh_out_pct, 1},
      {"iglob_w_m2", &PeriodWeather::rs_mj_m2, 2},
      {"wind_m_s", &PeriodWeather::wind_m_s, 2},
      {"precip_mm", &PeriodWeather::precip_mm, 3},
      {"t_sky_c", &PeriodWeather::t_sky_c, 2},
      {"co2_out_ppm", &PeriodWeather::co2_out_ppm, 1},
      {"t_soil_c", &PeriodWeather::t_soil_c, 2},
  }};
  const auto columns = present(kColumns, series.periods);
  bool has_wind = false;
  for (const auto& c : columns) {
    has_wind = has_wind || c.field == &PeriodWeather::wind_m_s;
  }
  CsvMetadata meta;
  bool same_period = !series.periods.empty();
  for (const PeriodWeather& p : series.periods) {
    same_period = same_period && p.period_s == series.periods.front().period_s;
  }
  if (same_period) {
    meta.emplace_back("period_s", fmt::format("{}", series.periods.front().period_s));
  }
  meta.insert(meta.end(), extra.begin(), extra.end());
  write_site(out, series.site, has_wind, meta);
  out << "time";
  for (const auto& c : columns) {
    out << ',' << c.name;
  }
  out << '\n';
  for (const PeriodWeather& p : series.periods) {
    out << format_iso_time(p.start_utc_s, p.utc_offset_s);
    for (const auto& c : columns) {
      double v = p.*c.field;
      if (c.field == &PeriodWeather::rs_mj_m2 && !is_missing(v)) {
        v = v * 1e6 / p.period_s;  // period sum → period mean irradiance
      }
      out << ',' << cell(v, c.decimals);
    }
    out << '\n';
  }
}

}  // namespace egin::agromet
