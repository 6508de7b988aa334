// Tests of the weather CSV reader's parts: record splitting (RFC 4180), number cells, ISO times.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "egin/agromet/csv_iso_time.hpp"
#include "egin/agromet/csv_number.hpp"
#include "egin/agromet/csv_records.hpp"
#include "egin/core/input_error.hpp"

namespace egin::agromet {
namespace {

struct Row {
  int line;
  bool comment;
  std::vector<std::string> cells;
};

std::vector<Row> split(std::string_view text) {
  CsvRecords reader(text, "t.csv");
  CsvRecord rec;
  std::vector<Row> rows;
  while (reader.next(rec)) {
    Row r{rec.line, rec.is_comment, {}};
    if (rec.is_comment) {
      r.cells.emplace_back(rec.comment);
    }
    for (const auto cell : rec.cells) {
      r.cells.emplace_back(cell);
    }
    rows.push_back(r);
  }
  return rows;
}

TEST(CsvRecords, SplitsCellsAndCountsLines) {
  const auto rows = split("a,b,c\n1, 2 ,\n\n  \n4,5,6");
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"1", "2", ""}));  // blanks trimmed
  EXPECT_EQ(rows[2].line, 5);                                          // blank lines skipped
  EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"4", "5", "6"}));
}

TEST(CsvRecords, AcceptsCrlfCrAndBom) {
  const auto rows = split(
      "\xEF\xBB\xBF"
      "a,b\r\n1,2\r\n\r\n3,4\r5,6\r\n");
  ASSERT_EQ(rows.size(), 4U);
  EXPECT_EQ(rows[0].cells[0], "a");  // no BOM left in the first name
  EXPECT_EQ(rows[1].cells[1], "2");  // no '\r' left in the last cell
  EXPECT_EQ(rows[2].line, 4);
  EXPECT_EQ(rows[3].line, 5);
  EXPECT_EQ(rows[3].cells[1], "6");
}

TEST(CsvRecords, QuotedCellsPerRfc4180) {
  const auto rows = split("\"a,b\",\"say \"\"hi\"\"\", \"x\" \n\"multi\nline\",2\n3,4\n");
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"a,b", "say \"hi\"", "x"}));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"multi\nline", "2"}));
  EXPECT_EQ(rows[2].line, 4);  // the quoted line break counted
}

TEST(CsvRecords, CommentLinesComeBackWhole) {
  const auto rows = split("# name: x\n  #two\na\n");
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_TRUE(rows[0].comment);
  EXPECT_EQ(rows[0].cells[0], " name: x");
  EXPECT_TRUE(rows[1].comment);
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_FALSE(rows[2].comment);
}

TEST(CsvRecords, RejectsUnclosedQuoteAndTextAfterQuote) {
  try {
    split("a,b\n1,\"2\n3,4\n");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 2);
    EXPECT_NE(std::string(e.what()).find("not closed"), std::string::npos) << e.what();
  }
  try {
    split("a,b\n1,\"2\"x\n");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 2);
    EXPECT_NE(std::string(e.what()).find("'x' after the closing quote"), std::string::npos)
        << e.what();
  }
}

TEST(CsvRecords, QuoteForMessageCutsAndHidesControls) {
  EXPECT_EQ(quote_for_message("ab\tc"), "'ab?c'");
  const std::string long_text(50, 'x');
  EXPECT_EQ(quote_for_message(long_text), "'" + std::string(40, 'x') + "\xE2\x80\xA6'");
  // A cut never splits a UTF-8 sequence: 39 ASCII bytes then "°" (2 bytes) → cut before "°".
  const std::string utf8 = std::string(39, 'a') + "\xC2\xB0" + "zzzz";
  EXPECT_EQ(quote_for_message(utf8), "'" + std::string(39, 'a') + "\xE2\x80\xA6'");
}

TEST(CsvNumber, ParsesDecimalsAndRejectsTheRest) {
  EXPECT_EQ(parse_csv_number("12.5").value, 12.5);
  EXPECT_EQ(parse_csv_number("-3").value, -3.0);
  EXPECT_EQ(parse_csv_number("+4.25").value, 4.25);
  EXPECT_EQ(parse_csv_number(".5").value, 0.5);
  EXPECT_EQ(parse_csv_number("1.5e3").value, 1500.0);
  EXPECT_EQ(parse_csv_number("1.5e3").status, CsvNumberStatus::kValue);
  for (const char* missing : {"", "NaN", "nan", "NAN"}) {
    EXPECT_EQ(parse_csv_number(missing).status, CsvNumberStatus::kAbsent) << missing;
  }
  for (const char* bad : {"12.3abc", "abc", "inf", "-inf", "infinity", "-nan", "nan(1)", "1,5",
                          "1e999", "--1", "+-1", "+", "-", "0x10", "1 2", "NA", "e5"}) {
    EXPECT_EQ(parse_csv_number(bad).status, CsvNumberStatus::kInvalid) << bad;
  }
}

TEST(CsvIsoTime, OffsetsAndZulu) {
  // 2025-07-01T08:00Z = 1751356800 s since the epoch (Python datetime).
  const auto a = parse_iso_time("2025-07-01T13:00+05:00");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->utc_s, 1751356800);
  EXPECT_EQ(a->utc_offset_s, 5 * 3600);
  const auto b = parse_iso_time("2025-07-01T08:00:00Z");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->utc_s, 1751356800);
  EXPECT_EQ(b->utc_offset_s, 0);
  const auto c = parse_iso_time("2025-07-01 03:30-04:30");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->utc_s, 1751356800);
  EXPECT_EQ(c->utc_offset_s, -(4 * 3600 + 1800));
  const auto leap = parse_iso_time("2024-02-29T23:59:59z");
  ASSERT_TRUE(leap);
  EXPECT_EQ(leap->utc_s, 1709251199);
  const auto before_epoch = parse_iso_time("1970-01-01T03:00+05:00");
  ASSERT_TRUE(before_epoch);
  EXPECT_EQ(before_epoch->utc_s, -7200);
}

TEST(CsvIsoTime, RejectsIncompleteOrImpossibleStamps) {
  for (const char* bad :
       {"2025-07-01T13:00", "2025-07-01", "2025-07-01T24:00Z", "2025-07-01T13:60Z",
        "2025-07-01T13:00:60Z", "2025-02-29T13:00Z", "2025-07-01T13:00+15:00",
        "2025-07-01T13:00+0500", "2025-07-01T13:00Zx", "2025-07-01T13:00:00.5Z",
        "2025-07-01X13:00Z", "2025-7-01T13:00Z", "2025-07-01T1:00Z", ""}) {
    EXPECT_FALSE(parse_iso_time(bad)) << bad;
  }
}

}  // namespace
}  // namespace egin::agromet
