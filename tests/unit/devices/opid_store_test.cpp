#include "egin/devices/opid_store.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace egin::devices {
namespace {

std::filesystem::path temp_file(const std::string& name) {
  auto path = std::filesystem::temp_directory_path() /
              ("egin-opid-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove(path);
  return path;
}

TEST(Opid, CycleSkipsZero) {
  EXPECT_EQ(next_opid(0), 1);
  EXPECT_EQ(next_opid(1), 2);
  EXPECT_EQ(next_opid(65534), 65535);
  EXPECT_EQ(next_opid(65535), 1);
  OpidCounter counter(65534);
  EXPECT_EQ(counter.next(), 65535);
  EXPECT_EQ(counter.next(), 1);
}

// "JiNong/env-smartfarm cycle 1..65535 and persist it across restarts" (reference §1.6).
TEST(Opid, FileKeepsTheSequenceAcrossRestarts) {
  const auto path = temp_file("restart");
  std::set<std::uint16_t> seen;
  {
    OpidFile first(path);
    EXPECT_EQ(first.last(), 0);
    for (int i = 0; i < 5; ++i) {
      seen.insert(first.next());
    }
  }
  {
    OpidFile second(path);  // a restart
    EXPECT_EQ(second.last(), 5);
    for (int i = 0; i < 5; ++i) {
      EXPECT_TRUE(seen.insert(second.next()).second);
    }
  }
  // Two users of one directory (egin serve and egin modbus command) share one sequence.
  OpidFile a(path);
  OpidFile b(path);
  EXPECT_EQ(a.next(), 11);
  EXPECT_EQ(b.next(), 12);
  EXPECT_EQ(a.next(), 13);
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + ".lock");
}

TEST(Opid, FileWrapsAndSurvivesGarbage) {
  const auto path = temp_file("wrap");
  { std::ofstream(path) << "65535\n"; }
  OpidFile file(path);
  EXPECT_EQ(file.next(), 1);
  { std::ofstream(path) << "not a number"; }
  EXPECT_EQ(file.next(), 1);  // unreadable state restarts the cycle; the device check covers it
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + ".lock");
}

}  // namespace
}  // namespace egin::devices
