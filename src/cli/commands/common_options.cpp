#include "commands/common_options.hpp"

#include <charconv>
#include <fmt/format.h>

namespace rolecheck::cli {

CLI::Validator whole_number(std::size_t min, std::size_t max) {
  const auto range = fmt::format("{} to {}", min, max);
  return CLI::Validator(
      [min, max, range](std::string& input) -> std::string {
        std::size_t value = 0;
        const auto* end = input.data() + input.size();
        const auto [stop, error] = std::from_chars(input.data(), end, value);
        if (input.empty() || stop != end || (error != std::errc{} && error != std::errc::result_out_of_range))
          return fmt::format("{} is not a whole number (give one from {})", input, range);
        if (error == std::errc::result_out_of_range || value < min || value > max)
          return fmt::format("{} is out of range (give a whole number from {})", input, range);
        return {};
      },
      fmt::format("[{} - {}]", min, max));
}

CLI::Option* add_output_option(CLI::App& app, std::string& path, const std::string& description) {
  return app.add_option("-o,--output", path, description)->type_name("FILE");
}

CLI::Option* add_max_line_bytes_option(CLI::App& app, std::size_t& bytes) {
  return app
      .add_option("--max-line-bytes", bytes, "Longer lines are not read and get an unknown record (line mode only)")
      ->check(whole_number(1, std::size_t{1} << 30))
      ->capture_default_str();
}

void add_pipeline_options(CLI::App& app, InputOptions& in, std::size_t& jobs) {
  add_document_input_options(app, in);
  app.add_option("-j,--jobs", jobs, "Classify on N threads; the output is the same as with 1")
      ->check(whole_number(1, 256))
      ->type_name("N")
      ->capture_default_str();
}

}  // namespace rolecheck::cli
