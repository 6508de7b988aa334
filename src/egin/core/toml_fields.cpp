#include "egin/core/toml_fields.hpp"

#include <cmath>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "egin/core/input_error.hpp"

namespace egin {
namespace {

std::string format_number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string range_text(double min, double max, std::string_view unit) {
  std::string text = format_number(min) + " to " + format_number(max);
  if (!unit.empty()) {
    text += ' ';
    text += unit;
  }
  return text;
}

const char* type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
      return "a date/time";
    default:
      return "nothing";
  }
}

int line_of_node(const toml::node& node) {
  const auto line = node.source().begin.line;
  return line > 1'000'000'000u ? 0 : static_cast<int>(line);
}

}  // namespace

toml::table parse_toml_text(std::string_view text, const std::string& source_name) {
  try {
    return toml::parse(text, std::string_view(source_name));
  } catch (const toml::parse_error& e) {
    const auto line = e.source().begin.line;
    throw InputError({source_name, line > 1'000'000'000u ? 0 : static_cast<int>(line), ""},
                     "TOML syntax error: " + std::string(e.description()),
                     "valid TOML (toml.io/en/v1.0.0)");
  }
}

std::string normalize_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (const char raw : name) {
    char c = raw;
    if (c == '_' || c == '-' || c == '\t' || c == ',' || c == ';' || c == '/') {
      c = ' ';
    }
    if (c == ' ') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
    }
    pending_space = false;
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    out += c;
  }
  return out;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) {
      out += ", ";
    }
    out += n;
  }
  return out;
}

void FieldLog::add(FieldRecord record) {
  for (FieldRecord& r : records_) {
    if (r.path == record.path) {
      r = std::move(record);
      return;
    }
  }
  records_.push_back(std::move(record));
}

TomlFields::TomlFields(const toml::table& table, std::string source_name, std::string prefix,
                       FieldLog* log)
    : table_(table), source_(std::move(source_name)), prefix_(std::move(prefix)), log_(log) {}

void TomlFields::note(std::string_view key, FieldRecord::Kind kind, std::optional<double> min,
                      std::optional<double> max, std::string_view unit, bool required) const {
  if (log_ != nullptr) {
    log_->add({path_of(key), kind, min, max, std::string(unit), required});
  }
}

std::string TomlFields::path_of(std::string_view key) const {
  if (prefix_.empty()) {
    return std::string(key);
  }
  if (key.empty()) {
    return prefix_;
  }
  return prefix_ + "." + std::string(key);
}

int TomlFields::line_of(std::string_view key) const {
  if (const toml::node* node = table_.get(key)) {
    const int line = line_of_node(*node);
    if (line > 0) {
      return line;
    }
  }
  return line_of_node(table_);
}

void TomlFields::fail(std::string_view key, std::string problem, std::string expected) const {
  throw InputError({source_, line_of(key), path_of(key)}, std::move(problem), std::move(expected));
}

const toml::node& TomlFields::required(std::string_view key) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) {
    throw InputError({source_, line_of_node(table_), path_of(key)}, "missing required key",
                     "the key to be present");
  }
  return *node;
}

double TomlFields::number(std::string_view key, double min, double max,
                          std::string_view unit) const {
  note(key, FieldRecord::Kind::kNumber, min, max, unit, true);
  const toml::node& node = required(key);
  const std::optional<double> v = node.is_number() ? node.value<double>() : std::nullopt;
  if (!v) {
    fail(key, std::string("is ") + type_name(node) + ", not a number", range_text(min, max, unit));
  }
  if (!(*v >= min && *v <= max)) {
    fail(key, "value " + format_number(*v) + " is out of range", range_text(min, max, unit));
  }
  return *v;
}

std::optional<double> TomlFields::optional_number(std::string_view key, double min, double max,
                                                  std::string_view unit) const {
  if (table_.get(key) == nullptr) {
    return std::nullopt;
  }
  const double v = number(key, min, max, unit);
  note(key, FieldRecord::Kind::kNumber, min, max, unit, false);
  return v;
}

int TomlFields::integer(std::string_view key, int min, int max, std::string_view unit) const {
  note(key, FieldRecord::Kind::kInteger, min, max, unit, true);
  const toml::node& node = required(key);
  const auto* v = node.as_integer();
  if (v == nullptr) {
    fail(key, std::string("is ") + type_name(node) + ", not an integer",
         range_text(min, max, unit));
  }
  const std::int64_t value = v->get();
  if (value < min || value > max) {
    fail(key, "value " + std::to_string(value) + " is out of range", range_text(min, max, unit));
  }
  return static_cast<int>(value);
}

std::string TomlFields::text(std::string_view key) const {
  note(key, FieldRecord::Kind::kText, std::nullopt, std::nullopt, "", true);
  const toml::node& node = required(key);
  const auto* s = node.as_string();
  if (s == nullptr) {
    fail(key, std::string("is ") + type_name(node) + ", not a string", "a string");
  }
  return s->get();
}

std::optional<std::string> TomlFields::optional_text(std::string_view key) const {
  if (table_.get(key) == nullptr) {
    return std::nullopt;
  }
  std::string v = text(key);
  note(key, FieldRecord::Kind::kText, std::nullopt, std::nullopt, "", false);
  return v;
}

std::vector<std::string> TomlFields::text_list(std::string_view key) const {
  std::vector<std::string> out;
  const toml::node* node = table_.get(key);
  if (node == nullptr) {
    return out;
  }
  const auto* array = node->as_array();
  if (array == nullptr) {
    fail(key, std::string("is ") + type_name(*node) + ", not an array of strings",
         "an array of strings");
  }
  for (const toml::node& item : *array) {
    const auto* s = item.as_string();
    if (s == nullptr) {
      fail(key, std::string("holds ") + type_name(item) + ", not only strings",
           "an array of strings");
    }
    out.push_back(s->get());
  }
  return out;
}

const toml::table* TomlFields::optional_table(std::string_view key) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) {
    return nullptr;
  }
  const auto* t = node->as_table();
  if (t == nullptr) {
    fail(key, std::string("is ") + type_name(*node) + ", not a table",
         "a table [" + path_of(key) + "]");
  }
  return t;
}

std::vector<const toml::table*> TomlFields::table_array(std::string_view key) const {
  std::vector<const toml::table*> out;
  const toml::node* node = table_.get(key);
  if (node == nullptr) {
    return out;
  }
  const auto* array = node->as_array();
  if (array == nullptr) {
    fail(key, std::string("is ") + type_name(*node) + ", not an array of tables",
         "[[" + path_of(key) + "]] entries");
  }
  for (const toml::node& item : *array) {
    const auto* t = item.as_table();
    if (t == nullptr) {
      fail(key, std::string("holds ") + type_name(item) + ", not only tables",
           "[[" + path_of(key) + "]] entries");
    }
    out.push_back(t);
  }
  return out;
}

void TomlFields::reject_unknown_keys(std::initializer_list<std::string_view> accepted) const {
  for (const auto& [key, node] : table_) {
    bool known = false;
    for (const std::string_view a : accepted) {
      known = known || key.str() == a;
    }
    if (!known) {
      std::string list;
      for (const std::string_view a : accepted) {
        if (!list.empty()) {
          list += ", ";
        }
        list += a;
      }
      throw InputError({source_, line_of_node(node), path_of(key.str())}, "unknown key",
                       "one of: " + list);
    }
  }
}

std::optional<bool> TomlFields::optional_boolean(std::string_view key) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) {
    return std::nullopt;
  }
  note(key, FieldRecord::Kind::kBoolean, std::nullopt, std::nullopt, "", true);
  const auto* b = node->as_boolean();
  if (b == nullptr) {
    fail(key, "is not a boolean", "true or false");
  }
  return b->get();
}

Date TomlFields::date(std::string_view key) const {
  constexpr const char* kExpected = "a date such as 2025-04-25 (or \"YYYY-MM-DD\", \"YYYY-DOY\")";
  const toml::node* node = table_.get(key);
  if (node == nullptr) {
    fail(key, "missing required key", kExpected);
  }
  if (const auto* d = node->as_date()) {
    const toml::date v = d->get();
    try {
      return Date(v.year, v.month, v.day);
    } catch (const std::invalid_argument&) {
      fail(key, "no such day", kExpected);
    }
  }
  if (const auto* s = node->as_string()) {
    if (const auto parsed = Date::parse(s->get())) {
      return *parsed;
    }
    fail(key, "'" + s->get() + "' is not a date", kExpected);
  }
  fail(key, "is not a date", kExpected);
}

}  // namespace egin
