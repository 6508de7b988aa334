#include "egin/devices/opid_store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <string>
#include <system_error>

namespace egin::devices {

std::uint16_t next_opid(std::uint16_t last) {
  return last == 0xFFFF ? std::uint16_t{1} : static_cast<std::uint16_t>(last + 1);
}

std::uint16_t OpidCounter::next() {
  const std::lock_guard lock(mutex_);
  last_ = next_opid(last_);
  return last_;
}

namespace {

[[noreturn]] void system_failure(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

class FileLock {
 public:
  explicit FileLock(const std::filesystem::path& path) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) {
      system_failure("cannot open " + path.string());
    }
    while (::flock(fd_, LOCK_EX) != 0) {
      if (errno != EINTR) {
        system_failure("cannot lock " + path.string());
      }
    }
  }
  ~FileLock() {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

std::uint16_t read_last(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return 0;
  }
  char buffer[32] = {};
  const ssize_t n = ::read(fd, buffer, sizeof(buffer) - 1);
  ::close(fd);
  if (n <= 0) {
    return 0;
  }
  unsigned value = 0;
  const auto [ptr, ec] = std::from_chars(buffer, buffer + n, value);
  if (ec != std::errc{} || value > 0xFFFF) {
    return 0;
  }
  return static_cast<std::uint16_t>(value);
}

void write_durably(const std::filesystem::path& path, std::uint16_t value) {
  const std::filesystem::path temp = path.string() + ".tmp";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    system_failure("cannot write " + temp.string());
  }
  const std::string text = std::to_string(value) + "\n";
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const bool synced = written && ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) {
    system_failure("cannot write " + temp.string());
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    system_failure("cannot rename " + temp.string());
  }
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace

OpidFile::OpidFile(std::filesystem::path path) : path_(std::move(path)) {}

std::uint16_t OpidFile::next() {
  const std::lock_guard guard(mutex_);
  const FileLock lock(path_.string() + ".lock");
  const std::uint16_t value = next_opid(read_last(path_));
  write_durably(path_, value);
  return value;
}

std::uint16_t OpidFile::last() const { return read_last(path_); }

}  // namespace egin::devices
