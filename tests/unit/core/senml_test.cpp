// SenML JSON (RFC 8428): the examples of RFC 8428 §5 resolved as the RFC resolves them, base
// value and sum, per-record errors that leave the rest of the pack alone, whole-pack rejections,
// limits, and a write → parse round trip over random records.
#include "egin/core/senml.hpp"

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace egin {
namespace {

constexpr double kNowS = 1.7e9;  // 2023-11-14T22:13:20Z
constexpr double kTwoTo28 = 268435456.0;

std::string rejection(std::string_view text, std::size_t max_records = 100000) {
  try {
    (void)parse_senml_json(text, kNowS, max_records);
  } catch (const SenmlError& e) {
    return e.what();
  }
  return "(accepted)";
}

// RFC 8428 §5.1.1.
TEST(Senml, Rfc8428SingleDatapoint) {
  const SenmlPack p =
      parse_senml_json(R"([{"n":"urn:dev:ow:10e2073a01080063","u":"Cel","v":23.1}])", kNowS);
  ASSERT_EQ(p.records.size(), 1U);
  EXPECT_TRUE(p.errors.empty());
  const SenmlRecord& r = p.records[0];
  EXPECT_EQ(r.index, 0U);
  EXPECT_EQ(r.name, "urn:dev:ow:10e2073a01080063");
  EXPECT_EQ(r.unit, "Cel");
  ASSERT_TRUE(r.value);
  EXPECT_DOUBLE_EQ(*r.value, 23.1);
  EXPECT_DOUBLE_EQ(r.time_s, kNowS);  // no time: "roughly now" (§4.5.3)
  EXPECT_FALSE(r.sum);
  EXPECT_FALSE(r.bool_value);
  EXPECT_FALSE(r.string_value);
}

// RFC 8428 §5.1.2, first pack: base name, units per record, no time.
TEST(Senml, Rfc8428MultipleDatapointsNow) {
  const SenmlPack p = parse_senml_json(R"([
    {"bn":"urn:dev:ow:10e2073a01080063:","n":"voltage","u":"V","v":120.1},
    {"n":"current","u":"A","v":1.2}])",
                                       kNowS);
  ASSERT_EQ(p.records.size(), 2U);
  EXPECT_EQ(p.records[0].name, "urn:dev:ow:10e2073a01080063:voltage");
  EXPECT_EQ(p.records[0].unit, "V");
  EXPECT_DOUBLE_EQ(*p.records[0].value, 120.1);
  EXPECT_EQ(p.records[1].name, "urn:dev:ow:10e2073a01080063:current");
  EXPECT_EQ(p.records[1].unit, "A");
  EXPECT_DOUBLE_EQ(*p.records[1].value, 1.2);
  EXPECT_DOUBLE_EQ(p.records[1].time_s, kNowS);
}

// RFC 8428 §5.1.2, second pack: base time, base unit, bver 5, negative t from bt.
TEST(Senml, Rfc8428MultipleDatapointsWithBaseTime) {
  const SenmlPack p = parse_senml_json(R"([
    {"bn":"urn:dev:ow:10e2073a0108006:","bt":1.276020076001e+09,
     "bu":"A","bver":5,"n":"voltage","u":"V","v":120.1},
    {"n":"current","t":-5,"v":1.2},
    {"n":"current","t":-4,"v":1.3},
    {"n":"current","t":-3,"v":1.4},
    {"n":"current","t":-2,"v":1.5},
    {"n":"current","t":-1,"v":1.6},
    {"n":"current","v":1.7}])",
                                       kNowS);
  ASSERT_EQ(p.records.size(), 7U);
  ASSERT_TRUE(p.errors.empty());
  EXPECT_EQ(p.records[0].name, "urn:dev:ow:10e2073a0108006:voltage");
  EXPECT_EQ(p.records[0].unit, "V");  // u wins over bu
  EXPECT_DOUBLE_EQ(p.records[0].time_s, 1276020076.001);
  const double values[] = {1.2, 1.3, 1.4, 1.5, 1.6, 1.7};
  for (std::size_t i = 1; i < 7; ++i) {
    const SenmlRecord& r = p.records[i];
    EXPECT_EQ(r.index, i);
    EXPECT_EQ(r.name, "urn:dev:ow:10e2073a0108006:current");
    EXPECT_EQ(r.unit, "A");  // bu
    // Tue Jun 8 18:01:16.001 UTC 2010 and each second for the previous 5 seconds.
    EXPECT_NEAR(r.time_s, 1276020076.001 - static_cast<double>(6 - i), 1e-6);
    EXPECT_DOUBLE_EQ(*r.value, values[i - 1]);
  }
}

// RFC 8428 §5.1.3 (compact) and §5.1.4 (the same data resolved) must read the same.
TEST(Senml, Rfc8428MultipleMeasurementsResolveAsTheRfcResolvedExample) {
  const SenmlPack compact = parse_senml_json(R"([
    {"bn":"urn:dev:ow:10e2073a01080063","bt":1.320067464e+09,"bu":"%RH","v":20},
    {"u":"lon","v":24.30621},
    {"u":"lat","v":60.07965},
    {"t":60,"v":20.3},
    {"u":"lon","t":60,"v":24.30622},
    {"u":"lat","t":60,"v":60.07965},
    {"t":120,"v":20.7},
    {"u":"lon","t":120,"v":24.30623},
    {"u":"lat","t":120,"v":60.07966},
    {"u":"%EL","t":150,"v":98},
    {"t":180,"v":21.2},
    {"u":"lon","t":180,"v":24.30628},
    {"u":"lat","t":180,"v":60.07967}])",
                                             kNowS);
  const SenmlPack resolved = parse_senml_json(R"([
    {"n":"urn:dev:ow:10e2073a01080063","u":"%RH","t":1.320067464e+09,"v":20},
    {"n":"urn:dev:ow:10e2073a01080063","u":"lon","t":1.320067464e+09,"v":24.30621},
    {"n":"urn:dev:ow:10e2073a01080063","u":"lat","t":1.320067464e+09,"v":60.07965},
    {"n":"urn:dev:ow:10e2073a01080063","u":"%RH","t":1.320067524e+09,"v":20.3},
    {"n":"urn:dev:ow:10e2073a01080063","u":"lon","t":1.320067524e+09,"v":24.30622},
    {"n":"urn:dev:ow:10e2073a01080063","u":"lat","t":1.320067524e+09,"v":60.07965},
    {"n":"urn:dev:ow:10e2073a01080063","u":"%RH","t":1.320067584e+09,"v":20.7},
    {"n":"urn:dev:ow:10e2073a01080063","u":"lon","t":1.320067584e+09,"v":24.30623},
    {"n":"urn:dev:ow:10e2073a01080063","u":"lat","t":1.320067584e+09,"v":60.07966},
    {"n":"urn:dev:ow:10e2073a01080063","u":"%EL","t":1.320067614e+09,"v":98},
    {"n":"urn:dev:ow:10e2073a01080063","u":"%RH","t":1.320067644e+09,"v":21.2},
    {"n":"urn:dev:ow:10e2073a01080063","u":"lon","t":1.320067644e+09,"v":24.30628},
    {"n":"urn:dev:ow:10e2073a01080063","u":"lat","t":1.320067644e+09,"v":60.07967}])",
                                              kNowS);
  ASSERT_EQ(compact.records.size(), 13U);
  ASSERT_EQ(resolved.records.size(), 13U);
  EXPECT_TRUE(compact.errors.empty());
  for (std::size_t i = 0; i < 13; ++i) {
    const SenmlRecord& a = compact.records[i];
    const SenmlRecord& b = resolved.records[i];
    EXPECT_EQ(a.name, b.name) << i;
    EXPECT_EQ(a.unit, b.unit) << i;
    EXPECT_DOUBLE_EQ(a.time_s, b.time_s) << i;
    EXPECT_DOUBLE_EQ(*a.value, *b.value) << i;
  }
  // Mon Oct 31 13:24:24 UTC 2011 plus 150 s: the battery record.
  EXPECT_EQ(compact.records[9].unit, "%EL");
  EXPECT_DOUBLE_EQ(compact.records[9].time_s, 1320067614.0);
}

TEST(Senml, BaseValueAndBaseSumAddToEveryLaterRecord) {
  const SenmlPack p = parse_senml_json(R"([
    {"bn":"gh1/node1/","bv":100,"bs":50,"n":"x","v":1.5,"s":2},
    {"n":"y","v":-0.5},
    {"n":"z","vb":true},
    {"bv":0,"bs":0,"n":"w","v":7,"s":1}])",
                                       kNowS);
  ASSERT_EQ(p.records.size(), 4U);
  EXPECT_EQ(p.records[0].name, "gh1/node1/x");
  EXPECT_DOUBLE_EQ(*p.records[0].value, 101.5);
  EXPECT_DOUBLE_EQ(*p.records[0].sum, 52.0);
  EXPECT_DOUBLE_EQ(*p.records[1].value, 99.5);
  EXPECT_DOUBLE_EQ(*p.records[1].sum, 50.0);  // bs alone is the sum (RFC 8428 §4.5.4)
  EXPECT_FALSE(p.records[2].value);           // bv applies to v only
  EXPECT_TRUE(*p.records[2].bool_value);
  EXPECT_DOUBLE_EQ(*p.records[2].sum, 50.0);
  EXPECT_DOUBLE_EQ(*p.records[3].value, 7.0);
  EXPECT_DOUBLE_EQ(*p.records[3].sum, 1.0);
}

TEST(Senml, SumAloneIsARecordAndStringValuesPassThrough) {
  const SenmlPack p = parse_senml_json(
      R"([{"n":"rain","u":"mm","s":12.5,"t":-60},{"n":"mode","vs":"auto \u00e9"}])", kNowS);
  ASSERT_EQ(p.records.size(), 2U);
  EXPECT_FALSE(p.records[0].value);
  EXPECT_DOUBLE_EQ(*p.records[0].sum, 12.5);
  EXPECT_DOUBLE_EQ(p.records[0].time_s, kNowS - 60.0);
  EXPECT_EQ(*p.records[1].string_value, "auto \xc3\xa9");
}

TEST(Senml, RelativeTimesBelowTwoTo28CountFromNow) {
  const SenmlPack p = parse_senml_json(R"([
    {"n":"a","v":1,"t":-86400},
    {"n":"a","v":1,"t":268435455},
    {"n":"a","v":1,"t":268435456},
    {"bt":268435000,"n":"a","v":1,"t":456},
    {"n":"a","v":1,"t":455.5}])",
                                       kNowS);
  ASSERT_EQ(p.records.size(), 5U);
  EXPECT_DOUBLE_EQ(p.records[0].time_s, kNowS - 86400.0);
  EXPECT_DOUBLE_EQ(p.records[1].time_s, kNowS + kTwoTo28 - 1.0);  // relative, in the future
  EXPECT_DOUBLE_EQ(p.records[2].time_s, kTwoTo28);                // absolute from 2^28 on
  EXPECT_DOUBLE_EQ(p.records[3].time_s, kTwoTo28);                // bt + t = 2^28: absolute
  EXPECT_DOUBLE_EQ(p.records[4].time_s, kNowS + kTwoTo28 - 0.5);  // bt + t < 2^28: relative
}

TEST(Senml, BadRecordsGoToErrorsAndTheOthersStillParse) {
  const SenmlPack p = parse_senml_json(R"([
    {"n":"good1","v":1},
    {"n":"b","v":"12"},
    {"n":"c","v":1,"vs":"x"},
    {"n":"d"},
    {"n":"bad name!","v":1},
    {"n":"e","vs":"x","vb":true},
    5,
    {"n":"","v":1},
    {"n":"f","v":1,"v":2},
    {"n":"g","vb":1},
    {"n":"_h","v":1},
    {"n":"i","v":null},
    {"n":"j","v":1,"t":"now"},
    {"n":"k","v":1,"u":5},
    {"n":"good2","v":2,"unknown_label":"ignored"}])",
                                       kNowS);
  ASSERT_EQ(p.records.size(), 2U);
  EXPECT_EQ(p.records[0].name, "good1");
  EXPECT_EQ(p.records[1].name, "good2");
  EXPECT_EQ(p.records[1].index, 14U);
  ASSERT_EQ(p.errors.size(), 13U);
  const std::vector<std::pair<std::size_t, std::string>> expected = {
      {1, "field 'v' is a string, not a number"},
      {2, "more than one value field (v and vs)"},
      {3, "no value (v, vs, vb or vd) and no sum (s)"},
      {4, "name 'bad name!' has a character outside A-Z a-z 0-9 - : . / _ (RFC 8428 §4.5.1)"},
      {5, "more than one value field (vs and vb)"},
      {6, "record is a number, not an object"},
      {7, "no name: n and bn are both absent or empty"},
      {8, "field 'v' appears twice"},
      {9, "field 'vb' is a number, not a boolean"},
      {10, "name '_h' must start with a letter or a digit (RFC 8428 §4.5.1)"},
      {11, "field 'v' is null, not a number"},
      {12, "field 't' is a string, not a number"},
      {13, "field 'u' is a number, not a string"},
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(p.errors[i].index, expected[i].first) << i;
    EXPECT_EQ(p.errors[i].reason, expected[i].second) << i;
  }
  EXPECT_EQ(p.errors[0].name, "b");  // the resolved name when one could be formed
  EXPECT_EQ(p.errors[5].name, "");
}

TEST(Senml, AnInvalidBaseFieldSpoilsTheRecordsThatNeedItUntilItIsSetAgain) {
  const SenmlPack p = parse_senml_json(R"([
    {"bt":"yesterday","n":"a","v":1},
    {"n":"b","v":2},
    {"bt":1.7e9,"n":"c","v":3},
    {"bn":7,"n":"d","v":4},
    {"bu":"Cel","n":"e","v":5},
    {"bn":"x/","n":"f","v":6}])",
                                       kNowS);
  ASSERT_EQ(p.records.size(), 2U);
  EXPECT_EQ(p.records[0].name, "c");
  EXPECT_EQ(p.records[1].name, "x/f");
  EXPECT_EQ(p.records[1].unit, "Cel");  // bu of the spoiled-name record still applies
  ASSERT_EQ(p.errors.size(), 4U);
  EXPECT_EQ(p.errors[0].reason, "field 'bt' is a string, not a number");
  EXPECT_EQ(p.errors[1].reason, "base field 'bt' set by record 0 is invalid");
  EXPECT_EQ(p.errors[2].reason, "field 'bn' is a number, not a string");
  EXPECT_EQ(p.errors[3].reason, "base field 'bn' set by record 3 is invalid");
}

TEST(Senml, NonFiniteResolvedValuesAreRecordErrors) {
  const SenmlPack p = parse_senml_json(R"([
    {"bv":1.7e308,"n":"a","v":1.7e308},
    {"bt":1.7e308,"n":"b","v":1,"t":1.7e308},
    {"bs":1.7e308,"n":"c","s":1.7e308}])",
                                       kNowS);
  EXPECT_TRUE(p.records.empty());
  ASSERT_EQ(p.errors.size(), 3U);
  EXPECT_EQ(p.errors[0].reason, "resolved value bv + v is not finite");
  EXPECT_EQ(p.errors[1].reason, "resolved time bt + t is not finite");
  EXPECT_EQ(p.errors[2].reason, "resolved sum bs + s is not finite");
}

TEST(Senml, WholePackRejections) {
  EXPECT_NE(rejection("").find("not JSON: parse error"), std::string::npos);
  EXPECT_NE(rejection("[{\"n\":\"a\",\"v\":1}").find("not JSON"), std::string::npos);
  EXPECT_NE(rejection("[{\"n\":\"a\",\"v\":1}] x").find("not JSON"), std::string::npos);
  // A number beyond the double range cannot be read at all (nlohmann_json stops there).
  EXPECT_EQ(rejection(R"([{"n":"a","v":1e999}])"), "not JSON: number overflow parsing '1e999'");
  EXPECT_EQ(rejection(R"({"n":"a","v":1})"),
            "not a SenML pack: the JSON text is an object, not an array of records");
  EXPECT_EQ(rejection("42"),
            "not a SenML pack: the JSON text is a number, not an array of records");
  EXPECT_EQ(rejection(R"([{"n":"a","v":[1]}])"),
            "record 0: field 'v' is an array; SenML records are flat JSON objects");
  EXPECT_EQ(rejection(R"([{"n":"a","v":1},{"n":"a","x":{"v":1}}])"),
            "record 1: field 'x' is an object; SenML records are flat JSON objects");
  EXPECT_EQ(rejection(R"([[{"n":"a","v":1}]])"),
            "record 0 is an array; SenML records are flat JSON objects");
  EXPECT_EQ(rejection(R"([{"bver":11,"n":"a","v":1}])"),
            "unsupported SenML version bver 11 (egin reads version 10, RFC 8428)");
  EXPECT_EQ(rejection(R"([{"bver":2.5,"n":"a","v":1}])"),
            "record 0: bver must be a positive integer (RFC 8428 §4.4)");
  EXPECT_EQ(rejection(R"([{"bver":"10","n":"a","v":1}])"),
            "record 0: bver must be a positive integer (RFC 8428 §4.4)");
  EXPECT_EQ(rejection(R"([{"bver":10,"n":"a","v":1},{"bver":9,"n":"a","v":1}])"),
            "record 1: bver differs from an earlier record (RFC 8428 §4.4: one version per pack)");
  EXPECT_EQ(rejection(R"([{"n":"a","v":1,"must_":true}])"),
            "record 0: field 'must_' must be understood (RFC 8428 §4.4) and egin does not know it");
  EXPECT_EQ(rejection(R"([{"bver":10,"n":"a","v":1}])"), "(accepted)");
  EXPECT_EQ(rejection("[]"), "(accepted)");
}

TEST(Senml, RecordAndNameLimits) {
  const std::string three = R"([{"n":"a","v":1},{"n":"a","v":2},{"n":"a","v":3}])";
  EXPECT_EQ(parse_senml_json(three, kNowS, 3).records.size(), 3U);
  EXPECT_EQ(rejection(three, 2), "more than 2 records in one pack");
  // Scalars count as records too, so a huge array of numbers stops at the limit.
  EXPECT_EQ(rejection("[1,2,3]", 2), "more than 2 records in one pack");

  const std::string name256(256, 'a');
  const SenmlPack ok = parse_senml_json(R"([{"n":")" + name256 + R"(","v":1}])", kNowS);
  ASSERT_EQ(ok.records.size(), 1U);
  EXPECT_EQ(ok.records[0].name.size(), 256U);
  const SenmlPack too_long =
      parse_senml_json(R"([{"bn":"b","n":")" + name256 + R"(","v":1}])", kNowS);
  ASSERT_EQ(too_long.errors.size(), 1U);
  EXPECT_EQ(too_long.errors[0].reason, "name is 257 bytes long (at most 256)");
  EXPECT_EQ(too_long.errors[0].name, "");  // too long to echo back
}

TEST(Senml, WriteUsesBaseNameAndBaseTime) {
  std::vector<SenmlRecord> records(3);
  records[0].name = "gh1/node1/t_air";
  records[0].unit = "Cel";
  records[0].value = 21.5;
  records[0].time_s = 1.7e9;
  records[1].name = "gh1/node1/rh";
  records[1].unit = "%RH";
  records[1].value = 80;
  records[1].time_s = 1.7e9 + 60;
  records[2].name = "other";
  records[2].bool_value = true;
  records[2].time_s = 1.7e9;
  EXPECT_EQ(write_senml_json(records, "gh1/node1/"),
            R"([{"bn":"gh1/node1/","bt":1700000000.0,"n":"t_air","u":"Cel","v":21.5},)"
            R"({"n":"rh","u":"%RH","v":80.0,"t":60.0},{"bn":"","n":"other","vb":true}])");
  EXPECT_EQ(write_senml_json({}), "[]");
}

// Property: whatever records are written, parsing gives them back exactly (names, units,
// values, booleans, strings, sums and times), with or without a base name.
TEST(Senml, WriteThenParseRoundTripsRandomRecords) {
  std::mt19937_64 rng(20240601);
  const std::string chars = "ABCXYZabcxyz0189-:./_";
  std::uniform_int_distribution<std::size_t> pick_char(0, chars.size() - 1);
  std::uniform_int_distribution<int> len(0, 12);
  std::uniform_int_distribution<int> kind(0, 4);
  std::uniform_real_distribution<double> any_value(-1e6, 1e6);
  std::uniform_real_distribution<double> exponent(-300, 300);
  std::uniform_real_distribution<double> time_offset(-1e8, 1e8);
  const std::vector<std::string> units = {"", "Cel", "%RH", "ppm", "W/m2", "m/s", "mm", "\"q\\"};
  for (int trial = 0; trial < 300; ++trial) {
    const std::string base = trial % 3 == 0 ? "" : "site/zone" + std::to_string(trial % 7) + "/";
    std::vector<SenmlRecord> records(static_cast<std::size_t>(1 + trial % 20));
    for (std::size_t i = 0; i < records.size(); ++i) {
      SenmlRecord& r = records[i];
      r.index = i;
      r.name = (i % 2 == 0 ? base : "") + "n";
      for (int c = len(rng); c > 0; --c) {
        r.name += chars[pick_char(rng)];
      }
      r.unit = units[i % units.size()];
      r.time_s = 1.7e9 + std::round(time_offset(rng) * 1000.0) / 1000.0;
      switch (kind(rng)) {
        case 0:
          r.value = any_value(rng);
          break;
        case 1:
          r.value = std::pow(10.0, exponent(rng)) * (i % 2 == 0 ? 1 : -1);
          r.sum = any_value(rng);
          break;
        case 2:
          r.bool_value = i % 3 == 0;
          break;
        case 3:
          r.string_value = "s\xc3\xa9\n" + std::to_string(i);
          break;
        default:
          r.sum = any_value(rng);
      }
    }
    const std::string text = write_senml_json(records, base);
    const SenmlPack back = parse_senml_json(text, kNowS);
    ASSERT_TRUE(back.errors.empty()) << text << "\n" << back.errors[0].reason;
    ASSERT_EQ(back.records.size(), records.size()) << text;
    for (std::size_t i = 0; i < records.size(); ++i) {
      const SenmlRecord& a = records[i];
      const SenmlRecord& b = back.records[i];
      EXPECT_EQ(b.index, i);
      EXPECT_EQ(b.name, a.name) << text;
      EXPECT_EQ(b.unit, a.unit) << text;
      EXPECT_EQ(b.time_s, a.time_s) << text;  // exact: bt + t adds back bit for bit
      EXPECT_EQ(b.value, a.value) << text;
      EXPECT_EQ(b.bool_value, a.bool_value) << text;
      EXPECT_EQ(b.string_value, a.string_value) << text;
      EXPECT_EQ(b.sum, a.sum) << text;
    }
  }
}

}  // namespace
}  // namespace egin
