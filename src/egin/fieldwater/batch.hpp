// Batch schedules: many fields run at once on a pool of threads, one schedule per field
// (schedule.hpp), each field's recommendation and observed seasonal sums as one row. A field
// that fails (bad file, weather that does not cover it) gives a row with its error; it never
// stops the others. Workers share only read-only inputs and write each result to its own slot
// (the one shared counter hands out field indices); there is no other shared mutable state.
// It reads field files and weather files; it formats no output (apps/egin/cmd_batch.cpp does).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "egin/agromet/weather.hpp"
#include "egin/crops/crop_library.hpp"
#include "egin/fieldwater/field_config.hpp"
#include "egin/fieldwater/schedule.hpp"
#include "egin/soils/soil_library.hpp"

namespace egin::fieldwater {

struct BatchRow {
  std::string file;  // the field file ("" for in-memory fields)
  std::string field;
  bool ok = false;
  std::string error;  // the InputError message when !ok
  std::optional<FieldConfig> config;
  std::optional<ScheduleResult> schedule;  // dropped after summarising unless kept
  // Summary of the schedule (valid when ok).
  Date as_of;
  Recommendation recommendation;
  SeasonSummary observed;      // planting .. as-of
  SeasonYieldReduction yield;  // expected yield reduction over planting .. as-of
  WaterBalanceState state_as_of;
};

/// Read-only inputs every field of a batch shares.
struct BatchInputs {
  const crops::CropLibrary* crops = nullptr;
  const soils::SoilLibrary* soils = nullptr;
  /// Weather for every field without its own `weather` key (raw: ET0 is filled per field's
  /// method); null: each field must name its own.
  const agromet::DailyWeatherSeries* weather = nullptr;
  const agromet::DailyWeatherSeries* forecast = nullptr;  // may be null
  ScheduleRequest request;
  bool keep_schedules = false;  // keep each field's full ScheduleResult in its row
};

/// Runs `count` tasks task(i) on `threads` threads (≥ 1; 1 runs inline). Each index runs
/// once; task must not throw.
void parallel_for(std::size_t count, int threads, const std::function<void(std::size_t)>& task);

/// The field files of a directory (*.toml, sorted) or of a list file (one path a line,
/// relative to the list's directory; blank lines and '#' comments skipped). InputError when
/// neither can be read or none is listed.
[[nodiscard]] std::vector<std::filesystem::path> list_field_files(
    const std::filesystem::path& dir_or_list);

/// Loads and runs every field file on `threads` threads; one row per file, in order.
[[nodiscard]] std::vector<BatchRow> run_batch_files(std::span<const std::filesystem::path> files,
                                                    const BatchInputs& inputs, int threads);

/// Runs fields already loaded against one prepared weather (et0_mm filled), on `threads`
/// threads (bench/bench_batch.cpp).
[[nodiscard]] std::vector<BatchRow> run_batch_fields(std::span<const FieldConfig> fields,
                                                     const agromet::DailyWeatherSeries& weather,
                                                     const agromet::DailyWeatherSeries* forecast,
                                                     const ScheduleRequest& request, int threads);

}  // namespace egin::fieldwater
