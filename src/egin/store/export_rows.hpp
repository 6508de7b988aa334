// The rows of an export (export.hpp), produced window by window from the store and handed to a
// writer one at a time: the row's time and one value per column (NaN where the cell is empty).
// Shared by the CSV/TXT and the XLSX writers. It must not format anything.
#pragma once

#include <functional>
#include <span>

#include "egin/core/clock.hpp"
#include "egin/store/export.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::store::detail {

/// Checks the request; throws InputError as export_series documents.
void check_export_request(const ExportRequest& request);

/// Calls `on_row` for every row of the request, in time order. `values` holds one entry per
/// column (NaN: empty cell) and is valid only during the call.
void for_each_export_row(
    TimeSeriesStore& store, const ExportRequest& request,
    const std::function<void(TimeMs t_ms, std::span<const double> values)>& on_row);

/// Writes the request as XLSX (export_xlsx.cpp); `stats` receives rows, cells and sheets.
void write_xlsx(TimeSeriesStore& store, const ExportRequest& request,
                const std::function<void(std::string_view chunk)>& sink, ExportStats& stats);

}  // namespace egin::store::detail
