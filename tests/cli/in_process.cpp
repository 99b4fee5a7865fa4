#include "run.hpp"

#include <app.hpp>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace maxpods::test {
namespace {

// A FILE* that writes into memory; the text is whole once the stream is closed.
class MemoryStream {
 public:
  MemoryStream() : file_(open_memstream(&data_, &size_)) {
    if (file_ == nullptr) {
      throw std::runtime_error("open_memstream failed");
    }
  }
  MemoryStream(const MemoryStream&) = delete;
  MemoryStream& operator=(const MemoryStream&) = delete;
  ~MemoryStream() {
    if (file_ != nullptr) {
      std::fclose(file_);
    }
    std::free(data_);
  }

  std::FILE* file() { return file_; }

  std::string take() {
    std::fclose(file_);
    file_ = nullptr;
    return {data_, size_};
  }

 private:
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::FILE* file_;
};

}  // namespace

Run run_in_process(const std::vector<std::string>& args) {
  std::vector<const char*> argv{"maxpods"};
  for (const auto& arg : args) {
    argv.push_back(arg.c_str());
  }
  MemoryStream out;
  MemoryStream err;
  Run run;
  run.status = maxpods::cli::run(argv, out.file(), err.file());
  run.out = out.take();
  run.err = err.take();
  return run;
}

}  // namespace maxpods::test
