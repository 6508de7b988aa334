// libFuzzer target: arbitrary bytes to the egin field-file parser (fieldwater/field_config.hpp)
// with the real crop and soil libraries of data/ (loaded once: $EGIN_DATA_DIR, else the source
// tree's data/ compiled in as EGIN_FUZZ_DATA_DIR). A field that parses is then run the way
// `egin schedule` runs it — its weather prepared (effective rain), 30 observed days on a
// synthetic weather from planting, 3 projected days, the yield reduction of the observed days —
// so values the parser lets through are exercised too. egin::InputError is the only accepted
// failure; any other exception, crash, leak or undefined behaviour is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "egin/agromet/weather.hpp"
#include "egin/core/input_error.hpp"
#include "egin/crops/crop_library.hpp"
#include "egin/fieldwater/field_config.hpp"
#include "egin/fieldwater/field_weather.hpp"
#include "egin/fieldwater/schedule.hpp"
#include "egin/fieldwater/season_yield.hpp"
#include "egin/soils/soil_library.hpp"

#ifndef EGIN_FUZZ_DATA_DIR
#define EGIN_FUZZ_DATA_DIR "data"
#endif

namespace {

struct Libraries {
  egin::crops::CropLibrary crops;
  egin::soils::SoilLibrary soils;
};

const Libraries& libraries() {
  static const Libraries libs = [] {
    const char* env = std::getenv("EGIN_DATA_DIR");
    const std::filesystem::path dir = env != nullptr && *env != '\0' ? env : EGIN_FUZZ_DATA_DIR;
    return Libraries{egin::crops::CropLibrary::load_directory(dir / "crops"),
                     egin::soils::SoilLibrary::load_directory(dir / "soils")};
  }();
  return libs;
}

// 40 days from planting: ET0 alternating 4 and 8 mm, 12 mm of rain every 9th day.
egin::agromet::DailyWeatherSeries synthetic_weather(egin::Date planting) {
  egin::agromet::DailyWeatherSeries w;
  w.source = "fuzz-weather.csv";
  w.site.latitude_deg = 41.0;
  w.site.elevation_m = 250.0;
  for (int k = 0; k < 40; ++k) {
    egin::agromet::DailyWeather day;
    day.date = planting + k;
    day.tmax_c = 34.0;
    day.tmin_c = 18.0;
    day.rh_min_pct = 25.0;
    day.wind_m_s = 2.0;
    day.et0_mm = k % 2 == 0 ? 4.0 : 8.0;
    day.precip_mm = k % 9 == 8 ? 12.0 : 0.0;
    w.days.push_back(day);
  }
  return w;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Libraries& libs = libraries();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const egin::fieldwater::FieldConfig field =
        egin::fieldwater::parse_field_config(text, "fuzz.toml", libs.crops, libs.soils);
    const egin::fieldwater::PreparedWeather weather = egin::fieldwater::prepare_field_weather(
        synthetic_weather(field.planting), field.et0_method,
        field.effective_rain_enabled ? &field.effective_rain : nullptr);
    egin::fieldwater::ScheduleRequest request;
    request.as_of = field.planting + 29;
    request.days_ahead = 3;
    const egin::fieldwater::ScheduleResult result =
        egin::fieldwater::run_schedule(field, weather.series, nullptr, request);
    (void)egin::fieldwater::explain_decision(result.recommendation.trace, field);
    const egin::fieldwater::SeasonYieldReduction y =
        egin::fieldwater::field_yield_reduction(field, result.observed);
    (void)egin::fieldwater::yield_reduction_text(y);
  } catch (const egin::InputError&) {
  }
  return 0;
}
