#include "egin/core/table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>

namespace egin {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "table") {
    return OutputFormat::kTable;
  }
  if (name == "csv") {
    return OutputFormat::kCsv;
  }
  if (name == "json") {
    return OutputFormat::kJson;
  }
  return std::nullopt;
}

Table::Table(std::vector<Column> columns) : columns_(std::move(columns)) {}

void Table::add_row(std::vector<Cell> cells) {
  if (cells.size() != columns_.size()) {
    throw std::invalid_argument(
        fmt::format("row has {} cells, table has {} columns", cells.size(), columns_.size()));
  }
  rows_.push_back(std::move(cells));
}

std::string Table::text(std::size_t row, std::size_t column) const {
  const Cell& cell = rows_.at(row).at(column);
  if (const auto* v = std::get_if<double>(&cell)) {
    if (!std::isfinite(*v)) {
      return {};
    }
    std::string s = fmt::format("{:.{}f}", *v, columns_[column].decimals);
    if (s.starts_with("-") && s.find_first_not_of("-0.") == std::string::npos) {
      s.erase(0, 1);  // print -0.000 as 0.000
    }
    return s;
  }
  if (const auto* s = std::get_if<std::string>(&cell)) {
    return *s;
  }
  return {};
}

void Table::write(std::ostream& out, OutputFormat format) const {
  switch (format) {
    case OutputFormat::kTable:
      write_text(out);
      return;
    case OutputFormat::kCsv:
      write_csv(out);
      return;
    case OutputFormat::kJson:
      write_json(out);
      return;
  }
}

namespace {

// RFC 4180 quoting: only when the field holds a comma, quote or line break.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) {
    return s;
  }
  std::string q = "\"";
  for (const char c : s) {
    q += c;
    if (c == '"') {
      q += '"';
    }
  }
  return q + "\"";
}

}  // namespace

void Table::write_csv(std::ostream& out) const {
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    out << (c ? "," : "") << csv_field(columns_[c].name);
  }
  out << '\n';
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      out << (c ? "," : "") << csv_field(text(r, c));
    }
    out << '\n';
  }
}

void Table::write_json(std::ostream& out) const {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto& row : rows_) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const Cell& cell = row[c];
      if (const auto* v = std::get_if<double>(&cell); v != nullptr && std::isfinite(*v)) {
        // Round to the column's decimals so JSON and CSV carry the same numbers.
        const double scale = std::pow(10.0, columns_[c].decimals);
        object[columns_[c].name] = std::round(*v * scale) / scale;
      } else if (const auto* s = std::get_if<std::string>(&cell)) {
        object[columns_[c].name] = *s;
      } else {
        object[columns_[c].name] = nullptr;
      }
    }
    array.push_back(std::move(object));
  }
  out << array.dump(2) << '\n';
}

void Table::write_text(std::ostream& out) const {
  std::vector<std::size_t> width(columns_.size());
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    width[c] = columns_[c].name.size();
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      width[c] = std::max(width[c], text(r, c).size());
    }
  }
  auto numeric = [&](std::size_t c) {
    return std::any_of(rows_.begin(), rows_.end(),
                       [c](const auto& row) { return std::holds_alternative<double>(row[c]); });
  };
  std::vector<bool> right(columns_.size());
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    right[c] = numeric(c);
  }
  auto cell_out = [&](const std::string& s, std::size_t c) {
    const std::string pad(width[c] - s.size(), ' ');
    out << (c ? "  " : "") << (right[c] ? pad + s : s + pad);
  };
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    cell_out(columns_[c].name, c);
  }
  out << '\n';
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      cell_out(text(r, c), c);
    }
    out << '\n';
  }
}

}  // namespace egin
