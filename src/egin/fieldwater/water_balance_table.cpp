#include "egin/fieldwater/water_balance_table.hpp"

#include <array>
#include <string>
#include <vector>

namespace egin::fieldwater {

namespace {

using R = DayRecord;

constexpr std::array<RecordColumn, 35> kColumns{{
    {"ETref", &R::et_ref_mm, "mm"},
    {"Kcm", &R::kcm, ""},
    {"ETcm", &R::etcm_mm, "mm"},
    {"tKcb", &R::tkcb, ""},
    {"Kcb", &R::kcb, ""},
    {"ETcb", &R::etcb_mm, "mm"},
    {"h", &R::h_m, "m"},
    {"Kcmax", &R::kc_max, ""},
    {"ETmax", &R::etmax_mm, "mm"},
    {"fc", &R::fc, ""},
    {"fw", &R::fw, ""},
    {"few", &R::few, ""},
    {"De", &R::de_mm, "mm"},
    {"Kr", &R::kr, ""},
    {"Ke", &R::ke, ""},
    {"E", &R::e_mm, "mm"},
    {"DPe", &R::dpe_mm, "mm"},
    {"Kc", &R::kc, ""},
    {"ETc", &R::etc_mm, "mm"},
    {"TAW", &R::taw_mm, "mm"},
    {"Zr", &R::zr_m, "m"},
    {"p", &R::p, ""},
    {"RAW", &R::raw_mm, "mm"},
    {"Ks", &R::ks, ""},
    {"Ka", &R::ka, ""},
    {"ETa", &R::eta_mm, "mm"},
    {"T", &R::t_mm, "mm"},
    {"DP", &R::dp_mm, "mm"},
    {"Dr", &R::dr_mm, "mm"},
    {"fDr", &R::fdr, ""},
    {"Ksend", &R::ks_end, ""},
    {"Irrig", &R::irrigation_mm, "mm"},
    {"IrrLoss", &R::irrigation_loss_mm, "mm"},
    {"Rain", &R::rain_mm, "mm"},
    {"Runoff", &R::runoff_mm, "mm"},
}};

using S = SeasonSummary;

constexpr std::array<SummaryField, 15> kSummary{{
    {"ETref", &S::et_ref_mm},
    {"ETcm", &S::etcm_mm},
    {"ETcb", &S::etcb_mm},
    {"ETmax", &S::etmax_mm},
    {"ETc", &S::etc_mm},
    {"ETa", &S::eta_mm},
    {"E", &S::e_mm},
    {"T", &S::t_mm},
    {"DP", &S::dp_mm},
    {"Irrig", &S::irrigation_mm},
    {"IrrLoss", &S::irrigation_loss_mm},
    {"Rain", &S::rain_mm},
    {"Runoff", &S::runoff_mm},
    {"Dr_ini", &S::dr_ini_mm},
    {"Dr_end", &S::dr_end_mm},
}};

}  // namespace

std::span<const RecordColumn> record_columns() { return kColumns; }

std::span<const SummaryField> summary_fields() { return kSummary; }

Table water_balance_table(std::span<const DayRecord> days) {
  std::vector<Table::Column> columns{{"Year-DOY", 0}, {"Date", 0}};
  for (const RecordColumn& c : record_columns()) {
    columns.push_back({c.name, 3});
  }
  Table table(std::move(columns));
  for (const DayRecord& d : days) {
    std::vector<Table::Cell> row;
    row.reserve(record_columns().size() + 2);
    row.emplace_back(d.date.year_doy());
    row.emplace_back(d.date.iso());
    for (const RecordColumn& c : record_columns()) {
      row.emplace_back(d.*c.member);
    }
    table.add_row(std::move(row));
  }
  return table;
}

Table season_summary_table(const SeasonSummary& summary) {
  Table table({{"total", 0}, {"mm", 3}});
  for (const SummaryField& f : summary_fields()) {
    table.add_row({std::string(f.name), summary.*f.member});
  }
  return table;
}

}  // namespace egin::fieldwater
