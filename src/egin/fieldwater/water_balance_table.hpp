// The water balance's daily records and seasonal summary as egin::Table, with pyfao56's output
// column names (Year-DOY, ETref, Kcm, … Runoff; .sum names for the summary) so egin's CSV and
// pyfao56's .out compare line by line, 3 decimals. The column list is also exposed so tests and
// comparisons can pair egin values with pyfao56 columns by name. Formatting only.
#pragma once

#include <span>

#include "egin/core/table.hpp"
#include "egin/fieldwater/season.hpp"
#include "egin/fieldwater/water_balance.hpp"

namespace egin::fieldwater {

/// One daily output column: pyfao56 name, the DayRecord member, its unit ("" if none).
struct RecordColumn {
  const char* name;
  double DayRecord::*member;
  const char* unit;
};

/// The numeric daily columns, in pyfao56 .out order (without its layered-soil columns TAWrmax,
/// TAWb, Dinc, Drmax, fDrmax, Db, fDb, which the homogeneous bucket does not compute).
[[nodiscard]] std::span<const RecordColumn> record_columns();

/// One seasonal total: pyfao56 .sum name and the SeasonSummary member.
struct SummaryField {
  const char* name;
  double SeasonSummary::*member;
};

/// The totals in pyfao56 .sum order (Drmax_ini/end omitted: layered soil only).
[[nodiscard]] std::span<const SummaryField> summary_fields();

/// "Year-DOY" and "Date" (ISO) then record_columns(), 3 decimals.
[[nodiscard]] Table water_balance_table(std::span<const DayRecord> days);

/// Two columns: "total" (the .sum name) and "mm".
[[nodiscard]] Table season_summary_table(const SeasonSummary& summary);

}  // namespace egin::fieldwater
