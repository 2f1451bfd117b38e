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
          return fmt::format("'{}' is not a whole number (give one from {})", input, range);
        if (error == std::errc::result_out_of_range || value < min || value > max)
          return fmt::format("{} is out of range (give a whole number from {})", input, range);
        // Written back in canonical form: CLI11 converts with base detection, so "010" would become 8.
        input = std::to_string(value);
        return {};
      },
      fmt::format("[{} - {}]", min, max));
}

CLI::Validator fraction() {
  return CLI::Validator(
      [](std::string& input) -> std::string {
        double value = 0.0;
        const auto* end = input.data() + input.size();
        const auto [stop, error] = std::from_chars(input.data(), end, value);
        if (input.empty() || stop != end || error != std::errc{})
          return fmt::format("'{}' is not a number (give one from 0 to 1, such as 0.6)", input);
        if (!(value >= 0.0 && value <= 1.0))
          return fmt::format("{} is out of range (give a number from 0 to 1)", input);
        return {};
      },
      "[0 - 1]");
}

CLI::Option* add_output_option(CLI::App& app, std::string& path, const std::string& description) {
  return app.add_option("-o,--output", path, description)->type_name("FILE");
}

CLI::Option* add_max_line_bytes_option(CLI::App& app, std::size_t& bytes) {
  return app
      .add_option("--max-line-bytes", bytes, "Longer lines are not read and get an unknown record (line mode only)")
      ->type_name("N")
      ->transform(whole_number(1, std::size_t{1} << 30))
      ->capture_default_str();
}

void add_pipeline_options(CLI::App& app, InputOptions& in, std::size_t& jobs) {
  add_document_input_options(app, in);
  app.add_option("-j,--jobs", jobs, "Classify on N threads; the output is the same as with 1")
      ->transform(whole_number(1, 256))
      ->type_name("N")
      ->capture_default_str();
}

}  // namespace rolecheck::cli
