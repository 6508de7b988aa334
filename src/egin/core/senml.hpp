// SenML (RFC 8428) JSON packs: the wire format of every reading egin receives or publishes
// (HTTP ingest, MQTT obs/status/cmd/ack, device drivers). Parsing resolves base fields (bn, bt,
// bu, bv, bs, bver) into plain records with absolute names and times; writing does the reverse.
// It must not know channels, units' meaning or storage: validation is the runtime's job.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace egin {

/// One resolved SenML record: name = bn + n, time = bt + t (RFC 8428 §4.5.3: a resolved time
/// below 2^28 s is relative to `now`), unit = u or bu, value = bv + v.
struct SenmlRecord {
  std::size_t index = 0;  // position of the record in the pack (0-based), for error reports
  std::string name;
  std::string unit;                         // empty when neither u nor bu was given
  double time_s = 0.0;                      // absolute, seconds since the Unix epoch (UTC)
  std::optional<double> value;              // v (+ bv)
  std::optional<bool> bool_value;           // vb
  std::optional<std::string> string_value;  // vs
  std::optional<double> sum;                // s (+ bs)
};

/// A record that could not be resolved (e.g. no name, a value of the wrong JSON type, two value
/// fields). The other records of the pack are still returned.
struct SenmlRecordError {
  std::size_t index = 0;
  std::string name;  // resolved name when one could be formed, else empty
  std::string reason;
};

struct SenmlPack {
  std::vector<SenmlRecord> records;
  std::vector<SenmlRecordError> errors;
};

/// Thrown when the text is not a SenML JSON pack at all (not JSON, not an array, nesting too
/// deep, an unsupported bver). what() is the reason, fit for an HTTP 400 body.
class SenmlError final : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Parses a SenML JSON pack. `now_s` resolves relative times. Limits: at most `max_records`
/// records (SenmlError beyond), names at most 256 bytes and made of the RFC 8428 §4.5.1 name
/// characters (A–Z a–z 0–9 - : . / _).
SenmlPack parse_senml_json(std::string_view text, double now_s, std::size_t max_records = 100000);

/// Writes records as a compact SenML JSON pack. When `base_name` is not empty it is written as bn
/// and stripped from names that start with it; the first record's time becomes bt.
std::string write_senml_json(const std::vector<SenmlRecord>& records,
                             std::string_view base_name = {});

}  // namespace egin
