#pragma once

// Reads the instance type from the EC2 instance metadata service (IMDSv2, falling back to
// IMDSv1 only where the token call is refused).

#include <chrono>
#include <optional>
#include <string>

namespace maxpods::io {

/// Where and how to ask the instance metadata service.
struct MetadataSettings {
  std::string endpoint = "http://169.254.169.254";  ///< AWS_EC2_METADATA_SERVICE_ENDPOINT
  bool disabled = false;                            ///< AWS_EC2_METADATA_DISABLED=true
  std::chrono::milliseconds attempt_timeout{1000};  ///< one connection and answer
  std::chrono::milliseconds deadline{2500};         ///< all attempts together
  int attempts = 3;                                 ///< tries per call, within the deadline
};

/// The settings from AWS_EC2_METADATA_SERVICE_ENDPOINT and AWS_EC2_METADATA_DISABLED.
MetadataSettings metadata_settings_from_environment();

/// The instance type this machine runs as. Throws Error(metadata) when the service is disabled,
/// unreachable, slow, refuses the token, or answers something that is not an instance type.
std::string instance_type_from_metadata(const MetadataSettings& settings);

}  // namespace maxpods::io
