// Live events over HTTP: a stream opened with a token greets, then carries every reading posted
// afterwards as a "reading" event with its id, filtered by channel; alarms a provider raises
// arrive as "alarm" events; streams beyond the cap get 503; stopping the server ends open streams
// (it does not hang). And the EventHub alone: ids, filters' input, the ring's overflow.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "api_fixture.hpp"
#include "egin/server/event_hub.hpp"

namespace egin::server::testing {
namespace {

using nlohmann::json;

/// Reads a stream on a thread until `done` says the text so far is enough, or 10 s pass.
class StreamReader {
 public:
  StreamReader(const ApiServer& api, std::string path, httplib::Headers headers,
               std::function<bool(const std::string&)> done)
      : thread_([this, &api, path = std::move(path), headers = std::move(headers),
                 done = std::move(done)] {
          auto c = api.client();
          const auto res = c.Get(path, headers, [&](const char* data, std::size_t n) {
            const std::lock_guard lock(mutex_);
            text_.append(data, n);
            return !done(text_);
          });
          status_ = res ? res->status : -1;
          finished_ = true;
        }) {}
  ~StreamReader() {
    if (thread_.joinable()) {
      thread_.join();
    }
  }
  StreamReader(const StreamReader&) = delete;
  StreamReader& operator=(const StreamReader&) = delete;
  std::string text() {
    const std::lock_guard lock(mutex_);
    return text_;
  }
  void join() { thread_.join(); }
  bool wait_for(const std::string& needle, std::chrono::milliseconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
      if (text().find(needle) != std::string::npos) {
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }
  [[nodiscard]] bool finished() const { return finished_; }

 private:
  std::mutex mutex_;
  std::string text_;
  std::atomic<int> status_{0};
  std::atomic<bool> finished_{false};
  std::thread thread_;
};

TEST(ApiEvents, ReadingsPostedAfterTheStreamOpensArrive) {
  ApiServer api;
  StreamReader stream(
      api, "/api/v1/events?channels=gh1/node1/t_air", api.as("viewer"),
      [](const std::string& t) { return t.find("\"value\":26.5") != std::string::npos; });
  ASSERT_TRUE(stream.wait_for("event: hello", std::chrono::seconds(5))) << stream.text();
  auto c = api.client();
  const auto res = c.Post("/api/v1/ingest", api.as("operator"),
                          R"([{"bn":"gh1/node1/","bt":1752537000,"n":"rh","v":60},
                              {"n":"t_air","v":26.5}])",
                          "application/json");
  ASSERT_EQ(res->status, 200);
  ASSERT_TRUE(stream.wait_for("\"value\":26.5", std::chrono::seconds(5))) << stream.text();
  stream.join();
  const std::string text = stream.text();
  EXPECT_NE(text.find("event: reading\ndata: {\"channel\":\"gh1/node1/t_air\""), std::string::npos)
      << text;
  EXPECT_NE(text.find("\"t\":\"2025-07-14T23:50:00Z\""), std::string::npos) << text;
  EXPECT_EQ(text.find("gh1/node1/rh"), std::string::npos) << "filtered out";
  EXPECT_NE(text.find("\nid: "), std::string::npos);
}

TEST(ApiEvents, AlarmsArriveAndShutdownEndsTheStream) {
  auto api = std::make_unique<ApiServer>();
  StreamReader stream(*api, "/api/v1/events?types=alarm", api->as("viewer"),
                      [](const std::string&) { return false; });
  ASSERT_TRUE(stream.wait_for("event: hello", std::chrono::seconds(5)));
  runtime::Alarm a;
  a.id = "a7";
  a.zone = "gh1";
  a.code = "rh_high";
  a.message = "RH 97 % above 95 %";
  a.raised_ms = 1'752'536'000'000;
  api->alarms().raise(a);
  ASSERT_TRUE(stream.wait_for("event: alarm", std::chrono::seconds(5))) << stream.text();
  EXPECT_NE(stream.text().find("\"code\":\"rh_high\""), std::string::npos);
  const auto t0 = std::chrono::steady_clock::now();
  api->http().stop();
  stream.join();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(5));
  EXPECT_TRUE(stream.finished());
}

TEST(ApiEvents, BadFiltersAreRefused) {
  ApiServer api;
  auto c = api.client();
  EXPECT_EQ(c.Get("/api/v1/events?types=weather", api.as("viewer"))->status, 400);
  EXPECT_EQ(c.Get("/api/v1/events?zone=barn", api.as("viewer"))->status, 404);
  EXPECT_EQ(c.Get("/api/v1/events?channels=gh1/x/y", api.as("viewer"))->status, 404);
  const httplib::Headers bad_id = {{"Authorization", api.as("viewer").begin()->second},
                                   {"Last-Event-ID", "abc"}};
  EXPECT_EQ(c.Get("/api/v1/events", bad_id)->status, 400);
}

TEST(EventHub, NumbersEventsAndReportsWhatAReaderLost) {
  EventHub hub(4);
  runtime::StoredReading r{1, "gh1/n/t", 1000, 20.0, 0};
  hub.publish_readings(std::vector<runtime::StoredReading>{r});
  EXPECT_EQ(hub.last_seq(), 0U) << "no stream open: nothing kept";
  ASSERT_TRUE(hub.open_stream(1));
  EXPECT_FALSE(hub.open_stream(1)) << "the cap";
  hub.publish_readings(std::vector<runtime::StoredReading>{r, r});
  hub.publish(EventType::kAlarm, "gh1", "{}");
  EventBatch b = hub.wait_after(0, std::chrono::milliseconds(0));
  ASSERT_EQ(b.events.size(), 3U);
  EXPECT_FALSE(b.lost);
  EXPECT_EQ(b.events[0].seq, 1U);
  EXPECT_EQ(b.events[2].type, EventType::kAlarm);
  for (int i = 0; i < 5; ++i) {
    hub.publish(EventType::kCommand, "gh1", "{}");
  }
  b = hub.wait_after(1, std::chrono::milliseconds(0));
  EXPECT_TRUE(b.lost);
  ASSERT_EQ(b.events.size(), 4U);
  EXPECT_EQ(b.events.front().seq, 5U);
  b = hub.wait_after(8, std::chrono::milliseconds(20));
  EXPECT_TRUE(b.events.empty());
  hub.close();
  const auto t0 = std::chrono::steady_clock::now();
  b = hub.wait_after(8, std::chrono::seconds(10));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(1));
  hub.close_stream();
  EXPECT_EQ(hub.streams(), 0U);
}

}  // namespace
}  // namespace egin::server::testing
