#include "pipeline/input_batch.hpp"

namespace rolecheck::cli {

std::optional<InputFile> open_batch_input(const std::string& path, InputBatch& batch) {
  std::string error;
  auto input = InputFile::open(path, error);
  if (!input) {
    batch.messages.push_back(error);
    batch.status = 2;
  }
  return input;
}

}  // namespace rolecheck::cli
