#include "egin/agromet/csv_records.hpp"

#include <utility>

#include "egin/core/input_error.hpp"

namespace egin::agromet {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_line_end(char c) { return c == '\n' || c == '\r'; }

}  // namespace

CsvRecords::CsvRecords(std::string_view text, std::string source)
    : text_(text), source_(std::move(source)) {
  if (text_.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    pos_ = kUtf8Bom.size();
  }
}

bool CsvRecords::next(CsvRecord& out) {
  out.cells.clear();
  out.comment = {};
  out.is_comment = false;
  const std::size_t n = text_.size();
  while (pos_ < n) {
    std::size_t p = pos_;
    while (p < n && is_blank(text_[p])) {
      ++p;
    }
    if (p == n) {  // trailing blanks at the end of the text
      pos_ = n;
      return false;
    }
    if (is_line_end(text_[p])) {  // blank line
      pos_ = p + ((text_[p] == '\r' && p + 1 < n && text_[p + 1] == '\n') ? 2 : 1);
      ++line_;
      continue;
    }
    if (text_[p] == '#') {
      std::size_t end = p + 1;
      while (end < n && !is_line_end(text_[end])) {
        ++end;
      }
      out.line = line_;
      out.is_comment = true;
      out.comment = text_.substr(p + 1, end - p - 1);
      pos_ = end;
      if (pos_ < n) {
        pos_ += (text_[pos_] == '\r' && pos_ + 1 < n && text_[pos_ + 1] == '\n') ? 2 : 1;
        ++line_;
      }
      return true;
    }
    out.line = line_;
    read_row(out);
    return true;
  }
  return false;
}

void CsvRecords::read_row(CsvRecord& out) {
  std::vector<Span>& spans = spans_;
  spans.clear();
  scratch_.clear();
  const std::size_t n = text_.size();
  const int start_line = line_;
  for (;;) {
    while (pos_ < n && is_blank(text_[pos_])) {
      ++pos_;
    }
    if (pos_ < n && text_[pos_] == '"') {
      // Quoted cell (RFC 4180 §2.5–2.7): "" is a quote; commas and line breaks are text.
      const std::size_t begin = scratch_.size();
      ++pos_;
      for (;;) {
        if (pos_ >= n) {
          throw InputError({source_, start_line, ""},
                           "a quoted cell is not closed before the end of the file",
                           "a closing '\"' for every opening one");
        }
        const char c = text_[pos_];
        if (c == '"') {
          if (pos_ + 1 < n && text_[pos_ + 1] == '"') {
            scratch_ += '"';
            pos_ += 2;
            continue;
          }
          ++pos_;
          break;
        }
        if (c == '\n' || (c == '\r' && !(pos_ + 1 < n && text_[pos_ + 1] == '\n'))) {
          ++line_;
        }
        scratch_ += c;
        ++pos_;
      }
      spans.push_back({true, begin, scratch_.size() - begin});
      while (pos_ < n && is_blank(text_[pos_])) {
        ++pos_;
      }
      if (pos_ < n && text_[pos_] != ',' && !is_line_end(text_[pos_])) {
        std::size_t end = pos_;
        while (end < n && text_[end] != ',' && !is_line_end(text_[end])) {
          ++end;
        }
        throw InputError({source_, line_, ""},
                         "text " + quote_for_message(text_.substr(pos_, end - pos_)) +
                             " after the closing quote of a cell",
                         "a ',' or the end of the line right after a quoted cell");
      }
    } else {
      const std::size_t begin = pos_;
      while (pos_ < n && text_[pos_] != ',' && !is_line_end(text_[pos_])) {
        ++pos_;
      }
      std::size_t end = pos_;
      while (end > begin && is_blank(text_[end - 1])) {
        --end;
      }
      spans.push_back({false, begin, end - begin});
    }
    if (pos_ < n && text_[pos_] == ',') {
      ++pos_;
      continue;
    }
    if (pos_ < n) {  // a line end
      pos_ += (text_[pos_] == '\r' && pos_ + 1 < n && text_[pos_ + 1] == '\n') ? 2 : 1;
      ++line_;
    }
    break;
  }
  out.cells.reserve(spans.size());
  const std::string_view scratch = scratch_;
  for (const Span& s : spans) {
    out.cells.push_back(s.in_scratch ? scratch.substr(s.offset, s.size)
                                     : text_.substr(s.offset, s.size));
  }
}

std::string quote_for_message(std::string_view text) {
  constexpr std::size_t kMaxBytes = 40;
  bool cut = false;
  if (text.size() > kMaxBytes) {
    std::size_t end = kMaxBytes;
    // Back up to the first byte of a UTF-8 sequence (continuation bytes are 10xxxxxx).
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) {
      --end;
    }
    text = text.substr(0, end);
    cut = true;
  }
  std::string out = "'";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    out += (u < 0x20U || u == 0x7FU) ? '?' : c;
  }
  if (cut) {
    out += "\xE2\x80\xA6";  // …
  }
  out += "'";
  return out;
}

}  // namespace egin::agromet
