#include "egin/server/logging.hpp"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

namespace egin::server {
namespace {

TEST(LogFields, KeyValueWithQuotesWhereNeeded) {
  EXPECT_EQ(format_log_fields("ingest", {{"source", "http"}, {"accepted", 12}}),
            "event=ingest source=http accepted=12");
  EXPECT_EQ(format_log_fields("x", {{"reason", "two words"}, {"q", "a\"b"}, {"empty", ""}}),
            "event=x reason=\"two words\" q=\"a\\\"b\" empty=\"\"");
  EXPECT_EQ(format_log_fields("x", {{"ok", true}, {"s", 0.25}}), "event=x ok=true s=0.25");
}

TEST(Log, WritesOneLinePerEventThroughItsOwnLogger) {
  std::ostringstream out;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
  auto logger = std::make_shared<spdlog::logger>("test", sink);
  logger->set_pattern("level=%l %v");
  Log log(logger);
  log.info("ready", {{"port", 8080}});
  log.debug("hidden", {});  // below the default level
  log.error("store", {{"reason", "disk full"}});
  EXPECT_EQ(out.str(),
            "level=info event=ready port=8080\nlevel=error event=store reason=\"disk full\"\n");
}

}  // namespace
}  // namespace egin::server
