// SenML JSON (RFC 8428) reading and writing. The reader is a SAX handler on nlohmann_json: it
// sees the pack as a stream of events, so it can refuse a pack early (not an array, nesting,
// too many records, an unsupported bver) without building a document, and it can tell
// duplicate fields apart. Base fields (RFC 8428 §4.1) are carried from record to record; a base
// field of the wrong type does not end the pack but makes every later record that would need
// it an error, until a record sets that base field again.
#include "egin/core/senml.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace egin {
namespace {

using Json = nlohmann::json;

// RFC 8428 §4.5.3: resolved times below 2^28 s are relative to "now".
constexpr double kRelativeTimeLimitS = 268435456.0;  // 2^28
// RFC 8428 §4.4: this is SenML version 10; higher versions must not be used.
constexpr double kSupportedVersion = 10.0;
constexpr std::size_t kMaxNameBytes = 256;

enum Field : std::size_t {
  kBn,
  kBt,
  kBu,
  kBv,
  kBs,
  kBver,
  kN,
  kU,
  kV,
  kVs,
  kVb,
  kVd,
  kS,
  kT,
  kUt,
  kFieldCount
};

constexpr std::array<std::string_view, kFieldCount> kLabels = {
    "bn", "bt", "bu", "bv", "bs", "bver", "n", "u", "v", "vs", "vb", "vd", "s", "t", "ut"};

enum class Kind { none, null, boolean, number, string };

struct Scalar {
  Kind kind = Kind::none;
  bool boolean = false;
  double number = 0.0;
  std::string text;
};

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::null:
      return "null";
    case Kind::boolean:
      return "a boolean";
    case Kind::number:
      return "a number";
    case Kind::string:
      return "a string";
    case Kind::none:
      break;
  }
  return "absent";
}

Kind expected_kind(std::size_t field) {
  switch (field) {
    case kBn:
    case kBu:
    case kN:
    case kU:
    case kVs:
    case kVd:
      return Kind::string;
    case kVb:
      return Kind::boolean;
    default:
      return Kind::number;
  }
}

std::string field_name(std::size_t field) { return std::string(kLabels[field]); }

bool is_alnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// RFC 8428 §4.5.1: A–Z a–z 0–9 - : . / _, starting with a letter or digit.
std::string name_problem(const std::string& name) {
  if (name.empty()) {
    return "no name: n and bn are both absent or empty";
  }
  if (name.size() > kMaxNameBytes) {
    return "name is " + std::to_string(name.size()) + " bytes long (at most " +
           std::to_string(kMaxNameBytes) + ")";
  }
  if (!is_alnum(name.front())) {
    return "name '" + name + "' must start with a letter or a digit (RFC 8428 §4.5.1)";
  }
  for (const char c : name) {
    if (!(is_alnum(c) || c == '-' || c == ':' || c == '.' || c == '/' || c == '_')) {
      return "name '" + name + "' has a character outside A-Z a-z 0-9 - : . / _ (RFC 8428 §4.5.1)";
    }
  }
  return {};
}

// A base field as carried from record to record: its value, or why the last record that set
// it set it wrong.
template <typename T>
struct Base {
  std::optional<T> value;
  std::string bad;  // not empty: the last setting was invalid
};

class PackReader final : public nlohmann::json_sax<Json> {
 public:
  PackReader(double now_s, std::size_t max_records) : now_s_(now_s), max_records_(max_records) {}

  SenmlPack pack;
  std::string failure;  // not empty: the whole pack is rejected

  bool null() override { return scalar(Scalar{Kind::null, false, 0.0, {}}); }
  bool boolean(bool val) override { return scalar(Scalar{Kind::boolean, val, 0.0, {}}); }
  bool number_integer(number_integer_t val) override {
    return scalar(Scalar{Kind::number, false, static_cast<double>(val), {}});
  }
  bool number_unsigned(number_unsigned_t val) override {
    return scalar(Scalar{Kind::number, false, static_cast<double>(val), {}});
  }
  bool number_float(number_float_t val, const string_t& /*text*/) override {
    return scalar(Scalar{Kind::number, false, val, {}});
  }
  bool string(string_t& val) override {
    return scalar(Scalar{Kind::string, false, 0.0, std::move(val)});
  }
  bool binary(binary_t& /*val*/) override { return fail("not JSON: binary value"); }

  bool start_object(std::size_t /*elements*/) override {
    if (depth_ == 0) {
      return fail("not a SenML pack: the JSON text is an object, not an array of records");
    }
    if (depth_ == 1) {
      if (!next_record()) {
        return false;
      }
      fields_ = {};
      record_error_.clear();
      key_ = kFieldCount;
      depth_ = 2;
      return true;
    }
    return fail(nesting_message("an object"));
  }

  bool key(string_t& val) override {
    key_ = kFieldCount;
    for (std::size_t i = 0; i < kFieldCount; ++i) {
      if (val == kLabels[i]) {
        key_ = i;
      }
    }
    key_text_ = val;
    if (key_ == kFieldCount) {
      // RFC 8428 §4.4: unknown labels ending in '_' must be understood; others are ignored.
      if (!val.empty() && val.back() == '_') {
        return fail("record " + std::to_string(index_) + ": field '" + val +
                    "' must be understood (RFC 8428 §4.4) and egin does not know it");
      }
      return true;
    }
    if (fields_[key_].kind != Kind::none) {
      set_record_error("field '" + val + "' appears twice");
    }
    return true;
  }

  bool end_object() override {
    depth_ = 1;
    return resolve_record();
  }

  bool start_array(std::size_t /*elements*/) override {
    if (depth_ == 0) {
      depth_ = 1;
      return true;
    }
    if (depth_ == 1) {
      if (!next_record()) {
        return false;
      }
      return fail("record " + std::to_string(index_) +
                  " is an array; SenML records are flat JSON objects");
    }
    return fail(nesting_message("an array"));
  }

  bool end_array() override {
    depth_ = 0;
    return true;
  }

  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& ex) override {
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at …" → "parse error at …"
    if (const auto end = what.find("] ");
        !what.empty() && what.front() == '[' && end != std::string::npos) {
      what.erase(0, end + 2);
    }
    return fail("not JSON: " + what);
  }

 private:
  bool fail(std::string reason) {
    if (failure.empty()) {
      failure = std::move(reason);
    }
    return false;
  }

  std::string nesting_message(const char* what) const {
    return "record " + std::to_string(index_) + ": field '" + key_text_ + "' is " + what +
           "; SenML records are flat JSON objects";
  }

  // Counts one more element of the top array; false (pack rejected) past the limit.
  bool next_record() {
    index_ = count_;
    ++count_;
    if (count_ > max_records_) {
      return fail("more than " + std::to_string(max_records_) + " records in one pack");
    }
    return true;
  }

  void set_record_error(std::string reason) {
    if (record_error_.empty()) {
      record_error_ = std::move(reason);
    }
  }

  bool scalar(Scalar value) {
    if (depth_ == 0) {
      return fail(std::string("not a SenML pack: the JSON text is ") + kind_name(value.kind) +
                  ", not an array of records");
    }
    if (depth_ == 1) {
      if (!next_record()) {
        return false;
      }
      pack.errors.push_back(
          {index_, {}, std::string("record is ") + kind_name(value.kind) + ", not an object"});
      return true;
    }
    if (key_ != kFieldCount && fields_[key_].kind == Kind::none) {
      fields_[key_] = std::move(value);
    }
    return true;
  }

  // The field's problem when it is present with the wrong type or a non-finite number.
  std::string type_problem(std::size_t field) const {
    const Scalar& f = fields_[field];
    if (f.kind == Kind::none) {
      return {};
    }
    const Kind want = expected_kind(field);
    if (f.kind != want) {
      return "field '" + field_name(field) + "' is " + kind_name(f.kind) + ", not " +
             kind_name(want);
    }
    if (want == Kind::number && !std::isfinite(f.number)) {
      return "field '" + field_name(field) + "' is not a finite number";
    }
    return {};
  }

  bool check_version() {
    const Scalar& f = fields_[kBver];
    if (f.kind == Kind::none) {
      return true;
    }
    if (f.kind != Kind::number || !(f.number >= 1.0) || f.number != std::floor(f.number)) {
      return fail("record " + std::to_string(index_) +
                  ": bver must be a positive integer (RFC 8428 §4.4)");
    }
    if (f.number > kSupportedVersion) {
      return fail("unsupported SenML version bver " + fmt::format("{}", f.number) +
                  " (egin reads version 10, RFC 8428)");
    }
    if (version_ && *version_ != f.number) {
      return fail("record " + std::to_string(index_) +
                  ": bver differs from an earlier record (RFC 8428 §4.4: one version per pack)");
    }
    version_ = f.number;
    return true;
  }

  template <typename T, typename Get>
  void update_base(Base<T>& base, std::size_t field, Get get) {
    if (fields_[field].kind == Kind::none) {
      return;
    }
    std::string problem = type_problem(field);
    if (problem.empty()) {
      base.value = get(fields_[field]);
      base.bad.clear();
    } else {
      set_record_error(problem);
      base.value.reset();
      base.bad = "base field '" + field_name(field) + "' set by record " + std::to_string(index_) +
                 " is invalid";
    }
  }

  bool resolve_record() {
    if (!check_version()) {
      return false;
    }
    const auto text = [](const Scalar& f) { return f.text; };
    const auto number = [](const Scalar& f) { return f.number; };
    update_base(base_name_, kBn, text);
    update_base(base_time_, kBt, number);
    update_base(base_unit_, kBu, text);
    update_base(base_value_, kBv, number);
    update_base(base_sum_, kBs, number);
    for (const std::size_t field : {kN, kU, kV, kVs, kVb, kVd, kS, kT, kUt}) {
      set_record_error(type_problem(field));
    }

    SenmlRecord r;
    r.index = index_;
    std::string name_known;
    if (!base_name_.bad.empty()) {
      set_record_error(base_name_.bad);
    } else {
      r.name = base_name_.value.value_or("");
      if (fields_[kN].kind == Kind::string) {
        r.name += fields_[kN].text;
      }
      if (r.name.size() <= kMaxNameBytes) {
        name_known = r.name;
      }
      set_record_error(name_problem(r.name));
    }

    int value_fields = 0;
    std::string value_labels;
    for (const std::size_t field : {kV, kVs, kVb, kVd}) {
      if (fields_[field].kind != Kind::none) {
        ++value_fields;
        value_labels += value_labels.empty() ? field_name(field) : " and " + field_name(field);
      }
    }
    if (value_fields > 1) {
      set_record_error("more than one value field (" + value_labels + ")");
    }

    // RFC 8428 §4.5.4: sum = bs + s when either is present.
    if (fields_[kS].kind != Kind::none || base_sum_.value || !base_sum_.bad.empty()) {
      if (!base_sum_.bad.empty()) {
        set_record_error(base_sum_.bad);
      } else if (fields_[kS].kind == Kind::number || fields_[kS].kind == Kind::none) {
        const double sum = base_sum_.value.value_or(0.0) +
                           (fields_[kS].kind == Kind::number ? fields_[kS].number : 0.0);
        if (std::isfinite(sum)) {
          r.sum = sum;
        } else {
          set_record_error("resolved sum bs + s is not finite");
        }
      }
    }
    if (value_fields == 0 && !r.sum) {
      set_record_error("no value (v, vs, vb or vd) and no sum (s)");
    }

    if (fields_[kV].kind == Kind::number) {
      if (!base_value_.bad.empty()) {
        set_record_error(base_value_.bad);
      } else {
        const double value = base_value_.value.value_or(0.0) + fields_[kV].number;
        if (std::isfinite(value)) {
          r.value = value;
        } else {
          set_record_error("resolved value bv + v is not finite");
        }
      }
    }
    if (fields_[kVb].kind == Kind::boolean) {
      r.bool_value = fields_[kVb].boolean;
    }
    if (fields_[kVs].kind == Kind::string) {
      r.string_value = fields_[kVs].text;
    }

    if (fields_[kU].kind == Kind::string) {
      r.unit = fields_[kU].text;
    } else if (!base_unit_.bad.empty()) {
      set_record_error(base_unit_.bad);
    } else {
      r.unit = base_unit_.value.value_or("");
    }

    if (!base_time_.bad.empty()) {
      set_record_error(base_time_.bad);
    } else {
      // RFC 8428 §4.5.3: time = bt + t; below 2^28 it counts from now.
      double time_s = base_time_.value.value_or(0.0) +
                      (fields_[kT].kind == Kind::number ? fields_[kT].number : 0.0);
      if (std::isfinite(time_s) && time_s < kRelativeTimeLimitS) {
        time_s += now_s_;
      }
      if (std::isfinite(time_s)) {
        r.time_s = time_s;
      } else {
        set_record_error("resolved time bt + t is not finite");
      }
    }

    if (record_error_.empty()) {
      pack.records.push_back(std::move(r));
    } else {
      pack.errors.push_back({index_, name_known, record_error_});
    }
    return true;
  }

  double now_s_;
  std::size_t max_records_;
  int depth_ = 0;
  std::size_t count_ = 0;
  std::size_t index_ = 0;
  std::array<Scalar, kFieldCount> fields_{};
  std::size_t key_ = kFieldCount;
  std::string key_text_;
  std::string record_error_;
  std::optional<double> version_;
  Base<std::string> base_name_;
  Base<double> base_time_;
  Base<std::string> base_unit_;
  Base<double> base_value_;
  Base<double> base_sum_;
};

}  // namespace

SenmlPack parse_senml_json(std::string_view text, double now_s, std::size_t max_records) {
  PackReader reader(now_s, max_records);
  bool ok = false;
  try {
    ok = Json::sax_parse(text.begin(), text.end(), &reader, Json::input_format_t::json, true);
  } catch (const std::exception& e) {
    // nlohmann reports syntax errors through parse_error(); anything thrown is still a bad pack.
    throw SenmlError(std::string("not JSON: ") + e.what());
  }
  if (!ok || !reader.failure.empty()) {
    throw SenmlError(reader.failure.empty() ? "not a SenML JSON pack" : reader.failure);
  }
  return std::move(reader.pack);
}

std::string write_senml_json(const std::vector<SenmlRecord>& records, std::string_view base_name) {
  nlohmann::ordered_json pack = nlohmann::ordered_json::array();
  std::string current_base;  // the bn a reader has in effect
  std::optional<double> base_time;
  for (const SenmlRecord& r : records) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    std::string_view name = r.name;
    std::string_view wanted_base;
    if (!base_name.empty() && name.substr(0, base_name.size()) == base_name) {
      wanted_base = base_name;
      name.remove_prefix(base_name.size());
    }
    if (wanted_base != current_base) {
      current_base = std::string(wanted_base);
      out["bn"] = current_base;
    }
    // bt = the first record's time; later records carry t = time - bt when that adds back
    // exactly (it does whenever both times are within a factor of two), else a new bt.
    std::optional<double> t;
    if (base_time) {
      const double dt = r.time_s - *base_time;
      if (*base_time + dt == r.time_s) {
        t = dt;
      }
    }
    if (!t) {
      base_time = r.time_s;
      out["bt"] = r.time_s;
    }
    if (!name.empty()) {
      out["n"] = std::string(name);
    }
    if (!r.unit.empty()) {
      out["u"] = r.unit;
    }
    if (r.value) {
      out["v"] = *r.value;
    }
    if (r.bool_value) {
      out["vb"] = *r.bool_value;
    }
    if (r.string_value) {
      out["vs"] = *r.string_value;
    }
    if (r.sum) {
      out["s"] = *r.sum;
    }
    if (t && *t != 0.0) {
      out["t"] = *t;
    }
    pack.push_back(std::move(out));
  }
  return pack.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace egin
