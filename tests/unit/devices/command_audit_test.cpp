#include "egin/devices/command_audit.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace egin::devices {
namespace {

CommandRecord sample() {
  CommandRecord r;
  r.id = "1796000000000-1";
  r.requested_by = "operator:aigerim";
  r.origin = "api";
  r.request_id = "r-17";
  r.target = "gh1/vents/opener_1";
  r.bus = "rs485-1";
  r.slave = 2;
  r.slot = 17;
  r.actuator = "opener_1";
  r.command = "timed_open";
  r.command_code = 303;
  r.time_s = 90;
  r.opid = 513;
  r.attempts = 2;
  r.requested_ms = 1'796'000'000'000;
  r.sent_ms = 1'796'000'000'020;
  r.confirmed_ms = 1'796'000'000'150;
  r.result = CommandResult::kConfirmed;
  r.detail = "status 301 (opening), OPID 513, remaining 90 s";
  r.status = 301;
  r.remaining_s = 90;
  return r;
}

TEST(CommandAudit, JsonRoundTrip) {
  const CommandRecord r = sample();
  const std::string line = command_record_json(r);
  EXPECT_NE(line.find("\"finished_at\":null"), std::string::npos);
  EXPECT_NE(line.find("\"sent_at\":\"2026-"), std::string::npos);
  const auto back = parse_command_record_json(line);
  ASSERT_TRUE(back);
  EXPECT_EQ(command_record_json(*back), line);
  EXPECT_FALSE(parse_command_record_json("{\"no_id\":1}"));
  EXPECT_FALSE(parse_command_record_json("garbage"));
}

TEST(CommandAudit, LogKeepsTheLastStateOfEachCommand) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("egin-audit-" + std::to_string(::getpid()) + ".jsonl");
  std::filesystem::remove(path);
  CommandRecord r = sample();
  {
    CommandAuditLog log(path);
    log.record(r);
    r.result = CommandResult::kFinished;
    r.finished_ms = r.confirmed_ms + 90'000;
    log.record(r);
    CommandRecord other = sample();
    other.id = "1796000000000-2";
    other.result = CommandResult::kRefused;
    log.record(other);
    ASSERT_EQ(log.recent(10).size(), 2U);
    EXPECT_EQ(log.recent(10)[0].id, other.id);  // newest first
  }
  // Every update is a line; a reopened log knows each command's last state.
  std::ifstream in(path);
  int lines = 0;
  for (std::string line; std::getline(in, line);) {
    ++lines;
  }
  EXPECT_EQ(lines, 3);
  CommandAuditLog reopened(path);
  const auto found = reopened.find(r.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->result, CommandResult::kFinished);
  EXPECT_EQ(found->finished_ms, r.finished_ms);
  EXPECT_FALSE(reopened.find("nope"));
  std::filesystem::remove(path);
}

TEST(CommandAudit, ResultNames) {
  for (const CommandResult result :
       {CommandResult::kPending, CommandResult::kRefused, CommandResult::kSent,
        CommandResult::kConfirmed, CommandResult::kFinished, CommandResult::kSuperseded,
        CommandResult::kFailed}) {
    EXPECT_EQ(parse_command_result(command_result_name(result)), result);
  }
  EXPECT_TRUE(is_final(CommandResult::kFinished));
  EXPECT_FALSE(is_final(CommandResult::kConfirmed));
  CommandIds ids;
  EXPECT_NE(ids.next(5), ids.next(5));
}

}  // namespace
}  // namespace egin::devices
