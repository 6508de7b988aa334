#include "field_support.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <system_error>
#include <vector>

#include "egin/agromet/weather_csv.hpp"
#include "egin/core/input_error.hpp"

namespace egin::cli {

namespace {

bool holds_libraries(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_directory(dir / "crops", ec) &&
         std::filesystem::is_directory(dir / "soils", ec);
}

}  // namespace

std::filesystem::path find_data_dir(const std::string& flag, const std::filesystem::path& near) {
  if (!flag.empty()) {
    if (!holds_libraries(flag)) {
      throw InputError({"", 0, "--data"},
                       fmt::format("'{}' has no crops/ and soils/ directories", flag),
                       "the egin data directory (the one holding crops/ and soils/)");
    }
    return flag;
  }
  if (const char* env = std::getenv("EGIN_DATA_DIR"); env != nullptr && *env != '\0') {
    if (!holds_libraries(env)) {
      throw InputError({"", 0, "EGIN_DATA_DIR"},
                       fmt::format("'{}' has no crops/ and soils/ directories", env),
                       "the egin data directory (the one holding crops/ and soils/)");
    }
    return env;
  }
  std::vector<std::filesystem::path> candidates;
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::absolute(near, ec).parent_path();
  while (!dir.empty()) {
    candidates.push_back(dir);
    candidates.push_back(dir / "data");
    if (dir == dir.parent_path()) {
      break;
    }
    dir = dir.parent_path();
  }
  candidates.push_back(std::filesystem::current_path(ec) / "data");
  for (const auto& c : candidates) {
    if (holds_libraries(c)) {
      return c;
    }
  }
  throw InputError({"", 0, "--data"}, "cannot find the crop and soil libraries",
                   "--data DIR or EGIN_DATA_DIR naming the directory that holds crops/ and soils/");
}

std::shared_ptr<const FieldLibraries> load_field_libraries(const std::filesystem::path& data_dir) {
  auto libs = std::make_shared<FieldLibraries>();
  libs->data_dir = data_dir;
  libs->crops = crops::CropLibrary::load_directory(data_dir / "crops");
  libs->soils = soils::SoilLibrary::load_directory(data_dir / "soils");
  return libs;
}

fieldwater::PreparedWeather load_field_weather(const std::filesystem::path& path,
                                               const fieldwater::FieldConfig& field) {
  const agromet::DailyWeatherSeries raw = agromet::read_daily_weather_csv(path.string());
  return fieldwater::prepare_field_weather(
      raw, field.et0_method, field.effective_rain_enabled ? &field.effective_rain : nullptr);
}

Date parse_date_option(const std::string& text, const char* flag) {
  if (const auto d = Date::parse(text)) {
    return *d;
  }
  throw InputError({"", 0, flag}, fmt::format("'{}' is not a date", text),
                   "YYYY-MM-DD or YYYY-DOY, e.g. 2025-07-15 or 2025-196");
}

}  // namespace egin::cli
