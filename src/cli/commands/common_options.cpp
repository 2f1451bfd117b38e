#include "commands/common_options.hpp"

namespace rolecheck::cli {

CLI::Option* add_output_option(CLI::App& app, std::string& path, const std::string& description) {
  return app.add_option("-o,--output", path, description)->type_name("FILE");
}

CLI::Option* add_max_line_bytes_option(CLI::App& app, std::size_t& bytes) {
  return app
      .add_option("--max-line-bytes", bytes, "Longer lines are not read and get an unknown record (line mode only)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
      ->capture_default_str();
}

void add_pipeline_options(CLI::App& app, InputOptions& in, std::size_t& jobs) {
  add_document_input_options(app, in);
  app.add_option("-j,--jobs", jobs, "Classify on N threads; the output is the same as with 1")
      ->check(CLI::Range(std::size_t{1}, std::size_t{256}))
      ->type_name("N")
      ->capture_default_str();
}

}  // namespace rolecheck::cli
