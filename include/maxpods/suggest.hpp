#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace maxpods {

/// Edits (insertions, deletions, substitutions, swaps of neighbours) between two words,
/// ignoring case.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Up to `limit` candidates a likely typo of `word` could mean, closest first: those within a
/// quarter of its length (at least 1, at most 3 edits).
std::vector<std::string> closest(std::string_view word,
                                 const std::vector<std::string_view>& candidates,
                                 std::size_t limit = 3);

/// "a", "a or b", "a, b or c".
std::string join_choices(const std::vector<std::string>& choices);

}  // namespace maxpods
