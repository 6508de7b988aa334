#include "egin/runtime/metrics.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace egin::runtime {
namespace {

TEST(Metrics, RendersPrometheusTextSortedWithHelpAndType) {
  Metrics metrics;
  metrics.counter("egin_b_total", "B things", {{"reason", "out_of_range"}}).add(3);
  metrics.counter("egin_b_total", "B things", {{"reason", "future_time"}}).add(1);
  metrics.gauge("egin_a_bytes", "A size").set(1024);
  EXPECT_EQ(metrics.render(),
            "# HELP egin_a_bytes A size\n"
            "# TYPE egin_a_bytes gauge\n"
            "egin_a_bytes 1024\n"
            "# HELP egin_b_total B things\n"
            "# TYPE egin_b_total counter\n"
            "egin_b_total{reason=\"future_time\"} 1\n"
            "egin_b_total{reason=\"out_of_range\"} 3\n");
}

TEST(Metrics, EscapesLabelValues) {
  Metrics metrics;
  metrics.counter("egin_x_total", "x", {{"name", "a\"b\\c\nd"}}).add();
  EXPECT_NE(metrics.render().find("egin_x_total{name=\"a\\\"b\\\\c\\nd\"} 1\n"), std::string::npos);
}

TEST(Metrics, SameNameAndLabelsGiveTheSameSeries) {
  Metrics metrics;
  Counter& a = metrics.counter("egin_y_total", "y", {{"k", "v"}});
  Counter& b = metrics.counter("egin_y_total", "y", {{"k", "v"}});
  EXPECT_EQ(&a, &b);
  a.add(2.5);
  EXPECT_DOUBLE_EQ(b.value(), 2.5);
  b.add(-1.0);  // counters never go down
  EXPECT_DOUBLE_EQ(a.value(), 2.5);
}

TEST(Metrics, ConcurrentAddsAreAllCounted) {
  Metrics metrics;
  Counter& counter = metrics.counter("egin_z_total", "z");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) counter.add();
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_DOUBLE_EQ(counter.value(), 40000.0);
}

}  // namespace
}  // namespace egin::runtime
