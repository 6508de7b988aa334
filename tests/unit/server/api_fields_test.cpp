// Irrigation advice over HTTP for the cotton field of data/examples (weather file
// data/weather/shardara_2025_daily.csv, weather zone ws1): the field is listed; the
// recommendation as of 2025-07-14 equals what `egin schedule --date 2025-07-14` computes from
// the same file (the server adds no maths of its own); the station's stored ET0 and rain replace
// the file's on their days; and bad dates are 400, impossible ones 422 with the reason.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_fixture.hpp"
#include "egin/agromet/weather_csv.hpp"
#include "egin/fieldwater/field_weather.hpp"
#include "egin/fieldwater/schedule.hpp"

namespace egin::server::testing {
namespace {

using nlohmann::json;

json body_of(const httplib::Result& res) { return json::parse(res->body); }

fieldwater::ScheduleResult direct_schedule(Date as_of) {
  const auto crops =
      crops::CropLibrary::load_directory(std::string(EGIN_SOURCE_DIR) + "/data/crops");
  const auto soils =
      soils::SoilLibrary::load_directory(std::string(EGIN_SOURCE_DIR) + "/data/soils");
  const auto field = fieldwater::load_field_config(
      std::string(EGIN_SOURCE_DIR) + "/data/examples/cotton_furrow.toml", crops, soils);
  const auto raw = agromet::read_daily_weather_csv(field.weather.string());
  const auto prepared = fieldwater::prepare_field_weather(raw, field.et0_method, nullptr);
  fieldwater::ScheduleRequest request;
  request.as_of = as_of;
  return fieldwater::run_schedule(field, prepared.series, nullptr, request);
}

TEST(ApiFields, TheRecommendationIsEginSchedules) {
  ApiServer api;
  auto c = api.client();
  auto res = c.Get("/api/v1/fields", api.as("viewer"));
  ASSERT_EQ(res->status, 200);
  ASSERT_EQ(body_of(res)["fields"].size(), 1U);
  EXPECT_EQ(body_of(res)["fields"][0]["crop"], "cotton");
  EXPECT_EQ(body_of(res)["fields"][0]["weather_zone"], "ws1");
  EXPECT_TRUE(body_of(res)["fields"][0]["error"].is_null());

  res = c.Get("/api/v1/fields/cotton/recommendation?date=2025-07-14", api.as("viewer"));
  ASSERT_EQ(res->status, 200) << res->body;
  const json advice = body_of(res);
  const auto direct = direct_schedule(Date(2025, 7, 14));
  EXPECT_EQ(advice["as_of"], "2025-07-14");
  EXPECT_EQ(advice["recommendation"]["date"], "2025-07-15");
  EXPECT_EQ(advice["recommendation"]["irrigate"], direct.recommendation.irrigate);
  EXPECT_DOUBLE_EQ(advice["recommendation"]["gross_mm"].get<double>(),
                   direct.recommendation.gross_mm);
  EXPECT_EQ(advice["recommendation"]["reason"], direct.recommendation.reason);
  EXPECT_DOUBLE_EQ(advice["state"]["dr_mm"].get<double>(), direct.state_as_of.dr_mm);
  ASSERT_EQ(advice["days"].size(), direct.observed.size());
  EXPECT_EQ(advice["days"].back()["date"], "2025-07-14");
  EXPECT_DOUBLE_EQ(advice["days"].back()["taw_mm"].get<double>(), direct.observed.back().taw_mm);
  EXPECT_EQ(advice["projection"].size(), 7U);
  EXPECT_NE(advice["weather_source"].get<std::string>().find("no daily ET0"), std::string::npos);

  // Default as-of: yesterday in site time (the clock says 2025-07-15T05:00+05:00).
  res = c.Get("/api/v1/fields/cotton/recommendation", api.as("viewer"));
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(body_of(res)["as_of"], "2025-07-14");
  res = c.Get("/api/v1/recommendations", api.as("viewer"));
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(body_of(res)["recommendations"][0]["recommendation"]["reason"],
            direct.recommendation.reason);
}

TEST(ApiFields, StationDaysReplaceTheFilesDays) {
  ApiServer api;
  auto c = api.client();
  // 2025-07-13 and 14 (local days, UTC+5): ET0 9.0 and 9.5 mm at local midnight; 6 mm of rain on
  // the 14th in three readings.
  const std::string pack = R"([
    {"n":"ws1/derived/et0_mm","t":1752346800,"v":9.0},
    {"n":"ws1/derived/et0_mm","t":1752433200,"v":9.5},
    {"n":"ws1/mast/rain","t":1752440400,"v":2.0},
    {"n":"ws1/mast/rain","t":1752444000,"v":3.0},
    {"n":"ws1/mast/rain","t":1752447600,"v":1.0}])";
  auto res = c.Post("/api/v1/ingest", api.as("operator"), pack, "application/json");
  ASSERT_EQ(res->status, 200);
  ASSERT_EQ(body_of(res)["accepted"], 5) << res->body;
  res = c.Get("/api/v1/fields/cotton/recommendation?date=2025-07-14", api.as("viewer"));
  ASSERT_EQ(res->status, 200) << res->body;
  const json days = body_of(res)["days"];
  const json& d13 = days[days.size() - 2];
  const json& d14 = days[days.size() - 1];
  EXPECT_EQ(d13["date"], "2025-07-13");
  EXPECT_DOUBLE_EQ(d13["et_ref_mm"].get<double>(), 9.0);
  EXPECT_DOUBLE_EQ(d13["rain_mm"].get<double>(), 0.0);  // no rain readings: 0, said in notes
  EXPECT_DOUBLE_EQ(d14["et_ref_mm"].get<double>(), 9.5);
  EXPECT_DOUBLE_EQ(d14["rain_mm"].get<double>(), 6.0);
  const std::string source = body_of(res)["weather_source"];
  EXPECT_NE(source.find("station ws1: ET0 and rain on 2 days (2025-07-13 to 2025-07-14)"),
            std::string::npos)
      << source;
  const auto notes = body_of(res)["notes"].dump();
  EXPECT_NE(notes.find("no rain readings on 1 day"), std::string::npos) << notes;
}

TEST(ApiFields, BadAndImpossibleDates) {
  ApiServer api;
  auto c = api.client();
  EXPECT_EQ(c.Get("/api/v1/fields/cotton/recommendation?date=tomorrow", api.as("viewer"))->status,
            400);
  EXPECT_EQ(c.Get("/api/v1/fields/cotton/recommendation?days=17", api.as("viewer"))->status, 400);
  EXPECT_EQ(c.Get("/api/v1/fields/nope/recommendation", api.as("viewer"))->status, 404);
  const auto res = c.Get("/api/v1/fields/cotton/recommendation?date=2025-03-01", api.as("viewer"));
  EXPECT_EQ(res->status, 422);
  EXPECT_EQ(body_of(res)["error"], "no_advice");
  EXPECT_NE(body_of(res)["reason"].get<std::string>().find("planting"), std::string::npos)
      << res->body;
}

}  // namespace
}  // namespace egin::server::testing
