// Table: the rows a command prints, and their three output formats (DESIGN.md §4 "Command line"):
// an aligned text table for people, CSV for spreadsheets and diffing against peer programs, and
// JSON (an array of objects) for programs. It holds values only; it knows nothing of agronomy.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace egin {

enum class OutputFormat { kTable, kCsv, kJson };

/// Parses "table", "csv" or "json"; nullopt otherwise.
std::optional<OutputFormat> parse_output_format(std::string_view name);

class Table final {
 public:
  /// A missing value prints as an empty cell (CSV, table) or null (JSON).
  using Cell = std::variant<std::monostate, double, std::string>;

  struct Column {
    std::string name;
    int decimals = 3;  // for numeric cells
  };

  explicit Table(std::vector<Column> columns);

  /// Appends a row; throws std::invalid_argument if it has not one cell per column.
  void add_row(std::vector<Cell> cells);

  [[nodiscard]] const std::vector<Column>& columns() const { return columns_; }
  [[nodiscard]] const std::vector<std::vector<Cell>>& rows() const { return rows_; }

  /// The cell as text: numbers with the column's decimals, missing as "", NaN as "".
  [[nodiscard]] std::string text(std::size_t row, std::size_t column) const;

  void write(std::ostream& out, OutputFormat format) const;
  void write_csv(std::ostream& out) const;
  void write_json(std::ostream& out) const;
  void write_text(std::ostream& out) const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<Cell>> rows_;
};

}  // namespace egin
