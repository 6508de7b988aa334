// HttpServer in process: a real SQLite store (in memory), site, pipeline and httplib client.
#include "egin/server/http_server.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "egin/runtime/ingest_pipeline.hpp"
#include "egin/runtime/live_site.hpp"
#include "egin/runtime/metrics.hpp"

namespace egin::server {
namespace {

runtime::Site small_site() {
  runtime::Site site;
  site.id = "t";
  runtime::ChannelSpec t_air;
  t_air.id = "t_air";
  t_air.name = "t_air";
  t_air.quantity = "air_temperature";
  t_air.unit = "Cel";
  t_air.min = -40.0;
  t_air.max = 60.0;
  runtime::DeviceSpec node;
  node.id = "node1";
  node.channels.push_back(t_air);
  runtime::ZoneSpec zone;
  zone.id = "gh1";
  zone.devices.push_back(node);
  site.zones.push_back(zone);
  return site;
}

class HttpServerTest : public ::testing::Test {
 protected:
  HttpServerTest()
      : store_(store::open_store("sqlite::memory:")),
        site_(small_site(), *store_),
        clock_(1795000000000),
        pipeline_(site_, *store_, clock_, metrics_),
        auth_("test-token-0123456789"),
        ctx_{.store = *store_,
             .site = site_,
             .pipeline = pipeline_,
             .metrics = metrics_,
             .clock = clock_,
             .auth = auth_,
             .log = log_,
             .data_dir = "/tmp"} {}

  std::unique_ptr<store::TimeSeriesStore> store_;
  runtime::LiveSite site_;
  ManualClock clock_;
  runtime::Metrics metrics_;
  runtime::IngestPipeline pipeline_;
  ApiAuth auth_;
  Log log_{"error"};
  ServerContext ctx_;
};

TEST_F(HttpServerTest, IngestsWithTheTokenAndStopsGracefully) {
  HttpOptions options;
  options.address = {"127.0.0.1", 0};
  HttpServer server(ctx_, options);
  const HttpAddress bound = server.start();
  ASSERT_GT(bound.port, 0);

  httplib::Client client("127.0.0.1", bound.port);
  auto res = client.Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "ok\n");

  res = client.Post("/api/v1/ingest", "[]", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);

  const httplib::Headers auth{{"Authorization", "Bearer test-token-0123456789"}};
  const std::string pack =
      R"([{"bn":"gh1/node1/","bt":1794999990,"n":"t_air","v":21.5},{"n":"t_air","t":5,"v":99}])";
  res = client.Post("/api/v1/ingest", auth, pack, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const auto body = nlohmann::json::parse(res->body);
  EXPECT_EQ(body["accepted"], 1);
  EXPECT_EQ(body["rejected"], 1);
  EXPECT_EQ(body["rejects"][0]["index"], 1);
  EXPECT_EQ(body["rejects"][0]["reason_code"], "out_of_range");
  // Acknowledged means stored.
  const auto id = site_.find("gh1/node1/t_air")->id;
  const auto latest = store_->latest(id);
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->t_ms, 1794999990000);
  EXPECT_EQ(latest->value, 21.5);

  res = client.Get("/api/v1/nothing", auth);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(nlohmann::json::parse(res->body)["error"], "not_found");

  server.stop();
  EXPECT_TRUE(ctx_.shutting_down.load());
  httplib::Client after("127.0.0.1", bound.port);
  after.set_connection_timeout(1, 0);
  EXPECT_FALSE(after.Get("/healthz"));  // no longer accepting
  server.stop();                        // idempotent
}

TEST_F(HttpServerTest, RefusesIngestWhileShuttingDown) {
  HttpOptions options;
  options.address = {"127.0.0.1", 0};
  HttpServer server(ctx_, options);
  const HttpAddress bound = server.start();
  ctx_.shutting_down.store(true);  // as stop() sets it before closing the socket
  httplib::Client client("127.0.0.1", bound.port);
  const httplib::Headers auth{{"Authorization", "Bearer test-token-0123456789"}};
  auto res =
      client.Post("/api/v1/ingest", auth, R"([{"n":"gh1/node1/t_air","v":1}])", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
  EXPECT_EQ(res->get_header_value("Retry-After"), "5");
  res = client.Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
}

}  // namespace
}  // namespace egin::server
