// TomlFields: reads the keys of one TOML table with range checks, and turns every problem (a
// syntax error, a missing or unknown key, a value out of range) into egin::InputError naming the
// file, the line toml++ reports, the dotted key and the accepted range. Also the one rule for
// comparing names (crops, soils, variants, aliases). It knows no file layout: crops/crop_toml.cpp,
// soils/soil_toml.cpp and fieldwater/field_config.cpp hold theirs.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/core/date.hpp"

#include <toml++/toml.h>

namespace egin {

/// Parses TOML text; a syntax error becomes InputError at the line toml++ reports.
toml::table parse_toml_text(std::string_view text, const std::string& source_name);

/// ASCII lower case, '_' '-' ',' ';' '/' and tabs as spaces, runs of spaces collapsed, ends
/// trimmed:
/// "Sweet_Pepper " and "sweet pepper" compare equal.
std::string normalize_name(std::string_view name);

/// Joins names as "a, b, c" for messages.
std::string join_names(const std::vector<std::string>& names);

/// What a reader asked of one key it read: the dotted path, the kind of value, the accepted
/// range and unit, and whether the key must be there. A FieldLog collects them as a file is read,
/// so that a description of the file (a JSON Schema, control/settings_schema.hpp) comes from the
/// reader itself and cannot drift from it.
struct FieldRecord {
  enum class Kind { kNumber, kInteger, kText, kBoolean };
  std::string path;  // "bands[0].t_heat_c"
  Kind kind = Kind::kNumber;
  std::optional<double> min;
  std::optional<double> max;
  std::string unit;  // as the reader gives it: "°C", "(fraction 0–1)", "kg/ha/d (0 = none)"
  bool required = true;
};

class FieldLog final {
 public:
  /// Adds a record; one with the same path replaces the earlier one (in its place).
  void add(FieldRecord record);
  [[nodiscard]] const std::vector<FieldRecord>& records() const { return records_; }

 private:
  std::vector<FieldRecord> records_;
};

class TomlFields final {
 public:
  /// `prefix` is the dotted path of `table` in the file ("" for the root, "stages[2]"). With a
  /// `log`, every key read through number(), integer(), text() and the optional_ and boolean
  /// readers is recorded there (an optional key only when present).
  TomlFields(const toml::table& table, std::string source_name, std::string prefix,
             FieldLog* log = nullptr);

  [[nodiscard]] double number(std::string_view key, double min, double max,
                              std::string_view unit) const;
  [[nodiscard]] std::optional<double> optional_number(std::string_view key, double min, double max,
                                                      std::string_view unit) const;
  [[nodiscard]] int integer(std::string_view key, int min, int max, std::string_view unit) const;
  [[nodiscard]] std::string text(std::string_view key) const;
  [[nodiscard]] std::optional<std::string> optional_text(std::string_view key) const;
  [[nodiscard]] std::vector<std::string> text_list(std::string_view key) const;
  /// true/false, or nullopt when absent; InputError when not a boolean.
  [[nodiscard]] std::optional<bool> optional_boolean(std::string_view key) const;
  /// A TOML date (2025-04-25) or a string "YYYY-MM-DD" / "YYYY-DOY"; InputError when absent or
  /// not a real day.
  [[nodiscard]] Date date(std::string_view key) const;
  /// The sub-table `key`, or nullptr when absent; InputError if present but not a table.
  [[nodiscard]] const toml::table* optional_table(std::string_view key) const;
  /// The array of tables `key` ([[key]]); empty when absent.
  [[nodiscard]] std::vector<const toml::table*> table_array(std::string_view key) const;
  /// Rejects any key not in `accepted`, listing the accepted ones.
  void reject_unknown_keys(std::initializer_list<std::string_view> accepted) const;

  /// Line of `key` (or of the table when the key is absent; 0 if unknown).
  [[nodiscard]] int line_of(std::string_view key) const;
  [[nodiscard]] std::string path_of(std::string_view key) const;
  [[nodiscard]] const std::string& source_name() const { return source_; }
  /// The log given at construction (nullptr: none), for the readers of sub-tables.
  [[nodiscard]] FieldLog* log() const { return log_; }
  /// Throws InputError at `key` with `problem` and `expected`.
  [[noreturn]] void fail(std::string_view key, std::string problem,
                         std::string expected = {}) const;

 private:
  [[nodiscard]] const toml::node& required(std::string_view key) const;
  void note(std::string_view key, FieldRecord::Kind kind, std::optional<double> min,
            std::optional<double> max, std::string_view unit, bool required) const;

  const toml::table& table_;
  std::string source_;
  std::string prefix_;
  FieldLog* log_ = nullptr;
};

}  // namespace egin
