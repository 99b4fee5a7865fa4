#pragma once

#include <stdexcept>
#include <string>

namespace maxpods {

/// What went wrong, so the command line can map it to an exit status.
enum class ErrorKind {
  usage,                  ///< an option value is malformed or options contradict each other
  unknown_instance_type,  ///< the instance type is in no table
  data,                   ///< an instance data file cannot be read or is malformed
  unsupported,            ///< the question has no answer for this instance type and settings
  metadata,               ///< the instance metadata service could not tell the instance type
};

/// The one error type of maxpods: a message a user can act on, and its kind.
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), m_kind(kind) {}

  /// What went wrong, for the exit status.
  ErrorKind kind() const noexcept { return m_kind; }

 private:
  ErrorKind m_kind;
};

}  // namespace maxpods
