// CsvRecords: splits the text of a comma-separated file into records of cells (RFC 4180: quoted
// cells with "" for a quote and line breaks inside quotes), remembering the line each record starts
// on. It skips a UTF-8 byte-order mark and blank lines, accepts LF, CRLF and CR line ends, and
// hands comment lines (first non-blank character '#') back whole so callers can read metadata.
// It knows nothing of what the cells mean: no numbers, no column names, no weather.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace egin::agromet {

/// One record: either a comment line (text after '#') or a row of cells.
struct CsvRecord {
  int line = 0;  // 1-based line the record starts on
  bool is_comment = false;
  std::string_view comment;             // when is_comment: the text after '#', untrimmed
  std::vector<std::string_view> cells;  // when !is_comment: each cell, outer blanks trimmed
};

class CsvRecords final {
 public:
  /// `source` names the text in error messages. `text` must outlive this reader and its records.
  CsvRecords(std::string_view text, std::string source);

  /// Reads the next record into `out`; false at the end of the text. The views in `out` stay
  /// valid until the next call. Throws InputError for an unterminated quote or text after a
  /// closing quote.
  bool next(CsvRecord& out);

  /// The line the reader has reached (for "the file ends here" messages).
  [[nodiscard]] int line() const { return line_; }

 private:
  void read_row(CsvRecord& out);

  std::string_view text_;
  std::string source_;
  std::size_t pos_ = 0;
  int line_ = 1;
  struct Span {
    bool in_scratch;
    std::size_t offset;
    std::size_t size;
  };
  std::string scratch_;      // unescaped quoted cells of the current record
  std::vector<Span> spans_;  // the current record's cells, in text_ or in scratch_
};

/// `text` for an error message: at most 40 bytes (cut at a UTF-8 boundary, "…" added), control
/// characters shown as '?', in single quotes.
std::string quote_for_message(std::string_view text);

}  // namespace egin::agromet
