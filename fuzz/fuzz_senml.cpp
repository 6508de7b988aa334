// libFuzzer target: arbitrary bytes to the SenML JSON reader. egin::SenmlError is the only
// accepted failure. Every pack it accepts must survive write → parse: the same records with the
// same names, units, values, booleans, strings, sums and (absolute) times, and no new errors.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "egin/core/senml.hpp"

namespace {

constexpr double kNowS = 1.7e9;
constexpr double kTwoTo28 = 268435456.0;

void check(bool ok) {
  if (!ok) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  egin::SenmlPack pack;
  try {
    pack = egin::parse_senml_json(text, kNowS, 1000);
  } catch (const egin::SenmlError&) {
    return 0;
  }
  check(pack.records.size() + pack.errors.size() <= 1000);
  for (const auto& r : pack.records) {
    check(!r.name.empty() && r.name.size() <= 256);
    check(std::isfinite(r.time_s));
  }
  // Base name: the first record's name up to its last '/', so that bn is exercised.
  std::string base;
  if (!pack.records.empty()) {
    const std::string& first = pack.records.front().name;
    base = first.substr(0, first.rfind('/') == std::string::npos ? 0 : first.rfind('/') + 1);
  }
  const std::string written = egin::write_senml_json(pack.records, base);
  egin::SenmlPack back;
  try {
    back = egin::parse_senml_json(written, kNowS, 1000);
  } catch (const egin::SenmlError&) {
    std::abort();  // egin's own output must always be a pack
  }
  check(back.errors.empty());
  check(back.records.size() == pack.records.size());
  for (std::size_t i = 0; i < back.records.size(); ++i) {
    const egin::SenmlRecord& a = pack.records[i];
    const egin::SenmlRecord& b = back.records[i];
    check(b.name == a.name);
    check(b.unit == a.unit);
    check(b.value == a.value);
    check(b.bool_value == a.bool_value);
    check(b.string_value == a.string_value);
    check(b.sum == a.sum);
    // Times before 2^28 s cannot be written as absolute SenML times (they read as relative).
    if (a.time_s >= kTwoTo28) {
      check(b.time_s == a.time_s);
    }
  }
  return 0;
}
