#include "egin/fieldwater/batch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <fstream>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

#include "egin/agromet/weather_csv.hpp"
#include "egin/core/input_error.hpp"
#include "egin/fieldwater/field_weather.hpp"

namespace egin::fieldwater {

namespace {

// Trims blanks at both ends.
std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    return {};
  }
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

void summarise(BatchRow& row, ScheduleResult&& s, bool keep) {
  row.ok = true;
  row.as_of = s.as_of;
  row.recommendation = s.recommendation;
  row.observed = s.observed_summary;
  row.yield = s.observed_yield;
  row.state_as_of = s.state_as_of;
  if (keep) {
    row.schedule = std::move(s);
  }
}

// Weather prepared once for the fields that use the shared file with the default method.
struct SharedWeather {
  std::optional<PreparedWeather> prepared;
  std::string error;
};

SharedWeather prepare_shared(const agromet::DailyWeatherSeries* raw) {
  SharedWeather s;
  if (raw == nullptr) {
    return s;
  }
  try {
    s.prepared = prepare_field_weather(*raw, agromet::Et0Method::kFao56, nullptr);
  } catch (const InputError& e) {
    s.error = e.what();
  }
  return s;
}

// The weather of `field`: its own file, else the shared one (prepared for its method).
const agromet::DailyWeatherSeries& weather_for(const FieldConfig& field,
                                               const agromet::DailyWeatherSeries* shared_raw,
                                               const SharedWeather& shared,
                                               std::optional<PreparedWeather>& own,
                                               const std::string& file) {
  const EffectiveRainSettings* rain =
      field.effective_rain_enabled ? &field.effective_rain : nullptr;
  if (!field.weather.empty()) {
    own = prepare_field_weather(agromet::read_daily_weather_csv(field.weather.string()),
                                field.et0_method, rain);
    return own->series;
  }
  if (shared_raw == nullptr) {
    throw InputError({file, 0, "weather"}, "no weather for this field",
                     "--weather FILE for the batch, or weather = \"FILE\" in the field file");
  }
  if (field.et0_method == agromet::Et0Method::kFao56 && rain == nullptr) {
    if (!shared.prepared) {
      throw std::runtime_error(shared.error);
    }
    return shared.prepared->series;
  }
  own = prepare_field_weather(*shared_raw, field.et0_method, rain);
  return own->series;
}

}  // namespace

void parallel_for(std::size_t count, int threads, const std::function<void(std::size_t)>& task) {
  const std::size_t n_threads = std::min<std::size_t>(
      static_cast<std::size_t>(std::max(threads, 1)), std::max<std::size_t>(count, 1));
  if (n_threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) {
      task(i);
    }
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::jthread> pool;
  pool.reserve(n_threads);
  for (std::size_t t = 0; t < n_threads; ++t) {
    pool.emplace_back([&next, count, &task] {
      for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) {
        task(i);
      }
    });
  }
  // jthreads join here.
}

std::vector<std::filesystem::path> list_field_files(const std::filesystem::path& dir_or_list) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  if (std::filesystem::is_directory(dir_or_list, ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir_or_list, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".toml") {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      throw InputError({dir_or_list.string(), 0, "--fields"}, "the directory has no .toml files",
                       "a directory of field files (*.toml) or a list file");
    }
    return files;
  }
  std::ifstream in(dir_or_list);
  if (!in) {
    throw InputError({dir_or_list.string(), 0, "--fields"}, "cannot read the directory or list",
                     "a directory of field files (*.toml) or a text file listing them");
  }
  const std::filesystem::path base = dir_or_list.parent_path();
  std::string line;
  while (std::getline(in, line)) {
    const auto hash = line.find('#');
    const std::string path = trim(hash == std::string::npos ? line : line.substr(0, hash));
    if (path.empty()) {
      continue;
    }
    const std::filesystem::path p(path);
    files.push_back(p.is_absolute() ? p : base / p);
  }
  if (files.empty()) {
    throw InputError({dir_or_list.string(), 0, "--fields"}, "the list names no field file",
                     "one field file path a line");
  }
  return files;
}

std::vector<BatchRow> run_batch_files(std::span<const std::filesystem::path> files,
                                      const BatchInputs& inputs, int threads) {
  const SharedWeather shared = prepare_shared(inputs.weather);
  const SharedWeather shared_forecast = prepare_shared(inputs.forecast);
  std::vector<BatchRow> rows(files.size());
  parallel_for(files.size(), threads, [&](std::size_t i) {
    BatchRow& row = rows[i];
    row.file = files[i].string();
    row.field = files[i].stem().string();
    try {
      row.config = load_field_config(files[i], *inputs.crops, *inputs.soils);
      const FieldConfig& field = *row.config;
      row.field = field.name;
      std::optional<PreparedWeather> own;
      const agromet::DailyWeatherSeries& weather =
          weather_for(field, inputs.weather, shared, own, row.file);
      const agromet::DailyWeatherSeries* forecast = nullptr;
      std::optional<PreparedWeather> own_forecast;
      if (inputs.forecast != nullptr) {
        if (field.et0_method == agromet::Et0Method::kFao56 && !field.effective_rain_enabled) {
          if (!shared_forecast.prepared) {
            throw std::runtime_error(shared_forecast.error);
          }
          forecast = &shared_forecast.prepared->series;
        } else {
          own_forecast =
              prepare_field_weather(*inputs.forecast, field.et0_method,
                                    field.effective_rain_enabled ? &field.effective_rain : nullptr);
          forecast = &own_forecast->series;
        }
      }
      summarise(row, run_schedule(field, weather, forecast, inputs.request), inputs.keep_schedules);
    } catch (const std::exception& e) {
      row.ok = false;
      row.error = e.what();
    }
  });
  return rows;
}

std::vector<BatchRow> run_batch_fields(std::span<const FieldConfig> fields,
                                       const agromet::DailyWeatherSeries& weather,
                                       const agromet::DailyWeatherSeries* forecast,
                                       const ScheduleRequest& request, int threads) {
  std::vector<BatchRow> rows(fields.size());
  parallel_for(fields.size(), threads, [&](std::size_t i) {
    BatchRow& row = rows[i];
    row.field = fields[i].name;
    try {
      summarise(row, run_schedule(fields[i], weather, forecast, request), false);
    } catch (const std::exception& e) {
      row.ok = false;
      row.error = e.what();
    }
  });
  return rows;
}

}  // namespace egin::fieldwater
