// The dashboard's files: GET / serves index.html without a token, revalidated every time, with
// the strict Content-Security-Policy; hashed assets are cached for a year; every answer (API ones
// too) carries nosniff and the CSP; API answers are no-store; without a built dashboard GET /
// says how to build one.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "egin/runtime/ingest_pipeline.hpp"
#include "egin/runtime/live_site.hpp"
#include "egin/runtime/metrics.hpp"
#include "egin/server/http_server.hpp"

namespace egin::server {
namespace {

namespace fs = std::filesystem;

class WebFilesTest : public ::testing::Test {
 protected:
  WebFilesTest()
      : dir_(fs::temp_directory_path() / ("egin-web-" + std::to_string(::getpid()))),
        store_(store::open_store("sqlite::memory:")),
        site_(runtime::Site{}, *store_),
        clock_(1'795'000'000'000),
        pipeline_(site_, *store_, clock_, metrics_),
        auth_("test-token-0123456789") {
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "assets");
    std::ofstream(dir_ / "index.html") << "<!doctype html><title>egin</title>";
    std::ofstream(dir_ / "assets" / "index-abc123.js") << "console.log(1);";
  }
  ~WebFilesTest() override { fs::remove_all(dir_); }

  std::unique_ptr<HttpServer> start(const fs::path& web_dir) {
    // The context holds an atomic, so it is built in place.
    ctx_.reset(new ServerContext{.store = *store_,
                                 .site = site_,
                                 .pipeline = pipeline_,
                                 .metrics = metrics_,
                                 .clock = clock_,
                                 .auth = auth_,
                                 .log = log_,
                                 .data_dir = dir_,
                                 .web_dir = web_dir});
    HttpOptions options;
    options.address = {"127.0.0.1", 0};
    auto server = std::make_unique<HttpServer>(*ctx_, options);
    port_ = server->start().port;
    return server;
  }

  fs::path dir_;
  std::unique_ptr<store::TimeSeriesStore> store_;
  runtime::LiveSite site_;
  ManualClock clock_;
  runtime::Metrics metrics_;
  runtime::IngestPipeline pipeline_;
  ApiAuth auth_;
  Log log_{"error"};
  std::unique_ptr<ServerContext> ctx_;
  int port_ = 0;
};

TEST_F(WebFilesTest, ServesTheDashboardWithItsHeaders) {
  const auto server = start(dir_);
  httplib::Client c("127.0.0.1", port_);
  auto res = c.Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "<!doctype html><title>egin</title>");
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-cache");
  const std::string csp = res->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  res = c.Get("/assets/index-abc123.js");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_NE(res->get_header_value("Content-Type").find("javascript"), std::string::npos);
  EXPECT_EQ(c.Get("/../secret")->status, 404);
  res = c.Get("/api/v1/sites", {{"Authorization", "Bearer test-token-0123456789"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_F(WebFilesTest, SaysHowToBuildItWhenThereIsNone) {
  const auto server = start({});
  httplib::Client c("127.0.0.1", port_);
  const auto res = c.Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("make web"), std::string::npos);
  EXPECT_EQ(c.Get("/assets/index-abc123.js")->status, 404);
}

}  // namespace
}  // namespace egin::server
