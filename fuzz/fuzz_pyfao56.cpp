// libFuzzer target for the pyfao56 file readers (src/egin/fieldwater/pyfao56_*.hpp): arbitrary
// bytes go to the .par, .wth, .irr, .upd, .out and .sum parsers. egin::InputError is the expected
// answer to bad input; a crash, a sanitizer report, another exception, or an accepted file that
// breaks the reader's promises (ranges, date order) is a bug. Accepted parameters and weather are
// also run through the water balance, whose outputs must stay finite and within their bounds.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "egin/core/input_error.hpp"
#include "egin/fieldwater/pyfao56_irrigation.hpp"
#include "egin/fieldwater/pyfao56_output.hpp"
#include "egin/fieldwater/pyfao56_parameters.hpp"
#include "egin/fieldwater/pyfao56_updates.hpp"
#include "egin/fieldwater/pyfao56_weather.hpp"
#include "egin/fieldwater/season.hpp"

namespace {

namespace fw = egin::fieldwater;
namespace py = egin::fieldwater::pyfao56;

void require(bool ok) {
  if (!ok) {
    std::abort();
  }
}

bool in(double v, double lo, double hi) { return std::isnan(v) || (v >= lo && v <= hi); }

// A season of `days` days with the given weather everywhere, default or given parameters.
void run_and_check(const fw::WaterBalanceParameters& p, const egin::agromet::DailyWeatherSeries& w,
                   fw::ReferenceCrop reference) {
  fw::WaterBalanceOptions options;
  options.reference_crop = reference;
  for (int variant = 0; variant < 2; ++variant) {
    options.runoff = variant == 1;
    options.aquacrop_ks = variant == 1;
    fw::NoIrrigation none;
    try {
      const fw::SeasonResult r =
          fw::run_season(p, options, w, w.days.front().date, w.days.back().date, none);
      const double tew = fw::total_evaporable_water_mm(p);
      for (const fw::DayRecord& d : r.days) {
        require(std::isfinite(d.eta_mm) && std::isfinite(d.dr_mm) && std::isfinite(d.de_mm));
        require(d.dr_mm >= 0.0 && d.dr_mm <= d.taw_mm + 1e-9);
        require(d.de_mm >= 0.0 && d.de_mm <= tew + 1e-9);
        require(d.ks >= 0.0 && d.ks <= 1.0 && d.kr >= 0.0 && d.kr <= 1.0);
        require(d.runoff_mm >= 0.0 && d.runoff_mm <= d.rain_mm + 1e-9);
      }
    } catch (const egin::InputError&) {
      // e.g. a gap in the weather or a missing ETref: an answer, not a bug
    }
  }
}

egin::agromet::DailyWeatherSeries synthetic_weather() {
  egin::agromet::DailyWeatherSeries w;
  w.source = "synthetic";
  w.site.wind_height_m = 2.0;
  egin::Date d = *egin::Date::parse("2020-100");
  for (int i = 0; i < 200; ++i, ++d) {
    egin::agromet::DailyWeather x;
    x.date = d;
    x.et0_mm = 2.0 + 8.0 * ((i * 37) % 11) / 10.0;
    x.precip_mm = (i % 13 == 0) ? 60.0 : (i % 5 == 0 ? 4.0 : 0.0);
    x.rh_min_pct = 10.0 + (i % 9) * 10.0;
    x.wind_m_s = (i % 7) * 1.5;
    w.days.push_back(x);
  }
  return w;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const egin::agromet::DailyWeatherSeries weather = synthetic_weather();

  try {
    const py::ParameterFile f = py::parse_parameters(text, "fuzz.par");
    fw::validate_parameters(f.parameters);  // an accepted file is valid
    run_and_check(f.parameters, weather, fw::ReferenceCrop::kShort);
  } catch (const egin::InputError&) {
  }

  try {
    const py::WeatherFile f = py::parse_weather(text, "fuzz.wth");
    require(f.predicted.size() == f.series.days.size());
    require(in(f.series.site.latitude_deg, -90, 90));
    require(f.series.site.wind_height_m >= 0.5);
    for (std::size_t i = 0; i < f.series.days.size(); ++i) {
      const auto& d = f.series.days[i];
      require(i == 0 || f.series.days[i - 1].date < d.date);
      require(in(d.rh_min_pct, 0, 100) && in(d.precip_mm, 0, 1000) && in(d.et0_mm, 0, 30));
    }
    if (!f.series.days.empty() && f.series.days.size() <= 400) {
      run_and_check(fw::WaterBalanceParameters{}, f.series, f.reference);
    }
  } catch (const egin::InputError&) {
  }

  try {
    const py::IrrigationFile f = py::parse_irrigation(text, "fuzz.irr");
    for (std::size_t i = 0; i < f.events.size(); ++i) {
      const auto& e = f.events[i];
      require(i == 0 || f.events[i - 1].date < e.date);
      require(e.depth_mm >= 0 && e.fw > 0 && e.fw <= 1 && e.efficiency_pct > 0 &&
              e.efficiency_pct <= 100);
    }
    fw::RecordedIrrigation source(f.events);  // must not throw: dates are ordered
  } catch (const egin::InputError&) {
  }

  try {
    const py::UpdateFile f = py::parse_updates(text, "fuzz.upd");
    for (const auto& o : f.updates.observations()) {
      require(in(o.kcb, 0, 2) && in(o.h_m, 0, 30) && in(o.fc, 0, 1));
      require(f.updates.find(o.date) == &o);
    }
  } catch (const egin::InputError&) {
  }

  try {
    const py::OutputFile f = py::parse_output(text, "fuzz.out");
    require(f.values.size() == f.columns.size());
    for (const auto& column : f.values) {
      require(column.size() == f.dates.size());
    }
  } catch (const egin::InputError&) {
  }

  try {
    (void)py::parse_summary(text, "fuzz.sum");
  } catch (const egin::InputError&) {
  }
  return 0;
}
